"""A news article as a source: claims quoting it survive every export.

The project's article (tests/material) always; ../shared's seed article as an
extra case when it is present.

The claim wording is ours; only the quotes (exact excerpts, as a citation
records them) come from the article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source
from briefing.export import export_document
from tests.export import readers
from tests.material import ARTICLE, shared_seed

# (claim in our words, exact quote from the article, attribution inside the article)
PROJECT_CLAIMS = [
    (
        "Officials expect the reservoirs to stay low until summer.",
        "the Kestrel Basin reservoirs will not refill before next summer",
        "five officials familiar with internal forecasts",
    ),
    (
        "A senator says the forecasts have pointed one way for years.",
        "The numbers have always told us the river is shrinking,",
        "Sen. Ada Morrow, interview",
    ),
    (
        "The Water Authority gave lawmakers a calmer reading.",
        "Water Authority Director Miriam Castell wrote on the social media platform Bluesky",
        "Miriam Castell, post on Bluesky",
    ),
    (
        "The foreign minister conceded uncertainty about upstream intent.",
        "I don't know if they want an agreement",
        "Foreign Minister Daniel Ashe, press conference",
    ),
]
SHARED_CLAIMS = [
    (
        "US agencies still judge that Moscow's aims extend to all of Ukraine.",
        "Putin has not abandoned his goal of seizing all of Ukraine",
        "six sources familiar with classified reports",
    ),
    (
        "A House intelligence member says the assessment has been stable.",
        "The intelligence has always been that Putin wants more,",
        "Rep. Mike Quigley, interview",
    ),
    (
        "The DNI publicly disputed that framing.",
        "Director of National Intelligence Tulsi Gabbard wrote on social media platform X",
        "Tulsi Gabbard, post on X",
    ),
    (
        "The Secretary of State conceded uncertainty about Russian intent.",
        "I don't know if Putin wants to do a deal",
        "Sec. Marco Rubio, press conference",
    ),
]


def _paragraph_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# The notes each article's claims should get, written by hand: the first in full, later
# ones short (speaker; short title, locator); paragraph numbers read off the articles.
PROJECT_NOTES = [
    "Five officials familiar with internal forecasts; “Forecasts for the Kestrel Basin”, "
    "Seed News Desk, December 2025, para. 1. Grade B3.",
    "Sen. Ada Morrow, interview; “Forecasts for the Kestrel Basin”, para. 4. Grade B3.",
    "Miriam Castell, post on Bluesky; “Forecasts for the Kestrel Basin”, para. 14. Grade B3.",
    "Foreign Minister Daniel Ashe, press conference; “Forecasts for the Kestrel Basin”, "
    "para. 15. Grade B3.",
]
SHARED_NOTES = [
    "Six sources familiar with classified reports; “US intelligence on Russian aims in "
    "Ukraine”, Seed News Desk, December 2025, para. 1. Grade B3.",
    "Rep. Mike Quigley, interview; “US intelligence”, para. 4. Grade B3.",
    "Tulsi Gabbard, post on X; “US intelligence”, para. 14. Grade B3.",
    "Sec. Marco Rubio, press conference; “US intelligence”, para. 15. Grade B3.",
]

# per article: its path, its title, its claims, and the notes they should get
CASES = {
    "project": (lambda: ARTICLE, "Forecasts for the Kestrel Basin", PROJECT_CLAIMS, PROJECT_NOTES),
    "seed": (shared_seed, "US intelligence on Russian aims in Ukraine", SHARED_CLAIMS,
               SHARED_NOTES),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="module")
def seed_document(case: str) -> Document:
    where, title, quoted, _ = CASES[case]
    text = where().read_text(encoding="utf-8")
    source = Source(
        id="s1",
        key="article",
        kind="news",
        title=title,
        publisher="Seed News Desk",
        published="2025-12",
        reliability="B",
        text=text,
    )
    claims = []
    for i, (wording, quote, who) in enumerate(quoted, start=1):
        start = text.index(quote)
        citation = Citation(
            "s1",
            quote=quote,
            start=start,
            end=start + len(quote),
            locator=f"para. {_paragraph_of(text, start)}",
            attribution=who,
            credibility="3",
        )
        claims.append(Claim(id=f"c{i}", text=wording, citations=(citation,)))
    section = Section(
        id="k1",
        title="What the reporting says",
        blocks=tuple(Block.for_claim(c.id) for c in claims),
    )
    return Document(BriefingInfo(title="Seed briefing"), [source], claims, [section])


def test_quotes_are_exact_excerpts(seed_document: Document) -> None:
    text = seed_document.source("s1").text
    for claim in seed_document.claims:
        citation = claim.citations[0]
        assert text[citation.start : citation.end] == citation.quote


@pytest.mark.parametrize(("suffix", "fmt"), [(".docx", "docx"), (".md", "markdown")])
def test_claims_keep_speaker_and_paragraph(
    case: str, seed_document: Document, tmp_path: Path, suffix: str, fmt: str
) -> None:
    expected = CASES[case][3]
    path = export_document(seed_document, tmp_path / f"seed{suffix}")
    actual = readers.pandoc_read(path, fmt, skip_superscript=True)
    assert [n for _, ns in actual for n in ns] == expected
