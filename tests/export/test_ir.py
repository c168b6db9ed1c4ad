"""The export IR: numbering, note wording, sources, banner, dangling references."""

from __future__ import annotations

import pytest

from briefing.checks import sourcing_summary, summary_paragraphs
from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source
from briefing.export import DanglingReferenceError, ExportOptions, build_ir
from briefing.export.ir import NO_JUDGMENTS, Heading, Paragraph
from briefing.export.sanitize import clean_block, clean_line, clean_text
from tests.export.expect import SMALL_NOTES, small_document


def test_notes_are_numbered_in_reading_order_one_per_citation() -> None:
    ir = build_ir(small_document())
    paragraphs = [p for p in ir.body if isinstance(p, Paragraph) and p.notes]
    assert [(p.claim_id, p.notes) for p in paragraphs] == [("c2", (1, 2)), ("c1", (3,))]
    assert [(n.number, n.claim_id, n.source_id) for n in ir.notes] == [
        (1, "c2", "s1"),
        (2, "c2", "s2"),
        (3, "c1", "s1"),
    ]


def test_unplaced_claims_are_not_exported() -> None:
    ir = build_ir(small_document())
    assert all(p.claim_id != "c3" for p in ir.body if isinstance(p, Paragraph))
    assert "tug" not in repr(ir)


def test_each_note_names_title_locator_attribution_grade_and_url() -> None:
    doc = small_document()
    ir = build_ir(doc)
    for note in ir.notes:
        claim = doc.claim(note.claim_id)
        citation = claim.citations[
            [n.number for n in ir.notes if n.claim_id == claim.id].index(note.number)
        ]
        source = doc.source(citation.source)
        assert source.id == note.source_id
        assert clean_line(citation.locator) in note.text
    assert [n.text for n in ir.notes] == SMALL_NOTES
    first = ir.notes[0]
    assert [s.url for s in first.segments if s.url] == ["https://example.org/log?day=18&part=2"]


def test_sources_are_listed_once_in_order_of_first_citation() -> None:
    ir = build_ir(small_document())
    assert [s.source_id for s in ir.sources] == ["s1", "s2"]
    assert [s.text for s in ir.sources] == [
        "Port Authority Operations Desk, “Harbour Master Daily Log”, Port Authority, "
        "18 December 2025. https://example.org/log?day=18&part=2. "
        "Reliability B (usually reliable).",
        "“Morning Call-in, Coastal Radio”, Coastal Radio, December 2025. "
        "Reliability C (fairly reliable).",
    ]
    assert build_ir(small_document(), ExportOptions(source_list=False)).sources == ()


def test_headings_follow_section_depth_and_title_block() -> None:
    ir = build_ir(small_document())
    assert [h for h in ir.body if isinstance(h, Heading)] == [
        Heading(1, "Key Judgments"),
        Heading(2, "Evidence"),
    ]
    assert (ir.title, ir.subtitle, ir.byline) == (
        "Harbour Access Review",
        "Port operations after the storm",
        "A. Analyst and B. Reviewer · 20 December 2025",
    )


def test_banner_takes_the_highest_portion_and_the_caveats() -> None:
    doc = small_document()
    assert build_ir(doc).banner == "UNCLASSIFIED//FOR TRAINING"
    doc.update_claim("c1", portion="S")
    ir = build_ir(doc)
    assert ir.banner == "SECRET//FOR TRAINING"
    assert any(
        p.display_text.startswith("(S) Two berths") for p in ir.body if isinstance(p, Paragraph)
    )
    doc.set_info(marking_scheme="none")
    assert build_ir(doc).banner == ""


def test_unmarked_briefing_has_no_banner_or_portion_marks() -> None:
    source = Source(id="s1", title="T")
    claim = Claim(id="c1", text="Plain.", portion="S", citations=(Citation("s1"),))
    doc = Document(
        BriefingInfo(title="X", classification="S"),
        [source],
        [claim],
        [Section(id="k1", title="A", blocks=(Block.for_claim("c1"),))],
    )
    ir = build_ir(doc)
    assert ir.banner == ""
    assert [p.display_text for p in ir.body if isinstance(p, Paragraph)] == ["Plain."]


def test_sourcing_summary_is_optional_and_is_the_checks_summary() -> None:
    doc = small_document()
    assert build_ir(doc).summary == ()
    summary = build_ir(doc, ExportOptions(sourcing_summary=True)).summary
    assert summary == tuple(summary_paragraphs(sourcing_summary(doc)))  # one implementation
    assert summary == (
        "The 1 key judgment rests on 2 sources: 1 report, 1 interview.",
        "Source reliability: B (usually reliable) 1, C (fairly reliable) 1.",
        "\u201cHarbour Master Daily Log\u201d (report) supports 1 key judgment; graded B.",
        "\u201cMorning Call-in, Coastal Radio\u201d (interview) supports 1 key judgment; "
        "graded C3.",
    )


def test_sourcing_summary_is_cleaned_and_never_silently_empty() -> None:
    source = Source(id="s1", title="Log\x00 of\x0bthe port", kind="report")
    judgment = Claim(
        id="c1", text="Traffic\x1b will recover.", kind="judgment", citations=(Citation("s1"),)
    )
    doc = Document(
        BriefingInfo(title="T"),
        [source],
        [judgment],
        [Section(id="k1", title="Key", blocks=(Block.for_claim("c1"),))],
    )
    summary = build_ir(doc, ExportOptions(sourcing_summary=True)).summary
    assert "\u201cLog of the port\u201d (report) supports 1 key judgment." in summary
    single = "1 key judgment rests on a single source: \u201cTraffic will recover\u201d."
    assert summary[-1] == single
    assert all(clean_line(line) == line for line in summary)
    information = Claim(id="c1", text="Traffic fell.", citations=(Citation("s1"),))
    doc = Document(BriefingInfo(title="T"), [source], [information], doc.sections)
    assert build_ir(doc, ExportOptions(sourcing_summary=True)).summary == (NO_JUDGMENTS,)


def test_note_style_comes_from_document_unless_overridden() -> None:
    assert build_ir(small_document()).note_style == "footnotes"
    assert build_ir(small_document(), ExportOptions(note_style="endnotes")).note_style == "endnotes"


def test_dangling_source_is_refused_naming_the_claim() -> None:
    doc = small_document()
    doc._sources.pop("s2")  # what a damaged store could hand us
    with pytest.raises(DanglingReferenceError, match="claim 'c2'.*citation 2: source 's2'"):
        build_ir(doc)


def test_dangling_claim_is_refused_naming_the_section() -> None:
    doc = small_document()
    doc._claims.pop("c1")
    with pytest.raises(DanglingReferenceError, match="section 'Evidence', block 1: claim 'c1'"):
        build_ir(doc)


@pytest.mark.parametrize(
    ("raw", "text", "block"),
    [
        ("a\x0bb\x0cc", "a\nb\nc", "a\nb\nc"),
        ("nul\x00 esc\x1b del\x7f", "nul esc del", "nul esc del"),
        ("\ufffe\uffffok\ud800", "ok", "ok"),
        (
            "  two   spaces \r\n\r\n next\u2028line ",
            "  two   spaces \n\n next\nline ",
            "two spaces\nnext\nline",
        ),
        ("tab\there", "tab\there", "tab here"),
    ],
)
def test_sanitising(raw: str, text: str, block: str) -> None:
    assert clean_text(raw) == text
    assert clean_block(raw) == block
    assert clean_line(raw) == " ".join(block.split())
