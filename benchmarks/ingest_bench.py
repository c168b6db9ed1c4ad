"""Import figures: a 20 MB text and a 200-page PDF, time and peak memory.

Each import runs in a fresh process (``python -m benchmarks.ingest_bench FILE``)
so its peak resident memory (VmHWM) is its own; the figure also gives the
peak above the process's resident size just before the import.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.harness import ROOT, Figure, measure, proc_status_mb, python_command, python_env

PARAGRAPH = (
    "Shipping through the northern strait slowed for a third week as insurers raised "
    "premiums, port officials said, while grain exporters looked for longer routes. "
)


def write_text(path: Path, megabytes: int = 20) -> Path:
    count = megabytes * 2**20 // (len(PARAGRAPH) + 8)
    path.write_text("\n\n".join(f"{n}. {PARAGRAPH}" for n in range(count)), encoding="utf-8")
    return path


def write_pdf(path: Path, pages: int = 200) -> Path:
    from tests.ingest.builders import make_pdf

    texts = [f"Page {n} of the report.\n{PARAGRAPH}\n{PARAGRAPH}" for n in range(1, pages + 1)]
    path.write_bytes(make_pdf(texts))
    return path


def import_in_process(path: Path) -> dict[str, float]:
    from briefing.ingest import import_file, sequential_ids

    before = proc_status_mb("VmRSS")["VmRSS"]
    start = time.perf_counter()
    items = import_file(path, new_id=sequential_ids(lambda _: False))
    elapsed = time.perf_counter() - start
    status = proc_status_mb("VmHWM")
    chars = sum(len(item.source.text) for item in items)
    return {"seconds": elapsed, "before": before, "hwm": status["VmHWM"], "chars": chars}


def _probe(path: Path) -> dict[str, float]:
    result = subprocess.run(
        python_command("benchmarks.ingest_bench", str(path)),
        capture_output=True,
        text=True,
        env=python_env(),
        cwd=ROOT,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def import_figures(
    tmp: Path, megabytes: int = 20, pages: int = 200, repeat: int = 3
) -> Iterator[Figure | str]:
    text = write_text(tmp / "big.txt", megabytes)
    pdf = write_pdf(tmp / "report.pdf", pages)
    yield (
        f"import inputs: text {text.stat().st_size / 2**20:.1f} MiB; PDF {pages} pages, "
        f"{pdf.stat().st_size / 2**10:.0f} KiB"
    )
    for label, path in ((f"{megabytes} MB text", text), (f"{pages}-page PDF", pdf)):
        probes = [_probe(path) for _ in range(repeat)]
        yield Figure(f"import {label} (time)", [p["seconds"] for p in probes])
        yield Figure(
            f"import {label} (peak resident, whole process)", [p["hwm"] for p in probes], unit="MB"
        )
        yield Figure(
            f"import {label} (peak above resident before import)",
            [p["hwm"] - p["before"] for p in probes],
            unit="MB",
        )
    yield from _anchor_figures(text, megabytes)


def _anchor_figures(text_path: Path, megabytes: int) -> Iterator[Figure]:
    from briefing.core.model import Source
    from briefing.ingest import locator_for, resolve
    from briefing.ingest.locators import forget_indexes

    source = Source(id="big", text=text_path.read_text(encoding="utf-8"))
    offset = len(source.text) - 500

    def first_locator() -> None:
        forget_indexes()
        locator_for(source, offset, offset + 40)

    yield Figure(
        f"first locator in a {megabytes} MB source (its paragraphs indexed)",
        measure(first_locator, 3),
    )
    yield Figure(
        f"next locator in the same {megabytes} MB source",
        measure(lambda: locator_for(source, offset - 999, offset - 959), 3, warmup=1),
    )
    quote = source.text[offset : offset + 60]
    edited = "Preface.\n" + source.text
    yield Figure(
        f"re-anchor a moved quote in {megabytes} MB",
        measure(lambda: resolve(quote, edited, offset), 3),
    )


if __name__ == "__main__":
    print(json.dumps(import_in_process(Path(sys.argv[1]))))
