"""Autosave without waiting for the disk: one background write at a time.

The session takes what is pending from the store on the UI thread (cheap: the
rows are serialised from the document as it is) and hands it to this saver,
whose worker thread commits it; committing waits for ``fsync``, which on a slow
or network disk takes hundreds of milliseconds the user should not feel.  When
the write ends, :attr:`BackgroundSaver.finished` brings the job back to the UI
thread (with its error, if any, so the session can give the changes back).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from briefing.core.errors import BriefingError, FileProblem


def as_save_error(path: Any, error: BaseException) -> BriefingError | OSError:
    """*error* as the one-line problem the user is told about (naming the file): a write
    that failed for a reason other than the disk's is reported all the same, never taken
    for a success."""
    if isinstance(error, BriefingError | OSError):
        return error
    return FileProblem(path, f"could not be saved ({type(error).__name__}: {error}); "
                             "your changes are kept and will be saved again")


class _Signals(QObject):
    done = Signal(object)


class SaveJob(QRunnable):
    """Writes one store's taken changes; remembers the undo index they came from."""

    def __init__(self, store: Any, pending: Any, index: int) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the saver keeps it until the session has seen it
        self.store, self.pending, self.index = store, pending, index
        self.error: BaseException | None = None
        self.signals = _Signals()

    def run(self) -> None:
        try:
            self.store.write_pending(self.pending)
        except Exception as error:  # noqa: BLE001 - any failure: the changes stay pending
            self.error = as_save_error(getattr(self.store, "path", "?"), error)
        finally:
            self.signals.done.emit(self)


class BackgroundSaver(QObject):
    """Runs :class:`SaveJob` s one after another on a thread of its own."""

    finished = Signal(object)
    """The job that ended (emitted on the UI thread, once per job)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._job: SaveJob | None = None

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self, store: Any, pending: Any, index: int) -> None:
        job = SaveJob(store, pending, index)
        job.signals.done.connect(self._done)
        self._job = job
        self._pool.start(job)

    def wait(self) -> SaveJob | None:
        """Block until the write in progress (if any) ended; return it.  Its
        :attr:`finished` is then not emitted: the caller deals with the job."""
        self._pool.waitForDone()
        job, self._job = self._job, None
        return job

    def _done(self, job: SaveJob) -> None:
        if job is self._job:
            self._job = None
            self.finished.emit(job)
