"""The .briefing SQLite schema, its version and its ordered migrations.

A file's ``PRAGMA user_version`` is the schema version that wrote it and
``PRAGMA application_id`` marks it as ours.  ``MIGRATIONS[n]`` turns a
version ``n - 1`` file into version ``n``; version 1 is created from an
empty database.  Every migration runs inside one transaction after a backup
copy of the file has been made.

Version 2 stores a long source text in pieces: ``sources.text`` holds its first
piece (all of it for any text up to :data:`TEXT_PIECE` characters, which is
nearly every source) and ``source_text`` the rest, each piece its own row in
its own full-text index.  SQLite then never holds a whole 200 MB text at once:
a bound text is copied twice on its way into a row, and FTS5 indexes a row in
memory (about 6× the text for one such row; about 1 MB a piece).  Version 1
files are read as they are (they have no ``source_text``) and upgraded, with a
backup, when opened for editing; the upgrade only adds tables.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

APPLICATION_ID = 0x42524946  # "BRIF"
SQLITE_MAGIC = b"SQLite format 3\x00"

SCHEMA_V1 = """
CREATE TABLE info (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data TEXT NOT NULL
);
CREATE TABLE sources (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    pos INTEGER NOT NULL,
    title TEXT NOT NULL,
    data TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE claims (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    pos INTEGER NOT NULL,
    text TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE outline (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data TEXT NOT NULL
);
CREATE TABLE originals (
    source_id TEXT PRIMARY KEY,
    data BLOB NOT NULL
);
CREATE TABLE history (
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE VIRTUAL TABLE sources_fts USING fts5(
    title, text, content='sources', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, content='claims', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER sources_ai AFTER INSERT ON sources BEGIN
    INSERT INTO sources_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER sources_ad AFTER DELETE ON sources BEGIN
    INSERT INTO sources_fts(sources_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER sources_au AFTER UPDATE OF title, text ON sources BEGIN
    INSERT INTO sources_fts(sources_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO sources_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER claims_au AFTER UPDATE OF text ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text);
END;
"""


SCHEMA_V2 = """
CREATE TABLE source_text (
    rowid INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    seq INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (source, seq)
);
CREATE VIRTUAL TABLE source_text_fts USING fts5(
    text, content='source_text', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER source_text_ai AFTER INSERT ON source_text BEGIN
    INSERT INTO source_text_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER source_text_ad AFTER DELETE ON source_text BEGIN
    INSERT INTO source_text_fts(source_text_fts, rowid, text)
    VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER source_text_au AFTER UPDATE OF text ON source_text BEGIN
    INSERT INTO source_text_fts(source_text_fts, rowid, text)
    VALUES ('delete', old.rowid, old.text);
    INSERT INTO source_text_fts(rowid, text) VALUES (new.rowid, new.text);
END;
"""
"""Version 2: the pieces of a long source text after its first (see the module text)."""

TEXT_PIECE = 1 << 20
"""Characters a stored piece of source text holds at most (about a mebibyte)."""


def _create_v1(conn: sqlite3.Connection) -> None:
    for statement in _statements(SCHEMA_V1):
        conn.execute(statement)
    conn.execute('INSERT INTO info (id, data) VALUES (1, \'{"title": ""}\')')
    conn.execute("INSERT INTO outline (id, data) VALUES (1, '[]')")


def _statements(script: str) -> list[str]:
    """Split a DDL script into statements (triggers contain inner semicolons)."""
    out: list[str] = []
    current = ""
    for line in script.strip().splitlines():
        current += line + "\n"
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    return out


def _add_text_pieces(conn: sqlite3.Connection) -> None:
    for statement in _statements(SCHEMA_V2):
        conn.execute(statement)


Migration = Callable[[sqlite3.Connection], None]

MIGRATIONS: dict[int, Migration] = {1: _create_v1, 2: _add_text_pieces}


def current_version() -> int:
    return max(MIGRATIONS)


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    """Run every migration after *from_version*, each step in the open transaction."""
    for version in sorted(MIGRATIONS):
        if version > from_version:
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {int(version)}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
