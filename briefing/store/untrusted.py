"""Reading a .briefing file as data, never as code (SQLite's advice for untrusted files).

A .briefing file is an SQLite database, and a database can carry code: triggers
run on every save, views run on every read, and a changed table can compute
its columns.  So every open:

* hardens the connection (:func:`harden`): ``trusted_schema=OFF``,
  ``cell_size_check=ON``, defensive mode where Python offers it (3.12's
  ``setconfig``; 3.11 has no way to set it), limits on lengths, columns,
  expression and trigger depth and attachments (``setlimit``), and a progress
  handler (:class:`Watchdog`) that aborts a statement running past the open's
  time budget with "the document is damaged or hostile";
* compares ``sqlite_schema`` (type, name, table, SQL with whitespace
  normalised) exactly with the schema the store itself creates for the file's
  version (:func:`verify_schema`), before anything is written; anything extra
  or different is refused with :class:`UnsafeDocument`, whose one line says
  what was found and that a clean copy can be made
  (:mod:`briefing.store.clean_copy`).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

from briefing.core.errors import CorruptFile, UnsafeDocument
from briefing.core.text import collapse
from briefing.store.schema import MIGRATIONS

OPEN_BUDGET_S = 8.0
"""Time an open (checks and reading every row) may take before it is called hostile..."""
BUDGET_BYTES_PER_S = 25 << 20
"""... plus a second for every 25 MB of file, so a large document on a slow disk is not
taken for a hostile one (the hostile files the budget is for are refused long before)."""
PROGRESS_STEPS = 20_000

LIMITS = {
    "SQLITE_LIMIT_LENGTH": 1_500_000_000,  # one source text may be large (a big import)
    "SQLITE_LIMIT_SQL_LENGTH": 100_000,
    "SQLITE_LIMIT_COLUMN": 64,
    "SQLITE_LIMIT_EXPR_DEPTH": 100,
    "SQLITE_LIMIT_COMPOUND_SELECT": 8,
    "SQLITE_LIMIT_TRIGGER_DEPTH": 2,
    "SQLITE_LIMIT_ATTACHED": 0,
    "SQLITE_LIMIT_LIKE_PATTERN_LENGTH": 10_000,
    "SQLITE_LIMIT_FUNCTION_ARG": 16,
}

KIND_WORDS = {"table": "a table", "index": "an index", "view": "a view", "trigger": "a trigger"}
HOSTILE = "took too long to read: the document is damaged or hostile; it was not opened"


class Watchdog:
    """A progress handler that aborts statements once an armed budget has run out."""

    def __init__(self) -> None:
        self._deadline: float | None = None
        self.fired = False

    def arm(self, seconds: float = OPEN_BUDGET_S) -> None:
        self._deadline = time.monotonic() + seconds

    def disarm(self) -> None:
        self._deadline = None

    def __call__(self) -> int:
        if self._deadline is not None and time.monotonic() > self._deadline:
            self.fired = True
            return 1
        return 0


def open_budget(path: Path) -> float:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return OPEN_BUDGET_S + size / BUDGET_BYTES_PER_S


def harden(conn: sqlite3.Connection, watchdog: Watchdog) -> None:
    """Apply the defences that must precede reading anything of the file's schema."""
    if hasattr(conn, "setconfig"):  # Python 3.12+
        conn.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)  # type: ignore[attr-defined]
        conn.setconfig(sqlite3.SQLITE_DBCONFIG_TRUSTED_SCHEMA, False)  # type: ignore[attr-defined]
    for name, value in LIMITS.items():
        category = getattr(sqlite3, name, None)
        if category is not None:
            conn.setlimit(category, value)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    conn.set_progress_handler(watchdog, PROGRESS_STEPS)


def hostile_problem(path: Path) -> CorruptFile:
    return CorruptFile(path, HOSTILE)


# ------------------------------------------------------------------- schema
SchemaRow = tuple[str, str, str, str | None]


def normalise(sql: str | None) -> str | None:
    return None if sql is None else collapse(sql)


def expected_schema(version: int) -> frozenset[SchemaRow]:
    """What the store's own migrations make for a file of *version* (0: nothing)."""
    return _made_by(tuple(MIGRATIONS[step] for step in sorted(MIGRATIONS) if step <= version))


@cache
def _made_by(steps: tuple[Callable[[sqlite3.Connection], None], ...]) -> frozenset[SchemaRow]:
    conn = sqlite3.connect(":memory:")
    try:
        for step in steps:
            step(conn)
        return frozenset(schema_of(conn))
    finally:
        conn.close()


def schema_of(conn: sqlite3.Connection) -> list[SchemaRow]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema").fetchall()
    return [(kind, name, table, normalise(sql)) for kind, name, table, sql in rows]


def schema_differences(found: list[SchemaRow], version: int) -> list[str]:
    """Each difference from the store's schema in words, extras first."""
    expected = expected_schema(version)
    by_name = {row[1]: row for row in expected}
    extra, changed = [], []
    for row in found:
        if row in expected:
            continue
        kind, name = row[0], row[1]
        word = KIND_WORDS.get(kind, f"a {_short(kind)}")
        if name in by_name and by_name[name][0] == kind:
            changed.append(f"a changed {word.split()[-1]} '{_short(name)}'")
        elif name in by_name:
            changed.append(f"{word} '{_short(name)}' in place of the {by_name[name][0]}")
        else:
            extra.append(f"{word} '{_short(name)}' that Briefing never makes")
    present = {row[1] for row in found}
    missing = [f"no {row[0]} '{row[1]}'" for row in sorted(expected) if row[1] not in present]
    return extra + changed + missing


def _short(name: str) -> str:
    printable = "".join(ch if ch.isprintable() else "?" for ch in name)
    return printable if len(printable) <= 40 else printable[:37] + "..."


def verify_schema(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Refuse (UnsafeDocument) a file whose schema is not exactly the store's own."""
    problems = schema_differences(schema_of(conn), version)
    if problems:
        more = f" (and {len(problems) - 2} more)" if len(problems) > 2 else ""
        raise UnsafeDocument(
            path,
            f"is not a plain Briefing document: it contains {'; '.join(problems[:2])}{more}, "
            "which could run when it is read or saved; it was not opened (a clean copy "
            "can be made of its contents: 'briefing clean-copy')",
        )


__all__ = ["Watchdog", "harden", "verify_schema", "expected_schema", "schema_of"]
