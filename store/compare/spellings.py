"""One person's name spelled two ways by the articles (a letter changed, an accent
left out): a fact of the corpus, found once for the ``name`` detector and for the
narrated facts (whose words spelled two ways are not found again).
"""

from __future__ import annotations

from collections import defaultdict
from difflib import SequenceMatcher
from itertools import combinations
from typing import NamedTuple

from store.compare.corpus import Corpus

SPELLED_ALIKE = 0.75
"""How alike (``SequenceMatcher.ratio``) two spellings of one name are at the least."""
LEAST_LETTERS = 4
"""A word spelled two ways has this many letters at least, in either spelling."""


class SpelledName(NamedTuple):
    """Two spellings of one name, and the articles giving each (in the store's order)."""

    one: str
    two: str
    in_one: tuple[int, ...]
    in_two: tuple[int, ...]

    def words(self) -> list[tuple[str, str]]:
        """The words spelled two ways: (one's, two's)."""
        return [(x, y) for x, y in zip(self.one.split(), self.two.split(), strict=True) if x != y]


def names_spelled_two_ways(corpus: Corpus) -> list[SpelledName]:
    """Each pair of full names that differ in one word spelled a little differently,
    given by two articles at least."""
    carriers: dict[str, list[int]] = {}  # each full name -> the articles naming it
    for article in corpus.articles:
        for full in sorted(set(corpus.people[article.id].values())):
            carriers.setdefault(full, []).append(article.id)
    # Names spelled alike differ in one word: they share the others.
    buckets: dict[tuple[int, tuple[str, ...]], list[str]] = defaultdict(list)
    for full in carriers:
        parts = full.split()
        for n in range(len(parts)):
            buckets[n, tuple(parts[:n] + parts[n + 1 :])].append(full)
    pairs: dict[tuple[str, str], None] = {}
    for names in buckets.values():
        for one, two in combinations(names, 2):
            if spelled_alike(one.split(), two):
                pairs[one, two] = None
    return [
        SpelledName(one, two, tuple(carriers[one]), tuple(carriers[two]))
        for one, two in pairs
        if len({*carriers[one], *carriers[two]}) >= 2
    ]


def spelled_alike(parts: list[str], other: str) -> bool:
    """Two names of as many words, one of them spelled a little differently."""
    o_parts = other.split()
    if len(o_parts) != len(parts) or len(parts) < 2:
        return False
    differing = [(x, y) for x, y in zip(parts, o_parts, strict=True) if x != y]
    if len(differing) == 1 and all(len(w) >= LEAST_LETTERS for w in differing[0]):
        x, y = differing[0]
        return SequenceMatcher(None, x.lower(), y.lower()).ratio() >= SPELLED_ALIKE
    return False
