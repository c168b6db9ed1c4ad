"""Inspector pages for a source's metadata and for the briefing's own properties.

Both are forms over one frozen record; each change replaces the record with an
undoable op, and typing merges into one undo step per burst.  An edit the Document
refuses (a citation key another source uses) is not kept: the field shows the
document's value again and the session says why (``Session.edit_refused``).  A field
whose value must be unique among records is written when its editing finishes (Enter,
Tab, or leaving it), not at each key, so typing through a taken key ("smith" on the
way to "smith2020") is never refused half-way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from briefing.core import ops
from briefing.core.model import Source
from briefing.core.vocab import (
    RELIABILITY_LABELS,
    NoteForm,
    NoteStyle,
    SourceKind,
)
from briefing.gui.document.session import Session
from briefing.gui.inspector.forms import Bursts, choice_box, set_choice, set_text
from briefing.gui.style import reliability_label


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    widget: str = "line"  # line | text | list | choice
    choices: tuple[tuple[str, str], ...] = ()
    empty: str | None = None
    live: bool = True
    """Written at each key (merged into one undo step per burst); False: when editing
    finishes."""


SOURCE_FIELDS = (
    Field("title", "&Title"),
    Field("key", "Citation &key", live=False),
    Field("kind", "K&ind", "choice", tuple((k.capitalize(), k.value) for k in SourceKind)),
    Field("authors", "&Authors", "list"),
    Field("publisher", "&Publisher"),
    Field("container", "&Container"),
    Field("published", "&Date"),
    Field("url", "&URL"),
    Field("doi", "DOI"),
    Field("accessed", "Accessed"),
    Field("descriptor", "D&escriptor", "text"),
    Field("reliability", "&Reliability", "choice",
          tuple((reliability_label(r.value), r.value) for r in RELIABILITY_LABELS), "—"),
    Field("notes", "&Notes", "text"),
)

NOTE_FORM_SHORT = "Short after the first (speaker; short title, locator)"
NOTE_FORM_CHOICES = (("In full every time", NoteForm.FULL.value),)

INFO_FIELDS = (
    Field("title", "&Title"),
    Field("subtitle", "&Subtitle"),
    Field("authors", "&Authors", "list"),
    Field("date", "&Date"),
    Field("marking_scheme", "&Marking scheme", "choice",
          (("None", "none"), ("US (U, C, S, TS)", "us"))),
    Field("classification", "&Classification"),
    Field("caveats", "Ca&veats"),
    Field("note_style", "&Notes as", "choice",
          tuple((n.value.capitalize(), n.value) for n in NoteStyle)),
    Field("note_form", "&Later notes", "choice", NOTE_FORM_CHOICES, NOTE_FORM_SHORT),
)


class RecordForm(QWidget):
    """A form bound to one record, read with *get* and written with *make_op*."""

    def __init__(self, session: Session, fields: tuple[Field, ...], noun: str,
                 get: Callable[[], Any], make_op: Callable[[Any], ops.Op],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._get = get
        self._make_op = make_op
        self._noun = noun
        self.bursts = Bursts(session, self)
        self.widgets: dict[str, Any] = {}
        self._on_finish = {f.name for f in fields if f.widget == "list" or not f.live}
        """Fields written when editing finishes: their typing is kept over reloads."""
        form = QFormLayout(self)
        form.setContentsMargins(6, 6, 6, 6)
        for field in fields:
            widget = self._widget(field)
            self.widgets[field.name] = widget
            form.addRow(field.label, widget)

    def _widget(self, field: Field) -> Any:
        words = field.label.replace("&", "").split()
        label = f"Edit {self._noun} " + " ".join(  # "Edit Source URL", not "Url"
            w if w.isupper() else w.capitalize() for w in words)
        if field.widget == "choice":
            box = choice_box(self, field.choices, field.empty)
            box.activated.connect(lambda _i: self._edit(label, None, field.name,
                                                        box.currentData() or ""))
            return box
        if field.widget == "text":
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(70)
            edit.textChanged.connect(
                lambda: self._edit(label, field.name, field.name, edit.toPlainText()))
            self.bursts.watch(edit)
            return edit
        line = QLineEdit(self)
        if field.widget == "list":
            line.setPlaceholderText("separate with ;")
            line.editingFinished.connect(lambda: self._edit(label, None, field.name, tuple(
                part.strip() for part in line.text().split(";") if part.strip())))
        elif not field.live:
            line.editingFinished.connect(lambda: self._edit(label, None, field.name,
                                                            line.text()))
        else:
            line.textEdited.connect(lambda v: self._edit(label, field.name, field.name, v))
            self.bursts.watch(line)
        return line

    def _edit(self, label: str, merge_field: str | None, name: str, value: Any) -> None:
        record = self._get()
        if record is None or getattr(record, name) == value:
            return
        key = (id(self), getattr(record, "id", ""), merge_field, self.bursts.serial)
        self.bursts.pushing = True
        try:
            accepted = self._session.push(self._make_op(replace(record, **{name: value})),
                                          label, key if merge_field else None)
        finally:
            self.bursts.pushing = False
        if not accepted:
            self.load(refused=True)  # the document's value, not the refused one

    def load(self, refused: bool = False) -> None:
        """Show the record; a field written when editing finishes keeps what is being
        typed in it, unless that was *refused*."""
        record = self._get()
        self.setEnabled(record is not None)
        if record is None:
            return
        for name, widget in self.widgets.items():
            value = getattr(record, name)
            if isinstance(widget, QPlainTextEdit | QLineEdit):
                shown = "; ".join(value) if isinstance(value, tuple) else value
                if refused or name not in self._on_finish or not widget.hasFocus():
                    set_text(widget, shown)
            else:
                set_choice(widget, value if isinstance(value, str) else "custom")


class SourceForm(RecordForm):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        self.source_id: str | None = None
        super().__init__(session, SOURCE_FIELDS, "Source", self._source, ops.ReplaceSource,
                         parent)
        session.doc.events.subscribe(self._on_op)

    def _source(self) -> Source | None:
        doc = self._session.doc
        return doc.source(self.source_id) if self.source_id and doc.has_source(
            self.source_id) else None

    def set_source(self, source_id: str | None) -> None:
        self.bursts.next()
        self.source_id = source_id
        self.load()

    def _on_op(self, op: ops.Op) -> None:
        if isinstance(op, ops.ReplaceSource | ops.RemoveSource | ops.InsertSource):
            self.load()


class BriefingForm(RecordForm):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, INFO_FIELDS, "Briefing", lambda: session.doc.info,
                         ops.SetInfo, parent)
        session.doc.events.subscribe(self._on_op)
        self.load()

    def _on_op(self, op: ops.Op) -> None:
        if isinstance(op, ops.SetInfo):
            self.load()
