"""Body typography, pinned by hand: curly quotes, quote cards, estimates not repeated."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source
from briefing.export import ExportOptions, build_ir, export_document
from briefing.export.ir import Paragraph
from briefing.export.typography import curly_quotes, quotation
from briefing.resources import sample_document
from tests.export import readers


@pytest.mark.parametrize(
    ("straight", "curly"),
    [
        ('He said "no".', "He said “no”."),
        ("It's the port's 'new' plan.", "It’s the port’s ‘new’ plan."),
        ("The '90s saw \"the 'big' dredge\".", "The ’90s saw “the ‘big’ dredge”."),
        ('("quoted")', "(“quoted”)"),
        ("“Already curly” stays.", "“Already curly” stays."),
    ],
)
def test_curly_quotes_in_english(straight: str, curly: str) -> None:
    assert curly_quotes(straight) == curly


def test_curly_quotes_follow_the_language() -> None:
    assert curly_quotes('Er sagte "nein".', "de") == "Er sagte „nein“."
    assert curly_quotes('Il a dit "non".', "fr") == "Il a dit «\u202fnon\u202f»."


@given(st.text(alphabet=st.sampled_from("ab '\"“”‘’.("), max_size=30))
def test_curly_quotes_never_add_or_lose_a_character(text: str) -> None:
    result = curly_quotes(text)
    assert len(result) == len(text)
    assert '"' not in result and "'" not in result
    assert curly_quotes(result) == result  # nothing is ever converted twice


def test_quotation_names_the_speaker_unless_already_quoted() -> None:
    assert quotation("We said ‘no’ twice.", "Rep. Ada Morrow") == (
        "Rep. Ada Morrow: “We said ‘no’ twice.”"
    )
    assert quotation("“Already a quotation.”", "Someone") == "“Already a quotation.”"
    framed = "Sen. Ada Morrow: “The numbers have always told us the river is shrinking.”"
    assert quotation(framed, "Sen. Ada Morrow") == framed
    assert quotation("He called it “a pause”.", "X") == "He called it “a pause”."
    assert quotation("No speaker known.", "") == "“No speaker known.”"


def _quote_document() -> Document:
    source = Source(id="s1", title="Interview transcript", kind="interview")
    claims = [
        Claim(id="q1", kind="quote",
              text="The intelligence has always been that Putin wants more.",
              citations=(Citation("s1", locator="para. 4",
                                  attribution="Rep. Mike Quigley, interview"),)),
        Claim(id="q2", kind="quote", text='"Every briefing says the same thing."',
              citations=(Citation("s1", locator="para. 5", attribution="a Democrat"),)),
        Claim(id="j1", kind="judgment", text="A deal is likely within weeks, we judge with "
              "moderate confidence.", likelihood="likely", confidence="moderate"),
        Claim(id="j2", kind="judgment", text="Talks will continue.", likelihood="likely",
              confidence="high"),
        Claim(id="i1", text="The envoy's 'framework' has 20 points."),
    ]
    section = Section(id="k1", title='The "framework"',
                      blocks=tuple(Block.for_claim(c.id) for c in claims))
    return Document(BriefingInfo(title="Talks"), [source], claims, [section])


EXPECTED = [
    "Rep. Mike Quigley: “The intelligence has always been that Putin wants more.”",
    "“Every briefing says the same thing.”",
    "A deal is likely within weeks, we judge with moderate confidence. [55–80%]",
    "Talks will continue. [likely (55–80%); high confidence]",
    "The envoy’s ‘framework’ has 20 points.",
]


def test_body_reads_as_an_editor_would_set_it() -> None:
    ir = build_ir(_quote_document(), ExportOptions(show_estimates=True))
    assert [p.display_text for p in ir.body if isinstance(p, Paragraph)] == EXPECTED
    assert ir.body[0].text == "The “framework”"


def test_word_and_markdown_readers_see_the_same(tmp_path: Path) -> None:
    options = ExportOptions(show_estimates=True)
    for suffix, fmt in ((".docx", "docx"), (".md", "markdown")):
        path = export_document(_quote_document(), tmp_path / f"talks{suffix}", options=options)
        read = [text for text, _ in readers.pandoc_read(path, fmt, skip_superscript=True)]
        for paragraph in EXPECTED:
            assert paragraph in read, (fmt, paragraph, read)


def test_the_samples_framed_quotes_are_not_quoted_twice() -> None:
    ir = build_ir(sample_document())
    texts = [p.text for p in ir.body if isinstance(p, Paragraph)]
    assert (
        "A Democrat on the House Intelligence Committee: “Every briefing I have sat through "
        "says the same thing: he wants more than he has.”"
    ) in texts
    assert not any(t.count(":") > 1 and t.count("“") > 1 for t in texts)
