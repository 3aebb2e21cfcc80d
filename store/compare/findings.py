"""What comparing articles finds, handed to the database and the formats: passages
(``Side``), the same quotation across articles (a ``QuoteGroup`` of
``Occurrence``), discrepancies between articles (``Discrepancy``), all of it in
one ``Comparison``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.records import Article


@dataclass(frozen=True)
class Side:
    """One article's passage: ``text[start:end] == exact``."""

    article_id: int
    start: int
    end: int
    exact: str


@dataclass(frozen=True)
class Occurrence(Side):
    """A quotation as one article gives it."""

    speaker: str = ""
    variant: bool = False
    """Its words differ from the canonical wording (contractions, changed words)."""
    partial: bool = False
    """It quotes only part of the canonical wording."""

    @property
    def status(self) -> str:
        return "variant" if self.variant else "partial" if self.partial else "exact"


@dataclass(frozen=True)
class QuoteGroup:
    """One utterance as quoted by several articles."""

    id: str
    speaker: str
    canonical: str
    occurrences: tuple[Occurrence, ...]

    def in_article(self, article_id: int) -> Occurrence | None:
        return next((o for o in self.occurrences if o.article_id == article_id), None)

    def status(self, article_id: int) -> str:
        """``exact``, ``variant``, ``partial`` or ``absent``: the article's coverage."""
        found = [o for o in self.occurrences if o.article_id == article_id]
        if not found:
            return "absent"
        if any(o.status == "exact" for o in found):
            return "exact"
        return "variant" if any(o.variant for o in found) else "partial"


@dataclass(frozen=True)
class Discrepancy:
    """Two passages that report the same thing with a material difference."""

    id: str
    kind: str
    """``quote-wording``, ``attribution``, ``venue``, ``number``, ``date``, ``name`` or
    ``action``."""
    reason: str
    sides: tuple[Side, Side]
    """Two passages that differ: on either side, the one of the first article (in the
    store's order) to say it."""
    each_side: tuple[tuple[Side, ...], tuple[Side, ...]] = ((), ())
    """Every passage on either side, ``sides[0]`` and ``sides[1]`` first: all the
    articles that say the one thing, and all that say the other."""
    link_kind: str = "contradicts"


@dataclass
class Comparison:
    articles: list[Article]
    groups: list[QuoteGroup]
    discrepancies: list[Discrepancy]
    decisions: dict[str, str] = field(default_factory=dict)
    """Suggestion id -> ``accepted`` or ``dismissed``."""

    def open_discrepancies(self) -> list[Discrepancy]:
        return [d for d in self.discrepancies if self.decisions.get(d.id) != "dismissed"]


_JSON = json.JSONEncoder(ensure_ascii=False)  # as json.dumps(..., ensure_ascii=False), made once


def stable_id(*parts: object) -> str:
    """An id made of ``parts``: the same parts, the same id, from one run to the next."""
    return hashlib.sha1(_JSON.encode(parts).encode()).hexdigest()[:16]
