"""Review decisions in a real .briefing: accepted in the editor's session, saved, reopened."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.errors import FileProblem
from briefing.documents import save_document
from briefing.gui.document.session import open_session
from briefing.review import read_review
from briefing.review.apply import accept_op
from briefing.review.state import decide, decisions
from tests.export.expect import small_document
from tests.review import builders as b
from tests.review.test_word_markup import _tracked_edits


def test_accept_undo_redo_save_and_reopen(tmp_path: Path, qapp) -> None:
    brief = tmp_path / "harbour.briefing"
    save_document(small_document(), brief)  # made before identities: one is given at open
    session = open_session(brief)
    doc = session.doc
    path = b.rewrite(b.exported(tmp_path, doc), tmp_path / "r.docx", _tracked_edits)
    review = read_review(doc, path)
    assert review.warnings == []  # the id given at open travelled in the export
    edit, rename = review.items
    assert session.push(decide(doc, review, edit, "accepted", accept_op(doc, edit,
                                                                        review.snapshot)))
    assert session.push(decide(doc, review, rename, "accepted", accept_op(doc, rename,
                                                                          review.snapshot)))
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.redo()
    assert session.flush()
    session.close()
    again = open_session(brief)
    assert again.doc.claim("c2").text == "Full capacity is very likely within two weeks."
    assert again.doc.section("k2").title == "Evidence"
    assert decisions(again.doc, read_review(again.doc, path)) == {edit.key: "accepted"}
    again.close()


def test_without_identities_the_content_decides(tmp_path: Path) -> None:
    path = b.exported(tmp_path, small_document())  # no id on either side
    review = read_review(small_document(), path)
    assert review.items == [] and "identity could not be confirmed" in review.warnings[0]
    from briefing.core.templates import new_document

    with pytest.raises(FileProblem, match="does not match this briefing"):
        read_review(new_document("memo"), path)
