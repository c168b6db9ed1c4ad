"""ICD 203 rules on judgments and estimative wording."""

from __future__ import annotations

import pytest

from briefing.checks import Severity, apply_fix
from briefing.core.model import Block
from tests.checks.helpers import briefing, claim, rules_for


def test_judgment_without_confidence() -> None:
    doc = briefing(
        [
            claim("c1", kind="judgment"),
            claim("c2", kind="judgment", confidence="low"),
            claim("c3", kind="judgment", likelihood="likely"),
            claim("c4", kind="assumption"),
            claim("c5", kind="judgment"),  # unplaced
        ],
        key=["c1", "c2", "c3", "c4"],
    )
    found = rules_for(doc, "judgment-without-confidence")
    assert [(f.claim, f.severity) for f in found] == [("c1", Severity.WARNING)]


@pytest.mark.parametrize(
    ("text", "likelihood", "flagged"),
    [
        ("A deal is unlikely this year.", "likely", True),
        ("A deal is unlikely this year.", "unlikely", False),
        ("A deal is likely this year.", "unlikely", True),
        ("A deal is likely this year.", "very_likely", True),
        ("A deal is very likely this year.", "very_likely", False),
        ("A deal is Highly Probable.", "very_likely", False),
        ("Moscow will ALMOST CERTAINLY refuse.", "almost_certain", False),
        ("Moscow will almost certainly refuse.", "likely", True),
        ("The likelihood of a deal has grown.", "unlikely", False),
        ("A nearly-certain refusal.", "almost_certain", False),
    ],
)
def test_estimative_mismatch_with_field(text: str, likelihood: str, flagged: bool) -> None:
    doc = briefing([claim("c1", text, kind="judgment", likelihood=likelihood)], key=["c1"])
    found = rules_for(doc, "estimative-mismatch")
    assert bool(found) is flagged
    assert all(f.severity == Severity.WARNING for f in found)


def test_estimative_mismatch_fix_sets_the_field() -> None:
    doc = briefing([claim("c1", "Talks will probably stall.", kind="judgment")], key=["c1"])
    (found,) = rules_for(doc, "estimative-mismatch")
    assert found.fix is not None and found.fix.changes == {"likelihood": "likely"}
    apply_fix(doc, found.fix)
    assert doc.claim("c1").likelihood == "likely"
    assert rules_for(doc, "estimative-mismatch") == []


def test_estimative_mismatch_negation_and_other_kinds() -> None:
    doc = briefing(
        [
            claim("c1", "A deal is not likely.", kind="judgment", confidence="low"),
            claim("c2", "Officials said a deal was likely.", kind="information"),
            claim(
                "c3", "\u201cA deal is likely,\u201d he said.", kind="quote", likelihood="unlikely"
            ),
            claim(
                "c4", "Officials said a deal was likely.", kind="information", likelihood="unlikely"
            ),
        ],
        key=["c1", "c2", "c3", "c4"],
    )
    found = rules_for(doc, "estimative-mismatch")
    assert [f.claim for f in found] == ["c1", "c4"]
    assert "negates" in found[0].message


def test_mixed_estimative_scales() -> None:
    claims = [
        claim("c1", "Talks are likely to resume.", kind="judgment", likelihood="likely"),
        claim("c2", "A ceasefire is very unlikely.", kind="judgment", likelihood="very_unlikely"),
        claim("c3", "A summit is probable.", kind="judgment", likelihood="likely"),
        claim("c4", "\u201cIt is probable,\u201d the envoy said.", kind="quote"),
    ]
    doc = briefing(
        claims, key=["c1", "c2"], body=["c3", "c4", Block.prose("Escalation is improbable.")]
    )
    found = rules_for(doc, "mixed-estimative-scales")
    assert [(f.claim, f.section, f.targets.get("block")) for f in found] == [
        ("c3", "k2", None),
        (None, "k2", 2),
    ]
    assert "'probable' → 'likely'" in found[0].message


def test_one_word_set_is_not_mixed() -> None:
    doc = briefing(
        [
            claim("c1", "Talks are likely to resume.", kind="judgment"),
            claim("c2", "A summit is unlikely.", kind="judgment"),
            claim("c3", "A summit is probable.", kind="judgment"),  # unplaced: not exported
            claim("c4", "\u201cIt is probable,\u201d the envoy said.", kind="quote"),
        ],
        key=["c1", "c2", "c4"],
    )
    assert rules_for(doc, "mixed-estimative-scales") == []


def test_confidence_and_likelihood_in_sentence() -> None:
    doc = briefing(
        [
            claim("c1", "We assess with high confidence that talks will likely fail."),
            claim("c2", "Talks will likely fail. We hold this with high confidence."),
        ],
        body=["c1", "c2", Block.prose("We are moderately confident escalation is improbable.")],
    )
    found = rules_for(doc, "confidence-and-likelihood-in-sentence")
    assert [(f.claim, f.targets.get("block")) for f in found] == [("c1", None), (None, 2)]
    assert all(f.severity == Severity.WARNING for f in found)


@pytest.mark.parametrize(
    ("text", "confidence", "flagged"),
    [
        ("We assess with moderate confidence that talks resume.", "high", True),
        ("We assess with moderate confidence that talks resume.", "moderate", False),
        ("We judge with High Confidence that the line holds.", "low", True),
        ("We are highly confident the line holds.", "high", False),
        ("We are highly confident the line holds.", "moderate", True),
        ("Our confidence is low because reporting is thin.", "high", True),
        ("We do not have high confidence in the timing.", "low", False),
        ("Confidence in the timing varies.", "low", False),
        ("We assess with moderate confidence that talks resume.", "", False),
    ],
)
def test_confidence_mismatch_with_field(text: str, confidence: str, flagged: bool) -> None:
    doc = briefing([claim("c1", text, kind="judgment", confidence=confidence)], key=["c1"])
    found = rules_for(doc, "confidence-mismatch")
    assert bool(found) is flagged
    assert all(f.severity == Severity.WARNING for f in found)


def test_confidence_mismatch_fix_sets_the_field_to_what_the_text_says() -> None:
    text = "We judge with low confidence that the ceasefire holds."
    doc = briefing([claim("c1", text, kind="judgment", confidence="high")], key=["c1"])
    (found,) = rules_for(doc, "confidence-mismatch")
    assert found.message == (
        "Claim 'c1' says 'low confidence' but its confidence is high."
    )
    assert found.fix is not None and found.fix.changes == {"confidence": "low"}
    apply_fix(doc, found.fix)
    assert doc.claim("c1").confidence == "low"
    assert rules_for(doc, "confidence-mismatch") == []


def test_confidence_mismatch_skips_quotes_and_offers_no_fix_for_two_levels() -> None:
    doc = briefing(
        [
            claim("c1", "\u201cWe have high confidence,\u201d he said.", kind="quote",
                  confidence="low"),
            claim("c2", "High confidence on intent, low confidence on timing.",
                  kind="judgment", confidence="moderate"),
        ],
        key=["c1", "c2"],
    )
    (found,) = rules_for(doc, "confidence-mismatch")
    assert found.claim == "c2" and found.fix is None
