"""The house template of a Word export: what is kept of it, and the banner.

A reference document (pandoc's ``--reference-doc``) gives the export its
look: styles, numbering, settings, theme, fonts, headers and footers (with
their own pictures and fields) and page setup.  Everything else it holds is
dropped before the briefing is written, so nothing of the template's content
reaches a colleague's copy: its body, comments and their extensions, people,
footnotes and endnotes, custom XML, glossary (building blocks), embedded
objects of the body, macros, custom properties and thumbnail.

Word templates (``.dotx``), macro-enabled templates and documents
(``.dotm``/``.docm``) are accepted: the main part's content type is read as
a plain document's, and the macros never travel (their parts are dropped
with everything else outside the list above).

The banner of a marked briefing (:func:`add_banner`) is its own paragraph at
the top of every header and the foot of every footer, the first-page and
even-page ones included; what the template put there stays.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from briefing.export.docx_notes import escape, quoteattr
from briefing.export.docx_styles import paragraph_style
from briefing.resources import resource_path

KEPT_PARTS = frozenset(
    {RT.STYLES, RT.NUMBERING, RT.SETTINGS, RT.THEME, RT.FONT_TABLE, RT.WEB_SETTINGS,
     RT.HEADER, RT.FOOTER}
)
"""Relationships of the main document part that survive; the rest is template content."""
KEPT_PACKAGE_PARTS = frozenset({RT.OFFICE_DOCUMENT, RT.CORE_PROPERTIES, RT.EXTENDED_PROPERTIES})
"""Package relationships that survive (custom properties and the thumbnail do not)."""

_BANNER_SPACING = '<w:spacing w:before="0" w:after="0"/>'


def open_template(reference_doc: str | Path | None) -> WordDocument:
    """Briefing's reference document (:mod:`briefing.export.docx_design`), or the user's
    template with only its look kept."""
    if reference_doc is None:
        document = docx.Document(str(resource_path("reference", "briefing.docx")))
    else:
        document = _load(Path(reference_doc))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _keep_only_the_look(document)
    return document


def _load(path: Path) -> WordDocument:
    from briefing.export.template_guard import read_template

    document: WordDocument = read_template(path)
    return document


def _keep_only_the_look(document: WordDocument) -> None:
    for rels, kept in ((document.part.rels, KEPT_PARTS),
                       (document.part.package.rels, KEPT_PACKAGE_PARTS)):
        for rid, rel in list(rels.items()):
            if rel.reltype not in kept:
                del rels[rid]
    settings = document.settings.element
    for name in ("w:attachedTemplate", "w:docVars"):
        for element in settings.findall(qn(name)):
            settings.remove(element)


def _banner_paragraph(banner: str, style_id: str) -> Any:
    return parse_xml(
        f"<w:p {nsdecls('w')}><w:pPr><w:pStyle w:val={quoteattr(style_id)}/>{_BANNER_SPACING}"
        f'<w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/></w:rPr>'
        f'<w:t xml:space="preserve">{escape(banner)}</w:t></w:r></w:p>'
    )


def _header_footer_parts(document: WordDocument) -> list[tuple[Any, bool]]:
    """(header or footer, is_header) for every page kind each section shows."""
    odd_even = document.settings.odd_and_even_pages_header_footer
    parts: list[tuple[Any, bool]] = []
    for section in document.sections:
        kinds = [(section.header, True), (section.footer, False)]
        if section.different_first_page_header_footer:
            kinds += [(section.first_page_header, True), (section.first_page_footer, False)]
        if odd_even:
            kinds += [(section.even_page_header, True), (section.even_page_footer, False)]
        parts += kinds
    return parts


def _is_empty_paragraph(element: Any) -> bool:
    return element.tag == qn("w:p") and all(c.tag == qn("w:pPr") for c in element)


def add_banner(document: WordDocument, banner: str) -> None:
    """*banner* as its own paragraph atop every header and at the foot of every footer."""
    header_style = paragraph_style(document, "header")
    footer_style = paragraph_style(document, "footer")
    for part, is_header in _header_footer_parts(document):
        part.is_linked_to_previous = False  # an absent definition becomes an empty one
        element = part._element  # noqa: SLF001 - python-docx has no API to insert first
        paragraph = _banner_paragraph(banner, header_style if is_header else footer_style)
        if len(element) == 1 and _is_empty_paragraph(element[0]):
            element.remove(element[0])  # a new (or blank) part: the banner is its content
        if is_header:
            element.insert(0, paragraph)
        else:
            element.append(paragraph)
