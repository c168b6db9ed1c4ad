"""Benchmark (not a test): import a 20 MB text and a 200-page PDF.

Run with ``python -m tests.ingest.bench_import``; prints wall time and peak
traced memory for each import, plus locator and anchor look-ups on the
big text.  Inputs are generated into a temporary folder.
"""

from __future__ import annotations

import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from briefing.ingest import import_file, locator_for, resolve, sequential_ids
from tests.ingest.builders import make_pdf

PARAGRAPH = (
    "Shipping through the northern strait slowed for a third week as insurers raised "
    "premiums, port officials said, while grain exporters looked for longer routes. "
)


def _measure(label: str, work: Callable[[], object]) -> object:
    tracemalloc.start()
    started = time.perf_counter()
    result = work()
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<36} {elapsed:8.3f} s   peak {peak / 2**20:8.1f} MiB")
    return result


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.txt"
        count = 20 * 2**20 // (len(PARAGRAPH) + 1)
        big.write_text("\n".join(f"{n}. {PARAGRAPH}" for n in range(count)), encoding="utf-8")
        pdf = Path(folder) / "report.pdf"
        pages = [f"Page {n} of the report.\n{PARAGRAPH}\n{PARAGRAPH}" for n in range(1, 201)]
        pdf.write_bytes(make_pdf(pages))
        ids = sequential_ids(lambda _: False)
        print(f"text file: {big.stat().st_size / 2**20:.1f} MiB; PDF: 200 pages, "
              f"{pdf.stat().st_size / 2**10:.0f} KiB")
        items = _measure("import 20 MB text", lambda: import_file(big, new_id=ids))
        source = items[0].source  # type: ignore[index]
        _measure("import 200-page PDF", lambda: import_file(pdf, new_id=ids))
        offset = len(source.text) - 500
        _measure("locator at the end of 20 MB", lambda: locator_for(source, offset, offset + 40))
        quote = source.text[offset:offset + 60]
        edited = "Preface.\n" + source.text
        _measure("re-anchor moved quote in 20 MB", lambda: resolve(quote, edited, offset))


if __name__ == "__main__":
    main()
