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
    """Another Briefing process has the file open for writing."""


class InvalidJson(FileProblem):
    """A JSON interchange file is malformed or breaks the briefing/v1 contract."""


class UnsafeDocument(CorruptFile):
    """The file carries SQL or structure Briefing never makes (a trigger, a view, a changed
    table): it is not opened as it is; a clean copy of its rows can be made."""
