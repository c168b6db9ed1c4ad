"""Hypothesis strategies for hostile URLs: Markdown syntax, character references,
percent signs, RTL text and emoji in the path, query and mail address."""

from __future__ import annotations

from hypothesis import strategies as st

from briefing.export.sanitize import clean_line

HOSTILE = list("[]()!<>&*_`#|~ \\%;:=?@'\"{}^$+,/.-") + [
    "![a](b)", "[a](b)", "&amp;", "&#38;", "&#x26;", "&lt;b&gt;", "<b>", "</a>", "[^1]",
    "%20", "%zz", "%E2", "**", "__", "~~", "``", "\u202e", "\u200f", "\u05e9\u05dc\u05d5\u05dd",
    "\u0645\u0631\u062d\u0628\u0627", "\U0001f600", "\U0001f44d\U0001f3fd", "e\u0301", "\ufdfa",
]
_PIECES = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=4),
)
_PART = st.lists(_PIECES, max_size=8).map("".join)
_HOSTS = ["x.test", "port.example.org", "user:pw@x.test:8080", "[::1]:81"]
"""Not an IDNA host: markdown-it-py shows ``xn--bcher-kva.test`` as ``bücher.test``."""


@st.composite
def hostile_urls(draw: st.DrawFn) -> str:
    """http(s) URLs with Markdown syntax, entities, RTL and emoji in path and query."""
    scheme = draw(st.sampled_from(["http", "https"]))
    url = f"{scheme}://{draw(st.sampled_from(_HOSTS))}/{draw(_PART)}"
    query = draw(_PART)
    return f"{url}?{query}" if query else url


@st.composite
def hostile_mailtos(draw: st.DrawFn) -> str:
    """mailto URLs with one address (any local part) and a hostile subject."""
    local = "".join(c for c in clean_line(draw(_PART)) if c not in "@,?" and not c.isspace())
    return f"mailto:{local or 'desk'}@port.test?subject={draw(_PART)}"


hostile_links = st.one_of(hostile_urls(), hostile_mailtos())
"""Any URL that should become a link."""
