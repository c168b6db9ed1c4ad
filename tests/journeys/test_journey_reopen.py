"""Journey (c): close the briefing and open it again: everything as it was left.

The cards, their citations and places, and the views: the tab, the card being edited,
the source in the Reader and how far it was scrolled.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefing.gui.app import Editor
from tests.journeys.conftest import ARTICLE
from tests.journeys.test_journey_keyboard import new_card, place
from tests.journeys.test_journey_mouse import QUOTE, SURVEY, add_section, open_empty
from tests.journeys.user import User, wait_until


def test_close_and_reopen_keeps_the_work_and_the_place(qtbot, tmp_path, chooser, errors):
    editor, window, path = open_empty(qtbot, tmp_path)
    user = User(window)
    doc = window.session.doc
    add_section(user, "Key Judgments")
    chooser.pick = [ARTICLE]
    user.shortcut("Ctrl+I")
    wait_until(lambda: doc.sources and window.reader.source_id == doc.sources[0].id)
    survey = new_card(user, SURVEY)
    quote = new_card(user, QUOTE)
    place(user, "key")
    user.shortcut("Ctrl+2")  # the Reader, scrolled down a little
    reader = window.reader.text
    user.key(Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    scrolled = reader.verticalScrollBar().value()
    before = doc.claims, doc.sections, doc.sources

    user.shortcut(window.actions_["close"].shortcut().toString())  # File ▸ Close, as shown
    wait_until(lambda: not window.isVisible())
    assert errors == []

    again = Editor().open(str(path))  # File ▸ Open Recent
    qtbot.addWidget(again)
    wait_until(lambda: again.reader.source_id is not None)
    wait_until(lambda: again.tabs.currentWidget() is again.reader)
    reopened = again.session.doc
    assert (reopened.claims, reopened.sections, reopened.sources) == before
    assert reopened.placement(quote) == (reopened.sections[0].id, 0)
    assert not reopened.is_placed(survey)
    assert again.inspector.claim_editor.claim_id == quote
    assert again.board.current_claim_id() == quote
    assert again.reader.source_id == reopened.sources[0].id
    wait_until(lambda: again.reader.text.verticalScrollBar().value() == scrolled)
    assert QApplication.activeModalWidget() is None
