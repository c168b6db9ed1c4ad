"""Saving without waiting for the disk: a flush taken on one thread, written on another.

The editor takes what is pending (the rows serialised from the document as it is), keeps
editing, and a worker commits; a write that fails gives its changes back (issue 9).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from briefing.core import ops
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


def _full_disk(store: Store) -> None:
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")


def _disk_freed(store: Store) -> None:
    store._conn.execute("PRAGMA max_page_count = 1073741823")


def test_a_claim_deleted_while_a_failed_save_was_written_stays_deleted(tmp_path: Path) -> None:
    """Issue 14: a failed write given back must not resurrect a claim the user deleted
    after the write was taken (the deletion is newer than the write's edit)."""
    path = _file(tmp_path)
    store = Store.open(path)
    doc = store.document
    doc.add_claim(Claim("c1", "On disk already."))
    doc.add_claim(Claim("c2", "Stays."))
    store.flush()
    doc.update_claim("c1", text="Edited, then the save of this edit fails.")
    doc.add_source(Source("s1", "Pasted", text="x" * 100_000))
    _full_disk(store)
    pending = store.take_pending()
    doc.delete_claim("c1")  # while the doomed write is on its way
    [error] = _write_on_a_worker(store, pending)
    assert isinstance(error, FileProblem)
    store.restore_pending(pending)
    _disk_freed(store)
    store.close()
    again = _on_disk(path)
    assert [c.id for c in again.claims] == ["c2"]
    assert [s.id for s in again.sources] == ["s1"]


def test_a_claim_restored_while_a_failed_removal_was_written_comes_back(tmp_path: Path) -> None:
    """The other way round: a removal in the failed write, undone since: the claim stays."""
    path = _file(tmp_path)
    store = Store.open(path)
    doc = store.document
    doc.add_claim(Claim("c1", "Deleted, then the deletion is undone."))
    store.flush()
    undo = doc.apply(ops.RemoveClaim("c1"))
    doc.add_source(Source("s1", "Pasted", text="x" * 100_000))
    _full_disk(store)
    pending = store.take_pending()
    doc.apply(undo)
    [error] = _write_on_a_worker(store, pending)
    assert isinstance(error, FileProblem)
    store.restore_pending(pending)
    _disk_freed(store)
    store.close()
    assert [c.text for c in _on_disk(path).claims] == ["Deleted, then the deletion is undone."]


def test_a_write_failing_for_any_reason_keeps_the_changes_pending(tmp_path: Path) -> None:
    """Not only disk errors: any exception during a flush gives the changes back and
    leaves no transaction open, so the next flush writes them."""
    path = _file(tmp_path)
    store = Store.open(path)
    store.document.add_claim(Claim("c1", "Must survive a bug in the writer."))
    pending = store.take_pending()
    statements = pending.statements

    def broken():
        yield statements[0]
        raise RuntimeError("writer bug")  # half-way through the transaction

    pending.statements = broken()
    errors = _write_on_a_worker(store, pending)
    assert [str(e) for e in errors] == ["writer bug"]
    assert not store._conn.in_transaction
    store.restore_pending(pending)
    store.document.add_claim(Claim("c2", "Added after."))
    boom = store._changes.write

    def failing(conn, doc) -> None:
        raise RuntimeError("writer bug")

    store._changes.write = failing
    try:
        store.flush()
    except RuntimeError:
        pass
    else:
        raise AssertionError("the flush should have failed")
    store._changes.write = boom
    assert store.has_pending
    assert not store._conn.in_transaction
    store.close()
    assert [c.id for c in _on_disk(path).claims] == ["c1", "c2"]


def test_save_as_keeps_every_later_flush(tmp_path: Path) -> None:
    """Issue 14, the lost edits after Save As: create, add c2, flush, add c3, flush,
    reopen: all three claims are there."""
    doc = Document(claims=[Claim("c1", "Before saving.")])
    store = Store.create(tmp_path / "saved.briefing", doc)
    doc.add_claim(Claim("c2", "After the first save."))
    store.flush()
    doc.add_claim(Claim("c3", "After the first autosave."))
    assert store.has_pending
    store.flush()
    doc.update_claim("c1", text="Edited last.")
    store.close()
    again = _on_disk(tmp_path / "saved.briefing")
    assert [(c.id, c.text) for c in again.claims] == [
        ("c1", "Edited last."), ("c2", "After the first save."),
        ("c3", "After the first autosave.")]


def test_a_file_deleted_under_the_editor_refuses_writes_and_keeps_the_edits(
    tmp_path: Path,
) -> None:
    """SQLite would happily write into a deleted file nobody can open again: the store
    refuses instead, names the file, and keeps the edits pending for a copy elsewhere."""
    path = _file(tmp_path)
    store = Store.open(path)
    store.document.add_claim(Claim("c1", "Written before the file vanished."))
    store.flush()
    path.unlink()
    store.document.add_claim(Claim("c2", "Typed after."))
    with pytest.raises(FileProblem) as caught:
        store.flush()
    assert str(path) in str(caught.value) and "no longer there" in str(caught.value)
    assert store.has_pending
    store.save_copy(tmp_path / "rescued.briefing")
    assert [c.id for c in _on_disk(tmp_path / "rescued.briefing").claims] == ["c1", "c2"]
    store.discard()


def test_a_file_replaced_under_the_editor_is_not_overwritten(tmp_path: Path) -> None:
    path = _file(tmp_path)
    store = Store.open(path)
    store.document.add_claim(Claim("c1", "Mine."))
    other = tmp_path / "other.briefing"
    write_briefing(Document(claims=[Claim("x1", "Theirs.")]), other)
    other.replace(path)  # e.g. a sync tool put its version in place
    with pytest.raises(FileProblem) as caught:
        store.flush()
    assert "replaced" in str(caught.value) and str(path) in str(caught.value)
    store.discard()
    assert [c.id for c in _on_disk(path).claims] == ["x1"]  # theirs, untouched


def test_a_copy_holds_the_pending_edits_while_the_file_cannot_be_written(
    tmp_path: Path,
) -> None:
    path = _file(tmp_path)
    store = Store.open(path)
    doc = store.document
    doc.add_source(Source("s1", "Saved", text="Saved text."), original=b"saved bytes")
    doc.add_claim(Claim("c1", "Saved."))
    store.flush()
    _full_disk(store)
    doc.add_source(Source("s2", "Pending", text="y" * 100_000), original=b"pending bytes")
    doc.update_claim("c1", text="Edited, not saved.")
    with pytest.raises(FileProblem):
        store.flush()
    store.save_copy(tmp_path / "copy.briefing")
    assert store.has_pending  # the copy took nothing away from the file's own save
    with Store.open(tmp_path / "copy.briefing", readonly=True) as copy:
        assert [c.text for c in copy.document.claims] == ["Edited, not saved."]
        assert copy.document.original("s1") == b"saved bytes"
        assert copy.document.original("s2") == b"pending bytes"
    assert [c.text for c in _on_disk(path).claims] == ["Saved."]
    store.discard()
    assert [c.text for c in _on_disk(path).claims] == ["Saved."]


def test_a_crash_between_taking_and_writing_leaves_the_last_written_state(
    tmp_path: Path,
) -> None:
    """The process dies after the autosave took the edits and before the worker wrote
    them: the file opens, whole, as of the last successful write."""
    path = _file(tmp_path)
    store = Store.open(path)
    store.document.add_claim(Claim("c1", "Written."))
    store.flush()
    store.document.add_claim(Claim("c2", "Taken, never written."))
    assert store.take_pending() is not None
    store._abandon()  # the crash: connection and lock gone, nothing committed
    with Store.open(path) as again:
        assert [c.id for c in again.document.claims] == ["c1"]
        ok = again._conn.execute("PRAGMA integrity_check").fetchone()[0]
        assert ok == "ok"
