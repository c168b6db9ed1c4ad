"""Who holds the floor: transcript speaker labels and social-media post headers.

A transcript line that starts with a speaker label (``LUND:``, ``Q:``, ``A.``,
``MODERATOR (Karen Holm):``, ``The Prime Minister (Ms Eva Stromberg):``)
gives the floor to that speaker until the next label, across paragraphs.  A
label is resolved to the fullest name the transcript gives: a surname to the
name in the header or an earlier full label, a role to the name it was first
given with, ``Q``/``A`` to the interviewer/examiner and the interviewee/witness.
A post header (``Name (@handle) · 9 Jan``, or a line holding only ``@handle``)
gives the floor to that account until the next header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.ingest.attribution.names import (
    Attribution,
    full_name,
    is_proper,
    looks_like_person,
    strip_honorific,
    title_case,
)

LOOK_BACK = 8000
"""Characters searched back for the label that holds the floor."""

_LABEL = re.compile(
    r"^[^\S\n]*(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?\)?\]?[^\S\n]*)?"
    r"(?P<label>[^:\n]{1,90}?)[^\S\n]*(?::|(?<=^Q)\.|(?<=^A)\.)[^\S\n]+(?=\S)",
    re.MULTILINE,
)
_POST = re.compile(r"^(?P<name>[^\n@]{1,60}?)[^\S\n]*\((?P<handle>@\w{1,30})\)[^\S\n]*[·•|]",
                   re.MULTILINE)
_HANDLE_LINE = re.compile(r"^(?P<handle>@\w{1,30})[^\S\n]*$", re.MULTILINE)
ROLES = {
    "moderator", "presenter", "host", "anchor", "interviewer", "operator", "chair",
    "chairman", "chairwoman", "chairperson", "spokesperson", "spokesman", "spokeswoman",
    "press", "secretary", "minister", "prime", "president", "vice", "deputy", "senator",
    "sen.", "representative", "rep.", "congressman", "congresswoman", "governor", "mayor",
    "commissioner", "director", "general", "chief", "executive", "financial", "medical",
    "officer", "head", "judge", "justice", "court", "witness", "the", "member", "councillor",
    "reporter", "correspondent", "speaker", "clerk", "counsel", "attorney", "prosecutor",
    "defendant", "interpreter", "ambassador", "mp", "mr.", "hon.", "honourable", "lord",
    "baroness", "inspector", "superintendent", "sheriff", "coroner", "auditor", "fisheries",
    "foreign", "health", "finance", "defence", "defense", "interior", "transport", "education",
    "master", "harbour", "harbor", "port", "police", "fire", "communications", "affairs",
    "public", "national", "security", "adviser", "advisor", "economist", "analyst", "leader",
    "opposition", "party", "union", "ceo", "cfo", "coo", "state", "interim", "acting", "senior",
    "assistant", "associate", "principal", "lead", "regional", "city", "county", "district",
    "solicitor", "environment", "energy", "trade", "labour", "agriculture", "of",
    "ombudsman", "registrar", "treasurer", "manager", "editor", "professor", "minister's",
}
_GENERIC = {"moderator": "the moderator", "operator": "the operator", "the court": "the court",
            "court": "the court", "presenter": "the presenter", "host": "the host",
            "interviewer": "the interviewer", "the witness": "", "witness": "",
            "q": "", "a": "", "question": "", "answer": ""}
_SINGLE_WORD_ROLES = {"moderator", "operator", "presenter", "host", "interviewer", "chair",
                      "chairman", "witness", "question", "answer", "reporter", "speaker",
                      "judge", "court", "interpreter", "clerk", "narrator", "caller"}


@dataclass(frozen=True)
class Label:
    """A speaker label at *start* (line start) whose words run to *end*."""

    raw: str
    start: int
    end: int
    body_at: int


def labels(text: str, lo: int, hi: int) -> list[Label]:
    """Speaker labels of the lines in text[lo:hi] (empty when the text is no transcript)."""
    found = []
    for m in _LABEL.finditer(text, lo, hi):
        raw = m.group("label").strip()
        if _is_label(raw):
            found.append(Label(raw, m.start("label"), m.end("label"), m.end()))
    counts: dict[str, int] = {}
    for label in found:
        key = label.raw.upper()
        counts[key] = counts.get(key, 0) + 1
    kept = [lab for lab in found if _kept(lab.raw, counts)]
    return kept if len(kept) >= 3 else []


def _is_label(raw: str) -> bool:
    head = re.sub(r"\([^)]*\)", "", raw).strip()
    if not head or len(head.split()) > 8:
        return False
    if head in ("Q", "A"):
        return True
    letters = [c for c in head if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return len(letters) >= 2
    words = head.replace(",", " ").split()
    return is_proper(head.split(",")[0]) and (len(words) >= 2 or
                                               head.lower() in _SINGLE_WORD_ROLES)


def _kept(raw: str, counts: dict[str, int]) -> bool:
    head = re.sub(r"\([^)]*\)", "", raw).strip()
    if len(head.split()) >= 2 or head in ("Q", "A") or head.lower() in _SINGLE_WORD_ROLES:
        return True
    return counts.get(raw.upper(), 0) >= 2 or head.isupper()


def floor_holder(text: str, start: int) -> tuple[Attribution | None, list[Attribution]]:
    """The labelled speaker or posting account whose turn holds offset *start*, and the
    speakers of the nearby turns (nearest first) as second and third suggestions."""
    lo = max(0, start - LOOK_BACK)
    line_start = text.rfind("\n", 0, start) + 1
    post = _post_before(text, lo, start)
    found = labels(text, lo, min(len(text), start + 2000))
    own = [lab for lab in found if lab.start <= max(start, line_start)]
    if own and (post is None or own[-1].start > post[0]):
        head = _document_head(text)
        holder = resolve(text, own[-1], found, head)
        return holder, _others(text, start, holder, found, head)
    return (post[1] if post is not None else None), []


def _others(text: str, start: int, holder: Attribution, found: list[Label],
            head: str) -> list[Attribution]:
    order = sorted(found, key=lambda lab: abs(lab.start - start))
    out: list[Attribution] = []
    seen = {holder.name}
    for label in order[:8]:
        if label.raw in seen:
            continue
        seen.add(label.raw)
        who = resolve(text, label, found, head)
        if who.name not in seen:
            seen.add(who.name)
            out.append(who)
        if len(out) == 2:
            break
    return out


# ---------------------------------------------------------------- resolving
def resolve(text: str, label: Label, found: list[Label], head: str) -> Attribution:
    raw = re.sub(r"^Q\d+\s+", "", label.raw)  # "Q12 Chair:" numbers the question
    bare = re.sub(r"\([^)]*\)", "", raw).strip().rstrip(",")
    inside = re.findall(r"\(([^)]*)\)", raw)
    if bare in ("Q", "A") or bare.upper() in ("QUESTION", "ANSWER"):
        return _question_answer(text, label, bare[0].upper(), head, inside, found)
    name_part, _, role_part = bare.partition(",")
    name_words, role_words = _split_label(name_part.split())
    titles = [w for w in role_words if w.endswith(".")]
    if titles and len(titles) == len(role_words):  # "SEN. OWEN PRICE" → "Sen. Owen Price"
        name_words, role_words = role_words + name_words, []
    role = " ".join(role_words + role_part.split()).strip()
    role = title_case(role).lower() if role.isupper() else role
    name = " ".join(name_words)
    if name and name.isupper():
        name = title_case(name)
    if not name or name.lower() in ("the",):
        return _role_only(text, label, found, head, bare, inside, role)
    return _named(text, label, name, role, found)


def _split_label(words: list[str]) -> tuple[list[str], list[str]]:
    """(name words, role words): the name follows the last role word of a label."""
    roles = [i for i, w in enumerate(words) if w.lower() in ROLES]
    if not roles:
        return words, []
    if roles[-1] < len(words) - 1:
        return words[roles[-1] + 1:], words[:roles[-1] + 1]
    first = next((i for i, w in enumerate(words) if w.lower() not in ROLES), len(words))
    return words[first:], words[:first]


def _named(text: str, label: Label, name: str, role: str, found: list[Label]) -> Attribution:
    context = text[:3000] + "\n" + text[max(3000, label.start - 6000):label.start]
    single = len(strip_honorific(name).split()) == 1
    earlier, earlier_role = _from_labels(name, label, found) if single else ("", "")
    longer = full_name(context, name) or earlier
    if earlier and not role and strip_honorific(longer) == earlier:
        role = earlier_role  # "LUND:" is labelled as "SPOKESPERSON ANDERS LUND:" was
    best = strip_honorific(longer) if longer else strip_honorific(name)
    if len(best.split()) < len(strip_honorific(name).split()):
        best = strip_honorific(name)
    if not longer and strip_honorific(name) != name and len(name.split()) == 2:
        best = name  # "Mr. Berntsen": the honorific is all there is besides the surname
    return Attribution(best, "speaker label", role, "", "", label.start, label.end)


def _from_labels(name: str, label: Label, found: list[Label]) -> tuple[str, str]:
    """"Lund" → ("Anders Lund", "spokesperson") from an earlier label "SPOKESPERSON ANDERS
    LUND" (the role as that label gives it, so one speaker keeps one label)."""
    surname = strip_honorific(name).split()[-1].lower()
    for earlier in found:
        if earlier.start >= label.start:
            break
        for part in [re.sub(r"\([^)]*\)", "", earlier.raw),
                     *re.findall(r"\(([^)]*)\)", earlier.raw)]:
            words = _split_label(part.split(",")[0].split())[0]
            if len(words) > 1 and words[-1].lower() == surname:
                return title_case(" ".join(words)), _role_of(earlier, found)
    return "", ""


def _role_of(label: Label, found: list[Label]) -> str:
    """The role the full label *label* resolves with ("" when none or a title)."""
    head = re.sub(r"\([^)]*\)", "", re.sub(r"^Q\d+\s+", "", label.raw)).strip().rstrip(",")
    name_part, _, role_part = head.partition(",")
    name_words, role_words = _split_label(name_part.split())
    if role_words and all(w.endswith(".") for w in role_words):
        return ""
    role = " ".join(role_words + role_part.split()).strip()
    return title_case(role).lower() if role.isupper() else role


def _role_only(text: str, label: Label, found: list[Label], head: str, bare: str,
               inside: list[str], role: str) -> Attribution:
    named = _paren_name(inside)
    if not named:  # the same role labelled earlier with a name: "The Prime Minister (Ms X)"
        for earlier in found:
            if earlier.start < label.start and re.sub(r"\([^)]*\)", "", earlier.raw).strip() \
                    .lower() == bare.lower():
                named = _paren_name(re.findall(r"\(([^)]*)\)", earlier.raw)) or named
    key = bare.lower()
    if not named:  # "Members present: Ingrid Holm (Chair); ..."
        m = re.search(rf"{_NAME}\s*\((?i:{re.escape(bare)})\)", head)
        named = strip_honorific(m.group(1)) if m and looks_like_person(m.group(1)) else ""
    if not named and key in ("the witness", "witness"):
        named = _witness(text, head)
    if named:
        return Attribution(named, "speaker label", title_case(bare).lower() if bare.isupper()
                           else bare, "", "", label.start, label.end)
    generic = _GENERIC.get(key) or (bare if not bare.isupper() else title_case(bare))
    if bare.isupper() and key not in _GENERIC:
        generic = title_case(bare)
    return Attribution(generic, "speaker label", "", "", "", label.start, label.end)


def _paren_name(inside: list[str]) -> str:
    for part in inside:
        candidate = strip_honorific(part.split(",")[0].strip())
        candidate = title_case(candidate) if candidate.isupper() else candidate
        if looks_like_person(candidate):
            return candidate
    return ""


def _question_answer(text: str, label: Label, which: str, head: str,
                     inside: list[str] | None = None,
                     found: list[Label] | None = None) -> Attribution:
    """Q and A resolved to who asks and who answers; when nobody is named, a phrase that
    reads in a footnote ("a questioner (Q)"), never the bare letter."""
    def named(who: str, detail: str = "") -> Attribution:
        return Attribution(who, "speaker label", detail, "", "", label.start, label.end)

    if which == "Q":
        asked = re.match(r"((?:[A-Z][\w'’-]+\s){1,3}[A-Z][\w'’-]+),\s[^.?\n]{1,60}\.\s",
                         text[label.body_at:label.body_at + 200])
        if asked and looks_like_person(asked.group(1)):
            return named(asked.group(1))
        paren = _paren_name([p for p in inside or [] if not _OUTLET.search(p)])
        if paren:
            return named(paren)
        introduced = _introduced(text, label, found or [])
        if introduced:
            return named(introduced)
        outlet = next((p.strip() for p in inside or [] if is_proper(p.strip())), "")
        if outlet:  # "Q (Reuters):" — a reporter of that outlet
            return named(f"a reporter from {outlet}")
        who = _examiner(text, label.start) or _interviewer(head)
        return named(who or "a questioner (Q)")
    return named(_witness(text, head) or _interviewee(head) or "the person answering (A)")


_OUTLET = re.compile(r"\b(?:radio|tv|television|news|times|post|posten|herald|daily|avis|"
                     r"tidende|tidning|press|agency|wire|reuters|gazette|journal|"
                     r"tribune|courier|bladet|broadcasting|channel|fm)\b|bladet\b",
                     re.IGNORECASE)
_INTRODUCED = re.compile(
    r"\b(?:question|questions|floor|over|go(?:es)? to|turn to)\b[^.?!\n]{0,25}?\b(?:from|to)\s+"
    r"(?P<who>(?:[A-Z][\w'’-]+\s){1,3}?[A-Z][\w'’-]+)"
    r"(?P<of>\s+(?:of|from|at|with)\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s?){1,4})?")


def _introduced(text: str, label: Label, found: list[Label]) -> str:
    """The questioner the moderator named in the turn just before: "Next question, from
    Lena Berg of the Herald." → "Lena Berg of the Herald"."""
    before = [lab for lab in found if lab.start < label.start]
    if not before or _bare_label(before[-1].raw) in ("Q", "A", "QUESTION", "ANSWER"):
        return ""
    turn = text[before[-1].body_at:label.start]
    hits = list(_INTRODUCED.finditer(turn))
    if not hits or not looks_like_person(hits[-1].group("who")):
        return ""
    return (hits[-1].group("who") + (hits[-1].group("of") or "")).strip()


def _bare_label(raw: str) -> str:
    return re.sub(r"\([^)]*\)", "", raw).strip().upper()


_NAME = r"((?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w'’-]+)"


def _examiner(text: str, at: int) -> str:
    found = list(re.finditer(r"EXAMINATION BY ([A-Z][A-Z. '’-]+?):?\s*$",
                             text[max(0, at - LOOK_BACK):at], re.MULTILINE))
    return title_case(found[-1].group(1).strip()) if found else ""


def _witness(text: str, head: str) -> str:
    m = re.search(r"^WITNESS:\s*([A-Z][A-Z .'’-]+?)(?:,|$)", head, re.MULTILINE)
    if m:
        return title_case(m.group(1).strip())
    m = re.search(rf"(?:testimony|examination|evidence) of {_NAME}", head, re.IGNORECASE)
    return strip_honorific(m.group(1)) if m else ""


def _interviewer(head: str) -> str:
    m = re.search(rf"(?:correspondent|interviewer|reporter|editor|interviewed by|"
                  rf"spoke to|talked to|asked by|questions from)\s+{_NAME}", head)
    return strip_honorific(m.group(1)) if m and looks_like_person(m.group(1)) else ""


def _interviewee(head: str) -> str:
    m = re.search(rf"interview with\s+{_NAME}", head)
    if m and looks_like_person(m.group(1)):
        return strip_honorific(m.group(1))
    interviewer = _interviewer(head)
    for m in re.finditer(rf"\b{_NAME}", head):
        name = strip_honorific(m.group(1))
        if looks_like_person(name) and name != interviewer:
            return name
    return ""


def _document_head(text: str) -> str:
    """The text before the first Q/A label (a transcript's preamble), at most 3000 chars."""
    first = re.search(r"^(?:Q[:.]|A[:.])\s", text[:20000], re.MULTILINE)
    return text[:first.start()] if first else text[:3000]


# -------------------------------------------------------------------- posts
def _post_before(text: str, lo: int, start: int) -> tuple[int, Attribution] | None:
    best: tuple[int, Attribution] | None = None
    for m in _POST.finditer(text, lo, start):
        name = m.group("name").strip()
        best = (m.start(), Attribution(name, "post", m.group("handle"), "", "", m.start(),
                                       m.start() + len(name)))
    for m in _HANDLE_LINE.finditer(text, lo, start):
        if best is not None and m.start() < best[0]:
            continue
        if text[max(0, m.start() - 20):m.start()].rstrip().endswith("to"):
            continue  # "Replying to @x" is not the author
        handle = m.group("handle")
        name = _account_name(text, handle, start)
        best = (m.start(), Attribution(name or handle, "post", handle if name else "", "", "",
                                       m.start(), m.end()))
    return best


def _account_name(text: str, handle: str, before: int) -> str:
    window = text[max(0, before - LOOK_BACK):before]
    m = re.search(rf"^([^\n@]{{2,60}}?)[^\S\n]*\({re.escape(handle)}\)", window, re.MULTILINE)
    if m:
        return m.group(1).strip()
    m = re.search(rf"^{re.escape(handle)}[^\S\n]*\n([A-Z][^\n]{{1,50}})\n", window,
                  re.MULTILINE)
    if m and is_proper(m.group(1).strip()) and not m.group(1).rstrip().endswith("."):
        return m.group(1).strip()
    return ""
