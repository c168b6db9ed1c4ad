"""Estimative language detection on tricky sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.checks.estimative import (
    HINTS,
    WORD_SET_LIKELY,
    WORD_SET_PROBABLE,
    counterpart,
    find_terms,
    mixed_sentences,
)
from briefing.core.vocab import LIKELIHOOD_TERMS


def terms(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.level.value) for t in find_terms(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A deal is unlikely this year.", [("unlikely", "unlikely")]),
        ("A deal is likely this year.", [("likely", "likely")]),
        ("It is very unlikely.", [("very unlikely", "very_unlikely")]),
        ("It is Very Likely.", [("Very Likely", "very_likely")]),
        ("They will almost certainly refuse.", [("almost certainly", "almost_certain")]),
        ("ALMOST CERTAIN", [("ALMOST CERTAIN", "almost_certain")]),
        ("a highly-probable outcome", [("highly-probable", "very_likely")]),
        ("a very\u2011likely outcome", [("very\u2011likely", "very_likely")]),
        ("an un-likely ally", [("un-likely", "unlikely")]),
        (
            "It will probably rain; rain is probable.",
            [("probably", "likely"), ("probable", "likely")],
        ),
        ("There is a roughly even chance of talks.", [("roughly even chance", "roughly_even")]),
        ("There is a remote chance of talks.", [("remote", "almost_no_chance")]),
        ("The prospect of talks is remote.", [("remote", "almost_no_chance")]),
        ("Likely: the ceasefire holds.", [("Likely", "likely")]),
        ("a likely-to-fail plan", [("likely", "likely")]),
    ],
)
def test_terms_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert terms(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The likelihood of rain is low.",
        "The likeliest outcome is a stalemate.",
        "They are unlikeable people.",
        "The most-likely case is a stalemate.",
        "Troops reached a remote area of the province.",
        "The village is remote from the capital.",
        "Remote sensing shows new trenches.",
        "Improbability is not a term.",
        "The probabilities were not stated.",
        "It was certainly almost done.",
    ],
)
def test_not_terms(text: str) -> None:
    assert terms(text) == []


def test_negations_are_marked() -> None:
    found = find_terms("A deal is not likely, though not unlikely either; it isn't very likely.")
    assert [(t.text, t.negated) for t in found] == [
        ("likely", True),
        ("unlikely", True),
        ("very likely", True),
    ]
    assert [t.negated for t in find_terms("Nothing suggests it is likely.")] == [False]


def test_word_sets() -> None:
    found = find_terms("likely, probable, a remote chance, almost no chance")
    assert [t.word_set for t in found] == [
        WORD_SET_LIKELY,
        WORD_SET_PROBABLE,
        WORD_SET_PROBABLE,
        WORD_SET_LIKELY,
    ]


def test_counterpart_keeps_capitals() -> None:
    (a, b, c) = find_terms("Probable. HIGHLY IMPROBABLE. almost certainly")
    assert (counterpart(a), counterpart(b), counterpart(c)) == (
        "Likely",
        "VERY UNLIKELY",
        "nearly certainly",
    )


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("We assess with high confidence that talks will likely fail.", True),
        ("We are moderately confident a deal is probable.", True),
        ("We have low-confidence that a deal is unlikely.", True),
        ("Our confidence is high that the outcome is almost certain.", True),
        ("Talks will likely fail. We hold this judgment with high confidence.", False),
        ("Talks will likely fail.\nHigh confidence.", False),
        ("We assess with high confidence that talks will fail.", False),
        ("Confidence in the government is likely to fall.", False),
    ],
)
def test_confidence_and_likelihood_in_one_sentence(text: str, flagged: bool) -> None:
    assert bool(mixed_sentences(text, find_terms(text))) is flagged


SENTENCE_WORDS = st.sampled_from(
    [
        "likely",
        "unlikely",
        "un-likely",
        "very",
        "highly",
        "probable",
        "probably",
        "not",
        "almost",
        "certain",
        "certainly",
        "nearly",
        "remote",
        "chance",
        "is",
        "no",
        "roughly",
        "even",
        "odds",
        "high",
        "confidence",
        "most-likely",
        "likelihood",
        "Likely",
        "-",
        ".",
        "\u2011",
        "a",
        "improbable",
        "LIKELY",
        "x",
    ]
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(SENTENCE_WORDS, st.sampled_from([" ", "", "  ", "-", "\n"]))))
def test_terms_are_whole_words_in_order(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + gap for word, gap in parts)
    found = find_terms(text)
    last_end = 0
    for term in found:
        assert term.start >= last_end
        assert text[term.start : term.end] == term.text
        before = text[term.start - 1] if term.start else " "
        after = text[term.end] if term.end < len(text) else " "
        assert not (before.isalnum() or before in "-\u2011_")
        assert not (after.isalnum() or after == "_")
        last_end = term.end


def test_every_vocabulary_term_is_found_in_both_cases() -> None:
    for term in LIKELIHOOD_TERMS.values():
        for word in term.words + term.alt_words:
            assert any(hint in word for hint in HINTS), word
            sentence = f"We think it {word} chance." if word == "remote" else f"It is {word}."
            for variant in (sentence, sentence.upper()):
                found = find_terms(variant)
                assert [t.level for t in found] == [term.level], variant
