"""A long source text stored in pieces (file version 2, :mod:`briefing.store.schema`).

``sources.text`` holds a text's first piece and ``source_text`` the others, in
order (``seq`` 1, 2, ...), so no statement ever binds or indexes more than
:data:`~briefing.store.schema.TEXT_PIECE` characters.  A text is cut after a
line break where it can be, else after a space, so no word a search looks for
is split between two pieces; reading joins the pieces back, character for
character.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from briefing.store.pending import Recorder
from briefing.store.row_checks import RecordProblem
from briefing.store.schema import TEXT_PIECE


def piece_ends(text: str, size: int = 0) -> list[int]:
    """Where each piece of *text* ends (the last is ``len(text)``; one piece if short).

    A cut falls just after the last line break of the second half of a full
    piece, else after its last space, else (one word of half a piece) at the
    piece's size.
    """
    size = size or TEXT_PIECE
    ends: list[int] = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        cut = text.rfind("\n", start + size // 2, limit)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, limit)
        end = cut + 1 if cut >= 0 else limit
        ends.append(end)
        start = end
    ends.append(len(text))
    return ends


def first_piece(text: str) -> str:
    """What ``sources.text`` holds: the whole *text* when it fits in one piece."""
    return text[: piece_ends(text)[0]] if len(text) > TEXT_PIECE else text


def later_pieces(source_id: str, text: str) -> Iterator[tuple[str, int, str]]:
    """The ``source_text`` rows of *text*, each piece cut only when it is written."""
    ends = piece_ends(text)
    for seq in range(1, len(ends)):
        yield source_id, seq, text[ends[seq - 1] : ends[seq]]


def write_pieces(conn: sqlite3.Connection | Recorder, sources: list[tuple[str, str]]) -> None:
    """Replace the later pieces of each (source id, text) in *sources*.

    Pieces are cut while they are written (a recorded write keeps the text, not
    its copies); the last row changes nothing, so the connection's cached
    statement keeps no piece bound after the write.
    """
    conn.executemany("DELETE FROM source_text WHERE source = ?", [(i,) for i, _ in sources])
    long = [(source_id, text) for source_id, text in sources if len(text) > TEXT_PIECE]
    if not long:
        return
    if isinstance(conn, Recorder):
        conn.call(_insert_pieces, long)
    else:
        _insert_pieces(conn, long)


def _insert_pieces(conn: sqlite3.Connection, long: list[tuple[str, str]]) -> None:
    def rows() -> Iterator[tuple[str, int, str, int]]:
        for source_id, text in long:
            for row in later_pieces(source_id, text):
                yield (*row, 1)
        yield long[-1][0], 1, "", 0  # conflicts with a written row, and changes nothing

    conn.executemany(
        "INSERT INTO source_text (source, seq, text) VALUES (?, ?, ?) "
        "ON CONFLICT(source, seq) DO UPDATE SET text = excluded.text WHERE ?",
        rows(),
    )


def has_pieces(conn: sqlite3.Connection) -> bool:
    """Whether the file has ``source_text`` (version 2 on; its schema was verified)."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'source_text'").fetchone()
    return found is not None


def read_pieces(conn: sqlite3.Connection, source_ids: set[str]) -> dict[str, list[str]]:
    """Each source's later pieces, in order (raises RecordProblem naming a bad one)."""
    if not has_pieces(conn):
        return {}
    found: dict[str, list[tuple[int, str]]] = {}
    # sorted in Python: SQLite's sorter would copy every piece
    for source_id, seq, text in conn.execute("SELECT source, seq, text FROM source_text"):
        found.setdefault(_checked_id(source_id, source_ids), []).append((seq, _text(text)))
    return {source_id: _in_order(source_id, pieces) for source_id, pieces in found.items()}


def _checked_id(source_id: Any, source_ids: set[str]) -> str:
    if not isinstance(source_id, str) or source_id not in source_ids:
        shown = source_id if isinstance(source_id, str) else type(source_id).__name__
        raise RecordProblem(f"a piece of source text belongs to no source ({str(shown)[:40]!r})")
    return source_id


def _text(text: Any) -> str:
    if not isinstance(text, str):
        raise RecordProblem(f"a piece of source text is {type(text).__name__}, not text")
    return text


def _in_order(source_id: str, pieces: list[tuple[Any, str]]) -> list[str]:
    if not all(type(seq) is int for seq, _ in pieces):
        raise RecordProblem(f"source {source_id!r} is malformed (text: a piece is unnumbered)")
    pieces.sort(key=lambda piece: piece[0])
    if [seq for seq, _ in pieces] != list(range(1, len(pieces) + 1)):
        raise RecordProblem(f"source {source_id!r} is malformed (text: a piece is missing)")
    return [text for _, text in pieces]
