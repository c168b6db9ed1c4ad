"""An advisory lock beside a document, held while one process edits it.

SQLite locks only for the length of a transaction; this sidecar lock
(``.<name>.lock``) marks a document as open for editing by a process, so a
second editor or CLI writer is told instead of interleaving its edits.  The
operating system drops the lock when the process dies, so a crash never
leaves a document locked.

A lock file is never trusted: it is opened without following a symlink (a
planted ``.<name>.lock`` pointing at another file must not truncate that
file), and one that belongs to another user is refused.  Whenever the lock
cannot be taken, :meth:`DocumentLock.acquire` raises :class:`FileLocked`
saying why (the editor then offers to open the document read-only); it never
goes on without a lock.  Across users in a shared folder the lock works as
far as the folder lets it: a second user is refused while the first edits,
and is told so, because the first user's lock file is not theirs to take.

The platform's locking primitive is chosen once (:data:`PLATFORM`); both
branches are plain functions so the Windows logic is tested on every OS.
"""

from __future__ import annotations

import contextlib
import os
import socket
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from briefing.core.atomic import describe_os_error
from briefing.core.errors import (
    LOCK_BUSY,
    LOCK_OTHER_USER,
    LOCK_READ_ONLY_FOLDER,
    LOCK_UNTRUSTED,
    LOCK_UNUSABLE,
    FileLocked,
)

WINDOWS_LOCK_OFFSET = 1 << 20
"""Windows locks a byte range mandatorily (other handles cannot read it), so the
lock byte sits far past the holder text, which other processes must read."""
HOLDER_BYTES = 200


@dataclass(frozen=True)
class Platform:
    """How this OS takes a non-blocking exclusive lock and releases the file."""

    try_lock: Callable[[int], bool]
    unlink_before_close: bool
    """POSIX: unlink while holding (no one can lock the doomed inode in between);
    Windows cannot unlink an open file, so it closes first."""
    check_owner: bool


def posix_try_lock(fd: int, fcntl: ModuleType | None = None) -> bool:
    if fcntl is None:
        import fcntl
    assert fcntl is not None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def windows_try_lock(fd: int, msvcrt: ModuleType | None = None) -> bool:
    """Lock one byte at WINDOWS_LOCK_OFFSET (``msvcrt.locking`` locks from the file position)."""
    if msvcrt is None:  # pragma: no cover - Windows only
        import msvcrt
    assert msvcrt is not None
    try:
        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return True
    except OSError:
        return False
    finally:
        os.lseek(fd, 0, os.SEEK_SET)


PLATFORM = (
    Platform(windows_try_lock, unlink_before_close=False, check_owner=False)
    if os.name == "nt"
    else Platform(posix_try_lock, unlink_before_close=True, check_owner=True)
)


def lock_path(document: Path) -> Path:
    return document.with_name(f".{document.name}.lock")


class DocumentLock:
    """Exclusive advisory lock on a document path; raises FileLocked when not taken."""

    def __init__(self, document: str | Path, platform: Platform | None = None) -> None:
        self.document = Path(document)
        self.path = lock_path(self.document)
        self.platform = platform or PLATFORM
        self._fd: int | None = None

    def acquire(self) -> None:
        for _attempt in range(5):
            fd = self._open()
            if not self.platform.try_lock(fd):
                holder = read_holder(fd)
                os.close(fd)
                raise FileLocked(
                    self.document, f"is open in another Briefing window or process{holder}"
                )
            if _same_file(fd, self.path):
                break
            os.close(fd)  # the holder removed the lock file meanwhile: lock the new one
        else:
            raise FileLocked(self.document, "could not take the edit lock; try again",
                             LOCK_BUSY)
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
        except OSError as error:
            os.close(fd)
            raise self._refusal(f"cannot write it ({describe_os_error(error)})",
                                LOCK_UNUSABLE) from None
        self._fd = fd

    def _open(self) -> int:
        """The lock file, opened without following a symlink; refused unless it is a
        regular file of this user's."""
        try:
            info = os.lstat(self.path)
        except FileNotFoundError:
            info = None
        except OSError as error:
            raise self._refusal(f"cannot read it ({describe_os_error(error)})",
                                LOCK_UNUSABLE) from None
        if info is not None:
            self._vet(info)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(self.path, flags, 0o644)
        except OSError as error:
            if info is None and isinstance(error, PermissionError):
                raise self._refusal("the folder is read-only, so it cannot be edited here",
                                    LOCK_READ_ONLY_FOLDER, named=False) from None
            raise self._refusal(f"cannot open it ({describe_os_error(error)})",
                                LOCK_UNUSABLE) from None
        try:
            self._vet(os.fstat(fd))
        except FileLocked:
            os.close(fd)
            raise
        return fd

    def _vet(self, info: os.stat_result) -> None:
        if stat.S_ISLNK(info.st_mode):
            raise self._refusal("it is a symbolic link (not made by Briefing); remove it",
                                LOCK_UNTRUSTED)
        if not stat.S_ISREG(info.st_mode):
            raise self._refusal("it is not a regular file; remove it", LOCK_UNTRUSTED)
        if info.st_nlink > 1:  # a hard link: truncating it would empty the other file
            raise self._refusal("it is linked to another file (not made by Briefing); "
                                "remove it", LOCK_UNTRUSTED)
        if self.platform.check_owner and info.st_uid != os.getuid():
            raise self._refusal(
                f"it belongs to another user (uid {info.st_uid}), who may be editing the "
                "document; the lock does not pass between users", LOCK_OTHER_USER
            )

    def _refusal(self, reason: str, kind: str, named: bool = True) -> FileLocked:
        where = f"its edit lock {self.path.name} cannot be used: " if named else ""
        return FileLocked(self.document, f"cannot be opened for editing: {where}{reason}", kind)

    def release(self) -> None:
        if self._fd is None:
            return
        if self.platform.unlink_before_close:
            with contextlib.suppress(OSError):
                self.path.unlink()
            os.close(self._fd)
        else:
            os.close(self._fd)
            with contextlib.suppress(OSError):  # another process may have it open already
                self.path.unlink()
        self._fd = None


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.lstat(path))
    except OSError:
        return False


def read_holder(fd: int) -> str:
    """" (process PID on HOST)" from the lock file's text, or "" (portable: no pread)."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, HOLDER_BYTES).decode("utf-8", "replace").split()
    except OSError:
        return ""
    if len(text) >= 2 and text[0].isdigit():
        return f" (process {text[0]} on {text[1][:64]})"
    return ""
