"""Opening the SQLite file safely and turning SQLite errors into clear messages."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

from briefing.core.atomic import atomic_path, describe_os_error
from briefing.core.errors import (
    LOCK_BUSY,
    CorruptFile,
    FileLocked,
    FileProblem,
    NewerVersion,
    NotABriefing,
)
from briefing.store.journal import hot_journal, refuse, refuse_wal
from briefing.store.private_copy import private_copy
from briefing.store.provenance import Origin, origin_of
from briefing.store.schema import APPLICATION_ID, SQLITE_MAGIC, current_version, migrate
from briefing.store.untrusted import (
    Watchdog,
    harden,
    hostile_problem,
    open_budget,
    verify_schema,
)

BUSY_TIMEOUT_MS = 3000


def check_header(path: Path) -> None:
    """Refuse a missing, empty or non-SQLite file before SQLite touches it."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
    except FileNotFoundError:
        raise FileProblem(path, "no such file") from None
    except IsADirectoryError:
        raise FileProblem(path, "is a folder, not a Briefing document") from None
    except OSError as error:
        raise FileProblem(path, f"cannot read: {(error.strerror or str(error)).lower()}") from None
    if not head:
        raise NotABriefing(path, "is empty; it is not a Briefing document")
    if not head.startswith(SQLITE_MAGIC):
        raise NotABriefing(path, "is not a Briefing document (unknown file format)")
    if len(head) < 100:
        raise CorruptFile(path, "is damaged or truncated (the file header is incomplete)")


def connect(
    path: Path, *, readonly: bool, watchdog: Watchdog | None = None, protect: bool = False
) -> tuple[sqlite3.Connection, Origin, Path | None]:
    """Connect, check identity, schema and version, migrate if needed (the third value
    is then the backup of the file as it was, else None); nothing written on
    refusal.  A document from elsewhere (:mod:`provenance`) gets the full integrity check
    and its journal never runs; with *protect* it is read only (not even upgraded), as if
    opened *readonly*.  An older version opened read-only is read as it is.  *watchdog*
    (armed by the caller) bounds the open."""
    refuse_wal(path)
    journal = hot_journal(path)
    if journal is not None:
        if not verify_recovered_copy(path).own:  # schema checked before the journal runs
            raise refuse(path, journal, "came with a document from elsewhere and was not used")
        if readonly:
            _recover_hot_journal(path)
    mode = "ro" if readonly else "rw"
    watchdog = watchdog or Watchdog()
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode={mode}",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlite3.Error as error:
        raise sqlite_problem(path, error) from None
    try:
        harden(conn, watchdog)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        app_id, version = _identity(conn)
        if app_id != APPLICATION_ID:
            raise NotABriefing(path, "is an SQLite database but not a Briefing document")
        if version > current_version():
            raise NewerVersion(
                path,
                f"was made by a newer version of Briefing (file version {version}, "
                f"this version reads up to {current_version()}); please update Briefing",
            )
        verify_schema(conn, path, version)
        conn.execute("PRAGMA trusted_schema = ON")  # verified: the triggers are the store's own
        origin = origin_of(path, conn) if version else Origin(False, "")
        if protect and not origin.own:
            readonly = True
            conn.execute("PRAGMA query_only = ON")  # Protected mode: nothing is written
        if not readonly:
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
        _check_pages(conn, path, full=not origin.own)
        backup = None
        if version < current_version() and not readonly:
            backup = _upgrade(conn, path, version)
    except sqlite3.Error as error:
        conn.close()
        raise _read_problem(path, error, watchdog) from None
    except FileProblem:
        conn.close()
        raise
    return conn, origin, backup


def _read_problem(path: Path, error: sqlite3.Error, watchdog: Watchdog) -> FileProblem:
    return hostile_problem(path) if watchdog.fired else sqlite_problem(path, error)


def verify_recovered_copy(path: Path) -> Origin:
    """Replay the (vetted) hot journal on a private copy and verify the schema there, so
    a journal that would write a trigger or a view into the file never runs on it."""
    with private_copy(path, "-journal") as copy:
        return _verify_copy(path, copy)


def _verify_copy(path: Path, copy: Path) -> Origin:
    watchdog = Watchdog()
    watchdog.arm(open_budget(copy))
    try:
        conn = sqlite3.connect(copy, isolation_level=None)
    except sqlite3.Error as error:
        raise sqlite_problem(path, error) from None
    try:
        harden(conn, watchdog)
        app_id, version = _identity(conn)
        if app_id != APPLICATION_ID:
            raise NotABriefing(path, "is an SQLite database but not a Briefing document")
        verify_schema(conn, path, min(version, current_version()))
        return origin_of(path, conn) if version else Origin(False, "")
    except sqlite3.Error as error:
        raise _read_problem(path, error, watchdog) from None
    finally:
        conn.close()


def _recover_hot_journal(path: Path) -> None:
    """Let SQLite roll back an interrupted write before a read-only open.

    A read-only connection cannot replay the rollback journal a crash left
    behind; a brief read-write connection does it (SQLite decides whether the
    journal is hot, and waits if another process is mid-write).  The journal was
    vetted first (:func:`briefing.store.journal.hot_journal`).
    """
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as error:
        problem = sqlite_problem(path, error)
        raise FileProblem(
            path, f"was not closed cleanly and needs recovery first ({problem.problem})"
        ) from None


def _identity(conn: sqlite3.Connection) -> tuple[int, int]:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return app_id, version


def _check_pages(conn: sqlite3.Connection, path: Path, *, full: bool) -> None:
    """quick_check for the analyst's own file; the full integrity_check (which also finds
    an index that disagrees with its table) for a file from elsewhere."""
    result = conn.execute(f"PRAGMA {'integrity_check' if full else 'quick_check'}(1)").fetchone()[0]
    if result != "ok":
        raise CorruptFile(path, f"is damaged ({result})")


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.stem}.v{version}-backup{path.suffix}")


def upgrade_note(path: Path, backup: Path) -> str:
    """What the analyst is told after an open upgraded *path* (kept as *backup*)."""
    return (f"{path.name} was upgraded to file version {current_version()}; the file as it "
            f"was is kept beside it as {backup.name} (for older versions of Briefing)")


def _upgrade(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the file aside, then migrate it in one transaction (the file unchanged on
    failure); return the copy."""
    backup = backup_path(path, version)
    try:
        with atomic_path(backup) as tmp:  # a half copy never takes the backup's name
            shutil.copy2(path, tmp)
    except FileProblem as problem:
        reason = problem.problem
        raise FileProblem(path, f"cannot make a backup before upgrading ({reason})") from None
    conn.execute("BEGIN IMMEDIATE")
    try:
        migrate(conn, version)
        conn.execute("COMMIT")
    except Exception as error:
        with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back already
            conn.execute("ROLLBACK")
        with contextlib.suppress(OSError):  # the file is unchanged: the backup is not needed
            backup.unlink()
        if isinstance(error, (sqlite3.Error, FileProblem)):
            raise
        reason = describe_os_error(error) if isinstance(error, OSError) else str(error)
        raise FileProblem(
            path, f"could not be upgraded ({reason or type(error).__name__}); it is unchanged"
        ) from None
    return backup


def sqlite_problem(path: Path, error: sqlite3.Error, writing: bool = False) -> FileProblem:
    """One clear message for an SQLite error on *path*."""
    text = str(error).lower()
    code = getattr(error, "sqlite_errorcode", None)
    if "interrupted" in text:
        return hostile_problem(path)
    if "locked" in text or "busy" in text:
        return FileLocked(path, "is busy: another program is writing it; try again",
                          LOCK_BUSY)
    if "full" in text or code == sqlite3.SQLITE_FULL:
        return FileProblem(path, "could not save: the disk is full")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return CorruptFile(path, "is damaged or truncated and cannot be opened")
    if "readonly" in text or "read-only" in text or "permission" in text:
        verb = "save changes" if writing else "open"
        return FileProblem(path, f"cannot {verb}: the file or its folder is read-only")
    if "disk i/o" in text or code == getattr(sqlite3, "SQLITE_IOERR", -1):
        return FileProblem(path, f"disk error while {'writing' if writing else 'reading'}")
    if "unable to open" in text:
        return FileProblem(path, "cannot be opened (missing, or no permission)")
    return FileProblem(path, f"database error: {error}")


__all__ = ["check_header", "connect", "sqlite_problem", "backup_path", "upgrade_note"]
