"""What the articles narrate, outside their quotations: the facts stage's values.

``narrated_sentences`` gives each sentence of the corpus that has words enough to
be compared (five that are not stop words), once however many articles give it
word for word, with what it states (``store.compare.facts``: numbers, days,
dates, venues, capitalised words), each worked out on first use. ``narration``
blanks an article's quotations: what someone says is not what is narrated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from store.compare import facts
from store.compare.corpus import Corpus
from store.compare.findings import Side
from store.compare.lexicon import lexicon
from store.compare.quotes import Quote
from store.compare.wording import words
from store.text.letters import LOWER, UPPER

STOP = lexicon().set("stop_words")
_CAPITAL = re.compile(rf"(?<![.!?]\s)(?<!^)\b[{UPPER}][{UPPER}{LOWER}\-]{{3,}}\b")
"""A capitalised word of four letters or more, not a sentence's first."""
LEAST_WORDS = 5
"""A sentence with fewer words than this (stop words aside) is not compared."""


@dataclass(frozen=True)
class NarratedSentence:
    """A narrated sentence, as one or more articles give it word for word."""

    exact: str
    content: frozenset[str]
    """Its words, less stop words and one-letter words."""
    sequence: tuple[str, ...]
    """The same, in order."""
    sides: tuple[Side, ...]
    """Each article's passage with these very words."""

    # Worked out once per sentence, as a sentence is paired with many others, from
    # what it narrates: the words it quotes are compared as quotations.
    @cached_property
    def narrated(self) -> str:
        return facts.unquoted(self.exact) if '"' in self.exact or "“" in self.exact else self.exact

    @cached_property
    def numbers(self) -> frozenset[tuple[str, str]]:
        """Each number with what it counts (``facts.counts``)."""
        return facts.counts(self.narrated)

    @cached_property
    def weekdays(self) -> frozenset[str]:
        return facts.weekdays(self.narrated)

    @cached_property
    def dates(self) -> frozenset[str]:
        return facts.dates(self.narrated)

    @cached_property
    def capitals(self) -> frozenset[str]:
        return frozenset(_CAPITAL.findall(self.narrated))

    @cached_property
    def venues(self) -> list[facts.Venue]:
        """Where something was said, in a sentence that quotes nothing (where a
        quotation was said is compared with the quotation)."""
        return [] if self.narrated != self.exact else facts.venues(self.exact)

    @cached_property
    def articles(self) -> frozenset[int]:
        return frozenset(side.article_id for side in self.sides)


def narrated_sentences(corpus: Corpus) -> list[NarratedSentence]:
    """Every sentence of the corpus with words enough to compare, once per wording,
    in the order first given (articles in the store's order)."""
    found: dict[str, tuple[list[str], list[Side]]] = {}
    for article in corpus.articles:
        text = corpus.texts[article.id]
        for start, end in corpus.sentences[article.id]:
            exact = text[start:end]
            side = Side(article.id, start, end, exact)
            if exact in found:
                found[exact][1].append(side)
                continue
            sequence = [w for w in words(exact) if w not in STOP and len(w) > 1]
            if len(sequence) >= LEAST_WORDS:
                found[exact] = (sequence, [side])
    return [
        NarratedSentence(exact, frozenset(sequence), tuple(sequence), tuple(sides))
        for exact, (sequence, sides) in found.items()
    ]


def narration(text: str, quotes: Sequence[Quote]) -> str:
    """``text`` with every quotation blanked but for titles (of a show): what is
    narrated, at the same offsets."""
    pieces, at = [], 0
    for quote in quotes:
        if quote.nested or quote.start < at or facts.is_title(quote.exact):
            continue
        pieces += [text[at : quote.start], " " * (quote.end - quote.start)]
        at = quote.end
    pieces.append(text[at:])
    return "".join(pieces)
