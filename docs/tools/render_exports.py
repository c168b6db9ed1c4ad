"""Render the sample's Word and PDF exports to PNG for the guide (docs/images/export-*.png).

Needs LibreOffice (``soffice``) and poppler (``pdftoppm``) on PATH; run from the
repository root with the project's venv: ``.venv/bin/python docs/tools/render_exports.py``.
The house template is the one the tests build (logo line, PAGE field, first-page header).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pypandoc

from briefing.export import ExportOptions, export_document
from briefing.resources import sample_document

IMAGES = Path(__file__).resolve().parents[1] / "images"


def _render(docx_path: Path, page: int, target: Path) -> None:
    folder = docx_path.parent
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(folder),
                    str(docx_path)], check=True, capture_output=True, timeout=240)
    stem = folder / f"{docx_path.stem}-page"
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page),
                    "-singlefile", str(docx_path.with_suffix(".pdf")), str(stem)], check=True)
    shutil.copy(f"{stem}.png", target)
    print(f"wrote {target}")


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.export.test_docx_template import house_template

    doc = sample_document()
    a4 = ExportOptions(paper="a4")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        _render(export_document(doc, folder / "default.docx", options=a4), 1,
                IMAGES / "export-default.png")
        markdown = export_document(doc, folder / "sample.md")
        pandoc = folder / "pandoc.docx"
        pypandoc.convert_file(str(markdown), "docx", outputfile=str(pandoc))
        _render(pandoc, 1, IMAGES / "export-pandoc-default.png")
        house = house_template(folder / "house.docx")
        _render(export_document(doc, folder / "house-export.docx", reference_doc=house), 1,
                IMAGES / "export-house.png")
        endnotes = export_document(doc, folder / "endnotes.docx", notes="endnotes", options=a4)
        _render(endnotes, 3, IMAGES / "export-endnotes.png")
        pdf = export_document(doc, folder / "sample.pdf", options=a4)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(IMAGES / "export-pdf")], check=True)
        print(f"wrote {IMAGES / 'export-pdf.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
