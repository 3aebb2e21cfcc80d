"""Search in an article: literal, case-insensitive, across line breaks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from store.text.find import find_all


def test_finds_every_occurrence_ignoring_case() -> None:
    text = "Sessions said. SESSIONS denied. sessions"
    assert find_all(text, "sessions") == [(0, 8), (15, 23), (32, 40)]


def test_query_is_literal_not_a_pattern() -> None:
    assert find_all("a.b axb [x] (y)", "a.b") == [(0, 3)]
    assert find_all("a.b axb [x] (y)", "[x]") == [(8, 11)]


def test_phrase_matches_across_a_line_break_and_nbsp() -> None:
    text = "what this allegation\nis about and\u00a0more"
    assert find_all(text, "allegation is about") == [(10, 29)]
    assert find_all(text, "and more") == [(30, 38)]


def test_blank_query_finds_nothing() -> None:
    assert find_all("text", "   ") == []


@given(st.text(), st.text(min_size=1).filter(lambda q: q.strip() == q and " " not in q))
def test_matches_are_ordered_and_find_the_literal_text(text: str, query: str) -> None:
    matches = find_all(text, query)
    ends = [0] + [end for _, end in matches]
    assert all(ends[i] <= start for i, (start, _) in enumerate(matches))
    assert all(0 <= start < end <= len(text) for start, end in matches)
    if query in text:
        assert matches and matches[0][0] <= text.index(query)
