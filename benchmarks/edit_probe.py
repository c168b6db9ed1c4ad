"""Child process for the edit figures: how long the UI freezes after a user's edit.

``python -m benchmarks.edit_probe FILE RUNS [KIND …]`` opens FILE offscreen as
``briefing FILE`` does (``Editor.start``), waits until the window has settled
(the first run of the checks is shown), then performs each kind of edit RUNS
times the way a user does, with key presses delivered to the widgets:

- ``text``: a claim selected on the board, one character typed at the end of
  its text in the Inspector (→ ``ReplaceClaim`` through the undo stack);
- ``outline``: the Outline tab shown, a placed claim selected, Alt+Down (→ the
  block moves one place down, a ``MoveBlock`` through the undo stack).

Each edit runs from the event loop and is watched for :data:`WATCH_S` seconds
(the checks' debounce and run, the autosave a second later): the longest
stall of the UI thread (:class:`benchmarks.stall.StallMeter`), the time spent
in the key press itself and in ``Session.push`` within it, the longest stall
after the key press returned and its cause, and when the checks dock and the
board showed the edit.  Prints one JSON line.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

WATCH_S = float(os.environ.get("BRIEFING_BENCH_WATCH_S", "2.0"))
SETTLE_S = 0.4
KINDS = ("text", "outline")


class EditWatch:
    """Timestamps of one edit: the key press, the push inside it, the views catching up."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.marks: dict[str, float] = {}
        session = window.session
        original = session.push

        def push(*args: Any, **kwargs: Any) -> bool:
            self.marks.setdefault("push start", time.perf_counter())
            try:
                return original(*args, **kwargs)
            finally:
                self.marks.setdefault("push end", time.perf_counter())

        session.push = push  # the panels call session.push on this object
        window.board.model.dataChanged.connect(lambda *_a: self._first("board updated"))
        window.checks.counts_changed.connect(lambda *_a: self._first("checks shown"))

    def _first(self, name: str) -> None:
        if "key end" in self.marks or "push start" in self.marks:
            self.marks.setdefault(name, time.perf_counter())

    def perform(self, act: Callable[[], None]) -> None:
        self.marks = {"key start": time.perf_counter()}
        act()
        self.marks["key end"] = time.perf_counter()


def _window(editor: Any, path: str) -> Any:
    from pathlib import Path

    windows = editor.start(path)
    return next(w for w in windows if w.session.path == Path(path))


def measure(path: str, runs: int, kinds: tuple[str, ...]) -> dict[str, Any]:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from benchmarks.stall import StallMeter, profiled, run_for, wait_until
    from briefing.gui.app import Editor, make_application

    app = make_application([])
    editor = Editor(app)
    window = _window(editor, path)
    if window.session.read_only:  # every edit would be refused: fail now, never wait on it
        raise SystemExit(f"{path} opened read-only ({window.session.save_state()}); "
                         "the edit probe needs a document it may edit")
    settled = wait_until(lambda: window.checks.current)
    run_for(1.0)
    meter = StallMeter(app)
    watch = EditWatch(window)
    meter.start()
    result: dict[str, Any] = {"settled": settled}
    chosen = _spread_claims(window.session.doc, runs)

    def select_text(claim_id: str) -> Callable[[], None]:
        window.select_claim(claim_id)
        field = window.inspector.claim_editor.text
        field.setFocus()
        field.moveCursor(QTextCursor.MoveOperation.End)
        return lambda: QTest.keyClick(field, Qt.Key.Key_X)

    def select_outline(claim_id: str) -> Callable[[], None]:
        window.outline.select_claim(claim_id)
        window.outline.view.setFocus()
        return lambda: QTest.keyClick(
            window.outline.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier
        )

    prepare = {"text": select_text, "outline": select_outline}
    for kind in kinds:
        result[kind] = []
        for number, claim_id in enumerate(chosen):
            act = prepare[kind](claim_id)
            run_for(SETTLE_S)
            wait_until(lambda: window.checks.current)
            with profiled(f"edit {kind} #{number}"):
                QTimer.singleShot(0, lambda a=act: watch.perform(a))
                run_for(WATCH_S)
            result[kind].append(_figures(meter, watch.marks))
            wait_until(lambda: window.checks.current)
    meter.close()
    QApplication.processEvents()
    return result


def _spread_claims(doc: Any, count: int) -> list[str]:
    """Placed claims spread over the outline, none last in its section (so Alt+Down
    moves it within the section)."""
    movable = []
    for claim in doc.placed_claims():
        section_id, index = doc.placement(claim.id)
        if index < len(doc.section(section_id).blocks) - 1:
            movable.append(claim.id)
    return [movable[(n * 617 + len(movable) // 3) % len(movable)] for n in range(count)]


def _figures(meter: Any, marks: dict[str, float]) -> dict[str, Any]:
    began, key_end = marks["key start"], marks["key end"]
    until = began + WATCH_S
    worst = meter.longest(began, until)
    after = meter.longest(key_end, until, after=True)

    def since(name: str) -> float | None:
        return marks[name] - began if name in marks else None

    return {
        "stall": worst.seconds,
        "key": key_end - began,
        "push": (marks["push end"] - marks["push start"]) if "push end" in marks else None,
        "after": after.seconds,
        "after_cause": after.describe(),
        "after_at": after.began - began,
        "board": since("board updated"),
        "checks": since("checks shown"),
    }


if __name__ == "__main__":
    chosen_kinds = tuple(sys.argv[3:]) or KINDS
    print(json.dumps(measure(sys.argv[1], int(sys.argv[2]), chosen_kinds)), flush=True)
    os._exit(0)  # skip tearing down the large window (the file is already saved)
