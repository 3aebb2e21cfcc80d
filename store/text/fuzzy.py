"""Approximate search for a passage whose quote is no longer in the text as it was.

Candidates come from pieces of the passage with its context (prefix, quote,
suffix) that are still in the text word for word: each occurrence of a piece
votes for where the whole would start, and the places with most votes are kept.
At each, rapidfuzz aligns the old passage with its context to the text there
(Levenshtein's edit operations), which carries the quote's two ends across the
edits.
The candidates are judged by ``store.text.anchor`` like any other.

Imported only when a passage needs it: rapidfuzz is not loaded by ``import store``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from store.text.normal import SEPARATOR, Normalized

PIECES = 12
"""Pieces the passage with its context is cut into (fewer for short ones)."""
SMALLEST_PIECE = 5
COMMON = 40
"""A piece found more often than this says nothing about where the passage is."""
CANDIDATES = 6
"""Places looked at closely, at most."""


def approximate(
    view: Normalized, prefix: str, exact: str, suffix: str, near: int | None
) -> list[tuple[int, int]]:
    """Spans of ``view.text`` that may hold the passage ``exact`` (normalized, as its
    context), best voted first."""
    needle = prefix + exact + suffix
    text = view.text
    size = max(SMALLEST_PIECE, len(needle) // PIECES)
    votes: Counter[int] = Counter()
    for offset in range(0, max(1, len(needle) - size + 1), size):
        piece = needle[offset : offset + size]
        if len(piece) < SMALLEST_PIECE or piece.isspace():
            continue
        hits: list[int] = []
        found = text.find(piece)
        while found >= 0 and len(hits) <= COMMON:
            hits.append(found)
            found = text.find(piece, found + 1)
        if len(hits) > COMMON:
            continue
        for hit in hits:
            votes[hit - offset] += 1
    if not votes:
        return []
    slack = 8 + len(needle) // 8
    places = _clustered(votes, slack)
    places.sort(key=lambda place: (-place[1], abs(place[0] - near) if near is not None else 0))
    spans = []
    for start, _ in places[:CANDIDATES]:
        span = _aligned(text, needle, len(prefix), len(prefix) + len(exact), start, slack)
        if span is not None and span not in spans:
            spans.append(span)
    return spans


def _clustered(votes: Counter[int], slack: int) -> list[tuple[int, int]]:
    """Starts voted for, those within ``slack`` of each other as one (the most voted
    start speaking for them), each with its votes."""
    places: list[tuple[int, int]] = []
    group: list[tuple[int, int]] = []
    for start in sorted(votes):
        if group and start - group[-1][0] > slack:
            places.append(_leader(group))
            group = []
        group.append((start, votes[start]))
    places.append(_leader(group))
    return places


def _leader(group: list[tuple[int, int]]) -> tuple[int, int]:
    start = max(group, key=lambda item: item[1])[0]
    return start, sum(count for _, count in group)


def _aligned(
    text: str, needle: str, begin: int, end: int, start: int, slack: int
) -> tuple[int, int] | None:
    """Where ``needle[begin:end]`` lands in the text when the needle is aligned at
    about ``start``: a span of ``text``, or None if it lands on nothing."""
    from rapidfuzz.distance import Levenshtein

    low = max(0, start - slack)
    window = text[low : start + len(needle) + slack]
    opcodes = Levenshtein.opcodes(needle, window)
    first, last = _carried(opcodes, begin, end=False), _carried(opcodes, end, end=True)
    while first < last and window[first] == " ":
        first += 1
    while last > first and window[last - 1] == " ":
        last -= 1
    if last <= first or SEPARATOR in window[first:last]:
        return None
    return low + first, low + last


def _carried(opcodes: Iterable[Any], position: int, *, end: bool) -> int:
    """Where ``position`` of the first string lands in the second, by an alignment's
    opcodes: inside a replaced or deleted stretch, at the start of what stands for it
    (an end: at its end)."""
    for tag, first_start, first_end, second_start, second_end in opcodes:
        if tag == "insert":
            continue
        inside = first_start < position < first_end or (
            (position == first_end) if end else (position == first_start)
        )
        if not inside:
            continue
        if tag == "equal":
            return int(second_start + position - first_start)
        return int(second_end if end else second_start)
    return 0
