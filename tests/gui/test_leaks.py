"""Closing windows frees them: no widget stays alive and no panel keeps listening."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from briefing.gui.document.session import Session
from briefing.gui.window.main_window import MainWindow
from tests.gui.helpers import select_passage
from tests.material import QUOTE


def _settle() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
        gc.collect()


def _use_and_close(qtbot, doc) -> None:
    """Open a window on *doc*, visit every tab and make a claim, then close it."""
    window = MainWindow(Session(doc))
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)  # the event loop turns, as it does for a user
    select_passage(window, "s1", QUOTE)
    window.reader.new_claim_action.trigger()
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        qtbot.wait(20)
    window.session.undo_stack.undo()  # the document is as it was
    window.session.undo_stack.setClean()
    assert window.close()


def test_ten_windows_opened_and_closed_leave_no_widgets_or_listeners(qtbot, seed_doc):
    assert seed_doc.events.listener_count() == 0
    _settle()
    widgets_before = len(QApplication.allWidgets())
    _use_and_close(qtbot, seed_doc)  # the first opening builds what lives once per process
    _settle()
    after_one = len(QApplication.allWidgets())
    for _ in range(9):
        _use_and_close(qtbot, seed_doc)
    _settle()
    assert seed_doc.events.listener_count() == 0
    assert len(QApplication.allWidgets()) == after_one
    assert after_one - widgets_before < 10, "one closed window leaves (almost) nothing"
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()]
    assert seed_doc.claims == []
