"""Sequences of review decisions, undos, redos and save/reopen never lose or corrupt data."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from briefing.review import read_review
from briefing.review.apply import ReviewConflict, accept_op
from briefing.review.state import decide, decisions
from briefing.store import jsonio
from tests.review import builders as b
from tests.review.test_word_markup import _tracked_edits


@cache
def reviewed() -> Path:
    def edit(root) -> None:
        _tracked_edits(root)
        b.replace_text(b.marked(root, "_brf_p_k1_05efd9b9"),
                       [b.text_run("(U) Reopening is partial; silting sets the pace.")])
        new = b.etree.Element(f"{b.W}p")
        new.append(b.text_run("Tugs remain scarce."))
        b.marked(root, "_brf_c_c1").addnext(new)
        c1 = b.marked(root, "_brf_c_c1")
        c1.getparent().remove(c1)
        b.marked(root, "_brf_c_c2").addprevious(c1)

    folder = Path(tempfile.mkdtemp(prefix="review-machine-"))
    return b.rewrite(b.exported(folder), folder / "reviewed.docx", edit)


class Decisions(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.doc = b.identified_small()
        self.original = jsonio.dumps(self.doc)
        self.review = read_review(self.doc, reviewed())
        self.undo: list = []
        self.redo: list = []

    def _do(self, op) -> None:
        self.undo.append(self.doc.apply(op))
        self.redo.clear()

    @rule(data=st.data())
    def accept(self, data) -> None:
        item = data.draw(st.sampled_from(self.review.items))
        if item.key in decisions(self.doc, self.review) or not item.changes_text:
            return
        try:
            change = accept_op(self.doc, item, self.review.snapshot)
        except ReviewConflict:
            return
        self._do(decide(self.doc, self.review, item, "accepted", change))

    @rule(data=st.data())
    def reject(self, data) -> None:
        item = data.draw(st.sampled_from(self.review.items))
        if item.key not in decisions(self.doc, self.review):
            self._do(decide(self.doc, self.review, item, "rejected", None))

    @rule()
    def undo_one(self) -> None:
        if self.undo:
            self.redo.append(self.doc.apply(self.undo.pop()))

    @rule()
    def redo_one(self) -> None:
        if self.redo:
            self.undo.append(self.doc.apply(self.redo.pop()))

    @rule()
    def save_and_reopen(self) -> None:
        again = jsonio.loads(jsonio.dumps(self.doc))
        assert jsonio.dumps(again) == jsonio.dumps(self.doc)
        assert decisions(again, self.review) == decisions(self.doc, self.review)

    @invariant()
    def cards_and_citations_survive(self) -> None:
        assert [(c.id, len(c.citations)) for c in self.doc.claims] == [
            ("c1", 1), ("c2", 2), ("c3", 0)]
        assert len(decisions(self.doc, self.review)) == len(self.undo)  # one record per step

    @invariant()
    def undoing_everything_restores_the_briefing(self) -> None:
        if not self.undo:
            assert jsonio.dumps(self.doc) == self.original


Decisions.TestCase.settings = settings(max_examples=30, stateful_step_count=12, deadline=None)
test_decisions = Decisions.TestCase
