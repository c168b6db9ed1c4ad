"""The text around a selection: a bounded window, its paragraphs and sentences.

Suggestions look only at a window around the selection (a few thousand
characters back, fewer ahead), so a suggestion on a 20 MB source costs the same
as on a short article.  Paragraphs in the window follow the locators' rule: when
the window has a blank line, paragraphs are runs of non-blank lines, otherwise
every line is a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

BACK, AHEAD = 6000, 1500
"""Characters of context before and after the selection."""

_ABBREVIATIONS = {
    "rep", "sen", "gov", "dr", "mr", "mrs", "ms", "gen", "lt", "col", "sgt", "capt", "adm",
    "maj", "prof", "st", "jr", "sr", "no", "inc", "corp", "co", "ltd", "vs", "etc", "pres",
    "rev", "hon", "amb", "sec", "dept", "mt", "ft", "u.s", "u.k", "u.n", "e.g", "i.e",
}
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_LINE = re.compile(r"\S(?:[^\n\f]*\S)?")
_BLOCK = re.compile(r"\S(?:[^\n\f]*\S)?(?:[^\S\n\f]*\n[^\S\n\f]*\S(?:[^\n\f]*\S)?)*")
_BOUNDARY = re.compile(r"[.!?…]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9_])")


def mask_quotes(text: str) -> str:
    """*text* with the inside of quotations replaced by underscores (same length)."""
    out, inside = list(text), False
    for i, ch in enumerate(text):
        if ch == '"':
            inside = not inside
        elif ch in "“”":
            inside = ch == "“"
        elif inside and not ch.isspace():
            out[i] = "_"
    return "".join(out)


def sentence_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sentences of text[lo:hi] as absolute spans; quotations never split a sentence."""
    masked = mask_quotes(text[lo:hi])
    spans, start = [], 0
    for match in _BOUNDARY.finditer(masked):
        word = re.search(r"([\w.]+)[.!?…]*[\"”’)]*$", masked[start:match.end()])
        token = word.group(1).rstrip(".").lower() if word else ""
        if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
            continue
        spans.append((lo + start, lo + match.end()))
        rest = masked[match.end():]
        start = match.end() + len(rest) - len(rest.lstrip())
    if start < len(masked):
        spans.append((lo + start, hi))
    return spans


@dataclass
class Window:
    """The selection text[start:end] and the context the suggester may read."""

    text: str
    start: int
    end: int
    lo: int = 0
    hi: int = 0
    _sentences: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict)
    cues: dict[tuple[int, int], list[Any]] = field(default_factory=dict)
    """Attribution cues found in each sentence span, kept for the pronoun look-backs."""

    def __post_init__(self) -> None:
        self.lo = max(0, self.start - BACK)
        self.hi = min(len(self.text), max(self.end, self.start) + AHEAD)
        if self.lo:  # begin at a line start, not mid-word
            cut = self.text.find("\n", self.lo, self.start)
            self.lo = cut + 1 if cut >= 0 else self.lo

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        chunk = self.text[self.lo:self.hi]
        pattern = _BLOCK if _BLANK_LINE.search(chunk) else _LINE
        return [(self.lo + m.start(), self.lo + m.end()) for m in pattern.finditer(chunk)]

    @cached_property
    def own(self) -> int:
        """Index of the paragraph holding the selection's start (or the one before)."""
        best = 0
        for index, (s, _e) in enumerate(self.paragraphs):
            if s <= self.start:
                best = index
        return best

    def sentences(self, paragraph: int) -> list[tuple[int, int]]:
        span = self.paragraphs[paragraph]
        if span not in self._sentences:
            self._sentences[span] = sentence_spans(self.text, *span)
        return self._sentences[span]
