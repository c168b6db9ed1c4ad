"""Autosave writes in the background: the UI never waits for the disk (issue 9),
and nothing is lost when a write is slow or fails (issue 10)."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.core import ops
from briefing.core.errors import FileProblem
from briefing.gui.document import session as session_module
from briefing.gui.document.session import open_session
from briefing.resources import sample_document
from briefing.store.database import Store, write_briefing


@pytest.fixture
def session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(session_module, "AUTOSAVE_DELAY_MS", 20)
    path = tmp_path / "work.briefing"
    write_briefing(sample_document(), path)
    opened = open_session(path)
    yield opened
    opened.close()


def _retext(session, claim_id: str, text: str) -> None:
    session.push(ops.ReplaceClaim(replace(session.doc.claim(claim_id), text=text)))


def _text_on_disk(session, claim_id: str) -> str:
    with Store.open(session.path, readonly=True) as reader:
        return reader.document.claim(claim_id).text


def test_the_autosave_is_written_off_the_ui_thread(qtbot, session) -> None:
    writers: list[threading.Thread] = []
    write = session.store.write_pending

    def watched(pending) -> None:
        writers.append(threading.current_thread())
        write(pending)

    session.store.write_pending = watched
    _retext(session, "c1", "Saved by the background writer.")
    assert session.save_state() == "Saving…"
    qtbot.waitUntil(lambda: session.save_state() == "Saved", timeout=5_000)
    assert writers and all(w is not threading.main_thread() for w in writers)
    assert _text_on_disk(session, "c1") == "Saved by the background writer."
    assert not session.is_modified()


def test_edits_during_a_slow_write_are_kept_and_saved_next(qtbot, session) -> None:
    release = threading.Event()
    write = session.store.write_pending

    def slow(pending) -> None:
        release.wait(10)  # a disk that takes its time
        write(pending)

    session.store.write_pending = slow
    _retext(session, "c1", "First.")
    qtbot.waitUntil(lambda: session._saver.busy, timeout=5_000)
    _retext(session, "c2", "Typed while the disk was busy.")  # the UI did not wait
    release.set()
    qtbot.waitUntil(lambda: session.save_state() == "Saved", timeout=5_000)
    assert _text_on_disk(session, "c1") == "First."
    assert _text_on_disk(session, "c2") == "Typed while the disk was busy."


def test_a_failed_background_write_is_reported_once_and_nothing_is_lost(qtbot, session):
    reports: list[str] = []
    shown: list[str] = []
    session.autosave_failed.connect(reports.append)
    session.save_state_changed.connect(shown.append)  # what the status bar shows
    write = session.store.write_pending

    def full(pending) -> None:
        raise FileProblem(session.path, "could not write: disk is full")

    session.store.write_pending = full
    _retext(session, "c1", "Kept although the disk was full.")
    qtbot.waitUntil(lambda: bool(reports), timeout=5_000)
    assert "disk is full" in reports[0] and str(session.path) in reports[0]
    assert shown[-1].startswith("Not saved — ") and "disk is full" in shown[-1]
    assert session.is_modified()
    assert session.store.has_pending  # the changes were given back
    _retext(session, "c2", "Typed while the disk was still full.")
    qtbot.waitUntil(lambda: not session._saver.busy and not session._timer.isActive()
                    and session.store.has_pending, timeout=5_000)
    qtbot.wait(100)
    assert len(reports) == 1  # the same problem again is not a second dialog
    assert session.save_state().startswith("Not saved — ")
    session.store.write_pending = write  # space freed
    assert session.flush()
    assert session.save_state() == "Saved"
    assert _text_on_disk(session, "c1") == "Kept although the disk was full."
    assert _text_on_disk(session, "c2") == "Typed while the disk was still full."
    assert len(reports) == 1


@pytest.mark.parametrize("failure", [RuntimeError("a bug in the writer"),
                                     MemoryError(), ValueError("bad row")])
def test_any_exception_in_the_background_write_keeps_the_edits_pending(
    qtbot, session, failure: BaseException,
) -> None:
    """Issue 14: a failure that is not a disk error was taken for a successful write
    (the stack marked clean, the edits never written)."""
    reports: list[str] = []
    session.autosave_failed.connect(reports.append)
    write = session.store.write_pending

    def broken(pending) -> None:
        raise failure

    session.store.write_pending = broken
    _retext(session, "c1", "Kept although the writer broke.")
    qtbot.waitUntil(lambda: bool(reports), timeout=5_000)
    assert len(reports) == 1 and str(session.path) in reports[0]
    assert session.is_modified() and session.store.has_pending
    assert session.save_state().startswith("Not saved — ")
    session.store.write_pending = write
    session.close()
    with Store.open(session.path, readonly=True) as reader:
        assert reader.document.claim("c1").text == "Kept although the writer broke."


def test_closing_during_a_write_waits_for_it_and_saves_everything(qtbot, session):
    release = threading.Event()
    write = session.store.write_pending
    session.store.write_pending = lambda pending: (release.wait(10), write(pending))
    _retext(session, "c1", "Written before the file was closed.")
    qtbot.waitUntil(lambda: session._saver.busy, timeout=5_000)
    _retext(session, "c2", "Also written: the close flushes.")
    path = session.path
    threading.Timer(0.2, release.set).start()
    session.close()
    with Store.open(path, readonly=True) as reader:
        assert reader.document.claim("c1").text == "Written before the file was closed."
        assert reader.document.claim("c2").text == "Also written: the close flushes."
