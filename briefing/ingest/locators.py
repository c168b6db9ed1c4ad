"""Locators: where a character range sits in a source ("para. 4", "p. 12").

Paragraphs are counted the way a reader would count them on screen:
when the text separates paragraphs with blank lines (Markdown, our HTML,
Word and paste importers, hard-wrapped text) a paragraph is a run of
non-blank lines; when it has no blank line at all (one paragraph per line,
like most news text files) every non-empty line is a paragraph.

Pages: a PDF source's text holds its pages separated by form feeds
(``\\f``, as ``pdftotext`` writes them) and ``extra["pages"]`` holds the page
count; ``extra["page_labels"]`` (printed page numbers such as "iv" or "213")
replaces the physical number in the locator when the PDF defines them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from briefing.core.model import Source

PAGE_BREAK = "\f"
INDEXES_KEPT = 8
"""Texts whose paragraph and page boundaries are kept (see LocatorIndex.for_source)."""
_BLANK_LINE = re.compile(r"\n[^\S\n\f]*\n")
_LINE_PARAGRAPH = re.compile(r"\S(?:[^\n\f]*\S)?")
_BLOCK_PARAGRAPH = re.compile(
    r"\S(?:[^\n\f]*\S)?(?:[^\S\n\f]*\n[^\S\n\f]*\S(?:[^\n\f]*\S)?)*"
)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, white space at both ends excluded."""
    pattern = _BLOCK_PARAGRAPH if _BLANK_LINE.search(text) else _LINE_PARAGRAPH
    return [match.span() for match in pattern.finditer(text)]


def page_starts(text: str) -> list[int]:
    """Offset where each page begins (page 1 at 0, then after every form feed)."""
    return [0] + [m.end() for m in re.finditer(PAGE_BREAK, text)]


def is_paged(source: Source) -> bool:
    """True for sources whose locators are pages (PDFs, form-feed text)."""
    return bool(source.extra.get("pages")) or PAGE_BREAK in source.text


def _range(prefix_one: str, prefix_many: str, first: str, last: str) -> str:
    return f"{prefix_one} {first}" if first == last else f"{prefix_many} {first}–{last}"


@dataclass(frozen=True)
class LocatorIndex:
    """Paragraph and page boundaries of one text, computed once for many lookups."""

    text: str
    paged: bool = False
    page_labels: tuple[str, ...] = ()

    @classmethod
    def for_source(cls, source: Source) -> LocatorIndex:
        """The index of *source*'s text; the last few are kept, so citing several
        passages of one long source splits it into paragraphs only once."""
        labels = source.extra.get("page_labels") or ()
        return _index(source.text, is_paged(source), tuple(str(label) for label in labels))

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [start for start, _ in paragraph_spans(self.text)]

    @cached_property
    def _page_starts(self) -> list[int]:
        return page_starts(self.text)

    def paragraph(self, offset: int) -> int:
        """1-based number of the paragraph holding *offset* (or the one before a gap)."""
        return max(1, bisect.bisect_right(self._paragraph_starts, offset))

    def page(self, offset: int) -> int:
        """1-based physical page number of *offset*."""
        return max(1, bisect.bisect_right(self._page_starts, offset))

    def page_label(self, page: int) -> str:
        if 0 < page <= len(self.page_labels):
            return self.page_labels[page - 1]
        return str(page)

    def locator(self, start: int, end: int | None = None) -> str:
        """"p. 12", "pp. 3–4", "para. 4" or "paras. 4–5" for the range [start, end)."""
        start = min(max(0, start), len(self.text))
        last = start if end is None or end <= start else min(end, len(self.text)) - 1
        if self.paged:
            first_page, last_page = self.page(start), self.page(last)
            return _range(
                "p.", "pp.", self.page_label(first_page), self.page_label(last_page)
            )
        first_para, last_para = self.paragraph(start), self.paragraph(last)
        return _range("para.", "paras.", str(first_para), str(last_para))


@lru_cache(maxsize=INDEXES_KEPT)
def _index(text: str, paged: bool, page_labels: tuple[str, ...]) -> LocatorIndex:
    return LocatorIndex(text, paged, page_labels)


def forget_indexes() -> None:
    """Drop the kept indexes (benchmarks time a first lookup with it)."""
    _index.cache_clear()


def locator_for(source: Source, start: int, end: int | None = None) -> str:
    """The locator of characters [start, end) of *source*'s text."""
    return LocatorIndex.for_source(source).locator(start, end)


def paragraph_text(text: str, number: int) -> str:
    """The text of paragraph *number* (1-based); empty when there is none."""
    spans = paragraph_spans(text)
    if 1 <= number <= len(spans):
        start, end = spans[number - 1]
        return text[start:end]
    return ""
