"""Child editor for the SIGTERM/SIGINT tests: runs the event loop as ``briefing`` does.

``python -m tests.gui.term_child FILE`` opens FILE, types a claim (not yet written:
the autosave waits about a second) and prints ``ready CLAIM_ID``; it then runs the
event loop until a signal ends it, and exits with the loop's code.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TYPED = "Typed just before the editor was told to stop."


def main(path: str) -> int:
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    from tests.gui.conftest import SETTINGS_ENV, use_settings_dir

    use_settings_dir(os.environ[SETTINGS_ENV])  # the same settings as the test process
    from briefing.gui.app import Editor, make_application
    from briefing.gui.document import editing

    app = make_application([])
    app.setOrganizationName("BriefingTests")
    app.setApplicationName("BriefingTests")
    editor = Editor(app)
    bridge = editor.watch_session_end(app)
    [window] = editor.start(path)
    session = window.session
    claim_id = editing.new_blank_claim(session)
    from dataclasses import replace

    from briefing.core import ops

    session.push(ops.ReplaceClaim(replace(session.doc.claim(claim_id), text=TYPED)))
    print("ready", claim_id, flush=True)
    try:
        return app.exec()
    finally:
        bridge.uninstall()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
