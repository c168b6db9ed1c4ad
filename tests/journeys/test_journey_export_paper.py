"""File ▸ Export ▸ Word…: the paper size is chosen with the mouse and remembered."""

from __future__ import annotations

from docx import Document as WordDocument
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing.gui.app import Editor
from briefing.gui.document.session import open_session
from briefing.resources import sample_document
from briefing.store.database import Store
from tests.journeys.conftest import SCREEN
from tests.journeys.user import User, wait_until

LETTER_TWIPS = (12240, 15840)  # 8.5 × 11 in
A4_TWIPS = (11906, 16838)  # 210 × 297 mm


def _page(path) -> tuple[int, int]:
    section = WordDocument(str(path)).sections[0]
    return section.page_width.twips, section.page_height.twips


def _open_export(user: User, window):
    window.activateWindow()  # the window has the focus again after the last dialog
    wait_until(lambda: QApplication.activeWindow() is window)
    user.shortcut("Ctrl+Shift+E")
    dialog = window.export_dialog
    wait_until(dialog.isVisible)
    return dialog


def _export(user: User, window, out, paper: str | None) -> None:
    dialog = _open_export(user, window)
    if paper is not None:
        user.choose(dialog.paper, paper)
    user.replace_text(dialog.path, str(out))
    user.answer_next_modal(QMessageBox, lambda box: QTest.keyClick(box, Qt.Key.Key_Escape))
    user.click(dialog.export_button)
    wait_until(lambda: out.exists() and not dialog.isVisible())


def test_paper_size_is_chosen_in_the_export_dialog_and_remembered(qtbot, tmp_path, errors,
                                                                 monkeypatch):
    monkeypatch.setenv("LC_PAPER", "en_GB.UTF-8")  # the locale says A4
    path = tmp_path / "sample.briefing"
    Store.create(str(path), sample_document()).close()
    editor = Editor()
    window = editor.new_window(open_session(path))
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    wait_until(lambda: QApplication.activeWindow() is window)
    user = User(window)

    letter = tmp_path / "letter.docx"
    _export(user, window, letter, "US Letter")
    assert _page(letter) == LETTER_TWIPS

    dialog = _open_export(user, window)  # the choice is remembered for the next export
    assert dialog.paper.currentText() == "US Letter"
    user.key(Qt.Key.Key_Escape)
    wait_until(lambda: not dialog.isVisible())

    by_locale = tmp_path / "locale.docx"
    _export(user, window, by_locale, "From the locale (A4)")
    assert _page(by_locale) == A4_TWIPS
    assert errors == []
