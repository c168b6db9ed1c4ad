"""Errors a user can be shown: one clear line, naming the file and the problem."""

from __future__ import annotations

from pathlib import Path


class BriefingError(Exception):
    """Base class for every error Briefing reports to a user instead of a traceback."""


class DomainError(BriefingError):
    """An edit or a loaded document would break an invariant of the model."""


class FileProblem(BriefingError):
    """A file could not be read or written; the message names the file."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class NotABriefing(FileProblem):
    """The file is not a Briefing document (wrong format, foreign database)."""


class CorruptFile(FileProblem):
    """The file is a Briefing document but is damaged or truncated."""


class NewerVersion(FileProblem):
    """The file was written by a newer version of Briefing."""


class FileLocked(FileProblem):
    """The file cannot be opened for editing; :attr:`kind` says why (one of the
    ``LOCK_*`` names): another Briefing has it open, or its edit lock cannot be used."""

    def __init__(self, path: str | Path, problem: str, kind: str = "") -> None:
        super().__init__(path, problem)
        self.kind = kind or LOCK_ELSEWHERE


LOCK_ELSEWHERE = "elsewhere"
"""Another Briefing window or process is editing it."""
LOCK_BUSY = "busy"
"""Another program is writing the database right now (or the lock changed hands)."""
LOCK_UNTRUSTED = "untrusted"
"""The lock file is a symbolic link, a hard link or not a file: not made by Briefing."""
LOCK_OTHER_USER = "other-user"
"""The lock file belongs to another user (who may be editing the document)."""
LOCK_READ_ONLY_FOLDER = "read-only-folder"
"""The folder cannot be written, so no lock (and no edit) can be made there."""
LOCK_UNUSABLE = "unusable"
"""The lock file cannot be read, opened or written (a disk or permission error)."""


class InvalidJson(FileProblem):
    """A JSON interchange file is malformed or breaks the briefing/v1 contract."""


class UnsafeDocument(CorruptFile):
    """The file carries SQL or structure Briefing never makes (a trigger, a view, a changed
    table): it is not opened as it is; a clean copy of its rows can be made."""
