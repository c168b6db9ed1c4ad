"""Property tests draw the same examples on every ci run, and explore under fuzz."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DRAW = """
from hypothesis import given, settings, strategies as st
import tests.conftest  # registers and loads the profile
seen = []
@given(st.integers())
def probe(n):
    seen.append(n)
probe()
print(settings().derandomize, seen[:20])
"""


def _draws(profile: str) -> str:
    env = dict(os.environ, BRIEFING_HYPOTHESIS=profile, PYTHONPATH=str(REPO))
    env.pop("BRIEFING_FUZZ", None)
    done = subprocess.run([sys.executable, "-c", DRAW], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_ci_profile_repeats_its_examples_and_dev_explores() -> None:
    first, second = _draws("ci"), _draws("ci")
    assert first.startswith("True ") and first == second
    explored = {_draws("dev") for _ in range(2)}
    assert all(d.startswith("False ") for d in explored) and len(explored) == 2
