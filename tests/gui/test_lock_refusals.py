"""Each reason a briefing cannot be opened for editing gets its own title and advice,
not "Briefing Is Open Elsewhere" for all of them (the real dialog, clicked)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing.core.document import Document
from briefing.gui import dialogs
from briefing.gui.app import Editor
from briefing.store.database import Store
from briefing.store.locking import lock_path

REAL_QUESTION = dialogs.ask_open_locked  # taken before the test fixture records it instead


@pytest.fixture(autouse=True)
def _real_question(monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "ask_open_locked", REAL_QUESTION)


def _briefing(tmp_path: Path) -> Path:
    path = tmp_path / "shared.briefing"
    Store.create(path, Document()).close()
    return path


def _open_and_cancel(qtbot, path: Path) -> dict[str, str]:
    """Open *path* in the editor; read the question it asks, then click Cancel."""
    seen: dict[str, str] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            QTimer.singleShot(20, answer)
            return
        seen.update(title=box.windowTitle(), text=box.text(), advice=box.informativeText())
        cancel = box.button(QMessageBox.StandardButton.Cancel)
        QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    editor = Editor()
    assert editor.open(str(path)) is None and editor.open_cancelled
    assert editor.windows == []
    return seen


def test_open_in_another_editor_is_open_elsewhere(qtbot, tmp_path):
    path = _briefing(tmp_path)
    other = Store.open(path)
    try:
        seen = _open_and_cancel(qtbot, path)
    finally:
        other.close()
    assert seen["title"] == "Briefing Is Open Elsewhere"
    assert "is open in another Briefing window or process" in seen["text"]


def test_a_symlinked_lock_is_not_trusted(qtbot, tmp_path):
    path = _briefing(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("notes", encoding="utf-8")
    lock_path(path).symlink_to(victim)
    seen = _open_and_cancel(qtbot, path)
    assert seen["title"] == "Edit Lock Not Trusted"
    assert "symbolic link" in seen["text"] and "Remove it" in seen["advice"]
    assert victim.read_text(encoding="utf-8") == "notes"


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs chown")
def test_another_users_lock_says_another_user(qtbot, tmp_path):
    path = _briefing(tmp_path)
    lock_path(path).write_text("999 their-host\n", encoding="utf-8")
    os.chown(lock_path(path), 4242, 4242)
    seen = _open_and_cancel(qtbot, path)
    assert seen["title"] == "Briefing Is Locked by Another User"
    assert "belongs to another user" in seen["text"]


def test_a_read_only_folder_says_so(qtbot, tmp_path, monkeypatch):
    path = _briefing(tmp_path)
    real_open = os.open

    def denied(where: object, flags: int, *args: object) -> int:
        if str(where).endswith(".lock"):
            raise PermissionError(13, "Permission denied", str(where))
        return real_open(where, flags, *args)

    monkeypatch.setattr(os, "open", denied)  # root ignores chmod; simulate instead
    seen = _open_and_cancel(qtbot, path)
    assert seen["title"] == "Folder Is Read-Only"
    assert "folder is read-only" in seen["text"]
    assert "save a copy in a folder you can write to" in seen["advice"]


def test_opened_read_only_from_a_read_only_folder_says_why_not_elsewhere(qtbot, tmp_path,
                                                                         monkeypatch):
    path = _briefing(tmp_path)
    real_open = os.open

    def denied(where: object, flags: int, *args: object) -> int:
        if str(where).endswith(".lock"):
            raise PermissionError(13, "Permission denied", str(where))
        return real_open(where, flags, *args)

    monkeypatch.setattr(os, "open", denied)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            QTimer.singleShot(20, answer)
            return
        QTest.mouseClick(box.defaultButton(), Qt.MouseButton.LeftButton)  # Open Read-Only

    QTimer.singleShot(0, answer)
    window = Editor().open(str(path))
    assert window is not None
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    assert window.session.read_only
    assert window.statusBar().currentMessage() == (
        "Read-only: its folder is read-only. Save a copy to change it.")
    window.close()
