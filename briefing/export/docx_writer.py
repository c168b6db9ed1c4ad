"""Word writer: renders the export IR with python-docx and real notes.

Body paragraphs are written as WordprocessingML strings and parsed once (fast
for thousands of claims, and byte-stable for golden tests); styles, headers,
footers and core properties go through python-docx.  A reference template
gives styles, page setup and headers (pandoc's ``--reference-doc``); its body
is discarded.  The banner, when the briefing is marked, heads and foots every
page.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from briefing.export.docx_identity import TAIL_MARK, BookmarkIds, body_marks, install_identity
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
from briefing.export.ir import (
    SOURCES_HEADING,
    SUMMARY_HEADING,
    ExportIR,
    Heading,
    Paragraph,
)
from briefing.export.notes import Segment

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def open_template(reference_doc: str | Path | None) -> WordDocument:
    """python-docx's default document, or the user's template with its body emptied."""
    if reference_doc is None:
        document = docx.Document()
    else:
        from briefing.export.template_guard import read_template

        document = read_template(Path(reference_doc))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _drop_styles_with_effects(document)
    return document


def _drop_styles_with_effects(document: WordDocument) -> None:
    """Drop the optional Word 2010 stylesWithEffects part: it would be out of step
    with the styles we add, which Word may report as unreadable content."""
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            del document.part.rels[rid]


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

    def heading(self, level: int, text: str, mark: str = "") -> None:
        style_id = self.headings.get(level)
        if style_id is None:
            style_id = self.headings[level] = heading_style(self.document, level)
        self.paragraph(text_runs(text), style_id, mark)

    def claim(self, paragraph: Paragraph, mark: str = "") -> None:
        separator = text_runs(",", self.ref_style)
        refs = separator.join(note_reference(self.kind, self.ref_style, n) for n in paragraph.notes)
        self.paragraph(text_runs(paragraph.display_text) + refs, mark=mark)

    def segments(self, prefix: str, segments: tuple[Segment, ...]) -> None:
        """A source-list entry; its link is related from the main document part."""
        self.paragraph(text_runs(prefix) + segment_runs(segments, self._link_id, self.link_style))

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
    if ir.byline:
        writer.paragraph(text_runs(ir.byline))
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
        for number, entry in enumerate(ir.sources, start=1):
            writer.segments(f"{number}. ", entry.segments)


def _style_by_id(document: WordDocument, style_id: str) -> object:
    return next(s for s in document.styles if s.style_id == style_id)


def _write_banner(document: WordDocument, banner: str) -> None:
    header_style = paragraph_style(document, "header")
    footer_style = paragraph_style(document, "footer")
    odd_even = document.settings.odd_and_even_pages_header_footer
    for section in document.sections:
        parts = [(section.header, header_style), (section.footer, footer_style)]
        if section.different_first_page_header_footer:
            parts += [(section.first_page_header, header_style)]
            parts += [(section.first_page_footer, footer_style)]
        if odd_even:
            parts += [(section.even_page_header, header_style)]
            parts += [(section.even_page_footer, footer_style)]
        for part, style_id in parts:
            part.is_linked_to_previous = False
            paragraph = part.paragraphs[0] if part.paragraphs else part.add_paragraph()
            paragraph.text = banner
            paragraph.style = _style_by_id(document, style_id)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


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
    kind = note_kind(ir.note_style)
    notes_part = install_notes_part(document, kind)
    writer = _BodyWriter(document, kind)
    _write_body(writer, ir)
    writer.flush()
    write_notes(document, notes_part, ((n.number, n.segments) for n in ir.notes))
    if ir.banner:
        _write_banner(document, ir.banner)
    if kind.name == "endnote":
        _decimal_endnotes(document)
    _write_properties(document, ir)
    install_identity(document, ir)
    document.save(str(path))
