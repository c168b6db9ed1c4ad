"""The Inspector dock: edits the selected claim, the selected source, or the briefing.

The source and briefing pages are built the first time they are shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from briefing.gui.document.session import Session
from briefing.gui.inspector.claim_editor import ClaimEditor
from briefing.gui.inspector.record_form import BriefingForm, SourceForm

CLAIM, SOURCE, BRIEFING = range(3)


def _scrolling(widget: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class Inspector(QWidget):
    """Three pages — claim, source, briefing — showing whichever was selected last."""

    source_requested = Signal(str, int, int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setContentsMargins(6, 4, 6, 0)
        self.claim_editor = ClaimEditor(session, self)
        self._source_form: SourceForm | None = None  # built when first shown
        self._briefing_form: BriefingForm | None = None
        self.pages = QStackedWidget(self)
        self.pages.addWidget(_scrolling(self.claim_editor, self))
        self.claim_editor.citations.source_requested.connect(self.source_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.pages)
        self.show_claim(None)

    @property
    def source_form(self) -> SourceForm:
        if self._source_form is None:
            self._source_form = SourceForm(self._session, self)
            self._source_area = _scrolling(self._source_form, self)
            self.pages.addWidget(self._source_area)
        return self._source_form

    @property
    def briefing_form(self) -> BriefingForm:
        if self._briefing_form is None:
            self._briefing_form = BriefingForm(self._session, self)
            self._briefing_area = _scrolling(self._briefing_form, self)
            self.pages.addWidget(self._briefing_area)
        return self._briefing_form

    def page(self) -> int:
        """CLAIM, SOURCE or BRIEFING: which page is showing."""
        shown = self.pages.currentWidget()
        if self._source_form is not None and shown is self._source_area:
            return SOURCE
        if self._briefing_form is not None and shown is self._briefing_area:
            return BRIEFING
        return CLAIM

    def first_field(self) -> QWidget:
        """Where the keyboard focus goes when the inspector is entered (F6)."""
        page = self.page()
        if page == SOURCE:
            return self.source_form.widgets["title"]
        if page == BRIEFING:
            return self.briefing_form.widgets["title"]
        return self.claim_editor.text

    def show_claim(self, claim_id: str | None) -> None:
        self.claim_editor.set_claim(claim_id)
        self.title.setText("Claim" if claim_id else "Claim — none selected")
        self.pages.setCurrentIndex(CLAIM)

    def show_source(self, source_id: str | None) -> None:
        if source_id is None:
            return
        self.source_form.set_source(source_id)
        self.title.setText("Source")
        self.pages.setCurrentWidget(self._source_area)

    def show_briefing(self) -> None:
        self.briefing_form.load()
        self.title.setText("Briefing properties")
        self.pages.setCurrentWidget(self._briefing_area)
