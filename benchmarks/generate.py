"""Synthetic documents of a chosen size, with realistic citations.

``synthetic_document(claims=5000, sources=1000, paragraphs=40)`` gives sources
of K paragraphs (about 20 KB each at the defaults), claims quoting exact
passages with offsets, locators and attributions, and nested sections.
"""

from __future__ import annotations

import random
from pathlib import Path

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


JUDGMENTS = (
    ("We assess it is likely that {}", "likely"),
    ("Talks will almost certainly stall; {}", "almost_certain"),
    ("It is unlikely that {}", "unlikely"),
    ("We judge with moderate confidence that {}", "likely"),
)
"""Judgment openings and the likelihood each states (a few are planted to disagree)."""


def _source(rng: random.Random, i: int, paragraphs: int) -> Source:
    return Source(
        id=f"s{i}",
        key=f"src{i}",
        kind="news",
        title=f"Report {i} on the talks",
        authors=(f"Reporter {i % 37}",),
        publisher="Wire Service",
        published="2025-12-20",
        url=f"https://example.org/report/{i}",
        reliability="ABCDEF"[i % 6],
        text="\n\n".join(_paragraph(rng, 60) for _ in range(paragraphs)),
    )


def _citation(rng: random.Random, source: Source, i: int) -> Citation:
    """An exact 40-character passage with offsets; every 50th anchor is planted 3 off."""
    starts = [0]
    for paragraph in source.text.split("\n\n")[:-1]:
        starts.append(starts[-1] + len(paragraph) + 2)
    para = rng.randrange(len(starts))
    start = starts[para] + rng.randrange(0, 40)
    shift = 3 if i % 50 == 0 else 0
    return Citation(
        source.id,
        quote=source.text[start : start + 40],
        start=start + shift,
        end=start + 40 + shift,
        locator=f"para. {para + 1}",
        attribution=rng.choice(SPEAKERS),
        credibility=rng.choice("123456"),
    )


def _claim(rng: random.Random, i: int, cites: tuple[Citation, ...]) -> Claim:
    body = _paragraph(rng, 25)
    if i % 5:
        return Claim(id=f"c{i}", text=body, portion="U", citations=cites)
    opening, likelihood = JUDGMENTS[i % len(JUDGMENTS)]
    return Claim(
        id=f"c{i}",
        text=opening.format(body[0].lower() + body[1:]),
        kind="judgment",
        confidence=("moderate", "high", "low")[i % 3],
        likelihood="very_unlikely" if i % 25 == 0 else likelihood,
        portion="" if i % 40 == 0 else "U",
        citations=cites,
    )


def synthetic_document(
    claims: int = 5000, sources: int = 1000, paragraphs: int = 40, seed: int = 7
) -> Document:
    """*claims* cited claims over *sources* sources of *paragraphs* paragraphs each.

    Claims cite exact passages (quote, offsets, locator, attribution); a fifth
    are judgments in estimative language; a few problems are planted for the
    checks (moved anchors, a likelihood disagreeing with its words, a missing
    portion mark); the outline nests sections two deep.
    """
    rng = random.Random(seed)
    source_list = [_source(rng, i, paragraphs) for i in range(sources)]
    claim_list = []
    for i in range(claims):
        cites = (_citation(rng, rng.choice(source_list), i),) if source_list else ()
        claim_list.append(_claim(rng, i, cites))
    info = BriefingInfo(title="Synthetic briefing", marking_scheme="us", classification="U")
    return Document(info, source_list, claim_list, _outline([c.id for c in claim_list]))


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


def write_inputs(doc: Document, folder: Path, stem: str) -> dict[str, Path]:
    """*doc* as ``STEM.json``, ``STEM.briefing`` and ``STEM.md`` (our Markdown export,
    the input pandoc converts as the peer)."""
    from briefing.export import export_document
    from briefing.store.database import write_briefing
    from briefing.store.jsonio import dump_json

    paths = {suffix: folder / f"{stem}{suffix}" for suffix in (".json", ".briefing", ".md")}
    dump_json(doc, paths[".json"])
    paths[".briefing"].unlink(missing_ok=True)
    write_briefing(doc, paths[".briefing"])
    export_document(doc, paths[".md"])
    return paths
