"""What changed between two versions of a text: an alignment, word by word.

``align`` compares the versions line by line first (a 5 MB article has a few
thousand lines, and most are the same), then the words of the lines that differ
(diff-match-patch's diff over lines and over words, each coded as one
character, as its documentation suggests). The result, ``Alignment``, is the
runs of text the same in both, removed from the old or added in the new, with
their offsets in each; it carries an old offset to the new one (how annotations
follow a new version) and gives the changed stretches of the new text (where a
passage that moved or was edited can be).

``store.text.worddiff`` shows an alignment to a person.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import NamedTuple

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")
"""Words, runs of white space, and each other character on its own."""
CONTEXT = 32
"""Characters on either side of a passage that count as its surroundings."""
TIMEOUT = 2.0
"""Seconds diff-match-patch may take over one diff before settling for a longer one."""


class Run(NamedTuple):
    """A stretch of the alignment: ``old[old_start:old_end]`` and
    ``new[new_start:new_end]``, the same text when ``same``; else what was removed
    (the old part) and what was added (the new part), either possibly empty."""

    same: bool
    old_start: int
    old_end: int
    new_start: int
    new_end: int


class Alignment:
    """The runs of two versions, in order, each version covered end to end."""

    def __init__(self, old: str, new: str, runs: list[Run]) -> None:
        self.old = old
        self.new = new
        self.runs = runs
        self._starts = [run.old_start for run in runs]
        self._new_starts = [run.new_start for run in runs]

    def _run_at(self, position: int, *, end: bool) -> Run:
        # An end is looked up in the run it closes, a start in the run it opens.
        index = bisect_right(self._starts, position - 1 if end else position) - 1
        return self.runs[max(index, 0)]

    def start_in_new(self, position: int) -> int:
        """Where an old start offset is in the new text (a start inside changed text
        goes to the start of what replaced it)."""
        run = self._run_at(position, end=False)
        if run.same:
            return run.new_start + position - run.old_start
        return run.new_start

    def end_in_new(self, position: int) -> int:
        """Where an old end offset is in the new text (an end inside changed text goes
        to the end of what replaced it)."""
        run = self._run_at(position, end=True)
        if run.same:
            return run.new_start + position - run.old_start
        return run.new_end

    def unchanged(self, start: int, end: int) -> bool:
        """Whether ``old[start:end]`` lies inside one run the same in both."""
        run = self._run_at(start, end=False)
        return run.same and run.old_start <= start and end <= run.old_end

    def unchanged_around(self, start: int, end: int) -> int:
        """0 unless ``old[start:end]`` lies inside one run the same in both; then how many
        characters of that run lie within ``CONTEXT`` of the passage, the passage's own
        included (how much of it and its surroundings the new version kept as they were)."""
        run = self._run_at(start, end=False)
        if not (run.same and run.old_start <= start and end <= run.old_end):
            return 0
        return min(run.old_end, end + CONTEXT) - max(run.old_start, start - CONTEXT)

    def kept(self, start: int, end: int) -> int:
        """How many characters of ``old[start:end]`` are in runs the same in both."""
        index = max(bisect_right(self._starts, start) - 1, 0)
        total = 0
        for run in self.runs[index:]:
            if run.old_start >= end:
                break
            if run.same:
                total += max(0, min(run.old_end, end) - max(run.old_start, start))
        return total

    def added_within(self, start: int, end: int) -> bool:
        """Whether ``new[start:end]`` holds any text the new version added."""
        index = max(bisect_right(self._new_starts, start) - 1, 0)
        for run in self.runs[index:]:
            if run.new_start >= end:
                break
            if not run.same and run.new_end > start and run.new_end > run.new_start:
                return True
        return False

    def changed_regions(self, margin: int) -> list[tuple[int, int]]:
        """The new text's added stretches, each widened by ``margin`` on either side,
        overlapping ones joined."""
        regions: list[tuple[int, int]] = []
        for run in self.runs:
            if run.same or run.new_start == run.new_end:
                continue
            lo, hi = max(0, run.new_start - margin), min(len(self.new), run.new_end + margin)
            if regions and lo <= regions[-1][1]:
                regions[-1] = (regions[-1][0], max(hi, regions[-1][1]))
            else:
                regions.append((lo, hi))
        return regions

    @property
    def identical(self) -> bool:
        return all(run.same for run in self.runs)


def align(old: str, new: str) -> Alignment:
    """The alignment of two versions: lines first, then the words of changed lines."""
    runs: list[Run] = []
    for same, old_lines, new_lines, at_old, at_new in _diff_units(_lines(old), _lines(new), 0, 0):
        old_end, new_end = at_old + sum(map(len, old_lines)), at_new + sum(map(len, new_lines))
        if same:
            _add(runs, Run(True, at_old, old_end, at_new, new_end))
            continue
        old_tokens = _TOKENS.findall(old, at_old, old_end)
        new_tokens = _TOKENS.findall(new, at_new, new_end)
        for word_same, olds, news, o, n in _diff_units(old_tokens, new_tokens, at_old, at_new):
            _add(runs, Run(word_same, o, o + sum(map(len, olds)), n, n + sum(map(len, news))))
    if not runs:
        runs.append(Run(True, 0, 0, 0, 0))
    return Alignment(old, new, runs)


def _lines(text: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    return lines


def _add(runs: list[Run], run: Run) -> None:
    """Append ``run``, joined to the last one when both are the same kind."""
    if run.old_start == run.old_end and run.new_start == run.new_end:
        return
    if runs and runs[-1].same == run.same:
        last = runs[-1]
        runs[-1] = Run(run.same, last.old_start, run.old_end, last.new_start, run.new_end)
    else:
        runs.append(run)


def _diff_units(
    old: Sequence[str], new: Sequence[str], at_old: int, at_new: int
) -> Iterator[tuple[bool, Sequence[str], Sequence[str], int, int]]:
    """The diff of two sequences of units (lines, words) as (same, old units, new
    units, old offset, new offset), a changed stretch as one item."""
    from diff_match_patch import diff_match_patch

    codes: dict[str, str] = {}
    old_coded = "".join(codes.setdefault(unit, chr(len(codes))) for unit in old)
    new_coded = "".join(codes.setdefault(unit, chr(len(codes))) for unit in new)
    differ = diff_match_patch()
    differ.Diff_Timeout = TIMEOUT
    diffs = differ.diff_main(old_coded, new_coded, False)
    differ.diff_cleanupSemantic(diffs)
    i = j = 0
    pending: tuple[int, int, int, int] | None = None
    for operation, coded in diffs:
        count = len(coded)
        if operation == 0:
            if pending is not None:
                yield _changed(old, new, pending, i, j, at_old, at_new)
                pending = None
            yield True, old[i : i + count], new[j : j + count], at_old, at_new
            at_old += sum(map(len, old[i : i + count]))
            at_new += sum(map(len, new[j : j + count]))
            i, j = i + count, j + count
            continue
        if pending is None:
            pending = (i, j, at_old, at_new)
        if operation < 0:
            at_old += sum(map(len, old[i : i + count]))
            i += count
        else:
            at_new += sum(map(len, new[j : j + count]))
            j += count
    if pending is not None:
        yield _changed(old, new, pending, i, j, at_old, at_new)


def _changed(
    old: Sequence[str],
    new: Sequence[str],
    pending: tuple[int, int, int, int],
    i: int,
    j: int,
    at_old: int,
    at_new: int,
) -> tuple[bool, Sequence[str], Sequence[str], int, int]:
    first_i, first_j, start_old, start_new = pending
    return False, old[first_i:i], new[first_j:j], start_old, start_new
