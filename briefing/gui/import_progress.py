"""Runs an import with a progress dialog and cancel; the result is one undo step."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Slot
from PySide6.QtWidgets import QProgressDialog

from briefing.core.errors import BriefingError
from briefing.gui import dialogs, editing
from briefing.gui.importing import Importer, ImportWorker, start_import

if TYPE_CHECKING:
    from briefing.gui.window_parts import WindowParts


def id_generator(taken: set[str], prefix: str = "s"):  # noqa: ANN201
    """Thread-safe-enough ids: decided from a snapshot of the ids in use."""
    counter = [len(taken)]

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

    def __init__(self, window: WindowParts, count: int) -> None:
        super().__init__(window)
        self._window = window
        self.dialog = QProgressDialog("Importing…", "Cancel", 0, count, window)
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
        window = self._window
        try:
            ids = editing.add_sources(window.session, results)
        except BriefingError as error:
            dialogs.show_error(window, "Cannot Import", str(error))
            return
        if ids:
            window.sources.select_source(ids[-1])
            window.open_source(ids[-1])
            window.statusBar().showMessage(f"Imported {len(ids)} source(s)", 5000)

    @Slot(list)
    def failed(self, problems: list) -> None:
        dialogs.show_error(self._window, "Some Files Were Not Imported", "\n".join(problems))

    @Slot()
    def finished(self) -> None:
        self.dialog.reset()
        self.dialog.deleteLater()
        self.deleteLater()


def run_import(window: WindowParts, importer: Importer,
               paths: list[Path]) -> tuple[QThread, ImportWorker]:
    """Start importing *paths*; sources are added when the worker finishes."""
    doc = window.session.doc
    taken = {s.id for s in doc.sources} | {c.id for c in doc.claims}
    taken |= {s.id for s in doc.all_sections()}
    keys = {s.key for s in doc.sources if s.key}
    thread, worker = start_import(importer, paths, id_generator(taken), keys, window)
    run = _ImportRun(window, len(paths))
    run.dialog.canceled.connect(worker.cancel, Qt.ConnectionType.DirectConnection)
    worker.progress.connect(run.progress)
    worker.imported.connect(run.imported)
    worker.failed.connect(run.failed)
    worker.finished.connect(run.finished)
    thread.start()
    return thread, worker
