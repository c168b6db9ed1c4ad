"""Word-level diffs: what a proposal changes, and applying it to text that moved on.

:func:`patch` is a small three-way merge: the edit from *before* to *after* is
replayed on *current* wherever the words it touches are still there, so an
accepted proposal keeps the analyst's own later edits elsewhere in the card.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def normalise(text: str) -> str:
    """Spaces collapsed on each line, lines stripped, blank lines dropped."""
    lines = (" ".join(line.split()) for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """("equal"|"delete"|"insert", text) pieces turning *before* into *after*."""
    a, b = tokens(before), tokens(after)
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("equal", "".join(a[i1:i2])))
            continue
        if i1 < i2:
            out.append(("delete", "".join(a[i1:i2])))
        if j1 < j2:
            out.append(("insert", "".join(b[j1:j2])))
    return out


def similarity(a: str, b: str) -> float:
    """0..1 likeness of two texts, word by word."""
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, tokens(a), tokens(b), autojunk=False).ratio()


def _anchor(mapping: dict[int, int], i: int, size_before: int, size_current: int) -> int | None:
    if i in mapping:
        return mapping[i]
    if i - 1 in mapping:
        return mapping[i - 1] + 1
    if i == 0:
        return 0
    if i == size_before:
        return size_current
    return None


def patch(current: str, before: str, after: str) -> str | None:
    """*current* with the edit *before* → *after* replayed; None when it no longer fits."""
    if current == before:
        return after
    tb, ta, tc = tokens(before), tokens(after), tokens(current)
    mapping: dict[int, int] = {}
    for a, c, size in SequenceMatcher(None, tb, tc, autojunk=False).get_matching_blocks():
        for k in range(size):
            mapping[a + k] = c + k
    out: list[str] = []
    position = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, tb, ta, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i1 < i2:
            if any(i not in mapping for i in range(i1, i2)):
                return None
            span = [mapping[i] for i in range(i1, i2)]
            if any(y != x + 1 for x, y in zip(span, span[1:], strict=False)):
                return None
            start, end = span[0], span[-1] + 1
        else:
            anchor = _anchor(mapping, i1, len(tb), len(tc))
            if anchor is None:
                return None
            start = end = anchor
        if start < position:
            return None
        out += tc[position:start] + ta[j1:j2]
        position = end
    out += tc[position:]
    return "".join(out)
