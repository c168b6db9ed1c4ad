"""The ICD 206-style sourcing summary of the key judgments."""

from __future__ import annotations

import pytest

from briefing.checks import sourcing_summary, summary_paragraphs
from briefing.checks.sourcing import is_unnamed
from briefing.core.model import Citation
from tests.checks.helpers import briefing, cite, claim, source
from tests.checks.seed import seed_briefing


def test_seed_summary() -> None:
    summary = sourcing_summary(seed_briefing())
    assert summary.scope == "key judgments"
    assert [j.claim for j in summary.judgments] == ["c1", "c2"]
    assert [s.source for s in summary.sources] == ["s1", "s2"]
    assert dict(summary.kinds) == {"news": 1, "social": 1}
    assert [j.claim for j in summary.single_source] == ["c2"]
    assert [j.claim for j in summary.unnamed] == ["c1"]
    assert summary.judgments[0].grades == ("B3", "C")
    assert [s.grades for s in summary.sources] == [("B3", "B"), ("C",)]
    assert summary_paragraphs(summary) == [
        "The 2 key judgments rest on 2 sources: 1 news article, 1 social media post.",
        "Source reliability: B (usually reliable) 1, C (fairly reliable) 1.",
        "\u201cForecasts for the Kestrel Basin\u201d (news article) supports "
        "2 key judgments; graded B3, B.",
        "\u201cPost by the Water Authority Director on Bluesky\u201d (social media post) "
        "supports 1 key judgment; graded C.",
        "1 key judgment rests on a single source: \u201cA water-sharing deal is unlikely while "
        "the release question stays open\u201d.",
        "1 key judgment rests in part on unnamed sources: \u201cThe basin's reservoirs very "
        "likely stay low through next summer\u201d.",
    ]


def test_summary_falls_back_to_all_judgments_and_reports_uncited() -> None:
    doc = briefing(
        [
            claim("c1", "Ferries  will resume\nsoon.", kind="judgment", confidence="low"),
            claim("c2", kind="judgment", confidence="low", citations=(cite("s1"), cite("s2"))),
            claim("c3", kind="information", citations=(cite("s3"),)),
            claim("c4", kind="judgment", citations=(cite("s3"),)),  # unplaced
        ],
        sources=[
            source("s1", kind="report"),
            source("s2", kind="report", title="Port survey"),
            source("s3"),
        ],
        body=["c1", "c2", "c3"],
    )
    summary = sourcing_summary(doc)
    assert summary.scope == "judgments"
    assert [j.claim for j in summary.uncited] == ["c1"]
    assert summary.single_source == ()
    assert summary_paragraphs(summary) == [
        "The 2 judgments rest on 2 sources: 2 reports.",
        "Source reliability: not graded 2.",
        "\u201cBridge repairs announced\u201d (report) supports 1 judgment.",
        "\u201cPort survey\u201d (report) supports 1 judgment.",
        "1 judgment cites no source: \u201cFerries will resume soon\u201d.",
    ]


def test_long_judgments_are_shortened_and_untitled_sources_named_by_key() -> None:
    long_text = "The ferry network " + "very " * 30 + "likely recovers."
    doc = briefing(
        [claim("c1", long_text, kind="judgment", citations=(cite("s1"),))],
        sources=[source("s1", title="", key="ferrylog")],
        key=["c1"],
    )
    paragraphs = summary_paragraphs(sourcing_summary(doc))
    assert paragraphs[2] == "ferrylog (news article) supports 1 key judgment."
    single = paragraphs[3]
    assert single.startswith("1 key judgment rests on a single source: \u201cThe ferry network")
    assert single.endswith("\u2026\u201d.") and len(single) < 140


def test_no_judgments_no_summary() -> None:
    doc = briefing([claim("c1", citations=(cite(),))], body=["c1"])
    assert summary_paragraphs(sourcing_summary(doc)) == []


@pytest.mark.parametrize(
    ("attribution", "unnamed"),
    [
        ("six sources familiar with classified reports", True),
        ("a senior administration official", True),
        ("two diplomats", True),
        ("an official who spoke on condition of anonymity", True),
        ("people familiar with the talks", True),
        ("Rep. Mike Quigley, interview", False),
        ("Marco Rubio, press conference", False),
        ("", False),
    ],
)
def test_unnamed_attributions(attribution: str, unnamed: bool) -> None:
    assert is_unnamed(Citation(source="s1", attribution=attribution), None) is unnamed
