"""Speaker suggestions in the Reader and the inspector, driven by mouse and keyboard (issue 20).

A hearing transcript imported as a source: every turn selected with a mouse drag
in the Reader, the context menu opened with a right click, and *New Claim
Attributed To* read — its first entry must be the turn's speaker.  Picking an
entry, and picking another speaker from the inspector's ▾ button, are undoable.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from briefing.core.document import Document
from briefing.gui.document import editing
from briefing.ingest import import_file, sequential_ids
from tests.gui.helpers import open_window
from tests.material import TRANSCRIPT

CASTELL = "Miriam Castell, water authority director"
TURNS = [  # a passage of each turn and who says it, read off the transcript by hand
    ("The committee will come to order.", "Ada Morrow, chair"),
    ("Our gauges at Marlow Bridge recorded", CASTELL),
    ("Is the shortage temporary", "Ada Morrow, chair"),
    ("Our forecasts do not show the reservoirs refilling before next summer.", CASTELL),
    ("Who checks that the dam actually releases it?", "Sen. Owen Price"),
    ("a joint commission would read the gauges", CASTELL),
    ("And if the upstream state refuses the inspectors?", "Sen. Owen Price"),
    ("I would not advise the committee to rely on that alone.", CASTELL),
    ("We will take a short recess", "Ada Morrow, chair"),
]
SPEAKERS_MENU = "New Claim &Attributed To"


def _hearing_window(qtbot):
    doc = Document()
    window = open_window(qtbot, doc)
    window.resize(1366, 768)
    imported = import_file(TRANSCRIPT, new_id=sequential_ids(lambda _: False))[0]
    [source_id] = editing.add_sources(window.session, [(imported.source, None)])
    window.open_source(source_id)
    qtbot.waitExposed(window)
    return window, doc, source_id


def _point(window, offset: int) -> QPoint:
    view = window.reader.text
    cursor = QTextCursor(view.document())
    cursor.setPosition(window.reader._map.to_qt(offset))
    return view.cursorRect(cursor).center()


def _drag_select(qtbot, window, text: str, passage: str) -> None:
    """Scroll the passage into view, then select it with a mouse drag."""
    view = window.reader.text
    start = text.index(passage)
    top = _point(window, start).y()
    if not 0 <= top < view.viewport().height() - 40:
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + top - 40)
    first, last = _point(window, start), _point(window, start + len(passage))
    first.setX(first.x() + 1)
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     first)
    QTest.mouseMove(view.viewport(), last)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, last)
    assert view.textCursor().selectedText().strip() == passage


def _open_speakers(qtbot, window, passage_end: QPoint, then) -> None:
    """Right-click at *passage_end*; walk the context menu by keyboard into the speakers
    submenu and call *then(submenu)* while it is open."""
    seen: dict[str, object] = {}

    def in_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        for _ in range(len(menu.actions())):
            QTest.keyClick(menu, Qt.Key.Key_Down)
            if menu.activeAction() is not None and menu.activeAction().text() == SPEAKERS_MENU:
                break
        QTest.keyClick(menu, Qt.Key.Key_Right)
        submenu = QApplication.activePopupWidget()
        seen["ok"] = submenu is not menu and submenu.isVisible()
        then(submenu)
        while QApplication.activePopupWidget() is not None:
            QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_Escape)

    QTimer.singleShot(50, in_menu)
    # through the window, as the platform delivers a right click (so Qt makes the
    # context-menu event from it, which a click sent to the widget would not)
    viewport = window.reader.text.viewport()
    at = viewport.mapTo(window, passage_end)
    QTest.mousePress(window.windowHandle(), Qt.MouseButton.RightButton,
                     Qt.KeyboardModifier.NoModifier, at)
    QTest.mouseRelease(window.windowHandle(), Qt.MouseButton.RightButton,
                       Qt.KeyboardModifier.NoModifier, at)
    qtbot.waitUntil(lambda: "ok" in seen and QApplication.activePopupWidget() is None)
    assert seen["ok"], "the speakers submenu opened"


def _entries(submenu: QMenu) -> list[str]:
    return [a.data() for a in submenu.actions() if a.data()]


def test_every_turn_of_an_imported_hearing_offers_its_speaker_first(qtbot):
    window, doc, source_id = _hearing_window(qtbot)
    text = doc.source(source_id).text
    for passage, speaker in TURNS:
        _drag_select(qtbot, window, text, passage)
        shown: list[list[str]] = []
        _open_speakers(qtbot, window, _point(window, text.index(passage) + len(passage)),
                       lambda submenu, shown=shown: shown.append(_entries(submenu)))
        [entries] = shown
        assert entries[0] == speaker, passage
        assert len(entries) == 3 and len(set(entries)) == 3, "three distinct speakers to pick"
    assert doc.claims == [], "looking at suggestions changes nothing"


def test_picking_a_speaker_makes_the_claim_and_the_inspector_offers_the_others(qtbot):
    window, doc, source_id = _hearing_window(qtbot)
    text = doc.source(source_id).text
    passage = "Our forecasts do not show the reservoirs refilling before next summer."
    _drag_select(qtbot, window, text, passage)

    def pick_second(submenu: QMenu) -> None:
        QTest.keyClick(submenu, Qt.Key.Key_2)  # the entries are numbered 1–3

    _open_speakers(qtbot, window, _point(window, text.index(passage) + len(passage)),
                   pick_second)
    [claim] = doc.claims
    [citation] = claim.citations
    assert citation.quote == passage
    assert citation.attribution == "Ada Morrow, chair"  # the second entry, as picked
    assert window.session.undo_stack.undoText() == "New Claim from Selection"

    editor = window.inspector.claim_editor.citations
    assert editor.attribution.text() == "Ada Morrow, chair"
    picked: list[list[str]] = []

    def pick_first() -> None:
        menu = QApplication.activePopupWidget()
        picked.append(_entries(menu))
        QTest.keyClick(menu, Qt.Key.Key_1)

    QTimer.singleShot(50, pick_first)
    QTest.mouseClick(editor.speakers, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(picked) and QApplication.activePopupWidget() is None)
    assert picked[0][0] == CASTELL
    assert doc.claims[0].citations[0].attribution == CASTELL
    assert editor.attribution.text() == CASTELL
    assert window.session.undo_stack.undoText() == "Edit Citation Attribution"
    window.session.undo_stack.undo()
    assert doc.claims[0].citations[0].attribution == "Ada Morrow, chair"
