"""Markdown export read back by pandoc, python-markdown and markdown-it-py."""

from __future__ import annotations

import json
from pathlib import Path

import pypandoc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.export import ExportOptions, build_ir, export_document
from briefing.export.markdown_writer import escape, render_markdown
from briefing.export.sanitize import clean_line
from tests.export import readers
from tests.export.expect import assert_claims_read_back, small_claims, small_document
from tests.strategies import hostile_text

READERS = {
    "python-markdown": readers.python_markdown_read,
    "markdown-it-py": readers.markdown_it_read,
}

NASTY = [
    "*not emphasis* _nor this_ **nor this**",
    "[^3] and [^note]: not a footnote",
    "[@key, p. 4] is not a citation; neither is @key",
    "<script>alert('x')</script> &amp; &#x27;",
    "# not a heading",
    "1. not a list",
    "> not a quote",
    "| not | a table |",
    "trailing backslash \\",
    "$x^2$ and ~sub~ and ^sup^ and ~~strike~~",
    "`code` and ```fence```",
    "--- and ... and -- 'single' \"double\"",
    "% not a title block",
    ": not a definition",
    "http://example.org/not-a-link <http://x.test>",
    "{.class} and :::: div",
    "A. Analyst (a) (U) i. roman",
    "emoji :smile: 😀 שלום مرحبا e\u0301",
    "=====",
]


@pytest.mark.parametrize("text", NASTY)
@pytest.mark.parametrize("reader", sorted(READERS))
def test_escaped_text_stays_literal_in_python_markdown_and_markdown_it(
    text: str, reader: str
) -> None:
    source = f"{escape(text)}[^1]\n\n[^1]: {escape(text)}\n"
    assert READERS[reader](source) == [(clean_line(text), [clean_line(text)])]


def test_escaped_text_stays_literal_in_pandoc(tmp_path: Path) -> None:
    lines = [f"{escape(t)}[^{i}]" for i, t in enumerate(NASTY, start=1)]
    notes = [f"[^{i}]: {escape(t)}" for i, t in enumerate(NASTY, start=1)]
    path = tmp_path / "nasty.md"
    path.write_text("\n\n".join(lines) + "\n\n" + "\n".join(notes) + "\n", encoding="utf-8")
    expected = [(clean_line(t), [clean_line(t)]) for t in NASTY]
    assert readers.pandoc_read(path, "markdown") == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text.map(clean_line).filter(bool))
def test_escape_is_literal_for_any_text(text: str) -> None:
    source = f"{escape(text)}[^1]\n\n[^1]: {escape(text)}\n"
    for reader in READERS.values():
        assert reader(source) == [(text, [text])]


@settings(max_examples=25, deadline=None)
@given(text=st.lists(hostile_text, min_size=1, max_size=5))
def test_escape_is_literal_in_pandoc_for_any_text(text: list[str]) -> None:
    texts = [t for t in (clean_line(x) for x in text) if t]
    source = "\n\n".join(f"{escape(t)}[^{i}]" for i, t in enumerate(texts, start=1))
    source += "\n\n" + "\n".join(f"[^{i}]: {escape(t)}" for i, t in enumerate(texts, start=1))
    read = pypandoc.convert_text(source, "json", format="markdown")
    got = readers.pandoc_paragraphs(json.loads(read))
    assert got == [(t, [t]) for t in texts]


def test_small_document_reads_back_in_every_parser(tmp_path: Path) -> None:
    doc = small_document()
    options = ExportOptions(show_estimates=True, sourcing_summary=True)
    path = export_document(doc, tmp_path / "brief.md", options=options)
    expected = small_claims(estimates=True, separator_in_text=True)
    text = path.read_text(encoding="utf-8")
    assert_claims_read_back(expected, readers.pandoc_read(path, "markdown"))
    for reader in READERS.values():
        assert_claims_read_back(expected, reader(text))


def test_definitions_follow_reference_order_one_label_each(tmp_path: Path) -> None:
    text = render_markdown(build_ir(small_document()))
    refs = [line for line in text.splitlines() if line.startswith("[^")]
    assert [r.split("]")[0] for r in refs] == ["[^1", "[^2", "[^3"]
    assert text.count("[^2]") == 2  # one reference, one definition
    assert "two weeks.[^1],[^2]" in text


def test_banner_heads_and_foots_a_marked_briefing() -> None:
    text = render_markdown(build_ir(small_document()))
    body = [b for b in text.split("\n\n") if not b.startswith("[^")]
    assert body[0] == "UNCLASSIFIED//FOR TRAINING"
    assert body[-1].strip() == "UNCLASSIFIED//FOR TRAINING"
    assert "\\(U\\) Two berths reopened" in text


def test_front_matter_gives_pandoc_the_title_block(tmp_path: Path) -> None:
    options = ExportOptions(front_matter=True)
    path = export_document(small_document(), tmp_path / "brief.md", options=options)
    meta = readers.pandoc_ast(path, "markdown")["meta"]
    assert readers._inlines(meta["title"]["c"], None, False) == "Harbour Access Review"
    assert "classification" in meta
    first_heading = next(
        b for b in readers.pandoc_ast(path, "markdown")["blocks"] if b["t"] == "Header"
    )
    assert first_heading["c"][0] == 1  # sections start at level 1 under front matter


def test_estimates_are_off_by_default() -> None:
    text = render_markdown(build_ir(small_document()))
    assert "confidence" not in text
    shown = render_markdown(build_ir(small_document(), ExportOptions(show_estimates=True)))
    assert "\\[55–80&#37;; moderate confidence\\]" in shown  # "likely" is in the sentence


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("On 2025-12-21 the U.S. envoy met well-known officials.",
         "On 2025-12-21 the U.S. envoy met well-known officials."),
        ("- not a list item", "\\- not a list item"),
        ("+ nor this", "\\+ nor this"),
        ("# nor a heading", "\\# nor a heading"),
        ("1986. A year, not a list", "1986\\. A year, not a list"),
        ("iv. Nor a roman list", "iv\\. Nor a roman list"),
        ("Dashes -- and dots... stay", "Dashes \\-\\- and dots\\.\\.\\. stay"),
        ("Visit www.port.test today", "Visit www\\.port.test today"),
        ("Ticket #", "Ticket \\#"),
    ],
)
def test_only_what_a_reader_would_interpret_is_escaped(text: str, markdown: str) -> None:
    assert escape(text) == markdown
    for reader in READERS.values():
        assert reader(f"{escape(text)}[^1]\n\n[^1]: {escape(text)}\n") == [(text, [text])]


BLOCK_STARTS = st.text(alphabet=st.sampled_from(list("-+#.1iIvx ()wW:a'")), min_size=1,
                       max_size=12).map(clean_line).filter(bool)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(BLOCK_STARTS, min_size=1, max_size=4))
def test_block_starts_stay_literal_in_every_flavour(texts: list[str]) -> None:
    source = "\n\n".join(f"{escape(t)}[^{i}]" for i, t in enumerate(texts, start=1))
    source += "\n\n" + "\n".join(f"[^{i}]: {escape(t)}" for i, t in enumerate(texts, start=1))
    expected = [(t, [t]) for t in texts]
    for reader in READERS.values():
        assert reader(source) == expected
    for flavour in ("markdown", "gfm", "commonmark_x"):
        read = pypandoc.convert_text(source, "json", format=flavour)
        assert readers.pandoc_paragraphs(json.loads(read)) == expected, flavour


def test_apostrophes_in_source_titles_read_as_typographic_ones(tmp_path: Path) -> None:
    """Issue #16: no ``&#39;`` in the Markdown; every reader shows the curly apostrophe
    (pandoc's smart reading would curl a straight one anyway)."""
    from dataclasses import replace

    from briefing.core import ops

    doc = small_document()
    source = doc.source("s2")
    doc.apply(ops.ReplaceSource(replace(source, title="Callers' views on 'the pace'")))
    path = export_document(doc, tmp_path / "brief.md")
    text = path.read_text(encoding="utf-8")
    assert "&#39;" not in text
    assert "“Callers’ views on ‘the pace’”" in text
    note = ("A pilot, caller; “Callers’ views on ‘the pace’”, Coastal Radio, December 2025, "
            "at 07:40. Grade C3.")
    for read in (readers.pandoc_read(path, "markdown"), *(r(text) for r in READERS.values())):
        assert any(note in notes for _, notes in read), read
