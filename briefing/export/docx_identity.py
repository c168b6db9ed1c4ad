"""Identity that survives a review: hidden bookmarks per block and an export snapshot.

Every exported .docx carries, invisibly and validly:

* a hidden bookmark (a name starting with ``_``, which Word leaves out of its
  Bookmarks dialog) around each section heading (``_brf_s_<section>``), claim
  paragraph (``_brf_c_<claim>``) and prose paragraph (``_brf_p_<section>_<n>``);
  its numeric id is derived from the name, so an untouched paragraph is written
  byte for byte the same by the next export;
* a custom XML part (``customXml/itemN.xml`` with its ``itemProps``) holding the
  document id, the export revision (a digest of what was exported), the export
  time and the snapshot: every block's text and every note with its claim,
  citation and source.  :mod:`briefing.review` reads it back.

Word and LibreOffice keep both through editing and saving (DESIGN §4).
"""

from __future__ import annotations

import hashlib
import re
import uuid
import zlib
from datetime import UTC, datetime

from docx.document import Document as WordDocument
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from briefing.export.ir import ExportIR, Heading

SNAPSHOT_NS = "urn:x-briefing:export:1"
MARK_PREFIX = "_brf_"
TAIL_MARK = "_brf_end"
"""On the first heading after the outline (sourcing summary or Sources)."""
RT_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
RT_CUSTOM_XML_PROPS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
)
CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
DS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
MAX_NAME = 40  # Word truncates longer bookmark names
_UNSAFE = re.compile(r"[^A-Za-z0-9]")


def _safe(part: str) -> str:
    return _UNSAFE.sub(lambda m: f"x{ord(m.group()):x}", part)


def _fit(name: str) -> str:
    if len(name) <= MAX_NAME:
        return name
    digest = hashlib.sha1(name.encode()).hexdigest()[:10]
    return f"{name[: MAX_NAME - 11]}_{digest}"


def heading_mark(section_id: str) -> str:
    return _fit(f"{MARK_PREFIX}s_{_safe(section_id)}")


def claim_mark(claim_id: str) -> str:
    return _fit(f"{MARK_PREFIX}c_{_safe(claim_id)}")


def prose_mark(section_id: str, text: str, ordinal: int = 0) -> str:
    """A prose paragraph's mark: its section and a digest of its text, so inserting or
    removing another paragraph leaves it (and the paragraph's bytes) unchanged."""
    digest = hashlib.sha1(text.encode()).hexdigest()[:8]
    suffix = f"_{ordinal}" if ordinal else ""
    return _fit(f"{MARK_PREFIX}p_{_safe(section_id)}_{digest}{suffix}")


def body_marks(ir: ExportIR) -> list[str]:
    """The bookmark name of each item of ``ir.body`` ("" for one without a place)."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for item in ir.body:
        if isinstance(item, Heading):
            names.append(heading_mark(item.section_id) if item.section_id else "")
        elif item.claim_id is not None:
            names.append(claim_mark(item.claim_id))
        elif item.section_id:
            base = prose_mark(item.section_id, item.text)
            ordinal = seen.get(base, 0)
            seen[base] = ordinal + 1
            names.append(prose_mark(item.section_id, item.text, ordinal))
        else:
            names.append("")
    return names


class BookmarkIds:
    """Bookmark ids derived from names (stable across exports), unique within a document."""

    def __init__(self) -> None:
        self._used: set[int] = set()

    def take(self, name: str) -> int:
        number = zlib.crc32(name.encode()) % 1_000_000_000 + 1
        while number in self._used:
            number += 1
        self._used.add(number)
        return number

    def wrap(self, name: str, runs: str) -> str:
        """*runs* enclosed in the bookmark *name* (written just after the paragraph properties)."""
        number = self.take(name)
        return (
            f'<w:bookmarkStart w:id="{number}" w:name="{name}"/>{runs}'
            f'<w:bookmarkEnd w:id="{number}"/>'
        )


def snapshot_xml(ir: ExportIR, exported: datetime | None = None) -> bytes:
    """The snapshot part's bytes: identity, revision and what each block and note said."""
    root = etree.Element(f"{{{SNAPSHOT_NS}}}export", nsmap={"brf": SNAPSHOT_NS})
    root.set("document", ir.document_id)
    root.set("title", ir.title)
    root.set("notes", ir.note_style)
    for item, name in zip(ir.body, body_marks(ir), strict=True):
        if not name:
            continue
        block = etree.SubElement(root, f"{{{SNAPSHOT_NS}}}block", name=name)
        block.set("section", item.section_id)
        if isinstance(item, Heading):
            block.set("kind", "heading")
            block.set("level", str(item.level))
        else:
            block.set("kind", "claim" if item.claim_id is not None else "prose")
            if item.claim_id is not None:
                block.set("claim", item.claim_id)
            block.set("index", str(item.index))
            block.set("portion", item.portion)
            block.set("estimate", item.estimate)
            block.set("refs", " ".join(str(n) for n in item.notes))
        block.text = item.text
    per_claim: dict[str, int] = {}
    for note in ir.notes:
        position = per_claim.get(note.claim_id, 0)
        per_claim[note.claim_id] = position + 1
        element = etree.SubElement(root, f"{{{SNAPSHOT_NS}}}note", number=str(note.number))
        element.set("claim", note.claim_id)
        element.set("citation", str(position))
        element.set("source", note.source_id)
        element.text = note.text
    content = etree.tostring(root, encoding="utf-8")
    root.set("revision", hashlib.sha256(content).hexdigest()[:16])
    when = exported or datetime.now(UTC).replace(microsecond=0)
    root.set("exported", when.isoformat().replace("+00:00", "Z"))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _props_xml(document_id: str) -> bytes:
    item_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{SNAPSHOT_NS}/{document_id}")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<ds:datastoreItem ds:itemID="{{{str(item_id).upper()}}}" xmlns:ds="{DS_NS}">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{SNAPSHOT_NS}"/></ds:schemaRefs>'
        "</ds:datastoreItem>"
    ).encode()


def _is_snapshot(part: Part) -> bool:
    try:
        return etree.QName(etree.fromstring(part.blob)).namespace == SNAPSHOT_NS
    except (etree.XMLSyntaxError, ValueError):
        return False


def install_identity(document: WordDocument, ir: ExportIR) -> None:
    """Add the snapshot part to *document* (replacing one a template carried over)."""
    main = document.part
    for rid, rel in list(main.rels.items()):
        if rel.reltype == RT_CUSTOM_XML and not rel.is_external and _is_snapshot(rel.target_part):
            del main.rels[rid]
    package = main.package
    item_name = package.next_partname("/customXml/item%d.xml")
    number = item_name.idx
    item = Part(item_name, "application/xml", snapshot_xml(ir, ir.created), package)
    props_name = PackURI(f"/customXml/itemProps{number}.xml")
    props = Part(props_name, CT_CUSTOM_XML_PROPS, _props_xml(ir.document_id), package)
    item.relate_to(props, RT_CUSTOM_XML_PROPS)
    main.relate_to(item, RT_CUSTOM_XML)
