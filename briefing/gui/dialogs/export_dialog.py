"""File ▸ Export: choose where and how, then export in the background.

The dialog lists the checks' errors and asks before exporting a briefing
that has them; offers the explicit override when the banner is below a
portion marking (and records it in the file's history); writes nothing when
the export fails and says why.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSettings, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing.checks import Finding, Severity, run_checks
from briefing.core.document import Document
from briefing.core.errors import BriefingError
from briefing.core.vocab import NoteForm
from briefing.export import ExportOptions, export_document
from briefing.export.api import marking_shortfall
from briefing.export.paper import default_paper
from briefing.gui import dialogs
from briefing.gui.document.session import Session
from briefing.gui.inspector.forms import guard_combo

OPTIONS_KEY = "export"
"""QSettings group: the last export's folder and options."""

FORMATS: dict[str, tuple[str, str]] = {
    ".docx": ("Word", "Word documents (*.docx)"),
    ".md": ("Markdown", "Markdown (*.md)"),
    ".html": ("HTML", "Web pages (*.html)"),
    ".pdf": ("PDF", "PDF documents (*.pdf)"),
}


_FORM_NAMES = {NoteForm.SHORT.value: "short after the first", NoteForm.FULL.value: "in full"}
PAPER_NAMES = {"a4": "A4", "letter": "US Letter"}
"""Paper sizes offered for Word (without a template) and PDF; data ``None`` is the locale's."""


@dataclass(frozen=True)
class ExportRequest:
    path: Path
    notes: str | None
    reference_doc: Path | None
    options: ExportOptions
    allow_underclassified: bool


class _Signals(QObject):
    done = Signal(str)
    failed = Signal(str)


class _ExportJob(QRunnable):
    def __init__(self, doc: Document, request: ExportRequest, signals: _Signals) -> None:
        super().__init__()
        self._doc, self._request, self._signals = doc, request, signals

    def run(self) -> None:
        r = self._request
        try:
            path = export_document(self._doc, r.path, notes=r.notes, reference_doc=r.reference_doc,
                                   options=r.options,
                                   allow_underclassified=r.allow_underclassified)
        except (BriefingError, OSError) as error:
            with contextlib.suppress(RuntimeError):
                self._signals.failed.emit(str(error))
            return
        with contextlib.suppress(RuntimeError):
            self._signals.done.emit(str(path))


class ExportDialog(QDialog):
    """Options for one export to *suffix* (``.docx``, ``.md`` or ``.html``)."""

    exported = Signal(str)

    def __init__(self, session: Session, suffix: str, findings: list[Finding] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.suffix = suffix
        name, _filter = FORMATS[suffix]
        self.setWindowTitle(f"Export to {name}")
        self.setObjectName("exportDialog")
        doc = session.doc
        self.errors = [f for f in (findings if findings is not None else run_checks(doc))
                       if f.severity == Severity.ERROR]
        self.shortfall = marking_shortfall(doc)
        self._pool = QThreadPool(self)
        self._signals = _Signals(self)
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_form())
        if self.errors:
            layout.addWidget(self._build_errors())
        if self.shortfall:
            layout.addWidget(self._build_marking())
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("Export",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._update_enabled()
        for box in self.findChildren(QComboBox):  # no change on a stray wheel turn or arrow
            guard_combo(box)

    # -------------------------------------------------------------- building
    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        self.path = QLineEdit(self._suggested_path(), self)
        self.path.setAccessibleName("Save as")
        self.path.setMinimumWidth(320)
        self.browse_button = QPushButton("Browse…", self)
        self.browse_button.clicked.connect(self.browse)
        self.path.textChanged.connect(self._update_enabled)
        form.addRow("Save as", _row(self.path, self.browse_button))
        self.notes = QComboBox(self)
        default = self.session.doc.info.note_style or "footnotes"
        self.notes.addItem(f"As the briefing says ({default})", None)
        self.notes.addItem("Footnotes", "footnotes")
        self.notes.addItem("Endnotes", "endnotes")
        form.addRow("Notes", self.notes)
        self.note_form = QComboBox(self)
        form_default = self.session.doc.info.note_form or NoteForm.SHORT.value
        self.note_form.addItem(f"As the briefing says ({_FORM_NAMES[form_default]})", None)
        for value, name in _FORM_NAMES.items():
            self.note_form.addItem(name.capitalize(), value)
        self.note_form.setToolTip("Later notes to a source: short (speaker; short title, "
                                  "locator) after a first note in full, or in full every time")
        self.ibid = QCheckBox("Write “Ibid.” for a note to the source cited just before", self)
        form.addRow("Later notes", self.note_form)
        form.addRow("", self.ibid)
        self.template = QLineEdit(self)
        self.template.setAccessibleName("Reference template")
        self.template.setPlaceholderText("Briefing’s own design")
        self.template_button = QPushButton("Choose…", self)
        self.template_button.clicked.connect(self.choose_template)
        if self.suffix == ".docx":
            form.addRow("Reference template", _row(self.template, self.template_button))
        else:
            self.template.hide()
            self.template_button.hide()
        self.citations = QComboBox(self)
        self.citations.addItem("Footnotes ([^1])", "notes")
        self.citations.addItem("Pandoc citations ([@key]), sources in the front matter",
                               "pandoc")
        if self.suffix == ".md":
            form.addRow("Citations", self.citations)
        else:
            self.citations.hide()
        self.paper = QComboBox(self)
        self.paper.addItem(f"From the locale ({PAPER_NAMES[default_paper()]})", None)
        for value, name in PAPER_NAMES.items():
            self.paper.addItem(name, value)
        self.paper.setAccessibleName("Paper size")
        self.paper.setToolTip("Page size of the export; a Word reference template keeps "
                              "its own")
        if self.suffix in (".docx", ".pdf"):
            form.addRow("Paper size", self.paper)
            self.template.textChanged.connect(self._update_paper)
        else:
            self.paper.hide()
        self.summary = QCheckBox("Include a sourcing summary", self)
        self.estimates = QCheckBox("Show confidence and likelihood after each judgment", self)
        self.keep_empty = QCheckBox("Keep the headings of empty sections", self)
        form.addRow("", self.summary)
        form.addRow("", self.keep_empty)
        form.addRow("", self.estimates)
        self.notes.setAccessibleName("Notes")
        self.citations.setAccessibleName("Citations")
        self._restore_options()
        return form

    def _restore_options(self) -> None:
        """The options chosen at the last export (per user), as mature apps remember them."""
        settings = QSettings()
        notes = self.notes.findData(settings.value(f"{OPTIONS_KEY}/notes"))
        if notes >= 0:
            self.notes.setCurrentIndex(notes)
        citations = self.citations.findData(settings.value(f"{OPTIONS_KEY}/citations"))
        if citations >= 0:
            self.citations.setCurrentIndex(citations)
        self.summary.setChecked(settings.value(f"{OPTIONS_KEY}/summary") in (True, "true"))
        self.estimates.setChecked(settings.value(f"{OPTIONS_KEY}/estimates") in (True, "true"))
        paper = self.paper.findData(settings.value(f"{OPTIONS_KEY}/paper"))
        if paper >= 0:  # an unset or unknown value keeps "From the locale"
            self.paper.setCurrentIndex(paper)
        template = settings.value(f"{OPTIONS_KEY}/template")
        if isinstance(template, str) and self.suffix == ".docx":
            self.template.setText(template)
        self._update_paper()

    def _update_paper(self, *_args: object) -> None:
        """A Word reference template brings its own page size: the choice is off then."""
        self.paper.setEnabled(not (self.suffix == ".docx" and self.template.text().strip()))

    def _remember_options(self, request: ExportRequest) -> None:
        settings = QSettings()
        settings.setValue(f"{OPTIONS_KEY}/folder", str(request.path.parent))
        settings.setValue(f"{OPTIONS_KEY}/notes", self.notes.currentData())
        settings.setValue(f"{OPTIONS_KEY}/citations", self.citations.currentData())
        settings.setValue(f"{OPTIONS_KEY}/summary", self.summary.isChecked())
        settings.setValue(f"{OPTIONS_KEY}/estimates", self.estimates.isChecked())
        if self.suffix in (".docx", ".pdf"):
            settings.setValue(f"{OPTIONS_KEY}/paper", self.paper.currentData() or "")
        if self.suffix == ".docx":
            settings.setValue(f"{OPTIONS_KEY}/template", self.template.text().strip())

    def _build_errors(self) -> QGroupBox:
        n = len(self.errors)
        box = QGroupBox(f"The checks found {n} error{'s' if n != 1 else ''}", self)
        self.error_list = QListWidget(box)
        self.error_list.addItems([f.message for f in self.errors])
        rows = self.error_list.sizeHintForRow(0) * min(n, 5) + 2 * self.error_list.frameWidth()
        self.error_list.setFixedHeight(rows + 4)
        self.export_anyway = QCheckBox("Export anyway", box)
        self.export_anyway.toggled.connect(self._update_enabled)
        inner = QVBoxLayout(box)
        inner.addWidget(self.error_list)
        inner.addWidget(self.export_anyway)
        return box

    def _build_marking(self) -> QGroupBox:
        box = QGroupBox("Classification", self)
        label = QLabel(f"The export is refused: {self.shortfall}.", box)
        label.setWordWrap(True)
        self.override = QCheckBox("Override: export under the highest portion's banner "
                                  "(recorded in the file's history)", box)
        self.override.toggled.connect(self._update_enabled)
        inner = QVBoxLayout(box)
        inner.addWidget(label)
        inner.addWidget(self.override)
        return box

    def _suggested_path(self) -> str:
        remembered = QSettings().value(f"{OPTIONS_KEY}/folder")
        folder = Path(remembered) if isinstance(remembered, str) and Path(
            remembered).is_dir() else self.session.path.parent if self.session.path else (
            self.session.origin.parent if self.session.origin else Path.home())
        return str(folder / f"{self.session.display_name}{self.suffix}")

    # ------------------------------------------------------------ behaviour
    def browse(self) -> None:
        name, file_filter = FORMATS[self.suffix]
        chosen = dialogs.ask_export_path(self, f"Export to {name}", self.path.text(),
                                         file_filter, self.suffix)
        if chosen:
            self.path.setText(chosen)

    def choose_template(self) -> None:
        chosen = dialogs.ask_reference_doc(self)
        if chosen:
            self.template.setText(chosen)

    def _update_enabled(self, *_args: object) -> None:
        ready = bool(self.path.text().strip())
        if self.errors:
            ready = ready and self.export_anyway.isChecked()
        self.export_button.setEnabled(ready)

    def request(self) -> ExportRequest:
        template = self.template.text().strip()
        return ExportRequest(
            path=Path(self.path.text().strip()).expanduser(),
            notes=self.notes.currentData(),
            reference_doc=Path(template) if template and self.suffix == ".docx" else None,
            options=ExportOptions(
                show_estimates=self.estimates.isChecked(),
                sourcing_summary=self.summary.isChecked(),
                citations=self.citations.currentData() if self.suffix == ".md" else "notes",
                note_form=self.note_form.currentData(),
                ibid=self.ibid.isChecked(),
                keep_empty_sections=self.keep_empty.isChecked(),
                paper=self.paper.currentData() if self.suffix in (".docx", ".pdf") else None,
            ),
            allow_underclassified=bool(self.shortfall) and self.override.isChecked(),
        )

    def start(self) -> None:
        """Export in the background; the dialog stays open (busy) until it ends."""
        if not self.export_button.isEnabled():
            return
        self._running = self.request()
        self._remember_options(self._running)
        self._set_busy(True)
        self._pool.start(_ExportJob(self.session.doc.copy(), self._running,
                                    self._signals))

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for widget in self.findChildren(QWidget):
            if widget not in (self.progress, self) and not isinstance(widget, QLabel):
                widget.setEnabled(not busy)
        if not busy:
            self._update_enabled()

    def _done(self, path: str) -> None:
        self._set_busy(False)
        request = self._running
        if request.allow_underclassified and self.session.store is not None:
            try:
                self.session.store.record_history(
                    "marking-override", f"exported {Path(path).name}: {self.shortfall}")
            except BriefingError as error:
                dialogs.show_error(self, "Cannot Record the Override", str(error))
        self.exported.emit(path)
        self.accept()
        answer = dialogs.export_done(self.parentWidget(), path)
        if answer == "open":
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        elif answer == "folder":
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        dialogs.show_error(self, "Export Failed", f"Nothing was written.\n\n{message}")

    def wait(self) -> None:
        self._pool.waitForDone()


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for n, widget in enumerate(widgets):
        row.addWidget(widget, 1 if n == 0 else 0)
    return row
