"""The cursor and the selection in one text, and where each motion takes the cursor.

A selection runs from where it started (the anchor) up to the cursor, the
character under the cursor excluded. With ``v`` on, the anchor stays put and every
motion extends the selection; shift+arrows and a mouse drag set it for one move.
Vertical motions keep a goal column, in cells, across rows of different lengths.
Words, sentences and paragraphs are ``store.text.segment``'s.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.text import segment
from tui.view.layout import TextLayout


@dataclass(frozen=True)
class Change:
    """What a change of the cursor or the selection touched: the offsets whose rows are
    to be redrawn, and whether every row between them is (the selection changed)."""

    offsets: tuple[int, ...]
    span: bool


@dataclass(frozen=True)
class Selection:
    """A span of the article text: ``start <= end``, end excluded."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


class Cursor:
    """Where the cursor is, where the selection started, and what is selected."""

    def __init__(self, text: str = "") -> None:
        self.text = text
        self.offset = 0
        """The cursor, as an offset into the text."""
        self.anchor: int | None = None
        """Where the selection started, while motions extend it (``v``)."""
        self.selection: Selection | None = None
        self.goal: int | None = None
        """The cell column vertical motions aim for; None after any other motion."""

    def reset(self, text: str) -> None:
        """Another text: the cursor at its start, nothing selected."""
        self.text = text
        self.offset = 0
        self.anchor = None
        self.selection = None

    @property
    def selected_text(self) -> str:
        return self.text[self.selection.start : self.selection.end] if self.selection else ""

    # -- changes ----------------------------------------------------------------

    def move(self, offset: int, *, extend: bool = False, keep_goal: bool = False) -> Change:
        """Put the cursor at ``offset`` (in the text); with ``extend`` the selection
        follows it."""
        old_offset, old = self.offset, self.selection
        if extend and self.anchor is None:
            self.anchor = self.offset
        if not keep_goal:
            self.goal = None
        self.offset = offset
        if self.anchor is not None:
            low, high = sorted((self.anchor, offset))
            self.selection = Selection(low, high) if high > low else None
        offsets = [old_offset, offset]
        for selection in (old, self.selection):
            if selection is not None:
                offsets += [selection.start, selection.end]
        return Change(tuple(offsets), span=old != self.selection)

    def select(self, start: int, end: int) -> Change:
        """Select ``text[start:end]``, the cursor on its last character."""
        old = self.selection
        self.anchor = None
        self.selection = Selection(start, end) if end > start else None
        self.offset = max(start, end - 1) if end > start else start
        offsets = [start, end, self.offset] + ([old.start, old.end] if old else [])
        return Change(tuple(offsets), span=True)

    def clear(self) -> Change:
        """Nothing selected, motions no longer extending."""
        old = self.selection
        self.anchor = None
        self.selection = None
        return Change((old.start, old.end) if old else (), span=True)

    def toggle_anchor(self) -> None:
        """``v``: start extending from the cursor, or stop."""
        self.anchor = self.offset if self.anchor is None else None

    # -- where motions go ---------------------------------------------------------

    def word(self, direction: int) -> int:
        step = segment.next_word if direction > 0 else segment.prev_word
        return step(self.text, self.offset)

    def sentence(self, direction: int) -> int:
        step = segment.next_sentence if direction > 0 else segment.prev_sentence
        return step(self.text, self.offset)

    def paragraph(self, direction: int) -> int:
        step = segment.next_paragraph if direction > 0 else segment.prev_paragraph
        return step(self.text, self.offset)

    def edge(self, direction: int) -> int:
        return 0 if direction < 0 else len(self.text)

    def sentence_span(self) -> tuple[int, int]:
        return segment.sentence_at(self.text, self.offset)

    def paragraph_span(self) -> tuple[int, int]:
        return segment.paragraph_at(self.text, self.offset)

    def rows(self, layout: TextLayout, delta: int) -> tuple[int, bool]:
        """Where ``delta`` rows down (up if negative) take the cursor, at the goal
        column; past the first or last row, the start or end of the text. Whether the
        goal column is kept. Wraps more of a partly wrapped text if need be."""
        row = layout.row_of(self.offset)
        rows = layout.rows
        if self.goal is None:
            self.goal = layout.cells(rows.starts[row], self.offset) if rows else 0
        while row + delta >= len(layout.rows) and layout.extend():
            pass
        target = min(max(row + delta, 0), max(len(layout.rows) - 1, 0))
        if target == row:
            return self.edge(delta), False
        return layout.offset_at(target, self.goal), True
