"""The source reader: a source's text with paragraph numbers and highlighted excerpts.

Selecting text and choosing *New Claim from Selection* emits
:attr:`SourceReader.new_claim_requested` with the source id and Python character
offsets; the main window turns that into an undoable command.  Hovering a
highlight lists the claims citing it; clicking one emits ``claim_activated``.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from briefing.core import ops
from briefing.core.document import Document
from briefing.gui.models import mime
from briefing.gui.panes.offsets import OffsetMap
from briefing.gui.panes.speakers import fill_menu, suggested_labels
from briefing.gui.style import HIGHLIGHT_ACTIVE_COLOUR, HIGHLIGHT_COLOUR, reliability_label
from briefing.gui.window.dragging import run_drag

Excerpt = tuple[int, int, str]  # start, end (py offsets), claim id
READING_WIDTH = 100
"""Longest line in the Reader, in average characters (a screen-wide line is hard to read)."""


class _Gutter(QWidget):
    """Paints paragraph numbers beside the first line of each paragraph."""

    def __init__(self, view: ReaderText) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self) -> QSize:
        return QSize(self._view.gutter_width(), 0)

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().alternateBase())
        painter.setPen(QColor("#8a8f98"))
        view = self._view
        block = view.firstVisibleBlock()
        top = round(view.blockBoundingGeometry(block).translated(view.contentOffset()).top())
        while block.isValid() and top <= event.rect().bottom():
            height = round(view.blockBoundingRect(block).height())
            number = view.paragraph_numbers.get(block.blockNumber())
            if number is not None and block.isVisible():
                painter.drawText(QRect(0, top, self.width() - 6, view.fontMetrics().height()),
                                 Qt.AlignmentFlag.AlignRight, str(number))
            block = block.next()
            top += height


class ReaderText(QPlainTextEdit):
    """Read-only text with a paragraph-number gutter and excerpt highlights."""

    hovered = Signal(QPoint, int)
    clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setMouseTracking(True)
        self._drag_from: QPoint | None = None
        self.source_id: str | None = None
        self.offsets = OffsetMap("")
        """Set by the reader: the source shown and its offset map (for dragged passages)."""
        self.paragraph_numbers: dict[int, int] = {}
        self._gutter = _Gutter(self)
        self.blockCountChanged.connect(lambda _n: self._update_margins())
        self.updateRequest.connect(self._update_gutter)
        self._update_margins()

    def gutter_width(self) -> int:
        digits = len(str(max(self.paragraph_numbers.values(), default=1)))
        return 14 + self.fontMetrics().horizontalAdvance("9") * max(2, digits)

    def set_paragraph_numbers(self, numbers: dict[int, int]) -> None:
        self.paragraph_numbers = numbers
        self._update_margins()
        self._gutter.update()

    def _update_margins(self) -> None:
        """The gutter on the left; on a wide screen lines wrap at a readable length (about
        READING_WIDTH characters) instead of the window's width."""
        cap = self.fontMetrics().horizontalAdvance("n") * READING_WIDTH
        room = self.contentsRect().width() - self.gutter_width()
        self.setViewportMargins(self.gutter_width(), 0, max(0, room - cap), 0)
        area = self.contentsRect()
        self._gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(),
                                       area.height()))

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event: Any) -> None:
        self._update_margins()  # first: the text is laid out for the viewport's new width
        super().resizeEvent(event)
        self._update_margins()

    def createMimeDataFromSelection(self) -> QMimeData:
        """The selected text, plus the passage's source and offsets for the outline (a
        passage dropped on a section becomes a cited card there)."""
        data = super().createMimeDataFromSelection()
        cursor = self.textCursor()
        if self.source_id is not None and cursor.hasSelection():
            source_id = self.source_id
            start = self.offsets.to_py(cursor.selectionStart())
            end = self.offsets.to_py(cursor.selectionEnd())
            data.setData(mime.PASSAGE_MIME, json.dumps(
                {"source": source_id, "start": start, "end": end}).encode("utf-8"))
        return data

    def mousePressEvent(self, event: Any) -> None:
        """A press inside the selection may start dragging the passage (else: select)."""
        point = event.position().toPoint()
        cursor = self.textCursor()
        inside = cursor.hasSelection() and (
            cursor.selectionStart() <= self.cursorForPosition(point).position()
            < cursor.selectionEnd())
        if event.button() == Qt.MouseButton.LeftButton and inside:
            self._drag_from = point
            event.accept()
            return
        self._drag_from = None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: Any) -> None:
        if self._drag_from is not None and event.buttons() & Qt.MouseButton.LeftButton:
            moved = (event.position().toPoint() - self._drag_from).manhattanLength()
            if moved >= QApplication.startDragDistance():
                self._drag_from = None
                data = self.createMimeDataFromSelection()
                run_drag(self, data, Qt.DropAction.CopyAction, Qt.DropAction.CopyAction,
                         data.text())
            return
        super().mouseMoveEvent(event)
        if not event.buttons():
            position = self.cursorForPosition(event.position().toPoint()).position()
            self.hovered.emit(event.globalPosition().toPoint(), position)

    def mouseReleaseEvent(self, event: Any) -> None:
        if self._drag_from is not None:  # a click inside the selection: place the cursor
            self._drag_from = None
            self.setTextCursor(self.cursorForPosition(event.position().toPoint()))
        super().mouseReleaseEvent(event)
        if not self.textCursor().hasSelection():
            self.clicked.emit(self.cursorForPosition(event.position().toPoint()).position())


class SourceReader(QWidget):
    """Shows one source; turns selections into claim requests."""

    new_claim_requested = Signal(str, int, int)
    cite_requested = Signal(str, str, int, int)
    """Cite Selection: (claim id, source id, start, end)."""
    attributed_claim_requested = Signal(str, int, int, str)
    """A claim citing (source, start, end) attributed to the speaker picked from the menu."""
    claim_activated = Signal(str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._source_id: str | None = None
        self._map = OffsetMap("")
        self._excerpts: list[Excerpt] = []
        self._active_claim: str | None = None
        self._shown_text = ""
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setContentsMargins(6, 4, 6, 4)
        self.text = ReaderText(self)
        self.new_claim_action = QAction("New Claim from Selection", self)
        self.new_claim_action.setShortcut(QKeySequence("Ctrl+E"))
        self.new_claim_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_claim_action.setStatusTip("Make a claim card citing the selected passage")
        self.new_claim_action.setEnabled(False)
        self.new_claim_action.triggered.connect(self._request_claim)
        self.addAction(self.new_claim_action)
        self.cite_action = QAction("Cite Selection in Current Card", self)
        self.cite_action.setObjectName("action_cite_selection")
        self.cite_action.setShortcut(QKeySequence("Ctrl+K"))
        self.cite_action.setStatusTip("Add the selected passage as another citation of the "
                                      "card selected on the board or in the outline")
        self.cite_action.setEnabled(False)
        self.cite_action.triggered.connect(self._request_cite)
        self.addAction(self.cite_action)
        self.text.setAccessibleName("Source text")
        self.header.setAccessibleName("Source details")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.text)
        self.text.selectionChanged.connect(self._selection_changed)
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._context_menu)
        self.text.hovered.connect(self._hover)
        self.text.clicked.connect(self._click)
        doc.events.subscribe(self._on_op)
        self.set_source(None)

    # ------------------------------------------------------------------ API
    @property
    def source_id(self) -> str | None:
        return self._source_id

    def set_source(self, source_id: str | None) -> None:
        if source_id is not None and not self._doc.has_source(source_id):
            source_id = None
        self._source_id = self.text.source_id = source_id
        if source_id is None:
            self.header.setText("No source open. Double-click a source in the Sources panel.")
            self.text.set_paragraph_numbers({})
            self._shown_text = ""
            self.text.setPlainText("")
            self._map = self.text.offsets = OffsetMap("")
            self._excerpts = []
            return
        source = self._doc.source(source_id)
        self._show_header()
        self._map = self.text.offsets = OffsetMap(source.text)
        self._shown_text = source.text
        self.text.setPlainText(source.text)
        self._number_paragraphs(source.text)
        self.refresh_highlights()

    def select_range(self, start: int, end: int) -> None:
        """Select text[start:end] (Python offsets) and scroll to it."""
        cursor = self.text.textCursor()
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()

    def selection_range(self) -> tuple[int, int] | None:
        cursor = self.text.textCursor()
        if not cursor.hasSelection() or self._source_id is None:
            return None
        return self._map.to_py(cursor.selectionStart()), self._map.to_py(cursor.selectionEnd())

    def selection_passage(self) -> tuple[str, int, int] | None:
        span = self.selection_range()
        if span is None or self._source_id is None or span[1] <= span[0]:
            return None
        return self._source_id, span[0], span[1]

    def set_active_claim(self, claim_id: str | None) -> None:
        self._active_claim = claim_id
        self._selection_changed()
        self.refresh_highlights()

    # ------------------------------------------------------------ rendering
    def _show_header(self) -> None:
        if self._source_id is None:
            return
        source = self._doc.source(self._source_id)
        bits = [source.kind, source.published, ", ".join(source.authors), source.publisher]
        if source.reliability:
            bits.append(f"reliability {reliability_label(source.reliability)}")
        meta = " · ".join(b for b in bits if b)
        self.header.setText(f"{source.title or source.id}\n{meta}")

    def _number_paragraphs(self, text: str) -> None:
        from briefing.ingest import paragraph_spans  # heavy: load when a source is shown

        numbers: dict[int, int] = {}
        document = self.text.document()
        for n, (start, _end) in enumerate(paragraph_spans(text), 1):
            block = document.findBlock(self._map.to_qt(start))
            numbers.setdefault(block.blockNumber(), n)
        self.text.set_paragraph_numbers(numbers)

    def refresh_highlights(self) -> None:
        self._excerpts = []
        selections = []
        if self._source_id is None:
            self.text.setExtraSelections([])
            return
        length = len(self._doc.source(self._source_id).text)
        for claim in self._doc.citing_claims(self._source_id):
            for citation in claim.citations:
                if (citation.source != self._source_id or citation.start is None
                        or citation.end is None or citation.end > length):
                    continue
                self._excerpts.append((citation.start, citation.end, claim.id))
                selections.append(self._selection(citation.start, citation.end,
                                                  claim.id == self._active_claim))
        self.text.setExtraSelections(selections)

    def _selection(self, start: int, end: int, active: bool) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        char_format = QTextCharFormat()
        char_format.setBackground(QColor(HIGHLIGHT_ACTIVE_COLOUR if active else HIGHLIGHT_COLOUR))
        selection.format = char_format
        return selection

    def claims_at(self, offset: int) -> list[str]:
        """Ids of claims whose excerpt covers the Python *offset*."""
        found = [c for s, e, c in self._excerpts if s <= offset < e]
        return list(dict.fromkeys(found))

    # --------------------------------------------------------------- events
    def _selection_changed(self) -> None:
        selected = self.selection_range() is not None
        self.new_claim_action.setEnabled(selected)
        active = self._active_claim is not None and self._doc.has_claim(self._active_claim)
        self.cite_action.setEnabled(selected and active)

    def _request_cite(self) -> None:
        passage = self.selection_passage()
        if passage is not None and self._active_claim is not None:
            self.cite_requested.emit(self._active_claim, *passage)

    def _request_claim(self) -> None:
        span = self.selection_range()
        if span is not None and span[1] > span[0]:
            self.new_claim_requested.emit(self._source_id, *span)

    def _context_menu(self, point: QPoint) -> None:
        menu = self.text.createStandardContextMenu(point)
        # Qt takes None for "at the end" (insertAction/insertMenu/insertSeparator); PySide6's
        # stubs do not say so.
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.new_claim_action)  # type: ignore[arg-type]
        span = self.selection_range()
        if span is not None and self._source_id is not None:  # the speakers to pick from
            speakers = QMenu("New Claim &Attributed To", menu)
            source_id = self._source_id
            fill_menu(speakers, suggested_labels(self._doc.source(source_id).text, *span),
                      lambda who: self.attributed_claim_requested.emit(source_id, *span, who))
            menu.insertMenu(first, speakers)  # type: ignore[arg-type]
        menu.insertAction(first, self.cite_action)  # type: ignore[arg-type]
        menu.insertSeparator(first)  # type: ignore[arg-type]
        menu.exec(self.text.viewport().mapToGlobal(point))
        menu.deleteLater()

    def _hover(self, global_pos: QPoint, position: int) -> None:
        claim_ids = self.claims_at(self._map.to_py(position))
        if not claim_ids:
            QToolTip.hideText()
            return
        lines = [f"• {self._doc.claim(c).text or '(empty claim)'}" for c in claim_ids
                 if self._doc.has_claim(c)]
        QToolTip.showText(global_pos, "Cited by:\n" + "\n".join(lines), self.text)

    def _click(self, position: int) -> None:
        claim_ids = self.claims_at(self._map.to_py(position))
        if claim_ids:
            self.claim_activated.emit(claim_ids[0])

    def _on_op(self, op: ops.Op) -> None:
        if self._source_id is None:
            return
        if isinstance(op, ops.RemoveSource) and op.source_id == self._source_id:
            self.set_source(None)
        elif isinstance(op, ops.ReplaceSource) and op.source.id == self._source_id:
            if op.source.text != self._shown_text:
                self.set_source(self._source_id)
            else:
                self._show_header()
        elif isinstance(op, ops.InsertClaim | ops.RemoveClaim | ops.ReplaceClaim):
            self.refresh_highlights()
