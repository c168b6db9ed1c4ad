"""A refused edit is never shown as accepted (issue 14).

On PySide6 6.11 an exception in ``QUndoCommand.redo`` does not come out of
``QUndoStack.push``: the editor used to show the new value, keep the old one in the
document, put a no-op on the undo stack and say nothing.  Every inspector field is
driven here with key events on the visible widget, as a user would.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QPlainTextEdit

from briefing.core.document import Document
from briefing.core.errors import DomainError
from briefing.core.model import BriefingInfo, Citation, Claim, Source
from briefing.gui import dialogs
from tests.gui.helpers import open_window

REAL_SHOW_ERROR = dialogs.show_error
"""The real message box (the tests' autouse ``dialog_log`` replaces it)."""


def _doc() -> Document:
    return Document(
        BriefingInfo(title="Harbour", marking_scheme="us"),
        sources=[Source("s1", "Port log", key="smith2020", text="Ships came in."),
                 Source("s2", "Pilot notes", key="jones", text="Pilots said so.")],
        claims=[Claim("c1", "Ships came in.", citations=(Citation("s1", locator="p. 1"),))],
    )


class _Dialogs:
    """Answers the real message boxes as a user would (reads them, presses Enter)."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self._timer = QTimer()
        self._timer.timeout.connect(self._look)
        self._timer.start(20)

    def _look(self) -> None:
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.isVisible():
                self.seen.append(f"{box.windowTitle()}: {box.text()}")
                QTest.keyClick(box, Qt.Key.Key_Return)

    def stop(self) -> None:
        self._timer.stop()


def test_a_duplicate_citation_key_typed_in_the_inspector_is_refused_and_said(
    qtbot, monkeypatch,
) -> None:
    monkeypatch.setattr(dialogs, "show_error", REAL_SHOW_ERROR)
    window = open_window(qtbot, _doc())
    window.sources.select_source("s2")
    form = window.inspector.source_form
    key = form.widgets["key"]
    qtbot.waitUntil(key.isVisible)
    assert key.text() == "jones"
    stack = window.session.undo_stack
    before = stack.count()
    answered = _Dialogs()
    try:
        QTest.mouseClick(key, Qt.MouseButton.LeftButton)
        QTest.keyClick(key, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(key, "smith2020")
        assert key.text() == "smith2020"  # while typing, nothing is written yet
        QTest.keyClick(key, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(answered.seen), timeout=5_000)
    finally:
        answered.stop()
    assert key.text() == "jones"  # the form shows the document's value
    assert window.session.doc.source("s2").key == "jones"
    assert stack.count() == before and not stack.canRedo()
    assert answered.seen == ["Cannot Do That: citation key 'smith2020' is already used by 's1'"]
    # and a free key typed the same way is taken, as one undo step
    QTest.mouseClick(key, Qt.MouseButton.LeftButton)
    QTest.keyClick(key, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(key, "jones2021")
    QTest.keyClick(key, Qt.Key.Key_Return)
    assert window.session.doc.source("s2").key == "jones2021"
    assert stack.count() == before + 1
    stack.undo()
    assert key.text() == "jones" and window.session.doc.source("s2").key == "jones"


def _type_into(widget) -> None:
    """One change made with the keyboard, the way each kind of field takes it."""
    widget.setFocus()
    if isinstance(widget, QComboBox):  # Down opens the list; an arrow and Enter choose
        QTest.keyClick(widget, Qt.Key.Key_Down)
        QTest.keyClick(widget.view(), Qt.Key.Key_Down if widget.currentIndex()
                       < widget.count() - 1 else Qt.Key.Key_Up)
        QTest.keyClick(widget.view(), Qt.Key.Key_Return)
    elif isinstance(widget, QPlainTextEdit):
        QTest.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(widget, "x")
    else:
        QTest.keyClick(widget, Qt.Key.Key_End)
        QTest.keyClicks(widget, "x")
        QTest.keyClick(widget, Qt.Key.Key_Return)


def _shown(widget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentData()
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


def _fields(window) -> dict[str, object]:
    inspector = window.inspector
    fields: dict[str, object] = {}
    window.sources.select_source("s1")
    for name, widget in inspector.source_form.widgets.items():
        fields[f"source.{name}"] = widget
    inspector.show_briefing()
    for name, widget in inspector.briefing_form.widgets.items():
        fields[f"briefing.{name}"] = widget
    editor = inspector.claim_editor
    for name in ("text", "kind", "confidence", "likelihood", "status", "portion", "tags",
                 "notes"):
        fields[f"claim.{name}"] = getattr(editor, name)
    for name in ("source", "locator", "attribution", "quote", "credibility"):
        fields[f"citation.{name}"] = getattr(editor.citations, name)
    return fields


FIELDS = [*(f"source.{f}" for f in ("title", "key", "kind", "authors", "publisher",
                                     "container", "published", "url", "doi", "accessed",
                                     "descriptor", "reliability", "notes")),
          *(f"briefing.{f}" for f in ("title", "subtitle", "authors", "date",
                                       "marking_scheme", "classification", "caveats",
                                       "note_style")),
          *(f"claim.{f}" for f in ("text", "kind", "confidence", "likelihood", "status",
                                    "portion", "tags", "notes")),
          *(f"citation.{f}" for f in ("locator", "attribution", "quote", "credibility"))]


@pytest.mark.parametrize("field", FIELDS)
def test_a_refused_edit_in_any_inspector_field_is_not_kept(
    qtbot, monkeypatch, dialog_log, field,
) -> None:
    """Whatever the Document refuses, the field shows its value again, the undo stack
    is unchanged and the user is told why."""
    log = dialog_log
    window = open_window(qtbot, _doc())
    widget = _fields(window)[field]
    page = field.split(".")[0]
    if page == "source":
        window.inspector.show_source("s1")
    elif page == "briefing":
        window.inspector.show_briefing()
    else:
        window.select_claim("c1")
    qtbot.waitUntil(widget.isVisible)
    doc = window.session.doc
    shown_before = _shown(widget)

    def refuse(op):
        raise DomainError("refused for this test")

    monkeypatch.setattr(doc, "apply", refuse)
    stack = window.session.undo_stack
    before = stack.count()
    _type_into(widget)
    qtbot.waitUntil(lambda: bool(log.errors), timeout=3_000)
    assert log.errors == [("Cannot Do That", "refused for this test")]
    assert _shown(widget) == shown_before
    assert stack.count() == before
