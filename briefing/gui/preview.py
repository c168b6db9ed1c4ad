"""The Preview tab: the HTML export of the briefing, rendered offline, kept current.

An edit restarts a short timer; when it fires, a copy of the document is
rendered to HTML on a worker thread (:func:`briefing.export.build_ir` and the
HTML writer behind ``preview_html``).  Each render carries a generation
number and only the latest one is shown, so a slow render never overwrites a
newer one.  The browser loads nothing from outside the page: remote
resources are refused.  Clicking a note number selects the claim it cites.
"""

from __future__ import annotations

import contextlib

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QResizeEvent, QShowEvent, QTextDocument
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from briefing.core import ops
from briefing.core.document import Document
from briefing.core.errors import BriefingError
from briefing.export import ExportOptions, build_ir
from briefing.gui.snapshot import frozen_copy

REFRESH_DELAY_MS = 250
_PAGE_ERROR = "<html><body><h2>Cannot preview</h2><p>{}</p></body></html>"


class PreviewBrowser(QTextBrowser):
    """A QTextBrowser that never fetches anything: only data: URLs load."""

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


def _for_qt(html: str) -> str:
    """Qt's rich text ignores <header>/<footer>: show the banner as a centred paragraph."""
    for tag in ("header", "footer"):
        html = html.replace(f'<{tag} class="banner">', '<p class="banner" align="center"><b>')
        html = html.replace(f"</{tag}>", "</b></p>")
    return html


class OfflinePage(QTextDocument):
    """The page built on the worker thread; like the browser, it loads only data: URLs."""

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        url = QUrl(url)
        return super().loadResource(kind, url) if url.scheme() == "data" else None


class _Signals(QObject):
    rendered = Signal(int, object, object)
    """generation, the page (a QTextDocument, or HTML text), {note number: claim id}"""


class _RenderJob(QRunnable):
    def __init__(self, generation: int, latest: list[int], doc: Document,
                 options: ExportOptions, signals: _Signals, width: float = 0,
                 font: QFont | None = None) -> None:
        super().__init__()
        self.width = width
        self.font = font or QFont()
        self.generation = generation
        self._latest = latest
        self._doc = doc
        self._options = options
        self._signals = signals

    def run(self) -> None:
        if self.generation != self._latest[0]:
            return  # a newer edit already asked for another render
        from briefing.export.html_writer import render_html

        try:
            ir = build_ir(self._doc, self._options)
            html = _for_qt(render_html(ir))
            notes = {n.number: n.claim_id for n in ir.notes}
        except BriefingError as error:
            from html import escape

            html, notes = _PAGE_ERROR.format(escape(str(error))), {}
        if self.generation != self._latest[0]:
            return
        # parsing HTML into a QTextDocument takes seconds for a long briefing: do it here
        page = OfflinePage()
        page.setHtml(html)
        if self.width > 0:  # lay it out here too, at the width the browser will use
            page.setDefaultFont(self.font)
            page.setTextWidth(self.width)
            page.size()
        page.moveToThread(QCoreApplication.instance().thread())
        with contextlib.suppress(RuntimeError):  # the panel may be gone
            self._signals.rendered.emit(self.generation, page, notes)


class PreviewPanel(QWidget):
    """The rendered briefing; emits the claim whose note number was clicked."""

    claim_activated = Signal(str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._latest = [0]
        self.shown_generation = 0
        self.notes: dict[int, str] = {}
        self._dirty = True
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.rendered.connect(self._show)
        self.browser = PreviewBrowser(self)
        self.browser.setObjectName("preview")
        self.browser.setAccessibleName("Export preview")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
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

    # ------------------------------------------------------------- refresh
    def _on_op(self, _op: ops.Op) -> None:
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh_now()

    def refresh_now(self) -> int:
        """Start rendering the document as it is now; returns the render's generation."""
        self._timer.stop()
        self._dirty = False
        self._latest[0] += 1
        self.status.setText("Updating…")
        viewport = self.browser.viewport().width() if self.browser.isVisible() else 0
        job = _RenderJob(self._latest[0], self._latest, frozen_copy(self._doc), self.options(),
                         self._signals, viewport, self.browser.font())
        self._pool.start(job)
        return self._latest[0]

    def _show(self, generation: int, page: QTextDocument | str, notes: dict) -> None:
        if generation != self._latest[0]:
            if isinstance(page, QTextDocument):
                page.deleteLater()
            return  # stale: a newer render is on its way
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        if isinstance(page, QTextDocument):
            old = self.browser.document()
            ours = old is not page and old.parent() is self.browser
            page.setParent(self.browser)
            page.setDefaultFont(self.browser.font())
            self.browser.setDocument(page)
            if ours and shiboken6.isValid(old):
                old.deleteLater()
        else:
            self.browser.setHtml(page)
        bar.setValue(position)
        self.notes = {int(k): v for k, v in notes.items()}
        self.shown_generation = generation
        self.status.setText("")

    def wait(self) -> None:
        """Finish pending renders (window closing)."""
        self._timer.stop()
        self._pool.waitForDone()
        self._doc.events.unsubscribe(self._on_op)

    # --------------------------------------------------------------- links
    def _link(self, url: QUrl) -> None:
        fragment = url.fragment()
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        if ":" not in fragment:
            return
        kind, _, number = fragment.partition(":")
        claim_id = self.notes.get(int(number)) if number.isdigit() else None
        self.browser.scrollToAnchor(fragment)
        if claim_id:
            self.claim_activated.emit(claim_id)

    def note_anchor(self, number: int) -> QUrl:
        """The link a note number in the text points to (what a click sends)."""
        return QUrl(f"#fn:{number}")

