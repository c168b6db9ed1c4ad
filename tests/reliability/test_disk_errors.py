"""Full disks and I/O errors during a save, a migration and an export.

Each failure gives one line naming the file, leaves the previous state on
disk, and leaves the program able to carry on (a later save or export
succeeds).  Real write failures come from a file-size limit in a child
process (:mod:`tests.reliability.disk_child`); the rest are simulated.
Already proven elsewhere: ``tests/store/test_store.py::
test_disk_full_during_save_keeps_edits_pending_and_file_intact`` (SQLITE_FULL
on save) and ``tests/test_cli.py::test_disk_full_while_writing_leaves_no_half_file``
(ENOSPC on a JSON export).
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from briefing.cli import main
from briefing.core.document import Document
from briefing.core.errors import FileProblem
from briefing.core.model import Section, Source
from briefing.store import schema
from briefing.store.connect import backup_path
from briefing.store.database import Store, write_briefing
from tests.reliability.helpers import (
    REPO,
    cli_env,
    integrity,
    marked_document,
    open_whole,
    write_json,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="uses RLIMIT_FSIZE")


def _document(tmp_path: Path, name: str = "work.briefing") -> Path:
    path = tmp_path / name
    doc = Document(
        sources=[Source("s1", "Harbour log", text="Berth four reopened. " * 20_000)],
        sections=[Section("k1", "Key Judgments")],
    )
    write_briefing(doc, path)
    return path


def _child(*args: str) -> tuple[dict[str, dict[str, Any]], str]:
    result = subprocess.run(
        [sys.executable, "-m", "tests.reliability.disk_child", *args],
        capture_output=True,
        text=True,
        env=cli_env(),
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    steps = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    return {step["step"]: step for step in steps}, result.stderr


def _one_line(message: str, path: Path, *needles: str) -> None:
    assert message.startswith(f"{path}: ") and "\n" not in message, message
    for needle in needles:
        assert needle in message, message


def test_io_error_while_saving_keeps_the_file_and_the_edit(tmp_path: Path) -> None:
    path = _document(tmp_path)
    steps, _ = _child("flush", str(path))
    _one_line(steps["flush"]["error"], path, "disk error while writing")
    assert steps["pending"]["pending"], "the failed edit was dropped"
    assert steps["on-disk"]["sources"] == ["s1"], "the file changed although the save failed"
    assert steps["flush-again"]["error"] is None, "the store could not save afterwards"
    with open_whole(path) as document:
        assert [s.id for s in document.sources] == ["s1", "big"]


NOW = schema.current_version()
"""The file version this Briefing writes; the tests add a migration to version NOW + 1."""


def _bump(monkeypatch: pytest.MonkeyPatch, migration: Any) -> None:
    monkeypatch.setitem(schema.MIGRATIONS, NOW + 1, migration)


def _version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def _fills_the_disk(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE tide_tables (data BLOB)")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 4}")
    conn.execute("INSERT INTO tide_tables VALUES (zeroblob(2000000))")


def _fails_midway(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE tide_tables (data BLOB)")
    raise OSError(errno.EIO, "Input/output error")


@pytest.mark.parametrize(
    ("migration", "needle"),
    [(_fills_the_disk, "disk is full"), (_fails_midway, "input/output error")],
)
def test_failed_migration_leaves_the_old_file_usable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, migration: Any, needle: str
) -> None:
    path = _document(tmp_path)
    before = path.read_bytes()
    _bump(monkeypatch, migration)
    with pytest.raises(FileProblem) as failed:
        Store.open(path)
    _one_line(str(failed.value), path, needle)
    assert path.read_bytes() == before
    assert _version(path) == NOW and integrity(path) == "ok"
    _bump(monkeypatch, lambda conn: conn.execute("CREATE TABLE tide_tables (data BLOB)"))
    with Store.open(path) as store:  # space freed: the upgrade and a save now succeed
        store.document.set_info(title="After the upgrade")
        store.flush()
    assert _version(path) == NOW + 1
    with Store.open(path) as store:
        assert store.document.info.title == "After the upgrade"


def test_backup_that_cannot_be_written_leaves_no_half_copy(tmp_path: Path) -> None:
    path = _document(tmp_path)
    before = path.read_bytes()
    steps, _ = _child("migrate", str(path))
    _one_line(steps["open"]["error"], path, "cannot make a backup", "file too large")
    backup = backup_path(path, NOW)
    assert backup.name not in steps["after"]["files"], "a half backup was left under its name"
    assert steps["open-again"]["error"] is None
    assert backup.read_bytes() == before, "the backup is not a whole copy of the old file"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == sorted(
        [path.name, backup.name]
    )


def _export_input(tmp_path: Path) -> Path:
    return write_json(tmp_path / "input.json", marked_document("S", "S"))


@pytest.mark.parametrize("suffix", [".docx", ".md", ".html", ".json", ".briefing"])
@pytest.mark.parametrize(
    ("code", "phrase"),
    [(errno.ENOSPC, "no space left on device"), (errno.EIO, "input/output error")],
)
def test_export_write_error_keeps_the_previous_output(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    suffix: str,
    code: int,
    phrase: str,
) -> None:
    source = _export_input(tmp_path)
    target = tmp_path / f"brief{suffix}"
    target.write_bytes(b"previous export")

    def failing(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", failing)
    assert main(["export", str(source), "-o", str(target)]) == 2
    monkeypatch.undo()
    err = capsys.readouterr().err.strip()
    _one_line(err.removeprefix("briefing: "), target, phrase)
    assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([source.name, target.name])
    assert main(["export", str(source), "-o", str(target)]) == 0
    assert target.read_bytes() != b"previous export"


@pytest.mark.parametrize("suffix", [".docx", ".briefing"])
def test_real_write_failure_during_export(tmp_path: Path, suffix: str) -> None:
    source = _document(tmp_path, "input.briefing")
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"brief{suffix}"
    steps, stderr = _child("export", str(source), str(target))
    assert steps["export"]["status"] == 2 and steps["export-again"]["status"] == 0
    (line,) = [x for x in stderr.splitlines() if x.strip()]
    assert line.startswith(f"briefing: {target}: ") and "Traceback" not in stderr
    assert [p.name for p in out.iterdir()] == [target.name]
    assert integrity(source) == "ok"
