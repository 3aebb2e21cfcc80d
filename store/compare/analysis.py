"""The comparison itself, stage by stage: quotations found (or taken from the cache),
grouped into utterances across articles, the facts the articles narrate, the
discrepancies each detector finds, gathered into results.

``analyse(corpus)`` touches no database, so it may run in a worker thread;
``store.db.comparing`` builds the ``Corpus``, gives the quotations it cached, and
keeps those found afresh.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from difflib import SequenceMatcher
from typing import NamedTuple

from store.compare import results
from store.compare.corpus import Corpus
from store.compare.detection import DetectionContext
from store.compare.detectors import DETECTORS
from store.compare.findings import Comparison, Occurrence, QuoteGroup, Side
from store.compare.grouping import group_quotes
from store.compare.narration import narrated_sentences
from store.compare.quotes import Quote, find_quotes
from store.compare.spellings import names_spelled_two_ways
from store.compare.units import quoted_units
from store.compare.wording import interior

Progress = Callable[[int, int], None]
"""Called with (articles done, articles in all) while the quotations are found."""

Quotes = Mapping[int, Sequence[Quote]]
"""Each article's quotations, in text order, by article id."""


class Analysis(NamedTuple):
    comparison: Comparison
    fresh: dict[int, tuple[Quote, ...]]
    """The quotations found for the articles ``cached`` lacked: for the cache."""


def analyse(
    corpus: Corpus,
    cached: Quotes | None = None,
    decisions: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Compare the articles of ``corpus``. ``cached``: quotations found before, by
    article (found afresh for the others); ``decisions``: the user's decision on
    each suggestion decided (``accepted``, ``dismissed``), kept in the comparison."""
    quotes, fresh = article_quotes(corpus, cached or {}, progress)
    hashes = {a.id: a.content_hash for a in corpus.articles}
    groups = group_quotes(quoted_units(corpus.texts, quotes), hashes)
    context = DetectionContext(
        corpus, quotes, groups, narrated_sentences(corpus), names_spelled_two_ways(corpus)
    )
    found = results.discrepancies(
        (finding for detect in DETECTORS for finding in detect(context)), corpus.articles
    )
    comparison = Comparison(
        list(corpus.articles), [g.group for g in groups], found, dict(decisions or {})
    )
    return Analysis(comparison, fresh)


def article_quotes(
    corpus: Corpus, cached: Quotes, progress: Progress | None = None
) -> tuple[dict[int, Sequence[Quote]], dict[int, tuple[Quote, ...]]]:
    """Every article's quotations (from ``cached``, else found), and those found."""
    found: dict[int, Sequence[Quote]] = {}
    fresh: dict[int, tuple[Quote, ...]] = {}
    for done, article in enumerate(corpus.articles, 1):
        if article.id in cached:
            found[article.id] = cached[article.id]
        else:
            text, people = corpus.texts[article.id], corpus.people[article.id]
            found[article.id] = fresh[article.id] = tuple(find_quotes(text, people))
        if progress:
            progress(done, len(corpus.articles))
    return found, fresh


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
