"""ICD 203 rules: confidence and likelihood on judgments, and estimative wording
(likelihood words against the Likelihood field, confidence phrases against the
Confidence field).

Quote claims are verbatim source words, not the analyst's language, so the
wording rules skip them.  Judgments and analyst prose are checked wherever
they are; ``mixed-estimative-scales`` looks at what is exported (placed claims
and prose).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from briefing.checks.estimative import (
    WORD_SET_LIKELY,
    WORD_SET_PROBABLE,
    TermMatch,
    counterpart,
    level_label,
    mixed_sentences,
    stated_confidences,
)
from briefing.checks.findings import Finding, Fix, FixTarget, make_finding
from briefing.checks.snapshot import Context, Placed
from briefing.core.model import Claim
from briefing.core.vocab import ClaimKind

QUOTE = ClaimKind.QUOTE.value

JUDGMENT = ClaimKind.JUDGMENT.value


def judgments_without_confidence(ctx: Context) -> Iterator[Finding]:
    for claim, placed in ctx.placed_claims:
        if claim.kind == JUDGMENT and not claim.confidence and not claim.likelihood:
            yield make_finding(
                "judgment-without-confidence",
                {"claim": claim.id, "section": placed.section.id},
                f"Judgment {claim.id!r} states neither a confidence nor a likelihood.",
            )


def estimative_mismatches(ctx: Context) -> Iterator[Finding]:
    claims = ctx.snap.claims
    for claim_id, terms in ctx.claims_with_terms.items():  # in the order of the claims
        finding = _mismatch(claims[claim_id], terms)
        if finding is not None:
            yield finding


def _mismatch(claim: Claim, terms: Sequence[TermMatch]) -> Finding | None:
    stated = [t for t in terms if not t.negated]
    levels = list(dict.fromkeys(t.level.value for t in stated))
    field = claim.likelihood
    if field and any(level != field for level in levels):
        other = next(t for t in stated if t.level.value != field)
        return make_finding(
            "estimative-mismatch",
            {"claim": claim.id},
            f"Claim {claim.id!r} says {other.text!r} ({level_label(other.level)}) but its "
            f"likelihood is {level_label(field)}.",
            _likelihood_fix(claim, levels),
        )
    if claim.kind != JUDGMENT:
        return None
    if not field and levels:
        return make_finding(
            "estimative-mismatch",
            {"claim": claim.id},
            f"Judgment {claim.id!r} says {stated[0].text!r} but its likelihood is not set.",
            _likelihood_fix(claim, levels),
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


def confidence_mismatches(ctx: Context) -> Iterator[Finding]:
    """A card whose words state a confidence level its Confidence field does not hold
    (quote cards are the source's words, not the analyst's, and are skipped)."""
    for claim in ctx.snap.claims.values():  # in the order of the claims
        if not claim.confidence or claim.kind == QUOTE:
            continue
        stated = stated_confidences(claim.text)
        other = next(((p, lv) for p, lv in stated if lv != claim.confidence), None)
        if other is None:
            continue
        levels = list(dict.fromkeys(level for _, level in stated))
        fix = _set_confidence_fix(claim, levels[0]) if len(levels) == 1 else None
        yield make_finding(
            "confidence-mismatch",
            {"claim": claim.id},
            f"Claim {claim.id!r} says {other[0]!r} but its confidence is "
            f"{claim.confidence}.",
            fix,
        )


def _set_confidence_fix(claim: Claim, level: str) -> Fix:
    return Fix(
        f"Set the confidence to {level}",
        FixTarget.CLAIM,
        {"confidence": level},
        {"confidence": claim.confidence, "text": claim.text},
        claim=claim.id,
    )


def _likelihood_fix(claim: Claim, levels: list[str]) -> Fix | None:
    """Setting the likelihood field, when the text states exactly one level."""
    return _set_likelihood_fix(claim, levels[0]) if len(levels) == 1 else None


def _set_likelihood_fix(claim: Claim, level: str) -> Fix:
    return Fix(
        f"Set the likelihood to {level_label(level)}",
        FixTarget.CLAIM,
        {"likelihood": level},
        {"likelihood": claim.likelihood, "text": claim.text},
        claim=claim.id,
    )


def _targets(placed: Placed) -> dict[str, str | int]:
    block = placed.block
    if block.claim is None:
        return {"section": placed.section.id, "block": placed.index}
    return {"claim": block.claim, "section": placed.section.id}


def _product_terms(ctx: Context) -> Iterator[tuple[Placed, Sequence[TermMatch]]]:
    """Every exported text in the analyst's words that has likelihood terms."""
    with_terms = ctx.claims_with_terms  # quote claims have no entry
    placement = ctx.placement
    for placed in ctx.blocks:
        claim_id = placed.block.claim
        if claim_id is None:
            terms = ctx.prose_terms(placed)
        else:
            terms = with_terms.get(claim_id, ())
            if terms and placement[claim_id] is not placed:
                continue
        if terms:
            yield placed, terms


def mixed_scales(ctx: Context) -> Iterator[Finding]:
    uses = list(_product_terms(ctx))
    count = {WORD_SET_LIKELY: 0, WORD_SET_PROBABLE: 0}
    for _, terms in uses:
        for term in terms:
            count[term.word_set] += 1
    if not (count[WORD_SET_LIKELY] and count[WORD_SET_PROBABLE]):
        return
    minority = (
        WORD_SET_PROBABLE
        if count[WORD_SET_PROBABLE] <= count[WORD_SET_LIKELY]
        else (WORD_SET_LIKELY)
    )
    main_name = "'likely'" if minority == WORD_SET_PROBABLE else "'probable'"
    for placed, terms in uses:
        odd = [t for t in terms if t.word_set == minority]
        if odd:
            targets = _targets(placed)
            words = ", ".join(f"{t.text!r} → {counterpart(t)!r}" for t in odd)
            yield make_finding(
                "mixed-estimative-scales",
                targets,
                f"{_where(targets)} leaves the briefing's ICD 203 word set ({main_name} "
                f"family): {words}.",
            )


def confidence_in_likelihood_sentences(ctx: Context) -> Iterator[Finding]:
    claims = ctx.snap.claims
    for claim_id, terms in ctx.claims_with_terms.items():  # in the order of the claims
        pairs = mixed_sentences(claims[claim_id].text, terms)
        if pairs:
            yield _sentence_finding({"claim": claim_id}, pairs[0])
    for placed in ctx.blocks:
        if placed.block.claim is None:
            pairs = mixed_sentences(placed.block.text, ctx.prose_terms(placed))
            if pairs:
                yield _sentence_finding(_targets(placed), pairs[0])


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
