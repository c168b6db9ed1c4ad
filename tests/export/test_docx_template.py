"""A house template kept whole: its look stays, its content never leaks.

The template is built here the way a records office would make one: a logo
line (picture and text) in the header, "Page X" with a PAGE field in the
footer, a different first-page header, a reviewer's comment and old
footnotes in its body.  Expected strings are written by hand.
"""

from __future__ import annotations

import base64
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from briefing.core.errors import FileProblem
from briefing.export import export_document
from tests.export import readers
from tests.export.expect import small_document

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BANNER = "UNCLASSIFIED//FOR TRAINING"  # the small fixture's banner
# a 1x1 transparent PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOTX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOTM_TYPE = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
VBA_TYPE = b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
TEMPLATE_SECRET = "Reviewer: do not circulate this draft template"


def house_template(path: Path) -> Path:
    template = docx.Document()
    section = template.sections[0]
    logo = section.header.paragraphs[0]
    logo.add_run().add_picture(io.BytesIO(PNG))
    logo.add_run("ACME Analysis Unit")
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    footer._p.append(parse_xml(  # noqa: SLF001
        f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    ))
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "ACME first page letterhead"
    body = template.add_paragraph("Template body text that must not appear")
    template.add_comment(body.runs, text=TEMPLATE_SECRET, author="Reviewer", initials="R")
    template.save(str(path))
    return path


def with_old_footnotes(source: Path, target: Path) -> Path:
    """*source* plus a footnotes part holding 14 old notes (as a LibreOffice-saved template)."""
    notes = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:r><w:t>Old template note {n}</w:t></w:r></w:p>'
        "</w:footnote>"
        for n in range(1, 15)
    )
    xml = f'<w:footnotes xmlns:w="{W[1:-1]}">{notes}</w:footnotes>'
    rel = (
        '<Relationship Id="rIdOldNotes" Target="footnotes.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/footnotes"/>'
    )
    override = (
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.footnotes+xml"/>'
    )
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            new.writestr(info, data)
        new.writestr("word/footnotes.xml", xml)
    return target


def as_dotx(source: Path, target: Path, main_type: str) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(DOCUMENT_TYPE, main_type.encode())
            new.writestr(info, data)
    return target


def all_text(path: Path) -> str:
    """Every XML part of the package as text (what anyone unzipping it can read)."""
    with zipfile.ZipFile(path) as archive:
        return "\n".join(
            archive.read(n).decode("utf-8", "replace")
            for n in archive.namelist()
            if n.endswith((".xml", ".rels"))
        )


def only_briefing_custom_xml(path: Path) -> bool:
    """True when every custom XML item is Briefing's own identity part (issue 17), none a
    template's or python-docx's bibliography stub."""
    with zipfile.ZipFile(path) as archive:
        items = [n for n in archive.namelist()
                 if n.startswith("customXml/item") and "Props" not in n and n.endswith(".xml")]
        return all(b"urn:x-briefing:export" in archive.read(n) for n in items)


def paragraphs_text(part: object) -> list[str]:
    paragraphs = part._element.iter(f"{W}p")  # noqa: SLF001
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in paragraphs]


@pytest.fixture
def house(tmp_path: Path) -> Path:
    return house_template(tmp_path / "house.docx")


def test_marked_export_keeps_logo_page_field_and_first_page_header(
    house: Path, tmp_path: Path
) -> None:
    out = export_document(small_document(), tmp_path / "out.docx", reference_doc=house)
    section = docx.Document(str(out)).sections[0]
    assert paragraphs_text(section.header) == [BANNER, "ACME Analysis Unit"]
    header = section.header._element  # noqa: SLF001
    assert len(list(header.iter(f"{A}blip"))) == 1
    assert paragraphs_text(section.footer) == ["Page 1", BANNER]
    fields = [f.get(f"{W}instr") for f in section.footer._element.iter(f"{W}fldSimple")]  # noqa: SLF001
    assert fields == [" PAGE "]
    assert section.different_first_page_header_footer
    assert paragraphs_text(section.first_page_header) == [BANNER, "ACME first page letterhead"]
    assert paragraphs_text(section.first_page_footer) == [BANNER]
    with zipfile.ZipFile(out) as archive:
        assert any(n.startswith("word/media/") for n in archive.namelist())  # the logo


def test_even_page_headers_get_the_banner(house: Path, tmp_path: Path) -> None:
    template = docx.Document(str(house))
    template.settings.odd_and_even_pages_header_footer = True
    template.sections[0].even_page_header.paragraphs[0].text = "Even page running head"
    template.save(str(house))
    out = export_document(small_document(), tmp_path / "out.docx", reference_doc=house)
    section = docx.Document(str(out)).sections[0]
    assert paragraphs_text(section.even_page_header) == [BANNER, "Even page running head"]
    assert paragraphs_text(section.even_page_footer) == [BANNER]


def test_template_content_never_leaks(house: Path, tmp_path: Path) -> None:
    leaky = with_old_footnotes(house, tmp_path / "leaky.docx")
    for notes in ("footnotes", "endnotes"):
        out = export_document(
            small_document(), tmp_path / f"{notes}.docx", reference_doc=leaky, notes=notes
        )
        with zipfile.ZipFile(out) as archive:
            names = set(archive.namelist())
        leaked = r"comment|people|glossary|thumbnail|custom\.xml"
        assert not {n for n in names if re.search(leaked, n)}
        assert only_briefing_custom_xml(out)
        text = all_text(out)
        assert TEMPLATE_SECRET not in text
        assert "Template body text" not in text
        assert "Old template note" not in text
        if notes == "endnotes":
            assert "word/footnotes.xml" not in names
    read = readers.pandoc_read(tmp_path / "endnotes.docx", "docx", skip_superscript=True)
    assert all("Old template note" not in n for _, ns in read for n in ns)


def test_template_macros_and_custom_parts_are_not_carried(house: Path, tmp_path: Path) -> None:
    dotm = as_dotx(house, tmp_path / "house.dotm", DOTM_TYPE)
    vba = (
        '<Relationship Id="rIdVba" Target="vbaProject.bin" '
        'Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"/>'
    )
    with zipfile.ZipFile(dotm) as old, zipfile.ZipFile(tmp_path / "vba.dotm", "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", vba.encode() + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", VBA_TYPE + b"</Types>")
            new.writestr(info, data)
        new.writestr("word/vbaProject.bin", b"Attribute VB_Name = \"AutoOpen\"")
    dotm = tmp_path / "vba.dotm"
    out = export_document(small_document(), tmp_path / "out.docx", reference_doc=dotm)
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        types = archive.read("[Content_Types].xml").decode()
    assert not [n for n in names if "vba" in n.lower()]
    assert "macroEnabled" not in types and "template.main" not in types
    assert "document.main+xml" in types


@pytest.mark.parametrize(("suffix", "main_type"), [(".dotx", DOTX_TYPE), (".dotm", DOTM_TYPE)])
def test_word_templates_are_accepted(
    house: Path, tmp_path: Path, suffix: str, main_type: str
) -> None:
    dotx = as_dotx(house, tmp_path / f"house{suffix}", main_type)
    with zipfile.ZipFile(dotx) as archive:
        assert b"document.main+xml" not in archive.read("[Content_Types].xml")
    out = export_document(small_document(), tmp_path / "out.docx", reference_doc=dotx)
    section = docx.Document(str(out)).sections[0]
    assert paragraphs_text(section.header) == [BANNER, "ACME Analysis Unit"]


def test_unmarked_export_leaves_headers_as_they_are(house: Path, tmp_path: Path) -> None:
    from briefing.core.document import Document
    from briefing.core.model import BriefingInfo

    out = export_document(Document(BriefingInfo(title="Plain"), [], [], []),
                          tmp_path / "plain.docx", reference_doc=house)
    section = docx.Document(str(out)).sections[0]
    assert paragraphs_text(section.header) == ["ACME Analysis Unit"]
    assert paragraphs_text(section.footer) == ["Page 1"]


def test_a_document_that_is_not_word_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "fake.dotx"
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(FileProblem, match="fake.dotx: is not a Word .docx document"):
        export_document(small_document(), tmp_path / "out.docx", reference_doc=fake)
