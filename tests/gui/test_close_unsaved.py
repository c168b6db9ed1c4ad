"""Closing a window whose latest changes could not be saved never loses them (issue 14).

The window stays open and asks: Save As… (another file), Retry, Discard Changes, or
Cancel.  The real question box is answered here with mouse clicks on its buttons.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing.core.errors import FileProblem
from briefing.gui.document import session as session_module
from briefing.gui.document.session import open_session
from briefing.resources import sample_document
from briefing.store.database import Store, write_briefing
from tests.gui.helpers import open_window


class _Clicks:
    """Clicks the named buttons of the message boxes that open, one box at a time."""

    def __init__(self, buttons: list[str]) -> None:
        self.buttons = list(buttons)
        self.seen: list[str] = []
        self._timer = QTimer()
        self._timer.timeout.connect(self._look)
        self._timer.start(20)

    def _look(self) -> None:
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.isVisible() and self.buttons:
                self.seen.append(f"{box.windowTitle()}: {box.text()}")
                wanted = self.buttons.pop(0)
                [button] = [b for b in box.buttons() if b.text() == wanted]
                QTest.mouseClick(button, Qt.MouseButton.LeftButton)
                return

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def failing_window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A window on a saved briefing whose file now refuses writes (a full disk), with
    one edit typed in the claim editor and not saved."""
    monkeypatch.setattr(session_module, "AUTOSAVE_DELAY_MS", 20)
    path = tmp_path / "work.briefing"
    write_briefing(sample_document(), path)
    window = open_window(qtbot, open_session(path))
    store = window.session.store
    good_write = store.write_pending

    def full(pending) -> None:
        raise FileProblem(path, "could not write: disk is full")

    store.write_pending = full
    window.select_claim("c1")
    text = window.inspector.claim_editor.text
    text.setFocus()
    QTest.keyClick(text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(text, " Typed on a full disk.")
    qtbot.waitUntil(lambda: window.save_label.text().startswith("Not saved"), timeout=5_000)
    window.good_write = good_write  # type: ignore[attr-defined]
    yield window, path
    if window.session.store is not None:
        window.session.store.write_pending = good_write
        window.session.close()


def _claim_text(path: Path) -> str:
    with Store.open(path, readonly=True) as reader:
        return reader.document.claim("c1").text


def test_cancel_keeps_the_window_open_and_the_edits_pending(qtbot, failing_window) -> None:
    window, path = failing_window
    clicks = _Clicks(["Retry", "Cancel"])
    try:
        assert window.close() is False
    finally:
        clicks.stop()
    assert len(clicks.seen) == 2 and all("disk is full" in s for s in clicks.seen)
    assert clicks.seen[0].startswith("Changes Not Saved: ")
    assert window.isVisible() and window.session.store is not None
    assert window.session.store.has_pending
    assert window.save_label.text() == "Not saved — could not write: disk is full"
    assert all(str(path) in s for s in clicks.seen)
    assert not _claim_text(path).endswith("Typed on a full disk.")
    # space is freed: the next close writes everything, without a question
    window.session.store.write_pending = window.good_write
    assert window.close() is True
    assert _claim_text(path).endswith(" Typed on a full disk.")


def test_retry_after_the_disk_recovered_saves_and_closes(qtbot, failing_window) -> None:
    window, path = failing_window

    def free_space_then_retry() -> None:
        window.session.store.write_pending = window.good_write

    clicks = _Clicks(["Retry"])
    QTimer.singleShot(0, free_space_then_retry)
    try:
        assert window.close() is True
    finally:
        clicks.stop()
    assert len(clicks.seen) == 1
    assert _claim_text(path).endswith(" Typed on a full disk.")


def test_save_as_writes_every_edit_to_another_file(qtbot, failing_window, dialog_log,
                                                   tmp_path: Path) -> None:
    window, path = failing_window
    before = _claim_text(path)
    dialog_log.save_path = tmp_path / "elsewhere.briefing"
    clicks = _Clicks(["Save As…"])
    try:
        assert window.close() is True
    finally:
        clicks.stop()
    assert _claim_text(tmp_path / "elsewhere.briefing") == before + " Typed on a full disk."
    assert _claim_text(path) == before  # the full disk's file keeps its last saved state
    Store.open(path).close()  # and it is not left locked


def test_discard_is_explicit_and_keeps_the_last_saved_state(qtbot, failing_window) -> None:
    window, path = failing_window
    before = _claim_text(path)
    clicks = _Clicks(["Discard Changes"])
    try:
        assert window.close() is True
    finally:
        clicks.stop()
    assert clicks.seen and "disk is full" in clicks.seen[0]
    assert _claim_text(path) == before
    Store.open(path).close()


def test_a_file_deleted_under_the_editor_is_said_once_and_its_edits_saved_elsewhere(
    qtbot, tmp_path: Path, dialog_log, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another program deletes the open briefing: the autosave refuses to write into the
    vanished file, one message names it, the window shows "Not saved", and closing
    offers Save As…, which keeps every edit."""
    monkeypatch.setattr(session_module, "AUTOSAVE_DELAY_MS", 20)
    path = tmp_path / "work.briefing"
    write_briefing(sample_document(), path)
    window = open_window(qtbot, open_session(path))
    path.unlink()
    window.select_claim("c1")
    text = window.inspector.claim_editor.text
    text.setFocus()
    QTest.keyClicks(text, "Typed after the file vanished. ")
    qtbot.waitUntil(lambda: bool(dialog_log.errors), timeout=5_000)
    QTest.keyClicks(text, "And more. ")
    qtbot.wait(200)  # another autosave meets the same problem: no second message
    assert len(dialog_log.errors) == 1
    title, message = dialog_log.errors[0]
    assert title == "Autosave Failed" and str(path) in message and "no longer there" in message
    assert window.save_label.text().startswith("Not saved — ")
    dialog_log.save_path = tmp_path / "rescued.briefing"
    clicks = _Clicks(["Save As…"])
    try:
        assert window.close() is True
    finally:
        clicks.stop()
    assert _claim_text(tmp_path / "rescued.briefing").startswith(
        "Typed after the file vanished. And more. ")
    assert not path.exists()
