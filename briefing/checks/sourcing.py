"""The ICD 206-style sourcing summary: what the key judgments rest on.

The one implementation, used by the editor and by the export's optional
"Sourcing summary" section.  :func:`sourcing_summary` returns data;
:func:`summary_paragraphs` words it as plain-text paragraphs a reader of the
exported briefing understands (judgments are named by their words, not by
ids; writers clean and escape the text like any other).  Key judgments are
the judgments placed in the first top-level section (Key Judgments/BLUF);
when that section holds none, every placed judgment is summarized instead.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from briefing.checks.snapshot import Context, Snapshot
from briefing.core.document import Document
from briefing.core.model import Citation, Claim, Source
from briefing.core.text import collapse
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
    grades: tuple[str, ...] = ()
    """Distinct Admiralty grades of the key judgments' citations of it ("B2", "B")."""


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
    grades: dict[str, dict[str, None]] = {}
    for claim in chosen:
        for citation in claim.citations:
            source = ctx.snap.sources.get(citation.source)
            grade = admiralty_grade(source.reliability, citation.credibility) if source else ""
            if grade:
                grades.setdefault(citation.source, {})[grade] = None
    sources = tuple(
        SourceUse(
            s.id, s.key, s.title, s.kind, s.reliability, uses[s.id], tuple(grades.get(s.id, ()))
        )
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
    """The summary as plain-text paragraphs; empty when there are no judgments.

    Overall basis, reliability of the sources, one paragraph per source (its
    kind, how many judgments it supports, the grades of those citations), then
    the judgments resting on a single source, on unnamed sources, or on none.
    """
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
    paragraphs += [_source_paragraph(use, one, many) for use in summary.sources]
    for verbs, group in (
        (("rests on a single source", "rest on a single source"), summary.single_source),
        (("rests in part on unnamed sources", "rest in part on unnamed sources"), summary.unnamed),
        (("cites no source", "cite no source"), summary.uncited),
    ):
        if group:
            named = "; ".join(_quoted(j.text) or j.claim for j in group)
            k = len(group)
            paragraphs.append(f"{_count(k, one, many)} {_verb(k, *verbs)}: {named}.")
    return paragraphs


def _source_paragraph(use: SourceUse, one: str, many: str) -> str:
    kind = KIND_NAMES.get(use.kind, (use.kind, use.kind))[0]
    graded = f"; graded {', '.join(use.grades)}" if use.grades else ""
    title = _quoted(use.title) or use.key or use.source
    return f"{title} ({kind}) supports {_count(use.judgments, one, many)}{graded}."


def _quoted(text: str, limit: int = 80) -> str:
    """*text* on one line in quotation marks (final stop dropped), shortened with an
    ellipsis when long; "" when empty."""
    flat = collapse(text).rstrip(".;:, ")
    if not flat:
        return ""
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "\u2026"
    return f"\u201c{flat}\u201d"


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
