"""A paragraph split with Enter is one proposal on its block, notes kept (hand-made Word XML)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from briefing.core.document import Document
from briefing.review import read_review
from briefing.review.apply import accept_op
from tests.review import builders as b
from tests.review.helpers import pandoc_view

W = b.W


def _split(root, mark: str, first: str, rest: str, author: str | None) -> None:
    """Split the paragraph holding *mark* after *first* as Word does on Enter: the first
    half keeps the bookmark (its paragraph mark inserted, tracked when *author* is given);
    the rest, with the note references, goes to a new paragraph after it."""
    para = b.marked(root, mark)
    b.replace_text(para, [b.text_run(first)])
    following = etree.Element(f"{W}p", {f"{W}rsidR": "00D4E5F6"})
    following.append(b.text_run(rest))
    for run in [r for r in para.findall(f"{W}r") if r.find(f"{W}t") is None
                or r.find(f"{W}rPr/{W}rStyle") is not None]:
        following.append(run)  # the note references and their separator move along
    if author:
        ppr = para.find(f"{W}pPr")
        if ppr is None:
            ppr = etree.Element(f"{W}pPr")
            para.insert(0, ppr)
        etree.SubElement(ppr, f"{W}rPr").append(b.revision("ins", 71, author))
    para.addnext(following)


def _lines(review) -> list[tuple]:
    return [(i.kind, i.origin, i.reviewer, i.block, i.before, i.after) for i in review.items]


def test_a_tracked_split_is_one_proposal_and_the_notes_stay(tmp_path: Path) -> None:
    path = b.rewrite(b.exported(tmp_path), tmp_path / "split.docx", lambda root: _split(
        root, "_brf_c_c2", "(U) Full capacity is likely", "within two weeks.", "Jane Reviewer"))
    doc = b.identified_small()
    review = read_review(doc, path)
    assert _lines(review) == [
        ("split", "tracked", "Jane Reviewer", "_brf_c_c2",
         "(U) Full capacity is likely within two weeks.",
         "(U) Full capacity is likely\nwithin two weeks."),
    ]
    assert review.items[0].label == "Paragraph split"
    # Word's "No Markup" shows two paragraphs; rejecting gives the exported one back
    accepted = [text for text, _ in pandoc_view(path, "accept")]
    assert "(U) Full capacity is likely" in accepted and "within two weeks." in accepted
    citations = doc.claim("c2").citations
    assert accept_op(doc, review.items[0], review.snapshot) is None  # a card stays one card
    assert doc.claim("c2").citations == citations


def test_an_untracked_split_with_a_word_changed_keeps_the_card_whole(tmp_path: Path) -> None:
    path = b.rewrite(b.exported(tmp_path), tmp_path / "split.docx", lambda root: _split(
        root, "_brf_c_c2", "(U) Full capacity is very likely", "within two weeks.", None))
    doc: Document = b.identified_small()
    review = read_review(doc, path)
    assert [(i.kind, i.origin, i.before, i.after) for i in review.items] == [
        ("split", "untracked", "(U) Full capacity is likely within two weeks.",
         "(U) Full capacity is very likely\nwithin two weeks."),
    ]
    citations = doc.claim("c2").citations
    doc.apply(accept_op(doc, review.items[0], review.snapshot))
    assert doc.claim("c2").text == "Full capacity is very likely within two weeks."
    assert doc.claim("c2").citations == citations and len(citations) == 2


def test_a_split_prose_paragraph_becomes_two_paragraphs(tmp_path: Path) -> None:
    path = b.rewrite(b.exported(tmp_path), tmp_path / "split.docx", lambda root: _split(
        root, "_brf_p_k1_05efd9b9", "(U) Reopening is partial;", "dredging sets the pace.",
        "Omar Field"))
    doc = b.identified_small()
    review = read_review(doc, path)
    assert _lines(review) == [
        ("split", "tracked", "Omar Field", "_brf_p_k1_05efd9b9",
         "(U) Reopening is partial; dredging sets the pace.",
         "(U) Reopening is partial;\ndredging sets the pace."),
    ]
    op = accept_op(doc, review.items[0], review.snapshot)
    doc.apply(op)
    blocks = doc.section("k1").blocks
    assert [(x.text, x.portion) for x in blocks[1:3]] == [
        ("Reopening is partial;", "U"), ("dredging sets the pace.", "U")]


def test_a_new_paragraph_after_a_card_is_not_a_split(tmp_path: Path) -> None:
    def edit(root) -> None:
        para = b.marked(root, "_brf_c_c2")
        new = etree.Element(f"{W}p")
        new.append(b.text_run("Berth 4 remains closed for survey work."))
        para.addnext(new)

    path = b.rewrite(b.exported(tmp_path), tmp_path / "new.docx", edit)
    review = read_review(b.identified_small(), path)
    assert [(i.kind, i.after) for i in review.items] == [
        ("new", "Berth 4 remains closed for survey work.")]


def test_accepting_a_split_in_the_editor_is_one_undo_step(qtbot, tmp_path, monkeypatch) -> None:
    from briefing.gui import dialogs
    from tests.gui.helpers import DialogLog, open_window
    from tests.gui.test_review_pane import _click, _click_row, _menu_action

    log = DialogLog(monkeypatch)
    path = b.rewrite(b.exported(tmp_path), tmp_path / "split.docx", lambda root: _split(
        root, "_brf_p_k1_05efd9b9", "(U) Reopening is partial;", "dredging sets the pace.",
        "Omar Field"))
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(path))
    window = open_window(qtbot, b.identified_small())
    doc = window.session.doc
    _menu_action(window, "File", "Import Review…")
    pane = window.review_dock.widget()
    assert [r.text(0) for r in pane._rows()] == ["Paragraph split (tracked)"]
    _click_row(pane, "Paragraph split")
    assert "Accepting makes it separate paragraphs." in pane.detail.toPlainText()
    _click(pane.buttons["accept"])
    assert [x.text for x in doc.section("k1").blocks[1:]] == [
        "Reopening is partial;", "dredging sets the pace."]
    _menu_action(window, "Edit", "Undo Accept paragraph split from Omar Field")
    assert [x.text for x in doc.section("k1").blocks[1:]] == [
        "Reopening is partial; dredging sets the pace."]
    assert not log.errors


def test_a_comment_on_the_second_half_stays_on_the_card(tmp_path: Path) -> None:
    def edit(root) -> None:
        _split(root, "_brf_c_c2", "(U) Full capacity is likely", "within two weeks.", None)
        rest = b.marked(root, "_brf_c_c2").getnext()
        b.comment_range(rest, "0", start=True)
        b.comment_range(rest, "0", start=False)

    parts = {"word/comments.xml": b.comments_xml(
        [("0", "Jane Reviewer", "JR", "Which two weeks?", "1A2B3C4D")])}
    path = b.rewrite(b.exported(tmp_path), tmp_path / "split.docx", edit, parts)
    review = read_review(b.identified_small(), path)
    assert [(i.kind, i.claim_id) for i in review.items] == [("split", "c2"), ("comment", "c2")]
    assert review.items[1].text == "Which two weeks?"
