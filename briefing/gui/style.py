"""Colours, badges and small painted icons shared by views (no widgets here)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from briefing.core.vocab import (
    CREDIBILITY_LABELS,
    LIKELIHOOD_TERMS,
    RELIABILITY_LABELS,
    ClaimKind,
    ClaimStatus,
    Credibility,
    Likelihood,
    Reliability,
    SourceKind,
)

KIND_COLOURS: dict[str, str] = {
    ClaimKind.INFORMATION: "#2f6db5",
    ClaimKind.QUOTE: "#7a4fb0",
    ClaimKind.ASSUMPTION: "#b7791f",
    ClaimKind.JUDGMENT: "#2f855a",
}

STATUS_COLOURS: dict[str, str] = {
    ClaimStatus.DRAFT: "#a0aec0",
    ClaimStatus.CHECKED: "#38a169",
    ClaimStatus.DISPUTED: "#e53e3e",
}

SOURCE_KIND_COLOURS: dict[str, str] = {
    SourceKind.NEWS: "#2b6cb0", SourceKind.ARTICLE: "#2c7a7b", SourceKind.INTERVIEW: "#805ad5",
    SourceKind.STATEMENT: "#b83280", SourceKind.SOCIAL: "#3182ce", SourceKind.REPORT: "#4a5568",
    SourceKind.GOVERNMENT: "#744210", SourceKind.INTELLIGENCE: "#1a202c",
    SourceKind.DATASET: "#276749", SourceKind.BOOK: "#9c4221", SourceKind.WEB: "#00a3c4",
    SourceKind.OTHER: "#718096",
}

HIGHLIGHT_COLOUR = "#fff3a3"
HIGHLIGHT_ACTIVE_COLOUR = "#ffd54a"


def kind_label(kind: str) -> str:
    return kind.capitalize() if kind else ""


def likelihood_label(value: str) -> str:
    """``"likely (55–80%)"``; empty for no likelihood."""
    if not value:
        return ""
    term = LIKELIHOOD_TERMS[Likelihood(value)]
    return f"{term.label} ({term.range_label})"


def reliability_label(value: str) -> str:
    return f"{value} — {RELIABILITY_LABELS[Reliability(value)]}" if value else ""


def credibility_label(value: str) -> str:
    return f"{value} — {CREDIBILITY_LABELS[Credibility(value)]}" if value else ""


def estimate_chip(confidence: str, likelihood: str) -> str:
    """The short text of a card's estimate chip: "likely · moderate conf."."""
    parts = []
    if likelihood:
        parts.append(LIKELIHOOD_TERMS[Likelihood(likelihood)].label)
    if confidence:
        parts.append(f"{confidence} conf.")
    return " · ".join(parts)


@cache
def source_kind_icon(kind: str) -> QIcon:
    """A small rounded tile with the kind's initial, coloured per kind."""
    return _letter_icon(SOURCE_KIND_COLOURS.get(kind, "#718096"), (kind or "?")[0].upper(),
                        round_tile=True)


PROSE_COLOUR = "#718096"


@cache
def kind_icon(kind: str) -> QIcon:
    """A small badge for a placed claim's kind (first letter), or ¶ for prose."""
    letter = (kind or "¶")[0].upper() if kind in KIND_COLOURS else "¶"
    return _letter_icon(KIND_COLOURS.get(kind, PROSE_COLOUR), letter, round_tile=False)


def _letter_icon(colour: str, letter: str, round_tile: bool) -> QIcon:
    """A 32-pixel white letter on a coloured rounded tile or disc."""
    size = 32
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    if round_tile:
        painter.drawRoundedRect(QRectF(2, 2, size - 4, size - 4), 6, 6)
    else:
        painter.drawEllipse(QRectF(3, 3, size - 6, size - 6))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(17 if round_tile else 16)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, letter)
    painter.end()
    return QIcon(pixmap)
