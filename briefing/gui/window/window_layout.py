"""The main window's arrangement: which panes exist, where, and how the keyboard moves
between them.

The default layout puts the Outline (a binder, as in Scrivener) on the left above the
Sources, the Board / Reader / Preview tabs in the middle, the Inspector on the right
(full height, so a claim and its citations fit at 1366×768) and the Checks under the
middle.  The outline is visible beside both the Board and the Reader, so cards and
passages can be dragged straight onto a section.

The arrangement is saved per user (QSettings) when a window closes and restored when
one opens; View ▸ Reset Layout brings back the default.  F6 / Shift+F6 move focus
through the visible panes; Ctrl+1…4 show a view and put focus in it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QMenu, QWidget

LAYOUT_VERSION = 2
"""Bumped when the panes change, so a layout saved by an older version is not applied."""
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
VERSION_KEY = "window/layout_version"


Part = Callable[[Any], QWidget]
"""Given the window, one of its widgets (a function of the window, so a pane holds no
reference to it: a closed window is freed at once, not by the cycle collector)."""


@dataclass
class Pane:
    """A place keyboard focus can go: its name, the widget that holds it (visible when the
    pane is) and the widget that takes the focus."""

    name: str
    root: Part
    focus_widget: Part


def _show(widget: QWidget) -> None:
    dock = widget if isinstance(widget, QDockWidget) else None
    widget.show()
    if dock is not None:
        dock.raise_()


class WindowLayout(QObject):
    """Saves, restores and resets a main window's docks; cycles focus through its panes."""

    def __init__(self, window: QMainWindow, default_sizes: Callable[[Any], None]) -> None:
        super().__init__(window)
        self._default_sizes = default_sizes
        self._panes: list[Pane] = []
        self._default: QByteArray | None = None
        self._restored = False
        self._shown = False

    # ------------------------------------------------------------------ panes
    def add_pane(self, pane: Pane) -> None:
        self._panes.append(pane)

    def pane_names(self) -> list[str]:
        return [p.name for p in self._panes]

    @property
    def _window(self) -> QMainWindow:
        return cast(QMainWindow, self.parent())

    def _visible(self, pane: Pane) -> bool:
        return pane.root(self._window).isVisible()

    def visible_panes(self) -> list[Pane]:
        return [p for p in self._panes if self._visible(p)]

    def current_pane(self) -> Pane | None:
        """The pane holding keyboard focus, if any."""
        focus = self._window.focusWidget() or QApplication.focusWidget()
        if focus is None:
            return None
        for pane in self.visible_panes():
            root = pane.root(self._window)
            if focus is root or root.isAncestorOf(focus):
                return pane
        return None

    def cycle(self, step: int) -> Pane | None:
        """F6 (+1) / Shift+F6 (-1): focus the next visible pane."""
        panes = self.visible_panes()
        if not panes:
            return None
        current = self.current_pane()
        index = panes.index(current) if current in panes else (-1 if step > 0 else 0)
        pane = panes[(index + step) % len(panes)]
        self.focus(pane)
        return pane

    def focus(self, pane: Pane) -> None:
        root = pane.root(self._window)
        if isinstance(root, QDockWidget):
            _show(root)
        pane.focus_widget(self._window).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_named(self, name: str) -> None:
        for pane in self._panes:
            if pane.name == name:
                self.focus(pane)
                return

    # ------------------------------------------------------------- actions
    def add_actions(self, menu: QMenu) -> dict[str, QAction]:
        """F6, Shift+F6 and Reset Layout in *menu* (the View menu)."""
        window = self._window
        actions: dict[str, QAction] = {}
        for name, text, key, step in (("next_pane", "Next &Pane", "F6", +1),
                                      ("previous_pane", "Previous Pa&ne", "Shift+F6", -1)):
            action = QAction(text, window)
            action.setObjectName(f"action_{name}")
            action.setShortcut(QKeySequence(key))
            action.setStatusTip("Move the keyboard focus to the next visible pane"
                                if step > 0 else "Move the keyboard focus to the previous pane")
            action.triggered.connect(lambda _c=False, s=step: self.cycle(s))
            menu.addAction(action)
            actions[name] = action
        menu.addSeparator()
        reset = QAction("&Reset Layout", window)
        reset.setObjectName("action_reset_layout")
        reset.setStatusTip("Put every pane back where it was when Briefing was installed")
        reset.triggered.connect(self.reset)
        menu.addAction(reset)
        actions["reset_layout"] = reset
        return actions

    # ------------------------------------------------------------ persistence
    def remember_default(self) -> None:
        """Keep the layout as built, for Reset Layout (call before restore)."""
        self._default = self._window.saveState(LAYOUT_VERSION)

    def shown(self) -> None:
        """The window's first show: size the docks for its width unless a saved layout
        was restored."""
        if self._shown:
            return
        self._shown = True
        if not self._restored:
            self._default_sizes(self._window)

    def reset(self) -> None:
        if self._default is not None:
            self._window.restoreState(self._default, LAYOUT_VERSION)
        for dock in self._window.findChildren(QDockWidget):
            if dock.objectName() != "UndoHistoryDock":
                dock.setFloating(False)
                dock.show()
        self._default_sizes(self._window)

    def save(self) -> None:
        settings = QSettings()
        settings.setValue(GEOMETRY_KEY, self._window.saveGeometry())
        settings.setValue(STATE_KEY, self._window.saveState(LAYOUT_VERSION))
        settings.setValue(VERSION_KEY, LAYOUT_VERSION)

    def restore(self) -> None:
        settings = QSettings()
        geometry = settings.value(GEOMETRY_KEY)
        state = settings.value(STATE_KEY)
        if isinstance(geometry, QByteArray):
            self._window.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and _int(settings.value(VERSION_KEY)) == LAYOUT_VERSION:
            self._restored = self._window.restoreState(state, LAYOUT_VERSION)


def _int(value: object) -> int:
    if isinstance(value, int):
        return value
    try:
        return int(str(value))
    except ValueError:
        return -1

