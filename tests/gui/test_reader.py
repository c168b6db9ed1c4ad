"""The source reader: selections become claims with exact citations."""

from __future__ import annotations

from briefing.core.document import Document
from briefing.core.model import Source
from tests.gui.helpers import open_window, select_passage
from tests.material import QUOTE, QUOTE_PARAGRAPH, QUOTE_SPEAKER


def test_selection_creates_claim_with_exact_citation(qtbot, seed_doc):
    window = open_window(qtbot, seed_doc)
    start, end = select_passage(window, "s1", QUOTE)
    assert window.reader.new_claim_action.isEnabled()
    window.reader.new_claim_action.trigger()
    [claim] = seed_doc.claims
    [citation] = claim.citations
    assert citation.quote == QUOTE
    assert (citation.start, citation.end) == (start, end)
    assert seed_doc.source("s1").text[citation.start:citation.end] == QUOTE
    assert citation.locator == f"para. {QUOTE_PARAGRAPH}"
    assert QUOTE_SPEAKER in citation.attribution
    assert window.board.current_claim_id() == claim.id
    assert window.inspector.claim_editor.text.toPlainText() == QUOTE
    assert window.reader.claims_at(start + 3) == [claim.id], "the excerpt is highlighted"


def test_undo_removes_the_new_claim_and_its_highlight(qtbot, seed_doc):
    window = open_window(qtbot, seed_doc)
    start, _ = select_passage(window, "s1", QUOTE)
    window.reader.new_claim_action.trigger()
    assert window.session.undo_stack.undoText() == "New Claim from Selection"
    window.session.undo_stack.undo()
    assert seed_doc.claims == []
    assert window.reader.claims_at(start + 3) == []
    assert window.board.model.rowCount() == 0


def test_offsets_survive_emoji_and_crlf(qtbot):
    text = "Intro 😀 line\r\nThe minister said 🚀 the deal is done.\r\nEnd."
    doc = Document(sources=[Source(id="s1", title="t", text=text)])
    window = open_window(qtbot, doc)
    passage = "the deal is done"
    start, end = select_passage(window, "s1", passage)
    assert window.reader.selection_range() == (start, end)
    window.reader.new_claim_action.trigger()
    [claim] = doc.claims
    assert claim.citations[0].quote == passage
    assert claim.citations[0].locator == "para. 2"


def test_whitespace_selection_makes_no_claim(qtbot, seed_doc):
    window = open_window(qtbot, seed_doc)
    text = seed_doc.source("s1").text
    newline = text.index("\n")
    window.open_source("s1")
    window.reader.select_range(newline, newline + 1)
    window.reader.new_claim_action.trigger()
    assert seed_doc.claims == []


def test_clicking_a_highlight_selects_its_claim(qtbot, seed_doc):
    window = open_window(qtbot, seed_doc)
    start, _ = select_passage(window, "s1", QUOTE)
    window.reader.new_claim_action.trigger()
    claim_id = seed_doc.claims[0].id
    window.board.view.clearSelection()
    with qtbot.waitSignal(window.reader.claim_activated) as signal:
        window.reader._click(window.reader._map.to_qt(start + 5))
    assert signal.args == [claim_id]
    assert window.board.current_claim_id() == claim_id
