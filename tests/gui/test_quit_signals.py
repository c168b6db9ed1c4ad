"""SIGTERM, SIGINT (and a logout) end the editor as a quit, not as a crash."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from briefing.gui.app import Editor
from briefing.gui.document.session import open_session
from briefing.store.database import Store
from tests.gui.term_child import TYPED

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _keep(qtbot, windows):
    for window in windows:
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        qtbot.addWidget(window)
    return windows


def _child(path: Path) -> tuple[subprocess.Popen, str]:
    child = subprocess.Popen([sys.executable, "-m", "tests.gui.term_child", str(path)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    words = child.stdout.readline().split()
    if words[:1] != ["ready"]:
        child.kill()
        pytest.fail(f"the child editor did not start: {child.communicate()[1]}")
    return child, words[1]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_terminate_signal_saves_releases_and_leaves_nothing_to_recover(
        qtbot, tmp_path, seed_doc, signum):
    path = tmp_path / "work.briefing"
    Store.create(path, seed_doc).close()
    child, claim_id = _child(path)
    child.send_signal(signum)
    _out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert "Traceback" not in err

    with Store.open(path, readonly=True) as reader:
        assert reader.document.claim(claim_id).text == TYPED  # the pending edit was written
    session = open_session(path)  # the lock was released: open for editing, not read-only
    assert not session.read_only
    session.close()
    [window] = _keep(qtbot, Editor().start(None))
    assert window.session.path is None and window.recovery_message == ""  # no "Recovered"


def test_edits_that_cannot_be_written_are_recovered_at_the_next_start(qtbot, tmp_path,
                                                                       seed_doc):
    path = tmp_path / "gone.briefing"
    Store.create(path, seed_doc).close()
    child, claim_id = _child(path)
    path.unlink()  # the file is deleted under the editor: the edit cannot be written to it
    child.send_signal(signal.SIGTERM)
    _out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err

    [window] = _keep(qtbot, Editor().start(None))
    assert "after an unexpected exit" in window.recovery_message
    assert window.session.doc.claim(claim_id).text == TYPED
    assert window.session.doc.info.title == "Basin talks"
    window.close()
