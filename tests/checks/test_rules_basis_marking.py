"""Rules on judgments' basis and on classification markings."""

from __future__ import annotations

from briefing.checks import Severity, apply_fix
from briefing.core.model import Block
from tests.checks.helpers import briefing, cite, claim, rules_for, source

SOURCES = [source("s1", reliability="B"), source("s2", reliability="E"), source("s3")]


def test_single_source_judgment_in_key_judgments_only() -> None:
    judged = {"kind": "judgment", "confidence": "moderate"}
    doc = briefing(
        [
            claim("c1", **judged, citations=(cite("s1"), cite("s1"))),
            claim("c2", **judged, citations=(cite("s1"), cite("s3"))),
            claim("c3", **judged, citations=(cite("s1"),)),  # not a key judgment
            claim("c4", kind="information", citations=(cite("s1"),)),
        ],
        sources=SOURCES,
        key=["c1", "c2", "c4"],
        body=["c3"],
    )
    found = rules_for(doc, "single-source-judgment")
    assert [(f.claim, f.source, f.severity) for f in found] == [("c1", "s1", Severity.WARNING)]


def test_weak_basis_high_confidence() -> None:
    high = {"kind": "judgment", "confidence": "high"}
    doc = briefing(
        [
            claim("c1", **high, citations=(cite("s2"),)),  # source graded E
            claim("c2", **high, citations=(cite("s1", credibility="5"), cite("s2"))),
            claim("c3", **high, citations=(cite("s1"), cite("s2"))),  # one B source
            claim("c4", kind="judgment", confidence="moderate", citations=(cite("s2"),)),
            claim("c5", **high, citations=(cite("s3"),)),  # ungraded: unknown, not weak
        ],
        sources=SOURCES,
        key=["c1", "c2", "c3", "c4", "c5"],
    )
    found = rules_for(doc, "weak-basis-high-confidence")
    assert [(f.claim, f.severity) for f in found] == [
        ("c1", Severity.WARNING),
        ("c2", Severity.WARNING),
    ]


def test_missing_portion_mark() -> None:
    doc = briefing(
        [claim("c1", portion="U"), claim("c2"), claim("c3")],  # c3 unplaced
        key=["c1", "c2"],
        body=[Block.prose("Marked.", portion="U"), Block.prose("Unmarked."), Block.prose("  ")],
        marking_scheme="us",
        classification="U",
    )
    found = rules_for(doc, "missing-portion-mark")
    assert [(f.claim, f.section, f.targets.get("block")) for f in found] == [
        ("c2", "k1", None),
        (None, "k2", 1),
    ]
    assert {f.severity for f in found} == {Severity.ERROR}


def test_portion_outside_the_scheme_is_missing() -> None:
    doc = briefing(
        [claim("c1", portion="S")],
        key=["c1"],
        marking_scheme=("LOW", "HIGH"),
        classification="HIGH",
    )
    (found,) = rules_for(doc, "missing-portion-mark")
    assert "'S'" in found.message


def test_no_marking_scheme_means_no_marking_findings() -> None:
    doc = briefing([claim("c1")], key=["c1"], body=[Block.prose("Prose.")])
    assert rules_for(doc, "missing-portion-mark") == []
    assert rules_for(doc, "banner-below-portion") == []


def test_banner_below_portion_and_its_fix() -> None:
    doc = briefing(
        [claim("c1", portion="U"), claim("c2", portion="S")],
        key=["c1", "c2"],
        body=[Block.prose("Context.", portion="C")],
        marking_scheme="us",
        classification="CONFIDENTIAL",
    )
    (found,) = rules_for(doc, "banner-below-portion")
    assert found.severity == Severity.ERROR and found.claim == "c2"
    assert "SECRET" in found.message
    assert found.fix is not None
    apply_fix(doc, found.fix)
    assert doc.info.classification == "S"
    assert rules_for(doc, "banner-below-portion") == []


def test_banner_at_or_above_portion_is_fine() -> None:
    for banner in ("S", "SECRET", "TS", "(TS)"):
        doc = briefing(
            [claim("c1", portion="S")], key=["c1"], marking_scheme="us", classification=banner
        )
        assert rules_for(doc, "banner-below-portion") == [], banner


def test_banner_missing_or_unknown() -> None:
    for banner in ("", "HIGH"):
        doc = briefing(
            [claim("c1", portion="U")], key=["c1"], marking_scheme="us", classification=banner
        )
        assert [f.rule for f in rules_for(doc, "banner-below-portion")] == [
            "banner-below-portion"
        ], banner
