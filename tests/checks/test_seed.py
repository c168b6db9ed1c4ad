"""The project's article as a briefing: sound as built, each planted problem found."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from briefing.checks import Severity, apply_fix, run_checks
from briefing.core.document import Document
from briefing.core.model import Claim, Source
from tests.checks.seed import seed_briefing


def test_sound_seed_briefing_has_no_errors_or_warnings_but_single_sourcing() -> None:
    findings = run_checks(seed_briefing())
    assert [f for f in findings if f.severity == Severity.ERROR] == []
    warnings = [(f.rule, f.claim) for f in findings if f.severity == Severity.WARNING]
    assert warnings == [("single-source-judgment", "c2")]


def _recite(doc: Document, claim_id: str, index: int, **changes: object) -> None:
    doc.update_citation(claim_id, index, **changes)


PLANTS: list[tuple[str, Callable[[Document], None], str]] = [
    (
        "uncited-claim",
        lambda d: (
            d.add_claim(Claim(id="p1", text="The valley has water.", portion="U")),
            d.place_claim("p1", "k2"),
        ),
        "p1",
    ),
    ("quote-not-in-source", lambda d: _recite(d, "c3", 0, quote="Upstream holds 75%"), "c3"),
    ("anchor-moved", lambda d: _recite(d, "c4", 0, start=10, end=57), "c4"),
    (
        "judgment-without-confidence",
        lambda d: d.update_claim("c2", confidence="", likelihood=""),
        "c2",
    ),
    ("estimative-mismatch", lambda d: d.update_claim("c1", likelihood="likely"), "c1"),
    (
        "mixed-estimative-scales",
        lambda d: d.update_claim("c2", text="A water-sharing deal is improbable for now."),
        "c2",
    ),
    (
        "confidence-and-likelihood-in-sentence",
        lambda d: d.update_claim(
            "c1", text="We judge with moderate confidence that the reservoirs very likely stay low."
        ),
        "c1",
    ),
    ("banner-below-portion", lambda d: d.update_claim("c3", portion="S"), "c3"),
    ("missing-portion-mark", lambda d: d.update_claim("c5", portion=""), "c5"),
    (
        "weak-basis-high-confidence",
        lambda d: (
            d.update_claim("c1", confidence="high"),
            d.update_source("s1", reliability="D"),
            d.update_source("s2", reliability="E"),
        ),
        "c1",
    ),
    (
        "single-source-judgment",
        lambda d: d.update_claim("c1", citations=d.claim("c1").citations[:1]),
        "c1",
    ),
    ("source-missing-metadata", lambda d: d.update_source("s2", url=""), None),
    (
        "unused-source",
        lambda d: d.add_source(Source(id="s9", title="Unread report", kind="report")),
        None,
    ),
    ("unplaced-claim", lambda d: d.add_claim(Claim(id="p2", text="Not placed yet.")), "p2"),
    (
        "duplicate-claim",
        lambda d: d.add_claim(
            replace(
                d.claim("c3"),
                id="p3",
                text="The upstream  state holds MOST of the basin's stored water",
            )
        ),
        "p3",
    ),
]


@pytest.mark.parametrize(("rule", "plant", "claim_id"), PLANTS, ids=[p[0] for p in PLANTS])
def test_planted_problem_is_found_by_its_rule(
    rule: str, plant: Callable[[Document], None], claim_id: str | None
) -> None:
    doc = seed_briefing()
    before = {(f.rule, f.claim, f.source) for f in run_checks(doc)}
    plant(doc)
    new = [f for f in run_checks(doc) if (f.rule, f.claim, f.source) not in before]
    assert rule in {f.rule for f in new}
    hit = next(f for f in new if f.rule == rule)
    if claim_id is not None:
        assert hit.claim == claim_id


def test_dangling_reference_in_damaged_json_is_a_finding() -> None:
    from briefing.checks import snapshot_from_dict
    from briefing.store.jsonio import document_to_dict

    data = document_to_dict(seed_briefing())
    data["sections"][1]["blocks"].append({"claim": "deleted"})
    data["claims"][2]["citations"].append({"source": "gone"})
    findings = run_checks(snapshot_from_dict(data))
    dangling = [f.targets for f in findings if f.rule == "dangling-reference"]
    assert dangling == [
        {"section": "k2", "block": 4, "claim": "deleted"},
        {"claim": "c3", "citation": 1, "source": "gone"},
    ]


def test_fixes_repair_the_seed() -> None:
    doc = seed_briefing()
    doc.update_citation("c4", 0, start=10, end=57)
    doc.update_claim("c3", portion="S")
    for finding in run_checks(doc):
        if finding.fix is not None:
            apply_fix(doc, finding.fix)
    assert [f for f in run_checks(doc) if f.severity == Severity.ERROR] == []
    assert doc.info.classification == "S"
    cite = doc.claim("c4").citations[0]
    assert doc.source("s1").text[cite.start : cite.end] == cite.quote


def test_quote_style_changes_do_not_break_the_seed() -> None:
    doc = seed_briefing()
    curly = doc.claim("c5").citations[0].quote.replace("'", "\u2019")
    doc.update_citation("c5", 0, quote=curly)
    assert not [
        f for f in run_checks(doc) if f.claim == "c5" and f.rule.startswith(("quote", "anchor"))
    ]
