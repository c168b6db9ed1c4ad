"""What the checks remember between runs, and how to forget it.

The editor re-runs every check after each edit, on a snapshot that shares all
unchanged records (they are frozen) and strings with the previous one.  Work
that depends only on one string or one record is therefore remembered between
runs: the likelihood terms and the duplicate key of a text, a citation's quote
verdict, the outline walk.  Each cache is bounded, and the results are the
same as without it (``tests/checks/test_speed_equivalence.py`` compares).
:func:`clear_caches` forgets everything (to time a first run, as after opening a file).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

TEXT_CACHE_SIZE = 1 << 15
"""Texts each text cache remembers: more than the claims of a large briefing."""

_T = TypeVar("_T")
_CLEARERS: list[Callable[[], None]] = []


_MISSING = object()


def by_text(function: Callable[[str], _T]) -> Callable[[str], _T]:
    """*function* of one text, remembered for up to :data:`TEXT_CACHE_SIZE` texts (then
    forgotten all at once: a plain dict costs less per call than an LRU list).

    Its results are shared between callers, so they must be immutable.
    """
    kept: dict[str, _T] = {}
    _CLEARERS.append(kept.clear)

    @wraps(function)
    def remembered(text: str) -> _T:
        value = kept.get(text, _MISSING)
        if value is _MISSING:
            if len(kept) >= TEXT_CACHE_SIZE:
                kept.clear()
            value = kept[text] = function(text)
        return value  # type: ignore[return-value]  # not _MISSING: function's _T

    return remembered


class IdentityCache:
    """Values kept by the identity of the objects they were computed from.

    Records are frozen, so the same objects give the same value.  The objects are
    kept with the value: while they are alive no other object can have their ids, so
    a key of ids that is found always means the very same objects.
    """

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._kept: dict[tuple[int, ...], tuple[tuple[object, ...], object]] = {}
        _CLEARERS.append(self._kept.clear)

    def get(self, objects: tuple[object, ...], compute: Callable[[], _T]) -> _T:
        key = tuple(map(id, objects))
        kept = self._kept.get(key)
        if kept is not None:
            return kept[1]  # type: ignore[return-value]  # what compute() returned
        value = compute()
        if len(self._kept) >= self._limit:
            self._kept.clear()
        self._kept[key] = (objects, value)
        return value


def clear_caches() -> None:
    """Forget every remembered result (the next run computes everything again)."""
    for clear in _CLEARERS:
        clear()
