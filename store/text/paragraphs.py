"""Paragraphs of an article's text, for the ``{`` and ``}`` motions and the report's
paragraph numbers (``store.text.segment`` explains the rules), and the helpers the
sentence and word motions share.
"""

from __future__ import annotations

import re
from typing import NamedTuple

TOKEN_LIMIT = 256
"""Longest word the word motions handle exactly (longer runs are cut), and how far
past a window's edge a cut sentence looks for white space."""

_NONSPACE = re.compile(r"\S")
SPACE = re.compile(r"\s")
_LINE_LEAD = re.compile(r"[^\S\n]*(\S)")


class Region(NamedTuple):
    """A paragraph's span, or the part of it seen through a window."""

    start: int
    end: int
    cut_start: bool
    cut_end: bool


def clamp(text: str, pos: int) -> int:
    return min(max(pos, 0), len(text))


def first_nonspace(text: str, pos: int) -> int:
    """First non-space offset at or after pos, or len(text): where the next text begins."""
    found = _NONSPACE.search(text, pos)
    return len(text) if found is None else found.start()


def last_nonspace_before(text: str, pos: int) -> int:
    """Last non-space offset before pos, or -1; scans back in chunks so gaps stay cheap."""
    while pos > 0:
        chunk_start = max(0, pos - 256)
        kept = text[chunk_start:pos].rstrip()
        if kept:
            return chunk_start + len(kept) - 1
        pos = chunk_start
    return -1


def _line_start(text: str, pos: int, lo: int) -> int | None:
    """Start of the line holding pos, or None when it lies before lo (outside the window)."""
    newline = text.rfind("\n", max(lo - 1, 0), pos)
    if newline >= 0:
        return newline + 1
    return 0 if lo == 0 else None


def _line_end(text: str, pos: int, hi: int) -> int | None:
    """Offset of the newline ending pos's line (or len(text)), or None when beyond hi."""
    newline = text.find("\n", pos, min(hi + 1, len(text)))
    if newline >= 0:
        return newline
    return len(text) if hi >= len(text) else None


def _is_blank(text: str, start: int, end: int) -> bool:
    return _NONSPACE.search(text, start, end) is None


def _continues(text: str, line_start: int) -> bool:
    """Whether the line at line_start is a wrapped continuation: it starts in lowercase."""
    lead = _LINE_LEAD.match(text, line_start)
    return lead is not None and lead.group(1).islower()


def _extend_back(text: str, start: int, lo: int) -> int | None:
    """Walk up over continuation lines to the paragraph's first line (None: before lo)."""
    while start > 0 and _continues(text, start):
        previous = _line_start(text, start - 1, lo)
        if previous is None:
            return None
        if _is_blank(text, previous, start - 1):
            break
        start = previous
    return start


def _extend_forward(text: str, end: int, hi: int) -> int | None:
    """Walk down over continuation lines to the paragraph's end (None: beyond hi)."""
    while end < len(text) and _continues(text, end + 1):
        following = _line_end(text, end + 1, hi)
        if following is None:
            return None
        end = following
    return end


def paragraph_region(text: str, pos: int, lo: int, hi: int) -> Region | None:
    """The paragraph holding pos as seen within [lo, hi], or None on a blank line."""
    start = _line_start(text, pos, lo)
    end = _line_end(text, pos, hi)
    if _is_blank(text, lo if start is None else start, hi if end is None else end):
        return None
    if start is not None:
        start = _extend_back(text, start, lo)
    if end is not None:
        end = _extend_forward(text, end, hi)
    return Region(
        lo if start is None else start, hi if end is None else end, start is None, end is None
    )


def paragraph_at(text: str, pos: int) -> tuple[int, int]:
    """The paragraph holding pos, from its line start to its end before the newline.

    Lines are whole, leading and trailing spaces included, so a bullet's indent is
    part of its paragraph. A position on a newline belongs to the line the newline
    ends. On a blank line the answer is the empty span ``(pos, pos)``: the cursor is
    between paragraphs, and callers can test for emptiness instead of guessing which
    neighbour was meant.

    Args:
        text: The whole article text.
        pos: The cursor offset; clamped to ``[0, len(text)]``.

    Returns:
        ``(start, end)`` with ``text[start:end]`` the paragraph, or ``(pos, pos)``.
    """
    pos = clamp(text, pos)
    region = paragraph_region(text, pos, 0, len(text))
    return (pos, pos) if region is None else (region.start, region.end)


def paragraph_starts(text: str) -> list[int]:
    """Where every paragraph of ``text`` starts, in order: the paragraphs a reader
    steps through with ``{`` and ``}``, for numbering them (O(len(text)))."""
    starts = []
    previous_blank = True
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        blank = _is_blank(text, line_start, line_end)
        if not blank and (previous_blank or not _continues(text, line_start)):
            starts.append(line_start)
        previous_blank = blank
        line_start = line_end + 1
    return starts


def next_paragraph(text: str, pos: int) -> int:
    """Start of the paragraph after the one holding pos (vim ``}``, landing on text).

    Args:
        text: The whole article text.
        pos: The cursor offset; clamped to ``[0, len(text)]``.

    Returns:
        The line start of the next paragraph, or ``len(text)`` when there is none,
        so that repeated presses stop at the end.
    """
    pos = clamp(text, pos)
    _, end = paragraph_at(text, pos)
    following = first_nonspace(text, end)
    if following == len(text):
        return len(text)
    line_start = _line_start(text, following, 0)
    return following if line_start is None else line_start


def prev_paragraph(text: str, pos: int) -> int:
    """Start of the paragraph holding pos, or of the one before when already there.

    Like vim ``{`` but landing on the paragraph's first line, so ``{`` then ``}``
    returns to where the cursor was when it started a paragraph.

    Args:
        text: The whole article text.
        pos: The cursor offset; clamped to ``[0, len(text)]``.

    Returns:
        A paragraph's line start strictly before pos, or 0 at the top.
    """
    pos = clamp(text, pos)
    start, _ = paragraph_at(text, pos)
    if start < pos:
        return start
    previous = last_nonspace_before(text, start)
    return 0 if previous < 0 else paragraph_at(text, previous)[0]
