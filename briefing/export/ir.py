"""The export intermediate representation, built once per export.

:func:`build_ir` walks the outline in reading order and produces the title
block, the banner, headings, paragraphs with note references, the notes, the
Sources list and the optional sourcing summary (the checks' one summary,
:mod:`briefing.checks.sourcing`, worded for a reader).  Notes are numbered here, in
reading order, one per citation; writers only render what they are given.
Unplaced claims are not exported.  A reference to a missing claim or source
raises :class:`DanglingReferenceError` before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from briefing.core.document import Document
from briefing.core.errors import DomainError
from briefing.core.model import Block, Section, Source
from briefing.core.vocab import (
    ClaimKind,
    NoteForm,
    NoteStyle,
    banner_word,
    level_rank,
    marking_levels,
    portion_mark,
)
from briefing.export import notes as wording
from briefing.export.notes import Segment
from briefing.export.sanitize import clean_block, clean_line
from briefing.export.typography import curly_quotes, estimate_text, quotation, speaker_of

UNTITLED_SECTION = "Untitled section"
CITATION_MODES = ("notes", "pandoc")
SOURCES_HEADING = "Sources"
NOTES_HEADING = "Notes"
"""Heads the endnotes of a Word export (they follow the last paragraph)."""
SUMMARY_HEADING = "Sourcing summary"
NO_JUDGMENTS = "The briefing states no judgments, so there is no sourcing to summarize."


class DanglingReferenceError(DomainError):
    """The outline or a citation points at a claim or source that does not exist."""


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Choices for one export; ``None`` means "what the document says"."""

    note_style: str | None = None
    note_form: str | None = None
    """Later notes to a source: "short" or "full"; None means what the document says."""
    ibid: bool = False
    """Write "Ibid." for a note citing the same source as the note before it."""
    show_estimates: bool = False
    sourcing_summary: bool = False
    source_list: bool = True
    front_matter: bool = False
    """Markdown only: title, author, date, classification as YAML front matter."""
    created: datetime | None = None
    """Word core property ``created``; None means now."""
    keep_empty_sections: bool = False
    """Keep the headings of sections with nothing in them (left out by default)."""
    paper: str | None = None
    """Word, without a house template: "a4" or "letter"; None means from the locale."""
    contents: bool = False
    """Word: a table of contents (a field Word fills when the document is updated)."""
    bibliography: str = "embedded"
    """Markdown with pandoc citations: the CSL items "embedded" in the front matter
    (``references:``, the default) or in a "file" beside it (``OUT.csl.json``)."""
    citations: str = "notes"
    """Markdown only: "notes" (``[^n]`` footnotes) or "pandoc" (``[@key, locator]``
    citations plus a CSL-JSON bibliography beside the file)."""


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    section_id: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A claim or a prose block: portion mark, text (line breaks kept), estimate, notes."""

    text: str
    portion: str = ""
    estimate: str = ""
    notes: tuple[int, ...] = ()
    claim_id: str | None = None
    section_id: str = field(default="", compare=False)
    index: int = field(default=-1, compare=False)
    """Where the block sits: its section and position there (review markers use them)."""

    @property
    def display_text(self) -> str:
        """Portion mark, text and estimate as one string (what a reader sees)."""
        return " ".join(p for p in (self.portion, self.text, self.estimate) if p)


@dataclass(frozen=True, slots=True)
class Note:
    """One citation's note; ``locator``, ``attribution`` and ``grade`` (cleaned) are
    also kept apart for writers that cite instead of writing notes (pandoc citations)."""

    number: int
    claim_id: str
    source_id: str
    segments: tuple[Segment, ...]
    locator: str = ""
    attribution: str = ""
    grade: str = ""

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


@dataclass(frozen=True, slots=True)
class SourceEntry:
    source_id: str
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


@dataclass(frozen=True, slots=True)
class ExportIR:
    title: str = ""
    subtitle: str = ""
    authors: tuple[str, ...] = ()
    date: str = ""
    banner: str = ""
    note_style: str = NoteStyle.FOOTNOTES.value
    body: tuple[Heading | Paragraph, ...] = ()
    notes: tuple[Note, ...] = ()
    sources: tuple[SourceEntry, ...] = ()
    summary: tuple[str, ...] = ()
    created: datetime | None = None
    paper: str | None = None
    contents: bool = False
    document_id: str = ""

    @property
    def byline(self) -> str:
        """Authors and date on one line ("A and B · 20 December 2025")."""
        return " · ".join(p for p in (wording.names(self.authors), self.date) if p)


def check_references(doc: Document) -> None:
    """Raise :class:`DanglingReferenceError` naming the first placed claim or block that dangles."""
    for section in doc.all_sections():
        for index, block in enumerate(section.blocks):
            if block.claim is None:
                continue
            if not doc.has_claim(block.claim):
                raise DanglingReferenceError(
                    f"section {clean_line(section.title) or section.id!r}, block {index + 1}: "
                    f"claim {block.claim!r} does not exist"
                )
            claim = doc.claim(block.claim)
            for number, citation in enumerate(claim.citations, start=1):
                if not doc.has_source(citation.source):
                    raise DanglingReferenceError(
                        f"claim {claim.id!r} ({_preview(claim.text)}), citation {number}: "
                        f"source {citation.source!r} does not exist"
                    )


def _preview(text: str, width: int = 40) -> str:
    line = clean_line(text)
    return repr(line if len(line) <= width else line[: width - 1] + "…")


class _Builder:
    def __init__(self, doc: Document, options: ExportOptions) -> None:
        self.doc = doc
        self.options = options
        self.scheme = doc.info.marking_scheme
        self.marked = bool(marking_levels(self.scheme))
        self.body: list[Heading | Paragraph] = []
        self.notes: list[Note] = []
        self.cited: dict[str, Source] = {}
        self.words: dict[str, wording.SourceWords] = {}
        form = options.note_form or doc.info.note_form or NoteForm.SHORT.value
        self.wording = wording.NoteWording(form, options.ibid)
        self.portions: list[str] = []

    def section(self, section: Section, level: int) -> bool:
        """Add *section*'s heading and content; True when it (or a child) had content.
        The heading of a section with nothing under it is left out unless kept."""
        start = len(self.body)
        title = curly_quotes(clean_line(section.title))
        self.body.append(Heading(level, title or UNTITLED_SECTION, section.id))
        filled = False
        for index, block in enumerate(section.blocks):
            paragraph = self.claim(block) if block.claim is not None else self.prose(block)
            if paragraph is not None:
                self.body.append(replace(paragraph, section_id=section.id, index=index))
                filled = True
        for child in section.sections:
            filled = self.section(child, level + 1) or filled
        if not filled and not self.options.keep_empty_sections:
            del self.body[start:]
        return filled

    def _portion(self, level: str) -> str:
        if not self.marked:
            return ""
        level = clean_line(level)
        if level:
            self.portions.append(level)
        return portion_mark(self.scheme, level)

    def prose(self, block: Block) -> Paragraph | None:
        text = curly_quotes(clean_block(block.text))
        portion = self._portion(block.portion)
        return Paragraph(text, portion) if text else None

    def claim(self, block: Block) -> Paragraph | None:
        claim = self.doc.claim(block.claim or "")
        numbers = []
        for citation in claim.citations:
            source = self.doc.source(citation.source)
            self.cited.setdefault(source.id, source)
            number = len(self.notes) + 1
            words = self.words.get(source.id)
            if words is None:
                words = self.words[source.id] = wording.SourceWords.of(source)
            locator = clean_line(citation.locator)
            attribution = clean_line(citation.attribution)
            grade = wording.citation_grade(citation, words)
            segments = self.wording.note(source.id, words, locator, attribution, grade)
            self.notes.append(
                Note(number, claim.id, source.id, segments, locator, attribution, grade)
            )
            numbers.append(number)
        text = curly_quotes(clean_block(claim.text))
        if claim.kind == ClaimKind.QUOTE.value:
            first = claim.citations[0].attribution if claim.citations else ""
            text = quotation(text, speaker_of(first))
        estimate = estimate_text(claim, text) if self.options.show_estimates else ""
        portion = self._portion(claim.portion)
        if not (text or numbers or estimate):
            return None
        return Paragraph(text, portion, estimate, tuple(numbers), claim.id)

    def banner(self) -> str:
        if not self.marked:
            return ""
        info = self.doc.info
        levels = [clean_line(info.classification), *self.portions]
        ranked = [(level_rank(self.scheme, x), x) for x in levels if x]
        known = [(rank, x) for rank, x in ranked if rank is not None]
        top = max(known)[1] if known else clean_line(info.classification)
        word = banner_word(self.scheme, top) if top else ""
        caveats = clean_line(info.caveats)
        return "//".join(p for p in (word, caveats) if p)


def _summary(doc: Document) -> tuple[str, ...]:
    """The sourcing summary paragraphs (the checks layer words them; loaded only when asked)."""
    from briefing.checks.sourcing import sourcing_summary, summary_paragraphs

    paragraphs = [clean_line(p) for p in summary_paragraphs(sourcing_summary(doc))]
    return tuple(p for p in paragraphs if p) or (NO_JUDGMENTS,)


def build_ir(doc: Document, options: ExportOptions | None = None) -> ExportIR:
    """The export IR of *doc*; raises :class:`DanglingReferenceError` on a broken reference."""
    options = options or ExportOptions()
    check_references(doc)
    note_style = options.note_style or doc.info.note_style
    if note_style not in {s.value for s in NoteStyle}:
        raise DomainError(f"note style {note_style!r} is not 'footnotes' or 'endnotes'")
    if options.note_form not in (None, *(f.value for f in NoteForm)):
        raise DomainError(f"note form {options.note_form!r} is not 'short' or 'full'")
    builder = _Builder(doc, options)
    for section in doc.sections:
        builder.section(section, 1)
    info = doc.info
    sources = tuple(SourceEntry(s.id, wording.source_entry(s)) for s in builder.cited.values())
    summary = _summary(doc) if options.sourcing_summary else ()
    return ExportIR(
        title=curly_quotes(clean_line(info.title)),
        subtitle=curly_quotes(clean_line(info.subtitle)),
        authors=tuple(a for a in (clean_line(x) for x in info.authors) if a),
        date=wording.date_in_words(info.date),
        banner=builder.banner(),
        note_style=note_style,
        body=tuple(builder.body),
        notes=tuple(builder.notes),
        sources=sources if options.source_list else (),
        summary=summary,
        created=options.created,
        paper=options.paper,
        contents=options.contents,
        document_id=str(info.extra.get("document_id", "")),
    )
