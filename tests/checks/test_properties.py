"""Property tests: checks never raise, fixes work, a cleaned document has no errors."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings

from briefing.checks import (
    Finding,
    apply_fix,
    findings_to_json,
    format_text,
    run_checks,
    sourcing_summary,
    summary_paragraphs,
)
from briefing.checks.findings import Severity
from briefing.core.document import Document
from briefing.core.vocab import marking_levels
from tests.strategies import documents

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _key(finding: Finding) -> tuple[str, str, str]:
    return finding.rule, json.dumps(finding.targets, sort_keys=True), finding.message


@SETTINGS
@given(documents())
def test_checks_and_reports_never_raise(doc: Document) -> None:
    findings = run_checks(doc)
    assert all(f.severity in Severity for f in findings)
    data = json.loads(findings_to_json(findings))
    assert len(data) == len(findings)
    text = format_text(findings, doc)
    assert text.endswith("\n") and all(line.isprintable() for line in text.splitlines())
    assert isinstance(summary_paragraphs(sourcing_summary(doc)), list)


@SETTINGS
@given(documents())
def test_each_fix_removes_its_finding_and_undoes(doc: Document) -> None:
    for finding in run_checks(doc):
        if finding.fix is None:
            continue
        inverse = apply_fix(doc, finding.fix)
        assert _key(finding) not in {_key(f) for f in run_checks(doc)}
        doc.apply(inverse)


def make_clean(doc: Document) -> None:
    """Resolve every error the way an analyst would, through Document edits."""
    lowest = (marking_levels(doc.info.marking_scheme) or ("",))[0]
    for finding in run_checks(doc):
        if finding.severity != Severity.ERROR:
            continue
        if finding.fix is not None:
            apply_fix(doc, finding.fix)
        elif finding.rule == "uncited-claim":
            doc.update_claim(finding.claim, kind="assumption")
        elif finding.rule == "quote-not-in-source":
            doc.update_citation(finding.claim, int(finding.targets["citation"]), quote="")
        elif finding.rule == "missing-portion-mark" and finding.claim is not None:
            doc.update_claim(finding.claim, portion=lowest)
        elif finding.rule == "missing-portion-mark":
            doc.update_block(finding.section, int(finding.targets["block"]), portion=lowest)
        else:
            raise AssertionError(f"no remedy for {finding}")


@SETTINGS
@given(documents())
def test_a_document_made_clean_has_no_errors(doc: Document) -> None:
    make_clean(doc)  # portions first; a raised banner may follow in the second round
    make_clean(doc)
    assert [f for f in run_checks(doc) if f.severity == Severity.ERROR] == []
