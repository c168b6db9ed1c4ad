"""A private copy of a document (and chosen sidecar files) to try things on.

Replaying a journal or a write-ahead log writes into the database; on a copy in
a fresh temporary folder that write touches nothing of the analyst's.  The copy
goes to the system's temporary folder, or beside the document when that one is
full.  A crash can leave such a folder behind; the next open for editing sweeps it
once stale (:mod:`briefing.core.leftovers`).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from briefing.core.atomic import describe_os_error
from briefing.core.errors import FileProblem
from briefing.core.leftovers import COPY_PREFIX


@contextlib.contextmanager
def private_copy(path: Path, *sidecars: str) -> Iterator[Path]:
    """Yield a copy of *path* with each existing sidecar (``"-journal"``, ``"-wal"``)."""
    problem: OSError | None = None
    for parent in (None, path.parent):
        try:
            folder = tempfile.mkdtemp(prefix=COPY_PREFIX, dir=parent)
        except OSError as error:
            problem = error
            continue
        try:
            copy = Path(folder) / "copy.briefing"
            try:
                shutil.copyfile(path, copy)
                for sidecar in sidecars:
                    original = path.with_name(path.name + sidecar)
                    if original.is_file() and not original.is_symlink():
                        shutil.copyfile(original, copy.with_name(copy.name + sidecar))
            except OSError as error:
                problem = error
                continue
            yield copy
            return
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    reason = describe_os_error(problem) if problem else "no room for a copy"
    raise FileProblem(path, f"cannot be checked: no room for a private copy ({reason})")
