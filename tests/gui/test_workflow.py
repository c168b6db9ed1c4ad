"""The analyst's core workflow, driven through the real window (issue 6, "done when")."""

from __future__ import annotations

from briefing.core.document import Document
from briefing.core.model import BriefingInfo
from briefing.gui.document.importing import find_importer
from briefing.gui.document.session import open_session
from briefing.store.database import Store
from tests.gui.helpers import open_window, select_passage
from tests.material import ARTICLE, QUOTE, QUOTE_PARAGRAPH, QUOTE_SPEAKER


def _choose(box, value: str) -> None:
    """Pick the item holding *value* the way a user does (emits activated)."""
    box.setCurrentIndex(box.findData(value))
    box.activated.emit(box.currentIndex())


def test_import_select_claim_edit_undo_redo(qtbot, tmp_path, seed_text):
    path = tmp_path / "talks.briefing"
    Store.create(path, Document(BriefingInfo(title="Basin talks"))).close()
    window = open_window(qtbot, open_session(path), importer=find_importer())
    doc, stack = window.session.doc, window.session.undo_stack

    # import the project's article (worker thread, one undo step)
    window.import_files([ARTICLE])
    qtbot.waitUntil(lambda: len(doc.sources) == 1, timeout=10_000)
    source = doc.sources[0]
    assert source.text.startswith(seed_text[:60])
    assert window.reader.source_id == source.id

    # select the sentence and make a claim from it
    start, end = select_passage(window, source.id, QUOTE)
    window.reader.new_claim_action.trigger()
    [claim] = doc.claims
    assert claim.citations[0].quote == QUOTE
    assert claim.citations[0].locator == f"para. {QUOTE_PARAGRAPH}"
    assert claim.citations[0].attribution.startswith(QUOTE_SPEAKER)
    editor = window.inspector.claim_editor

    # kind → quote
    _choose(editor.kind, "quote")
    assert doc.claim(claim.id).kind == "quote"
    assert stack.undoText() == "Change Claim Kind"

    # attribution, typed
    cites = editor.citations
    cites.attribution.setFocus()
    cites.attribution.selectAll()
    qtbot.keyClicks(cites.attribution, "Morrow (agriculture committee)")
    assert doc.claim(claim.id).citations[0].attribution == "Morrow (agriculture committee)"
    assert stack.undoText() == "Edit Citation Attribution"
    attribution_steps = stack.count()

    # change the claim text: one burst, one undo step
    editor.text.setFocus()
    editor.text.selectAll()
    qtbot.keyClicks(editor.text, "Morrow: the forecasts say the river is shrinking")
    assert doc.claim(claim.id).text == "Morrow: the forecasts say the river is shrinking"
    assert stack.count() == attribution_steps + 1, "typing merges into one step"
    assert window.actions_["undo"].text() == "&Undo Edit Claim Text"

    expected = [  # state after undoing each step, newest first
        lambda c: c.text == QUOTE,
        lambda c: c.citations[0].attribution.startswith(QUOTE_SPEAKER),
        lambda c: c.kind == "information",
    ]
    for check in expected:
        stack.undo()
        assert check(doc.claim(claim.id))
    assert editor.text.toPlainText() == QUOTE, "the inspector shows the undone text"
    stack.undo()
    assert doc.claims == []
    stack.undo()
    assert doc.sources == []
    for _ in range(5):
        stack.redo()
    final = doc.claim(claim.id)
    assert final.kind == "quote"
    assert final.citations[0].attribution == "Morrow (agriculture committee)"
    assert final.text == "Morrow: the forecasts say the river is shrinking"
    assert (final.citations[0].start, final.citations[0].end) == (start, end)

    # autosave reaches the file; reopening shows the same claim
    qtbot.waitUntil(lambda: window.save_label.text() == "Saved", timeout=5_000)
    assert not window.isWindowModified()
    window.close()
    with Store.open(path, readonly=True) as store:
        stored = store.document.claim(claim.id)
    assert stored == final


def test_modified_marker_follows_undo_and_autosave(qtbot, tmp_path):
    path = tmp_path / "x.briefing"
    Store.create(path, Document(BriefingInfo(title="Marker test"))).close()
    window = open_window(qtbot, open_session(path))
    assert window.windowTitle() == "x.briefing[*] — Briefing"  # the file, as editors do
    assert not window.isWindowModified()
    window.act_new_claim()
    assert window.isWindowModified()
    assert window.save_label.text() == "Saving…"
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=5_000)
    assert window.save_label.text() == "Saved"
    window.inspector.show_briefing()
    title = window.inspector.briefing_form.widgets["title"]
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " II")
    assert window.windowTitle() == "x.briefing[*] — Briefing"
    assert window.isWindowModified()
    window.session.undo_stack.undo()
    assert window.windowTitle() == "x.briefing[*] — Briefing"
    assert title.text() == "Marker test"
