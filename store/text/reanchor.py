"""Annotations carried from one version of a text to the next.

The two versions are aligned once (``store.text.changes``). A passage whose
text is the same in both, in a stretch the same in both of at least
``EVIDENCE`` characters (the passage, and its context if it is shorter), is kept
where the alignment puts it: most passages, at the cost of a lookup. Any other is looked for by
``store.text.anchor.find_passage``: first where the alignment puts it (the
passage edited in place), then among the exact occurrences of its quote and,
failing an occurrence in its whole context, approximately, both only in the
changed stretches of the new version (a passage that moved is in text the
alignment found added; one in text that was there before is another passage).

Nothing here writes: ``reanchor`` returns where each passage goes, or that it
goes nowhere, and the store applies that as one action.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from store.text.anchor import EVIDENCE, MIN_SCORE, Placement, find_passage
from store.text.changes import Alignment, align
from store.text.normal import Normalized

MARGIN = 512
"""Characters on either side of a changed stretch searched with it."""
NEARBY = 20_000
"""Characters either side of where a passage was searched for a place to offer it,
when the new version added nothing like it."""
STEP = 256
"""Passages between two calls of the progress callback."""

Progress = Callable[[int, int], None]
"""Called with (passages done, passages in all) as re-anchoring goes on."""


class Passage(NamedTuple):
    """What re-anchoring needs of an annotation: its id, span and selector."""

    id: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


class Move(NamedTuple):
    """Where a passage goes in the new version: ``placement`` if it is placed, else it
    stays where it is (an orphan), ``placement`` then its best candidate, if any."""

    id: str
    placement: Placement | None

    @property
    def placed(self) -> bool:
        return self.placement is not None and self.placement.placed


def reanchor(
    old: str,
    new: str,
    passages: Iterable[Passage],
    progress: Progress | None = None,
    alignment: Alignment | None = None,
) -> list[Move]:
    """Where each passage of ``old`` goes in ``new``, in the order given."""
    alignment = alignment or align(old, new)
    wanted = list(passages)
    moves: list[Move] = []
    search = _Search(alignment)
    for done, passage in enumerate(wanted):
        if progress is not None and done % STEP == 0:
            progress(done, len(wanted))
        moves.append(Move(passage.id, search.place(passage)))
    if progress is not None:
        progress(len(wanted), len(wanted))
    return moves


class _Search:
    """One new version's searches: its changed stretches, normalized once if needed."""

    def __init__(self, alignment: Alignment) -> None:
        self.alignment = alignment
        self.regions = alignment.changed_regions(MARGIN)
        self._view: Normalized | None = None

    @property
    def view(self) -> Normalized:
        if self._view is None:
            self._view = Normalized(self.alignment.new, self.regions)
        return self._view

    def place(self, passage: Passage) -> Placement | None:
        alignment = self.alignment
        start, end = passage.start, passage.end
        if not 0 <= start < end <= len(alignment.old):
            return None
        kept = alignment.unchanged_around(start, end)
        if kept >= min(EVIDENCE, end - start + len(passage.prefix) + len(passage.suffix)):
            moved = alignment.start_in_new(start)
            return Placement(moved, moved + end - start, 1.0, "position", float(kept))
        first, last = alignment.start_in_new(start), alignment.end_in_new(end)
        found = find_passage(
            alignment.new,
            passage.exact,
            passage.prefix,
            passage.suffix,
            first,
            expected=(first, last) if first < last else None,
            kept=alignment.kept(start - len(passage.prefix), end + len(passage.suffix)),
            regions=self.regions,
            view=self.view,
            fresh=alignment.added_within,
        )
        if found is None:
            # Nothing like it in what the new version added: offer the best place
            # near where it was, never taken (it was in the old version too: another
            # passage), for the user to judge.
            near = [(max(0, first - NEARBY), min(len(alignment.new), first + NEARBY))]
            found = find_passage(
                alignment.new, passage.exact, passage.prefix, passage.suffix, first, regions=near
            )
            if found is not None:
                score = min(found.score, round(MIN_SCORE / 2, 4))
                found = found._replace(score=score, method="elsewhere")
        return found
