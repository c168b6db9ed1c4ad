"""The checks' findings as a two-level tree: severity groups, then findings.

A finding row reads like the line of the CLI's text report without the rule
code (:func:`briefing.checks.report.describe`): what it is about, a claim named
by its id and first words, then the message.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle

from briefing.checks.findings import RULES, Finding, Severity

Index = QModelIndex | QPersistentModelIndex

FINDING_ROLE = Qt.ItemDataRole.UserRole + 30
"""The Finding of a finding row (None for a group row)."""

GROUP_TITLES = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings",
                Severity.INFO: "Notes"}
_ICONS = {Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
          Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
          Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation}


FETCH_ROWS = 200
"""Findings of a group shown at first, and added each time the view scrolls to the end:
the view then lays out a few hundred rows, not thousands."""


class _Group:
    __slots__ = ("severity",)

    def __init__(self, severity: Severity | None) -> None:
        self.severity = severity


_ROOT = _Group(None)
_GROUPS = {s: _Group(s) for s in Severity}


def explanation(finding: Finding) -> str:
    """The rule's title, why it matters and what to do, as shown beside the list."""
    rule = RULES.get(finding.rule)
    if rule is None:
        return finding.message
    return f"{rule.title}\n\n{rule.why}\n\nWhat to do: {rule.action}"


def finding_key(finding: Finding) -> tuple:
    """A hashable identity of *finding*."""
    return (finding.rule, finding.severity, tuple(sorted(finding.targets.items())),
            finding.message, repr(finding.fix))


class FindingRow(NamedTuple):
    """A finding, the line the list shows for it, and what the list compares rows by."""

    finding: Finding
    label: str
    key: tuple


def finding_rows(findings: list[Finding], doc: Any = None) -> list[FindingRow]:
    """The rows of *findings*, their subjects named from *doc* (the Document or Snapshot
    the checks ran on; without it a claim is named by its id only).  Pure Python: the
    checks job calls it off the UI thread."""
    from briefing.checks.report import describe

    rows = []
    for finding in findings:
        label = describe(finding, doc)
        rows.append(FindingRow(finding, label, (*finding_key(finding), label)))
    return rows


class FindingsModel(QAbstractItemModel):
    """Findings grouped by severity (errors, warnings, notes); empty groups are hidden."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[Severity, list[FindingRow]]] = []
        self._keys: list[tuple] = []
        self._group_keys: list[list[tuple]] = []
        self._shown: list[int] = []
        """Rows of each group the views know of (long groups are fetched as scrolled)."""

    def set_findings(self, findings: list[Finding], doc: Any = None) -> bool:
        """Show *findings* of *doc*; see :meth:`set_rows`."""
        return self.set_rows(finding_rows(findings, doc))

    def set_rows(self, rows: list[FindingRow]) -> bool:
        """Show *rows*; True when the model was reset (else rows changed in place).

        A check run after an edit mostly finds what it found before: only the
        rows that differ (in finding or in wording: a claim's first words) are
        removed and inserted, so views keep their state and do no work for the
        thousands of rows that stayed.  :func:`finding_rows` makes the rows and
        can run off the UI thread.
        """
        keys = [row.key for row in rows]
        if keys == self._keys:
            return False
        self._keys = keys
        groups = [(s, [row for row in rows if row.finding.severity == s]) for s in Severity]
        groups = [(s, items) for s, items in groups if items]
        if [s for s, _r in groups] != [s for s, _i in self._groups] or any(
                len(items) > FETCH_ROWS or len(self._groups[row][1]) > self._shown[row]
                for row, (_s, items) in enumerate(groups)):
            self.beginResetModel()
            self._groups = groups
            self._group_keys = [[r.key for r in items] for _s, items in groups]
            self._shown = [min(len(items), FETCH_ROWS) for _s, items in self._groups]
            self.endResetModel()
            return True
        for row, (_severity, items) in enumerate(groups):
            self._update_group(row, items)
            self._shown[row] = len(items)
        return False

    def canFetchMore(self, parent: Index) -> bool:
        if not parent.isValid() or parent.internalPointer() is not _ROOT:
            return False
        return self._shown[parent.row()] < len(self._groups[parent.row()][1])

    def fetchMore(self, parent: Index) -> None:
        """Show the next rows of a long group (views ask as the user scrolls down)."""
        if not self.canFetchMore(parent):
            return
        row = parent.row()
        first = self._shown[row]
        last = min(len(self._groups[row][1]), first + FETCH_ROWS) - 1
        self.beginInsertRows(parent, first, last)
        self._shown[row] = last + 1
        self.endInsertRows()

    def _update_group(self, row: int, rows: list[FindingRow]) -> None:
        old, old_keys = self._groups[row][1], self._group_keys[row]
        new, new_keys = rows, [r.key for r in rows]
        matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
        parent = self.index(row, 0)
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if tag == "equal":
                old[i1:i2] = new[j1:j2]  # equal keys: keep the newer objects
                continue
            if i2 > i1:
                self.beginRemoveRows(parent, i1, i2 - 1)
                del old[i1:i2]
                del old_keys[i1:i2]
                self.endRemoveRows()
            if j2 > j1:
                self.beginInsertRows(parent, i1, i1 + j2 - j1 - 1)
                old[i1:i1] = new[j1:j2]
                old_keys[i1:i1] = new_keys[j1:j2]
                self.endInsertRows()
        self.dataChanged.emit(parent, parent)  # the count in the group's title

    def findings(self) -> list[Finding]:
        return [r.finding for _s, items in self._groups for r in items]

    def count(self, severity: Severity) -> int:
        return sum(len(items) for s, items in self._groups if s == severity)

    def index_of(self, finding: Finding) -> QModelIndex:
        for row, (_severity, items) in enumerate(self._groups):
            for n, item in enumerate(items[:self._shown[row]]):
                if item.finding == finding:
                    return self.index(n, 0, self.index(row, 0))
        return QModelIndex()

    # ------------------------------------------------------------- structure
    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._groups):
                return QModelIndex()
            return self.createIndex(row, 0, _ROOT)
        if parent.internalPointer() is not _ROOT or parent.row() >= len(self._groups):
            return QModelIndex()
        severity, _items = self._groups[parent.row()]
        shown = self._shown[parent.row()]
        return self.createIndex(row, 0, _GROUPS[severity]) if row < shown else QModelIndex()

    # QObject.parent() and the index form share one name in Qt; a model answers the latter.
    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        group = index.internalPointer()
        if group is _ROOT:
            return QModelIndex()
        row = next(r for r, (s, _i) in enumerate(self._groups) if s == group.severity)
        return self.createIndex(row, 0, _ROOT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalPointer() is _ROOT and parent.column() == 0:
            return self._shown[parent.row()]
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = index.internalPointer()
        if group is _ROOT:
            severity, items = self._groups[index.row()]
            return self._group_data(severity, len(items), role)
        items = next(i for s, i in self._groups if s == group.severity)
        finding, label, _key = items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return label
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{label}\n\n{explanation(finding)}"  # the whole line, however narrow the dock
        if role == FINDING_ROLE:
            return finding
        if role == Qt.ItemDataRole.DecorationRole:
            return QApplication.style().standardIcon(_ICONS[finding.severity])
        return None

    @staticmethod
    def _group_data(severity: Severity, count: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{GROUP_TITLES[severity]} ({count})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole:
            return QApplication.style().standardIcon(_ICONS[severity])
        return None
