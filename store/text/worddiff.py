"""What changed between two versions, as a person reads it: a word diff with the
unchanged paragraphs folded.

``word_diff`` turns the versions' ``Alignment`` (``store.text.changes``) into
pieces in reading order: words kept, removed or added, and, for each stretch of
whole paragraphs no change touches, one folded piece saying how many there are.
The rest of a paragraph a change touches stays unfolded, as its context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from store.text.changes import Alignment, align

_WORD = re.compile(r"\w+")


class Piece(NamedTuple):
    """One piece of a word diff."""

    kind: str
    """``same``, ``removed``, ``added``, or ``folded`` (unchanged paragraphs, not shown)."""
    text: str
    """The words ('' for a folded piece)."""
    old_start: int
    """Where the piece starts in the old version (where it would be, for added words)."""
    new_start: int
    """Where it starts in the new version (where it would be, for removed words)."""
    paragraphs: int = 0
    """How many paragraphs a folded piece stands for."""


@dataclass
class WordDiff:
    """Two versions' differences: pieces in reading order, and the changed stretches."""

    pieces: list[Piece] = field(default_factory=list)
    hunks: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Each changed stretch as (old start, old end, new start, new end)."""
    added_words: int = 0
    removed_words: int = 0

    @property
    def identical(self) -> bool:
        return not self.hunks

    def touches(self, start: int, end: int, *, new: bool) -> bool:
        """Whether the passage ``start:end`` (of the new version, or of the old) overlaps
        a change or borders on one (an annotation on a changed passage)."""
        for hunk in self.hunks:
            lo, hi = (hunk[2], hunk[3]) if new else (hunk[0], hunk[1])
            if start <= hi and lo <= end and (lo < hi or start < lo < end or lo == start):
                return True
        return False

    def summary(self) -> str:
        """One line: how many stretches changed, words added and removed."""
        if self.identical:
            return "no change"
        stretches = len(self.hunks)
        noun = "change" if stretches == 1 else "changes"
        return f"{stretches} {noun}: {self.added_words} words added, {self.removed_words} removed"


def word_diff(old: str, new: str, alignment: Alignment | None = None) -> WordDiff:
    """The word diff of ``old`` and ``new`` (their alignment, if already made)."""
    alignment = alignment or align(old, new)
    diff = WordDiff()
    for run in alignment.runs:
        if run.same:
            _unchanged(diff, old, run.old_start, run.old_end, run.new_start)
            continue
        diff.hunks.append((run.old_start, run.old_end, run.new_start, run.new_end))
        if run.old_end > run.old_start:
            removed = old[run.old_start : run.old_end]
            diff.pieces.append(Piece("removed", removed, run.old_start, run.new_start))
            diff.removed_words += len(_WORD.findall(removed))
        if run.new_end > run.new_start:
            added = new[run.new_start : run.new_end]
            diff.pieces.append(Piece("added", added, run.old_end, run.new_start))
            diff.added_words += len(_WORD.findall(added))
    return diff


def _unchanged(diff: WordDiff, old: str, start: int, end: int, new_start: int) -> None:
    """The unchanged text ``old[start:end]``: its whole paragraphs folded, the ends
    of paragraphs a change touches kept."""
    at_line_start = start == 0 or old[start - 1] == "\n"
    head_end = start if at_line_start else old.find("\n", start, end) + 1
    tail_start = old.rfind("\n", start, end) + 1 if end < len(old) else end
    if (head_end <= start and not at_line_start) or tail_start <= head_end:
        diff.pieces.append(Piece("same", old[start:end], start, new_start))
        return
    folded = old.count("\n", head_end, tail_start) - _blank_lines(old, head_end, tail_start)
    if folded <= 0:
        diff.pieces.append(Piece("same", old[start:end], start, new_start))
        return
    if head_end > start:
        diff.pieces.append(Piece("same", old[start:head_end], start, new_start))
    shift = new_start - start
    diff.pieces.append(Piece("folded", "", head_end, head_end + shift, folded))
    if end > tail_start:
        diff.pieces.append(Piece("same", old[tail_start:end], tail_start, tail_start + shift))


def _blank_lines(text: str, start: int, end: int) -> int:
    """Lines of nothing but white space in ``text[start:end]`` (whole lines)."""
    return sum(1 for line in text[start:end].split("\n")[:-1] if not line.strip())


def render(diff: WordDiff) -> str:
    """The diff as plain text: ``[-removed-]``, ``{+added+}``, folded paragraphs as a
    line of their own."""
    out: list[str] = []
    for piece in diff.pieces:
        if piece.kind == "same":
            out.append(piece.text)
        elif piece.kind == "removed":
            out.append(f"[-{piece.text}-]")
        elif piece.kind == "added":
            out.append(f"{{+{piece.text}+}}")
        else:
            noun = "paragraph" if piece.paragraphs == 1 else "paragraphs"
            out.append(f"… {piece.paragraphs} unchanged {noun} …\n")
    return "".join(out)
