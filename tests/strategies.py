"""Hypothesis strategies for whole documents, with hostile text.

Hostile means: Markdown and HTML syntax, XML-invalid control characters,
right-to-left text, emoji and combining marks, leading/trailing whitespace.
Every exporter and store test draws from here.
"""

from __future__ import annotations

from hypothesis import strategies as st

from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source
from briefing.core.vocab import (
    ClaimKind,
    ClaimStatus,
    Confidence,
    Credibility,
    Likelihood,
    NoteStyle,
    Reliability,
    SourceKind,
)

HOSTILE_FRAGMENTS = [
    "*bold*",
    "_em_",
    "[^1]",
    "[link](http://x.test)",
    "# heading",
    "> quote",
    "`code`",
    "<b>&amp;</b>",
    "a\\b",
    "1. item",
    "- item",
    "| cell |",
    "~~del~~",
    "$x$",
    "@user",
    "\x00",
    "\x0b",
    "\x0c",
    "\x1f",
    "\ufffe",
    "\uffff",
    "\u202e",
    "שלום עולם",
    "مرحبا",
    "😀👍🏽",
    "e\u0301",
    "\t",
    "\n\n",
    "   ",
    "&#x27;",
    "\r\n",
    "ﷺ",
    "{{x}}",
    "%(x)s",
]

hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE_FRAGMENTS), st.text(max_size=8)), max_size=6
).map("".join)
plain_text = st.text(
    alphabet=st.characters(categories=("L", "N", "Zs", "P")), min_size=1, max_size=30
)


def _enum(values: type) -> st.SearchStrategy[str]:
    return st.sampled_from([v.value for v in values])


@st.composite
def sources(draw: st.DrawFn, source_id: str) -> Source:
    text = draw(hostile_text)
    return Source(
        id=source_id,
        title=draw(hostile_text),
        key=f"key-{source_id}",
        kind=draw(_enum(SourceKind)),
        authors=tuple(draw(st.lists(hostile_text, max_size=3))),
        publisher=draw(hostile_text),
        published=draw(st.sampled_from(["", "2025", "2025-12", "2025-12-20"])),
        url=draw(st.sampled_from(["", "https://example.org/a?b=c&d=e"])),
        reliability=draw(st.sampled_from(["", *[r.value for r in Reliability]])),
        text=text,
        notes=draw(hostile_text),
    )


@st.composite
def citations(draw: st.DrawFn, source_ids: list[str]) -> Citation:
    start = draw(st.one_of(st.none(), st.integers(0, 500)))
    end = None if start is None else start + draw(st.integers(0, 50))
    return Citation(
        source=draw(st.sampled_from(source_ids)),
        quote=draw(hostile_text),
        start=start,
        end=end,
        locator=draw(st.sampled_from(["", "para. 4", "p. 12"])),
        attribution=draw(hostile_text),
        credibility=draw(st.sampled_from(["", *[c.value for c in Credibility]])),
        note=draw(hostile_text),
    )


@st.composite
def claims(draw: st.DrawFn, claim_id: str, source_ids: list[str]) -> Claim:
    cites = draw(st.lists(citations(source_ids), max_size=3)) if source_ids else []
    return Claim(
        id=claim_id,
        text=draw(hostile_text),
        kind=draw(_enum(ClaimKind)),
        confidence=draw(st.sampled_from(["", *[c.value for c in Confidence]])),
        likelihood=draw(st.sampled_from(["", *[x.value for x in Likelihood]])),
        portion=draw(st.sampled_from(["", "U", "C", "S"])),
        tags=tuple(draw(st.lists(plain_text, max_size=2))),
        status=draw(_enum(ClaimStatus)),
        citations=tuple(cites),
        notes=draw(hostile_text),
    )


@st.composite
def documents(draw: st.DrawFn, max_sources: int = 4, max_claims: int = 8) -> Document:
    """A valid Document with nested sections, placed and unplaced claims."""
    source_ids = [f"s{i}" for i in range(draw(st.integers(0, max_sources)))]
    claim_ids = [f"c{i}" for i in range(draw(st.integers(0, max_claims)))]
    placed = draw(st.permutations(claim_ids))[: draw(st.integers(0, len(claim_ids)))]
    info = BriefingInfo(
        title=draw(hostile_text),
        subtitle=draw(hostile_text),
        authors=tuple(draw(st.lists(hostile_text, max_size=2))),
        date=draw(st.sampled_from(["", "2025-12-20"])),
        marking_scheme=draw(st.sampled_from(["none", "us", ("LOW", "HIGH")])),
        classification=draw(st.sampled_from(["", "S", "HIGH"])),
        caveats=draw(hostile_text),
        note_style=draw(_enum(NoteStyle)),
    )
    blocks = [Block.for_claim(c) for c in placed]
    blocks += [Block.prose(draw(hostile_text), draw(st.sampled_from(["", "U"]))) for _ in range(2)]
    blocks = draw(st.permutations(blocks))
    cut = draw(st.integers(0, len(blocks)))
    child = Section(id="k2", title=draw(hostile_text), blocks=tuple(blocks[cut:]))
    top = Section(id="k1", title=draw(hostile_text), blocks=tuple(blocks[:cut]), sections=(child,))
    outline = [top, Section(id="k3", title=draw(hostile_text))]
    return Document(
        info,
        [draw(sources(s)) for s in source_ids],
        [draw(claims(c, source_ids)) for c in claim_ids],
        outline,
    )
