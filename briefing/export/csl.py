"""CSL-JSON for pandoc citations: citation keys and bibliography items.

With ``--citations pandoc`` the Markdown export cites ``[@key, {locator}]`` and
carries the cited sources as CSL items in its YAML front matter (``references:``,
:func:`yaml_references`), so ``pandoc --citeproc OUT.md`` works from any folder
with any CSL style; ``--bibliography file`` writes them as CSL-JSON beside it
instead (``OUT.csl.json``, named in the front matter).

Keys: pandoc reads a bare key as letters, digits and ``_`` with single inner
``. : -``; a source's ``key`` (else its id) is reduced to ASCII of that kind
(accents dropped, other characters become ``-``), and a clash (case-insensitive, since
BibTeX-minded tools fold case) gets ``-2``, ``-3`` ...

Items: ``type`` from :func:`briefing.core.vocab.csl_type_for` (but a government
document is a ``report``, :data:`CSL_TYPES`); ``title``;
``author`` split into family/given ("Given Family", "Family, Given", name
particles such as "van der"), organisations and single names kept whole as
``literal``; ``issued``/``accessed`` as ``date-parts`` from partial ISO dates
(else ``literal``); ``publisher``, ``container-title`` (a news source's outlet,
from its publisher when it names no container), ``URL`` (web and mail
links only, as in the notes), ``DOI``.  Text is cleaned like every export
string.  CSL processors read a little HTML-like markup in titles (``<i>``,
``<b>``, ``<sup>``, ``<span class="nocase">``); such tags in a title are
rendered as formatting, as CSL defines.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from briefing.core.model import Source
from briefing.core.vocab import SourceKind, csl_type_for
from briefing.export.notes import UNTITLED_SOURCE, safe_url
from briefing.export.sanitize import clean_line

BIBLIOGRAPHY_SUFFIX = ".csl.json"
DEFAULT_KEY = "source"
_KINDS = frozenset(kind.value for kind in SourceKind)
_NOT_KEY = re.compile(r"[^A-Za-z0-9_.:-]+")
_PUNCT_RUN = re.compile(r"[.:-]{2,}")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?")
_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "du", "la", "le"}
    | {"ter", "ten", "zu", "bin", "ibn", "al", "el"}
)
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"})
_ORGANISATION = re.compile(
    r"\b(?:agency|authority|association|bureau|center|centre|commission|committee|company"
    r"|corporation|council|court|department|desk|foundation|government|group|inc|institute"
    r"|ltd|ministry|news|office|organi[sz]ation|parliament|press|service|society|staff|team"
    r"|times|university)\b|[&\d]|^(?:the|of)\b|\bof\b",
    re.IGNORECASE,
)


CSL_TYPES = {SourceKind.GOVERNMENT.value: "report"}
"""Export types that differ from the import mapping: a government document is a ``report``
with its issuing body as ``publisher`` (note styles print a report's publisher, while
``legislation`` drops it)."""
_VERBATIM_FIELDS = frozenset({"id", "citation-key", "type"})


def bibliography_path(markdown_path: str | Path) -> Path:
    """Where the CSL-JSON of a Markdown export goes: ``report.md`` → ``report.csl.json``."""
    return Path(markdown_path).with_suffix(BIBLIOGRAPHY_SUFFIX)


def sanitize_key(text: str) -> str:
    """*text* as a pandoc citation key (ASCII letters, digits, ``_``, inner ``. : -``)."""
    decomposed = unicodedata.normalize("NFKD", clean_line(text))
    unaccented = "".join(c for c in decomposed if not unicodedata.combining(c))
    key = _PUNCT_RUN.sub("-", _NOT_KEY.sub("-", unaccented)).strip(".:-")
    return key or DEFAULT_KEY


def citation_keys(sources: Iterable[Source]) -> dict[str, str]:
    """Source id → a unique pandoc citation key, in the order given."""
    keys: dict[str, str] = {}
    taken: set[str] = set()
    for source in sources:
        base = sanitize_key(source.key or source.id)
        key, n = base, 1
        while key.casefold() in taken:
            n += 1
            key = f"{base}-{n}"
        taken.add(key.casefold())
        keys[source.id] = key
    return keys


def csl_name(name: str) -> dict[str, str]:
    """A CSL name: family/given where a person's name can be split, else ``literal``."""
    name = clean_line(name)
    if "," in name:
        family, _, rest = (part.strip() for part in name.partition(","))
        if family and rest.casefold() in _NAME_SUFFIXES:
            return {**csl_name(family), "suffix": rest}
        if family and rest and not _ORGANISATION.search(name):
            return {"family": family, "given": rest}
        return {"literal": name}
    words = name.split()
    if len(words) < 2 or len(words) > 4 or _ORGANISATION.search(name):
        return {"literal": name}
    first_particle = next(
        (i for i, w in enumerate(words[1:-1], start=1) if w.casefold() in _PARTICLES), None
    )
    if first_particle is None:
        return {"family": words[-1], "given": " ".join(words[:-1])}
    return {
        "family": words[-1],
        "given": " ".join(words[:first_particle]),
        "non-dropping-particle": " ".join(words[first_particle:-1]),
    }


def csl_date(text: str) -> dict[str, Any] | None:
    """``2025`` / ``2025-12`` / ``2025-12-18`` as ``date-parts``; other text as ``literal``."""
    text = clean_line(text)
    if not text:
        return None
    match = _ISO_DATE.fullmatch(text)
    if match:
        parts = [int(p) for p in match.groups() if p]
        month_ok = len(parts) < 2 or 1 <= parts[1] <= 12
        if month_ok and (len(parts) < 3 or 1 <= parts[2] <= 31):
            return {"date-parts": [parts]}
    return {"literal": text}


def _doi(text: str) -> str:
    doi = clean_line(text)
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.IGNORECASE)


def csl_item(source: Source, key: str) -> dict[str, Any]:
    """The CSL-JSON item of *source* under citation key *key*."""
    kind = source.kind if source.kind in _KINDS else "other"
    item: dict[str, Any] = {
        "id": key,
        "citation-key": key,
        "type": CSL_TYPES.get(kind) or csl_type_for(kind),
        "title": clean_line(source.title) or UNTITLED_SOURCE,
    }
    authors = [csl_name(a) for a in source.authors if clean_line(a)]
    if authors:
        item["author"] = authors
    container, publisher = clean_line(source.container), clean_line(source.publisher)
    if kind == SourceKind.NEWS.value and not container:
        container, publisher = publisher, ""  # the outlet: note styles print a newspaper's
    for field, value in (
        ("container-title", container),
        ("publisher", publisher),
        ("URL", safe_url(source.url)),
        ("DOI", _doi(source.doi)),
    ):
        value = clean_line(value)
        if value:
            item[field] = value
    for field, value in (("issued", source.published), ("accessed", source.accessed)):
        date = csl_date(value)
        if date is not None:
            item[field] = date
    return item


def yaml_references(sources: Iterable[Source], keys: dict[str, str]) -> str:
    """The CSL items as a ``references:`` entry of YAML front matter (pandoc reads them
    there, so the Markdown file carries its own bibliography).  pandoc reads each string
    of YAML metadata as Markdown, so every value but the key and type is escaped as the
    Markdown body is (:func:`briefing.export.markdown_writer.escape`); each item is one
    line of JSON, which YAML reads as a flow mapping."""
    from briefing.export.markdown_writer import escape

    def escaped(value: Any, key: str = "") -> Any:
        if isinstance(value, str):
            return value if key in _VERBATIM_FIELDS else escape(value)
        if isinstance(value, dict):
            return {k: escaped(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [escaped(v) for v in value]
        return value

    items = [escaped(csl_item(source, keys[source.id])) for source in sources]
    lines = [f"  - {json.dumps(item, ensure_ascii=False)}" for item in items]
    return "\n".join(["references:", *lines])


def csl_json(sources: Iterable[Source], keys: dict[str, str]) -> str:
    """The CSL-JSON array of *sources* (each under ``keys[source.id]``)."""
    items = [csl_item(source, keys[source.id]) for source in sources]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
