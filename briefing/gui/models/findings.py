"""The checks' findings as a two-level tree: severity groups, then findings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle

from briefing.checks import RULES, Finding, Severity

Index = QModelIndex | QPersistentModelIndex

FINDING_ROLE = Qt.ItemDataRole.UserRole + 30
"""The Finding of a finding row (None for a group row)."""

GROUP_TITLES = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings",
                Severity.INFO: "Notes"}
_ICONS = {Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
          Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
          Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation}


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


class FindingsModel(QAbstractItemModel):
    """Findings grouped by severity (errors, warnings, notes); empty groups are hidden."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[Severity, list[Finding]]] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self._groups = [(s, [f for f in findings if f.severity == s]) for s in Severity]
        self._groups = [(s, items) for s, items in self._groups if items]
        self.endResetModel()

    def findings(self) -> list[Finding]:
        return [f for _s, items in self._groups for f in items]

    def count(self, severity: Severity) -> int:
        return sum(len(items) for s, items in self._groups if s == severity)

    def index_of(self, finding: Finding) -> QModelIndex:
        for row, (_severity, items) in enumerate(self._groups):
            for n, item in enumerate(items):
                if item == finding:
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
        severity, items = self._groups[parent.row()]
        return self.createIndex(row, 0, _GROUPS[severity]) if row < len(items) else QModelIndex()

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
            return len(self._groups[parent.row()][1])
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
        finding = items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return finding.message
        if role == Qt.ItemDataRole.ToolTipRole:
            return explanation(finding)
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
