"""Dependency figures: why each library that has a peer in the same process is the one used.

- JSON-schema validation of a valid large document: fastjsonschema (compiled, every
  open and every checks run on a .json file) against jsonschema (interpreted).  jsonschema
  is kept only for invalid files, where it lists every problem with its JSON path;
  fastjsonschema stops at the first.
- Fuzzy re-anchoring of reworded quotes: rapidfuzz's alignment (what ingest/anchors.py
  uses) against the windowed difflib alignment it replaced, on the same windows.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from difflib import SequenceMatcher
from unittest import mock

from benchmarks.generate import synthetic_document
from benchmarks.harness import Figure, measure
from briefing.ingest import anchors
from briefing.store import jsonio


def validator_figures(claims: int = 5000, sources: int = 1000, repeat: int = 5) -> Iterator[
    Figure | str
]:
    data = jsonio.document_to_dict(synthetic_document(claims, sources, 4))
    fast, full = jsonio._fast_validator(), jsonio._validator()
    ours = measure(lambda: fast(data), repeat, warmup=1)
    peer = measure(lambda: full.validate(data), repeat, warmup=1)
    yield Figure(f"schema-validate a valid {claims:,}-claim document (fastjsonschema)", ours,
                 peer_runs=peer, peer_name="jsonschema")
    broken = {**data, "claims": [dict(c, kind="opinion") for c in data["claims"][:5]]}
    problems = len(list(full.iter_errors(broken)))
    yield (f"an invalid document with 5 bad claims: jsonschema lists {problems} problems "
           "with paths; fastjsonschema stops at the first")


def difflib_align(quote: str, text: str, lo: int, hi: int) -> tuple[float, int, int]:
    """The alignment anchors.py used before rapidfuzz (difflib's matching blocks)."""
    window = text[lo:hi]
    matcher = SequenceMatcher(None, quote, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3] or [
        b for b in matcher.get_matching_blocks() if b.size
    ]
    if not blocks:
        return 0.0, lo, lo
    start = lo + max(0, blocks[0].b - blocks[0].a)
    last = blocks[-1]
    end = lo + min(len(window), last.b + last.size + (len(quote) - last.a - last.size))
    start, end = anchors._trim(text, start, end)
    return SequenceMatcher(None, quote, text[start:end], autojunk=False).ratio(), start, end


def _reworded(count: int, sources: int) -> tuple[str, list[tuple[str, int]]]:
    """A long text with *count* passages reworded since they were quoted: (text, quotes)."""
    doc = synthetic_document(10, sources, 20)
    text = "\n\n".join(s.text for s in doc.sources)
    rng = random.Random(5)
    quotes, edited = [], text
    for start in sorted(rng.sample(range(0, len(text) - 400, 400), count), reverse=True):
        quote = text[start:start + 120]
        words = quote.split(" ")
        words[len(words) // 2] = "reworded"
        edited = edited[:start] + " ".join(words) + edited[start + 120:]
        quotes.append((quote, start))
    return edited, quotes


def anchor_figures(count: int = 60, sources: int = 40, repeat: int = 5) -> Iterator[Figure]:
    text, quotes = _reworded(count, sources)

    def reanchor_all() -> None:
        for quote, start in quotes:
            anchors.resolve(quote, text, start, start + len(quote))

    found = [anchors.resolve(q, text, s, s + len(q)).status for q, s in quotes]
    fuzzy = sum(status is anchors.AnchorStatus.FUZZY for status in found)
    ours = measure(reanchor_all, repeat, warmup=1)
    with mock.patch.object(anchors, "_align", difflib_align):
        peer = measure(reanchor_all, repeat, warmup=1)
    yield Figure(f"re-anchor {count} reworded quotes, {len(text) // 1000} KB (rapidfuzz)", ours,
                 peer_runs=peer, peer_name="difflib")
    yield f"reworded quotes found as fuzzy anchors: {fuzzy} of {count}"
