"""The sources table: kind, title, date, grade and citation count of every source."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from briefing.core import ops
from briefing.core.document import Document
from briefing.gui.models.base import IdRows, sync_rows
from briefing.gui.style import reliability_label, source_kind_icon

SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = ("Title", "Kind", "Date", "Grade", "Cited")
TITLE, KIND, DATE, GRADE, CITED = range(len(COLUMNS))

_SOURCE_OPS = (ops.InsertSource, ops.RemoveSource, ops.ReplaceSource)
_CLAIM_OPS = (ops.InsertClaim, ops.RemoveClaim, ops.ReplaceClaim)

Index = QModelIndex | QPersistentModelIndex


class SourcesModel(QAbstractTableModel):
    """One row per source, in document order; follows the Document's events."""

    def __init__(self, doc: Document, parent: Any = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._rows = IdRows([s.id for s in doc.sources])
        doc.events.subscribe(self._on_op)

    def detach(self) -> None:
        self._doc.events.unsubscribe(self._on_op)

    # ------------------------------------------------------------ Qt interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self._doc.has_source(self._rows.ids[index.row()]):
            return None
        source = self._doc.source(self._rows.ids[index.row()])
        column = index.column()
        if role == SOURCE_ID_ROLE:
            return source.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(source, column)
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE:
            return source_kind_icon(source.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(source, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (GRADE, CITED):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == SEARCH_TEXT_ROLE:
            return " ".join((source.title, source.key, source.publisher, *source.authors))
        return None

    def _display(self, source: Any, column: int) -> Any:
        if column == TITLE:
            return source.title or source.file_name or source.key or source.id
        if column == KIND:
            return source.kind
        if column == DATE:
            return source.published
        if column == GRADE:
            return source.reliability
        if column == CITED:
            return self._doc.citation_count(source.id)
        return None

    def _tooltip(self, source: Any, column: int) -> str | None:
        if column == GRADE and source.reliability:
            return f"Source reliability {reliability_label(source.reliability)}"
        if column == CITED:
            return f"Cited by {self._doc.citation_count(source.id)} citation(s)"
        parts = [source.title, ", ".join(source.authors), source.publisher, source.descriptor]
        return "\n".join(p for p in parts if p) or None

    # ---------------------------------------------------------------- helpers
    def source_id(self, row: int) -> str:
        return self._rows.ids[row]

    def row_of(self, source_id: str) -> int:
        return self._rows.row_of(source_id)

    # ----------------------------------------------------------------- events
    def _assign(self, rows: IdRows) -> None:
        self._rows = rows

    def _on_op(self, op: ops.Op) -> None:
        if isinstance(op, _SOURCE_OPS):
            sync_rows(self, self._rows, [s.id for s in self._doc.sources], self._assign)
            if isinstance(op, ops.ReplaceSource):
                row = self._rows.row_of(op.source.id)
                if row >= 0:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, CITED))
        elif isinstance(op, _CLAIM_OPS) and self._rows.ids:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, CITED), self.index(last, CITED))
