"""Shared fixtures for the ingest tests: paths, id makers."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ingest import sequential_ids

FIXTURES = Path(__file__).resolve().parent / "fixtures"
IMPORTED = "2025-12-20T09:30:00+00:00"


@pytest.fixture
def new_id():
    return sequential_ids(lambda _: False)


@pytest.fixture
def seed_path(article_path: Path) -> Path:
    """The project's article, then ../shared's seed article as an extra case (skips if absent)."""
    return article_path
