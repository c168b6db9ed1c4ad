"""A clean copy of a refused document: its rows, without any of the file's SQL.

A file refused by :func:`briefing.store.untrusted.verify_schema` may still hold
an analyst's work.  Its rows are read from the real tables only: an object is
read only if ``sqlite_schema`` says it is an ordinary table (a view of the same
name would run its query; a virtual table would run its module), each column by
name, with ``NOT INDEXED`` (a damaged or planted index is never consulted), on a
hardened connection whose progress handler bounds the whole read, to a private
copy of the file (and of its write-ahead log, if one came with it; never of its
journal, which is not replayed), so nothing of the original is written.
Triggers never fire on reads, and the connection writes nothing.  The rows then
go through the same record checks as any open and are written into a fresh file
made by the store (:func:`briefing.store.database.write_briefing`), so the copy
carries only Briefing's own schema.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from briefing.core.document import Document
from briefing.core.errors import CorruptFile, DomainError, FileProblem
from briefing.store.connect import check_header, sqlite_problem
from briefing.store.private_copy import private_copy
from briefing.store.records import (
    claim_from_dict,
    info_from_dict,
    section_from_dict,
    source_from_dict,
)
from briefing.store.row_checks import RecordProblem, check_records
from briefing.store.untrusted import Watchdog, harden, hostile_problem, open_budget

COLUMNS = {
    "info": ("data",),
    "outline": ("data",),
    "sources": ("pos", "data", "text"),
    "claims": ("pos", "data"),
    "originals": ("source_id", "data"),
    "source_text": ("source", "seq", "text"),
}


def read_clean(path: Path) -> Document:
    """The document's records, read as data only (raises FileProblem)."""
    check_header(path)
    with private_copy(path, "-wal") as copy:  # a write-ahead log is applied to the copy only
        watchdog = Watchdog()
        watchdog.arm(open_budget(copy))
        try:
            conn = sqlite3.connect(copy)
        except sqlite3.Error as error:
            raise sqlite_problem(path, error) from None
        try:
            harden(conn, watchdog)
            tables = _plain_tables(conn)
            found = {name: _rows(conn, name, tables) for name in COLUMNS}
        except sqlite3.Error as error:
            raise (hostile_problem(path) if watchdog.fired else sqlite_problem(path, error)) \
                from None
        finally:
            conn.close()
    return _document(path, found)


def _plain_tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").fetchall()
    return {name for name, sql in rows
            if isinstance(sql, str) and sql.lstrip().upper().startswith("CREATE TABLE")}


def _rows(conn: sqlite3.Connection, table: str, tables: set[str]) -> list[tuple[Any, ...]]:
    if table not in tables:
        return []
    columns = {row[1]: row[6] for row in conn.execute(f"PRAGMA table_xinfo({table})")}
    wanted = COLUMNS[table]
    # a missing or generated (computed) column is not read: NULL stands in
    picks = [f'"{c}"' if columns.get(c) == 0 else "NULL" for c in wanted]
    return conn.execute(f"SELECT {', '.join(picks)} FROM {table} NOT INDEXED").fetchall()


def _document(path: Path, found: dict[str, list[tuple[Any, ...]]]) -> Document:
    info = _first_json(found["info"], dict) or {"title": path.stem}
    outline = _first_json(found["outline"], list) or []
    later = _later_pieces(found["source_text"])
    sources = []
    for _pos, data, text in sorted(found["sources"], key=lambda r: _number(r[0])):
        fields = _json(data, dict)
        if fields is not None and isinstance(text, str):
            pieces = later.get(fields.get("id"), []) if isinstance(fields.get("id"), str) else []
            sources.append({**fields, "text": "".join([text, *pieces])})
    claims = [c for c in (_json(d, dict) for _p, d in
                          sorted(found["claims"], key=lambda r: _number(r[0]))) if c is not None]
    try:
        check_records(info, sources, claims, outline)
        doc = Document(info_from_dict(info), [source_from_dict(s) for s in sources],
                       [claim_from_dict(c) for c in claims],
                       [section_from_dict(s) for s in outline])
    except (RecordProblem, DomainError, ValueError, TypeError, RecursionError) as error:
        raise CorruptFile(path, f"no clean copy can be made: {error}") from None
    originals = doc.pending_originals()
    for source_id, data in found["originals"]:
        if isinstance(data, bytes) and isinstance(source_id, str) and doc.has_source(source_id):
            originals[source_id] = data
    return doc


def _later_pieces(rows: list[tuple[Any, ...]]) -> dict[str, list[str]]:
    """Each long text's later pieces (file version 2), in order; a piece that is not
    text, or not numbered, is left out (its words are lost, the rest is kept)."""
    found: dict[str, list[tuple[int, str]]] = {}
    for source_id, seq, text in rows:
        if isinstance(source_id, str) and type(seq) is int and isinstance(text, str):
            found.setdefault(source_id, []).append((seq, text))
    return {source_id: [text for _seq, text in sorted(pieces, key=lambda p: p[0])]
            for source_id, pieces in found.items()}


def _number(value: object) -> int:
    return value if type(value) is int else 1 << 62


def _json(data: object, kind: type) -> Any:
    if not isinstance(data, str):
        return None
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, kind) else None


def _first_json(rows: list[tuple[Any, ...]], kind: type) -> Any:
    return _json(rows[0][0], kind) if rows else None


def make_clean_copy(source: str | Path, dest: str | Path) -> Document:
    """Write a fresh .briefing at *dest* holding *source*'s records; returns the document."""
    source, dest = Path(source), Path(dest)
    if dest.exists() and source.exists() and dest.resolve() == source.resolve():
        raise FileProblem(dest, "is the damaged file itself; choose another name")
    doc = read_clean(source)
    from briefing.store.database import write_briefing

    write_briefing(doc, dest)
    return doc


def clean_copy_name(source: Path) -> Path:
    """``X (clean copy).briefing`` beside *source*, numbered if taken."""
    for n in range(1, 100):
        suffix = " (clean copy)" if n == 1 else f" (clean copy {n})"
        candidate = source.with_name(f"{source.stem}{suffix}.briefing")
        if not candidate.exists():
            return candidate
    raise FileProblem(source, "too many clean copies beside it; remove some")
