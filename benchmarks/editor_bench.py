"""Editor figures, each from a fresh offscreen process (:mod:`benchmarks.editor_probe`):
cold start to the first painted window, resident memory with the large document
shown, the claim board's filter and scroll.  (The preview and the stalls after an
edit are in :mod:`benchmarks.responsive_bench`.)"""

from __future__ import annotations

import json
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.harness import ROOT, Figure, python_command, python_env

SAMPLE_START_TARGET = 0.8
LARGE_START_TARGET = 1.5
MEMORY_TARGET_MB = 300.0
FILTER_TARGET = 0.1
SCROLL_FRAME_TARGET = 1 / 60


def write_sample(path: Path) -> Path:
    from briefing.resources import sample_document
    from briefing.store.database import write_briefing

    path.unlink(missing_ok=True)
    write_briefing(sample_document(), path)
    return path


def run_probe(
    args: list[str],
    config: Path,
    settle_ms: int = 1000,
    module: str = "benchmarks.editor_probe",
    **extra_env: str,
) -> dict:
    """Run a probe module offscreen with its own settings; its last JSON line."""
    env = python_env(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(config),
        BRIEFING_BENCH_SETTLE_MS=str(settle_ms),
        **extra_env,
    )
    env["BRIEFING_BENCH_LAUNCH"] = repr(time.monotonic())
    result = subprocess.run(
        python_command(module, *args),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"editor probe {args} failed: {result.stderr[-2000:]}")
    return json.loads(lines[-1])


def start_figures(
    sample: Path,
    large: Path,
    sample_runs: int = 5,
    large_runs: int = 3,
    warmup: bool = True,
    settle_ms: int = 1000,
) -> Iterator[Figure | str]:
    with tempfile.TemporaryDirectory() as config:
        if warmup:
            run_probe(["start", str(sample)], Path(config))  # fill the page cache
        small = [
            run_probe(["start", str(sample)], Path(config), settle_ms) for _ in range(sample_runs)
        ]
        big = [
            run_probe(["start", str(large), "--board"], Path(config), settle_ms)
            for _ in range(large_runs)
        ]
    yield Figure(
        "editor cold start to first paint, sample",
        [p["first_paint"] for p in small],
        target=SAMPLE_START_TARGET,
    )
    yield Figure(
        "editor cold start to first paint, large document",
        [p["first_paint"] for p in big],
        target=LARGE_START_TARGET,
    )
    if all("outline_rows" in p for p in big):
        yield Figure(  # laid out just after the first paint, so the window shows at once
            "editor cold start to the outline's rows laid out, large document",
            [p["outline_rows"] for p in big],
        )
    yield Figure(
        "editor resident memory (VmRSS), large document shown",
        [p["rss_mb"] for p in big],
        unit="MB",
        target=MEMORY_TARGET_MB,
    )
    yield Figure(
        "editor peak resident memory (VmHWM), large document",
        [p["hwm_mb"] for p in big],
        unit="MB",
        target=MEMORY_TARGET_MB,
    )
    yield Figure(
        "editor resident memory (VmRSS), sample shown", [p["rss_mb"] for p in small], unit="MB"
    )
    if all("filter_worst" in p for p in big):
        yield Figure(
            "claim board: worst filter, large document",
            [p["filter_worst"] for p in big],
            target=FILTER_TARGET,
        )
        yield Figure(
            "claim board: one scroll frame",
            [p["scroll_frame"] for p in big],
            target=SCROLL_FRAME_TARGET,
        )
    yield _phases("sample", small)
    yield _phases("large document", big)


def _phases(label: str, probes: list[dict]) -> str:
    """Median time since launch at which each start-up phase was reached."""
    names = list(probes[0]["marks"])
    parts = []
    for name in names:
        reached = [p["marks"][name] for p in probes if name in p["marks"]]
        parts.append(f"{name} {statistics.median(reached) * 1000:.0f}")
    return f"start-up phases, {label} (ms since launch, medians): " + "; ".join(parts)
