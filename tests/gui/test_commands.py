"""OpCommand: undo restores, redo reapplies, text bursts merge into one step."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from briefing.core import ops
from briefing.core.document import Document
from briefing.core.model import Claim
from briefing.gui.document.commands import OpCommand


def _doc() -> Document:
    return Document(claims=[Claim(id="c1", text="first")])


def test_undo_restores_and_redo_reapplies(qapp):
    doc, stack = _doc(), QUndoStack()
    new = Claim(id="c1", text="second")
    stack.push(OpCommand(doc, ops.ReplaceClaim(new), "Edit Claim Text"))
    assert doc.claim("c1").text == "second"
    assert stack.undoText() == "Edit Claim Text"
    stack.undo()
    assert doc.claim("c1").text == "first"
    stack.redo()
    assert doc.claim("c1").text == "second"


def test_same_burst_merges_into_one_undo_step(qapp):
    doc, stack = _doc(), QUndoStack()
    for text in ("f", "fo", "foo"):
        stack.push(OpCommand(doc, ops.ReplaceClaim(Claim(id="c1", text=text)), "Edit", ("c1", 1)))
    assert stack.count() == 1
    stack.undo()
    assert doc.claim("c1").text == "first"
    stack.redo()
    assert doc.claim("c1").text == "foo"


def test_new_burst_is_a_new_step(qapp):
    doc, stack = _doc(), QUndoStack()
    stack.push(OpCommand(doc, ops.ReplaceClaim(Claim(id="c1", text="a")), "Edit", ("c1", 1)))
    stack.push(OpCommand(doc, ops.ReplaceClaim(Claim(id="c1", text="ab")), "Edit", ("c1", 2)))
    assert stack.count() == 2
    stack.undo()
    assert doc.claim("c1").text == "a"


def test_structural_ops_never_merge(qapp):
    doc, stack = _doc(), QUndoStack()
    stack.push(OpCommand(doc, ops.InsertClaim(Claim(id="c2")), "New", "k"))
    stack.push(OpCommand(doc, ops.InsertClaim(Claim(id="c3")), "New", "k"))
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert [c.id for c in doc.claims] == ["c1"]
