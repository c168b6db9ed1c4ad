"""Saving without waiting for the disk: a flush taken on one thread, written on another.

The editor takes what is pending (the rows serialised from the document as it is), keeps
editing, and a worker commits; a write that fails gives its changes back (issue 9).
"""

from __future__ import annotations

import threading
from pathlib import Path

from briefing.core.document import Document
from briefing.core.errors import FileProblem
from briefing.core.model import Claim, Section, Source
from briefing.store.database import Store, write_briefing


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "work.briefing"
    write_briefing(Document(sections=[Section("k1", "Key Judgments")]), path)
    return path


def _on_disk(path: Path) -> Document:
    with Store.open(path, readonly=True) as reader:
        return reader.document


def _write_on_a_worker(store: Store, pending) -> list[BaseException]:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            store.write_pending(pending)
        except BaseException as error:  # noqa: BLE001 (reported to the test)
            errors.append(error)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    return errors


def test_edits_made_while_a_save_is_written_are_saved_by_the_next_one(tmp_path: Path) -> None:
    path = _file(tmp_path)
    store = Store.open(path)
    doc = store.document
    doc.add_claim(Claim("c1", "First text."))
    doc.place_claim("c1", "k1")
    pending = store.take_pending()
    assert pending is not None and not store.has_pending
    doc.update_claim("c1", text="Typed while the disk was busy.")  # after the snapshot
    doc.add_claim(Claim("c2", "A second card."))
    assert _write_on_a_worker(store, pending) == []
    on_disk = _on_disk(path)
    assert [c.text for c in on_disk.claims] == ["First text."]  # what was taken
    assert on_disk.placement("c1") == ("k1", 0)
    assert store.has_pending  # the later edits wait for the next save
    store.flush()
    assert [c.text for c in _on_disk(path).claims] == ["Typed while the disk was busy.",
                                                        "A second card."]
    store.close()


def test_a_failed_save_gives_its_changes_back_and_nothing_is_lost(tmp_path: Path) -> None:
    path = _file(tmp_path)
    store = Store.open(path)
    doc = store.document
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")  # the "disk" is now full
    doc.add_source(Source("s1", "Big", text="x" * 200_000), original=b"raw bytes")
    doc.add_claim(Claim("c1", "Will be removed."))
    pending = store.take_pending()
    doc.delete_claim("c1")
    doc.add_claim(Claim("c2", "Added during the failed save."))
    [error] = _write_on_a_worker(store, pending)
    assert isinstance(error, FileProblem) and "disk is full" in str(error)
    store.restore_pending(pending)
    assert store.has_pending
    assert _on_disk(path).sources == []  # the file is as it was
    store._conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    store.flush()
    store.close()
    again = _on_disk(path)
    assert len(again.source("s1").text) == 200_000
    assert [c.id for c in again.claims] == ["c2"]  # the removal after the snapshot won
    with Store.open(path, readonly=True) as reader:
        assert reader.document.original("s1") == b"raw bytes"


def test_nothing_pending_takes_nothing(tmp_path: Path) -> None:
    path = _file(tmp_path)
    with Store.open(path) as store:
        assert store.take_pending() is None
    with Store.open(path, readonly=True) as reader:
        reader.document.add_claim(Claim("c1", "Never written: read-only."))
        assert reader.take_pending() is None


def test_searching_between_taking_a_save_and_writing_it_waits_for_the_write(
    tmp_path: Path,
) -> None:
    """The rows a search reads must be on disk: a search that starts after a save was
    taken but before its worker began waits for it (it does not search without them)."""
    path = _file(tmp_path)
    store = Store.open(path)
    for n in range(5):
        store.document.add_claim(Claim(f"c{n}", f"Harbour pilots report {n}."))
    pending = store.take_pending()
    found: list[set[str]] = []
    searcher = threading.Thread(
        target=lambda: found.append({h.id for h in store.search("pilots")}))
    searcher.start()
    searcher.join(0.3)
    assert searcher.is_alive()  # waiting for the taken save, not searching without it
    store.write_pending(pending)  # the worker, late
    searcher.join(10)
    assert found == [{f"c{n}" for n in range(5)}]
    store.close()
