"""The citations part of the claim inspector: list, add/remove/reorder, and one citation."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing.core import ops
from briefing.core.model import Citation
from briefing.core.vocab import CREDIBILITY_LABELS
from briefing.gui.document.session import Session
from briefing.gui.inspector.forms import Bursts, choice_box, set_choice, set_text, tool_button
from briefing.gui.models.citations import ATTRIBUTION, QUOTE, SOURCE, CitationsModel
from briefing.gui.panes.excerpts import anchored
from briefing.gui.panes.speakers import SpeakerButton, suggested_labels
from briefing.gui.style import credibility_label


class CitationEditor(QWidget):
    """Edits the citations of one claim."""

    source_requested = Signal(str, int, int)
    """Open a source in the reader at (start, end); -1 when the citation has no offsets."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._doc = session.doc
        self.bursts = Bursts(session, self)
        self.model = CitationsModel(self._doc, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ATTRIBUTION, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setColumnHidden(QUOTE, True)  # shown in full below
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        self.table.setAccessibleName("Citations")
        self.table.doubleClicked.connect(self._show_in_reader)
        buttons = QHBoxLayout()
        self.add_button = tool_button(self, "+ Add", "Add a citation to this claim")
        self.remove_button = tool_button(self, "− Remove", "Remove the selected citation")
        self.up_button = tool_button(self, "↑", "Move the citation up")
        self.down_button = tool_button(self, "↓", "Move the citation down")
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.source = choice_box(self, [])
        self.locator = QLineEdit(self)
        self.locator.setPlaceholderText("para. 4, p. 12")
        self.attribution = QLineEdit(self)
        self.attribution.setPlaceholderText("Who says it in the source")
        self.speakers = SpeakerButton(self._suggested_speakers, self)
        attribution = QHBoxLayout()
        attribution.setContentsMargins(0, 0, 0, 0)
        attribution.addWidget(self.attribution)
        attribution.addWidget(self.speakers)
        self.credibility = choice_box(
            self, [(credibility_label(c.value), c.value) for c in CREDIBILITY_LABELS], "—")
        self.quote = QPlainTextEdit(self)
        self.quote.setTabChangesFocus(True)
        self.quote.setMaximumHeight(70)
        for widget, name in ((self.source, "Cited source"), (self.locator, "Locator"),
                             (self.attribution, "Attribution (who says it)"),
                             (self.credibility, "Credibility"), (self.quote, "Quote")):
            widget.setAccessibleName(name)
        detail = QFormLayout()
        detail.addRow("Source", self.source)
        detail.addRow("Locator", self.locator)
        detail.addRow("Attribution", attribution)
        detail.addRow("Credibility", self.credibility)
        detail.addRow("Quote", self.quote)
        self.detail = QWidget(self)
        self.detail.setLayout(detail)
        detail.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.detail)
        self.bursts.watch(self.locator, self.attribution, self.quote)
        self.add_button.clicked.connect(self.add_citation)
        self.remove_button.clicked.connect(self.remove_citation)
        self.up_button.clicked.connect(lambda: self.move_citation(-1))
        self.down_button.clicked.connect(lambda: self.move_citation(+1))
        self.locator.textEdited.connect(
            lambda v: self._edit("Edit Citation Locator", "locator", locator=v))
        self.attribution.textEdited.connect(
            lambda v: self._edit("Edit Citation Attribution", "attribution", attribution=v))
        self.quote.textChanged.connect(
            lambda: self._edit("Edit Citation Quote", "quote", quote=self.quote.toPlainText()))
        self.credibility.activated.connect(lambda _i: self._edit(
            "Change Credibility", None, credibility=self.credibility.currentData() or ""))
        self.source.activated.connect(self._source_chosen)
        self.speakers.picked.connect(self._speaker_picked)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._load_detail())
        self.model.modelReset.connect(self._load_detail)
        self.model.modelReset.connect(self._fit_table)
        self.model.dataChanged.connect(lambda *_: self._load_detail())
        self._load_detail()

    def _fit_table(self) -> None:
        """As tall as its rows (one to four; more scroll), so nothing is hidden."""
        rows = max(1, min(4, self.model.rowCount()))
        height = (self.table.horizontalHeader().sizeHint().height()
                  + rows * self.table.verticalHeader().defaultSectionSize()
                  + 2 * self.table.frameWidth())
        self.table.setFixedHeight(height)

    # ------------------------------------------------------------------ API
    def set_claim(self, claim_id: str | None) -> None:
        self.bursts.next()
        self.model.set_claim(claim_id)
        if self.model.rowCount():
            self.select_row(0)

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self._load_detail()

    def add_citation(self) -> None:
        claim_id = self.model.claim_id
        sources = self._doc.sources
        if claim_id is None or not sources:
            return
        claim = self._doc.claim(claim_id)
        default = claim.citations[-1].source if claim.citations else sources[0].id
        self._replace(claim.citations + (Citation(source=default),), "Add Citation")
        self.select_row(len(claim.citations))

    def remove_citation(self) -> None:
        row, claim_id = self.current_row(), self.model.claim_id
        if claim_id is None or row < 0:
            return
        cites = self._doc.claim(claim_id).citations
        self._replace(cites[:row] + cites[row + 1:], "Remove Citation")
        self.select_row(min(row, len(cites) - 2))

    def move_citation(self, step: int) -> None:
        row, claim_id = self.current_row(), self.model.claim_id
        if claim_id is None or row < 0:
            return
        cites = list(self._doc.claim(claim_id).citations)
        to = row + step
        if not 0 <= to < len(cites):
            return
        cites[row], cites[to] = cites[to], cites[row]
        self._replace(tuple(cites), "Reorder Citations")
        self.select_row(to)

    # -------------------------------------------------------------- editing
    def _replace(self, citations: tuple[Citation, ...], label: str,
                 merge_field: str | None = None) -> bool:
        assert self.model.claim_id is not None  # the editor is enabled only on a claim
        claim = self._doc.claim(self.model.claim_id)
        key = (claim.id, merge_field, self.bursts.serial) if merge_field else None
        self.bursts.pushing = True
        try:
            accepted = self._session.push(ops.ReplaceClaim(replace(claim, citations=citations)),
                                          label, key)
        finally:
            self.bursts.pushing = False
        if not accepted:
            self._load_detail(refused=True)  # the document's value, not the refused one
        return accepted

    def _edit(self, label: str, merge_field: str | None, **changes: Any) -> None:
        row, claim_id = self.current_row(), self.model.claim_id
        if claim_id is None or row < 0:
            return
        cites = list(self._doc.claim(claim_id).citations)
        new = replace(cites[row], **changes)
        if "quote" in changes or "source" in changes:
            new = anchored(self._doc, new)  # found in the source: offsets and locator
        if new == cites[row]:
            return
        cites[row] = new
        field = f"citation{row}.{merge_field}" if merge_field else None
        self._replace(tuple(cites), label, field)

    def _source_chosen(self, _index: int) -> None:
        source_id = self.source.currentData()
        if source_id:
            self._edit("Change Cited Source", None, source=source_id, start=None, end=None)

    def _suggested_speakers(self) -> list[str]:
        row = self.current_row()
        if row < 0:
            return []
        citation = self.model.citation(row)
        if citation.start is None or citation.end is None \
                or not self._doc.has_source(citation.source):
            return []
        return suggested_labels(self._doc.source(citation.source).text, citation.start,
                                citation.end)

    def _speaker_picked(self, label: str) -> None:
        self._edit("Edit Citation Attribution", None, attribution=label)  # its own undo step

    def _show_in_reader(self, *_args: object) -> None:
        row = self.current_row()
        if row >= 0:
            citation = self.model.citation(row)
            start, end = citation.start, citation.end
            if start is None or end is None:
                start = end = -1
            self.source_requested.emit(citation.source, start, end)

    # ------------------------------------------------------------- display
    def _load_detail(self, refused: bool = False) -> None:
        row = self.current_row()
        has = self.model.claim_id is not None
        self.add_button.setEnabled(has and bool(self._doc.sources))
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)
        self.detail.setEnabled(row >= 0)
        if row < 0:
            for widget in (self.locator, self.attribution, self.quote):
                set_text(widget, "")
            return
        citation = self.model.citation(row)
        self._fill_sources()
        set_choice(self.source, citation.source)
        for widget, value in ((self.locator, citation.locator),
                              (self.attribution, citation.attribution),
                              (self.quote, citation.quote)):
            if refused or not (widget.hasFocus() and isinstance(widget, QLineEdit)):
                set_text(widget, value)
        set_choice(self.credibility, citation.credibility)

    def _fill_sources(self) -> None:
        wanted = [(s.title or s.key or s.id, s.id) for s in self._doc.sources]
        current = [self.source.itemData(i) for i in range(self.source.count())]
        if current != [value for _label, value in wanted]:
            self.source.blockSignals(True)
            self.source.clear()
            for label, value in wanted:
                self.source.addItem(label if len(label) < 50 else label[:49] + "…", value)
                self.source.setItemData(self.source.count() - 1, label, 3)
            self.source.blockSignals(False)
