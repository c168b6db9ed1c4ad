"""The one entry point for turning a file (or pasted text) into Sources.

``import_file(path, new_id=...)`` picks the importer by suffix and returns
one :class:`ImportedSource` per source (a .bib or CSL-JSON library yields
many); ``import_into(doc, path)`` adds them to a Document as one undoable
change, all or nothing.  Every problem with the file raises
:class:`~briefing.core.errors.FileProblem` naming it; nothing is added then.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

from briefing.core import ops
from briefing.core.document import Document
from briefing.core.errors import DomainError, FileProblem
from briefing.core.model import Source
from briefing.core.validate import check_source
from briefing.ingest.biblio import Entry, bibtex_entries, csl_entries
from briefing.ingest.common import (
    ImportedSource,
    Progress,
    Provenance,
    read_file,
    sequential_ids,
    slug,
    unique_key,
)
from briefing.ingest.pdf import pdf_source
from briefing.ingest.text import paste_source, text_source
from briefing.ingest.web import html_source
from briefing.ingest.word import docx_source

FORMATS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".docx": "docx", ".pdf": "pdf",
    ".json": "csl-json", ".csl": "csl-json", ".bib": "bibtex", ".bibtex": "bibtex",
}
"""File suffix → import format."""

NewId = Callable[[], str]


def _never(_: str) -> bool:
    return False


def import_format(path: Path) -> str:
    """The import format for *path*, or FileProblem naming the supported suffixes."""
    suffix = path.suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    known = ", ".join(sorted(FORMATS))
    what = f"'{suffix}' files" if suffix else "files without a suffix"
    raise FileProblem(path, f"cannot import {what}; supported: {known}")


def import_file(
    path: str | Path,
    *,
    new_id: NewId,
    key_taken: Callable[[str], bool] = _never,
    progress: Progress | None = None,
    imported: str | None = None,
) -> list[ImportedSource]:
    """Read *path* and return its sources; FileProblem when it cannot be imported.

    *new_id* gives a fresh source id on each call; *key_taken* says whether a
    citation key is already used (keys are made unique against it and each
    other); *progress(done, total)* may return False to cancel
    (:class:`~briefing.ingest.common.ImportCancelled`); *imported* overrides
    the import time (ISO 8601).
    """
    path = Path(path)
    fmt = import_format(path)
    data = read_file(path, progress if fmt != "pdf" else None)
    return import_bytes(
        data, path, fmt=fmt, new_id=new_id, key_taken=key_taken, progress=progress,
        imported=imported,
    )


def import_bytes(
    data: bytes,
    path: str | Path,
    *,
    new_id: NewId,
    fmt: str | None = None,
    key_taken: Callable[[str], bool] = _never,
    progress: Progress | None = None,
    imported: str | None = None,
) -> list[ImportedSource]:
    """Like :func:`import_file` for bytes already in memory (*path* names them)."""
    path = Path(path)
    items = _import(data, path, fmt or import_format(path), new_id, key_taken, progress, imported)
    for item in items:
        try:
            check_source(item.source)
        except DomainError as error:
            raise FileProblem(path, str(error)) from None
    return items


def _import(
    data: bytes,
    path: Path,
    fmt: str,
    new_id: NewId,
    key_taken: Callable[[str], bool],
    progress: Progress | None,
    imported: str | None,
) -> list[ImportedSource]:
    if not data:
        raise FileProblem(path, "is empty")
    used: set[str] = set()
    if fmt in ("csl-json", "bibtex"):
        entries = csl_entries(data, path) if fmt == "csl-json" else bibtex_entries(data, path)
        return [
            _entry_source(entry, path, new_id(), imported, key_taken, used) for entry in entries
        ]
    provenance = Provenance.of(path.name, data, imported)
    source_id = new_id()
    if fmt in ("text", "markdown"):
        source = text_source(
            data, path, source_id=source_id, provenance=provenance, markdown=fmt == "markdown"
        )
    elif fmt == "html":
        source = html_source(data, path, source_id=source_id, provenance=provenance)
    elif fmt == "docx":
        source = docx_source(data, path, source_id=source_id, provenance=provenance)
    elif fmt == "pdf":
        source = pdf_source(
            data, path, source_id=source_id, provenance=provenance, progress=progress
        )
    else:
        raise FileProblem(path, f"unknown import format {fmt!r}")
    key = unique_key(suggest_key(source, path.stem), key_taken, used)
    return [ImportedSource(dataclasses.replace(source, key=key), data)]


def _entry_source(
    entry: Entry,
    path: Path,
    source_id: str,
    imported: str | None,
    key_taken: Callable[[str], bool],
    used: set[str],
) -> ImportedSource:
    provenance = Provenance.of(path.name, entry.raw, imported)
    source = Source(
        id=source_id,
        title=entry.title or entry.key or path.stem,
        kind=entry.kind,
        authors=entry.authors,
        published=entry.published,
        container=entry.container,
        publisher=entry.publisher,
        url=entry.url,
        doi=entry.doi,
        accessed=entry.accessed,
        notes=entry.notes,
        file_name=provenance.file_name,
        sha256=provenance.sha256,
        imported=provenance.imported,
    )
    key = unique_key(entry.key or suggest_key(source, path.stem), key_taken, used)
    return ImportedSource(dataclasses.replace(source, key=key), entry.raw)


def suggest_key(source: Source, fallback: str = "source") -> str:
    """A readable citation key: ``surname-year``, else the title's first words."""
    year = source.published[:4] if re.match(r"\d{4}", source.published) else ""
    if source.authors:
        surname = source.authors[0].split(",")[0].split()[-1]
        return slug(f"{surname} {year}", fallback)
    words = re.findall(r"\w+", source.title)[:4]
    return slug(" ".join([*words, year]), slug(fallback))


def from_paste(
    text: str, *, new_id: NewId, title: str = "", key_taken: Callable[[str], bool] = _never
) -> ImportedSource:
    """A source from clipboard text (DomainError when the text is empty)."""
    source = paste_source(text, source_id=new_id(), title=title)
    key = unique_key(suggest_key(source, "pasted"), key_taken, set())
    return ImportedSource(dataclasses.replace(source, key=key), source.text.encode("utf-8"))


def import_into(
    doc: Document, path: str | Path, *, progress: Progress | None = None
) -> list[str]:
    """Import *path* into *doc* as one undoable change; returns the new source ids.

    All of the file's sources are added, or none (FileProblem, doc unchanged).
    """
    path = Path(path)
    imported = import_file(
        path,
        new_id=sequential_ids(_id_taken(doc)),
        key_taken=lambda key: doc.source_by_key(key) is not None,
        progress=progress,
    )
    batch = ops.Batch(
        tuple(ops.InsertSource(item.source, None, item.original) for item in imported),
        f"Import {path.name}",
    )
    try:
        doc.apply(batch)
    except DomainError as error:
        raise FileProblem(path, str(error)) from None
    return [item.source.id for item in imported]


def _id_taken(doc: Document) -> Callable[[str], bool]:
    return lambda i: doc.has_source(i) or doc.has_claim(i) or doc.has_section(i)
