"""Keep a Qt model's row list of ids in step with the Document, with minimal signals.

A model holds the ids it shows (``self._ids``).  After each applied op it asks
for the new id list and :func:`sync_rows` emits the smallest change Qt
understands: one inserted or removed row, a move, or a reset — and the
caller then reports changed rows with ``dataChanged``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex


class IdRows:
    """Ordered ids of the rows a model shows, with an id → row map."""

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids
        self.rows = {i: n for n, i in enumerate(ids)}

    def __len__(self) -> int:
        return len(self.ids)

    def row_of(self, item_id: str) -> int:
        return self.rows.get(item_id, -1)


def sync_rows(model: QAbstractItemModel, current: IdRows, new_ids: list[str],
              assign: Callable[[IdRows], None]) -> bool:
    """Move *model* from *current* ids to *new_ids*; True when the row set changed."""
    old = current.ids
    if old == new_ids:
        return False
    parent = QModelIndex()
    if len(new_ids) == len(old) + 1:
        at = _first_difference(old, new_ids)
        if old[at:] == new_ids[at + 1:]:
            model.beginInsertRows(parent, at, at)
            assign(IdRows(new_ids))
            model.endInsertRows()
            return True
    if len(new_ids) == len(old) - 1:
        at = _first_difference(old, new_ids)
        if old[at + 1:] == new_ids[at:]:
            model.beginRemoveRows(parent, at, at)
            assign(IdRows(new_ids))
            model.endRemoveRows()
            return True
    model.beginResetModel()
    assign(IdRows(new_ids))
    model.endResetModel()
    return True


def _first_difference(a: list[str], b: list[str]) -> int:
    for n, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return n
    return min(len(a), len(b))
