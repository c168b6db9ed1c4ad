"""How the outline model follows a structural edit (insert, remove, move a block or section).

A mixin of :class:`~briefing.gui.models.outline.OutlineModel`: each op becomes
the matching begin/end row signals around the switch to the new section
tree, so views keep their selection and expansion.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex

from briefing.core import ops
from briefing.core import outline as tree
from briefing.core.model import Block, Section

if TYPE_CHECKING:
    from briefing.gui.models.outline_nodes import OutlineNode

    class _Model(QAbstractItemModel):
        """What this mixin uses of OutlineModel (declared for the type checker)."""

        def _set_roots(self, roots: tuple[Section, ...]) -> None: ...
        def _node(self, section_id: str | None) -> OutlineNode: ...
        def _parts(
            self, section_id: str | None
        ) -> tuple[tuple[Block, ...], tuple[Section, ...]]: ...
        def _section_row(self, section_id: str) -> tuple[str | None, int]: ...
        def section_index(self, section_id: str | None) -> QModelIndex: ...
        def block_index(self, section_id: str, block: int) -> QModelIndex: ...

else:
    _Model = object


class StructureUpdates(_Model):
    """Row signals for structural ops; uses the model's index helpers and ``_set_roots``."""

    def _structure_changed(self, op: ops.Op, new: tuple[Section, ...]) -> None:
        if isinstance(op, ops.InsertBlock):
            row = (len(self._after(new, op.section_id).blocks) - 1
                   if op.index is None else op.index)
            self.beginInsertRows(self.section_index(op.section_id), row, row)
            self._set_roots(new)
            self.endInsertRows()
        elif isinstance(op, ops.RemoveBlock):
            self.beginRemoveRows(self.section_index(op.section_id), op.index, op.index)
            self._set_roots(new)
            self.endRemoveRows()
        elif isinstance(op, ops.MoveBlock) and op.to_section == op.section_id:
            self._move_within(op.section_id, op.index, op.to_index, new)
        elif isinstance(op, ops.MoveBlock):
            dest = op.to_index + (1 if op.to_section == op.section_id
                                  and op.to_index >= op.index else 0)
            self._move(self.section_index(op.section_id), op.index,
                       self.section_index(op.to_section), dest, new)
        elif isinstance(op, ops.InsertSection):
            after = {s.id: (s, p) for s, p, _i in tree.iter_sections(new)}
            parent = after[op.section.id][1]
            self._insert_section(new, op.section.id, parent)
        elif isinstance(op, ops.RemoveSection):
            parent, row = self._section_row(op.section_id)
            self.beginRemoveRows(self.section_index(parent), row, row)
            self._set_roots(new)
            self.endRemoveRows()
        elif isinstance(op, ops.MoveSection):
            old_parent, old_row = self._section_row(op.section_id)
            dest = len(self._parts(op.parent)[0]) + op.index
            if op.parent == old_parent and dest >= old_row:
                dest += 1
            self._move(self.section_index(old_parent), old_row,
                       self.section_index(op.parent), dest, new)

    def _insert_section(self, new: tuple[Section, ...], section_id: str,
                           parent: str | None) -> None:
        siblings = new if parent is None else self._after(new, parent).sections
        position = next(i for i, s in enumerate(siblings) if s.id == section_id)
        row = len(self._parts(parent)[0]) + position
        self.beginInsertRows(self.section_index(parent), row, row)
        self._set_roots(new)
        self.endInsertRows()

    @staticmethod
    def _after(new: tuple[Section, ...], section_id: str) -> Section:
        return next(s for s, _p, _i in tree.iter_sections(new) if s.id == section_id)

    def _move_within(self, section_id: str, row: int, to_row: int,
                     new: tuple[Section, ...]) -> None:
        """A block moved inside its section: the rows between change content, not shape.

        Reported as changed data plus moved persistent indexes (so the selection
        follows the block) rather than as a row move, after which a tree view
        lays out every row again — ~0.1 s on a 5,000-block outline.
        """
        if row == to_row:
            self._set_roots(new)
            return
        low, high = min(row, to_row), max(row, to_row)
        step = -1 if to_row > row else 1
        node = self._node(section_id)
        old, moved = [], []
        for index in self.persistentIndexList():
            if index.internalPointer() is node and low <= index.row() <= high:
                shifted = to_row if index.row() == row else index.row() + step
                old.append(index)
                moved.append(self.createIndex(shifted, 0, node))
        self._set_roots(new)
        self.changePersistentIndexList(old, moved)
        self.dataChanged.emit(self.block_index(section_id, low),
                              self.block_index(section_id, high))

    def _move(self, source: QModelIndex, row: int, dest_parent: QModelIndex, dest: int,
              new: tuple[Section, ...]) -> None:
        if self.beginMoveRows(source, row, row, dest_parent, dest):
            self._set_roots(new)
            self.endMoveRows()
        else:  # a move onto itself: nothing visible changed
            self._set_roots(new)
