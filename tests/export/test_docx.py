"""Word export: real notes read back by pandoc, the package checked by openxml-audit."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from openxml_audit import OpenXmlValidator

from briefing.core.document import Document
from briefing.core.errors import FileProblem
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source
from briefing.export import ExportOptions, export_document
from tests.export import readers
from tests.export.expect import assert_claims_read_back, small_claims, small_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def part_names(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as archive:
        return set(archive.namelist())


def findings(path: Path) -> set[tuple[str, str, str]]:
    result = OpenXmlValidator().validate(str(path))
    return {(e.part_uri, e.node, e.error_type.value) for e in result.errors}


@pytest.fixture(scope="module")
def blank_findings(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str, str]]:
    path = tmp_path_factory.mktemp("blank") / "blank.docx"
    docx.Document().save(str(path))
    found = findings(path)
    assert len(found) == 2  # python-docx's stale stylesWithEffects.xml, as DESIGN §4 says
    return found


@pytest.fixture
def small_docx(tmp_path: Path) -> Path:
    options = ExportOptions(show_estimates=True, sourcing_summary=True)
    return export_document(small_document(), tmp_path / "brief.docx", options=options)


def test_pandoc_reads_each_claim_with_its_notes(small_docx: Path) -> None:
    expected = small_claims(estimates=True, separator_in_text=False)
    actual = readers.pandoc_read(small_docx, "docx", skip_superscript=True)
    assert_claims_read_back(expected, actual)
    judgment = next(p for p in actual if p[0].startswith("(U) Full capacity"))
    assert len(judgment[1]) == 2
    assert "Dredging contractor" in judgment[1][0] and "para. 2" in judgment[1][0]
    assert "Harbour Master Daily Log" in judgment[1][0]
    assert (
        "A pilot, caller" in judgment[1][1] and "Morning Call-in, Coastal Radio" in judgment[1][1]
    )
    assert "Grade C3" in judgment[1][1]


def test_footnotes_part_is_real_word_footnotes(small_docx: Path) -> None:
    notes = part(small_docx, "word/footnotes.xml")
    ids = [n.get(f"{W}id") for n in notes.iter(f"{W}footnote")]
    assert ids == ["-1", "0", "1", "2", "3"]
    separator, continuation = list(notes)[:2]
    assert separator.get(f"{W}type") == "separator"
    assert continuation.get(f"{W}type") == "continuationSeparator"
    assert not list(separator.iter(f"{W}footnoteRef"))
    for note in list(notes)[2:]:
        paragraph = note.find(f"{W}p")
        assert paragraph.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "FootnoteText"
        first_run = paragraph.find(f"{W}r")
        assert first_run.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "FootnoteReference"
        assert first_run.find(f"{W}footnoteRef") is not None
    body = part(small_docx, "word/document.xml")
    refs = [r.get(f"{W}id") for r in body.iter(f"{W}footnoteReference")]
    assert refs == ["1", "2", "3"]
    types = part(small_docx, "[Content_Types].xml")
    assert any(
        o.get("PartName") == "/word/footnotes.xml"
        and o.get("ContentType").endswith("wordprocessingml.footnotes+xml")
        for o in types
    )


def test_note_hyperlinks_are_related_from_the_footnotes_part(small_docx: Path) -> None:
    rels = part(small_docx, "word/_rels/footnotes.xml.rels")
    links = {r.get("Id"): r for r in rels}
    notes = part(small_docx, "word/footnotes.xml")
    used = [h.get(f"{R}id") for h in notes.iter(f"{W}hyperlink")]
    assert used, "the source URL should be a link"
    for rid in used:
        assert links[rid].get("Target") == "https://example.org/log?day=18&part=2"
        assert links[rid].get("TargetMode") == "External"


def test_adjacent_note_references_are_separated(small_docx: Path) -> None:
    body = part(small_docx, "word/document.xml")
    paragraph = next(
        p for p in body.iter(f"{W}p") if len(list(p.iter(f"{W}footnoteReference"))) == 2
    )
    runs = list(paragraph.iter(f"{W}r"))
    kinds = [
        "ref" if r.find(f"{W}footnoteReference") is not None else "".join(r.itertext())
        for r in runs
    ]
    assert kinds[-3:] == ["ref", ",", "ref"]


def test_styles_for_notes_and_links_exist_and_are_superscript(small_docx: Path) -> None:
    styles = part(small_docx, "word/styles.xml")
    by_id = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    for style_id in ("FootnoteText", "FootnoteReference", "Hyperlink", "Title", "Heading1"):
        assert style_id in by_id
    vert = by_id["FootnoteReference"].find(f"{W}rPr/{W}vertAlign")
    assert vert.get(f"{W}val") == "superscript"
    body = part(small_docx, "word/document.xml")
    used = [s.get(f"{W}val") for s in body.iter(f"{W}pStyle")]
    assert used[:2] == ["Title", "Subtitle"] and "Heading1" in used and "Heading2" in used


def test_banner_heads_and_foots_every_page(small_docx: Path) -> None:
    word = docx.Document(str(small_docx))
    for section in word.sections:
        assert section.header.paragraphs[0].text == "UNCLASSIFIED//FOR TRAINING"
        assert section.footer.paragraphs[-1].text == "UNCLASSIFIED//FOR TRAINING"


def test_core_properties(small_docx: Path) -> None:
    props = docx.Document(str(small_docx)).core_properties
    assert props.title == "Harbour Access Review"
    assert props.author == "A. Analyst; B. Reviewer"
    assert props.created is not None and props.created.year >= 2025


def test_openxml_audit_adds_no_findings(small_docx: Path, blank_findings: set) -> None:
    assert findings(small_docx) <= blank_findings


def test_endnotes_are_real_endnotes(tmp_path: Path, blank_findings: set) -> None:
    path = export_document(small_document(), tmp_path / "end.docx", notes="endnotes")
    assert "word/endnotes.xml" in part_names(path)
    assert "word/footnotes.xml" not in part_names(path)
    body = part(path, "word/document.xml")
    assert [r.get(f"{W}id") for r in body.iter(f"{W}endnoteReference")] == ["1", "2", "3"]
    notes = part(path, "word/endnotes.xml")
    assert [n.get(f"{W}id") for n in notes.iter(f"{W}endnote")] == ["-1", "0", "1", "2", "3"]
    formats = [f.get(f"{W}val") for f in body.iter(f"{W}numFmt")]
    assert formats == ["decimal"]  # 1, 2, 3 like footnotes, not Word's default i, ii, iii
    actual = readers.pandoc_read(path, "docx", skip_superscript=True)
    expected = small_claims(estimates=False, separator_in_text=False)
    assert_claims_read_back(expected, actual)
    assert findings(path) <= blank_findings


def hostile_document() -> Document:
    text = "Bad\x00 \x1bchars\x0bline two\x0cpage ﹏ \ufffe\uffff end \u202eRTL 😀 *x* [^1]"
    source = Source(id="s1", title="Title\x0b with VT <&>", url="javascript:alert(1)")
    claim = Claim(id="c1", text=text, citations=(Citation("s1", locator="p.\x00 3"),))
    section = Section(id="k1", title="", blocks=(Block.for_claim("c1"),))
    return Document(BriefingInfo(title="T\x07"), [source], [claim], [section])


def test_hostile_text_is_sanitised_and_read_back(tmp_path: Path, blank_findings: set) -> None:
    path = export_document(hostile_document(), tmp_path / "hostile.docx")
    actual = readers.pandoc_read(path, "docx", skip_superscript=True)
    claim = next(p for p in actual if p[1])
    assert claim[0] == "Bad chars line two page ﹏ end \u202eRTL 😀 *x* [^1]"
    assert "“Title with VT <&>”" in claim[1][0] and "p. 3" in claim[1][0]
    assert claim[1][0].endswith("p. 3. javascript:alert(1).")  # shown as the record has it
    notes = part(path, "word/footnotes.xml")
    assert list(notes.iter(f"{W}hyperlink")) == []  # not a web link: never clickable
    assert ("Untitled section", []) in actual
    body = part(path, "word/document.xml")
    assert len(list(body.iter(f"{W}br"))) >= 2  # VT and FF became line breaks
    assert findings(path) <= blank_findings


def test_reference_template_with_footnotes_is_honoured(tmp_path: Path, blank_findings: set) -> None:
    template = docx.Document()
    template.styles["Normal"].font.name = "Garamond"
    template.sections[0].header.paragraphs[0].text = "House header"
    template.add_paragraph("Template body text that must not appear")
    base = tmp_path / "base.docx"
    template.save(str(base))
    # an export of ours already holds footnotes.xml: use it as a house template
    house = export_document(small_document(), tmp_path / "house.docx", reference_doc=base)
    out = export_document(small_document(), tmp_path / "out.docx", reference_doc=house)
    word = docx.Document(str(out))
    assert word.styles["Normal"].font.name == "Garamond"
    texts = [p.text for p in word.paragraphs]
    assert "Template body text that must not appear" not in texts
    assert texts.count("Harbour Access Review") == 1
    notes = part(out, "word/footnotes.xml")
    assert [n.get(f"{W}id") for n in notes.iter(f"{W}footnote")] == ["-1", "0", "1", "2", "3"]
    unmarked = Document(BriefingInfo(title="Plain"), [], [], [])
    kept = export_document(unmarked, tmp_path / "plain.docx", reference_doc=base)
    assert docx.Document(str(kept)).sections[0].header.paragraphs[0].text == "House header"
    assert findings(out) <= blank_findings


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_unusable_reference_template_is_one_clear_error(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "house.docx"
    bad.write_bytes(content)
    with pytest.raises(FileProblem, match="house.docx: is not a Word .docx document"):
        export_document(small_document(), tmp_path / "out.docx", reference_doc=bad)
    assert not (tmp_path / "out.docx").exists()
    with pytest.raises(FileProblem, match="not found"):
        export_document(small_document(), tmp_path / "out.docx", reference_doc=tmp_path / "no.docx")
