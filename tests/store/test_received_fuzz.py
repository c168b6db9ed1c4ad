"""Any mix of an attacker's changes to a .briefing: a clean refusal or a clean open, never
a traceback, a hang or a write; the clean copy, when it can be made, opens and checks."""

from __future__ import annotations

import contextlib
import os
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.checks import run_checks
from briefing.core.errors import BriefingError
from briefing.store.clean_copy import make_clean_copy
from briefing.store.database import Store
from tests.store.hostile import plain_document

CHANGES = [
    "CREATE TRIGGER t1 AFTER UPDATE ON claims BEGIN DELETE FROM sources; END",
    "CREATE TRIGGER t2 BEFORE INSERT ON claims BEGIN SELECT RAISE(IGNORE); END",
    "CREATE VIEW v1 AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
    "SELECT i FROM n",
    "CREATE TABLE extra (x)",
    "CREATE INDEX claims_by_text ON claims (text)",
    "ALTER TABLE sources ADD COLUMN more TEXT",
    "ALTER TABLE claims RENAME TO claims_old",
    "DROP TABLE outline",
    "DROP TABLE claims_fts",
    "DELETE FROM info",
    "DELETE FROM history",
    "UPDATE sources SET data = '{\"id\": 5}' WHERE id = 's1'",
    "UPDATE sources SET data = '[' WHERE id = 's0'",
    "UPDATE claims SET data = json_set(data, '$.citations', json('[{\"source\": \"nope\"}]'))",
    "UPDATE claims SET pos = 'x'",
    "UPDATE outline SET data = '[{\"id\": \"k1\", \"title\": 3}]'",
    "UPDATE sources SET text = x'ff00ff'",
    "INSERT INTO originals VALUES ('s9', x'00')",
    "PRAGMA user_version = 0",
    "PRAGMA user_version = 99",
    "PRAGMA application_id = 7",
    "PRAGMA journal_mode = WAL",
]


TAMPERINGS = st.lists(st.sampled_from(CHANGES), min_size=1, max_size=3, unique=True)
FUZZING = bool(os.environ.get("BRIEFING_FUZZ"))


@settings(max_examples=40)
@given(TAMPERINGS)
def test_any_tampering_is_refused_or_opened_cleanly(tmp_path_factory, changes: list[str]) -> None:
    check_tampering(tmp_path_factory, changes)


@pytest.mark.fuzz
@pytest.mark.skipif(not FUZZING, reason="long fuzz run: make fuzz (BRIEFING_FUZZ=1)")
@pytest.mark.timeout(3600)
@given(TAMPERINGS)
def test_fuzz_tampering_long(tmp_path_factory, changes: list[str]) -> None:
    check_tampering(tmp_path_factory, changes)


def check_tampering(tmp_path_factory, changes: list[str]) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    path = plain_document(folder / "R.briefing")
    conn = sqlite3.connect(path, isolation_level=None)
    for change in changes:
        with contextlib.suppress(sqlite3.Error):  # it may not apply after an earlier one
            conn.execute(change)
    conn.close()
    before = path.read_bytes()
    try:
        with Store.open(path, readonly=True) as store:
            run_checks(store.document)
    except BriefingError as error:
        assert str(error).startswith(f"{path}: ") and "\n" not in str(error)
    assert path.read_bytes() == before
    try:
        doc = make_clean_copy(path, folder / "clean.briefing")
    except BriefingError as error:
        assert "\n" not in str(error)
        return
    with Store.open(folder / "clean.briefing") as store:
        assert [s.id for s in store.document.sources] == [s.id for s in doc.sources]
        run_checks(store.document)
