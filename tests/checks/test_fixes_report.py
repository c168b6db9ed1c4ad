"""Fixes as Document ops (undoable, refused when stale) and the report formats."""

from __future__ import annotations

import json

import pytest

from briefing.checks import (
    RULES,
    exit_status,
    findings_to_json,
    fix_op,
    format_finding,
    format_text,
    run_checks,
)
from briefing.checks.findings import Severity
from briefing.core.errors import DomainError
from briefing.core.model import Block
from tests.checks.helpers import briefing, cite, claim, rules_for


def moved_quote_doc() -> object:
    quote = "Repairs will cost"
    return briefing([claim("c1", citations=(cite(quote=quote, start=0, end=17),))], body=["c1"])


def test_fix_is_undoable_through_the_inverse_op() -> None:
    doc = moved_quote_doc()
    (finding,) = rules_for(doc, "anchor-moved")
    before = doc.claim("c1")
    inverse = doc.apply(fix_op(doc, finding.fix))
    assert doc.claim("c1") != before
    doc.apply(inverse)
    assert doc.claim("c1") == before


def test_stale_fix_is_refused() -> None:
    doc = moved_quote_doc()
    (finding,) = rules_for(doc, "anchor-moved")
    doc.update_citation("c1", 0, quote="Repairs will cost about")
    with pytest.raises(DomainError, match="changed since the check"):
        fix_op(doc, finding.fix)


def test_every_rule_has_an_explanation() -> None:
    assert len(RULES) == 18
    for rule in RULES.values():
        assert rule.why.strip() and rule.action.strip() and rule.title.strip()


def test_json_output_lists_finding_objects() -> None:
    doc = moved_quote_doc()
    data = json.loads(findings_to_json(run_checks(doc)))
    moved = next(item for item in data if item["rule"] == "anchor-moved")
    assert moved["severity"] == "warning"
    assert moved["targets"] == {"claim": "c1", "citation": 0, "source": "s1"}
    assert moved["fix"]["changes"]["start"] > 0
    assert set(moved) == {"rule", "severity", "targets", "message", "fix"}


def test_text_output_groups_by_severity_with_first_words() -> None:
    doc = briefing(
        [
            claim("c1", "Officials expect\nthe bridge to reopen in spring\x00 after repairs."),
            claim("c2", "The new supports are likely stronger.", kind="judgment"),
        ],
        body=["c1", "c2", Block.prose("Unmarked.")],
        marking_scheme="us",
        classification="U",
    )
    findings = run_checks(doc)
    text = format_text(findings, doc)
    lines = text.splitlines()
    assert lines[0].startswith("Errors (")
    assert any(line.startswith("Warnings (") for line in lines)
    assert "uncited-claim: c1 “Officials expect the bridge to reopen…”" in text
    assert "\x00" not in text
    assert lines[-1] == (
        f"{sum(f.severity == Severity.ERROR for f in findings)} errors, "
        f"{sum(f.severity == Severity.WARNING for f in findings)} warnings, "
        f"{sum(f.severity == Severity.INFO for f in findings)} info."
    )


def test_exit_status() -> None:
    clean = briefing([claim("c1", citations=(cite(),))], body=["c1"])
    assert exit_status(run_checks(clean)) == 0
    broken = briefing([claim("c1")], body=["c1"])
    assert exit_status(run_checks(broken)) == 1
    assert format_text([], clean).strip() == "No findings."


def test_one_line_without_the_document_still_names_the_target() -> None:
    doc = briefing([claim("c1", "Officials expect repairs.")], body=["c1"])
    (finding,) = rules_for(doc, "uncited-claim")
    assert format_finding(finding) == (
        "uncited-claim: claim c1: Claim 'c1' is information but has no citation."
    )
    assert format_finding(finding, doc).startswith("uncited-claim: c1 “Officials expect repairs.”")


def test_describe_names_a_claim_by_its_first_words_as_the_report_line_does() -> None:
    from briefing.checks import describe

    text = "Officials expect the talks to stall before the spring thaw."
    doc = briefing([claim("c4", text, kind="judgment")], body=["c4"])
    (finding,) = rules_for(doc, "judgment-without-confidence")
    line = describe(finding, doc)
    assert line == (
        "c4 “Officials expect the talks to stall…”: "
        "Judgment 'c4' states neither a confidence nor a likelihood."
    )
    assert format_finding(finding, doc) == f"judgment-without-confidence: {line}"


def test_anchor_moved_names_both_ends_of_the_passage_and_its_fix_moves_both() -> None:
    """Issue 14: the end offset of a moved anchor is checked (counted by hand: "Repairs
    will cost" is 17 characters at 144 in the helper's source)."""
    doc = moved_quote_doc()
    (finding,) = rules_for(doc, "anchor-moved")
    assert finding.message == ("The quote of citation 1 of claim 'c1' is at 144–161 (para. 1) "
                               "in the source, not at 0–17.")
    assert finding.fix.changes == {"start": 144, "end": 161, "locator": "para. 1"}
