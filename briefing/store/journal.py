"""Vetting a rollback journal left beside a document before SQLite may replay it.

When SQLite opens a database read-write and finds a *hot* journal
(``X.briefing-journal``), it copies the journal's pages back into the file and,
if the journal names a *super-journal* (used only by multi-database
transactions), it may delete the file of that name.  A received document can
arrive with a crafted journal, so a journal is read here first and refused
unless it could be one of ours:

* not a symbolic link or anything but a regular file;
* Briefing never writes multi-database transactions, so a real journal never
  names a super-journal;
* its page size matches the document's (otherwise it belongs to another file);
* on POSIX, the journal and the document belong to this user (a journal from
  elsewhere never runs), and the caller says whether the document is the
  analyst's own (:mod:`briefing.store.provenance`).

Refusing leaves everything as it is: the message tells the analyst which file
to remove.  Nothing here writes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from briefing.core.errors import CorruptFile, UnsafeDocument

JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
HEADER_BYTES = 28
SUPER_RECORD_TAIL = 16
"""The last bytes of a journal naming a super-journal: length, checksum, magic."""


def journal_path(document: Path) -> Path:
    return document.with_name(document.name + "-journal")


def hot_journal(document: Path, *, own: bool = True) -> Path | None:
    """The document's journal if SQLite would replay it (vetted), else None.

    Raises :class:`CorruptFile` naming the document and the journal when the
    journal must not run.
    """
    journal = journal_path(document)
    try:
        info = os.lstat(journal)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise refuse(document, journal, f"cannot be read ({error.strerror})") from None
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
        raise refuse(document, journal, "is not a regular file")
    if info.st_size == 0:
        return None
    with open(journal, "rb") as handle:
        head = handle.read(HEADER_BYTES)
        if not any(head[:8]):
            return None  # a zeroed header: a finished transaction, nothing to replay
        if head[:8] != JOURNAL_MAGIC or len(head) < HEADER_BYTES:
            raise refuse(document, journal, "is not an SQLite journal of this document")
        if info.st_size >= HEADER_BYTES + SUPER_RECORD_TAIL:
            handle.seek(-SUPER_RECORD_TAIL, os.SEEK_END)
            tail = handle.read(SUPER_RECORD_TAIL)
            if tail[8:] == JOURNAL_MAGIC:
                raise refuse(document, journal, "names another file to delete (a super-journal)"
                              " and was not used")
    if int.from_bytes(head[24:28], "big") != _page_size(document):
        raise refuse(document, journal, "belongs to another file (its page size differs)")
    if not own:
        raise refuse(document, journal, "came with a document from elsewhere and was not used")
    if hasattr(os, "getuid"):
        uid = os.getuid()
        if info.st_uid != uid or os.stat(document).st_uid != uid:
            raise refuse(document, journal, "was left by another user and was not used")
    return journal


def refuse_wal(document: Path) -> None:
    """Refuse a document in SQLite's write-ahead-log mode or with a ``-wal`` beside it.

    Briefing never writes a WAL, and SQLite applies a ``-wal`` file it finds beside a
    database (whatever the database's header says) and folds it into the file when
    the connection closes: a planted one would change the document on open.
    """
    wal = document.with_name(document.name + "-wal")
    if os.path.lexists(wal):
        raise UnsafeDocument(
            document, f"has an SQLite write-ahead log {wal.name} beside it, which Briefing "
            "never writes; nothing was opened or changed (a clean copy can be made of its "
            "contents: 'briefing clean-copy')")
    with open(document, "rb") as handle:
        handle.seek(18)
        versions = handle.read(2)
    if versions == b"\x02\x02":
        raise UnsafeDocument(
            document, "is in SQLite's write-ahead-log mode, which Briefing never uses; it "
            "was not opened (a clean copy can be made of its contents: 'briefing clean-copy')")


def _page_size(document: Path) -> int:
    with open(document, "rb") as handle:
        handle.seek(16)
        raw = int.from_bytes(handle.read(2), "big")
    return 65536 if raw == 1 else raw


def refuse(document: Path, journal: Path, problem: str) -> CorruptFile:
    return CorruptFile(
        document,
        f"has a leftover journal {journal.name} that {problem}; nothing was opened or changed "
        f"(move {journal.name} away to open the document as last saved)",
    )
