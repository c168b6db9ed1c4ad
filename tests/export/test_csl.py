"""CSL-JSON pieces: names, dates, keys (pandoc renders them in test_pandoc_citations)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core.model import Source
from briefing.export.csl import bibliography_path, citation_keys, csl_date, csl_name, sanitize_key
from tests.strategies import hostile_text


@pytest.mark.parametrize(
    ("name", "csl"),
    [
        ("Mike Quigley", {"family": "Quigley", "given": "Mike"}),
        ("Smith, John", {"family": "Smith", "given": "John"}),
        (
            "Ludwig van Beethoven",
            {"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
        ),
        (
            "Martin Luther King, Jr.",
            {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
        ),
        ("Reuters", {"literal": "Reuters"}),
        ("Port Authority Operations Desk", {"literal": "Port Authority Operations Desk"}),
        ("Ministry of Defence, Press Office", {"literal": "Ministry of Defence, Press Office"}),
        ("  Jane\x00  Doe ", {"family": "Doe", "given": "Jane"}),
    ],
)
def test_names_split_where_a_person_can_be_told(name: str, csl: dict[str, str]) -> None:
    assert csl_name(name) == csl


@pytest.mark.parametrize(
    ("text", "csl"),
    [
        ("2025", {"date-parts": [[2025]]}),
        ("2025-12", {"date-parts": [[2025, 12]]}),
        ("2025-12-18", {"date-parts": [[2025, 12, 18]]}),
        ("2025-12-18T07:40:00Z", {"date-parts": [[2025, 12, 18]]}),
        ("2025-13", {"literal": "2025-13"}),
        ("winter 2025", {"literal": "winter 2025"}),
        ("", None),
    ],
)
def test_partial_iso_dates_become_date_parts(text: str, csl: dict | None) -> None:
    assert csl_date(text) == csl


def test_bibliography_sits_beside_the_markdown() -> None:
    assert bibliography_path("out/report.md").as_posix() == "out/report.csl.json"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(hostile_text, st.sampled_from(["a", "A", "a!", "é"])), max_size=8))
def test_keys_are_pandoc_safe_and_unique(raw: list[str]) -> None:
    sources = [Source(id=f"s{i}", key=key) for i, key in enumerate(raw)]
    keys = citation_keys(sources)
    assert list(keys) == [s.id for s in sources]
    assert len({k.casefold() for k in keys.values()}) == len(sources)
    for key in keys.values():
        assert key == sanitize_key(key)  # already clean
        assert key[0].isascii() and (key[0].isalnum() or key[0] == "_")
        assert key[-1].isascii() and (key[-1].isalnum() or key[-1] == "_")
