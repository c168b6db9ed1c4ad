"""Property tests: any document's claims and notes survive .md and .docx (read by pandoc).

Normalisation (documented in briefing.export.sanitize): XML-invalid characters
are dropped, VT/FF become line breaks, and whitespace collapses to single spaces.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from briefing.core.document import Document
from briefing.export import build_ir, export_document
from briefing.export.ir import Paragraph
from briefing.export.markdown_writer import render_markdown
from briefing.export.sanitize import clean_line
from tests.export import readers
from tests.export.expect import assert_claims_read_back, expected_claims
from tests.strategies import documents

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


_QUOTES = str.maketrans("“”‘’\"", "'''''", "\u2068\u2069")


def _plain(text: str) -> str:
    """For comparison: isolates dropped, every quotation mark ', case folded (a title's
    own double quotes become single ones inside the note's)."""
    return clean_line(text).translate(_QUOTES).casefold()


def _note_sources_hold(doc: Document) -> None:
    """Every note belongs to the right citation and names its source (the full title in the
    first note to it, the title's first word in later ones), locator and attribution."""
    ir = build_ir(doc)
    notes = iter(ir.notes)
    seen: set[str] = set()
    for paragraph in (p for p in ir.body if isinstance(p, Paragraph) and p.claim_id):
        claim = doc.claim(paragraph.claim_id)
        assert len(paragraph.notes) == len(claim.citations)
        for citation in claim.citations:
            note = next(notes)
            assert (note.claim_id, note.source_id) == (claim.id, citation.source)
            title = _plain(doc.source(citation.source).title).strip("'")
            if citation.source in seen:
                title = title.split()[0] if title.split() else ""
            seen.add(citation.source)
            for needed in (title, _plain(citation.locator), _plain(citation.attribution)):
                assert needed in _plain(note.text)
    assert next(notes, None) is None


@SETTINGS
@given(doc=documents())
def test_ir_maps_every_citation_to_its_note(doc: Document) -> None:
    _note_sources_hold(doc)
    placed = {c.id for c in doc.placed_claims()}
    visible = {c.id for c in doc.placed_claims() if clean_line(c.text) or c.citations}
    ir = build_ir(doc)
    exported = {p.claim_id for p in ir.body if isinstance(p, Paragraph) and p.claim_id}
    assert visible <= exported <= placed


@SETTINGS
@given(doc=documents())
def test_markdown_reads_back_the_same_in_pandoc_and_python_parsers(doc: Document) -> None:
    ir = build_ir(doc)
    expected = expected_claims(ir, separator_in_text=True)
    text = render_markdown(ir)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.md"
        path.write_text(text, encoding="utf-8")
        assert_claims_read_back(expected, readers.pandoc_read(path, "markdown"))
    assert_claims_read_back(expected, readers.python_markdown_read(text))
    assert_claims_read_back(expected, readers.markdown_it_read(text))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents())
def test_docx_reads_back_the_same_in_pandoc(doc: Document) -> None:
    expected = expected_claims(build_ir(doc), separator_in_text=False)
    with tempfile.TemporaryDirectory() as folder:
        path = export_document(doc, Path(folder) / "doc.docx")
        actual = readers.pandoc_read(path, "docx", skip_superscript=True)
    assert_claims_read_back(expected, actual)
