"""Excerpt anchors: exact, moved, loose, fuzzy or broken — never a wrong passage."""

from __future__ import annotations

import dataclasses

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from briefing.core.model import Citation, Source
from briefing.ingest import AnchorStatus, cite_range, reanchor, resolve, resolve_citation

TEXT = (
    "Harbour traffic rose in spring.\n"
    "The port authority expects congestion to ease once the second crane is installed.\n"
    "Night shifts will continue until the end of the year."
)
QUOTE = "expects congestion to ease once the second crane is installed"


def _anchor(text: str):
    start = TEXT.index(QUOTE)
    return resolve(QUOTE, text, start, start + len(QUOTE), old_text=TEXT)


def test_unchanged_text_is_exact():
    anchor = _anchor(TEXT)
    assert anchor.status is AnchorStatus.EXACT and anchor.ok
    assert "found at its anchor" in anchor.message


def test_insertion_before_moves_the_anchor():
    text = "Update: figures revised.\n" + TEXT
    anchor = _anchor(text)
    assert anchor.status is AnchorStatus.MOVED
    assert text[anchor.start:anchor.end] == QUOTE
    assert "anchor moved" in anchor.message


def test_white_space_and_quote_style_changes_are_loose():
    text = TEXT.replace("second crane", "second\n   crane")
    anchor = _anchor(text)
    assert anchor.status is AnchorStatus.LOOSE
    assert anchor.found == "expects congestion to ease once the second\n   crane is installed"
    curly = resolve('he said "yes" -- it\'s done', 'Then he said “yes” — it’s done.')
    assert curly.status is AnchorStatus.LOOSE and curly.found == "he said “yes” — it’s done"


def test_reworded_passage_is_fuzzy_with_similarity():
    text = TEXT.replace("second crane is installed", "second crane has been installed")
    anchor = _anchor(text)
    assert anchor.status is AnchorStatus.FUZZY
    assert 0.8 <= anchor.similarity < 1.0
    assert "crane has been installed" in anchor.found
    assert "% similar" in anchor.message


def test_removed_passage_is_broken():
    text = TEXT.replace(
        "The port authority expects congestion to ease once the second crane is installed.\n", ""
    )
    anchor = _anchor(text)
    assert anchor.status is AnchorStatus.BROKEN
    assert anchor.message == "quote no longer in the source"


def test_repeated_quote_picks_the_occurrence_with_matching_surroundings():
    old = "alpha said yes. beta said yes. gamma said yes."
    start = old.index("beta said yes") + len("beta ")
    new = "Intro. " + old.replace("alpha", "ALPHA")
    anchor = resolve("said yes", new, start, start + 8, old_text=old)
    assert anchor.status is AnchorStatus.MOVED
    assert new[anchor.start - 5:anchor.end] == "beta said yes"


def test_resolve_citation_fills_locator_and_reanchor_updates_offsets():
    source = Source(id="s1", text=TEXT)
    start = TEXT.index(QUOTE)
    citation = cite_range(source, start, start + len(QUOTE))
    assert citation.locator == "para. 2"
    moved = dataclasses.replace(source, text="New first line.\n" + TEXT)
    anchor = resolve_citation(citation, moved, old_text=TEXT)
    assert anchor.locator == "para. 3"
    updated = reanchor(citation, anchor)
    assert (updated.start, updated.end, updated.locator) == (
        start + 16, start + 16 + len(QUOTE), "para. 3"
    )
    assert updated.quote == QUOTE
    broken = resolve_citation(citation, dataclasses.replace(source, text="Nothing."))
    assert reanchor(citation, broken) == citation


def test_citation_without_quote_is_reported_not_guessed():
    anchor = resolve_citation(Citation(source="s1"), Source(id="s1", text=TEXT))
    assert anchor.status is AnchorStatus.UNQUOTED


# ---------------------------------------------------------------- properties
filler = st.text(alphabet="abcdefgh .,\n", max_size=200)
passage = st.text(alphabet="QRSTUVWXYZ ", min_size=12, max_size=60).filter(
    lambda p: len(p.strip()) >= 12 and p == p.strip()
)


@st.composite
def edit(draw: st.DrawFn, text: str, protect: tuple[int, int]) -> str:
    """*text* with one insertion or deletion that does not touch *protect*."""
    lo, hi = protect
    if draw(st.booleans()):
        at = draw(st.sampled_from([*range(0, lo + 1), *range(hi, len(text) + 1)]))
        return text[:at] + draw(filler) + text[at:]
    side = draw(st.sampled_from(["before", "after"]))
    a, b = (0, lo) if side == "before" else (hi, len(text))
    start = draw(st.integers(a, b))
    end = draw(st.integers(start, b))
    return text[:start] + text[end:]


@settings(max_examples=100, deadline=None)
@given(filler, passage, filler, st.data())
def test_anchor_survives_edits_elsewhere(before, quote, after, data):
    text = before + quote + after
    start, end = len(before), len(before) + len(quote)
    new = text
    for _ in range(data.draw(st.integers(1, 4))):
        lo = new.find(quote)
        new = data.draw(edit(new, (lo, lo + len(quote))))
    anchor = resolve(quote, new, start, end, old_text=text)
    assert anchor.status in (AnchorStatus.EXACT, AnchorStatus.MOVED)
    assert new[anchor.start:anchor.end] == quote


@settings(max_examples=100, deadline=None)
@given(filler, passage, filler, st.data())
def test_edit_inside_passage_is_fuzzy_or_broken_never_elsewhere(before, quote, after, data):
    text = before + quote + after
    start, end = len(before), len(before) + len(quote)
    cut = data.draw(st.integers(start, end - 1))
    cut_end = data.draw(st.integers(cut + 1, min(end, cut + 12)))
    inserted = data.draw(st.text(alphabet="QRSTUVWXYZ abc", max_size=12))
    new = text[:cut] + inserted + text[cut_end:]
    assume(quote not in new)
    anchor = resolve(quote, new, start, end, old_text=text)
    assert anchor.status in (AnchorStatus.FUZZY, AnchorStatus.BROKEN, AnchorStatus.LOOSE)
    if anchor.status is not AnchorStatus.BROKEN:
        edited_region = (start, start + len(quote) - (cut_end - cut) + len(inserted))
        assert anchor.start < edited_region[1] and anchor.end > edited_region[0]


def test_of_several_exact_matches_the_nearest_to_the_old_offset_wins():
    """Issue 14: "Crane" is at 0, 11 and 22; a stale offset of 13 or 25 (no old text to
    compare surroundings) resolves to the nearest one."""
    text = "Crane one. Crane two. Crane three."
    nearer_second = resolve("Crane", text, 13, 18)
    assert nearer_second.status is AnchorStatus.MOVED
    assert (nearer_second.start, nearer_second.end) == (11, 16)
    nearer_third = resolve("Crane", text, 25, 30)
    assert (nearer_third.start, nearer_third.end) == (22, 27)
    nearer_first = resolve("Crane", text, 4, 9)
    assert (nearer_first.start, nearer_first.end) == (0, 5)
