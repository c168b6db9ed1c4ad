"""Journeys run the real main window, shown at 1366×768 on the offscreen platform."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402

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
    """Stands for the system's file chooser (a window of the OS, not of Briefing): the
    file the user picks is set before the menu command that asks for it."""

    def __init__(self, monkeypatch) -> None:  # noqa: ANN001
        self.pick: list[Path] = []
        monkeypatch.setattr(dialogs, "ask_import_paths",
                            lambda _parent: [str(p) for p in self.pick])


@pytest.fixture
def chooser(monkeypatch) -> FileChooser:
    return FileChooser(monkeypatch)
