"""The main window's Edit actions that depend on where the keyboard focus is: Delete,
Place in Section…, Cite Selection, and the standard Cut / Copy / Paste / Select All.

A mixin of :class:`~briefing.gui.window.main_window.MainWindow`: Delete acts only on the
selection of the pane that has the focus, as one undo step, and says in the status
bar what it deleted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QPlainTextEdit, QTextEdit

from briefing.gui.dialogs.section_picker import SectionPicker
from briefing.gui.document import editing
from briefing.gui.window.window_parts import WindowParts

STATUS_MS = 8000


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class EditActions(WindowParts):
    """Delete, placing and citing; mixed into MainWindow, whose panes it uses."""

    # ----------------------------------------------------------------- delete
    def act_delete(self) -> None:
        """Delete what is selected in the focused pane (and nothing anywhere else)."""
        pane = self.layout_.current_pane()
        name = pane.name if pane is not None else ""
        focus = self.focusWidget()
        if name == "Sources":
            message = self._delete_sources()
        elif name == "Outline":
            message = self._delete_outline()
        elif name == "Views" and self.tabs.currentWidget() is self.board:
            message = self._delete_cards()
        elif name == "Inspector" and focus is self.inspector.claim_editor.citations.table:
            message = self._delete_citation()
        else:
            message = "Nothing to delete here: select cards, sources or outline items first"
        self.statusBar().showMessage(message, STATUS_MS)

    def _delete_cards(self) -> str:
        ids = self.board.selected_claim_ids()
        if not ids:
            return "No card selected"
        doc = self.session.doc
        what = (f"card “{_short(doc.claim(ids[0]).text) or ids[0]}”" if len(ids) == 1
                else f"{len(ids)} cards")
        if not editing.delete_claims(self.session, ids):
            return f"Could not delete {what}"
        return f"Deleted {what} (Edit ▸ Undo brings it back)"

    def _delete_sources(self) -> str:
        ids = self.sources.selected_source_ids()
        if not ids:
            return "No source selected"
        doc = self.session.doc
        what = (f"source “{_short(doc.source(ids[0]).title or ids[0])}”" if len(ids) == 1
                else f"{len(ids)} sources")
        if not self.delete_sources(ids):
            return f"Did not delete {what}"
        return f"Deleted {what} (Edit ▸ Undo brings it back)"

    def _delete_outline(self) -> str:
        if not self.outline.selected_items() and self.outline.current() is None:
            return "Nothing selected in the outline"
        if not self.outline.remove_selected():
            return "Nothing removed from the outline"
        return f"{self.session.undo_stack.undoText()} (Edit ▸ Undo brings it back)"

    def _delete_citation(self) -> str:
        citations = self.inspector.claim_editor.citations
        row = citations.current_row()
        if row < 0:
            return "No citation selected"
        citations.remove_citation()
        return f"Removed citation {row + 1} (Edit ▸ Undo brings it back)"

    # ------------------------------------------------------------------ place
    def claims_to_place(self) -> list[str]:
        """The cards Place in Section… acts on: the board's selection (board order) when the
        outline does not have the focus, else the outline's current card."""
        pane = self.layout_.current_pane()
        if pane is not None and pane.name == "Outline":
            current = self.outline.view.currentIndex()
            from briefing.gui.models.claims import CLAIM_ID_ROLE

            claim = current.data(CLAIM_ID_ROLE) if current.isValid() else None
            if claim:
                return [claim]
        ids = self.board.selected_claim_ids()
        if ids:
            return ids
        claim = self.inspector.claim_editor.claim_id
        return [claim] if claim else []

    def act_place(self, claim_ids: list[str] | None = None) -> SectionPicker | None:
        """Place in Section…: pick a section by keyboard; the cards go at its end."""
        ids = claim_ids if claim_ids else self.claims_to_place()
        doc = self.session.doc
        if not ids:
            self.statusBar().showMessage("Select one or more cards to place first", STATUS_MS)
            return None
        if not doc.sections:
            self.statusBar().showMessage("The outline has no sections yet: Insert ▸ Section",
                                         STATUS_MS)
            return None
        what = f"“{_short(doc.claim(ids[0]).text, 60)}”" if len(ids) == 1 else f"{len(ids)} cards"
        where = doc.placement(ids[0])
        current = where[0] if where else self._outline_section()
        picker: SectionPicker | None = getattr(self, "section_picker", None)
        if picker is None:  # one per window, reused (it remembers nothing but its size)
            picker = self.section_picker = SectionPicker(self)
            picker.accepted.connect(lambda: self._placed(self._placing, picker.chosen()))
            picker.finished.connect(lambda _r: self._picker_closed())
        picker.load(doc, what, current)
        self._placing = ids
        self._picker_return = self.focusWidget()
        picker.open()
        picker.search.setFocus()
        return picker

    def _picker_closed(self) -> None:
        """The focus goes back where it was (the board, the Reader, the outline)."""
        back_to = self._picker_return
        self.activateWindow()
        if back_to is not None and back_to.isVisible():
            back_to.setFocus(Qt.FocusReason.OtherFocusReason)

    def _outline_section(self) -> str | None:
        current = self.outline.current()
        return current[0] if current else None

    def _placed(self, ids: list[str], section_id: str | None) -> None:
        if section_id is None:
            return
        if editing.place_claims(self.session, ids, section_id):
            title = self.session.doc.section(section_id).title
            self.statusBar().showMessage(
                f"{self.session.undo_stack.undoText()} in “{title}”", STATUS_MS)
            self.outline_dock.show()
            self.outline.select_claim(ids[-1])

    # ------------------------------------------------------------------- cite
    def cite_selection(self, claim_id: str, source_id: str, start: int, end: int) -> None:
        if editing.cite_selection(self.session, claim_id, source_id, start, end):
            count = len(self.session.doc.claim(claim_id).citations)
            self.inspector.show_claim(claim_id)
            self.inspector.claim_editor.citations.select_row(count - 1)
            self.statusBar().showMessage(f"Added citation {count} to the card", STATUS_MS)

    # ------------------------------------------------------- standard editing
    def _text_target(self) -> QLineEdit | QPlainTextEdit | QTextEdit | QAbstractItemView | None:
        focus = self.focusWidget()
        if isinstance(focus, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractItemView):
            return focus
        return None

    def act_cut(self) -> None:
        target = self._text_target()
        if isinstance(target, QLineEdit | QPlainTextEdit | QTextEdit):
            target.cut()

    def act_copy(self) -> None:
        target = self._text_target()
        if isinstance(target, QLineEdit | QPlainTextEdit | QTextEdit):
            target.copy()
        elif isinstance(target, QAbstractItemView):
            self._copy_items(target)

    def _copy_items(self, view: QAbstractItemView) -> None:
        from PySide6.QtGui import QGuiApplication

        rows = sorted(view.selectionModel().selectedIndexes(), key=lambda i: i.row())
        texts = [str(i.data() or "") for i in rows if i.column() == 0]
        if texts:
            QGuiApplication.clipboard().setText("\n\n".join(texts))

    def act_paste(self) -> None:
        target = self._text_target()
        if isinstance(target, QLineEdit | QPlainTextEdit | QTextEdit):
            target.paste()

    def act_select_all(self) -> None:
        target = self._text_target()
        if target is not None:
            target.selectAll()
