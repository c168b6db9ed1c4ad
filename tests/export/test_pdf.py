"""PDF export: real footnotes on the page that cites them, banner and page numbers on
every page, the same notes and Sources as the other exports.

Read back with poppler's ``pdftotext -layout`` (a reader we did not write); skipped
where WeasyPrint or pdftotext is missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefing.core.document import Document
from briefing.core.errors import FileProblem
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source
from briefing.export import ExportOptions, export_document
from tests.export.expect import SMALL_NOTES, small_document

pytest.importorskip("weasyprint")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(PDFTOTEXT is None, reason="poppler's pdftotext is missing")
BANNER = "UNCLASSIFIED//FOR TRAINING"


def pages(path: Path) -> list[str]:
    text = subprocess.run([PDFTOTEXT or "pdftotext", "-layout", str(path), "-"],
                          check=True, capture_output=True, text=True).stdout
    return [page for page in text.split("\f") if page.strip()]


def flat(page: str) -> str:
    """The page on one line (a URL broken after its "//" joined again)."""
    return " ".join(page.split()).replace(":// ", "://")


def claims_document(count: int) -> Document:
    source = Source(id="s1", title="Harbour Master Daily Log", kind="report",
                    publisher="Port Authority", published="2025-12-18",
                    url="https://example.org/log", reliability="B")
    claims = [
        Claim(id=f"c{n}", portion="U",
              text=f"Claim {n} says berth {n} reopened after the storm passed, according to "
              "the harbour master's log for that morning.",
              citations=(Citation("s1", locator=f"entry {n}", credibility="2"),))
        for n in range(1, count + 1)
    ]
    section = Section(id="k1", title="Findings",
                      blocks=tuple(Block.for_claim(c.id) for c in claims))
    info = BriefingInfo(title="Three hundred claims", marking_scheme="us",
                        classification="U", caveats="FOR TRAINING")
    return Document(info, [source], claims, [section])


def test_each_note_is_on_the_page_of_its_claim(tmp_path: Path) -> None:
    doc = claims_document(300)
    path = export_document(doc, tmp_path / "many.pdf", options=ExportOptions(paper="a4"))
    found = pages(path)
    assert len(found) > 10
    where_claim: dict[int, int] = {}
    where_note: dict[int, int] = {}
    for index, page in enumerate(found):
        text = flat(page)
        for match in re.finditer(r"\(U\) Claim (\d+) says", text):
            where_claim[int(match.group(1))] = index
        notes = re.finditer(r"(\d+)\. “Harbour Master Daily Log”(?:, Port Authority, "
                            r"18 December 2025)?, entry (\d+)\.", text)
        for match in notes:
            assert match.group(1) == match.group(2)  # note N cites entry N
            where_note[int(match.group(1))] = index
            assert match.start() > text.rfind("(U) Claim ")  # at the foot, below the text
    assert sorted(where_claim) == sorted(where_note) == list(range(1, 301))
    assert where_claim == where_note
    for index, page in enumerate(found, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == BANNER
        assert lines[-1].startswith(BANNER) and lines[-1].endswith(f"Page {index} of {len(found)}")


def test_small_document_has_the_same_title_block_notes_and_sources(tmp_path: Path) -> None:
    path = export_document(small_document(), tmp_path / "small.pdf",
                           options=ExportOptions(paper="letter"))
    text = flat("\n".join(pages(path)))
    for expected in ("Harbour Access Review", "Port operations after the storm",
                     "A. Analyst and B. Reviewer", "20 December 2025", "Sources",
                     "Reliability B (usually reliable)."):
        assert expected in text
    for number, note in enumerate(SMALL_NOTES, start=1):
        assert f"{number}. {note}" in text


def test_endnotes_follow_a_notes_heading(tmp_path: Path) -> None:
    path = export_document(small_document(), tmp_path / "end.pdf", notes="endnotes")
    text = flat("\n".join(pages(path)))
    notes_at = text.index(" Notes ")
    assert text.index("Sources") < notes_at
    assert all(note in text[notes_at:] for note in SMALL_NOTES)


def test_without_weasyprint_one_clear_message(tmp_path: Path, monkeypatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name: str, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if name == "weasyprint":
            raise ImportError("no weasyprint")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    with pytest.raises(FileProblem, match=r"out.pdf: PDF export needs WeasyPrint"):
        export_document(small_document(), tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()
