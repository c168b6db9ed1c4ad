"""Synthetic documents of a chosen size, with realistic citations.

``synthetic_document(claims=5000, sources=1000, paragraphs=40)`` gives sources
of K paragraphs (about 20 KB each at the defaults), claims quoting exact
passages with offsets, locators and attributions, and nested sections.
"""

from __future__ import annotations

import random

from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source

COMMON = [
    "officials",
    "assessment",
    "negotiators",
    "territory",
    "ceasefire",
    "envoy",
    "guarantees",
    "forces",
    "region",
    "intelligence",
    "ministry",
    "statement",
    "diplomats",
    "talks",
    "framework",
    "security",
    "reports",
    "sources",
    "border",
    "frontline",
    "sanctions",
    "energy",
    "corridor",
    "leaders",
    "summit",
    "proposal",
    "agreement",
    "withdrawal",
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "for",
    "on",
    "with",
    "said",
    "by",
    "as",
    "was",
    "is",
    "it",
    "from",
    "at",
    "be",
    "have",
]
SYLLABLES = ("ka", "lo", "mi", "ren", "sto", "vi", "dra", "nu", "pel", "tor", "za", "shi")


def _vocabulary(size: int = 20000) -> tuple[list[str], list[float]]:
    """Common words plus pseudo-words, with Zipf-like cumulative weights."""
    rng = random.Random(1)
    words = list(COMMON)
    while len(words) < size:
        words.append("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    cumulative, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1.0 / rank
        cumulative.append(total)
    return words, cumulative


WORDS, CUM_WEIGHTS = _vocabulary()
SPEAKERS = (
    "six officials familiar with the reports",
    "a senior diplomat",
    "the Secretary of State, press conference",
    "a committee member, interview",
)


def _paragraph(rng: random.Random, words: int) -> str:
    body = " ".join(rng.choices(WORDS, cum_weights=CUM_WEIGHTS, k=words))
    return body[0].upper() + body[1:] + "."


def synthetic_document(
    claims: int = 5000, sources: int = 1000, paragraphs: int = 40, seed: int = 7
) -> Document:
    rng = random.Random(seed)
    source_list = []
    for i in range(sources):
        text = "\n\n".join(_paragraph(rng, 60) for _ in range(paragraphs))
        source_list.append(
            Source(
                id=f"s{i}",
                key=f"src{i}",
                kind="news",
                title=f"Report {i} on the talks",
                authors=(f"Reporter {i % 37}",),
                publisher="Wire Service",
                published="2025-12-20",
                url=f"https://example.org/report/{i}",
                reliability="B",
                text=text,
            )
        )
    claim_list = []
    for i in range(claims):
        source = source_list[rng.randrange(sources)] if sources else None
        cites = ()
        if source is not None:
            para = rng.randrange(paragraphs)
            start = sum(len(p) + 2 for p in source.text.split("\n\n")[:para])
            end = start + 40
            cites = (
                Citation(
                    source.id,
                    quote=source.text[start:end],
                    start=start,
                    end=end,
                    locator=f"para. {para + 1}",
                    attribution=rng.choice(SPEAKERS),
                    credibility="2",
                ),
            )
        kind = "judgment" if i % 5 == 0 else "information"
        claim_list.append(
            Claim(
                id=f"c{i}",
                text=_paragraph(rng, 25),
                kind=kind,
                confidence="moderate" if kind == "judgment" else "",
                likelihood="likely" if kind == "judgment" else "",
                citations=cites,
            )
        )
    return Document(
        BriefingInfo(title="Synthetic briefing"),
        source_list,
        claim_list,
        _outline([c.id for c in claim_list]),
    )


def _outline(claim_ids: list[str]) -> list[Section]:
    titles = ("Key Judgments", "Background", "Discussion", "Outlook")
    per = max(1, len(claim_ids) // (len(titles) * 2))
    sections = []
    for n, title in enumerate(titles):
        top = claim_ids[2 * n * per : (2 * n + 1) * per]
        sub = claim_ids[(2 * n + 1) * per : (2 * n + 2) * per]
        child = Section(f"k{n}a", f"{title} — detail", tuple(Block.for_claim(c) for c in sub))
        blocks = (Block.prose("Analyst framing paragraph."),) + tuple(
            Block.for_claim(c) for c in top
        )
        sections.append(Section(f"k{n}", title, blocks, (child,)))
    return sections
