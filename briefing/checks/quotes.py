"""Is a citation's quote where the citation says it is?  The checks' question,
answered by the one quote matcher the application has: the ingest anchor
resolver (:mod:`briefing.ingest.anchors`).

:func:`quote_problem` returns ``None`` when the quote is verbatim at its stored
offsets, or matches there with different white space, quotation marks or
dashes (the resolver's loose match), or when the citation stores no offsets
and the quote is in the source.  Otherwise it returns a :class:`QuoteProblem`:

``moved``    the quote is in the source, elsewhere (or the stored range is
             wrong); the fix sets the offsets (and locator) the resolver found,
             as ingest's ``reanchor`` does;
``missing``  the quote is not in the source; when the resolver finds a
             passage at least 80% similar the fix quotes the source's own words
             there, else there is no fix.

A fix also updates the locator ("para. 3") when the citation's locator was the
one derived from the old position or empty; a locator the analyst wrote
("at 07:40") is kept.  The ingest package is imported on first use only, so a
briefing whose quotes are all in place never loads it (nor does an export).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any

from briefing.checks.memo import IdentityCache
from briefing.core.model import Citation, Source

if TYPE_CHECKING:
    from briefing.ingest.anchors import Anchor
    from briefing.ingest.locators import LocatorIndex

MOVED = "moved"
MISSING = "missing"
FIX_FIELDS = ("quote", "start", "end", "locator")


@dataclass(frozen=True, slots=True)
class QuoteProblem:
    """What is wrong with a quote, the resolver's anchor, and the fix's changes."""

    kind: str
    """:data:`MOVED` or :data:`MISSING`."""
    anchor: Anchor
    changes: dict[str, Any] = field(default_factory=dict)
    """Citation fields to set (empty: no mechanical fix)."""

    @property
    def where(self) -> str:
        """ "para. 3" or "characters 120–181" for the passage the resolver found."""
        locator = self.changes.get("locator") or self.anchor.locator
        return locator or f"characters {self.anchor.start}–{self.anchor.end}"


_INDEXES = IdentityCache(8192)
_PROBLEMS = IdentityCache(4096)


def locator_index(source: Source) -> LocatorIndex:
    """The paragraph/page index of *source*'s text, shared between check runs.

    The editor re-runs the checks after every edit while most sources stay the
    same (immutable) objects, so their linear-time indexes are kept, by object.
    """
    return _INDEXES.get((source,), lambda: _new_index(source))


def _new_index(source: Source) -> LocatorIndex:
    from briefing.ingest.locators import LocatorIndex

    return LocatorIndex.for_source(source)


def _stored_range(citation: Citation, text: str) -> tuple[int, int] | None:
    start, end = citation.start, citation.end
    if start is None or end is None or not 0 <= start <= end <= len(text):
        return None
    return start, end


def _ends_agree(a: str, b: str) -> bool:
    """False when the first or last characters of *a* and *b* are different letters or
    digits, which no loose match allows (a quick test before building a pattern)."""
    a, b = a.strip(), b.strip()
    if not a or not b:
        return False
    pairs = ((a[0], b[0]), (a[-1], b[-1]))
    return all(x == y or not (x.isalnum() and y.isalnum()) for x, y in pairs)


def _loosely_at(anchors: ModuleType, quote: str, text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is *quote* up to white space, quote marks and dashes."""
    if not _ends_agree(text[start:end], quote):
        return False
    return anchors.loose_pattern(quote).fullmatch(text, start, end) is not None


def quote_problem(citation: Citation, source: Source) -> QuoteProblem | None:
    """The problem with *citation*'s quote in *source*'s text, or None when it is in place.

    Remembered by the (immutable) citation and source objects between runs.
    """
    return _PROBLEMS.get((citation, source), lambda: _quote_problem(citation, source))


def _quote_problem(citation: Citation, source: Source) -> QuoteProblem | None:
    text, quote = source.text, citation.quote
    stored = _stored_range(citation, text)
    if (stored is not None and text[stored[0] : stored[1]] == quote) or not quote.strip():
        return None  # in place (the common case, decided without the resolver), or no quote
    from briefing.ingest import anchors  # deferred: loads the ingest package

    if stored is not None and _loosely_at(anchors, quote, text, *stored):
        return None
    hint = citation.start if citation.start is not None and citation.start >= 0 else None
    anchor = anchors.resolve(quote, text, hint, citation.end)
    status = anchor.status
    if status is anchors.AnchorStatus.BROKEN:
        return QuoteProblem(MISSING, anchor)
    has_offsets = citation.start is not None and citation.end is not None
    if status is not anchors.AnchorStatus.FUZZY and (
        not has_offsets or (anchor.start, anchor.end) == (citation.start, citation.end)
    ):
        return None
    kind = MISSING if status is anchors.AnchorStatus.FUZZY else MOVED
    return QuoteProblem(kind, anchor, _changes(citation, source, anchor, stored))


def _changes(
    citation: Citation, source: Source, anchor: Anchor, stored: tuple[int, int] | None
) -> dict[str, Any]:
    """The citation fields a fix sets: what ingest's ``reanchor`` would change, except
    that a hand-written locator is kept (only a derived or empty one follows the quote).
    """
    if anchor.start is None or anchor.end is None:
        return {}
    changes: dict[str, Any] = {"start": anchor.start, "end": anchor.end}
    if anchor.status == "fuzzy":
        changes["quote"] = anchor.found
    index = locator_index(source)
    if not citation.locator or (stored and citation.locator == index.locator(*stored)):
        changes["locator"] = index.locator(anchor.start, anchor.end)
    return {name: value for name, value in changes.items() if getattr(citation, name) != value}
