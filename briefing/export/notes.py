"""Note wording: the one place that turns citations and sources into words.

Every writer renders these segments; none of them composes note text itself.
A note names, in order: who says it (the citation's attribution), the
source's authors, its title in quotation marks, container and publisher,
date, the locator, the URL as a link, and the Admiralty grade ("B2").
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from briefing.core.model import Citation, Claim, Source
from briefing.core.vocab import (
    CREDIBILITY_LABELS,
    LIKELIHOOD_TERMS,
    RELIABILITY_LABELS,
    Credibility,
    Likelihood,
    Reliability,
    admiralty_grade,
)
from briefing.export.sanitize import clean_line

UNTITLED_SOURCE = "Untitled source"
_LINK_SCHEMES = ("http", "https", "ftp", "mailto")
_URL_SAFE = "/:?#[]@!$&'()*+,;=%~-._"


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of note text; a link when ``url`` is set (``text`` is then shown)."""

    text: str
    url: str = ""


def safe_url(url: str) -> str:
    """*url* percent-encoded to plain ASCII, or ``""`` when it is not a web/mail link.

    Only http(s), ftp and mailto become links: a ``javascript:`` URL in a
    source record must never become clickable in a colleague's copy.
    """
    url = clean_line(url)
    if not url:
        return ""
    scheme = urlsplit(url).scheme.lower() if ":" in url else ""
    if scheme not in _LINK_SCHEMES:
        return ""
    return quote(url, safe=_URL_SAFE)


def source_url(source: Source) -> str:
    """The link of a source: its URL, else its DOI as a doi.org link."""
    url = safe_url(source.url)
    if not url and clean_line(source.doi):
        url = safe_url("https://doi.org/" + clean_line(source.doi))
    return url


def source_title(source: Source) -> str:
    return clean_line(source.title) or UNTITLED_SOURCE


def _names(names: tuple[str, ...]) -> str:
    cleaned = [n for n in (clean_line(x) for x in names) if n]
    if len(cleaned) <= 2:
        return " and ".join(cleaned)
    return ", ".join(cleaned[:-1]) + ", and " + cleaned[-1]


def _describe(source: Source, locator: str = "") -> str:
    """ "Authors, “Title”, Container, Publisher, date, locator" (empty parts left out)."""
    parts = [
        _names(source.authors),
        f"\u201c{source_title(source)}\u201d",
        clean_line(source.container),
        clean_line(source.publisher),
        clean_line(source.published),
        clean_line(locator),
    ]
    return ", ".join(p for p in parts if p)


def _with_link(text: str, url: str, tail: str) -> tuple[Segment, ...]:
    """ "text. URL. tail" with the URL as a link; plain neighbours merged into one segment."""
    tail = " " + tail if tail else ""
    if not url:
        return (Segment(text + "." + tail),)
    return Segment(text + ". "), Segment(url, url), Segment("." + tail)


def citation_note(citation: Citation, source: Source) -> tuple[Segment, ...]:
    """The segments of the note for one citation of *source*."""
    attribution = clean_line(citation.attribution)
    text = _describe(source, citation.locator)
    if attribution:
        text = f"{attribution}; {text}"
    grade = admiralty_grade(clean_line(source.reliability), clean_line(citation.credibility))
    return _with_link(text, source_url(source), f"Grade {grade}." if grade else "")


def source_entry(source: Source) -> tuple[Segment, ...]:
    """The segments of a source's entry in the Sources list."""
    details = [clean_line(source.kind)]
    descriptor = clean_line(source.descriptor)
    if descriptor:
        details.append(descriptor)
    if source.reliability in {r.value for r in Reliability}:
        reliability = Reliability(source.reliability)
        details.append(f"reliability {reliability.value} ({RELIABILITY_LABELS[reliability]})")
    tail = "[" + "; ".join(d for d in details if d) + "]"
    return _with_link(_describe(source), source_url(source), tail)


def grade_label(reliability: str, credibility: str) -> str:
    """ "B2 (usually reliable, probably true)" for a sourcing summary; empty when ungraded."""
    grade = admiralty_grade(reliability, credibility)
    if not grade:
        return ""
    words = []
    if reliability in {r.value for r in Reliability}:
        words.append(RELIABILITY_LABELS[Reliability(reliability)])
    if credibility in {c.value for c in Credibility}:
        words.append(CREDIBILITY_LABELS[Credibility(credibility)])
    return f"{grade} ({', '.join(words)})" if words else grade


def estimate_text(claim: Claim) -> str:
    """ "[likely (55–80%); moderate confidence]" for a claim with an estimate, else ""."""
    parts = []
    if claim.likelihood in {x.value for x in Likelihood}:
        term = LIKELIHOOD_TERMS[Likelihood(claim.likelihood)]
        parts.append(f"{term.label} ({term.range_label})")
    if claim.confidence:
        parts.append(f"{clean_line(claim.confidence)} confidence")
    return "[" + "; ".join(parts) + "]" if parts else ""
