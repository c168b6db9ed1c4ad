"""Main window behaviour a user notices: files, errors, drops, deleting, filters, layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from briefing.core import ops
from briefing.core.document import Document
from briefing.core.model import BriefingInfo, Citation, Claim, Source
from briefing.gui.app import Editor
from briefing.gui.document.importing import find_importer
from briefing.store import jsonio
from briefing.store.database import Store
from tests.gui.helpers import open_window, plain_importer, select_passage
from tests.material import ARTICLE, FIRST_WORDS, QUOTE, shared_seed


def _editor(qtbot) -> Editor:
    editor = Editor()
    _keep(qtbot, editor.new_window())
    return editor


def _keep(qtbot, window):
    """Let qtbot close *window* at teardown even if the test closed it already."""
    if window is not None:
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        qtbot.addWidget(window)
    return window


def test_corrupt_file_shows_one_dialog_and_keeps_the_open_document(qtbot, tmp_path, dialog_log,
                                                                    seed_doc):
    good = tmp_path / "good.briefing"
    Store.create(good, seed_doc).close()
    editor = _editor(qtbot)
    window = _keep(qtbot, editor.open(str(good)))
    bad = tmp_path / "broken.briefing"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x13" * 3000)
    assert editor.open(str(bad)) is None
    [(title, message)] = dialog_log.errors
    assert "broken.briefing" in message and "\n" not in message
    assert window.session.doc.sources[0].title == seed_doc.sources[0].title
    assert bad.read_bytes().startswith(b"SQLite format 3\x00\x13")


def test_a_file_open_elsewhere_can_be_cancelled(qtbot, tmp_path, dialog_log):
    path = tmp_path / "shared.briefing"
    Store.create(path, Document()).close()
    other = Store.open(path)
    try:
        assert _editor(qtbot).open(str(path)) is None
    finally:
        other.close()
    [problem] = dialog_log.locked_asked
    assert "shared.briefing" in problem and "another" in problem
    assert dialog_log.errors == []


def test_a_file_open_elsewhere_opens_read_only_and_is_never_written(qtbot, tmp_path,
                                                                    dialog_log, seed_doc):
    path = tmp_path / "shared.briefing"
    Store.create(path, seed_doc).close()
    other = Store.open(path)
    try:
        before = path.read_bytes()
        dialog_log.read_only_answer = True
        window = _keep(qtbot, _editor(qtbot).open(str(path)))
        assert window is not None and window.session.read_only
        assert "(read-only) — Briefing" in window.windowTitle()
        assert window.save_label.text() == "Read-only"
        for name in ("new_claim", "delete", "import", "insert_section", "properties"):
            assert not window.actions_[name].isEnabled(), name
        assert not window.inspector.isEnabled()
        assert not window.session.push(ops.RemoveSource("s1"))
        qtbot.waitUntil(lambda: bool(dialog_log.errors))  # shown once the edit is undone
        assert "read-only" in dialog_log.errors[-1][1]
        assert window.session.doc.source("s1").title == seed_doc.sources[0].title
        window.close()
        assert path.read_bytes() == before
        other.document.update_source("s1", title="Changed by the editing process")
        other.flush()  # the process that holds the lock still writes
    finally:
        other.close()
    with Store.open(path, readonly=True) as store:
        assert store.document.source("s1").title == "Changed by the editing process"


def test_json_opens_untitled_and_asks_where_to_save(qtbot, tmp_path, dialog_log, seed_doc):
    source = tmp_path / "fixture.json"
    jsonio.dump_json(seed_doc, source)
    editor = _editor(qtbot)
    window = _keep(qtbot, editor.open(str(source)))
    assert window.session.untitled
    assert window.isWindowModified()
    assert "Save" in window.save_label.text()
    dialog_log.save_path = tmp_path / "kept.briefing"
    window.act_new_claim()  # an edit before saving stays undoable after it
    assert window.act_save_as()
    assert window.isVisible(), "the same window goes on, now backed by the file"
    assert window.session.path == dialog_log.save_path
    assert not window.session.untitled and not window.isWindowModified()
    assert window.session.undo_stack.canUndo()
    window.session.undo_stack.undo()
    window.session.flush()
    with Store.open(dialog_log.save_path, readonly=True) as store:
        assert store.document.sources[0].text == seed_doc.sources[0].text
    assert source.read_text(encoding="utf-8") == jsonio.dumps(seed_doc), "JSON left untouched"


def test_closing_an_unsaved_document_asks(qtbot, dialog_log, monkeypatch):
    window = open_window(qtbot, Document())
    window.act_new_claim()
    asked = []
    monkeypatch.setattr("briefing.gui.dialogs.ask_save_changes",
                        lambda *a: asked.append(a) or "cancel")
    assert not window.close()
    assert asked and window.isVisible()


def _drop(window, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_dropping_files_imports_them_as_one_undo_step(qtbot, tmp_path):
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text("First file.\n", encoding="utf-8")
    second.write_text("Second file.\n", encoding="utf-8")
    window = open_window(qtbot, Document(), importer=plain_importer)
    _drop(window, [first, second])
    qtbot.waitUntil(lambda: len(window.session.doc.sources) == 2, timeout=10_000)
    assert [s.title for s in window.session.doc.sources] == ["one", "two"]
    assert window.sources.model.rowCount() == 2
    window.session.undo_stack.undo()
    assert window.session.doc.sources == []


def test_dropping_a_bad_file_reports_it_and_keeps_the_good_one(qtbot, tmp_path, dialog_log):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.pdf"
    good.write_text("A readable text.\n", encoding="utf-8")
    bad.write_bytes(b"\x00\x01 not a pdf")
    window = open_window(qtbot, Document(), importer=find_importer())
    _drop(window, [good, bad])
    qtbot.waitUntil(lambda: bool(dialog_log.errors), timeout=10_000)
    assert len(window.session.doc.sources) == 1
    assert "bad.pdf" in dialog_log.errors[0][1]


@pytest.mark.parametrize("which", ["project", "seed"])
def test_import_an_article_with_ingest(qtbot, which):
    path = ARTICLE if which == "project" else shared_seed()
    window = open_window(qtbot, Document(), importer=find_importer())
    assert window.actions_["import"].isEnabled()
    window.import_files([path])
    qtbot.waitUntil(lambda: len(window.session.doc.sources) == 1, timeout=10_000)
    source = window.session.doc.sources[0]
    assert source.file_name == path.name and source.sha256
    assert window.session.doc.original(source.id) == path.read_bytes()


def test_cited_source_cannot_be_deleted(qtbot, dialog_log, seed_doc):
    window = open_window(qtbot, seed_doc)
    select_passage(window, "s1", QUOTE)
    window.reader.new_claim_action.trigger()
    assert not window.delete_sources(["s1"])
    assert "cited 1 time" in dialog_log.errors[0][1]
    assert seed_doc.has_source("s1")


def test_uncited_source_deletes_with_undo(qtbot, seed_doc):
    window = open_window(qtbot, seed_doc)
    assert window.delete_sources(["s1"])
    assert seed_doc.sources == []
    assert window.session.undo_stack.undoText() == "Delete Source"
    window.session.undo_stack.undo()
    assert seed_doc.source("s1").text.startswith(FIRST_WORDS)


def _board_doc() -> Document:
    sources = [Source(id="s1", title="Article", text="Alpha beta. Gamma delta.")]
    claims = [
        Claim(id="c1", text="Troops massed at the border", kind="information",
              citations=(Citation("s1", "Alpha beta.", 0, 11),)),
        Claim(id="c2", text="An offensive is likely", kind="judgment", likelihood="likely"),
        Claim(id="c3", text="Talks will stall", kind="judgment", status="disputed"),
    ]
    return Document(BriefingInfo(title="Board"), sources, claims)


def _visible(window) -> list[str]:
    proxy = window.board.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_board_filters_hide_cards(qtbot):
    window = open_window(qtbot, _board_doc())
    board = window.board
    qtbot.keyClicks(board.filter_text, "offensive")
    board.apply_filter()
    assert _visible(window) == ["An offensive is likely"]
    assert board.count_label.text() == "1 of 3"
    board.filter_text.clear()
    board.filter_kind.setCurrentIndex(board.filter_kind.findData("judgment"))
    board.filter_status.setCurrentIndex(board.filter_status.findData("disputed"))
    board.apply_filter()
    assert _visible(window) == ["Talks will stall"]
    board.clear_filter()
    board.filter_source.setCurrentIndex(board.filter_source.findData("s1"))
    assert _visible(window) == ["Troops massed at the border"]


def test_new_blank_card_and_multi_select_delete_undo(qtbot):
    window = open_window(qtbot, _board_doc())
    window.act_new_claim()
    doc = window.session.doc
    assert len(doc.claims) == 4
    new_id = window.board.current_claim_id()
    assert doc.claim(new_id).text == ""
    window.board.view.selectAll()
    window.board.view.setFocus()
    window.act_delete()
    assert doc.claims == []
    assert window.session.undo_stack.undoText() == "Delete 4 Claims"
    window.session.undo_stack.undo()
    assert len(doc.claims) == 4


def test_keyboard_moves_between_cards(qtbot):
    window = open_window(qtbot, _board_doc())
    window.board.select_claim("c1")
    window.board.view.setFocus()
    qtbot.keyClick(window.board.view, Qt.Key.Key_Right)
    assert window.board.current_claim_id() == "c2"
    assert window.inspector.claim_editor.text.toPlainText() == "An offensive is likely"


def test_layout_is_restored(qtbot):
    window = open_window(qtbot, Document())
    window.inspector_dock.hide()
    window.resize(window.width(), 432)
    window.close()
    again = open_window(qtbot, Document())
    assert not again.inspector_dock.isVisible()
    assert again.height() == 432


def test_source_search_uses_full_text_index(qtbot, tmp_path, seed_doc):
    from briefing.core.model import Source as Src
    from briefing.gui.document.session import open_session

    seed_doc.add_source(Src(id="s2", title="Weather notes", text="Rain over the coast."))
    path = tmp_path / "search.briefing"
    Store.create(path, seed_doc).close()
    window = open_window(qtbot, open_session(path))
    panel = window.sources
    qtbot.keyClicks(panel.search_box, "Okafor")  # in the article's body, not its title
    panel.run_search()
    shown = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert shown == [seed_doc.source("s1").title]
    panel.search_box.clear()
    panel.run_search()
    assert panel.proxy.rowCount() == 2


RUN_SCRIPT = """
import gc
import sys
from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication
from briefing.gui.app import make_application, run
from briefing.gui.window.main_window import MainWindow

QStandardPaths.setTestModeEnabled(True)
make_application([])

def look_and_quit():
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow) and w.isVisible():
            print(w.windowTitle())
            # the open document is out of the collector's reach (no full-collection pauses)
            print("heap frozen" if gc.get_freeze_count() > 1000 else "heap not frozen")
            w.close()
    QApplication.exit(3)

QTimer.singleShot(300, look_and_quit)
sys.exit(run(sys.argv[1]))
"""


def test_run_opens_the_file_and_returns_the_exit_code(tmp_path, seed_doc):
    import os
    import subprocess
    import sys

    path = tmp_path / "run.briefing"
    Store.create(path, seed_doc).close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    done = subprocess.run([sys.executable, "-c", RUN_SCRIPT, str(path)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 3, done.stderr
    assert done.stdout.splitlines() == ["run.briefing[*] — Briefing", "heap frozen"]


def test_cancel_on_a_file_open_elsewhere_at_start_opens_no_window(qtbot, tmp_path,
                                                                  dialog_log, seed_doc):
    """`briefing FILE` with FILE being edited elsewhere: Cancel quits (no empty window)."""
    path = tmp_path / "shared.briefing"
    Store.create(path, seed_doc).close()
    other = Store.open(path)
    try:
        editor = Editor()
        assert editor.start(str(path)) == []
        assert editor.windows == [] and len(dialog_log.locked_asked) == 1
        [blank] = editor.start()  # with no file asked for, a new window as before
        _keep(qtbot, blank)
    finally:
        other.close()
