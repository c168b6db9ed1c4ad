"""Review items: what a reviewed .docx proposes, one record per proposal or comment."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

UNKNOWN_REVIEWER = "Unknown reviewer"

KIND_LABELS = {
    "comment": "Comment",
    "edit": "Edit",
    "rename": "Heading renamed",
    "delete": "Paragraph deleted",
    "move": "Paragraph moved",
    "new": "New paragraph",
    "note-edit": "Note edited",
    "note-deleted": "Note deleted",
    "reference-removed": "Note reference removed",
    "note-added": "Note added",
    "join": "Paragraphs joined",
    "split": "Paragraph split",
}
TEXT_KINDS = frozenset({"edit", "rename", "delete", "move", "new", "split"})
"""Kinds whose acceptance changes the briefing (the others are resolved or kept as notes)."""


@dataclass(frozen=True, slots=True)
class Reply:
    author: str
    initials: str
    date: str
    text: str


@dataclass(frozen=True, slots=True)
class ReviewItem:
    kind: str
    origin: str  # tracked | untracked | comment
    reviewer: str
    block: str = ""  # the block's marker; "" for the document as a whole
    block_kind: str = ""  # heading | claim | prose
    claim_id: str | None = None
    section_id: str = ""
    index: int = -1
    order: int = -1
    date: str = ""
    before: str = ""
    after: str = ""
    words: str = ""
    text: str = ""
    initials: str = ""
    replies: tuple[Reply, ...] = ()
    resolved: bool = False
    similarity: float | None = None
    citation: int | None = None
    note_number: int | None = None
    to_section: str = ""
    after_block: str = ""
    portion: str = ""
    estimate: str = ""
    snap_text: str = ""
    key: str = field(default="", compare=False)

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def changes_text(self) -> bool:
        return self.kind in TEXT_KINDS


def keyed(item: ReviewItem) -> ReviewItem:
    """*item* with its stable key (the same proposal in the same file keeps its key)."""
    parts = (item.kind, item.origin, item.reviewer, item.block, item.before, item.after,
             item.text, item.words, str(item.citation), item.date)
    digest = hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]
    return replace(item, key=digest)


@dataclass
class Review:
    """A reviewed file read against a briefing."""

    path: Path
    sha256: str
    document_id: str
    revision: str
    exported: str
    last_author: str
    items: list[ReviewItem]
    warnings: list[str]
    snapshot: Any = None
    """The export snapshot (:class:`~briefing.review.snapshot.Snapshot`) the file carried."""

    def reviewers(self) -> list[str]:
        return sorted({i.reviewer for i in self.items})
