"""Opening a file that is locked and then cannot be read even read-only says why."""

from __future__ import annotations

from briefing.core.errors import FileLocked, FileProblem
from briefing.gui import app as app_module
from briefing.gui.app import Editor


def test_a_locked_file_that_fails_read_only_too_gets_one_message(tmp_path, monkeypatch,
                                                                  dialog_log):
    path = tmp_path / "shared.briefing"
    calls = []

    def open_session(where, read_only=False, **_why):
        calls.append(read_only)
        if not read_only:
            raise FileLocked(where, "is open in another Briefing window or process")
        raise FileProblem(where, "cannot read: disk error")

    monkeypatch.setattr(app_module, "open_session", open_session)
    dialog_log.read_only_answer = True  # the analyst chooses to open it read-only
    editor = Editor()
    assert editor._open_session(str(path), None) is None
    assert calls == [False, True]
    [(title, message)] = dialog_log.errors
    assert title == "Cannot Open Briefing"
    assert "shared.briefing" in message and "disk error" in message
