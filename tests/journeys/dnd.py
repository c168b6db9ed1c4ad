"""Real drags under the offscreen platform, which has no drag-and-drop loop of its own.

A drag starts the way a user starts one: a mouse press and moves on the source widget make
the view itself call ``QDrag.exec`` (its own drag code). On the offscreen platform that
call returns at once, so :class:`DragLoop` stands in for the platform's loop, as Qt's
``QBasicDrag`` does on X11: it runs a nested event loop, takes the mouse events that
timers send meanwhile, finds the widget under the pointer that accepts drops, and sends it
the same QDragEnter/QDragMove/QDrop events Qt would. What happens on the drop is the
target widget's own code.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QMouseEvent,
    QWindow,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


class _Run(QObject):
    """One drag in progress: the nested loop's event filter."""

    def __init__(self, drag: QDrag, actions: Qt.DropAction, default: Qt.DropAction) -> None:
        super().__init__()
        self.drag, self.actions, self.default = drag, actions, default
        self.target: QWidget | None = None
        self.accepted = False
        self.action = Qt.DropAction.IgnoreAction
        self.result = Qt.DropAction.IgnoreAction
        self.loop = QEventLoop()
        self.done = False

    def _widget_at(self, global_pos: QPoint) -> QWidget | None:
        for top in QApplication.topLevelWidgets():
            if not top.isVisible() or not top.geometry().contains(global_pos):
                continue
            child = top.childAt(top.mapFromGlobal(global_pos)) or top
            while child is not None and not child.acceptDrops():
                child = child.parentWidget()
            if child is not None:
                return child
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self.done or not isinstance(watched, QWindow | QWidget)
                or not isinstance(event, QMouseEvent)):
            return False
        if event.type() == QEvent.Type.MouseMove:
            self._move(event.globalPosition().toPoint())
            return True
        if event.type() == QEvent.Type.MouseButtonRelease:
            self._drop(event.globalPosition().toPoint())
            return False  # the release still ends the press (Qt's button state follows)
        return event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)

    def _move(self, global_pos: QPoint) -> None:
        target = self._widget_at(global_pos)
        data = self.drag.mimeData()
        if target is not self.target:
            if self.target is not None:
                QApplication.sendEvent(self.target, QDragLeaveEvent())
            self.target, self.accepted = target, False
            if target is None:
                return
            enter = QDragEnterEvent(target.mapFromGlobal(global_pos), self.actions, data,
                                    LEFT, NONE)
            enter.setDropAction(self.default)
            QApplication.sendEvent(target, enter)
            if not enter.isAccepted():
                self.target = None
                return
        if self.target is None:
            return
        move = QDragMoveEvent(self.target.mapFromGlobal(global_pos), self.actions, data,
                              LEFT, NONE)
        move.setDropAction(self.default)
        QApplication.sendEvent(self.target, move)
        self.accepted = move.isAccepted()
        self.action = move.dropAction()

    def _drop(self, global_pos: QPoint) -> None:
        self.done = True
        if self.target is not None and self.accepted:
            drop = QDropEvent(QPointF(self.target.mapFromGlobal(global_pos)), self.actions,
                              self.drag.mimeData(), Qt.MouseButton.NoButton, NONE)
            drop.setDropAction(self.action)
            QApplication.sendEvent(self.target, drop)
            if drop.isAccepted():
                self.result = drop.dropAction()
        self.loop.quit()


class DragLoop:
    """Installs itself as ``QDrag.exec`` for a test; counts the drags that ran."""

    def __init__(self, monkeypatch) -> None:  # noqa: ANN001
        self.drags: list[Qt.DropAction] = []
        loop = self

        def exec_(drag: QDrag, actions: Qt.DropAction = Qt.DropAction.MoveAction,
                  default: Qt.DropAction = Qt.DropAction.IgnoreAction) -> Qt.DropAction:
            return loop.run(drag, actions, default)

        monkeypatch.setattr(QDrag, "exec", exec_)

    def run(self, drag: QDrag, actions: Qt.DropAction, default: Qt.DropAction) -> Qt.DropAction:
        run = _Run(drag, actions, default)
        app = QApplication.instance()
        app.installEventFilter(run)
        QTimer.singleShot(10_000, run.loop.quit)  # a test that forgot to drop still ends
        try:
            run.loop.exec()
        finally:
            app.removeEventFilter(run)
        self.drags.append(run.result)
        return run.result


def drag_and_drop(source: QWidget, start: QPoint, target: QWidget, end: QPoint,
                  before_press: Callable[[], None] | None = None) -> None:
    """Press at *start* on *source*, move until the view starts its drag, then (from a
    timer, inside the drag's loop) move over *target* to *end* and release there."""

    def over_target() -> None:
        for step in (QPoint(-6, 0), QPoint(-3, 0), QPoint(0, 0)):
            QTest.mouseMove(target, end + step)
        QTest.mouseRelease(target, LEFT, NONE, end)

    if before_press is not None:
        before_press()
    QTest.mousePress(source, LEFT, NONE, start)
    QTimer.singleShot(0, over_target)
    for k in range(1, 6):
        QTest.mouseMove(source, start + QPoint(6 * k, 4 * k))
    QApplication.processEvents()
