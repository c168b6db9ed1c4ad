"""The .briefing file keeps every edit, refuses bad files clearly and never corrupts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings

from briefing.core.document import Document
from briefing.core.errors import CorruptFile, FileLocked, FileProblem, NewerVersion, NotABriefing
from briefing.core.model import Citation, Claim, Section, Source
from briefing.store import schema
from briefing.store.database import Store, write_briefing
from briefing.store.jsonio import dumps
from tests.strategies import documents


def make_file(tmp_path: Path, doc: Document | None = None) -> Path:
    path = tmp_path / "work.briefing"
    write_briefing(doc or Document(sections=[Section("k1", "Key Judgments")]), path)
    return path


@settings(max_examples=25)
@given(documents())
def test_any_document_survives_the_file(
    tmp_path_factory: pytest.TempPathFactory, doc: Document
) -> None:
    path = tmp_path_factory.mktemp("rt") / "doc.briefing"
    write_briefing(doc, path)
    with Store.open(path) as store:
        assert dumps(store.document) == dumps(doc)


def test_flushed_edits_are_there_after_reopening(tmp_path: Path) -> None:
    path = make_file(tmp_path)
    store = Store.open(path)
    doc = store.document
    doc.add_source(Source("s1", "Report", text="Text of the report."), original=b"%PDF-raw")
    doc.add_claim(Claim("c1", "A claim", citations=(Citation("s1", quote="report"),)))
    doc.place_claim("c1", "k1")
    doc.set_info(title="Weekly update")
    assert store.has_pending
    store.flush()
    assert not store.has_pending
    store.close()
    with Store.open(path) as again:
        assert again.document.info.title == "Weekly update"
        assert again.document.placement("c1") == ("k1", 0)
        assert again.document.original("s1") == b"%PDF-raw"


def test_unflushed_edits_are_not_half_written(tmp_path: Path) -> None:
    path = make_file(tmp_path)
    store = Store.open(path)
    store.document.add_claim(Claim("c1", "pending"))
    reader = Store.open(path, readonly=True)
    assert reader.document.claims == []
    reader.close()
    store.close()


def test_board_order_survives_inserts_removals_and_moves(tmp_path: Path) -> None:
    path = make_file(tmp_path)
    with Store.open(path) as store:
        doc = store.document
        for i in range(5):
            doc.add_claim(Claim(f"c{i}", f"claim {i}"))
        store.flush()
        doc.delete_claim("c1")
        store.flush()
        doc.add_claim(Claim("c9", "new"))
        doc.add_claim(Claim("c8", "front"), index=0)
        store.flush()
        expected = [c.id for c in doc.claims]
    with Store.open(path) as again:
        assert (
            [c.id for c in again.document.claims]
            == expected
            == ["c8", "c0", "c2", "c3", "c4", "c9"]
        )


def test_undoing_a_flushed_source_removal_restores_its_original_bytes(tmp_path: Path) -> None:
    path = make_file(tmp_path)
    with Store.open(path) as store:
        store.document.add_source(Source("s1", "Memo"), original=b"original bytes")
        store.flush()
        undo = store.document.remove_source("s1")
        store.flush()
        store.document.apply(undo)
    with Store.open(path) as again:
        assert again.document.original("s1") == b"original bytes"


def test_search_finds_words_in_sources_and_claims(tmp_path: Path) -> None:
    path = make_file(tmp_path)
    with Store.open(path) as store:
        store.document.add_source(Source("s1", "Négociations", text="Envoys met in Miami."))
        store.document.add_claim(Claim("c1", "Talks stalled over territory."))
        assert [(h.kind, h.id) for h in store.search("miami")] == [("source", "s1")]
        assert store.search("miami")[0].snippet == "Envoys met in [Miami]."
        assert store.search("terr")[0].snippet == "Talks stalled over [territory]."
        assert [(h.kind, h.id) for h in store.search("territ")] == [("claim", "c1")]
        assert [h.id for h in store.search("negociations")] == ["s1"]
        for hostile in ['"', "NEAR(", "a OR", "*", "-x", "(", "'"]:
            store.search(hostile)  # never an FTS syntax error


def test_text_renamed_to_briefing_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.briefing"
    path.write_text("just some notes\n")
    with pytest.raises(NotABriefing, match="notes.briefing: is not a Briefing document"):
        Store.open(path)
    assert path.read_text() == "just some notes\n"
    assert not list(tmp_path.glob(".*lock"))


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.briefing"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotABriefing, match="SQLite database but not a Briefing document"):
        Store.open(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize("keep", [50, 2000, 0.5])
def test_truncated_file_is_refused_as_damaged(tmp_path: Path, keep: float) -> None:
    doc = Document(sources=[Source(f"s{i}", f"S{i}", text="word " * 3000) for i in range(20)])
    path = make_file(tmp_path, doc)
    data = path.read_bytes()
    cut = int(len(data) * keep) if isinstance(keep, float) else keep
    path.write_bytes(data[:cut])
    with pytest.raises((CorruptFile, NotABriefing)) as info:
        Store.open(path)
    assert "damaged" in str(info.value) or "truncated" in str(info.value)
    assert path.read_bytes() == data[:cut]


def test_file_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = make_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerVersion, match="newer version of Briefing"):
        Store.open(path)
    assert path.read_bytes() == before


def test_second_writer_is_refused_but_a_reader_may_open(tmp_path: Path) -> None:
    path = make_file(tmp_path)
    first = Store.open(path)
    with pytest.raises(FileLocked, match="open in another Briefing"):
        Store.open(path)
    reader = Store.open(path, readonly=True)
    assert reader.readonly
    reader.close()
    first.close()
    Store.open(path).close()  # the lock went with the first store


def test_old_file_is_backed_up_then_migrated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_file(tmp_path, Document(sources=[Source("s1", "Kept")]))
    now = schema.current_version()

    def add_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE sources ADD COLUMN colour TEXT")

    monkeypatch.setitem(schema.MIGRATIONS, now + 1, add_column)
    with Store.open(path) as store:
        assert store.document.source("s1").title == "Kept"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == now + 1
    conn.close()
    backup = tmp_path / f"work.v{now}-backup.briefing"
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == now
    conn.close()


def test_disk_full_during_save_keeps_edits_pending_and_file_intact(tmp_path: Path) -> None:
    path = make_file(tmp_path)
    store = Store.open(path)
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")  # the "disk" is now full
    store.document.add_source(Source("s1", "Big", text="x" * 200_000))
    with pytest.raises(FileProblem, match="disk is full"):
        store.flush()
    assert store.has_pending and store.document.has_source("s1")
    with Store.open(path, readonly=True) as reader:
        assert reader.document.sources == []
    store._conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    store.flush()
    store.close()
    with Store.open(path) as again:
        assert len(again.document.source("s1").text) == 200_000


def test_save_copy_writes_a_consistent_document(tmp_path: Path) -> None:
    path = make_file(tmp_path)
    with Store.open(path) as store:
        store.document.add_claim(Claim("c1", "unsaved edit"))
        store.save_copy(tmp_path / "copy.briefing")
    with Store.open(tmp_path / "copy.briefing") as copy:
        assert [c.text for c in copy.document.claims] == ["unsaved edit"]


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = make_file(tmp_path)
    before = path.read_bytes()
    with pytest.raises(FileProblem, match="already exists"):
        Store.create(path)
    assert path.read_bytes() == before


def test_history_records_decisions(tmp_path: Path) -> None:
    path = make_file(tmp_path)
    with Store.open(path) as store:
        store.record_history("marking-override", "exported below highest portion")
    with Store.open(path) as again:
        assert again.history()[0][1:] == ("marking-override", "exported below highest portion")


def test_create_keeps_working_on_the_given_document(tmp_path: Path) -> None:
    doc = Document(sections=[Section("k1", "Key Judgments")])
    doc.add_source(Source("s1", "Pasted"), original=b"clipboard text")
    store = Store.create(tmp_path / "new.briefing", doc)
    assert store.document is doc and not store.has_pending
    doc.add_claim(Claim("c1", "edited after saving"))
    store.close()
    with Store.open(tmp_path / "new.briefing") as again:
        assert [c.text for c in again.document.claims] == ["edited after saving"]
        assert again.document.original("s1") == b"clipboard text"


@pytest.mark.parametrize("damaged", [
    '{"id": "c1", "text": "One."}, {"id": "c9", "text": "Smuggled."}',  # two in one row
    '[{"id": "c1", "text": "One."}]',  # not an object
    '{"id": "c1", "text": "One."',  # cut short
])
def test_a_damaged_record_is_reported_not_merged_with_its_neighbours(
    tmp_path: Path, damaged: str
) -> None:
    path = tmp_path / "damaged.briefing"
    doc = Document(claims=[Claim(id="c1", text="One."), Claim(id="c2", text="Two.")])
    Store.create(path, doc).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE claims SET data = ? WHERE id = 'c1'", (damaged,))
    with pytest.raises(FileProblem) as info:
        Store.open(path, readonly=True)
    assert "damaged.briefing" in str(info.value)
    assert "the document inside is damaged: claim 'c1'" in str(info.value)
