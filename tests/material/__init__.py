"""The project's own test material (see README.md), and the one way to reach ../shared.

Tests read real-looking sources from here.  The team's shared seed article,
``../shared/seed/news-article.txt``, is not part of the repository: a test may
use it only as an extra case, through :func:`shared_seed`, which skips the test
cleanly when the file is not beside the clone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

MATERIAL = Path(__file__).resolve().parent
REPO = MATERIAL.parents[1]
ARTICLE = MATERIAL / "news-article.txt"
TRANSCRIPT = MATERIAL / "transcript.txt"
REPORT = MATERIAL / "report.md"
SHARED_SEED = REPO.parent / "shared" / "seed" / "news-article.txt"

# Landmarks of ARTICLE, read off the text by hand.
QUOTE = "The numbers have always told us the river is shrinking"
QUOTE_SPEAKER = "Sen. Ada Morrow"
QUOTE_PARAGRAPH = 4
FIRST_WORDS = "Government hydrologists continue to assess"
LAST_WORDS = "had not answered requests for comment by Sunday evening."


def article_text() -> str:
    """The project's news article, exactly as stored."""
    return ARTICLE.read_text(encoding="utf-8")


def shared_seed() -> Path:
    """``../shared/seed/news-article.txt``, or skip the calling test when it is absent."""
    if not SHARED_SEED.is_file():
        pytest.skip(f"extra case: shared seed article not found at {SHARED_SEED}")
    return SHARED_SEED


def has_shared_seed() -> bool:
    """Whether the shared seed article is beside the clone (for ``skipif`` marks)."""
    return SHARED_SEED.is_file()
