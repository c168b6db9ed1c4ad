"""Rules on what judgments rest on: single sources and weakly graded evidence."""

from __future__ import annotations

from collections.abc import Iterator

from briefing.checks.findings import Finding, make_finding
from briefing.checks.snapshot import Context
from briefing.core.model import Citation
from briefing.core.vocab import ClaimKind, Confidence, Credibility, Reliability

JUDGMENT = ClaimKind.JUDGMENT.value
WEAK_RELIABILITY = frozenset(r.value for r in (Reliability.D, Reliability.E, Reliability.F))
WEAK_CREDIBILITY = frozenset(
    c.value for c in (Credibility.DOUBTFUL, Credibility.IMPROBABLE, Credibility.CANNOT_BE_JUDGED)
)


def single_source_judgments(ctx: Context) -> Iterator[Finding]:
    """Judgments in the first top-level section (Key Judgments/BLUF) on one source."""
    for claim, placed in ctx.placed_claims:
        if claim.kind != JUDGMENT or not placed.in_first or not claim.citations:
            continue
        sources = {citation.source for citation in claim.citations}
        if len(sources) == 1:
            (source_id,) = sources
            yield make_finding(
                "single-source-judgment",
                {"claim": claim.id, "section": placed.section.id, "source": source_id},
                f"Key judgment {claim.id!r} rests on one source only ({source_id!r}).",
            )


def is_weak(ctx: Context, citation: Citation) -> bool:
    """A citation of a source graded D–F or of information graded 4–6."""
    source = ctx.snap.sources.get(citation.source)
    reliability = source.reliability if source is not None else ""
    return reliability in WEAK_RELIABILITY or citation.credibility in WEAK_CREDIBILITY


def weak_basis(ctx: Context) -> Iterator[Finding]:
    for claim in ctx.snap.claims.values():
        if (
            claim.kind == JUDGMENT
            and claim.confidence == Confidence.HIGH.value
            and claim.citations
            and all(is_weak(ctx, citation) for citation in claim.citations)
        ):
            yield make_finding(
                "weak-basis-high-confidence",
                {"claim": claim.id},
                f"Judgment {claim.id!r} is held with high confidence but every citation is "
                "to a source graded D–F or information graded 4–6.",
            )
