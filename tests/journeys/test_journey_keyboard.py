"""Journey (b): the same day's work by keyboard alone.

No mouse event at all: menus' shortcuts, F6 between panes, Tab between fields, arrows
in lists, Find to select a passage in the Reader, Place in Section… to put cards in the
outline, and the export dialog's Enter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.export.readers import pandoc_read
from tests.journeys.conftest import ARTICLE
from tests.journeys.test_journey_mouse import (
    ARTICLE_NOTE,
    FUNDS,
    FUNDS_TEXT,
    PENALTY,
    POSTPONE,
    PROSE,
    PROSE_TEXT,
    QUOTE,
    QUOTED,
    SHORT,
    SURVEY,
    SURVEY_BY,
    add_section,
    open_empty,
)
from tests.journeys.user import ALT, CTRL, User, wait_until


def new_card(user: User, passage: str) -> str:
    user.find_passage(passage)
    user.shortcut("Ctrl+E")
    return user.window.inspector.claim_editor.claim_id


def choose_by_keys(user: User, box, text: str) -> None:
    """Tab has put the focus on *box*: Down opens its list, typing finds, Enter takes."""
    assert QApplication.focusWidget() is box
    user.key(Qt.Key.Key_Down)
    wait_until(box.view().isVisible)
    QTest.qWait(QApplication.keyboardInputInterval() + 50)  # a new search, not more typing
    user.type(text)
    user.key(Qt.Key.Key_Return)
    wait_until(lambda: not box.view().isVisible())
    assert box.currentText() == text


def place(user: User, section_words: str) -> None:
    user.shortcut("Ctrl+Shift+M")
    picker = user.window.section_picker
    wait_until(picker.isVisible)
    user.type(section_words)
    user.key(Qt.Key.Key_Return)
    wait_until(lambda: not picker.isVisible())


def test_journey_by_keyboard(qtbot, tmp_path, errors, chooser, monkeypatch):
    mouse = []
    for name in ("mouseClick", "mousePress", "mouseRelease", "mouseDClick", "mouseMove"):
        monkeypatch.setattr(QTest, name, lambda *a, n=name: mouse.append(n))
    editor, window, _path = open_empty(qtbot, tmp_path)
    user = User(window)
    doc = window.session.doc

    add_section(user, "Key Judgments")
    add_section(user, "Background")
    chooser.pick = [ARTICLE]
    user.shortcut("Ctrl+I")  # the file dialog: the path typed, then Enter
    wait_until(lambda: doc.sources and window.reader.source_id == doc.sources[0].id)
    assert chooser.answered == ["Import Sources"]

    editor_ = window.inspector.claim_editor
    postpone = new_card(user, POSTPONE)
    place(user, "back")

    quote = new_card(user, QUOTE)
    user.f6_to("Inspector")
    assert QApplication.focusWidget() is editor_.text
    user.key(Qt.Key.Key_Tab)
    choose_by_keys(user, editor_.kind, "Quote")
    place(user, "key")

    judgment = new_card(user, SURVEY)
    user.f6_to("Inspector")
    user.key(Qt.Key.Key_A, CTRL)
    user.type("The expansion will probably not open before 2028.")
    user.tab_to(editor_.confidence)
    choose_by_keys(user, editor_.confidence, "Moderate")
    user.tab_to(editor_.citations.attribution)  # the suggested speaker, corrected
    user.key(Qt.Key.Key_A, CTRL)
    user.type(SURVEY_BY)
    user.find_passage(PENALTY)
    user.shortcut("Ctrl+K")  # Cite Selection in the current card
    cited = doc.claim(judgment)
    assert [c.quote for c in cited.citations] == [SURVEY, PENALTY]
    assert cited.kind == "information" and cited.confidence == "moderate"
    user.f6_to("Inspector")
    user.key(Qt.Key.Key_Tab)
    choose_by_keys(user, editor_.kind, "Judgment")
    place(user, "key")

    penalty = new_card(user, PENALTY)
    funds = new_card(user, FUNDS)
    # both at once, in board order: select them on the board with Shift+arrows
    user.shortcut("Ctrl+1")
    board = window.board.view
    assert QApplication.focusWidget() is board
    user.arrow_to(board, user.card_index(penalty), (Qt.Key.Key_Right, Qt.Key.Key_Left))
    user.key(Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert window.board.selected_claim_ids() == [penalty, funds]
    place(user, "back")
    assert window.session.undo_stack.undoText() == "Place 2 Claims"

    key, background = doc.sections
    assert [b.claim for b in key.blocks] == [quote, judgment]
    assert [b.claim for b in background.blocks] == [postpone, penalty, funds]

    # the outline: the judgment first (Alt+Up), a paragraph at the end of Background
    user.shortcut("Ctrl+3")
    outline = window.outline.view
    user.arrow_to(outline, window.outline.model.claim_index(judgment))
    user.key(Qt.Key.Key_Up, ALT)
    user.arrow_to(outline, user.section_index("Background"))
    user.shortcut("Ctrl+Alt+P")
    user.type(PROSE)
    user.key(Qt.Key.Key_Return)
    assert [b.claim for b in doc.sections[0].blocks] == [judgment, quote]
    assert doc.sections[1].blocks[-1].text == PROSE

    out = tmp_path / "keys.docx"
    user.shortcut("Ctrl+Shift+E")
    dialog = window.export_dialog
    wait_until(dialog.isVisible)
    assert QApplication.focusWidget() is dialog.path or user.focus() is dialog.path
    user.key(Qt.Key.Key_A, CTRL)
    user.type(str(out))
    user.answer_next_modal(QMessageBox, lambda box: QTest.keyClick(box, Qt.Key.Key_Escape))
    user.key(Qt.Key.Key_Return)
    wait_until(lambda: out.exists() and not dialog.isVisible())
    assert mouse == [] and errors == []

    paragraphs = pandoc_read(out, "docx")
    assert paragraphs[:8] == [
        ("Key Judgments", []),
        ("The expansion will probably not open before 2028.,", [
            f"The authority\u2019s survey summary; {ARTICLE_NOTE}, para. 3.",
            f"Two people familiar with the contract; {SHORT}, para. 5.",
        ]),
        (QUOTED, [f"Helena Markovic, the authority\u2019s chief executive; {SHORT}, para. 4."]),
        ("Background", []),
        (POSTPONE, [f"Its chief executive; {SHORT}, para. 2."]),
        (PENALTY, [f"Two people familiar with the contract; {SHORT}, para. 5."]),
        (FUNDS_TEXT, [f"{FUNDS_TEXT}; {SHORT}, para. 7."]),
        (PROSE_TEXT, []),
    ]
