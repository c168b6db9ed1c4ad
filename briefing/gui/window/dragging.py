"""Drags started by the editor's own views: the board's cards, the outline's rows and
the Reader's selected passage.

Each view starts its drag here (from Python rather than inside Qt's C++ view code), so
the drag carries a picture of what is dragged and every drag goes through one place
that tests can drive.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QDrag, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

LABEL_WIDTH = 260


def drag_label(widget: QWidget, text: str) -> QPixmap:
    """A small card showing the start of *text*, to follow the pointer."""
    metrics = QFontMetrics(widget.font())
    text = " ".join(text.split())
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, LABEL_WIDTH * 2 - 24)
    rect = metrics.boundingRect(QRect(0, 0, LABEL_WIDTH - 16, 1000),
                                Qt.TextFlag.TextWordWrap, shown)
    pixmap = QPixmap(LABEL_WIDTH, min(rect.height(), metrics.height() * 2) + 12)
    pixmap.fill(QColor(255, 255, 255, 230))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#4a5568"))
    painter.drawRect(pixmap.rect().adjusted(0, 0, -1, -1))
    painter.drawText(pixmap.rect().adjusted(8, 6, -8, -6), Qt.TextFlag.TextWordWrap, shown)
    painter.end()
    return pixmap


def run_drag(source: QWidget, data: QMimeData, actions: Qt.DropAction,
             default: Qt.DropAction, label: str = "") -> Qt.DropAction:
    """Drag *data* from *source*; returns the action the drop target performed."""
    drag = QDrag(source)
    drag.setMimeData(data)
    if label:
        drag.setPixmap(drag_label(source, label))
        drag.setHotSpot(QPoint(12, 12))
    return drag.exec(actions, default)
