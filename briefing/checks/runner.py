"""Running the checks: every rule over a Document (or Snapshot), in one call."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from briefing.checks import (
    rules_basis,
    rules_estimative,
    rules_marking,
    rules_outline,
    rules_sourcing,
)
from briefing.checks.findings import RULES, SEVERITY_ORDER, Finding
from briefing.checks.snapshot import Context, Snapshot
from briefing.core.document import Document

Check = Callable[[Context], Iterator[Finding]]

CHECKS: tuple[tuple[Check, frozenset[str]], ...] = (
    (rules_sourcing.dangling_references, frozenset({"dangling-reference"})),
    (rules_sourcing.uncited_claims, frozenset({"uncited-claim"})),
    (rules_sourcing.quotes_in_sources, frozenset({"quote-not-in-source", "anchor-moved"})),
    (rules_marking.markings, frozenset({"banner-below-portion", "missing-portion-mark"})),
    (rules_estimative.judgments_without_confidence, frozenset({"judgment-without-confidence"})),
    (rules_estimative.estimative_mismatches, frozenset({"estimative-mismatch"})),
    (rules_estimative.confidence_mismatches, frozenset({"confidence-mismatch"})),
    (rules_estimative.mixed_scales, frozenset({"mixed-estimative-scales"})),
    (
        rules_estimative.confidence_in_likelihood_sentences,
        frozenset({"confidence-and-likelihood-in-sentence"}),
    ),
    (rules_basis.single_source_judgments, frozenset({"single-source-judgment"})),
    (rules_basis.weak_basis, frozenset({"weak-basis-high-confidence"})),
    (rules_sourcing.source_metadata, frozenset({"source-missing-metadata"})),
    (rules_outline.empty_sections, frozenset({"empty-section"})),
    (rules_sourcing.unused_sources, frozenset({"unused-source"})),
    (rules_sourcing.unplaced_claims, frozenset({"unplaced-claim"})),
    (rules_sourcing.duplicate_claims, frozenset({"duplicate-claim"})),
)


def run_checks(doc: Document | Snapshot, rules: Iterable[str] | None = None) -> list[Finding]:
    """All findings for *doc*, errors first, then warnings, then info.

    *rules* limits the run to those rule codes (unknown codes raise ValueError).
    Within a severity, findings keep the order of the rules and of the document.
    """
    selected = set(RULES) if rules is None else set(rules)
    unknown = selected - set(RULES)
    if unknown:
        raise ValueError(f"unknown rule code(s): {', '.join(sorted(unknown))}")
    ctx = Context(Snapshot.of(doc))
    findings: list[Finding] = []
    for check, codes in CHECKS:
        if codes & selected:
            findings.extend(f for f in check(ctx) if f.rule in selected)
    findings.sort(key=lambda f: SEVERITY_ORDER[f.severity])
    return findings


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)
