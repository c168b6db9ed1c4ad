"""Runs an import with a progress dialog and cancel; the result is one undo step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from briefing.core.errors import BriefingError
from briefing.gui import dialogs
from briefing.gui.document import editing
from briefing.gui.document.importing import Importer, ImportWorker, start_import
from briefing.gui.document.session import Session

Added = Callable[[list[str]], None]
"""Told the ids of the sources an import added (to select and show them)."""


def id_generator(taken: set[str], prefix: str = "s", start: int = 0):  # noqa: ANN201
    """Thread-safe-enough ids: decided from a snapshot of the ids in use; numbering goes on
    from *start* (the number of sources already there)."""
    counter = [start]

    def new_id() -> str:
        while True:
            counter[0] += 1
            candidate = f"{prefix}{counter[0]}"
            if candidate not in taken:
                taken.add(candidate)
                return candidate

    return new_id


class _ImportRun(QObject):
    """Lives in the UI thread, so the worker's signals arrive here queued."""

    def __init__(self, parent: QWidget, session: Session, added: Added, count: int) -> None:
        super().__init__(parent)
        self._parent, self._session, self._added = parent, session, added
        self.dialog = QProgressDialog("Importing…", "Cancel", 0, count, parent)
        self.dialog.setWindowTitle("Import Sources")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)

    @Slot(int, int, str)
    def progress(self, done: int, total: int, name: str) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        if name:
            self.dialog.setLabelText(f"Importing {name}…")

    @Slot(list)
    def imported(self, results: list) -> None:
        try:
            ids = editing.add_sources(self._session, results)
        except BriefingError as error:
            dialogs.show_error(self._parent, "Cannot Import", str(error))
            return
        if ids:
            self._added(ids)

    @Slot(list)
    def failed(self, problems: list) -> None:
        dialogs.show_error(self._parent, "Some Files Were Not Imported", "\n".join(problems))

    @Slot()
    def finished(self) -> None:
        self.dialog.reset()
        self.dialog.deleteLater()
        self.deleteLater()


def imported_message(count: int) -> str:
    return f"Imported {count} source{'' if count == 1 else 's'}"


def run_import(parent: QWidget, session: Session, importer: Importer, paths: list[Path],
               added: Added) -> tuple[QThread, ImportWorker]:
    """Start importing *paths*; the sources are added (one undo step) when the worker
    finishes, then *added* is told their ids."""
    doc = session.doc
    taken = {s.id for s in doc.sources} | {c.id for c in doc.claims}
    taken |= {s.id for s in doc.all_sections()}
    keys = {s.key for s in doc.sources if s.key}
    ids = id_generator(taken, start=len(doc.sources))
    thread, worker = start_import(importer, paths, ids, keys, parent)
    run = _ImportRun(parent, session, added, len(paths))
    run.dialog.canceled.connect(worker.cancel, Qt.ConnectionType.DirectConnection)
    worker.progress.connect(run.progress)
    worker.imported.connect(run.imported)
    worker.failed.connect(run.failed)
    worker.finished.connect(run.finished)
    thread.start()
    return thread, worker
