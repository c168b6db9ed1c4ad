"""Timing helpers: a figure (median of several runs, min–max, ratio to a peer, target),
in-process and whole-process timing, and peers run alternately with ours."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Figure:
    """One measured quantity: seconds (shown in ms) or megabytes (``unit="MB"``)."""

    name: str
    runs: list[float]
    target: float | None = None
    unit: str = "s"
    peer_runs: list[float] = field(default_factory=list)
    peer_name: str = ""
    ratio_target: float | None = None
    ratio_acceptable: float | None = None
    """A ratio above the target but at most this is reported as acceptable for now."""

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def peer(self) -> float | None:
        return statistics.median(self.peer_runs) if self.peer_runs else None

    @property
    def ratio(self) -> float | None:
        peer = self.peer
        return self.median / peer if peer else None

    @property
    def verdict(self) -> str:
        """ "ok", "acceptable", "MISSED", or "" when the figure has no target."""
        verdicts = []
        if self.target is not None:
            verdicts.append("ok" if self.median <= self.target else "MISSED")
        if self.ratio_target is not None and self.ratio is not None:
            if self.ratio <= self.ratio_target:
                verdicts.append("ok")
            elif self.ratio_acceptable is not None and self.ratio <= self.ratio_acceptable:
                verdicts.append("acceptable")
            else:
                verdicts.append("MISSED")
        for worst in ("MISSED", "acceptable", "ok"):
            if worst in verdicts:
                return worst
        return ""

    def show(self, value: float) -> str:
        return f"{value:.0f} MB" if self.unit == "MB" else f"{value * 1000:.1f} ms"

    def spread(self) -> str:
        return f"{self.show(min(self.runs))} – {self.show(max(self.runs))}"

    def target_text(self) -> str:
        parts = []
        if self.target is not None:
            parts.append(f"≤ {self.show(self.target)}")
        if self.ratio_target is not None:
            text = f"ratio ≤ {self.ratio_target:g}"
            if self.ratio_acceptable is not None:
                text += f" (≤ {self.ratio_acceptable:g} acceptable now)"
            parts.append(text)
        return ", ".join(parts)

    def line(self) -> str:
        text = (
            f"{self.name:<58} median {self.show(self.median):>10} "
            f"({self.spread()}, n={len(self.runs)})"
        )
        if self.ratio is not None:
            text += f"  ratio {self.ratio:.2f}× {self.peer_name} ({self.show(self.peer or 0)})"
        if self.verdict:
            text += f"  target {self.target_text()}: {self.verdict}"
        return text


def measure(fn: Callable[[], object], repeat: int = 5, warmup: int = 0) -> list[float]:
    """Wall times of *repeat* calls of *fn* (after *warmup* untimed calls)."""
    for _ in range(warmup):
        fn()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return runs


def run_process(command: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Whole-process wall time of *command* (raises if it fails)."""
    start = time.perf_counter()
    result = subprocess.run(list(command), capture_output=True, env=env, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {result.stderr.decode()[-2000:]}")
    return elapsed


def alternate(
    commands: dict[str, Sequence[str]], repeat: int, warmup: bool = True
) -> dict[str, list[float]]:
    """Run each command once per round, round after round, so all share the machine's noise.

    With *warmup*, one untimed round first fills the page cache for every program.
    """
    env = python_env()
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_number in range(repeat + 1 if warmup else repeat):
        for name, command in commands.items():
            elapsed = run_process(command, env)
            if round_number or not warmup:
                times[name].append(elapsed)
    return times


def python_env(**extra: str) -> dict[str, str]:
    """The environment for a child Python: this checkout importable, no stray Qt screen."""
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return dict(os.environ, PYTHONPATH=path, **extra)


def python_command(module: str, *args: str) -> list[str]:
    return [sys.executable, "-m", module, *args]


def proc_status_mb(*keys: str) -> dict[str, float]:
    """Fields of /proc/self/status such as VmRSS and VmHWM, in MB (0 where unavailable)."""
    values = dict.fromkeys(keys, 0.0)
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                key, _, rest = line.partition(":")
                if key in values:
                    values[key] = int(rest.split()[0]) / 1024
    except OSError:
        pass
    return values
