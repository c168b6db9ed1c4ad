"""What a reader should get back from an export, computed from the IR."""

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
