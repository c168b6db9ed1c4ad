"""Test-wide settings: hypothesis profiles, and the project's article as a fixture."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

from tests.material import ARTICLE, article_text, shared_seed

# Hypothesis profiles.  "ci" (what `make test` and CI use, and the default) is
# derandomized: every run draws the same examples, so a red run reproduces exactly,
# and no example database is kept between runs.  "fuzz" (`make fuzz`) explores: random
# seeds, many more examples, failures remembered in .hypothesis/.  "dev" explores at
# the ci size, for a developer hunting new failures: BRIEFING_HYPOTHESIS=dev pytest.
_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile(
    "ci", deadline=None, max_examples=50, derandomize=True, database=None,
    suppress_health_check=_QUIET, print_blob=True,
)
# dev and fuzz say derandomize=False and name their database: a profile inherits the
# default settings, and where CI is set Hypothesis's defaults are its own derandomized,
# database-less "ci" settings (so under CI=true they silently stopped exploring).
settings.register_profile(
    "dev", deadline=None, max_examples=50, derandomize=False,
    database=DirectoryBasedExampleDatabase(".hypothesis/examples"),
    suppress_health_check=_QUIET,
)
settings.register_profile(
    "fuzz", deadline=None, max_examples=5000, derandomize=False,
    database=DirectoryBasedExampleDatabase(".hypothesis/examples"),
    suppress_health_check=_QUIET, print_blob=True,
)
PROFILE = "fuzz" if os.environ.get("BRIEFING_FUZZ") else os.environ.get("BRIEFING_HYPOTHESIS", "ci")
settings.load_profile(PROFILE)


def pytest_report_header() -> str:
    mode = "derandomized" if settings().derandomize else "random"
    return f"hypothesis profile: {PROFILE} ({mode})"


REPO = Path(__file__).resolve().parents[1]

# The origin key (briefing.store.provenance) of a test user, shared with the CLI and
# editor processes the tests start, never the real user's configuration folder.
os.environ["BRIEFING_CONFIG_DIR"] = tempfile.mkdtemp(prefix="briefing-test-config-")


@pytest.fixture
def seed_text() -> str:
    """The project's own news article (tests/material), the source most tests work from."""
    return article_text()


@pytest.fixture(params=["project", "seed"])
def article_path(request: pytest.FixtureRequest) -> Path:
    """The project's article, then ../shared's seed article as an extra case (skips if absent)."""
    return ARTICLE if request.param == "project" else shared_seed()
