"""The comparison itself: quotations found (or taken from the cache), grouped into
utterances across articles, and the discrepancies between them.

``analyse(corpus)`` touches no database, so it may run in a worker thread;
``store.db.comparing`` builds the ``Corpus`` and keeps what is found.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher

from store.compare.corpus import Corpus
from store.compare.discrepancies import find_discrepancies
from store.compare.findings import Comparison, Occurrence, QuoteGroup, Side, interior
from store.compare.grouping import group_quotes, quoted_units
from store.compare.quotes import Quote, find_quotes

VERSION = 6
"""Bump when the finder changes: cached quotations of an older version are redone."""

Progress = Callable[[int, int], None]
"""Called with (articles done, articles in all) while the quotations are found."""


def article_quotes(corpus: Corpus, progress: Progress | None = None) -> dict[int, list[Quote]]:
    """Every article's quotations: from the cache, found afresh for new articles."""
    articles = corpus.articles()
    found: dict[int, list[Quote]] = {}
    for done, article in enumerate(articles, 1):
        if article.id in corpus.cached:
            found[article.id] = corpus.cached[article.id]
        else:
            found[article.id] = corpus.fresh[article.id] = find_quotes(
                corpus.article_text(article.id), corpus.people(article.id)
            )
        if progress:
            progress(done, len(articles))
    return found


def analyse(corpus: Corpus, progress: Progress | None = None) -> Comparison:
    """The comparison itself: touches no database, so it may run in a worker thread."""
    quotes = article_quotes(corpus, progress)
    articles = corpus.articles()
    hashes = {a.id: a.content_hash for a in articles}
    grouped = group_quotes(quoted_units(corpus, quotes), hashes)
    discrepancies = find_discrepancies(corpus, quotes, grouped)
    groups = [group for group, _ in grouped]
    return Comparison(articles, groups, discrepancies, dict(corpus.decisions))


_TOKEN = re.compile(r"[\w’'\-]+")


def differing_words(a: Side, b: Side) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where two wordings differ, word by word: article offsets of the words of ``a``
    and of ``b`` that the other lacks or changes (what only one quotes, at either
    end, is not a difference). Contractions count: "it'd" differs from "it would"."""

    def tokens(side: Side) -> list[tuple[int, int, str]]:
        return [
            (side.start + m.start(), side.start + m.end(), m.group().lower().replace("’", "'"))
            for m in _TOKEN.finditer(side.exact)
        ]

    ta, tb = tokens(a), tokens(b)
    ops = SequenceMatcher(None, [t[2] for t in ta], [t[2] for t in tb], autojunk=False)
    codes = interior(ops.get_opcodes())
    in_a: list[tuple[int, int]] = []
    in_b: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag != "equal":
            in_a += [(t[0], t[1]) for t in ta[i1:i2]]
            in_b += [(t[0], t[1]) for t in tb[j1:j2]]
    return in_a, in_b


def pair_for(group: QuoteGroup, article_id: int) -> tuple[Occurrence, Occurrence] | None:
    """The article's occurrence of ``group`` beside the fullest one in another article."""
    mine = group.in_article(article_id)
    if mine is None:
        return None
    others = [o for o in group.occurrences if o.article_id != article_id]
    if not others:
        return None
    return mine, max(others, key=lambda o: (o.status == "exact", len(o.exact)))
