"""The Sources list of a Word export is a real numbered list; endnotes get a heading."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from lxml import etree

from briefing.export import export_document
from tests.export import readers
from tests.export.expect import small_document
from tests.export.test_docx import blank_findings, findings  # noqa: F401 - fixture

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ENTRIES = [
    "Port Authority Operations Desk, “Harbour Master Daily Log”, Port Authority, "
    "18 December 2025. https://example.org/log?day=18&part=2. Reliability B (usually reliable).",
    "“Morning Call-in, Coastal Radio”, Coastal Radio, December 2025. "
    "Reliability C (fairly reliable).",
]


def _xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def _sources_list(path: Path) -> list[str]:
    """pandoc's reading: the items of the one ordered list (numbered from 1, "1.")."""
    ast = readers.pandoc_ast(path, "docx")
    lists = [b["c"] for b in ast["blocks"] if b["t"] == "OrderedList"]
    assert len(lists) == 1
    (start, style, delimiter), items = lists[0]
    assert (start, style["t"], delimiter["t"]) == (1, "Decimal", "Period")
    return [readers.pandoc_paragraphs({"blocks": item})[0][0] for item in items]


def _check_numbered(path: Path) -> None:
    body = _xml(path, "word/document.xml")
    numbering = _xml(path, "word/numbering.xml")
    num_ids = {p.find(f".//{W}numId").get(f"{W}val") for p in body.iter(f"{W}p")
               if p.find(f".//{W}numPr") is not None}
    assert len(num_ids) == 1
    num = next(n for n in numbering.iter(f"{W}num") if n.get(f"{W}numId") in num_ids)
    abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
    abstract = next(a for a in numbering.iter(f"{W}abstractNum")
                    if a.get(f"{W}abstractNumId") == abstract_id)
    level = abstract.find(f"{W}lvl")
    assert level.find(f"{W}numFmt").get(f"{W}val") == "decimal"
    assert level.find(f"{W}lvlText").get(f"{W}val") == "%1."
    indent = level.find(f".//{W}ind")
    assert indent.get(f"{W}hanging") == indent.get(f"{W}left") != "0"
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p")
             if p.find(f".//{W}numPr") is not None]
    assert texts == ENTRIES  # no typed "1. " before the entries


def test_sources_are_a_numbered_list_with_hanging_indent(tmp_path: Path, blank_findings) -> None:  # noqa: F811
    path = export_document(small_document(), tmp_path / "brief.docx")
    _check_numbered(path)
    items = _sources_list(path)
    assert items == ENTRIES
    assert findings(path) <= blank_findings


def test_a_template_without_numbering_gets_definitions(tmp_path: Path, blank_findings) -> None:  # noqa: F811
    template = docx.Document()
    rels = template.part.rels
    for rid, rel in list(rels.items()):
        if rel.reltype.endswith("/numbering"):
            del rels[rid]
    bare = tmp_path / "bare.docx"
    template.save(str(bare))
    with zipfile.ZipFile(bare) as archive:
        assert "word/numbering.xml" not in archive.namelist()
    path = export_document(small_document(), tmp_path / "out.docx", reference_doc=bare)
    _check_numbered(path)
    assert findings(path) <= blank_findings


def test_endnotes_follow_a_notes_heading(tmp_path: Path) -> None:
    path = export_document(small_document(), tmp_path / "end.docx", notes="endnotes")
    paragraphs = docx.Document(str(path)).paragraphs
    assert paragraphs[-1].text == "Notes"
    assert paragraphs[-1].style.name == "Heading 1"
    foot = export_document(small_document(), tmp_path / "foot.docx")
    assert "Notes" not in [p.text for p in docx.Document(str(foot)).paragraphs]
