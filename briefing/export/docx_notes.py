"""Real Word footnotes and endnotes (python-docx has no API for them).

:func:`install_notes_part` adds ``/word/footnotes.xml`` (or ``endnotes.xml``)
with its content type, relates it from the main document part and writes the
separator and continuation-separator notes (ids -1 and 0).  A template's own
notes part (loaded by python-docx as an opaque part) is replaced.  Note
hyperlinks get their relationships on the notes part itself.  The small XML
builders here (:func:`text_runs`, :func:`note_reference`) are shared with the
body writer so both write runs the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import nsdecls, qn
from docx.package import Package

from briefing.export.docx_styles import character_style, paragraph_style
from briefing.export.notes import Segment


@dataclass(frozen=True, slots=True)
class NoteKind:
    """Names that differ between footnotes and endnotes."""

    name: str  # "footnote" | "endnote"
    reltype: str
    content_type: str

    @property
    def partname(self) -> str:
        return f"/word/{self.name}s.xml"

    @property
    def text_style(self) -> str:
        return f"{self.name} text"

    @property
    def reference_style(self) -> str:
        return f"{self.name} reference"


FOOTNOTES = NoteKind(
    "footnote",
    RT.FOOTNOTES,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
)
ENDNOTES = NoteKind(
    "endnote",
    RT.ENDNOTES,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
)


def escape(text: str) -> str:
    """*text* as XML character data, like ``xml.sax.saxutils.escape`` (whose module
    imports ``urllib.request``, ``http`` and ``email`` at start-up); ``str.replace``
    is much faster than ``str.translate`` with a table."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(value: str) -> str:
    """*value* as a double-quoted XML attribute value."""
    value = escape(value).replace('"', "&quot;")
    return '"' + value.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;") + '"'


def note_kind(note_style: str) -> NoteKind:
    return ENDNOTES if note_style == "endnotes" else FOOTNOTES


def text_runs(text: str, rstyle: str | None = None) -> str:
    """Runs for *text*; ``\\n`` becomes a line break inside the same run."""
    rpr = f"<w:rPr><w:rStyle w:val={quoteattr(rstyle)}/></w:rPr>" if rstyle else ""
    pieces = [f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in text.split("\n")]
    return f"<w:r>{rpr}{'<w:br/>'.join(pieces)}</w:r>" if text else ""


def note_reference(kind: NoteKind, style_id: str, note_id: int) -> str:
    """The body run that references note *note_id*."""
    return (
        f"<w:r><w:rPr><w:rStyle w:val={quoteattr(style_id)}/></w:rPr>"
        f'<w:{kind.name}Reference w:id="{note_id}"/></w:r>'
    )


def segment_runs(
    segments: Iterable[Segment], link_id: Callable[[str], str], link_style: str
) -> str:
    """Runs for note or source-list *segments*; links become ``w:hyperlink`` elements
    whose relationship id *link_id* gives (relationships belong to the part holding them).
    """
    runs = []
    for segment in segments:
        if segment.url:
            runs.append(
                f"<w:hyperlink r:id={quoteattr(link_id(segment.url))}>"
                f"{text_runs(segment.text, link_style)}</w:hyperlink>"
            )
        else:
            runs.append(text_runs(segment.text))
    return "".join(runs)


class LinkIds:
    """Relationship ids of external hyperlinks from one part, one per URL.

    python-docx's ``relate_to`` looks for an existing relationship by scanning
    them all, which makes thousands of notes quadratic; this remembers them.
    """

    def __init__(self, part: Part) -> None:
        self.part = part
        self.ids: dict[str, str] = {}

    def __call__(self, url: str) -> str:
        rid = self.ids.get(url)
        if rid is None:
            rid = self.ids[url] = self.part.relate_to(url, RT.HYPERLINK, is_external=True)
        return rid


class NotesPart(Part):
    """A footnotes/endnotes part whose XML is written once all notes are known."""

    def __init__(self, kind: NoteKind, package: Package) -> None:
        super().__init__(PackURI(kind.partname), kind.content_type, package=package)
        self.kind = kind
        self.xml = b""
        self.link_id = LinkIds(self)
        """The relationship id (on this part) of an external hyperlink to a URL."""

    @property
    def blob(self) -> bytes:
        return self.xml


def _separators(kind: NoteKind) -> str:
    spacing = '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    return (
        f'<w:{kind.name} w:type="separator" w:id="-1"><w:p>{spacing}'
        f"<w:r><w:separator/></w:r></w:p></w:{kind.name}>"
        f'<w:{kind.name} w:type="continuationSeparator" w:id="0"><w:p>{spacing}'
        f"<w:r><w:continuationSeparator/></w:r></w:p></w:{kind.name}>"
    )


def _drop_template_part(document: WordDocument, kind: NoteKind) -> None:
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype == kind.reltype:
            del document.part.rels[rid]


def _point_settings_at_separators(document: WordDocument, kind: NoteKind) -> None:
    """Make settings.xml name the separator ids we write (-1, 0), if it names any."""
    settings = document.settings.element
    properties = settings.find(qn(f"w:{kind.name}Pr"))
    if properties is None:
        return
    for ref, note_id in zip(properties.findall(qn(f"w:{kind.name}")), ("-1", "0"), strict=False):
        ref.set(qn("w:id"), note_id)


def install_notes_part(document: WordDocument, kind: NoteKind) -> NotesPart:
    """Add an empty notes part of *kind* to *document* (replacing a template's)."""
    _drop_template_part(document, kind)
    _point_settings_at_separators(document, kind)
    part = NotesPart(kind, document.part.package)
    document.part.relate_to(part, kind.reltype)
    return part


def write_notes(
    document: WordDocument, part: NotesPart, notes: Iterable[tuple[int, tuple[Segment, ...]]]
) -> None:
    """Fill *part* with one note per (id, segments), in the order given."""
    kind = part.kind
    text_style = paragraph_style(document, kind.text_style)
    ref_style = character_style(document, kind.reference_style)
    link_style = character_style(document, "Hyperlink")
    body = [_separators(kind)]
    for note_id, segments in notes:
        runs = segment_runs(segments, part.link_id, link_style)
        body.append(
            f'<w:{kind.name} w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val={quoteattr(text_style)}/>'
            f"</w:pPr><w:r><w:rPr><w:rStyle w:val={quoteattr(ref_style)}/></w:rPr>"
            f"<w:{kind.name}Ref/></w:r>{text_runs(' ')}{runs}</w:p></w:{kind.name}>"
        )
    part.xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f"<w:{kind.name}s {nsdecls('w', 'r')}>{''.join(body)}</w:{kind.name}s>"
    ).encode()
