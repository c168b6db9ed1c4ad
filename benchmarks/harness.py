"""Timing helpers: median of several runs, min–max, ratio to a peer."""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Figure:
    name: str
    runs: list[float]
    target: float | None = None
    peer: float | None = None
    peer_name: str = ""
    unit: str = "s"

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    def line(self) -> str:
        text = (
            f"{self.name:<52} median {self.median * 1000:9.1f} ms "
            f"(min {min(self.runs) * 1000:.1f} – max {max(self.runs) * 1000:.1f})"
        )
        if self.peer:
            text += f"  ratio {self.median / self.peer:.2f}× {self.peer_name}"
        if self.target is not None:
            verdict = "ok" if self.median <= self.target else "MISSED"
            text += f"  target ≤ {self.target * 1000:.0f} ms: {verdict}"
        return text


def measure(fn: Callable[[], object], repeat: int = 5) -> list[float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return runs


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
