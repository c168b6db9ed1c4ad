"""Turning files into Sources, and tying excerpts to exact passages.

Public entry points:

- :func:`import_file` / :func:`import_bytes` / :func:`import_into` — .txt .md
  .html .htm .docx .pdf, CSL-JSON (.json) and BibTeX (.bib) → Sources with
  provenance and original bytes; :func:`from_paste` for clipboard text.
- :func:`locator_for` — "para. 4" / "p. 12" for a character range.
- :func:`resolve_citation`, :func:`reanchor`, :func:`cite_range` — excerpt anchors.
- :func:`suggest_attribution` — who is speaking in a selected passage.
"""

from importlib import import_module
from typing import Any

# Names resolve on first use (PEP 562), so a caller that needs only anchors
# (``briefing check``) does not pay for pypdf, python-docx and bibtexparser.
_WHERE = {
    "Anchor": "anchors",
    "AnchorStatus": "anchors",
    "cite_range": "anchors",
    "reanchor": "anchors",
    "resolve": "anchors",
    "resolve_citation": "anchors",
    "Attribution": "attribution",
    "suggest_attribution": "attribution",
    "ImportCancelled": "common",
    "ImportedSource": "common",
    "sequential_ids": "common",
    "FORMATS": "importer",
    "from_paste": "importer",
    "import_bytes": "importer",
    "import_file": "importer",
    "import_format": "importer",
    "import_into": "importer",
    "suggest_key": "importer",
    "LocatorIndex": "locators",
    "locator_for": "locators",
    "paragraph_spans": "locators",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'briefing.ingest' has no attribute {name!r}")
    value = getattr(import_module(f"briefing.ingest.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
