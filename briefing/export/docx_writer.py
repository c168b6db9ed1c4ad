"""Word writer: renders the export IR with python-docx and real notes.

Body paragraphs are written as WordprocessingML strings and parsed once (fast
for thousands of claims, and byte-stable for golden tests); styles, headers,
footers and core properties go through python-docx.  A reference template
gives styles, page setup and headers (pandoc's ``--reference-doc``); its body
is discarded.  The banner, when the briefing is marked, heads and foots every
page.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from briefing.export.docx_design import set_paper, truthful_app_properties
from briefing.export.docx_identity import TAIL_MARK, BookmarkIds, body_marks, install_identity
from briefing.export.docx_lists import add_numbered_list, list_item_properties
from briefing.export.docx_notes import (
    LinkIds,
    NoteKind,
    install_notes_part,
    note_kind,
    note_reference,
    quoteattr,
    segment_runs,
    text_runs,
    write_notes,
)
from briefing.export.docx_styles import character_style, heading_style, paragraph_style
from briefing.export.docx_template import add_banner, open_template
from briefing.export.ir import (
    NOTES_HEADING,
    SOURCES_HEADING,
    SUMMARY_HEADING,
    ExportIR,
    Heading,
    Paragraph,
)
from briefing.export.notes import Segment, names
from briefing.export.paper import default_paper

CONTENTS_HEADING = "Contents"
CONTENTS_PLACEHOLDER = (
    "Update this table to see the contents: in Word, right-click it and choose Update Field "
    "(F9); in LibreOffice, Tools ▸ Update ▸ Update All."
)


class _BodyWriter:
    def __init__(self, document: WordDocument, kind: NoteKind) -> None:
        self.document = document
        self.kind = kind
        self.ref_style = character_style(document, kind.reference_style)
        self.link_style = character_style(document, "Hyperlink")
        self.headings: dict[int, str] = {}
        self.xml: list[str] = []
        self._link_id = LinkIds(document.part)
        self.marks = BookmarkIds()

    def paragraph(self, runs: str, style_id: str | None = None, mark: str = "") -> None:
        ppr = f"<w:pPr><w:pStyle w:val={quoteattr(style_id)}/></w:pPr>" if style_id else ""
        if mark:
            runs = self.marks.wrap(mark, runs)
        self.xml.append(f"<w:p>{ppr}{runs}</w:p>")

    def styled(self, text: str, style_name: str) -> None:
        self.paragraph(text_runs(text), paragraph_style(self.document, style_name))

    def contents(self) -> None:
        """A table of contents field (headings 1–3) that Word fills when fields are updated."""
        self.styled(CONTENTS_HEADING, "TOC Heading")
        self.xml.append(
            '<w:p><w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f"{text_runs(CONTENTS_PLACEHOLDER)}"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        )

    def heading(self, level: int, text: str, mark: str = "") -> None:
        style_id = self.headings.get(level)
        if style_id is None:
            style_id = self.headings[level] = heading_style(self.document, level)
        self.paragraph(text_runs(text), style_id, mark)

    def claim(self, paragraph: Paragraph, mark: str = "") -> None:
        separator = text_runs(",", self.ref_style)
        refs = separator.join(note_reference(self.kind, self.ref_style, n) for n in paragraph.notes)
        self.paragraph(text_runs(paragraph.display_text) + refs, mark=mark)

    def list_item(self, num_id: int, segments: tuple[Segment, ...]) -> None:
        """A numbered source-list entry; its link is related from the main document part."""
        runs = segment_runs(segments, self._link_id, self.link_style)
        self.xml.append(f"<w:p>{list_item_properties(num_id)}{runs}</w:p>")

    def flush(self) -> None:
        body = self.document.element.body
        container = parse_xml(f"<w:body {nsdecls('w', 'r')}>{''.join(self.xml)}</w:body>")
        section_properties = body.find(qn("w:sectPr"))
        for element in list(container):
            if section_properties is not None:
                section_properties.addprevious(element)
            else:
                body.append(element)
        self.xml.clear()


def _write_body(writer: _BodyWriter, ir: ExportIR) -> None:
    if ir.title:
        writer.styled(ir.title, "title")
    if ir.subtitle:
        writer.styled(ir.subtitle, "subtitle")
    if ir.authors:
        writer.styled(names(ir.authors), "Author")
    if ir.date:
        writer.styled(ir.date, "Date")
    if ir.contents:
        writer.contents()
    for item, mark in zip(ir.body, body_marks(ir), strict=True):
        if isinstance(item, Heading):
            writer.heading(item.level, item.text, mark)
        else:
            writer.claim(item, mark)
    tail = TAIL_MARK  # where the outline ends for a review (summary and sources follow)
    if ir.summary:
        writer.heading(1, SUMMARY_HEADING, tail)
        tail = ""
        for line in ir.summary:
            writer.paragraph(text_runs(line))
    if ir.sources:
        writer.heading(1, SOURCES_HEADING, tail)
        num_id = add_numbered_list(writer.document)
        for entry in ir.sources:
            writer.list_item(num_id, entry.segments)
        tail = ""
    if ir.notes and writer.kind.name == "endnote":
        writer.heading(1, NOTES_HEADING, tail)  # Word sets the endnotes right after it


def _decimal_endnotes(document: WordDocument) -> None:
    """Number endnotes 1, 2, 3 like the footnotes (Word's default is i, ii, iii)."""
    for sect_pr in document.element.body.iter(qn("w:sectPr")):
        properties = sect_pr.find(qn("w:endnotePr"))
        if properties is None:
            properties = parse_xml(f'<w:endnotePr {nsdecls("w")}/>')
            before = [qn("w:headerReference"), qn("w:footerReference"), qn("w:footnotePr")]
            index = max((i + 1 for i, c in enumerate(sect_pr) if c.tag in before), default=0)
            sect_pr.insert(index, properties)
        for old in properties.findall(qn("w:numFmt")):
            properties.remove(old)
        properties.insert(0, parse_xml(f'<w:numFmt {nsdecls("w")} w:val="decimal"/>'))


def _write_properties(document: WordDocument, ir: ExportIR) -> None:
    created = ir.created or datetime.now(UTC).replace(microsecond=0)
    properties = document.core_properties
    properties.title = ir.title[:255]
    properties.subject = ir.subtitle[:255]
    properties.author = "; ".join(ir.authors)[:255]
    properties.last_modified_by = properties.author
    properties.comments = ""
    properties.keywords = ""
    properties.created = created
    properties.modified = created
    properties.revision = 1


def write_docx(ir: ExportIR, path: str | Path, *, reference_doc: str | Path | None = None) -> None:
    """Write *ir* as a .docx file at *path* (not atomic: the caller handles that)."""
    document = open_template(reference_doc)
    if reference_doc is None:
        set_paper(document, ir.paper or default_paper())
    kind = note_kind(ir.note_style)
    notes_part = install_notes_part(document, kind)
    writer = _BodyWriter(document, kind)
    _write_body(writer, ir)
    writer.flush()
    write_notes(document, notes_part, ((n.number, n.segments) for n in ir.notes))
    if ir.banner:
        add_banner(document, ir.banner)
    if kind.name == "endnote":
        _decimal_endnotes(document)
    _write_properties(document, ir)
    truthful_app_properties(document)
    install_identity(document, ir)
    package = io.BytesIO()  # zipped in memory: a failing disk never meets a half-open zip
    document.save(package)
    Path(path).write_bytes(package.getvalue())
