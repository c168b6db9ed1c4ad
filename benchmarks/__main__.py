"""`make bench`: print one line per figure and write docs/benchmarks.md."""

from __future__ import annotations

import platform
import sys
import tempfile
from datetime import date
from pathlib import Path

from benchmarks.harness import Figure
from benchmarks.store_bench import store_figures

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    figures: list[Figure] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for figure, note in store_figures(Path(tmp)):
            print(figure.line() if figure else note, flush=True)
            if figure:
                figures.append(figure)
            elif note:
                notes.append(note)
    _write_report(figures, notes)
    return 0


def _write_report(figures: list[Figure], notes: list[str]) -> None:
    out = ROOT / "docs" / "benchmarks.md"
    out.parent.mkdir(exist_ok=True)
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` on {date.today().isoformat()}; machine: "
        f"{platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {sys.version.split()[0]}, {_cores()} cores.",
        "Medians of several runs, min–max in brackets; ratios are against a peer run in the",
        "same process where one exists. These machines are shared and noisy.",
        "",
        "```",
        *[f.line() for f in figures],
        *notes,
        "```",
        "",
    ]
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


def _cores() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    sys.exit(main())
