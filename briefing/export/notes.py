"""Note wording: the one place that turns citations and sources into words.

Every writer renders these segments; none of them composes note text itself.

The first note to a source is in full: who says it (the citation's
attribution), then the source's authors, its title in quotation marks,
container, publisher and date in words, the locator, the URL as a link (and
when it was read, if the source records it) and the Admiralty grade::

    Duty harbour master; Port Authority Operations Desk, “Harbour Master Daily
    Log”, Port Authority, 18 December 2025, para. 1. https://example.org/log.
    Grade B2.

Later notes to the same source are short (:data:`NoteForm.SHORT`, the
default): who says it, else the authors' family names, then the short title
and the locator; no URL, no publication details::

    Dredging contractor; “Harbour Master Daily Log”, para. 2. Grade B.

With *ibid* on (off by default), a note citing the same source as the note
just before it says "Ibid." instead of the title.  A note starts with a
capital letter whatever the attribution's case; dates are written in words
("18 December 2025", "December 2025", "2025"); a title's own quotation marks
are not doubled (inner double quotes become single ones); straight quotes and
apostrophes in titles, names, outlets and attributions are made typographic
(“Services’ views”), as in the body, so no writer has to escape them (pandoc's
smart reading would curl a straight one in Markdown anyway); and any name,
title or locator holding right-to-left letters is isolated (U+2068 … U+2069)
so it cannot reorder the punctuation and locator around it.  Links are
chosen and encoded by :mod:`briefing.export.links`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from briefing.core.model import Citation, Source
from briefing.core.vocab import (
    RELIABILITY_LABELS,
    NoteForm,
    Reliability,
    admiralty_grade,
)
from briefing.export.links import Segment, safe_url, source_address, source_url
from briefing.export.sanitize import clean_line
from briefing.export.typography import curly_quotes

__all__ = ["Segment", "safe_url", "source_address", "source_url"]

UNTITLED_SOURCE = "Untitled source"
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.+Z-]*)?")
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
"""Right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko … and their presentation forms."""
FSI, PDI = "\u2068", "\u2069"
_SHORT_TITLE_WORDS = 5
_SHORT_TITLE_CHARS = 48
_TRAILING_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the"}
    | {"to", "with"}
)
_OPENING_QUOTES = "\"“”„«'‘’‚"
_CLOSING_QUOTES = "\"”“»'’‘"


def date_in_words(text: str) -> str:
    """An ISO date (``2025-12-19``, ``2025-12``, ``2025``) in words; other text as it is."""
    text = clean_line(text)
    match = _ISO_DATE.fullmatch(text)
    if not match:
        return text
    year, month, day = match.groups()
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return text
    if day is None:
        return f"{MONTHS[int(month) - 1]} {year}"
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return text
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"


def isolate(text: str) -> str:
    """*text* between U+2068 and U+2069 when it holds right-to-left letters."""
    return f"{FSI}{text}{PDI}" if text and _RTL.search(text) else text


def capitalised(text: str) -> str:
    """*text* with its first letter upper-case (a note starts like a sentence)."""
    start = 1 if text.startswith(FSI) else 0
    if len(text) > start and text[start].islower():
        return text[:start] + text[start].upper() + text[start + 1:]
    return text


def _bare_title(source: Source) -> str:
    """The title without quotation marks of its own around it."""
    title = clean_line(source.title)
    while len(title) > 2 and title[0] in _OPENING_QUOTES and title[-1] in _CLOSING_QUOTES:
        title = title[1:-1].strip()
    return title or UNTITLED_SOURCE


def quoted(title: str) -> str:
    """ “title”, its inner double quotes turned single (quotes alternate when nested)."""
    inner = re.sub(r"[\"“”](?=\w)", "‘", title)
    inner = curly_quotes(re.sub(r"[\"“”]", "’", inner))
    return f"\u201c{isolate(inner)}\u201d"


def source_title(source: Source) -> str:
    return _bare_title(source)


def short_title(title: str) -> str:
    """The short title of a later note: the main title (before a colon) when it has at
    most five words, else its key words — the words before the first small word
    ("to", "of", "the" …) that follows two others — else its first five words."""
    main = re.split(r":\s|\s[—–-]\s", title, maxsplit=1)[0].strip() or title
    words = main.split()
    if len(words) > _SHORT_TITLE_WORDS:
        cuts = [
            i for i, w in enumerate(words[: _SHORT_TITLE_WORDS + 1])
            if _is_small(w) and sum(not _is_small(x) for x in words[:i]) >= 2
        ]
        words = words[: cuts[0]] if cuts else words[:_SHORT_TITLE_WORDS]
        while len(words) > 1 and _is_small(words[-1]):
            words.pop()
    short = " ".join(words).rstrip(",;")
    if len(short) > _SHORT_TITLE_CHARS:
        cut = short[:_SHORT_TITLE_CHARS]
        short = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return short


def _is_small(word: str) -> bool:
    return word.lower().strip(",;") in _TRAILING_SMALL_WORDS


def names(authors: tuple[str, ...]) -> str:
    """ "A", "A and B", "A, B, and C" (each name isolated if it is right-to-left)."""
    cleaned = [isolate(curly_quotes(n)) for n in (clean_line(x) for x in authors) if n]
    if len(cleaned) <= 2:
        return " and ".join(cleaned)
    return ", ".join(cleaned[:-1]) + ", and " + cleaned[-1]


def _family(name: str) -> str:
    if "," in name:
        return name.split(",", 1)[0].strip()
    words = name.split()
    person = 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
    return words[-1] if person and "." not in words[-1] else name


def short_names(authors: tuple[str, ...]) -> str:
    """Family names for a short note: "Doe", "Doe and Roe", "Doe et al." (organisations whole)."""
    cleaned = [n for n in (clean_line(x) for x in authors) if n]
    if len(cleaned) > 3:
        return f"{isolate(_family(cleaned[0]))} et al."
    return names(tuple(_family(n) for n in cleaned))


@dataclass(frozen=True, slots=True)
class SourceWords:
    """What notes citing one source say about it, worded once per export."""

    description: str
    """ "Authors, “Title”, Container, Publisher, 18 December 2025"."""
    short: str
    """ "“Short title”"."""
    short_authors: str
    address: Segment
    """The source's link, or its URL field as plain text (:func:`source_address`)."""
    accessed: str
    reliability: str

    @classmethod
    def of(cls, source: Source) -> SourceWords:
        title = _bare_title(source)
        parts = [
            names(source.authors),
            quoted(title),
            isolate(curly_quotes(clean_line(source.container))),
            isolate(curly_quotes(clean_line(source.publisher))),
            date_in_words(source.published),
        ]
        return cls(
            ", ".join(p for p in parts if p),
            quoted(short_title(title)),
            short_names(source.authors),
            source_address(source),
            date_in_words(source.accessed),
            clean_line(source.reliability),
        )


def _with_link(text: str, address: Segment, after: str, tail: str) -> tuple[Segment, ...]:
    """ "text. URL, after. tail" with the URL as a link when it is one; plain neighbours
    merged into one segment."""
    tail = " " + tail if tail else ""
    after = f", {after}" if after else ""
    if not address.text:
        return (Segment(text + "." + tail),)
    if not address.url:
        return (Segment(f"{text}. {address.text}{after}.{tail}"),)
    return Segment(text + ". "), address, Segment(f"{after}.{tail}")


def citation_grade(citation: Citation, source: Source | SourceWords) -> str:
    """The Admiralty grade of one citation ("B2", "B", "2"); empty when ungraded."""
    return admiralty_grade(clean_line(source.reliability), clean_line(citation.credibility))


def grade_text(grade: str) -> str:
    """How a grade is worded after a citation: "Grade B2"."""
    return f"Grade {grade}" if grade else ""


def _grade_tail(grade: str) -> str:
    return f"{grade_text(grade)}." if grade else ""


def _head(attribution: str, text: str) -> str:
    attribution = curly_quotes(attribution)
    return capitalised(f"{isolate(attribution)}; {text}" if attribution else text)


def note_segments(
    words: SourceWords, locator: str, attribution: str, grade: str
) -> tuple[Segment, ...]:
    """The full note: "Attribution; description, locator. URL, accessed …. Grade B2." """
    locator = isolate(locator)
    text = _head(attribution, f"{words.description}, {locator}" if locator else words.description)
    accessed = f"accessed {words.accessed}" if words.accessed else ""
    return _with_link(text, words.address, accessed, _grade_tail(grade))


def short_note_segments(
    words: SourceWords, locator: str, attribution: str, grade: str
) -> tuple[Segment, ...]:
    """The short note: "Attribution; “Short title”, locator. Grade B2." (family names stand
    in for a missing attribution)."""
    body = f"{words.short}, {isolate(locator)}" if locator else words.short
    if attribution or not words.short_authors:
        text = _head(attribution, body)
    else:
        text = capitalised(f"{words.short_authors}, {body}")
    return (Segment(f"{text}. {_grade_tail(grade)}".rstrip()),)


def ibid_segments(locator: str, attribution: str, grade: str) -> tuple[Segment, ...]:
    """ "Ibid., locator." (or "Attribution; ibid., locator.") for the previous note's source."""
    ibid = f"ibid., {isolate(locator)}" if locator else "ibid"
    text = _head(attribution, ibid)
    return (Segment(f"{text}. {_grade_tail(grade)}".rstrip()),)


class NoteWording:
    """Words the notes of one export in order: first in full, later short (or Ibid.)."""

    def __init__(self, form: str = NoteForm.SHORT.value, ibid: bool = False) -> None:
        self.short = form == NoteForm.SHORT.value
        self.ibid = ibid
        self.seen: set[str] = set()
        self.previous = ""

    def note(
        self, source_id: str, words: SourceWords, locator: str, attribution: str, grade: str
    ) -> tuple[Segment, ...]:
        first = source_id not in self.seen
        repeat = source_id == self.previous
        self.seen.add(source_id)
        self.previous = source_id
        if first:
            return note_segments(words, locator, attribution, grade)
        if self.ibid and repeat:
            return ibid_segments(locator, attribution, grade)
        if self.short:
            return short_note_segments(words, locator, attribution, grade)
        return note_segments(words, locator, attribution, grade)


def citation_note(
    citation: Citation, source: Source, words: SourceWords | None = None
) -> tuple[Segment, ...]:
    """The full note for one citation of *source* (*words*: its cached wording)."""
    words = words or SourceWords.of(source)
    return note_segments(
        words,
        clean_line(citation.locator),
        clean_line(citation.attribution),
        citation_grade(citation, words),
    )


def reliability_text(reliability: str) -> str:
    """ "Reliability B (usually reliable)"; empty for an ungraded source."""
    if reliability not in {r.value for r in Reliability}:
        return ""
    label = RELIABILITY_LABELS[Reliability(reliability)].removeprefix("reliability ")
    return f"Reliability {reliability} ({label})"


def source_entry(source: Source) -> tuple[Segment, ...]:
    """A source's entry in the Sources list: description. URL, accessed …. Descriptor.
    Reliability B (usually reliable)."""
    words = SourceWords.of(source)
    descriptor = clean_line(source.descriptor)
    tail = [capitalised(isolate(descriptor)) + "." if descriptor else ""]
    reliability = reliability_text(clean_line(source.reliability))
    tail.append(f"{reliability}." if reliability else "")
    accessed = f"accessed {words.accessed}" if words.accessed else ""
    return _with_link(
        capitalised(words.description), words.address, accessed, " ".join(t for t in tail if t)
    )
