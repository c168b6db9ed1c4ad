"""Documents as Briefing's file version 1 wrote them: every source text in one row.

Written by hand with sqlite3 (not by today's store), so the tests read, upgrade
and search a file the way an analyst's older document really is.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from briefing.core.document import Document
from briefing.store import schema
from briefing.store.provenance import stamp
from briefing.store.records import claim_to_dict, info_to_dict, record_to_dict, section_to_dict


def write_v1(doc: Document, path: Path, *, own: bool = True) -> Path:
    """*doc* as a version 1 file at *path*; *own* stamps it as this user's."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN")
        schema.MIGRATIONS[1](conn)
        conn.execute("PRAGMA user_version = 1")
        conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        conn.execute("UPDATE info SET data = ?", (json.dumps(info_to_dict(doc.info)),))
        conn.execute("UPDATE outline SET data = ?",
                     (json.dumps([section_to_dict(s) for s in doc.sections]),))
        for pos, source in enumerate(doc.sources):
            fields = record_to_dict(source)
            fields.pop("text", None)
            conn.execute("INSERT INTO sources (id, pos, title, data, text) VALUES (?, ?, ?, ?, ?)",
                         (source.id, pos, source.title, json.dumps(fields), source.text))
        for pos, claim in enumerate(doc.claims):
            conn.execute("INSERT INTO claims (id, pos, text, data) VALUES (?, ?, ?, ?)",
                         (claim.id, pos, claim.text, json.dumps(claim_to_dict(claim))))
        if own:
            stamp(conn)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return path


def file_version(path: Path) -> int:
    """The file version *path* records (``PRAGMA user_version``)."""
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()
