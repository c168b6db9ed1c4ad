"""He and she: agreement with what the text already said about a person, and role nouns.

The nearest person named before a "he"/"she" is its usual antecedent
(:func:`briefing.ingest.attribution._resolve_pronoun`).  This module checks that
guess against the text: when the person was referred to since as "she" (or
"her") and the pronoun is "he" — or the other way round — a person described by a
role between them ("Her deputy disagreed.", "The spokesman declined.") is the
better antecedent, and "her deputy" is named after its owner ("Eva Dahl's
deputy").  Roles named since are offered after the person otherwise, so the
analyst can pick them.  Gender is read only from pronouns the text uses and from
gendered role words (spokeswoman, chairman); titles and first names are not
guessed from.
"""

from __future__ import annotations

import re
from typing import Any

from briefing.ingest.attribution.names import Attribution
from briefing.ingest.attribution.sentences import mask_quotes

PERSON_NOUNS = (
    "deputy|spokesman|spokeswoman|spokesperson|aide|adviser|advisor|lawyer|attorney|"
    "minister|secretary|colleague|husband|wife|partner|son|daughter|chief|director|manager|"
    "chairman|chairwoman|chair|counterpart|predecessor|successor|boss|assistant|captain|"
    "doctor|mayor|governor|president|leader|rival|opponent|brother|sister|father|mother|"
    "friend|neighbour|neighbor|economist|engineer|teacher|colleague|lieutenant|envoy|"
    "negotiator|commander|superintendent|inspector|prosecutor|judge|coach|editor"
)
_ROLE_SUBJECT = re.compile(
    rf"^(?P<owner>Her|His|Their|The|Its)\s+(?P<role>(?:[a-z][\w'’-]*\s+){{0,2}}?"
    rf"(?:{PERSON_NOUNS}))\b(?!['’]s)(?=\s+[a-z]|,)")
_FEMALE = {"spokeswoman", "wife", "daughter", "sister", "mother", "chairwoman"}
_MALE = {"spokesman", "husband", "son", "brother", "father", "chairman"}
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)
_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)


def resolve_personal(window: Any, p: int, i: int, found: Attribution,
                     person: Attribution | None) -> list[Attribution]:
    """Antecedents for the "he"/"she" *found* in sentence i of paragraph p, best first,
    given *person*, the nearest person named before (or None)."""
    pronoun = found.who.lower()
    roles = _roles_between(window, p, i, person)
    roles = [r for r in roles if _role_gender(r[1]) in ("", pronoun)]
    known = _gender_since(window, person, window.sentences(p)[i][0]) if person else ""
    out: list[Attribution] = []
    named = [_role_attribution(found, window, owner, role, at, person)
             for owner, role, at in roles]
    if person is not None and known and known != pronoun and named:
        out = named[:1] + [person] + named[1:]
    else:
        out = ([person] if person is not None else []) + named
    if not out:
        return out
    # ranked as one cue: the alternatives sort where the first does
    return out[:1] + [a.with_(start=out[0].start, end=out[0].end) for a in out[1:]]


def _roles_between(window: Any, p: int, i: int,
                   person: Attribution | None) -> list[tuple[str, str, int]]:
    """Role subjects ("Her deputy", "The spokesman") of the sentences after *person*'s
    mention and before sentence i of paragraph p, nearest first."""
    from briefing.ingest.attribution import _positions_before

    since = person.start if person is not None and person.end else window.lo
    out = []
    for q, j in _positions_before(window, p, i, 6):
        s, e = window.sentences(q)[j]
        if e <= since:
            break
        m = _ROLE_SUBJECT.match(mask_quotes(window.text[s:e]))
        if m and s + m.start() > since:
            out.append((m.group("owner"), m.group("role"), s + m.start()))
    return out


def _role_gender(role: str) -> str:
    word = role.split()[-1].lower()
    return "she" if word in _FEMALE else "he" if word in _MALE else ""


def _gender_since(window: Any, person: Attribution, until: int) -> str:
    """"she" or "he": the first personal pronoun outside quotations after *person* was
    named ("" when none, or when the person's mention is not located)."""
    if not person.end or person.end >= until:
        return ""
    masked = mask_quotes(window.text[person.end:until])
    she, he = _SHE.search(masked), _HE.search(masked)
    if she and (not he or she.start() < he.start()):
        return "she"
    return "he" if he else ""


def _role_attribution(found: Attribution, window: Any, owner: str, role: str, at: int,
                      person: Attribution | None) -> Attribution:
    lowered = owner.lower()
    who = f"the {role}"
    if person is not None and lowered in ("her", "his"):
        known = _gender_since(window, person, at + len(owner) + 1)
        if known in ("", "she" if lowered == "her" else "he"):
            who = f"{_bare_name(person.name)}'s {role}"  # "Her deputy": Eva Dahl's deputy
    return found.with_(who=who, detail="", full_name="", start=at,
                       end=at + len(owner) + 1 + len(role))


def _bare_name(name: str) -> str:
    """"Finance Minister Eva Dahl" → "Eva Dahl": the name without its title words."""
    from briefing.ingest.attribution.turns import ROLES

    words = name.split()
    while len(words) > 2 and words[0].lower().rstrip(".") in ROLES | {"dr", "prof"}:
        words = words[1:]
    return " ".join(words)
