"""A flush taken apart: the statements are gathered now, and executed later, elsewhere.

The editor must not wait for the disk: committing a transaction with
``synchronous=FULL`` waits for ``fsync``, which takes a few milliseconds on a
local SSD but hundreds on a slow or network disk.  So the store first *takes*
what is pending — the SQL statements and rows a flush would execute, serialised
from the Document as it is now (cheap, on the caller's thread), while new edits
go to a fresh change tracker — and a worker thread then *writes* them in one
transaction.  A write that fails gives its changes back, so nothing is lost and
the next flush tries again.  Every write in :mod:`briefing.store.rows` is a
plain ``execute``/``executemany``, which is what lets a recorder stand in for
the connection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # changes imports rows, which records through this module
    from briefing.store.changes import ChangeTracker

Statement = tuple[str, Any, bool] | tuple[Callable[..., None], tuple[Any, ...], None]
"""(SQL, parameters, whether it is an ``executemany``), or a write that is more than one
statement (a function of the connection, its arguments, ``None``)."""


class Recorder:
    """Stands in for a connection: keeps the statements instead of running them."""

    def __init__(self) -> None:
        self.statements: list[Statement] = []

    def execute(self, sql: str, parameters: Iterable[Any] = ()) -> None:
        self.statements.append((sql, tuple(parameters), False))

    def executemany(self, sql: str, seq: Iterable[Iterable[Any]]) -> None:
        self.statements.append((sql, [tuple(row) for row in seq], True))

    def call(self, write: Callable[..., None], *arguments: Any) -> None:
        """Keep ``write(connection, *arguments)`` to run with the others."""
        self.statements.append((write, arguments, None))


@dataclass
class PendingWrite:
    """What one flush writes, and what to give back if it fails."""

    statements: list[Statement]
    changes: ChangeTracker
    originals: dict[str, bytes] = field(default_factory=dict)

    def run(self, conn: Any) -> None:
        """Execute the statements (inside the caller's transaction)."""
        for sql, parameters, many in self.statements:
            if not isinstance(sql, str):
                sql(conn, *parameters)
            elif many:
                conn.executemany(sql, parameters)
            else:
                conn.execute(sql, parameters)
