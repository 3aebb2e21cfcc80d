"""Find a passage again in a text from its quote: the W3C TextQuoteSelector way.

Positions go stale when a text changes (a new version of an article, a text
imported again with small changes); the exact quote with its prefix and suffix
does not. ``find_passage`` looks for the passage in three ways, all compared
with white space and quote marks as a reader sees them (``store.text.normal``):

1. where it was (``hint``): accepted at once when the quote and its context are
   there unchanged;
2. every exact occurrence of the quote;
3. approximately (``store.text.fuzzy``), when no occurrence has the quote's whole
   context: the passage edited in place, or moved and edited.

Every candidate is judged by the same two figures. Its *fit*, which picks the
best, counts the characters that agree: the quote's (times its similarity) and
those of the prefix and suffix next to it; the nearest to the hint wins a tie.
So the passage edited at its old place beats an exact copy of the quote in
another context, which Hypothesis' client picks. Its *score*, from 0 to 1, says
whether the best is good enough: the quote's similarity, scaled down when
fewer than ``EVIDENCE`` characters agree in all (a short quote with no context
of its own proves nothing; an edited quote counts only its context), and halved
when another place fits as well without the whole context agreeing at either.
Below ``MIN_SCORE`` the passage is not placed: an orphan, listed, never put
somewhere else silently.

``anchor`` is the short form for import and merge: the span, or None.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from store.text.normal import SEPARATOR, Normalized, normalize

CONTEXT_CHARS = 32
MIN_SCORE = 0.8
"""Below this a candidate is not taken: the passage is an orphan."""
EVIDENCE = 40
"""Characters of quote and context that must agree for a candidate to score fully."""
SIDE = 4
"""Characters a side of the context must agree on for a quote shorter than
``EVIDENCE`` to count that of its other side in full."""
MAX_OCCURRENCES = 2000
"""Exact occurrences of a quote looked at, at most (a one-word quote in a 5 MB text)."""


def quote_selector(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(exact, prefix, suffix) of ``text[start:end]``."""
    return (
        text[start:end],
        text[max(0, start - CONTEXT_CHARS) : start],
        text[end : end + CONTEXT_CHARS],
    )


class Placement(NamedTuple):
    """Where a passage was found, how sure that is, and how it was found."""

    start: int
    end: int
    score: float
    """From 0 to 1: at least ``MIN_SCORE`` to be taken (``placed``)."""
    method: str
    """``position`` (where it was, or where the versions' alignment puts it), ``exact``
    (an exact occurrence of the quote elsewhere), ``fuzzy`` (found approximately),
    ``ambiguous`` (another place fits as well: its score is halved), or ``elsewhere``
    (only offered, never taken: text a new version did not add, so another passage)."""
    fit: float = 0.0
    """Characters of quote and context that agree (how candidates are ranked)."""

    @property
    def placed(self) -> bool:
        return self.score >= MIN_SCORE


class Quote:
    """A passage's selector in normalized form, and how a candidate span agrees with it."""

    __slots__ = ("exact", "needed", "prefix", "raw", "suffix")

    def __init__(self, exact: str, prefix: str, suffix: str) -> None:
        self.raw = exact
        self.exact = normalize(exact)
        self.prefix = normalize(prefix)
        self.suffix = normalize(suffix)
        self.needed = max(1, min(EVIDENCE, len(self.exact) + len(self.prefix) + len(self.suffix)))
        """Characters that must agree: ``EVIDENCE``, or all there are in a short text."""

    def judge(
        self,
        text: str,
        start: int,
        end: int,
        method: str,
        hint: int | None,
        kept: int | None = None,
    ) -> tuple[tuple[float, int], Placement]:
        """The candidate ``text[start:end]`` as a Placement, with its rank (higher wins).

        ``kept``: how many characters of the passage and its surroundings an
        alignment of the two versions found unchanged there, if one did; else the
        agreeing context counts, and the quote itself only if it is there exactly
        (an edited quote does not vouch for itself).
        """
        found = normalize(text[start:end])
        similarity = 1.0 if found == self.exact else _similarity(self.exact, found)
        before = normalize(text[max(0, start - 2 * CONTEXT_CHARS) : start])
        after = normalize(text[end : end + 2 * CONTEXT_CHARS])
        left, right = _common_end(before, self.prefix), _common_start(after, self.suffix)
        agreeing = left + right
        if kept is None:
            kept = agreeing + (len(self.exact) if similarity == 1.0 else 0)
            one_sided = left < min(SIDE, len(self.prefix)) or right < min(SIDE, len(self.suffix))
            if len(self.exact) < self.needed and one_sided:
                kept = min(kept, len(self.exact) + max(left, right) // 2)
        score = similarity * min(1.0, kept / self.needed)
        fit = similarity * len(self.exact) + agreeing
        distance = abs(start - hint) if hint is not None else 0
        placement = Placement(start, end, round(score, 4), method, round(fit, 2))
        return (fit, -distance), placement

    def whole_context(self, placement: Placement) -> bool:
        """Whether the quote, exactly, and all its context agree there."""
        return placement.fit >= len(self.exact) + len(self.prefix) + len(self.suffix)


def _similarity(a: str, b: str) -> float:
    from rapidfuzz.distance import Levenshtein

    return float(Levenshtein.normalized_similarity(a, b))


def _common_end(a: str, b: str) -> int:
    count = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_start(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _unchanged_at(text: str, exact: str, prefix: str, suffix: str, at: int) -> bool:
    end = at + len(exact)
    return (
        text.startswith(exact, at)
        and text[max(0, at - len(prefix)) : at] == prefix
        and text[end : end + len(suffix)] == suffix
    )


def find_passage(
    text: str,
    exact: str,
    prefix: str = "",
    suffix: str = "",
    hint: int | None = None,
    *,
    expected: tuple[int, int] | None = None,
    kept: int | None = None,
    regions: Sequence[tuple[int, int]] | None = None,
    view: Normalized | None = None,
    fresh: Callable[[int, int], bool] | None = None,
) -> Placement | None:
    """The best place for the passage in ``text``, placed or not (see ``Placement.placed``);
    None when there is nothing like it at all.

    ``hint`` is where it was expected to start. ``expected`` is a span known to
    hold it if anything does (where an alignment of two versions maps it), and
    ``kept`` how many characters of the passage and its surroundings the alignment
    found unchanged there: that span is taken if it is good enough (the passage
    edited in place stays in place, whatever copies of its old words the new
    version holds elsewhere); else it competes with the others. ``regions`` limits
    the search for occurrences to these stretches of ``text`` (the changed ones,
    between two versions); ``view`` is their
    ``Normalized`` form (or the whole text's), if the caller keeps one. ``fresh``
    says whether a span holds text the new version added: an occurrence elsewhere
    that does not was there before, another passage than this one.
    """
    if not exact.strip():
        return None
    if hint is not None and _unchanged_at(text, exact, prefix, suffix, hint):
        return Placement(hint, hint + len(exact), 1.0, "position", float(len(exact)))
    quote = Quote(exact, prefix, suffix)
    best: tuple[tuple[float, int], Placement] | None = None

    rival = -1.0
    """The best fit of a candidate apart from the best (not overlapping it)."""

    def consider(start: int, end: int, method: str, kept: int | None = None) -> None:
        nonlocal best, rival
        if not 0 <= start < end <= len(text):
            return
        if method != "position" and fresh is not None and not fresh(start, end):
            return
        judged = quote.judge(text, start, end, method, hint, kept)
        if best is None or judged[0] > best[0]:
            if best is not None and not _overlap(best[1], judged[1]):
                rival = max(rival, best[1].fit)
            best = judged
        elif not _overlap(best[1], judged[1]):
            rival = max(rival, judged[1].fit)

    if expected is not None:
        consider(*expected, "position", kept)
        if best is not None and best[1].placed:
            return best[1]
    if hint is not None and text.startswith(exact, hint):
        consider(hint, hint + len(exact), "position")
    if best is not None and quote.whole_context(best[1]):
        return best[1]
    if view is None:
        view = _view(text, regions)
    occurrences = 0
    found = view.text.find(quote.exact)
    while found >= 0 and occurrences < MAX_OCCURRENCES:
        consider(view.position(found), view.position(found + len(quote.exact)), "exact")
        occurrences += 1
        found = view.text.find(quote.exact, found + 1)
    if best is None or not quote.whole_context(best[1]):
        from store.text.fuzzy import approximate

        near = None if hint is None else view.index(hint)
        for start, end in approximate(view, quote.prefix, quote.exact, quote.suffix, near):
            consider(view.position(start), view.position(end), "fuzzy")
    if best is None:
        return None
    chosen = best[1]
    if rival >= chosen.fit and not quote.whole_context(chosen):
        # Two places fit as well as each other, and not fully: neither is taken.
        return chosen._replace(score=round(chosen.score / 2, 4), method="ambiguous")
    return chosen


def _overlap(one: Placement, other: Placement) -> bool:
    return one.start < other.end and other.start < one.end


_VIEWS: dict[tuple[int, int], tuple[str, Normalized]] = {}


def _view(text: str, regions: Sequence[tuple[int, int]] | None) -> Normalized:
    """The normalized form of ``text`` (or of its ``regions``); the whole text's is
    kept for the next call on the same text (an import anchors passage after passage)."""
    if regions is not None:
        return Normalized(text, regions)
    key = (id(text), len(text))
    kept = _VIEWS.get(key)
    if kept is not None and kept[0] is text:
        return kept[1]
    view = Normalized(text)
    _VIEWS.clear()
    _VIEWS[key] = (text, view)
    return view


def anchor(
    text: str, exact: str, prefix: str = "", suffix: str = "", hint: int | None = None
) -> tuple[int, int] | None:
    """Where the passage is in ``text``; None if it is not there well enough.

    The general re-anchoring (see ``find_passage``): unchanged at ``hint``, else
    the exact quote best fitting its context, else approximately, with a minimum
    score; tolerant of white space (a pasted line break where the text has a
    space) and of straightened quote marks.
    """
    found = find_passage(text, exact, prefix, suffix, hint)
    if found is None or not found.placed:
        return None
    return found.start, found.end


__all__ = ["SEPARATOR", "Placement", "anchor", "find_passage", "quote_selector"]
