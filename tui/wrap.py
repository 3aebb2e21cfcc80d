"""Soft-wrap article text into rows of offsets, aware of terminal cell widths.

A wrapped document is two parallel lists: where each row starts and ends in the
text. Nothing else is stored, so a row is rendered straight from the text, and a
position survives a re-wrap as a character offset.

Rows break after a run of spaces; a word longer than the row is folded. Rows may
carry trailing spaces past the width (they are invisible and cropped), so every
character of the text belongs to exactly one row and newlines to none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rich.cells import split_graphemes

_SINGLE_CELL = re.compile(
    "[\t\x20-\x7e\xa0-\u02ff\u0370-\u0482\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\ufffd]*"
)
"""Text made only of characters one cell wide, where offsets and cells agree."""


def is_single_cell(text: str) -> bool:
    return text.isascii() or _SINGLE_CELL.fullmatch(text) is not None


@dataclass
class Rows:
    """Where each wrapped row starts and ends, as offsets into the text."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    wrapped_to: int = 0
    """Offset up to which the text is wrapped; the whole text once wrapping is done."""

    def __len__(self) -> int:
        return len(self.starts)

    def extend(self, other: Rows) -> None:
        self.starts.extend(other.starts)
        self.ends.extend(other.ends)
        self.wrapped_to = other.wrapped_to


def wrap_line(text: str, start: int, end: int, width: int, rows: Rows) -> None:
    """Append the rows of the hard line ``text[start:end]`` (no newline inside)."""
    width = max(1, width)
    segment = text[start:end]
    if is_single_cell(segment):
        _wrap_single_cell(text, start, end, width, rows)
    else:
        _wrap_graphemes(segment, start, width, rows)


def _wrap_single_cell(text: str, start: int, end: int, width: int, rows: Rows) -> None:
    row = start
    while end - row > width:
        limit = row + width
        cut = text.rfind(" ", row, limit + 1)
        if cut <= row:
            following = limit
        else:
            following = cut + 1
            while following < end and text[following] == " ":
                following += 1
        rows.starts.append(row)
        rows.ends.append(following)
        row = following
    rows.starts.append(row)
    rows.ends.append(end)


def _wrap_graphemes(segment: str, start: int, width: int, rows: Rows) -> None:
    spans, _ = split_graphemes(segment)
    row = 0
    cells = 0
    after_space = -1
    for index, (g_start, g_end, g_cells) in enumerate(spans):
        is_space = segment[g_start] == " "
        if cells + g_cells > width and not is_space and g_start > row:
            following = after_space if after_space > row else g_start
            rows.starts.append(start + row)
            rows.ends.append(start + following)
            row = following
            cells = _cells_between(spans, index, row)
            after_space = -1
        cells += g_cells
        if is_space:
            after_space = g_end
    rows.starts.append(start + row)
    rows.ends.append(start + len(segment))


def _cells_between(spans: list[tuple[int, int, int]], index: int, row: int) -> int:
    """Cells of the graphemes from offset ``row`` up to (not including) ``spans[index]``."""
    total = 0
    for g_start, _, g_cells in reversed(spans[:index]):
        if g_start < row:
            break
        total += g_cells
    return total


def wrap_text(
    text: str,
    width: int,
    start: int = 0,
    stop: int | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Rows | None:
    """Wrap whole hard lines from ``start`` until at least ``stop``; None if cancelled.

    ``start`` must be the start of a line. Wrapping ends at the end of the line
    that contains ``stop`` (or at the end of the text), recorded in ``wrapped_to``.
    """
    rows = Rows()
    length = len(text)
    stop = length if stop is None else min(stop, length)
    position = start
    checked = 0
    while True:
        newline = text.find("\n", position)
        line_end = length if newline < 0 else newline
        wrap_line(text, position, line_end, width, rows)
        if newline < 0:
            rows.wrapped_to = length
            return rows
        position = newline + 1
        if position > stop:
            rows.wrapped_to = position
            return rows
        checked += 1
        if checked % 512 == 0 and cancelled():
            return None
