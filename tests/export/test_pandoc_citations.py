"""``--citations pandoc``: [@key, {locator}, attribution; Grade] plus OUT.csl.json.

Every export is rendered by pandoc itself (``--citeproc``); a citation whose
key pandoc misreads or cannot find in the CSL-JSON is a warning, hence a
failure.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pypandoc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.core.document import Document
from briefing.core.errors import FileProblem
from briefing.core.model import Block, BriefingInfo, Citation, Claim, Section, Source
from briefing.export import ExportOptions, build_ir, export_document
from briefing.export.csl import bibliography_path
from briefing.export.ir import Paragraph
from briefing.export.sanitize import clean_line, collapse
from tests.export.expect import small_document
from tests.strategies import documents, hostile_text

PANDOC = ExportOptions(citations="pandoc", bibliography="file")


def render(markdown: Path, to: str = "json", *, bibliography: bool = True) -> str:
    """pandoc's (pypandoc-binary's) rendering of *markdown* with citeproc.

    Any warning fails the test, except the default style's deliberate silence
    about personal communications (an interview with no publisher, outlet or
    URL gets no bibliography entry in Chicago author-date; it is still cited).
    Without *bibliography* pandoc finds the CSL-JSON through the front matter,
    relative to its working directory (the export's folder, as a user runs it).
    """
    args = [pypandoc.get_pandoc_path(), markdown.name, "-f", "markdown", "-t", to, "--citeproc"]
    if bibliography:
        args += ["--bibliography", str(bibliography_path(markdown))]
    done = subprocess.run(args, capture_output=True, text=True, cwd=markdown.parent, check=True)
    warnings = [
        line
        for line in done.stderr.splitlines()
        if line.strip() and "Bibliography entry with no printed form" not in line
    ]
    assert warnings == []
    return done.stdout


def _text(inlines: list[dict[str, Any]]) -> str:
    out = []
    for item in inlines:
        kind, content = item["t"], item.get("c")
        if kind == "Str":
            out.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind in ("Emph", "Strong", "SmallCaps", "Superscript", "Subscript", "Underline"):
            out.append(_text(content))
        elif kind in ("Span", "Link", "Cite"):
            out.append(_text(content[1]))
        elif kind == "Quoted":
            out.append("\u201c" + _text(content[1]) + "\u201d")
        elif kind in ("Code", "RawInline", "Math"):
            out.append(content[1])
    return "".join(out)


def cited_paragraphs(ast: dict[str, Any]) -> list[tuple[str, list[str], str]]:
    """(text before the citation, citation ids, rendered citation) of each cited Para."""
    found = []
    for block in ast["blocks"]:
        if block["t"] != "Para":
            continue
        cites = [i for i in block["c"] if i["t"] == "Cite"]
        if not cites:
            continue
        (cite,) = cites
        before = block["c"][: block["c"].index(cite)]
        ids = [c["citationId"] for c in cite["c"][0]]
        found.append((collapse(_text(before)), ids, collapse(_text(cite["c"][1]))))
    return found


def expected_citations(doc: Document, keys: dict[str, str]) -> list[tuple[str, list[str]]]:
    ir = build_ir(doc, PANDOC)
    notes = {n.number: n for n in ir.notes}
    return [
        (collapse(p.display_text), [keys[notes[n].source_id] for n in p.notes])
        for p in ir.body
        if isinstance(p, Paragraph) and p.notes
    ]


def csl_keys(markdown: Path) -> dict[str, str]:
    """CSL id by title, and the id list, from the bibliography beside *markdown*."""
    items = json.loads(bibliography_path(markdown).read_text(encoding="utf-8"))
    return {item["id"]: item for item in items}


def test_small_briefing_renders_every_citation_with_attribution_and_grade(tmp_path: Path) -> None:
    out = export_document(small_document(), tmp_path / "brief.md", options=PANDOC)
    text = out.read_text(encoding="utf-8")
    assert "[^" not in text and "bibliography: " in text
    items = csl_keys(out)
    assert list(items) == ["portlog", "radio"]
    found = cited_paragraphs(json.loads(render(out)))
    assert [(before, ids) for before, ids, _ in found] == [
        ("(U) Full capacity is likely within two weeks.", ["portlog", "radio"]),
        ("(U) Two berths reopened on 18 December.", ["portlog"]),
    ]
    first, second = found[0][2], found[1][2]
    assert "para. 2, dredging contractor; Grade B" in first
    assert "at 07:40, a pilot, caller; Grade C3" in first
    assert "para. 1, duty harbour master; Grade B2" in second
    plain = render(out, "plain", bibliography=False)  # the front matter names the file
    assert "Harbour Master Daily Log" in plain and "???" not in plain


def test_csl_items_map_source_fields(tmp_path: Path) -> None:
    source = Source(
        id="s1",
        key="smith2025",
        kind="article",
        title="Ports  after\x0bstorms",
        authors=("Jane Q. Smith", "van der Berg, Anna", "Harbour Research Institute"),
        container="Journal of Harbours",
        publisher="Sea Press",
        published="2025-03",
        accessed="2025-12-20",
        url="javascript:alert(1)",
        doi="https://doi.org/10.1000/xyz",
    )
    doc = _one_claim_document([source], [Citation("s1", locator="p. 4")])
    out = export_document(doc, tmp_path / "a.md", options=PANDOC)
    (item,) = csl_keys(out).values()
    assert item == {
        "id": "smith2025",
        "citation-key": "smith2025",
        "type": "article-journal",
        "title": "Ports after storms",
        "author": [
            {"family": "Smith", "given": "Jane Q."},
            {"family": "van der Berg", "given": "Anna"},
            {"literal": "Harbour Research Institute"},
        ],
        "container-title": "Journal of Harbours",
        "publisher": "Sea Press",
        "DOI": "10.1000/xyz",
        "issued": {"date-parts": [[2025, 3]]},
        "accessed": {"date-parts": [[2025, 12, 20]]},
    }
    (cited,) = cited_paragraphs(json.loads(render(out)))
    assert "Smith" in cited[2] and "2025" in cited[2]


ODD_KEYS = ["Smith & Co: 2020!", "smith-co-2020", "SMITH-CO-2020", "Ünïcode–key", "[@x]", "", "..."]


def test_odd_keys_are_sanitized_unique_and_found_by_pandoc(tmp_path: Path) -> None:
    sources = [
        Source(id=f"s{i}", key=key, title=f"Report {i}", published="2025")
        for i, key in enumerate(ODD_KEYS)
    ]
    citations = [Citation(f"s{i}", locator="para. 1") for i in range(len(ODD_KEYS))]
    out = export_document(
        _one_claim_document(sources, citations), tmp_path / "k.md", options=PANDOC
    )
    keys = list(csl_keys(out))
    assert keys == [
        "Smith-Co-2020",
        "smith-co-2020-2",
        "SMITH-CO-2020-3",
        "Unicode-key",
        "x",
        "s5",
        "source",
    ]
    assert len({k.casefold() for k in keys}) == len(keys)
    ((_, ids, rendered),) = cited_paragraphs(json.loads(render(out)))
    assert ids == keys
    for i in range(len(ODD_KEYS)):
        assert f"Report {i}" in rendered


def test_hostile_attribution_and_locator_stay_inside_their_citation(tmp_path: Path) -> None:
    attribution = "Rep. A; B [@other] {x} *y* $z$ 50% ~ a\\b"
    citations = [
        Citation("s1", locator="para. 3]; @s2 {", attribution=attribution, credibility="2"),
        Citation("s2", locator="§ 4(b)", attribution="aide"),
    ]
    sources = [
        Source(id="s1", key="one", title="First", reliability="B", published="2025"),
        Source(id="s2", key="two", title="Second", published="2024"),
    ]
    doc = _one_claim_document(sources, citations)
    out = export_document(doc, tmp_path / "h.md", options=PANDOC)
    ((before, ids, rendered),) = cited_paragraphs(json.loads(render(out)))
    assert before == "Claim with *stars* and [@two] inside."
    assert ids == ["one", "two"]
    assert f"para. 3]; @s2 {{; {attribution}; Grade B2" in rendered  # locator moved to suffix
    assert "4(b), aide" in rendered  # citeproc reads "§" as the section label


def test_other_formats_refuse_pandoc_citations_without_writing(tmp_path: Path) -> None:
    for name in ("x.docx", "x.html"):
        with pytest.raises(FileProblem, match=r"Markdown \(\.md\)"):
            export_document(small_document(), tmp_path / name, options=PANDOC)
    with pytest.raises(FileProblem, match="'notes' or 'pandoc'"):
        export_document(
            small_document(), tmp_path / "x.md", options=ExportOptions(citations="apa")
        )
    assert list(tmp_path.iterdir()) == []


def test_markdown_and_bibliography_are_written_together_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "pair.md"
    out.write_text("old md")
    bibliography_path(out).write_text("old csl")
    real_replace = __import__("os").replace

    def failing_replace(src: object, dst: object) -> None:
        if str(dst) == str(out):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr("briefing.export.outputs.os.replace", failing_replace)
    with pytest.raises(FileProblem, match="no space left"):
        export_document(small_document(), out, options=PANDOC)
    assert out.read_text() == "old md"
    assert bibliography_path(out).read_text() == "old csl"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pair.csl.json", "pair.md"]
    monkeypatch.undo()
    export_document(small_document(), out, options=PANDOC)
    assert "@portlog" in out.read_text() and "portlog" in bibliography_path(out).read_text()


def _one_claim_document(sources: list[Source], citations: list[Citation]) -> Document:
    claim = Claim(
        id="c1", text="Claim with *stars* and [@two] inside.", citations=tuple(citations)
    )
    section = Section(id="k1", title="Body", blocks=(Block.for_claim("c1"),))
    return Document(BriefingInfo(title="Keys"), sources, [claim], [section])


@st.composite
def hostile_citing_documents(draw: st.DrawFn) -> Document:
    """documents() with hostile (and clashing) source keys, locators and attributions."""
    doc = draw(documents())
    sources, used = [], set()
    for source in doc.sources:
        key = draw(st.one_of(hostile_text, st.sampled_from(["k!", "k?", "K", "Ünï"])))
        key = key if key.strip() not in used else f"{key}{len(used)}"
        used.add(key.strip())
        sources.append(replace(source, key=key))
    claims = [
        replace(
            c,
            citations=tuple(
                replace(x, locator=draw(st.one_of(hostile_text, st.just("pp. 3–4"))))
                for x in c.citations
            ),
        )
        for c in doc.claims
    ]
    return Document(doc.info, sources, claims, doc.sections)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=hostile_citing_documents())
def test_any_document_cites_pandoc_style_and_every_citation_renders(doc: Document) -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = export_document(doc, Path(folder) / "doc.md", options=PANDOC)
        items = csl_keys(out)
        ast = json.loads(render(out))
    cited = {n.source_id for n in build_ir(doc).notes}
    assert len(items) == len(cited)
    keys = {s.id: k for s, k in zip(_first_cited(doc), items, strict=True)}
    found = cited_paragraphs(ast)
    assert [(before, ids) for before, ids, _ in found] == expected_citations(doc, keys)
    ir = build_ir(doc)
    notes = iter(ir.notes)
    for paragraph, (_, _, rendered) in zip(
        [p for p in ir.body if isinstance(p, Paragraph) and p.notes], found, strict=True
    ):
        for _ in paragraph.notes:
            note = next(notes)
            if note.attribution:
                assert clean_line(note.attribution) in rendered
            if note.grade:
                assert f"Grade {note.grade}" in rendered


def _first_cited(doc: Document) -> list[Source]:
    ids = dict.fromkeys(n.source_id for n in build_ir(doc).notes)
    return [doc.source(i) for i in ids]
