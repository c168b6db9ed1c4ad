"""File ▸ Document History…: what happened to this briefing, newest first (read-only).

Lists the file's history rows (review imports, exports with a marking override, …) merged
with the review decisions kept in the briefing (:mod:`briefing.review.history`); sortable by
any column, filterable by kind, and read with the keyboard like any table.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing.review.history import Entry, kinds

COLUMNS = ("When", "Kind", "What", "Item", "Reviewer", "File", "Detail")
ALL_KINDS = "All kinds"


def _row(entry: Entry) -> list[QStandardItem]:
    cells = [QStandardItem(value) for value in (
        entry.at, entry.kind, entry.what, entry.item, entry.reviewer, entry.file, entry.detail)]
    for cell in cells:
        cell.setEditable(False)
        cell.setToolTip(cell.text())
    return cells


class HistoryDialog(QDialog):
    """A read-only, sortable, filterable table of *entries* (already newest first)."""

    def __init__(self, entries: list[Entry], title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Document History — {title}")
        self.setObjectName("HistoryDialog")
        self.resize(1080, 440)
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        for entry in entries:
            self.model.appendRow(_row(entry))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(COLUMNS.index("Kind"))
        self.kind = QComboBox(self)
        self.kind.addItems([ALL_KINDS, *kinds(entries)])
        self.kind.setAccessibleName("Show kind")
        self.kind.currentTextChanged.connect(self._filter)
        self.table = self._table()
        self.count = QLabel(self)
        self.count.setAccessibleName("Entries shown")
        self.empty = QLabel("Nothing has been recorded in this briefing's history yet: "
                            "review imports, review decisions and exports with a marking "
                            "override appear here.", self)
        self.empty.setWordWrap(True)
        self.empty.setVisible(not entries)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self._lay_out(buttons)
        self._filter(ALL_KINDS)

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.proxy)
        table.setAccessibleName("Document history")
        table.setAccessibleDescription("Newest first; sort by clicking a column heading")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((190, 130, 160, 300, 130, 140)):
            table.setColumnWidth(column, width)
        return table

    def _lay_out(self, buttons: QDialogButtonBox) -> None:
        top = QHBoxLayout()
        label = QLabel("&Show:", self)
        label.setBuddy(self.kind)
        top.addWidget(label)
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.setFocus()

    def _filter(self, kind: str) -> None:
        pattern = "" if kind == ALL_KINDS else f"^{QRegularExpression.escape(kind)}$"
        self.proxy.setFilterRegularExpression(pattern)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total} entries" if shown != total
                           else f"{total} entr{'y' if total == 1 else 'ies'}")
        if shown:
            self.table.selectRow(0)

    def rows(self) -> list[list[str]]:
        """What the table shows, top to bottom (for tests and accessibility checks)."""
        return [[self.proxy.index(r, c).data() or "" for c in range(len(COLUMNS))]
                for r in range(self.proxy.rowCount())]

