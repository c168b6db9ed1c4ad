"""A citation added by hand is anchored once its quote is found in the source."""

from __future__ import annotations

from briefing.core.model import Claim
from tests.gui.helpers import open_window

PASSAGE = "sit uneasily with the hopeful public messaging of Prime Minister Elena Varga"


def test_a_typed_quote_found_in_the_source_gets_offsets_and_a_locator(qtbot, seed_doc):
    seed_doc.add_claim(Claim(id="c1", text="Moscow rejects foreign troops"))
    text = seed_doc.source("s1").text
    passage = PASSAGE
    window = open_window(qtbot, seed_doc)
    window.select_claim("c1")
    editor = window.inspector.claim_editor.citations
    editor.add_button.click()
    [added] = window.session.doc.claim("c1").citations
    assert added.start is None and added.locator == ""
    editor.quote.setFocus()
    qtbot.keyClicks(editor.quote, passage.replace(" ", "  ", 1))  # loose white space
    [cited] = window.session.doc.claim("c1").citations
    assert cited.start is not None and " ".join(text[cited.start:cited.end].split()) == passage
    assert cited.locator == "para. 2"
    assert editor.locator.text() == cited.locator
    qtbot.keyClicks(editor.quote, " and something the source never says")
    [typed] = window.session.doc.claim("c1").citations
    assert typed.start is None and typed.end is None  # no longer anchored
