"""Field-level checks shared by the Document and the loaders.

Each check raises :class:`DomainError` with a message that names the record,
so a loader can prefix it with the JSON path or file name.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import cache

from briefing.core.errors import DomainError
from briefing.core.model import BriefingInfo, Citation, Claim, Source
from briefing.core.vocab import (
    ClaimKind,
    ClaimStatus,
    Confidence,
    Credibility,
    Likelihood,
    NoteForm,
    NoteStyle,
    Reliability,
    SourceKind,
)


@cache
def _values(choices: type[Enum]) -> frozenset[str]:
    return frozenset(c.value for c in choices)


def _check_choice(value: str, choices: type[Enum], what: str, allow_empty: bool = False) -> None:
    if value in _values(choices) or (allow_empty and value == ""):
        return
    try:
        choices(value)
    except ValueError:
        allowed = ", ".join(repr(c.value) for c in choices)
        raise DomainError(f"{what} {value!r} is not one of {allowed}") from None


def check_text(value: str, what: str) -> None:
    """Refuse text that cannot be stored as Unicode (lone surrogates)."""
    if value.isascii():
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise DomainError(
            f"{what} holds an invalid character (lone surrogate) at position {error.start}"
        ) from None


def _check_texts(record: object, names: tuple[str, ...], what: str) -> None:
    """:func:`check_text` on each named field (the message is only built for a bad one)."""
    for name in names:
        value = getattr(record, name)
        if not value.isascii():
            check_text(value, f"{what}: {name}")


_CHOICE_FIELDS = {
    "source": (("kind", SourceKind, False), ("reliability", Reliability, True)),
    "claim": (("kind", ClaimKind, False), ("status", ClaimStatus, False),
              ("confidence", Confidence, True), ("likelihood", Likelihood, True)),
}


def _check_choices(record: object, kind: str, what: Callable[[], str]) -> None:
    for name, choices, allow_empty in _CHOICE_FIELDS[kind]:
        value = getattr(record, name)
        if value not in _values(choices) and not (allow_empty and value == ""):
            _check_choice(value, choices, f"{what()}: {name}", allow_empty)


def check_source(source: Source) -> None:
    if not source.id:
        raise DomainError("a source needs an id")
    what = f"source {source.id!r}"
    _check_choices(source, "source", lambda: what)
    _check_texts(source, ("title", "text", "notes", "key", "publisher", "descriptor"), what)


def check_citation(citation: Citation, what: str) -> None:
    if citation.credibility:
        _check_choice(citation.credibility, Credibility, f"{what}: credibility")
    start, end = citation.start, citation.end
    for name, value in (("start", start), ("end", end)):
        if value is not None and (not isinstance(value, int) or value < 0):
            raise DomainError(f"{what}: {name} must be a whole number ≥ 0, not {value!r}")
    if start is not None and end is not None and end < start:
        raise DomainError(f"{what}: end {end} is before start {start}")
    _check_texts(citation, ("quote", "attribution", "locator", "note"), what)


def _citation_ok(citation: Citation) -> bool:
    """The common case, checked without building any message."""
    start, end = citation.start, citation.end
    return ((not citation.credibility or citation.credibility in _values(Credibility))
            and (start is None or (type(start) is int and start >= 0))
            and (end is None or (type(end) is int and end >= 0))
            and (start is None or end is None or end >= start)
            and citation.quote.isascii() and citation.attribution.isascii()
            and citation.locator.isascii() and citation.note.isascii())


def check_claim(claim: Claim) -> None:
    if not claim.id:
        raise DomainError("a claim needs an id")
    _check_choices(claim, "claim", lambda: f"claim {claim.id!r}")
    if not (claim.text.isascii() and claim.notes.isascii()):
        _check_texts(claim, ("text", "notes"), f"claim {claim.id!r}")
    for i, citation in enumerate(claim.citations):
        if not _citation_ok(citation):
            check_citation(citation, f"claim {claim.id!r}, citation {i + 1}")


def check_info(info: BriefingInfo) -> None:
    _check_choice(info.note_style, NoteStyle, "briefing note_style")
    _check_choice(info.note_form, NoteForm, "briefing note_form", allow_empty=True)
    scheme = info.marking_scheme
    if isinstance(scheme, tuple):
        if not scheme:
            raise DomainError("a custom marking scheme needs at least one level")
    elif scheme not in ("none", "us"):
        raise DomainError(f"marking scheme {scheme!r} is not 'none', 'us' or a list of levels")
    for name in ("title", "subtitle", "caveats"):
        check_text(getattr(info, name), f"briefing {name}")
