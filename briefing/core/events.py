"""Change notification for Document observers (store, Qt adapter models)."""

from __future__ import annotations

from collections.abc import Callable

from briefing.core.ops import Op

Listener = Callable[[Op], None]


class Emitter:
    """A minimal synchronous event emitter: listeners get each applied op."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        if listener not in self._listeners:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def emit(self, op: Op) -> None:
        for listener in list(self._listeners):
            listener(op)
