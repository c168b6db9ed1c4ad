"""Speakers and their names: the Attribution record, full names, titles and roles."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

NAME_WORD = r"[A-Z][\w.'’-]*"
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "madam"}
TITLES = {"dr", "prof", "professor", "sir", "dame"} | HONORIFICS
SMALL_WORDS = {"of", "the", "for", "and", "on", "in", "de", "van", "von", "du", "la", "le"}
PRONOUNS = {"he", "she", "they", "we", "i", "it"}
ORG_WORDS = {
    "agency", "alliance", "association", "authority", "bank", "board", "bureau", "centre",
    "center", "commission", "committee", "company", "council", "court", "department",
    "directorate", "district", "embassy", "federation", "forum", "fund", "government",
    "group", "house", "institute", "ministry", "office", "organisation", "organization",
    "parliament", "party", "police", "service", "services", "society", "societies",
    "team", "union", "university", "utilities", "watch", "cabinet", "coalition", "staff",
    "corporation", "foundation", "laboratory", "programme", "secretariat", "treasury",
}
DOCUMENT_WORDS = {
    "report", "study", "bulletin", "survey", "analysis", "review", "figures", "data",
    "document", "letter", "poll", "audit", "inquiry", "investigation", "research", "paper",
    "statement", "notice", "memo", "assessment", "findings", "minutes", "filing", "release",
    "estimate", "estimates", "statistics", "forecast", "records", "record", "update",
}


@dataclass(frozen=True, slots=True)
class Attribution:
    """A suggested speaker for a passage, with where it was found."""

    who: str
    cue: str
    detail: str = ""
    venue: str = ""
    full_name: str = ""
    start: int = 0
    end: int = 0

    @property
    def name(self) -> str:
        return self.full_name or self.who

    @property
    def label(self) -> str:
        """Text for the citation's attribution field: name, role and venue joined
        ("Henrik Vass, the authority's chairman, in an interview")."""
        parts = [self.name]
        if self.detail and self.detail.lower() not in self.name.lower():
            parts.append(self.detail)
        if self.venue:
            parts.append(self.venue)
        return ", ".join(parts)

    def with_(self, **changes: Any) -> Attribution:
        return replace(self, **changes)


# ------------------------------------------------------------------- names
def is_proper(words: str) -> bool:
    """"Henrik Vass", "Ministry of Transport": capitalised words (small words between)."""
    parts = words.split()
    if not parts or not parts[0][:1].isupper():
        return False
    return all(p[:1].isupper() or p[:1].isdigit() or p.lower() in SMALL_WORDS for p in parts)


def _bare(word: str) -> str:
    return re.sub(r"['’]s?$", "", word.lower().strip(".,;:"))


def is_org(words: str) -> bool:
    return any(_bare(w) in ORG_WORDS for w in words.split())


def is_document(words: str) -> bool:
    head = re.split(r"\s+(?:by|from|of|on|for|published|released)\s+", words.lower())[0]
    return any(_bare(w) in DOCUMENT_WORDS for w in head.split())


def looks_like_person(words: str) -> bool:
    """A personal name: two or more capitalised words, none an organisation word."""
    core = strip_honorific(words)
    parts = core.split()
    return len(parts) >= 2 and is_proper(core) and not is_org(core) and not is_document(core)


def strip_honorific(name: str) -> str:
    parts = name.split()
    while len(parts) > 1 and parts[0].lower().rstrip(".") in HONORIFICS:
        parts = parts[1:]
    return " ".join(parts)


def title_case(words: str) -> str:
    """"MINISTRY OF TRANSPORT" → "Ministry of Transport"; "DR. RUUD" → "Dr. Ruud"."""
    out = []
    for i, word in enumerate(words.split()):
        lower = word.lower()
        if i and lower in SMALL_WORDS:
            out.append(lower)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in lower.split("-")))
    return " ".join(out)


@lru_cache(maxsize=512)
def full_name(text: str, who: str) -> str:
    """The longest mention in *text* that ends with the name *who* ("Rubio" → "... Rubio")."""
    bare = strip_honorific(who)
    if not re.fullmatch(rf"{NAME_WORD}(?:\s+{NAME_WORD})*", bare):
        return ""
    surname = bare.split()[-1]
    given = [w for w in bare.split()[:-1] if w.lower().rstrip(".") not in TITLES]
    names, seen = [], set()
    for hit in re.finditer(rf"\b{re.escape(surname)}\b", text):
        if not text[max(0, hit.start() - 1):hit.start()].isspace():
            continue  # no name word can end right before it
        before = _PREFIXES.search(text, max(0, hit.start() - 90), hit.start())
        if before is None or before.group() in seen:
            continue
        seen.add(before.group())
        name = _trim_mention(before.group() + surname)
        if all(w in name.split() for w in given):
            names.append(name)
    longest = max(names, key=len, default="")
    return longest if len(longest) > len(who) else ""


_PREFIXES = re.compile(rf"(?:{NAME_WORD}[^\S\n]+(?:of[^\S\n]+(?:the[^\S\n]+)?)?){{1,6}}$")


def _trim_mention(mention: str) -> str:
    mention = re.sub(r"^(?:The|A|An|But|And|In|On|At|As|When|After|Asked|Speaking)\s+", "",
                     mention)
    mention = re.sub(r"^Q\d+\s+", "", mention)  # "Q3 Petter Sand:" numbers a question
    return strip_honorific(mention)
