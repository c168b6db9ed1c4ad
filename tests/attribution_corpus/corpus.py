"""Read the attribution corpus and score suggestions against it (stdlib only).

A corpus file is one source text as the suggester sees it, with the passages an
analyst would select in it and who says each (see README.md beside this file)::

    style: wire
    title: Dockworkers extend strike

    <the source text, exactly as imported>

    @@ cases
    <selected passage> => <expected speaker> | <another right way to name them> ## tags

Scoring reads the whole label a footnote would print (name, role, venue), not
only its start.  A suggestion names the expected speaker when its label, normalised
(case, curly quotes, spacing and a leading "the/a/an" aside), equals one of the
accepted labels listed for the passage; or when its name equals an accepted name —
for a proper name of two words or more also after a title of letters only
("Commissioner Lena Bakke" names "Lena Bakke", "Q3 Petter Sand" does not) — and
every further part of the label is a clean appositive the text itself gives: a
role, a venue or the account ("the authority's chairman", "in a phone interview",
"@odda_ferries") found in the text, not cut off at a number or a dangling word
("Farid Nasseri, …, at least 1" and "A United Nations official, speaking" name
nobody).  A bare role never names a person,
and a surname alone names nobody.  (Until issue 20's review the label only had to
start with an accepted name and a comma; see README.md for the figures of both.)
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


_TITLE_WORDS = re.compile(r"^(?:[a-z][a-z.'-]* )+$")
_APPOSITIVE = re.compile(
    r"^(?:(?:the|a|an|her|his|its|their|our|one|who|in|at|on|during|to|from|by|for|with|"
    r"signed|published|speaking)\b.+|@\w+|[a-z][a-z'-]*(?: [a-z'-]+){0,8})$")
_DANGLING = {"speaking", "said", "says", "told", "who", "which", "that", "and", "of",
             "the", "a", "an", "in", "at", "on", "to"}


def _names_person(got: str, want: str, proper: bool) -> bool:
    if got == want:
        return True
    prefix = got[:-len(want)] if proper and got.endswith(" " + want) else ""
    return bool(prefix) and _TITLE_WORDS.match(prefix) is not None


def _clean_part(part: str, text: str) -> bool:
    """Is *part* (a normalised label part after the name) a role or venue the text gives?"""
    words = part.split()
    return (bool(words) and not part[-1].isdigit() and words[-1] not in _DANGLING
            and _APPOSITIVE.match(part) is not None and part in text)


def names(expected: Iterable[str], suggestion: object, text: str = "") -> bool:
    """Does *suggestion* (an Attribution), label and all, name one of the *expected*
    speakers?  *text* is the source, where a label's role and venue must be found."""
    label = norm(getattr(suggestion, "label", "") or getattr(suggestion, "who", ""))
    name = norm(getattr(suggestion, "full_name", "") or getattr(suggestion, "who", ""))
    whole = norm(text.replace("’", "'")) if text else ""
    rest = label[len(name):] if label.startswith(name) else None
    parts = [p.strip() for p in rest.split(", ")] if rest else []
    if rest and not rest.startswith(","):
        return any(norm(want) == label for want in expected)
    for want in expected:
        wanted = norm(want)
        if label == wanted:
            return True
        if _names_person(name, wanted, _proper(want)) and \
                all(_clean_part(p, whole) for p in parts if p):
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
        hit1 = bool(suggestions) and names(case.expected, suggestions[0], case.text)
        hit3 = any(names(case.expected, s, case.text) for s in suggestions[:3])
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
