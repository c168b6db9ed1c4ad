"""Field-level checks shared by the Document and the loaders.

Each check raises :class:`DomainError` with a message that names the record,
so a loader can prefix it with the JSON path or file name.
"""

from __future__ import annotations

from functools import cache

from briefing.core.errors import DomainError
from briefing.core.model import BriefingInfo, Citation, Claim, Source
from briefing.core.vocab import (
    ClaimKind,
    ClaimStatus,
    Confidence,
    Credibility,
    Likelihood,
    NoteStyle,
    Reliability,
    SourceKind,
)


@cache
def _values(choices: type) -> frozenset[str]:
    return frozenset(c.value for c in choices)


def _check_choice(value: str, choices: type, what: str, allow_empty: bool = False) -> None:
    if value in _values(choices) or (allow_empty and value == ""):
        return
    try:
        choices(value)
    except ValueError:
        allowed = ", ".join(repr(c.value) for c in choices)
        raise DomainError(f"{what} {value!r} is not one of {allowed}") from None


def check_text(value: str, what: str) -> None:
    """Refuse text that cannot be stored as Unicode (lone surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise DomainError(
            f"{what} holds an invalid character (lone surrogate) at position {error.start}"
        ) from None


def check_source(source: Source) -> None:
    if not source.id:
        raise DomainError("a source needs an id")
    what = f"source {source.id!r}"
    _check_choice(source.kind, SourceKind, f"{what}: kind")
    _check_choice(source.reliability, Reliability, f"{what}: reliability", allow_empty=True)
    for name in ("title", "text", "notes", "key", "publisher", "descriptor"):
        check_text(getattr(source, name), f"{what}: {name}")


def check_citation(citation: Citation, what: str) -> None:
    _check_choice(citation.credibility, Credibility, f"{what}: credibility", allow_empty=True)
    for name in ("start", "end"):
        value = getattr(citation, name)
        if value is not None and (not isinstance(value, int) or value < 0):
            raise DomainError(f"{what}: {name} must be a whole number ≥ 0, not {value!r}")
    if citation.start is not None and citation.end is not None and citation.end < citation.start:
        raise DomainError(f"{what}: end {citation.end} is before start {citation.start}")
    for name in ("quote", "attribution", "locator", "note"):
        check_text(getattr(citation, name), f"{what}: {name}")


def check_claim(claim: Claim) -> None:
    if not claim.id:
        raise DomainError("a claim needs an id")
    what = f"claim {claim.id!r}"
    _check_choice(claim.kind, ClaimKind, f"{what}: kind")
    _check_choice(claim.status, ClaimStatus, f"{what}: status")
    _check_choice(claim.confidence, Confidence, f"{what}: confidence", allow_empty=True)
    _check_choice(claim.likelihood, Likelihood, f"{what}: likelihood", allow_empty=True)
    check_text(claim.text, f"{what}: text")
    check_text(claim.notes, f"{what}: notes")
    for i, citation in enumerate(claim.citations):
        check_citation(citation, f"{what}, citation {i + 1}")


def check_info(info: BriefingInfo) -> None:
    _check_choice(info.note_style, NoteStyle, "briefing note_style")
    scheme = info.marking_scheme
    if isinstance(scheme, tuple):
        if not scheme:
            raise DomainError("a custom marking scheme needs at least one level")
    elif scheme not in ("none", "us"):
        raise DomainError(f"marking scheme {scheme!r} is not 'none', 'us' or a list of levels")
    for name in ("title", "subtitle", "caveats"):
        check_text(getattr(info, name), f"briefing {name}")
