"""Qt-free figures of the editor's background work: ``run_checks`` on 5,000 claims, and
the preview's render (``build_ir`` + ``render_preview``, what the Preview panel's worker
thread does after each edit) on 500."""

from __future__ import annotations

from collections.abc import Iterator

from benchmarks.generate import synthetic_document
from benchmarks.harness import Figure, measure
from briefing.checks import run_checks
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
    yield Figure(
        f"checks on {claims:,} claims (run_checks)",
        measure(lambda: run_checks(doc), repeat, warmup=1),
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
