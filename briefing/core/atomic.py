"""Atomic file writes: a temp file beside the target, fsync, then rename.

A failed write (disk full, permission denied, a crash) never leaves a half
written target and never touches an existing one.

Permissions (:func:`file_mode`): a new file gets what ``open()`` would give it
(``0o666`` less the umask, typically ``0o644``), not the ``0o600`` of a temp
file, so colleagues on a shared folder can read it; a replaced file keeps its
mode.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from briefing.core.errors import FileProblem
from briefing.core.leftovers import PART, sweep_leftovers


def describe_os_error(error: OSError) -> str:
    """Turn an OSError into a short lowercase phrase without the path."""
    return (error.strerror or str(error)).rstrip(".").lower()


_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process umask, read without changing it where the system allows."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    with _UMASK_LOCK:  # elsewhere: set and restore it at once
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def file_mode(target: Path) -> int:
    """The permission bits a write to *target* should leave: the existing file's, else
    ``0o666`` less the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def set_file_mode(tmp: Path, target: Path) -> None:
    """Give the temporary file *tmp* the mode its *target* should have (POSIX)."""
    if os.name == "posix":
        os.chmod(tmp, file_mode(target))


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside *target*; on success it replaces *target*.

    The caller writes the temporary file completely; if the body raises, the
    temporary file is removed and *target* is left as it was.  Stale temporary files
    of *target* that a crash left behind are swept first
    (:func:`briefing.core.leftovers.sweep_leftovers`).
    """
    target = Path(target)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise FileProblem(target, f"folder {parent} does not exist")
    sweep_leftovers(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=PART, dir=parent)
    except OSError as error:
        raise FileProblem(target, f"cannot write here: {describe_os_error(error)}") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        _fsync_file(tmp)
        set_file_mode(tmp, target)
        os.replace(tmp, target)
        _fsync_dir(parent)
    except OSError as error:
        culprit = error.filename if error.filename not in (None, str(tmp)) else None
        where = f" ({culprit})" if culprit else ""
        raise FileProblem(target, f"could not write: {describe_os_error(error)}{where}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_bytes_atomic(target: str | Path, data: bytes) -> None:
    """Write *data* to *target* atomically."""
    with atomic_path(target) as tmp, open(tmp, "wb") as handle:
        handle.write(data)


def write_text_atomic(target: str | Path, text: str) -> None:
    """Write UTF-8 *text* to *target* atomically (newlines written as given)."""
    write_bytes_atomic(target, text.encode("utf-8"))


def write_with_atomic(target: str | Path, writer: Callable[[Path], None]) -> None:
    """Call ``writer(tmp_path)`` and move the result onto *target* atomically."""
    with atomic_path(target) as tmp:
        writer(tmp)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
