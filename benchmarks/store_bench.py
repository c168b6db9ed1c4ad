"""Store figures: open a large .briefing to a ready Document, full-text search."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

from benchmarks.generate import synthetic_document
from benchmarks.harness import Figure, measure, peak_rss_mb
from briefing.store.database import Store, write_briefing

QUERIES = ("ceasefire", "guarantees frontline", "envoy talks", "secur", "the", "kalomi")


def store_figures(tmp: Path) -> Iterator[tuple[Figure | None, str]]:
    doc = synthetic_document(claims=5000, sources=1000, paragraphs=40)
    size_mb = sum(len(s.text) for s in doc.sources) / 1e6
    path = tmp / "large.briefing"
    write_briefing(doc, path)
    del doc
    gc.collect()
    yield (
        None,
        (
            f"large document: 1,000 sources ({size_mb:.1f} MB text), 5,000 claims, "
            f"file {path.stat().st_size / 1e6:.1f} MB"
        ),
    )

    def open_ready() -> None:
        Store.open(path, readonly=True).close()

    yield (
        Figure(
            "open 1,000 sources / 5,000 claims to a ready Document",
            measure(open_ready, 5),
            target=0.3,
        ),
        "",
    )
    store = Store.open(path, readonly=True)
    for query in QUERIES:
        yield (
            Figure(
                f"full-text search {query!r}",
                measure(lambda q=query: store.search(q), 20),
                target=0.02,
            ),
            "",
        )
    store.close()
    yield None, f"peak resident memory of the benchmark process: {peak_rss_mb():.0f} MB"
