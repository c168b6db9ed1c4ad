"""Qt-free figures of the editor's background work: ``run_checks`` on 5,000 claims, and
the preview's render (``build_ir`` + ``render_preview``, what the Preview panel's worker
thread does after each edit) on 500."""

from __future__ import annotations

import time
from collections.abc import Iterator

from benchmarks.generate import synthetic_document
from benchmarks.harness import Figure, measure
from briefing.checks import clear_caches, run_checks
from briefing.export import build_ir
from briefing.export.html_writer import render_preview

CHECKS_TARGET = 0.1
PREVIEW_TARGET = 0.3


def checks_figures(
    claims: int = 5000, sources: int = 500, repeat: int = 7
) -> Iterator[Figure | str]:
    doc = synthetic_document(claims, sources, 10)
    findings = run_checks(doc)
    yield f"checks document: {claims:,} claims, {sources:,} sources, {len(findings)} findings"
    edits = [0]

    def first_runs() -> list[float]:
        runs = []
        for _ in range(repeat + 1):  # the first one warms up
            clear_caches()  # as on opening a file: nothing remembered (not timed)
            began = time.perf_counter()
            run_checks(doc)
            runs.append(time.perf_counter() - began)
        return runs[1:]

    def after_an_edit() -> None:
        claim = doc.claims[edits[0] % len(doc.claims)]
        edits[0] += 1
        doc.update_claim(claim.id, text=f"{claim.text} (edit {edits[0]})")
        run_checks(doc)

    yield Figure(
        f"checks on {claims:,} claims, first run (run_checks, nothing remembered)",
        first_runs(),
        target=CHECKS_TARGET,
    )
    yield Figure(
        f"checks on {claims:,} claims after a one-claim edit (as the editor re-runs them)",
        measure(after_an_edit, repeat, warmup=1),
        target=CHECKS_TARGET,
    )


def render_figures(claims: int = 500, repeat: int = 7) -> Iterator[Figure | str]:
    doc = synthetic_document(claims, max(1, claims // 10), 10)

    def render() -> None:
        render_preview(build_ir(doc))

    yield Figure(
        f"render_preview of {claims:,} claims (build_ir + render_preview)",
        measure(render, repeat, warmup=1),
        target=PREVIEW_TARGET,
    )
