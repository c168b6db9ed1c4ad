"""The .briefing document file: one SQLite database, opened, kept and closed.

``Store.open`` refuses, with one clear line and nothing written, anything that
is not a healthy Briefing file of a version this app reads.  The store
subscribes to the Document's events and remembers what changed; ``flush``
writes all of it in one transaction (rollback journal, ``synchronous=FULL``),
so a crash or kill at any instant leaves the file as it was after the last
flush.  The editor flushes about a second after each edit.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from briefing.core.atomic import atomic_path
from briefing.core.document import Document
from briefing.core.errors import DomainError, FileProblem, NotABriefing
from briefing.store import rows
from briefing.store.changes import ChangeTracker
from briefing.store.connect import check_header, connect, sqlite_problem
from briefing.store.locking import DocumentLock
from briefing.store.schema import migrate
from briefing.store.search import SearchHit, run_search


class Store:
    """An open .briefing file and the Document loaded from it."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: DocumentLock | None) -> None:
        self.path = path
        self.readonly = lock is None
        self._conn = conn
        self._lock = lock
        try:
            self.document = rows.read_document(conn)
        except sqlite3.DatabaseError as error:
            self._abandon()
            raise sqlite_problem(path, error) from None
        except (DomainError, ValueError, KeyError, TypeError) as error:
            self._abandon()
            raise FileProblem(path, f"the document inside is inconsistent: {error}") from None
        self.document.blob_loader = self._read_original
        self._changes = ChangeTracker()
        self.document.events.subscribe(self._changes.record)

    # --------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> Store:
        """Open an existing .briefing file (raises a FileProblem subclass)."""
        path = Path(path)
        check_header(path)
        lock = None if readonly else DocumentLock(path)
        if lock is not None:
            lock.acquire()
        try:
            conn = connect(path, readonly=readonly)
        except FileProblem:
            if lock is not None:
                lock.release()
            raise
        return cls(path, conn, lock)

    @classmethod
    def create(cls, path: str | Path, doc: Document | None = None) -> Store:
        """Create a new .briefing file holding *doc* (refuses an existing file)."""
        path = Path(path)
        if path.exists():
            raise FileProblem(path, "already exists; choose another name")
        doc = doc or Document()
        write_briefing(doc, path)
        store = cls.open(path)
        store._adopt(doc)
        return store

    def _adopt(self, doc: Document) -> None:
        """Keep working on *doc* itself (just written to this file), not a reloaded copy,
        so an editor saving an untitled document keeps its undo history."""
        self.document.events.unsubscribe(self._changes.record)
        doc.pending_originals().clear()
        doc.blob_loader = self._read_original
        doc.events.subscribe(self._changes.record)
        self.document = doc

    # --------------------------------------------------------------- saving
    @property
    def has_pending(self) -> bool:
        return bool(self._changes) or bool(self.document.pending_originals())

    def flush(self) -> None:
        """Commit every pending change in one transaction; on failure keep them pending."""
        if self.readonly or not self.has_pending:
            return
        doc, changes = self.document, self._changes
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            changes.write(self._conn, doc)
            rows.write_originals(self._conn, doc)
            self._conn.execute("COMMIT")
        except sqlite3.Error as error:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")
            raise sqlite_problem(self.path, error, writing=True) from None
        changes.clear()
        doc.pending_originals().clear()

    def record_history(self, action: str, detail: str = "") -> None:
        """Note an analyst's decision (e.g. a marking override) in the file's history."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            with self._conn:
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.execute(
                    "INSERT INTO history (at, action, detail) VALUES (?, ?, ?)",
                    (now, action, detail),
                )
        except sqlite3.Error as error:
            raise sqlite_problem(self.path, error, writing=True) from None

    def history(self) -> list[tuple[str, str, str]]:
        return list(self._conn.execute("SELECT at, action, detail FROM history ORDER BY rowid"))

    def save_copy(self, dest: str | Path) -> None:
        """Write a consistent copy of the document (pending edits included) to *dest*."""
        self.flush()
        dest = Path(dest)
        with atomic_path(dest) as tmp:
            target = sqlite3.connect(tmp)
            try:
                self._conn.backup(target)
            except sqlite3.Error as error:
                raise sqlite_problem(dest, error, writing=True) from None
            finally:
                target.close()

    def close(self) -> None:
        """Flush and close; the store cannot be used afterwards."""
        try:
            self.flush()
        finally:
            self.document.events.unsubscribe(self._changes.record)
            self._abandon()

    def _abandon(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --------------------------------------------------------------- reading
    def _read_original(self, source_id: str) -> bytes | None:
        try:
            return rows.read_original(self._conn, source_id)
        except sqlite3.Error as error:
            raise sqlite_problem(self.path, error) from None

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search over source titles and text and claim text."""
        self.flush()
        try:
            return run_search(self._conn, self.document, query, limit)
        except sqlite3.Error as error:
            raise sqlite_problem(self.path, error) from None


def write_briefing(doc: Document, path: str | Path) -> None:
    """Write *doc* as a new .briefing file at *path*, atomically (replacing any file)."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        raise NotABriefing(path, "a .briefing file cannot be written under a .json name")
    with atomic_path(path) as tmp:
        tmp.unlink()
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("BEGIN IMMEDIATE")
            migrate(conn, 0)
            rows.write_all(conn, doc)
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            raise sqlite_problem(path, error, writing=True) from None
        finally:
            conn.close()
