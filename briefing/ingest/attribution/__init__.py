"""Attribution help: who is speaking in a selected passage of a source.

:func:`suggest_attribution` returns up to three speakers, most likely first —
suggestions the analyst confirms, never facts.  It reads a bounded window
around the selection (see :mod:`.sentences`), so it costs the same on a 20 MB
source as on a short article.  In order:

1. **Who holds the floor** (:mod:`.turns`): in a transcript, the speaker label of
   the turn holding the selection, carried across paragraphs and resolved to a
   full name (``LUND:`` → "Anders Lund", ``A:`` → the interviewee); in a thread
   of posts, the account.
2. **Cues in the selection's sentence** (:mod:`.news`), nearest first, then in
   the rest of its paragraph; when the paragraph has none (a quotation that runs
   on from the paragraph before), the previous paragraph's, then the next.
3. **The document's issuer** (:mod:`.issuer`): a press release's or report's
   body, first for a sentence with no cue of its own.

Pronouns ("she said") go to the nearest speaker or person named before — unless
that person was already "she" and the pronoun is "he": then a role named since
("Her deputy disagreed") is first (:mod:`.pronouns`); a bare
role ("An official said") takes the organisation of the sentence before
("a White House official"); a surname becomes its fullest mention ("Rubio" →
"Secretary of State Marco Rubio").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.ingest.attribution import news, pronouns, turns
from briefing.ingest.attribution.issuer import issuer
from briefing.ingest.attribution.names import (
    PRONOUNS,
    Attribution,
    full_name,
    is_document,
    is_org,
    looks_like_person,
    strip_honorific,
)
from briefing.ingest.attribution.sentences import Window, mask_quotes, sentence_spans

__all__ = ["Attribution", "full_name", "sentence_spans", "suggest_attribution"]

_BARE_ROLE = re.compile(
    r"^(?:an?|one|the|another)\s+(?:(?:senior|former|junior|second)\s+)?"
    r"(official|spokesman|spokeswoman|spokesperson|aide|adviser|source|representative)$",
    re.IGNORECASE)
_PERSON_MENTION = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+")
_ORG_AT_START = re.compile(r"^(?:The\s+)?((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)")


def suggest_attribution(text: str, start: int, end: int, limit: int = 3) -> list[Attribution]:
    """Speakers suggested for text[start:end], most likely first (may be empty)."""
    if not text.strip() or not 0 <= start < len(text):
        return []
    window = Window(text, start, end)
    body = issuer(text)
    ranked: list[Attribution] = []
    holder, others = turns.floor_holder(text, start)
    if holder is not None:
        ranked.append(holder)
    own, rest, near = _prose(window, body)
    if holder is not None:  # a turn's cues; other turns' cues are about other speakers
        ranked += own + others + rest
    else:
        if body is not None and not own:
            ranked.append(body)
        ranked += own + (rest + near if rest or own else near)
    if body is not None:
        ranked.append(body)
    return _distinct(window, ranked)[:limit]


# -------------------------------------------------------------------- prose
def _prose(window: Window, body: Attribution | None) -> tuple[list[Attribution], ...]:
    """Cues of the selection's own sentences, of the rest of its paragraph, and of the
    neighbouring paragraphs (the one before first), each nearest first."""
    if not window.paragraphs:
        return [], [], []
    p = window.own
    sentences = window.sentences(p)
    mine = [i for i, (s, e) in enumerate(sentences)
            if s < max(window.end, window.start + 1) and e > window.start] or [0]
    order = sorted(range(len(sentences)),
                   key=lambda i: (_distance(i, mine), i > mine[-1]))
    own: list[Attribution] = []
    rest: list[Attribution] = []
    for i in order:
        found = _found(window, p, i, body)
        found.sort(key=lambda a: max(0, a.start - window.end, window.start - a.end))
        (own if mine[0] <= i <= mine[-1] else rest).extend(found)
    neighbours = [p - 1, p + 1, p - 2]
    extra: list[Attribution] = []
    for q in neighbours:
        if 0 <= q < len(window.paragraphs):
            for i in reversed(range(len(window.sentences(q)))):
                extra.extend(sorted(_found(window, q, i, body), key=lambda a: -a.start))
    return own, rest, extra


def _distance(index: int, own: list[int]) -> int:
    return 0 if own[0] <= index <= own[-1] else min(abs(index - own[0]), abs(index - own[-1]))


def _raw(window: Window, p: int, i: int) -> list[Attribution]:
    s, e = window.sentences(p)[i]
    if (s, e) not in window.cues:
        window.cues[(s, e)] = news.candidates(mask_quotes(window.text[s:e]), s)
    return window.cues[(s, e)]


def _found(window: Window, p: int, i: int, body: Attribution | None) -> list[Attribution]:
    out = []
    for raw in _raw(window, p, i):
        cand: Attribution | None = raw
        if raw.who.lower() in ("he", "she"):
            out.extend(pronouns.resolve_personal(window, p, i, raw, _resolve_pronoun(
                window, p, i, raw, body)))
            continue
        if raw.who.lower() in PRONOUNS:
            cand = _resolve_pronoun(window, p, i, raw, body)
        elif _BARE_ROLE.match(raw.who):
            cand = _complete_role(window, p, i, raw)
        if cand is not None:
            out.append(cand)
    return out


# ----------------------------------------------------------------- pronouns
def _positions_before(
    window: Window, p: int, i: int, count: int = 12
) -> Iterator[tuple[int, int]]:
    """(paragraph, sentence) positions before sentence i of paragraph p, nearest first."""
    while count > 0:
        i -= 1
        while i < 0:
            p -= 1
            if p < 0:
                return
            i = len(window.sentences(p)) - 1
        yield p, i
        count -= 1


def _resolve_pronoun(window: Window, p: int, i: int, found: Attribution,
                     body: Attribution | None) -> Attribution | None:
    pronoun = found.who.lower()
    if pronoun in ("we", "i") and body is not None:
        return found.with_(who=body.who, start=body.start, end=body.end)
    s, _e = window.sentences(p)[i]
    lead = _LEADING_SUBJECT.match(window.text[s:found.start])
    if lead and (looks_like_person(lead.group(1)) or pronoun in ("it", "they")):
        return found.with_(who=lead.group(1), start=s, end=s + len(lead.group(1)))
    for q, j in _positions_before(window, p, i):
        for cand in sorted(_raw(window, q, j), key=lambda a: -a.start):
            if cand.who.lower() in PRONOUNS or _BARE_ROLE.match(cand.who):
                continue
            if pronoun in ("he", "she") and (is_org(cand.who) or is_document(cand.who)):
                continue
            if pronoun in ("he", "she") and not cand.who[:1].isupper():
                salient = _salient_person(window)
                if salient:
                    return found.with_(who=salient)
            return found.with_(who=cand.who, detail=cand.detail or found.detail,
                               start=cand.start, end=cand.end)
        if pronoun in ("he", "she", "i"):
            person = _person_in(window, *window.sentences(q)[j])
            if person:
                return found.with_(who=person[0], start=person[1], end=person[2])
    return found if pronoun in ("they", "it", "we") else None


_LEADING_SUBJECT = re.compile(r"^((?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+)\s+[a-z]")
_MENTION = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:of\s+|de\s+|van\s+)?[A-Z][\w.'’-]*)*")
_FUNCTION_LEAD = re.compile(
    r"^(?:For|In|At|On|As|But|And|When|After|Before|While|To|With|By|From|Like|Unlike|"
    r"Asked|Speaking|Reached|The|A|An|Her|His|Their|Our|Its|So|Yet|Then|Now|If|Since|"
    r"Although|Though|It|She|He|They|We|I|This|That|These|Those|What|Who)\b\s*")


def _person_in(window: Window, s: int, e: int) -> tuple[str, int, int] | None:
    """The first person named in text[s:e] outside quotations, as its fullest name."""
    masked = mask_quotes(window.text[s:e])
    context = window.text[max(0, window.lo - 14000):window.hi]
    for m in _MENTION.finditer(masked):
        words, at = m.group(), m.start()
        lead = _FUNCTION_LEAD.match(words)
        if lead:
            words, at = words[lead.end():], at + lead.end()
        words = re.sub(r"['’]s?$", "", words.rstrip("."))  # "Hedda Moen's workshop"
        if not words or masked[max(0, at - 4):at].lower() == "the ":
            continue
        if looks_like_person(words):
            return strip_honorific(words), s + at, s + at + len(words)
        if len(words.split()) == 1:
            longer = full_name(context, words)
            if longer and looks_like_person(longer):
                return longer, s + at, s + at + len(words)
    return None


def _salient_person(window: Window) -> str:
    """The person named most often (twice or more) in the window, if any."""
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    chunk = mask_quotes(window.text[window.lo:window.hi])
    for m in _MENTION.finditer(chunk):
        words = re.sub(r"['’]s?$", "", _FUNCTION_LEAD.sub("", m.group()).rstrip("."))
        if not words:
            continue
        surname = words.split()[-1]
        counts[surname] = counts.get(surname, 0) + 1
        if looks_like_person(words) and len(words) > len(names.get(surname, "")):
            names[surname] = strip_honorific(words)
    ranked = sorted((n for n in counts if n in names), key=lambda n: -counts[n])
    return names[ranked[0]] if ranked and counts[ranked[0]] >= 2 else ""


def _complete_role(window: Window, p: int, i: int, found: Attribution) -> Attribution:
    bare = _BARE_ROLE.match(found.who)
    assert bare is not None  # only bare roles are completed
    role = bare.group(1)
    for q, j in _positions_before(window, p, i, 2):
        s, e = window.sentences(q)[j]
        m = _ORG_AT_START.match(window.text[s:e])
        if m and is_org(m.group(1)):
            org = m.group(1)
            article = "an" if org[0] in "AEIOU" else "a"
            return found.with_(who=f"{article} {org} {role}")
    return found


# ----------------------------------------------------------------- finishing
def _distinct(window: Window, ranked: list[Attribution]) -> list[Attribution]:
    context = window.text[max(0, window.lo - 14000):window.hi]
    out: list[Attribution] = []
    seen: set[str] = set()
    for found in ranked:
        if not found.full_name and found.cue not in ("speaker label", "post", "issuer"):
            longer = full_name(context, found.who)
            if longer:
                found = found.with_(full_name=longer)
        key = found.name.lower()
        if key in seen or any(key != s and s.endswith(" " + key) for s in seen):
            continue
        seen.add(key)
        out.append(found)
    return out
