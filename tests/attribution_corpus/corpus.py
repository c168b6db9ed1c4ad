"""Read the attribution corpus and score suggestions against it (stdlib only).

A corpus file is one source text as the suggester sees it, with the passages an
analyst would select in it and who says each (see README.md beside this file)::

    style: wire
    title: Dockworkers extend strike

    <the source text, exactly as imported>

    @@ cases
    <selected passage> => <expected speaker> | <another right way to name them> ## tags

The scoring rule was fixed before any rule was tuned: a suggestion names the
expected speaker when its name, full name or label equals one of the expected
names (case, curly quotes and a leading "the/a/an" aside), or its label starts
with it followed by a comma ("Henrik Vass, the authority's chairman" names
"Henrik Vass"), or — for a proper name of two words or more — its name ends with
it ("Commissioner Lena Bakke" names "Lena Bakke").  A bare role ("An official",
"The harbour master") never names a person, and a surname alone names nobody.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPLITS = ("tune", "heldout")
_CASES = "@@ cases"


@dataclass(frozen=True)
class Case:
    """One selected passage of one source text and who says it."""

    file: str
    split: str
    style: str
    text: str
    passage: str
    start: int
    expected: tuple[str, ...]
    tags: tuple[str, ...] = ()

    @property
    def end(self) -> int:
        return self.start + len(self.passage)


class CorpusError(ValueError):
    """A corpus file that does not follow the format."""


def read_file(path: Path, split: str) -> list[Case]:
    raw = path.read_text(encoding="utf-8")
    head, sep, rest = raw.partition("\n\n")
    fields = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    body, sep2, cases = rest.partition("\n" + _CASES + "\n")
    if not sep or not sep2 or "style" not in fields:
        raise CorpusError(f"{path.name}: needs a header, a blank line, text and '{_CASES}'")
    text = body.rstrip("\n")
    found = []
    for line in cases.splitlines():
        if not line.strip():
            continue
        passage, arrow, expected = line.partition(" => ")
        if not arrow:
            raise CorpusError(f"{path.name}: case without ' => ': {line!r}")
        expected, _, tags = expected.partition(" ## ")
        if text.count(passage) != 1:
            raise CorpusError(f"{path.name}: passage found {text.count(passage)} times: "
                              f"{passage!r}")
        names = tuple(n.strip() for n in expected.split(" | ") if n.strip())
        found.append(Case(path.name, split, fields["style"], text, passage,
                          text.index(passage), names, tuple(tags.split())))
    return found


def load(splits: Sequence[str] = SPLITS, root: Path = HERE) -> list[Case]:
    """Every case of the given splits, in file order."""
    cases: list[Case] = []
    for split in splits:
        for path in sorted((root / split).glob("*.txt")):
            cases.extend(read_file(path, split))
    return cases


# ------------------------------------------------------------------ scoring
def norm(name: str) -> str:
    name = name.replace("’", "'").replace("“", '"').replace("”", '"').lower()
    name = re.sub(r"\s+", " ", name).strip(" ,.;:\"'")
    return re.sub(r"^(?:the|a|an) ", "", name)


def _proper(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and all(w[0].isupper() or w in ("of", "de", "van", "von")
                                   for w in words)


def names(expected: Iterable[str], suggestion: object) -> bool:
    """Does *suggestion* (an Attribution) name one of the *expected* speakers?"""
    who = getattr(suggestion, "who", "")
    offered = [who, getattr(suggestion, "full_name", ""), getattr(suggestion, "label", "")]
    offered = [norm(o) for o in offered if o]
    for want in expected:
        wanted = norm(want)
        for got in offered:
            if got == wanted or got.startswith(wanted + ","):
                return True
            if _proper(want) and got.endswith(" " + wanted):
                return True
    return False


@dataclass
class Tally:
    """Top-1 and top-3 hits over some cases."""

    total: int = 0
    top1: int = 0
    top3: int = 0
    misses: list[tuple[Case, list[str]]] = field(default_factory=list)

    def add(self, case: Case, suggestions: Sequence[object]) -> None:
        self.total += 1
        hit1 = bool(suggestions) and names(case.expected, suggestions[0])
        hit3 = any(names(case.expected, s) for s in suggestions[:3])
        self.top1 += hit1
        self.top3 += hit3
        if not hit1:
            self.misses.append((case, [getattr(s, "label", str(s)) for s in suggestions[:3]]))

    def percent(self, hits: int) -> float:
        return 100.0 * hits / self.total if self.total else 0.0

    def line(self, name: str) -> str:
        return (f"{name:<22} {self.total:>4} passages   top-1 {self.percent(self.top1):5.1f} %"
                f"   top-3 {self.percent(self.top3):5.1f} %")


Suggest = Callable[[str, int, int], Sequence[object]]


def evaluate(cases: Iterable[Case], suggest: Suggest) -> dict[str, Tally]:
    """Tallies by style and overall ("all") for *suggest*(text, start, end)."""
    tallies: dict[str, Tally] = {}
    for case in cases:
        found = list(suggest(case.text, case.start, case.end))
        for key in ("all", case.style):
            tallies.setdefault(key, Tally()).add(case, found)
    return tallies
