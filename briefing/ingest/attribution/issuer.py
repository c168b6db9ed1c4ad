"""The body a document speaks for: a press release's or statement's issuer, a report's author.

Read from the first lines only: ``MINISTRY OF TRANSPORT`` above ``PRESS RELEASE``,
``Statement from the Board of ...``, ``Report by the Auditor General``,
``Prepared by ...``, ``Sør-Vest Police District — update``.  A document with no
such heading (a news story) has no issuer.
"""

from __future__ import annotations

import re

from briefing.ingest.attribution.names import Attribution, is_proper, title_case

HEAD_CHARS = 1200
_KINDS = (r"press release|news release|media release|statement|joint statement|report|"
          r"annual report|bulletin|update|briefing note|communiqu[eé]|notice|advisory|"
          r"for immediate release|summary")
_BY = re.compile(
    rf"^(?:(?:joint\s+)?(?:{_KINDS})\s+(?:from|by|of)|(?:report|prepared|published|issued|"
    rf"compiled|written)\s+by)\s+(?P<who>[^,\n;—]+)",
    re.IGNORECASE | re.MULTILINE)
_LEGAL_FORM = re.compile(r"\s+(?:AS|ASA|AB|Ltd|Limited|Inc|plc|PLC|GmbH|LLC|SA|AG|NV|BV|"
                         r"Corp)\.?$", re.IGNORECASE)
_DASHED = re.compile(r"^(?P<a>[^\n—–]+?)\s+[—–-]\s+(?P<b>[^\n]+)$", re.MULTILINE)


def issuer(text: str) -> Attribution | None:
    """The issuing or authoring body named in the document's heading, if any."""
    head = text[:HEAD_CHARS]
    lines = [ln.strip() for ln in head.splitlines() if ln.strip()][:8]
    if not any(re.search(rf"\b(?:{_KINDS})\b", ln, re.IGNORECASE) for ln in lines):
        return None
    found: list[str] = []
    for m in _BY.finditer("\n".join(lines)):
        found.append(_clean(m.group("who")))
    for line in lines:
        dashed = _DASHED.match(line)
        if dashed:
            for part, other in ((dashed["a"], dashed["b"]), (dashed["b"], dashed["a"])):
                if re.match(rf"(?:{_KINDS})\b", other.strip(), re.IGNORECASE) and \
                        _body_like(part):
                    found.append(_clean(part))
        elif _caps_body(line):
            found.append(_clean(line))
    names = [f for f in found if f]
    if not names:
        return None
    name = max(names[:2], key=len) if len(names) > 1 and names[0] in names[1] else names[0]
    at = text.find(name) if name in text else 0
    return Attribution(name, "issuer", "", "", "", at, at + len(name))


def _caps_body(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 4 or not all(c.isupper() for c in letters):
        return False
    return not re.match(rf"(?:{_KINDS}|transcript)\b", line, re.IGNORECASE)


def _body_like(part: str) -> bool:
    part = part.strip()
    return bool(part) and len(part.split()) <= 8 and (is_proper(part) or part.isupper())


def _clean(raw: str) -> str:
    raw = raw.strip().rstrip(".")
    raw = title_case(raw) if raw.isupper() else raw
    raw = re.sub(r"^(?:the)\s+", "the ", raw, flags=re.IGNORECASE)
    raw = re.split(r"\s+(?:on|at|in)\s+(?:\d|the\s+\w+\s+of\b)", raw)[0]
    raw = re.split(rf"\s+[—–]\s+(?:{_KINDS})\b", raw, flags=re.IGNORECASE)[0]
    return _LEGAL_FORM.sub("", raw).strip()  # "Fjord Utilities AS" is cited without "AS"
