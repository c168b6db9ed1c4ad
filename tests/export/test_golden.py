"""Golden files for the small fixture: word/document.xml, word/footnotes.xml and the .md.

Regenerate after an intended change with ``UPDATE_GOLDEN=1 pytest tests/export/test_golden.py``
and review the diff like code.
"""

from __future__ import annotations

import os
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from briefing.export import ExportOptions, export_document
from tests.export.expect import GOLDEN, small_document
from tests.export.test_note_wording import NOTES, shapes_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

OPTIONS = ExportOptions(
    show_estimates=True, sourcing_summary=True, created=datetime(2025, 12, 20, tzinfo=UTC)
)


def _pretty(xml: bytes) -> str:
    return etree.tostring(etree.fromstring(xml), pretty_print=True, encoding="unicode")


def _check(name: str, actual: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), f"{name} differs from its golden file"


@pytest.mark.parametrize("member", ["word/document.xml", "word/footnotes.xml"])
def test_docx_parts_match_golden(tmp_path: Path, member: str) -> None:
    path = export_document(small_document(), tmp_path / "small.docx", options=OPTIONS)
    with zipfile.ZipFile(path) as archive:
        actual = _pretty(archive.read(member))
    _check("small." + member.split("/")[-1], actual)


@pytest.mark.parametrize("member", ["word/document.xml", "word/footnotes.xml"])
def test_every_shape_of_source_matches_golden(tmp_path: Path, member: str) -> None:
    """Sources of every shape (no author, one, two, four, organisation, no date, a year,
    RTL title, URL with a query, PDF page range); the note texts in the golden footnotes
    are also pinned by hand in ``test_note_wording.NOTES``."""
    path = export_document(shapes_document(), tmp_path / "shapes.docx", options=OPTIONS)
    with zipfile.ZipFile(path) as archive:
        actual = _pretty(archive.read(member))
    _check("shapes." + member.split("/")[-1], actual)


def test_golden_footnotes_say_the_hand_written_notes() -> None:
    notes = etree.parse(str(GOLDEN / "shapes.footnotes.xml")).getroot()
    texts = ["".join(t.text or "" for t in n.iter(f"{W}t")).strip() for n in notes
             if int(n.get(f"{W}id")) > 0]
    assert texts == NOTES


def test_markdown_matches_golden(tmp_path: Path) -> None:
    path = export_document(small_document(), tmp_path / "small.md", options=OPTIONS)
    _check("small.md", path.read_text(encoding="utf-8"))
