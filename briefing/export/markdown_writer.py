"""Markdown writer: ``[^n]`` footnotes that pandoc, python-markdown,
markdown-it-py and GitHub read the same way.

Escaping (DESIGN §4, checked against every one of those parsers): collapse
whitespace; backslash-escape ``\\ ` * _ { } [ ] ( )`` everywhere; write
``& < > " ' | ^ ~ $ @ % : =`` as numeric character references; and escape
``- + # .`` only where a reader would take them for Markdown: ``-``, ``+`` or
``#`` opening a block (a list item, a heading), a number, letter or roman
numeral with a period and a space opening a block (an ordered list), a ``#``
closing one (a heading's closing sequence), runs of ``-`` or ``.`` (pandoc's
smart dashes and ellipsis) and the ``.`` of ``www.`` (autolinks).  So
"2025-12-21", "U.S." or "well-known" read in the Markdown source as written.
Text escaped this way stays literal wherever it stands (paragraph, heading,
list item, note definition), so nothing a source says can turn into
formatting, a link, raw HTML, a citation or a footnote.  Note definitions follow in reference
order (python-markdown numbers notes by definition order), one label per
reference; adjacent references are separated by a comma.  Markdown readers
gather notes at the end, so footnotes and endnotes render alike.

Links (:func:`link_markdown`) come from :func:`briefing.export.notes.safe_url`,
which has already encoded everything a reader could take for Markdown or a
character reference.  An http(s)/ftp link is an autolink ``<url>``; a
``mailto:`` link is ``[url](url)`` with the text escaped as above, because
python-markdown shows an autolinked address without its ``mailto:``.  Every
reader then shows one link whose text and target are the URL.

Pandoc citations (``citation_keys`` given): each claim ends with one citation
cluster, ``[@key, {para. 4}, attribution; Grade B2; @key2]``, instead of note
references.  The locator goes in braces so pandoc takes it whole; a locator
with brackets, braces, ``;`` or ``@`` (which pandoc would misread inside the
braces) is moved to the suffix instead.  The citation's attribution and
Admiralty grade are the suffix ("who says it; Grade B2"), escaped like any
text, with ``;`` written as a character reference so it cannot split the
cluster.  Front matter names the CSL-JSON file (``bibliography:``) and the
Sources heading holds pandoc's reference list (``::: {#refs}``).
"""

from __future__ import annotations

import json
import re

from briefing.export.ir import (
    SOURCES_HEADING,
    SUMMARY_HEADING,
    ExportIR,
    Heading,
    Note,
    Paragraph,
)
from briefing.export.notes import Segment, grade_text
from briefing.export.sanitize import collapse

_BACKSLASHED = "\\`*_{}[]()"
_REFERENCED = "&<>\"'|^~$@%:="
_TABLE = {ord(c): "\\" + c for c in _BACKSLASHED} | {ord(c): f"&#{ord(c)};" for c in _REFERENCED}
NOTE_SEPARATOR = ","
_SUFFIX_TABLE = _TABLE | {ord(";"): "&#59;"}
_BRACED_LOCATOR = re.compile(r"[\w .,:()'’/#§–—-]+")
"""Locators pandoc reads whole inside ``{...}``; others go to the suffix."""


_RUNS = re.compile(r"-(?=-)|(?<=-)-|\.(?=\.)|(?<=\.)\.|(?<=[Ww]{3})\.")
"""A ``-`` or ``.`` next to another (pandoc's smart dashes and ellipsis), or the ``.`` of
``www.`` (GitHub's and linkify's autolinks)."""
_LIST_NUMBER = re.compile(r"(?:\d{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]{1,8})(?=\.(?:\s|$))")
_BLOCK_MARKS = "-+#"


def _runs(text: str) -> str:
    if "-" in text or "." in text:
        return _RUNS.sub(lambda m: "\\" + m.group(0), text)
    return text


def _in_context(text: str) -> str:
    """*text* (already escaped) with ``- + # .`` escaped where a reader would take them
    for Markdown at the start of a block, and a ``#`` closing it."""
    if text and text[0] in _BLOCK_MARKS:
        text = "\\" + text
    else:
        number = _LIST_NUMBER.match(text)
        if number:
            text = f"{text[: number.end()]}\\{text[number.end():]}"
    if text.endswith("#") and not text.endswith("\\#"):
        text = text[:-1] + "\\#"
    return text


def escape(text: str) -> str:
    """*text* collapsed to one line and escaped so every parser shows it literally
    wherever it opens a block (paragraph, heading, list item, note definition)."""
    return _in_context(_runs(collapse(text).translate(_TABLE)))


def _escape_segment(text: str) -> str:
    return _runs(text.translate(_TABLE))


def link_markdown(url: str) -> str:
    """A link (a :func:`~briefing.export.notes.safe_url`) showing its URL."""
    if url.startswith("mailto:"):
        return f"[{_escape_segment(url)}]({url})"
    return f"<{url}>"


def segments_markdown(segments: tuple[Segment, ...]) -> str:
    """Note or source-list segments as Markdown (links by :func:`link_markdown`); the
    text that opens the note or entry is escaped in context like any block's start."""
    parts = [link_markdown(s.url) if s.url else _escape_segment(s.text) for s in segments]
    text = "".join(parts).strip()
    if segments and not segments[0].url:
        text = _in_context(text)
    return text


def note_refs(numbers: tuple[int, ...]) -> str:
    return NOTE_SEPARATOR.join(f"[^{n}]" for n in numbers)


def paragraph_markdown(paragraph: Paragraph) -> str:
    return escape(paragraph.display_text) + note_refs(paragraph.notes)


def pandoc_citation(note: Note, key: str) -> str:
    """One cluster item: ``@key``, ``@key, {para. 4}``, ``@key, {}, who; Grade B2``."""
    locator = note.locator
    suffix = [x for x in (note.attribution, grade_text(note.grade)) if x]
    if locator and not _BRACED_LOCATOR.fullmatch(locator):
        suffix.insert(0, locator)
        locator = ""
    item = f"@{key}"
    if locator or suffix:
        item += ", {" + escape(locator) + "}"
    if suffix:
        item += ", " + collapse("; ".join(suffix)).translate(_SUFFIX_TABLE)
    return item


def cited_paragraph_markdown(
    paragraph: Paragraph, notes: dict[int, Note], keys: dict[str, str]
) -> str:
    """A paragraph with its citations as one pandoc citation cluster."""
    text = escape(paragraph.display_text)
    if not paragraph.notes:
        return text
    items = "; ".join(pandoc_citation(notes[n], keys[notes[n].source_id]) for n in paragraph.notes)
    return f"{text} [{items}]" if text else f"[{items}]"


def _yaml_string(text: str) -> str:
    """A YAML double-quoted scalar whose content pandoc reads as literal Markdown."""
    return json.dumps(escape(text), ensure_ascii=False)


def front_matter(
    ir: ExportIR, *, full: bool = True, bibliography: str = "", references: str = ""
) -> list[str]:
    """YAML front matter: title, author, date, classification (when *full*), and the
    CSL-JSON *bibliography* file name (pandoc resolves it from its working folder) or
    the embedded *references*."""
    lines = ["---"]
    if bibliography:
        lines.append(f"bibliography: {_yaml_string(bibliography)}")
    if references:
        lines.append(references)
    if not full:
        lines.append("---")
        return ["\n".join(lines)]
    if ir.title:
        lines.append(f"title: {_yaml_string(ir.title)}")
    if ir.subtitle:
        lines.append(f"subtitle: {_yaml_string(ir.subtitle)}")
    if ir.authors:
        lines.append("author:")
        lines += [f"  - {_yaml_string(a)}" for a in ir.authors]
    if ir.date:
        lines.append(f"date: {_yaml_string(ir.date)}")
    if ir.banner:
        lines.append(f"classification: {_yaml_string(ir.banner)}")
    lines.append("---")
    return ["\n".join(lines)]


def _title_block(ir: ExportIR) -> list[str]:
    blocks = [f"# {escape(ir.title)}"] if ir.title else []
    blocks += [escape(x) for x in (ir.subtitle, ir.byline) if x]
    return blocks


def _heading(level: int, text: str) -> str:
    return "#" * min(max(level, 1), 6) + " " + escape(text)


def render_markdown(
    ir: ExportIR,
    *,
    with_front_matter: bool = False,
    banner: bool = True,
    citation_keys: dict[str, str] | None = None,
    bibliography: str = "",
    references: str = "",
) -> str:
    """The whole Markdown file for *ir* (``banner=False`` leaves the banner to a wrapper).

    With *citation_keys* (source id → key) claims cite pandoc-style, the front
    matter always holds the title block, and either *references* (a YAML
    ``references:`` entry) or *bibliography* (the CSL-JSON file's name) says
    where the cited items are.
    """
    pandoc = citation_keys is not None
    full = with_front_matter or pandoc
    blocks: list[str] = []
    if full:
        blocks += front_matter(ir, full=True, bibliography=bibliography, references=references)
    else:
        blocks += _title_block(ir)
    offset = 0 if full or not ir.title else 1
    if banner and ir.banner:
        blocks.insert(1 if with_front_matter or pandoc else 0, escape(ir.banner))
    notes = {n.number: n for n in ir.notes}
    for item in ir.body:
        if isinstance(item, Heading):
            blocks.append(_heading(item.level + offset, item.text))
        elif citation_keys is not None:
            blocks.append(cited_paragraph_markdown(item, notes, citation_keys))
        else:
            blocks.append(paragraph_markdown(item))
    if ir.summary:
        blocks.append(_heading(1 + offset, SUMMARY_HEADING))
        blocks.append("\n".join(f"- {escape(line)}" for line in ir.summary))
    if ir.sources:
        blocks.append(_heading(1 + offset, SOURCES_HEADING))
        blocks.append("::: {#refs}\n:::" if pandoc else _source_list(ir))
    if banner and ir.banner:
        blocks.append(escape(ir.banner))
    if ir.notes and not pandoc:
        blocks.append(
            "\n".join(f"[^{n.number}]: {segments_markdown(n.segments)}" for n in ir.notes)
        )
    return "\n\n".join(blocks) + "\n"


def _source_list(ir: ExportIR) -> str:
    return "\n".join(
        f"{i}. {segments_markdown(entry.segments)}" for i, entry in enumerate(ir.sources, start=1)
    )
