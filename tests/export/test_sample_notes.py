"""The bundled sample (two outlets, a statement and a post; 25 notes) as editors would
write its notes: the first note to a source in full, later ones short, and every reader
still finding who says it, the (short) title and the locator in every note.

Short titles are written here by hand; speakers and locators are the sample's data.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.document import Document
from briefing.export import ExportOptions, build_ir, export_document
from briefing.resources import resource_path
from briefing.store.jsonio import load_json
from tests.export import readers

SHORT_TITLES = {
    "s1": "“Spy agencies still see Moscow”",
    "s2": "“Secretary of State”",
    "s3": "“Thread by the Director”",
    "s4": "“Statement by a White House”",
}
ISOLATES = str.maketrans("", "", "\u2068\u2069")


@pytest.fixture(scope="module")
def sample() -> Document:
    return load_json(resource_path("samples", "sample.json"))


def _citations(doc: Document) -> list[tuple[str, str, str]]:
    """(source id, locator, attribution) of every exported note, in reading order."""
    found = []
    for section in doc.all_sections():
        for block in section.blocks:
            if block.claim is not None:
                found += [(c.source, c.locator, c.attribution)
                          for c in doc.claim(block.claim).citations]
    return found


def test_later_notes_are_at_most_half_the_first(sample: Document) -> None:
    ir = build_ir(sample)
    first: dict[str, int] = {}
    for note in ir.notes:
        if note.source_id not in first:
            first[note.source_id] = len(note.text)
            assert "https://example.org/" in note.text and "December 2025" in note.text
        else:
            assert len(note.text) <= first[note.source_id] / 2, note.text
            assert "https://" not in note.text and "2025" not in note.text
    assert len(first) == 4
    full = build_ir(sample, ExportOptions(note_form="full"))
    assert sum(len(n.text) for n in ir.notes) < 0.5 * sum(len(n.text) for n in full.notes)


def _check_notes(notes: list[str], doc: Document) -> None:
    citations = _citations(doc)
    assert len(notes) == len(citations) == 25
    seen: set[str] = set()
    for note, (source_id, locator, who) in zip(notes, citations, strict=True):
        note = " ".join(note.translate(ISOLATES).split())
        first = source_id not in seen
        seen.add(source_id)
        title = f"“{doc.source(source_id).title}”" if first else SHORT_TITLES[source_id]
        assert title.replace("'", "’") in note, note  # notes set apostrophes curly
        assert f", {locator}." in note or f", {locator}," in note, note
        who = who.replace("'", "’")
        assert note.startswith(who[0].upper() + who[1:] + "; "), note


@pytest.mark.parametrize(("suffix", "fmt"), [(".docx", "docx"), (".md", "markdown")])
def test_pandoc_finds_speaker_title_and_locator(
    sample: Document, tmp_path: Path, suffix: str, fmt: str
) -> None:
    path = export_document(sample, tmp_path / f"sample{suffix}")
    read = readers.pandoc_read(path, fmt, skip_superscript=True)
    _check_notes([n for _, ns in read for n in ns], sample)


def test_python_markdown_and_markdown_it_find_them(sample: Document, tmp_path: Path) -> None:
    text = export_document(sample, tmp_path / "sample.md").read_text(encoding="utf-8")
    for read in (readers.python_markdown_read(text), readers.markdown_it_read(text)):
        _check_notes([n for _, ns in read for n in ns], sample)
