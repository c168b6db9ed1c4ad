"""The Document: the only way to change a briefing.

Every change is an :class:`~briefing.core.ops.Op` given to :meth:`Document.apply`,
which checks the invariants, performs it, notifies subscribers and returns the
inverse op.  Invariants: unique ids, unique non-empty source keys, citations
point at existing sources, blocks point at existing claims, and a claim is
placed at most once in the outline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from briefing.core import ops, outline_ops
from briefing.core import outline as tree
from briefing.core.errors import DomainError
from briefing.core.events import Emitter
from briefing.core.model import BriefingInfo, Claim, Section, Source
from briefing.core.mutations import MutationsMixin
from briefing.core.validate import check_claim, check_info, check_source

BlobLoader = Callable[[str], bytes | None]
_V = TypeVar("_V")


class Document(MutationsMixin):
    """An in-memory briefing: info, sources, claims (the board) and the outline."""

    def __init__(
        self,
        info: BriefingInfo | None = None,
        sources: Iterable[Source] = (),
        claims: Iterable[Claim] = (),
        sections: Iterable[Section] = (),
    ) -> None:
        self.events = Emitter()
        self._info = info or BriefingInfo()
        self._sources: dict[str, Source] = {}
        self._claims: dict[str, Claim] = {}
        self._roots: tree.Roots = ()
        self._sections: dict[str, tuple[Section, str | None]] = {}
        self._placement: dict[str, str] = {}
        self._cited: Counter[str] = Counter()
        self._keys: dict[str, str] = {}
        self._originals: dict[str, bytes] = {}
        self.blob_loader: BlobLoader | None = None
        check_info(self._info)
        for source in sources:
            self._add_source(source, None)
        for claim in claims:
            self._add_claim(claim, None)
        for section in sections:
            outline_ops.insert_section(self, ops.InsertSection(section))

    # ----------------------------------------------------------------- reading
    @property
    def info(self) -> BriefingInfo:
        return self._info

    @property
    def sources(self) -> list[Source]:
        return list(self._sources.values())

    @property
    def claims(self) -> list[Claim]:
        return list(self._claims.values())

    @property
    def sections(self) -> tuple[Section, ...]:
        return self._roots

    def source(self, source_id: str) -> Source:
        try:
            return self._sources[source_id]
        except KeyError:
            raise DomainError(f"no source with id {source_id!r}") from None

    def claim(self, claim_id: str) -> Claim:
        try:
            return self._claims[claim_id]
        except KeyError:
            raise DomainError(f"no claim with id {claim_id!r}") from None

    def section(self, section_id: str) -> Section:
        try:
            return self._sections[section_id][0]
        except KeyError:
            raise DomainError(f"no section with id {section_id!r}") from None

    def has_source(self, source_id: str) -> bool:
        return source_id in self._sources

    def has_claim(self, claim_id: str) -> bool:
        return claim_id in self._claims

    def has_section(self, section_id: str) -> bool:
        return section_id in self._sections

    def parent_of(self, section_id: str) -> str | None:
        self.section(section_id)
        return self._sections[section_id][1]

    def section_index(self, section_id: str) -> int:
        parent = self.parent_of(section_id)
        siblings = tree.children_of(self._roots, parent, self.section)
        return next(i for i, s in enumerate(siblings) if s.id == section_id)

    def all_sections(self) -> list[Section]:
        """Every section in reading order."""
        return [section for section, _, _ in tree.iter_sections(self._roots)]

    def placement(self, claim_id: str) -> tuple[str, int] | None:
        """(section id, block index) of a placed claim; None when on the board only."""
        section_id = self._placement.get(claim_id)
        if section_id is None:
            return None
        blocks = self.section(section_id).blocks
        return section_id, next(i for i, b in enumerate(blocks) if b.claim == claim_id)

    def is_placed(self, claim_id: str) -> bool:
        return claim_id in self._placement

    def unplaced_claims(self) -> list[Claim]:
        return [c for c in self._claims.values() if c.id not in self._placement]

    def placed_claims(self) -> list[Claim]:
        """Placed claims in reading order of the outline."""
        return [
            self._claims[block.claim]
            for section in self.all_sections()
            for block in section.blocks
            if block.claim is not None
        ]

    def citation_count(self, source_id: str) -> int:
        """How many citations (over all claims) point at *source_id*."""
        return self._cited[source_id]

    def citing_claims(self, source_id: str) -> list[Claim]:
        return [c for c in self._claims.values() if any(x.source == source_id for x in c.citations)]

    def source_by_key(self, key: str) -> Source | None:
        source_id = self._keys.get(key)
        return None if source_id is None else self._sources[source_id]

    def original(self, source_id: str) -> bytes | None:
        """The imported file's bytes of a source, when the document keeps them."""
        if source_id in self._originals:
            return self._originals[source_id]
        if self.blob_loader is not None and self.has_source(source_id):
            return self.blob_loader(source_id)
        return None

    def pending_originals(self) -> dict[str, bytes]:
        """Original bytes added since the store last took them (source id → bytes)."""
        return self._originals

    def new_id(self, prefix: str) -> str:
        """An id ``<prefix><n>`` unused by sources, claims and sections; each kind counts
        from 1 (``s1`` is the first source, ``c1`` the first claim, ``k1`` the first section)."""
        counts = {"s": len(self._sources), "c": len(self._claims), "k": len(self._sections)}
        n = counts.get(prefix, len(self._sources) + len(self._claims) + len(self._sections)) + 1
        while True:
            candidate = f"{prefix}{n}"
            if not (
                candidate in self._sources
                or candidate in self._claims
                or candidate in self._sections
            ):
                return candidate
            n += 1

    def copy(self) -> Document:
        """An independent Document with the same records and no subscribers.

        Records are immutable, so only the containers are copied: cheap enough to
        hand a consistent snapshot to a worker thread.  Original bytes are not
        carried over (the store's connection belongs to its own thread).
        """
        clone = object.__new__(Document)
        clone.events = Emitter()
        clone._info = self._info
        clone._sources = dict(self._sources)
        clone._claims = dict(self._claims)
        clone._roots = self._roots
        clone._sections = dict(self._sections)
        clone._placement = dict(self._placement)
        clone._cited = Counter(self._cited)
        clone._keys = dict(self._keys)
        clone._originals = {}
        clone.blob_loader = None
        return clone

    # ---------------------------------------------------------------- editing
    def apply(self, op: ops.Op) -> ops.Op:
        """Perform *op*, notify subscribers and return the op that undoes it."""
        if isinstance(op, ops.Batch):
            return self._apply_batch(op)
        handler = _HANDLERS.get(type(op))
        if handler is None:
            raise DomainError(f"unknown edit {type(op).__name__}")
        inverse = handler(self, op)
        self.events.emit(op)
        return inverse

    def _apply_batch(self, batch: ops.Batch) -> ops.Op:
        done: list[ops.Op] = []
        try:
            for op in batch.ops:
                done.append(self.apply(op))
        except Exception:
            for inverse in reversed(done):
                self.apply(inverse)
            raise
        return ops.Batch(tuple(reversed(done)), batch.name)

    # --- info and sources
    def _set_info(self, op: ops.SetInfo) -> ops.Op:
        check_info(op.info)
        old, self._info = self._info, op.info
        return ops.SetInfo(old)

    def _insert_source(self, op: ops.InsertSource) -> ops.Op:
        self._add_source(op.source, op.index)
        if op.original is not None:
            self._originals[op.source.id] = op.original
        return ops.RemoveSource(op.source.id)

    def _add_source(self, source: Source, index: int | None) -> None:
        check_source(source)
        if source.id in self._sources:
            raise DomainError(f"a source with id {source.id!r} already exists")
        self._check_key_free(source)
        self._sources = _dict_insert(self._sources, source.id, source, index)
        self._index_key(None, source)

    def _remove_source(self, op: ops.RemoveSource) -> ops.Op:
        source = self.source(op.source_id)
        if self._cited[source.id]:
            raise DomainError(
                f"source {source.title or source.id!r} is cited "
                f"{self._cited[source.id]} time(s); remove those citations first"
            )
        index = list(self._sources).index(source.id)
        original = self._originals.pop(source.id, None)
        if original is None and self.blob_loader is not None:
            original = self.blob_loader(source.id)
        del self._sources[source.id]
        self._index_key(source, None)
        return ops.InsertSource(source, index, original)

    def _replace_source(self, op: ops.ReplaceSource) -> ops.Op:
        old = self.source(op.source.id)
        check_source(op.source)
        self._check_key_free(op.source)
        self._sources[old.id] = op.source
        self._index_key(old, op.source)
        return ops.ReplaceSource(old)

    def _index_key(self, old: Source | None, new: Source | None) -> None:
        if old is not None and old.key and self._keys.get(old.key) == old.id:
            del self._keys[old.key]
        if new is not None and new.key:
            self._keys[new.key] = new.id

    def _check_key_free(self, source: Source) -> None:
        if not source.key:
            return
        other = self.source_by_key(source.key)
        if other is not None and other.id != source.id:
            raise DomainError(f"citation key {source.key!r} is already used by {other.id!r}")

    # --- claims
    def _check_citations(self, claim: Claim) -> None:
        for i, citation in enumerate(claim.citations):
            if citation.source not in self._sources:
                raise DomainError(
                    f"claim {claim.id!r}, citation {i + 1}: no source with id {citation.source!r}"
                )

    def _count(self, claim: Claim, delta: int) -> None:
        for citation in claim.citations:
            self._cited[citation.source] += delta

    def _insert_claim(self, op: ops.InsertClaim) -> ops.Op:
        self._add_claim(op.claim, op.index)
        return ops.RemoveClaim(op.claim.id)

    def _add_claim(self, claim: Claim, index: int | None) -> None:
        check_claim(claim)
        if claim.id in self._claims:
            raise DomainError(f"a claim with id {claim.id!r} already exists")
        self._check_citations(claim)
        self._claims = _dict_insert(self._claims, claim.id, claim, index)
        self._count(claim, +1)

    def _remove_claim(self, op: ops.RemoveClaim) -> ops.Op:
        claim = self.claim(op.claim_id)
        if claim.id in self._placement:
            raise DomainError(f"claim {claim.id!r} is placed in the outline; unplace it first")
        index = list(self._claims).index(claim.id)
        del self._claims[claim.id]
        self._count(claim, -1)
        return ops.InsertClaim(claim, index)

    def _replace_claim(self, op: ops.ReplaceClaim) -> ops.Op:
        old = self.claim(op.claim.id)
        check_claim(op.claim)
        self._check_citations(op.claim)
        self._claims[old.id] = op.claim
        self._count(old, -1)
        self._count(op.claim, +1)
        return ops.ReplaceClaim(old)

    def _move_claim(self, op: ops.MoveClaim) -> ops.Op:
        claim = self.claim(op.claim_id)
        order = list(self._claims)
        old_index = order.index(claim.id)
        del self._claims[claim.id]
        self._claims = _dict_insert(self._claims, claim.id, claim, op.index)
        return ops.MoveClaim(claim.id, old_index)


def _dict_insert(items: dict[str, _V], key: str, value: _V, index: int | None) -> dict[str, _V]:
    """A dict with *key* inserted at *index* (None or past the end: appended)."""
    if index is None or index >= len(items):
        items[key] = value
        return items
    if index < 0:
        raise DomainError(f"position {index} is out of range")
    pairs = list(items.items())
    pairs.insert(index, (key, value))
    return dict(pairs)


# Each handler takes the op type it is filed under (not expressible per entry in a dict type).
_HANDLERS: dict[type[ops.Op], Callable[[Document, Any], ops.Op]] = {
    ops.SetInfo: Document._set_info,
    ops.InsertSource: Document._insert_source,
    ops.RemoveSource: Document._remove_source,
    ops.ReplaceSource: Document._replace_source,
    ops.InsertClaim: Document._insert_claim,
    ops.RemoveClaim: Document._remove_claim,
    ops.ReplaceClaim: Document._replace_claim,
    ops.MoveClaim: Document._move_claim,
    ops.InsertSection: outline_ops.insert_section,
    ops.RemoveSection: outline_ops.remove_section,
    ops.RenameSection: outline_ops.rename_section,
    ops.MoveSection: outline_ops.move_section,
    ops.InsertBlock: outline_ops.insert_block,
    ops.RemoveBlock: outline_ops.remove_block,
    ops.ReplaceBlock: outline_ops.replace_block,
    ops.MoveBlock: outline_ops.move_block,
}
