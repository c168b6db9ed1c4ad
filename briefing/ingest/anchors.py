"""Excerpt anchors: find where a citation's quote is in a source's text now.

A citation stores the quote and its character offsets.  When the source text
changes (re-import of an updated file, an edit) the anchor is re-resolved in
this order, and the result says which step found it:

``exact``     the quote is still at its stored offsets;
``moved``     the quote is verbatim elsewhere (the occurrence whose
              surroundings best match the old text, else the nearest one);
``loose``     the quote is there with different white space, quotation marks,
              dashes or ellipses;
``fuzzy``     a passage at least *threshold* similar (ratio reported);
``broken``    nothing close enough: the quote is no longer in the source.

Nothing is dropped silently: every outcome carries a message for the checks
and the editor, and :func:`reanchor` turns an outcome into an updated Citation.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from briefing.core.errors import DomainError
from briefing.core.model import Citation, Source
from briefing.ingest.locators import LocatorIndex

FUZZY_THRESHOLD = 0.8
CONTEXT = 32
MAX_CANDIDATES = 40

SINGLE_QUOTES = "'‘’‚‛′`´"
DOUBLE_QUOTES = '"“”„‟″«»'
DASHES = "-‐‑‒–—―−"


class AnchorStatus(StrEnum):
    EXACT = "exact"
    MOVED = "moved"
    LOOSE = "loose"
    FUZZY = "fuzzy"
    BROKEN = "broken"
    UNQUOTED = "unquoted"


@dataclasses.dataclass(frozen=True, slots=True)
class Anchor:
    """Where a quote was found (or not), how, and how similar the passage is."""

    status: AnchorStatus
    start: int | None = None
    end: int | None = None
    similarity: float = 0.0
    found: str = ""
    locator: str = ""
    previous: tuple[int | None, int | None] = (None, None)

    @property
    def ok(self) -> bool:
        """True when the cited passage is verbatim at the stored offsets."""
        return self.status is AnchorStatus.EXACT

    @property
    def message(self) -> str:
        where = self.locator or (f"characters {self.start}–{self.end}" if self.start is not None
                                 else "")
        match self.status:
            case AnchorStatus.EXACT:
                return f"quote found at its anchor ({where})"
            case AnchorStatus.MOVED if self.previous[0] is None:
                return f"quote found at {where}"
            case AnchorStatus.MOVED:
                return f"anchor moved: the quote is now at {where}"
            case AnchorStatus.LOOSE:
                return f"quote found at {where} with different spacing or quotation marks"
            case AnchorStatus.FUZZY:
                return (
                    f"quote no longer verbatim in the source; closest passage "
                    f"({self.similarity:.0%} similar) at {where}"
                )
            case AnchorStatus.BROKEN:
                return "quote no longer in the source"
        return "citation has no quote to anchor"


# ------------------------------------------------------------------ matching
def loose_pattern(quote: str) -> re.Pattern[str]:
    """A regex matching *quote* whatever its white space, quote marks and dashes."""
    parts: list[str] = []
    dash_run = f"[{re.escape(DASHES)}]+"
    for token in re.findall(rf"\s+|\.\.\.|{dash_run}|.", quote.strip(), re.DOTALL):
        if token.isspace():
            parts.append(r"\s+")
        elif token in ("...", "…"):
            parts.append(r"(?:…|\.\s?\.\s?\.)")
        elif token in SINGLE_QUOTES:
            parts.append(f"[{re.escape(SINGLE_QUOTES)}]")
        elif token in DOUBLE_QUOTES:
            parts.append(f"(?:[{re.escape(DOUBLE_QUOTES)}]|'')")
        elif token[0] in DASHES:
            parts.append(f"[{re.escape(DASHES)}]{{1,3}}")
        else:
            parts.append(re.escape(token))
    return re.compile("".join(parts))


def _context_score(text: str, start: int, end: int, before: str, after: str) -> int:
    """How many characters around [start, end) agree with the old surroundings."""
    score = 0
    for a, b in zip(reversed(text[max(0, start - len(before)):start]), reversed(before),
                    strict=False):
        if a != b:
            break
        score += 1
    for a, b in zip(text[end:end + len(after)], after, strict=False):
        if a != b:
            break
        score += 1
    return score


def _best(
    spans: list[tuple[int, int]], text: str, hint: int | None, context: tuple[str, str]
) -> tuple[int, int]:
    """The span whose surroundings match the old text best, then the nearest to *hint*."""
    def rank(span: tuple[int, int]) -> tuple[int, int]:
        score = _context_score(text, *span, *context) if any(context) else 0
        distance = abs(span[0] - hint) if hint is not None else span[0]
        return (-score, distance)

    return min(spans, key=rank)


def _exact_spans(text: str, quote: str, limit: int = 1000) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = text.find(quote)
    while position >= 0 and len(spans) < limit:
        spans.append((position, position + len(quote)))
        position = text.find(quote, position + 1)
    return spans


def similarity(quote: str, found: str) -> float:
    """How alike two passages are, 0–1: the normalised Indel (insert/delete) similarity."""
    return float(Indel.normalized_similarity(quote, found))


def _align(quote: str, text: str, lo: int, hi: int) -> tuple[float, int, int]:
    """Best-matching part of text[lo:hi] for *quote*: (similarity, start, end).

    rapidfuzz aligns the quote with the window's most similar stretch of its length;
    white space at the stretch's ends is trimmed before the similarity is measured.
    """
    aligned = fuzz.partial_ratio_alignment(quote, text[lo:hi])
    if aligned is None or aligned.score == 0:
        return 0.0, lo, lo
    start, end = _stretch(quote, text, lo + aligned.dest_start, lo + aligned.dest_end, lo, hi)
    start, end = _trim(text, start, end)
    return similarity(quote, text[start:end]), start, end


def _stretch(quote: str, text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """Move each end of text[start:end] within reach to where the passage is most like *quote*.

    The alignment has the quote's length; a reworded passage is longer or shorter
    ("is installed" → "has been installed"), so its ends are found again.
    """
    reach = max(4, len(quote) // 4)

    def best(candidates: range, span: Callable[[int], tuple[int, int]]) -> int:
        return max(candidates, key=lambda n: (similarity(quote, text[slice(*span(n))]), -n))

    end = best(range(max(start + 1, end - reach), min(hi, end + reach) + 1), lambda e: (start, e))
    start = best(range(max(lo, start - reach), min(end - 1, start + reach) + 1),
                 lambda s: (s, end))
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _seed_windows(quote: str, text: str, hint: int | None) -> list[tuple[int, int]]:
    """Windows of *text* where a piece of *quote* occurs, sized to hold the quote."""
    size = len(quote)
    slack = max(8, size // 3)
    piece = max(4, min(16, size // 4))
    offsets = sorted({0, max(0, size // 2 - piece // 2), max(0, size - piece)})
    windows: list[tuple[int, int]] = []
    if hint is not None:
        windows.append((max(0, hint - slack), min(len(text), hint + size + slack)))
    for q in offsets:
        for p, _ in _exact_spans(text, quote[q:q + piece], MAX_CANDIDATES // 3):
            windows.append((max(0, p - q - slack), min(len(text), p - q + size + slack)))
    return windows[:MAX_CANDIDATES]


def _context_window(
    text: str, size: int, context: tuple[str, str]
) -> list[tuple[int, int]]:
    """Windows between where the old text's prefix and suffix are found now."""
    before, after = context
    if len(before) < 8 or len(after) < 8:
        return []
    windows = []
    for _, prefix_end in _exact_spans(text, before, 5):
        suffix = text.find(after, prefix_end)
        if suffix >= 0 and suffix - prefix_end <= 3 * size + 64:
            windows.append((prefix_end, suffix))
    return windows


def _fuzzy(
    quote: str, text: str, hint: int | None, context: tuple[str, str], threshold: float
) -> tuple[float, int, int] | None:
    best: tuple[float, int, int] | None = None
    windows = _context_window(text, len(quote), context) + _seed_windows(quote, text, hint)
    for lo, hi in windows:
        candidate = _align(quote, text, lo, hi)
        if best is None or candidate[0] > best[0]:
            best = candidate
    return best if best is not None and best[0] >= threshold else None


# ------------------------------------------------------------------- public
def resolve(
    quote: str,
    text: str,
    start: int | None = None,
    end: int | None = None,
    *,
    old_text: str | None = None,
    threshold: float = FUZZY_THRESHOLD,
) -> Anchor:
    """Where *quote* (once at [start, end) of *old_text*) is in *text* now."""
    previous = (start, end)
    if not quote.strip():
        return Anchor(AnchorStatus.UNQUOTED, start, end, previous=previous)
    if start is not None and text[start:start + len(quote)] == quote:
        return Anchor(AnchorStatus.EXACT, start, start + len(quote), 1.0, quote,
                      previous=previous)
    context = ("", "")
    if old_text is not None and start is not None and end is not None:
        context = (old_text[max(0, start - CONTEXT):start], old_text[end:end + CONTEXT])
    spans = _exact_spans(text, quote)
    if spans:
        s, e = _best(spans, text, start, context)
        return Anchor(AnchorStatus.MOVED, s, e, 1.0, quote, previous=previous)
    spans = [m.span() for m in loose_pattern(quote).finditer(text)]
    if spans:
        s, e = _best(spans, text, start, context)
        return Anchor(AnchorStatus.LOOSE, s, e, similarity(quote, text[s:e]), text[s:e],
                      previous=previous)
    found = _fuzzy(quote, text, start, context, threshold)
    if found is not None:
        alike, s, e = found
        return Anchor(AnchorStatus.FUZZY, s, e, alike, text[s:e], previous=previous)
    return Anchor(AnchorStatus.BROKEN, previous=previous)


def resolve_citation(
    citation: Citation, source: Source, *, old_text: str | None = None,
    threshold: float = FUZZY_THRESHOLD,
) -> Anchor:
    """Resolve *citation* against *source*'s current text, with the locator filled in."""
    anchor = resolve(
        citation.quote, source.text, citation.start, citation.end,
        old_text=old_text, threshold=threshold,
    )
    if anchor.start is None or anchor.status is AnchorStatus.UNQUOTED:
        return anchor
    locator = LocatorIndex.for_source(source).locator(anchor.start, anchor.end)
    return dataclasses.replace(anchor, locator=locator)


def reanchor(citation: Citation, anchor: Anchor, *, update_quote: bool = False) -> Citation:
    """*citation* moved to *anchor*'s passage; the quote changes only if asked.

    A broken or unquoted anchor leaves the citation as it is.
    """
    if anchor.start is None or anchor.status in (AnchorStatus.BROKEN, AnchorStatus.UNQUOTED):
        return citation
    changes: dict[str, Any] = {"start": anchor.start, "end": anchor.end}
    if anchor.locator:
        changes["locator"] = anchor.locator
    if update_quote:
        changes["quote"] = anchor.found
    return dataclasses.replace(citation, **changes)


def cite_range(
    source: Source, start: int, end: int, *, attribution: str = "", credibility: str = ""
) -> Citation:
    """A citation of characters [start, end) of *source* (white space at the ends trimmed)."""
    if not 0 <= start <= end <= len(source.text):
        raise DomainError(f"range {start}–{end} is outside the source text")
    start, end = _trim(source.text, start, end)
    return Citation(
        source=source.id,
        quote=source.text[start:end],
        start=start,
        end=end,
        locator=LocatorIndex.for_source(source).locator(start, end),
        attribution=attribution,
        credibility=credibility,
    )
