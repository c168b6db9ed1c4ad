"""The bundled sample briefing: loads, anchors hold, and it shows every feature once.

A newcomer opens ``resources/samples/sample.json`` first; these tests check what
they would notice: every note points at the exact passage and paragraph it names,
every kind of claim card and every source appears, the outline has the usual four
sections, and exactly one deliberate problem is there for the checks dock.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.core.document import Document
from briefing.core.model import Claim
from briefing.core.vocab import LIKELIHOOD_TERMS, ClaimKind, level_rank
from briefing.store.jsonio import dumps, load_json
from tests.material import ARTICLE, REPORT, TRANSCRIPT, shared_seed

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "resources" / "samples" / "sample.json"
SECTION_TITLES = ["Key Judgments", "Background", "Negotiations", "Outlook"]
PARAGRAPH_BREAK = "\n\n"


@pytest.fixture(scope="module")
def doc() -> Document:
    return load_json(SAMPLE)


def _citations(doc: Document):
    for claim in doc.claims:
        for citation in claim.citations:
            yield claim, citation, doc.source(citation.source)


def test_sample_loads_with_sources_and_claims(doc: Document) -> None:
    assert doc.info.title
    assert len(doc.sources) == 4
    assert 15 <= len(doc.claims) <= 20


def test_sample_file_is_in_canonical_form(doc: Document) -> None:
    assert dumps(doc) == SAMPLE.read_text(encoding="utf-8")


def test_every_quote_is_the_exact_source_passage(doc: Document) -> None:
    for claim, citation, source in _citations(doc):
        where = f"{claim.id} → {source.id}"
        assert citation.quote, where
        assert citation.start is not None and citation.end is not None, where
        assert source.text[citation.start : citation.end] == citation.quote, where


def test_every_locator_names_the_paragraph_of_its_quote(doc: Document) -> None:
    for claim, citation, source in _citations(doc):
        assert PARAGRAPH_BREAK not in citation.quote, claim.id
        paragraph = source.text.count(PARAGRAPH_BREAK, 0, citation.start) + 1
        assert citation.locator == f"para. {paragraph}", claim.id


def test_every_citation_says_who_speaks_and_how_credible(doc: Document) -> None:
    for claim, citation, _source in _citations(doc):
        assert citation.attribution, claim.id
        assert citation.credibility in {"1", "2", "3", "4", "5", "6"}, claim.id


def test_sources_cover_four_kinds_and_are_all_cited(doc: Document) -> None:
    kinds = {source.kind for source in doc.sources}
    assert {"news", "social", "government"} <= kinds
    assert kinds & {"statement", "interview"}
    for source in doc.sources:
        assert doc.citation_count(source.id) > 0, source.id
        assert source.descriptor and source.reliability, source.id
        assert source.title and source.published, source.id
        assert source.url.startswith("https://example.org/"), source.id
        assert len(source.text.split(PARAGRAPH_BREAK)) >= 4, source.id


def test_all_four_claim_kinds_appear(doc: Document) -> None:
    assert {claim.kind for claim in doc.claims} == {kind.value for kind in ClaimKind}


def test_some_claims_rest_on_two_citations(doc: Document) -> None:
    assert sum(len(claim.citations) >= 2 for claim in doc.claims) >= 3


def test_statuses_are_varied(doc: Document) -> None:
    assert {claim.status for claim in doc.claims} == {"draft", "checked", "disputed"}


def test_outline_has_the_four_sections_in_order(doc: Document) -> None:
    assert [section.title for section in doc.sections] == SECTION_TITLES
    prose = [b for s in doc.all_sections() for b in s.blocks if not b.is_claim]
    assert prose, "the outline should show analyst prose between claims"


def test_a_few_claims_wait_on_the_board(doc: Document) -> None:
    assert 2 <= len(doc.unplaced_claims()) <= 3


def _estimate_missing(claim: Claim) -> bool:
    return claim.kind == ClaimKind.JUDGMENT and not claim.confidence and not claim.likelihood


def test_exactly_one_placed_judgment_lacks_an_estimate(doc: Document) -> None:
    """The deliberate problem described in resources/samples/README.md."""
    missing = [c.id for c in doc.placed_claims() if _estimate_missing(c)]
    assert len(missing) == 1
    assert missing[0] in (SAMPLE.parent / "README.md").read_text(encoding="utf-8")


def test_the_checks_dock_shows_that_one_warning_and_no_error(doc: Document) -> None:
    from briefing.checks import run_checks

    findings = run_checks(doc)
    problems = [(f.rule, f.claim) for f in findings if f.severity != "info"]
    assert problems == [("judgment-without-confidence", "c4")]
    unplaced = {c.id for c in doc.unplaced_claims()}
    assert {f.claim for f in findings if f.rule == "unplaced-claim"} == unplaced


def _likelihood_levels(text: str) -> set[str]:
    """ICD 203 likelihood levels whose words appear in *text* (longest match wins)."""
    words = [
        (word, level.value)
        for level, term in LIKELIHOOD_TERMS.items()
        for word in term.words + term.alt_words
    ]
    words.sort(key=lambda pair: len(pair[0]), reverse=True)
    pattern = re.compile(
        "|".join(rf"(?<![\w-]){re.escape(word)}(?!\w)" for word, _ in words), re.IGNORECASE
    )
    meaning = {word: level for word, level in words}
    return {meaning[match.group().lower()] for match in pattern.finditer(text)}


def test_estimative_words_agree_with_the_likelihood_field(doc: Document) -> None:
    for claim in doc.claims:
        expected = {claim.likelihood} if claim.likelihood else set()
        assert _likelihood_levels(claim.text) == expected, claim.id
    for section in doc.all_sections():
        for block in section.blocks:
            if not block.is_claim:
                assert not _likelihood_levels(block.text), section.title


def test_markings_are_consistent(doc: Document) -> None:
    scheme = doc.info.marking_scheme
    banner = level_rank(scheme, doc.info.classification)
    assert banner is not None
    portions = [claim.portion for claim in doc.claims]
    portions += [b.portion for s in doc.all_sections() for b in s.blocks if not b.is_claim]
    ranks = [level_rank(scheme, portion) for portion in portions]
    assert None not in ranks, "every claim and prose block carries a portion mark"
    assert max(ranks) == banner  # type: ignore[type-var]


def _copied_runs(text: str, original: str, length: int) -> list[str]:
    """Runs of *length* words of *text* that also occur in *original* (case-blind)."""
    words = re.findall(r"[\w']+", original.lower())
    runs = {tuple(words[i : i + length]) for i in range(len(words) - length + 1)}
    ours = re.findall(r"[\w']+", text.lower())
    return [" ".join(ours[i : i + length]) for i in range(len(ours) - length + 1)
            if tuple(ours[i : i + length]) in runs]


def test_sample_is_written_in_its_own_words() -> None:
    """No run of eight words is copied from the seed article it is modelled on (extra case)."""
    seed = shared_seed().read_text(encoding="utf-8")
    assert not _copied_runs(SAMPLE.read_text(encoding="utf-8"), seed, 8)


@pytest.mark.parametrize("material", [ARTICLE, TRANSCRIPT, REPORT], ids=lambda p: p.name)
def test_test_material_is_written_in_its_own_words(material) -> None:
    """Not even six words in a row of the project's test material come from the seed."""
    seed = shared_seed().read_text(encoding="utf-8")
    assert not _copied_runs(material.read_text(encoding="utf-8"), seed, 6)
