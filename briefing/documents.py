"""Load and save a whole document by file type (.briefing or .json), Qt-free."""

from __future__ import annotations

from pathlib import Path

from briefing.core.document import Document
from briefing.core.errors import FileProblem
from briefing.store.jsonio import dump_json, load_json

SUFFIXES = (".briefing", ".json")


def load_document(path: str | Path) -> Document:
    """Read a .briefing (read-only) or briefing/v1 .json file into a Document."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        return load_json(path)
    if path.suffix.lower() != ".briefing" and not path.exists():
        raise FileProblem(path, "no such file")
    from briefing.store.database import Store

    store = Store.open(path, readonly=True)
    try:
        return store.document
    finally:
        store.close()


def save_document(doc: Document, path: str | Path) -> None:
    """Write *doc* as .briefing or .json, by suffix, atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        dump_json(doc, path)
    elif suffix == ".briefing":
        from briefing.store.database import write_briefing

        write_briefing(doc, path)
    else:
        raise FileProblem(
            path,
            f"cannot save a document as {suffix or 'a file without suffix'}; "
            "use .briefing or .json",
        )
