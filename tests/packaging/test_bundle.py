"""Smoke test of a built bundle (packaging/smoke_test.py), when one is named.

Building takes minutes, so `make test` does not build; `make package` runs the smoke
test itself.  To run it here: BRIEFING_BUNDLE=dist/Briefing pytest tests/packaging.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.packaging.conftest import PACKAGING

BUNDLE = os.environ.get("BRIEFING_BUNDLE")


@pytest.mark.slow
@pytest.mark.skipif(not BUNDLE, reason="set BRIEFING_BUNDLE to a built bundle folder")
def test_bundle_smoke() -> None:
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "smoke_test.py"), str(BUNDLE)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 failed" in result.stdout
