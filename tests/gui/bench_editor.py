"""Editor benchmark (not a test): a 5,000-claim, 1,000-source document.

Run: ``QT_QPA_PLATFORM=offscreen python -m tests.gui.bench_editor``.  Prints the
time to a shown window, the worst board filter and the cost of a scroll frame.
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def big_document():  # noqa: ANN201
    from briefing.core.document import Document
    from briefing.core.model import BriefingInfo, Citation, Claim, Source

    sources = [Source(id=f"s{i}", title=f"Source {i}", text="word " * 4000) for i in range(1000)]
    claims = [
        Claim(id=f"c{i}", text=f"Claim number {i} about topic {i % 37}",
              kind=("information", "judgment")[i % 2], tags=(f"t{i % 10}",),
              citations=(Citation(f"s{i % 1000}", "word", 0, 4, "para. 1"),))
        for i in range(5000)
    ]
    return Document(BriefingInfo(title="Benchmark"), sources, claims)


def main() -> None:
    started = time.perf_counter()
    from briefing.gui.app import Editor, make_application
    from briefing.gui.models.claims import ClaimFilter
    from briefing.gui.session import Session

    app = make_application([])
    doc = big_document()
    built = time.perf_counter()
    window = Editor().new_window(Session(doc))
    window.show()
    app.processEvents()
    shown = time.perf_counter()
    worst = 0.0
    for query in ("topic 3", "number 42", "", "zzz", "Claim"):
        t = time.perf_counter()
        window.board.proxy.set_filter(ClaimFilter(text=query))
        app.processEvents()
        worst = max(worst, time.perf_counter() - t)
    bar = window.board.view.verticalScrollBar()
    t = time.perf_counter()
    for _ in range(30):
        bar.setValue(bar.value() + 400)
        window.board.view.viewport().repaint()
    frame = (time.perf_counter() - t) / 30
    print(f"Qt start + imports {built - started:.2f} s (document built in that time)")
    print(f"window shown       {shown - built:.2f} s   (target ≤ 1.5 s)")
    print(f"worst board filter {worst * 1000:.0f} ms  (target ≤ 100 ms)")
    print(f"scroll frame       {frame * 1000:.1f} ms  (60 fps = 16.7 ms)")
    window.close()


if __name__ == "__main__":
    main()
