"""Attribution help: who is speaking in a selected passage of a source.

News text attributes statements with a small set of patterns:
``"...," X said``, ``"...," said X``, ``according to X``, ``X wrote on ...``,
``X told ...``, ``X said (that) ...``.  Given a selected character range,
:func:`suggest_attribution` looks at the sentences of the selection's
paragraph, nearest first, and returns the speakers it finds — suggestions the
analyst confirms, never facts.  Text inside quotation marks is not searched
for cues (a speaker quoting someone else's "he said" is not the speaker), a
bare pronoun ("he said") is resolved to the nearest named subject before it,
and a surname is matched to its fullest mention ("Rubio" →
"Secretary of State Marco Rubio").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.ingest.locators import paragraph_spans

VERBS = (
    "said|says|say|told|tells|wrote|writes|added|adds|noted|notes|stated|states|"
    "explained|argued|warned|insisted|acknowledged|indicated|claimed|announced|posted|"
    "tweeted|testified|reported|confirmed|asserted|declared|suggested|recalled|"
    "emphasized|emphasised|stressed|maintained|contended|observed|remarked|replied|"
    "responded|cautioned|conceded|predicted|alleged|disclosed|revealed"
)
_AUX = r"(?:(?:has|have|had|also|later|previously|publicly|then)\s+)*"
_OPEN, _CLOSE = "\"“", "\"”"
_QUOTE_END = r"[,!?.…—-]?\s*[\"”]"
_ABBREVIATIONS = {
    "rep", "sen", "gov", "dr", "mr", "mrs", "ms", "gen", "lt", "col", "sgt", "capt", "adm",
    "maj", "prof", "st", "jr", "sr", "no", "inc", "corp", "co", "ltd", "vs", "etc", "pres",
    "rev", "hon", "amb", "sec", "dept", "mt", "ft", "u.s", "u.k", "u.n", "e.g", "i.e",
}
_CONJUNCTIONS = re.compile(
    r"^(?:and|but|though|although|while|whereas|as|even as|so|yet|because|since|"
    r"after|before|when|who|which|that|where|however|meanwhile|but also)\s+",
    re.IGNORECASE,
)
_VERBISH = re.compile(r"\b(?:is|are|was|were|be|been|that|which|who|if|what)\b")
_PRONOUNS = {"he", "she", "they", "we", "i", "it"}
_DETERMINERS = re.compile(
    r"^(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|"
    r"other|multiple|numerous|most|few|senior|former|current|\d+)\b",
    re.IGNORECASE,
)
_NAME_WORD = r"[A-Z][\w.'’-]*"
_NON_NAMES = {"The", "A", "An", "It", "This", "That", "These", "Those", "But", "And", "In"}


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
    def label(self) -> str:
        """Text for the citation's attribution field: "Rep. Mike Quigley, in an interview"."""
        name = self.full_name or self.who
        return f"{name}, {self.venue}" if self.venue else name


# ---------------------------------------------------------------- sentences
def _mask_quotes(text: str) -> str:
    """*text* with the inside of quotations replaced by underscores (same length)."""
    out, inside = list(text), False
    for i, ch in enumerate(text):
        if ch == '"':
            inside = not inside
        elif ch in "“”":
            inside = ch == "“"
        elif inside and not ch.isspace():
            out[i] = "_"
    return "".join(out)


def sentence_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sentences of text[lo:hi] as absolute spans; quotations never split a sentence."""
    masked = _mask_quotes(text[lo:hi])
    spans, start = [], 0
    for match in re.finditer(r"[.!?…]+[\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9_])", masked):
        word = re.search(r"([\w.]+)[.!?…]*[\"”’)]*$", masked[start:match.end()])
        token = word.group(1).rstrip(".").lower() if word else ""
        if token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token):
            continue
        spans.append((lo + start, lo + match.end()))
        start = match.end() + len(masked[match.end():]) - len(masked[match.end():].lstrip())
    if start < len(masked):
        spans.append((lo + start, hi))
    return spans


# ----------------------------------------------------------------- patterns
def _split_who(raw: str) -> tuple[str, str]:
    """("Rep. Mike Quigley", "a Democratic member ...") from an appositive phrase."""
    raw = raw.strip().strip(",").strip()
    who, _, detail = raw.partition(", ")
    return who.strip(), detail.strip().strip(",")


def _plausible(who: str) -> bool:
    if not who or len(who.split()) > 12 or _VERBISH.search(who):
        return False
    return bool(re.match(r"[A-Z0-9]", who) or _DETERMINERS.match(who)
                or who.lower() in _PRONOUNS)


def _venue(rest: str) -> str:
    match = re.match(
        r"\s+((?:in|during|at|on|to)\s+[^,.;\"“”]{2,60}?)(?=\s+(?:that|on\s+\w+day)\b|[,.;\"“”]|$)",
        rest,
    )
    return match.group(1).strip() if match else ""


def _candidates(masked: str, base: int) -> list[Attribution]:
    """Attributions in one (quote-masked) sentence, strongest patterns first."""
    found: list[Attribution] = []
    after_quote = re.compile(rf"{_QUOTE_END}\s+(?P<who>[^\"“”_]+?)\s+{_AUX}(?P<verb>{VERBS})\b")
    for m in after_quote.finditer(masked):
        who, detail = _split_who(m.group("who"))
        found.append(_make(who, m.group("verb"), detail, masked, m.end(), base, m.start("who")))
    inverted = re.compile(rf"{_QUOTE_END}\s+(?P<verb>{VERBS})\s+(?P<who>[A-Z][^.;\"“”_]+)")
    for m in inverted.finditer(masked):
        who, detail = _split_who(m.group("who"))
        found.append(_make(who, m.group("verb"), detail, "", 0, base, m.start("who")))
    for m in re.finditer(r"\baccording to\s+(?P<who>[^,.;:\"“”_()]+)", masked):
        who = m.group("who").strip()
        found.append(_make(who, "according to", "", "", 0, base, m.start("who")))
    described = r"\bwhat\s+(?P<who>[^,.;:\"“”_]+?)\s+(?P<verb>described|called|termed)\s+as\b"
    for m in re.finditer(described, masked):
        found.append(_make(m.group("who"), m.group("verb"), "", "", 0, base, m.start("who")))
    for m in re.finditer(rf"\s{_AUX}(?P<verb>{VERBS})\b", masked):
        found.extend(_subject_before(masked, m, base))
    return [a for a in found if _plausible(a.who)]


def _subject_before(masked: str, verb: re.Match[str], base: int) -> list[Attribution]:
    before = masked[:verb.start()]
    cut = max(before.rfind(";"), before.rfind(":"), before.rfind('"'), before.rfind("”"))
    clause = before[cut + 1:]
    if clause.rstrip().endswith(","):  # "Jane Roe, the spokeswoman, said"
        who, detail = _split_who(clause)
        offset = cut + 1 + (len(clause) - len(clause.lstrip()))
    else:
        weak = clause.rfind(", ")
        head = clause[weak + 2:] if weak >= 0 else clause
        who, detail = _CONJUNCTIONS.sub("", head.strip()), ""
        if re.search(r"\s(?:and|or)$", who):  # "diplomats disputed this and said"
            first_verb = re.match(r"(.+?)\s+\w+ed\b", who)
            who = first_verb.group(1) if first_verb else ""
        head_at = cut + 1 + (weak + 2 if weak >= 0 else 0)
        offset = head_at + max(0, masked[head_at:verb.start()].find(who)) if who else head_at
    return [_make(who, verb.group("verb"), detail, masked, verb.end(), base, offset)]


def _make(
    who: str, cue: str, detail: str, masked: str, rest_at: int, base: int, offset: int
) -> Attribution:
    venue = _venue(masked[rest_at:]) if masked else ""
    return Attribution(who, cue, detail, venue, "", base + offset, base + offset + len(who))


# ------------------------------------------------------------------ helpers
def _leading_name(sentence: str) -> str:
    match = re.match(rf"[\"“]?({_NAME_WORD}(?:\s+(?:of\s+|the\s+)?{_NAME_WORD})*)", sentence)
    if not match or match.group(1) in _NON_NAMES:
        return ""
    return match.group(1)


def full_name(text: str, who: str) -> str:
    """The longest mention in *text* that ends with the name *who* ("Rubio" → "... Rubio")."""
    if not re.fullmatch(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*", who):
        return ""
    prefix = rf"(?:{_NAME_WORD}\s+(?:of\s+(?:the\s+)?)?)"
    mentions = re.findall(rf"((?:{prefix}){{1,6}}){re.escape(who)}\b", text)
    names = [re.sub(r"^(?:The|A|An)\s+", "", m + who) for m in mentions]
    longest = max(names, key=len, default="")
    return longest if len(longest) > len(who) else ""


def _resolve_pronoun(
    text: str, sentences: list[tuple[int, int]], index: int, found: Attribution
) -> Attribution:
    for s, e in reversed(sentences[:index]):
        name = _leading_name(text[s:e])
        if name:
            return Attribution(name, found.cue, found.detail, found.venue, "", s, s + len(name))
    return found


# ------------------------------------------------------------------- public
def suggest_attribution(text: str, start: int, end: int, limit: int = 3) -> list[Attribution]:
    """Speakers suggested for text[start:end], most likely first (may be empty)."""
    paragraph = next(
        ((s, e) for s, e in paragraph_spans(text) if s <= start < e or s < end <= e),
        (0, len(text)),
    )
    sentences = sentence_spans(text, *paragraph)
    own = [i for i, (s, e) in enumerate(sentences) if s < max(end, start + 1) and e > start]
    if not own:
        return []
    order = sorted(
        range(len(sentences)),
        key=lambda i: (_distance(i, own), i > own[-1]),
    )
    results: list[Attribution] = []
    for index in order:
        s, e = sentences[index]
        candidates = _candidates(_mask_quotes(text[s:e]), s)
        candidates.sort(key=lambda a: max(0, a.start - end, start - a.end))
        for found in candidates:
            if found.who.lower() in _PRONOUNS:
                found = _resolve_pronoun(text, sentences, index, found)
            if all(found.who != r.who for r in results):
                results.append(_with_full_name(text, found))
    return results[:limit]


def _distance(index: int, own: list[int]) -> int:
    return 0 if own[0] <= index <= own[-1] else min(abs(index - own[0]), abs(index - own[-1]))


def _with_full_name(text: str, found: Attribution) -> Attribution:
    name = full_name(text, found.who)
    if not name:
        return found
    return Attribution(
        found.who, found.cue, found.detail, found.venue, name, found.start, found.end
    )
