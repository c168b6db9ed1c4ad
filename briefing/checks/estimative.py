"""Finding ICD 203 estimative words and confidence phrases in text.

Terms come from :data:`briefing.core.vocab.LIKELIHOOD_TERMS` (both word sets).
Matching is case-insensitive and word-boundary aware: ``unlikely`` is not
``likely``, ``likelihood`` is no term, the longest term wins (``very likely``,
``almost certainly``), words of a term may be joined by a hyphen
(``highly-probable``), and a word hyphen-joined to a preceding word
(``most-likely``) is a compound, not a calibrated term.  ``remote`` counts only
in estimative use (``a remote chance``, ``the prospect is remote``).  A term
right after ``not``/``no``/``never``/``hardly`` or a ``n't`` word is marked
negated.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from briefing.checks.memo import by_text
from briefing.core.vocab import LIKELIHOOD_TERMS, Likelihood

_HYPHENS = "\\-\u2010\u2011"
_JOIN = f"(?:\\s+|\\s*[{_HYPHENS}]\\s*)"
_LEFT = f"(?<![\\w{_HYPHENS}])"
_RIGHT = "(?!\\w)"

WORD_SET_LIKELY = 1
"""The first ICD 203 word set ("likely" family)."""
WORD_SET_PROBABLE = 2
"""The second ICD 203 word set ("probable" family)."""


class TermMatch(NamedTuple):
    """One likelihood term found in a text."""

    start: int
    end: int
    text: str
    level: Likelihood
    word_set: int
    negated: bool


def _phrase_pattern(phrase: str) -> str:
    parts = []
    for word in phrase.split():
        # "un-likely", "im-probable": a hyphen inside the negative prefix is the same word
        if word in ("unlikely", "improbable"):
            parts.append(f"{word[:2]}[{_HYPHENS}]?{word[2:]}")
        else:
            parts.append(re.escape(word))
    return _JOIN.join(parts)


def _term_index() -> tuple[re.Pattern[str], list[tuple[Likelihood, int, bool]]]:
    """One alternation of every term, longest first; group i → (level, set, is remote)."""
    entries: list[tuple[str, Likelihood, int]] = []
    for level, term in LIKELIHOOD_TERMS.items():
        entries += [(w, level, WORD_SET_LIKELY) for w in term.words]
        entries += [(w, level, WORD_SET_PROBABLE) for w in term.alt_words]
    entries.sort(key=lambda e: len(e[0]), reverse=True)
    groups: list[str] = []
    meaning: list[tuple[Likelihood, int, bool]] = []
    for phrase, level, word_set in entries:
        groups.append(f"({_phrase_pattern(phrase)})")
        meaning.append((level, word_set, phrase == "remote"))
    initials = "".join(sorted({e[0][0] for e in entries} | {"i", "u"}))
    # A leading class of possible first letters lets the engine skip ahead quickly.
    first = f"(?=[{initials}{initials.upper()}])"
    regex = re.compile(first + _LEFT + "(?:" + "|".join(groups) + ")" + _RIGHT, re.IGNORECASE)
    return regex, meaning


HINTS = ("likel", "probab", "certain", "remote", "chance", "odds")
"""Every term contains one of these; text without any of them has no term."""
TERM_TAIL = len("certainly")
"""A term's last word holds a hint; the term ends at most this far from the hint's start."""


_REMOTE_NOUN_RE = re.compile(
    r"\s+(?:chances?|possibilit(?:y|ies)|prospects?|likelihood|probability|odds)\b",
    re.IGNORECASE,
)
_REMOTE_COPULA_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|remains?|remained|seems?|seemed|appears?|appeared"
    r"|looks?|looked|very|extremely|only)\s+$",
    re.IGNORECASE,
)
_REMOTE_PLACE_RE = re.compile(r"\s+(?:from|to|of|in|at|on|for)\b", re.IGNORECASE)

TERM_RE, _TERM_MEANING = _term_index()
_NEGATIONS = frozenset({"not", "no", "never", "hardly", "scarcely"})


CONFIDENCE_RE = re.compile(
    rf"\b(?:high|moderate|low)(?:ly)?{_JOIN}confiden(?:ce|t)\b"
    r"|\b(?:high|moderate|low)\s+(?:degree|level)\s+of\s+confidence\b"
    r"|\bconfidence\s+(?:is|was|remains|remained)\s+(?:high|moderate|low)\b",
    re.IGNORECASE,
)
"""A stated confidence level: "high confidence", "moderately confident" ..."""

_SENTENCE_END_RE = re.compile(r"[.!?。！？]+[\"'”’)\]]*(?=\s)|\n\s*\n|\n")


def find_terms(text: str) -> list[TermMatch]:
    """Every likelihood term in *text*, in order."""
    if not text:
        return []
    lower = text.lower()
    if not _has_hint(lower):
        return []
    if not text.isascii():
        return scan_terms(text)
    # In ASCII text the regex matches only where the lower-case text has a hint, and a
    # term ends within TERM_TAIL characters of its last hint's start, so the scan stops
    # at the last hint (the character after a term still decides whether it is one).
    return scan_terms(text, max(map(lower.rfind, HINTS)) + TERM_TAIL + 1)


def may_have_terms(text: str) -> bool:
    """False when *text* holds none of the :data:`HINTS`, so no term (a cheap pre-filter)."""
    return _has_hint(text.lower())


def _has_hint(lower: str) -> bool:
    # Unrolled on purpose: any() over a generator costs twice as much per text.
    return (
        "likel" in lower
        or "probab" in lower
        or "certain" in lower
        or "remote" in lower
        or "chance" in lower
        or "odds" in lower
    )


def scan_terms(text: str, end: int | None = None) -> list[TermMatch]:
    """The terms of *text* (that end before *end*) found by the term regex alone."""
    found: list[TermMatch] = []
    for match in TERM_RE.finditer(text, 0, len(text) if end is None else end):
        # lastindex is never None: every alternative of the pattern is one group
        level, word_set, remote = _TERM_MEANING[match.lastindex - 1]  # type: ignore[operator]
        before = text[max(0, match.start() - 16) : match.start()]
        if remote and not _is_estimative_remote(text, match.end(), before):
            continue
        negated = _is_negated(before)
        found.append(TermMatch(match.start(), match.end(), match.group(), level, word_set, negated))
    return found


@by_text
def terms_in(text: str) -> tuple[TermMatch, ...]:
    """:func:`find_terms` of *text*, remembered: the editor re-runs the checks after every
    edit and most texts are the same strings as in the previous run."""
    return tuple(find_terms(text))


def _is_negated(before: str) -> bool:
    """Whether the word right before a term (*before* ends at the term) negates it."""
    if not before[-1:].isspace():
        return False
    words = before.split()
    if not words:
        return False
    last = words[-1].lower()
    return last in _NEGATIONS or last.endswith(("n't", "n\u2019t"))


def _is_estimative_remote(text: str, end: int, before: str) -> bool:
    """ "a remote chance", "the prospect is remote" (not "a remote area", "remote from")."""
    if _REMOTE_NOUN_RE.match(text, end):
        return True
    return _REMOTE_COPULA_RE.search(before) is not None and not _REMOTE_PLACE_RE.match(text, end)


_LEVEL_WORD_RE = re.compile(r"high|moderate|low", re.IGNORECASE)


def stated_confidences(text: str) -> list[tuple[str, str]]:
    """(phrase, level) for each confidence level *text* states and does not negate,
    in order: "moderate confidence" → ``("moderate confidence", "moderate")``;
    "we do not have high confidence" states none."""
    if "confiden" not in text.lower():
        return []
    found: list[tuple[str, str]] = []
    for match in CONFIDENCE_RE.finditer(text):
        if _confidence_negated(text[max(0, match.start() - 24) : match.start()]):
            continue
        level = _LEVEL_WORD_RE.search(match.group())
        if level is not None:  # every alternative of the pattern names a level
            found.append((match.group(), level.group().lower()))
    return found


def _confidence_negated(before: str) -> bool:
    """ "not high confidence", "do not have high confidence", "no longer with high
    confidence": a negation among the three words before the phrase."""
    words = [w.lower() for w in before.split()[-3:]]
    return any(w in _NEGATIONS or w.endswith(("n't", "n\u2019t")) for w in words)


def has_confidence(text: str) -> bool:
    return CONFIDENCE_RE.search(text) is not None


def sentence_starts(text: str) -> list[int]:
    """Start offsets of the sentences of *text* (the first is 0)."""
    return [0] + [m.end() for m in _SENTENCE_END_RE.finditer(text)]


def mixed_sentences(text: str, terms: Sequence[TermMatch]) -> list[tuple[str, str]]:
    """(confidence phrase, likelihood term) pairs that share a sentence of *text*."""
    if not terms or "confiden" not in text.lower():
        return []
    confidences = list(CONFIDENCE_RE.finditer(text))
    if not confidences:
        return []
    starts = sentence_starts(text)
    by_sentence: dict[int, str] = {}
    for term in terms:
        by_sentence.setdefault(bisect_right(starts, term.start) - 1, term.text)
    pairs: list[tuple[str, str]] = []
    for match in confidences:
        sentence = bisect_right(starts, match.start()) - 1
        if sentence in by_sentence:
            pairs.append((match.group(), by_sentence[sentence]))
    return pairs


def counterpart(term: TermMatch) -> str:
    """The same level's word in the other word set, in the term's capitalization."""
    entry = LIKELIHOOD_TERMS[term.level]
    own, other = (
        (entry.words, entry.alt_words)
        if term.word_set == WORD_SET_LIKELY
        else (entry.alt_words, entry.words)
    )
    spoken = re.sub(f"{_JOIN}", " ", term.text.lower())
    spoken = re.sub(rf"^(un|im)[{_HYPHENS}]", r"\1", spoken)
    index = own.index(spoken) if spoken in own else 0
    word = other[min(index, len(other) - 1)]
    if term.text.isupper() and len(term.text) > 1:
        return word.upper()
    if term.text[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


_LEVEL_LABELS = {
    level.value: f"{term.label} ({term.range_label})" for level, term in LIKELIHOOD_TERMS.items()
}


def level_label(level: str) -> str:
    """``"likely (55–80%)"`` for a Likelihood value."""
    return _LEVEL_LABELS[level]
