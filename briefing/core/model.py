"""Immutable domain records: Source, Citation, Claim, Block, Section, BriefingInfo.

Records are frozen; an edit makes a new record (``dataclasses.replace``) and
hands it to :class:`briefing.core.document.Document`, which keeps the old one
for undo.  Text fields default to ``""`` and list fields to ``()``; ``extra``
keeps JSON fields this version does not know, so interchange stays lossless.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from functools import cache
from typing import Any

from briefing.core.vocab import ClaimKind, ClaimStatus, NoteStyle, SourceKind

Extra = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Source:
    """A document the analyst reads: article, transcript, report, post ..."""

    id: str
    title: str = ""
    key: str = ""
    kind: str = SourceKind.OTHER.value
    authors: tuple[str, ...] = ()
    publisher: str = ""
    container: str = ""
    published: str = ""
    url: str = ""
    doi: str = ""
    accessed: str = ""
    descriptor: str = ""
    reliability: str = ""
    text: str = ""
    notes: str = ""
    file_name: str = ""
    sha256: str = ""
    imported: str = ""
    extra: Extra = field(default_factory=dict, compare=True)


@dataclass(frozen=True, slots=True)
class Citation:
    """A claim's link to an exact passage of a source, and who says it there."""

    source: str
    quote: str = ""
    start: int | None = None
    end: int | None = None
    locator: str = ""
    attribution: str = ""
    credibility: str = ""
    note: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim card: one statement with its kind, estimate and citations."""

    id: str
    text: str = ""
    kind: str = ClaimKind.INFORMATION.value
    confidence: str = ""
    likelihood: str = ""
    portion: str = ""
    tags: tuple[str, ...] = ()
    status: str = ClaimStatus.DRAFT.value
    citations: tuple[Citation, ...] = ()
    notes: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a section: a placed claim (``claim`` set) or analyst prose."""

    claim: str | None = None
    text: str = ""
    portion: str = ""
    extra: Extra = field(default_factory=dict)

    @property
    def is_claim(self) -> bool:
        return self.claim is not None

    @classmethod
    def for_claim(cls, claim_id: str) -> Block:
        return cls(claim=claim_id)

    @classmethod
    def prose(cls, text: str, portion: str = "") -> Block:
        return cls(text=text, portion=portion)


@dataclass(frozen=True, slots=True)
class Section:
    """A titled part of the briefing with ordered blocks and nested sections."""

    id: str
    title: str = ""
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    extra: Extra = field(default_factory=dict)

    def walk(self) -> list[Section]:
        """This section and all its descendants, in reading order."""
        found = [self]
        for child in self.sections:
            found.extend(child.walk())
        return found


@dataclass(frozen=True, slots=True)
class BriefingInfo:
    """The briefing's own metadata: title block, markings and export defaults."""

    title: str = ""
    subtitle: str = ""
    authors: tuple[str, ...] = ()
    date: str = ""
    marking_scheme: str | tuple[str, ...] = "none"
    classification: str = ""
    caveats: str = ""
    note_style: str = NoteStyle.FOOTNOTES.value
    note_form: str = ""
    """Later notes to a source: "full" (always in full) or "short" (after a first note in
    full); empty means short."""
    citation_style: str = ""
    extra: Extra = field(default_factory=dict)


@cache
def field_names(record_type: type) -> tuple[str, ...]:
    """Names of a record type's fields, ``extra`` excluded."""
    return tuple(f.name for f in fields(record_type) if f.name != "extra")


def evolve(record: Any, **changes: Any) -> Any:
    """A copy of *record* with *changes*; unknown names raise a clear TypeError."""
    return replace(record, **changes)
