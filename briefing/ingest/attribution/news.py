"""Attribution cues inside one sentence of prose (news, magazines, reports).

``"...," X said``, ``"...," said X``, ``X, the role, said``, ``the role, X, said``,
``according to X`` (leading or trailing), ``X told ...``, ``X wrote on ...``,
``a report by X found``, ``the bank's bulletin showed``, ``in a statement, the
board said``.  Text inside quotation marks is never searched for cues (a speaker
quoting someone else's "he said" is not the speaker).
"""

from __future__ import annotations

import re
from typing import Any

from briefing.ingest.attribution.names import (
    PRONOUNS,
    Attribution,
    is_document,
    is_proper,
)

VERBS = (
    "said|says|say|told|tells|wrote|writes|added|adds|noted|notes|stated|states|"
    "explained|explains|argued|argues|warned|warns|insisted|insists|acknowledged|"
    "indicated|claimed|claims|announced|announces|posted|tweeted|testified|reported|"
    "confirmed|asserted|declared|suggested|suggests|recalled|recalls|emphasized|"
    "emphasised|stressed|maintained|contended|observed|remarked|replied|responded|"
    "cautioned|conceded|predicted|alleged|disclosed|revealed|admitted|admits|denied|"
    "denies|accused|called|calls|described|describes|welcomed|urged|vowed|pledged|"
    "promised|complained|countered|concluded|concludes|showed|shows|show|found|finds|"
    "estimated|estimates|projected|points out|pointed out|believes|believed|"
    "thinks|rejected|dismissed|criticised|criticized|praised|asked|responded|"
    "reaffirm|reaffirms|reaffirmed|call on|calls on|called on|forecast|forecasts|"
    "forecasted|predicts|projects|cautions|concedes|acknowledges|argue|warn|estimate"
)
_DOCUMENT_ONLY = {"showed", "shows", "show", "found", "finds"}
_NEEDS_CLAUSE = {  # also nouns, adjectives or plain transitive verbs: a report only with
    # a clause ("… that …", ":", a quotation) or at the end of the reported words
    "forecast", "forecasts", "forecasted", "estimated", "estimates", "estimate", "projected",
    "projects", "predicted", "predicts", "concluded", "concludes", "noted", "notes",
    "argued", "argues", "argue", "acknowledged", "acknowledges", "cautioned", "cautions",
    "insisted", "insists", "conceded", "concedes", "warned", "warns", "warn",
}
_ASIDE_END = re.compile(r"(?:\s+(?:in|on|at|during)\b[^,;:.]{0,60})?,\s")
_CLAUSE_AFTER = re.compile(
    r"(?:\s+(?:in|on|at|during|to)\b[^,;:.\"“]{0,50}?)?(?:,\s*)?"
    r"(?:\s*[:\"“]|\s+that\b|\s+(?:it|he|she|they|we|there|the|a|an|its|their|growth|"
    r"inflation|prices|unemployment)\s+(?:would|will|could|might|may|was|were|is|are|had|"
    r"has|have|remains|remained)\b)")
_TRAILING = {"said", "says", "reported", "confirmed", "added", "noted", "announced", "stated",
             "forecast", "estimated", "projected", "predicted", "warned", "concluded"}
_AUX = (r"(?:(?:has|have|had|also|later|previously|publicly|then|privately|would|will|"
        r"only|repeatedly|already|has\s+since|once|again|not)\s+)*")
_QUOTE_END = r"[,!?.…—-]?\s*[\"”]"
_CONJUNCTIONS = re.compile(
    r"^(?:and|but|though|although|while|whereas|as|even as|so|yet|because|since|"
    r"after|before|when|who|which|that|where|however|meanwhile|but also|then)\s+",
    re.IGNORECASE,
)
_VERBISH = re.compile(r"\b(?:is|are|was|were|be|been|that|which|if|what|would|will|could|"
                      r"should|can|may|might|must|did|does)\b")
_DETERMINERS = re.compile(
    r"^(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|"
    r"other|multiple|numerous|most|few|senior|former|current|its|his|her|their|our|"
    r"people|officials|diplomats|analysts|economists|residents|critics|scientists|"
    r"campaigners|experts|sources|anglers|volunteers|doctors|teachers|\d+)\b",
    re.IGNORECASE,
)
SPEAKER_NOUNS = {
    "authorities", "authority", "officials", "official", "sources", "source", "police",
    "analysts", "economists", "diplomats", "residents", "experts", "investigators",
    "prosecutors", "lawyers", "officers", "scientists", "critics", "campaigners",
    "witnesses", "people", "workers", "union", "ministry", "government", "spokesman",
    "spokeswoman", "spokesperson", "organisers", "organizers", "researchers", "doctors",
    "regulators", "executives", "managers", "traders", "insiders", "aides", "advisers",
    "engineers", "teachers", "parents", "farmers", "protesters", "activists", "observers",
}
_TIME_TAIL = re.compile(
    r"\s+(?:today|yesterday|tonight|this\s+(?:morning|week|month|year)|"
    r"last\s+(?:night|week|month|year)|on\s+\w+day|earlier|now|again|also|separately|"
    r"however|meanwhile|in\s+a\s+(?:statement|letter|post))$", re.IGNORECASE)
_DETAIL_TAIL = re.compile(
    r"(?:^|\s+)(?:and\s+)?(?:who\s+)?(?:asked|spoke|speaking|requested|because|"
    r"on\s+condition)\b.*$|^(?:who|which|that)$")
_POSSESSIVE_ROLE = re.compile(r"^(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w-]*['’]s?\s+[a-z]")
_NOT_VENUE = re.compile(r"(?:at\s+(?:least|most|best|worst|first|once)|in\s+(?:total|part|"
                        r"fact|all)|on\s+(?:average|top|balance))\b", re.IGNORECASE)
_ROLE_FIRST = re.compile(
    r"^(?:the|a|an|its|his|her|their|our|one)\s", re.IGNORECASE
)


def candidates(masked: str, base: int) -> list[Attribution]:
    """Attributions in one (quote-masked) sentence starting at offset *base*."""
    found: list[Attribution] = []
    after_quote = re.compile(
        rf"{_QUOTE_END}\s+(?P<who>[^\"“”_]+?)\s+{_AUX}(?P<verb>{VERBS})\b")
    for m in after_quote.finditer(masked):
        found.append(_make(m.group("who"), m.group("verb"), masked, m, base))
    inverted = re.compile(
        rf"(?:{_QUOTE_END}|,)\s+(?P<verb>said|says|told|wrote|writes|added|adds|asked|"
        rf"recalls|recalled|explained|explains|insisted|insists|noted|notes)\s+"
        rf"(?P<who>[^.;:\"“”_]+)")
    for m in inverted.finditer(masked):
        who = m.group("who")
        quoted = any(q in masked[m.start():m.start("verb")] for q in "\"”")
        if not quoted and masked[m.end():m.end() + 1] not in ("", ".", ";"):
            continue  # ", said X" ends its sentence: ", said the figures hid ..." is no cue
        if who[:1].isupper() or _DETERMINERS.match(who):
            found.append(_make(who, m.group("verb"), masked, m, base))
    for m in re.finditer(r"\b[Aa]ccording to\s+(?P<who>[^,.;:\"“”_()]+)", masked):
        found.append(_make(m.group("who"), "according to", masked, m, base, venue=False))
    described = r"\bwhat\s+(?P<who>[^,.;:\"“”_]+?)\s+(?P<verb>described|called|termed)(?:\s+as)?\b"
    for m in re.finditer(described, masked):
        found.append(_make(m.group("who"), m.group("verb"), masked, m, base, venue=False))
    for m in re.finditer(rf"\s{_AUX}(?P<verb>{VERBS})\b", masked):
        found.extend(_subject_before(masked, m, base))
    return [a.with_(cue=a.cue.rstrip()) for a in found
            if plausible(a.who) or a.cue.endswith(" ")]


def plausible(who: str) -> bool:
    head = who.split(",")[0]
    if not who or len(who.split()) > 14 or _VERBISH.search(head):
        return False
    if re.match(rf"(?:{VERBS})\b", who):
        return False  # "said workers" is the verb and its object
    if re.match(r"[A-Z0-9@]", who) or _DETERMINERS.match(who) or who.lower() in PRONOUNS:
        return True
    if re.search(r"(?:[A-Z][\w.'’-]*\s+)+[A-Z][\w'’-]+$", head):
        return True  # "union secretary Dagny Holm"
    words = head.split()
    if is_document(head):
        return True  # "figures published yesterday show"
    return len(words) <= 4 and re.sub(r"['’]s?$", "", words[-1].lower()) in SPEAKER_NOUNS


def _subject_before(masked: str, verb: re.Match[str], base: int) -> list[Attribution]:
    before = masked[:verb.start()]
    cut = max(before.rfind(";"), before.rfind(":"), before.rfind('"'), before.rfind("”"),
              before.rfind("—"))
    clause = before[cut + 1:]
    if clause.rstrip().endswith(","):  # "Jane Roe, the spokeswoman, said"
        raw, offset = clause, cut + 1 + (len(clause) - len(clause.lstrip()))
        lead = re.match(r"\s*(?:In|At|On|During|Speaking|Asked|Reached)\b[^,]*,\s*", raw)
        if lead and raw.count(",") > 1:  # "In a statement, the board, ..."
            raw, offset = raw[lead.end():], offset + lead.end()
        skip = _reported_lead(raw)  # "Repairs will take a month, Henrik Vass, the …,"
        raw, offset = raw[skip:], offset + skip
        who = raw
    else:
        weak = clause.rfind(", ")
        head = clause[weak + 2:] if weak >= 0 else clause
        if head.strip() in ("who", "which") and weak > 0:  # "..., Tomas Vik, who accused"
            weak = clause.rfind(", ", 0, weak)
            head = clause[weak + 2:clause.rfind(", ")] if weak >= 0 else \
                clause[:clause.rfind(", ")]
        who = _CONJUNCTIONS.sub("", head.strip())
        if re.search(r"\s(?:and|or|but)$", who):  # "diplomats disputed this and said"
            first_verb = re.match(r"(.+?)\s+\w+ed\b", who)
            who = first_verb.group(1) if first_verb else ""
        head_at = cut + 1 + (weak + 2 if weak >= 0 else 0)
        offset = head_at + max(0, masked[head_at:verb.start()].find(who)) if who else head_at
    word = verb.group("verb")
    if word in ("called", "named") and re.match(r"\s+[A-Z][\w'’-]+\s+[A-Z]", masked[verb.end():]):
        return []  # "a quiet 24-year-old called Tobias Rand" names, it does not report
    trailing = (word in _TRAILING and _sentence_final(masked[verb.end():])
                and re.fullmatch(r"[a-z][a-z'’ -]*", who) is not None and len(who.split()) <= 5
                and not _VERBISH.search(who) and who.lower() not in PRONOUNS
                and not re.search(r"\b(?:has|have|had|being|having|not)\b", who))
    if word in _DOCUMENT_ONLY and not (is_document(who) or who.lower() in ("we", "our")):
        return []
    after_words = masked[:offset].rstrip().endswith((",", '"', "”"))
    if word in _NEEDS_CLAUSE and not is_document(who) and not (
            (after_words and (_sentence_final(masked[verb.end():])
                              or _ASIDE_END.match(masked, verb.end())))
            or _CLAUSE_AFTER.match(masked, verb.end())):
        return []  # "the IMF forecast of 1.2 %", "the team concluded its season"
    found = _make(who, word, masked, _Span(offset, verb.end()), base)
    return [found.with_(cue=word + " ") if trailing else found]  # ", port officials said."


def _reported_lead(raw: str) -> int:
    """Length of the reported words before an appositive speaker in *raw* (0: none).

    In "The river is falling, Ines Farrow, the harbour master," the speaker starts at
    the first part that is a name, or a short role followed by a name ("the harbour
    master, Ines Farrow"); what comes before it is what they said, not who they are.
    """
    parts = raw.split(", ")
    at = 0
    for k, part in enumerate(parts[:-1]):
        text = part.strip()
        role_then_name = (_ROLE_FIRST.match(text) is not None and not _VERBISH.search(text)
                          and len(text.split()) <= 6 and is_proper(parts[k + 1].strip()))
        if k and (is_proper(text) or role_then_name):
            return at
        if not k and (is_proper(text) or role_then_name):
            return 0
        at += len(part) + 2
    return 0


def _sentence_final(rest: str) -> bool:
    """After the verb only a venue or time, then the sentence's end: ", X said on Friday."."""
    return bool(re.fullmatch(r"(?:\s+(?:in|on|at|during|to|late|early|this|last)\b[^,;:]*)?"
                             r"\s*[.!?]?\s*", rest))


class _Span:
    """A match-like (start of who, end of cue) pair."""

    def __init__(self, who_at: int, cue_end: int) -> None:
        self.who_at, self.cue_end = who_at, cue_end

    def start(self, _group: str = "") -> int:
        return self.who_at

    def end(self) -> int:
        return self.cue_end


def _make(raw: str, cue: str, masked: str, m: Any, base: int,
          venue: bool = True) -> Attribution:
    who, detail = split_who(raw)
    at = m.start("who") if isinstance(m, re.Match) else m.start()
    at += max(0, masked[at:].find(who)) if who else 0
    place = _venue(masked[m.end():]) if venue else ""
    return Attribution(who, cue, detail, place, "", base + at, base + at + len(who))


def split_who(raw: str) -> tuple[str, str]:
    """("Henrik Vass", "the authority's chairman") from an appositive, either order."""
    who, detail = _split(raw)
    if not re.search(r"\w+ed\s+\w+$", who):  # "figures published yesterday" keeps its day
        who = _TIME_TAIL.sub("", who)
    return who, _DETAIL_TAIL.sub("", detail).rstrip(",")


def _split(raw: str) -> tuple[str, str]:
    raw = raw.strip().strip(",").strip()
    parts = [p.strip() for p in raw.split(", ") if p.strip()]
    if not parts:
        return "", ""
    first, rest = parts[0], parts[1:]
    role_first = _ROLE_FIRST.match(first) or _POSSESSIVE_ROLE.match(first)
    if rest and role_first and is_proper(rest[0]):
        # "The authority's chairman, Henrik Vass" / "Its chair, Birgit Lahn"
        lower = _ROLE_FIRST.match(first) and not is_proper(first)
        role = first[0].lower() + first[1:] if lower else first
        return rest[0], ", ".join([role, *rest[1:]])
    of = re.match(r"^((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+)\s+(of\s+the\s+.+)$", first)
    if of and not rest and not re.match(r"^(?:The|A|An)\s", first):
        return of.group(1), of.group(2)  # "Amira Fell of the Green Alliance"
    return first, ", ".join(rest)


def _venue(rest: str) -> str:
    match = re.match(
        r"\s+((?:in|during|at|on|to)\s+[^,.;\"“”_]{2,60}?)"
        r"(?=\s+(?:that|on\s+\w+day)\b|[,.;\"“”_]|$)",
        rest,
    )
    if match is None or _WHEN.match(match.group(1)) or _NOT_VENUE.match(match.group(1)):
        return ""  # "said on Tuesday", "said at least 1,200": no part of who says it
    return match.group(1).strip()


_WHEN = re.compile(
    r"(?:on|in|at|during)\s+(?:(?:last|this|next|early|late)\s+)?(?:the\s+)?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|\d|morning|afternoon|evening|night|"
    r"weekend|week|month|year|spring|summer|autumn|fall|winter)\b",
    re.IGNORECASE,
)
