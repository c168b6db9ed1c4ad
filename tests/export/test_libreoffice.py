"""LibreOffice (a reader we did not write) lays our notes out as real notes.

Skipped where LibreOffice is not installed (``apt-get install libreoffice-writer-nogui``).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing.export import export_document
from tests.export.expect import small_document

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


def to_pdf_pages(docx_path: Path) -> list[str]:
    profile = docx_path.parent / "lo-profile"
    subprocess.run(
        [
            SOFFICE or "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(docx_path.parent),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    reader = PdfReader(str(docx_path.with_suffix(".pdf")))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_footnotes_sit_at_the_foot_of_the_page(tmp_path: Path) -> None:
    pages = to_pdf_pages(export_document(small_document(), tmp_path / "foot.docx"))
    first = pages[0]
    assert first.startswith("UNCLASSIFIED//FOR TRAINING")
    assert first.index("Two berths reopened") < first.index("Duty harbour master;")
    assert first.index("Sources") < first.index("Dredging contractor;")
    assert first.endswith("UNCLASSIFIED//FOR TRAINING")


def test_endnotes_follow_the_text(tmp_path: Path) -> None:
    path = export_document(small_document(), tmp_path / "end.docx", notes="endnotes")
    pages = to_pdf_pages(path)
    assert "Dredging contractor;" not in pages[0]
    assert "Dredging contractor;" in pages[-1] and "Duty harbour master;" in pages[-1]


def test_sample_notes_keep_speaker_short_title_and_locator(tmp_path: Path) -> None:
    from briefing.resources import sample_document
    from tests.export.test_sample_notes import SHORT_TITLES

    doc = sample_document()
    text = " ".join(to_pdf_pages(export_document(doc, tmp_path / "sample.docx")))
    text = text.replace("\u2068", "").replace("\u2069", "")
    seen: set[str] = set()
    for section in doc.all_sections():
        for block in section.blocks:
            if block.claim is None:
                continue
            for citation in doc.claim(block.claim).citations:
                who = citation.attribution[0].upper() + citation.attribution[1:]
                who = who.replace("'", "’")  # notes make apostrophes typographic
                assert f"{who}; " in text
                if citation.source in seen:  # a short note: "Who; “Short title”, para. 6."
                    short = SHORT_TITLES[citation.source]
                    assert f"{who}; {short}, {citation.locator}." in text
                else:
                    title = doc.source(citation.source).title.replace("'", "’")
                    assert f"“{title}”" in text
                seen.add(citation.source)
