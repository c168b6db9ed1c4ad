"""Application start: QApplication, windows, recent files, and the event loop.

``briefing [FILE]`` (the CLI) calls :func:`run`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QApplication

from briefing.core.document import Document
from briefing.core.errors import BriefingError
from briefing.gui import dialogs
from briefing.gui.main_window import MainWindow
from briefing.gui.session import Session, open_session

MAX_RECENT = 10


class Editor(QObject):
    """Owns the open windows: opening, new documents, recent files, quitting."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.windows: list[MainWindow] = []

    def new_window(self, session: Session | None = None) -> MainWindow:
        window = MainWindow(session or Session(Document()))
        window.open_requested.connect(self.open)
        window.new_requested.connect(lambda name: self.new_from_template(name).show())
        window.quit_requested.connect(self.quit)
        window.session_replaced.connect(lambda s, w=window: self._replace(w, s))
        window.destroyed.connect(lambda _o=None, w=window: self._forget(w))
        self.windows.append(window)
        self._fill_recent(window)
        return window

    def new_from_template(self, name: str) -> MainWindow:
        """A window on a new untitled briefing from a template (or the bundled sample)."""
        if name == "sample":
            from briefing.resources import sample_document

            return self.new_window(Session(sample_document()))
        from briefing.core.templates import new_document

        return self.new_window(Session(new_document(name, title="")))

    def open(self, path: str, parent: MainWindow | None = None) -> MainWindow | None:
        """Open *path* in a window (reusing an empty untitled one); None after an error."""
        resolved = Path(path).resolve()
        for window in self.windows:
            if window.session.path is not None and window.session.path.resolve() == resolved:
                window.raise_()
                window.activateWindow()
                return window
        try:
            session = open_session(path)
        except BriefingError as error:
            dialogs.show_error(parent or self._active(), "Cannot Open Briefing", str(error))
            return None
        blank = self._blank_window()
        window = self.new_window(session)
        if blank is not None:
            window.setGeometry(blank.geometry())
            blank.close()
        window.show()
        if session.path is not None:
            self.add_recent(str(session.path))
        return window

    def quit(self) -> None:
        for window in list(self.windows):
            if not window.close():
                return
        QApplication.quit()

    # ------------------------------------------------------------- recent
    def add_recent(self, path: str) -> None:
        settings = QSettings()
        recent = [p for p in _recent(settings) if p != path]
        settings.setValue("recent", [path, *recent][:MAX_RECENT])
        for window in self.windows:
            self._fill_recent(window)

    def _fill_recent(self, window: MainWindow) -> None:
        menu = window.recent_menu
        menu.clear()
        for path in _recent(QSettings()):
            action = menu.addAction(Path(path).name)
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path, w=window: self.open(p, w))
        menu.setEnabled(bool(menu.actions()))

    # ------------------------------------------------------------- helpers
    def _replace(self, old: MainWindow, session: Session) -> None:
        window = self.new_window(session)
        window.setGeometry(old.geometry())
        window.show()
        if session.path is not None:
            self.add_recent(str(session.path))

    def _forget(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def _blank_window(self) -> MainWindow | None:
        for window in self.windows:
            session = window.session
            if session.untitled and session.origin is None and not session.doc_has_content():
                return window
        return None

    def _active(self) -> MainWindow | None:
        active = QApplication.activeWindow()
        return active if isinstance(active, MainWindow) else (
            self.windows[-1] if self.windows else None)


def _recent(settings: QSettings) -> list[str]:
    value = settings.value("recent") or []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("Briefing")
    app.setApplicationName("Briefing")
    app.setApplicationDisplayName("Briefing")
    app.setDesktopFileName("briefing")
    return app


def run(path: str | None = None, argv: list[str] | None = None) -> int:
    """Open the editor on *path* (.briefing or .json), run the event loop, return its code."""
    app = make_application(argv)
    editor = Editor(app)
    window = editor.new_window()
    window.show()
    if path:
        editor.open(path, window)
    return app.exec()
