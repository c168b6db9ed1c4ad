"""Protected mode and the clean copy, driven as an analyst would: real clicks on what shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from briefing.core.document import Document
from briefing.core.model import Source
from briefing.gui.app import Editor
from briefing.gui.document import received
from briefing.store.database import Store
from tests.store.hostile import plain_document, sent_by_someone_else, tamper
from tests.store.old_files import write_v1


def _editor(qtbot) -> Editor:
    editor = Editor()
    window = editor.new_window()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    window.show()
    return editor


def _keep(qtbot, window):
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    return window


def test_a_received_document_opens_protected_and_enable_editing_makes_it_editable(
    qtbot, tmp_path: Path, dialog_log
) -> None:
    path = sent_by_someone_else(plain_document(tmp_path / "Report.briefing"))
    editor = _editor(qtbot)
    window = _keep(qtbot, editor.open(str(path)))
    bar = window.findChild(received.ProtectedBar, "protected_bar")
    assert bar is not None and bar.isVisible()
    assert "was not created by you on this computer" in bar.label.text()
    assert window.session.read_only
    assert not window.actions_["new_claim"].isEnabled()
    before = path.read_bytes()
    assert path.read_bytes() == before  # protected: nothing written

    QTest.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(editor.windows) >= 2 or not window.isVisible())
    editable = [w for w in editor.windows if w.session.path == path and w is not window][-1]
    _keep(qtbot, editable)
    assert not editable.session.read_only
    assert editable.actions_["new_claim"].isEnabled()
    assert editable.findChild(received.ProtectedBar, "protected_bar") is None
    assert dialog_log.errors == []
    editable.close()
    with Store.open(path, readonly=True) as store:  # now the analyst's own
        assert store.origin.own
    window.close()
    again = _keep(qtbot, _editor(qtbot).open(str(path)))
    assert again.findChild(received.ProtectedBar, "protected_bar") is None
    assert not again.session.read_only


def test_a_received_version_1_document_is_not_upgraded_until_editing_is_enabled(
    qtbot, tmp_path: Path, dialog_log
) -> None:
    text = "The envoy said the harbour would reopen.\n" * 40
    path = write_v1(Document(sources=[Source("s1", "Transcript", text=text)]),
                    tmp_path / "Report.briefing", own=False)
    before = path.read_bytes()
    editor = _editor(qtbot)
    window = _keep(qtbot, editor.open(str(path)))
    bar = window.findChild(received.ProtectedBar, "protected_bar")
    assert bar is not None and bar.isVisible() and window.session.read_only
    assert window.session.doc.source("s1").text == text
    assert path.read_bytes() == before  # protected: not upgraded, nothing written
    assert not (tmp_path / "Report.v1-backup.briefing").exists()
    assert "upgraded" not in window.statusBar().currentMessage()

    QTest.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(editor.windows) >= 2 or not window.isVisible())
    editable = [w for w in editor.windows if w.session.path == path and w is not window][-1]
    _keep(qtbot, editable)
    assert not editable.session.read_only and dialog_log.errors == []
    assert (tmp_path / "Report.v1-backup.briefing").read_bytes() == before
    assert editable.statusBar().currentMessage() == (
        "Report.briefing was upgraded to file version 2; the file as it was is kept beside "
        "it as Report.v1-backup.briefing (for older versions of Briefing)")
    editable.close()
    with Store.open(path, readonly=True) as store:
        assert store.origin.own and store.document.source("s1").text == text


def test_our_own_document_shows_no_bar(qtbot, tmp_path: Path, dialog_log) -> None:
    path = plain_document(tmp_path / "Mine.briefing")
    window = _keep(qtbot, _editor(qtbot).open(str(path)))
    assert window.findChild(received.ProtectedBar, "protected_bar") is None
    assert not window.session.read_only


def test_a_hostile_document_offers_a_clean_copy_and_opens_it(
    qtbot, tmp_path: Path, dialog_log, monkeypatch
) -> None:
    path = tamper(plain_document(tmp_path / "Report.briefing"),
                  "CREATE TRIGGER keep_nothing BEFORE INSERT ON sources "
                  "BEGIN SELECT RAISE(IGNORE); END")
    asked: list[str] = []
    monkeypatch.setattr(received, "ask_clean_copy",
                        lambda _parent, problem: asked.append(problem) or True)
    editor = _editor(qtbot)
    window = _keep(qtbot, editor.open(str(path)))
    [problem] = asked
    assert "Report.briefing" in problem and "trigger 'keep_nothing'" in problem
    assert window.session.path == tmp_path / "Report (clean copy).briefing"
    assert [s.title for s in window.session.doc.sources] == [
        "Harbour report 0", "Harbour report 1", "Harbour report 2"]
    assert not window.session.read_only
    assert window.findChild(received.ProtectedBar, "protected_bar") is None


def test_declining_the_clean_copy_leaves_the_editor_usable(
    qtbot, tmp_path: Path, dialog_log, monkeypatch
) -> None:
    path = tamper(plain_document(tmp_path / "Report.briefing"), "CREATE TABLE exfil (x)")
    monkeypatch.setattr(received, "ask_clean_copy", lambda *_a: False)
    editor = _editor(qtbot)
    assert editor.open(str(path)) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Report.briefing"]
    assert len(editor.windows) == 1 and editor.windows[0].isVisible()


def test_a_planted_journal_gives_one_dialog_and_deletes_nothing(
    qtbot, tmp_path: Path, dialog_log
) -> None:
    from tests.store.hostile import name_super_journal, with_hot_journal

    original = plain_document(tmp_path / "orig.briefing", sources=30)
    folder = tmp_path / "received"
    folder.mkdir()
    path = with_hot_journal(original, folder / "Report.briefing")
    victim = tmp_path / "victim.txt"
    victim.write_text("the analyst's notes", encoding="utf-8")
    name_super_journal(path.with_name(path.name + "-journal"), victim)
    editor = _editor(qtbot)
    assert editor.open(str(path)) is None
    [(title, message)] = dialog_log.errors
    assert "Report.briefing" in message and "super-journal" in message and "\n" not in message
    assert victim.read_text(encoding="utf-8") == "the analyst's notes"
    assert len(editor.windows) == 1 and editor.windows[0].isVisible()


def test_a_planted_lock_symlink_offers_read_only_and_leaves_the_victim(
    qtbot, tmp_path: Path, dialog_log
) -> None:
    from briefing.store.locking import lock_path

    path = plain_document(tmp_path / "Report.briefing")
    victim = tmp_path / "victim.txt"
    victim.write_text("the analyst's notes", encoding="utf-8")
    lock_path(path).symlink_to(victim)
    dialog_log.read_only_answer = True
    window = _keep(qtbot, _editor(qtbot).open(str(path)))
    [problem] = dialog_log.locked_asked
    assert "symbolic link" in problem
    assert window.session.read_only
    assert victim.read_text(encoding="utf-8") == "the analyst's notes"
