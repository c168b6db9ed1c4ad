"""Note wording pinned by hand: every shape of source, first notes in full, later short.

Every expected string here is written by hand from the house rules (Chicago-like
notes, dates in words, attribution first and capitalised); none is computed by
the export code.  The same texts are then read back from the Word export by
pandoc, so the notes part says exactly this.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source
from briefing.export import ExportOptions, build_ir, export_document
from tests.export import readers

FSI, PDI = "\u2068", "\u2069"

SOURCES = [
    Source(id="none", title="Port closure notice", kind="report", publisher="Port Authority",
           published="2025-12-18", reliability="A"),
    Source(id="one", title="Storm damage to the eastern breakwater and the inner harbour",
           kind="news", authors=("Jane Doe",), container="Coastal Times",
           published="2025-12-19", url="https://example.org/story?id=7&lang=en",
           accessed="2025-12-20", reliability="B"),
    Source(id="two", title="Dredging plan: phase two", kind="report",
           authors=("Jane Doe", "Omar Haddad"), published="2025"),
    Source(id="many", title="Tug fleet readiness", kind="report",
           authors=("A. One", "Bea Two", "Cy Three", "Di Four"), published="2025-11"),
    Source(id="org", title="Annual port statistics", kind="report",
           authors=("Ministry of Transport",), published="2025-12"),
    Source(id="nodate", title="Pilot interview notes", kind="interview",
           accessed="2025-12-20"),
    Source(id="rtl", title="تقرير الميناء", kind="news", container="الصحيفة"),
    Source(id="pdf", title="Harbour survey 2025", kind="report", file_name="survey.pdf",
           publisher="Survey Office"),
    Source(id="quoted", title="\"Open for business\" says harbour chief", kind="news"),
]

# (claim text, [(source, locator, attribution, credibility)])
CLAIMS = [
    ("The port closed.", [("none", "para. 1", "", "1")]),
    ("The breakwater failed.", [("one", "para. 3", "harbour engineer", "2")]),
    ("Dredging starts in spring.", [("two", "p. 4", "", "")]),
    ("Two tugs are ready.", [("many", "table 2", "", "")]),
    ("Throughput fell.", [("org", "fig. 1", "", "")]),
    ("Pilots expect delays.", [("nodate", "", "a senior pilot", "")]),
    ("A local paper reports damage.", [("rtl", "§ 6", "", "")]),
    ("The survey found silting.", [("pdf", "pp. 12–14", "", "")]),
    ("The chief says the port is open.", [("quoted", "", "", "")]),
    ("Repairs will take weeks.", [("one", "para. 5", "", "3"), ("none", "para. 2", "", "")]),
    ("Dredging needs two ships.", [("two", "p. 9", "the contractor", "")]),
    ("One tug is in dock.", [("many", "table 3", "", "")]),
    ("Traffic recovered.", [("org", "fig. 2", "", "")]),
    ("A second paper agrees.", [("rtl", "§ 7", "", "")]),
    ("Silting is worst at berth 4.", [("pdf", "p. 15", "", "")]),
    ("The engineer repeats the warning.", [("one", "para. 6", "harbour engineer", "")]),
    ("The engineer adds a cost.", [("one", "para. 6", "", "")]),
]

NOTES = [
    # first notes, in full
    "“Port closure notice”, Port Authority, 18 December 2025, para. 1. Grade A1.",
    "Harbour engineer; Jane Doe, “Storm damage to the eastern breakwater and the inner "
    "harbour”, Coastal Times, 19 December 2025, para. 3. "
    "https://example.org/story?id=7&lang=en, accessed 20 December 2025. Grade B2.",
    "Jane Doe and Omar Haddad, “Dredging plan: phase two”, 2025, p. 4.",
    "A. One, Bea Two, Cy Three, and Di Four, “Tug fleet readiness”, November 2025, table 2.",
    "Ministry of Transport, “Annual port statistics”, December 2025, fig. 1.",
    "A senior pilot; “Pilot interview notes”.",
    f"“{FSI}تقرير الميناء{PDI}”, {FSI}الصحيفة{PDI}, § 6.",
    "“Harbour survey 2025”, Survey Office, pp. 12–14.",
    "“‘Open for business’ says harbour chief”.",
    # later notes, short
    "Doe, “Storm damage”, para. 5. Grade B3.",
    "“Port closure notice”, para. 2. Grade A.",
    "The contractor; “Dredging plan”, p. 9.",
    "One et al., “Tug fleet readiness”, table 3.",
    "Ministry of Transport, “Annual port statistics”, fig. 2.",
    f"“{FSI}تقرير الميناء{PDI}”, § 7.",
    "“Harbour survey 2025”, p. 15.",
    "Harbour engineer; “Storm damage”, para. 6. Grade B.",
    "Doe, “Storm damage”, para. 6. Grade B.",
]

SOURCE_LIST = [
    "“Port closure notice”, Port Authority, 18 December 2025. "
    "Reliability A (completely reliable).",
    "Jane Doe, “Storm damage to the eastern breakwater and the inner harbour”, Coastal Times, "
    "19 December 2025. https://example.org/story?id=7&lang=en, accessed 20 December 2025. "
    "Reliability B (usually reliable).",
    "Jane Doe and Omar Haddad, “Dredging plan: phase two”, 2025.",
    "A. One, Bea Two, Cy Three, and Di Four, “Tug fleet readiness”, November 2025.",
    "Ministry of Transport, “Annual port statistics”, December 2025.",
    "“Pilot interview notes”.",
    f"“{FSI}تقرير الميناء{PDI}”, {FSI}الصحيفة{PDI}.",
    "“Harbour survey 2025”, Survey Office.",
    "“‘Open for business’ says harbour chief”.",
]


def shapes_document(**info: str) -> Document:
    claims = [
        Claim(
            id=f"c{i}",
            text=text,
            citations=tuple(
                Citation(src, locator=loc, attribution=who, credibility=cred)
                for src, loc, who, cred in cites
            ),
        )
        for i, (text, cites) in enumerate(CLAIMS, start=1)
    ]
    section = Section(id="k1", title="Findings",
                      blocks=tuple(Block.for_claim(c.id) for c in claims))
    return Document(BriefingInfo(title="Shapes", **info), SOURCES, claims, [section])


def test_first_notes_are_full_and_later_notes_short() -> None:
    ir = build_ir(shapes_document())
    assert [n.text for n in ir.notes] == NOTES


def test_sources_list_entries_read_as_lines() -> None:
    ir = build_ir(shapes_document())
    assert [s.text for s in ir.sources] == SOURCE_LIST


def test_full_form_repeats_the_first_note() -> None:
    ir = build_ir(shapes_document(note_form="full"))
    assert ir.notes[9].text == (
        "Jane Doe, “Storm damage to the eastern breakwater and the inner harbour”, "
        "Coastal Times, 19 December 2025, para. 5. https://example.org/story?id=7&lang=en, "
        "accessed 20 December 2025. Grade B3."
    )
    assert ir.notes[10].text == (
        "“Port closure notice”, Port Authority, 18 December 2025, para. 2. Grade A."
    )
    # an export option overrides what the document says
    short = build_ir(shapes_document(note_form="full"), ExportOptions(note_form="short"))
    assert [n.text for n in short.notes] == NOTES


def test_ibid_is_off_by_default_and_used_only_right_after_the_same_source() -> None:
    ir = build_ir(shapes_document(), ExportOptions(ibid=True))
    texts = [n.text for n in ir.notes]
    assert texts[16] == "Harbour engineer; “Storm damage”, para. 6. Grade B."  # after the PDF
    assert texts[17] == "Ibid., para. 6. Grade B."
    assert texts[:17] == NOTES[:17]
    assert not any("bid" in n for n in NOTES)


@pytest.mark.parametrize("notes", ["footnotes", "endnotes"])
def test_word_notes_part_says_exactly_this(tmp_path: Path, notes: str) -> None:
    path = export_document(shapes_document(), tmp_path / "shapes.docx", notes=notes)
    read = readers.pandoc_read(path, "docx", skip_superscript=True)
    found = [n for _, ns in read for n in ns]
    strip = str.maketrans("", "", FSI + PDI)  # pandoc keeps the isolates; compare the text
    assert [n.translate(strip) for n in found] == [n.translate(strip) for n in NOTES]


def test_markdown_readers_find_the_same_notes(tmp_path: Path) -> None:
    path = export_document(shapes_document(), tmp_path / "shapes.md")
    text = path.read_text(encoding="utf-8")
    for read in (readers.python_markdown_read(text), readers.markdown_it_read(text),
                 readers.pandoc_read(path, "markdown")):
        found = [n for _, ns in read for n in ns]
        assert found == NOTES
