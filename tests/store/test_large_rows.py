"""Writing large sources without SQLite keeping copies of them (issue 19).

Original bytes go in through incremental blob I/O (no bound copy, no copy kept by
the cached statement); the source upsert ends with a row that selects nothing, so
the cached statement keeps no text.  The memory figures are in ``make bench``
(``benchmarks/received_bench.py``); these tests hold the rows and the search.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.core import ops
from briefing.core.document import Document
from briefing.core.errors import FileProblem
from briefing.core.model import Source
from briefing.store import rows
from briefing.store.database import Store, write_briefing
from briefing.store.schema import migrate
from briefing.store.search import query_words, run_search

_TMP = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def _new_file(tmp_path: Path, name: str = "work.briefing") -> Path:
    path = tmp_path / name
    path.unlink(missing_ok=True)
    write_briefing(Document(), path)
    return path


def _import(store: Store, source_id: str, text: str, original: bytes) -> None:
    store.document.apply(ops.InsertSource(Source(source_id, title=source_id, text=text),
                                          None, original))


def _stored(path: Path) -> list[tuple[str, str, bytes | None, str]]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.execute(
            "SELECT s.id, s.text, o.data, typeof(o.data) FROM sources s "
            "LEFT JOIN originals o ON o.source_id = s.id ORDER BY s.pos"))
    finally:
        conn.close()


@pytest.mark.parametrize("size", [0, 1, 9, 10, 11, 25])
def test_originals_across_piece_boundaries_are_stored_byte_for_byte(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    monkeypatch.setattr(rows, "ORIGINAL_PIECE", 10)
    original = bytes(range(256))[:size] if size <= 256 else b""
    path = _new_file(tmp_path)
    with Store.open(path) as store:
        _import(store, "s1", "Text.", original)
        store.flush()
    assert _stored(path) == [("s1", "Text.", original, "blob")]
    with Store.open(path, readonly=True) as reader:
        assert reader.document.original("s1") == original


@_TMP
@given(original=st.binary(max_size=300), piece=st.integers(1, 64))
def test_any_original_round_trips_through_save_and_save_as(
        tmp_path: Path, original: bytes, piece: int) -> None:
    rows_piece = rows.ORIGINAL_PIECE
    rows.ORIGINAL_PIECE = piece
    try:
        path = _new_file(tmp_path)
        with Store.open(path) as store:
            _import(store, "s1", "Body.", original)
            store.flush()
            copy = tmp_path / "copy.briefing"
            copy.unlink(missing_ok=True)
            write_briefing(store.document, copy)  # the document's originals via its loader
    finally:
        rows.ORIGINAL_PIECE = rows_piece
    assert _stored(path) == [("s1", "Body.", original, "blob")]
    with Store.open(path, readonly=True) as reader:
        assert reader.document.original("s1") == original


def test_a_failed_original_write_is_given_back_and_written_by_the_next_save(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = rows.write_original
    failures = ["disk I/O error"]

    def failing_once(conn: sqlite3.Connection, source_id: str, data: bytes) -> None:
        real(conn, source_id, data)  # written, then the transaction fails
        if failures:
            raise sqlite3.OperationalError(failures.pop())

    monkeypatch.setattr(rows, "write_original", failing_once)
    path = _new_file(tmp_path)
    with Store.open(path) as store:
        _import(store, "s1", "Text.", b"original bytes")
        with pytest.raises(FileProblem):
            store.flush()
        assert _stored(path) == []  # rolled back: neither the source nor its original
        store.flush()
    assert _stored(path) == [("s1", "Text.", b"original bytes", "blob")]


def test_upserts_insert_and_update_and_the_closing_row_adds_nothing(tmp_path: Path) -> None:
    path = _new_file(tmp_path)
    with Store.open(path) as store:
        _import(store, "s1", "First text.", b"1")
        _import(store, "s2", "Second text.", b"2")
        store.flush()
        edited = Source("s1", title="s1", text="First text, edited.")
        store.document.apply(ops.ReplaceSource(edited))
        store.flush()
    conn = sqlite3.connect(path)
    try:
        assert list(conn.execute("SELECT id, text FROM sources ORDER BY pos")) == [
            ("s1", "First text, edited."), ("s2", "Second text.")]
        found = ("SELECT s.id FROM sources_fts JOIN sources s ON s.rowid = sources_fts.rowid "
                 "WHERE sources_fts MATCH ? ORDER BY s.id")
        assert list(conn.execute(found, ("edited",))) == [("s1",)]
        assert list(conn.execute(found, ("first",))) == [("s1",)]
        assert list(conn.execute(found, ("text",))) == [("s1",), ("s2",)]
    finally:
        conn.close()


_OLD_UPSERT = ("INSERT INTO sources (id, pos, title, data, text) VALUES (?, ?, ?, ?, ?) "
               "ON CONFLICT(id) DO UPDATE SET pos = excluded.pos, title = excluded.title, "
               "data = excluded.data, text = excluded.text")
"""The upsert as it was before this change, written out: the reference to agree with."""

_hostile_text = st.lists(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from(
        ["\u0000", "\u202e", "e\u0301", "ﬁ", "İ", "ß", "'", '"', "*", " NEAR ", " AND ", "-",
         "^", " "]),
    max_size=40).map("".join)


def _database(doc: Document, old: bool) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("BEGIN")
    migrate(conn, 0)
    if old:
        conn.executemany(_OLD_UPSERT, [rows._source_row(s, i)[:5]
                                       for i, s in enumerate(doc.sources)])
    else:
        rows.upsert_sources(conn, doc, [s.id for s in doc.sources])
    conn.execute("COMMIT")
    return conn


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(_hostile_text, min_size=1, max_size=4), edit=_hostile_text,
       data=st.data())
def test_search_finds_the_same_sources_as_with_the_old_upsert(
        texts: list[str], edit: str, data: st.DataObject) -> None:
    words = query_words(" ".join(texts))  # mostly a query that finds something
    query = data.draw(st.sampled_from(words) | _hostile_text if words else _hostile_text)
    doc = Document()
    for n, text in enumerate(texts):
        doc.apply(ops.InsertSource(Source(f"s{n}", title=f"T{n}", text=text)))
    results = []
    for old in (True, False):
        conn = _database(doc, old)
        doc_after = doc.copy()
        doc_after.apply(ops.ReplaceSource(Source("s0", title="T0", text=edit)))
        before = run_search(conn, doc, query)
        if old:
            conn.executemany(_OLD_UPSERT, [rows._source_row(doc_after.source("s0"), 0)[:5]])
        else:
            rows.upsert_sources(conn, doc_after, ["s0"])
        results.append((before, run_search(conn, doc_after, query),
                        conn.execute("SELECT count(*) FROM sources").fetchone()))
        conn.close()
    assert results[0] == results[1]
