"""The ICD 206-style sourcing summary: what the key judgments rest on.

:func:`sourcing_summary` returns data (for the export IR or the editor);
:func:`summary_paragraphs` words it as plain-text paragraphs the export can
include (writers escape them like any other text).  Key judgments are the
judgments placed in the first top-level section (Key Judgments/BLUF); when
that section holds none, every placed judgment is summarized instead.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from briefing.checks.snapshot import Context, Snapshot
from briefing.core.document import Document
from briefing.core.model import Citation, Claim, Source
from briefing.core.vocab import RELIABILITY_LABELS, ClaimKind, Reliability, admiralty_grade

UNNAMED_RE = re.compile(
    r"\b(?:anonymous(?:ly)?|unnamed|unidentified|anonymity|not authori[sz]ed to)\b"
    r"|\b(?:people|persons?|sources?|officials?|diplomats?) (?:familiar|close|briefed)\b"
    r"|^\s*(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|several|multiple|some"
    r"|many|\d+)\b[^,;]{0,40}?\b(?:sources?|officials?|people|persons?|diplomats?|aides?"
    r"|analysts?|officers?|individuals?|lawmakers?|staffers?)\b",
    re.IGNORECASE,
)
"""Attributions to unnamed people: "six sources familiar with ...", "a senior official"."""

KIND_NAMES: dict[str, tuple[str, str]] = {
    "news": ("news article", "news articles"),
    "article": ("journal or magazine article", "journal or magazine articles"),
    "interview": ("interview", "interviews"),
    "statement": ("public statement", "public statements"),
    "social": ("social media post", "social media posts"),
    "report": ("report", "reports"),
    "government": ("government document", "government documents"),
    "intelligence": ("intelligence report", "intelligence reports"),
    "dataset": ("dataset", "datasets"),
    "book": ("book", "books"),
    "web": ("web page", "web pages"),
    "other": ("other source", "other sources"),
}


def is_unnamed(citation: Citation, source: Source | None) -> bool:
    """Whether the citation attributes the words to people who are not named."""
    if UNNAMED_RE.search(citation.attribution):
        return True
    return (
        source is not None
        and not citation.attribution
        and bool(UNNAMED_RE.search(source.descriptor))
    )


@dataclass(frozen=True, slots=True)
class JudgmentBasis:
    """One key judgment and what it rests on."""

    claim: str
    text: str
    confidence: str
    likelihood: str
    sources: tuple[str, ...]
    grades: tuple[str, ...]
    """Admiralty grade of each citation ("B2", "C", "" when ungraded)."""
    unnamed: tuple[str, ...]
    """Attributions of citations to unnamed people."""

    @property
    def single_source(self) -> bool:
        return len(self.sources) == 1

    @property
    def uncited(self) -> bool:
        return not self.sources


@dataclass(frozen=True, slots=True)
class SourceUse:
    """A source that supports at least one key judgment."""

    source: str
    key: str
    title: str
    kind: str
    reliability: str
    judgments: int


@dataclass(frozen=True, slots=True)
class SourcingSummary:
    scope: str
    """"key judgments" or "judgments" (when the first section holds none)."""
    judgments: tuple[JudgmentBasis, ...]
    sources: tuple[SourceUse, ...]

    @property
    def kinds(self) -> Counter[str]:
        return Counter(s.kind for s in self.sources)

    @property
    def reliabilities(self) -> Counter[str]:
        return Counter(s.reliability for s in self.sources)

    @property
    def single_source(self) -> tuple[JudgmentBasis, ...]:
        return tuple(j for j in self.judgments if j.single_source)

    @property
    def unnamed(self) -> tuple[JudgmentBasis, ...]:
        return tuple(j for j in self.judgments if j.unnamed)

    @property
    def uncited(self) -> tuple[JudgmentBasis, ...]:
        return tuple(j for j in self.judgments if j.uncited)


def sourcing_summary(doc: Document | Snapshot) -> SourcingSummary:
    """What the briefing's key judgments rest on."""
    ctx = Context(Snapshot.of(doc))
    judgments = [
        (claim, placed.in_first)
        for claim, placed in ctx.placed_claims
        if claim.kind == ClaimKind.JUDGMENT.value
    ]
    key = [claim for claim, first in judgments if first]
    scope = "key judgments" if key else "judgments"
    chosen = key or [claim for claim, _ in judgments]
    bases = tuple(_basis(ctx, claim) for claim in chosen)
    uses: Counter[str] = Counter(s for basis in bases for s in basis.sources)
    sources = tuple(
        SourceUse(s.id, s.key, s.title, s.kind, s.reliability, uses[s.id])
        for s in ctx.snap.sources.values()
        if uses[s.id]
    )
    return SourcingSummary(scope, bases, sources)


def _basis(ctx: Context, claim: Claim) -> JudgmentBasis:
    sources = ctx.snap.sources
    cited = tuple(dict.fromkeys(c.source for c in claim.citations if c.source in sources))
    grades = tuple(
        admiralty_grade(sources[c.source].reliability, c.credibility)
        for c in claim.citations
        if c.source in sources
    )
    unnamed = tuple(
        c.attribution or sources[c.source].descriptor
        for c in claim.citations
        if c.source in sources and is_unnamed(c, sources[c.source])
    )
    return JudgmentBasis(
        claim.id, claim.text, claim.confidence, claim.likelihood, cited, grades, unnamed
    )


def summary_paragraphs(summary: SourcingSummary) -> list[str]:
    """The summary as plain-text paragraphs; empty when there are no judgments."""
    n = len(summary.judgments)
    if not n:
        return []
    one, many = summary.scope[:-1], summary.scope
    paragraphs = [
        f"The {_count(n, one, many)} {_verb(n, 'rests', 'rest')} on "
        + _count(len(summary.sources), "source", "sources")
        + (f": {_kinds(summary)}." if summary.sources else ".")
    ]
    if summary.sources:
        paragraphs.append(f"Source reliability: {_reliabilities(summary)}.")
    for verbs, group in (
        (("rests on a single source", "rest on a single source"), summary.single_source),
        (("rests in part on unnamed sources", "rest in part on unnamed sources"), summary.unnamed),
        (("cites no source", "cite no source"), summary.uncited),
    ):
        if group:
            ids = ", ".join(j.claim for j in group)
            k = len(group)
            paragraphs.append(f"{_count(k, one, many)} {_verb(k, *verbs)}: {ids}.")
    paragraphs[1:] = [p[:1].upper() + p[1:] for p in paragraphs[1:]]
    return paragraphs


def _verb(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _kinds(summary: SourcingSummary) -> str:
    parts = []
    for kind, n in summary.kinds.most_common():
        one, many = KIND_NAMES.get(kind, (kind, kind))
        parts.append(_count(n, one, many))
    return ", ".join(parts)


def _reliabilities(summary: SourcingSummary) -> str:
    counts = summary.reliabilities
    parts = [
        f"{grade.value} ({RELIABILITY_LABELS[grade]}) {counts[grade.value]}"
        for grade in Reliability
        if counts[grade.value]
    ]
    if counts[""]:
        parts.append(f"not graded {counts['']}")
    return ", ".join(parts)
