"""Find (Ctrl+F) across claims, prose paragraphs and sources, with Find Next (F3).

Hits are computed once per query (and again after the document changed);
sources are narrowed with the store's full-text index when the briefing
lives in a file, and scanned directly otherwise.  The bar reports the hit to
show; the window selects it in the right view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from briefing.core import ops
from briefing.core.document import Document
from briefing.core.errors import BriefingError
from briefing.gui.inspector.forms import tool_button

MAX_HITS = 2000


@dataclass(frozen=True)
class Hit:
    """One match: in a claim, a prose block (section id + block) or a source (offsets)."""

    kind: str
    id: str
    block: int | None = None
    start: int = -1
    end: int = -1


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def find_hits(doc: Document, query: str, store: Any = None) -> list[Hit]:
    """Every place *query* occurs (case-insensitive): claims, then prose, then sources."""
    query = query.strip()
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    hits: list[Hit] = []
    for claim in doc.claims:
        texts = [claim.text, claim.notes]
        texts += [part for c in claim.citations for part in (c.quote, c.attribution)]
        if any(pattern.search(t) for t in texts):
            hits.append(Hit("claim", claim.id))
    for section in doc.all_sections():
        hits += [Hit("prose", section.id, i) for i, block in enumerate(section.blocks)
                 if block.claim is None and pattern.search(block.text)]
    for source in _candidate_sources(doc, query, store):
        spans = _spans(pattern, source.text)
        if spans:
            hits += [Hit("source", source.id, None, s, e) for s, e in spans]
        elif pattern.search(" ".join((source.title, source.key, *source.authors))):
            hits.append(Hit("source", source.id))
        if len(hits) >= MAX_HITS:
            break
    return hits[:MAX_HITS]


def _candidate_sources(doc: Document, query: str, store: Any) -> list:
    """Sources that may contain *query*: the store's index narrows a big library."""
    if store is not None:
        try:
            found = {h.id for h in store.search(query, limit=500) if h.kind == "source"}
        except BriefingError:
            found = None
        if found is not None:
            needle = query.casefold()
            return [s for s in doc.sources if s.id in found or needle in s.title.casefold()]
    return doc.sources


class FindBar(QWidget):
    """A slim bar under the tabs: query, Previous / Next, "3 of 12"."""

    hit_chosen = Signal(object)
    closed = Signal()
    """Esc or the close button: the window gives the focus back to the view."""

    def __init__(self, doc: Document, store: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self.store = store
        self.hits: list[Hit] = []
        self.position = -1
        self._stale = True
        self.query = QLineEdit(self)
        self.query.setPlaceholderText("Find in claims, paragraphs and sources")
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName("Find")
        self.query.returnPressed.connect(self.find_next)
        self.query.textChanged.connect(self._query_changed)
        self.previous_button = tool_button(self, "◀", "Find Previous (Shift+F3)", flat=True)
        self.next_button = tool_button(self, "▶", "Find Next (F3)", flat=True)
        close = tool_button(self, "✕", "Close (Esc)", flat=True)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        close.clicked.connect(self.close_bar)
        self.count = QLabel(self)
        self.count.setMinimumWidth(90)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.query, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count)
        layout.addWidget(close)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.search)
        doc.events.subscribe(self._on_op)

    def open(self) -> None:
        self.show()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def _on_op(self, _op: ops.Op) -> None:
        self._stale = True

    def _query_changed(self, _text: str) -> None:
        self._stale = True
        self._debounce.start()

    def search(self) -> list[Hit]:
        """Recompute the hits for the current query (the next Find Next starts over)."""
        self._debounce.stop()
        self.hits = find_hits(self._doc, self.query.text(), self.store)
        self.position = -1
        self._stale = False
        self._show_count()
        return self.hits

    def find_next(self) -> Hit | None:
        return self._step(+1)

    def find_previous(self) -> Hit | None:
        return self._step(-1)

    def _step(self, delta: int) -> Hit | None:
        if self._stale:
            previous = self.hits[self.position] if 0 <= self.position < len(self.hits) else None
            self.search()
            if previous in self.hits:
                self.position = self.hits.index(previous)
        if not self.hits:
            self._show_count()
            return None
        self.position = (self.position + delta) % len(self.hits)
        self._show_count()
        hit = self.hits[self.position]
        self.hit_chosen.emit(hit)
        return hit

    def _show_count(self) -> None:
        if not self.query.text().strip():
            self.count.setText("")
        elif not self.hits:
            self.count.setText("Not found")
        elif self.position < 0:
            self.count.setText(f"{len(self.hits)} found")
        else:
            self.count.setText(f"{self.position + 1} of {len(self.hits)}")

    def detach(self) -> None:
        self._doc.events.unsubscribe(self._on_op)
