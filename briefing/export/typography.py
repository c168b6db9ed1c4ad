"""Body typography: curly quotes, quote cards written as quotations, estimates that
add only what a sentence does not already say.

:func:`curly_quotes` turns straight quotation marks and apostrophes into the
document language's typographic ones (as Word's AutoFormat does as you type):
a quote opens at the start of the text, after a space, an opening bracket, a
dash or another opening quote, and closes elsewhere; an apostrophe inside a
word or before a year ("’90s") is the closing single quote.  Quotes already
curly are left as they are, so nothing is ever doubled.  Languages known:
English (“ ” ‘ ’, the default), German („ “ ‚ ‘) and French (« » ‹ ›, with
no-break spaces inside).

:func:`quotation` writes a quote card's text as a quotation, naming its
speaker: ``Rep. Mike Quigley: “The intelligence has always been …”``; the
text's own single quotes stay and apostrophes too.  Text that already carries a
quotation (it opens with a quotation mark, or holds a pair of double quotes as
in ``Sen. Ada Morrow: “…”``) is the analyst's own framing and is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.core.model import Claim
from briefing.core.vocab import LIKELIHOOD_TERMS, Likelihood
from briefing.export.sanitize import clean_line


@dataclass(frozen=True, slots=True)
class Quotes:
    open_double: str
    close_double: str
    open_single: str
    close_single: str
    apostrophe: str = "\u2019"
    inner_space: str = ""


QUOTES = {
    "en": Quotes("\u201c", "\u201d", "\u2018", "\u2019"),
    "de": Quotes("\u201e", "\u201c", "\u201a", "\u2018"),
    "fr": Quotes("\u00ab", "\u00bb", "\u2039", "\u203a", inner_space="\u202f"),
}
DEFAULT_LANGUAGE = "en"
_OPENS_AFTER = set(" \t\n([{<\u2014\u2013-/\u00a0\u2018\u201c\u201e\u201a\u00ab\u2039")
_ALL_QUOTES = "\"'\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb\u2039\u203a"


def quotes_for(language: str) -> Quotes:
    return QUOTES.get(language.split("-")[0].lower(), QUOTES[DEFAULT_LANGUAGE])


def curly_quotes(text: str, language: str = DEFAULT_LANGUAGE) -> str:
    """*text* with straight ``"`` and ``'`` made typographic for *language*."""
    if '"' not in text and "'" not in text:
        return text
    marks = quotes_for(language)
    out: list[str] = []
    for i, char in enumerate(text):
        if char not in "\"'":
            out.append(char)
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opening = before in _OPENS_AFTER and not after.isspace()
        if char == '"':
            out.append(marks.open_double + marks.inner_space if opening
                       else marks.inner_space + marks.close_double if out else marks.close_double)
        elif before.isalnum() or (opening and after.isdigit()):
            out.append(marks.apostrophe)  # it's, the ’90s
        else:
            out.append(marks.open_single if opening else marks.close_single)
    return "".join(out)


_DOUBLE_OPENING = "\"\u201c\u201e\u00ab"
_DOUBLE_CLOSING = "\"\u201d\u201c\u00bb"


def _is_quoted(text: str) -> bool:
    """True when *text* already carries a quotation: it opens with a quotation mark, or a
    double quotation mark opens in it and closes after ("Speaker: “…”")."""
    if len(text) > 1 and text[0] in _ALL_QUOTES and text.rstrip(".,;")[-1:] in _ALL_QUOTES:
        return True
    opening = next((i for i, c in enumerate(text) if c in _DOUBLE_OPENING), None)
    return opening is not None and any(c in _DOUBLE_CLOSING for c in text[opening + 1:])


def speaker_of(attribution: str) -> str:
    """Who speaks, from a citation's attribution: its part before the first comma
    ("Rep. Mike Quigley, interview" → "Rep. Mike Quigley"), first letter capital."""
    who = clean_line(attribution).split(", ", 1)[0].strip()
    return who[:1].upper() + who[1:]


def quotation(text: str, speaker: str, language: str = DEFAULT_LANGUAGE) -> str:
    """A quote card's (curly-quoted) *text* as ``Speaker: “text”``; left as it is when it
    is already in quotation marks."""
    if not text or _is_quoted(text):
        return text
    marks = quotes_for(language)
    inner = text.replace(marks.open_double, marks.open_single)
    inner = inner.replace(marks.close_double, marks.close_single)
    quoted = f"{marks.open_double}{marks.inner_space}{inner}{marks.inner_space}{marks.close_double}"
    return f"{speaker}: {quoted}" if speaker else quoted


def estimate_text(claim: Claim, text: str) -> str:
    """ "[likely (55–80%); moderate confidence]" less what *text* already states: a
    likelihood term the sentence uses leaves only its range ("[55–80%]"), a stated
    confidence is not repeated; "" when nothing is left."""
    from briefing.checks.estimative import find_terms, has_confidence

    parts = []
    if claim.likelihood in {x.value for x in Likelihood}:
        level = Likelihood(claim.likelihood)
        term = LIKELIHOOD_TERMS[level]
        stated = any(m.level == level and not m.negated for m in find_terms(text))
        parts.append(term.range_label if stated else f"{term.label} ({term.range_label})")
    confidence = clean_line(claim.confidence)
    if confidence and not has_confidence(text):
        parts.append(f"{confidence} confidence")
    return "[" + "; ".join(parts) + "]" if parts else ""


