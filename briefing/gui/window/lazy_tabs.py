"""Tabs whose page is built the first time it is shown (or asked for).

The editor opens on the Board; the Preview is built when the user first goes to it,
so a window paints without first rendering a page nobody looks at.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

Factory = Callable[[], QWidget]

BOARD_TAB, READER_TAB, PREVIEW_TAB = range(3)
"""The main window's tabs, in order (the last is built lazily; the outline is a pane of
its own, beside them)."""


class LazyTabs:
    """Placeholder pages in *tabs* that a factory replaces on first use."""

    def __init__(self, tabs: QTabWidget) -> None:
        self.tabs = tabs
        self._factories: dict[int, Factory] = {}
        self._built: dict[int, QWidget] = {}
        tabs.currentChanged.connect(self._current_changed)

    def add(self, title: str, factory: Factory) -> int:
        """Add a tab titled *title* whose page *factory* makes when first needed."""
        index = self.tabs.addTab(QWidget(self.tabs), title)
        self._factories[index] = factory
        return index

    def built(self, index: int) -> QWidget | None:
        """The page at *index* if it exists yet (never builds it)."""
        return self._built.get(index)

    def page(self, index: int) -> QWidget:
        """The page at *index*, built now if it was not yet."""
        if index in self._built:
            return self._built[index]
        widget = self._factories.pop(index)()
        self._built[index] = widget
        current = self.tabs.currentIndex()
        title = self.tabs.tabText(index)
        placeholder = self.tabs.widget(index)
        self.tabs.blockSignals(True)  # the swap is not a change of tab for the user
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()
        return widget

    def _current_changed(self, index: int) -> None:
        if index in self._factories:
            self.page(index)
