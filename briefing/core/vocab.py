"""Controlled vocabularies of the domain, in one place.

The values are facts taken from ICD 203 (estimative language, confidence),
the Admiralty (NATO) grading system, and US portion markings.  Every other
module refers to these names instead of spelling the words again.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Likelihood(StrEnum):
    """ICD 203 expressions of likelihood, lowest first."""

    ALMOST_NO_CHANCE = "almost_no_chance"
    VERY_UNLIKELY = "very_unlikely"
    UNLIKELY = "unlikely"
    ROUGHLY_EVEN = "roughly_even"
    LIKELY = "likely"
    VERY_LIKELY = "very_likely"
    ALMOST_CERTAIN = "almost_certain"


@dataclass(frozen=True, slots=True)
class LikelihoodTerm:
    """One likelihood level: its probability range and its two ICD 203 word sets."""

    level: Likelihood
    low: int
    high: int
    words: tuple[str, ...]
    """First word set ("likely" family), preferred form first."""
    alt_words: tuple[str, ...]
    """Second word set ("probable" family), preferred form first."""

    @property
    def label(self) -> str:
        return self.words[0]

    @property
    def range_label(self) -> str:
        return f"{self.low}–{self.high}%"


LIKELIHOOD_TERMS: dict[Likelihood, LikelihoodTerm] = {
    term.level: term
    for term in (
        LikelihoodTerm(Likelihood.ALMOST_NO_CHANCE, 1, 5, ("almost no chance",), ("remote",)),
        LikelihoodTerm(Likelihood.VERY_UNLIKELY, 5, 20, ("very unlikely",), ("highly improbable",)),
        LikelihoodTerm(Likelihood.UNLIKELY, 20, 45, ("unlikely",), ("improbable",)),
        LikelihoodTerm(
            Likelihood.ROUGHLY_EVEN, 45, 55, ("roughly even chance",), ("roughly even odds",)
        ),
        LikelihoodTerm(Likelihood.LIKELY, 55, 80, ("likely",), ("probable", "probably")),
        LikelihoodTerm(Likelihood.VERY_LIKELY, 80, 95, ("very likely",), ("highly probable",)),
        LikelihoodTerm(
            Likelihood.ALMOST_CERTAIN,
            95,
            99,
            ("almost certain", "almost certainly"),
            ("nearly certain", "nearly certainly"),
        ),
    )
}


class Confidence(StrEnum):
    """Analytic confidence in a judgment."""

    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"


class Reliability(StrEnum):
    """Admiralty source reliability, A (best) to F (cannot be judged)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


RELIABILITY_LABELS: dict[Reliability, str] = {
    Reliability.A: "completely reliable",
    Reliability.B: "usually reliable",
    Reliability.C: "fairly reliable",
    Reliability.D: "not usually reliable",
    Reliability.E: "unreliable",
    Reliability.F: "reliability cannot be judged",
}


class Credibility(StrEnum):
    """Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged)."""

    CONFIRMED = "1"
    PROBABLY_TRUE = "2"
    POSSIBLY_TRUE = "3"
    DOUBTFUL = "4"
    IMPROBABLE = "5"
    CANNOT_BE_JUDGED = "6"


CREDIBILITY_LABELS: dict[Credibility, str] = {
    Credibility.CONFIRMED: "confirmed",
    Credibility.PROBABLY_TRUE: "probably true",
    Credibility.POSSIBLY_TRUE: "possibly true",
    Credibility.DOUBTFUL: "doubtful",
    Credibility.IMPROBABLE: "improbable",
    Credibility.CANNOT_BE_JUDGED: "truth cannot be judged",
}


def admiralty_grade(reliability: str, credibility: str) -> str:
    """Write a grade as e.g. ``"B2"``; either half may be missing."""
    return f"{reliability or ''}{credibility or ''}"


class ClaimKind(StrEnum):
    """ICD 203: separate information from assumptions and judgments."""

    INFORMATION = "information"
    QUOTE = "quote"
    ASSUMPTION = "assumption"
    JUDGMENT = "judgment"


class ClaimStatus(StrEnum):
    DRAFT = "draft"
    CHECKED = "checked"
    DISPUTED = "disputed"


class SourceKind(StrEnum):
    NEWS = "news"
    ARTICLE = "article"
    INTERVIEW = "interview"
    STATEMENT = "statement"
    SOCIAL = "social"
    REPORT = "report"
    GOVERNMENT = "government"
    INTELLIGENCE = "intelligence"
    DATASET = "dataset"
    BOOK = "book"
    WEB = "web"
    OTHER = "other"


SOURCE_KIND_CSL: dict[SourceKind, tuple[str, ...]] = {
    SourceKind.NEWS: ("article-newspaper",),
    SourceKind.ARTICLE: ("article-journal", "article-magazine", "article"),
    SourceKind.INTERVIEW: ("interview",),
    SourceKind.STATEMENT: ("speech",),
    SourceKind.SOCIAL: ("post",),
    SourceKind.REPORT: ("report",),
    SourceKind.GOVERNMENT: ("legislation", "legal_case", "regulation", "bill"),
    SourceKind.INTELLIGENCE: ("report",),
    SourceKind.DATASET: ("dataset",),
    SourceKind.BOOK: ("book", "chapter"),
    SourceKind.WEB: ("webpage", "post-weblog"),
    SourceKind.OTHER: ("document",),
}


def source_kind_from_csl(csl_type: str) -> SourceKind:
    """Map a CSL item type to a source kind (``report`` maps to report)."""
    for kind, types in SOURCE_KIND_CSL.items():
        if csl_type in types:
            return kind
    return SourceKind.OTHER


def csl_type_for(kind: SourceKind | str) -> str:
    """The preferred CSL type of a source kind."""
    return SOURCE_KIND_CSL[SourceKind(kind)][0]


class NoteStyle(StrEnum):
    FOOTNOTES = "footnotes"
    ENDNOTES = "endnotes"


class NoteForm(StrEnum):
    """How later notes to a source are worded: short after the first note, or always in full."""

    SHORT = "short"
    FULL = "full"


US_LEVELS: tuple[tuple[str, str], ...] = (
    ("U", "UNCLASSIFIED"),
    ("C", "CONFIDENTIAL"),
    ("S", "SECRET"),
    ("TS", "TOP SECRET"),
)
"""US classification levels, lowest first: (portion mark, banner word)."""


def marking_levels(scheme: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The ordered levels (lowest first) of a marking scheme; empty for ``none``."""
    if scheme == "us":
        return tuple(mark for mark, _ in US_LEVELS)
    if isinstance(scheme, (tuple, list)):
        return tuple(scheme)
    return ()


def level_rank(scheme: str | tuple[str, ...], level: str) -> int | None:
    """Rank of *level* in *scheme* (0 = lowest), accepting US marks or banner words."""
    level = level.strip().strip("()").upper() if scheme == "us" else level.strip()
    if scheme == "us":
        for rank, (mark, word) in enumerate(US_LEVELS):
            if level in (mark, word):
                return rank
        return None
    levels = marking_levels(scheme)
    return levels.index(level) if level in levels else None


def banner_word(scheme: str | tuple[str, ...], level: str) -> str:
    """The banner spelling of *level*: ``"S"`` → ``"SECRET"`` in the US scheme."""
    rank = level_rank(scheme, level)
    if rank is None:
        return level
    if scheme == "us":
        return US_LEVELS[rank][1]
    return marking_levels(scheme)[rank]


def portion_mark(scheme: str | tuple[str, ...], level: str) -> str:
    """The portion mark written before a paragraph: ``"(U)"``; empty when unmarked."""
    if not level or not marking_levels(scheme):
        return ""
    rank = level_rank(scheme, level)
    if scheme == "us" and rank is not None:
        return f"({US_LEVELS[rank][0]})"
    return f"({level})"
