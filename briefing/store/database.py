"""The .briefing document file: one SQLite database, opened, kept and closed.

``Store.open`` refuses, with one clear line and nothing written, anything that
is not a healthy Briefing file of a version this app reads.  The store
subscribes to the Document's events and remembers what changed; ``flush``
writes all of it in one transaction (rollback journal, ``synchronous=FULL``),
so a crash or kill at any instant leaves the file as it was after the last
flush.  The editor flushes about a second after each edit, on a worker thread:
:meth:`Store.take_pending` on its thread, :meth:`Store.write_pending` on the other.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from briefing.core.atomic import atomic_path
from briefing.core.document import Document
from briefing.core.errors import DomainError, FileProblem, NotABriefing
from briefing.core.leftovers import sweep_leftovers
from briefing.store import rows
from briefing.store.changes import ChangeTracker
from briefing.store.connect import check_header, connect, sqlite_problem
from briefing.store.locking import DocumentLock
from briefing.store.pending import PendingWrite, Recorder, Statement
from briefing.store.provenance import ORIGIN_ACTION, Origin, clear_download_mark, stamp
from briefing.store.row_checks import inconsistency
from briefing.store.schema import migrate
from briefing.store.search import SearchHit, run_search
from briefing.store.untrusted import Watchdog, hostile_problem, open_budget


class Store:
    """An open .briefing file and the Document loaded from it."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: DocumentLock | None,
                 origin: Origin | None = None, watchdog: Watchdog | None = None,
                 upgraded: Path | None = None) -> None:
        self.path = path
        self.upgraded = upgraded
        """The backup of the file as it was, when this open upgraded it to the current
        file version (the analyst is told where it is); else None."""
        self.origin = origin or Origin(True)
        """Where the file came from: the editor protects a document from elsewhere."""
        self.readonly = lock is None
        self._conn = conn
        self._conn_lock = threading.Lock()
        """Held while the connection is in use: a write may run on a worker thread."""
        self._written = threading.Event()
        """Clear from :meth:`take_pending` until the write is settled (written or given
        back with :meth:`restore_pending`)."""
        self._written.set()
        self._lock = lock
        self._identity = _identity(path)
        """The file opened (device, inode): a write refuses once the path names another."""
        watchdog = watchdog or Watchdog()
        try:
            self.document = rows.read_document(conn)
        except sqlite3.DatabaseError as error:
            self._abandon()
            raise (hostile_problem(path) if watchdog.fired else sqlite_problem(path, error)) \
                from None
        except (DomainError, ValueError, KeyError, TypeError, AttributeError,
                RecursionError) as error:
            problem = inconsistency(path, conn, error)
            self._abandon()
            raise problem from None
        finally:
            watchdog.disarm()
        self.document.blob_loader = self._read_original
        self._changes = ChangeTracker()
        self.document.events.subscribe(self._record)

    def _record(self, op: Any) -> None:
        self._changes.record(op)

    # --------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False, protect: bool = False) -> Store:
        """Open an existing .briefing file (raises a FileProblem subclass).

        With *protect*, a file from elsewhere opens read-only, nothing written (not even
        an upgrade); the caller sees it in :attr:`origin` and :attr:`readonly`.  Opened
        for editing, it first sweeps the stale temporary files and private copies a
        crash left behind (:mod:`briefing.core.leftovers`); read-only, it changes
        nothing."""
        path = Path(path)
        check_header(path)
        lock = None if readonly else DocumentLock(path)
        if lock is not None:
            lock.acquire()
            sweep_leftovers(path, private_copies=True)
        watchdog = Watchdog()
        watchdog.arm(open_budget(path))
        try:
            conn, origin, upgraded = connect(
                path, readonly=readonly, watchdog=watchdog, protect=protect)
        except FileProblem:
            if lock is not None:
                lock.release()
            raise
        if lock is not None and protect and not origin.own:
            lock.release()  # read-only: another window may take it to edit
            lock = None
        return cls(path, conn, lock, origin, watchdog, upgraded)

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
        self.document.events.unsubscribe(self._record)
        doc.pending_originals().clear()
        doc.blob_loader = self._read_original
        # The stable recorder, never a tracker's own ``record``: :meth:`take_pending`
        # swaps trackers, and edits must always reach the current one.
        doc.events.subscribe(self._record)
        self.document = doc

    # --------------------------------------------------------------- saving
    @property
    def has_pending(self) -> bool:
        return bool(self._changes) or bool(self.document.pending_originals())

    def flush(self) -> None:
        """Commit every pending change in one transaction; on failure keep them pending."""
        self.wait_for_write()
        pending = self.take_pending()
        if pending is None:
            return
        try:
            self.write_pending(pending)
        except BaseException:
            self.restore_pending(pending)  # whatever went wrong, nothing is lost
            raise

    def take_pending(self) -> PendingWrite | None:
        """The pending changes as the statements that write them (their rows serialised
        from the document now); later edits are tracked afresh.  None when nothing is
        pending.  Write them with :meth:`write_pending` (from any thread)."""
        if self.readonly or not self.has_pending:
            return None
        doc = self.document
        pending = PendingWrite(self._statements(), self._changes, dict(doc.pending_originals()))
        self._changes = ChangeTracker()
        doc.pending_originals().clear()
        self._written.clear()
        return pending

    def _statements(self) -> list[Statement]:
        """The statements that write what is pending (nothing is taken)."""
        recorder = Recorder()
        # the Recorder stands in for the sqlite3.Connection (it keeps what execute gets)
        self._changes.write(recorder, self.document)  # type: ignore[arg-type]
        rows.write_originals(recorder, self.document)
        return recorder.statements

    def write_pending(self, pending: PendingWrite) -> None:
        """Commit *pending* in one transaction; one write at a time.  Raises FileProblem
        (then give it back with :meth:`restore_pending`), also when the file was deleted,
        moved or replaced since it was opened (writing would then reach no file anyone
        can open again)."""
        try:
            with self._conn_lock:
                self._check_still_there()
                try:
                    self._conn.execute("BEGIN IMMEDIATE")
                    pending.run(self._conn)
                    self._conn.execute("COMMIT")
                except BaseException as error:
                    # any failure (also one that is not SQLite's) leaves no open transaction
                    with contextlib.suppress(sqlite3.Error):
                        if self._conn.in_transaction:
                            self._conn.execute("ROLLBACK")
                    if isinstance(error, sqlite3.Error):
                        raise sqlite_problem(self.path, error, writing=True) from None
                    raise
        finally:
            self._written.set()

    def _check_still_there(self) -> None:
        try:
            now = _identity(self.path)
        except OSError:
            now = None
        if now is None:
            raise FileProblem(self.path, "is no longer there (deleted or moved by another "
                                         "program); save the briefing elsewhere to keep it")
        if now != self._identity:
            raise FileProblem(self.path, "was replaced by another program since it was opened; "
                                         "save the briefing elsewhere to keep your changes")

    def wait_for_write(self) -> None:
        """Return once no taken write is still being written (on another thread)."""
        self._written.wait()

    def restore_pending(self, pending: PendingWrite) -> None:
        """Make a failed write's changes pending again (edits made since come after)."""
        pending.changes.merge(self._changes)
        self._changes = pending.changes
        originals = self.document.pending_originals()
        for source_id, data in pending.originals.items():
            originals.setdefault(source_id, data)
        self._written.set()  # settled: nothing is being written any more

    def record_history(self, action: str, detail: str = "") -> None:
        """Note an analyst's decision (e.g. a marking override) in the file's history."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            with self._conn_lock, self._conn:
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.execute(
                    "INSERT INTO history (at, action, detail) VALUES (?, ?, ?)",
                    (now, action, detail),
                )
        except sqlite3.Error as error:
            raise sqlite_problem(self.path, error, writing=True) from None

    def trust(self) -> None:
        """The analyst chose to edit a document from elsewhere: stamp it as theirs and
        remove the download mark (:mod:`briefing.store.provenance`)."""
        if self.readonly:
            raise FileProblem(self.path, "is open read-only; it cannot be marked as yours")
        try:
            with self._conn_lock, self._conn:
                self._conn.execute("BEGIN IMMEDIATE")
                stamp(self._conn)
        except sqlite3.Error as error:
            raise sqlite_problem(self.path, error, writing=True) from None
        clear_download_mark(self.path)
        self.origin = Origin(True)

    def history(self) -> list[tuple[str, str, str]]:
        with self._conn_lock:
            return list(self._conn.execute(
                "SELECT at, action, detail FROM history WHERE action != ? ORDER BY rowid",
                (ORIGIN_ACTION,)))

    def save_copy(self, dest: str | Path) -> None:
        """Write a consistent copy of the document, pending edits included, to *dest*.

        The copy is this file as last written plus what is pending, applied to the copy
        only: this file and its pending changes are left as they are, so a copy can be
        saved even while this file cannot be written (disk full, read-only, deleted)."""
        self.wait_for_write()
        dest = Path(dest)
        if dest.resolve() == self.path.resolve():
            raise FileProblem(dest, "is the briefing itself; choose another name")
        statements = PendingWrite(self._statements(), ChangeTracker())
        with atomic_path(dest) as tmp:
            target = sqlite3.connect(tmp, isolation_level=None)
            try:
                with self._conn_lock:
                    self._conn.backup(target)
                target.execute("BEGIN IMMEDIATE")
                statements.run(target)
                target.execute("COMMIT")
            except sqlite3.Error as error:
                raise sqlite_problem(dest, error, writing=True) from None
            finally:
                target.close()

    def close(self) -> None:
        """Flush and close; the store cannot be used afterwards."""
        try:
            self.flush()
        finally:
            self.document.events.unsubscribe(self._record)
            self._abandon()

    def discard(self) -> None:
        """Close without writing what is pending (the user chose to discard it)."""
        self.wait_for_write()
        self.document.events.unsubscribe(self._record)
        self._changes = ChangeTracker()
        self._abandon()

    def _abandon(self) -> None:
        with self._conn_lock, contextlib.suppress(sqlite3.Error):
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
            with self._conn_lock:
                return rows.read_original(self._conn, source_id)
        except sqlite3.Error as error:
            raise sqlite_problem(self.path, error) from None

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search over source titles and text and claim text."""
        self.flush()
        try:
            with self._conn_lock:
                return run_search(self._conn, self.document, query, limit)
        except sqlite3.Error as error:
            raise sqlite_problem(self.path, error) from None


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at *path*; None when there is none."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return info.st_dev, info.st_ino


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
            stamp(conn)
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            raise sqlite_problem(path, error, writing=True) from None
        finally:
            conn.close()
            with contextlib.suppress(OSError):  # a failed write's journal (of the temp file)
                tmp.with_name(tmp.name + "-journal").unlink()
