"""The comparison over the database: its ``Corpus`` taken from the store, the
quotations it finds kept in ``compare_cache``, and the user's decisions on its
suggestions (accepting one marks and links both passages in one undoable action;
a dismissed one stays dismissed).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import astuple

from store.compare.analysis import Progress, analyse
from store.compare.corpus import Corpus
from store.compare.findings import Comparison, Discrepancy, Side
from store.compare.quotes import Quote
from store.compare.version import cache_version
from store.db.store import Store
from store.errors import StoreError


def corpus_of(store: Store) -> Corpus:
    """What the analysis reads, taken from the store in the store's thread (a SQLite
    connection stays in its thread)."""
    articles = store.articles()
    return Corpus.of(articles, {a.id: store.article_text(a.id) for a in articles})


def cached_quotes(store: Store) -> dict[int, list[Quote]]:
    """The quotations found before, by article, by the finder as it is now (of another
    version, they are found again: ``store.compare.version``)."""
    return {
        row[0]: [Quote(*q) for q in json.loads(row[1])]
        for row in store.conn.execute(
            "SELECT article_id, quotes FROM compare_cache WHERE version = ?", (cache_version(),)
        )
    }


def decisions_of(store: Store) -> dict[str, str]:
    """The user's decision (accepted, dismissed) on each suggestion decided."""
    return dict(store.conn.execute("SELECT id, decision FROM compare_decisions"))


def save_cache(store: Store, fresh: Mapping[int, Sequence[Quote]]) -> None:
    """Keep the quotations found afresh (in the store's thread)."""
    if not fresh:
        return
    rows = [
        (article_id, cache_version(), json.dumps([list(astuple(q)) for q in quotes]))
        for article_id, quotes in fresh.items()
    ]
    try:
        with store.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO compare_cache (article_id, version, quotes) "
                "VALUES (?, ?, ?)",
                rows,
            )
    except StoreError:
        pass  # a read-only or full database: the cache is only a cache


def compare(store: Store, progress: Progress | None = None) -> Comparison:
    """Quotation groups and discrepancy candidates over every article in ``store``."""
    analysis = analyse(corpus_of(store), cached_quotes(store), decisions_of(store), progress)
    save_cache(store, analysis.fresh)
    return analysis.comparison


def accept(store: Store, suggestion: Discrepancy | tuple[Side, Side], ident: str) -> None:
    """Mark both passages and link them (``contradicts``, or ``same-quote`` for a pair of
    occurrences): one undoable action, recorded as accepted."""
    kind = suggestion.link_kind if isinstance(suggestion, Discrepancy) else "same-quote"
    sides = suggestion.sides if isinstance(suggestion, Discrepancy) else suggestion
    tag = store.tag_with_role("quote" if kind == "same-quote" else "contradiction")
    tags = [tag.name] if tag is not None else []
    note = suggestion.reason if isinstance(suggestion, Discrepancy) else ""
    store.link_passages(
        (sides[0].article_id, sides[0].start, sides[0].end),
        (sides[1].article_id, sides[1].start, sides[1].end),
        kind,
        note,
        tags=tags,
        decision=ident,
    )


def dismiss(store: Store, ident: str) -> None:
    """Never suggest this again (one undoable action)."""
    store.decide(ident, "dismissed")
