"""Child process for the editor figures (run by :mod:`benchmarks.editor_bench`).

``python -m benchmarks.editor_probe start FILE`` starts the editor exactly as
``briefing FILE`` does (``briefing.cli.main``), offscreen.  An application-wide
event filter notes the first paint event of a main window; the probe then lets
the event loop settle, reads VmRSS/VmHWM from /proc/self/status, optionally
times the claim board's filter and a scroll frame, prints one JSON line and
exits.  Start-up is measured from the parent's clock reading just before it
launched this process (``BRIEFING_BENCH_LAUNCH``, ``time.monotonic()`` is
system-wide), so interpreter start-up and every import count.  Nothing in
``briefing.gui`` is edited: the phases are timed by wrapping functions.
The preview and edit figures have their own probes
(:mod:`benchmarks.preview_probe`, :mod:`benchmarks.edit_probe`).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

LAUNCH = float(os.environ.get("BRIEFING_BENCH_LAUNCH", time.monotonic()))
SETTLE_MS = int(os.environ.get("BRIEFING_BENCH_SETTLE_MS", "1000"))
"""How long the event loop runs after the first paint before memory is read."""
TIMEOUT_MS = 120_000
FILTER_QUERIES = ("topic 3", "number 42", "", "zzz", "ceasefire")
_marks: dict[str, float] = {"interpreter ready": time.monotonic() - LAUNCH}


def _mark(name: str) -> None:
    _marks.setdefault(name, time.monotonic() - LAUNCH)


def _timed(owner: object, name: str, label: str) -> None:
    """Wrap ``owner.name`` so each call's start and end are marked (``label #n``)."""
    original = getattr(owner, name)
    calls = [0]

    def wrapper(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        tag = f"{label} #{calls[0]}"
        _mark(f"{tag} start")
        try:
            return original(*args, **kwargs)
        finally:
            _mark(f"{tag} end")

    setattr(owner, name, wrapper)


def start(path: str, extras: bool) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QWidget

    _mark("Qt imported")
    import briefing.gui.app as app_module
    from briefing import cli

    _mark("briefing.gui.app imported")
    main_window = app_module.MainWindow
    _timed(app_module, "open_session", "open_session")
    _timed(main_window, "__init__", "MainWindow()")
    _outline_phases()
    app = app_module.make_application([])
    _mark("QApplication made")
    result: dict[str, object] = {}

    def settled() -> None:
        result.update(_memory())
        if "outline rows expanded #1 end" in _marks:
            result["outline_rows"] = _marks["outline rows expanded #1 end"]
        if extras:
            result.update(_board_figures(app))
        result["marks"] = _marks
        print(json.dumps(result), flush=True)
        # nothing was edited; skip the teardown of a large window, but leave the settings
        # as a normal quit would: no crash mark, so the next run reopens nothing
        from briefing.gui.document import recovery

        recovery.mark_closed(Path(path))
        os._exit(0)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and isinstance(watched.window(), main_window)
            ):
                result["first_paint"] = time.monotonic() - LAUNCH
                _mark("first paint")
                app.removeEventFilter(self)
                QTimer.singleShot(SETTLE_MS, settled)
            return False

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    QTimer.singleShot(TIMEOUT_MS, lambda: os._exit(3))
    cli.main(["open", path])


def _outline_phases() -> None:
    """Mark when the outline pane is made and when its rows are laid out (expanded)."""
    try:
        from briefing.gui.panes.outline_view import OutlinePanel
    except ImportError:  # an older layout, without the outline pane
        return
    _timed(OutlinePanel, "__init__", "OutlinePanel()")
    _timed(OutlinePanel, "_expand_all", "outline rows expanded")


def _memory() -> dict[str, float]:
    from benchmarks.harness import proc_status_mb

    status = proc_status_mb("VmRSS", "VmHWM")
    return {"rss_mb": status["VmRSS"], "hwm_mb": status["VmHWM"]}


def _board_figures(app: object) -> dict[str, float]:
    """The worst claim-board filter and one scroll frame (the GUI engineer's measures)."""
    try:
        from PySide6.QtWidgets import QApplication

        from briefing.gui.models.claims import ClaimFilter
        from briefing.gui.window.main_window import MainWindow

        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        worst = 0.0
        for query in FILTER_QUERIES:
            began = time.perf_counter()
            window.board.proxy.set_filter(ClaimFilter(text=query))
            app.processEvents()  # type: ignore[attr-defined]
            worst = max(worst, time.perf_counter() - began)
        window.board.proxy.set_filter(ClaimFilter(text=""))
        bar = window.board.view.verticalScrollBar()
        began = time.perf_counter()
        for _ in range(30):
            bar.setValue(bar.value() + 400)
            window.board.view.viewport().repaint()
        return {"filter_worst": worst, "scroll_frame": (time.perf_counter() - began) / 30}
    except (AttributeError, ImportError, StopIteration, TypeError) as error:
        print(f"board figures unavailable: {error!r}", file=sys.stderr)
        return {}


if __name__ == "__main__":
    if sys.argv[1] != "start":
        sys.exit(f"unknown mode {sys.argv[1]!r} (only 'start')")
    start(sys.argv[2], extras="--board" in sys.argv[3:])
