"""The outline model's per-section mirror: each section's rows and their item flags.

An index of :class:`~briefing.gui.models.outline.OutlineModel` points at the node
of its parent section, so the questions a tree view asks for every row it lays out
(flags, row counts, children) are answered from these tuples.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefing.core.model import Block, Section

# Item flags, combined once (the tree asks for them for every row it lays out).  Blocks
# never have children, which spares the tree asking each one for its row count.
NO_FLAGS = Qt.ItemFlag.NoItemFlags
ROOT_FLAGS = Qt.ItemFlag.ItemIsDropEnabled
_SECTION_FLAGS = (Qt.ItemFlag.ItemIsDropEnabled | Qt.ItemFlag.ItemIsEnabled
                  | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                  | Qt.ItemFlag.ItemIsEditable)
_CLAIM_FLAGS = (Qt.ItemFlag.ItemIsDropEnabled | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemNeverHasChildren)
_PROSE_FLAGS = _CLAIM_FLAGS | Qt.ItemFlag.ItemIsEditable


class OutlineNode:
    """One section's rows as the views see them: its blocks, then its subsections.

    Indexes point at the node of their parent section, so every per-row question
    the views ask (hundreds of thousands on a large outline) is answered from
    these tuples, refreshed whenever the section tree changes.
    """

    __slots__ = ("section_id", "blocks", "sections", "flags", "alive")

    def __init__(self, section_id: str | None) -> None:
        self.section_id = section_id
        self.blocks: tuple[Block, ...] = ()
        self.sections: tuple[Section, ...] = ()
        self.flags: tuple[Qt.ItemFlag, ...] = ()
        self.alive = False

    def refresh(self, blocks: tuple[Block, ...], sections: tuple[Section, ...],
                alive: bool) -> None:
        self.blocks, self.sections, self.alive = blocks, sections, alive
        self.flags = (*(_CLAIM_FLAGS if b.claim is not None else _PROSE_FLAGS for b in blocks),
                      *(_SECTION_FLAGS for _s in sections))

    def row_item(self, row: int) -> tuple[str, int | None] | None:
        if not self.alive or row < 0:
            return None
        if row < len(self.blocks):
            # a node holding blocks is a section: only the root's id is None, and it has none
            return self.section_id, row  # type: ignore[return-value]
        row -= len(self.blocks)
        return (self.sections[row].id, None) if row < len(self.sections) else None
