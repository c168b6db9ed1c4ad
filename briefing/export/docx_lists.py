"""A real numbered list for the Sources list of a Word export.

Word numbers list paragraphs itself (``w:numPr`` pointing at a ``w:num``), so
the Sources list is a list a reader can restyle, with the number hanging
left of the entry.  The numbering definition is added to the template's
numbering part, or to a new one when the template has none (python-docx
cannot create one); the template's own definitions are left as they are.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart

HANGING_TWIPS = 425
"""The number's place left of the entry: 0.75 cm, room for "100."."""


def _numbering(document: WordDocument) -> Any:  # an lxml element
    part = document.part
    for rel in part.rels.values():
        if rel.reltype == RT.NUMBERING and not rel.is_external:
            return rel.target_part.element
    element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
    numbering = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element,
                              part.package)
    part.relate_to(numbering, RT.NUMBERING)
    return element


def _next_id(numbering: Any, tag: str, attribute: str) -> int:
    ids = [int(e.get(qn(attribute))) for e in numbering.findall(qn(tag))
           if (e.get(qn(attribute)) or "").isdigit()]
    return max(ids, default=0) + 1


def add_numbered_list(document: WordDocument) -> int:
    """A new decimal list ("1.", "2." …, hanging indent); returns its ``numId``."""
    numbering = _numbering(document)
    abstract_id = _next_id(numbering, "w:abstractNum", "w:abstractNumId")
    num_id = _next_id(numbering, "w:num", "w:numId")
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{HANGING_TWIPS}" w:hanging="{HANGING_TWIPS}"/></w:pPr>'
        "</w:lvl></w:abstractNum>"
    )
    abstracts = numbering.findall(qn("w:abstractNum"))
    if abstracts:
        abstracts[-1].addnext(abstract)
    else:
        pictures = numbering.findall(qn("w:numPicBullet"))
        if pictures:
            pictures[-1].addnext(abstract)
        else:
            numbering.insert(0, abstract)
    num = parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
        "</w:num>"
    )
    cleanup = numbering.find(qn("w:numIdMacAtCleanup"))
    if cleanup is not None:
        cleanup.addprevious(num)
    else:
        numbering.append(num)
    return num_id


def list_item_properties(num_id: int) -> str:
    """The ``w:pPr`` of an item of list *num_id*."""
    return (
        '<w:pPr><w:numPr><w:ilvl w:val="0"/>'
        f'<w:numId w:val="{num_id}"/></w:numPr><w:spacing w:after="80"/></w:pPr>'
    )
