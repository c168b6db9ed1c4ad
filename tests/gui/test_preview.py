"""The Preview tab: the export rendered offline, refreshed after edits, notes clickable."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument

from briefing.core.model import Citation, Claim
from briefing.gui.main_window import PREVIEW_TAB
from briefing.gui.preview import PreviewBrowser
from briefing.resources import sample_document
from tests.gui.helpers import open_window


def _shown(window) -> str:
    return window.preview.browser.toPlainText()


def test_preview_shows_notes_and_updates_after_an_edit(qtbot):
    window = open_window(qtbot, sample_document())
    doc = window.session.doc
    window.tabs.setCurrentIndex(PREVIEW_TAB)
    qtbot.waitUntil(lambda: "Key Judgments" in _shown(window), timeout=10_000)
    first_source = doc.source(doc.claim("c1").citations[0].source)
    assert first_source.title in _shown(window)
    assert window.preview.notes[1] == "c1"

    # an edit: a new first claim in Key Judgments, citing a different source
    other = next(s for s in doc.sources if s.id != first_source.id)
    doc.add_claim(Claim(id="cx", text="Zebra-striped fresh statement.", kind="information",
                        portion="U", citations=(Citation(other.id, locator="para. 9"),)))
    model, board = window.outline.model, window.board
    card = board.proxy.mapFromSource(board.model.index(board.model.row_of("cx")))
    model.dropMimeData(board.proxy.mimeData([card]), Qt.DropAction.CopyAction, 0, 0,
                       model.section_index("k1"))
    qtbot.waitUntil(lambda: "Zebra-striped fresh statement." in _shown(window), timeout=10_000)
    assert window.preview.notes[1] == "cx"
    text = _shown(window)
    notes = text[text.rindex("Zebra-striped"):]
    assert other.title in notes  # note 1 now names the new claim's source


def test_clicking_a_note_number_selects_its_claim(qtbot):
    window = open_window(qtbot, sample_document())
    window.tabs.setCurrentIndex(PREVIEW_TAB)
    qtbot.waitUntil(lambda: window.preview.notes.get(3) is not None, timeout=10_000)
    claim_id = window.preview.notes[3]
    with qtbot.waitSignal(window.preview.claim_activated) as signal:
        window.preview.browser.anchorClicked.emit(QUrl("#fn:3"))
    assert signal.args == [claim_id]
    assert window.board.current_claim_id() == claim_id
    assert window.inspector.claim_editor.text.toPlainText() == \
        window.session.doc.claim(claim_id).text


def test_preview_loads_nothing_remote(qtbot):
    browser = PreviewBrowser()
    qtbot.addWidget(browser)
    kind = int(QTextDocument.ResourceType.ImageResource.value)
    assert browser.loadResource(kind, QUrl("https://example.org/tracker.png")) is None
    assert browser.loadResource(kind, QUrl("file:///etc/passwd")) is None


def test_stale_renders_are_dropped(qtbot):
    window = open_window(qtbot, sample_document())
    preview = window.preview
    window.tabs.setCurrentIndex(PREVIEW_TAB)
    first = preview.refresh_now()
    last = preview.refresh_now()
    qtbot.waitUntil(lambda: preview.shown_generation == last, timeout=10_000)
    preview._show(first, "<p>old page</p>", {})
    assert "old page" not in _shown(window)
