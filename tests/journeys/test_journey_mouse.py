"""Journey (a): from an empty briefing to a Word file, by mouse (and the usual keys).

Import a news article, make six cards from it — a quote with its speaker and a judgment
citing two passages (Cite Selection) among them — place them all by dragging (cards from
the board, a passage straight from the Reader), write a paragraph, reorder, export
through the dialog, and read the .docx back with pandoc.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing.core.document import Document
from briefing.gui.app import Editor
from briefing.gui.document.session import open_session
from briefing.store.database import Store
from tests.export.readers import pandoc_read
from tests.journeys.conftest import ARTICLE, SCREEN
from tests.journeys.user import ALT, CTRL, User, wait_until

QUOTE = ("We will not pour a single tonne of concrete until the engineers are satisfied the "
         "quay will stand for fifty years")
POSTPONE = ("The Northport harbour authority will postpone the second phase of its container "
            "terminal expansion by at least eighteen months")
SURVEY = ("A geological survey completed in February found that the seabed under the planned "
          "quay is softer than the 2019 design assumed")
PENALTY = ("The delay will cost the authority about 40 million euros in penalties to its main "
           "contractor")
SHIPPING = ("Shipping lines that had planned to move services to Northport next year are now "
            "reviewing their schedules")
FUNDS = "The regional government, which guarantees part of the authority's debt"
SURVEY_BY = "the authority's survey summary"
PROSE = "Both phases depend on the seabed survey's second round."


def open_empty(qtbot, tmp_path):
    path = tmp_path / "harbour.briefing"
    Store.create(str(path), Document()).close()
    editor = Editor()
    window = editor.new_window(open_session(path))  # as File ▸ Open does, on a 1366×768 screen
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # inspectable after close
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    wait_until(lambda: QApplication.activeWindow() is window)
    return editor, window, path


def add_section(user: User, title: str) -> None:
    user.shortcut("Ctrl+Alt+S")
    user.key(Qt.Key.Key_A, CTRL)  # the new section's name is being edited: replace it
    user.type(title)
    user.key(Qt.Key.Key_Return)


def test_journey_by_mouse(qtbot, tmp_path, drags, errors, chooser):
    editor, window, _path = open_empty(qtbot, tmp_path)
    user = User(window)
    doc = window.session.doc
    assert window.outline.isVisible() and window.board.isVisible()

    add_section(user, "Key Judgments")
    add_section(user, "Background")
    assert [s.title for s in doc.sections] == ["Key Judgments", "Background"]

    # File ▸ Import Sources…: the article's path typed into the file dialog, then Enter
    chooser.pick = [ARTICLE]
    user.shortcut("Ctrl+I")
    wait_until(lambda: doc.sources and window.reader.source_id == doc.sources[0].id)
    assert chooser.answered == ["Import Sources"]
    assert errors == []

    # six cards; the first by selecting a passage and New Claim from Selection (Ctrl+E)
    reader = window.reader
    user.select_passage(POSTPONE)
    user.shortcut("Ctrl+E")
    postpone = window.inspector.claim_editor.claim_id
    assert doc.claim(postpone).citations[0].quote == POSTPONE

    # a quote with its speaker
    user.select_passage(QUOTE)
    user.shortcut("Ctrl+E")
    editor_ = window.inspector.claim_editor
    quote = editor_.claim_id
    user.choose(editor_.kind, "Quote")
    assert doc.claim(quote).kind == "quote"
    assert doc.claim(quote).citations[0].attribution.startswith("Helena Markovic")
    assert editor_.citations.attribution.text().startswith("Helena Markovic")

    user.select_passage(PENALTY)
    user.shortcut("Ctrl+E")
    penalty = editor_.claim_id

    # a judgment citing two passages: the second by Cite Selection (Ctrl+K)
    user.select_passage(SURVEY)
    user.shortcut("Ctrl+E")
    judgment = editor_.claim_id
    user.choose(editor_.kind, "Judgment")
    user.replace_text(editor_.text, "The expansion will probably not open before 2028.")
    user.choose(editor_.confidence, "Moderate")
    user.replace_text(editor_.citations.attribution, SURVEY_BY)  # the suggestion corrected
    user.select_passage(PENALTY)
    user.shortcut("Ctrl+K")
    cited = doc.claim(judgment)
    assert cited.kind == "judgment" and cited.confidence == "moderate"
    assert cited.text == "The expansion will probably not open before 2028."
    assert [c.quote for c in cited.citations] == [SURVEY, PENALTY]
    assert all(c.start is not None and c.locator.startswith("para.") for c in cited.citations)
    assert reader.isVisible()

    user.select_passage(FUNDS)
    user.shortcut("Ctrl+E")
    funds = editor_.claim_id

    # a passage dragged from the Reader onto a section: a cited card placed there
    user.drag_passage_to(SHIPPING, "Background")
    [shipping] = [c.id for c in doc.claims if c.citations[0].quote == SHIPPING]
    assert doc.placement(shipping) == (doc.sections[1].id, 0)
    assert window.session.undo_stack.undoText() == "Place New Claim from Passage"
    assert len(doc.claims) == 6

    # cards dragged from the board onto sections
    user.click(window.tabs.tabBar(), window.tabs.tabBar().tabRect(0).center())  # Board
    for claim_id, section in ((judgment, "Key Judgments"), (quote, "Key Judgments"),
                              (postpone, "Background"), (penalty, "Background"),
                              (funds, "Background")):
        user.drag_card_to(claim_id, section)
        assert doc.placement(claim_id) is not None, f"{claim_id} was not placed"
    assert drags.drags and all(d == Qt.DropAction.CopyAction for d in drags.drags)
    key, background = doc.sections
    assert [b.claim for b in key.blocks] == [judgment, quote]
    assert [b.claim for b in background.blocks] == [shipping, postpone, penalty, funds]

    # a paragraph of the analyst's own words at the end of Background
    outline = window.outline.view
    user.click_item(outline, user.section_index("Background"))
    user.shortcut("Ctrl+Alt+P")
    user.type(PROSE)
    user.key(Qt.Key.Key_Return)
    assert doc.sections[1].blocks[-1].text == PROSE

    # reorder: the regional-funds card one up, with Alt+Up
    user.click_item(outline, window.outline.model.claim_index(funds))
    user.key(Qt.Key.Key_Up, ALT)
    assert [b.claim for b in doc.sections[1].blocks] == [shipping, postpone, funds, penalty,
                                                         None]

    # File ▸ Export ▸ Word…: type where, click Export, close the "finished" message
    out = tmp_path / "harbour.docx"
    user.shortcut("Ctrl+Shift+E")
    dialog = window.export_dialog
    wait_until(dialog.isVisible)
    user.replace_text(dialog.path, str(out))
    user.answer_next_modal(QMessageBox, lambda box: QTest.keyClick(box, Qt.Key.Key_Escape))
    user.click(dialog.export_button)
    wait_until(lambda: out.exists() and not dialog.isVisible())
    assert errors == []
    check_docx(out)


ARTICLE_NOTE = ("Ana Ribeiro, \u201cPort authority delays harbour expansion after survey finds "
                "unstable seabed\u201d, Coastal Herald, 12 March 2026")
"""The first note to the article, in full."""
SHORT = "\u201cPort authority delays harbour expansion\u201d"
"""Every later note: the short title."""
QUOTED = ("Helena Markovic: \u201cWe will not pour a single tonne of concrete until the "
          "engineers are satisfied the quay will stand for fifty years\u201d")
"""A quote card as exported: its speaker, then the words in quotation marks."""
FUNDS_TEXT = "The regional government, which guarantees part of the authority\u2019s debt"
PROSE_TEXT = "Both phases depend on the seabed survey\u2019s second round."
"""Body text as exported: typographic apostrophes."""


def check_docx(path) -> None:
    """Read the Word file back with pandoc: sections and claims in order, one note per
    citation naming the speaker, the source and the paragraph."""
    paragraphs = pandoc_read(path, "docx")
    assert paragraphs[:9] == [
        ("Key Judgments", []),
        ("The expansion will probably not open before 2028.,", [
            f"The authority\u2019s survey summary; {ARTICLE_NOTE}, para. 3.",
            f"Two people familiar with the contract; {SHORT}, para. 5.",
        ]),
        (QUOTED, [f"Helena Markovic, the authority\u2019s chief executive; {SHORT}, para. 4."]),
        ("Background", []),
        (SHIPPING, [f"Tomas Lindqvist, a spokesman for the Baltic Carriers Association; "
                    f"{SHORT}, para. 6."]),
        (POSTPONE, [f"Its chief executive; {SHORT}, para. 2."]),
        (FUNDS_TEXT, [f"{FUNDS_TEXT}; {SHORT}, para. 7."]),
        (PENALTY, [f"Two people familiar with the contract; {SHORT}, para. 5."]),
        (PROSE_TEXT, []),
    ]
