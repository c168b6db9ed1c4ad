"""The Sources dock: a searchable table of sources.

Typing in the search box filters the list as you type: through the store's
full-text index when the document has one, by title/author otherwise.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefing.core.document import Document
from briefing.gui.models.sources import (
    CITED,
    DATE,
    GRADE,
    KIND,
    SEARCH_TEXT_ROLE,
    SOURCE_ID_ROLE,
    SourcesModel,
)

SearchFn = Callable[[str], list[str] | None]
"""Query → ids of matching sources (None: no index, fall back to titles)."""


class _SourceFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._needle = ""
        self._ids: set[str] | None = None

    def set_match(self, needle: str, ids: set[str] | None) -> None:
        self.beginFilterChange()
        self._needle, self._ids = needle.casefold(), ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._needle:
            return True
        index = self.sourceModel().index(row, 0, parent)
        if self._ids is not None and index.data(SOURCE_ID_ROLE) in self._ids:
            return True
        return self._needle in (index.data(SEARCH_TEXT_ROLE) or "").casefold()


class SourcesPanel(QWidget):
    """Lists sources; emits which one is current and which one to open."""

    current_source_changed = Signal(str)
    """The current source id, or "" for none."""
    source_activated = Signal(str)

    def __init__(self, doc: Document, search: SearchFn | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.model = SourcesModel(doc, self)
        self.proxy = _SourceFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.DisplayRole)
        self.search_box = QLineEdit(self)
        self.search_box.setAccessibleName("Search sources")
        self.search_box.setPlaceholderText("Search sources…")
        self.search_box.setClearButtonEnabled(True)
        self.view = _SourceTree(self)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setModel(self.proxy)
        self.view.setAccessibleName("Sources")
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        digit = self.fontMetrics().horizontalAdvance("0")
        for column, chars in ((DATE, 11), (GRADE, 6), (CITED, 6)):  # fixed: no full scan
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, digit * chars + 12)
        self.view.setColumnHidden(KIND, True)  # the title's icon and tooltip show the kind
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(self._debounce.start)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.activated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search_box)
        layout.addWidget(self.view)

    def run_search(self) -> None:
        """Filter by the search box now (typing does it after a short pause)."""
        self._debounce.stop()
        query = self.search_box.text().strip()
        ids = self._search(query) if (self._search and query) else None
        self.proxy.set_match(query, set(ids) if ids is not None else None)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def selected_source_ids(self) -> list[str]:
        rows = self.view.selectionModel().selectedRows()
        return [index.data(SOURCE_ID_ROLE) for index in sorted(rows, key=QModelIndex.row)]

    def current_source_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(SOURCE_ID_ROLE) if index.isValid() else None

    def select_source(self, source_id: str) -> None:
        row = self.model.row_of(source_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                self.view.setCurrentIndex(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        source_id = current.data(SOURCE_ID_ROLE) if current.isValid() else ""
        self.current_source_changed.emit(source_id)

    def _activated(self, index: QModelIndex) -> None:
        self.source_activated.emit(index.data(SOURCE_ID_ROLE))


class _SourceTree(QTreeView):
    """The sources list; in a narrow dock the Date column gives way to the titles."""

    NARROW = 340

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.model() is not None:
            self.setColumnHidden(DATE, event.size().width() < self.NARROW)
