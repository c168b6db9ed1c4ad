"""Shared fixtures for the ingest tests: paths, the seed article, id makers."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ingest import sequential_ids

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "news-article.txt"
IMPORTED = "2025-12-20T09:30:00+00:00"


@pytest.fixture
def new_id():
    return sequential_ids(lambda _: False)


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED
