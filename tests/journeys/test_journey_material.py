"""The journey's central gesture on the project's own article (tests/material) and, when it
is there, on the team's seed article: a quoted passage dragged from the Reader onto a
section becomes a placed quote card whose Word note names its speaker and paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from tests.export.readers import pandoc_read
from tests.journeys.test_journey_mouse import add_section, open_empty
from tests.journeys.user import User, wait_until
from tests.material import ARTICLE as MATERIAL
from tests.material import SHARED_SEED

CASES = {
    # file, passage, words the note must hold (speaker, paragraph) — read off the text
    "material": (MATERIAL, "The numbers have always told us the river is shrinking",
                 ("Ada Morrow", "para. 4")),
    "shared seed": (SHARED_SEED, "The intelligence has always been that Putin wants more",
                    ("Quigley", "para. 4")),
}


@pytest.mark.parametrize("case", CASES)
def test_a_quoted_passage_dragged_to_a_section_is_exported_with_its_speaker(
        qtbot, tmp_path, drags, errors, chooser, case):
    article, passage, expected = CASES[case]
    if not Path(article).is_file():
        pytest.skip(f"extra case: {article} is not there")
    _editor, window, _path = open_empty(qtbot, tmp_path)
    user = User(window)
    doc = window.session.doc
    add_section(user, "Key Judgments")
    chooser.pick = [Path(article)]
    user.shortcut("Ctrl+I")
    wait_until(lambda: doc.sources and window.reader.source_id == doc.sources[0].id)

    user.drag_passage_to(passage, "Key Judgments")
    [claim] = doc.claims
    assert doc.placement(claim.id) == (doc.sections[0].id, 0)
    user.click_item(window.outline.view, window.outline.model.claim_index(claim.id))
    user.choose(window.inspector.claim_editor.kind, "Quote")
    assert doc.claim(claim.id).kind == "quote"

    out = tmp_path / "quote.docx"
    user.shortcut("Ctrl+Shift+E")
    dialog = window.export_dialog
    wait_until(dialog.isVisible)
    user.replace_text(dialog.path, str(out))
    user.answer_next_modal(QMessageBox, lambda box: QTest.keyClick(box, Qt.Key.Key_Escape))
    user.click(dialog.export_button)
    wait_until(lambda: out.exists() and not dialog.isVisible())
    paragraphs = pandoc_read(out, "docx")
    [notes] = [found for text, found in paragraphs if passage in text]
    assert len(notes) == 1 and all(word in notes[0] for word in expected), notes
    assert errors == []
