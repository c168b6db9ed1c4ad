"""Issue 14 at the editor level: Open JSON → Save As → edits with autosaves between →
close → reopen: every edit is in the file.

Before the fix, edits after the first autosave went to a discarded change tracker:
the window said "Saved" and the reopened file lacked them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from briefing.gui.app import Editor
from briefing.gui.document import session as session_module
from briefing.resources import sample_document
from briefing.store import jsonio
from briefing.store.database import Store


def _type_at_end(widget, text: str) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(widget, text)


def test_open_json_save_as_edit_autosave_close_reopen(qtbot, tmp_path: Path, dialog_log,
                                                      monkeypatch) -> None:
    monkeypatch.setattr(session_module, "AUTOSAVE_DELAY_MS", 20)
    opened = tmp_path / "draft.json"
    jsonio.dump_json(sample_document(), opened)
    editor = Editor()
    window = editor.open(str(opened))
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(window)
    assert window.session.untitled
    saved = tmp_path / "draft.briefing"
    dialog_log.save_path = saved
    window.actions_["save_as"].trigger()  # File ▸ Save…
    assert window.session.path == saved

    def autosaved() -> None:
        qtbot.waitUntil(lambda: window.save_label.text() == "Saved", timeout=5_000)

    # 1. the claim's text, typed in the inspector
    window.select_claim("c1")
    _type_at_end(window.inspector.claim_editor.text, " First edit.")
    autosaved()
    # 2. the claim's tags (written when editing finishes)
    tags = window.inspector.claim_editor.tags
    tags.setFocus()
    QTest.keyClick(tags, Qt.Key.Key_End)
    QTest.keyClicks(tags, ", harbour")
    QTest.keyClick(tags, Qt.Key.Key_Return)
    autosaved()
    # 3. a source's title, in the source inspector
    window.sources.select_source("s1")
    title = window.inspector.source_form.widgets["title"]
    qtbot.waitUntil(title.isVisible)
    QTest.keyClick(title, Qt.Key.Key_End)
    QTest.keyClicks(title, " (revised)")
    autosaved()
    # 4. the briefing's subtitle, not yet autosaved when the window closes
    window.act_properties()
    subtitle = window.inspector.briefing_form.widgets["subtitle"]
    qtbot.waitUntil(subtitle.isVisible)
    QTest.keyClicks(subtitle, "Closing edit")
    expected = jsonio.dumps(window.session.doc)
    doc = window.session.doc
    assert doc.claim("c1").text.endswith(" First edit.")
    assert "harbour" in doc.claim("c1").tags
    assert doc.source("s1").title.endswith(" (revised)")
    assert doc.info.subtitle.startswith("Closing edit")
    assert window.close()
    with Store.open(saved, readonly=True) as reader:
        assert jsonio.dumps(reader.document) == expected
