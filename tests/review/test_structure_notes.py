"""Structure (deleted, new, lost-and-recovered paragraphs) and notes flagged on citations."""

from __future__ import annotations

from pathlib import Path

from briefing.review import read_review
from tests.review import builders as b
from tests.review.helpers import accept_all


def _remove(element) -> None:
    element.getparent().remove(element)


def test_deleted_and_new_paragraphs(tmp_path: Path) -> None:
    def edit(root) -> None:
        _remove(b.marked(root, "_brf_p_k1_05efd9b9"))
        new = b.etree.Element(f"{b.W}p")
        new.append(b.text_run("Tug availability remains the bottleneck."))
        b.marked(root, "_brf_c_c1").addnext(new)

    path = b.rewrite(b.exported(tmp_path), tmp_path / "structure.docx", edit)
    review = read_review(b.identified_small(), path)
    found = [(i.kind, i.block, i.before, i.after, i.to_section, i.after_block)
             for i in review.items]
    assert found == [
        ("delete", "_brf_p_k1_05efd9b9", "(U) Reopening is partial; dredging sets the pace.",
         "", "", ""),
        ("new", "_brf_c_c1", "", "Tug availability remains the bottleneck.", "k2", "_brf_c_c1"),
    ]
    doc = b.identified_small()
    accept_all(doc, review)
    assert [blk.claim for blk in doc.section("k1").blocks] == ["c2"]
    assert [(blk.claim, blk.text) for blk in doc.section("k2").blocks] == [
        ("c1", ""), (None, "Tug availability remains the bottleneck.")]


def test_a_claim_paragraph_deleted_leaves_the_card_on_the_board(tmp_path: Path) -> None:
    path = b.rewrite(b.exported(tmp_path), tmp_path / "gone.docx",
                     lambda root: _remove(b.marked(root, "_brf_c_c1")))
    doc = b.identified_small()
    review = read_review(doc, path)
    assert [(i.kind, i.block) for i in review.items] == [("delete", "_brf_c_c1")]
    accept_all(doc, review)
    assert doc.has_claim("c1") and not doc.is_placed("c1")
    assert len(doc.claim("c1").citations) == 1


def test_a_pasted_over_paragraph_is_recovered_with_its_likeness(tmp_path: Path) -> None:
    def edit(root) -> None:
        old = b.marked(root, "_brf_c_c2")
        new = b.etree.Element(f"{b.W}p")
        new.append(b.text_run("(U) Full capacity is likely within three weeks."))
        old.addprevious(new)
        _remove(old)

    path = b.rewrite(b.exported(tmp_path), tmp_path / "pasted.docx", edit)
    review = read_review(b.identified_small(), path)
    edits = [i for i in review.items if i.kind == "edit"]
    assert [(i.block, i.after) for i in edits] == [
        ("_brf_c_c2", "(U) Full capacity is likely within three weeks.")]
    assert 0.6 <= edits[0].similarity < 1.0
    assert {i.kind for i in review.items} == {"edit", "reference-removed"}  # notes went too


def test_notes_edited_deleted_or_unreferenced_are_flagged_on_citations(tmp_path: Path) -> None:
    def body(root) -> None:  # the second reference of c2 is deleted with tracking
        c2 = b.marked(root, "_brf_c_c2")
        refs = list(c2.iter(f"{b.W}footnoteReference"))
        run = refs[1].getparent()
        holder = run.getparent()
        position = holder.index(run)
        holder.remove(run)
        holder.insert(position, b.revision("del", 31, "Jane Reviewer", run))

    def notes(root) -> None:  # note 3 (c1's only citation) retyped without tracking
        note = root.find(f"{b.W}footnote[@{b.W}id='3']")
        text = [t for t in note.iter(f"{b.W}t")]
        for t in text[1:]:
            t.text = ""
        text[0].text = " Harbour Master Daily Log, para. 1 (duty harbour master)."

    path = b.rewrite(b.exported(tmp_path), tmp_path / "notes.docx", body, notes_edit=notes)
    review = read_review(b.identified_small(), path)
    found = [(i.kind, i.origin, i.claim_id, i.citation, i.after) for i in review.items]
    assert found == [
        ("reference-removed", "tracked", "c2", 1, ""),
        ("note-edit", "untracked", "c1", 0,
         "Harbour Master Daily Log, para. 1 (duty harbour master)."),
    ]
    doc = b.identified_small()
    accept_all(doc, review)  # note findings never change a citation by themselves
    assert doc.claim("c2") == b.identified_small().claim("c2")


def test_tracked_changes_and_comments_inside_a_note(tmp_path: Path) -> None:
    def notes(root) -> None:  # note 3: "para. 1" tracked to "para. 2", and a comment on it
        note = root.find(f"{b.W}footnote[@{b.W}id='3']")
        paragraph = note.find(f"{b.W}p")
        t = next(t for t in paragraph.iter(f"{b.W}t") if "para. 1" in (t.text or ""))
        head, tail = t.text.split("para. 1")
        t.text = head
        run = t.getparent()
        deleted = b.revision("del", 61, "Jane Reviewer", b.text_run("para. 1", "delText"))
        inserted = b.revision("ins", 62, "Jane Reviewer", b.text_run("para. 2"))
        rest = b.text_run(tail)
        run.addnext(deleted)
        deleted.addnext(inserted)
        inserted.addnext(rest)
        b.comment_range(paragraph, "7", start=True)
        b.comment_range(paragraph, "7", start=False)

    parts = {"word/comments.xml": b.comments_xml(
        [("7", "Jane Reviewer", "JR", "The log says para. 2.", "7A7A7A7A")])}
    path = b.rewrite(b.exported(tmp_path), tmp_path / "in-note.docx", lambda root: None,
                     parts, notes_edit=notes)
    review = read_review(b.identified_small(), path)
    found = [(i.kind, i.origin, i.claim_id, i.citation, i.after or i.text) for i in review.items]
    assert found == [
        ("note-edit", "tracked", "c1", 0,
         "Duty harbour master; “Harbour Master Daily Log”, para. 2. Grade B2."),
        ("comment", "comment", "c1", 0, "The log says para. 2."),
    ]


def test_an_untracked_move_to_another_section_and_within_one(tmp_path: Path) -> None:
    def edit(root) -> None:  # c2 cut and pasted under Evidence, after c1
        c2 = b.marked(root, "_brf_c_c2")
        c2.getparent().remove(c2)
        b.marked(root, "_brf_c_c1").addnext(c2)

    path = b.rewrite(b.exported(tmp_path), tmp_path / "moved.docx", edit)
    review = read_review(b.identified_small(), path)
    assert [(i.kind, i.origin, i.block, i.to_section, i.after_block) for i in review.items] == [
        ("move", "untracked", "_brf_c_c2", "k2", "_brf_c_c1")]
    doc = b.identified_small()
    accept_all(doc, review)
    assert [blk.claim for blk in doc.section("k2").blocks] == ["c1", "c2"]
    assert [blk.claim for blk in doc.section("k1").blocks] == [None]


def test_a_deleted_heading_is_reported_but_never_removes_a_section(tmp_path: Path) -> None:
    import pytest

    from briefing.review.apply import ReviewConflict, accept_op

    path = b.rewrite(b.exported(tmp_path), tmp_path / "no-heading.docx",
                     lambda root: _remove(b.marked(root, "_brf_s_k2")))
    doc = b.identified_small()
    review = read_review(doc, path)
    assert [(i.kind, i.block, i.before) for i in review.items] == [
        ("delete", "_brf_s_k2", "Evidence")]  # c1 under Key Judgments now: not a move
    with pytest.raises(ReviewConflict, match="not deleted from a review"):
        accept_op(doc, review.items[0], review.snapshot)


def test_endnotes_are_read_like_footnotes(tmp_path: Path) -> None:
    from briefing.export import export_document

    src = export_document(b.identified_small(), tmp_path / "end.docx", notes="endnotes")

    def body(root) -> None:  # c1's endnote reference deleted without tracking
        c1 = b.marked(root, "_brf_c_c1")
        for ref in list(c1.iter(f"{b.W}endnoteReference")):
            run = ref.getparent()
            run.getparent().remove(run)

    path = b.rewrite(src, tmp_path / "end-reviewed.docx", body)
    review = read_review(b.identified_small(), path)
    assert [(i.kind, i.origin, i.claim_id, i.citation) for i in review.items] == [
        ("reference-removed", "untracked", "c1", 0)]
