"""Application start: QApplication, windows, recent files, and the event loop.

``briefing [FILE]`` (the CLI) calls :func:`run`.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication

from briefing.core.document import Document
from briefing.core.errors import BriefingError, FileLocked, UnsafeDocument
from briefing.gui import dialogs, shutdown
from briefing.gui.document import received, recovery
from briefing.gui.document.session import Session, open_session
from briefing.gui.window.main_window import MainWindow

MAX_RECENT = 10


class BriefingApplication(QApplication):
    """The application; turns the system's "open this file" (macOS) into a signal.

    Overriding ``event`` sees only the application's own events, unlike an
    application-wide event filter, which every event of every widget would pass
    through.
    """

    file_open_requested = Signal(str)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            path = cast(QFileOpenEvent, event).file()
            if path:
                self.file_open_requested.emit(path)
                return True
        return super().event(event)


class Editor(QObject):
    """Owns the open windows: opening, new documents, recent files, quitting.

    It also opens the files the system asks it to (macOS sends a
    ``QFileOpenEvent`` when a .briefing is double-clicked or dropped on the Dock).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.windows: list[MainWindow] = []
        self.open_cancelled = False
        """The last open was cancelled by the user (not refused by an error)."""
        app = QApplication.instance()
        if isinstance(app, BriefingApplication):
            app.file_open_requested.connect(self.open)
        elif app is not None:  # an application made elsewhere (tests): watch all its events
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and watched is QApplication.instance():
            path = cast(QFileOpenEvent, event).file()
            if path:
                self.open(path)
                return True
        return super().eventFilter(watched, event)

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
        session = self._open_session(path, parent)
        if session is None:
            return None
        blank = self._blank_window()
        window = self.new_window(session)
        if blank is not None:
            window.setGeometry(blank.geometry())
            blank.close()
        window.show()
        if session.path is not None:
            self.add_recent(str(session.path))
        settle_heap()
        return window

    def _open_session(self, path: str, parent: MainWindow | None) -> Session | None:
        """The session on *path*; offers read-only when it is being edited elsewhere."""
        parent = parent or self._active()
        self.open_cancelled = False
        try:
            return open_session(path)
        except FileLocked as error:
            if not dialogs.ask_open_locked(parent, path, str(error), kind=error.kind):
                self.open_cancelled = True
                return None
            try:
                return open_session(path, read_only=True, why=error.kind)
            except BriefingError as again:  # (``error`` is unbound after its handler)
                problem_text = str(again)
        except UnsafeDocument as problem:
            if not received.ask_clean_copy(parent, str(problem)):
                return None
            try:
                return received.clean_copy_session(path)
            except BriefingError as again:
                problem_text = str(again)
        except BriefingError as problem:
            problem_text = str(problem)
        dialogs.show_error(parent, "Cannot Open Briefing", problem_text)
        return None

    def start(self, path: str | None = None) -> list[MainWindow]:
        """What ``briefing [FILE]`` shows: *path* (or a new window), plus the document a
        crashed run left open, reopened at its last committed state."""
        shown: list[MainWindow] = []
        crashed = recovery.pending()
        if crashed is not None:
            recovery.forget()
            if path is None or Path(path).resolve() != crashed.resolve():
                window = self._recover(crashed)
                shown += [window] if window is not None else []
        if path:
            window = self.open(path)
            if window is not None:
                shown.append(window)
                if crashed is not None and Path(path).resolve() == crashed.resolve():
                    window.show_recovered(recovery.recovered_message(crashed))
        if not shown and not (path and self.open_cancelled):
            window = self.new_window()
            window.show()
            shown.append(window)
        settle_heap()
        return shown

    def _recover(self, path: Path) -> MainWindow | None:
        try:
            session = open_session(path)
        except BriefingError:
            return None  # e.g. still open in a running instance: nothing to recover here
        window = self.new_window(session)
        window.show()
        window.show_recovered(recovery.recovered_message(path))
        self.add_recent(str(path))
        return window

    def quit(self) -> None:
        for window in list(self.windows):
            if not window.close():
                return
        QApplication.quit()

    def end_unattended(self, _signum: int = 0) -> None:
        """Quit with nobody to ask (SIGTERM, SIGINT, the desktop session ending):
        write every window's edits and close it cleanly; edits that cannot be written
        are kept for the next start (:mod:`briefing.gui.shutdown`)."""
        self._ended = True
        for window in list(self.windows):
            shutdown.end_window(window)
        # exit, not quit: quit would send the windows left open (their edits rescued)
        # close events, and a close asks the user, who is not there
        QApplication.exit(0)

    def watch_session_end(self, app: QApplication) -> shutdown.SignalBridge:
        """Treat SIGTERM/SIGINT/SIGHUP and the end of the desktop session as a quit."""
        app.commitDataRequest.connect(lambda _manager: self._write_all())
        app.aboutToQuit.connect(self._end_remaining)
        return shutdown.SignalBridge(self.end_unattended, self)

    def _write_all(self) -> None:
        for window in self.windows:
            session = window.session
            if not session.untitled and not session.read_only:
                session.flush(report=False)

    def _end_remaining(self) -> None:
        if getattr(self, "_ended", False):
            return  # ended already (a signal): what could not be written is rescued
        self._ended = True
        for window in list(self.windows):
            if window.isVisible():
                shutdown.end_window(window)

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
            QTimer.singleShot(0, collect_heap)

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


def settle_heap() -> None:
    """Move every object alive now (modules, widgets, the open documents) out of the
    garbage collector's reach, once the event loop is idle.

    A full collection walks every tracked object while holding the GIL; on a large
    briefing one that happened to start during the checks after an edit froze the UI
    for ~60 ms.  Frozen objects are still freed by reference counting.  Freezing is
    cheap (no collection runs, so the first paint is not delayed).
    """
    QTimer.singleShot(0, gc.freeze)


def collect_heap() -> None:
    """After a window closed: collect what it held in reference cycles, then freeze again."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


UI_SWITCH_INTERVAL_S = 0.001
"""How long a worker thread running Python may keep the GIL while the UI thread waits
for it (Python's default is 5 ms; every Qt callback into Python would pay that)."""


def make_application(argv: list[str] | None = None) -> QApplication:
    sys.setswitchinterval(UI_SWITCH_INTERVAL_S)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else BriefingApplication(
        argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("Briefing")
    app.setApplicationName("Briefing")
    app.setApplicationDisplayName("Briefing")
    app.setDesktopFileName("briefing")
    app.setWindowIcon(app_icon())
    return app


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """The window icon from the bundled PNGs (QtSvg is not bundled, so not the SVG)."""
    from briefing.resources import resource_path

    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_path("icons", f"briefing-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon


def run(path: str | None = None, argv: list[str] | None = None) -> int:
    """Open the editor on *path* (.briefing or .json), run the event loop, return its code."""
    app = make_application(argv)
    editor = Editor(app)
    # no blank window first: one window to build before the first paint; nothing shown
    # (the user cancelled opening a file that is open elsewhere) means quit
    bridge = editor.watch_session_end(app)
    try:
        if not editor.start(path):
            return 0
        return app.exec()
    finally:
        bridge.uninstall()
