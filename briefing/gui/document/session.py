"""One open briefing: its Document, its file (store), its undo stack and autosave.

Panels receive the session and push edits through :meth:`Session.push`; they
never reach into each other.  A session backed by a ``.briefing`` store is
flushed about a second after the last edit (DESIGN §3), by a background saver
so the UI never waits for the disk (:mod:`briefing.gui.document.saving`); an untitled
session (a new document, or one opened from JSON) lives in memory until the
user chooses where to save it.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from briefing.core import errors, ops
from briefing.core.document import Document
from briefing.core.errors import BriefingError, FileProblem
from briefing.gui.document.commands import OpCommand
from briefing.gui.document.saving import BackgroundSaver, SaveJob, as_save_error

AUTOSAVE_DELAY_MS = 1000
READ_ONLY_REFUSAL = "This briefing is open read-only ({why}); save a copy to make changes."
READ_ONLY_WHY = {
    errors.LOCK_ELSEWHERE: "it is being edited elsewhere",
    errors.LOCK_BUSY: "another program was writing it",
    errors.LOCK_UNTRUSTED: "its edit lock file was not made by Briefing",
    errors.LOCK_OTHER_USER: "another user holds its edit lock",
    errors.LOCK_READ_ONLY_FOLDER: "its folder is read-only",
    errors.LOCK_UNUSABLE: "its edit lock cannot be used",
    "received": "it came from elsewhere (Protected mode)",
}
"""Why a session is read-only, by the reason it could not be opened for editing."""


class Session(QObject):
    """A document being edited, with undo and autosave."""

    save_state_changed = Signal(str)
    """A short status text: "Saved", "Saving…", "Not saved", or an autosave error."""
    edit_refused = Signal(str)
    """An edit the Document refused, with its one-line reason."""
    autosave_failed = Signal(str)
    path_changed = Signal()

    def __init__(
        self,
        doc: Document,
        store: Any = None,
        path: str | Path | None = None,
        origin: str | Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.store = store
        self.path = Path(path) if path else None
        self.origin = Path(origin) if origin else None
        self.undo_stack = QUndoStack(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self._autosave)
        self._saver = BackgroundSaver(self)
        self._saver.finished.connect(self._saved)
        self.undo_stack.indexChanged.connect(self._edited)
        self._last_state = ""
        self.save_error: str | None = None
        """The problem of the last failed write, naming the file (None once a write
        succeeds)."""
        self._save_problem = ""
        self.read_only_kind = errors.LOCK_ELSEWHERE
        """Why it was opened read-only (a ``FileLocked.kind``, or "received")."""
        if store is not None and not self.read_only and getattr(store, "has_pending", False):
            self._timer.start()  # changes made while opening (a new document id) are saved too

    # ------------------------------------------------------------------ state
    @property
    def read_only_reason(self) -> str:
        """Why edits are refused, as a clause ("its folder is read-only")."""
        return READ_ONLY_WHY.get(self.read_only_kind, READ_ONLY_WHY[errors.LOCK_UNUSABLE])

    @property
    def untitled(self) -> bool:
        return self.store is None

    @property
    def read_only(self) -> bool:
        """Opened read-only (the file is open for editing elsewhere): edits are refused
        and nothing is ever written."""
        return bool(getattr(self.store, "readonly", False))

    @property
    def display_name(self) -> str:
        if self.doc.info.title.strip():
            return self.doc.info.title.strip()
        if self.path is not None:
            return self.path.stem
        if self.origin is not None:
            return self.origin.stem
        return "Untitled"

    def save_state(self) -> str:
        if self.read_only:
            return "Read-only"
        if self.store is None:
            return "Not saved" if not self.undo_stack.isClean() or self.origin else "New"
        if self.save_error is not None:
            return f"Not saved — {self._save_problem}"
        if (self.undo_stack.isClean() and not self._saver.busy
                and not getattr(self.store, "has_pending", False)):
            return "Saved"
        return "Saving…"

    def is_modified(self) -> bool:
        if self.read_only:
            return False
        if self.store is None:
            return not self.undo_stack.isClean() or self.origin is not None
        return not self.undo_stack.isClean()

    # ---------------------------------------------------------------- editing
    def push(
        self, op: ops.Op, text: str | None = None, merge_key: Hashable | None = None
    ) -> bool:
        """Apply *op* as an undoable command; False (and edit_refused) when refused."""
        if self.read_only:
            self.edit_refused.emit(READ_ONLY_REFUSAL.format(why=self.read_only_reason))
            return False
        try:
            inverse = self.doc.apply(op)  # first: a refused op never reaches the stack
        except BriefingError as error:
            self.edit_refused.emit(str(error))
            return False
        except Exception as error:  # noqa: BLE001 - a bug: refused and said, not half-done
            self.edit_refused.emit(f"{text or op.label} could not be done: {error}")
            return False
        self.undo_stack.push(OpCommand(self.doc, op, text, merge_key, inverse))
        return True

    def _edited(self, _index: int = 0) -> None:
        if self.store is not None and not self.read_only:
            self._timer.start()
        self._report()

    def _report(self) -> None:
        state = self.save_state()
        if state != self._last_state:
            self._last_state = state
            self.save_state_changed.emit(state)

    # ----------------------------------------------------------------- saving
    def flush(self, report: bool = True) -> bool:
        """Write pending edits to the store now; True when the file is up to date.

        A failure keeps the edits pending and is shown as "Not saved"; *report* False
        leaves telling the user to the caller (closing asks what to do instead)."""
        self._timer.stop()
        if self.store is None or self.read_only:
            return False
        job = self._saver.wait()  # a background write still going: let it end first
        if job is not None and not self._saved(job, report):
            return False
        try:
            self.store.flush()
        except Exception as error:  # noqa: BLE001 - any failure: the edits stay pending
            self._failed(as_save_error(self.store.path, error), report)
            return False
        self._succeeded()
        self.undo_stack.setClean()
        self._report()
        return True

    def _autosave(self) -> None:
        """About a second after the last edit: hand what is pending to the background
        saver, so the UI never waits for the disk."""
        if self.store is None or self.read_only:
            return
        if self._saver.busy:
            self._timer.start()  # again once the write in progress has ended
            return
        try:
            pending = self.store.take_pending()
        except Exception as error:  # noqa: BLE001 - nothing was taken: all still pending
            self._failed(as_save_error(self.store.path, error))
            return
        if pending is None:
            self.undo_stack.setClean()
        else:
            self._saver.start(self.store, pending, self.undo_stack.index())
        self._report()

    def _saved(self, job: SaveJob, report: bool = True) -> bool:
        """A background write ended: the file is up to date unless there were edits since
        (the next autosave writes those); a failed write gives its changes back."""
        if job.error is not None:
            if self.store is job.store:
                self.store.restore_pending(job.pending)
            self._failed(job.error, report)
            return False
        if self.store is job.store:
            self._succeeded()
        if (self.store is job.store and self.undo_stack.index() == job.index
                and not self.store.has_pending):
            self.undo_stack.setClean()
        self._report()
        return True

    def _failed(self, error: BaseException, report: bool = True) -> None:
        """Show "Not saved" with the problem; tell the user once per problem (not again at
        each autosave that meets the same full disk), until a write succeeds."""
        message = str(error)
        repeated = message == self.save_error
        self.save_error = message
        # the status bar is short: the problem without the path (the window names the file)
        self._save_problem = getattr(error, "problem", None) or message
        self._report()
        if report and not repeated:
            self.autosave_failed.emit(message)

    def _succeeded(self) -> None:
        if self.save_error is not None:
            self.save_error = None
            self._report()

    def doc_has_content(self) -> bool:
        doc = self.doc
        return bool(doc.sources or doc.claims or doc.sections or doc.info.title)

    def save_as(self, path: str | Path) -> Session | None:
        """Give an untitled session a file, then autosave there.

        Returns None when this session now lives in the file, or a new session
        on the file when the store loaded its own copy of the document (this
        session is then spent: its window should hand over to the new one).
        """
        from briefing.store.database import Store

        store = Store.create(str(path), self.doc)
        if store.document is not self.doc:
            return Session(store.document, store=store, path=path)
        self.store = store
        self.path = Path(path)
        self.origin = None
        self.undo_stack.setClean()
        self.path_changed.emit()
        self._report()
        return None

    def save_copy(self, dest: str | Path) -> None:
        """Write a copy elsewhere (the session keeps its own file)."""
        if self.store is not None:
            self.flush(report=False)  # a copy holds the pending edits even if this fails
            self.store.save_copy(str(dest))
            return
        from briefing.store.database import write_briefing

        if Path(dest).exists():
            raise FileProblem(dest, "already exists; choose another name")
        write_briefing(self.doc, dest)  # originals included (a JSON clone would drop them)

    def close(self) -> None:
        """Flush and release the file.  Raises (a BriefingError naming the file) when the
        edits cannot be written: the file then stays open and the edits pending, so the
        caller can retry, save elsewhere (:meth:`save_copy`) or :meth:`discard` them."""
        if self.store is not None and not self.read_only and not self.flush(report=False):
            raise FileProblem(self.store.path, self.save_error or "could not be saved")
        self._timer.stop()
        self._saver.wait()
        if self.store is not None:
            try:
                self.store.close()
            finally:
                self.store = None

    def discard(self) -> None:
        """Release the file without writing the pending edits (the user chose so)."""
        self._timer.stop()
        job = self._saver.wait()
        if job is not None and job.error is None and self.store is job.store:
            self._saved(job, report=False)
        if self.store is not None:
            self.store.discard()
            self.store = None


def open_session(path: str | Path, read_only: bool = False,
                 why: str = errors.LOCK_ELSEWHERE) -> Session:
    """Open a ``.briefing`` file (or a briefing/v1 ``.json`` as an untitled document).

    *read_only* opens a .briefing without taking the edit lock (while another
    process edits it; *why* is the ``FileLocked.kind`` that refused editing).
    Raises :class:`FileProblem` (or a subclass, such as
    :class:`~briefing.core.errors.FileLocked`) with a one-line message.
    """
    path = Path(path)
    if path.suffix.lower() == ".json":
        from briefing.store import jsonio

        return Session(jsonio.load_json(path), origin=path)
    if not path.exists():
        raise FileProblem(path, "no such file")
    from briefing.store.database import Store

    store = Store.open(str(path), readonly=read_only, protect=True)
    if not store.origin.own and not read_only:  # Protected (briefing.gui.document.received)
        why = "received"
    if not store.readonly:
        from briefing.core.identity import ensure_document_id

        ensure_document_id(store.document)  # saved with the next write; reviews match by it
    session = Session(store.document, store=store, path=path)
    session.read_only_kind = why
    return session
