"""Responsiveness figures, each from a fresh offscreen process: the Preview panel's
refresh after an edit (:mod:`benchmarks.preview_probe`) and the longest UI stall after
a typical edit on the large document (:mod:`benchmarks.edit_probe`)."""

from __future__ import annotations

import shutil
import statistics
import tempfile
from collections.abc import Iterator
from pathlib import Path

from benchmarks.editor_bench import run_probe
from benchmarks.harness import Figure

PREVIEW_REFRESH_TARGET = 0.3
STALL_TARGET = 0.1
EDITS = {
    "text": ("typing in a claim's text", "typing a character in a claim's text (Inspector)"),
    "outline": ("moving a claim in the outline", "moving a claim in the outline (Alt+Down)"),
}
"""Edit kind → (short name for the figure, what the user does)."""


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms"


def preview_figures(claims: int = 500, probes: int = 3, runs: int = 3) -> Iterator[Figure | str]:
    with tempfile.TemporaryDirectory() as config:
        results = [
            run_probe([str(claims), str(runs)], Path(config), module="benchmarks.preview_probe")
            for _ in range(probes)
        ]
    refresh = [r for p in results for r in p["refresh"]]
    stalls = [s for p in results for s in p["stall"]]
    yield Figure(
        f"preview first build of {claims:,} claims (tab shown → page built)",
        [p["first_build"] for p in results],
    )
    yield Figure(
        f"preview refresh of {claims:,} claims (edit → page updated)",
        refresh,
        target=PREVIEW_REFRESH_TARGET,
    )
    yield Figure("longest UI stall during that preview refresh", stalls, target=STALL_TARGET)
    render = [r for p in results for r in p["render"]]
    applying = [total - part for total, part in zip(refresh, render, strict=True)]
    worst = max(
        ((s, c) for p in results for s, c in zip(p["stall"], p["causes"], strict=True)),
        key=lambda pair: pair[0],
    )[1]
    yield (
        f"preview of {claims:,} claims ({results[0]['parts']} parts), medians: refresh = "
        f"render on the worker {_ms(render)} + changing the shown page {_ms(applying)}; "
        f"the panel's 250-ms debounce after the last keystroke comes on top. Longest UI "
        f"stall during the first build {_ms([p['first_stall'] for p in results])}. "
        f"Worst stall during a refresh: {worst}"
    )


def edit_figures(large: Path, runs: int = 5, watch_s: float = 2.0) -> Iterator[Figure | str]:
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "edited.briefing"  # the edits stay out of the suite's file
        shutil.copyfile(large, copy)
        config = Path(scratch) / "config"
        config.mkdir()
        probe = run_probe(
            [str(copy), str(runs), *EDITS],
            config,
            module="benchmarks.edit_probe",
            BRIEFING_BENCH_WATCH_S=repr(watch_s),
        )
    checks: list[float] = []
    for kind, (short, label) in EDITS.items():
        edits = probe[kind]
        yield Figure(
            f"longest UI stall after {short}, large",
            [e["stall"] for e in edits],
            target=STALL_TARGET,
        )
        checks += [e["checks"] for e in edits if e["checks"] is not None]
        yield _phases(label, edits, watch_s)
    if checks:
        yield Figure("edit → checks dock updated (incl. 500-ms debounce), large", checks)
    if "outline tab shown" in probe:
        shown = probe["outline tab shown"]
        yield f"first showing the Outline tab, large document: longest stall {shown}"


def _phases(label: str, edits: list[dict], watch_s: float) -> str:
    """Where the time of one kind of edit goes (medians), and the worst later stall."""
    pushes = [e["push"] for e in edits if e["push"] is not None]
    boards = [e["board"] for e in edits if e["board"] is not None]
    worst = max(edits, key=lambda e: e["after"])
    return (
        f"{label}, large document, medians over {len(edits)}: the key press "
        f"{_ms([e['key'] for e in edits])} (Session.push inside it "
        f"{_ms(pushes) if pushes else 'n/a'}); then, within {watch_s:g} s, the longest stall "
        f"{_ms([e['after'] for e in edits])}, worst {worst['after_cause']} "
        f"at +{worst['after_at'] * 1000:.0f} ms; board updated at "
        f"{_ms(boards) if boards else 'n/a'}"
    )
