"""A small, sound briefing built on ../shared/seed/news-article.txt.

Claims and prose are in our own words; citations quote short passages of the
article and carry their exact offsets.
"""

from __future__ import annotations

from pathlib import Path

from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "news-article.txt"


def article() -> str:
    return SEED.read_text(encoding="utf-8")


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
        title="US intelligence on Russian aims in Ukraine",
        published="2025-12-20",
        url="https://example.org/news/intelligence-russia-aims",
        reliability="B",
        text=text,
    )
    post = Source(
        id="s2",
        key="dni-post",
        kind="social",
        title="Post by the Director of National Intelligence on X",
        published="2025-12-20",
        url="https://example.org/x/dni-post",
        reliability="C",
    )
    claims = [
        Claim(
            id="c1",
            kind="judgment",
            text="Moscow's aims very likely still extend to all of Ukraine.",
            confidence="moderate",
            likelihood="very_likely",
            portion="U",
            citations=(
                quoted(
                    text,
                    "has not abandoned his goal of seizing all of Ukraine",
                    "six sources familiar with classified reports",
                    "3",
                ),
                Citation(source="s2", attribution="Director of National Intelligence"),
            ),
        ),
        Claim(
            id="c2",
            kind="judgment",
            text="A settlement is unlikely while the territorial question stays open.",
            confidence="low",
            likelihood="unlikely",
            portion="U",
            citations=(
                quoted(
                    text,
                    "significant disagreements remain over territorial concessions",
                    "the reporter",
                ),
                quoted(text, "offered no concessions", "Vladimir Putin, news conference"),
            ),
        ),
        Claim(
            id="c3",
            kind="information",
            text="Russia holds about a fifth of Ukraine's territory.",
            portion="U",
            citations=(
                quoted(
                    text, "Russia currently controls approximately 20% of Ukrainian territory", ""
                ),
            ),
        ),
        Claim(
            id="c4",
            kind="quote",
            text="What will these security guarantees actually do?",
            portion="U",
            citations=(
                quoted(
                    text,
                    "What will these security guarantees actually do?",
                    "Volodymyr Zelenskyy",
                ),
            ),
        ),
        Claim(
            id="c5",
            kind="information",
            text="The Secretary of State said he does not know what Putin ultimately wants.",
            portion="U",
            citations=(
                quoted(
                    text,
                    "I don't know if Putin wants to do a deal",
                    "Marco Rubio, press conference",
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
                Block.prose("The talks continue while the front line keeps moving.", "U"),
                Block.for_claim("c3"),
                Block.for_claim("c4"),
                Block.for_claim("c5"),
            ),
        ),
    ]
    info = BriefingInfo(
        title="Russian aims and the peace talks",
        date="2025-12-21",
        marking_scheme="us",
        classification="U",
    )
    return Document(info, [news, post], claims, sections)
