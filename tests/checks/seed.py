"""A small, sound briefing built on the project's news article (tests/material).

Claims and prose are in our own words; citations quote short passages of the
article and carry their exact offsets.
"""

from __future__ import annotations

from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source
from tests.material import article_text


def article() -> str:
    return article_text()


def quoted(text: str, quote: str, attribution: str, credibility: str = "") -> Citation:
    start = text.index(quote)
    return Citation(
        source="s1",
        quote=quote,
        start=start,
        end=start + len(quote),
        attribution=attribution,
        credibility=credibility,
    )


def seed_briefing() -> Document:
    text = article()
    news = Source(
        id="s1",
        key="article",
        kind="news",
        title="Forecasts for the Kestrel Basin",
        published="2025-12-20",
        url="https://example.org/news/kestrel-basin-forecasts",
        reliability="B",
        text=text,
    )
    post = Source(
        id="s2",
        key="authority-post",
        kind="social",
        title="Post by the Water Authority Director on Bluesky",
        published="2025-12-20",
        url="https://example.org/bluesky/authority-post",
        reliability="C",
    )
    claims = [
        Claim(
            id="c1",
            kind="judgment",
            text="The basin's reservoirs very likely stay low through next summer.",
            confidence="moderate",
            likelihood="very_likely",
            portion="U",
            citations=(
                quoted(
                    text,
                    "the Kestrel Basin reservoirs will not refill before next summer",
                    "five officials familiar with internal forecasts",
                    "3",
                ),
                Citation(source="s2", attribution="Water Authority Director"),
            ),
        ),
        Claim(
            id="c2",
            kind="judgment",
            text="A water-sharing deal is unlikely while the release question stays open.",
            confidence="low",
            likelihood="unlikely",
            portion="U",
            citations=(
                quoted(
                    text,
                    "wide gaps remain over how much water the dam must release",
                    "the reporter",
                ),
                quoted(text, "offered no concessions", "the upstream premier, news conference"),
            ),
        ),
        Claim(
            id="c3",
            kind="information",
            text="The upstream state holds most of the basin's stored water.",
            portion="U",
            citations=(
                quoted(
                    text, "The upstream state currently holds about 60% of the basin's", ""
                ),
            ),
        ),
        Claim(
            id="c4",
            kind="quote",
            text="What will this plan actually put in our canals?",
            portion="U",
            citations=(
                quoted(
                    text,
                    "What will this plan actually put in our canals?",
                    "Jonas Field",
                ),
            ),
        ),
        Claim(
            id="c5",
            kind="information",
            text="The foreign minister said he does not know what the upstream state wants.",
            portion="U",
            citations=(
                quoted(
                    text,
                    "I don't know if they want an agreement",
                    "Daniel Ashe, press conference",
                    "2",
                ),
            ),
        ),
    ]
    sections = [
        Section(
            id="k1", title="Key Judgments", blocks=(Block.for_claim("c1"), Block.for_claim("c2"))
        ),
        Section(
            id="k2",
            title="Discussion",
            blocks=(
                Block.prose("The talks continue while the reservoirs keep falling.", "U"),
                Block.for_claim("c3"),
                Block.for_claim("c4"),
                Block.for_claim("c5"),
            ),
        ),
    ]
    info = BriefingInfo(
        title="The basin talks and the dry year",
        date="2025-12-21",
        marking_scheme="us",
        classification="U",
    )
    return Document(info, [news, post], claims, sections)
