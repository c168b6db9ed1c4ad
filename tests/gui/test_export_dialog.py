"""File ▸ Export: the dialog exports in the background, asks about errors, never half-writes."""

from __future__ import annotations

import pypandoc
import pytest
from PySide6.QtCore import QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from briefing.core import ops
from briefing.core.model import Block, Claim, Source
from briefing.core.templates import new_document
from briefing.gui.document import editing
from briefing.gui.document.session import open_session
from briefing.resources import sample_document
from briefing.store.database import Store
from tests.gui.helpers import open_window

PASSAGES = (
    "The numbers have always told us the river is shrinking",
    "the upstream state wants to avoid a wider dispute",
    "I don't know if they want an agreement or they want the whole river",
)


def _drop_card(window, claim_id: str, section_id: str, row: int) -> None:
    board, model = window.board, window.outline.model
    card = board.proxy.mapFromSource(board.model.index(board.model.row_of(claim_id)))
    assert model.dropMimeData(board.proxy.mimeData([card]), Qt.DropAction.CopyAction, row, 0,
                              model.section_index(section_id))


def _export(window, dialog_log, path, suffix=".docx"):
    dialog = window.open_export(suffix)
    dialog_log.export_path = path
    dialog.browse_button.click()
    assert dialog.path.text() == str(path)
    assert dialog.export_button.isEnabled()
    dialog.export_button.click()
    return dialog


def test_build_the_seed_outline_by_dragging_and_export_to_word(qtbot, tmp_path, dialog_log,
                                                               seed_text):
    doc = new_document("assessment", title="Basin talks")
    doc.add_source(Source(id="s1", key="article", kind="news", title="Forecasts for the basin",
                          published="2025-12-20", url="https://example.org/a", text=seed_text))
    window = open_window(qtbot, doc)
    session, stack = window.session, window.session.undo_stack
    ids = []
    for passage in PASSAGES:
        start = seed_text.index(passage)
        ids.append(editing.new_claim_from_selection(session, "s1", start, start + len(passage)))
    # outline: KJ = [c3-ish, c1], Background = [c2]; then Outlook moves to the top
    _drop_card(window, ids[0], "k1", 0)
    _drop_card(window, ids[1], "k2", 0)
    _drop_card(window, ids[2], "k1", 0)
    model = window.outline.model
    assert model.dropMimeData(model.mimeData([model.section_index("k4")]),
                              Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    order = [s.title for s in doc.sections]
    for _ in range(4):  # undo and redo each step
        stack.undo()
    assert not doc.placed_claims() and doc.sections[0].title == "Key Judgments"
    for _ in range(4):
        stack.redo()
    assert [s.title for s in doc.sections] == order
    assert [c.id for c in doc.placed_claims()] == [ids[2], ids[0], ids[1]]

    out = tmp_path / "talks.docx"
    _export(window, dialog_log, out)
    qtbot.waitUntil(lambda: dialog_log.exported == [str(out)], timeout=20_000)
    assert not dialog_log.errors
    text = pypandoc.convert_file(str(out), "plain", format="docx", extra_args=["--wrap=none"])
    body, _, notes = text.partition("[1] ")
    positions = [body.index(p.split(" don't")[-1][:30]) for p in (PASSAGES[2], PASSAGES[0],
                                                                  PASSAGES[1])]
    assert positions == sorted(positions)  # claims in outline order
    assert "[3]" in body and "[4]" not in text  # one note per citation
    note_lines = ("[1] " + notes).split("\n\n")
    cited = [line for line in note_lines if line.startswith("[")]
    assert len(cited) == 3 and all("Forecasts for the basin" in line for line in cited)


def test_a_failing_export_writes_nothing_and_says_why(qtbot, tmp_path, dialog_log):
    window = open_window(qtbot, sample_document())
    bad_template = tmp_path / "house.docx"
    bad_template.write_text("not a word file")
    out = tmp_path / "out.docx"
    dialog = window.open_export(".docx")
    dialog.path.setText(str(out))
    dialog.template.setText(str(bad_template))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(dialog_log.errors), timeout=20_000)
    title, message = dialog_log.errors[-1]
    assert title == "Export Failed" and "house.docx" in message
    assert not out.exists() and not dialog_log.exported
    assert dialog.isVisible() and dialog.export_button.isEnabled()  # the user can fix and retry


def test_errors_are_listed_and_exporting_needs_consent(qtbot, tmp_path, dialog_log):
    doc = sample_document()
    doc.add_claim(Claim(id="bare", text="An unsourced report.", kind="information",
                        portion="U"))
    doc.apply(ops.InsertBlock("k2", 0, Block.for_claim("bare")))
    window = open_window(qtbot, doc)
    dialog = window.open_export(".md")
    assert any("bare" in dialog.error_list.item(i).text()
               for i in range(dialog.error_list.count()))
    assert not dialog.export_button.isEnabled()
    dialog.export_anyway.setChecked(True)
    assert dialog.export_button.isEnabled()
    out = tmp_path / "out.md"
    dialog.path.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog_log.exported == [str(out)], timeout=20_000)
    assert "An unsourced report" in out.read_text(encoding="utf-8")


def test_under_classified_export_needs_the_recorded_override(qtbot, tmp_path, dialog_log):
    doc = sample_document()
    doc.set_info(classification="U", caveats="")
    path = tmp_path / "b.briefing"
    Store.create(path, doc).close()
    window = open_window(qtbot, open_session(path))
    dialog = window.open_export(".html")
    assert "CONFIDENTIAL" in dialog.shortfall
    out = tmp_path / "out.html"
    dialog.path.setText(str(out))
    dialog.export_anyway.setChecked(True)  # the banner error is also a check error
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(dialog_log.errors), timeout=20_000)
    assert not out.exists()
    dialog.override.setChecked(True)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog_log.exported == [str(out)], timeout=20_000)
    assert "CONFIDENTIAL" in out.read_text(encoding="utf-8")
    history = window.session.store.history()
    assert any(action == "marking-override" and "out.html" in detail
               for _at, action, detail in history)


def test_markdown_export_offers_pandoc_citations(qtbot, tmp_path, dialog_log):
    window = open_window(qtbot, sample_document())
    dialog = window.open_export(".md")
    dialog.citations.setCurrentIndex(dialog.citations.findData("pandoc"))
    out = tmp_path / "cites.md"
    dialog.path.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog_log.exported == [str(out)], timeout=20_000)
    assert "[@" in out.read_text(encoding="utf-8")


def test_the_export_dialog_remembers_the_folder_and_options(qtbot, tmp_path, dialog_log):
    window = open_window(qtbot, sample_document())
    out = tmp_path / "out" / "first.docx"
    out.parent.mkdir()
    dialog = window.open_export(".docx")
    dialog.path.setText(str(out))
    dialog.summary.setChecked(True)
    dialog.notes.setCurrentIndex(dialog.notes.findData("endnotes"))
    dialog.start()
    qtbot.waitUntil(lambda: bool(dialog_log.exported), timeout=20_000)
    again = window.open_export(".docx")
    assert again.path.text().startswith(str(tmp_path / "out"))
    assert again.summary.isChecked() and not again.estimates.isChecked()
    assert again.notes.currentData() == "endnotes"
    again.reject()


def _note_lines(path):
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("[^")]


def test_note_form_is_kept_in_the_briefing_and_chosen_in_the_dialog(qtbot, tmp_path,
                                                                    dialog_log):
    window = open_window(qtbot, sample_document())
    window.inspector.show_briefing()
    box = window.inspector.briefing_form.widgets["note_form"]
    assert box.isVisible() and box.currentData() == ""  # short after the first (default)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)  # opens the list (a stray arrow changes nothing)
    qtbot.keyClick(box.view(), Qt.Key.Key_Down)  # "In full every time"
    qtbot.keyClick(box.view(), Qt.Key.Key_Return)
    assert window.session.doc.info.note_form == "full"
    window.session.undo_stack.undo()
    assert window.session.doc.info.note_form == "" and box.currentData() == ""
    window.session.undo_stack.redo()
    assert box.currentData() == "full"

    dialog = window.open_export(".md")
    assert dialog.note_form.isVisible()
    assert dialog.note_form.currentText() == "As the briefing says (in full)"
    out = tmp_path / "full.md"
    dialog.path.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog_log.exported == [str(out)], timeout=20_000)
    full = _note_lines(out)
    assert all("https://example.org/" in line for line in full)  # every note in full

    dialog = window.open_export(".md")
    dialog.note_form.setFocus()
    qtbot.keyClick(dialog.note_form, Qt.Key.Key_Down)  # opens the list
    qtbot.keyClick(dialog.note_form.view(), Qt.Key.Key_Down)  # "Short after the first"
    qtbot.keyClick(dialog.note_form.view(), Qt.Key.Key_Return)
    assert dialog.note_form.currentData() == "short"
    short_out = tmp_path / "short.md"
    dialog.path.setText(str(short_out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: str(short_out) in dialog_log.exported, timeout=20_000)
    short = _note_lines(short_out)
    assert len(short) == len(full) == 25
    assert sum("https://" in line for line in short) == 4  # the first note to each source


def test_empty_sections_are_left_out_unless_kept(qtbot, tmp_path, dialog_log):
    doc = new_document("assessment", title="Mostly empty")
    window = open_window(qtbot, doc)
    titles = [s.title for s in doc.sections]
    dialog = window.open_export(".md")
    out = tmp_path / "empty.md"
    dialog.path.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog_log.exported == [str(out)], timeout=20_000)
    assert not any(f"## {t}" in out.read_text(encoding="utf-8") for t in titles)
    dialog = window.open_export(".md")
    assert dialog.keep_empty.isVisible() and not dialog.keep_empty.isChecked()
    qtbot.mouseClick(dialog.keep_empty, Qt.MouseButton.LeftButton,
                     pos=dialog.keep_empty.rect().bottomLeft() + QPoint(8, -4))
    assert dialog.keep_empty.isChecked()
    kept = tmp_path / "kept.md"
    dialog.path.setText(str(kept))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: str(kept) in dialog_log.exported, timeout=20_000)
    assert all(f"## {t}" in kept.read_text(encoding="utf-8") for t in titles)


def test_export_to_pdf_from_the_file_menu(qtbot, tmp_path, dialog_log):
    pytest.importorskip("weasyprint")
    window = open_window(qtbot, sample_document())
    bar, file_menu = window.menuBar(), window.menus["File"]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.actionGeometry(file_menu.menuAction()).center())
    qtbot.waitUntil(file_menu.isVisible, timeout=5_000)
    [export] = [a for a in file_menu.actions() if a.text() == "&Export"]
    qtbot.mouseClick(file_menu, Qt.MouseButton.LeftButton,
                     pos=file_menu.actionGeometry(export).center())
    submenu = export.menu()
    qtbot.waitUntil(submenu.isVisible, timeout=5_000)
    [pdf] = [a for a in submenu.actions() if a.text() == "&PDF…"]
    qtbot.mouseClick(submenu, Qt.MouseButton.LeftButton, pos=submenu.actionGeometry(pdf).center())
    qtbot.waitUntil(lambda: getattr(window, "export_dialog", None) is not None
                    and window.export_dialog.isVisible(), timeout=5_000)
    dialog = window.export_dialog
    assert dialog.windowTitle() == "Export to PDF"
    out = tmp_path / "brief.pdf"
    dialog.path.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog_log.exported == [str(out)], timeout=60_000)
    assert out.read_bytes().startswith(b"%PDF-")


def _wheel_over(widget, notches: int) -> None:
    """A mouse-wheel turn of *notches* (negative: towards the user) over *widget*'s middle."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(widget.rect().center())),
                        QPoint(0, 0), QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_export_dialog_choices_change_only_on_an_explicit_choice(qtbot, dialog_log):
    """A wheel turn or a stray arrow over Notes, Later notes or Citations changes nothing;
    the arrow opens the list, where arrows move and Enter chooses."""
    window = open_window(qtbot, sample_document())
    dialog = window.open_export(".md")
    qtbot.waitExposed(dialog)
    for box in (dialog.notes, dialog.note_form, dialog.citations):
        assert box.isVisible()
        before = box.currentText()
        index = box.currentIndex()
        box.setFocus()
        _wheel_over(box, -1 if index < box.count() - 1 else 1)  # towards another item
        assert box.currentText() == before, box.accessibleName()
        qtbot.keyClick(box, Qt.Key.Key_Down)
        assert box.currentText() == before, box.accessibleName()
        assert box.view().isVisible()  # the list is open: the arrow asked for a choice
        key = Qt.Key.Key_Down if index < box.count() - 1 else Qt.Key.Key_Up
        qtbot.keyClick(box.view(), key)
        qtbot.keyClick(box.view(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda b=box: not b.view().isVisible())
        assert box.currentIndex() == (index + 1 if key == Qt.Key.Key_Down else index - 1)
    dialog.reject()
