"""Text clean-up shared by every writer: XML-safe characters and whitespace.

Word's XML (and lxml) refuse C0 control characters other than tab, newline
and carriage return, the non-characters U+FFFE/U+FFFF and lone surrogates.
Pasting from Word brings vertical tabs and form feeds, which mean "line
break" there; they become newlines.  The export IR runs every string through
:func:`clean_text` once, so writers never see a character they cannot write.

Documented normalisation (what a reader of an export gets back):

* VT, FF, NEL (U+0085), LINE/PARAGRAPH SEPARATOR and ``\\r\\n``/``\\r`` become ``\\n``;
* other C0/C1 controls, U+FFFE, U+FFFF and lone surrogates are dropped;
* single-paragraph text (headings, notes, Markdown paragraphs) has every run of
  whitespace collapsed to one space and is stripped (:func:`collapse`).
"""

from __future__ import annotations

import re

from briefing.core.text import collapse as collapse  # re-exported: the writers use it from here

_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_INVALID = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_SPECIAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")
"""Any character either pattern above changes (one search decides most strings)."""


def clean_text(value: str) -> str:
    """*value* with line breaks unified to ``\\n`` and XML-invalid characters removed."""
    if not value or not _SPECIAL.search(value):
        return value or ""
    return _INVALID.sub("", _LINE_BREAKS.sub("\n", value))


def clean_line(value: str) -> str:
    """Clean *value* and collapse it to a single line."""
    return collapse(clean_text(value))


def clean_block(value: str) -> str:
    """Clean *value*, keep single line breaks, strip spaces around them and the ends."""
    text = clean_text(value)
    if "\n" not in text:
        return collapse(text)
    lines = (collapse(line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
