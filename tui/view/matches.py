"""The search matches of one text (or the words the compare screen lights), in text order.

``n`` and ``N`` step through them from the cursor, wrapping around the text.
"""

from __future__ import annotations

from bisect import bisect_right

from store.text.find import find_all


class Matches:
    """Stretches of the text to highlight and visit."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []
        """``(start, end)`` of each match, in text order."""
        self.starts: list[int] = []
        self.generation = 0
        """Changes whenever the matches do, so cached rows are redrawn."""

    def clear(self) -> None:
        self.spans, self.starts = [], []

    def find(self, text: str, query: str) -> int:
        """Every match of ``query`` (literal, case-insensitive); how many."""
        self.show(find_all(text, query))
        return len(self.spans)

    def show(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]
        self.generation += 1

    def first_from(self, offset: int) -> int:
        """The index of the first match at or after ``offset`` (wrapping to the first)."""
        return bisect_right(self.starts, offset - 1) % len(self.spans)

    def step_from(self, offset: int, direction: int) -> int:
        """The index of the next match after ``offset`` (``direction`` > 0) or the one
        before it, wrapping around."""
        if direction > 0:
            return bisect_right(self.starts, offset) % len(self.spans)
        return (bisect_right(self.starts, offset - 1) - 1) % len(self.spans)

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The matches that overlap ``[start, end)``, clipped to it."""
        found: list[tuple[int, int]] = []
        first = max(0, bisect_right(self.starts, start) - 1)
        for m_start, m_end in self.spans[first:]:
            if m_start >= end:
                break
            if m_end > start:
                found.append((max(m_start, start), min(m_end, end)))
        return found
