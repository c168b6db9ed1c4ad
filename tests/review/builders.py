"""Reviewed files made without our writer: lxml edits of document.xml in Word's own
markup (``w:rsid*`` attributes, ``w:ins``/``w:del``, ``w:moveFrom``/``w:moveTo``
ranges, comments with ``commentsExtended.xml`` replies), as Word writes them."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from briefing.core import ops
from briefing.core.document import Document
from briefing.core.model import evolve
from briefing.export import export_document
from tests.export.expect import small_document

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DATE = "2026-01-05T10:00:00Z"


def identified_small() -> Document:
    doc = small_document()
    doc.apply(ops.SetInfo(evolve(doc.info, extra={"document_id": "brief-1"})))
    return doc


def exported(tmp: Path, doc: Document | None = None, name: str = "export.docx") -> Path:
    return export_document(doc or identified_small(), tmp / name)


def marked(root: etree._Element, name: str) -> etree._Element:
    """The paragraph holding bookmark *name*."""
    start = root.find(f".//{W}bookmarkStart[@{W}name='{name}']")
    assert start is not None, name
    return start.getparent()


def text_run(text: str, tag: str = "t") -> etree._Element:
    run = etree.Element(f"{W}r", {f"{W}rsidR": "00A1B2C3"})
    t = etree.SubElement(run, f"{W}{tag}")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def revision(tag: str, rid: int, author: str, *children: etree._Element) -> etree._Element:
    element = etree.Element(f"{W}{tag}", {f"{W}id": str(rid), f"{W}author": author,
                                          f"{W}date": DATE})
    element.extend(children)
    return element


def replace_text(paragraph: etree._Element, new_runs: list[etree._Element]) -> None:
    """Swap the paragraph's first text run for *new_runs* (bookmarks and notes stay)."""
    first = next(r for r in paragraph.iter(f"{W}r") if r.find(f"{W}t") is not None)
    index = first.getparent().index(first)
    parent = first.getparent()
    parent.remove(first)
    for offset, run in enumerate(new_runs):
        parent.insert(index + offset, run)


def rewrite(src: Path, dst: Path, edit: Callable[[etree._Element], None],
            extra_parts: dict[str, bytes] | None = None, notes_edit=None) -> Path:
    """Copy *src* to *dst* with document.xml edited by *edit* and *extra_parts* added
    (related from the document and given content types, as Word does)."""
    extra_parts = extra_parts or {}
    with zipfile.ZipFile(src) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    edit(root)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                standalone=True)
    if notes_edit is not None:
        notes = etree.fromstring(parts["word/footnotes.xml"])
        notes_edit(notes)
        parts["word/footnotes.xml"] = etree.tostring(notes)
    types = etree.fromstring(parts["[Content_Types].xml"])
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    kinds = {
        "word/comments.xml": ("comments", OFFICE_REL + "/comments"),
        "word/commentsExtended.xml": (
            "commentsExtended", "http://schemas.microsoft.com/office/2011/relationships/"
            "commentsExtended"),
    }
    for number, (name, data) in enumerate(extra_parts.items(), start=900):
        parts[name] = data
        short, reltype = kinds[name]
        etree.SubElement(types, f"{{{CT_NS}}}Override", PartName="/" + name,
                         ContentType="application/vnd.openxmlformats-officedocument."
                         f"wordprocessingml.{short}+xml")
        etree.SubElement(rels, f"{{{REL_NS}}}Relationship", Id=f"rId{number}",
                         Type=reltype, Target=name.split("/", 1)[1])
    parts["[Content_Types].xml"] = etree.tostring(types)
    parts["word/_rels/document.xml.rels"] = etree.tostring(rels)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return dst


def comments_xml(comments: list[tuple[str, str, str, str, str]]) -> bytes:
    """(id, author, initials, text, paraId) → comments.xml as Word writes it."""
    xml = [f'<w:comments xmlns:w="{W_NS}" xmlns:w14="{W14_NS}">']
    for cid, author, initials, text, para_id in comments:
        xml.append(
            f'<w:comment w:id="{cid}" w:author="{author}" w:date="{DATE}" '
            f'w:initials="{initials}"><w:p w14:paraId="{para_id}" w14:textId="77777777" '
            f'w:rsidR="00AB12CD"><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
            f'<w:annotationRef/></w:r><w:r><w:t>{text}</w:t></w:r></w:p></w:comment>'
        )
    xml.append("</w:comments>")
    return "".join(xml).encode()


def comments_extended(entries: list[tuple[str, str | None, bool]]) -> bytes:
    """(paraId, parent paraId, done) → commentsExtended.xml."""
    xml = [f'<w15:commentsEx xmlns:w15="{W15_NS}">']
    for para_id, parent, done in entries:
        parent_attr = f' w15:paraIdParent="{parent}"' if parent else ""
        xml.append(f'<w15:commentEx w15:paraId="{para_id}"{parent_attr} '
                   f'w15:done="{1 if done else 0}"/>')
    xml.append("</w15:commentsEx>")
    return "".join(xml).encode()


def comment_range(paragraph: etree._Element, cid: str, *, start: bool) -> None:
    tag = "commentRangeStart" if start else "commentRangeEnd"
    element = etree.Element(f"{W}{tag}", {f"{W}id": cid})
    if start:
        paragraph.insert(1 if paragraph.find(f"{W}pPr") is not None else 0, element)
    else:
        paragraph.append(element)
        ref = etree.SubElement(paragraph, f"{W}r")
        etree.SubElement(ref, f"{W}commentReference", {f"{W}id": cid})
