"""Classification marking rules: every portion marked, banner at least the highest."""

from __future__ import annotations

from collections.abc import Iterator

from briefing.checks.findings import Finding, Fix, FixTarget, make_finding
from briefing.checks.snapshot import Context, Placed
from briefing.core.vocab import banner_word, level_rank, marking_levels


def markings(ctx: Context) -> Iterator[Finding]:
    """``missing-portion-mark`` per unmarked portion, then ``banner-below-portion``."""
    info = ctx.snap.info
    scheme = info.marking_scheme
    levels = marking_levels(scheme)
    if not levels:
        return
    highest: int | None = None
    highest_at: Placed | None = None
    ranks: dict[str, int | None] = {}
    claims, placement = ctx.snap.claims, ctx.placement
    for placed in ctx.blocks:
        block = placed.block
        if block.claim is None:
            if not block.text.strip():
                continue
            portion = block.portion
        else:
            claim = claims.get(block.claim)
            if claim is None or placement[claim.id] is not placed:
                continue
            portion = claim.portion
        if portion not in ranks:
            ranks[portion] = level_rank(scheme, portion) if portion.strip() else None
        rank = ranks[portion]
        if rank is None:
            what, targets = _portion(placed)
            yield make_finding("missing-portion-mark", targets, _missing(what, portion, levels))
        elif highest is None or rank > highest:
            highest, highest_at = rank, placed
    if highest is None or highest_at is None:
        return
    banner = level_rank(scheme, info.classification) if info.classification.strip() else None
    if banner is None or banner < highest:
        level = levels[highest]
        yield make_finding(
            "banner-below-portion",
            _portion(highest_at)[1],
            f"{_banner_state(info.classification, banner, levels)}, but a portion is marked "
            f"{banner_word(scheme, level)}.",
            Fix(
                f"Set the classification to {banner_word(scheme, level)}",
                FixTarget.INFO,
                {"classification": level},
                {"classification": info.classification},
            ),
        )


def _portion(placed: Placed) -> tuple[str, dict[str, str | int]]:
    """How a message names a portion (a placed claim or a prose paragraph), and its targets."""
    claim_id = placed.block.claim
    if claim_id is None:
        what = f"Paragraph {placed.index + 1} of section {placed.section.id!r}"
        return what, {"section": placed.section.id, "block": placed.index}
    return f"Claim {claim_id!r}", {"claim": claim_id, "section": placed.section.id}


def _missing(what: str, portion: str, levels: tuple[str, ...]) -> str:
    if not portion.strip():
        return f"{what} has no portion marking."
    return f"{what} is marked {portion!r}, which is not one of {', '.join(levels)}."


def _banner_state(classification: str, rank: int | None, levels: tuple[str, ...]) -> str:
    if not classification.strip():
        return "The briefing has no overall classification"
    if rank is None:
        return f"The overall classification {classification!r} is not one of {', '.join(levels)}"
    return f"The overall classification is only {classification!r}"
