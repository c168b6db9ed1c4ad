"""Journey: a colleague's older briefing arrives; the analyst reads it, enables editing
with the mouse, is told the file was upgraded and where the original is, and works on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefing.core.document import Document
from briefing.core.model import Claim, Section, Source
from briefing.gui.app import Editor
from briefing.gui.document import received
from briefing.store.database import Store
from tests.journeys.conftest import SCREEN
from tests.journeys.user import User, wait_until
from tests.store.old_files import file_version, write_v1

TEXT = "The envoy said the harbour would reopen on Monday.\n" * 30


def _shown(qtbot, window):
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


def test_enable_editing_on_an_older_briefing_says_where_the_original_is(
    qtbot, tmp_path, errors
) -> None:
    doc = Document(sources=[Source("s1", "Envoy transcript", text=TEXT)],
                   sections=[Section("k1", "Key Judgments")])
    doc.add_claim(Claim("c1", "The harbour reopens Monday."))
    path = write_v1(doc, tmp_path / "From Anna.briefing", own=False)
    before = path.read_bytes()
    editor = Editor()
    window = _shown(qtbot, editor.open(str(path)))  # `briefing "From Anna.briefing"`
    bar = window.findChild(received.ProtectedBar, "protected_bar")
    assert bar.isVisible() and "upgraded" not in window.statusBar().currentMessage()

    User(window).click(bar.button)  # Enable Editing, with the mouse
    wait_until(lambda: any(w is not window and w.isVisible() for w in editor.windows))
    editable = _shown(qtbot, [w for w in editor.windows if w is not window][-1])
    wait_until(lambda: QApplication.activeWindow() is editable)
    assert editable.statusBar().currentMessage() == (
        "From Anna.briefing was upgraded to file version 2; the file as it was is kept "
        "beside it as From Anna.v1-backup.briefing (for older versions of Briefing)")
    assert (tmp_path / "From Anna.v1-backup.briefing").read_bytes() == before
    assert file_version(path) == 2 and errors == []

    user = User(editable)  # and the analyst works on: a new card from the keyboard
    user.shortcut("Ctrl+Shift+N")  # Insert ▸ New Claim
    wait_until(lambda: len(editable.session.doc.claims) == 2)
    editable.close()
    with Store.open(path, readonly=True) as store:
        assert store.origin.own and len(store.document.claims) == 2
        assert store.document.source("s1").text == TEXT
