"""``attribution``: one quotation given to different people.

Only occurrences quoted in full count (a few words in a sentence about someone
are less surely theirs). One person's name spelled two ways is one person: a
``name`` discrepancy, if any, not an attribution.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher
from itertools import combinations

from store.compare.detection import DetectionContext, Finding
from store.compare.findings import Occurrence
from store.compare.speakers import speaker_key
from store.compare.spellings import SPELLED_ALIKE

KIND = "attribution"


def detect(context: DetectionContext) -> Iterator[Finding]:
    """Each quotation's speakers, compared between articles."""
    for rank, (group, _) in enumerate(context.groups):
        by_key: dict[str, list[Occurrence]] = {}
        for occurrence in group.occurrences:
            key = speaker_key(occurrence.speaker)
            if key and not occurrence.partial:
                by_key.setdefault(key, []).append(occurrence)
        for one, two in combinations(sorted(by_key), 2):
            if SequenceMatcher(None, one, two).ratio() >= SPELLED_ALIKE:
                continue
            sides = (by_key[one], by_key[two])
            if len({o.article_id for side in sides for o in side}) < 2:
                continue
            names = (sides[0][0].speaker, sides[1][0].speaker)
            yield Finding(KIND, group.id, names, *sides, _attributed, about=rank)


def _attributed(one: str, two: str, who_one: str, who_two: str) -> str:
    return f"{who_one} attributes it to {one}, {who_two} to {two}"
