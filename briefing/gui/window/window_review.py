"""The main window's review actions: checks findings, export, history and Find.

A mixin of :class:`~briefing.gui.window.main_window.MainWindow` (kept apart so the
window module stays small); it only routes to the panels and dialogs.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from briefing.gui.window.lazy_tabs import BOARD_TAB, READER_TAB
from briefing.gui.window.window_parts import WindowParts

if TYPE_CHECKING:  # the export dialog (and the export code) load on first use
    from briefing.checks import Finding
    from briefing.gui.dialogs.export_dialog import ExportDialog
    from briefing.gui.dialogs.history_dialog import HistoryDialog
    from briefing.gui.window.find_bar import Hit


class ReviewActions(WindowParts):
    """Checks, export and Find; mixed into MainWindow, whose panels it uses."""

    def show_finding(self, finding: Finding) -> None:
        """Select what a finding is about: its claim, else its section, else its source."""
        if finding.claim and self.session.doc.has_claim(finding.claim):
            if self.session.doc.is_placed(finding.claim):
                self.outline_dock.show()
            elif self.tabs.currentIndex() == READER_TAB:
                self.tabs.setCurrentIndex(BOARD_TAB)
            self.select_claim(finding.claim)
        elif finding.section and self.session.doc.has_section(finding.section):
            self.outline_dock.show()
            self.outline.select_section(finding.section)
        elif finding.source and self.session.doc.has_source(finding.source):
            self.sources_dock.show()
            self.sources.select_source(finding.source)
            self.inspector.show_source(finding.source)
            self.inspector_dock.show()
        elif "info" in finding.rule or finding.rule.startswith("banner"):
            self.act_properties()

    def _show_check_counts(self, errors: int, warnings: int) -> None:
        parts = [f"{errors} error{'s' if errors != 1 else ''}",
                 f"{warnings} warning{'s' if warnings != 1 else ''}"]
        self.checks_label.setText(" · ".join(parts))

    def act_export_docx(self) -> None:
        self.open_export(".docx")

    def act_export_md(self) -> None:
        self.open_export(".md")

    def act_export_html(self) -> None:
        self.open_export(".html")

    def act_export_pdf(self) -> None:
        self.open_export(".pdf")

    def open_export(self, suffix: str) -> ExportDialog:
        """Show the export dialog for *suffix* (window-modal; it exports in the background)."""
        from briefing.gui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(self.session, suffix, self._current_findings(), self)
        dialog.exported.connect(lambda p: self.statusBar().showMessage(f"Exported to {p}", 8000))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def _current_findings(self) -> list[Finding] | None:
        return self.checks.findings()

    def act_document_history(self) -> HistoryDialog:
        """File ▸ Document History…: the file's history and review decisions, newest first."""
        from briefing.gui import dialogs
        from briefing.gui.dialogs.history_dialog import HistoryDialog
        from briefing.review.history import history

        rows: list[tuple[str, str, str]] = []
        store = self.session.store
        if store is not None:
            try:
                rows = store.history()
            except sqlite3.Error as error:  # the decisions kept in the briefing still show
                dialogs.show_error(self, "Cannot Read the File's History",
                                   f"{store.path}: {error}; showing the review decisions only")
        dialog = HistoryDialog(history(self.session.doc, rows), self.session.display_name, self)
        self.history_dialog = dialog
        dialog.open()
        return dialog

    def act_find(self) -> None:
        """Ctrl+F: find in claims, paragraphs and sources."""
        self.find_bar.store = self.session.store
        self.find_bar.open()

    def act_find_next(self) -> None:
        if not self.find_bar.isVisible() or not self.find_bar.query.text().strip():
            self.act_find()
            return
        self.find_bar.find_next()

    def act_find_previous(self) -> None:
        if self.find_bar.isVisible():
            self.find_bar.find_previous()

    def act_filter_cards(self) -> None:
        self.tabs.setCurrentWidget(self.board)
        self.board.focus_filter()

    def show_hit(self, hit: Hit) -> None:
        """Select a Find hit where it lives: the card, the paragraph, the source passage."""
        doc = self.session.doc
        if hit.kind == "claim" and doc.has_claim(hit.id):
            self.tabs.setCurrentWidget(self.board)
            self.select_claim(hit.id)
        elif hit.kind == "prose" and doc.has_section(hit.id) and hit.block is not None:
            self.outline_dock.show()
            self.outline.select_block(hit.id, hit.block)
            self.outline.view.setFocus()
        elif hit.kind == "source" and doc.has_source(hit.id):
            self.sources.select_source(hit.id)
            self.open_source(hit.id, hit.start if hit.start >= 0 else None,
                             hit.end if hit.end >= 0 else None)
