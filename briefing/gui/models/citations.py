"""The citations of one claim, as a table for the inspector."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from briefing.core import ops
from briefing.core.document import Document
from briefing.core.model import Citation
from briefing.core.text import collapse
from briefing.core.vocab import admiralty_grade

COLUMNS = ("Source", "Locator", "Attribution", "Grade", "Quote")
SOURCE, LOCATOR, ATTRIBUTION, GRADE, QUOTE = range(len(COLUMNS))
CITATION_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class CitationsModel(QAbstractTableModel):
    """Rows are the citations of the claim set with :meth:`set_claim`."""

    def __init__(self, doc: Document, parent: Any = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._claim_id: str | None = None
        self._citations: tuple[Citation, ...] = ()
        doc.events.subscribe(self._on_op)

    def detach(self) -> None:
        self._doc.events.unsubscribe(self._on_op)

    @property
    def claim_id(self) -> str | None:
        return self._claim_id

    def set_claim(self, claim_id: str | None) -> None:
        self.beginResetModel()
        self._claim_id = claim_id if claim_id and self._doc.has_claim(claim_id) else None
        self._citations = self._doc.claim(self._claim_id).citations if self._claim_id else ()
        self.endResetModel()

    def citation(self, row: int) -> Citation:
        return self._citations[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._citations)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        citation = self._citations[index.row()]
        if role == CITATION_ROLE:
            return citation
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(citation, index.column(), role == Qt.ItemDataRole.ToolTipRole)
        return None

    def _text(self, citation: Citation, column: int, full: bool) -> str:
        if column == SOURCE:
            if not self._doc.has_source(citation.source):
                return citation.source
            source = self._doc.source(citation.source)
            return source.title or source.key or source.id
        if column == LOCATOR:
            return citation.locator
        if column == ATTRIBUTION:
            return citation.attribution
        if column == GRADE:
            reliability = (
                self._doc.source(citation.source).reliability
                if self._doc.has_source(citation.source) else ""
            )
            return admiralty_grade(reliability, citation.credibility)
        quote = collapse(citation.quote)
        return quote if full or len(quote) <= 80 else quote[:79] + "…"

    def _on_op(self, op: ops.Op) -> None:
        if self._claim_id is None:
            return
        if isinstance(op, ops.ReplaceClaim) and op.claim.id == self._claim_id:
            new = op.claim.citations
            if len(new) == len(self._citations):
                self._citations = new
                if new:
                    self.dataChanged.emit(self.index(0, 0),
                                          self.index(len(new) - 1, len(COLUMNS) - 1))
            else:
                self.beginResetModel()
                self._citations = new
                self.endResetModel()
        elif isinstance(op, ops.RemoveClaim) and op.claim_id == self._claim_id:
            self.set_claim(None)
        elif isinstance(op, ops.ReplaceSource) and self._citations:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._citations) - 1, len(COLUMNS) - 1))
