"""Integrity and sourcing rules: references, citations, quotes, sources, duplicates."""

from __future__ import annotations

from collections.abc import Iterator

from briefing.checks.findings import Finding, Fix, FixTarget, make_finding
from briefing.checks.memo import by_text
from briefing.checks.quotes import FIX_FIELDS, MOVED, QuoteProblem, quote_problem
from briefing.checks.snapshot import Context
from briefing.core.model import Claim, Source
from briefing.core.text import collapse
from briefing.core.vocab import ClaimKind, SourceKind

NEEDS_CITATION = frozenset({ClaimKind.INFORMATION.value, ClaimKind.QUOTE.value})
NEEDS_URL = frozenset({SourceKind.WEB.value, SourceKind.NEWS.value, SourceKind.SOCIAL.value})


def dangling_references(ctx: Context) -> Iterator[Finding]:
    for placed in ctx.blocks:
        claim_id = placed.block.claim
        if claim_id is not None and claim_id not in ctx.snap.claims:
            yield make_finding(
                "dangling-reference",
                {"section": placed.section.id, "block": placed.index, "claim": claim_id},
                f"Section {placed.section.title or placed.section.id!r}, block "
                f"{placed.index + 1} names claim {claim_id!r}, which does not exist.",
            )
    for claim in ctx.snap.claims.values():
        for i, citation in enumerate(claim.citations):
            if citation.source not in ctx.snap.sources:
                yield make_finding(
                    "dangling-reference",
                    {"claim": claim.id, "citation": i, "source": citation.source},
                    f"Citation {i + 1} of claim {claim.id!r} names source "
                    f"{citation.source!r}, which does not exist.",
                )


def uncited_claims(ctx: Context) -> Iterator[Finding]:
    for claim, placed in ctx.placed_claims:
        if claim.kind in NEEDS_CITATION and not claim.citations:
            yield make_finding(
                "uncited-claim",
                {"claim": claim.id, "section": placed.section.id},
                f"Claim {claim.id!r} is {claim.kind} but has no citation.",
            )


def quotes_in_sources(ctx: Context) -> Iterator[Finding]:
    """``quote-not-in-source`` and ``anchor-moved`` for every quoted citation.

    Where a quote is, and how it matches, is the ingest anchor resolver's call
    (:mod:`briefing.ingest.anchors`): verbatim at the stored offsets, moved,
    found with different white space or quotation marks, or only a similar
    passage ("fuzzy") or nothing, which means the quote is not in the source.
    """
    sources = ctx.snap.sources
    for claim in ctx.snap.claims.values():
        for i, citation in enumerate(claim.citations):
            source = sources.get(citation.source)
            if source is None or not source.text:
                continue
            quote, start = citation.quote, citation.start
            if (
                start is not None
                and start >= 0
                and citation.end == start + len(quote)
                and source.text.startswith(quote, start)
            ) or not quote.strip():
                continue  # in place (the common case, decided without a call), or no quote
            problem = quote_problem(citation, source)
            if problem is not None:
                yield _quote_finding(claim, i, source, problem)


def _quote_finding(claim: Claim, i: int, source: Source, problem: QuoteProblem) -> Finding:
    citation = claim.citations[i]
    targets: dict[str, str | int] = {"claim": claim.id, "citation": i, "source": source.id}
    fix = None
    if problem.changes:
        label = (
            f"Re-anchor the quote at {problem.where}"
            if problem.kind == MOVED
            else f"Quote the source's words at {problem.where}"
        )
        expect = {name: getattr(citation, name) for name in FIX_FIELDS}
        fix = Fix(label, FixTarget.CITATION, problem.changes, expect, claim=claim.id, citation=i)
    anchor = problem.anchor
    if problem.kind == MOVED:
        return make_finding(
            "anchor-moved",
            targets,
            f"The quote of citation {i + 1} of claim {claim.id!r} is at "
            f"{anchor.start}–{anchor.end} ({problem.where}) in the source, "
            f"not at {citation.start}–{citation.end}.",
            fix,
        )
    closest = (
        f"; the closest passage ({anchor.similarity:.0%} similar) is at {problem.where}: "
        f"{_short(anchor.found)}"
        if fix is not None
        else ""
    )
    return make_finding(
        "quote-not-in-source",
        targets,
        f"The quote of citation {i + 1} of claim {claim.id!r} "
        f"({_short(citation.quote)}) is not in source {_source_name(source)}{closest}.",
        fix,
    )


def source_metadata(ctx: Context) -> Iterator[Finding]:
    for source in ctx.snap.sources.values():
        if not ctx.cited[source.id]:
            continue
        missing = []
        if not source.title.strip():
            missing.append("title")
        if not source.published.strip():
            missing.append("date")
        if source.kind in NEEDS_URL and not source.url.strip():
            missing.append("URL")
        if missing:
            yield make_finding(
                "source-missing-metadata",
                {"source": source.id},
                f"Cited source {_source_name(source)} has no {' or '.join(missing)}.",
            )


def unused_sources(ctx: Context) -> Iterator[Finding]:
    for source in ctx.snap.sources.values():
        if not ctx.cited[source.id]:
            yield make_finding(
                "unused-source",
                {"source": source.id},
                f"Source {_source_name(source)} is not cited by any claim.",
            )


def unplaced_claims(ctx: Context) -> Iterator[Finding]:
    for claim in ctx.snap.claims.values():
        if claim.id not in ctx.placement:
            yield make_finding(
                "unplaced-claim",
                {"claim": claim.id},
                f"Claim {claim.id!r} is on the board but not in the outline; "
                "it will not be exported.",
            )


_END_PUNCT = ".,;:!?…\"'”’) "


def duplicate_key(claim: Claim) -> str:
    """The text two claims share when they say the same thing: words, casefolded."""
    return _text_key(claim.text)


@by_text
def _text_key(text: str) -> str:
    """:func:`duplicate_key` of a text, remembered between runs of the checks."""
    if text.isascii() and text.isprintable() and "  " not in text:
        # the only white space is single spaces: splitting and re-joining would change
        # nothing but the ends (a third of the cost of a first run of this rule)
        return text.strip(" ").lower().strip(_END_PUNCT)
    return collapse(text.casefold()).strip(_END_PUNCT)


def duplicate_claims(ctx: Context) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for claim in ctx.snap.claims.values():
        key = _text_key(claim.text)
        if not key:
            continue
        if key in first:
            yield make_finding(
                "duplicate-claim",
                {"claim": claim.id},
                f"Claim {claim.id!r} says the same as claim {first[key]!r}.",
            )
        else:
            first[key] = claim.id


def _short(text: str, limit: int = 40) -> str:
    flat = collapse(text)
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")


def _source_name(source: Source) -> str:
    title = collapse(source.title)
    key = source.key or source.id
    return f"{key!r} ({_short(title, 50)})" if title else repr(key)
