"""ICD 203 rules: confidence and likelihood on judgments, and estimative wording.

Quote claims are verbatim source words, not the analyst's language, so the
wording rules skip them.  Judgments and analyst prose are checked wherever
they are; ``mixed-estimative-scales`` looks at what is exported (placed claims
and prose).
"""

from __future__ import annotations

from collections.abc import Iterator

from briefing.checks.estimative import (
    WORD_SET_LIKELY,
    WORD_SET_PROBABLE,
    TermMatch,
    counterpart,
    find_terms,
    level_label,
    mixed_sentences,
)
from briefing.checks.findings import Finding, Fix, FixTarget, make_finding
from briefing.checks.snapshot import Context
from briefing.core.model import Claim
from briefing.core.vocab import ClaimKind

JUDGMENT = ClaimKind.JUDGMENT.value
QUOTE = ClaimKind.QUOTE.value


def judgments_without_confidence(ctx: Context) -> Iterator[Finding]:
    for claim, placed in ctx.placed_claims:
        if claim.kind == JUDGMENT and not claim.confidence and not claim.likelihood:
            yield make_finding(
                "judgment-without-confidence",
                {"claim": claim.id, "section": placed.section.id},
                f"Judgment {claim.id!r} states neither a confidence nor a likelihood.",
            )


def estimative_mismatches(ctx: Context) -> Iterator[Finding]:
    for claim in ctx.snap.claims.values():
        if claim.kind == QUOTE:
            continue
        finding = _mismatch(claim, ctx.claim_terms[claim.id])
        if finding is not None:
            yield finding


def _mismatch(claim: Claim, terms: list[TermMatch]) -> Finding | None:
    stated = [t for t in terms if not t.negated]
    levels = list(dict.fromkeys(t.level.value for t in stated))
    field = claim.likelihood
    fix = _set_likelihood_fix(claim, levels[0]) if len(levels) == 1 else None
    if field and any(level != field for level in levels):
        other = next(t for t in stated if t.level.value != field)
        return make_finding(
            "estimative-mismatch",
            {"claim": claim.id},
            f"Claim {claim.id!r} says {other.text!r} ({level_label(other.level)}) but its "
            f"likelihood is {level_label(field)}.",
            fix,
        )
    if claim.kind != JUDGMENT:
        return None
    if not field and levels:
        return make_finding(
            "estimative-mismatch",
            {"claim": claim.id},
            f"Judgment {claim.id!r} says {stated[0].text!r} but its likelihood is not set.",
            fix,
        )
    negated = next((t for t in terms if t.negated), None)
    if negated is not None:
        return make_finding(
            "estimative-mismatch",
            {"claim": claim.id},
            f"Judgment {claim.id!r} negates {negated.text!r}, which has no calibrated "
            "meaning; state the likelihood with one ICD 203 term.",
        )
    return None


def _set_likelihood_fix(claim: Claim, level: str) -> Fix:
    return Fix(
        f"Set the likelihood to {level_label(level)}",
        FixTarget.CLAIM,
        {"likelihood": level},
        {"likelihood": claim.likelihood, "text": claim.text},
        claim=claim.id,
    )


def _product_texts(ctx: Context) -> Iterator[tuple[dict[str, str | int], list[TermMatch]]]:
    """(targets, terms) of every exported text in the analyst's words."""
    for placed in ctx.blocks:
        block = placed.block
        if block.claim is None:
            if block.text:
                targets: dict[str, str | int] = {
                    "section": placed.section.id, "block": placed.index,
                }
                yield targets, find_terms(block.text)
            continue
        claim = ctx.snap.claims.get(block.claim)
        if claim is not None and claim.kind != QUOTE and ctx.placement[claim.id] is placed:
            yield {"claim": claim.id, "section": placed.section.id}, ctx.claim_terms[claim.id]


def mixed_scales(ctx: Context) -> Iterator[Finding]:
    uses: list[tuple[dict[str, str | int], list[TermMatch]]] = []
    count = {WORD_SET_LIKELY: 0, WORD_SET_PROBABLE: 0}
    for targets, terms in _product_texts(ctx):
        if terms:
            uses.append((targets, terms))
            for term in terms:
                count[term.word_set] += 1
    if not (count[WORD_SET_LIKELY] and count[WORD_SET_PROBABLE]):
        return
    minority = WORD_SET_PROBABLE if count[WORD_SET_PROBABLE] <= count[WORD_SET_LIKELY] else (
        WORD_SET_LIKELY
    )
    main_name = "'likely'" if minority == WORD_SET_PROBABLE else "'probable'"
    for targets, terms in uses:
        odd = [t for t in terms if t.word_set == minority]
        if odd:
            words = ", ".join(f"{t.text!r} → {counterpart(t)!r}" for t in odd)
            yield make_finding(
                "mixed-estimative-scales",
                targets,
                f"{_where(targets)} uses the other ICD 203 word set than the rest of the "
                f"briefing ({main_name} family): {words}.",
            )


def confidence_in_likelihood_sentences(ctx: Context) -> Iterator[Finding]:
    for claim in ctx.snap.claims.values():
        if claim.kind == QUOTE:
            continue
        pairs = mixed_sentences(claim.text, ctx.claim_terms[claim.id])
        if pairs:
            yield _sentence_finding({"claim": claim.id}, pairs[0])
    for placed in ctx.blocks:
        if placed.block.claim is None and placed.block.text:
            text = placed.block.text
            pairs = mixed_sentences(text, find_terms(text))
            if pairs:
                targets: dict[str, str | int] = {
                    "section": placed.section.id, "block": placed.index,
                }
                yield _sentence_finding(targets, pairs[0])


def _sentence_finding(targets: dict[str, str | int], pair: tuple[str, str]) -> Finding:
    confidence, term = pair
    return make_finding(
        "confidence-and-likelihood-in-sentence",
        targets,
        f"{_where(targets)} puts a confidence level ({confidence!r}) and a likelihood "
        f"({term!r}) in one sentence.",
    )


def _where(targets: dict[str, str | int]) -> str:
    if "claim" in targets:
        return f"Claim {targets['claim']!r}"
    return f"Paragraph {int(targets['block']) + 1} of section {targets['section']!r}"
