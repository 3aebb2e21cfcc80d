"""Find a passage again in a text from its quote: the W3C TextQuoteSelector way.

Positions go stale when a text is re-imported with small changes; the exact
quote with its prefix and suffix does not. ``anchor`` tries the stored position
first, then every occurrence of the quote, scored by how much of the prefix and
suffix agree and how close it is to the old position.
"""

from __future__ import annotations

CONTEXT_CHARS = 32


def quote_selector(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(exact, prefix, suffix) of ``text[start:end]``."""
    return (
        text[start:end],
        text[max(0, start - CONTEXT_CHARS) : start],
        text[end : end + CONTEXT_CHARS],
    )


def _agreement(a: str, b: str, from_end: bool) -> int:
    """How many characters two contexts share, counted from where they touch the quote."""
    if from_end:
        a, b = a[::-1], b[::-1]
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def anchor(
    text: str, exact: str, prefix: str = "", suffix: str = "", hint: int | None = None
) -> tuple[int, int] | None:
    """Where ``exact`` is in ``text``, best matching its context; None if it is not there."""
    if not exact:
        return None
    if hint is not None and text[hint : hint + len(exact)] == exact:
        before = text[max(0, hint - len(prefix)) : hint]
        after = text[hint + len(exact) : hint + len(exact) + len(suffix)]
        if before == prefix and after == suffix:
            return hint, hint + len(exact)
    best: tuple[int, int, int] | None = None
    position = text.find(exact)
    while position >= 0:
        before = text[max(0, position - len(prefix)) : position]
        after = text[position + len(exact) : position + len(exact) + len(suffix)]
        score = _agreement(before, prefix, from_end=True) + _agreement(after, suffix, False)
        distance = abs(position - hint) if hint is not None else 0
        if best is None or (score, -distance) > (best[0], -best[1]):
            best = (score, distance, position)
        position = text.find(exact, position + 1)
    if best is None:
        return None
    return best[2], best[2] + len(exact)
