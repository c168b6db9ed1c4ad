"""An advisory lock beside a document, held while one process edits it.

SQLite locks only for the length of a transaction; this sidecar lock
(``.<name>.lock``) marks a document as open for editing by a process, so a
second editor or CLI writer is told instead of interleaving its edits.  The
operating system drops the lock when the process dies, so a crash never
leaves a document locked.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from pathlib import Path

from briefing.core.errors import FileLocked

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


def lock_path(document: Path) -> Path:
    return document.with_name(f".{document.name}.lock")


class DocumentLock:
    """Exclusive advisory lock on a document path; raises FileLocked when taken."""

    def __init__(self, document: str | Path) -> None:
        self.document = Path(document)
        self.path = lock_path(self.document)
        self._fd: int | None = None

    def acquire(self) -> None:
        for _attempt in range(5):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError:
                return  # a read-only folder: nobody can write the document here either
            if not _try_lock(fd):
                holder = _read_holder(fd)
                os.close(fd)
                raise FileLocked(
                    self.document, f"is open in another Briefing window or process{holder}"
                )
            if _same_file(fd, self.path):
                break
            os.close(fd)  # the holder removed the lock file meanwhile: lock the new one
        else:
            raise FileLocked(self.document, "could not take the edit lock; try again")
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self._fd)
        self._fd = None


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except OSError:
        return False


def _read_holder(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").split()
    except OSError:
        return ""
    if len(text) >= 2:
        return f" (process {text[0]} on {text[1]})"
    return ""
