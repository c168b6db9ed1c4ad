"""Ending without a person to ask: SIGTERM, SIGINT, and the end of the desktop session.

A terminal's Ctrl+C, ``kill``, a service manager or a logout ends the editor
without anyone at the screen.  That is a quit, not a crash: every window's
pending edits are written (waiting for the background saver), the edit lock is
released and the crash mark removed, and the process exits with 0.

Edits that cannot be written (the disk is full, the file was deleted) are never
dropped: they are written to a copy in the application's data folder, and the
crash mark is pointed at that copy, so the next start reopens it and says so.

Python runs its signal handlers only between bytecodes, and Qt's event loop runs
in C++; :class:`SignalBridge` wakes the loop with ``signal.set_wakeup_fd`` and a
``QSocketNotifier`` so a signal is handled at once, inside the event loop.
"""

from __future__ import annotations

import re
import signal
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QStandardPaths, QTimer

from briefing.core.errors import BriefingError
from briefing.gui.document import recovery

if TYPE_CHECKING:
    from briefing.gui.window.main_window import MainWindow

QUIT_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP")
                     if hasattr(signal, name))


class SignalBridge(QObject):
    """Calls *on_signal* (in the event loop) when SIGTERM, SIGINT or SIGHUP arrives."""

    def __init__(self, on_signal: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_signal = on_signal
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {signum: signal.signal(signum, self._noted) for signum in QUIT_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        self._received: list[int] = []

    def _noted(self, signum: int, _frame: object) -> None:
        # Python runs this between bytecodes of the main thread: only note the signal;
        # the work is done by the event loop
        self._received.append(signum)
        QTimer.singleShot(0, self, self._deliver)

    def _woken(self) -> None:
        try:
            while self._reader.recv(64):
                pass  # the bytes only wake the loop; Python has run the handler by now
        except (BlockingIOError, InterruptedError):
            pass

    def _deliver(self) -> None:
        received, self._received = self._received, []
        for signum in received:
            self._on_signal(signum)

    def uninstall(self) -> None:
        """Give the signals (and the wake-up fd) back to whatever had them before."""
        self._notifier.setEnabled(False)
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()


def rescue_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "Unsaved edits"


def end_window(window: MainWindow) -> bool:
    """Close *window* without asking anyone; True when it closed with nothing lost.

    Edits that cannot be written to the window's file go to a rescue copy the next
    start reopens; the window is then left open (its file released) for the caller
    to quit past."""
    session = window.session
    pending = not session.read_only and (
        session.is_modified() if session.untitled else not session.flush(report=False))
    if session.untitled and not session.doc_has_content():
        pending = False
    if not pending:
        return window.close()
    rescued = _rescue(window)
    if rescued is not None:
        recovery.mark_open(rescued)  # the next start reopens the copy, and says so
    if not session.untitled:
        session.discard()  # the lock goes; the crash mark stays
    return False


def _rescue(window: MainWindow) -> Path | None:
    """A copy of *window*'s document with every edit, in the rescue folder; None when
    even that cannot be written (the crash mark then keeps the file's last saved state)."""
    folder = rescue_folder()
    stamp = time.strftime("%Y-%m-%d %H%M%S")
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", window.session.display_name)[:80]
    dest = folder / f"{name} ({stamp}).briefing"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        window.session.save_copy(dest)
    except (BriefingError, OSError):
        return None
    return dest
