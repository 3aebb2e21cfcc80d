"""What the comparison reads: the articles and their texts, with the sentences and
the people each names. ``store.db.comparing`` builds it from the database once, in
the store's thread, so that the analysis touches no database and may run in a
worker thread.

A ``Corpus`` is a value: nothing in it changes once it is built. Sentences and
people are what pure functions find in each text, found on first use (building
them all at once would hold up the thread that reads the database: the screen's)
and kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from store.compare.speakers import named_people
from store.records import Article
from store.text.segment import sentence_spans

Span = tuple[int, int]
"""Offsets into an article's text: ``text[start:end]``."""

V = TypeVar("V")

_LINE = re.compile(r"[^\n]+")


def sentences_in(text: str) -> tuple[Span, ...]:
    """The sentences of ``text``, line by line, in order."""
    return tuple(
        span
        for line in _LINE.finditer(text)
        for span in sentence_spans(text, line.start(), line.end())
    )


class Derived(Mapping[int, V]):
    """What a pure function (``derive``) finds in each article's text, by article:
    read-only, each found on first use and kept."""

    def __init__(self, texts: Mapping[int, str], derive: Callable[[str], V]) -> None:
        self._texts = texts
        self._derive = derive
        self._found: dict[int, V] = {}

    def __getitem__(self, article_id: int) -> V:
        found = self._found.get(article_id)
        if found is None:
            found = self._found[article_id] = self._derive(self._texts[article_id])
        return found

    def __iter__(self) -> Iterator[int]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)


@dataclass(frozen=True)
class Corpus:
    """The articles compared, in the store's order, and what is known of each."""

    articles: tuple[Article, ...]
    texts: Mapping[int, str]
    """Each article's text, by id."""
    sentences: Mapping[int, Sequence[Span]]
    """Each article's sentences, line by line, in order."""
    people: Mapping[int, Mapping[str, str]]
    """The people each article names: surname -> fullest name."""
    places: Mapping[int, int]
    """Each article's place in the store's order, by id."""

    @classmethod
    def of(cls, articles: Sequence[Article], texts: Mapping[int, str]) -> Corpus:
        """The corpus of ``articles`` (``texts``: each one's text, by id)."""
        texts = dict(texts)
        return cls(
            tuple(articles),
            texts,
            Derived(texts, sentences_in),
            Derived(texts, named_people),
            {article.id: n for n, article in enumerate(articles)},
        )
