"""Minimal paragraph locators and attribution hints for the reader.

A stand-in until ``briefing.ingest`` provides the shared versions; see
:func:`briefing.gui.excerpts.locator_for` which prefers ingest's when present.
Paragraphs are separated by blank lines when the text has any, else by
single line breaks (one paragraph per line, as in most saved articles).
"""

from __future__ import annotations

import re

_SPEECH = r"(?:said|says|told|wrote|writes|added|stated|noted|warned|argued|posted|claimed)"
_NAME = r"(?:[A-Z][\w.'’-]*\.?\s+){0,4}[A-Z][\w'’-]+"
_PATTERNS = (
    re.compile(r"according to (?P<who>[^,.;:\"“”]+?)(?=[,.;:\"“”]|$)"),
    re.compile(rf"[,.!?][\"”]\s+(?P<who>{_NAME})(?:,[^,]{{1,120}},)?\s+{_SPEECH}"),
    re.compile(rf"(?P<who>{_NAME})(?:,[^,]{{1,120}},)?\s+{_SPEECH}\b"),
)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each paragraph, blank ones skipped."""
    separator = re.compile(r"\n[ \t\r]*\n\s*" if re.search(r"\n[ \t\r]*\n", text) else r"\n")
    spans: list[tuple[int, int]] = []
    start = 0
    for match in separator.finditer(text):
        _add_span(text, start, match.start(), spans)
        start = match.end()
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def paragraph_of(spans: list[tuple[int, int]], offset: int) -> int:
    """1-based number of the paragraph holding *offset* (the nearest before it)."""
    number = 1
    for n, (start, _end) in enumerate(spans, 1):
        if start > offset:
            break
        number = n
    return number


def locator_for(text: str, start: int, end: int) -> str:
    """"para. 4", or "paras. 4–5" for a range crossing paragraphs."""
    spans = paragraph_spans(text)
    if not spans:
        return ""
    first = paragraph_of(spans, start)
    last = paragraph_of(spans, max(start, end - 1))
    return f"para. {first}" if first == last else f"paras. {first}–{last}"


def suggest_attribution(text: str, start: int, end: int) -> str:
    """Who appears to say the passage text[start:end]: a hint, never a fact."""
    spans = paragraph_spans(text)
    if not spans:
        return ""
    p_start, p_end = spans[paragraph_of(spans, start) - 1]
    sentence_end = _sentence_end(text, end, p_end)
    for window in (text[start:sentence_end], text[p_start:p_end]):
        for pattern in _PATTERNS:
            match = pattern.search(window)
            if match:
                return " ".join(match.group("who").split())
    return ""


def _sentence_end(text: str, end: int, limit: int) -> int:
    match = re.compile(r"[.!?][\"”]?\s+(?=[A-Z\"“])").search(text, end, limit)
    return match.end() if match else limit
