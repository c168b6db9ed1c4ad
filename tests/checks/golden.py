"""A large, varied briefing whose findings are recorded in ``data/golden-findings*.jsonl``.

The checks are tuned for speed (memoised term finding, cached duplicate keys
and quote verdicts); this briefing pins what they must still find.  It is
built deterministically from a news article: several hundred
claims of every kind mixing the article's sentences with estimative wording
in both word sets (hyphenated, negated, upper-case, "remote" in both senses,
confidence and likelihood in one sentence), duplicates that differ only in
case, white space and final punctuation, quotes that are exact, moved, typed
with other quotation marks or not in the source, unplaced claims, dangling
citations and unmarked portions.

Each findings file records the output of the checks as they were before the
speed work (commit b54d745's parent): ``golden-findings-material.jsonl`` for
the project's article (tests/material), ``golden-findings.jsonl`` for the shared
seed article (an extra case, run when ../shared is present).  Regenerate one
(``python -m tests.checks.golden [material|seed]``) only when a rule is meant
to change.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import sys
from pathlib import Path

from briefing.checks.snapshot import Snapshot
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source
from tests.checks.seed import article

DATA = Path(__file__).resolve().parent / "data"
FINDINGS = DATA / "golden-findings-material.jsonl"
SHARED_FINDINGS = DATA / "golden-findings.jsonl"

PHRASES = (
    "It is likely that {}",
    "{} — almost certainly, officials say.",
    "We judge it very unlikely that {}",
    "A remote chance remains that {}",
    "The region is remote from the capital; {}",
    "The prospect is remote: {}",
    "It is highly-probable that {}",
    "It is not likely that {}",
    "IT IS UN-LIKELY THAT {}",
    "The most-likely outcome: {}",
    "There is a roughly even chance that {}",
    "Roughly even odds say {}",
    "We assess with high confidence that it is probable that {}",
    "We are moderately confident. It is improbable that {}",
    "{} This is nearly certain, and it is probably true.",
    "There is almost no chance that {}",
    "It isn't highly improbable that {}",
    "The likelihood is unclear: {}",
    "Highly\u2011probable: {}",
    "{}",
    "{}",
    "{}",
)
LIKELIHOODS = ("", "likely", "unlikely", "very_likely", "almost_certain", "roughly_even")
KINDS = ("information", "judgment", "judgment", "assumption", "quote", "information")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?\"”])\s+", text) if len(s.strip()) > 20]


def _citation(rng: random.Random, text: str, i: int) -> Citation:
    start = rng.randrange(0, len(text) - 80)
    quote = text[start : start + rng.randint(20, 70)]
    mode = i % 9
    if mode == 1:  # moved: right words, stored a few characters off
        return Citation("s1", quote, start + 4, start + 4 + len(quote), "para. 1", "a reporter")
    if mode == 2:  # typed with other quotation marks and spacing
        typed = quote.replace('"', "\u201c").replace(" ", "  ", 1)
        return Citation("s1", typed, start, start + len(quote), attribution="an official")
    if mode == 3:  # not in the source
        return Citation("s1", quote[::-1], start, start + len(quote), credibility="4")
    if mode == 4:  # no offsets
        return Citation("s1", quote, attribution="six sources familiar with the reports")
    if mode == 5:
        return Citation("s2", credibility="5")
    if mode == 6:
        return Citation("s9", quote="missing source")
    return Citation("s1", quote, start, start + len(quote), "", "Rep. A, interview", "2")


def golden_snapshot(claims: int = 300, seed: int = 11, text: str | None = None) -> Snapshot:
    """The briefing the golden findings describe (on the project's article by default)."""
    rng = random.Random(seed)
    text = article() if text is None else text
    sentences = _sentences(text)
    sources = [
        Source(id="s1", key="article", kind="news", title="Article", reliability="B", text=text),
        Source(id="s2", key="post", kind="social", title="", reliability="E"),
        Source(id="s3", key="unused", kind="web", title="Never cited"),
    ]
    made: list[Claim] = []
    numbers = itertools.count()
    for i in range(claims):
        body = sentences[i % len(sentences)]
        if i % 23 == 7 and made:  # a duplicate up to case, white space and final stop
            body = "  " + made[-3].text.upper().replace(" ", "   ") + " ."
            wording = "{}"
        else:
            wording = PHRASES[i % len(PHRASES)]
        cites = tuple(_citation(rng, text, next(numbers)) for _ in range(i % 3))
        made.append(
            Claim(
                id=f"c{i}",
                text=wording.format(body),
                kind=KINDS[i % len(KINDS)],
                confidence=("", "high", "moderate", "low")[i % 4],
                likelihood=LIKELIHOODS[(i // 3) % len(LIKELIHOODS)],
                portion=("U", "U", "C", "", "X")[i % 5],
                citations=cites,
            )
        )
    placed = [c.id for c in made if int(c.id[1:]) % 11] + ["c-deleted"]
    info = BriefingInfo(title="Golden", marking_scheme="us", classification="U")
    return Snapshot(info, {s.id: s for s in sources}, {c.id: c for c in made}, _outline(placed))


def _outline(ids: list[str]) -> tuple[Section, ...]:
    quarter = len(ids) // 4
    prose = (
        Block.prose("It is probable that the talks stall; we have high confidence.", "U"),
        Block.prose("The outcome is likely, and very likely soon.", ""),
        Block.prose("No estimative words here.", "S"),
    )
    claims = [Block.for_claim(cid) for cid in ids]
    first = Section("k1", "Key Judgments", (prose[0], *claims[:quarter]))
    inner = Section("k2a", "Detail", (prose[2], *claims[quarter : 2 * quarter], claims[3]))
    second = Section("k2", "Discussion", (prose[1], *claims[2 * quarter :]), (inner,))
    return (first, second)


def golden_lines(text: str | None = None) -> list[str]:
    """The findings of :func:`golden_snapshot`, one JSON object a line."""
    from briefing.checks import run_checks

    return [
        json.dumps(f.to_dict(), ensure_ascii=False, sort_keys=True)
        for f in run_checks(golden_snapshot(text=text))
    ]


if __name__ == "__main__":
    from tests.material import shared_seed

    shared = sys.argv[1:] == ["seed"]
    out = SHARED_FINDINGS if shared else FINDINGS
    source = shared_seed().read_text(encoding="utf-8") if shared else None
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(golden_lines(source)) + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {out}\n")
