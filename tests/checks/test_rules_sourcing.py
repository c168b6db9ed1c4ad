"""Integrity and sourcing rules, each with a positive and a negative case."""

from __future__ import annotations

from dataclasses import replace

from briefing.checks import Severity, Snapshot, apply_fix, run_checks
from briefing.core.model import Block, Section
from tests.checks.helpers import TEXT, briefing, cite, claim, rules_for, source


def test_dangling_reference_in_outline_and_citation() -> None:
    doc = briefing([claim("c1", citations=(cite(),))], body=["c1"])
    assert rules_for(doc, "dangling-reference") == []
    snap = Snapshot.of(doc)
    broken = Snapshot(
        snap.info,
        {},  # the source s1 is gone
        snap.claims,
        snap.sections + (Section(id="k9", blocks=(Block.for_claim("ghost"),)),),
    )
    found = rules_for(broken, "dangling-reference")
    assert [(f.targets.get("claim"), f.targets.get("source")) for f in found] == [
        ("ghost", None),
        ("c1", "s1"),
    ]
    assert all(f.severity == Severity.ERROR for f in found)


def test_uncited_claim() -> None:
    doc = briefing(
        [
            claim("c1", kind="information"),
            claim("c2", kind="quote"),
            claim("c3", kind="information", citations=(cite(),)),
            claim("c4", kind="judgment", confidence="low"),
            claim("c5", kind="information"),  # on the board only
        ],
        body=["c1", "c2", "c3", "c4"],
    )
    found = rules_for(doc, "uncited-claim")
    assert [f.claim for f in found] == ["c1", "c2"]
    assert {f.severity for f in found} == {Severity.ERROR}


def test_quote_not_in_source() -> None:
    doc = briefing(
        [
            claim("c1", citations=(cite(quote="the bridge would reopen in April"),)),
            claim("c2", citations=(cite(quote="the bridge would reopen in March"),)),
        ],
        body=["c1", "c2"],
    )
    found = rules_for(doc, "quote-not-in-source")
    assert [(f.claim, f.targets["citation"], f.source) for f in found] == [("c1", 0, "s1")]


def test_quote_match_ignores_whitespace_and_quote_style() -> None:
    quote = "found cracks in two supports, according to a \u201csenior engineer\u201d."
    doc = briefing([claim("c1", citations=(cite(quote=quote),))], body=["c1"])
    assert rules_for(doc, "quote-not-in-source") == []
    assert rules_for(doc, "anchor-moved") == []  # no offsets recorded: nothing moved


def test_quote_of_source_without_text_is_not_judged() -> None:
    doc = briefing(
        [claim("c1", citations=(cite(quote="words we cannot see"),))],
        sources=[source(text="")],
        body=["c1"],
    )
    assert rules_for(doc, "quote-not-in-source") == []


def test_anchor_moved_and_its_fix() -> None:
    quote = "Engineers found cracks in two supports"
    true_start = TEXT.index("Engineers")
    doc = briefing(
        [claim("c1", citations=(cite(quote=quote, start=0, end=len(quote)),))], body=["c1"]
    )
    (found,) = rules_for(doc, "anchor-moved")
    assert found.severity == Severity.WARNING
    assert found.fix is not None
    assert found.fix.changes["start"] == true_start
    end = found.fix.changes["end"]
    assert " ".join(TEXT[true_start:end].split()) == quote
    apply_fix(doc, found.fix)
    assert doc.claim("c1").citations[0].start == true_start
    assert rules_for(doc, "anchor-moved") == []


def test_anchor_in_place_is_quiet() -> None:
    doc = briefing([claim("c1", citations=(cite(quote="Repairs will cost"),))], body=["c1"])
    assert rules_for(doc, "anchor-moved") == []
    assert rules_for(doc, "quote-not-in-source") == []


def test_anchor_moved_picks_the_nearest_occurrence() -> None:
    text = "alpha beta. gamma. alpha beta. delta. alpha beta."
    doc = briefing(
        [claim("c1", citations=(cite(quote="alpha beta", start=25, end=35),))],
        sources=[source(text=text)],
        body=["c1"],
    )
    (found,) = rules_for(doc, "anchor-moved")
    assert found.fix is not None
    assert found.fix.changes == {"start": 19, "end": 29, "locator": "para. 1"}


def test_source_missing_metadata() -> None:
    doc = briefing(
        [claim("c1", citations=(cite("s1"), cite("s2"), cite("s3")))],
        sources=[
            source("s1"),
            source("s2", url="", published=""),
            source("s3", kind="report", url="", title=""),
            source("s4", title="", url=""),  # not cited
        ],
        body=["c1"],
    )
    found = rules_for(doc, "source-missing-metadata")
    assert [f.source for f in found] == ["s2", "s3"]
    assert "date or URL" in found[0].message
    assert "title" in found[1].message and "URL" not in found[1].message


def test_unused_source() -> None:
    doc = briefing(
        [claim("c1", citations=(cite("s1"),)), claim("c2", citations=(cite("s3"),))],
        sources=[source("s1"), source("s2"), source("s3")],
    )
    found = rules_for(doc, "unused-source")
    assert [f.source for f in found] == ["s2"]
    assert found[0].severity == Severity.INFO


def test_unplaced_claim() -> None:
    doc = briefing([claim("c1"), claim("c2"), claim("c3")], key=["c2"])
    found = rules_for(doc, "unplaced-claim")
    assert [f.claim for f in found] == ["c1", "c3"]


def test_duplicate_claim() -> None:
    doc = briefing(
        [
            claim("c1", "The bridge reopens in March."),
            claim("c2", "Repairs cost four million euros."),
            claim("c3", "  the bridge  REOPENS in March "),
            claim("c4", "The bridge reopens in May."),
        ]
    )
    found = rules_for(doc, "duplicate-claim")
    assert [(f.claim, f.severity) for f in found] == [("c3", Severity.INFO)]
    assert "'c1'" in found[0].message


def test_run_checks_selects_rules_and_sorts_by_severity() -> None:
    doc = briefing([claim("c1", kind="information"), claim("c2")], body=["c1"])
    found = run_checks(doc)
    severities = [f.severity for f in found]
    order = [Severity.ERROR, Severity.WARNING, Severity.INFO]
    assert severities == sorted(severities, key=order.index)
    assert {"uncited-claim", "unplaced-claim"} <= {f.rule for f in found}
    fixed = replace(doc.claim("c1"), citations=(cite(),))
    doc.update_claim("c1", citations=fixed.citations)
    assert "uncited-claim" not in {f.rule for f in run_checks(doc)}
