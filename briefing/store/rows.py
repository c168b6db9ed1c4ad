"""Reading a Document from, and writing its records to, an open .briefing database.

Each record is stored as its briefing/v1 JSON object (see :mod:`records`);
source text and claim text also sit in their own columns for full-text search,
a long source text in pieces (:mod:`text_pieces`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from briefing.core.document import Document
from briefing.core.model import Claim, Source
from briefing.store.pending import Recorder
from briefing.store.records import (
    claim_from_dict,
    claim_to_dict,
    info_from_dict,
    info_to_dict,
    record_to_dict,
    section_from_dict,
    section_to_dict,
    source_from_dict,
)
from briefing.store.row_checks import RecordProblem, check_records
from briefing.store.text_pieces import first_piece, read_pieces, write_pieces


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def read_document(conn: sqlite3.Connection) -> Document:
    """Build a Document from the database's rows (raises DomainError if inconsistent)."""
    info_data = json.loads(conn.execute("SELECT data FROM info").fetchone()[0])
    # Sorting in Python avoids SQLite copying every source text into a sorter.
    rows = sorted(conn.execute("SELECT pos, data, text FROM sources"), key=_position)
    source_data = _parse_all(r[1] for r in rows)
    for (_pos, _data, text), fields in zip(rows, source_data, strict=True):
        fields["text"] = text
    _join_pieces(conn, source_data)
    claim_rows = sorted(conn.execute("SELECT pos, data FROM claims"), key=_position)
    claim_data = _parse_all(d for _p, d in claim_rows)
    outline = json.loads(conn.execute("SELECT data FROM outline").fetchone()[0])
    check_records(info_data, source_data, claim_data, outline)
    return Document(info_from_dict(info_data), [source_from_dict(s) for s in source_data],
                    [claim_from_dict(c) for c in claim_data],
                    [section_from_dict(s) for s in outline])


def _join_pieces(conn: sqlite3.Connection, source_data: list[dict[str, Any]]) -> None:
    """Append each long text's later pieces to its first (raises RecordProblem)."""
    by_id = {fields.get("id"): fields for fields in source_data}
    pieces = read_pieces(conn, {i for i in by_id if isinstance(i, str)})
    for source_id, later in pieces.items():
        fields = by_id[source_id]
        if not isinstance(fields["text"], str):
            raise RecordProblem(f"source {source_id!r} is malformed (text: not text)")
        fields["text"] = "".join([fields["text"], *later])


def _position(row: tuple[Any, ...]) -> int:
    if type(row[0]) is not int:
        raise RecordProblem(f"a record's position is {type(row[0]).__name__}, not a number")
    return row[0]


def _parse_all(texts: Iterable[str]) -> list[dict[str, Any]]:
    """Each stored JSON object, all parsed in one call (a third less than one call each).

    Raises ValueError (the store reports the file as inconsistent) unless every text is
    one JSON object: a damaged row must not merge with its neighbours.
    """
    texts = list(texts)
    if not all(isinstance(text, str) for text in texts):
        raise RecordProblem("a stored record is not text")
    parsed: list[dict[str, Any]] = json.loads(f"[{','.join(texts)}]")
    if len(parsed) != len(texts) or not all(isinstance(item, dict) for item in parsed):
        raise ValueError("a stored record is not one JSON object")
    return parsed


def write_info(conn: sqlite3.Connection, doc: Document) -> None:
    conn.execute("UPDATE info SET data = ? WHERE id = 1", (_dumps(info_to_dict(doc.info)),))


def write_outline(conn: sqlite3.Connection, doc: Document) -> None:
    data = _dumps([section_to_dict(s) for s in doc.sections])
    conn.execute("UPDATE outline SET data = ? WHERE id = 1", (data,))


def _source_row(source: Source, pos: int) -> tuple[str, int, str, str, str, int]:
    fields = record_to_dict(source)
    fields.pop("text", None)
    return (source.id, pos, source.title, _dumps(fields), first_piece(source.text), 1)


def _claim_row(claim: Claim, pos: int) -> tuple[str, int, str, str]:
    return (claim.id, pos, claim.text, _dumps(claim_to_dict(claim)))


def upsert_sources(conn: sqlite3.Connection, doc: Document, ids: Iterable[str]) -> None:
    """Insert or update the sources *ids* (their text included, a long one in pieces).

    SQLite keeps a statement's last parameters until it is run again, and Python
    keeps the statement: the last source's text would stay copied in memory after
    the write (200 MB after importing a 200 MB text).  So the rows end with the
    last one again, with empty values and its update turned off (the last ``?``):
    it conflicts with the row just written and changes nothing.
    """
    order = {source_id: i for i, source_id in enumerate(s.id for s in doc.sources)}
    source_rows = [_source_row(doc.source(i), order[i]) for i in ids if doc.has_source(i)]
    if source_rows:
        source_rows.append((source_rows[-1][0], 0, "", "", "", 0))
    conn.executemany(
        "INSERT INTO sources (id, pos, title, data, text) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET pos = excluded.pos, title = excluded.title, "
        "data = excluded.data, text = excluded.text WHERE ?",
        source_rows,
    )
    write_pieces(conn, [(row[0], doc.source(row[0]).text) for row in source_rows[:-1]])


def upsert_claims(conn: sqlite3.Connection, doc: Document, ids: Iterable[str]) -> None:
    order = {claim_id: i for i, claim_id in enumerate(c.id for c in doc.claims)}
    conn.executemany(
        "INSERT INTO claims (id, pos, text, data) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET pos = excluded.pos, text = excluded.text, "
        "data = excluded.data",
        (_claim_row(doc.claim(i), order[i]) for i in ids if doc.has_claim(i)),
    )


def delete_rows(conn: sqlite3.Connection, table: str, ids: Iterable[str]) -> None:
    assert table in ("sources", "claims")
    ids = list(ids)
    conn.executemany(f"DELETE FROM {table} WHERE id = ?", ((i,) for i in ids))
    if table == "sources":
        conn.executemany("DELETE FROM source_text WHERE source = ?", ((i,) for i in ids))
        conn.executemany("DELETE FROM originals WHERE source_id = ?", ((i,) for i in ids))


def renumber(conn: sqlite3.Connection, table: str, ids: Iterable[str]) -> None:
    """Store the current order of all rows of *table*."""
    assert table in ("sources", "claims")
    conn.executemany(
        f"UPDATE {table} SET pos = ? WHERE id = ?", ((i, row_id) for i, row_id in enumerate(ids))
    )


ORIGINAL_PIECE = 1 << 20
"""Original bytes go into the database a mebibyte at a time (see :func:`write_original`)."""


def write_originals(conn: sqlite3.Connection | Recorder, doc: Document) -> None:
    """Move the document's pending original bytes into the database."""
    for source_id, data in doc.pending_originals().items():
        if not doc.has_source(source_id):
            continue
        if isinstance(conn, Recorder):
            conn.call(write_original, source_id, data)
        else:
            write_original(conn, source_id, data)


def write_original(conn: sqlite3.Connection, source_id: str, data: bytes) -> None:
    """Store *data* as *source_id*'s original without SQLite copying it whole.

    Bound as a parameter, the bytes would be copied by SQLite, copied again into
    the row, and the copy kept by the cached statement after the write (three
    times a 200 MB original); a zero-filled blob of the right size written
    through incremental blob I/O costs a mebibyte.
    """
    conn.execute("INSERT OR REPLACE INTO originals (source_id, data) VALUES (?, zeroblob(?))",
                 (source_id, len(data)))
    if not data:
        return
    (rowid,) = conn.execute("SELECT rowid FROM originals WHERE source_id = ?",
                            (source_id,)).fetchone()
    view = memoryview(data)
    with conn.blobopen("originals", "data", rowid) as blob:
        for start in range(0, len(view), ORIGINAL_PIECE):
            blob.write(view[start : start + ORIGINAL_PIECE])


def write_all(conn: sqlite3.Connection, doc: Document) -> None:
    """Write every record of *doc* into an empty (freshly created) database."""
    write_info(conn, doc)
    write_outline(conn, doc)
    upsert_sources(conn, doc, [s.id for s in doc.sources])
    upsert_claims(conn, doc, [c.id for c in doc.claims])
    write_originals(conn, doc)


def read_original(conn: sqlite3.Connection, source_id: str) -> bytes | None:
    row = conn.execute("SELECT data FROM originals WHERE source_id = ?", (source_id,)).fetchone()
    return bytes(row[0]) if row else None
