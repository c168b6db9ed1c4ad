"""The optional sourcing summary: what the exported judgments rest on.

One line overall, then one line per cited source (kind, reliability, how
often it is cited, the grades of those citations, how many judgments cite
it), then warnings an editor would want to see: judgments without a direct
source and claims resting on a single source.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from briefing.core.model import Claim, Source
from briefing.core.vocab import ClaimKind
from briefing.export.notes import grade_label, source_title
from briefing.export.sanitize import clean_line


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def sourcing_summary(claims: list[Claim], cited: dict[str, Source]) -> tuple[str, ...]:
    """Summary lines for the exported *claims* citing the *cited* sources (in order)."""
    judgments = [c for c in claims if c.kind == ClaimKind.JUDGMENT.value]
    note_count = sum(len(c.citations) for c in claims)
    lines = [
        f"{_plural(len(claims), 'claim')} ({_plural(len(judgments), 'judgment')}) "
        f"cite {_plural(len(cited), 'source')} in {_plural(note_count, 'note')}."
    ]
    uses: Counter[str] = Counter()
    grades: dict[str, list[str]] = defaultdict(list)
    supports: Counter[str] = Counter()
    for claim in claims:
        for citation in claim.citations:
            uses[citation.source] += 1
            grade = grade_label(
                clean_line(cited[citation.source].reliability), clean_line(citation.credibility)
            )
            if grade and grade not in grades[citation.source]:
                grades[citation.source].append(grade)
        if claim.kind == ClaimKind.JUDGMENT.value:
            for source_id in {c.source for c in claim.citations}:
                supports[source_id] += 1
    for source_id, source in cited.items():
        graded = f"; graded {', '.join(grades[source_id])}" if grades[source_id] else ""
        lines.append(
            f"\u201c{source_title(source)}\u201d ({clean_line(source.kind)}): cited "
            f"{_plural(uses[source_id], 'time')}{graded}; supports "
            f"{_plural(supports[source_id], 'judgment')}."
        )
    unsupported = sum(1 for c in judgments if not c.citations)
    if unsupported:
        lines.append(f"Judgments citing no source directly: {unsupported}.")
    single = sum(1 for c in claims if len({x.source for x in c.citations}) == 1)
    if single:
        lines.append(f"Claims resting on a single source: {single}.")
    return tuple(lines)
