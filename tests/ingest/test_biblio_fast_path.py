"""BibTeX fields without LaTeX skip the LaTeX converter and come out exactly the same."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text

from briefing.ingest.biblio import _latex, bibtex_entries

CONVERTER = LatexNodes2Text(math_mode="verbatim")


def _slow(value: str) -> str:
    text = CONVERTER.latex_to_text(value)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40))
def test_the_fast_path_equals_the_converter(value: str) -> None:
    assert _latex(value) == _slow(value)


def test_latex_is_still_converted_where_it_appears() -> None:
    assert _latex(r"M{\"u}ller") == "Müller"
    assert _latex("Ports -- and berths") == "Ports – and berths"
    assert _latex("50% of tonnage") == "50"  # a LaTeX comment, as before
    assert _latex("Sea~lanes") == "Sea lanes"
    assert _latex("Harbour Press") == "Harbour Press"


def test_a_library_of_repeated_fields_reads_every_entry(tmp_path: Path) -> None:
    text = "".join(
        f"@article{{k{i},\n  author = {{Smith, John and M{{\\\"u}}ller, Anna}},\n"
        f"  title = {{Port traffic {i}}},\n  journal = {{Journal of Harbours}},\n"
        f"  year = {{2024}}\n}}\n" for i in range(300))
    entries = bibtex_entries(text.encode(), tmp_path / "lib.bib")
    assert len(entries) == 300
    assert entries[299].title == "Port traffic 299"
    assert entries[5].authors == ("John Smith", "Anna Müller")
    assert entries[5].container == "Journal of Harbours"
