"""Importing files as sources, off the UI thread, with progress and cancel.

The work itself belongs to ``briefing.ingest``; this module only finds its
entry point, runs it in a worker thread and hands the results back to the UI
thread, which adds them to the Document in one undoable step.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from briefing.core.errors import BriefingError
from briefing.core.model import Source

Imported = list[tuple[Source, bytes | None]]
NewId = Callable[[], str]
KeyTaken = Callable[[str], bool]
Progress = Callable[[int, int], bool]
Importer = Callable[[Path, NewId, KeyTaken, Progress], Imported]
"""(path, new_id, key_taken, progress) → [(source, original bytes)]; raises BriefingError."""


def find_importer() -> Importer | None:
    """An adapter over ``briefing.ingest.import_file``; None when ingest is missing.

    Ingest (python-docx, pypdf …) is imported on the first import, not at start-up.
    """
    if importlib.util.find_spec("briefing.ingest") is None:
        return None

    def run(path: Path, new_id: NewId, key_taken: KeyTaken, progress: Progress) -> Imported:
        from briefing.ingest import import_file

        results = import_file(path, new_id=new_id, key_taken=key_taken, progress=progress)
        return [(r.source, r.original) for r in results]

    return run


class ImportWorker(QObject):
    """Imports files one by one; each file whole or not at all."""

    progress = Signal(int, int, str)
    """(files done, files total, current file name)."""
    imported = Signal(list)
    """[(source, original)] of the files that imported."""
    failed = Signal(list)
    """["file: reason"] of the files that did not."""
    finished = Signal()

    def __init__(self, importer: Importer, paths: list[Path], new_id: NewId,
                 keys: set[str]) -> None:
        super().__init__()
        self._importer = importer
        self._paths = paths
        self._new_id = new_id
        self._keys = set(keys)
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def run(self) -> None:
        done: Imported = []
        problems: list[str] = []
        for n, path in enumerate(self._paths):
            if self._cancelled:
                break
            self.progress.emit(n, len(self._paths), path.name)
            try:
                found = self._importer(path, self._new_id, self._keys.__contains__,
                                       lambda _d, _t: not self._cancelled)
                self._keys.update(source.key for source, _ in found if source.key)
                done += found
            except BriefingError as error:
                if not self._cancelled:
                    problems.append(str(error))
            except Exception as error:  # noqa: BLE001 — a bad file must not kill the editor
                problems.append(f"{path}: {error}")
        self.progress.emit(len(self._paths), len(self._paths), "")
        if not self._cancelled:
            self.imported.emit(done)
        if problems:
            self.failed.emit(problems)
        self.finished.emit()


def start_import(importer: Importer, paths: list[Path], new_id: NewId, keys: set[str],
                 parent: QObject) -> tuple[QThread, ImportWorker]:
    """An ImportWorker moved to a new thread; connect its signals, then start the thread."""
    thread = QThread(parent)
    worker = ImportWorker(importer, paths, new_id, keys)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    thread.finished.connect(worker.deleteLater)
    thread.finished.connect(thread.deleteLater)
    return thread, worker
