"""Opening a briefing made before document ids existed: the id the editor gives it is
saved by itself, and the status bar settles on "Saved" (it once stayed on "Saving…"
for as long as the window was open, and the id was never written)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefing.core import ops
from briefing.core.identity import ID_FIELD, document_id
from briefing.gui.app import Editor
from briefing.gui.document import session as session_module
from briefing.resources import sample_document
from briefing.store.database import Store, write_briefing


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    doc = sample_document()
    extra = {k: v for k, v in doc.info.extra.items() if k != ID_FIELD}
    doc.apply(ops.SetInfo(replace(doc.info, extra=extra)))
    assert not document_id(doc)
    path = tmp_path / "Older.briefing"
    write_briefing(doc, path)
    return path


def test_an_id_given_at_open_is_saved_and_the_window_says_saved(qtbot, old_file, monkeypatch):
    monkeypatch.setattr(session_module, "AUTOSAVE_DELAY_MS", 50)
    editor = Editor()
    window = editor.open(str(old_file))
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.save_label.text() == "Saved", timeout=5_000)
    window.close()
    with Store.open(old_file, readonly=True) as reader:
        assert document_id(reader.document)
