"""Recovery after a crash: the next start reopens the document and says so (issue 10.7)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from briefing.gui.app import Editor
from briefing.store.database import Store
from tests.gui.crash_child import COMMITTED, LATEST

ROOT = Path(__file__).resolve().parents[2]


def _keep(qtbot, windows):
    for window in windows:
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        qtbot.addWidget(window)
    return windows


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_after_a_kill_the_next_start_reopens_the_document_and_says_so(qtbot, tmp_path,
                                                                       seed_doc):
    path = tmp_path / "work.briefing"
    Store.create(path, seed_doc).close()
    child = subprocess.Popen([sys.executable, "-m", "tests.gui.crash_child", str(path)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    try:
        committed = child.stdout.readline().split()
        assert committed[:1] == ["committed"], "the child editor did not start"
        assert child.stdout.readline().strip() == "ready"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    claim_id = committed[1]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    [window] = _keep(qtbot, Editor().start(None))
    assert window.session.path == path and not window.session.read_only
    assert "Recovered “work.briefing” after an unexpected exit" in window.recovery_message
    assert window.statusBar().currentMessage() == window.recovery_message
    assert window.session.doc.claim(claim_id).text in (COMMITTED, LATEST)
    assert window.session.doc.source("s1").title == seed_doc.sources[0].title
    window.close()

    # closed cleanly this time: the next start offers nothing
    [fresh] = _keep(qtbot, Editor().start(None))
    assert fresh.session.path is None and fresh.recovery_message == ""


def test_a_clean_close_leaves_nothing_to_recover(qtbot, tmp_path, seed_doc):
    path = tmp_path / "tidy.briefing"
    Store.create(path, seed_doc).close()
    [window] = _keep(qtbot, Editor().start(str(path)))
    assert window.recovery_message == ""
    window.close()
    [again] = _keep(qtbot, Editor().start(None))
    assert again.session.path is None and again.recovery_message == ""
