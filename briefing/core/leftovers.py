"""Sweeping the temporary files a crash left behind.

A failed write removes its own temporary files; a crash, a kill or a power
loss in the middle of one cannot, and leaves them beside the analyst's files
for good.  These are the names our writers make (``tempfile`` adds eight
characters from ``[a-z0-9_]``):

- ``.TARGET.<random>.part`` — :func:`briefing.core.atomic.atomic_path` and the
  export writer (:mod:`briefing.export.outputs`);
- ``.TARGET.<random>.part-journal`` — SQLite's journal of such a file, when the
  temporary file is a ``.briefing`` being written;
- ``.TARGET.<random>.old`` — the export writer's hard link to the previous
  target while a set of files is replaced;
- ``.briefing-copy-<random>/`` — a private copy of a document
  (:mod:`briefing.store.private_copy`), in the system's temporary folder or
  beside the document.

:func:`sweep_leftovers` removes only those names, exactly, for one target
(an analyst's own ``.notes.part`` is never touched), and only what is this
user's: a regular file (a folder for the private copies), never a symbolic
link (looked at with ``lstat``, never followed), owned by this user (POSIX;
Windows has no owner id to compare), and *stale*.

**Stale: untouched for an hour** (:data:`STALE_AFTER`), by the newest of the
modification and status-change times, of the file or of a folder and each
entry in it.  The change time matters: ``shutil.copy2`` gives a live backup
copy the old file's modification time, and a live ``.old`` hard link shares
its target's; both get a fresh change time.  No live writer leaves its
temporary file untouched for an hour: the longest is an export still rendering
(minutes for the largest document), a private copy is used within the open's
budget (seconds to a minute).  A writer suspended longer (a machine asleep
mid-save, a stopped process) may lose its temporary file; its write then fails
with a clear "could not write" and the target is as it was — removing a
temporary file never touches the file it was meant to replace.

The document's edit lock (:class:`briefing.store.locking.DocumentLock`) does
not make a ``.briefing``'s temporary files stale at once: the lock is held by
the process *editing* a document, which writes it in place, while the writers
of ``.NAME.briefing.<random>.part`` (a new document, Save As, Save a Copy, a
clean copy, ``briefing new``) write the whole file without taking the target's
lock.  So the same hour applies everywhere.

A private copy's folder is removed with ``shutil.rmtree``, which (where
``rmtree.avoids_symlink_attacks``, as on Linux) works through file descriptors
and never follows a symbolic link, even one swapped in meanwhile.  Where it
cannot promise that, folders are swept only in the system's temporary folder,
which is this user's own there (macOS, Windows), never beside a document in a
shared folder.

Windows: a hard link there keeps the old file's times (there is no change
time), so a live ``.old`` could look stale; ``.old`` files are left alone.

Sweeping is housekeeping: it never raises (any error just leaves the file),
and costs one ``os.scandir`` of the folder, filtered by name prefix.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

STALE_AFTER = 3600.0
"""Seconds a leftover must have been untouched before it is removed (see above)."""

PART = ".part"
"""Suffix of a temporary file beside its target (atomic writes, exports)."""
OLD = ".old"
"""Suffix of the export writer's link to the previous target."""
JOURNAL = "-journal"
"""SQLite's rollback journal beside a database (here, beside a ``.part``)."""
COPY_PREFIX = ".briefing-copy-"
"""Prefix of a private copy's folder (:mod:`briefing.store.private_copy`)."""

_RANDOM = "[a-z0-9_]{8}"
"""What ``tempfile.mkstemp``/``mkdtemp`` put between prefix and suffix."""

_clock: Callable[[], float] = time.time
"""The time now (tests move it forward instead of waiting an hour)."""


@dataclass(frozen=True)
class _Rule:
    prefix: str
    pattern: re.Pattern[str]
    folder: bool


def temp_suffixes() -> tuple[str, ...]:
    """The suffixes of our temporary files swept on this system."""
    suffixes = (PART, PART + JOURNAL)
    return suffixes if os.name == "nt" else (*suffixes, OLD)


def temp_rule(name: str) -> _Rule:
    """Our temporary files for a target called *name*."""
    prefix = f".{name}."
    suffixes = "|".join(re.escape(suffix) for suffix in temp_suffixes())
    return _Rule(prefix, re.compile(f"{re.escape(prefix)}{_RANDOM}(?:{suffixes})"), False)


COPY_RULE = _Rule(COPY_PREFIX, re.compile(f"{re.escape(COPY_PREFIX)}{_RANDOM}"), True)


def is_leftover_name(target: str | Path, name: str) -> bool:
    """Whether *name* is one of our temporary files' names for *target*."""
    return temp_rule(Path(target).name).pattern.fullmatch(name) is not None


def sweep_leftovers(target: str | Path, *, private_copies: bool = False) -> list[Path]:
    """Remove the stale temporary files of *target* (and, with *private_copies*, stale
    private-copy folders beside it and in the system's temporary folder).

    Returns what was removed.  Never raises: sweeping must not stop an open or a save.
    """
    removed: list[Path] = []
    try:
        target = Path(target)
        folder = target.parent if str(target.parent) else Path(".")
        rules = [temp_rule(target.name)]
        if private_copies and shutil.rmtree.avoids_symlink_attacks:
            rules.append(COPY_RULE)
        removed += _sweep(folder, rules)
        if private_copies:
            system = Path(tempfile.gettempdir())
            if not _same_folder(system, folder):
                removed += _sweep(system, [COPY_RULE])
    except Exception:  # housekeeping: any failure leaves the files as they are
        pass
    return removed


def _same_folder(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _sweep(folder: Path, rules: Iterable[_Rule]) -> list[Path]:
    """One pass over *folder*: remove each stale entry of ours that a rule matches."""
    removed: list[Path] = []
    rules = tuple(rules)
    prefixes = tuple(rule.prefix for rule in rules)
    now = _clock()
    with os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.startswith(prefixes):  # the cheap test, for every name
                continue
            rule = next((r for r in rules if r.pattern.fullmatch(entry.name)), None)
            if rule is None:
                continue
            path = folder / entry.name
            with contextlib.suppress(OSError, ValueError):
                if _remove_if_stale(path, rule.folder, now):
                    removed.append(path)
    return removed


def _remove_if_stale(path: Path, folder: bool, now: float) -> bool:
    info = os.lstat(path)  # never follows a symbolic link
    kind_ok = stat.S_ISDIR(info.st_mode) if folder else stat.S_ISREG(info.st_mode)
    if not kind_ok or not _owned(info):
        return False
    newest = _touched(info)
    if folder:
        newest = max(newest, _newest_inside(path))
    if now - newest < STALE_AFTER:
        return False
    if folder:
        shutil.rmtree(path, ignore_errors=True)  # never follows a link inside (checked)
        return not os.path.lexists(path)
    os.unlink(path)  # a file's name only: a file replaced meanwhile by a link loses the link
    return True


def _owned(info: os.stat_result) -> bool:
    """This user's (on Windows there is no owner id to compare)."""
    return os.name == "nt" or info.st_uid == os.getuid()


def _touched(info: os.stat_result) -> float:
    return max(info.st_mtime, info.st_ctime)


def _newest_inside(folder: Path) -> float:
    """The latest time anything directly in *folder* was touched (0 when empty)."""
    newest = 0.0
    with os.scandir(folder) as entries:
        for entry in entries:
            newest = max(newest, _touched(entry.stat(follow_symlinks=False)))
    return newest
