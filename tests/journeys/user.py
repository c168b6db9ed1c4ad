"""A user at the keyboard and mouse of a shown main window (for the journey tests).

Every method sends QTest key or mouse events to a widget the user can see: keys go to the
widget that has the focus, clicks land on the rectangle of an item as it is drawn. The
document is read only to find where something is drawn (which row shows a card) and, in
the tests, to assert what happened.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from briefing.gui.models.claims import CLAIM_ID_ROLE
from briefing.gui.window.main_window import MainWindow
from tests.journeys.dnd import drag_and_drop

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def wait_until(check: Callable[[], object], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        QApplication.processEvents()
        time.sleep(0.01)


def visible(widget: QWidget) -> QWidget:
    assert widget.isVisible(), f"{widget!r} is not visible"
    return widget


class User:
    """Drives *window* like a person does."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    # -------------------------------------------------------------- keyboard
    def focus(self) -> QWidget:
        """Where a key goes: an open list or menu, else a dialog, else the focused widget."""
        popup = QApplication.activePopupWidget()
        if popup is not None:
            focus = QApplication.focusWidget()
            return focus if focus is not None and popup.isAncestorOf(focus) else popup
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.isVisible():
            return modal.focusWidget() or modal
        return QApplication.focusWidget() or self.window.focusWidget() or self.window

    def focused_pane(self) -> str:
        pane = self.window.layout_.current_pane()
        return pane.name if pane is not None else ""

    def f6_to(self, pane: str) -> None:
        """Press F6 until the focus is in *pane* (as a user watching the focus frame)."""
        for _ in range(8):
            if self.focused_pane() == pane:
                return
            self.key(Qt.Key.Key_F6)
        raise AssertionError(f"F6 never reached the {pane}")

    def arrow_to(self, view: QAbstractItemView, index: QModelIndex,
                 keys: tuple[Qt.Key, Qt.Key] = (Qt.Key.Key_Down, Qt.Key.Key_Up)) -> None:
        """Press Down (then Up) until *index* is the current item of the focused *view*."""
        assert QApplication.focusWidget() is view
        for key in keys:
            for _ in range(40):
                if view.currentIndex() == index:
                    return
                self.key(key)
        raise AssertionError("the arrows never reached the item")

    def find_passage(self, passage: str) -> None:
        """Edit ▸ Find, type the passage, Find Next until the Reader selects it, Esc."""
        self.shortcut("Ctrl+F")
        self.key(Qt.Key.Key_A, CTRL)
        self.type(passage)
        reader = self.window.reader
        for _ in range(6):
            self.key(Qt.Key.Key_Return)
            if reader.isVisible() and reader.text.textCursor().selectedText() == passage:
                self.key(Qt.Key.Key_Escape)
                return
        raise AssertionError(f"Find never showed {passage[:30]!r} in the Reader")

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
        QTest.keyClick(self.focus(), key, modifiers)
        QApplication.processEvents()

    def shortcut(self, sequence: str) -> None:
        """Press a shortcut such as "Ctrl+Shift+M" (sent to the focused widget)."""
        from PySide6.QtGui import QKeySequence

        combo = QKeySequence(sequence)[0]
        QTest.keyClick(self.focus(), combo.key(), combo.keyboardModifiers())
        QApplication.processEvents()

    def type(self, text: str) -> None:
        QTest.keyClicks(self.focus(), text)
        QApplication.processEvents()

    def tab_to(self, widget: QWidget, backwards: bool = False, limit: int = 60) -> None:
        """Press Tab (or Shift+Tab) until *widget* has the focus."""
        for _ in range(limit):
            if QApplication.focusWidget() is widget:
                return
            self.key(Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab,
                     SHIFT if backwards else NONE)
        raise AssertionError(f"Tab never reached {widget.accessibleName() or widget!r}")

    # ----------------------------------------------------------------- mouse
    def click(self, widget: QWidget, pos: QPoint | None = None, double: bool = False) -> None:
        visible(widget)
        at = pos if pos is not None else widget.rect().center()
        assert widget.rect().contains(at), f"{at} is outside {widget!r}"
        if double:
            QTest.mouseDClick(widget, LEFT, NONE, at)
        else:
            QTest.mouseClick(widget, LEFT, NONE, at)
        QApplication.processEvents()

    def item_point(self, view: QAbstractItemView, index: QModelIndex) -> QPoint:
        """The centre of *index* as drawn, scrolled into view as a user would scroll."""
        assert index.isValid()
        view.scrollTo(index)
        QApplication.processEvents()
        rect = view.visualRect(index)
        assert view.viewport().rect().intersects(rect), "item not on screen"
        return rect.center()

    def click_item(self, view: QAbstractItemView, index: QModelIndex,
                   modifiers: Qt.KeyboardModifier = NONE) -> None:
        point = self.item_point(view, index)
        QTest.mouseClick(view.viewport(), LEFT, modifiers, point)
        QApplication.processEvents()

    def choose(self, box: QWidget, text: str) -> None:
        """Open a combo box with the mouse and click the item showing *text*."""
        self.click(box)
        view = box.view()
        wait_until(view.isVisible)
        row = box.findText(text)
        assert row >= 0, f"{text!r} is not offered"
        point = self.item_point(view, box.model().index(row, 0))
        for _ in range(3):  # as a person would, click again if the list is still open
            QTest.mouseMove(view.viewport(), point)  # the pointer rests on the item first
            QTest.qWait(QApplication.doubleClickInterval() + 20)  # (no double click)
            QTest.mouseClick(view.viewport(), LEFT, NONE, point)
            QTest.qWait(50)
            if not view.isVisible():
                break
        wait_until(lambda: not view.isVisible())

    def replace_text(self, field: QWidget, text: str) -> None:
        """Click into a text field, select all it holds and type *text* over it."""
        self.click(field.viewport() if hasattr(field, "viewport") else field)
        self.key(Qt.Key.Key_A, CTRL)
        self.type(text)

    # -------------------------------------------------------------- the views
    def card_index(self, claim_id: str) -> QModelIndex:
        board = self.window.board
        proxy = board.proxy
        for row in range(proxy.rowCount()):
            index = proxy.index(row, 0)
            if index.data(CLAIM_ID_ROLE) == claim_id:
                return index
        raise AssertionError(f"card {claim_id} is not on the board")

    def section_index(self, title: str) -> QModelIndex:
        model = self.window.outline.model
        stack = [model.index(r, 0) for r in range(model.rowCount())]
        while stack:
            index = stack.pop(0)
            if index.data(Qt.ItemDataRole.EditRole) == title and index.data(
                    Qt.ItemDataRole.UserRole + 21) is None:
                return index
            stack += [model.index(r, 0, index) for r in range(model.rowCount(index))]
        raise AssertionError(f"no section titled {title!r}")

    def select_passage(self, passage: str) -> None:
        """Drag the mouse over *passage* in the Reader (its first occurrence)."""
        text = self.window.reader.text
        visible(text)
        start = text.toPlainText().index(passage)
        end = start + len(passage)
        begin = self._char_point(start, before=True)
        finish = self._char_point(end, before=True)
        QTest.mousePress(text.viewport(), LEFT, NONE, begin)
        QTest.mouseMove(text.viewport(), (begin + finish) / 2)
        QTest.mouseMove(text.viewport(), finish)
        QTest.mouseRelease(text.viewport(), LEFT, NONE, finish)
        QApplication.processEvents()
        assert text.textCursor().selectedText() == passage.replace("\n", "\u2029")

    def _char_point(self, position: int, before: bool) -> QPoint:
        text = self.window.reader.text
        cursor = QTextCursor(text.document())
        cursor.setPosition(position)
        rect = text.cursorRect(cursor)
        if not text.viewport().rect().contains(rect.center()):
            text.verticalScrollBar().setValue(
                text.verticalScrollBar().value() + rect.center().y() - 40)
            QApplication.processEvents()
            rect = text.cursorRect(cursor)
        return QPoint(rect.center().x(), rect.center().y())

    def drag(self, source: QWidget, start: QPoint, target: QWidget, end: QPoint) -> None:
        drag_and_drop(source, start, target, end)
        QApplication.processEvents()

    def drag_card_to(self, claim_id: str, section: str) -> None:
        board = self.window.board.view
        start = self.item_point(board, self.card_index(claim_id))
        outline = self.window.outline.view
        end = self.item_point(outline, self.section_index(section))
        self.drag(board.viewport(), start, outline.viewport(), end)

    def drag_passage_to(self, passage: str, section: str) -> None:
        self.select_passage(passage)
        text = self.window.reader.text
        start = text.toPlainText().index(passage)
        point = self._char_point(start + min(5, len(passage) // 2), before=True)
        outline = self.window.outline.view
        end = self.item_point(outline, self.section_index(section))
        self.drag(text.viewport(), point, outline.viewport(), end)

    # ---------------------------------------------------------------- modals
    def answer_next_modal(self, kind: type, answer: Callable[[QWidget], None]) -> None:
        """Answer the next modal window of class *kind* when it appears."""

        def poll() -> None:
            modal = QApplication.activeModalWidget()
            if not isinstance(modal, kind) or not modal.isVisible():
                QTimer.singleShot(20, poll)
                return
            answer(modal)

        QTimer.singleShot(20, poll)
