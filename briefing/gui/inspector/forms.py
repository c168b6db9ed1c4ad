"""Small widget helpers shared by the panels: combo boxes, tool buttons, guarded widget
updates, bursts."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QToolButton, QWidget

from briefing.gui.document.session import Session


def choice_box(parent: QWidget, items: Iterable[tuple[str, str]], empty: str | None = None,
               tooltips: dict[str, str] | None = None) -> QComboBox:
    """A combo box whose item data are vocabulary values ('' for *empty*)."""
    box = QComboBox(parent)
    guard_combo(box)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    if empty is not None:
        box.addItem(empty, "")
    for label, value in items:
        box.addItem(label, value)
        if tooltips and value in tooltips:
            box.setItemData(box.count() - 1, tooltips[value], 3)  # Qt.ToolTipRole
    return box


class _ComboGuard(QObject):
    """Keeps a combo box from changing on a stray wheel turn or arrow key.

    The wheel changes nothing (it scrolls the form instead); Up/Down on a closed box open
    its list, where arrows move and Enter chooses: a change needs an explicit choice.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QComboBox):
            return False
        if event.type() == QEvent.Type.Wheel:
            event.ignore()
            return True
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            watched.showPopup()
            return True
        return False


_GUARD: list[_ComboGuard] = []


def guard_combo(box: QComboBox) -> QComboBox:
    """Make *box* change only on an explicit choice (see :class:`_ComboGuard`)."""
    if not _GUARD:
        _GUARD.append(_ComboGuard())
    box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    box.installEventFilter(_GUARD[0])
    return box


def tool_button(parent: QWidget, text: str, tip: str, flat: bool = False) -> QToolButton:
    """A small text button whose tooltip is also its name for screen readers."""
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setAutoRaise(flat)
    return button


def set_choice(box: QComboBox, value: str) -> None:
    index = box.findData(value)
    if index < 0:
        box.addItem(value, value)
        index = box.count() - 1
    if box.currentIndex() != index:
        box.blockSignals(True)
        box.setCurrentIndex(index)
        box.blockSignals(False)


def set_text(widget: QLineEdit | QPlainTextEdit, value: str) -> None:
    """Show *value* unless the widget already holds it (keeps the cursor while typing)."""
    current = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
    if current == value:
        return
    widget.blockSignals(True)
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    else:
        widget.setText(value)
        widget.setCursorPosition(0)
    widget.blockSignals(False)


class Bursts(QObject):
    """Counts editing bursts: a new burst starts on focus loss or any foreign undo step.

    Edits with the same (record, field, burst) key merge into one undo step.
    """

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.serial = 0
        self.pushing = False
        session.undo_stack.indexChanged.connect(self._index_changed)

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def next(self) -> None:
        self.serial += 1

    def _index_changed(self, _index: int) -> None:
        if not self.pushing:
            self.serial += 1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.serial += 1
        return False
