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


def _note_sources_hold(doc: Document) -> None:
    """Every note belongs to the right citation and names its source, locator, attribution."""
    ir = build_ir(doc)
    notes = iter(ir.notes)
    for paragraph in (p for p in ir.body if isinstance(p, Paragraph) and p.claim_id):
        claim = doc.claim(paragraph.claim_id)
        assert len(paragraph.notes) == len(claim.citations)
        for citation in claim.citations:
            note = next(notes)
            assert (note.claim_id, note.source_id) == (claim.id, citation.source)
            source = doc.source(citation.source)
            for needed in (source.title, citation.locator, citation.attribution):
                assert clean_line(needed) in note.text
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
