"""Speaker suggestions: accuracy on the attribution corpus and the seed, and speed.

Accuracy is top-1 and top-3 — does the first (any of the first three)
suggestion's whole label name the expected speaker — by split and source style,
scored by ``tests/attribution_corpus/corpus.py``.  The seed article
(``../shared/seed/news-article.txt``) is scored when present, from the
hand-written table below.  Speed: one suggestion on a 20 MB source after its
first locator (the paragraph index) was made, target 5 ms.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.harness import ROOT, Figure
from tests.attribution_corpus import corpus

SEED = ROOT.parent / "shared" / "seed" / "news-article.txt"
SEED_CASES = (  # passage (as it starts in the seed) → who says it, decided by reading it
    ("Putin has not abandoned his goal of seizing", "six sources familiar with classified reports"),
    ("The intelligence has always been that Putin wants more", "Mike Quigley"),
    ("The Baltics think they're first.", "Mike Quigley"),
    ("The envoys met with Ukrainian negotiators in Miami", "a White House official"),
    ("a demand that President Volodymyr Zelenskyy and most Ukrainians reject",
     "two sources familiar with the negotiations"),
    ("robust American-backed security guarantees", "four European diplomats and two sources"),
    ("with plans also including American-backed air patrols", "two sources"),
    ("Russia is seeking a lower limit", "several diplomats"),
    ("the security provisions depend on Zelenskyy agreeing", "One source and a diplomat"),
    ("alternatives remain under examination", "other diplomats"),
    ("What will these security guarantees actually do?", "Volodymyr Zelenskyy"),
    ("Russia seeks to avoid a larger European war", "Tulsi Gabbard"),
    ("I don't know if Putin wants to do a deal", "Marco Rubio"),
    ("They haven't achieved those objectives.", "Marco Rubio"),
    ("has made tremendous progress with respect to ending the war", "a White House official"),
    ("is closer than ever before", "a White House official"),
    ("insisting his terms must be met", "Vladimir Putin"),
)
STYLES = ("wire", "broadsheet", "magazine", "transcript", "statement", "social", "report")


def seed_cases(path: Path = SEED) -> list[corpus.Case]:
    """The seed's passages as corpus cases (empty when the seed is absent)."""
    if not path.exists():
        return []
    from briefing.ingest import import_file, sequential_ids

    text = import_file(path, new_id=sequential_ids(lambda _: False))[0].source.text
    return [corpus.Case("news-article.txt", "seed", "wire", text, passage, text.index(passage),
                        (who,)) for passage, who in SEED_CASES if passage in text]


def accuracy_lines(seed: Path = SEED) -> Iterator[str]:
    from briefing.ingest import suggest_attribution

    cases = corpus.load()
    for split, name in (("tune", "tuning texts"), ("heldout", "held-out texts")):
        tallies = corpus.evaluate([c for c in cases if c.split == split], suggest_attribution)
        for style in ("all", *STYLES):
            if style in tallies:
                yield _line(f"attribution, corpus {name}, {style}", tallies[style])
    found = seed_cases(seed)
    if found:
        yield _line("attribution, seed article (wire)",
                    corpus.evaluate(found, suggest_attribution)["all"])
    else:
        yield f"attribution, seed article: skipped ({seed} not found)"


def _line(name: str, tally: corpus.Tally) -> str:
    return (f"{name}: top-1 {tally.percent(tally.top1):.1f} %, "
            f"top-3 {tally.percent(tally.top3):.1f} % of {tally.total} passages")


def big_source(megabytes: int = 20) -> str:
    """News paragraphs with quotes, and a transcript part, to *megabytes* of text."""
    news = ('"We will not sign a deal that leaves the port closed," Henrik Vass, the '
            "authority's chairman, told reporters on Monday. He said talks would resume. "
            "Shipping slowed for a third week, port officials said.")
    talk = "MODERATOR: Next question.\n\nQ: Will the port reopen?\n\nVASS: Not this week."
    block = "\n\n".join([news] * 6 + [talk])
    return "\n\n".join([block] * (megabytes * 2**20 // (len(block) + 2) + 1))


def speed_figure(megabytes: int = 20, suggestions: int = 200) -> Figure:
    from briefing.core.model import Source
    from briefing.ingest import cite_range, suggest_attribution

    source = Source(id="big", text=big_source(megabytes))
    text = source.text
    cite_range(source, 100, 150)  # the first locator indexes the source's paragraphs
    rng = random.Random(20)
    runs = []
    for _ in range(suggestions):
        start = rng.randrange(len(text) - 200)
        began = time.perf_counter()
        suggest_attribution(text, start, start + 60)
        runs.append(time.perf_counter() - began)
    return Figure(f"suggest a speaker, {megabytes} MB source (after its first locator)", runs,
                  target=0.005)


def attribution_figures(megabytes: int = 20, suggestions: int = 200) -> Iterator[Figure | str]:
    yield from accuracy_lines()
    yield speed_figure(megabytes, suggestions)
