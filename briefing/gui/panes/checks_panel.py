"""The Checks dock: the linter's findings, kept current, with explanations and fixes.

Edits restart a short timer; when it fires the checks run on a snapshot of
the document on a worker thread, and only the latest run is shown.  Double-
clicking a finding asks the window to select what it is about; "Fix" turns
the rule's suggested fix into one undoable edit.  A finding is listed as the
CLI report words it: a claim by its id and first words, then the message.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefing.checks.findings import Finding, Severity
from briefing.core import ops
from briefing.core.errors import DomainError
from briefing.gui.document.session import Session
from briefing.gui.models.findings import (
    FINDING_ROLE,
    FindingRow,
    FindingsModel,
    explanation,
    finding_rows,
)

if TYPE_CHECKING:  # the rules load with the first run, after the window is painted
    from briefing.checks.snapshot import Snapshot

CHECK_DELAY_MS = 500
FIRST_CHECK_DELAY_MS = 100
PLACE_FIX = "Place in Section…"
NOTHING_SELECTED = "Select a finding to see why it matters and what to do."


class _Signals(QObject):
    checked = Signal(int, object)


class _CheckJob(QRunnable):
    def __init__(self, generation: int, latest: list[int], snapshot: Snapshot,
                 signals: _Signals) -> None:
        super().__init__()
        self.generation, self._latest = generation, latest
        self._snapshot, self._signals = snapshot, signals

    def run(self) -> None:
        if self.generation != self._latest[0]:
            return
        from briefing.checks.runner import run_checks

        rows = finding_rows(run_checks(self._snapshot), self._snapshot)  # names from this state
        with contextlib.suppress(RuntimeError):
            self._signals.checked.emit(self.generation, rows)


class ChecksPanel(QWidget):
    """Findings by severity; reports counts and the finding the user wants to see."""

    finding_activated = Signal(object)
    place_requested = Signal(str)
    """The fix of an unplaced claim: choose a section for it (the window asks where)."""
    counts_changed = Signal(int, int)
    """Errors and warnings after each run."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = FindingsModel(self)
        self.current = False
        """True when the shown findings match the document."""
        self._latest = [0]
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.checked.connect(self._show)
        self.view = QTreeView(self)
        self.view.setObjectName("checks")
        self.view.setAccessibleName("Check findings")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.doubleClicked.connect(self._activated)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.explain = QLabel(NOTHING_SELECTED, self)
        self.explain.setWordWrap(True)
        self.explain.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.explain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explain.setAccessibleName("Why the finding matters")
        self.fix_button = QPushButton("Fix", self)
        self.fix_button.setEnabled(False)
        self.fix_button.clicked.connect(self.fix_current)
        self.fix_button.setAccessibleName("Fix")
        self.fix_button.setToolTip("Apply the suggested fix (one undoable step)")
        self.show_button = QPushButton("Show", self)
        self.show_button.setAccessibleName("Show")
        self.show_button.setToolTip("Select what the finding is about")
        self.show_button.setEnabled(False)
        self.show_button.clicked.connect(lambda: self._activated(self.view.currentIndex()))
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 0, 0)
        side_layout.addWidget(self.explain, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.fix_button)
        buttons.addStretch(1)
        side_layout.addLayout(buttons)
        splitter = QSplitter(self)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(splitter)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        session.doc.events.subscribe(self._on_op)
        QTimer.singleShot(FIRST_CHECK_DELAY_MS, self, self._first_check)  # after the window shows

    def _first_check(self) -> None:
        if self._latest[0] == 0:
            self.check_now()

    # ------------------------------------------------------------- checking
    def _on_op(self, _op: ops.Op) -> None:
        self.current = False
        self._timer.start()

    def check_now(self) -> int:
        """Run the checks on the document as it is now (off the UI thread)."""
        self._timer.stop()
        self._latest[0] += 1
        from briefing.checks.snapshot import Snapshot

        job = _CheckJob(self._latest[0], self._latest, Snapshot.of(self.session.doc),
                        self._signals)
        self._pool.start(job)
        return self._latest[0]

    def _show(self, generation: int, rows: list[FindingRow]) -> None:
        if generation != self._latest[0]:
            return
        selected = self.view.currentIndex().data(FINDING_ROLE)
        if self.model.set_rows(rows):
            for row in range(self.model.rowCount()):
                self.view.expand(self.model.index(row, 0))
        if selected is not None and self.view.currentIndex().data(FINDING_ROLE) != selected:
            index = self.model.index_of(selected)
            if index.isValid():
                self.view.setCurrentIndex(index)
        self._current_changed(self.view.currentIndex())
        self.current = True
        self.counts_changed.emit(self.model.count(Severity.ERROR),
                                 self.model.count(Severity.WARNING))

    def findings(self) -> list[Finding] | None:
        """The findings if they match the document as it is now, else None."""
        return self.model.findings() if self.current else None

    def wait(self) -> None:
        self._timer.stop()
        self._latest[0] += 1  # no first check after this; queued runs are stale
        self._pool.waitForDone()
        self.session.doc.events.unsubscribe(self._on_op)

    # ------------------------------------------------------------ behaviour
    def _current_changed(self, current: QModelIndex, _previous: object = None) -> None:
        finding: Finding | None = current.data(FINDING_ROLE) if current.isValid() else None
        self.explain.setText(NOTHING_SELECTED if finding is None else explanation(finding))
        placing = finding is not None and _places(finding)
        self.fix_button.setEnabled(finding is not None and (finding.fix is not None or placing))
        self.fix_button.setText(finding.fix.label if finding is not None and finding.fix
                                else PLACE_FIX if placing else "Fix")
        self.fix_button.setAccessibleName(self.fix_button.text())
        self.show_button.setEnabled(finding is not None and bool(finding.targets))

    def _activated(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE) if index.isValid() else None
        if finding is not None:
            self.finding_activated.emit(finding)

    def select(self, finding: Finding) -> bool:
        index = self.model.index_of(finding)
        if index.isValid():
            self.view.setCurrentIndex(index)
        return index.isValid()

    def fix_current(self) -> bool:
        """Apply the current finding's fix as one undoable edit."""
        finding = self.view.currentIndex().data(FINDING_ROLE)
        if finding is not None and finding.fix is None and _places(finding):
            self.place_requested.emit(finding.claim)
            return True
        if finding is None or finding.fix is None:
            return False
        try:
            from briefing.checks.fixes import fix_op

            op = fix_op(self.session.doc, finding.fix)
        except DomainError as error:
            self.session.edit_refused.emit(str(error))
            return False
        return self.session.push(op, finding.fix.label)


def _places(finding: Finding) -> bool:
    """An unplaced claim's fix is to choose a section for it."""
    return finding.rule == "unplaced-claim" and bool(finding.claim)
