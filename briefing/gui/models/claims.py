"""The claim board's model (one row per claim) and its filter proxy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from briefing.core import ops
from briefing.core.document import Document
from briefing.core.model import Claim
from briefing.core.vocab import portion_mark
from briefing.gui.models import mime
from briefing.gui.models.base import IdRows, sync_rows

CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CLAIM_ROLE = Qt.ItemDataRole.UserRole + 2
PLACED_ROLE = Qt.ItemDataRole.UserRole + 3
PORTION_MARK_ROLE = Qt.ItemDataRole.UserRole + 4

_CLAIM_OPS = (ops.InsertClaim, ops.RemoveClaim, ops.MoveClaim)
_PLACEMENT_OPS = (ops.InsertBlock, ops.RemoveBlock, ops.ReplaceBlock, ops.RemoveSection,
                  ops.InsertSection)
"""Ops that may place or unplace a claim (a moved block stays placed)."""

Index = QModelIndex | QPersistentModelIndex


class ClaimsModel(QAbstractListModel):
    """Every claim in board order; the Claim record itself is under CLAIM_ROLE."""

    def __init__(self, doc: Document, parent: Any = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._rows = IdRows([c.id for c in doc.claims])
        doc.events.subscribe(self._on_op)

    def detach(self) -> None:
        self._doc.events.unsubscribe(self._on_op)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        claim_id = self._rows.ids[index.row()]
        if not self._doc.has_claim(claim_id):
            return None
        if role == CLAIM_ID_ROLE:
            return claim_id
        claim = self._doc.claim(claim_id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return claim.text or "(empty claim)"
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(claim)
        if role == CLAIM_ROLE:
            return claim
        if role == PLACED_ROLE:
            return self._doc.is_placed(claim_id)
        if role == PORTION_MARK_ROLE:
            return portion_mark(self._doc.info.marking_scheme, claim.portion)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [mime.CLAIMS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The dragged cards' ids (for the outline) and their text (for other apps)."""
        ids = [self._rows.ids[i.row()] for i in sorted(indexes, key=QModelIndex.row)
               if i.isValid()]
        text = "\n\n".join(self._doc.claim(c).text for c in ids if self._doc.has_claim(c))
        return mime.encode(mime.CLAIMS_MIME, ids, text)

    def claim_id(self, row: int) -> str:
        return self._rows.ids[row]

    def claim_at(self, row: int) -> Claim | None:
        """The claim shown in *row* (fast path for filtering, no QModelIndex)."""
        claim_id = self._rows.ids[row]
        return self._doc.claim(claim_id) if self._doc.has_claim(claim_id) else None

    def is_placed(self, claim_id: str) -> bool:
        return self._doc.is_placed(claim_id)

    def row_of(self, claim_id: str) -> int:
        return self._rows.row_of(claim_id)

    def _assign(self, rows: IdRows) -> None:
        self._rows = rows

    def _on_op(self, op: ops.Op) -> None:
        if isinstance(op, _CLAIM_OPS):
            sync_rows(self, self._rows, [c.id for c in self._doc.claims], self._assign)
        elif isinstance(op, ops.ReplaceClaim):
            self._changed(self._rows.row_of(op.claim.id))
        elif isinstance(op, (*_PLACEMENT_OPS, ops.SetInfo, ops.ReplaceSource)) and self._rows.ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def _changed(self, row: int) -> None:
        if row >= 0:
            self.dataChanged.emit(self.index(row), self.index(row))


def _tooltip(claim: Claim) -> str:
    lines = [claim.text or "(empty claim)"]
    for citation in claim.citations:
        who = f" — {citation.attribution}" if citation.attribution else ""
        lines.append(f"[{citation.source} {citation.locator}]{who}".replace(" ]", "]"))
    return "\n".join(lines)


@dataclass(frozen=True)
class ClaimFilter:
    """What the board shows; empty fields match everything."""

    text: str = ""
    kind: str = ""
    status: str = ""
    tag: str = ""
    source: str = ""
    unplaced_only: bool = False

    def accepts(self, claim: Claim, placed: bool) -> bool:
        if self.unplaced_only and placed:
            return False
        if self.kind and claim.kind != self.kind:
            return False
        if self.status and claim.status != self.status:
            return False
        if self.tag and self.tag.casefold() not in (t.casefold() for t in claim.tags):
            return False
        if self.source and all(c.source != self.source for c in claim.citations):
            return False
        return not self.text or self._text_matches(claim)

    def _text_matches(self, claim: Claim) -> bool:
        needle = self.text.casefold()
        haystacks = [claim.text, claim.notes, *claim.tags]
        for citation in claim.citations:
            haystacks += [citation.quote, citation.attribution]
        return any(needle in h.casefold() for h in haystacks)


class ClaimFilterProxy(QSortFilterProxyModel):
    """Filters the board by a :class:`ClaimFilter`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = ClaimFilter()
        self._accept_all = True

    @property
    def claim_filter(self) -> ClaimFilter:
        return self._filter

    def set_filter(self, claim_filter: ClaimFilter) -> None:
        if claim_filter != self._filter:
            self.beginFilterChange()
            self._filter = claim_filter
            self._accept_all = claim_filter == ClaimFilter()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    # Narrower than Qt's QAbstractItemModel on purpose: this proxy filters claims only.
    def setSourceModel(self, model: ClaimsModel) -> None:  # type: ignore[override]
        self._claims = model
        super().setSourceModel(model)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._accept_all:  # no filter: every row of the model is a claim to show
            return True
        claim = self._claims.claim_at(source_row)
        if claim is None:
            return False
        return self._filter.accepts(claim, self._claims.is_placed(claim.id))
