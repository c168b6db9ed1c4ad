"""The open's bounds and the origin of a document: the watchdog, limits, provenance marks."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from briefing.store.connect import sqlite_problem
from briefing.store.database import Store
from briefing.store.provenance import (
    LINUX_ORIGIN_ATTR,
    clear_download_mark,
    download_mark,
    parse_quarantine,
    parse_zone_identifier,
)
from briefing.store.untrusted import Watchdog, harden
from tests.store.hostile import plain_document, sent_by_someone_else

RUNAWAY = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n"


def test_the_watchdog_stops_a_runaway_statement_with_a_clear_message(tmp_path: Path) -> None:
    conn = sqlite3.connect(":memory:")
    watchdog = Watchdog()
    harden(conn, watchdog)
    watchdog.arm(0.3)
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute(RUNAWAY).fetchone()
    assert watchdog.fired
    problem = sqlite_problem(tmp_path / "R.briefing", caught.value)
    assert "the document is damaged or hostile" in str(problem)


def test_a_disarmed_watchdog_lets_statements_run(tmp_path: Path) -> None:
    conn = sqlite3.connect(":memory:")
    watchdog = Watchdog()
    harden(conn, watchdog)
    assert conn.execute("SELECT count(*) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                        "SELECT i + 1 FROM n WHERE i < 100000) SELECT i FROM n)").fetchone() \
        == (100000,)


def test_hardening_limits_what_a_schema_may_hold() -> None:
    conn = sqlite3.connect(":memory:")
    harden(conn, Watchdog())
    assert conn.execute("PRAGMA trusted_schema").fetchone() == (0,)
    assert conn.execute("PRAGMA cell_size_check").fetchone() == (1,)
    with pytest.raises(sqlite3.Error):
        conn.execute("ATTACH ':memory:' AS other")
    with pytest.raises(sqlite3.Error):
        conn.execute(f"CREATE TABLE wide ({', '.join(f'c{i}' for i in range(100))})")


def test_our_own_file_is_own_and_a_received_one_is_not(tmp_path: Path) -> None:
    own = plain_document(tmp_path / "mine.briefing")
    with Store.open(own) as store:
        assert store.origin.own
    theirs = sent_by_someone_else(plain_document(tmp_path / "theirs.briefing"))
    with Store.open(theirs, readonly=True) as store:
        assert not store.origin.own
        assert store.origin.where == "was not created by you on this computer"


def test_windows_zone_identifier_marks_a_download() -> None:
    text = "[ZoneTransfer]\r\nZoneId=3\r\nReferrerUrl=https://mail.example/\r\n" \
           "HostUrl=https://files.example/R.briefing\r\n"
    assert parse_zone_identifier(text) == "was downloaded from https://files.example/R.briefing"
    assert parse_zone_identifier("[ZoneTransfer]\nZoneId=4\n") == \
        "was downloaded from a restricted site"
    assert parse_zone_identifier("[ZoneTransfer]\nZoneId=1\nHostUrl=x\n") == ""  # intranet
    assert parse_zone_identifier("garbage") == ""


def test_macos_quarantine_names_the_downloading_program() -> None:
    assert parse_quarantine(b"0083;656e1c2a;Safari;9F1C") == "was downloaded (by Safari)"
    assert parse_quarantine(b"0083;656e1c2a;;") == "was downloaded"


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="Linux extended attributes")
def test_a_linux_download_mark_makes_even_our_file_from_elsewhere(tmp_path: Path) -> None:
    path = plain_document(tmp_path / "R.briefing")
    try:
        os.setxattr(path, LINUX_ORIGIN_ATTR, b"https://files.example/R.briefing")
    except OSError:
        pytest.skip("this file system keeps no user attributes")
    assert download_mark(path) == "was downloaded from https://files.example/R.briefing"
    with Store.open(path, readonly=True) as store:
        assert not store.origin.own
    clear_download_mark(path)
    assert download_mark(path) == ""
