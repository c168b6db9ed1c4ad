"""Child process for the preview figures: the editor's real Preview panel, offscreen.

``python -m benchmarks.preview_probe CLAIMS RUNS`` shows a
:class:`briefing.gui.panes.preview.PreviewPanel` on a synthetic document inside the
editor's application (``make_application``: the same GIL switch interval),
times the first build of the page (shown → ``updating`` false), then RUNS
times: edit one placed claim's text through the Document (the panel listens
to its events), call ``refresh_now()`` (what the panel's 250-ms debounce timer
calls) and time until the page shows the edit (``updating`` false).  During
each, :class:`benchmarks.stall.StallMeter` finds the longest stall of the UI
thread.  Prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace

SETTLE_S = 0.3
AFTER_S = 0.05
"""The event loop runs this long after the page is updated (its repaint) before
the stall window closes."""


def preview(claims: int, runs: int) -> dict[str, object]:
    from benchmarks.generate import synthetic_document
    from benchmarks.stall import StallMeter, profiled, run_for, wait_until
    from briefing.core import ops
    from briefing.gui.app import make_application
    from briefing.gui.panes.preview import PreviewPanel

    app = make_application([])
    doc = synthetic_document(claims, max(1, claims // 10), 10)
    panel = PreviewPanel(doc)
    panel.resize(1000, 900)
    arrived: list[float] = []
    signals = getattr(panel, "_signals", None)  # when the worker's page reaches the UI
    if signals is not None:
        signals.rendered.connect(lambda *_a: arrived.append(time.perf_counter()))
    meter = StallMeter(app)
    meter.start()
    began = time.perf_counter()
    with profiled("preview: first build"):
        panel.show()
        wait_until(lambda: not panel.updating, poll_ms=1)
    done = time.perf_counter()
    run_for(AFTER_S)
    first_stall = meter.longest(began, time.perf_counter())
    result: dict[str, object] = {
        "first_build": done - began,
        "first_stall": first_stall.seconds,
        "first_cause": first_stall.describe(),
        "parts": len(panel.page.parts),
        "refresh": [],
        "stall": [],
        "render": [],
        "causes": [],
    }
    placed = doc.placed_claims()
    for run in range(runs):
        run_for(SETTLE_S)
        claim = placed[(run * 97 + len(placed) // 2) % len(placed)]
        arrived.clear()
        began = time.perf_counter()
        with profiled(f"preview: refresh {run}"):
            doc.apply(ops.ReplaceClaim(replace(claim, text=claim.text + f" Edited {run}.")))
            panel.refresh_now()
            wait_until(lambda: not panel.updating, poll_ms=1)
            done = time.perf_counter()
            run_for(AFTER_S)
        stall = meter.longest(began, time.perf_counter())
        result["refresh"].append(done - began)  # type: ignore[union-attr]
        result["stall"].append(stall.seconds)  # type: ignore[union-attr]
        result["render"].append((arrived[0] if arrived else done) - began)  # type: ignore[union-attr]
        result["causes"].append(stall.describe())  # type: ignore[union-attr]
    meter.close()
    panel.wait()
    return result


if __name__ == "__main__":
    print(json.dumps(preview(int(sys.argv[1]), int(sys.argv[2]))), flush=True)
