"""Hostile schemas and rows: refused in one line before anything runs; a clean copy keeps
every row.  Each file is built with the sqlite3 module, as an attacker would."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from briefing.core.errors import CorruptFile, UnsafeDocument
from briefing.store.clean_copy import make_clean_copy
from briefing.store.database import Store
from tests.reliability.helpers import assert_one_line_error, run_cli
from tests.store.hostile import (
    damage_index,
    plain_document,
    sent_by_someone_else,
    tamper,
)

IGNORE_INSERTS = ("CREATE TRIGGER keep_nothing BEFORE INSERT ON sources "
                  "BEGIN SELECT RAISE(IGNORE); END")
REWRITE_CAVEAT = ("CREATE TRIGGER relabel AFTER UPDATE ON info BEGIN "
                  "UPDATE info SET data = replace(data, 'NOFORN', 'REL TO USA, FVEY'); END")
GROW = ("CREATE TRIGGER grow AFTER UPDATE ON claims BEGIN "
        "INSERT INTO history VALUES ('x', 'x', zeroblob(300000000)); END")
RECURSIVE_VIEW = ("CREATE VIEW sources (rowid, id, pos, title, data, text) AS "
                  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                  "SELECT i, 's' || i, i, 't', '{}', '' FROM n")

ATTACKS = {
    "ignoring trigger": ([IGNORE_INSERTS], "trigger 'keep_nothing'"),
    "tampering trigger": ([REWRITE_CAVEAT], "trigger 'relabel'"),
    "growing trigger": ([GROW], "trigger 'grow'"),
    "extra table": (["CREATE TABLE exfil (x)"], "table 'exfil'"),
    "changed tokenizer": (["DROP TABLE claims_fts",
                           "CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', "
                           "content_rowid='rowid', tokenize='porter')"],
                          "changed table 'claims_fts'"),
    "changed table": (["ALTER TABLE claims ADD COLUMN extra TEXT DEFAULT 'x'"],
                      "changed table 'claims'"),
}


@pytest.fixture(params=list(ATTACKS))
def attack(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    statements, needle = ATTACKS[request.param]
    path = tamper(plain_document(tmp_path / "R.briefing"), *statements)
    return path, needle


@pytest.mark.parametrize("readonly", [True, False])
def test_a_hostile_schema_is_refused_before_anything_runs(
    attack: tuple[Path, str], readonly: bool
) -> None:
    path, needle = attack
    before = path.read_bytes()
    with pytest.raises(UnsafeDocument, match=needle):
        Store.open(path, readonly=readonly)
    assert path.read_bytes() == before


def test_cli_import_into_a_hostile_file_exits_2_and_adds_nothing(
    attack: tuple[Path, str], tmp_path: Path
) -> None:
    path, needle = attack
    note = tmp_path / "note.txt"
    note.write_text("Berth four reopens.\n", encoding="utf-8")
    before = path.read_bytes()
    line = assert_one_line_error(run_cli("import", str(path), str(note)), str(path), needle)
    assert "clean-copy" in line
    assert path.read_bytes() == before


def test_the_clean_copy_keeps_every_row_and_carries_no_sql(
    attack: tuple[Path, str], tmp_path: Path
) -> None:
    path, _needle = attack
    copy = tmp_path / "clean.briefing"
    result = run_cli("clean-copy", str(path), "-o", str(copy))
    assert result.returncode == 0, result.stderr
    assert "3 source(s), 3 claim(s)" in result.stdout
    with Store.open(copy) as store:
        assert [s.title for s in store.document.sources] == [
            "Harbour report 0", "Harbour report 1", "Harbour report 2"]
        assert [c.text for c in store.document.claims] == [
            "Berth 0 likely reopens.", "Berth 1 likely reopens.", "Berth 2 likely reopens."]
        assert store.document.original("s1") is None
    assert run_cli("check", str(copy)).returncode in (0, 1)


def test_the_ignoring_trigger_really_drops_writes_without_the_check(tmp_path: Path) -> None:
    path = tamper(plain_document(tmp_path / "R.briefing"), IGNORE_INSERTS)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO sources (id, pos, title, data, text) VALUES ('s9', 9, 't', '{}', '')")
    conn.commit()
    assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 3  # silently dropped
    conn.close()


def test_a_recursive_view_in_place_of_a_table_is_refused_within_seconds(tmp_path: Path) -> None:
    path = tamper(plain_document(tmp_path / "R.briefing", sources=0),
                  "DROP TABLE sources", RECURSIVE_VIEW)
    started = time.monotonic()
    for command in (["check", str(path)], ["export", str(path), "-o", str(tmp_path / "o.md")]):
        assert_one_line_error(run_cli(*command), str(path), "view 'sources' in place of the table")
    assert time.monotonic() - started < 20
    copy = tmp_path / "clean.briefing"
    assert run_cli("clean-copy", str(path), "-o", str(copy)).returncode == 0
    with Store.open(copy) as store:
        assert len(store.document.claims) == 0 and len(store.document.sources) == 0


def test_a_damaged_index_in_a_received_file_is_found(tmp_path: Path) -> None:
    path = sent_by_someone_else(damage_index(plain_document(tmp_path / "R.briefing")))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"  # what we did before
    conn.close()
    with pytest.raises(CorruptFile, match="missing from index"):
        Store.open(path, readonly=True)
    line = assert_one_line_error(run_cli("check", str(path)), str(path), "is damaged")
    assert "missing from index" in line
    copy = tmp_path / "clean.briefing"
    assert run_cli("clean-copy", str(path), "-o", str(copy)).returncode == 0
    with Store.open(copy) as store:
        assert sorted(s.id for s in store.document.sources) == ["s0", "s1", "s2"]


def test_our_own_file_is_opened_with_the_quick_check(tmp_path: Path) -> None:
    path = damage_index(plain_document(tmp_path / "R.briefing"))
    with Store.open(path, readonly=True) as store:  # own: quick_check, as before
        assert store.origin.own


@pytest.mark.parametrize(
    ("statement", "needle"),
    [
        ("UPDATE sources SET data = json_set(data, '$.title', 5) WHERE id = 's1'",
         "source 's1' is malformed (title: 5 is not of type 'string')"),
        ("UPDATE claims SET data = json_set(data, '$.citations', 'none') WHERE id = 'c2'",
         "claim 'c2' is malformed"),
        ("UPDATE claims SET data = '{\"id\": \"c1\", \"text\": " + "[" * 50_000
         + "' WHERE id = 'c1'",
         "claim 'c1' is nested too deeply"),
        ("UPDATE sources SET text = x'00ff' WHERE id = 's0'", "source 's0' is malformed (text"),
        ("UPDATE outline SET data = '{\"sections\": 1}'", "outline is malformed"),
        ("UPDATE claims SET pos = 'first' WHERE id = 'c0'", "position is str"),
        ("DELETE FROM outline", "the outline is missing"),
        ("UPDATE info SET data = 7", "the document's properties are malformed"),
    ],
)
def test_wrongly_typed_or_nested_rows_exit_2_naming_the_record(
    tmp_path: Path, statement: str, needle: str
) -> None:
    path = tamper(plain_document(tmp_path / "R.briefing"), statement)
    with pytest.raises(CorruptFile, match="damaged"):
        Store.open(path, readonly=True)
    assert_one_line_error(run_cli("check", str(path)), str(path), needle)


def test_a_v0_file_with_tables_leaves_no_backup_behind(tmp_path: Path) -> None:
    path = tamper(plain_document(tmp_path / "R.briefing"), "PRAGMA user_version = 0")
    with pytest.raises(UnsafeDocument):
        Store.open(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["R.briefing"]


def test_the_clean_copy_of_a_healthy_file_equals_it(tmp_path: Path) -> None:
    path = plain_document(tmp_path / "R.briefing")
    doc = make_clean_copy(path, tmp_path / "copy.briefing")
    with Store.open(path) as store:
        assert [s.text for s in doc.sources] == [s.text for s in store.document.sources]


def test_a_failed_write_leaves_no_part_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                               ) -> None:
    """SQLite keeps a journal whose rollback failed (a full disk): the temporary file's
    journal must not outlive it."""
    from briefing.core.document import Document
    from briefing.core.errors import FileProblem
    from briefing.store import database

    real_connect = sqlite3.connect

    class LeavesItsJournal:
        def __init__(self, path: str, **kwargs: object) -> None:
            self.path = Path(path)
            self.conn = real_connect(path, **kwargs)

        def execute(self, sql: str, *args: object) -> object:
            if sql == "COMMIT":
                raise sqlite3.OperationalError("database or disk is full")
            return self.conn.execute(sql, *args)

        def executemany(self, sql: str, rows: object) -> object:
            return self.conn.executemany(sql, rows)

        def close(self) -> None:
            self.conn.close()
            self.path.with_name(self.path.name + "-journal").write_bytes(b"hot")

    monkeypatch.setattr(database.sqlite3, "connect", LeavesItsJournal)
    with pytest.raises(FileProblem, match="disk is full"):
        database.write_briefing(Document(), tmp_path / "out.briefing")
    assert list(tmp_path.iterdir()) == []
