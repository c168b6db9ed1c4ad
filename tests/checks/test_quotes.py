"""Quote rules over the ingest resolver: layout-insensitive, offsets always exact."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.checks import apply_fix, run_checks
from briefing.core.document import Document
from tests.checks.helpers import briefing, cite, claim, rules_for, source

QUOTE_RULES = ["quote-not-in-source", "anchor-moved"]
WORDS = st.sampled_from(
    ["the", "bridge", "'s", "\u2019", "\u201c", '"', "reopen", "March", "שלום", "😀", "e\u0301"]
)
GAPS = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", " \n "])


@st.composite
def texts(draw: st.DrawFn) -> list[str]:
    """Alternating words and gaps."""
    words = draw(st.lists(WORDS, min_size=1, max_size=30))
    out: list[str] = []
    for word in words:
        out += [word, draw(GAPS)]
    return out


def quoting(text: str, quote: str, start: int | None = None, end: int | None = None) -> Document:
    citation = cite(quote=quote, start=start, end=end)
    return briefing([claim("c1", citations=(citation,))], [source(text=text)], body=["c1"])


def test_quote_in_place_despite_layout_quotes_and_dashes_is_quiet() -> None:
    text = 'He said:  "We  will\n reopen the bridge\u2019s  lanes -- soon..."'
    quote = "\u201cWe will reopen the bridge's lanes \u2014 soon\u2026\u201d"
    start = text.index('"')
    assert run_checks(quoting(text, quote, start, len(text)), QUOTE_RULES) == []
    assert run_checks(quoting(text, quote), QUOTE_RULES) == []  # no offsets: found is enough


def test_relaid_quote_at_wrong_offsets_is_re_anchored_exactly() -> None:
    text = 'Intro line.\n\nHe said:  "We  will\n reopen the bridge\u2019s  lanes."'
    quote = "\u201cWe will reopen the bridge's lanes.\u201d"
    doc = quoting(text, quote, 0, 5)
    (found,) = rules_for(doc, "anchor-moved")
    assert found.fix is not None
    assert found.fix.changes == {"start": text.index('"'), "end": len(text), "locator": "para. 2"}
    apply_fix(doc, found.fix)
    assert run_checks(doc, QUOTE_RULES) == []
    assert doc.claim("c1").citations[0].quote == quote  # the analyst's words are kept


def test_hand_written_locator_is_kept_by_the_fix() -> None:
    text = "alpha beta. gamma.\n\nalpha beta. delta."
    citation = cite(quote="gamma", start=0, end=5, locator="at 07:40")
    doc = briefing([claim("c1", citations=(citation,))], [source(text=text)], body=["c1"])
    (found,) = rules_for(doc, "anchor-moved")
    assert found.fix is not None and found.fix.changes == {"start": 12, "end": 17}


def test_unrelated_quote_is_missing_without_a_fix() -> None:
    doc = quoting("We will reopen the bridge.", "Officials closed every port on the coast")
    (found,) = rules_for(doc, "quote-not-in-source")
    assert found.fix is None
    assert "Officials closed every port" in found.message


def test_misquote_gets_the_sources_words_as_a_fix() -> None:
    text = "First paragraph.\n\nThe ministry said the bridge would reopen in March after repairs."
    doc = quoting(text, "the bridge would reopen in May after repairs")
    (found,) = rules_for(doc, "quote-not-in-source")
    assert found.fix is not None
    assert "similar" in found.message and "para. 2" in found.message
    apply_fix(doc, found.fix)
    fixed = doc.claim("c1").citations[0]
    assert fixed.quote == text[fixed.start : fixed.end]
    assert "reopen in March" in fixed.quote and fixed.locator == "para. 2"
    assert run_checks(doc, QUOTE_RULES) == []


def test_whitespace_only_quote_is_not_judged() -> None:
    assert run_checks(quoting("We will reopen the bridge.", "   ", 0, 3), QUOTE_RULES) == []


@settings(max_examples=80, deadline=None)
@given(texts(), st.data())
def test_relaid_slice_is_never_missing_and_fixes_slice_exactly(
    parts: list[str], data: st.DataObject
) -> None:
    text = "".join(parts)
    i = data.draw(st.integers(0, len(parts) - 1))
    j = data.draw(st.integers(i + 1, len(parts)))
    start = len("".join(parts[:i]))
    original = "".join(parts[i:j])
    if not original.strip():
        return
    relaid = " \n ".join(original.split()).replace("'", "\u2018")
    doc = quoting(text, relaid, start, start + len(original))
    findings = run_checks(doc, QUOTE_RULES)
    assert [f.rule for f in findings] in ([], ["anchor-moved"])
    for finding in findings:
        assert finding.fix is not None
        apply_fix(doc, finding.fix)
    fixed = doc.claim("c1").citations[0]
    assert fixed.start is not None and fixed.end is not None
    assert " ".join(text[fixed.start : fixed.end].split()) != ""
    assert not text[fixed.start].isspace() or fixed.start == start
    assert run_checks(doc, QUOTE_RULES) == []
