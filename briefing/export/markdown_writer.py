"""Markdown writer: ``[^n]`` footnotes that pandoc, python-markdown,
markdown-it-py and GitHub read the same way.

Escaping (DESIGN §4, checked against every one of those parsers): collapse
whitespace; backslash-escape ``\\ ` * _ { } [ ] ( ) # + - . !``; write
``& < > " ' | ^ ~ $ @ % : =`` as numeric character references.  Text escaped
this way stays literal wherever it stands (paragraph, heading, list item,
note definition), so nothing a source says can turn into formatting, a link,
raw HTML, a citation or a footnote.  Note definitions follow in reference
order (python-markdown numbers notes by definition order), one label per
reference; adjacent references are separated by a comma.  Markdown readers
gather notes at the end, so footnotes and endnotes render alike.
"""

from __future__ import annotations

import json

from briefing.export.ir import (
    SOURCES_HEADING,
    SUMMARY_HEADING,
    ExportIR,
    Heading,
    Paragraph,
)
from briefing.export.notes import Segment
from briefing.export.sanitize import collapse

_BACKSLASHED = "\\`*_{}[]()#+-.!"
_REFERENCED = "&<>\"'|^~$@%:="
_TABLE = {ord(c): "\\" + c for c in _BACKSLASHED} | {ord(c): f"&#{ord(c)};" for c in _REFERENCED}
NOTE_SEPARATOR = ","


def escape(text: str) -> str:
    """*text* collapsed to one line and escaped so every parser shows it literally."""
    return collapse(text).translate(_TABLE)


def _escape_segment(text: str) -> str:
    return text.translate(_TABLE)


def segments_markdown(segments: tuple[Segment, ...]) -> str:
    """Note or source-list segments as Markdown; links become autolinks ``<url>``."""
    return "".join(f"<{s.url}>" if s.url else _escape_segment(s.text) for s in segments).strip()


def note_refs(numbers: tuple[int, ...]) -> str:
    return NOTE_SEPARATOR.join(f"[^{n}]" for n in numbers)


def paragraph_markdown(paragraph: Paragraph) -> str:
    return escape(paragraph.display_text) + note_refs(paragraph.notes)


def _yaml_string(text: str) -> str:
    """A YAML double-quoted scalar whose content pandoc reads as literal Markdown."""
    return json.dumps(escape(text), ensure_ascii=False)


def front_matter(ir: ExportIR) -> list[str]:
    lines = ["---"]
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


def render_markdown(ir: ExportIR, *, with_front_matter: bool = False, banner: bool = True) -> str:
    """The whole Markdown file for *ir* (``banner=False`` leaves the banner to a wrapper)."""
    blocks: list[str] = []
    if with_front_matter:
        blocks += front_matter(ir)
    else:
        blocks += _title_block(ir)
    offset = 0 if with_front_matter or not ir.title else 1
    if banner and ir.banner:
        blocks.insert(1 if with_front_matter else 0, escape(ir.banner))
    for item in ir.body:
        if isinstance(item, Heading):
            blocks.append(_heading(item.level + offset, item.text))
        else:
            blocks.append(paragraph_markdown(item))
    if ir.summary:
        blocks.append(_heading(1 + offset, SUMMARY_HEADING))
        blocks.append("\n".join(f"- {escape(line)}" for line in ir.summary))
    if ir.sources:
        blocks.append(_heading(1 + offset, SOURCES_HEADING))
        blocks.append(
            "\n".join(
                f"{i}. {segments_markdown(entry.segments)}"
                for i, entry in enumerate(ir.sources, start=1)
            )
        )
    if banner and ir.banner:
        blocks.append(escape(ir.banner))
    if ir.notes:
        blocks.append(
            "\n".join(f"[^{n.number}]: {segments_markdown(n.segments)}" for n in ir.notes)
        )
    return "\n\n".join(blocks) + "\n"
