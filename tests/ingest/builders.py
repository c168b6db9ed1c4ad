"""Build binary test inputs (.docx, .pdf, zip bombs) in our own words.

Word files are made with python-docx (plus a hand-written footnotes part,
since python-docx has no footnote API); PDFs with pypdf's object model and
a standard Type 1 font, so their text is extractable.
"""

from __future__ import annotations

import io
import zipfile

DOCX_TITLE = "Harbour Traffic Review"
DOCX_PARAGRAPHS = [
    "Freight volume at the northern harbour rose in the spring quarter.",
    "The port authority expects congestion to ease once the second crane is installed.",
]
FOOTNOTE = "Figures from the harbour master's weekly bulletin."

PDF_PAGES = [
    "Quarterly Grain Report\nWheat stocks held steady through the winter months.",
    "Barley prices climbed after the late frost damaged early plantings.",
    "Analysts at the cooperative expect a modest recovery by autumn.",
]

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{_W_NS}">
<w:footnote w:type="separator" w:id="-1">
  <w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0">
  <w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1">
  <w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {FOOTNOTE}</w:t></w:r></w:p>
</w:footnote>
</w:footnotes>"""


def make_docx(*, title: str = DOCX_TITLE, with_footnote: bool = True) -> bytes:
    """A Word document: title property, heading, paragraphs, a table, a footnote."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "Ines Ortega; Paul Brandt"
    document.add_heading("Findings", level=1)
    first = document.add_paragraph(DOCX_PARAGRAPHS[0])
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate([("Month", "Containers"), ("April", "1,240")]):
        for col, value in enumerate(cells):
            table.cell(row, col).text = value
    document.add_paragraph(DOCX_PARAGRAPHS[1])
    if with_footnote:
        run = first.add_run()
        run._r.append(parse_xml(f'<w:footnoteReference xmlns:w="{_W_NS}" w:id="1"/>'))
        part = Part(
            PackURI("/word/footnotes.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            _FOOTNOTES_XML.encode("utf-8"),
            document.part.package,
        )
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _escape_pdf(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def make_pdf(
    pages: list[str] | None = None,
    *,
    title: str = "Quarterly Grain Report",
    labels_from: int | None = None,
    password: str | None = None,
    blank: bool = False,
) -> bytes:
    """A PDF with one text page per entry of *pages* (lines split on newlines)."""
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, StreamObject

    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
    )
    for text in PDF_PAGES if pages is None else pages:
        page = writer.add_blank_page(612, 792)
        if blank:
            continue
        lines = b" T* ".join(b"(" + _escape_pdf(line) + b") Tj" for line in text.split("\n"))
        stream = StreamObject()
        stream.set_data(b"BT /F1 12 Tf 14 TL 72 720 Td " + lines + b" ET")
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
    writer.add_metadata({"/Title": title, "/Author": "Grain Desk"})
    if labels_from is not None:
        writer.set_page_label(0, len(writer.pages) - 1, "/D", start=labels_from)
    if password is not None:
        writer.encrypt(user_password=password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_zip_bomb(size: int) -> bytes:
    """A .docx-shaped zip whose document part expands to *size* bytes of zeros."""
    out = io.BytesIO()
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return out.getvalue()
