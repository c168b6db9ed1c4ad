"""Store figures: open a large .briefing to a ready Document, full-text search."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.generate import synthetic_document
from benchmarks.harness import Figure, measure
from briefing.store.database import Store, write_briefing

OPEN_TARGET = 0.3
SEARCH_TARGET = 0.02
QUERIES = ("ceasefire", "guarantees frontline", "envoy talks", "secur", "the", "kalomi")
"""Common and rare words, a two-word query, a prefix, a stop word, a pseudo-word."""


def large_document(
    path: Path, claims: int = 5000, sources: int = 1000, paragraphs: int = 40
) -> str:
    """Write the large .briefing (1,000 sources of ~20 KB, 5,000 claims); describe it."""
    doc = synthetic_document(claims, sources, paragraphs)
    size_mb = sum(len(s.text) for s in doc.sources) / 1e6
    path.unlink(missing_ok=True)
    write_briefing(doc, path)
    return (
        f"large document: {sources:,} sources ({size_mb:.1f} MB text), {claims:,} claims, "
        f".briefing file {path.stat().st_size / 1e6:.1f} MB"
    )


def store_figures(path: Path, repeat: int = 5, searches: int = 20) -> Iterator[Figure]:
    def open_times() -> list[float]:
        """Open to a ready Document; closing it and freeing the previous one (≈ 100,000
        objects) is not what a user waits for, so it happens outside the timing."""
        runs = []
        for _ in range(repeat + 1):  # the first one warms up
            gc.collect()
            began = time.perf_counter()
            store = Store.open(path, readonly=True)
            runs.append(time.perf_counter() - began)
            store.close()
            del store
        return runs[1:]

    yield Figure("open large .briefing to a ready Document", open_times(), target=OPEN_TARGET)
    store = Store.open(path, readonly=True)
    try:
        for query in QUERIES:
            yield Figure(
                f"full-text search {query!r}",
                measure(lambda q=query: store.search(q), searches, warmup=1),
                target=SEARCH_TARGET,
            )
    finally:
        store.close()
