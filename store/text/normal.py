"""Text as a reader compares it: white space as single spaces, quote marks straight.

A new version of an article often differs from the old only in such things (a line
break where there was a space, curly quotes straightened), and a passage pasted from
elsewhere too. ``Normalized`` is that form of a text, or of some stretches of it,
with the way back from each of its positions to the text's own; ``normalize`` gives
the form of a short string (a quote, its context).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

STRAIGHT = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
    }
)
"""Typographic quote marks, apostrophes and dashes, each to its one plain character."""

_SPACES = re.compile(r"\s{2,}|[^\S ]")
"""A run of white space that is not already one plain space."""
SEPARATOR = "\x00"
"""Between the stretches of a ``Normalized`` made of several (never in a clean text)."""


def normalize(text: str) -> str:
    """``text`` with each run of white space as one space and quote marks straight."""
    return _SPACES.sub(" ", text.translate(STRAIGHT))


class Normalized:
    """The normalized form of stretches of a text, joined by ``SEPARATOR``, and the
    way back from each of its positions to the text's.

    ``position(i)`` is the offset in the original text of the character at ``i``
    (or of where it ends, for an end); a run of white space shrunk to one space
    maps to the start of the run, the position after it to the end of the run.
    """

    __slots__ = ("_deltas", "_keys", "text")

    def __init__(self, text: str, spans: Sequence[tuple[int, int]] | None = None) -> None:
        parts: list[str] = []
        keys: list[int] = []
        deltas: list[int] = []
        length = 0
        for number, (lo, hi) in enumerate(spans if spans is not None else [(0, len(text))]):
            if number:
                parts.append(SEPARATOR)
                length += 1
            piece = text[lo:hi].translate(STRAIGHT)
            keys.append(length)
            deltas.append(lo - length)
            last = 0
            for match in _SPACES.finditer(piece):
                begin, end = match.span()
                parts.append(piece[last:begin])
                parts.append(" ")
                length += begin - last + 1
                keys.append(length)
                deltas.append(lo + end - length)
                last = end
            parts.append(piece[last:])
            length += len(piece) - last
        self.text = "".join(parts)
        """The normalized text."""
        self._keys = keys
        self._deltas = deltas

    def position(self, index: int) -> int:
        """The original text's offset of this normalized position."""
        found = bisect_right(self._keys, index) - 1
        return index + self._deltas[max(found, 0)]

    def index(self, position: int) -> int:
        """The normalized position nearest to the original offset ``position`` (a
        position inside a shrunk run of white space goes to its one space)."""
        lo, hi = 0, len(self.text)
        while lo < hi:
            middle = (lo + hi) // 2
            if self.position(middle) < position:
                lo = middle + 1
            else:
                hi = middle
        return lo
