"""Speaker suggestions in the GUI: the top three for a passage, as a menu to pick from.

The Reader's context menu offers them for a selection (*New Claim Attributed To*
▸ 1 … 3) and the inspector's attribution field has a ▾ button listing them for
the citation's passage.  They are hints from ``briefing.ingest.suggest_attribution``:
picking one is an ordinary undoable edit, and the field stays free text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

SUGGESTIONS = 3


def suggested_labels(text: str, start: int, end: int) -> list[str]:
    """Labels of the (at most three) speakers suggested for text[start:end]."""
    if not 0 <= start < end <= len(text):
        return []
    from briefing.ingest import suggest_attribution  # heavy: load on first use

    return [a.label for a in suggest_attribution(text, start, end, SUGGESTIONS)]


def fill_menu(menu: QMenu, labels: list[str], pick: Callable[[str], None]) -> None:
    """Numbered entries (keys 1–3) for *labels*, or one disabled "No suggestion"."""
    menu.clear()
    if not labels:
        menu.addAction("No suggestion for this passage").setEnabled(False)
        return
    for number, label in enumerate(labels, 1):
        action = menu.addAction(f"&{number}  {label.replace('&', '&&')}")
        action.setData(label)
        action.triggered.connect(lambda _checked=False, chosen=label: pick(chosen))


class SpeakerButton(QToolButton):
    """▾ beside an attribution field: the suggested speakers of the citation's passage."""

    picked = Signal(str)

    def __init__(self, provider: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText("▾")
        self.setToolTip("Suggested speakers for the cited passage")
        self.setAccessibleName("Suggested speakers")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.suggestions = QMenu(self)
        self.setMenu(self.suggestions)
        self.suggestions.aboutToShow.connect(
            lambda: fill_menu(self.suggestions, provider(), self.picked.emit))
