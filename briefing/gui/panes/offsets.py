"""Convert between Python string offsets and QTextDocument positions.

Qt counts UTF-16 code units (an emoji is two) and reads "\\r\\n" as one line
break; core offsets count Python characters.  Texts without astral
characters or CRLF take the fast path (identity).
"""

from __future__ import annotations

import re
from bisect import bisect_right

_SPECIAL = re.compile("[\U00010000-\U0010ffff]|\r\n")


class OffsetMap:
    """Monotone maps py offset ↔ Qt position for one text."""

    def __init__(self, text: str) -> None:
        self._py_after: list[int] = []
        self._qt_after: list[int] = []
        self._delta: list[int] = []
        delta = 0
        for match in _SPECIAL.finditer(text):
            delta += 1 if match.group() != "\r\n" else -1
            after = match.end()
            self._py_after.append(after)
            self._delta.append(delta)
            self._qt_after.append(after + delta)

    def to_qt(self, offset: int) -> int:
        k = bisect_right(self._py_after, offset) - 1
        return offset + (self._delta[k] if k >= 0 else 0)

    def to_py(self, position: int) -> int:
        k = bisect_right(self._qt_after, position) - 1
        return position - (self._delta[k] if k >= 0 else 0)
