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
    LIKELIHOOD_TERMS,
    RELIABILITY_LABELS,
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


def _describe(source: Source) -> str:
    """ "Authors, “Title”, Container, Publisher, date" (empty parts left out)."""
    parts = [
        _names(source.authors),
        f"\u201c{source_title(source)}\u201d",
        clean_line(source.container),
        clean_line(source.publisher),
        clean_line(source.published),
    ]
    return ", ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class SourceWords:
    """What every note citing one source repeats, worded once per export."""

    description: str
    """ "Authors, “Title”, Container, Publisher, date"."""
    url: str
    reliability: str

    @classmethod
    def of(cls, source: Source) -> SourceWords:
        return cls(_describe(source), source_url(source), clean_line(source.reliability))


def _with_link(text: str, url: str, tail: str) -> tuple[Segment, ...]:
    """ "text. URL. tail" with the URL as a link; plain neighbours merged into one segment."""
    tail = " " + tail if tail else ""
    if not url:
        return (Segment(text + "." + tail),)
    return Segment(text + ". "), Segment(url, url), Segment("." + tail)


def citation_grade(citation: Citation, source: Source | SourceWords) -> str:
    """The Admiralty grade of one citation ("B2", "B", "2"); empty when ungraded."""
    return admiralty_grade(clean_line(source.reliability), clean_line(citation.credibility))


def grade_text(grade: str) -> str:
    """How a grade is worded after a citation: "Grade B2"."""
    return f"Grade {grade}" if grade else ""


def note_segments(
    words: SourceWords, locator: str, attribution: str, grade: str
) -> tuple[Segment, ...]:
    """ "attribution; description, locator. URL. Grade B2." from cleaned parts."""
    text = f"{words.description}, {locator}" if locator else words.description
    if attribution:
        text = f"{attribution}; {text}"
    grade = grade_text(grade)
    return _with_link(text, words.url, f"{grade}." if grade else "")


def citation_note(
    citation: Citation, source: Source, words: SourceWords | None = None
) -> tuple[Segment, ...]:
    """The segments of the note for one citation of *source* (*words*: its cached wording)."""
    words = words or SourceWords.of(source)
    return note_segments(
        words,
        clean_line(citation.locator),
        clean_line(citation.attribution),
        citation_grade(citation, words),
    )


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


def estimate_text(claim: Claim) -> str:
    """ "[likely (55–80%); moderate confidence]" for a claim with an estimate, else ""."""
    parts = []
    if claim.likelihood in {x.value for x in Likelihood}:
        term = LIKELIHOOD_TERMS[Likelihood(claim.likelihood)]
        parts.append(f"{term.label} ({term.range_label})")
    if claim.confidence:
        parts.append(f"{clean_line(claim.confidence)} confidence")
    return "[" + "; ".join(parts) + "]" if parts else ""
