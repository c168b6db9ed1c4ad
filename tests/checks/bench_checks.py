"""Benchmark (not a test): run_checks over a 5,000-claim briefing.

Run with ``python -m tests.checks.bench_checks``; prints the median time of
several runs against the 100 ms target.
"""

from __future__ import annotations

import random
import statistics
import time

from briefing.checks import run_checks
from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source

TARGET_MS = 100.0
PHRASES = [
    ("The ministry reported new repairs on the northern bridge.", ""),
    ("Talks are likely to resume after the holiday.", "likely"),
    ("A ceasefire is very unlikely before spring, officials said.", "very_unlikely"),
    ("We assess with moderate confidence that supply lines remain open.", ""),
    ("Shipments through the port rose sharply in the third quarter.", ""),
]
"""Claim texts and the likelihood each states."""


def build(n_claims: int = 5000, n_sources: int = 500, seed: int = 1) -> Document:
    rng = random.Random(seed)
    sources = []
    for i in range(n_sources):
        text = " ".join(rng.choice(PHRASES)[0] for _ in range(40))
        sources.append(
            Source(
                id=f"s{i}",
                title=f"Report {i}",
                kind="news",
                published="2025",
                url=f"https://example.org/{i}",
                reliability=rng.choice("ABCDEF"),
                text=text,
            )
        )
    claims = []
    for i in range(n_claims):
        source = sources[rng.randrange(n_sources)]
        start = rng.randrange(0, len(source.text) - 60)
        quote = source.text[start : start + 50]
        moved = i % 50 == 0
        citation = Citation(
            source=source.id,
            quote=quote,
            start=start + (3 if moved else 0),
            end=start + 50 + (3 if moved else 0),
            credibility=rng.choice("123456"),
        )
        kind = rng.choice(["information", "judgment", "quote", "assumption"])
        text, likelihood = rng.choice(PHRASES)
        sloppy = i % 25 == 0  # a few planted problems of each kind
        claims.append(
            Claim(
                id=f"c{i}",
                text=f"{text} Item {i}.",
                kind=kind,
                confidence=rng.choice(["high", "moderate", "low"]),
                likelihood="unlikely" if sloppy else likelihood,
                portion="" if sloppy else rng.choice(["U", "C"]),
                citations=(citation,),
            )
        )
    per = n_claims // 10
    sections = [
        Section(
            id=f"k{j}",
            title=f"Section {j}",
            blocks=tuple(Block.for_claim(f"c{i}") for i in range(j * per, (j + 1) * per - 5))
            + (Block.prose("Context paragraph; escalation is probable.", "U"),),
        )
        for j in range(10)
    ]
    info = BriefingInfo(title="Bench", marking_scheme="us", classification="C")
    return Document(info, sources, claims, sections)


def main() -> None:
    doc = build()
    times = []
    for _ in range(7):
        began = time.perf_counter()
        findings = run_checks(doc)
        times.append((time.perf_counter() - began) * 1000)
    median = statistics.median(times)
    print(
        f"run_checks on {len(doc.claims)} claims, {len(doc.sources)} sources: "
        f"median {median:.1f} ms (best {min(times):.1f} ms), {len(findings)} findings; "
        f"target ≤ {TARGET_MS:.0f} ms → {median / TARGET_MS:.2f}× of budget"
    )


if __name__ == "__main__":
    main()
