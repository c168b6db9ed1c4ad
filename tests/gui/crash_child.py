"""Child editor for the recovery test: opens a document, edits it, then waits to be killed.

``python -m tests.gui.crash_child FILE`` prints ``committed`` once the first
edit is on disk and ``ready`` right after a second edit (not yet flushed).
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

COMMITTED = "Written more than a second before the crash."
LATEST = "Typed just before the crash."


def main(path: str) -> None:
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    from tests.gui.conftest import SETTINGS_ENV, use_settings_dir

    use_settings_dir(os.environ[SETTINGS_ENV])  # the same settings as the test process
    from briefing.core import ops
    from briefing.gui.app import Editor, make_application
    from briefing.gui.document import editing

    app = make_application([])
    app.setOrganizationName("BriefingTests")
    app.setApplicationName("BriefingTests")
    [window] = Editor(app).start(path)
    session = window.session
    claim_id = editing.new_blank_claim(session)
    claim = session.doc.claim(claim_id)
    session.push(ops.ReplaceClaim(replace(claim, text=COMMITTED)))
    deadline = time.monotonic() + 30
    while session.save_state() != "Saved" and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    print("committed", claim_id, flush=True)
    session.push(ops.ReplaceClaim(replace(session.doc.claim(claim_id), text=LATEST)))
    print("ready", flush=True)
    while True:  # until killed
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    main(sys.argv[1])
