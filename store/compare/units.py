"""What quotations are compared in, between the stages: a ``Unit`` is one sentence
of one quotation (less any quotation nested in it), and a ``GroupedQuote`` is one
utterance found in several articles with the units that quote it.

``quoted_units`` cuts every article's quotations into units; ``store.compare.grouping``
groups them; the detectors (``store.compare.detectors``) compare a group's units.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from store.compare.findings import QuoteGroup
from store.compare.quotes import Quote, sentences_of
from store.compare.wording import words


@dataclass(frozen=True, slots=True, eq=False)
class Unit:
    """One sentence of one quotation (less any quotation nested in it): what is compared."""

    number: int
    """Its index among all the units."""
    article_id: int
    quote: int
    """The index of its quotation among its article's."""
    start: int
    end: int
    exact: str
    speaker: str
    words: list[str]
    nested: bool = False
    starts_whole: bool = False
    """It claims to quote from a sentence's start: a capital opening a quotation given
    whole (after a comma, a colon or a full stop), or after a full stop inside one."""
    ends_whole: bool = False
    """It claims to quote to a sentence's end: final punctuation inside the marks, in
    a quotation given whole or before more of the quotation."""


def quoted_units(texts: Mapping[int, str], quotes: Mapping[int, Sequence[Quote]]) -> list[Unit]:
    """The units of every article's quotations (``quotes``, by article: ``texts``),
    in order: a unit's number is its index, and the units of one article follow
    each other."""
    units: list[Unit] = []
    for article_id, found in quotes.items():
        text = texts[article_id]
        for q_number, quote in enumerate(found):
            inner = []  # the quotations nested in it come right after it
            for nested in found[q_number + 1 :]:
                if not nested.nested or nested.start >= quote.end or quote.nested:
                    break
                inner.append((nested.start, nested.end))
            whole = _given_whole(text, quote)
            sentences = sentences_of(text, quote)
            pieces = [p for s, e in sentences for p in _outside(text, s, e, inner)]
            for n, (start, end) in enumerate(pieces):
                exact = text[start:end]
                unit_words = words(exact)
                if not unit_words:
                    continue  # no word to compare ("Нет."): a unit's number is its index
                first, last = n == 0, n == len(pieces) - 1
                units.append(
                    Unit(
                        len(units), article_id, q_number, start, end, exact, quote.speaker,
                        unit_words, quote.nested,
                        starts_whole=_capital_first(exact)
                        and (whole or not first)
                        and not _title_case(exact),
                        ends_whole=exact.rstrip(_CLOSING)[-1:] in (".", "!", "?")
                        and (whole or not last),
                    )
                )  # fmt: skip
    return units


_CLOSING = " \t\n\u00a0’”\"')"


def _given_whole(text: str, quote: Quote) -> bool:
    """Whether a quotation is given as whole sentences: its mark opens a paragraph or
    follows a comma, a colon or a sentence's end (“Varga said, ‘I ...’”), not
    a word of the narration (“he called it ‘a shambles’”)."""
    i = quote.start - 2  # the character before the opening mark
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in ",:.!?\n—–("


def _title_case(exact: str) -> bool:
    """A headline's capitals ('We Will Rebuild the Bridge') start no sentence."""
    capitals = [w[:1].isupper() for w in exact.split() if w[:1].isalpha()]
    return len(capitals) >= 3 and sum(capitals) >= 0.8 * len(capitals)


def _capital_first(exact: str) -> bool:
    return next((c.isupper() for c in exact if c.isalpha()), False)


def _outside(
    text: str, start: int, end: int, inner: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The pieces of ``text[start:end]`` outside the nested quotations ``inner``."""
    pieces, at = [], start
    for s, e in inner:
        if start <= s and e <= end:
            pieces.append((at, s))
            at = e
    pieces.append((at, end))
    out = []
    for s, e in pieces:
        while s < e and text[s] in _CLOSING + "‘“":
            s += 1
        while e > s and text[e - 1] in _CLOSING + "‘“":
            e -= 1
        if any(c.isalnum() for c in text[s:e]):
            out.append((s, e))
    return out


class GroupedQuote(NamedTuple):
    """One utterance quoted by several articles: the group shown, and its units in
    the order of its occurrences."""

    group: QuoteGroup
    units: tuple[Unit, ...]
