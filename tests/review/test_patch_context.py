"""Replaying a reviewer's edit on a card the analyst changed since the export.

The edit lands only where the words around it still stand; otherwise it is a
conflict (None), never text spliced into a paragraph that was rewritten.
"""

from __future__ import annotations

import pytest

from briefing.review.diff import patch


@pytest.mark.parametrize(("current", "before", "after"), [
    # the analyst rewrote the card: an insertion must not anchor on a shared space
    ("Berth capacity recovers slowly.", "Full capacity is likely within two weeks.",
     "Full capacity is very likely within two weeks."),
    ("X Y Z", "A B C", "A B new C"),
    # an addition at the end of a paragraph whose last words are gone
    ("Totally rewritten by the analyst", "The port reopened", "The port reopened on Monday"),
    # the analyst added words exactly where the reviewer inserted: the place is ambiguous
    ("The ministry said the port reopened on Friday.", "The ministry said the port reopened.",
     "The ministry said the port reopened quickly."),
])
def test_an_edit_whose_surroundings_changed_is_a_conflict(current, before, after) -> None:
    assert patch(current, before, after) is None


@pytest.mark.parametrize(("current", "before", "after", "expected"), [
    ("Yesterday the ministry said the port reopened.", "The ministry said the port reopened.",
     "The ministry said the port reopened. It was late.",
     "Yesterday the ministry said the port reopened. It was late."),
    ("The ministry said the port reopened. More.", "The ministry said the port reopened.",
     "The ministry said the harbour reopened.", "The ministry said the harbour reopened. More."),
    ("Two berths reopened on 18 December, officials said.", "Two berths reopened on 18 December.",
     "Two berths reopened on 19 December.", "Two berths reopened on 19 December, officials said."),
    ("Full capacity is likely within two weeks.", "Full capacity is likely within two weeks.",
     "Full capacity is very likely within two weeks.",
     "Full capacity is very likely within two weeks."),
])
def test_an_edit_lands_where_its_words_still_stand(current, before, after, expected) -> None:
    assert patch(current, before, after) == expected
