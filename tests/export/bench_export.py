"""Benchmark (not a test): whole-process .docx export of N cited claims against pandoc.

Run: ``python -m tests.export.bench_export [N ...]`` (default 1000 10000).  For each N it
writes a briefing/v1 JSON fixture and the equivalent Markdown (our own Markdown export),
then times, as whole processes in the same run and alternating, the user's command
``python -m briefing export N.json -o N.docx`` and ``pandoc`` converting the Markdown to
.docx (best of several runs each), and prints the ratio (target ≤ 0.5) and, between
sizes, our extra time per 1,000 extra claims (steady when the cost is linear).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypandoc

from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source
from briefing.export import export_document
from briefing.store.jsonio import dump_json

REPO = Path(__file__).resolve().parents[2]
RUNS = 5


def make_document(claims: int, sources: int = 50) -> Document:
    source_list = [
        Source(
            id=f"s{i}",
            key=f"k{i}",
            kind="news",
            title=f"Report number {i} on port traffic",
            publisher="Harbour Gazette",
            published="2025-12",
            url=f"https://example.org/{i}",
            reliability="B",
        )
        for i in range(sources)
    ]
    claim_list = [
        Claim(
            id=f"c{i}",
            text=f"Observation {i}: berth {i % 7} handled {i * 3} vessels.",
            citations=(
                Citation(
                    f"s{i % sources}",
                    locator=f"para. {i % 30 + 1}",
                    attribution="harbour master",
                    credibility="2",
                ),
            ),
        )
        for i in range(claims)
    ]
    per_section = 50
    sections = [
        Section(
            id=f"k{n}",
            title=f"Part {n + 1}",
            blocks=tuple(
                Block.for_claim(c.id) for c in claim_list[n * per_section : (n + 1) * per_section]
            ),
        )
        for n in range((claims + per_section - 1) // per_section)
    ]
    return Document(BriefingInfo(title="Benchmark"), source_list, claim_list, sections)


def _run(command: list[str]) -> float:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def bench(claims: int, folder: Path) -> tuple[float, float]:
    """Best whole-process times (ours, pandoc), the two run alternately."""
    doc = make_document(claims)
    source = folder / f"bench{claims}.json"
    markdown = folder / f"bench{claims}.md"
    dump_json(doc, source)
    export_document(doc, markdown)
    ours_cmd = [sys.executable, "-m", "briefing", "export", str(source), "-o"]
    ours_cmd.append(str(folder / "ours.docx"))
    pandoc_cmd = [pypandoc.get_pandoc_path(), str(markdown), "-o", str(folder / "p.docx")]
    ours = pandoc = float("inf")
    for _ in range(RUNS):
        ours = min(ours, _run(ours_cmd))
        pandoc = min(pandoc, _run(pandoc_cmd))
    return ours, pandoc


def main(argv: list[str]) -> None:
    sizes = sorted(int(a) for a in argv) or [1000, 10000]
    previous: tuple[int, float] | None = None
    with tempfile.TemporaryDirectory() as name:
        for claims in sizes:
            ours, pandoc = bench(claims, Path(name))
            marginal = ""
            if previous is not None:
                per = (ours - previous[1]) / (claims - previous[0]) * 1000
                marginal = f"; +{per:.3f} s per 1,000 claims over {previous[0]}"
            print(
                f"{claims:>6} claims: ours {ours:.3f} s, pandoc {pandoc:.3f} s, "
                f"ratio {ours / pandoc:.2f} (target <= 0.5){marginal}"
            )
            previous = (claims, ours)


if __name__ == "__main__":
    main(sys.argv[1:])
