"""The Preview tab: the export rendered offline, refreshed after edits, notes clickable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor, QTextDocument

from briefing.core.model import Citation, Claim
from briefing.export import build_ir
from briefing.export.html_writer import CSS, render_preview
from briefing.gui import dialogs
from briefing.gui.panes.preview import PreviewBrowser, open_in_browser
from briefing.gui.panes.preview_page import build_page
from briefing.gui.window.main_window import PREVIEW_TAB
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
    assert browser.loadResource(kind, QUrl("http://example.org/x.css")) is None
    page = build_page(['<p>x<img src="https://example.org/t.png"></p>'], CSS)
    assert page.document.loadResource(kind, QUrl("https://example.org/t.png")) is None


def test_stale_renders_are_dropped(qtbot):
    window = open_window(qtbot, sample_document())
    preview = window.preview
    window.tabs.setCurrentIndex(PREVIEW_TAB)
    first = preview.refresh_now()
    last = preview.refresh_now()
    qtbot.waitUntil(lambda: preview.shown_generation == last, timeout=10_000)
    preview._show(first, ("<p>old page</p>",), {})
    assert "old page" not in _shown(window)
    assert preview.shown_generation == last


def _page_text(page) -> list[tuple[str, int, bool]]:
    """Each block's text, heading level and whether it is a list item."""
    block, found = page.document.begin(), []
    while block.isValid():
        found.append((block.text(), block.blockFormat().headingLevel(),
                      block.textList() is not None))
        block = block.next()
    return found


def test_a_patched_page_matches_a_page_built_afresh(qtbot):
    doc = sample_document()
    first = render_preview(build_ir(doc), part_blocks=3).parts
    doc.update_claim("c1", text="An edited first claim.")
    doc.delete_claim(doc.placed_claims()[-1].id)
    second = render_preview(build_ir(doc), part_blocks=3).parts
    page = build_page(first, CSS)
    steps = page.steps_to(second)
    assert 0 < len(steps) < len(second), "only the parts that changed are redone"
    for step in steps:
        page.apply(step)
    fresh = build_page(second, CSS)
    assert _page_text(page) == _page_text(fresh)
    assert page.starts == fresh.starts
    headings = [t for t, level, _l in _page_text(fresh) if level]
    assert "Key Judgments" in headings  # a part's first block keeps its own format
    assert page.document.toPlainText().count("An edited first claim.") == 1


def test_clicking_a_claims_text_selects_it(qtbot):
    window = open_window(qtbot, sample_document())
    window.tabs.setCurrentIndex(PREVIEW_TAB)
    preview = window.preview
    qtbot.waitUntil(lambda: preview.shown_generation > 0, timeout=10_000)
    claim_id = window.session.doc.placed_claims()[2].id
    position = preview.claim_position(claim_id)
    assert position is not None
    browser = preview.browser
    cursor = QTextCursor(browser.document())
    cursor.setPosition(position + 3)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    point = browser.cursorRect(cursor).center()
    with qtbot.waitSignal(preview.claim_activated) as signal:
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [claim_id]
    assert window.board.current_claim_id() == claim_id


def test_web_links_open_only_when_the_user_confirms(qtbot, monkeypatch):
    opened: list[str] = []
    answers = [False, True]
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    monkeypatch.setattr(dialogs, "confirm", lambda *a: answers.pop(0))
    window = open_window(qtbot, sample_document())
    link = QUrl("https://example.org/report")
    window.preview.browser.anchorClicked.emit(link)
    assert opened == []  # declined
    window.preview.browser.anchorClicked.emit(link)
    assert opened == ["https://example.org/report"]
    assert open_in_browser(None, QUrl("file:///etc/passwd"), ask=False) is False


def test_the_context_menu_opens_a_web_link_without_asking(qtbot, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    monkeypatch.setattr(dialogs, "confirm", lambda *a: pytest.fail("no question expected"))
    window = open_window(qtbot, sample_document())
    window.tabs.setCurrentIndex(PREVIEW_TAB)
    preview = window.preview
    qtbot.waitUntil(lambda: not preview.updating, timeout=20_000)
    browser = preview.browser
    found = browser.document().find("https://")  # a note's link to its source
    assert not found.isNull()
    found.setPosition(found.selectionStart() + 2)
    browser.setTextCursor(found)
    browser.ensureCursorVisible()
    point = browser.cursorRect(found).center()
    menu = browser.context_menu(point)
    assert opened == []  # showing the menu opens nothing
    [action] = [a for a in menu.actions() if a.text() == "Open Link in Browser"]
    action.trigger()
    assert len(opened) == 1 and opened[0].startswith("https://example.org/")
