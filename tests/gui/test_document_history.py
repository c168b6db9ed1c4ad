"""File ▸ Document History…: review imports and decisions, read back from the real menu."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from briefing.documents import save_document
from briefing.gui import dialogs
from briefing.gui.document.session import open_session
from tests.gui.helpers import DialogLog, open_window
from tests.gui.test_review_pane import _click, _click_row, _menu_action, _reviewed
from tests.review import builders as b

STAMP = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$")


@pytest.fixture
def log(monkeypatch) -> DialogLog:
    return DialogLog(monkeypatch)


def _open_history(qtbot, window):
    _menu_action(window, "File", "Document History…")
    qtbot.waitUntil(lambda: getattr(window, "history_dialog", None) is not None
                    and window.history_dialog.isVisible())
    return window.history_dialog


def _without_time(rows: list[list[str]]) -> list[list[str]]:
    assert all(STAMP.match(row[0]) for row in rows), [row[0] for row in rows]
    return [row[1:] for row in rows]


def test_history_lists_the_import_and_each_decision(qtbot, tmp_path, log, monkeypatch) -> None:
    brief = tmp_path / "harbour.briefing"
    save_document(b.identified_small(), brief)
    reviewed = _reviewed(tmp_path)
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(reviewed))
    window = open_window(qtbot, open_session(brief))
    _menu_action(window, "File", "Import Review…")
    pane = window.review_dock.widget()
    _click_row(pane, "Edit (tracked)")
    _click(pane.buttons["accept"])
    _click_row(pane, "Heading renamed")
    _click(pane.buttons["reject"])

    dialog = _open_history(qtbot, window)
    assert dialog.windowTitle() == "Document History — Harbour Access Review"
    assert dialog.table.accessibleName() == "Document history"
    assert _without_time(dialog.rows()) == [
        ["Review decision", "Rejected", "Heading renamed · section “Evidence”",
         "Omar Field", "reviewed.docx", ""],
        ["Review decision", "Accepted",
         "Edit · card “Full capacity is very likely within two weeks.”",
         "Jane Reviewer", "reviewed.docx", ""],
        ["Review import", "Review imported", "", "", "reviewed.docx",
         "reviewed.docx: 4 item(s)"],
    ]
    assert dialog.count.text() == "3 entries"

    # filter by kind with the keyboard: Alt+S reaches the "Show" list
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.table.hasFocus()
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert dialog.kind.hasFocus()
    QTest.keyClick(dialog.kind, Qt.Key.Key_Down)
    assert dialog.kind.currentText() == "Review decision"
    assert [row[2] for row in dialog.rows()] == ["Rejected", "Accepted"]
    assert dialog.count.text() == "2 of 3 entries"
    QTest.keyClick(dialog.kind, Qt.Key.Key_Down)
    assert [row[2] for row in dialog.rows()] == ["Review imported"]

    QTest.keyClick(dialog.kind, Qt.Key.Key_Home)
    header = dialog.table.horizontalHeader()
    what = header.sectionViewportPosition(2) + header.sectionSize(2) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(what, header.height() // 2))
    assert [row[2] for row in dialog.rows()] == ["Accepted", "Rejected", "Review imported"]

    # read-only: typing into a cell changes nothing
    dialog.table.setFocus()
    QTest.keyClick(dialog.table, Qt.Key.Key_F2)
    QTest.keyClicks(dialog.table, "x")
    assert [row[2] for row in dialog.rows()] == ["Accepted", "Rejected", "Review imported"]
    QTest.keyClick(dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not log.errors
    window.session.close()


def test_history_of_a_fresh_briefing_says_so(qtbot, log) -> None:
    window = open_window(qtbot, b.identified_small())
    dialog = _open_history(qtbot, window)
    assert dialog.rows() == []
    assert dialog.empty.isVisible()
    assert dialog.empty.text().startswith("Nothing has been recorded")
    assert [dialog.kind.itemText(i) for i in range(dialog.kind.count())] == ["All kinds"]
