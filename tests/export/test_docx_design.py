"""Briefing's own reference document: what a Word export without a house template looks like."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from briefing.export import ExportOptions, export_document
from briefing.export.docx_design import build_reference
from briefing.export.paper import default_paper
from briefing.resources import resource_path
from tests.export.expect import small_document
from tests.export.test_docx import blank_findings, findings  # noqa: F401 - fixture
from tests.export.test_docx_template import only_briefing_custom_xml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SHIPPED = resource_path("reference", "briefing.docx")


def _part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def test_shipped_reference_is_what_the_design_module_makes(tmp_path: Path) -> None:
    made = tmp_path / "made.docx"
    made.write_bytes(build_reference())
    for name in ("word/styles.xml", "word/settings.xml", "word/fontTable.xml",
                 "word/document.xml", "word/footer1.xml", "docProps/app.xml"):
        assert _part(made, name) == _part(SHIPPED, name), name


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    return export_document(small_document(), tmp_path / "brief.docx",
                           options=ExportOptions(paper="a4"))


def test_title_block_uses_title_subtitle_author_date(exported: Path) -> None:
    paragraphs = docx.Document(str(exported)).paragraphs
    assert [(p.style.name, p.text) for p in paragraphs[:4]] == [
        ("Title", "Harbour Access Review"),
        ("Subtitle", "Port operations after the storm"),
        ("Author", "A. Analyst and B. Reviewer"),
        ("Date", "20 December 2025"),
    ]


def test_design_fonts_page_and_numbers(exported: Path) -> None:
    word = docx.Document(str(exported))
    section = word.sections[0]
    assert (section.page_width.cm, section.page_height.cm) == pytest.approx((21.0, 29.7), 0.01)
    assert section.left_margin.cm == pytest.approx(2.5, 0.01)
    styles = etree.fromstring(_part(exported, "word/styles.xml"))
    fonts = styles.find(f"{W}docDefaults//{W}rFonts")
    assert fonts.get(f"{W}ascii") == "Cambria"
    heading = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "Heading1")
    assert heading.find(f".//{W}rFonts").get(f"{W}ascii") == "Arial"
    assert heading.find(f".//{W}color").get(f"{W}val") == "1F2A37"  # not Word's blue
    title = next(s for s in styles.iter(f"{W}style") if s.get(f"{W}styleId") == "Title")
    assert title.find(f".//{W}pBdr") is None  # no rule under the title
    footer = section.footer._element  # noqa: SLF001
    assert [f.get(f"{W}instr") for f in footer.iter(f"{W}fldSimple")] == [" PAGE ", " NUMPAGES "]
    first = section.footer.paragraphs[0]._p  # noqa: SLF001
    assert "".join(t.text for t in first.iter(f"{W}t")) == "Page 1 of 1"  # cached field values
    table = etree.fromstring(_part(exported, "word/fontTable.xml"))
    families = {f.get(f"{W}name"): f.find(f"{W}family").get(f"{W}val") for f in table}
    assert families["Cambria"] == "roman" and families["Arial"] == "swiss"


def test_word_opens_it_without_compatibility_mode_or_false_statistics(exported: Path) -> None:
    settings = etree.fromstring(_part(exported, "word/settings.xml"))
    modes = [s.get(f"{W}val") for s in settings.iter(f"{W}compatSetting")
             if s.get(f"{W}name") == "compatibilityMode"]
    assert modes == ["15"]
    app = _part(exported, "docProps/app.xml").decode()
    assert "<Application>Briefing</Application>" in app
    assert "Microsoft" not in app and "<Pages>" not in app and "<Words>" not in app
    with zipfile.ZipFile(exported) as archive:
        names = archive.namelist()
    assert not [n for n in names if "thumbnail" in n]
    assert only_briefing_custom_xml(exported)  # no bibliography stub


def test_letter_paper_and_table_of_contents(tmp_path: Path, blank_findings) -> None:  # noqa: F811
    path = export_document(small_document(), tmp_path / "letter.docx",
                           options=ExportOptions(paper="letter", contents=True))
    section = docx.Document(str(path)).sections[0]
    assert (section.page_width.inches, section.page_height.inches) == pytest.approx((8.5, 11))
    body = etree.fromstring(_part(path, "word/document.xml"))
    instructions = ["".join(i.itertext()) for i in body.iter(f"{W}instrText")]
    assert instructions == [' TOC \\o "1-3" \\h \\z \\u ']
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert texts[4] == "Contents"
    assert "right-click it and choose Update Field" in texts[5]
    assert findings(path) <= blank_findings


@pytest.mark.parametrize(
    ("environ", "paper"),
    [({"LC_PAPER": "en_US.UTF-8"}, "letter"), ({"LANG": "en_GB.UTF-8"}, "a4"),
     ({"LANG": "fr_CA.UTF-8"}, "letter"), ({"LANG": "de_DE.UTF-8"}, "a4"), ({"LANG": "C"}, "a4")],
)
def test_paper_follows_the_locale(monkeypatch, environ: dict, paper: str) -> None:
    for name in ("LC_PAPER", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert default_paper() == paper
