"""The .briefing SQLite schema, its version and its ordered migrations.

A file's ``PRAGMA user_version`` is the schema version that wrote it and
``PRAGMA application_id`` marks it as ours.  ``MIGRATIONS[n]`` turns a
version ``n - 1`` file into version ``n``; version 1 is created from an
empty database.  Every migration runs inside one transaction after a backup
copy of the file has been made.
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


Migration = Callable[[sqlite3.Connection], None]

MIGRATIONS: dict[int, Migration] = {1: _create_v1}


def current_version() -> int:
    return max(MIGRATIONS)


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    """Run every migration after *from_version*, each step in the open transaction."""
    for version in sorted(MIGRATIONS):
        if version > from_version:
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {int(version)}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
