"""Review decisions are saved in the briefing, undone with their edit, and survive reopening."""

from __future__ import annotations

from pathlib import Path

from briefing.documents import load_document, save_document
from briefing.review import read_review
from briefing.review.apply import accept_op, note_op
from briefing.review.state import decide, decisions, reviews
from tests.review import builders as b
from tests.review.test_word_markup import _tracked_edits


def test_accepting_is_one_operation_and_undo_takes_back_its_record(tmp_path: Path) -> None:
    path = b.rewrite(b.exported(tmp_path), tmp_path / "r.docx", _tracked_edits)
    doc = b.identified_small()
    review = read_review(doc, path)
    edit, rename = review.items
    inverse = doc.apply(decide(doc, review, edit, "accepted", accept_op(doc, edit,
                                                                        review.snapshot)))
    undo_reject = doc.apply(decide(doc, review, rename, "rejected", None))
    assert decisions(doc, review) == {edit.key: "accepted", rename.key: "rejected"}
    assert doc.claim("c2").text == "Full capacity is very likely within two weeks."
    assert doc.section("k2").title == "Evidence"
    saved = tmp_path / "saved.briefing"
    save_document(doc, saved)
    again = load_document(saved)
    assert decisions(again, read_review(again, path)) == decisions(doc, review)
    assert reviews(again)[0]["file"] == "r.docx"
    assert reviews(again)[0]["decisions"][0]["reviewer"] == "Jane Reviewer"
    doc.apply(undo_reject)
    assert decisions(doc, review) == {edit.key: "accepted"}
    doc.apply(inverse)
    assert doc.claim("c2").text == "Full capacity is likely within two weeks."
    assert decisions(doc, review) == {}


def test_a_comment_kept_as_a_card_note(tmp_path: Path) -> None:
    def edit(root) -> None:
        b.comment_range(b.marked(root, "_brf_c_c1"), "0", start=True)
        b.comment_range(b.marked(root, "_brf_c_c1"), "0", start=False)

    parts = {"word/comments.xml": b.comments_xml(
        [("0", "Jane Reviewer", "JR", "Which berths?", "1A2B3C4D")])}
    path = b.rewrite(b.exported(tmp_path), tmp_path / "c.docx", edit, parts)
    doc = b.identified_small()
    review = read_review(doc, path)
    (comment,) = review.items
    doc.apply(decide(doc, review, comment, "noted", note_op(doc, comment)))
    assert doc.claim("c1").notes == (
        "Review, Jane Reviewer, 2026-01-05 (on “(U) Two berths reopened on 18 December.”): "
        "Which berths?")
