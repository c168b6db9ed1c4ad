"""WordprocessingML paragraphs as a review sees them: text pieces with their revisions.

Each paragraph becomes a :class:`Para`: text pieces, each possibly inserted
and/or deleted by a tracked change (``w:ins``/``w:moveTo`` insert, ``w:del``/
``w:moveFrom`` delete; formatting changes are ignored), note references, our
block bookmarks and the comment ranges that start or end in it.  Views:
``accepted`` (Word's "No Markup"), ``original`` (every change rejected) and
``by_author(a)`` (only *a*'s changes accepted).  Text boxes, drawings, field
codes and the alternate content of ``mc:AlternateContent`` are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from briefing.export.docx_identity import MARK_PREFIX

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {
    f"{W}rPr", f"{W}pPr", f"{W}txbxContent", f"{W}drawing", f"{W}pict", f"{W}object",
    f"{W}instrText", f"{W}delInstrText", MC_FALLBACK, f"{W}sectPr",
}
_INSERT = {f"{W}ins": False, f"{W}moveTo": True}
_DELETE = {f"{W}del": False, f"{W}moveFrom": True}
_NOTE_REFS = {f"{W}footnoteReference", f"{W}endnoteReference"}
_HEADING_STYLES = ("heading", "title")


@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # insert | delete
    author: str
    date: str
    move: bool = False


@dataclass(slots=True)
class Piece:
    text: str
    ins: Change | None = None
    delete: Change | None = None


@dataclass(slots=True)
class NoteRef:
    note_id: str
    ins: Change | None = None
    delete: Change | None = None


@dataclass(slots=True)
class Para:
    """One paragraph of the reviewed body (or of a note)."""

    pieces: list[Piece] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    refs: list[NoteRef] = field(default_factory=list)
    comment_starts: dict[str, int] = field(default_factory=dict)
    comment_ends: dict[str, int] = field(default_factory=dict)
    comment_refs: list[str] = field(default_factory=list)
    mark_ins: Change | None = None
    mark_del: Change | None = None
    style: str = ""
    para_id: str = ""
    split: int = 0
    """How many paragraph marks the reviewer added inside this block (see
    :mod:`briefing.review.splits`); each is a line break in the pieces."""

    @property
    def accepted(self) -> str:
        return "".join(p.text for p in self.pieces if p.delete is None)

    @property
    def original(self) -> str:
        return "".join(p.text for p in self.pieces if p.ins is None)

    def by_author(self, author: str) -> str:
        return "".join(
            p.text
            for p in self.pieces
            if (p.ins is None or p.ins.author == author)
            and not (p.delete is not None and p.delete.author == author)
        )

    @property
    def is_heading(self) -> bool:
        return self.style.lower().startswith(_HEADING_STYLES)


def _change(element: etree._Element, kind: str, move: bool) -> Change:
    return Change(kind, element.get(f"{W}author") or "", element.get(f"{W}date") or "", move)


class _Walker:
    """Collects one paragraph's pieces in document order."""

    def __init__(self, para: Para) -> None:
        self.para = para
        self.after_ref = False

    def walk(self, element: etree._Element, ins: Change | None, dele: Change | None) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag in _INSERT:
                self.walk(child, _change(child, "insert", _INSERT[tag]), dele)
            elif tag in _DELETE:
                self.walk(child, ins, _change(child, "delete", _DELETE[tag]))
            elif tag == f"{W}r":
                self.run(child, ins, dele)
            else:
                self.marker(child, tag)
                self.walk(child, ins, dele)

    def marker(self, child: etree._Element, tag: str) -> None:
        para = self.para
        if tag == f"{W}bookmarkStart":
            name = child.get(f"{W}name") or ""
            if name.startswith(MARK_PREFIX):
                para.marks.append(name)
        elif tag == f"{W}commentRangeStart":
            para.comment_starts.setdefault(child.get(f"{W}id") or "", self.offset())
        elif tag == f"{W}commentRangeEnd":
            para.comment_ends[child.get(f"{W}id") or ""] = self.offset()

    def offset(self) -> int:
        return sum(len(p.text) for p in self.para.pieces if p.delete is None)

    def run(self, run: etree._Element, ins: Change | None, dele: Change | None) -> None:
        for child in run:
            tag = child.tag
            if tag in (f"{W}t", f"{W}delText"):
                text = child.text or ""
                if not text.strip(", ;") and (self.after_ref or _note_styled(run)):
                    continue  # the separator between two note references is not text
                if text:
                    self.after_ref = False
                    self.para.pieces.append(Piece(text, ins, dele))
            elif tag in _NOTE_REFS:
                self.after_ref = True
                self.para.refs.append(NoteRef(child.get(f"{W}id") or "", ins, dele))
            elif tag == f"{W}commentReference":
                self.para.comment_refs.append(child.get(f"{W}id") or "")
            elif tag in (f"{W}br", f"{W}cr"):
                if child.get(f"{W}type") in (None, "textWrapping"):
                    self.para.pieces.append(Piece("\n", ins, dele))
            elif tag == f"{W}tab":
                self.para.pieces.append(Piece("\t", ins, dele))
            elif tag == f"{W}noBreakHyphen":
                self.para.pieces.append(Piece("-", ins, dele))
            elif tag in _INSERT or tag in _DELETE:
                self.walk(run, ins, dele)


def _note_styled(run: etree._Element) -> bool:
    """Whether *run* is set as a note reference (the separator our export writes between
    two references is; it stays when the reviewer deletes the first reference)."""
    props = run.find(f"{W}rPr")
    if props is None:
        return False
    style = props.find(f"{W}rStyle")
    align = props.find(f"{W}vertAlign")
    name = (style.get(f"{W}val") or "") if style is not None else ""
    return name.lower().endswith("notereference") or \
        (align is not None and align.get(f"{W}val") == "superscript")


def read_paragraph(p: etree._Element) -> Para:
    para = Para(para_id=p.get(f"{W14}paraId") or "")
    ppr = p.find(f"{W}pPr")
    if ppr is not None:
        style = ppr.find(f"{W}pStyle")
        para.style = style.get(f"{W}val") or "" if style is not None else ""
        mark = ppr.find(f"{W}rPr")
        if mark is not None:
            for tag, kind in ((f"{W}ins", "insert"), (f"{W}moveTo", "insert")):
                if (found := mark.find(tag)) is not None:
                    para.mark_ins = _change(found, kind, tag.endswith("moveTo"))
            for tag in (f"{W}del", f"{W}moveFrom"):
                if (found := mark.find(tag)) is not None:
                    para.mark_del = _change(found, "delete", tag.endswith("moveFrom"))
    _Walker(para).walk(p, None, None)
    return para


def body_paragraphs(container: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs of a body, note or comment in reading order (tables and content controls
    entered; text boxes left out)."""
    for child in container:
        tag = child.tag
        if tag == f"{W}p":
            yield child
        elif tag in (f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}sdt", f"{W}sdtContent",
                     f"{W}customXml", f"{W}ins", f"{W}del", f"{W}moveTo", f"{W}moveFrom"):
            yield from body_paragraphs(child)


def plain_text(container: etree._Element) -> str:
    """Accepted text of a comment or note: its paragraphs joined by line breaks."""
    return "\n".join(read_paragraph(p).accepted for p in body_paragraphs(container)).strip()
