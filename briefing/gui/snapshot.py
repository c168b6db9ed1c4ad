"""A consistent read-only copy of a Document for worker threads (preview, checks, export).

Records are immutable and the outline is a tuple, so copying the Document's
dicts (not the records) is enough: the copy costs a few milliseconds even for
thousands of claims, and edits made on the UI thread afterwards never reach it.
"""

from __future__ import annotations

from collections import Counter

from briefing.core.document import Document
from briefing.core.events import Emitter


def frozen_copy(doc: Document) -> Document:
    """A Document sharing *doc*'s records but none of its containers or listeners."""
    copy = object.__new__(type(doc))
    state = dict(vars(doc))
    for name, value in state.items():
        if isinstance(value, Counter):
            state[name] = Counter(value)
        elif isinstance(value, dict):
            state[name] = dict(value)
    state["events"] = Emitter()
    state["blob_loader"] = None  # the store's connection belongs to the UI thread
    state["_originals"] = {}
    vars(copy).update(state)
    return copy
