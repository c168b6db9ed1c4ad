"""Review identity in the Word export: hidden bookmarks and the snapshot part."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from lxml import etree

from briefing.core import ops
from briefing.core.model import evolve
from briefing.export import ExportOptions, export_document
from tests.export import readers
from tests.export.expect import small_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BRF = "{urn:x-briefing:export:1}"


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _snapshot(path: Path) -> etree._Element:
    parts = _parts(path)
    items = [n for n in parts if re.fullmatch(r"customXml/item\d+\.xml", n)]
    ours = [etree.fromstring(parts[n]) for n in items if BRF[1:-1].encode() in parts[n]]
    assert len(ours) == 1
    return ours[0]


def _export(doc, path: Path, options: ExportOptions | None = None) -> Path:
    doc.apply(ops.SetInfo(evolve(doc.info, extra={"document_id": "doc-1"})))
    return export_document(doc, path, options=options)


def test_each_block_is_bookmarked_inside_its_own_paragraph(tmp_path: Path) -> None:
    path = _export(small_document(), tmp_path / "b.docx")
    body = etree.fromstring(_parts(path)["word/document.xml"])
    marked = []
    for paragraph in body.iter(f"{W}p"):
        starts = paragraph.findall(f"{W}bookmarkStart")
        ends = paragraph.findall(f"{W}bookmarkEnd")
        assert [s.get(f"{W}id") for s in starts] == [e.get(f"{W}id") for e in ends]
        marked += [(s.get(f"{W}name"), "".join(paragraph.itertext())) for s in starts]
    assert marked == [
        ("_brf_s_k1", "Key Judgments"),
        ("_brf_c_c2", "(U) Full capacity is likely within two weeks.,"),
        ("_brf_p_k1_05efd9b9", "(U) Reopening is partial; dredging sets the pace."),
        ("_brf_s_k2", "Evidence"),
        ("_brf_c_c1", "(U) Two berths reopened on 18 December."),
        ("_brf_end", "Sources"),  # where the outline ends
    ]


def test_the_snapshot_names_the_briefing_and_what_each_block_said(tmp_path: Path) -> None:
    root = _snapshot(_export(small_document(), tmp_path / "b.docx"))
    assert root.get("document") == "doc-1"
    assert re.fullmatch(r"[0-9a-f]{16}", root.get("revision"))
    blocks = [(b.get("name"), b.get("kind"), b.text) for b in root.iter(f"{BRF}block")]
    assert blocks[1] == ("_brf_c_c2", "claim", "Full capacity is likely within two weeks.")
    assert blocks[2] == (
        "_brf_p_k1_05efd9b9", "prose", "Reopening is partial; dredging sets the pace.")
    notes = [(n.get("number"), n.get("claim"), n.get("citation"), n.get("source"))
             for n in root.iter(f"{BRF}note")]
    assert notes == [("1", "c2", "0", "s1"), ("2", "c2", "1", "s2"), ("3", "c1", "0", "s1")]


def test_readers_see_nothing_new(tmp_path: Path) -> None:
    path = _export(small_document(), tmp_path / "b.docx")
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "Key Judgments" in texts and not any("_brf" in t for t in texts)
    read = readers.pandoc_read(path, "docx", skip_superscript=True)
    assert not any("brf" in text for text, _ in read)


def _paragraphs(path: Path) -> list[bytes]:
    xml = _parts(path)["word/document.xml"]
    return re.findall(rb"<w:p>.*?</w:p>|<w:p .*?</w:p>", xml, flags=re.S)


def test_untouched_paragraphs_are_byte_identical_on_re_export(tmp_path: Path) -> None:
    doc = small_document()
    first = _paragraphs(_export(doc, tmp_path / "1.docx"))
    doc.apply(ops.ReplaceClaim(evolve(doc.claim("c2"), text="Full capacity is unlikely.")))
    second = _paragraphs(export_document(doc, tmp_path / "2.docx"))
    changed = [i for i, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
    assert len(changed) == 1 and b"unlikely" in second[changed[0]]
    rev1 = _snapshot(tmp_path / "1.docx").get("revision")
    assert rev1 != _snapshot(tmp_path / "2.docx").get("revision")
    same = _export(small_document(), tmp_path / "3.docx", ExportOptions())
    assert _snapshot(same).get("revision") == rev1


def test_prose_marks_do_not_shift_when_a_paragraph_is_inserted(tmp_path: Path) -> None:
    from briefing.core.model import Block

    doc = small_document()
    first = _paragraphs(_export(doc, tmp_path / "1.docx"))
    doc.apply(ops.InsertBlock("k1", 0, Block.prose("A new opening paragraph.")))
    second = _paragraphs(export_document(doc, tmp_path / "2.docx"))
    assert [p for p in second if p not in first] == [
        p for p in second if b"A new opening paragraph." in p]


def test_a_previous_export_as_template_leaves_one_snapshot(tmp_path: Path) -> None:
    first = _export(small_document(), tmp_path / "1.docx")
    again = export_document(small_document(), tmp_path / "2.docx", reference_doc=first)
    assert _snapshot(again) is not None
