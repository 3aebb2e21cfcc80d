"""The rows of one text at one width, and the geometry between offsets, rows and cells.

Positions are character offsets into the text, never rows, so they survive a
re-wrap. A long text is wrapped in stretches: ``rows.wrapped_to`` says how far;
``extend`` and ``wrap_through`` wrap more of it at once when a motion needs it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from rich.cells import split_graphemes

from tui.wrap import Rows, is_single_cell, wrap_text

SYNC_WRAP_CHARS = 200_000
"""Texts up to this length are wrapped at once; longer ones wrap in a thread."""
FIRST_SCREEN_CHARS = 16_384
"""How much of a long text is wrapped at once: more than a full-width 48-row screen holds."""
EXTEND_CHARS = 16_384
"""How much more is wrapped at once when a motion reaches the end of the part wrapped so far."""
NEAR_CHARS = 262_144
"""A cursor this close past the wrapped part is wrapped to at once; farther, it waits for the
background wrap, which then scrolls it into view."""

GUTTER = 2
"""Cells left of the text where a row's marks show which tags and links it carries."""


class TextLayout:
    """One text's rows at ``width`` cells (``Rows`` of offsets), and what is where."""

    def __init__(self, text: str = "", extended: Callable[[], None] = lambda: None) -> None:
        self.text = text
        self.rows = Rows()
        self.width = 0
        """The width the rows are wrapped at (0: not wrapped yet)."""
        self._extended = extended
        """Called when ``extend`` adds rows (the view then scrolls farther)."""

    def reset(self, text: str) -> None:
        """Another text, not wrapped yet."""
        self.text = text
        self.rows = Rows()
        self.width = 0

    def install(self, rows: Rows) -> None:
        """Rows wrapped at ``width``."""
        self.rows = rows

    @property
    def fully_wrapped(self) -> bool:
        return self.rows.wrapped_to >= len(self.text) and bool(self.rows)

    def row_of(self, offset: int) -> int:
        """The row that shows ``offset`` (the last row for offsets past the wrapped part)."""
        if not self.rows:
            return 0
        return max(0, bisect_right(self.rows.starts, offset) - 1)

    def cells(self, start: int, end: int) -> int:
        """How many cells ``text[start:end]`` takes."""
        part = self.text[start:end]
        if is_single_cell(part):
            return len(part)
        return split_graphemes(part)[1]

    def offset_at(self, row: int, cells: int) -> int:
        """The offset under cell column ``cells`` of ``row``, clamped to the row."""
        rows = self.rows
        if not rows:
            return 0
        row = min(max(row, 0), len(rows) - 1)
        start, end = rows.starts[row], rows.ends[row]
        last = end if row == len(rows) - 1 or rows.starts[row + 1] != end else end - 1
        last = max(start, last)
        part = self.text[start:end]
        if is_single_cell(part):
            return min(start + max(cells, 0), last)
        used = 0
        for g_start, _, g_cells in split_graphemes(part)[0]:
            if used + g_cells > cells:
                return min(start + g_start, last)
            used += g_cells
        return last

    def position(self, row: int) -> float:
        """How far down the text ``row`` starts, from 0 to 1."""
        return self.rows.starts[row] / len(self.text) if self.text else 0.0

    def row_at(self, position: float) -> int:
        """The row holding the place ``position`` (0 to 1) of the way down the text."""
        return self.row_of(int(position * len(self.text)))

    def offset_at_point(self, x: int, row: int) -> int | None:
        """The offset under cell ``x`` of ``row``, ``x`` counted from the gutter's left
        edge: None in the gutter, which is not text."""
        if not self.rows or x < GUTTER:
            return None
        return self.offset_at(row, x - GUTTER)

    def extend(self) -> bool:
        """Wrap the next stretch of a partly wrapped text now; False if all is wrapped.

        Motions near the end of the part wrapped so far must not wait for the
        background wrap, nor mistake its last row for the end of the text.
        """
        rows = self.rows
        if not rows or rows.wrapped_to >= len(self.text):
            return False
        more = wrap_text(
            self.text, self.width, start=rows.wrapped_to, stop=rows.wrapped_to + EXTEND_CHARS
        )
        assert more is not None
        rows.extend(more)
        self._extended()
        return True

    def wrap_through(self, offset: int) -> None:
        """Make sure the row holding ``offset`` is wrapped, when it is near."""
        while offset >= self.rows.wrapped_to and offset - self.rows.wrapped_to < NEAR_CHARS:
            if not self.extend():
                return
