"""Undo commands: every edit the editor makes is a core op wrapped in a QUndoCommand.

One generic command (Orange canvas style): ``redo`` applies the op and keeps
the inverse, ``undo`` applies the inverse and keeps *its* inverse for the next
redo.  Commands that share a *merge key* merge into one undo step, so typing
in a text field is one step per editing burst.

An edit the Document refuses must never reach the undo stack: PySide6 (6.11)
does not let an exception raised in ``redo`` out of ``QUndoStack.push``, so the
stack would keep a command that did nothing.  The session therefore applies the
op first and pushes a command made with its *inverse* only when it succeeded
(:meth:`~briefing.gui.document.session.Session.push`); such a command's first ``redo``
(the one ``push`` calls) does nothing.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtGui import QUndoCommand

from briefing.core import ops
from briefing.core.document import Document

MERGE_ID = 0x0B12


class OpCommand(QUndoCommand):
    """Apply one core op (possibly a Batch) to a Document, undoably."""

    def __init__(
        self,
        doc: Document,
        op: ops.Op,
        text: str | None = None,
        merge_key: Hashable | None = None,
        inverse: ops.Op | None = None,
    ) -> None:
        super().__init__(text or op.label)
        self._doc = doc
        self._op = op
        self._inverse = inverse
        self._applied = inverse is not None
        """*op* was applied already (by the session): the first redo has nothing to do."""
        self.merge_key = merge_key

    @property
    def op(self) -> ops.Op:
        return self._op

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._inverse = self._doc.apply(self._op)

    def undo(self) -> None:
        assert self._inverse is not None, "undo before redo"
        self._op = self._doc.apply(self._inverse)

    def id(self) -> int:
        return MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Absorb *other* (already applied) when it continues the same burst.

        Only full-record replacements merge: the first command's inverse
        restores the state before the burst, the latest op redoes all of it.
        """
        if not isinstance(other, OpCommand) or other.merge_key != self.merge_key:
            return False
        if not isinstance(other.op, ops.ReplaceClaim | ops.ReplaceSource | ops.SetInfo):
            return False
        self._op = other.op
        return True
