"""Change notification for Document observers (store, Qt adapter models).

A listener that is a bound method is held weakly: when its object goes away (a
closed window's panels, say) it stops being called and is forgotten, whether or
not it unsubscribed.  Plain functions are held strongly, as a caller expects.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from types import MethodType

from briefing.core.ops import Op

Listener = Callable[[Op], None]
_Ref = Callable[[], Listener | None]


def _strong(listener: Listener) -> _Ref:
    return lambda: listener


class Emitter:
    """A minimal synchronous event emitter: listeners get each applied op."""

    def __init__(self) -> None:
        self._refs: list[_Ref] = []

    def _live(self) -> list[Listener]:
        alive = [(ref, ref()) for ref in self._refs]
        self._refs = [ref for ref, listener in alive if listener is not None]
        return [listener for _, listener in alive if listener is not None]

    def subscribe(self, listener: Listener) -> None:
        if listener in self._live():
            return
        if isinstance(listener, MethodType):
            self._refs.append(weakref.WeakMethod(listener))
        else:
            self._refs.append(_strong(listener))

    def unsubscribe(self, listener: Listener) -> None:
        self._refs = [ref for ref in self._refs if ref() not in (None, listener)]

    def listener_count(self) -> int:
        """How many listeners are subscribed and alive."""
        return len(self._live())

    def emit(self, op: Op) -> None:
        for listener in self._live():
            listener(op)
