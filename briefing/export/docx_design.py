"""Briefing's own reference document: the look of a Word export without a house template.

``resources/reference/briefing.docx`` is made by :func:`build_reference`
(``python -m briefing.export.docx_design``; a test checks the shipped file is
what this module makes).  The design, for reading on paper and on screen:

* body in Cambria 11 pt, 1.2 line spacing, 8 pt after each paragraph: Cambria
  comes with Word on Windows and macOS, and LibreOffice on Linux sets it in
  Caladea, a metric-compatible free font (Debian's ``fonts-crosextra-caladea``,
  which LibreOffice's packages recommend); where neither is found the font
  table's family and PANOSE tell Word and LibreOffice to take a serif;
* title, headings, header and footer in Arial (Liberation Sans, metric-
  compatible, on Linux), a dark slate colour, no rules, no theme colours;
* Title, Subtitle, Author and Date styles for the title block (pandoc's
  names, so a pandoc reference document and ours are interchangeable);
* footnotes in 9 pt, the Sources list and notes referencing styles;
* a footer with the page number ("Page 3 of 12", Word fields), margins of
  2.5 cm, and paper set per export (:func:`set_paper`: A4, or US Letter in
  the Americas' letter-paper countries; the export option overrides);
* ``compatibilityMode`` 15 (no "[Compatibility Mode]" in Word's title bar).

:func:`truthful_app_properties` replaces ``docProps/app.xml`` in every Word
export: the application is Briefing, with no page or word counts it could
not know.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

BODY_FONT = "Cambria"
HEAD_FONT = "Arial"
INK = "1F2A37"
"""Headings and title: a dark slate, easier on the eye than black or Word's blue."""
MUTED = "5B6573"
PAPERS = {"a4": (11906, 16838), "letter": (12240, 15840)}
MARGIN = 1418  # 2.5 cm in twentieths of a point
APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>Briefing</Application><DocSecurity>0</DocSecurity>'
    "</Properties>"
)


def _fonts(font: str) -> str:
    return f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'


def _style(kind: str, style_id: str, name: str, ppr: str = "", rpr: str = "",
           based: str = "Normal", extra: str = "") -> str:
    based_on = f'<w:basedOn w:val="{based}"/>' if based else ""
    return (
        f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>{based_on}'
        f"{extra}" + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "")
        + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "") + "</w:style>"
    )


def _heading(level: int, size: int, before: int, italic: bool = False) -> str:
    rpr = f'{_fonts(HEAD_FONT)}<w:b/><w:bCs/>{"<w:i/>" if italic else ""}' \
          f'<w:color w:val="{INK}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    ppr = (f'<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="80"/>'
           f'<w:outlineLvl w:val="{level - 1}"/>')
    return _style("paragraph", f"Heading{level}", f"heading {level}", ppr, rpr,
                  extra='<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>')


def styles_xml() -> str:
    """The whole ``word/styles.xml`` of the reference document."""
    small = f"{_fonts(HEAD_FONT)}<w:color w:val=\"{MUTED}\"/><w:sz w:val=\"17\"/>" \
            '<w:szCs w:val="17"/>'
    styles = [
        _style("paragraph", "Normal", "Normal", based="",
               extra='<w:qFormat/>'),
        _style("character", "DefaultParagraphFont", "Default Paragraph Font", based="",
               extra='<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>'),
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val='
        '"Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" '
        'w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
        _style("paragraph", "Title", "Title",
               '<w:spacing w:before="0" w:after="120" w:line="240" w:lineRule="auto"/>',
               f'{_fonts(HEAD_FONT)}<w:b/><w:bCs/><w:color w:val="{INK}"/><w:kern w:val="28"/>'
               '<w:sz w:val="44"/><w:szCs w:val="44"/>',
               extra='<w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>'),
        _style("paragraph", "Subtitle", "Subtitle", '<w:spacing w:after="160"/>',
               f'<w:i/><w:iCs/><w:color w:val="{MUTED}"/><w:sz w:val="28"/><w:szCs w:val="28"/>',
               extra='<w:next w:val="Normal"/><w:uiPriority w:val="11"/><w:qFormat/>'),
        _style("paragraph", "Author", "Author", '<w:spacing w:after="0"/>',
               f'{_fonts(HEAD_FONT)}<w:color w:val="{MUTED}"/><w:sz w:val="20"/>'
               '<w:szCs w:val="20"/>', extra='<w:next w:val="Normal"/><w:qFormat/>'),
        _style("paragraph", "Date", "Date", '<w:spacing w:after="360"/>',
               f'{_fonts(HEAD_FONT)}<w:color w:val="{MUTED}"/><w:sz w:val="20"/>'
               '<w:szCs w:val="20"/>', extra='<w:next w:val="Normal"/><w:qFormat/>'),
        _heading(1, 28, 360),
        _heading(2, 24, 280),
        _heading(3, 22, 220, italic=True),
        _style("paragraph", "Header", "header", '<w:jc w:val="center"/>', small,
               extra='<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'),
        _style("paragraph", "Footer", "footer", '<w:jc w:val="center"/>', small,
               extra='<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'),
        _style("paragraph", "FootnoteText", "footnote text",
               '<w:spacing w:after="40" w:line="240" w:lineRule="auto"/>',
               '<w:sz w:val="18"/><w:szCs w:val="18"/>',
               extra='<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'),
        _style("paragraph", "EndnoteText", "endnote text",
               '<w:spacing w:after="80" w:line="240" w:lineRule="auto"/>',
               '<w:sz w:val="20"/><w:szCs w:val="20"/>',
               extra='<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'),
        _style("character", "FootnoteReference", "footnote reference",
               rpr='<w:vertAlign w:val="superscript"/>', based="DefaultParagraphFont",
               extra='<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'),
        _style("character", "EndnoteReference", "endnote reference",
               rpr='<w:vertAlign w:val="superscript"/>', based="DefaultParagraphFont",
               extra='<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'),
        _style("character", "Hyperlink", "Hyperlink",
               rpr='<w:color w:val="1F4E79"/><w:u w:val="single"/>', based="DefaultParagraphFont",
               extra='<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'),
        _style("paragraph", "TOCHeading", "TOC Heading", rpr="", based="Heading1",
               extra='<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
               '<w:qFormat/>'),
        _style("paragraph", "TOC1", "toc 1", '<w:spacing w:after="60"/>',
               extra='<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'),
        _style("paragraph", "TOC2", "toc 2", '<w:spacing w:after="60"/><w:ind w:left="240"/>',
               extra='<w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'),
    ]
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f"<w:styles {nsdecls('w')}><w:docDefaults><w:rPrDefault><w:rPr>{_fonts(BODY_FONT)}"
        '<w:color w:val="1A1A1A"/><w:sz w:val="22"/><w:szCs w:val="22"/>'
        '<w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="288" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
        + "".join(styles).replace('w:type="paragraph" w:styleId="Normal"',
                                  'w:type="paragraph" w:default="1" w:styleId="Normal"')
        .replace('w:type="character" w:styleId="DefaultParagraphFont"',
                 'w:type="character" w:default="1" w:styleId="DefaultParagraphFont"')
        + "</w:styles>"
    )


def fonts_xml() -> str:
    """``word/fontTable.xml``: each font with its family and PANOSE, so a reader without
    it substitutes a font of the same kind (and Caladea / Liberation Sans by metrics)."""
    def font(name: str, panose: str, family: str) -> str:
        return (f'<w:font w:name="{name}"><w:panose1 w:val="{panose}"/><w:charset w:val="00"/>'
                f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>')

    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f"<w:fonts {nsdecls('w')}>"
        + font(BODY_FONT, "02040503050406030204", "roman")
        + font(HEAD_FONT, "020B0604020202020204", "swiss")
        + font("Times New Roman", "02020603050405020304", "roman")
        + "</w:fonts>"
    )


def _page_footer(document: WordDocument) -> None:
    footer = document.sections[0].footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.style = document.styles["Footer"]

    def field(code: str) -> str:
        return (f'<w:fldSimple {nsdecls("w")} w:instr=" {code} "><w:r><w:t>1</w:t></w:r>'
                "</w:fldSimple>")

    def text(value: str) -> str:
        return f'<w:r {nsdecls("w")}><w:t xml:space="preserve">{value}</w:t></w:r>'

    for xml in (text("Page "), field("PAGE"), text(" of "), field("NUMPAGES")):
        paragraph._p.append(parse_xml(xml))  # noqa: SLF001


def _settings(document: WordDocument) -> None:
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = parse_xml(f"<w:compat {nsdecls('w')}/>")
        settings.append(compat)
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    for name in ("w:rsids", "w:attachedTemplate", "w:proofState"):
        for element in settings.findall(qn(name)):
            settings.remove(element)


def build_reference() -> bytes:
    """The reference document's bytes."""
    document = docx.Document()
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype not in (RT.STYLES, RT.SETTINGS, RT.FONT_TABLE, RT.THEME, RT.WEB_SETTINGS):
            del document.part.rels[rid]
    for rid, rel in list(document.part.package.rels.items()):
        if rel.reltype not in (RT.OFFICE_DOCUMENT, RT.CORE_PROPERTIES, RT.EXTENDED_PROPERTIES):
            del document.part.package.rels[rid]
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    set_paper(document, "a4")
    _settings(document)
    _page_footer(document)
    properties = document.core_properties
    properties.author = properties.last_modified_by = ""
    properties.title = "Briefing reference document"
    properties.revision = 1
    raw = io.BytesIO()
    document.save(raw)
    return _replace_parts(raw.getvalue(), {
        "word/styles.xml": styles_xml().encode(),
        "word/fontTable.xml": fonts_xml().encode(),
        "docProps/app.xml": APP_XML.encode(),
    })


def _replace_parts(package: bytes, parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as old, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = parts.get(info.filename, old.read(info))
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            new.writestr(fixed, data)
    return out.getvalue()


def set_paper(document: WordDocument, paper: str) -> None:
    """Page size *paper* ("a4"/"letter") with the design's margins on every section."""
    width, height = PAPERS[paper]
    for sect_pr in document.element.body.iter(qn("w:sectPr")):
        for name in ("w:pgSz", "w:pgMar"):
            for old in sect_pr.findall(qn(name)):
                sect_pr.remove(old)
        size = parse_xml(f'<w:pgSz {nsdecls("w")} w:w="{width}" w:h="{height}"/>')
        margins = parse_xml(
            f'<w:pgMar {nsdecls("w")} w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" '
            f'w:left="{MARGIN}" w:header="709" w:footer="709" w:gutter="0"/>'
        )
        anchor = [c for c in sect_pr if c.tag in (qn("w:headerReference"),
                                                   qn("w:footerReference"),
                                                   qn("w:footnotePr"), qn("w:endnotePr"),
                                                   qn("w:type"))]
        if anchor:
            anchor[-1].addnext(size)
        else:
            sect_pr.insert(0, size)
        size.addnext(margins)


def truthful_app_properties(document: WordDocument) -> None:
    """docProps/app.xml naming Briefing, without counts it cannot know."""
    for rel in document.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = APP_XML.encode()  # noqa: SLF001


def main(argv: list[str] | None = None) -> int:
    target = Path((argv or sys.argv[1:] or ["resources/reference/briefing.docx"])[0])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(build_reference())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
