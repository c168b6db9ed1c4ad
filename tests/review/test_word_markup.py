"""Reviews marked up as Word writes them (hand-made XML: w:rsid*, w:ins/w:del, moves,
comments across paragraphs, commentsExtended replies), read back item by item."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from briefing.export import export_document
from briefing.review import read_review
from tests.review import builders as b
from tests.review.helpers import accept_all, pandoc_view


def _with_last_author(path: Path, author: str) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    core = parts["docProps/core.xml"].decode()
    start = core.index("<cp:lastModifiedBy>") + len("<cp:lastModifiedBy>")
    end = core.index("</cp:lastModifiedBy>")
    parts["docProps/core.xml"] = (core[:start] + author + core[end:]).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _tracked_edits(root) -> None:
    c2 = b.marked(root, "_brf_c_c2")
    b.replace_text(c2, [
        b.text_run("(U) Full capacity is "),
        b.revision("del", 11, "Jane Reviewer", b.text_run("likely", "delText")),
        b.revision("ins", 12, "Jane Reviewer", b.text_run("very likely")),
        b.text_run(" within two weeks."),
    ])
    k2 = b.marked(root, "_brf_s_k2")
    b.replace_text(k2, [
        b.revision("del", 13, "Omar Field", b.text_run("Evidence", "delText")),
        b.revision("ins", 14, "Omar Field", b.text_run("Reporting")),
    ])


@pytest.fixture
def tracked(tmp_path: Path) -> Path:
    return b.rewrite(b.exported(tmp_path), tmp_path / "tracked.docx", _tracked_edits)


def _lines(review) -> list[tuple]:
    return [(i.kind, i.origin, i.reviewer, i.block, i.before, i.after) for i in review.items]


def test_tracked_changes_become_edits_with_their_authors(tracked: Path) -> None:
    review = read_review(b.identified_small(), tracked)
    assert _lines(review) == [
        ("edit", "tracked", "Jane Reviewer", "_brf_c_c2",
         "(U) Full capacity is likely within two weeks.",
         "(U) Full capacity is very likely within two weeks."),
        ("rename", "tracked", "Omar Field", "_brf_s_k2", "Evidence", "Reporting"),
    ]
    assert review.items[0].date == b.DATE and review.warnings == []


def test_accept_all_reads_like_pandoc_accepting_and_nothing_is_lost(
    tracked: Path, tmp_path: Path
) -> None:
    doc = b.identified_small()
    accept_all(doc, read_review(doc, tracked))
    again = export_document(doc, tmp_path / "again.docx")
    assert pandoc_view(again, "accept") == pandoc_view(tracked, "accept")
    assert doc.claim("c2").text == "Full capacity is very likely within two weeks."
    assert doc.section("k2").title == "Reporting"


def test_rejecting_all_is_the_exported_text(tracked: Path, tmp_path: Path) -> None:
    original = b.exported(tmp_path, name="plain.docx")
    assert pandoc_view(tracked, "reject") == pandoc_view(original, "all")
    review = read_review(b.identified_small(), tracked)
    assert all(i.origin == "tracked" for i in review.items)  # nothing else differs


def test_untracked_edits_are_the_last_authors(tmp_path: Path) -> None:
    def edit(root) -> None:
        prose = b.marked(root, "_brf_p_k1_05efd9b9")
        b.replace_text(prose, [b.text_run("(U) Reopening is partial; dredging and tides set "
                                          "the pace.")])

    path = b.rewrite(b.exported(tmp_path), tmp_path / "plain-edit.docx", edit)
    _with_last_author(path, "Omar Field")
    review = read_review(b.identified_small(), path)
    assert _lines(review) == [
        ("edit", "untracked", "Omar Field", "_brf_p_k1_05efd9b9",
         "(U) Reopening is partial; dredging sets the pace.",
         "(U) Reopening is partial; dredging and tides set the pace."),
    ]
    doc = b.identified_small()
    accept_all(doc, review)
    expected = "Reopening is partial; dredging and tides set the pace."
    assert doc.section("k1").blocks[1].text == expected


def test_comments_across_paragraphs_land_on_their_block_with_replies(tmp_path: Path) -> None:
    def edit(root) -> None:
        b.comment_range(b.marked(root, "_brf_c_c2"), "0", start=True)
        b.comment_range(b.marked(root, "_brf_p_k1_05efd9b9"), "0", start=False)
        b.comment_range(b.marked(root, "_brf_s_k2"), "1", start=True)
        b.comment_range(b.marked(root, "_brf_s_k2"), "1", start=False)
        b.comment_range(b.marked(root, "_brf_s_k2"), "2", start=True)
        b.comment_range(b.marked(root, "_brf_s_k2"), "2", start=False)

    parts = {
        "word/comments.xml": b.comments_xml([
            ("0", "Jane Reviewer", "JR", "Two weeks seems optimistic.", "1A2B3C4D"),
            ("1", "Omar Field", "OF", "Rename to Reporting?", "2B3C4D5E"),
            ("2", "Jane Reviewer", "JR", "Agreed.", "3C4D5E6F"),
        ]),
        "word/commentsExtended.xml": b.comments_extended([
            ("1A2B3C4D", None, False), ("2B3C4D5E", None, True), ("3C4D5E6F", "2B3C4D5E", False),
        ]),
    }
    path = b.rewrite(b.exported(tmp_path), tmp_path / "comments.docx", edit, parts)
    review = read_review(b.identified_small(), path)
    comments = [(i.block, i.reviewer, i.initials, i.text, i.words, i.resolved,
                 [(r.author, r.text) for r in i.replies]) for i in review.items]
    assert comments == [
        ("_brf_c_c2", "Jane Reviewer", "JR", "Two weeks seems optimistic.",
         "(U) Full capacity is likely within two weeks.\n"
         "(U) Reopening is partial; dredging sets the pace.", False, []),
        ("_brf_s_k2", "Omar Field", "OF", "Rename to Reporting?", "Evidence", True,
         [("Jane Reviewer", "Agreed.")]),
    ]


def _move_c1_before_c2(root) -> None:
    """Word's tracked move: the source paragraph in w:moveFrom, the copy in w:moveTo."""
    c1 = b.marked(root, "_brf_c_c1")
    c2 = b.marked(root, "_brf_c_c2")
    text = "(U) Two berths reopened on 18 December."
    run = next(r for r in c1.iter(f"{b.W}r") if r.find(f"{b.W}t") is not None)
    holder = run.getparent()
    position = holder.index(run)
    holder.remove(run)
    moved = b.revision("moveFrom", 21, "Jane Reviewer", b.text_run(text))
    holder.insert(position, b.etree.Element(f"{b.W}moveFromRangeStart",
                                           {f"{b.W}id": "20", f"{b.W}name": "move1",
                                            f"{b.W}author": "Jane Reviewer", f"{b.W}date": b.DATE}))
    holder.insert(position + 1, moved)
    holder.insert(position + 2, b.etree.Element(f"{b.W}moveFromRangeEnd", {f"{b.W}id": "20"}))
    ppr = c1.find(f"{b.W}pPr")
    if ppr is None:
        ppr = b.etree.SubElement(c1, f"{b.W}pPr")
        c1.insert(0, ppr)
    rpr = b.etree.SubElement(ppr, f"{b.W}rPr")
    rpr.append(b.revision("moveFrom", 22, "Jane Reviewer"))
    destination = b.etree.Element(f"{b.W}p", {f"{b.W}rsidR": "00C4D5E6"})
    destination.append(b.etree.Element(f"{b.W}moveToRangeStart",
                                       {f"{b.W}id": "23", f"{b.W}name": "move1",
                                        f"{b.W}author": "Jane Reviewer", f"{b.W}date": b.DATE}))
    destination.append(b.revision("moveTo", 24, "Jane Reviewer", b.text_run(text)))
    destination.append(b.etree.Element(f"{b.W}moveToRangeEnd", {f"{b.W}id": "23"}))
    c2.addprevious(destination)


def test_a_tracked_move_is_a_move_by_its_author(tmp_path: Path) -> None:
    path = b.rewrite(b.exported(tmp_path), tmp_path / "move.docx", _move_c1_before_c2)
    review = read_review(b.identified_small(), path)
    moves = [(i.kind, i.origin, i.reviewer, i.block, i.to_section, i.after_block)
             for i in review.items if i.kind != "reference-removed"]
    assert moves == [("move", "tracked", "Jane Reviewer", "_brf_c_c1", "k1", "")]
    doc = b.identified_small()
    accept_all(doc, review)
    assert [blk.claim for blk in doc.section("k1").blocks] == ["c1", "c2", None]
    assert doc.section("k2").blocks == ()
    assert len(doc.claim("c1").citations) == 1  # the card keeps its citation


def test_a_tracked_move_that_carried_its_bookmark(tmp_path: Path) -> None:
    def edit(root) -> None:
        _move_c1_before_c2(root)
        c1 = b.marked(root, "_brf_c_c1")  # Word may move the bookmark with the text
        start = c1.find(f"{b.W}bookmarkStart")
        end = c1.find(f"{b.W}bookmarkEnd")
        destination = b.marked(root, "_brf_c_c2").getprevious()
        destination.insert(0, start)
        destination.append(end)

    path = b.rewrite(b.exported(tmp_path), tmp_path / "move2.docx", edit)
    review = read_review(b.identified_small(), path)
    moves = [(i.kind, i.origin, i.reviewer, i.block, i.to_section, i.after_block)
             for i in review.items if i.kind != "reference-removed"]
    assert moves == [("move", "tracked", "Jane Reviewer", "_brf_c_c1", "k1", "")]


def test_a_comment_on_a_paragraph_deleted_with_tracking_stays_on_it(tmp_path: Path) -> None:
    def edit(root) -> None:
        prose = b.marked(root, "_brf_p_k1_05efd9b9")
        text = "(U) Reopening is partial; dredging sets the pace."
        b.replace_text(prose, [b.revision("del", 71, "Jane Reviewer",
                                          b.text_run(text, "delText"))])
        b.comment_range(prose, "0", start=True)
        b.comment_range(prose, "0", start=False)

    parts = {"word/comments.xml": b.comments_xml(
        [("0", "Jane Reviewer", "JR", "Redundant.", "1A2B3C4D")])}
    path = b.rewrite(b.exported(tmp_path), tmp_path / "deleted.docx", edit, parts)
    review = read_review(b.identified_small(), path)
    assert [(i.kind, i.origin, i.block) for i in review.items] == [
        ("delete", "tracked", "_brf_p_k1_05efd9b9"),
        ("comment", "comment", "_brf_p_k1_05efd9b9"),
    ]


def test_a_deleted_paragraph_mark_is_shown_as_a_join(tmp_path: Path) -> None:
    def edit(root) -> None:  # Word: the prose's paragraph mark deleted, joining it to Evidence
        prose = b.marked(root, "_brf_p_k1_05efd9b9")
        ppr = prose.find(f"{b.W}pPr")
        if ppr is None:
            ppr = b.etree.Element(f"{b.W}pPr")
            prose.insert(0, ppr)
        b.etree.SubElement(ppr, f"{b.W}rPr").append(b.revision("del", 81, "Omar Field"))

    path = b.rewrite(b.exported(tmp_path), tmp_path / "join.docx", edit)
    review = read_review(b.identified_small(), path)
    assert [(i.kind, i.reviewer, i.block, i.text) for i in review.items] == [
        ("join", "Omar Field", "_brf_p_k1_05efd9b9", "joined with “Evidence”")]
    assert not review.items[0].changes_text


def test_formatting_changes_are_not_proposals(tmp_path: Path) -> None:
    def edit(root) -> None:  # bold added with tracking, and a tracked paragraph style change
        c2 = b.marked(root, "_brf_c_c2")
        run = next(r for r in c2.iter(f"{b.W}r") if r.find(f"{b.W}t") is not None)
        rpr = b.etree.Element(f"{b.W}rPr")
        b.etree.SubElement(rpr, f"{b.W}b")
        change = b.etree.SubElement(rpr, f"{b.W}rPrChange", {
            f"{b.W}id": "91", f"{b.W}author": "Omar Field", f"{b.W}date": b.DATE})
        b.etree.SubElement(change, f"{b.W}rPr")
        run.insert(0, rpr)
        ppr = c2.find(f"{b.W}pPr")
        if ppr is None:
            ppr = b.etree.Element(f"{b.W}pPr")
            c2.insert(0, ppr)
        b.etree.SubElement(ppr, f"{b.W}jc", {f"{b.W}val": "center"})
        ppr_change = b.etree.SubElement(ppr, f"{b.W}pPrChange", {
            f"{b.W}id": "92", f"{b.W}author": "Omar Field", f"{b.W}date": b.DATE})
        b.etree.SubElement(ppr_change, f"{b.W}pPr")

    path = b.rewrite(b.exported(tmp_path), tmp_path / "format.docx", edit)
    assert read_review(b.identified_small(), path).items == []
