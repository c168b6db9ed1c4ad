"""`make bench`: every figure of DESIGN §6 / issue 9, one line each, and docs/benchmarks.md.

``python -m benchmarks`` runs the whole suite (a few minutes);
``python -m benchmarks --quick`` runs every figure on small inputs (a check
that the suite works, not a measurement) and does not write the report.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from benchmarks import (
    attribution_bench,
    checks_bench,
    deps_bench,
    editor_bench,
    export_bench,
    ingest_bench,
    received_bench,
    responsive_bench,
    review_bench,
    store_bench,
)
from benchmarks.harness import Figure
from benchmarks.report import write_report

Stage = Callable[[Path], Iterable[Figure | str]]


def full_stages() -> list[Stage]:
    large = "large.briefing"
    return [
        lambda tmp: [store_bench.large_document(tmp / large)],
        lambda tmp: store_bench.store_figures(tmp / large),
        lambda tmp: editor_bench.start_figures(
            editor_bench.write_sample(tmp / "sample.briefing"), tmp / large
        ),
        lambda tmp: responsive_bench.edit_figures(tmp / large),
        lambda tmp: checks_bench.checks_figures(),
        lambda tmp: checks_bench.render_figures(),
        lambda tmp: responsive_bench.preview_figures(),
        lambda tmp: ingest_bench.import_figures(tmp),
        lambda tmp: export_bench.export_figures(tmp),
        lambda tmp: export_bench.pdf_figures(tmp),
        lambda tmp: deps_bench.validator_figures(),
        lambda tmp: deps_bench.anchor_figures(),
        lambda tmp: attribution_bench.attribution_figures(),
        lambda tmp: review_bench.review_figures(tmp),
        lambda tmp: received_bench.received_figures(tmp / large, tmp),
    ]


def quick_stages() -> list[Stage]:
    """Every figure function on tiny inputs (used by tests/test_benchmarks_smoke.py)."""
    large = "large.briefing"
    return [
        lambda tmp: [store_bench.large_document(tmp / large, 40, 10, 4)],
        lambda tmp: store_bench.store_figures(tmp / large, repeat=1, searches=1),
        lambda tmp: editor_bench.start_figures(
            editor_bench.write_sample(tmp / "sample.briefing"),
            tmp / large,
            1,
            1,
            warmup=False,
            settle_ms=50,
        ),
        lambda tmp: responsive_bench.edit_figures(tmp / large, runs=1, watch_s=0.2),
        lambda tmp: checks_bench.checks_figures(40, 5, repeat=1),
        lambda tmp: checks_bench.render_figures(20, repeat=1),
        lambda tmp: responsive_bench.preview_figures(10, probes=1, runs=1),
        lambda tmp: ingest_bench.import_figures(tmp, megabytes=1, pages=3, repeat=1),
        lambda tmp: export_bench.export_figures(tmp, ((10, 1),)),
        lambda tmp: export_bench.pdf_figures(tmp, 10, 1),
        lambda tmp: deps_bench.validator_figures(20, 5, repeat=1),
        lambda tmp: deps_bench.anchor_figures(4, 3, repeat=1),
        lambda tmp: attribution_bench.attribution_figures(megabytes=1, suggestions=3),
        lambda tmp: review_bench.review_figures(tmp, 20, 5, 5, runs=1),
        lambda tmp: received_bench.received_figures(tmp / large, tmp, repeat=1, entries=50,
                                                    megabytes=1),
    ]


def run(stages: list[Stage], echo: Callable[[str], None] = print) -> list[Figure | str]:
    entries: list[Figure | str] = []
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as name, _own_config(Path(name)):
        for stage in stages:
            for entry in stage(Path(name)):
                echo(entry.line() if isinstance(entry, Figure) else f"-- {entry}")
                entries.append(entry)
    return entries


@contextlib.contextmanager
def _own_config(scratch: Path) -> Iterator[None]:
    """One Briefing configuration (origin key) for the bench and every probe it starts:
    the documents the bench writes are then the analyst's own in each probe, which opens
    them for editing (a fresh key per probe opened them read-only, in Protected mode, and
    the edit probe waited on the refusal dialog), and the user's own key is never touched."""
    from briefing.store.provenance import CONFIG_ENV

    before = os.environ.get(CONFIG_ENV)
    os.environ[CONFIG_ENV] = str(scratch / "briefing-config")
    try:
        yield
    finally:
        if before is None:
            del os.environ[CONFIG_ENV]
        else:
            os.environ[CONFIG_ENV] = before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny inputs; no report")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    entries = run(
        quick_stages() if args.quick else full_stages(), lambda line: print(line, flush=True)
    )
    elapsed = time.perf_counter() - began
    if not args.quick:
        path = write_report(entries, elapsed)
        print(f"wrote {path} in {elapsed / 60:.1f} min")
    missed = [e.name for e in entries if isinstance(e, Figure) and e.verdict == "MISSED"]
    print(f"{len(missed)} target(s) missed" + (": " + "; ".join(missed) if missed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
