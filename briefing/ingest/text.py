"""Plain text and Markdown: encoding detection, newline normalisation, title.

Encodings are tried in the order an analyst's files call for: a byte-order
mark (UTF-8, UTF-16, UTF-32) decides; else strict UTF-8; else
charset-normalizer's best guess (cp1252, latin-1, cp1251, Shift-JIS ...).
A file that decodes to control characters is refused as binary.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from briefing.core.errors import DomainError, FileProblem
from briefing.core.model import Source
from briefing.core.vocab import SourceKind
from briefing.ingest.common import Provenance, clean_text, looks_binary
from briefing.ingest.markdown_text import render_markdown

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of *data* names, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def detect_encoding(data: bytes) -> str | None:
    """The encoding of *data*: BOM, UTF-8, or charset-normalizer's best guess."""
    bom = bom_encoding(data)
    if bom is not None:
        return bom
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    return legacy_encoding(data)


def legacy_encoding(data: bytes) -> str | None:
    """charset-normalizer's guess, preferring Windows-1252 when it fits as well.

    Short Western European text is often scored equally as cp1250, cp1252 and
    others; cp1252 is by far the most common legacy encoding of such files.
    """
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        return None
    for match in results:
        if (
            match.encoding == "cp1252"
            and match.chaos <= best.chaos + 0.01
            and match.coherence >= best.coherence - 0.05
        ):
            return "cp1252"
    try:
        if data.decode("cp1252") == str(best):
            return "cp1252"
    except UnicodeDecodeError:
        pass
    return best.encoding


def decode_text(data: bytes, path: Path) -> str:
    """*data* as text; FileProblem when it is binary or in no known encoding."""
    encoding = detect_encoding(data)
    if encoding is None:
        raise FileProblem(path, "is not text in any encoding we recognise (binary file?)")
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise FileProblem(path, f"is not valid {encoding} text") from None
    if looks_binary(text):
        raise FileProblem(path, "looks like a binary file, not text")
    return text


_ATX = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_FRONT = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_FRONT_FIELD = re.compile(r"^(title|author|date|url|source|publisher):[ \t]*(.+)$", re.MULTILINE)


def markdown_metadata(text: str) -> dict[str, str]:
    """Title, author, date ... from a YAML front-matter block, else the first heading."""
    meta: dict[str, str] = {}
    front = _FRONT.match(text)
    if front:
        for name, value in _FRONT_FIELD.findall(front.group(1)):
            meta[name] = value.strip().strip("\"'")
    if "title" not in meta:
        heading = _ATX.search(text)
        if heading:
            meta["title"] = heading.group(1).strip()
    return meta


def _first_line(text: str) -> str:
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line[:120]
    return ""


def text_source(
    data: bytes, path: Path, *, source_id: str, provenance: Provenance, markdown: bool
) -> Source:
    """A Source for a .txt or .md file: the whole text; Markdown rendered (markdown_text)."""
    from briefing.ingest.text_stream import decode_clean

    text = decode_clean(data, path)  # clean_text(decode_text(...)), with a bounded peak
    meta = markdown_metadata(text) if markdown else {}
    if markdown:
        front = _FRONT.match(text)
        text = clean_text(render_markdown(text[front.end():] if front else text))
    if not text.strip():
        raise FileProblem(path, "holds no text")
    title = meta.get("title") or path.stem.replace("_", " ")
    return Source(
        id=source_id,
        title=title,
        kind=SourceKind.OTHER.value,
        authors=tuple(a.strip() for a in meta.get("author", "").split(";") if a.strip()),
        published=meta.get("date", ""),
        url=meta.get("url", "") or meta.get("source", ""),
        publisher=meta.get("publisher", ""),
        text=text,
        file_name=provenance.file_name,
        sha256=provenance.sha256,
        imported=provenance.imported,
    )


def paste_source(
    text: str, *, source_id: str, title: str = "", imported: str | None = None
) -> Source:
    """A Source from clipboard text; the title defaults to its first line."""
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise DomainError("the pasted text is empty")
    provenance = Provenance.of("", cleaned.encode("utf-8"), imported)
    return Source(
        id=source_id,
        title=title or _first_line(cleaned),
        kind=SourceKind.OTHER.value,
        text=cleaned,
        sha256=provenance.sha256,
        imported=provenance.imported,
    )
