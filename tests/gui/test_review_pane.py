"""File ▸ Import Review… and the Review pane, driven by clicks and keys on visible widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu

from briefing.core import ops
from briefing.core.model import evolve
from briefing.gui import dialogs
from tests.gui.helpers import DialogLog, open_window
from tests.gui.test_export_dialog import _export
from tests.review import builders as b
from tests.review.helpers import pandoc_view
from tests.review.test_word_markup import _tracked_edits
from tests.review.test_word_markup import _with_last_author as with_last_author


@pytest.fixture
def log(monkeypatch) -> DialogLog:
    return DialogLog(monkeypatch)


def _reviewed(tmp_path: Path) -> Path:
    def edit(root) -> None:
        _tracked_edits(root)
        prose = b.marked(root, "_brf_p_k1_05efd9b9")
        b.replace_text(prose, [b.text_run("(U) Reopening is partial; silting sets the pace.")])
        b.comment_range(b.marked(root, "_brf_c_c1"), "0", start=True)
        b.comment_range(b.marked(root, "_brf_c_c1"), "0", start=False)

    parts = {"word/comments.xml": b.comments_xml(
        [("0", "Jane Reviewer", "JR", "Which berths?", "1A2B3C4D")])}
    path = b.rewrite(b.exported(tmp_path), tmp_path / "reviewed.docx", edit, parts)
    with_last_author(path, "Omar Field")
    return path


def _menu_action(window, menu_title: str, text: str) -> None:
    """Open *menu_title* from the menu bar with the mouse and click *text* in it."""
    bar = window.menuBar()
    top = next(a for a in bar.actions() if a.text().replace("&", "") == menu_title)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(top).center())
    menu = top.menu()
    assert isinstance(menu, QMenu) and menu.isVisible()
    action = next(a for a in menu.actions() if a.text().replace("&", "").startswith(text))
    assert action.isEnabled()
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def _click_row(pane, starts_with: str) -> None:
    row = next(r for r in pane._rows() if r.text(0).startswith(starts_with))
    tree = pane.tree
    tree.scrollToItem(row)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(row).center())
    assert pane.current_item() is row.data(0, Qt.ItemDataRole.UserRole)


def _click(button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_import_accept_reject_undo_and_export_again(qtbot, tmp_path, log, monkeypatch) -> None:
    reviewed = _reviewed(tmp_path)
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(reviewed))
    window = open_window(qtbot, b.identified_small())
    doc = window.session.doc
    _menu_action(window, "File", "Import Review…")
    qtbot.waitUntil(lambda: getattr(window, "review_dock", None) is not None)
    pane = window.review_dock.widget()
    assert window.review_dock.isVisible() and not log.errors
    groups = [pane.tree.topLevelItem(i).text(0) for i in range(pane.tree.topLevelItemCount())]
    assert groups == [
        "Key Judgments › card c2 “Full capacity is likely within two weeks.”",
        "Key Judgments › prose “Reopening is partial; dredging sets the pace.”",
        "Evidence › heading",
        "Evidence › card c1 “Two berths reopened on 18 December.”",
    ]
    _click_row(pane, "Edit (tracked)")
    assert "very likely" in pane.detail.toPlainText()
    assert pane.detail.toPlainText().startswith(
        "Edit — Jane Reviewer · 2026-01-05 (tracked change)")
    _click(pane.buttons["accept"])
    assert doc.claim("c2").text == "Full capacity is very likely within two weeks."
    _click_row(pane, "Edit (plain edit)")
    assert pane.detail.toPlainText().startswith(
        "Edit — Omar Field (plain edit, made without Track Changes; credited to whoever saved "
        "the file last)")
    _click(pane.buttons["accept"])
    assert doc.section("k1").blocks[1].text == "Reopening is partial; silting sets the pace."
    _click_row(pane, "Heading renamed")
    _click(pane.buttons["reject"])
    assert doc.section("k2").title == "Evidence"
    statuses = [r.text(2) for r in pane._rows()]
    assert statuses == ["Accepted", "Accepted", "Rejected", ""]
    _menu_action(window, "Edit", "Undo Reject heading renamed from Omar Field")
    _menu_action(window, "Edit", "Undo Accept edit from Omar Field")  # the prose edit
    assert doc.section("k1").blocks[1].text == "Reopening is partial; dredging sets the pace."
    assert [r.text(2) for r in pane._rows()] == ["Accepted", "", "", ""]
    _click_row(pane, "Comment: Which berths?")
    assert not pane.buttons["accept"].isEnabled()
    _click(pane.buttons["note"])
    assert "Which berths?" in doc.claim("c1").notes
    out = tmp_path / "again.docx"
    _export(window, log, out)
    qtbot.waitUntil(lambda: log.exported == [str(out)], timeout=20_000)
    view = pandoc_view(out, "accept")
    start = view.index(("Key Judgments", []))
    assert view[start:start + 5] == [
        ("Key Judgments", []),
        ("(U) Full capacity is very likely within two weeks.", [
            "Dredging contractor; Port Authority Operations Desk, “Harbour Master Daily Log”, "
            "Port Authority, 18 December 2025, para. 2. https://example.org/log?day=18&part=2. "
            "Grade B.",
            "A pilot, caller; “Morning Call-in, Coastal Radio”, Coastal Radio, December 2025, "
            "at 07:40. Grade C3."]),
        ("(U) Reopening is partial; dredging sets the pace.", []),
        ("Evidence", []),
        ("(U) Two berths reopened on 18 December.", [
            "Duty harbour master; “Harbour Master Daily Log”, para. 1. Grade B2."]),
    ]


def test_accept_all_from_one_reviewer_is_one_undo_step(qtbot, tmp_path, log, monkeypatch):
    reviewed = _reviewed(tmp_path)
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(reviewed))
    window = open_window(qtbot, b.identified_small())
    doc = window.session.doc
    _menu_action(window, "File", "Import Review…")
    pane = window.review_dock.widget()
    pane.reviewer.setFocus()
    index = pane.reviewer.findText("Omar Field")
    while pane.reviewer.currentIndex() != index:
        QTest.keyClick(pane.reviewer, Qt.Key.Key_Down)
    _click(pane.buttons["accept_all"])
    assert doc.section("k2").title == "Reporting"
    assert doc.claim("c2").text == "Full capacity is likely within two weeks."  # Jane's
    _menu_action(window, "Edit", "Undo Accept all from Omar Field")
    assert doc.section("k2").title == "Evidence"
    assert doc.section("k1").blocks[1].text == "Reopening is partial; dredging sets the pace."


def test_a_file_from_another_briefing_is_refused_in_one_message(qtbot, tmp_path, log,
                                                                 monkeypatch) -> None:
    reviewed = _reviewed(tmp_path)
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(reviewed))
    other = b.identified_small()
    other.apply(ops.SetInfo(evolve(other.info, extra={"document_id": "other"})))
    window = open_window(qtbot, other)
    _menu_action(window, "File", "Import Review…")
    assert getattr(window, "review_dock", None) is None
    assert log.errors == [("Cannot Import Review",
                           f"{reviewed}: was exported from another briefing "
                           "(“Harbour Access Review”), not from this one")]


def test_accepting_a_deleted_card_paragraph_unplaces_it_and_the_checks_rerun(
    qtbot, tmp_path, log, monkeypatch
) -> None:
    def edit(root) -> None:
        c1 = b.marked(root, "_brf_c_c1")
        c1.getparent().remove(c1)

    reviewed = b.rewrite(b.exported(tmp_path), tmp_path / "gone.docx", edit)
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(reviewed))
    window = open_window(qtbot, b.identified_small())
    doc = window.session.doc
    qtbot.waitUntil(lambda: window.checks.findings() is not None, timeout=10_000)
    assert not any(f.claim == "c1" for f in window.checks.findings())
    _menu_action(window, "File", "Import Review…")
    pane = window.review_dock.widget()
    _click_row(pane, "Paragraph deleted")
    assert "stays on the board" in pane.detail.toPlainText()
    _click(pane.buttons["accept"])
    assert doc.has_claim("c1") and not doc.is_placed("c1")
    qtbot.waitUntil(lambda: window.checks.findings() is not None
                    and any(f.claim == "c1" for f in window.checks.findings()), timeout=10_000)


def test_accepting_an_edit_on_a_card_rewritten_since_the_export_is_refused(
    qtbot, tmp_path, log, monkeypatch
) -> None:
    """The reviewer inserted "very" in c2; the analyst has since rewritten c2 entirely.
    Accepting must say so, not splice "very" into the analyst's new sentence."""
    reviewed = _reviewed(tmp_path)
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(reviewed))
    window = open_window(qtbot, b.identified_small())
    doc = window.session.doc
    window.session.push(ops.ReplaceClaim(evolve(doc.claim("c2"),
                                                text="Berth capacity recovers slowly.")),
                        "Edit claim")
    _menu_action(window, "File", "Import Review…")
    pane = window.review_dock.widget()
    _click_row(pane, "Edit (tracked)")
    assert "⚠ This can no longer be accepted: the words this proposal changes are no longer " \
        "in the briefing." in pane.detail.toPlainText()
    _click(pane.buttons["accept"])
    assert doc.claim("c2").text == "Berth capacity recovers slowly."
    assert log.errors == [("Cannot Accept",
                           "the words this proposal changes are no longer in the briefing")]
    assert pane._rows()[0].text(2) == ""


def test_accepting_a_deletion_of_a_paragraph_edited_since_the_export_is_refused(
    qtbot, tmp_path, log, monkeypatch
) -> None:
    """The reviewer deleted a prose paragraph the analyst has since reworded: accepting
    would throw the analyst's words away (or another paragraph that looks alike)."""
    def edit(root) -> None:
        prose = b.marked(root, "_brf_p_k1_05efd9b9")
        prose.getparent().remove(prose)

    reviewed = b.rewrite(b.exported(tmp_path), tmp_path / "cut.docx", edit)
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(reviewed))
    window = open_window(qtbot, b.identified_small())
    doc = window.session.doc
    reworded = "Reopening is partial; dredging and silting set the pace."
    window.session.push(ops.ReplaceBlock("k1", 1, evolve(doc.section("k1").blocks[1],
                                                         text=reworded)), "Edit paragraph")
    _menu_action(window, "File", "Import Review…")
    pane = window.review_dock.widget()
    _click_row(pane, "Paragraph deleted")
    _click(pane.buttons["accept"])
    assert [blk.text for blk in doc.section("k1").blocks if blk.claim is None] == [reworded]
    assert log.errors == [("Cannot Accept", "the paragraph was edited since the export; "
                           "delete it in the outline if you still want it gone")]


def test_an_edit_on_a_card_changed_since_the_export_previews_what_accepting_gives(
    qtbot, tmp_path, log, monkeypatch
) -> None:
    reviewed = _reviewed(tmp_path)
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(reviewed))
    window = open_window(qtbot, b.identified_small())
    doc = window.session.doc
    window.session.push(ops.ReplaceClaim(evolve(
        doc.claim("c2"), text="Full capacity is likely within two weeks, the port says.")),
        "Edit claim")
    _menu_action(window, "File", "Import Review…")
    pane = window.review_dock.widget()
    _click_row(pane, "Edit (tracked)")
    shown = pane.detail.toPlainText()
    assert "⚠ The card has changed since the export. Accepting turns it, as it is now, " \
        "into:" in shown
    assert "(U) Full capacity is very likely within two weeks, the port says." in shown
    _click(pane.buttons["accept"])
    assert doc.claim("c2").text == "Full capacity is very likely within two weeks, the port says."
    assert "has changed since the export" not in pane.detail.toPlainText()  # decided now


def test_every_control_of_the_review_pane_has_an_accessible_name(
    qtbot, tmp_path, log, monkeypatch
) -> None:
    from PySide6.QtWidgets import QAbstractButton, QWidget

    reviewed = _reviewed(tmp_path)
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(reviewed))
    window = open_window(qtbot, b.identified_small())
    _menu_action(window, "File", "Import Review…")
    pane = window.review_dock.widget()
    unnamed = [
        w.metaObject().className() for w in pane.findChildren(QWidget)
        if w.isVisible() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text())
    ]
    assert unnamed == []
    assert pane.summary.accessibleName() == "Review summary"


def test_an_edit_the_analyst_already_made_is_not_applied_twice(
    qtbot, tmp_path, log, monkeypatch
) -> None:
    """The reviewer added a sentence; the analyst had already typed it after reading the
    comments (or accepted it from an earlier copy of the same review)."""
    def edit(root) -> None:
        c1 = b.marked(root, "_brf_c_c1")
        c1.append(b.text_run(" Two more follow."))

    reviewed = b.rewrite(b.exported(tmp_path), tmp_path / "more.docx", edit)
    with_last_author(reviewed, "Omar Field")
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(reviewed))
    window = open_window(qtbot, b.identified_small())
    doc = window.session.doc
    typed = "Two berths reopened on 18 December. Two more follow."
    window.session.push(ops.ReplaceClaim(evolve(doc.claim("c1"), text=typed)), "Edit claim")
    _menu_action(window, "File", "Import Review…")
    pane = window.review_dock.widget()
    _click_row(pane, "Edit (plain edit)")
    assert "⚠ This can no longer be accepted: the briefing already has this change." \
        in pane.detail.toPlainText()
    _click(pane.buttons["accept"])
    assert doc.claim("c1").text == typed
    assert log.errors == [("Cannot Accept", "the briefing already has this change")]


def test_remove_citation_removes_the_citation_whose_reference_was_removed(
    qtbot, tmp_path, log, monkeypatch
) -> None:
    from tests.review.test_structure_notes import _drop_first_reference

    reviewed = b.rewrite(b.exported(tmp_path), tmp_path / "first.docx", _drop_first_reference)
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(reviewed))
    window = open_window(qtbot, b.identified_small())
    doc = window.session.doc
    _menu_action(window, "File", "Import Review…")
    pane = window.review_dock.widget()
    assert [r.text(0) for r in pane._rows()] == ["Note reference removed (plain edit)"]
    _click_row(pane, "Note reference removed")
    _click(pane.buttons["remove_citation"])
    assert [c.source for c in doc.claim("c2").citations] == ["s2"]
    assert doc.claim("c2").text == "Full capacity is likely within two weeks."


def test_a_new_paragraph_typed_with_a_portion_mark_gets_it_as_its_portion(
    qtbot, tmp_path, log, monkeypatch
) -> None:
    """The reviewer types a paragraph the way the exported ones read, "(U) …": accepted,
    the mark is the paragraph's portion, not words that the export would print twice."""
    def edit(root) -> None:
        new = b.etree.Element(f"{b.W}p")
        new.append(b.text_run("(U) Tug availability remains the bottleneck."))
        b.marked(root, "_brf_c_c1").addnext(new)

    reviewed = b.rewrite(b.exported(tmp_path), tmp_path / "new.docx", edit)
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(reviewed))
    window = open_window(qtbot, b.identified_small())
    doc = window.session.doc
    _menu_action(window, "File", "Import Review…")
    pane = window.review_dock.widget()
    _click_row(pane, "New paragraph")
    _click(pane.buttons["accept"])
    added = doc.section("k2").blocks[1]
    assert (added.text, added.portion) == ("Tug availability remains the bottleneck.", "U")
    out = tmp_path / "again.docx"
    _export(window, log, out)
    qtbot.waitUntil(lambda: log.exported == [str(out)], timeout=20_000)
    assert ("(U) Tug availability remains the bottleneck.", []) in pandoc_view(out, "accept")


def test_a_moved_paragraph_says_where_it_went_not_struck_out_like_a_deletion(
    qtbot, tmp_path, log, monkeypatch
) -> None:
    from tests.review.test_word_markup import _move_c1_before_c2

    def edit(root) -> None:  # c2 cut and pasted under Evidence, after c1
        c2 = b.marked(root, "_brf_c_c2")
        c2.getparent().remove(c2)
        b.marked(root, "_brf_c_c1").addnext(c2)

    reviewed = b.rewrite(b.exported(tmp_path), tmp_path / "moved.docx", edit)
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(reviewed))
    window = open_window(qtbot, b.identified_small())
    _menu_action(window, "File", "Import Review…")
    pane = window.review_dock.widget()
    _click_row(pane, "Paragraph moved")
    assert pane.detail.toPlainText().splitlines()[1:] == [
        "Moved to “Evidence”, after “Two berths reopened on 18 December.”:",
        "(U) Full capacity is likely within two weeks.",
    ]
    assert "<s " not in pane.detail.toHtml().split("Moved", 1)[1]  # nothing struck out
    tracked = b.rewrite(b.exported(tmp_path, name="t.docx"), tmp_path / "tracked-move.docx",
                        _move_c1_before_c2)
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(tracked))
    _menu_action(window, "File", "Import Review…")
    pane = window.review_dock.widget()
    _click_row(pane, "Paragraph moved")
    assert "Moved to “Key Judgments”, at its start:" in pane.detail.toPlainText()


def test_a_join_is_explained_not_struck_out_like_a_deletion(
    qtbot, tmp_path, log, monkeypatch
) -> None:
    from tests.review.test_word_markup import test_a_deleted_paragraph_mark_is_shown_as_a_join

    test_a_deleted_paragraph_mark_is_shown_as_a_join(tmp_path)  # writes join.docx
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(tmp_path / "join.docx"))
    window = open_window(qtbot, b.identified_small())
    _menu_action(window, "File", "Import Review…")
    pane = window.review_dock.widget()
    _click_row(pane, "Paragraphs joined")
    assert pane.detail.toPlainText().splitlines()[1:] == [
        "The reviewer joined this paragraph with “Evidence”. Change the outline by hand if you "
        "agree, then resolve this item.",
        "(U) Reopening is partial; dredging sets the pace.",
    ]
    assert "<s " not in pane.detail.toHtml()
    assert pane.buttons["resolve"].isEnabled() and not pane.buttons["accept"].isEnabled()


def _group(pane, starts_with: str):
    tree = pane.tree
    return next(g for i in range(tree.topLevelItemCount())
                if (g := tree.topLevelItem(i)).text(0).startswith(starts_with))


def test_group_labels_follow_the_card_and_show_in_full_on_hover(qtbot, tmp_path, log,
                                                                 monkeypatch) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    reviewed = _reviewed(tmp_path)
    monkeypatch.setattr(dialogs, "ask_review_path", lambda *a: str(reviewed))
    window = open_window(qtbot, b.identified_small())
    _menu_action(window, "File", "Import Review…")
    pane = window.review_dock.widget()
    _click_row(pane, "Edit (tracked)")
    _click(pane.buttons["accept"])
    group = _group(pane, "Key Judgments › card c2")
    assert group.text(0) == (
        "Key Judgments › card c2 “Full capacity is very likely within two weeks.”")
    _menu_action(window, "Edit", "Undo Accept edit from Jane Reviewer")
    assert group.text(0) == (
        "Key Judgments › card c2 “Full capacity is likely within two weeks.”")

    window.session.push(ops.ReplaceClaim(evolve(
        window.session.doc.claim("c2"),
        text="Full capacity is likely within two weeks, once the silt barge has cleared the "
             "inner channel and the pilots have surveyed berths four to seven.")), "Edit claim")
    group = _group(pane, "Key Judgments › card c2")
    full = ("Key Judgments › card c2 “Full capacity is likely within two weeks, once the silt "
            "barge has cleared the inner channel and the pilots have surveyed berths four to "
            "seven.”")
    assert group.text(0) == full  # the view elides it; nothing is cut from the label
    tree = pane.tree
    rect = tree.visualItemRect(group)
    assert tree.fontMetrics().horizontalAdvance(full) > tree.viewport().width()
    QTest.mouseMove(tree.viewport(), rect.center())
    QApplication.sendEvent(tree.viewport(), QHelpEvent(
        QEvent.Type.ToolTip, rect.center(), tree.viewport().mapToGlobal(rect.center())))
    qtbot.waitUntil(QToolTip.isVisible)
    assert "berths four to seven.”" in QToolTip.text()
