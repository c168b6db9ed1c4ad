"""Hypothesis strategies that damage valid inputs: bytes, zip members and JSON trees.

Seeds are valid files of every importable type, built in our own words
(:mod:`tests.ingest.builders`, the ingest fixtures) plus briefing/v1 JSON.
A damaged input is a seed truncated, with bytes flipped, a span deleted,
duplicated or spliced with syntax characters; a .docx may instead keep a
valid zip around one damaged part; JSON may instead have one value of its
tree replaced by an arbitrary JSON value.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from tests.ingest import builders
from tests.reliability.helpers import HOSTILE_PAGE

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "ingest" / "fixtures"
SYNTAX = list(b"{}[]()<>@,=:;\"'\\/&#%!?-*\x00\xff\n")


def _seeds() -> dict[str, bytes]:
    library = (FIXTURES / "library.json").read_bytes()
    return {
        "seed.docx": builders.make_docx(),
        "seed.pdf": builders.make_pdf(),
        "seed.html": (FIXTURES / "ferry-article.html").read_bytes(),
        "hostile.html": HOSTILE_PAGE,
        "seed.bib": (FIXTURES / "library.bib").read_bytes(),
        "seed.json": library,
        "seed.csl": library,
        "seed.md": (FIXTURES / "notes.md").read_bytes(),
    }


SEEDS = _seeds()
BRIEFING_JSON = {
    "sample": (REPO / "resources" / "samples" / "sample.json").read_text(encoding="utf-8"),
    "small": (REPO / "tests" / "export" / "fixtures" / "small.json").read_text(encoding="utf-8"),
}


@st.composite
def damaged_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """*data* truncated, flipped, cut, repeated or spliced (1-3 times)."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 3))):
        if not out:
            break
        how = draw(st.sampled_from(["truncate", "flip", "delete", "repeat", "splice"]))
        i = draw(st.integers(0, len(out) - 1))
        j = draw(st.integers(i, min(len(out), i + 4096)))
        if how == "truncate":
            del out[i:]
        elif how == "flip":
            out[i] = draw(st.integers(0, 255))
        elif how == "delete":
            del out[i:j]
        elif how == "repeat":
            out[j:j] = out[i:j] * draw(st.integers(1, 50))
        else:
            out[i:i] = bytes(draw(st.lists(st.sampled_from(SYNTAX), min_size=1, max_size=40)))
    return bytes(out)


@st.composite
def damaged_docx(draw: st.DrawFn) -> bytes:
    """A valid zip whose one XML part is damaged (reaches the XML parser, not just unzip)."""
    with zipfile.ZipFile(io.BytesIO(SEEDS["seed.docx"])) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    name = draw(st.sampled_from(sorted(n for n in parts if n.endswith((".xml", ".rels")))))
    if draw(st.booleans()):
        parts[name] = draw(damaged_bytes(parts[name]))
    else:
        del parts[name]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for part, data in parts.items():
            package.writestr(part, data)
    return out.getvalue()


@st.composite
def damaged_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """(file name, damaged bytes) for any importable type."""
    name = draw(st.sampled_from(sorted(SEEDS)))
    if name.endswith(".docx") and draw(st.booleans()):
        return name, draw(damaged_docx())
    return name, draw(damaged_bytes(SEEDS[name]))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


def _containers(tree: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of every value in *tree* (root excluded)."""
    found = []
    items = (
        tree.items()
        if isinstance(tree, dict)
        else enumerate(tree)
        if isinstance(tree, list)
        else ()
    )
    for key, value in items:
        found.append((*path, key))
        found.extend(_containers(value, (*path, key)))
    return found


@st.composite
def damaged_json_tree(draw: st.DrawFn, text: str) -> str:
    """*text* (JSON) with one value anywhere in its tree replaced by another JSON value."""
    tree = json.loads(text)
    path = draw(st.sampled_from(_containers(tree)))
    parent = tree
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = draw(json_values)
    return json.dumps(tree, ensure_ascii=draw(st.booleans()))


@st.composite
def damaged_briefing_json(draw: st.DrawFn) -> str:
    text = BRIEFING_JSON[draw(st.sampled_from(sorted(BRIEFING_JSON)))]
    if draw(st.booleans()):
        return draw(damaged_json_tree(text))
    return draw(damaged_bytes(text.encode("utf-8"))).decode("utf-8", "replace")


@st.composite
def damaged_csl(draw: st.DrawFn) -> tuple[str, bytes]:
    text = SEEDS["seed.json"].decode("utf-8")
    return draw(st.sampled_from(["tree.json", "tree.csl"])), draw(damaged_json_tree(text)).encode()
