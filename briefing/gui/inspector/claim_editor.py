"""Inspector page for one claim: text, kind, estimate, portion, status, tags, notes.

Every change is an undoable ReplaceClaim; typing in a text field merges into
one undo step per burst.  Citations are edited by :class:`CitationEditor`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from briefing.core import ops
from briefing.core.vocab import (
    LIKELIHOOD_TERMS,
    ClaimKind,
    ClaimStatus,
    Confidence,
    marking_levels,
    portion_mark,
)
from briefing.gui.document.session import Session
from briefing.gui.inspector.citation_editor import CitationEditor
from briefing.gui.inspector.forms import Bursts, choice_box, set_choice, set_text
from briefing.gui.style import likelihood_label

KIND_HELP = {
    "information": "Reported by a source; needs a citation",
    "quote": "Verbatim words; needs a citation whose quote matches the source",
    "assumption": "Taken as true without proof; say so",
    "judgment": "The analyst's conclusion; give a confidence and/or likelihood",
}


def _likelihood_items() -> list[tuple[str, str]]:
    return [(likelihood_label(level), level.value) for level in LIKELIHOOD_TERMS]


def _likelihood_tips() -> dict[str, str]:
    return {level.value: f"{', '.join(t.words)} / {', '.join(t.alt_words)} ({t.range_label})"
            for level, t in LIKELIHOOD_TERMS.items()}


class ClaimEditor(QWidget):
    """Edits the claim given to :meth:`set_claim`."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._doc = session.doc
        self._claim_id: str | None = None
        self.bursts = Bursts(session, self)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("What the claim says, in your words")
        self.text.setMinimumHeight(70)
        self.kind = choice_box(self, [(k.capitalize(), k.value) for k in ClaimKind],
                               tooltips=KIND_HELP)
        self.confidence = choice_box(self, [(c.capitalize(), c.value) for c in Confidence], "—")
        self.likelihood = choice_box(self, _likelihood_items(), "—", _likelihood_tips())
        self.status = choice_box(self, [(s.capitalize(), s.value) for s in ClaimStatus])
        self.portion = choice_box(self, [], "—")
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText("comma-separated")
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText("Analyst notes (not exported)")
        self.notes.setMaximumHeight(80)
        self.citations = CitationEditor(session, self)
        self.placement = QLabel(self)
        form = QFormLayout(self)
        form.setContentsMargins(6, 6, 6, 6)
        form.addRow("&Text", self.text)
        form.addRow("&Kind", self.kind)
        form.addRow("&Confidence", self.confidence)
        form.addRow("&Likelihood", self.likelihood)
        form.addRow("&Status", self.status)
        form.addRow("&Portion", self.portion)
        form.addRow("T&ags", self.tags)
        form.addRow("Citations", self.citations)
        form.addRow("&Notes", self.notes)
        form.addRow("", self.placement)
        self.bursts.watch(self.text, self.notes, self.tags)
        self.text.textChanged.connect(
            lambda: self._edit("Edit Claim Text", "text", text=self.text.toPlainText()))
        self.notes.textChanged.connect(
            lambda: self._edit("Edit Claim Notes", "notes", notes=self.notes.toPlainText()))
        self.tags.editingFinished.connect(self._tags_edited)
        for box, field, label in (
            (self.kind, "kind", "Change Claim Kind"),
            (self.confidence, "confidence", "Change Confidence"),
            (self.likelihood, "likelihood", "Change Likelihood"),
            (self.status, "status", "Change Claim Status"),
            (self.portion, "portion", "Change Portion Marking"),
        ):
            box.activated.connect(self._combo_handler(box, field, label))
        self._doc.events.subscribe(self._on_op)

    # ------------------------------------------------------------------ API
    @property
    def claim_id(self) -> str | None:
        return self._claim_id

    def set_claim(self, claim_id: str | None) -> None:
        self.bursts.next()
        self._claim_id = claim_id if claim_id and self._doc.has_claim(claim_id) else None
        self.citations.set_claim(self._claim_id)
        self.setEnabled(self._claim_id is not None)
        self._load()

    # -------------------------------------------------------------- editing
    def _combo_handler(self, box: Any, field: str, label: str) -> Any:
        return lambda _i: self._edit(label, None, **{field: box.currentData() or ""})

    def _tags_edited(self) -> None:
        tags = tuple(dict.fromkeys(t.strip() for t in self.tags.text().split(",") if t.strip()))
        self._edit("Edit Claim Tags", None, tags=tags)

    def _edit(self, label: str, merge_field: str | None, **changes: Any) -> None:
        if self._claim_id is None:
            return
        claim = self._doc.claim(self._claim_id)
        new = replace(claim, **changes)
        if new == claim:
            return
        key = (self._claim_id, merge_field, self.bursts.serial) if merge_field else None
        self.bursts.pushing = True
        try:
            accepted = self._session.push(ops.ReplaceClaim(new), label, key)
        finally:
            self.bursts.pushing = False
        if not accepted:
            self._load(refused=True)  # the document's value, not the refused one

    # ------------------------------------------------------------- display
    def _load(self, refused: bool = False) -> None:
        if self._claim_id is None:
            for widget in (self.text, self.notes, self.tags):
                set_text(widget, "")
            self.placement.setText("Select a card to edit it.")
            return
        claim = self._doc.claim(self._claim_id)
        set_text(self.text, claim.text)
        set_text(self.notes, claim.notes)
        if refused or not self.tags.hasFocus():
            set_text(self.tags, ", ".join(claim.tags))
        set_choice(self.kind, claim.kind)
        set_choice(self.confidence, claim.confidence)
        set_choice(self.likelihood, claim.likelihood)
        set_choice(self.status, claim.status)
        self._load_portion(claim.portion)
        where = self._doc.placement(claim.id)
        self.placement.setText(
            f"Placed in “{self._doc.section(where[0]).title}”" if where else "On the board only")

    def _load_portion(self, portion: str) -> None:
        scheme = self._doc.info.marking_scheme
        levels = marking_levels(scheme)
        wanted = [("—", ""), *((portion_mark(scheme, lv) or lv, lv) for lv in levels)]
        current = [(self.portion.itemText(i), self.portion.itemData(i))
                   for i in range(self.portion.count())]
        if current != wanted:
            self.portion.blockSignals(True)
            self.portion.clear()
            for label, value in wanted:
                self.portion.addItem(label, value)
            self.portion.blockSignals(False)
        self.portion.setEnabled(bool(levels) or bool(portion))
        self.portion.setToolTip("" if levels else "The briefing has no marking scheme")
        set_choice(self.portion, portion)

    def _on_op(self, op: ops.Op) -> None:
        if self._claim_id is None:
            return
        if isinstance(op, ops.ReplaceClaim) and op.claim.id == self._claim_id:
            self._load()
        elif isinstance(op, ops.RemoveClaim) and op.claim_id == self._claim_id:
            self.set_claim(None)
        elif isinstance(op, ops.SetInfo | ops.InsertBlock | ops.RemoveBlock | ops.MoveBlock):
            self._load()
