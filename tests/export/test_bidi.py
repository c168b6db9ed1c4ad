"""Right-to-left titles and speakers never reorder a note's locator.

A reader lays a note out with the Unicode Bidirectional Algorithm (python-bidi
stands in for it here, with the paragraph direction taken from the text as
browsers' ``dir=auto`` and Markdown viewers do).  Without isolation an Arabic
title makes "“تقرير”, § 6." display as ".6 § ,”تقرير“"; isolated (U+2068 …
U+2069 in Word and Markdown, ``<bdi>`` in HTML) the locator stays at the end.
"""

from __future__ import annotations

import lxml.html
from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source
from briefing.export import build_ir
from briefing.export.html_writer import render_html
from briefing.export.markdown_writer import render_markdown

ARABIC = st.characters(min_codepoint=0x0621, max_codepoint=0x064A)
HEBREW = st.characters(min_codepoint=0x05D0, max_codepoint=0x05EA)
RTL_WORD = st.text(alphabet=st.one_of(ARABIC, HEBREW), min_size=1, max_size=8)
RTL_TEXT = st.lists(st.one_of(RTL_WORD, st.integers(1, 999).map(str)), min_size=1,
                    max_size=4).map(" ".join).filter(lambda t: not t.split()[0].isdigit())
LOCATOR = st.one_of(
    st.integers(1, 400).map(lambda n: f"§ {n}"),
    st.integers(1, 400).map(lambda n: f"p. {n}"),
    st.integers(1, 99).map(lambda n: f"para. {n}"),
    st.tuples(st.integers(1, 90), st.integers(1, 9)).map(lambda t: f"pp. {t[0]}–{t[0] + t[1]}"),
)


def _document(title: str, who: str, locator: str, outlet: str) -> Document:
    source = Source(id="s1", title=title, container=outlet, kind="news")
    claims = [Claim(id=f"c{i}", text="Claim.", citations=(Citation("s1", locator=locator,
                                                                   attribution=who),))
              for i in (1, 2)]
    section = Section(id="k1", title="S", blocks=tuple(Block.for_claim(c.id) for c in claims))
    return Document(BriefingInfo(title="T"), [source], claims, [section])


@settings(max_examples=80, deadline=None)
@given(title=RTL_TEXT, who=st.one_of(st.just(""), RTL_TEXT), locator=LOCATOR,
       outlet=st.one_of(st.just(""), RTL_TEXT))
def test_locator_stays_at_the_end_of_every_note(
    title: str, who: str, locator: str, outlet: str
) -> None:
    ir = build_ir(_document(title, who, locator, outlet))
    assert len(ir.notes) == 2  # a full note and a short one
    for note in ir.notes:
        assert get_display(note.text).endswith(f", {locator}."), note.text
    for entry in ir.sources:
        assert get_display(entry.text).endswith(".")
        assert get_display(entry.text).startswith("“")


@settings(max_examples=30, deadline=None)
@given(title=RTL_TEXT, who=RTL_TEXT, locator=LOCATOR)
def test_markdown_isolates_and_html_bdi(title: str, who: str, locator: str) -> None:
    ir = build_ir(_document(title, who, locator, ""))
    markdown = render_markdown(ir)
    notes = [line for line in markdown.splitlines() if line.startswith("[^")]
    assert notes and all("\u2068" in line and "\u2069" in line for line in notes)
    page = lxml.html.fromstring(render_html(ir))
    for item in page.xpath("//div[@class='footnote']//li"):
        isolated = [b.text_content() for b in item.iter("bdi")]
        assert " ".join(title.split()) in isolated
        assert item.text_content().strip().rstrip("\u21a9").strip().endswith(f"{locator}.")
