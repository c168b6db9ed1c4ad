"""The read-only view of a briefing that the checks run over.

A :class:`Snapshot` is built from a :class:`~briefing.core.document.Document`
or straight from briefing/v1 JSON data without the Document's invariants, so a
damaged file (a block naming a deleted claim, a citation naming a missing
source) can be linted instead of refused.  :class:`Context` adds what several
rules share, computed once: placements in reading order, citation counts
and the estimative terms of every text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from briefing.checks.estimative import TermMatch, terms_in
from briefing.checks.memo import IdentityCache
from briefing.core.document import Document
from briefing.core.errors import InvalidJson
from briefing.core.model import Block, BriefingInfo, Claim, Section, Source
from briefing.core.vocab import ClaimKind


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Info, sources and claims by id, and the outline."""

    info: BriefingInfo
    sources: dict[str, Source]
    claims: dict[str, Claim]
    sections: tuple[Section, ...]

    @classmethod
    def of(cls, doc: Document | Snapshot) -> Snapshot:
        if isinstance(doc, Snapshot):
            return doc
        return cls(
            doc.info,
            {s.id: s for s in doc.sources},
            {c.id: c for c in doc.claims},
            tuple(doc.sections),
        )


def snapshot_from_dict(data: Any, origin: str = "<json>") -> Snapshot:
    """A Snapshot of briefing/v1 data that passes the schema; references unchecked.

    Raises :class:`InvalidJson` (naming *origin*) when the data is not
    briefing/v1 or breaks the schema.
    """
    from briefing.store import jsonio, records

    if not isinstance(data, dict) or data.get("format") != jsonio.FORMAT:
        raise InvalidJson(origin, f"not a Briefing JSON file (expected {jsonio.FORMAT!r})")
    problems = jsonio.schema_problems(data)
    if problems:
        raise InvalidJson(origin, "; ".join(problems[:3]))
    sources = [records.source_from_dict(s) for s in data["sources"]]
    claims = [records.claim_from_dict(c) for c in data["claims"]]
    return Snapshot(
        records.info_from_dict(data["briefing"]),
        _first_by_id(sources),
        _first_by_id(claims),
        tuple(records.section_from_dict(s) for s in data["sections"]),
    )


def snapshot_from_json_file(path: str | Path) -> Snapshot:
    """Read a briefing/v1 JSON file for checking, dangling references and all.

    Raises :class:`FileProblem` (unreadable) or :class:`InvalidJson` (not
    UTF-8, not JSON, not briefing/v1, breaks the schema), naming *path*.
    """
    from briefing.store.jsonio import read_json

    data = read_json(path)
    try:
        return snapshot_from_dict(data, str(path))
    except RecursionError:
        raise InvalidJson(str(path), "the outline or a field is nested too deeply") from None


def _first_by_id(items: list[Any]) -> dict[str, Any]:
    """Records by id in file order; a repeated id keeps its first record."""
    out: dict[str, Any] = {}
    for item in items:
        out.setdefault(item.id, item)
    return out


QUOTE = ClaimKind.QUOTE.value
_OUTLINES = IdentityCache(4)


class Placed(NamedTuple):
    """One block of the outline, where it sits, and whether it is under section 1."""

    section: Section
    index: int  # type: ignore[assignment]  # a field, shadowing tuple.index on purpose
    block: Block
    in_first: bool


def _walk(sections: tuple[Section, ...]) -> tuple[Placed, ...]:
    out: list[Placed] = []
    for position, root in enumerate(sections):
        for section in root.walk():
            out.extend(
                Placed(section, i, block, position == 0) for i, block in enumerate(section.blocks)
            )
    return tuple(out)


class Context:
    """A snapshot plus the derived data the rules share (computed lazily, once)."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snap = snapshot

    @cached_property
    def blocks(self) -> tuple[Placed, ...]:
        """Every block of the outline, in reading order (kept while the outline is the
        same object: editing a claim does not change it)."""
        sections = self.snap.sections
        return _OUTLINES.get((sections,), lambda: _walk(sections))

    @cached_property
    def placement(self) -> dict[str, Placed]:
        """Claim id → its (first) block, for claims that exist."""
        found: dict[str, Placed] = {}
        for placed in self.blocks:
            claim_id = placed.block.claim
            if claim_id is not None and claim_id in self.snap.claims:
                found.setdefault(claim_id, placed)
        return found

    @cached_property
    def placed_claims(self) -> list[tuple[Claim, Placed]]:
        """Placed claims in reading order, each once."""
        return [(self.snap.claims[cid], placed) for cid, placed in self.placement.items()]

    @cached_property
    def cited(self) -> Counter[str]:
        """Source id → number of citations naming it."""
        counts: Counter[str] = Counter()
        for claim in self.snap.claims.values():
            for citation in claim.citations:
                counts[citation.source] += 1
        return counts

    @cached_property
    def claim_terms(self) -> dict[str, tuple[TermMatch, ...]]:
        """Claim id → the likelihood terms of its text, for claims in the analyst's words.

        Quote claims are the source's words, which no wording rule judges; they
        are left out.  Terms are remembered by text between runs (:func:`terms_in`).
        """
        claims = self.snap.claims
        return {cid: terms_in(c.text) for cid, c in claims.items() if c.kind != QUOTE}

    @cached_property
    def claims_with_terms(self) -> dict[str, tuple[TermMatch, ...]]:
        """The entries of :attr:`claim_terms` that have terms (most claims have none)."""
        return {cid: terms for cid, terms in self.claim_terms.items() if terms}

    def prose_terms(self, placed: Placed) -> tuple[TermMatch, ...]:
        """The likelihood terms of a prose block."""
        return terms_in(placed.block.text)
