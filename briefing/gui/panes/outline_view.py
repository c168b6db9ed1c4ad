"""The Outline tab: a tree of sections and their blocks, arranged by drag and drop or keys.

Drop cards from the board anywhere in a section; drag blocks and sections
to reorder or re-nest them; Alt+arrows (or Tab / Shift+Tab) move, indent
and outdent.  Every change is one undoable step planned by
:mod:`briefing.gui.panes.outline_plan`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFontMetrics, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefing.core import ops
from briefing.core.model import Block, Section
from briefing.gui.document.session import Session
from briefing.gui.models.claims import CLAIM_ID_ROLE
from briefing.gui.models.outline import BLOCK_INDEX_ROLE, OutlineModel
from briefing.gui.panes import outline_plan as plan
from briefing.gui.window.dragging import run_drag

WRAP_LIMIT = 1500
"""Above this many blocks rows show one line each, so edits stay instant."""
MAX_LINES = 3
"""The most lines of a block's text an outline row shows."""
EMPTY_HINT = ("This briefing has no sections yet. Use Insert ▸ Section, or start from a "
              "template with File ▸ New.")


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the view's current width, up to MAX_LINES
    (the style elides the last line shown): the outline is a binder beside the board, and
    a paragraph in full would let a narrow pane show three or four blocks at a time. The
    whole text is in the row's tooltip and in the Inspector."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self._view.viewport().width() - self._view.indentation() * (depth + 1) - 40
        self.initStyleOption(option, index)
        metrics = QFontMetrics(option.font)
        rect = metrics.boundingRect(QRect(0, 0, max(80, width), 100_000),
                                    Qt.TextFlag.TextWordWrap, option.text)
        tallest = metrics.lineSpacing() * MAX_LINES
        return QSize(max(80, width), min(max(rect.height(), metrics.height()), tallest) + 6)


class ProseEditing(WrappingDelegate):
    """Rows as tall as their text; a paragraph is edited in a multi-line, wrapping editor
    (Enter keeps it, Shift+Enter starts a new line, Esc cancels)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        if index.data(BLOCK_INDEX_ROLE) is None:  # a section's title: one line
            return super().createEditor(parent, option, index)
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        editor.setAccessibleName("Paragraph text")
        editor.installEventFilter(self)
        return editor

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: QModelIndex | QPersistentModelIndex) -> None:
        rect = QRect(option.rect)
        if isinstance(editor, QPlainTextEdit):
            rect.setHeight(max(rect.height(), editor.fontMetrics().lineSpacing() * 5 + 12))
        editor.setGeometry(rect)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (isinstance(editor, QPlainTextEdit) and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            return True
        return super().eventFilter(editor, event)


class OutlineTree(QTreeView):
    """A tree view where Tab and Shift+Tab indent and outdent instead of moving focus."""

    indent_requested = Signal()
    outdent_requested = Signal()
    move_requested = Signal(int)
    """Alt+Up (-1) or Alt+Down (+1)."""

    def startDrag(self, supportedActions: Qt.DropAction) -> None:  # noqa: N802, N803
        rows = [i for i in self.selectionModel().selectedRows()
                if i.flags() & Qt.ItemFlag.ItemIsDragEnabled]
        if not rows:
            return
        data = self.model().mimeData(rows)
        label = str(rows[0].data() or "") if len(rows) == 1 else f"{len(rows)} items"
        run_drag(self, data, Qt.DropAction.MoveAction, Qt.DropAction.MoveAction, label)

    def resizeEvent(self, event: QResizeEvent) -> None:
        old = event.oldSize().width()
        super().resizeEvent(event)
        if old != event.size().width():
            self.doItemsLayout()  # re-wrap rows to the new width

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() == Qt.KeyboardModifier.AltModifier and \
                self.state() != QAbstractItemView.State.EditingState:
            handler = {Qt.Key.Key_Up: lambda: self.move_requested.emit(-1),
                       Qt.Key.Key_Down: lambda: self.move_requested.emit(+1),
                       Qt.Key.Key_Left: self.outdent_requested.emit,
                       Qt.Key.Key_Right: self.indent_requested.emit}.get(Qt.Key(event.key()))
            if handler is not None:
                handler()
                event.accept()
                return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and self.state() != QAbstractItemView.State.EditingState
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier):
            backwards = (event.key() == Qt.Key.Key_Backtab
                         or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            (self.outdent_requested if backwards else self.indent_requested).emit()
            return True
        return super().event(event)


class AfterFirstPaint(QObject):
    """Calls *callback* once, from the event loop just after *widget* is first painted."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._callback)
        return False


class OutlinePanel(QWidget):
    """The outline editor; reports the claim under the cursor."""

    current_claim_changed = Signal(str)
    """The claim id of the current block, or "" when a section or prose is current."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = OutlineModel(session.doc, session.push, self)
        self.view = OutlineTree(self)
        self.view.setObjectName("outline")
        self.view.setAccessibleName("Outline")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(True)
        self.view.setItemDelegate(ProseEditing(self.view))
        self.view.setAnimated(False)
        self.view.setIndentation(22)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self._expanded = False  # expanded after the first paint once shown
        self._after_paint: AfterFirstPaint | None = None
        self.view.indent_requested.connect(self.indent)
        self.view.outdent_requested.connect(self.outdent)
        self.view.move_requested.connect(self.move_item)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.model.rowsInserted.connect(self._expand_inserted)
        self.model.modelReset.connect(self._expand_all)
        self.model.rowsInserted.connect(self._update_hint)
        self.model.rowsRemoved.connect(self._update_hint)
        self.model.modelReset.connect(self._update_hint)
        self._wrapping = True
        self._fit_row_mode()
        self.model.rowsInserted.connect(self._fit_row_mode)
        self.model.modelReset.connect(self._fit_row_mode)
        self.hint = QLabel(EMPTY_HINT, self)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setEnabled(False)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        self._update_hint()

    def _expand_all(self) -> None:
        self._expanded = True
        self.view.expandAll()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._expanded and self._after_paint is None:
            # laid out just after the window's first paint, so a briefing of thousands of
            # blocks paints at once (`make bench`: editor cold start, large document)
            self._after_paint = AfterFirstPaint(self.view.viewport(), self.ensure_rows)

    def ensure_rows(self) -> None:
        """Lay out (expand) every row now if the first show left that for later."""
        if not self._expanded:
            self._expand_all()

    def _build_actions(self) -> None:
        self.actions_: dict[str, QAction] = {}
        table = (
            ("section", "Section", None, "Add a top-level section", lambda: self.insert_section()),
            ("subsection", "Subsection", None, "Add a section inside the current one",
             lambda: self.insert_section(sub=True)),
            ("prose", "Paragraph", None, "Add a paragraph of your own prose", self.insert_prose),
            (None, "", None, "", None),
            ("up", "Move Up", "Alt+Up", "Move the item up", lambda: self.move_item(-1)),
            ("down", "Move Down", "Alt+Down", "Move the item down", lambda: self.move_item(+1)),
            ("outdent", "Outdent", "Alt+Left", "Make the section a sibling of its parent",
             self.outdent),
            ("indent", "Indent", "Alt+Right", "Make the section a subsection of the one above",
             self.indent),
            (None, "", None, "", None),
            ("remove", "Remove", None, "Take the item out of the outline (claims return to "
             "the board)", self.remove_selected),
        )
        for name, text, shortcut, tip, slot in table:
            if name is None:
                self.toolbar.addSeparator()
                continue
            action = QAction(text, self)
            action.setObjectName(f"outline_{name}")
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            action.triggered.connect(slot)
            self.toolbar.addAction(action)
            self.actions_[name] = action

    # ------------------------------------------------------------ selection
    def current(self) -> tuple[str, int | None] | None:
        return self.model.item(self.view.currentIndex())

    def selected_items(self) -> list[tuple[str, int | None]]:
        rows = self.view.selectionModel().selectedRows()
        found = [self.model.item(i) for i in rows]
        return [f for f in found if f is not None]

    def _select(self, index: QModelIndex) -> bool:
        if not index.isValid():
            return False
        self.view.scrollTo(index)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Current
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.view.selectionModel().setCurrentIndex(index, flags)
        return True

    def select_claim(self, claim_id: str) -> bool:
        return self._select(self.model.claim_index(claim_id))

    def select_section(self, section_id: str) -> bool:
        return self._select(self.model.section_index(section_id))

    def select_block(self, section_id: str, block: int) -> bool:
        return self._select(self.model.block_index(section_id, block))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        claim_id = current.data(CLAIM_ID_ROLE) if current.isValid() else None
        self.current_claim_changed.emit(claim_id or "")

    def _expand_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            self.view.expand(parent)
        for row in range(first, last + 1):
            self.view.expandRecursively(self.model.index(row, 0, parent))

    def _fit_row_mode(self, *_args: object) -> None:
        """Wrapped rows for a normal outline; one line each past WRAP_LIMIT blocks (speed)."""
        wrap = sum(len(s.blocks) for s in self.session.doc.all_sections()) <= WRAP_LIMIT
        if wrap == self._wrapping:
            return
        self._wrapping = wrap
        self.view.setUniformRowHeights(not wrap)
        self.view.setWordWrap(wrap)
        self.view.setItemDelegate(ProseEditing(self.view) if wrap
                                  else QStyledItemDelegate(self.view))

    def _update_hint(self, *_args: object) -> None:
        self.hint.setVisible(self.model.rowCount() == 0)

    # -------------------------------------------------------------- editing
    def _run(self, step: plan.Plan | None) -> bool:
        return step is not None and self.session.push(step.op, step.label)

    def insert_section(self, sub: bool = False) -> str | None:
        """Add a section (after the current top-level one) or a subsection; start renaming it."""
        doc = self.session.doc
        current = self.current()
        section = Section(id=doc.new_id("k"), title="New section")
        if sub:
            if current is None:
                return None
            parent: str | None = current[0]
            index = None
        else:
            parent = None
            index = None
            if current is not None:
                top = current[0]
                while (up := doc.parent_of(top)) is not None:
                    top = up
                index = doc.section_index(top) + 1
        label = "Add Subsection" if sub else "Add Section"
        if not self.session.push(ops.InsertSection(section, parent, index), label):
            return None
        index_ = self.model.section_index(section.id)
        self._select(index_)
        self.view.edit(index_)
        return section.id

    def insert_prose(self) -> tuple[str, int] | None:
        """Add an empty paragraph after the current block (or at the end of the section)."""
        current = self.current()
        if current is None:
            return None
        section_id, block = current
        index = len(self.session.doc.section(section_id).blocks) if block is None else block + 1
        if not self.session.push(ops.InsertBlock(section_id, index, Block.prose("")),
                                 "Add Paragraph"):
            return None
        target = self.model.block_index(section_id, index)
        self._select(target)
        self.view.edit(target)
        return section_id, index

    def remove_selected(self) -> bool:
        """Take the selected blocks out (claims return to the board) or delete sections."""
        current = self.current()
        items = self.selected_items() or ([current] if current else [])
        blocks = [(s, b) for s, b in items if b is not None]
        if blocks:
            return self._run(plan.remove_blocks(self.session.doc, blocks))
        sections = [s for s, _b in items]
        if not sections:
            return False
        steps = tuple(ops.RemoveSection(s) for s in sections)
        label = "Delete Section" if len(steps) == 1 else f"Delete {len(steps)} Sections"
        return self.session.push(steps[0] if len(steps) == 1 else ops.Batch(steps, label), label)

    def move_item(self, delta: int) -> bool:
        current = self.current()
        if current is None:
            return False
        section_id, block = current
        doc = self.session.doc
        if block is None:
            return self._run(plan.shift_section(doc, section_id, delta))
        return self._run(plan.shift_block(doc, section_id, block, delta))

    def indent(self) -> bool:
        current = self.current()
        if current is None or current[1] is not None:
            return False
        return self._run(plan.indent_section(self.session.doc, current[0]))

    def outdent(self) -> bool:
        current = self.current()
        if current is None or current[1] is not None:
            return False
        return self._run(plan.outdent_section(self.session.doc, current[0]))
