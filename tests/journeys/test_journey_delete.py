"""Journey (d): Delete in each pane deletes only that pane's selection, says what it
deleted, and Undo brings it back.

A card stays selected on the board throughout, so a Delete that fell back to the
board's selection (the old behaviour in the Reader) would be caught.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefing.gui.app import Editor
from briefing.gui.document.session import Session
from briefing.resources import sample_document
from tests.journeys.conftest import FIXTURES, SCREEN
from tests.journeys.user import CTRL, User, wait_until

FERRY = FIXTURES.parent.parent / "ingest" / "fixtures" / "ferry-article.html"


def open_sample(qtbot):
    window = Editor().new_window(Session(sample_document()))
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    wait_until(lambda: QApplication.activeWindow() is window)
    return window


def snapshot(doc) -> tuple:
    return (tuple(c.id for c in doc.claims), tuple(s.id for s in doc.sources),
            tuple(tuple((b.claim, b.text) for b in s.blocks) for s in doc.all_sections()),
            tuple(len(c.citations) for c in doc.claims))


def delete_and_undo(user: User, before: tuple) -> str:
    doc = user.window.session.doc
    user.key(Qt.Key.Key_Delete)
    message = user.window.statusBar().currentMessage()
    if snapshot(doc) == before:
        return ""
    user.key(Qt.Key.Key_Z, CTRL)
    assert snapshot(doc) == before, "Undo brings back exactly what was deleted"
    return message


def test_delete_acts_on_the_focused_pane_only(qtbot, chooser, errors):
    window = open_sample(qtbot)
    user = User(window)
    doc = window.session.doc
    chooser.pick = [FERRY]  # an uncited source, to delete
    user.shortcut("Ctrl+I")
    wait_until(lambda: len(doc.sources) == 5)
    ferry = doc.sources[-1].id

    # the board: the clicked card goes, named in the status bar
    user.click(window.tabs.tabBar(), window.tabs.tabBar().tabRect(0).center())
    user.click_item(window.board.view, user.card_index("c11"))
    before = snapshot(doc)
    message = delete_and_undo(user, before)
    assert message.startswith("Deleted card “") and "c11" not in message
    assert doc.has_claim("c11")

    # the Reader: a selected passage is not something to delete (the card stays)
    user.click_item(window.board.view, user.card_index("c11"))
    user.click(window.tabs.tabBar(), window.tabs.tabBar().tabRect(1).center())
    user.shortcut("Ctrl+2")
    assert window.board.selected_claim_ids() == ["c11"]
    user.select_passage(window.reader.text.toPlainText()[:40])
    assert delete_and_undo(user, before) == ""
    assert window.statusBar().currentMessage().startswith("Nothing to delete here")

    # the outline: the block leaves the outline, its card stays on the board
    outline = window.outline.view
    user.click_item(outline, window.outline.model.claim_index("c2"))
    message = delete_and_undo(user, before)
    assert message.startswith("Return Claim to Board")

    # the sources: the uncited source goes
    sources = window.sources.view
    row = next(r for r in range(sources.model().rowCount())
               if sources.model().index(r, 0).data(Qt.ItemDataRole.UserRole + 1) == ferry)
    user.click_item(sources, sources.model().index(row, 0))
    message = delete_and_undo(user, before)
    assert message.startswith("Deleted source “Ferry service to resume next month”")

    # the inspector's citations: the selected citation goes, the card stays
    user.click_item(window.board.view, user.card_index("c1"))
    table = window.inspector.claim_editor.citations.table
    user.click_item(table, table.model().index(1, 0))
    message = delete_and_undo(user, before)
    assert message.startswith("Removed citation 2")
    assert errors == []
