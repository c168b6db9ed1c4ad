"""Test-wide settings: hypothesis profiles, and the project's article as a fixture."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.material import ARTICLE, article_text, shared_seed

settings.register_profile(
    "default",
    deadline=None,
    max_examples=50,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("fuzz", deadline=None, max_examples=5000)
settings.load_profile("fuzz" if os.environ.get("BRIEFING_FUZZ") else "default")

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def seed_text() -> str:
    """The project's own news article (tests/material), the source most tests work from."""
    return article_text()


@pytest.fixture(params=["project", "shared"])
def article_path(request: pytest.FixtureRequest) -> Path:
    """The project's article, then ../shared's seed article as an extra case (skips if absent)."""
    return ARTICLE if request.param == "project" else shared_seed()
