"""The export snapshot carried by a Briefing .docx, read back.

:mod:`briefing.export.docx_identity` writes it; this module only reads.  A
block's ``display`` is what the reader saw: portion mark, text and estimate.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from briefing.core.errors import FileProblem
from briefing.export.docx_identity import SNAPSHOT_NS
from briefing.review.package import parse_xml

_NS = f"{{{SNAPSHOT_NS}}}"


@dataclass(frozen=True, slots=True)
class SnapBlock:
    name: str
    kind: str  # heading | claim | prose
    section: str
    text: str
    claim: str | None = None
    index: int = -1
    level: int = 0
    portion: str = ""
    estimate: str = ""
    refs: tuple[int, ...] = ()
    order: int = 0

    @property
    def display(self) -> str:
        return " ".join(p for p in (self.portion, self.text, self.estimate) if p)


@dataclass(frozen=True, slots=True)
class SnapNote:
    number: int
    claim: str
    citation: int
    source: str
    text: str


@dataclass(frozen=True, slots=True)
class Snapshot:
    document: str
    revision: str
    exported: str
    title: str
    blocks: tuple[SnapBlock, ...]
    notes: dict[int, SnapNote]
    by_name: dict[str, SnapBlock]


def find_snapshot(custom_parts: list[bytes], path: Path) -> Snapshot:
    """The snapshot among the package's custom XML parts, or FileProblem when none is ours."""
    for data in custom_parts:
        if SNAPSHOT_NS.encode() not in data:
            continue
        root = parse_xml(data, path, "customXml")
        if etree.QName(root).namespace == SNAPSHOT_NS:
            return _snapshot(root)
    raise FileProblem(
        path,
        "was not exported by Briefing (it carries no briefing identity); only a .docx "
        "exported from a briefing can be read as a review",
    )


def _int(value: str | None, default: int = -1) -> int:
    try:
        return int(value or "")
    except ValueError:
        return default


def _snapshot(root: etree._Element) -> Snapshot:
    blocks = []
    for order, element in enumerate(root.iter(f"{_NS}block")):
        refs = tuple(_int(r) for r in (element.get("refs") or "").split())
        blocks.append(
            SnapBlock(
                name=element.get("name", ""),
                kind=element.get("kind", "prose"),
                section=element.get("section", ""),
                text=element.text or "",
                claim=element.get("claim"),
                index=_int(element.get("index")),
                level=_int(element.get("level"), 0),
                portion=element.get("portion", ""),
                estimate=element.get("estimate", ""),
                refs=refs,
                order=order,
            )
        )
    notes = {}
    for element in root.iter(f"{_NS}note"):
        number = _int(element.get("number"))
        notes[number] = SnapNote(
            number,
            element.get("claim", ""),
            _int(element.get("citation"), 0),
            element.get("source", ""),
            element.text or "",
        )
    return Snapshot(
        document=root.get("document", ""),
        revision=root.get("revision", ""),
        exported=root.get("exported", ""),
        title=root.get("title", ""),
        blocks=tuple(blocks),
        notes=notes,
        by_name={b.name: b for b in blocks},
    )
