"""Headless screenshots of the editor for the guide and the README (``make screenshots``).

``python -m briefing.gui.screenshots OUTDIR [--input FILE] [--size WxH]`` writes, in the
window's current layout (outline and sources on the left, Board / Reader / Preview tabs in
the middle, Inspector on the right, Checks below) at 1366×768 unless told otherwise:
the whole window on the Board (``board.png``), on the Reader (``reader.png``) and on the
Preview (``preview.png``); the Outline pane (``outline.png``), the Inspector
(``inspector.png``) and the Checks (``checks.png``) on their own; and the Word export
dialog (``export.png``).  Without ``--input`` it builds a small briefing on the seed
article (../shared/seed/news-article.txt).  ``make screenshots`` also runs
:mod:`briefing.gui.layout_shots` (the window at 1366×768 and the panes at 2560×1440).
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "news-article.txt"

# card text in our own words; each cites a verbatim passage of the seed article
SAMPLE_CLAIMS = (
    ("The intelligence has always been that Putin wants more", "quote", "", "", "checked",
     "Quigley: the intelligence has always said Putin wants more"),
    ("has not abandoned his goal of seizing all of Ukraine", "information", "", "", "checked",
     "US agencies still judge that Putin aims to take all of Ukraine"),
    ("Russia currently controls approximately 20% of Ukrainian territory", "information",
     "", "", "draft", "Russia holds about a fifth of Ukraine's territory"),
    ("Russia seeks to avoid a larger European war", "information", "", "", "disputed",
     "The DNI says Russia wants to avoid a wider war in Europe"),
    ("present a sharp divergence from the optimistic messaging", "judgment", "moderate",
     "likely", "draft", "Public peace messaging likely overstates Moscow's flexibility"),
)


def sample_document(seed: Path):  # noqa: ANN201
    from briefing.core.document import Document
    from briefing.core.model import BriefingInfo, Claim, Source
    from briefing.gui.panes.excerpts import citation_for

    text = seed.read_text(encoding="utf-8")
    doc = Document(
        BriefingInfo(title="Russian aims in the Ukraine talks", marking_scheme="us"),
        [Source(id="s1", key="article", kind="news", title="US intelligence on Putin's aims",
                published="2025-12", reliability="B", text=text)],
    )
    for n, (passage, kind, confidence, likelihood, status, card) in enumerate(SAMPLE_CLAIMS):
        start = text.index(passage)
        citation = citation_for(doc, "s1", start, start + len(passage))
        doc.add_claim(Claim(id=f"c{n + 1}", text=card, kind=kind, confidence=confidence,
                            likelihood=likelihood, status=status, portion="U",
                            tags=("intent",) if n < 2 else (),
                            citations=(replace(citation, credibility="2" if n < 3 else "3"),)))
    return doc


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--input", type=Path, help="a .briefing or .json to show instead")
    parser.add_argument("--size", default="1366x768", help="window size, e.g. 1366x768")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)  # never touch the user's settings
    from briefing.gui.app import make_application
    from briefing.gui.document.session import Session, open_session
    from briefing.gui.window.lazy_tabs import BOARD_TAB
    from briefing.gui.window.main_window import MainWindow

    app = make_application([])
    app.setOrganizationName("BriefingScreenshots")
    from PySide6.QtCore import QSettings, Qt

    QSettings().clear()  # the default layout, whatever a test left behind
    session = open_session(args.input) if args.input else Session(sample_document(SEED))
    window = MainWindow(session)
    window.resize(width, height)
    window.show()
    args.outdir.mkdir(parents=True, exist_ok=True)
    doc = session.doc
    first = doc.claims[0].id if doc.claims else None
    if first:
        window.select_claim(first)
    _settle(app, lambda: window.checks.current)  # the first check runs after the window shows
    window.tabs.setCurrentIndex(BOARD_TAB)
    app.processEvents()
    window.grab().save(str(args.outdir / "board.png"))
    window.inspector_dock.grab().save(str(args.outdir / "inspector.png"))
    if doc.sources:
        _reader_shot(app, window, args.outdir)
    _review_shots(app, window, args.outdir)
    print(f"screenshots written to {args.outdir}")
    from briefing.gui import dialogs

    dialogs.ask_save_changes = lambda *_a: "discard"  # a shown sample, nothing to keep
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    window.close()  # waits for every worker (preview, checks, export) and closes the file
    app.processEvents()
    return 0


def _settle(app, until=lambda: True, seconds: float = 5.0) -> None:  # noqa: ANN001
    """Process events until *until()* holds (worker results arrive as events)."""
    import time

    deadline = time.monotonic() + seconds
    app.processEvents()
    while not until() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()


def _reader_shot(app, window, outdir: Path) -> None:  # noqa: ANN001
    """The Reader on the first card's first cited passage, that card active."""
    doc = window.session.doc
    cited = next((claim for claim in doc.claims if claim.citations), None)
    if cited is None:
        window.open_source(doc.sources[0].id)
    else:
        citation = cited.citations[0]
        window.select_claim(cited.id)
        window.open_source(citation.source, citation.start, citation.end)
        window.reader.set_active_claim(cited.id)
    _settle(app)
    window.grab().save(str(outdir / "reader.png"))


def _review_shots(app, window, outdir: Path) -> None:  # noqa: ANN001
    """The outline pane, the preview, the checks dock and the export dialog."""
    from briefing.gui.window.lazy_tabs import PREVIEW_TAB

    doc = window.session.doc
    placed = doc.placed_claims()
    if placed:
        window.outline.select_claim(placed[0].id)
    _settle(app)
    window.outline_dock.grab().save(str(outdir / "outline.png"))
    window.tabs.setCurrentIndex(PREVIEW_TAB)
    _settle(app, lambda: not window.preview.updating, seconds=30)
    window.grab().save(str(outdir / "preview.png"))
    window.checks_dock.show()
    window.checks_dock.setFloating(True)  # room for the finding's explanation
    window.checks_dock.resize(1000, 260)
    _settle(app, lambda: window.checks.current)
    first = window.checks.model.index(0, 0)
    child = window.checks.model.index(0, 0, first)
    if child.isValid():
        window.checks.view.setCurrentIndex(child)
    app.processEvents()
    window.checks_dock.grab().save(str(outdir / "checks.png"))
    dialog = window.open_export(".docx")
    _settle(app)
    dialog.grab().save(str(outdir / "export.png"))
    dialog.reject()
    dialog.wait()


if __name__ == "__main__":
    sys.exit(main())
