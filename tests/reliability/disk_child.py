"""Child process for real write failures: a file-size limit makes the disk "full".

``RLIMIT_FSIZE`` makes every write past the limit fail with EFBIG (SIGXFSZ is
ignored), which SQLite reports as a disk I/O error and Python as OSError —
the same paths a full or failing disk takes, without needing a small disk.
Run as ``python -m tests.reliability.disk_child SCENARIO FILE [OUTPUT]``; it
prints one JSON object per step for the test to check.
"""

from __future__ import annotations

import contextlib
import json
import resource
import signal
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

from briefing.core.errors import FileProblem
from briefing.core.model import Source

_, HARD = resource.getrlimit(resource.RLIMIT_FSIZE)


@contextlib.contextmanager
def file_size_limit(limit: int) -> Iterator[None]:
    """Writes that would make any file larger than *limit* bytes fail while inside."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, HARD))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (HARD, HARD))


def report(**fields: object) -> None:
    print(json.dumps(fields), flush=True)


def attempt(step: str, action: object) -> None:
    try:
        action()  # type: ignore[operator]
    except FileProblem as problem:
        report(step=step, error=str(problem), kind=type(problem).__name__)
    else:
        report(step=step, error=None)


def flush(path: Path) -> None:
    from briefing.store.database import Store

    store = Store.open(path)
    store.document.add_source(Source("big", "Survey", text="sounding " * 100_000))
    with file_size_limit(path.stat().st_size + 8192):
        attempt("flush", store.flush)
    report(step="pending", pending=store.has_pending)
    with Store.open(path, readonly=True) as reader:
        report(step="on-disk", sources=[s.id for s in reader.document.sources])
    attempt("flush-again", store.flush)
    store.close()


def migrate(path: Path) -> None:
    from briefing.store import schema
    from briefing.store.database import Store

    def add_table(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE tide_tables (x)")

    schema.MIGRATIONS[schema.current_version() + 1] = add_table
    with file_size_limit(path.stat().st_size // 2):  # the backup copy cannot be finished
        attempt("open", lambda: Store.open(path).close())
    report(step="after", files=sorted(p.name for p in path.parent.iterdir()))
    attempt("open-again", lambda: Store.open(path).close())


def export(path: Path, output: Path) -> None:
    from briefing.cli import main

    with file_size_limit(4096):
        report(step="export", status=main(["export", str(path), "-o", str(output)]))
    report(step="export-again", status=main(["export", str(path), "-o", str(output)]))


def main() -> None:
    scenario, path = sys.argv[1], Path(sys.argv[2])
    if scenario == "flush":
        flush(path)
    elif scenario == "migrate":
        migrate(path)
    else:
        export(path, Path(sys.argv[3]))


if __name__ == "__main__":
    main()
