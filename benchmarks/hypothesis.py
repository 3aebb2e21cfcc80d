"""Hypothesis' re-anchoring, as its web client does it: the baseline of the
re-anchoring benchmark (``benchmarks/reanchoring.py``).

A port of hypothesis/client ``src/annotator/anchoring/match-quote.ts`` (with the
``approx-string-match`` library it calls) and of the order in which its
``anchor()`` tries the selectors: the position first, taken when the text there
equals the quote; then the quote, searched exactly and, only when it is nowhere
exactly, approximately (at most min(256, len/2) errors, keeping the matches with
the fewest); each candidate scored ``(50 quote + 20 prefix + 20 suffix + 2
position) / 92``; the best taken, whatever its score. The text is compared as it
is (no white-space folding), as the client compares the page's text.

The approximate search is Myers' bit-parallel algorithm (``approx-string-match``
is its JavaScript form) on Python integers as bit vectors of any length.
"""

from __future__ import annotations

from typing import NamedTuple


class Match(NamedTuple):
    start: int
    end: int
    errors: int


def _match_ends(text: str, pattern: str, max_errors: float) -> list[tuple[int, int]]:
    """(end, errors) of the matches of ``pattern`` in ``text`` with the fewest errors,
    at most ``max_errors``."""
    length = len(pattern)
    if length == 0:
        return []
    max_errors = min(max_errors, length)
    peq: dict[str, int] = {}
    for index, char in enumerate(pattern):
        peq[char] = peq.get(char, 0) | (1 << index)
    full = (1 << length) - 1
    last = 1 << (length - 1)
    pv, mv, score = full, 0, length
    found: list[tuple[int, int]] = []
    fewest = max_errors
    for position, char in enumerate(text):
        eq = peq.get(char, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & last:
            score += 1
        elif mh & last:
            score -= 1
        ph = (ph << 1) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
        if score <= fewest:
            if score < fewest:
                found = []
                fewest = score
            found.append((position + 1, score))
    return found


def approximate_search(text: str, pattern: str, max_errors: float) -> list[Match]:
    """``approx-string-match``'s ``search``: the matches with the fewest errors."""
    matches = []
    reversed_pattern = pattern[::-1]
    for end, errors in _match_ends(text, pattern, max_errors):
        low = max(0, end - len(pattern) - errors)
        backwards = _match_ends(text[low:end][::-1], reversed_pattern, errors)
        start = min((end - rend for rend, _ in backwards), default=end)
        matches.append(Match(start, end, errors))
    return matches


def search(text: str, pattern: str, max_errors: float) -> list[Match]:
    """Exact matches if there are any, else approximate ones (match-quote.ts)."""
    exact = []
    found = text.find(pattern)
    while found != -1:
        exact.append(Match(found, found + len(pattern), 0))
        found = text.find(pattern, found + 1)
    if exact:
        return exact
    return approximate_search(text, pattern, max_errors)


def _text_match_score(text: str, pattern: str) -> float:
    if not pattern or not text:
        return 0.0
    matches = search(text, pattern, len(pattern))
    return 1 - matches[0].errors / len(pattern)


def match_quote(
    text: str, quote: str, prefix: str = "", suffix: str = "", hint: int | None = None
) -> tuple[int, int, float] | None:
    """``matchQuote``: the best-scoring candidate (start, end, score), or None."""
    if not quote:
        return None
    matches = search(text, quote, min(256, len(quote) / 2))
    if not matches:
        return None
    best: tuple[int, int, float] | None = None
    for match in matches:
        quote_score = 1 - match.errors / len(quote)
        prefix_score = (
            _text_match_score(text[max(0, match.start - len(prefix)) : match.start], prefix)
            if prefix
            else 1.0
        )
        suffix_score = (
            _text_match_score(text[match.end : match.end + len(suffix)], suffix) if suffix else 1.0
        )
        position_score = 1.0
        if hint is not None:
            position_score = 1.0 - abs(match.start - hint) / len(text)
        score = (50 * quote_score + 20 * prefix_score + 20 * suffix_score + 2 * position_score) / 92
        if best is None or score > best[2]:
            best = (match.start, match.end, score)
    return best


def hypothesis_anchor(
    text: str, exact: str, prefix: str, suffix: str, start: int, end: int
) -> tuple[int, int] | None:
    """The client's ``anchor()``: the position if the quote is there, else ``matchQuote``."""
    if text[start:end] == exact:
        return start, end
    found = match_quote(text, exact, prefix, suffix, start)
    return None if found is None else (found[0], found[1])
