"""What a reader should get back from an export.

The small fixture's paragraphs and notes are written here by hand
(:func:`small_claims`); :func:`expected_claims` computes them from the IR and
is kept only for generated documents (property tests), where the question is
whether readers keep arbitrary text literal, not how notes are worded.
"""

from __future__ import annotations

from pathlib import Path

from briefing.core.document import Document
from briefing.export.ir import ExportIR, Paragraph
from briefing.export.markdown_writer import NOTE_SEPARATOR
from briefing.export.sanitize import collapse
from briefing.store.jsonio import load_json

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"

Para = tuple[str, list[str]]


def small_document() -> Document:
    return load_json(FIXTURES / "small.json")


SMALL_NOTES = [
    "Dredging contractor; Port Authority Operations Desk, “Harbour Master Daily Log”, "
    "Port Authority, 18 December 2025, para. 2. https://example.org/log?day=18&part=2. Grade B.",
    "A pilot, caller; “Morning Call-in, Coastal Radio”, Coastal Radio, December 2025, "
    "at 07:40. Grade C3.",
    "Duty harbour master; “Harbour Master Daily Log”, para. 1. Grade B2.",
]
"""The small fixture's notes, by hand: the third is the short form (second note to s1)."""


def small_claims(*, estimates: bool, separator_in_text: bool) -> list[Para]:
    """The small fixture's exported paragraphs and their notes, written by hand."""
    judgment = "(U) Full capacity is likely within two weeks."
    if estimates:
        judgment += " [55–80%; moderate confidence]"  # "likely" is in the sentence
    if separator_in_text:
        judgment += NOTE_SEPARATOR
    return [
        (judgment, SMALL_NOTES[:2]),
        ("(U) Reopening is partial; dredging sets the pace.", []),
        ("(U) Two berths reopened on 18 December.", SMALL_NOTES[2:]),
    ]


def expected_claims(ir: ExportIR, *, separator_in_text: bool) -> list[Para]:
    """Each exported paragraph's text and note texts, as a reader should show them.

    Markdown writes the separator between adjacent references as body text;
    Word writes it superscript, which the reader helpers skip.
    """
    notes = {n.number: collapse(n.text) for n in ir.notes}
    found = []
    for item in ir.body:
        if isinstance(item, Paragraph):
            text = collapse(item.display_text)
            if separator_in_text and item.notes:
                text += NOTE_SEPARATOR * (len(item.notes) - 1)
            found.append((text, [notes[n] for n in item.notes]))
    return found


def is_subsequence(expected: list[Para], actual: list[Para]) -> bool:
    """True when *expected* occurs in *actual* in order (other paragraphs may interleave)."""
    remaining = iter(actual)
    return all(any(item == got for got in remaining) for item in expected)


def assert_claims_read_back(expected: list[Para], actual: list[Para]) -> None:
    if is_subsequence(expected, actual):
        return
    with_notes = [p for p in actual if p[1]]
    wanted = [p for p in expected if p[1]]
    assert wanted == with_notes, "notes differ"
    raise AssertionError(f"paragraphs differ:\nexpected {expected!r}\nactual   {actual!r}")
