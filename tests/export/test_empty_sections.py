"""Empty sections: a warning in the checks, and no bare headings in exports unless kept."""

from __future__ import annotations

from pathlib import Path

from briefing.checks import run_checks
from briefing.core.document import Document
from briefing.core.model import Block, BriefingInfo, Claim, Section
from briefing.export import ExportOptions, build_ir, export_document
from briefing.export.ir import Heading


def _document() -> Document:
    claim = Claim(id="c1", text="Talks continue.", kind="assumption")
    sections = [
        Section(id="k1", title="Key Judgments", blocks=(Block.for_claim("c1"),)),
        Section(id="k2", title="Outlook"),
        Section(id="k3", title="Background", sections=(
            Section(id="k4", title="Early days", sections=(Section(id="k5", title="Deeper"),)),
            Section(id="k6", title="Since 2022", blocks=(Block.prose("A paragraph."),)),
        )),
        Section(id="k7", title="Blank prose only", blocks=(Block.prose("   "),)),
    ]
    return Document(BriefingInfo(title="T"), [], [claim], sections)


def _headings(options: ExportOptions | None = None) -> list[tuple[int, str]]:
    ir = build_ir(_document(), options)
    return [(h.level, h.text) for h in ir.body if isinstance(h, Heading)]


def test_exports_leave_out_empty_headings() -> None:
    assert _headings() == [(1, "Key Judgments"), (1, "Background"), (2, "Since 2022")]


def test_kept_on_request() -> None:
    assert _headings(ExportOptions(keep_empty_sections=True)) == [
        (1, "Key Judgments"), (1, "Outlook"), (1, "Background"), (2, "Early days"),
        (3, "Deeper"), (2, "Since 2022"), (1, "Blank prose only"),
    ]


def test_the_check_names_each_outermost_empty_section() -> None:
    found = [f for f in run_checks(_document()) if f.rule == "empty-section"]
    assert [f.targets["section"] for f in found] == ["k2", "k4", "k7"]
    assert found[0].severity == "warning"
    assert found[0].message == (
        "Section 'Outlook' has nothing in it; exports leave its heading out unless you "
        "choose to keep empty sections."
    )


def test_markdown_export_and_cli_option(tmp_path: Path) -> None:
    from briefing.cli import main
    from briefing.store.jsonio import dump_json

    source = tmp_path / "doc.json"
    dump_json(_document(), source)
    out = tmp_path / "out.md"
    assert main(["export", str(source), "-o", str(out)]) == 0
    assert "Outlook" not in out.read_text(encoding="utf-8")
    assert main(["export", str(source), "-o", str(out), "--keep-empty-sections"]) == 0
    assert "## Outlook" in out.read_text(encoding="utf-8")
    assert export_document(_document(), tmp_path / "o.docx").exists()
