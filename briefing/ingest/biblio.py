"""Reference libraries: CSL-JSON (Zotero, pandoc) and BibTeX/BibLaTeX.

Each entry becomes one Source with its kind mapped through
:mod:`briefing.core.vocab` (DESIGN §2), authors written "Given Family",
date as a partial ISO date, container, publisher, URL and DOI.  The bytes
kept with each source are the entry's own text (the BibTeX record, or the
CSL item as JSON), and ``sha256`` is the hash of those bytes.  A library with
a malformed entry is refused as a whole, naming the entry.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefing.core.errors import FileProblem
from briefing.core.vocab import SourceKind, source_kind_from_csl
from briefing.ingest.text import decode_text

MONTHS = {
    name: index
    for index, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}

BIBTEX_KINDS = {
    "article": SourceKind.ARTICLE,
    "techreport": SourceKind.REPORT,
    "report": SourceKind.REPORT,
    "book": SourceKind.BOOK,
    "inbook": SourceKind.BOOK,
    "incollection": SourceKind.BOOK,
}
"""BibTeX entry types with a kind of their own; @online/@misc with a URL are web."""

_PUBLISHER_FIELDS = ("publisher", "institution", "organization", "school")
_RAW_FIELDS = {"url", "doi", "eprint", "urldate", "date", "year", "month", "isbn", "issn"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One library entry, as plain fields, before it becomes a Source."""

    key: str
    kind: str
    title: str
    authors: tuple[str, ...]
    published: str
    container: str
    publisher: str
    url: str
    doi: str
    accessed: str
    notes: str
    raw: bytes


# ------------------------------------------------------------------ CSL-JSON
def _csl_name(person: Any) -> str:
    if isinstance(person, str):
        return person.strip()
    if not isinstance(person, dict):
        return ""
    if person.get("literal"):
        return str(person["literal"]).strip()
    parts = [
        person.get("given"), person.get("dropping-particle"),
        person.get("non-dropping-particle"), person.get("family"),
    ]
    name = " ".join(str(p).strip() for p in parts if p)
    return f"{name}, {person['suffix']}" if person.get("suffix") else name


def _csl_date(value: Any) -> str:
    if not isinstance(value, dict):
        return _iso(str(value)) if isinstance(value, (str, int)) else ""
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        try:
            numbers = [int(p) for p in parts[0][:3]]
        except (TypeError, ValueError):
            return ""
        return "-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])])
    return _iso(str(value.get("raw") or value.get("literal") or ""))


def _iso(text: str) -> str:
    match = re.match(r"\s*(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?", text)
    if not match:
        return ""
    year, month, day = match.groups()
    return "-".join([year, *(f"{int(p):02d}" for p in (month, day) if p)])


def _csl_entry(item: Any, index: int, path: Path) -> Entry:
    where = f"entry {index + 1}"
    if not isinstance(item, dict):
        raise FileProblem(path, f"{where} is not a CSL-JSON item (an object was expected)")
    key = str(item.get("citation-key") or item.get("id") or "")
    where += f" ({key})" if key else ""
    csl_type = item.get("type")
    if not isinstance(csl_type, str) or not csl_type:
        raise FileProblem(path, f"{where} has no CSL 'type'")
    for name in ("author", "editor"):
        if name in item and not isinstance(item[name], list):
            raise FileProblem(path, f"{where}: '{name}' must be a list of names")
    people = item.get("author") or item.get("editor") or []
    try:
        raw = json.dumps(item, ensure_ascii=False, indent=2).encode("utf-8")
    except UnicodeEncodeError as error:
        raise FileProblem(
            path, f"{where} holds an invalid character (lone surrogate) at position {error.start}"
        ) from None
    return Entry(
        key=key,
        kind=source_kind_from_csl(csl_type).value,
        title=_text(item.get("title")),
        authors=tuple(n for n in map(_csl_name, people) if n),
        published=_csl_date(item.get("issued")),
        container=_text(item.get("container-title")),
        publisher=_text(item.get("publisher")),
        url=_text(item.get("URL")),
        doi=_text(item.get("DOI")),
        accessed=_csl_date(item.get("accessed")),
        notes=_text(item.get("abstract") or item.get("note")),
        raw=raw,
    )


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).strip() if isinstance(value, (str, int, float)) else ""


def csl_entries(data: bytes, path: Path) -> list[Entry]:
    """Entries of a CSL-JSON file (a list of items, or one item)."""
    text = decode_text(data, path)
    try:
        parsed = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise FileProblem(path, f"is not valid JSON ({str(error)[:120]})") from None
    if isinstance(parsed, dict) and str(parsed.get("format", "")).startswith("briefing/"):
        raise FileProblem(path, "is a Briefing JSON document, not a source (open it instead)")
    items = [parsed] if isinstance(parsed, dict) and "type" in parsed else parsed
    if not isinstance(items, list):
        raise FileProblem(path, "is not a CSL-JSON library (a list of items was expected)")
    if not items:
        raise FileProblem(path, "holds no entries")
    return [_csl_entry(item, i, path) for i, item in enumerate(items)]


# -------------------------------------------------------------------- BibTeX
_LATEX_SIGNS = re.compile(r"[\\{}$~%&`]|--|''")
"""What LaTeX would change in a field; a field without any is plain text."""
_converters = threading.local()


@lru_cache(maxsize=8192)  # journals, publishers and names repeat across a library
def _latex(value: str) -> str:
    if _LATEX_SIGNS.search(value):
        value = _converter().latex_to_text(value)
    return re.sub(r"\s+", " ", value.replace("\u00a0", " ")).strip()


def _converter() -> Any:
    """One LaTeX converter per thread (making one costs about a millisecond)."""
    converter = getattr(_converters, "latex", None)
    if converter is None:
        from pylatexenc.latex2text import LatexNodes2Text

        converter = _converters.latex = LatexNodes2Text(math_mode="verbatim")
    return converter


def _raw(value: str) -> str:
    """A URL/DOI field: ``\\url{}`` and braces removed, no LaTeX decoding (keeps %, _)."""
    value = re.sub(r"\\url\{([^}]*)\}", r"\1", value.strip())
    return value.replace("{", "").replace("}", "").replace("\\_", "_").replace("\\%", "%")


def _bib_name(parts: Any) -> str:
    main = " ".join(_latex(p) for p in [*parts.first, *parts.von, *parts.last])
    return ", ".join([main, *(_latex(p) for p in parts.jr)]) if parts.jr else main


def _bib_date(fields: dict[str, str]) -> str:
    if fields.get("date"):
        return _iso(fields["date"])
    year = re.match(r"\s*(\d{4})", fields.get("year", ""))
    if not year:
        return ""
    month_text = fields.get("month", "").strip().lower().rstrip(".")
    month = MONTHS.get(month_text) or (int(month_text) if month_text.isdigit() else 0)
    return f"{year.group(1)}-{month:02d}" if 1 <= month <= 12 else year.group(1)


def _bib_kind(entry_type: str, url: str) -> str:
    if entry_type in BIBTEX_KINDS:
        return BIBTEX_KINDS[entry_type].value
    if entry_type in ("online", "misc", "electronic", "www") and url:
        return SourceKind.WEB.value
    return SourceKind.OTHER.value


def _bib_entry(entry: Any) -> Entry:
    from bibtexparser.middlewares.names import (
        parse_single_name_into_parts,
        split_multiple_persons_names,
    )

    fields = {f.key.lower(): f.value for f in entry.fields if isinstance(f.value, str)}
    people = fields.get("author") or fields.get("editor") or ""
    names = tuple(
        _bib_name(parse_single_name_into_parts(name))
        for name in split_multiple_persons_names(people)
    )
    text = {k: _raw(v) if k in _RAW_FIELDS else _latex(v) for k, v in fields.items()}
    url = text.get("url") or _raw(re.sub(r"^\\url", "", fields.get("howpublished", "")))
    url = url if url.startswith(("http://", "https://")) else ""
    return Entry(
        key=entry.key,
        kind=_bib_kind(entry.entry_type.lower(), url),
        title=text.get("title", ""),
        authors=tuple(n for n in names if n),
        published=_bib_date(fields),
        container=text.get("journal") or text.get("journaltitle") or text.get("booktitle", ""),
        publisher=next((text[k] for k in _PUBLISHER_FIELDS if text.get(k)), ""),
        url=url,
        doi=re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", text.get("doi", ""), flags=re.I),
        accessed=_iso(text.get("urldate", "")),
        notes=text.get("abstract") or text.get("note", ""),
        raw=entry.raw.encode("utf-8"),
    )


def bibtex_entries(data: bytes, path: Path) -> list[Entry]:
    """Entries of a BibTeX/BibLaTeX file; any unparsable entry refuses the file."""
    import bibtexparser

    text = decode_text(data, path)
    try:
        library = bibtexparser.parse_string(text)
    except Exception as error:  # the splitter's own failures on hostile input
        raise FileProblem(path, f"is not a readable BibTeX file ({str(error)[:120]})") from None
    if library.failed_blocks:
        raise FileProblem(path, _failure(library.failed_blocks[0]))
    if not library.entries:
        raise FileProblem(path, "holds no BibTeX entries")
    entries = []
    for entry in library.entries:
        try:
            entries.append(_bib_entry(entry))
        except Exception as error:  # a name or LaTeX field our decoders cannot read
            raise FileProblem(
                path,
                f"entry '{entry.key}' (line {(entry.start_line or 0) + 1}) cannot be read: {error}",
            ) from None
    return entries


def _failure(block: Any) -> str:
    line = block.start_line + 1
    head = block.raw.strip().splitlines()[0][:60] if block.raw.strip() else ""
    if type(block).__name__ == "DuplicateBlockKeyBlock":
        return f"entry '{block.key}' (line {line}) uses a key already used above"
    return f"entry at line {line} is malformed: {head}"
