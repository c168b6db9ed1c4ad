"""Checks and preview figures: ``run_checks`` on 5,000 claims, ``preview_html`` on 500."""

from __future__ import annotations

from collections.abc import Iterator

from benchmarks.generate import synthetic_document
from benchmarks.harness import Figure, measure
from briefing.checks import run_checks
from briefing.export import preview_html

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


def preview_figures(claims: int = 500, repeat: int = 7) -> Iterator[Figure | str]:
    doc = synthetic_document(claims, max(1, claims // 10), 10)
    yield Figure(
        f"preview HTML of {claims:,} claims (preview_html)",
        measure(lambda: preview_html(doc), repeat, warmup=1),
        target=PREVIEW_TARGET,
    )
