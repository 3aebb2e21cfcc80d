"""What comparing articles finds: passages, the same quotation across articles
(groups of occurrences), discrepancies between articles, and the words passages
are compared in.

``store.grouping`` finds the groups, ``store.discrepancies`` the discrepancies,
``store.compare`` runs both over a store and gives the results out.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from store.compare.lexicon import lexicon

if TYPE_CHECKING:
    from store.records import Article

# -- words --------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
"""A word in any script (Müller, сказал), with its apostrophes (don't)."""
_EN = lexicon()
_CONTRACTIONS = {word: full.split() for word, full in _EN.map("contractions").items()}
_SUFFIXES = tuple(_EN.map("contraction_suffixes").items())


def words(text: str) -> list[str]:
    """Lower-cased words with contractions spelled out: the wording that counts."""
    out: list[str] = []
    for word in _WORD.findall(text.lower().replace("’", "'").replace("‘", "'")):
        if "'" not in word:  # every contraction and suffix below has one
            out.append(word)
            continue
        if word in _CONTRACTIONS:
            out += _CONTRACTIONS[word]
            continue
        for suffix, full in _SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix):
                out += [word[: -len(suffix)], full]
                break
        else:
            out.append(word.removesuffix("'s"))
    return out


def raw_words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'").replace("‘", "'"))


_NEGATIVE = _EN.words("negative_prefixes")


def merge_negations(mine: list[str], other: Sequence[str]) -> tuple[list[str], dict[int, str]]:
    """``mine`` with "not aware" written "unaware" where ``other`` has "unaware" (one
    negation, said two ways), and what each such word stood for, by position."""
    if "not" not in mine:
        return mine, {}
    wanted = {
        word[len(prefix) :]: word
        for word in other
        for prefix in _NEGATIVE
        if word.startswith(prefix) and len(word) - len(prefix) >= 4
    }
    if not wanted:
        return mine, {}
    out: list[str] = []
    shown: dict[int, str] = {}
    i = 0
    while i < len(mine):
        if mine[i] == "not" and i + 1 < len(mine) and mine[i + 1] in wanted:
            shown[len(out)] = f"not {mine[i + 1]}"
            out.append(wanted[mine[i + 1]])
            i += 2
        else:
            out.append(mine[i])
            i += 1
    return out, shown


Opcode = tuple[str, int, int, int, int]


def interior(codes: Sequence[Opcode]) -> Sequence[Opcode]:
    """``SequenceMatcher.get_opcodes()`` less what one side has and the other lacks
    at either end: a partial quotation is not a changed one."""
    start, end = 0, len(codes)
    while start < end and codes[start][0] in ("insert", "delete"):
        start += 1
    while end > start and codes[end - 1][0] in ("insert", "delete"):
        end -= 1
    return codes[start:end]


# -- results ------------------------------------------------------------------------


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
