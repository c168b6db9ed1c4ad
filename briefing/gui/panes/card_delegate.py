"""Paints a claim card: status strip, kind badge, portion mark, text, estimate, citations."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from briefing.core.model import Claim
from briefing.core.text import collapse
from briefing.gui.models.claims import CLAIM_ROLE, PLACED_ROLE, PORTION_MARK_ROLE
from briefing.gui.style import KIND_COLOURS, STATUS_COLOURS, estimate_chip, kind_label

CARD_SIZE = QSize(250, 128)
MARGIN = 5
STRIP = 5


class CardDelegate(QStyledItemDelegate):
    """Draws one claim as an index card."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return CARD_SIZE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        claim: Claim | None = index.data(CLAIM_ROLE)
        if claim is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN))
        self._paint_frame(painter, option, card, claim)
        inner = card.adjusted(STRIP + 8, 7, -8, -6).toRect()
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = palette.highlightedText().color() if selected else palette.text().color()
        badge_right = self._paint_badge(painter, inner, claim.kind, option.font)
        self._paint_corner(painter, inner, index, claim, option.font, text_colour, badge_right)
        body = QRect(inner.left(), inner.top() + 22, inner.width(), inner.height() - 44)
        painter.setPen(text_colour)
        painter.setFont(option.font)
        text = _elided_text(claim.text or "(empty claim)", body, QFontMetrics(option.font))
        painter.drawText(body, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop, text)
        self._paint_footer(painter, inner, claim, option.font, selected, palette)
        painter.restore()

    def _paint_frame(self, painter: QPainter, option: Any, card: QRectF, claim: Claim) -> None:
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        fill = palette.highlight().color() if selected else palette.base().color()
        border = palette.highlight().color() if selected else palette.mid().color()
        if option.state & QStyle.StateFlag.State_HasFocus:
            border = palette.highlight().color().darker(130)
        painter.setPen(QPen(border, 1.2))
        painter.setBrush(fill)
        painter.drawRoundedRect(card, 6, 6)
        strip = QRectF(card.left(), card.top(), STRIP + 3, card.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATUS_COLOURS.get(claim.status, "#a0aec0")))
        painter.setClipRect(strip.adjusted(0, 0, -3, 0))
        painter.drawRoundedRect(card, 6, 6)
        painter.setClipping(False)

    def _paint_badge(self, painter: QPainter, inner: QRect, kind: str, font: QFont) -> int:
        badge_font = QFont(font)
        badge_font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        badge_font.setBold(True)
        metrics = QFontMetrics(badge_font)
        label = kind_label(kind).upper()
        rect = QRectF(inner.left(), inner.top(), metrics.horizontalAdvance(label) + 12, 17)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(KIND_COLOURS.get(kind, "#718096")))
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(QColor("white"))
        painter.setFont(badge_font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        return int(rect.right())

    def _paint_corner(self, painter: QPainter, inner: QRect,
                      index: QModelIndex | QPersistentModelIndex, claim: Claim,
                      font: QFont, colour: QColor, left: int) -> None:
        """Portion mark and placed marker at the top right."""
        bits = []
        mark = index.data(PORTION_MARK_ROLE)
        if mark:
            bits.append(mark)
        if index.data(PLACED_ROLE):
            bits.append("✓ placed")
        if not bits:
            return
        small = QFont(font)
        small.setPointSizeF(max(6.5, font.pointSizeF() * 0.85))
        painter.setFont(small)
        painter.setPen(colour)
        rect = QRect(left + 6, inner.top(), inner.right() - left - 6, 17)
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         "  ".join(bits))

    def _paint_footer(self, painter: QPainter, inner: QRect, claim: Claim, font: QFont,
                      selected: bool, palette: QPalette) -> None:
        small = QFont(font)
        small.setPointSizeF(max(6.5, font.pointSizeF() * 0.85))
        painter.setFont(small)
        metrics = QFontMetrics(small)
        y = inner.bottom() - 17
        chip = estimate_chip(claim.confidence, claim.likelihood)
        if chip:
            rect = QRectF(inner.left(), y, metrics.horizontalAdvance(chip) + 12, 17)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#edf2f7") if not selected else QColor(255, 255, 255, 60))
            painter.drawRoundedRect(rect, 8, 8)
            painter.setPen(palette.highlightedText().color() if selected else QColor("#2d3748"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, chip)
        count = len(claim.citations)
        cites = "no citation" if count == 0 else f"{count} citation{'s' if count > 1 else ''}"
        if count == 0 and claim.kind in ("information", "quote"):
            painter.setPen(QColor("#e53e3e") if not selected else QColor("#ffd2d2"))
            cites = "⚠ " + cites
        else:
            painter.setPen(palette.highlightedText().color() if selected else QColor("#4a5568"))
        painter.drawText(QRect(inner.left(), y, inner.width(), 17),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, cites)


def _elided_text(text: str, rect: QRect, metrics: QFontMetrics) -> str:
    """Word-wrapped *text* cut with an ellipsis to the lines that fit in *rect*."""
    lines_fit = max(1, rect.height() // metrics.lineSpacing())
    words = collapse(text)
    flags = Qt.TextFlag.TextWordWrap
    if metrics.boundingRect(rect.adjusted(0, 0, 0, 10_000), flags, words).height() <= rect.height():
        return words
    low, high = 0, len(words)
    while low < high:
        mid = (low + high + 1) // 2
        candidate = words[:mid].rstrip() + "…"
        height = metrics.boundingRect(rect.adjusted(0, 0, 0, 10_000), flags, candidate).height()
        if height <= lines_fit * metrics.lineSpacing():
            low = mid
        else:
            high = mid - 1
    return words[:low].rstrip() + "…"
