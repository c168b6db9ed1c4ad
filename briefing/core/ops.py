"""Primitive edits of a Document, as data.

``Document.apply(op)`` performs an op and returns its inverse op, so undo is
``apply(inverse)``.  The editor wraps each op in a QUndoCommand; the store
listens to applied ops to know what to write.  ``Batch`` groups ops into one
logical change (undone as a whole).
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.core.model import Block, BriefingInfo, Claim, Section, Source


class Op:
    """Base class of all edits.  Subclasses are frozen dataclasses."""

    label = "Edit"


@dataclass(frozen=True)
class SetInfo(Op):
    info: BriefingInfo
    label = "Edit Briefing Properties"


@dataclass(frozen=True)
class InsertSource(Op):
    source: Source
    index: int | None = None
    original: bytes | None = None
    """The imported file's bytes, kept inside the document."""
    label = "Add Source"


@dataclass(frozen=True)
class RemoveSource(Op):
    source_id: str
    label = "Delete Source"


@dataclass(frozen=True)
class ReplaceSource(Op):
    source: Source
    label = "Edit Source"


@dataclass(frozen=True)
class InsertClaim(Op):
    claim: Claim
    index: int | None = None
    label = "Add Claim"


@dataclass(frozen=True)
class RemoveClaim(Op):
    claim_id: str
    label = "Delete Claim"


@dataclass(frozen=True)
class ReplaceClaim(Op):
    claim: Claim
    label = "Edit Claim"


@dataclass(frozen=True)
class MoveClaim(Op):
    """Change a claim's position on the board (the claim list order)."""

    claim_id: str
    index: int
    label = "Move Claim"


@dataclass(frozen=True)
class InsertSection(Op):
    section: Section
    parent: str | None = None
    index: int | None = None
    label = "Add Section"


@dataclass(frozen=True)
class RemoveSection(Op):
    section_id: str
    label = "Delete Section"


@dataclass(frozen=True)
class RenameSection(Op):
    section_id: str
    title: str
    label = "Rename Section"


@dataclass(frozen=True)
class MoveSection(Op):
    """Move a section under *parent* (None: top level) at *index* (after removal)."""

    section_id: str
    parent: str | None
    index: int
    label = "Move Section"


@dataclass(frozen=True)
class InsertBlock(Op):
    section_id: str
    index: int | None
    block: Block
    label = "Insert Block"


@dataclass(frozen=True)
class RemoveBlock(Op):
    section_id: str
    index: int
    label = "Remove Block"


@dataclass(frozen=True)
class ReplaceBlock(Op):
    section_id: str
    index: int
    block: Block
    label = "Edit Block"


@dataclass(frozen=True)
class MoveBlock(Op):
    """Move a block; *to_index* counts positions after the block was taken out."""

    section_id: str
    index: int
    to_section: str
    to_index: int
    label = "Move Block"


@dataclass(frozen=True)
class Batch(Op):
    """Several ops applied in order as one logical change."""

    ops: tuple[Op, ...]
    name: str = ""

    @property  # Op.label is a class attribute; a batch computes its label from its ops
    def label(self) -> str:  # type: ignore[override]
        return self.name or (self.ops[0].label if self.ops else "Edit")
