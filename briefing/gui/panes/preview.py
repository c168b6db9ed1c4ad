"""The Preview tab: the HTML export of the briefing, rendered offline, kept current.

An edit restarts a short timer; when it fires, a copy of the document is
rendered on a worker thread (:func:`briefing.export.build_ir` and the HTML
writer's :func:`render_preview`).  When only a few parts of the page changed
(typing in one claim), just those parts are replaced in the page on screen;
otherwise the worker builds a whole new page, part by part
(:mod:`briefing.gui.panes.preview_page`), and the panel swaps it in.  Each render
carries a generation number and only the latest one is shown.  The page
loads nothing from outside; a link to the web opens only when the user
clicks it and confirms, or chooses "Open Link in Browser".  Clicking a note
number, or a claim's text, selects the claim.
"""

from __future__ import annotations

import contextlib
import time
from collections import deque
from html import escape

from PySide6.QtCore import QObject, QPoint, QRunnable, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QDesktopServices,
    QMouseEvent,
    QResizeEvent,
    QShowEvent,
    QTextBlock,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefing.core import ops
from briefing.core.document import Document
from briefing.core.errors import BriefingError
from briefing.export import ExportOptions, build_ir
from briefing.export.html_writer import CSS, claim_from_title
from briefing.gui import dialogs
from briefing.gui.panes.preview_page import OfflinePage, PartedPage

REFRESH_DELAY_MS = 250
STEP_BUDGET_S = 0.012
"""UI-thread time spent changing the page before the event loop gets a turn."""
WEB_SCHEMES = ("http", "https", "mailto")
_PAGE_ERROR = "<h2>Cannot preview</h2><p>{}</p>"


def open_in_browser(parent: QWidget | None, url: QUrl, ask: bool = True) -> bool:
    """Open *url* outside the app, after the user confirms (when *ask*)."""
    if url.scheme() not in WEB_SCHEMES:
        return False
    shown = url.toDisplayString()
    if ask and not dialogs.confirm(parent, "Open Link?",
                                   f"Open {shown} in your web browser?", "Open Link"):
        return False
    return QDesktopServices.openUrl(url)


class PreviewBrowser(QTextBrowser):
    """A QTextBrowser that never fetches anything: only data: URLs load.

    Web links open only on an explicit action (a confirmed click, or the
    context menu); a click on a claim's paragraph reports the claim.
    """

    claim_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._press: QPoint | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep a readable line length: centre a column of about 120 characters."""
        column = self.fontMetrics().averageCharWidth() * 120
        side = max(0, (self.width() - column) // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)
        super().resizeEvent(event)

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        url = QUrl(url)
        if url.scheme() == "data":
            return super().loadResource(kind, url)
        return None

    def claim_at(self, position: int) -> str | None:
        """The claim whose paragraph holds character *position*, if any."""
        return claim_of(self.document().findBlock(position))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        pressed, self._press = self._press, None
        if (pressed is None or (point - pressed).manhattanLength() > 4
                or self.textCursor().hasSelection() or self.anchorAt(point)):
            return
        claim_id = self.claim_at(self.cursorForPosition(point).position())
        if claim_id:
            self.claim_clicked.emit(claim_id)

    def context_menu(self, pos: QPoint) -> QMenu:
        """The standard menu, led by "Open Link in Browser" over a web link."""
        menu = self.createStandardContextMenu(pos)
        url = QUrl(self.anchorAt(pos))
        if url.scheme() in WEB_SCHEMES:
            first = menu.actions()[0] if menu.actions() else None
            action = QAction("Open Link in Browser", menu)
            action.triggered.connect(lambda: open_in_browser(self, url, ask=False))
            # Qt takes None for "at the end"; PySide6's stubs do not say so.
            menu.insertAction(first, action)  # type: ignore[arg-type]
            menu.insertSeparator(first)  # type: ignore[arg-type]
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()


class _Signals(QObject):
    rendered = Signal(int, object, object)
    """generation, the page's parts (HTML), {note number: claim id}"""


class _RenderJob(QRunnable):
    def __init__(self, generation: int, latest: list[int], doc: Document,
                 options: ExportOptions, signals: _Signals) -> None:
        super().__init__()
        self.generation, self._latest = generation, latest
        self._doc, self._options, self._signals = doc, options, signals

    def run(self) -> None:
        if self.generation != self._latest[0]:
            return  # a newer edit already asked for another render
        from briefing.export.html_writer import render_preview

        try:
            ir = build_ir(self._doc, self._options)
            parts = render_preview(ir).parts
            notes = {n.number: n.claim_id for n in ir.notes}
        except BriefingError as error:
            parts, notes = (_PAGE_ERROR.format(escape(str(error))),), {}
        if self.generation != self._latest[0]:
            return
        with contextlib.suppress(RuntimeError):  # the panel may be gone
            self._signals.rendered.emit(self.generation, parts, notes)


class PreviewPanel(QWidget):
    """The rendered briefing; emits the claim whose note number or text was clicked."""

    claim_activated = Signal(str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._latest = [0]
        self.shown_generation = 0
        self.notes: dict[int, str] = {}
        self._dirty = True
        self._pending_generation = 0
        self._steps: deque = deque()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.rendered.connect(self._show)
        self.browser = PreviewBrowser(self)
        self.browser.setObjectName("preview")
        self.browser.setAccessibleName("Export preview")
        self.browser.anchorClicked.connect(self._link)
        self.browser.claim_clicked.connect(self.claim_activated)
        document = OfflinePage(self.browser)
        self.browser.setDocument(document)
        self.page = PartedPage(document, CSS)
        self._stepper = QTimer(self)
        self._stepper.setSingleShot(True)
        self._stepper.setInterval(0)
        self._stepper.timeout.connect(self._run_steps)
        self.show_estimates = QCheckBox("Show confidence and likelihood", self)
        self.summary = QCheckBox("Sourcing summary", self)
        self.status = QLabel(self)
        self.status.setEnabled(False)
        for box in (self.show_estimates, self.summary):
            box.toggled.connect(self.refresh_now)
        row = QHBoxLayout()
        row.addWidget(self.show_estimates)
        row.addWidget(self.summary)
        row.addStretch(1)
        row.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(row)
        layout.addWidget(self.browser, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_now)
        doc.events.subscribe(self._on_op)

    def options(self) -> ExportOptions:
        return ExportOptions(show_estimates=self.show_estimates.isChecked(),
                             sourcing_summary=self.summary.isChecked())

    @property
    def updating(self) -> bool:
        """True while a render the panel asked for has not been shown yet."""
        return self.shown_generation != self._latest[0] or self._dirty

    # ------------------------------------------------------------- refresh
    def _on_op(self, _op: ops.Op) -> None:
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            QTimer.singleShot(0, self, self._refresh_if_dirty)  # paint the tab first

    def _refresh_if_dirty(self) -> None:
        if self._dirty and self.isVisible():
            self.refresh_now()

    def refresh_now(self) -> int:
        """Start rendering the document as it is now; returns the render's generation."""
        self._timer.stop()
        self._dirty = False
        self._latest[0] += 1
        self.status.setText("Updating…")
        job = _RenderJob(self._latest[0], self._latest, self._doc.copy(), self.options(),
                         self._signals)
        self._pool.start(job)
        return self._latest[0]

    def _show(self, generation: int, parts: tuple[str, ...], notes: dict) -> None:
        if generation != self._latest[0]:
            return  # stale: a newer render is on its way
        self._steps = self.page.steps_to(parts)
        self._pending_generation = generation
        self._pending_notes = {int(k): v for k, v in notes.items()}
        self._run_steps()

    def _run_steps(self) -> None:
        """Change the page a few steps at a time, giving the event loop a turn between."""
        began = time.perf_counter()
        while self._steps and time.perf_counter() - began < STEP_BUDGET_S:
            self.page.apply(self._steps.popleft())
        if self._steps:
            self._stepper.start()
            return
        if self._pending_generation:
            self.notes = self._pending_notes
            self.shown_generation, self._pending_generation = self._pending_generation, 0
            if self.shown_generation == self._latest[0]:
                self.status.setText("")

    def wait(self) -> None:
        """Finish pending renders (window closing)."""
        self._timer.stop()
        self._stepper.stop()
        self._steps.clear()
        self._latest[0] += 1  # whatever is still queued is stale now
        self._pool.waitForDone()
        self._doc.events.unsubscribe(self._on_op)

    # --------------------------------------------------------------- links
    def _link(self, url: QUrl) -> None:
        if url.scheme() in WEB_SCHEMES:
            open_in_browser(self, url)
            return
        fragment = url.fragment()
        if ":" not in fragment:
            return
        kind, _, number = fragment.partition(":")
        if not number.isdigit():
            return
        # a note number points at its note (which links back); a note's arrow, at the text
        target = f"#fnref:{number}" if kind == "fn" else f"#fn:{number}"
        block = self.block_linking_to(target)
        if block is not None:
            top = self.browser.document().documentLayout().blockBoundingRect(block).top()
            self.browser.verticalScrollBar().setValue(int(top))
        claim_id = self.notes.get(int(number))
        if claim_id and kind == "fn":
            self.claim_activated.emit(claim_id)

    def block_linking_to(self, href: str) -> QTextBlock | None:
        """The first block of the page holding a link to *href*."""
        needle = f'href="{href}"'
        document = self.browser.document()
        for index, part in enumerate(self.page.parts):
            if needle not in part:
                continue
            first, last = self.page.part_range(index)
            block = document.findBlock(first)
            while block.isValid() and block.position() <= last:
                if href in links_in(block):
                    return block
                block = block.next()
        return None

    def note_anchor(self, number: int) -> QUrl:
        """The link a note number in the text points to (what a click sends)."""
        return QUrl(f"#fn:{number}")

    def claim_position(self, claim_id: str) -> int | None:
        """Where the claim's paragraph starts in the page, if it is shown."""
        block = self.browser.document().begin()
        while block.isValid():
            if claim_of(block) == claim_id:
                return block.position()
            block = block.next()
        return None


def claim_of(block: QTextBlock) -> str | None:
    """The claim a preview paragraph shows (named in its title), if any."""
    fragment = block.begin()
    while not fragment.atEnd():
        claim_id = claim_from_title(fragment.fragment().charFormat().toolTip())
        if claim_id:
            return claim_id
        fragment += 1
    return None


def links_in(block: QTextBlock) -> list[str]:
    hrefs = []
    fragment = block.begin()
    while not fragment.atEnd():
        href = fragment.fragment().charFormat().anchorHref()
        if href:
            hrefs.append(href)
        fragment += 1
    return hrefs
