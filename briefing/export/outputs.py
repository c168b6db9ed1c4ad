"""Writing several export files as one: all of them, or none.

A Markdown export with pandoc citations is two files (``OUT.md`` and
``OUT.csl.json``) that must match.  :func:`write_files_atomic` writes each to
a temporary file beside its target first (so a full disk or a bad folder
fails before anything is replaced), then moves them into place in order; if
a later move fails, the files already moved are put back as they were (the
old file restored from a hard link or copy, or a new one removed).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from briefing.core.atomic import describe_os_error, set_file_mode
from briefing.core.errors import FileProblem
from briefing.core.leftovers import OLD, PART, sweep_leftovers


def _temp_beside(target: Path, tag: str) -> Path:
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise FileProblem(target, f"folder {parent} does not exist")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=tag, dir=parent)
    except OSError as error:
        raise FileProblem(target, f"cannot write here: {describe_os_error(error)}") from None
    os.close(fd)
    return Path(name)


def _write_temp(target: Path, data: bytes) -> Path:
    sweep_leftovers(target)  # stale temporaries of an export a crash interrupted
    tmp = _temp_beside(target, PART)
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        set_file_mode(tmp, target)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise FileProblem(target, f"could not write: {describe_os_error(error)}") from None
    return tmp


def _keep_old(target: Path) -> Path | None:
    """A copy of *target* as it is now (None when there is no such file)."""
    if not target.exists():
        return None
    backup = _temp_beside(target, OLD)
    backup.unlink()
    try:
        os.link(target, backup)
    except OSError:
        shutil.copy2(target, backup)
    return backup


def _undo(done: list[tuple[Path, Path | None]]) -> None:
    for target, backup in reversed(done):
        with contextlib.suppress(OSError):
            if backup is None:
                target.unlink(missing_ok=True)
            else:
                os.replace(backup, target)


def write_files_atomic(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write every (target, data) or, on any failure, leave every target as it was."""
    temps: list[tuple[Path, Path]] = []
    done: list[tuple[Path, Path | None]] = []
    try:
        for target, data in files:
            temps.append((_write_temp(target, data), target))
        for tmp, target in temps:
            backup = None
            try:
                backup = _keep_old(target)
                os.replace(tmp, target)
            except OSError as error:
                if backup is not None:
                    backup.unlink(missing_ok=True)
                raise FileProblem(target, f"could not write: {describe_os_error(error)}") from None
            done.append((target, backup))
    except BaseException:
        _undo(done)
        raise
    finally:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
    for _, backup in done:
        if backup is not None:
            backup.unlink(missing_ok=True)
    _sync_folders({target.parent for target, _ in done})


def _sync_folders(folders: set[Path]) -> None:
    """Make the renames durable (POSIX; elsewhere a no-op)."""
    if os.name != "posix":
        return
    for folder in folders:
        with contextlib.suppress(OSError):
            fd = os.open(folder if str(folder) else ".", os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
