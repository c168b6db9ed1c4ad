"""Convenience edits on a Document, each built from primitive ops.

Every method returns the inverse op (pass it to ``apply`` to undo).  The GUI
may use these or build the ops itself; either way the change goes through
``Document.apply``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from briefing.core import ops
from briefing.core.errors import DomainError
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source


def _changed(record: Any, changes: dict[str, Any]) -> Any:
    try:
        return replace(record, **changes)
    except TypeError as error:
        raise DomainError(f"unknown field: {error}") from None


class MutationsMixin:
    """Named edits for callers that prefer methods to building ops."""

    if TYPE_CHECKING:  # provided by Document, the one class that mixes this in
        @property
        def info(self) -> BriefingInfo: ...
        def apply(self, op: ops.Op) -> ops.Op: ...
        def source(self, source_id: str) -> Source: ...
        def claim(self, claim_id: str) -> Claim: ...
        def section(self, section_id: str) -> Section: ...
        def placement(self, claim_id: str) -> tuple[str, int] | None: ...

    def set_info(self, **changes: Any) -> ops.Op:
        return self.apply(ops.SetInfo(_changed(self.info, changes)))

    # sources
    def add_source(
        self, source: Source, index: int | None = None, original: bytes | None = None
    ) -> ops.Op:
        return self.apply(ops.InsertSource(source, index, original))

    def update_source(self, source_id: str, **changes: Any) -> ops.Op:
        if "id" in changes:
            raise DomainError("a source's id cannot change")
        return self.apply(ops.ReplaceSource(_changed(self.source(source_id), changes)))

    def remove_source(self, source_id: str) -> ops.Op:
        return self.apply(ops.RemoveSource(source_id))

    # claims and citations
    def add_claim(self, claim: Claim, index: int | None = None) -> ops.Op:
        return self.apply(ops.InsertClaim(claim, index))

    def update_claim(self, claim_id: str, **changes: Any) -> ops.Op:
        if "id" in changes:
            raise DomainError("a claim's id cannot change")
        return self.apply(ops.ReplaceClaim(_changed(self.claim(claim_id), changes)))

    def delete_claim(self, claim_id: str) -> ops.Op:
        """Remove a claim, taking it out of the outline first when placed."""
        steps: list[ops.Op] = []
        where = self.placement(claim_id)
        if where is not None:
            steps.append(ops.RemoveBlock(*where))
        steps.append(ops.RemoveClaim(claim_id))
        return self.apply(ops.Batch(tuple(steps), "Delete Claim"))

    def add_citation(
        self, claim_id: str, citation: Citation, index: int | None = None
    ) -> ops.Op:
        claim = self.claim(claim_id)
        cites = list(claim.citations)
        cites.insert(len(cites) if index is None else index, citation)
        return self.apply(ops.ReplaceClaim(replace(claim, citations=tuple(cites))))

    def update_citation(self, claim_id: str, index: int, **changes: Any) -> ops.Op:
        claim = self.claim(claim_id)
        cites = list(claim.citations)
        if not 0 <= index < len(cites):
            raise DomainError(f"claim {claim_id!r} has no citation {index + 1}")
        cites[index] = _changed(cites[index], changes)
        return self.apply(ops.ReplaceClaim(replace(claim, citations=tuple(cites))))

    def remove_citation(self, claim_id: str, index: int) -> ops.Op:
        claim = self.claim(claim_id)
        if not 0 <= index < len(claim.citations):
            raise DomainError(f"claim {claim_id!r} has no citation {index + 1}")
        cites = claim.citations[:index] + claim.citations[index + 1 :]
        return self.apply(ops.ReplaceClaim(replace(claim, citations=cites)))

    # outline
    def add_section(
        self, section: Section, parent: str | None = None, index: int | None = None
    ) -> ops.Op:
        return self.apply(ops.InsertSection(section, parent, index))

    def rename_section(self, section_id: str, title: str) -> ops.Op:
        return self.apply(ops.RenameSection(section_id, title))

    def remove_section(self, section_id: str) -> ops.Op:
        """Remove a section; its claims go back to the board."""
        return self.apply(ops.RemoveSection(section_id))

    def move_section(self, section_id: str, parent: str | None, index: int) -> ops.Op:
        return self.apply(ops.MoveSection(section_id, parent, index))

    def place_claim(
        self, claim_id: str, section_id: str, index: int | None = None
    ) -> ops.Op:
        return self.apply(ops.InsertBlock(section_id, index, Block.for_claim(claim_id)))

    def unplace_claim(self, claim_id: str) -> ops.Op:
        """Take a claim out of the outline; it stays on the board."""
        where = self.placement(claim_id)
        if where is None:
            raise DomainError(f"claim {claim_id!r} is not placed in the outline")
        return self.apply(ops.RemoveBlock(*where))

    def add_prose(
        self, section_id: str, text: str, index: int | None = None, portion: str = ""
    ) -> ops.Op:
        return self.apply(ops.InsertBlock(section_id, index, Block.prose(text, portion)))

    def update_block(self, section_id: str, index: int, **changes: Any) -> ops.Op:
        block = self.section(section_id).blocks[index]
        return self.apply(ops.ReplaceBlock(section_id, index, _changed(block, changes)))

    def move_block(
        self, section_id: str, index: int, to_section: str, to_index: int
    ) -> ops.Op:
        return self.apply(ops.MoveBlock(section_id, index, to_section, to_index))
