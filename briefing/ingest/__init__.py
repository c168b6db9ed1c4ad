"""Turning files into Sources, and tying excerpts to exact passages.

Public entry points:

- :func:`import_file` / :func:`import_bytes` / :func:`import_into` — .txt .md
  .html .htm .docx .pdf, CSL-JSON (.json) and BibTeX (.bib) → Sources with
  provenance and original bytes; :func:`from_paste` for clipboard text.
- :func:`locator_for` — "para. 4" / "p. 12" for a character range.
- :func:`resolve_citation`, :func:`reanchor`, :func:`cite_range` — excerpt anchors.
- :func:`suggest_attribution` — who is speaking in a selected passage.
"""

from briefing.core.lazy import lazy_exports

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

__getattr__, __dir__ = lazy_exports(__name__, _WHERE, globals())
