"""Word styles the export needs, added when the template lacks them.

python-docx's default template has no footnote, endnote or hyperlink styles,
and a house template saved by Word often holds headings only as latent
styles.  Each style is looked up by its built-in (internal) name, so a
localised template's own ids are used; a missing one is added with Word's
standard id and a plain definition (headings carry their outline level so
the navigation pane and a table of contents work).
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

_HEADING_SIZES = (32, 28, 26, 24, 24, 22, 22, 22, 22)

# internal name -> (type, id, pPr xml, rPr xml)
_PARAGRAPH: dict[str, tuple[str, str, str]] = {
    "title": ("Title", '<w:spacing w:after="120"/>', '<w:sz w:val="52"/><w:szCs w:val="52"/>'),
    "subtitle": (
        "Subtitle",
        '<w:spacing w:after="160"/>',
        '<w:i/><w:iCs/><w:sz w:val="28"/><w:szCs w:val="28"/>',
    ),
    "Author": ("Author", '<w:spacing w:after="0"/>', ""),
    "Date": ("Date", '<w:spacing w:after="240"/>', ""),
    "TOC Heading": ("TOCHeading", '<w:keepNext/><w:spacing w:before="240" w:after="60"/>',
                    '<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>'),
    "header": ("Header", '<w:jc w:val="center"/>', ""),
    "footer": ("Footer", '<w:jc w:val="center"/>', ""),
    "footnote text": (
        "FootnoteText",
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
        '<w:sz w:val="20"/><w:szCs w:val="20"/>',
    ),
    "endnote text": (
        "EndnoteText",
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>',
        '<w:sz w:val="20"/><w:szCs w:val="20"/>',
    ),
}
for _n, _size in enumerate(_HEADING_SIZES, start=1):
    _PARAGRAPH[f"heading {_n}"] = (
        f"Heading{_n}",
        f'<w:keepNext/><w:spacing w:before="240" w:after="60"/><w:outlineLvl w:val="{_n - 1}"/>',
        f'<w:b/><w:bCs/><w:sz w:val="{_size}"/><w:szCs w:val="{_size}"/>',
    )

_CHARACTER: dict[str, tuple[str, str]] = {
    "footnote reference": ("FootnoteReference", '<w:vertAlign w:val="superscript"/>'),
    "endnote reference": ("EndnoteReference", '<w:vertAlign w:val="superscript"/>'),
    "Hyperlink": ("Hyperlink", '<w:color w:val="0563C1"/><w:u w:val="single"/>'),
}


def _styles_element(document: WordDocument) -> Any:  # an lxml element (python-docx's oxml)
    return document.styles.element


def find_style_id(document: WordDocument, name: str, kind: str) -> str | None:
    """The id of the *kind* ("paragraph"/"character") style called *name*, or None."""
    wanted = name.lower()
    for style in _styles_element(document).iterchildren(qn("w:style")):
        if style.get(qn("w:type")) != kind:
            continue
        name_el = style.find(qn("w:name"))
        if name_el is not None and (name_el.get(qn("w:val")) or "").lower() == wanted:
            return str(style.get(qn("w:styleId")))
    return None


def _default_id(document: WordDocument, kind: str) -> str | None:
    for style in _styles_element(document).iterchildren(qn("w:style")):
        if style.get(qn("w:type")) == kind and style.get(qn("w:default")) in ("1", "true", "on"):
            return str(style.get(qn("w:styleId")))
    return None


def _free_id(document: WordDocument, style_id: str) -> str:
    taken = {s.get(qn("w:styleId")) for s in _styles_element(document).iterchildren(qn("w:style"))}
    candidate, n = style_id, 1
    while candidate in taken:
        n += 1
        candidate = f"{style_id}{n}"
    return candidate


def _add(document: WordDocument, kind: str, name: str, style_id: str, ppr: str, rpr: str) -> str:
    style_id = _free_id(document, style_id)
    base = _default_id(document, kind)
    based_on = f'<w:basedOn w:val="{base}"/>' if base else ""
    next_el = f'<w:next w:val="{base}"/>' if base and kind == "paragraph" else ""
    xml = (
        f'<w:style {nsdecls("w")} w:type="{kind}" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/>{based_on}{next_el}<w:uiPriority w:val="99"/>'
        f"<w:unhideWhenUsed/>"
        + ("<w:qFormat/>" if name.startswith(("heading", "title", "subtitle")) else "")
        + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "")
        + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "")
        + "</w:style>"
    )
    _styles_element(document).append(parse_xml(xml))
    return style_id


def paragraph_style(document: WordDocument, name: str) -> str:
    """The id of built-in paragraph style *name* ("heading 2"), adding it when missing."""
    found = find_style_id(document, name, "paragraph")
    if found:
        return found
    style_id, ppr, rpr = _PARAGRAPH[name]
    return _add(document, "paragraph", name, style_id, ppr, rpr)


def character_style(document: WordDocument, name: str) -> str:
    """The id of built-in character style *name*, adding it when missing."""
    found = find_style_id(document, name, "character")
    if found:
        return found
    style_id, rpr = _CHARACTER[name]
    return _add(document, "character", name, style_id, "", rpr)


def heading_style(document: WordDocument, level: int) -> str:
    return paragraph_style(document, f"heading {min(max(level, 1), 9)}")
