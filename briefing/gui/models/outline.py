"""The outline's tree model: sections (nested) and, under each, its blocks then subsections.

The model mirrors the Document's section tree (an immutable tuple) and moves
its mirror to the new tree inside the matching begin/end signals, so views
see the smallest change: a renamed section, an inserted block, a moved
section.  Each index's internal pointer is the node of its *parent* section
(the root node for top-level sections), so ``parent()`` is a lookup.
Edits (rename, prose text, drops) become core ops pushed through *push*.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from briefing.core import ops
from briefing.core import outline as tree
from briefing.core.document import Document
from briefing.core.model import Block, Section
from briefing.core.text import collapse
from briefing.core.vocab import portion_mark
from briefing.gui.models import mime
from briefing.gui.models.claims import CLAIM_ID_ROLE
from briefing.gui.models.outline_nodes import NO_FLAGS, ROOT_FLAGS, OutlineNode
from briefing.gui.models.outline_updates import StructureUpdates
from briefing.gui.panes import outline_plan as plan
from briefing.gui.style import kind_icon

Index = QModelIndex | QPersistentModelIndex
Push = Callable[[ops.Op, str | None, Hashable | None], bool]

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 20
"""The section id of a section row, or of the section holding a block row."""
BLOCK_INDEX_ROLE = Qt.ItemDataRole.UserRole + 21
"""A block row's index in its section; None for a section row."""

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_STRUCTURE = (ops.InsertBlock, ops.RemoveBlock, ops.MoveBlock, ops.InsertSection,
              ops.RemoveSection, ops.MoveSection)


class OutlineModel(StructureUpdates, QAbstractItemModel):
    """Sections and their blocks; drag, drop and inline edits become undoable ops."""

    def __init__(self, doc: Document, push: Push, parent: Any = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._push = push
        self._nodes: dict[str | None, OutlineNode] = {None: OutlineNode(None)}
        self._notes: dict[str, tuple[int, ...]] | None = None
        """Note numbers by claim; kept through a structural change until dataChanged."""
        self._set_roots(doc.sections)
        doc.events.subscribe(self._on_op)

    def detach(self) -> None:
        self._doc.events.unsubscribe(self._on_op)

    # ------------------------------------------------------------- the mirror
    def _set_roots(self, roots: tuple[Section, ...]) -> None:
        self._roots = roots
        self._where = {s.id: (s, parent) for s, parent, _i in tree.iter_sections(roots)}
        for node in self._nodes.values():
            self._refresh(node)

    def _refresh(self, node: OutlineNode) -> None:
        if node.section_id is None:
            node.refresh((), self._roots, True)
        elif node.section_id in self._where:
            section = self._where[node.section_id][0]
            node.refresh(section.blocks, section.sections, True)
        else:  # a removed section (indexes may still point at it)
            node.refresh((), (), False)

    def _node(self, section_id: str | None) -> OutlineNode:
        node = self._nodes.get(section_id)
        if node is None:
            node = self._nodes[section_id] = OutlineNode(section_id)
            self._refresh(node)
        return node

    def _parts(self, section_id: str | None) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
        if section_id is None:
            return (), self._roots
        section = self._where[section_id][0]
        return section.blocks, section.sections

    def _section_row(self, section_id: str) -> tuple[str | None, int]:
        parent = self._where[section_id][1]
        blocks, sections = self._parts(parent)
        return parent, len(blocks) + next(i for i, s in enumerate(sections) if s.id == section_id)

    # --------------------------------------------------------------- lookups
    def item(self, index: Index) -> tuple[str, int | None] | None:
        """``(section id, None)`` for a section row, ``(section id, block)`` for a block row."""
        if not index.isValid():
            return None
        return index.internalPointer().row_item(index.row())

    def section_index(self, section_id: str | None) -> QModelIndex:
        if section_id is None or section_id not in self._where:
            return QModelIndex()
        parent, row = self._section_row(section_id)
        return self.createIndex(row, 0, self._node(parent))

    def block_index(self, section_id: str, block: int) -> QModelIndex:
        if section_id not in self._where or not 0 <= block < len(self._parts(section_id)[0]):
            return QModelIndex()
        return self.createIndex(block, 0, self._node(section_id))

    def claim_index(self, claim_id: str) -> QModelIndex:
        where = tree.find_block(self._roots, claim_id)
        return QModelIndex() if where is None else self.block_index(*where)

    # ------------------------------------------------------------ structure
    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if parent.isValid():
            found = self.item(parent)
            if found is None or found[1] is not None:
                return QModelIndex()
            node = self._node(found[0])
        else:
            node = self._nodes[None]
        if row >= len(node.flags):
            return QModelIndex()
        return self.createIndex(row, 0, node)

    # QObject.parent() and the index form share one name in Qt; a model answers the latter.
    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        return self.section_index(index.internalPointer().section_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._roots)
        found = self.item(parent)
        if found is None or found[1] is not None or parent.column() != 0:
            return 0
        return len(self._node(found[0]).flags)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    # ------------------------------------------------------------------ data
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        found = self.item(index)
        if found is None:
            return None
        section_id, block = found
        if role == SECTION_ID_ROLE:
            return section_id
        if role == BLOCK_INDEX_ROLE:
            return block
        if block is None:
            return self._section_data(self._where[section_id][0], role)
        return self._block_data(self._where[section_id][0].blocks[block], role)

    def _section_data(self, section: Section, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return section.title or "Untitled section"
        if role == Qt.ItemDataRole.EditRole:
            return section.title
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _block_data(self, block: Block, role: int) -> Any:
        if block.claim is not None:
            return self._claim_data(block.claim, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            mark = portion_mark(self._doc.info.marking_scheme, block.portion)
            text = collapse(block.text) or "(empty paragraph — double-click to write)"
            return f"{mark} {text}" if mark else text
        if role == Qt.ItemDataRole.EditRole:
            return block.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Paragraph: {block.text}"
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon("")
        if role == Qt.ItemDataRole.ForegroundRole and not block.text.strip():
            return QColor("#718096")
        return None

    def _claim_data(self, claim_id: str, role: int) -> Any:
        if role == CLAIM_ID_ROLE:
            return claim_id
        if not self._doc.has_claim(claim_id):
            return f"(missing claim {claim_id})" if role == Qt.ItemDataRole.DisplayRole else None
        claim = self._doc.claim(claim_id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            mark = portion_mark(self._doc.info.marking_scheme, claim.portion)
            text = collapse(claim.text) or "(empty claim)"
            notes = "".join(f" {n}".translate(_SUPERSCRIPT) for n in self.note_numbers(claim_id))
            return f"{mark} {text}{notes}" if mark else f"{text}{notes}"
        if role == Qt.ItemDataRole.ToolTipRole:
            sources = [self._doc.source(c.source).title if self._doc.has_source(c.source)
                       else c.source for c in claim.citations]
            lines = [f"{claim.kind.capitalize()}: {claim.text}"]
            lines += [f"{n}. {title}" for n, title in zip(self.note_numbers(claim_id), sources,
                                                           strict=False)]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon(claim.kind)
        return None

    def note_numbers(self, claim_id: str) -> tuple[int, ...]:
        """The note numbers a placed claim's citations get in the export (reading order)."""
        return self._note_map().get(claim_id, ())

    def _note_map(self) -> dict[str, tuple[int, ...]]:
        if self._notes is None:
            notes: dict[str, tuple[int, ...]] = {}
            n = 0
            for section, _parent, _index in tree.iter_sections(self._roots):
                for block in section.blocks:
                    if block.claim is not None and self._doc.has_claim(block.claim):
                        count = len(self._doc.claim(block.claim).citations)
                        notes[block.claim] = tuple(range(n + 1, n + count + 1))
                        n += count
            self._notes = notes
        return self._notes

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return ROOT_FLAGS
        node, row = index.internalPointer(), index.row()
        return node.flags[row] if node.alive and 0 <= row < len(node.flags) else NO_FLAGS

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        found = self.item(index)
        if found is None or role != Qt.ItemDataRole.EditRole or not isinstance(value, str):
            return False
        section_id, block = found
        section = self._where[section_id][0]
        if block is None:
            if value == section.title:
                return False
            return self._push(ops.RenameSection(section_id, value), "Rename Section", None)
        current = section.blocks[block]
        if current.claim is not None or value == current.text:
            return False
        return self._push(ops.ReplaceBlock(section_id, block, replace(current, text=value)),
                          "Edit Paragraph", None)

    # ---------------------------------------------------------- drag and drop
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [mime.OUTLINE_MIME, mime.CLAIMS_MIME, mime.PASSAGE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        payload: list[dict[str, Any]] = []
        for index in indexes:
            found = self.item(index)
            if found is None:
                continue
            section_id, block = found
            payload.append({"section": section_id} if block is None
                           else {"block": [section_id, block]})
        return mime.encode(mime.OUTLINE_MIME, payload)

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        if data.hasFormat(mime.PASSAGE_MIME):  # (the new card is made on the drop only)
            target = self._drop_target(row, parent)
            return target is not None and target[0] is not None and _passage(data) is not None
        return self.plan_drop(data, row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        step = self.plan_drop(data, row, parent)
        return step is not None and self._push(step.op, step.label, None)

    def plan_drop(self, data: QMimeData, row: int, parent: Index) -> plan.Plan | None:
        """The op a drop of *data* at (*row*, *parent*) performs; None when refused."""
        target = self._drop_target(row, parent)
        if target is None:
            return None
        section_id, block_at, child_at = target
        passage = _passage(data)
        if passage is not None:
            return (None if section_id is None
                    else plan.place_passage(self._doc, *passage, section_id, block_at))
        claims = mime.decode(data, mime.CLAIMS_MIME)
        if isinstance(claims, list) and claims and all(isinstance(c, str) for c in claims):
            return (None if section_id is None
                    else plan.place_claims(self._doc, claims, section_id, block_at))
        items = mime.decode(data, mime.OUTLINE_MIME)
        if not isinstance(items, list) or not items:
            return None
        sections = [i.get("section") for i in items if isinstance(i, dict) and "section" in i]
        blocks = [i.get("block") for i in items if isinstance(i, dict) and "block" in i]
        if len(sections) == 1 and not blocks and isinstance(sections[0], str):
            return plan.move_section(self._doc, sections[0], section_id, child_at)
        if blocks and not sections and section_id is not None and all(
                isinstance(b, list) and len(b) == 2 for b in blocks):
            return plan.move_blocks(self._doc, [(str(b[0]), int(b[1])) for b in blocks if b],
                                    section_id, block_at)
        return None

    def _drop_target(self, row: int, parent: Index) -> tuple[str | None, int, int] | None:
        """(section, block position, subsection position) a drop lands in."""
        if not parent.isValid():
            return None, 0, len(self._roots) if row < 0 else row
        found = self.item(parent)
        if found is None:
            return None
        section_id, block = found
        blocks, sections = self._parts(section_id)
        if block is not None:  # onto a block: after it
            return section_id, block + 1, len(sections)
        if row < 0:  # onto a section: at its end
            return section_id, len(blocks), len(sections)
        return section_id, min(row, len(blocks)), max(0, row - len(blocks))

    # ------------------------------------------------------- document events
    def _on_op(self, op: ops.Op) -> None:
        new = self._doc.sections
        if isinstance(op, _STRUCTURE):
            before = self._note_map()
            self._structure_changed(op, new)
            self._renumbered(before)
        elif isinstance(op, ops.RenameSection | ops.ReplaceBlock):
            self._set_roots(new)
            index = (self.section_index(op.section_id) if isinstance(op, ops.RenameSection)
                     else self.block_index(op.section_id, op.index))
            self.dataChanged.emit(index, index)
        elif isinstance(op, ops.ReplaceClaim):
            self._claim_changed(op.claim.id)
        elif isinstance(op, ops.SetInfo | ops.ReplaceSource):
            self._all_blocks_changed()
        elif new is not self._roots:
            self._reset(new)

    def _reset(self, new: tuple[Section, ...]) -> None:
        self.beginResetModel()
        for section_id, node in self._nodes.items():
            if section_id is not None:
                node.refresh((), (), False)  # whatever still points at them is stale
        self._nodes = {None: self._nodes[None]}
        self._notes = None
        self._set_roots(new)
        self.endResetModel()

    def _claim_changed(self, claim_id: str) -> None:
        """One claim's row; every row when its note count (so the numbering) changed."""
        index = self.claim_index(claim_id)
        if not index.isValid():
            return
        if self._notes is None:  # the numbers shown are unknown: renumber every row
            self._all_blocks_changed()
            return
        before = self._notes
        if len(before.get(claim_id, ())) != len(self._doc.claim(claim_id).citations):
            self._renumbered(before)
        self.dataChanged.emit(index, index)

    def _renumbered(self, before: dict[str, tuple[int, ...]]) -> None:
        """Repaint the block rows whose note numbers differ from *before* (one range a
        section), not every row: a tree view re-measures each row it is told changed."""
        self._notes = None
        after = self._note_map()
        for section_id, (section, _parent) in self._where.items():
            rows = [i for i, block in enumerate(section.blocks) if block.claim is not None
                    and before.get(block.claim) != after.get(block.claim)]
            if rows:
                self.dataChanged.emit(self.block_index(section_id, rows[0]),
                                      self.block_index(section_id, rows[-1]))

    def _all_blocks_changed(self) -> None:
        self._notes = None
        for section_id, (section, _parent) in self._where.items():
            if section.blocks:
                self.dataChanged.emit(self.block_index(section_id, 0),
                                      self.block_index(section_id, len(section.blocks) - 1))


def _passage(data: QMimeData) -> tuple[str, int, int] | None:
    """(source id, start, end) of a passage dragged from the Reader, or None."""
    payload = mime.decode(data, mime.PASSAGE_MIME)
    if not isinstance(payload, dict):
        return None
    source, start, end = payload.get("source"), payload.get("start"), payload.get("end")
    if not isinstance(source, str) or not isinstance(start, int) or not isinstance(end, int):
        return None
    return source, start, end
