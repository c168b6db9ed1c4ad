"""Test-wide settings: hypothesis profiles and paths to shared seed material."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "default",
    deadline=None,
    max_examples=50,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("fuzz", deadline=None, max_examples=5000)
settings.load_profile("fuzz" if os.environ.get("BRIEFING_FUZZ") else "default")

REPO = Path(__file__).resolve().parents[1]

# The origin key (briefing.store.provenance) of a test user, shared with the CLI and
# editor processes the tests start, never the real user's configuration folder.
os.environ["BRIEFING_CONFIG_DIR"] = tempfile.mkdtemp(prefix="briefing-test-config-")
SEED = REPO.parent / "shared" / "seed" / "news-article.txt"


@pytest.fixture
def seed_text() -> str:
    """The shared news article analysts typically work from."""
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED.read_text(encoding="utf-8")
