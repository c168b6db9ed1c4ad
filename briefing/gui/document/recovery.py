"""Crash recovery marks: which document was open, and whether it was closed cleanly.

When a window opens a ``.briefing`` for editing, its path is remembered and
marked "not closed cleanly" (in QSettings, written to disk at once); closing
the window marks it clean.  If the process dies (a crash, a kill, a power
cut), the mark stays, and the next start reopens that document.  The file
holds everything flushed before the crash — edits are flushed about a second
after they are made — so the reopened document is its last committed state.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

LAST_KEY = "recovery/last"
CLEAN_KEY = "recovery/clean"


def recovered_message(path: Path) -> str:
    return (f"Recovered “{path.name}” after an unexpected exit; edits older than about "
            "a second are kept.")


def mark_open(path: Path) -> None:
    settings = QSettings()
    settings.setValue(LAST_KEY, str(path))
    settings.setValue(CLEAN_KEY, False)
    settings.sync()


def mark_closed(path: Path) -> None:
    settings = QSettings()
    if settings.value(LAST_KEY) == str(path):
        settings.setValue(CLEAN_KEY, True)
        settings.sync()


def _is_true(value: object) -> bool:
    return value is True or str(value).lower() == "true"


def pending() -> Path | None:
    """The document left open by a process that did not close it cleanly, if any."""
    settings = QSettings()
    settings.sync()  # another process may have written the marks
    last = settings.value(LAST_KEY)
    if not last or _is_true(settings.value(CLEAN_KEY, True)):
        return None
    path = Path(str(last))
    return path if path.is_file() else None


def forget() -> None:
    """Recovery was handled (or is impossible): do not offer it again."""
    settings = QSettings()
    settings.setValue(CLEAN_KEY, True)
    settings.sync()
