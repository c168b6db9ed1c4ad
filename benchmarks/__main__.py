"""`make bench`: print one line per figure and write docs/benchmarks.md."""

from __future__ import annotations

import platform
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from benchmarks.harness import Figure
from benchmarks.store_bench import store_figures

ROOT = Path(__file__).resolve().parents[1]
PEER_SCRIPTS = (
    ("tests.export.bench_export", ("1000", "10000")),
    ("tests.checks.bench_checks", ()),
    ("tests.ingest.bench_import", ()),
)


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
    for module, args in PEER_SCRIPTS:
        notes.append(f"-- python -m {module} {' '.join(args)}")
        print(notes[-1], flush=True)
        result = subprocess.run(
            [sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True
        )
        output = (result.stdout + result.stderr).strip().splitlines()
        for line in output:
            print(line, flush=True)
        notes.extend(output)
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
