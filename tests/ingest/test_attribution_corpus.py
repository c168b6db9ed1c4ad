"""The attribution corpus keeps the suggester honest across styles (issue 20).

Top-1 ≥ 90 % and top-3 ≥ 97 % over the whole corpus, and per source style on
the tuning texts, so a rule that helps one style and breaks another fails here.
"""

from __future__ import annotations

from collections import Counter

import pytest

from briefing.ingest import suggest_attribution
from briefing.ingest.attribution import Attribution
from tests.attribution_corpus import corpus

STYLES = {"wire", "broadsheet", "magazine", "transcript", "statement", "social", "report"}


@pytest.fixture(scope="module")
def cases() -> list[corpus.Case]:
    return corpus.load()


def test_the_corpus_covers_every_style_and_holds_passages_out(cases) -> None:
    assert len(cases) >= 150
    assert set(Counter(c.style for c in cases)) == STYLES
    held = [c for c in cases if c.split == "heldout"]
    assert len(held) >= 30 and {c.style for c in held} == STYLES
    assert all(c.text[c.start:c.end] == c.passage and c.expected for c in cases)


def test_top_one_and_top_three_over_the_whole_corpus(cases) -> None:
    tally = corpus.evaluate(cases, suggest_attribution)["all"]
    misses = "\n".join(f"{c.file}: {c.passage[:40]!r} → {got}" for c, got in tally.misses)
    assert tally.percent(tally.top1) >= 90, misses
    assert tally.percent(tally.top3) >= 97, misses


@pytest.mark.parametrize("style", sorted(STYLES))
def test_every_style_of_the_tuning_texts_keeps_the_bar(cases, style) -> None:
    chosen = [c for c in cases if c.split == "tune" and c.style == style]
    tally = corpus.evaluate(chosen, suggest_attribution)["all"]
    assert tally.percent(tally.top1) >= 90
    assert tally.percent(tally.top3) >= 97


def test_the_scoring_rule_names_people_not_roles() -> None:
    vass = Attribution("Henrik Vass", "said", "the authority's chairman")
    assert corpus.names(["Henrik Vass"], vass, "Henrik Vass, the authority's chairman, said")
    assert corpus.names(["Lena Bakke"], Attribution("Commissioner Lena Bakke", "said"))
    assert not corpus.names(["Henrik Vass"], Attribution("The authority's chairman", "said"))
    assert not corpus.names(["Henrik Vass"], Attribution("Vass", "said"))
    assert not corpus.names(["a White House official"], Attribution("An official", "said"))
    assert corpus.names(["the board"], Attribution("The Board", "said"))


def test_the_scoring_rule_reads_the_whole_label() -> None:
    text = ("Farid Nasseri, the federation's head of operations, said in a briefing in Geneva "
            "that at least 1,200 families slept outdoors. Q3 Petter Sand: What now?")
    good = Attribution("Farid Nasseri", "said", "the federation's head of operations",
                       "in a briefing in Geneva")
    assert corpus.names(["Farid Nasseri"], good, text)
    cut = Attribution("Farid Nasseri", "said", "the federation's head of operations",
                      "at least 1")
    assert not corpus.names(["Farid Nasseri"], cut, text)
    assert not corpus.names(["Farid Nasseri"], good.with_(detail="the chairman"), text)
    assert not corpus.names(["Petter Sand"], Attribution("Q3 Petter Sand", "label"), text)
    assert not corpus.names(["one engineer"], Attribution("one engineer", "said", "who"), text)
    assert not corpus.names(["Q"], Attribution("Q", "label", "a questioner"), text)
    # an accepted label listed whole is matched whole
    assert corpus.names(["a questioner (Q)"], Attribution("a questioner (Q)", "label"), text)
    post = Attribution("Inga Holt", "post", "@ingaholt_ice")
    assert corpus.names(["Inga Holt"], post, "Inga Holt (@ingaholt_ice) · 3 May")


def test_a_malformed_corpus_file_is_refused(tmp_path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("style: wire\n\nSome text.\n\n@@ cases\nnot in it => Nobody\n", "utf-8")
    with pytest.raises(corpus.CorpusError, match="found 0 times"):
        corpus.read_file(path, "tune")
