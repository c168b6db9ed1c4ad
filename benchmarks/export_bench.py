"""Export figures: whole-process ``briefing export`` against pandoc, run alternately.

For each size the same document is written as ``.json``, ``.briefing`` and our
Markdown export; pandoc converting that Markdown (to .docx, and to Markdown) is
the peer.  Every round runs every command once, so ours and pandoc share the
machine's noise.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pypandoc

from benchmarks.generate import synthetic_document, write_inputs
from benchmarks.harness import Figure, alternate, python_command

DOCX_RATIO_TARGET = 0.5
DOCX_RATIO_ACCEPTABLE = 1.0
EXPORT_SOURCES = 100
EXPORT_PARAGRAPHS = 10


def export_commands(paths: dict[str, Path], out: Path) -> dict[str, list[str]]:
    pandoc = pypandoc.get_pandoc_path()
    markdown = str(paths[".md"])
    return {
        "docx json": python_command(
            "briefing", "export", str(paths[".json"]), "-o", str(out / "ours.docx")
        ),
        "docx pandoc": [pandoc, markdown, "-o", str(out / "pandoc.docx")],
        "docx briefing": python_command(
            "briefing", "export", str(paths[".briefing"]), "-o", str(out / "ours-b.docx")
        ),
        "md json": python_command(
            "briefing", "export", str(paths[".json"]), "-o", str(out / "ours.md")
        ),
        "md pandoc": [pandoc, markdown, "-t", "markdown", "-o", str(out / "pandoc.md")],
    }


def export_figures(
    tmp: Path, sizes: tuple[tuple[int, int], ...] = ((1000, 5), (10000, 3))
) -> Iterator[Figure | str]:
    """Figures for each (claims, runs) in *sizes*, then the marginal cost per 1,000 claims."""
    medians: dict[int, tuple[float, float]] = {}
    for claims, runs in sizes:
        doc = synthetic_document(claims, EXPORT_SOURCES, EXPORT_PARAGRAPHS)
        paths = write_inputs(doc, tmp, f"export{claims}")
        del doc
        # Only the first size warms up: a fresh 10,000-claim round costs about a minute.
        times = alternate(export_commands(paths, tmp), runs, warmup=not medians)
        docx = dict(
            peer_runs=times["docx pandoc"],
            peer_name="pandoc md→docx",
            ratio_target=DOCX_RATIO_TARGET,
            ratio_acceptable=DOCX_RATIO_ACCEPTABLE,
        )
        json_docx = Figure(
            f"export {claims:,} claims .json → .docx (process)", times["docx json"], **docx
        )
        yield json_docx
        yield Figure(
            f"export {claims:,} claims .briefing → .docx (process)", times["docx briefing"], **docx
        )
        yield Figure(
            f"export {claims:,} claims .json → .md (process)",
            times["md json"],
            peer_runs=times["md pandoc"],
            peer_name="pandoc md→md",
        )
        medians[claims] = (json_docx.median, json_docx.peer or 0.0)
    yield from _marginal(medians)


def pdf_figures(tmp: Path, claims: int = 300, runs: int = 3) -> Iterator[Figure | str]:
    """The PDF export of a *claims*-claim document beside the .docx export of the same file
    (whole process each); a note when WeasyPrint is not installed."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        yield "PDF export: WeasyPrint is not installed, no figure"
        return
    doc = synthetic_document(claims, EXPORT_SOURCES, EXPORT_PARAGRAPHS)
    paths = write_inputs(doc, tmp, f"pdf{claims}")
    del doc
    commands = {
        "pdf": python_command("briefing", "export", str(paths[".json"]), "-o",
                              str(tmp / "ours.pdf")),
        "docx": python_command("briefing", "export", str(paths[".json"]), "-o",
                               str(tmp / "ours-pdf.docx")),
    }
    times = alternate(commands, runs)
    yield Figure(f"export {claims:,} claims .json → .pdf (process)", times["pdf"],
                 peer_runs=times["docx"], peer_name="our .json → .docx")


def _marginal(medians: dict[int, tuple[float, float]]) -> Iterator[str]:
    sizes = sorted(medians)
    for low, high in zip(sizes, sizes[1:], strict=False):
        scale = 1000 / (high - low)
        ours = (medians[high][0] - medians[low][0]) * scale
        pandoc = (medians[high][1] - medians[low][1]) * scale
        fixed = medians[low][0] - ours * low / 1000
        yield (
            f".docx marginal cost per 1,000 claims ({low:,}→{high:,}): ours {ours * 1000:.0f} ms, "
            f"pandoc {pandoc * 1000:.0f} ms; ours ≈ {fixed * 1000:.0f} ms fixed "
            f"+ {ours * 1000:.0f} ms per 1,000 claims (linear when the fixed part is "
            f"start-up-sized)"
        )
