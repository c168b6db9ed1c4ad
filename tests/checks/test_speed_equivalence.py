"""The checks' speed-ups change no finding.

Three nets: a large varied briefing whose findings were recorded before the
speed work (``golden.py``); the term finder against the straightforward one it
replaced, on hostile text; and, on random documents under random edits, the
findings of a run that reuses what earlier runs remembered against a run
that starts from nothing.  The first words that name a claim in the report
and the Checks dock are compared with their plain implementation too.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.checks import Finding, run_checks
from briefing.checks.estimative import (
    HINTS,
    TERM_TAIL,
    TermMatch,
    find_terms,
    may_have_terms,
    scan_terms,
    terms_in,
)
from briefing.checks.memo import clear_caches
from briefing.checks.report import first_words
from briefing.checks.rules_sourcing import _END_PUNCT, _text_key
from briefing.core.document import Document
from briefing.core.vocab import LIKELIHOOD_TERMS
from tests.checks.golden import FINDINGS, SHARED_FINDINGS, golden_lines, golden_snapshot
from tests.checks.seed import article
from tests.material import shared_seed
from tests.strategies import HOSTILE_FRAGMENTS, documents

TERM_WORDS = sorted({w for t in LIKELIHOOD_TERMS.values() for w in t.words + t.alt_words})
ESTIMATIVE_WORDS = st.sampled_from(
    [
        *TERM_WORDS,
        *(w.upper() for w in TERM_WORDS),
        *(w.replace(" ", "-") for w in TERM_WORDS),
        "un-likely",
        "im\u2010probable",
        "probably",
        "most",
        "not",
        "isn't",
        "is",
        "from",
        "chance",
        "odds",
        "likelihood",
        "high confidence",
        "moderately confident",
        "lıkely",
        "L\u0130KELY",
        "\u212aelvin",
        "odd\u017f",
        ".",
        "!",
    ]
)
GAPS = st.sampled_from([" ", "", "  ", "-", "\u2011", "\n", "\n\n", ". ", "\t"])
ESTIMATIVE_TEXT = st.lists(
    st.tuples(st.one_of(ESTIMATIVE_WORDS, st.sampled_from(HOSTILE_FRAGMENTS)), GAPS),
    max_size=12,
).map(lambda parts: "".join(word + gap for word, gap in parts))

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reference_terms(text: str) -> list[TermMatch]:
    """The term finder as it was before it was tuned: any() over the hints, then the
    regex over the whole text (the tuned one checks hints faster and stops early)."""
    if not text or not any(hint in text.lower() for hint in HINTS):
        return []
    return scan_terms(text)


def reference_first_words(text: str, words: int, chars: int) -> str:
    """The report's first words as they were before printable text skipped the clean-up."""
    clean = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text)
    parts = clean.split()
    short = " ".join(parts[:words])
    if len(short) > chars:
        short = short[: chars - 1].rstrip()
    return short + ("\u2026" if short != " ".join(parts) else "")


def _dicts(findings: list[Finding]) -> list[dict[str, object]]:
    return [f.to_dict() for f in findings]


def _golden_case(which: str) -> tuple[Path, str | None]:
    """The recorded findings and the article text for the project's article or ../shared's."""
    if which == "project":
        return FINDINGS, None
    return SHARED_FINDINGS, shared_seed().read_text(encoding="utf-8")


@pytest.mark.parametrize("which", ["project", "seed"])
def test_golden_briefing_findings_are_unchanged_cold_and_warm(which: str) -> None:
    findings, text = _golden_case(which)
    expected = [json.loads(line) for line in findings.read_text(encoding="utf-8").splitlines()]
    clear_caches()
    cold = [json.loads(line) for line in golden_lines(text)]
    warm = [json.loads(line) for line in golden_lines(text)]
    assert cold == expected
    assert warm == expected
    assert {f["rule"] for f in expected} >= {
        "estimative-mismatch",
        "mixed-estimative-scales",
        "confidence-and-likelihood-in-sentence",
        "duplicate-claim",
        "anchor-moved",
        "quote-not-in-source",
        "dangling-reference",
        "missing-portion-mark",
    }


def test_golden_briefing_keeps_its_findings_after_its_claims_change() -> None:
    snap = golden_snapshot()
    run_checks(snap)  # remember this version
    changed = golden_snapshot(seed=12)  # other quotes, same texts: stale verdicts must not leak
    clear_caches()
    fresh = _dicts(run_checks(changed))
    run_checks(snap)
    assert _dicts(run_checks(changed)) == fresh


@SETTINGS
@given(ESTIMATIVE_TEXT)
def test_term_finder_matches_the_straightforward_one(text: str) -> None:
    expected = reference_terms(text)
    assert find_terms(text) == expected
    assert terms_in(text) == tuple(expected)
    assert terms_in(text) == tuple(expected)  # remembered


@SETTINGS
@given(ESTIMATIVE_TEXT)
def test_pre_filter_never_hides_a_term_in_ascii_text(text: str) -> None:
    if text.isascii():
        assert may_have_terms(text) or scan_terms(text) == []


@SETTINGS
@given(st.one_of(ESTIMATIVE_TEXT, st.text(alphabet=" .,;:!?'\"\t\nAbcZ\u00a0\u2028É1")))
def test_duplicate_key_is_the_straightforward_one(text: str) -> None:
    expected = " ".join(text.casefold().split()).strip(_END_PUNCT)
    assert _text_key(text) == expected
    assert _text_key(text) == expected  # remembered


def test_pre_filter_knows_every_hint() -> None:
    for hint in HINTS:
        assert may_have_terms(f"x {hint.upper()} y") and may_have_terms(hint)
    assert not may_have_terms("The talks stalled on Monday.")


def test_every_term_ends_within_the_tail_of_its_last_hint() -> None:
    for word in [*TERM_WORDS, "un-likely", "im-probable", "almost-certainly"]:
        assert len(word) - max(map(word.rfind, HINTS)) <= TERM_TAIL, word


def test_terms_next_to_other_letters_match_the_straightforward_finder() -> None:
    words = [*TERM_WORDS, "un-likely", "im-probable", "almost-certainly", "likelihood", "odd"]
    for word in words:
        for before in ("", "It is ", "not ", "a-", "x"):
            for after in ("", "x", "ly", "y", ".", "-x", " x", " chance", "\u00e9", " from"):
                for text in (f"{before}{word}{after}", f"{before}{word}{after}".upper()):
                    assert find_terms(text) == reference_terms(text), text


@pytest.mark.parametrize("which", ["project", "seed"])
def test_article_terms_match_the_straightforward_finder(which: str) -> None:
    text = article() if which == "project" else shared_seed().read_text(encoding="utf-8")
    for paragraph in text.split("\n"):
        assert find_terms(paragraph) == reference_terms(paragraph)


@SETTINGS
@given(st.one_of(st.text(), ESTIMATIVE_TEXT), st.integers(1, 8), st.integers(2, 60))
def test_first_words_match_the_straightforward_ones(text: str, words: int, chars: int) -> None:
    assert first_words(text, words, chars) == reference_first_words(text, words, chars)


def _edit(doc: Document, data: st.DataObject) -> None:
    """One analyst edit: a claim's words, kind or likelihood, a quote, or the outline."""
    claims = doc.claims
    choice = data.draw(st.sampled_from(["text", "kind", "quote", "prose", "unplace"]))
    if not claims:
        return
    claim = data.draw(st.sampled_from(claims))
    if choice == "text":
        doc.update_claim(claim.id, text=data.draw(ESTIMATIVE_TEXT))
    elif choice == "kind":
        kind = data.draw(st.sampled_from(["judgment", "quote", "information", "assumption"]))
        doc.update_claim(claim.id, kind=kind, likelihood=data.draw(st.sampled_from(["", "likely"])))
    elif choice == "quote" and claim.citations:
        doc.update_citation(claim.id, 0, quote=data.draw(st.sampled_from(["", "x", "the"])))
    elif choice == "prose":
        doc.add_prose("k1", data.draw(ESTIMATIVE_TEXT), 0, "U")
    elif choice == "unplace" and doc.placement(claim.id) is not None:
        doc.unplace_claim(claim.id)


@SETTINGS
@given(documents(), st.data())
def test_re_runs_after_edits_find_what_a_fresh_run_finds(
    doc: Document, data: st.DataObject
) -> None:
    for _ in range(data.draw(st.integers(1, 4))):
        remembered = _dicts(run_checks(doc))
        clear_caches()
        assert _dicts(run_checks(doc)) == remembered
        _edit(doc, data)
