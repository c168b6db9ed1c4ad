"""The preview's page: a QTextDocument kept in step with the HTML writer's parts.

Why parts: PySide holds the GIL for the whole of a Qt call, and Qt's HTML
import is slow for long pages, so one ``setHtml`` of a 5,000-claim briefing
(anywhere, even on a worker thread) stalls the UI for seconds.  The writer
cuts the page into parts of a few dozen blocks (:func:`render_preview`);
this page turns the parts it shows into the parts wanted with small steps
(remove a run of parts, insert one part), each a few milliseconds, which the
panel runs a few at a time between events.  After an edit only the parts
that changed are replaced, so the scroll position and the layout of the rest
stay as they are.

Layout of the document: an empty, one-pixel "sentinel" block, then each
part.  A part is inserted after the end of the block before it as ``<br>``
plus the part; the line break lands in that earlier block and is removed, so
the part's first block keeps its own format (a heading stays a heading).
Part *i* starts at ``starts[i]``; its blocks run to the separator before
part *i + 1*.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from difflib import SequenceMatcher

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument

LINE_BREAK = "\u2028"

Step = tuple[str, int, object]
"""("remove", index, count) or ("insert", index, html)."""


class OfflinePage(QTextDocument):
    """A page that loads nothing: only ``data:`` URLs (none of which we write) resolve."""

    def loadResource(self, kind: int, url: QUrl | str) -> object:
        url = QUrl(url)
        return super().loadResource(kind, url) if url.scheme() == "data" else None


class PartedPage:
    """A document made of HTML parts, changed a step at a time."""

    def __init__(self, document: QTextDocument, css: str) -> None:
        self.document = document
        self.parts: list[str] = []
        self.starts: list[int] = []
        document.setUndoRedoEnabled(False)
        document.setDefaultStyleSheet(css)
        sentinel = QTextBlockFormat()
        sentinel.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        sentinel.setTopMargin(0)
        sentinel.setBottomMargin(0)
        QTextCursor(document).setBlockFormat(sentinel)

    def steps_to(self, target: Sequence[str]) -> deque[Step]:
        """The steps that turn the shown parts into *target*, top of the page first."""
        matcher = SequenceMatcher(None, self.parts, list(target), autojunk=False)
        steps: deque[Step] = deque()
        shift = 0
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            if i2 > i1:
                steps.append(("remove", i1 + shift, i2 - i1))
            for k, html in enumerate(target[j1:j2]):
                steps.append(("insert", i1 + shift + k, html))
            shift += (j2 - j1) - (i2 - i1)
        return steps

    def apply(self, step: Step) -> None:
        kind, index, value = step
        cursor = QTextCursor(self.document)
        before = self.document.characterCount()
        cursor.beginEditBlock()  # one relayout per step
        if kind == "remove":
            count = int(value)  # type: ignore[call-overload]  # a remove step holds its count
            at = self._end_before(index)
            end = self._end_before(index + count)
            cursor.setPosition(at)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            del self.parts[index:index + count]
            del self.starts[index:index + count]
        else:
            at = self._end_before(index)
            _insert(self.document, cursor, at, str(value))
            self.parts.insert(index, str(value))
            self.starts.insert(index, at + 1)
            index += 1
        cursor.endEditBlock()
        delta = self.document.characterCount() - before
        for k in range(index, len(self.starts)):
            self.starts[k] += delta

    def _end_before(self, index: int) -> int:
        """Where the block before part *index* ends (the sentinel's end for part 0)."""
        if index < len(self.starts):
            return self.starts[index] - 1
        return self.document.characterCount() - 1

    def part_range(self, index: int) -> tuple[int, int]:
        """First and last character position of part *index*."""
        return self.starts[index], self._end_before(index + 1)


def _insert(page: QTextDocument, cursor: QTextCursor, at: int, part: str) -> None:
    """Insert *part* as new blocks after the block ending at *at*."""
    cursor.setPosition(at)
    cursor.insertHtml("<br>" + part)
    if page.characterAt(at) == LINE_BREAK:
        cursor.setPosition(at)
        cursor.deleteChar()


def build_page(parts: Sequence[str], css: str) -> PartedPage:
    """A page holding *parts* (tests and tools; the panel builds its page step by step)."""
    page = PartedPage(OfflinePage(), css)
    for step in page.steps_to(parts):
        page.apply(step)
    return page
