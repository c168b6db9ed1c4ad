"""The layout-insensitive quote matcher: offsets always slice the source exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.checks.quotes import (
    NormalizedText,
    find_quote_spans,
    normalize_quote,
    quote_at,
)

WORDS = st.sampled_from(
    ["the", "bridge", "'s", "\u2019", "\u201c", '"', "reopen", "March", "שלום", "😀", "e\u0301"]
)
GAPS = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", " \n "])


@st.composite
def texts(draw: st.DrawFn) -> list[str]:
    """Alternating words and gaps."""
    words = draw(st.lists(WORDS, min_size=1, max_size=30))
    out: list[str] = []
    for word in words:
        out += [word, draw(GAPS)]
    return out


def test_finds_quote_despite_layout_and_quote_style() -> None:
    text = 'He said:  "We  will\n reopen the bridge\u2019s  lanes."'
    spans = find_quote_spans(
        NormalizedText.of(text), "\u201cWe will reopen the bridge's lanes.\u201d"
    )
    assert spans == [(text.index('"'), len(text))]


def test_no_match_when_words_differ() -> None:
    source = NormalizedText.of("We will reopen the bridge.")
    assert find_quote_spans(source, "We will close the bridge") == []
    assert find_quote_spans(source, "   ") == []


@settings(max_examples=80, deadline=None)
@given(texts(), st.data())
def test_relaid_slice_is_found_and_maps_back(parts: list[str], data: st.DataObject) -> None:
    text = "".join(parts)
    i = data.draw(st.integers(0, len(parts) - 1))
    j = data.draw(st.integers(i + 1, len(parts)))
    original = "".join(parts[i:j])
    if not normalize_quote(original):
        return
    relaid = " \n ".join(original.split()).replace("'", "\u2018")
    spans = find_quote_spans(NormalizedText.of(text), relaid)
    assert spans
    for start, end in spans:
        assert quote_at(text, relaid, start, end)
        assert not text[start].isspace() and not text[end - 1].isspace()
