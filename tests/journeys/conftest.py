"""Journeys run the real main window, shown at 1366×768 on the offscreen platform."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, QStandardPaths, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget  # noqa: E402
from shiboken6 import isValid  # noqa: E402

from briefing.gui import dialogs  # noqa: E402
from tests.journeys.dnd import DragLoop  # noqa: E402

QStandardPaths.setTestModeEnabled(True)
FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = FIXTURES / "harbour-article.html"
SCREEN = (1366, 768)


@pytest.fixture(autouse=True)
def _private_settings(qapp, tmp_path_factory):
    path = str(tmp_path_factory.mktemp("settings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, path)
    qapp.setOrganizationName("BriefingJourneys")
    qapp.setApplicationName("BriefingJourneys")
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture(autouse=True)
def _closing_discards(monkeypatch):
    """When the test ends, closing an untitled window does not ask to save it."""
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *_a: "discard")


@pytest.fixture
def errors(monkeypatch) -> list[tuple[str, str]]:
    """Error messages the user would have seen (a journey expects none)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, message: shown.append(
        (title, message)))
    return shown


@pytest.fixture
def drags(monkeypatch) -> DragLoop:
    return DragLoop(monkeypatch)


class FileChooser:
    """Answers the file dialog the app opens (Qt's own on the offscreen platform, see
    ``dialogs.file_dialog_options``) as a user would: types the path of the file to pick
    into its File name field and presses Enter (Escape when there is nothing to pick).
    ``answered`` lists the titles of the dialogs it answered."""

    def __init__(self) -> None:
        self.pick: list[Path] = []
        self.answered: list[str] = []
        self._dialogs: list[QFileDialog] = []
        self._return_to: QWidget | None = None
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._answer)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._dialogs.clear()

    def _answer(self) -> None:
        back = self._return_to  # as a window manager does when a dialog closes
        if (back is not None and isValid(back) and back.isVisible()
                and QApplication.activeWindow() is None):
            back.activateWindow()
        dialog = QApplication.activeModalWidget()
        if (not isinstance(dialog, QFileDialog) or not dialog.isVisible()
                or dialog in self._dialogs):
            return
        field = dialog.findChild(QLineEdit, "fileNameEdit")
        assert field is not None and field.isVisible(), "Qt's file dialog has no name field"
        if not self.pick:
            self._dialogs.append(dialog)
            self.answered.append(dialog.windowTitle())
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
            return
        names = [str(p) for p in self.pick]
        typed = names[0] if len(names) == 1 else " ".join(f'"{name}"' for name in names)
        field.setFocus()
        field.selectAll()
        QTest.keyClicks(field, typed)
        popup = QApplication.activePopupWidget()  # the name's completions, if listed
        if popup is not None:
            QTest.keyClick(popup, Qt.Key.Key_Escape)
        if field.text() != typed:  # the dialog was still setting itself up: type again
            return
        self._dialogs.append(dialog)  # answered once, as a user would
        parent = dialog.parentWidget()
        self._return_to = parent.window() if parent is not None else None
        self.answered.append(dialog.windowTitle())
        QTest.keyClick(field, Qt.Key.Key_Return)


@pytest.fixture
def chooser(qapp) -> Iterator[FileChooser]:
    answering = FileChooser()
    yield answering
    answering.stop()
