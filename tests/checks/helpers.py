"""Small builders for check tests: a briefing in a few lines."""

from __future__ import annotations

from collections.abc import Iterable

from briefing.checks import Finding, run_checks
from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source

TEXT = (
    "The ministry said on Monday that the bridge would reopen in March. "
    'Engineers found  cracks in two   supports, according to a "senior engineer". '
    "Repairs will cost about 4 million euros."
)


def source(source_id: str = "s1", **fields: object) -> Source:
    base: dict[str, object] = {
        "title": "Bridge repairs announced",
        "kind": "news",
        "published": "2025-03-01",
        "url": "https://example.org/bridge",
        "text": TEXT,
    }
    base.update(fields)
    return Source(id=source_id, **base)  # type: ignore[arg-type]


def cite(source_id: str = "s1", quote: str = "", **fields: object) -> Citation:
    if quote and "start" not in fields and quote in TEXT:
        fields["start"] = TEXT.index(quote)
        fields["end"] = TEXT.index(quote) + len(quote)
    return Citation(source=source_id, quote=quote, **fields)  # type: ignore[arg-type]


def claim(claim_id: str, text: str = "", **fields: object) -> Claim:
    return Claim(id=claim_id, text=text or f"Statement {claim_id}.", **fields)  # type: ignore[arg-type]


def briefing(
    claims: Iterable[Claim] = (),
    sources: Iterable[Source] | None = None,
    key: Iterable[str | Block] = (),
    body: Iterable[str | Block] = (),
    **info: object,
) -> Document:
    """A Document: *key* goes to section k1 (Key Judgments), *body* to k2."""
    sources = [source()] if sources is None else list(sources)

    def blocks(items: Iterable[str | Block]) -> tuple[Block, ...]:
        return tuple(b if isinstance(b, Block) else Block.for_claim(b) for b in items)

    sections = [
        Section(id="k1", title="Key Judgments", blocks=blocks(key)),
        Section(id="k2", title="Discussion", blocks=blocks(body)),
    ]
    return Document(BriefingInfo(title="Test", **info), sources, list(claims), sections)  # type: ignore[arg-type]


def rules_for(doc: object, rule: str) -> list[Finding]:
    """The findings of one rule."""
    return [f for f in run_checks(doc, [rule])]  # type: ignore[arg-type]
