"""UI-thread stalls, measured from inside a Qt process (used by the editor probes).

A precise 1-ms repeating timer ticks on the UI thread; a gap between two ticks
longer than that is time the event loop could not run, i.e. what the user
feels as a frozen window.  An application-wide event filter notes when each
event's delivery began, so the longest gap can be put down to the event that
was being handled (a queued signal, a timer, a paint …).  With
``BRIEFING_BENCH_PROFILE`` set, :func:`profiled` runs cProfile on the UI thread
and prints the functions that took the time to stderr.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

NOTIFICATIONS = frozenset(
    {
        QEvent.Type.ChildAdded,
        QEvent.Type.ChildRemoved,
        QEvent.Type.ChildPolished,
        QEvent.Type.Polish,
        QEvent.Type.PolishRequest,
        QEvent.Type.DynamicPropertyChange,
        QEvent.Type.ParentChange,
        QEvent.Type.ParentAboutToChange,
        QEvent.Type.InputMethodQuery,
    }
)
"""Events Qt sends from inside other work (an insertHtml adds children …): the work
belongs to the event being handled when they arrive, so they are not noted."""
PROFILE = os.environ.get("BRIEFING_BENCH_PROFILE", "")
"""Non-empty: profile the measured windows (the figures are then inflated)."""


@dataclass(frozen=True)
class Stall:
    """The longest gap between two ticks in a window, and what ran during it."""

    seconds: float
    began: float
    """perf_counter() at the tick before the gap."""
    cpu: float
    """CPU time the UI thread used during the gap: much less than *seconds* means it
    was waiting (for the GIL held by a worker thread, or for a core), not working."""
    cause: str

    def describe(self) -> str:
        return (
            f"{self.seconds * 1000:.0f} ms (UI thread on CPU {self.cpu * 1000:.0f} ms); "
            f"{self.cause}"
        )


class StallMeter(QObject):
    """Ticks every millisecond; :meth:`longest` finds the worst gap in a time window."""

    def __init__(self, app: QApplication, on_tick: Callable[[float], None] | None = None) -> None:
        super().__init__()
        self.ticks: list[float] = []
        self.cpu: list[float] = []
        self.events: list[tuple[float, str]] = []
        self._on_tick = on_tick
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)
        self._app = app
        app.installEventFilter(self)

    def start(self) -> None:
        self.ticks = [time.perf_counter()]
        self.cpu = [time.thread_time()]
        self.events = []
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def close(self) -> None:
        self.stop()
        self._app.removeEventFilter(self)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.ticks.append(now)
        self.cpu.append(time.thread_time())
        if self._on_tick is not None:
            self._on_tick(now)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is not self._timer
            and self._timer.isActive()
            and event.type() not in NOTIFICATIONS
        ):
            self.events.append((time.perf_counter(), _describe(watched, event)))
        return False

    def longest(self, since: float, until: float, after: bool = False) -> Stall:
        """The longest gap between ticks that overlaps [since, until] (*after*: that
        begins at or after *since*)."""
        worst, at = 0.0, 0
        for n in range(1, len(self.ticks)):
            left, right = self.ticks[n - 1], self.ticks[n]
            if right < since or left > until or (after and left < since):
                continue
            if right - left > worst:
                worst, at = right - left, n
        if not at:
            return Stall(0.0, since, 0.0, "(no tick in the window)")
        began = self.ticks[at - 1]
        cpu = self.cpu[at] - self.cpu[at - 1]
        return Stall(worst, began, cpu, self._cause(began, began + worst))

    def _cause(self, began: float, ended: float) -> str:
        """The event whose handling took most of the gap [began, ended]."""
        inside = [(t, name) for t, name in self.events if began <= t <= ended]
        if not inside:
            return "no event was delivered during it (waiting, or Qt's own work between events)"
        spans = [
            (later - t, name)
            for (t, name), (later, _n) in zip(inside, [*inside[1:], (ended, "")], strict=True)
        ]
        span, name = max(spans)
        return f"{name} ({span * 1000:.0f} ms of it)"


def _describe(watched: QObject, event: QEvent) -> str:
    kind = event.type()
    name = getattr(kind, "name", str(kind))
    owner = watched
    if type(watched).__name__ == "QTimer" and watched.parent() is not None:
        owner = watched.parent()
        name = "QTimer " + name
    label = type(owner).__name__
    if owner.objectName():
        label += f"#{owner.objectName()}"
    return f"{name} → {label}"


def wait_until(done: Callable[[], bool], timeout_s: float = 120.0, poll_ms: int = 2) -> float:
    """Run the event loop until *done()* (polled every *poll_ms*); the seconds it took."""
    began = time.perf_counter()
    if done():
        return 0.0
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(poll_ms)

    def check() -> None:
        if done() or time.perf_counter() - began > timeout_s:
            loop.quit()

    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    if not done():
        raise TimeoutError(f"not done after {timeout_s:.0f} s")
    return time.perf_counter() - began


def run_for(seconds: float) -> None:
    """Run the event loop for *seconds*."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


@contextmanager
def profiled(label: str) -> Iterator[None]:
    """cProfile the UI thread while the block runs, when BRIEFING_BENCH_PROFILE is set."""
    if not PROFILE:
        yield
        return
    profile = cProfile.Profile()
    profile.enable()
    try:
        yield
    finally:
        profile.disable()
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        stats.sort_stats("cumulative").print_stats(35)
        stats.sort_stats("tottime").print_stats(20)
        print(f"==== profile: {label}\n{out.getvalue()}", file=sys.stderr, flush=True)
