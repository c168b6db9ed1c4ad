"""Locating a citation's quote in its source text, insensitive to layout.

Two texts match when they are equal after collapsing runs of whitespace to one
space, trimming the ends, and reading typographic quotes and apostrophes
(‘ ’ “ ” „ « » ′ ″) as their ASCII forms.  Offsets found in the normalized text
are mapped back to offsets in the original source text, so a re-anchored
citation's ``start``/``end`` slice the source exactly.

This is the checks' own small resolver; it should later be unified with the
ingest anchor resolver (``briefing/ingest/anchors.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_QUOTE_STYLES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)
_SPACE_RE = re.compile(r"\s+")


def normalize_quote(text: str) -> str:
    """*text* with whitespace collapsed and trimmed and quote marks made ASCII."""
    return _SPACE_RE.sub(" ", text.translate(_QUOTE_STYLES)).strip()


@dataclass(slots=True)
class NormalizedText:
    """A source text in normalized form, with the map back to original offsets."""

    text: str
    _run_norm: list[int]
    """Normalized offset of each collapsed whitespace run."""
    _run_orig: list[int]
    """Original start offset of each run."""
    _run_shift: list[int]
    """Characters removed up to and including each run."""

    @classmethod
    def of(cls, original: str) -> NormalizedText:
        run_norm: list[int] = []
        run_orig: list[int] = []
        run_shift: list[int] = []
        removed = 0
        for match in _SPACE_RE.finditer(original):
            run_norm.append(match.start() - removed)
            run_orig.append(match.start())
            removed += match.end() - match.start() - 1
            run_shift.append(removed)
        normalized = _SPACE_RE.sub(" ", original.translate(_QUOTE_STYLES))
        return cls(normalized, run_norm, run_orig, run_shift)

    def original_offset(self, index: int) -> int:
        """The original offset of the normalized character at *index*."""
        k = bisect_right(self._run_norm, index) - 1
        if k < 0:
            return index
        if index == self._run_norm[k]:
            return self._run_orig[k]
        return index + self._run_shift[k]


def quote_at(text: str, quote: str, start: int | None, end: int | None) -> bool:
    """Whether ``text[start:end]`` is *quote* (layout-insensitive)."""
    if start is None or end is None or not 0 <= start <= end <= len(text):
        return False
    excerpt = text[start:end]
    return excerpt == quote or normalize_quote(excerpt) == normalize_quote(quote)


def exact_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) where *quote* occurs verbatim (the fast path)."""
    spans: list[tuple[int, int]] = []
    at = text.find(quote) if quote.strip() else -1
    while at >= 0:
        spans.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return spans


def find_quote_spans(source: NormalizedText, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) in the original text where *quote* occurs."""
    needle = normalize_quote(quote)
    if not needle:
        return []
    spans: list[tuple[int, int]] = []
    at = source.text.find(needle)
    while at >= 0:
        start = source.original_offset(at)
        end = source.original_offset(at + len(needle) - 1) + 1
        spans.append((start, end))
        at = source.text.find(needle, at + 1)
    return spans


def nearest_span(spans: list[tuple[int, int]], near: int | None) -> tuple[int, int]:
    """The span closest to offset *near* (the first when *near* is unknown)."""
    if near is None:
        return spans[0]
    return min(spans, key=lambda span: abs(span[0] - near))
