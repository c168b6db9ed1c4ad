"""Word (.docx) documents via python-docx: body in order, tables, notes.

Paragraphs and tables come in document order (a table becomes one block, a
row per line, cells separated by tabs); footnote and endnote references in
the body become ``[n]`` and the notes' text is appended under "Notes".  The
title is the core-properties title, else the first Title or Heading
paragraph.  The zip is checked first: a package that would expand beyond
:data:`~briefing.ingest.common.MAX_DECOMPRESSED` bytes is refused.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml

from briefing.core.errors import FileProblem
from briefing.core.model import Source
from briefing.core.vocab import SourceKind
from briefing.ingest.common import (
    MAX_DECOMPRESSED,
    Provenance,
    clean_text,
    error_reason,
    join_paragraphs,
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NOTE_PARTS = ("/word/footnotes.xml", "/word/endnotes.xml")


def check_zip(data: bytes, path: Path, limit: int | None = None) -> None:
    """Refuse a non-zip, a damaged zip, or one that expands past *limit* bytes.

    zipfile never inflates a member past its declared size, so checking the
    declared sizes bounds what python-docx can decompress.
    """
    limit = MAX_DECOMPRESSED if limit is None else limit
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise FileProblem(path, "is not a Word document (not a valid .docx package)") from None
    total = sum(info.file_size for info in infos)
    if total > limit:
        raise FileProblem(
            path,
            f"would expand to {total // (1 << 20)} MB, more than the "
            f"{limit // (1 << 20)} MB allowed (damaged file or zip bomb)",
        )
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names:
        raise FileProblem(path, "is not a Word document (no [Content_Types].xml in the package)")


class _Notes:
    """Numbers footnote/endnote references in reading order."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, str], int] = {}

    def number(self, kind: str, note_id: str) -> int:
        return self.numbers.setdefault((kind, note_id), len(self.numbers) + 1)


def _run_text(element: Any, notes: _Notes | None) -> str:
    """Text of a paragraph element: text, tabs, breaks and note markers in order."""
    out: list[str] = []
    for node in element.iter():
        tag = node.tag
        if tag == f"{_W}t":
            out.append(node.text or "")
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            out.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            out.append("\n")
        elif notes is not None and tag in (f"{_W}footnoteReference", f"{_W}endnoteReference"):
            kind = "foot" if tag == f"{_W}footnoteReference" else "end"
            out.append(f"[{notes.number(kind, node.get(f'{_W}id', ''))}]")
    return "".join(out)


def _table_text(table: Any, notes: _Notes) -> str:
    rows = []
    for tr in table._tbl.iter(f"{_W}tr"):
        cells = []
        for tc in tr.iterchildren(f"{_W}tc"):
            paragraphs = [_run_text(p, notes) for p in tc.iter(f"{_W}p")]
            cells.append(" ".join(p.strip() for p in paragraphs if p.strip()))
        if any(cells):
            rows.append("\t".join(cells))
    return "\n".join(rows)


def _blocks(document: Any, notes: _Notes) -> Iterator[tuple[str, str]]:
    """(style name, text) for each paragraph or table of the body, in order."""
    for item in document.iter_inner_content():
        if hasattr(item, "_p"):
            style = item.style.name if item.style is not None else ""
            yield style or "", _run_text(item._p, notes)
        else:
            yield "Table", _table_text(item, notes)


def _note_texts(document: Any, notes: _Notes) -> list[str]:
    bodies: dict[tuple[str, str], str] = {}
    for part in document.part.package.iter_parts():
        if str(part.partname) not in _NOTE_PARTS:
            continue
        kind = "foot" if "footnotes" in str(part.partname) else "end"
        root = parse_xml(part.blob)
        for note in root.iterchildren(f"{_W}footnote", f"{_W}endnote"):
            paragraphs = [_run_text(p, None).strip() for p in note.iter(f"{_W}p")]
            bodies[(kind, note.get(f"{_W}id", ""))] = " ".join(p for p in paragraphs if p)
    ordered = sorted(notes.numbers.items(), key=lambda item: item[1])
    return [f"[{n}] {bodies[key]}" for key, n in ordered if bodies.get(key)]


def _is_heading(style: str) -> bool:
    return style == "Title" or style.startswith("Heading")


def _extract(data: bytes) -> tuple[Any, list[tuple[str, str]], list[str]]:
    document = docx.Document(io.BytesIO(data))
    notes = _Notes()
    blocks = list(_blocks(document, notes))
    return document, blocks, _note_texts(document, notes)


def docx_source(data: bytes, path: Path, *, source_id: str, provenance: Provenance) -> Source:
    """A Source for a Word document (.docx)."""
    check_zip(data, path)
    try:
        document, blocks, note_texts = _extract(data)
        props = document.core_properties
        title, author = props.title or "", props.author or ""
    except FileProblem:
        raise
    except Exception as error:  # python-docx/lxml raise many types on damaged packages
        reason = error_reason(error)
        raise FileProblem(path, f"is not a readable Word document ({reason})") from None
    paragraphs = [text for _, text in blocks]
    if note_texts:
        paragraphs += ["Notes", *note_texts]
    text = clean_text(join_paragraphs(paragraphs))
    if not text:
        raise FileProblem(path, "holds no text")
    headings = [t.strip() for style, t in blocks if _is_heading(style) and t.strip()]
    titled = [t.strip() for style, t in blocks if style == "Title" and t.strip()]
    return Source(
        id=source_id,
        title=title.strip() or (titled or headings or [path.stem])[0],
        kind=SourceKind.REPORT.value,
        authors=tuple(a.strip() for a in author.split(";") if a.strip()),
        text=text,
        file_name=provenance.file_name,
        sha256=provenance.sha256,
        imported=provenance.imported,
    )

