"""Planted journals and locks: a received document never deletes or overwrites another file.

Each attack is first shown to work against a plain sqlite3 connection, so the test
cannot pass because the attack was mis-built.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest

from briefing.core.errors import CorruptFile, FileLocked, UnsafeDocument
from briefing.store.database import Store
from briefing.store.locking import (
    WINDOWS_LOCK_OFFSET,
    DocumentLock,
    Platform,
    lock_path,
    windows_try_lock,
)
from tests.reliability.helpers import assert_one_line_error, run_cli
from tests.store.hostile import (
    journal_restoring,
    name_super_journal,
    plain_document,
    tamper,
    with_hot_journal,
)


@pytest.fixture
def torn(tmp_path: Path) -> Path:
    """R.briefing with a genuine hot journal, in its own folder."""
    original = plain_document(tmp_path / "orig.briefing", sources=30)
    folder = tmp_path / "received"
    folder.mkdir()
    return with_hot_journal(original, folder / "R.briefing")


def _journal(doc: Path) -> Path:
    return doc.with_name(doc.name + "-journal")


def test_the_super_journal_attack_is_real_against_plain_sqlite(torn: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("the analyst's notes", encoding="utf-8")
    name_super_journal(_journal(torn), victim)
    sqlite3.connect(torn).execute("SELECT count(*) FROM sources").fetchone()
    assert not victim.exists()


@pytest.mark.parametrize("readonly", [True, False])
def test_a_journal_naming_a_super_journal_never_deletes_the_victim(
    torn: Path, tmp_path: Path, readonly: bool
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("the analyst's notes", encoding="utf-8")
    name_super_journal(_journal(torn), victim)
    before = torn.read_bytes(), _journal(torn).read_bytes()
    with pytest.raises(CorruptFile, match="super-journal"):
        Store.open(torn, readonly=readonly)
    assert victim.read_text(encoding="utf-8") == "the analyst's notes"
    assert (torn.read_bytes(), _journal(torn).read_bytes()) == before
    assert not lock_path(torn).exists()


@pytest.mark.parametrize("command", ["check", "export", "import"])
def test_cli_refuses_the_planted_journal_in_one_line(
    torn: Path, tmp_path: Path, command: str
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    name_super_journal(_journal(torn), victim)
    note = tmp_path / "note.txt"
    note.write_text("A note.\n", encoding="utf-8")
    args = {"check": ["check", str(torn)],
            "export": ["export", str(torn), "-o", str(tmp_path / "out.md")],
            "import": ["import", str(torn), str(note)]}[command]
    assert_one_line_error(run_cli(*args), str(torn), "R.briefing-journal", "super-journal")
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_a_journal_of_another_file_is_refused(torn: Path, tmp_path: Path) -> None:
    other = tmp_path / "big-pages.briefing"
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA page_size = 8192")
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    shutil.copyfile(_journal(torn), _journal(other))
    with pytest.raises(CorruptFile, match="belongs to another file"):
        Store.open(other, readonly=True)


def test_a_journal_that_is_a_symlink_is_refused(torn: Path, tmp_path: Path) -> None:
    real = tmp_path / "elsewhere-journal"
    _journal(torn).rename(real)
    _journal(torn).symlink_to(real)
    with pytest.raises(CorruptFile, match="not a regular file"):
        Store.open(torn)


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs chown")
def test_a_journal_left_by_another_user_is_not_replayed(torn: Path) -> None:
    os.chown(_journal(torn), 4242, 4242)
    before = torn.read_bytes()
    with pytest.raises(CorruptFile, match="another user"):
        Store.open(torn, readonly=True)
    assert torn.read_bytes() == before


def test_a_journal_that_would_restore_a_trigger_never_runs_on_the_file(tmp_path: Path) -> None:
    """The file looks clean; replaying its journal would bring a trigger back."""
    hostile = tamper(plain_document(tmp_path / "hostile.briefing"),
                     "CREATE TRIGGER keep_nothing BEFORE INSERT ON sources "
                     "BEGIN SELECT RAISE(IGNORE); END")
    folder = tmp_path / "received"
    folder.mkdir()
    path = folder / "R.briefing"
    shutil.copyfile(hostile, path)
    tamper(path, "DROP TRIGGER keep_nothing")
    journal_restoring(path, hostile)
    check = tmp_path / "check"
    check.mkdir()  # the journal really restores the trigger (on a copy)
    shutil.copyfile(path, check / "R.briefing")
    shutil.copyfile(_journal(path), check / "R.briefing-journal")
    conn = sqlite3.connect(check / "R.briefing")
    assert "keep_nothing" in str(conn.execute("SELECT name FROM sqlite_schema").fetchall())
    conn.close()
    before = path.read_bytes(), _journal(path).read_bytes()
    for readonly in (True, False):
        with pytest.raises(CorruptFile, match="trigger 'keep_nothing'"):
            Store.open(path, readonly=readonly)
    assert (path.read_bytes(), _journal(path).read_bytes()) == before


def test_our_own_hot_journal_is_still_recovered(torn: Path) -> None:
    with Store.open(torn, readonly=True) as store:
        assert all(s.text == f"Berth {s.id[1:]} reopens. " * 40 for s in store.document.sources)
    assert not _journal(torn).exists()


# ------------------------------------------------------------------------ locks
def test_a_lock_symlink_to_a_victim_leaves_the_victim_unchanged(tmp_path: Path) -> None:
    doc = plain_document(tmp_path / "R.briefing")
    victim = tmp_path / "victim.txt"
    victim.write_text("the analyst's notes", encoding="utf-8")
    lock_path(doc).symlink_to(victim)
    with pytest.raises(FileLocked, match="symbolic link"):
        Store.open(doc)
    note = tmp_path / "note.txt"
    note.write_text("A note.\n", encoding="utf-8")
    assert_one_line_error(run_cli("import", str(doc), str(note)), str(doc), "symbolic link")
    assert victim.read_text(encoding="utf-8") == "the analyst's notes"
    assert lock_path(doc).is_symlink()
    with Store.open(doc, readonly=True) as store:  # reading needs no lock
        assert len(store.document.sources) == 3


def test_a_lock_hard_linked_to_a_victim_leaves_the_victim_unchanged(tmp_path: Path) -> None:
    doc = plain_document(tmp_path / "R.briefing")
    victim = tmp_path / "victim.txt"
    victim.write_text("the analyst's notes", encoding="utf-8")
    os.link(victim, lock_path(doc))
    with pytest.raises(FileLocked, match="linked to another file"):
        Store.open(doc)
    assert victim.read_text(encoding="utf-8") == "the analyst's notes"


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs chown")
def test_another_users_lock_is_refused_not_ignored(tmp_path: Path) -> None:
    doc = plain_document(tmp_path / "R.briefing")
    lock_path(doc).write_text("999 their-host\n", encoding="utf-8")
    os.chown(lock_path(doc), 4242, 4242)
    with pytest.raises(FileLocked, match="another user"):
        Store.open(doc)
    assert lock_path(doc).read_text(encoding="utf-8") == "999 their-host\n"


def test_a_read_only_folder_refuses_editing_instead_of_going_on_without_a_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = plain_document(tmp_path / "R.briefing")
    real_open = os.open

    def denied(path: object, flags: int, *args: object) -> int:
        if str(path).endswith(".lock"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", denied)  # root ignores chmod; simulate instead
    with pytest.raises(FileLocked, match="folder is read-only"):
        Store.open(doc)


class FakeMsvcrt:
    """msvcrt.locking as Windows behaves: byte ranges locked per open file handle."""

    LK_NBLCK = 2

    def __init__(self) -> None:
        self.held: dict[tuple[int, int, int], int] = {}
        self.calls: list[int] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        assert mode == self.LK_NBLCK and nbytes == 1
        info = os.fstat(fd)
        position = os.lseek(fd, 0, os.SEEK_CUR)
        self.calls.append(position)
        key = (info.st_dev, info.st_ino, position)
        if self.held.get(key, fd) != fd:
            raise OSError(36, "Resource deadlock avoided")
        self.held[key] = fd


def test_windows_lock_logic_refuses_a_second_editor_and_names_the_first(tmp_path: Path) -> None:
    doc = plain_document(tmp_path / "R.briefing")
    fake = FakeMsvcrt()
    windows = Platform(lambda fd: windows_try_lock(fd, fake),  # type: ignore[arg-type]
                       unlink_before_close=False, check_owner=False)
    first = DocumentLock(doc, windows)
    first.acquire()
    assert fake.calls == [WINDOWS_LOCK_OFFSET]  # the lock byte is past the holder text
    with pytest.raises(FileLocked, match=rf"process {os.getpid()} on "):
        DocumentLock(doc, windows).acquire()
    first.release()
    assert not lock_path(doc).exists()


def test_windows_lock_logic_reports_a_failed_lock_call(tmp_path: Path) -> None:
    doc = plain_document(tmp_path / "R.briefing")

    def refuse(fd: int, mode: int, nbytes: int) -> None:
        raise OSError(13, "Permission denied")

    fake = SimpleNamespace(LK_NBLCK=2, locking=refuse)
    windows = Platform(lambda fd: windows_try_lock(fd, fake),  # type: ignore[arg-type]
                       unlink_before_close=False, check_owner=False)
    with pytest.raises(FileLocked, match="open in another Briefing"):
        DocumentLock(doc, windows).acquire()


# ------------------------------------------------------------- write-ahead logs
def _with_planted_wal(tmp_path: Path) -> Path:
    """R.briefing whose R.briefing-wal adds a claim and a trigger (SQLite applies a WAL
    it finds beside a database, whatever the header says)."""
    src = plain_document(tmp_path / "src.briefing")
    conn = sqlite3.connect(src, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TRIGGER keep_nothing BEFORE INSERT ON sources "
                 "BEGIN SELECT RAISE(IGNORE); END")
    conn.execute("INSERT INTO claims (id, pos, text, data) VALUES (?, ?, ?, ?)",
                 ("c9", 9, "Only in the log.", '{"id": "c9", "text": "Only in the log."}'))
    folder = tmp_path / "received"
    folder.mkdir()
    path = folder / "R.briefing"
    shutil.copyfile(src, path)
    shutil.copyfile(f"{src}-wal", f"{path}-wal")
    conn.close()
    return path


def test_a_planted_write_ahead_log_is_refused_and_never_folded_in(tmp_path: Path) -> None:
    path = _with_planted_wal(tmp_path)
    wal = path.with_name(path.name + "-wal")
    before = path.read_bytes(), wal.read_bytes()
    for readonly in (True, False):
        with pytest.raises(UnsafeDocument, match="write-ahead log R.briefing-wal"):
            Store.open(path, readonly=readonly)
    assert (path.read_bytes(), wal.read_bytes()) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["R.briefing", "R.briefing-wal"]
    assert_one_line_error(run_cli("check", str(path)), str(path), "write-ahead log")


def test_the_clean_copy_of_a_file_with_a_log_holds_the_logs_rows(tmp_path: Path) -> None:
    path = _with_planted_wal(tmp_path)
    before = path.read_bytes()
    copy = tmp_path / "clean.briefing"
    assert run_cli("clean-copy", str(path), "-o", str(copy)).returncode == 0
    with Store.open(copy) as store:
        assert [c.id for c in store.document.claims] == ["c0", "c1", "c2", "c9"]
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["R.briefing", "R.briefing-wal"]


def test_a_file_in_write_ahead_log_mode_is_refused(tmp_path: Path) -> None:
    path = tamper(plain_document(tmp_path / "R.briefing"), "PRAGMA journal_mode = WAL")
    assert not path.with_name(path.name + "-wal").exists()
    with pytest.raises(UnsafeDocument, match="write-ahead-log mode"):
        Store.open(path, readonly=True)
