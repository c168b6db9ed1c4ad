"""The claim board: every card in a flowing grid, with filters above it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from briefing.core import ops
from briefing.core.document import Document
from briefing.core.vocab import ClaimKind, ClaimStatus
from briefing.gui.inspector.forms import guard_combo
from briefing.gui.models.claims import CLAIM_ID_ROLE, ClaimFilter, ClaimFilterProxy, ClaimsModel
from briefing.gui.panes.card_delegate import CARD_SIZE, CardDelegate
from briefing.gui.window.dragging import run_drag

_SOURCE_OPS = (ops.InsertSource, ops.RemoveSource, ops.ReplaceSource)


class CardView(QListView):
    """The cards; dragging selected cards carries their ids (and text) to the outline."""

    def startDrag(self, supportedActions: Qt.DropAction) -> None:  # noqa: N802, N803
        rows = [i for i in self.selectedIndexes() if i.flags() & Qt.ItemFlag.ItemIsDragEnabled]
        if not rows:
            return
        rows.sort(key=QModelIndex.row)
        data = self.model().mimeData(rows)
        label = data.text() if len(rows) == 1 else f"{len(rows)} cards"
        run_drag(self, data, Qt.DropAction.CopyAction, Qt.DropAction.CopyAction, label)


class ClaimBoard(QWidget):
    """Cards with filters; emits the current claim and the selection."""

    current_claim_changed = Signal(str)
    """The claim id under the cursor, or "" for none."""
    selection_changed = Signal(list)
    """Ids of all selected claims."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self.model = ClaimsModel(doc, self)
        self.proxy = ClaimFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_filters()
        self.view = CardView(self)
        self.view.setObjectName("claimBoard")
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(400)
        self.view.setGridSize(CARD_SIZE + QSize(2, 2))
        self.view.setSpacing(0)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setItemDelegate(CardDelegate(self.view))
        self.view.setModel(self.proxy)
        self.view.setAccessibleName("Claim cards")
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(self._filter_row)
        layout.addWidget(self.view)
        doc.events.subscribe(self._on_op)
        self._update_count()

    # ------------------------------------------------------------- filters
    def _build_filters(self) -> None:
        self.filter_text = QLineEdit(self)
        self.filter_text.setPlaceholderText("Filter cards…")
        self.filter_text.setClearButtonEnabled(True)
        self.filter_text.setMinimumWidth(120)
        self.filter_text.setAccessibleName("Filter cards by text")
        self.filter_kind = _choice_box(self, "All kinds", [(k.capitalize(), k) for k in ClaimKind])
        self.filter_status = _choice_box(self, "Any status",
                                         [(s.capitalize(), s) for s in ClaimStatus])
        self.filter_tag = QLineEdit(self)
        self.filter_tag.setPlaceholderText("Tag")
        self.filter_tag.setClearButtonEnabled(True)
        self.filter_tag.setMaximumWidth(90)
        self.filter_tag.setAccessibleName("Filter cards by tag")
        self.filter_source = guard_combo(QComboBox(self))
        self.filter_source.setMinimumContentsLength(8)
        self.filter_source.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._fill_sources()
        self.filter_kind.setAccessibleName("Filter cards by kind")
        self.filter_status.setAccessibleName("Filter cards by status")
        self.filter_source.setAccessibleName("Filter cards by source")
        self.filter_unplaced = QCheckBox("Unplaced only", self)
        self.count_label = QLabel(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.apply_filter)
        self.filter_text.textChanged.connect(self._debounce.start)
        self.filter_tag.textChanged.connect(self._debounce.start)
        for box in (self.filter_kind, self.filter_status, self.filter_source):
            box.currentIndexChanged.connect(self.apply_filter)
        self.filter_unplaced.toggled.connect(self.apply_filter)
        row = QHBoxLayout()
        row.addWidget(self.filter_text, 3)
        for widget in (self.filter_kind, self.filter_status, self.filter_tag,
                       self.filter_source, self.filter_unplaced):
            row.addWidget(widget)
        row.addWidget(self.count_label)
        self._filter_row = row

    def current_filter(self) -> ClaimFilter:
        return ClaimFilter(
            text=self.filter_text.text().strip(),
            kind=self.filter_kind.currentData() or "",
            status=self.filter_status.currentData() or "",
            tag=self.filter_tag.text().strip(),
            source=self.filter_source.currentData() or "",
            unplaced_only=self.filter_unplaced.isChecked(),
        )

    def apply_filter(self) -> None:
        """Apply the filter widgets now (typing applies them after a short pause)."""
        self._debounce.stop()
        self.proxy.set_filter(self.current_filter())
        self._update_count()

    def clear_filter(self) -> None:
        for edit in (self.filter_text, self.filter_tag):
            edit.clear()
        for box in (self.filter_kind, self.filter_status, self.filter_source):
            box.setCurrentIndex(0)
        self.filter_unplaced.setChecked(False)
        self.apply_filter()

    def focus_filter(self) -> None:
        self.filter_text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_text.selectAll()

    def _fill_sources(self) -> None:
        current = self.filter_source.currentData()
        self.filter_source.blockSignals(True)
        self.filter_source.clear()
        self.filter_source.addItem("Any source", "")
        for source in self._doc.sources:
            label = source.title or source.key or source.id
            self.filter_source.addItem(label if len(label) < 40 else label[:39] + "…", source.id)
        found = self.filter_source.findData(current) if current else 0
        self.filter_source.setCurrentIndex(max(0, found))
        self.filter_source.blockSignals(False)

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(f"{total} cards" if shown == total else f"{shown} of {total}")

    # ----------------------------------------------------------- selection
    def selected_claim_ids(self) -> list[str]:
        rows = sorted(self.view.selectionModel().selectedIndexes(), key=QModelIndex.row)
        return [index.data(CLAIM_ID_ROLE) for index in rows]

    def current_claim_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(CLAIM_ID_ROLE) if index.isValid() else None

    def select_claim(self, claim_id: str) -> bool:
        """Make *claim_id* the current, only selected card; False when filtered out."""
        row = self.model.row_of(claim_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row))
        if not index.isValid():
            return False
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Current)
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_claim_changed.emit(current.data(CLAIM_ID_ROLE) if current.isValid() else "")

    def _selection_changed(self, *_args: object) -> None:
        self.selection_changed.emit(self.selected_claim_ids())

    def _on_op(self, op: ops.Op) -> None:
        if isinstance(op, _SOURCE_OPS):
            self._fill_sources()
        self._update_count()


def _choice_box(parent: QWidget, everything: str, items: list[tuple[str, str]]) -> QComboBox:
    box = guard_combo(QComboBox(parent))
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(6)
    box.addItem(everything, "")
    for label, value in items:
        box.addItem(label, value)
    return box
