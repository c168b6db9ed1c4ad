"""Paragraph/page locators and speaker suggestions, checked on the seed article."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core.model import Source
from briefing.ingest import (
    cite_range,
    import_file,
    locator_for,
    paragraph_spans,
    suggest_attribution,
)

QUIGLEY = "The intelligence has always been that Putin wants more"


@pytest.fixture
def seed(seed_path, new_id) -> Source:
    return import_file(seed_path, new_id=new_id)[0].source


def _suggest(source: Source, passage: str) -> list[str]:
    start = source.text.index(passage)
    return [a.who for a in suggest_attribution(source.text, start, start + len(passage))]


def test_line_per_paragraph_text_counts_lines(seed):
    assert len(paragraph_spans(seed.text)) == 17
    start = seed.text.index(QUIGLEY)
    citation = cite_range(seed, start, start + len(QUIGLEY))
    assert citation.locator == "para. 4"
    assert citation.quote == QUIGLEY
    assert (citation.start, citation.end) == (start, start + len(QUIGLEY))


def test_blank_line_paragraphs_ignore_hard_wraps():
    text = "First paragraph\nwrapped here.\n\n\nSecond one.\n  \nThird\nwrapped."
    source = Source(id="s1", text=text)
    assert locator_for(source, text.index("wrapped here"), None) == "para. 1"
    assert locator_for(source, text.index("Second"), None) == "para. 2"
    assert locator_for(source, text.index("Second"), len(text)) == "paras. 2–3"
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "First paragraph\nwrapped here.", "Second one.", "Third\nwrapped."
    ]


def test_form_feed_text_gets_page_locators():
    source = Source(id="s1", text="page one\fpage two\f\fpage four")
    assert locator_for(source, source.text.index("four"), None) == "p. 4"


def test_citation_range_trims_white_space(seed):
    start = seed.text.index(QUIGLEY)
    citation = cite_range(seed, start - 2, start + len(QUIGLEY))
    assert citation.quote == '"' + QUIGLEY


def test_quigley_quote_suggests_the_congressman(seed):
    found = suggest_attribution(
        seed.text, seed.text.index(QUIGLEY), seed.text.index(QUIGLEY) + len(QUIGLEY)
    )
    best = found[0]
    assert best.who == "Rep. Mike Quigley"
    assert best.detail == "a Democratic member of the House Intelligence Committee"
    assert best.label == (
        "Rep. Mike Quigley, a Democratic member of the House Intelligence Committee, "
        "in an interview"
    )
    assert seed.text[best.start:best.end] == "Rep. Mike Quigley"


def test_later_sentence_of_the_same_quote_keeps_the_speaker(seed):
    assert _suggest(seed, "The Baltics think they're first.")[0] == "Rep. Mike Quigley"


def test_first_paragraph_credits_the_six_sources(seed):
    passage = "Putin has not abandoned his goal of seizing all of Ukraine"
    assert _suggest(seed, passage)[0] == "six sources familiar with classified reports"


def test_rubio_quotes(seed):
    first = "I don't know if Putin wants to do a deal or Putin wants to take the whole country."
    start = seed.text.index(first)
    best = suggest_attribution(seed.text, start, start + len(first))[0]
    assert best.who == "Rubio"
    assert best.full_name == "Secretary of State Marco Rubio"
    assert _suggest(seed, "They haven't achieved those objectives.")[0] == "Rubio"


def test_wrote_on_and_pronoun_and_according_to(seed):
    assert _suggest(seed, "Russia seeks to avoid a larger European war")[0] == (
        "Director of National Intelligence Tulsi Gabbard"
    )
    assert _suggest(seed, "What will these security guarantees actually do?")[0] == (
        "President Volodymyr Zelenskyy"
    )
    assert _suggest(seed, "The envoys met with Ukrainian negotiators in Miami")[0] == (
        "a White House official"
    )
    assert _suggest(seed, "alternatives remain under examination")[0] == "other diplomats"


def test_no_cue_means_no_suggestion():
    text = "The weather was mild. Trains ran on time."
    assert suggest_attribution(text, 0, 10) == []


def test_cues_inside_quotations_are_not_speakers():
    text = 'Officials were blunt. "He said it would never happen," Dana Ruiz told reporters.'
    start = text.index("it would")
    assert [a.who for a in suggest_attribution(text, start, start + 5)] == ["Dana Ruiz"]


def _reference_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs the slow, obvious way: lines, grouped unless blank-line separated."""
    lines, position = [], 0
    for piece in re.split(r"([\n\f])", text):
        if piece in ("\n", "\f"):
            lines.append(piece)
        else:
            lines.append((position, piece))
        position += len(piece)
    block_mode = re.search(r"\n[^\S\n\f]*\n", text) is not None
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for item in lines:
        if item == "\f" or (item == "\n" and not block_mode):
            current = _close(spans, current)
            continue
        if item == "\n":
            continue
        start, piece = item
        if not piece.strip():
            current = _close(spans, current)
            continue
        lead = len(piece) - len(piece.lstrip())
        span = (start + lead, start + len(piece.rstrip()))
        current = span if current is None else (current[0], span[1])
    _close(spans, current)
    return spans


def _close(spans: list[tuple[int, int]], current: tuple[int, int] | None) -> None:
    if current is not None:
        spans.append(current)
    return None


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab \t\n\f\u3000", max_size=60))
def test_paragraph_spans_match_the_obvious_definition(text):
    assert paragraph_spans(text) == _reference_spans(text)


def test_a_long_source_is_indexed_once_and_an_edited_text_gets_its_own_index() -> None:
    from dataclasses import replace

    from briefing.ingest.locators import LocatorIndex, forget_indexes

    forget_indexes()
    text = "\n\n".join(f"Paragraph {n} of a long report." for n in range(1, 2001))
    source = Source(id="r", text=text)
    first = LocatorIndex.for_source(source)
    assert LocatorIndex.for_source(source) is first  # a second citation reuses it
    assert locator_for(source, text.index("Paragraph 1500 "), text.index("Paragraph 1501 ")) \
        == "para. 1500"
    edited = replace(source, text="Preface.\n\n" + text)
    assert LocatorIndex.for_source(edited) is not first
    assert locator_for(edited, edited.text.index("Paragraph 1500 ")) == "para. 1501"
