"""Find (Ctrl+F) across claims, prose and sources, with Find Next (F3)."""

from __future__ import annotations

from briefing.core.document import Document
from briefing.core.model import BriefingInfo
from briefing.gui.document.session import open_session
from briefing.gui.window.find_bar import find_hits
from briefing.gui.window.main_window import BOARD_TAB, READER_TAB
from briefing.resources import sample_document
from briefing.store.database import Store
from tests.gui.helpers import open_window


def _word_only_in_a_source(doc) -> str:
    """A word of the sources that no claim, quote, attribution or paragraph contains."""
    elsewhere = " ".join(
        [c.text for c in doc.claims]
        + [part for c in doc.claims for x in c.citations for part in (x.quote, x.attribution)]
        + [b.text for s in doc.all_sections() for b in s.blocks]).casefold()
    for source in doc.sources:
        for word in source.text.split():
            if len(word) >= 8 and word.isalpha() and word.casefold() not in elsewhere:
                return word
    raise AssertionError("no source-only word in the sample")


def test_find_finds_a_word_in_a_source_and_selects_it_in_the_reader(qtbot):
    window = open_window(qtbot, sample_document())
    doc = window.session.doc
    word = _word_only_in_a_source(doc)
    window.actions_["find"].trigger()
    assert window.find_bar.isVisible()
    window.find_bar.query.setText(word.lower())
    hit = window.find_bar.find_next()
    assert hit is not None and hit.kind == "source"
    assert window.tabs.currentIndex() == READER_TAB
    assert window.reader.source_id == hit.id
    start, end = window.reader.selection_range()
    assert (start, end) == (hit.start, hit.end)
    assert doc.source(hit.id).text[start:end] == word
    assert window.find_bar.count.text().startswith("1 of ")


def test_find_next_walks_claims_then_prose_then_sources(qtbot):
    window = open_window(qtbot, sample_document())
    doc = window.session.doc
    hits = find_hits(doc, "Ukraine")
    kinds = [h.kind for h in hits]
    assert kinds.index("claim") < kinds.index("prose") < kinds.index("source")
    window.act_find()
    window.find_bar.query.setText("Ukraine")
    window.act_find_next()
    assert window.tabs.currentIndex() == BOARD_TAB
    assert window.board.current_claim_id() == hits[0].id
    first_prose = kinds.index("prose")
    for _ in range(first_prose):
        window.act_find_next()
    assert window.outline.view.hasFocus() or window.outline.isVisible()
    assert window.outline.current() == (hits[first_prose].id, hits[first_prose].block)
    window.act_find_previous()
    assert window.tabs.currentIndex() == BOARD_TAB


def test_find_uses_the_store_index_for_sources(qtbot, tmp_path):
    path = tmp_path / "s.briefing"
    Store.create(path, sample_document()).close()
    session = open_session(path)
    doc = session.doc
    word = _word_only_in_a_source(doc)
    hits = find_hits(doc, word, session.store)
    assert hits and all(h.kind == "source" for h in hits)
    assert find_hits(doc, "qwertyzzz", session.store) == []
    assert find_hits(Document(BriefingInfo()), "x") == []
    session.close()
