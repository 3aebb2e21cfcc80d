"""What every detector is given and what it gives back: the interface of the
detection stage (``store.compare.detectors``).

A detector is a function ``detect(context: DetectionContext) -> Iterable[Finding]``.
The context holds what the stages before found (the corpus, its quotations, the
quotation groups with their units, the narrated sentences, the names spelled two
ways); a finding says that some passages give one value of a fact and others
another. ``store.compare.results`` turns the findings into discrepancies: one per
fact and pair of values, however many detectors or passages show it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from store.compare.corpus import Corpus
from store.compare.findings import Side
from store.compare.narration import NarratedSentence
from store.compare.quotes import Quote
from store.compare.spellings import SpelledName
from store.compare.units import GroupedQuote

Describe = Callable[[Any, Any, str, str], str]
"""A reason from what each side shows and who says it (one article, or "X and 2 more")."""


@dataclass(frozen=True)
class DetectionContext:
    """What the stages before detection found, for every detector alike."""

    corpus: Corpus
    quotes: Mapping[int, Sequence[Quote]]
    """Each article's quotations, in text order."""
    groups: Sequence[GroupedQuote]
    """The quotation groups, the most carried first, each with its units."""
    sentences: Sequence[NarratedSentence]
    """The narrated sentences, each wording once."""
    spelled: Sequence[SpelledName]
    """The names spelled two ways."""

    def place(self, side: Side) -> tuple[int, int]:
        """Where a passage is: its article's place in the store's order, its offset."""
        return self.corpus.places[side.article_id], side.start


@dataclass(frozen=True, slots=True)
class Finding:
    """Passages ``one`` say ``values[0]`` of ``fact`` and passages ``two`` say
    ``values[1]``: one side each of a discrepancy of ``kind``.

    Findings of one kind, fact and pair of values (in either order) are one
    discrepancy: the passages of each side are put together. Give the same list
    of passages again (the passages of a wording compared with many others)
    rather than a copy: a list given again is not gone through again.
    """

    kind: str
    fact: Hashable
    values: tuple[Hashable, Hashable]
    one: Sequence[Side]
    two: Sequence[Side]
    describe: Describe
    """Called once every finding is in, with how each value reads (``shown``)."""
    shown: tuple[Any, Any] | None = None
    """How each value reads (the values themselves if None)."""
    about: int | None = None
    """The quotation group it is about (its index in ``DetectionContext.groups``), if
    any: a quotation's discrepancies are listed together, in the groups' order."""


Detector = Callable[[DetectionContext], Iterable[Finding]]
"""A kind of discrepancy: what in the context differs between articles."""
