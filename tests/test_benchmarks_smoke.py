"""The benchmark suite cannot rot: every figure function runs on tiny inputs.

No timing is asserted; only that each stage yields well-formed figures and
that the report keeps its hand-written notes.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

pytest.importorskip("pypandoc")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.__main__ import quick_stages, run  # noqa: E402
from benchmarks.export_bench import _marginal  # noqa: E402
from benchmarks.generate import synthetic_document  # noqa: E402
from benchmarks.harness import Figure  # noqa: E402
from benchmarks.report import NOTES_HEADING, write_report  # noqa: E402


def test_generator_cites_exact_passages() -> None:
    doc = synthetic_document(claims=120, sources=4, paragraphs=3)
    assert len(doc.claims) == 120 and len(doc.sources) == 4
    assert len(doc.placed_claims()) >= 110  # the outline holds nearly every claim
    assert sum(c.kind == "judgment" for c in doc.claims) == 24
    for number, claim in enumerate(doc.claims):
        (citation,) = claim.citations
        text = doc.source(citation.source).text
        assert citation.quote in text
        shift = 3 if number % 50 == 0 else 0  # the planted moved anchors
        anchored = text[citation.start - shift : citation.end - shift]
        assert anchored == citation.quote


def test_every_figure_runs_on_tiny_inputs(tmp_path: Path) -> None:
    entries = run(quick_stages(), echo=lambda _line: None)
    figures = [e for e in entries if isinstance(e, Figure)]
    names = " ".join(f.name for f in figures)
    for expected in (
        "open large",
        "full-text search",
        "editor cold start to first paint, sample",
        "editor cold start to first paint, large",
        "editor resident memory",
        "checks on",
        "render_preview of",
        "preview first build",
        "preview refresh",
        "longest UI stall during that preview refresh",
        "longest UI stall after typing",
        "longest UI stall after moving",
        "import 1 MB text",
        "import 3-page PDF",
        ".json → .docx",
        ".briefing → .docx",
        ".json → .md",
        "read review (",
        "briefing review --json (",
    ):
        assert expected in names, expected
    for figure in figures:
        assert figure.runs and all(r > 0 for r in figure.runs), figure.name
        assert figure.line().startswith(figure.name)
    assert all(f.ratio and f.ratio > 0 for f in figures if "→ .docx" in f.name)

    report = tmp_path / "benchmarks.md"
    report.write_text(f"stale generated part\n{NOTES_HEADING}\n\nkept by hand\n", encoding="utf-8")
    write_report(entries, 1.0, report)
    text = report.read_text(encoding="utf-8")
    assert "kept by hand" in text and "stale generated" not in text.split(NOTES_HEADING)[0]
    assert "| editor cold start to first paint, sample |" in text


def test_marginal_cost_per_thousand_claims() -> None:
    (line,) = _marginal({1000: (1.0, 2.0), 10000: (4.6, 11.0)})
    assert "ours 400 ms" in line and "pandoc 1000 ms" in line and "600 ms fixed" in line


def test_verdicts() -> None:
    assert Figure("a", [0.1, 0.2, 0.3], target=0.25).verdict == "ok"
    assert Figure("a", [0.3], target=0.25).verdict == "MISSED"
    ratio = {"ratio_target": 0.5, "ratio_acceptable": 1.0, "peer_runs": [1.0]}
    assert Figure("a", [0.4], **ratio).verdict == "ok"
    assert Figure("a", [0.8], **ratio).verdict == "acceptable"
    assert Figure("a", [1.2], **ratio).verdict == "MISSED"
    assert Figure("m", [120.0], unit="MB").line().count("MB") >= 2


def test_stall_meter_finds_the_blocking_callback(qapp: object) -> None:
    from PySide6.QtCore import QObject, QTimer

    from benchmarks.stall import StallMeter, run_for

    meter = StallMeter(qapp)  # type: ignore[arg-type]
    owner = QObject()
    owner.setObjectName("blocker")
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(50)
    timer.timeout.connect(lambda: time.sleep(0.2))
    meter.start()
    began = time.perf_counter()
    timer.start()
    run_for(0.4)
    meter.close()
    stall = meter.longest(began, time.perf_counter())
    assert stall.seconds >= 0.2
    assert "Timer → QObject#blocker" in stall.cause
    assert stall.cpu < stall.seconds / 2  # asleep: waiting, not working
    assert stall.describe().startswith(f"{stall.seconds * 1000:.0f} ms")
    later = meter.longest(stall.began + stall.seconds, time.perf_counter(), after=True)
    assert later.began >= stall.began + stall.seconds


def test_review_bench_reads_what_it_planted(tmp_path: Path) -> None:
    from benchmarks.review_bench import review_figures

    entries = list(review_figures(tmp_path, claims=30, changes=10, comments=5, runs=1))
    assert entries[0] == "review of 30 claims: 15 items (5 comments)"
    figures = [e for e in entries if isinstance(e, Figure)]
    assert len(figures) == 2 and all(f.ratio and f.ratio > 0 for f in figures)



def test_the_edit_probe_edits_a_document_the_bench_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside the test suite's configuration (as under `make bench`) the probe still opens
    the bench's document for editing: it once opened it in Protected mode (another origin
    key) and hung on the refusal dialog until the 300-s timeout."""
    from benchmarks import responsive_bench, store_bench
    from briefing.store.provenance import CONFIG_ENV

    monkeypatch.delenv(CONFIG_ENV, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home-config"))
    large = "large.briefing"
    entries = run(
        [
            lambda tmp: [store_bench.large_document(tmp / large, 40, 10, 4)],
            lambda tmp: responsive_bench.edit_figures(tmp / large, runs=1, watch_s=0.2),
        ],
        echo=lambda _line: None,
    )
    assert any(isinstance(e, Figure) and "UI stall" in e.name for e in entries)
