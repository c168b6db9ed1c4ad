"""Shared pieces of the importers: the result type, provenance, keys and limits.

Every importer turns the bytes of one file into one or more
:class:`ImportedSource` records: the :class:`~briefing.core.model.Source`
(text plus whatever metadata the file carries, provenance filled in) and the
bytes that should be kept inside the document so the source can be
re-verified or re-extracted later.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from briefing.core.errors import BriefingError, FileProblem
from briefing.core.model import Source
from briefing.core.reading import open_regular

Progress = Callable[[int, int], "bool | None"]
"""``progress(done, total)`` — return ``False`` to cancel the import."""

READ_CHUNK = 1 << 20
MAX_IMPORT_BYTES = 1 << 30
"""The most bytes read from one imported file."""
MAX_DECOMPRESSED = 256 * 1024 * 1024
"""Upper bound on the bytes a .docx (a zip) may expand to."""


class ImportCancelled(BriefingError):
    """The user cancelled a running import; nothing was added."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        super().__init__(f"{self.path}: import cancelled")


@dataclass(frozen=True, slots=True)
class ImportedSource:
    """One imported source and the bytes to keep with it (``doc.add_source``)."""

    source: Source
    original: bytes


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a source's bytes came from: file name, hash and import time."""

    file_name: str
    sha256: str
    imported: str

    @classmethod
    def of(cls, file_name: str, data: bytes, imported: str | None = None) -> Provenance:
        return cls(file_name, sha256_hex(data), imported or now_iso())


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def now_iso() -> str:
    """The current time as ISO 8601 with offset, to the second (UTC)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def read_file(path: Path, progress: Progress | None = None) -> bytes:
    """All bytes of *path*, read in chunks so *progress* can report and cancel.

    Only a regular file is read (a symlink to ``/dev/zero``, a FIFO or a socket is
    refused without blocking), and never more than MAX_IMPORT_BYTES.
    """
    try:
        with open_regular(path) as handle:
            total = _size(handle)
            if total > MAX_IMPORT_BYTES:
                raise _too_large(path)
            chunks: list[bytes] = []
            done = 0
            while chunk := handle.read(READ_CHUNK):
                chunks.append(chunk)
                done += len(chunk)
                if done > MAX_IMPORT_BYTES:
                    raise _too_large(path)
                if progress is not None and progress(done, max(total, done)) is False:
                    raise ImportCancelled(path)
    except IsADirectoryError:
        raise FileProblem(path, "is a folder, not a file") from None
    except FileNotFoundError:
        raise FileProblem(path, "no such file") from None
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise FileProblem(path, f"cannot read: {reason}") from None
    data = b"".join(chunks)
    if not data:
        raise FileProblem(path, "is empty")
    return data


def _too_large(path: Path) -> FileProblem:
    return FileProblem(path, f"is larger than {MAX_IMPORT_BYTES >> 20} MB, the most Briefing "
                       "imports from one file")


def _size(handle: BinaryIO) -> int:
    try:
        return os.fstat(handle.fileno()).st_size
    except OSError:
        return 0


_WHITESPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; Unicode line/paragraph separators too."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u2028", "\n").replace("\u2029", "\n\n")


def clean_text(text: str) -> str:
    """Newlines normalised, BOMs and C0 control characters (but tab, LF, FF) removed.

    Trailing spaces on each line and blank lines at both ends are dropped.
    Form feeds stay: they are page separators (see :mod:`briefing.ingest.locators`).
    """
    text = normalise_newlines(text).replace("\ufeff", "")
    text = _CONTROL.sub("", text)
    text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    return text.strip("\n")


def collapse_spaces(text: str) -> str:
    """Runs of horizontal white space become one space (line breaks kept)."""
    return _WHITESPACE_RUN.sub(" ", text)


def join_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs joined by blank lines; empty ones dropped."""
    return "\n\n".join(p for p in (p.strip() for p in paragraphs) if p)


def slug(text: str, fallback: str = "source", limit: int = 40) -> str:
    """A citation key made from *text*: ASCII letters, digits and hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[A-Za-z0-9]+", ascii_text.lower())
    out = "-".join(words)[:limit].strip("-")
    return out or fallback


def unique_key(base: str, taken: Callable[[str], bool], used: set[str]) -> str:
    """*base*, or *base* with a number suffix, unused by the document and this batch."""
    base = base or "source"
    candidate, n = base, 1
    while taken(candidate) or candidate in used:
        n += 1
        candidate = f"{base}-{n}"
    used.add(candidate)
    return candidate


def sequential_ids(taken: Callable[[str], bool], prefix: str = "s") -> Callable[[], str]:
    """A ``new_id()`` that hands out ``s1, s2, ...`` skipping ids *taken* says are used."""
    handed: set[str] = set()
    counter = [0]

    def new_id() -> str:
        while True:
            counter[0] += 1
            candidate = f"{prefix}{counter[0]}"
            if candidate not in handed and not taken(candidate):
                handed.add(candidate)
                return candidate

    return new_id


def looks_binary(text: str) -> bool:
    """True when decoded text is mostly control characters (a binary file)."""
    if "\x00" in text:
        return True
    sample = text[:65536]
    if not sample:
        return False
    controls = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f"
    )
    return controls / len(sample) > 0.02


def error_reason(error: BaseException) -> str:
    """A short description of a third-party parser's exception for a user message."""
    lines = str(error).strip().splitlines()
    message = lines[0] if lines else ""
    text = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return text[:200]
