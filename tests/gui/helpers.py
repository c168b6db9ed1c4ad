"""Shared helpers for GUI tests: open a window, select text, record dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from briefing.core.document import Document
from briefing.core.model import Source
from briefing.gui import dialogs
from briefing.gui.document.session import Session
from briefing.gui.window.main_window import MainWindow


def open_window(qtbot, doc: Document | Session, **kwargs) -> MainWindow:
    """A shown main window on *doc*; kept alive after close so tests can inspect it."""
    session = doc if isinstance(doc, Session) else Session(doc)
    window = MainWindow(session, **kwargs)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    window.show()
    return window


def select_passage(window: MainWindow, source_id: str, passage: str) -> tuple[int, int]:
    """Open the source in the reader and select *passage* like a user would."""
    window.open_source(source_id)
    text = window.session.doc.source(source_id).text
    start = text.index(passage)
    window.reader.select_range(start, start + len(passage))
    return start, start + len(passage)


class DialogLog:
    """Replaces the modal dialogs; records what the user would have been shown."""

    def __init__(self, monkeypatch, save_path: Path | None = None, answer: str = "discard"):
        self.errors: list[tuple[str, str]] = []
        self.save_path = save_path
        self.export_path: Path | None = None
        self.exported: list[str] = []
        self.template: str | None = "assessment"
        monkeypatch.setattr(dialogs, "show_error", self._error)
        monkeypatch.setattr(dialogs, "show_info", lambda *a: None)
        monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: answer)
        monkeypatch.setattr(dialogs, "ask_save_path",
                            lambda *a: str(self.save_path) if self.save_path else None)
        monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
        monkeypatch.setattr(dialogs, "ask_template", lambda *a: self.template)
        monkeypatch.setattr(dialogs, "ask_export_path",
                            lambda *a: str(self.export_path) if self.export_path else None)
        monkeypatch.setattr(dialogs, "ask_reference_doc", lambda *a: None)
        monkeypatch.setattr(dialogs, "export_done", self._exported)
        self.read_only_answer = False
        self.locked_asked: list[str] = []
        self.locked_kinds: list[str] = []
        monkeypatch.setattr(dialogs, "ask_open_locked", self._locked)

    def _locked(self, _parent, path: str, problem: str, kind: str = "elsewhere") -> bool:
        self.locked_asked.append(problem)
        self.locked_kinds.append(kind)
        return self.read_only_answer

    def _exported(self, _parent, path: str) -> str:
        self.exported.append(path)
        return "close"

    def _error(self, _parent, title: str, message: str) -> None:
        self.errors.append((title, message))


def plain_importer(path: Path, new_id, key_taken, progress) -> list[tuple[Source, bytes]]:
    """A tiny stand-in importer for drop tests when briefing.ingest is absent."""
    data = path.read_bytes()
    progress(len(data), len(data))
    return [(Source(id=new_id(), title=path.stem, text=data.decode("utf-8"),
                    file_name=path.name), data)]
