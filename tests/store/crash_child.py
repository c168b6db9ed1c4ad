"""Child process for the kill -9 test: makes changes and flushes each one, forever.

Each change is one Batch: a source whose title states its text's length and
hash, a claim citing it, and the claim's placement.  Run as
``python -m tests.store.crash_child FILE SEED``.
"""

from __future__ import annotations

import hashlib
import random
import sys

from briefing.core import ops
from briefing.core.model import Block, Citation, Claim, Source
from briefing.store.database import Store


def change(store: Store, n: int, rng: random.Random) -> None:
    text = "".join(rng.choice("abc de\n") for _ in range(rng.randint(10, 400_000)))
    digest = hashlib.sha256(text.encode()).hexdigest()
    source = Source(f"s{n}", f"{len(text)} {digest}", text=text)
    claim = Claim(f"c{n}", f"claim {n}", citations=(Citation(source.id, quote=text[:5]),))
    store.document.apply(
        ops.Batch(
            (
                ops.InsertSource(source, original=text.encode()[:1000]),
                ops.InsertClaim(claim),
                ops.InsertBlock("k1", None, Block.for_claim(claim.id)),
            )
        )
    )
    if rng.random() < 0.3 and n > 2:
        store.document.update_claim(f"c{n - 1}", text=f"claim {n - 1} edited")
    store.flush()


def main() -> None:
    path, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    store = Store.open(path)
    n = len(store.document.sources)
    print("ready", flush=True)
    while True:
        change(store, n, rng)
        n += 1


if __name__ == "__main__":
    main()
