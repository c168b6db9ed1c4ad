"""Turning files into Sources, and tying excerpts to exact passages.

Public entry points:

- :func:`import_file` / :func:`import_bytes` / :func:`import_into` — .txt .md
  .html .htm .docx .pdf, CSL-JSON (.json) and BibTeX (.bib) → Sources with
  provenance and original bytes; :func:`from_paste` for clipboard text.
- :func:`locator_for` — "para. 4" / "p. 12" for a character range.
- :func:`resolve_citation`, :func:`reanchor`, :func:`cite_range` — excerpt anchors.
- :func:`suggest_attribution` — who is speaking in a selected passage.
"""

from briefing.ingest.anchors import (
    Anchor,
    AnchorStatus,
    cite_range,
    reanchor,
    resolve,
    resolve_citation,
)
from briefing.ingest.attribution import Attribution, suggest_attribution
from briefing.ingest.common import ImportCancelled, ImportedSource, sequential_ids
from briefing.ingest.importer import (
    FORMATS,
    from_paste,
    import_bytes,
    import_file,
    import_format,
    import_into,
    suggest_key,
)
from briefing.ingest.locators import LocatorIndex, locator_for, paragraph_spans

__all__ = [
    "FORMATS",
    "Anchor",
    "AnchorStatus",
    "Attribution",
    "ImportCancelled",
    "ImportedSource",
    "LocatorIndex",
    "cite_range",
    "from_paste",
    "import_bytes",
    "import_file",
    "import_format",
    "import_into",
    "locator_for",
    "paragraph_spans",
    "reanchor",
    "resolve",
    "resolve_citation",
    "sequential_ids",
    "suggest_attribution",
    "suggest_key",
]
