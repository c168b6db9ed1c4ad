"""Paragraph/page locators and speaker suggestions, checked on a news article.

The project's article (tests/material) always, ../shared's seed article as an
extra case when present; the expected speakers of each were read off the text
by hand.
"""

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
from tests.material import ARTICLE, TRANSCRIPT, shared_seed

# What a careful reader finds in each article: passage -> who speaks (and more).
EXPECTED = {
    "project": {
        "quote": "The numbers have always told us the river is shrinking",
        "speaker": "Sen. Ada Morrow",
        "detail": "an independent member of the Senate agriculture committee",
        "label": ("Sen. Ada Morrow, an independent member of the Senate agriculture committee, "
                  "in a phone interview"),
        "later": "The towns downstream think they're next.",
        "lead": (
            "the Kestrel Basin reservoirs will not refill before next summer",
            "five officials familiar with internal forecasts",
        ),
        "surname": (
            "I don't know if they want an agreement or they want the whole river.",
            "Ashe",
            "Foreign Minister Daniel Ashe",
            "They haven't got all of it yet.",
        ),
        "others": [
            ("the upstream state wants to avoid a wider dispute",
             "Water Authority Director Miriam Castell"),
            ("What will this plan actually put in our canals?", "Agriculture Minister Jonas Field"),
            ("The envoys saw upstream negotiators in Geneva", "a finance ministry official"),
            ("alternatives remain under study", "other engineers"),
        ],
    },
    "seed": {
        "quote": "The intelligence has always been that Putin wants more",
        "speaker": "Rep. Mike Quigley",
        "detail": "a Democratic member of the House Intelligence Committee",
        "label": ("Rep. Mike Quigley, a Democratic member of the House Intelligence Committee, "
                  "in an interview"),
        "later": "The Baltics think they're first.",
        "lead": (
            "Putin has not abandoned his goal of seizing all of Ukraine",
            "six sources familiar with classified reports",
        ),
        "surname": (
            "I don't know if Putin wants to do a deal or Putin wants to take the whole country.",
            "Rubio",
            "Secretary of State Marco Rubio",
            "They haven't achieved those objectives.",
        ),
        "others": [
            ("Russia seeks to avoid a larger European war",
             "Director of National Intelligence Tulsi Gabbard"),
            ("What will these security guarantees actually do?", "President Volodymyr Zelenskyy"),
            ("The envoys met with Ukrainian negotiators in Miami", "a White House official"),
            ("alternatives remain under examination", "other diplomats"),
        ],
    },
}


@pytest.fixture(params=sorted(EXPECTED))
def case(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def seed(case, new_id) -> Source:
    path = ARTICLE if case == "project" else shared_seed()
    return import_file(path, new_id=new_id)[0].source


@pytest.fixture
def expect(case) -> dict:
    return EXPECTED[case]


def _suggest(source: Source, passage: str) -> list[str]:
    start = source.text.index(passage)
    return [a.who for a in suggest_attribution(source.text, start, start + len(passage))]


def test_line_per_paragraph_text_counts_lines(seed, expect):
    quote = expect["quote"]
    assert len(paragraph_spans(seed.text)) == 17
    start = seed.text.index(quote)
    citation = cite_range(seed, start, start + len(quote))
    assert citation.locator == "para. 4"
    assert citation.quote == quote
    assert (citation.start, citation.end) == (start, start + len(quote))


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


def test_citation_range_trims_white_space(seed, expect):
    quote = expect["quote"]
    start = seed.text.index(quote)
    citation = cite_range(seed, start - 2, start + len(quote))
    assert citation.quote == '"' + quote


def test_quote_suggests_the_titled_speaker_with_the_appositive(seed, expect):
    quote = expect["quote"]
    start = seed.text.index(quote)
    best = suggest_attribution(seed.text, start, start + len(quote))[0]
    assert best.who == expect["speaker"]
    assert best.detail == expect["detail"]
    assert best.label == expect["label"]
    assert seed.text[best.start:best.end] == expect["speaker"]


def test_later_sentence_of_the_same_quote_keeps_the_speaker(seed, expect):
    assert _suggest(seed, expect["later"])[0] == expect["speaker"]


def test_first_paragraph_credits_the_unnamed_sources(seed, expect):
    passage, who = expect["lead"]
    assert _suggest(seed, passage)[0] == who


def test_surname_quotes_get_the_full_name(seed, expect):
    first, who, full, later = expect["surname"]
    start = seed.text.index(first)
    best = suggest_attribution(seed.text, start, start + len(first))[0]
    assert best.who == who
    assert best.full_name == full
    assert _suggest(seed, later)[0] == who


def test_wrote_on_and_pronoun_and_according_to(seed, expect):
    for passage, who in expect["others"]:
        assert _suggest(seed, passage)[0] == who, passage


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


def test_transcript_turns_are_paragraphs(new_id):
    source = import_file(TRANSCRIPT, new_id=new_id)[0].source
    # the title block (two lines) and nine speaker turns, each separated by a blank line
    assert len(paragraph_spans(source.text)) == 10
    passage = "Our forecasts do not show the reservoirs refilling before next summer."
    start = source.text.index(passage)
    citation = cite_range(source, start, start + len(passage))
    assert citation.locator == "para. 5"
    assert citation.quote == passage
    assert locator_for(source, source.text.index("We will take a short recess")) == "para. 10"
