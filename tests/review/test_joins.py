"""A join (a deleted paragraph mark) is merged only when the analyst accepts that item:
the second block's text goes into the first, a second card goes back to the board."""

from __future__ import annotations

import pytest

from briefing.core import ops
from briefing.core.document import Document
from briefing.gui import dialogs
from briefing.review import read_review
from briefing.review.apply import ReviewConflict
from briefing.review.joins import merge_join
from tests.gui.helpers import DialogLog, open_window
from tests.gui.test_review_pane import _click, _click_row, _menu_action
from tests.review import builders as b


def _two_cards() -> Document:
    """Key Judgments: card c2, card c1, then the prose paragraph; Evidence left empty."""
    doc = b.identified_small()
    doc.apply(ops.MoveBlock("k2", 0, "k1", 1))
    return doc


def _join(mark: str):
    def edit(root) -> None:  # Word: the paragraph mark after *mark* deleted with tracking
        para = b.marked(root, mark)
        ppr = para.find(f"{b.W}pPr")
        if ppr is None:
            ppr = b.etree.Element(f"{b.W}pPr")
            para.insert(0, ppr)
        b.etree.SubElement(ppr, f"{b.W}rPr").append(b.revision("del", 81, "Omar Field"))
    return edit


def test_joined_cards_merge_into_the_first_and_the_second_goes_to_the_board(tmp_path):
    doc = _two_cards()
    path = b.rewrite(b.exported(tmp_path, doc), tmp_path / "join.docx", _join("_brf_c_c2"))
    review = read_review(doc, path)
    (item,) = review.items
    assert (item.kind, item.block, item.after_block) == ("join", "_brf_c_c2", "_brf_c_c1")
    op, message = merge_join(doc, item, review.snapshot)
    cited = doc.claim("c2").citations + doc.claim("c1").citations
    doc.apply(op)
    assert doc.claim("c2").text == ("Full capacity is likely within two weeks. "
                                    "Two berths reopened on 18 December.")
    assert doc.claim("c2").citations == cited
    assert doc.has_claim("c1") and not doc.is_placed("c1")
    assert doc.claim("c1").text == "Two berths reopened on 18 December."
    assert message == ("Card c1's text, with its 1 citation(s), is now at the end of card c2. "
                       "Card c1 is off the outline, unplaced on the board with its own text "
                       "and citations: delete it there if you no longer need it.")


def test_a_card_joined_with_prose_takes_its_words_and_prose_into_a_card_is_refused(tmp_path):
    doc = b.identified_small()
    path = b.rewrite(b.exported(tmp_path, doc), tmp_path / "join.docx", _join("_brf_c_c2"))
    review = read_review(doc, path)
    op, _ = merge_join(doc, review.items[0], review.snapshot)
    doc.apply(op)
    assert doc.claim("c2").text == ("Full capacity is likely within two weeks. Reopening is "
                                    "partial; dredging sets the pace.")
    assert [x.claim for x in doc.section("k1").blocks] == ["c2"]

    doc = _two_cards()
    doc.apply(ops.MoveBlock("k1", 2, "k1", 0))  # prose, c2, c1: join prose with c2
    path = b.rewrite(b.exported(tmp_path, doc, "b.docx"), tmp_path / "join2.docx",
                     _join("_brf_p_k1_05efd9b9"))
    review = read_review(doc, path)
    with pytest.raises(ReviewConflict, match="card c2 would lose its citations"):
        merge_join(doc, review.items[0], review.snapshot)


def test_merging_in_the_editor_asks_first_and_is_one_undo_step(qtbot, tmp_path, monkeypatch):
    log = DialogLog(monkeypatch)
    asked, told = [], []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, title, *a: asked.append(title) or True)
    monkeypatch.setattr(dialogs, "show_info", lambda _p, title, text: told.append(text))
    doc = _two_cards()
    path = b.rewrite(b.exported(tmp_path, doc), tmp_path / "join.docx", _join("_brf_c_c2"))
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(path))
    window = open_window(qtbot, doc)
    _menu_action(window, "File", "Import Review…")
    pane = window.review_dock.widget()
    pane.reviewer.setCurrentIndex(pane.reviewer.findText("Omar Field"))
    _click(pane.buttons["accept_all"])  # Accept All never merges
    assert doc.is_placed("c1") and asked == []
    _click_row(pane, "Paragraphs joined")
    assert "Accept merges them" in pane.detail.toPlainText()
    _click(pane.buttons["accept"])
    assert asked == ["Merge Paragraphs?"]
    assert told and told[0].startswith("Card c1's text, with its 1 citation(s),")
    assert not doc.is_placed("c1") and doc.claim("c2").text.endswith("18 December.")
    assert [r.text(2) for r in pane._rows()] == ["Accepted"]
    _menu_action(window, "Edit", "Undo Accept paragraphs joined from Omar Field")
    assert doc.is_placed("c1") and doc.claim("c2").text == (
        "Full capacity is likely within two weeks.")
    assert len(doc.claim("c2").citations) == 2 and not log.errors
