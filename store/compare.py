"""Compare articles: the same quotation across articles, and what differs.

``compare(store)`` finds every quotation in every article (``store.quotes``),
groups the sentences that quote the same utterance in different articles
(``store.grouping``) and lists the discrepancy candidates between them
(``store.discrepancies``); ``store.findings`` holds what it finds. It runs in
two steps: a ``Snapshot`` of the store taken in the store's thread, and
``analyse(snapshot)``, which touches no database and may run in a worker.

Each article's quotations are cached in ``compare_cache`` and recomputed only
for articles that are new (texts never change). The user's decisions on the
suggestions are in ``compare_decisions``: accepting one creates the annotations
and link in one undoable action; a dismissed one stays dismissed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import asdict
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from store.discrepancies import find_discrepancies
from store.errors import StoreError
from store.findings import Comparison, Discrepancy, Occurrence, QuoteGroup, Side, interior
from store.grouping import group_quotes, quoted_units
from store.quotes import Quote, find_quotes, named_people
from store.segment import sentence_spans

if TYPE_CHECKING:
    from store.db import Article, Store

VERSION = 6
"""Bump when the finder changes: cached quotations of an older version are redone."""

Progress = Callable[[int, int], None]
"""Called with (articles done, articles in all) while the quotations are found."""

# -- quotations per article, cached ---------------------------------------------------


class Snapshot:
    """What the analysis reads, taken from the store in the UI's thread, so that the
    analysis itself can run in another (a SQLite connection stays in its thread)."""

    def __init__(self, store: Store) -> None:
        self._articles = store.articles()
        self._texts = {a.id: store.article_text(a.id) for a in self._articles}
        self.cached: dict[int, list[Quote]] = {
            row[0]: [Quote(*q) for q in json.loads(row[1])]
            for row in store.conn.execute(
                "SELECT article_id, quotes FROM compare_cache WHERE version = ?", (VERSION,)
            )
        }
        self.decisions: dict[str, str] = dict(
            store.conn.execute("SELECT id, decision FROM compare_decisions")
        )
        self.fresh: dict[int, list[Quote]] = {}
        """Quotations found by the analysis for articles not in the cache."""

        self._sentences: dict[int, list[tuple[int, int]]] = {}
        self._people: dict[int, dict[str, str]] = {}

    def articles(self) -> list[Article]:
        return self._articles

    def article_text(self, article_id: int) -> str:
        return self._texts[article_id]

    def sentences(self, article_id: int) -> list[tuple[int, int]]:
        """The article's sentences, line by line, in order (found once)."""
        if article_id not in self._sentences:
            text = self._texts[article_id]
            self._sentences[article_id] = [
                span
                for line in _LINE.finditer(text)
                for span in sentence_spans(text, line.start(), line.end())
            ]
        return self._sentences[article_id]

    def people(self, article_id: int) -> dict[str, str]:
        """The people the article names: surname -> fullest name (found once)."""
        if article_id not in self._people:
            self._people[article_id] = named_people(self._texts[article_id])
        return self._people[article_id]


def article_quotes(snapshot: Snapshot, progress: Progress | None = None) -> dict[int, list[Quote]]:
    """Every article's quotations: from the cache, found afresh for new articles."""
    articles = snapshot.articles()
    found: dict[int, list[Quote]] = {}
    for done, article in enumerate(articles, 1):
        if article.id in snapshot.cached:
            found[article.id] = snapshot.cached[article.id]
        else:
            found[article.id] = snapshot.fresh[article.id] = find_quotes(
                snapshot.article_text(article.id), snapshot.people(article.id)
            )
        if progress:
            progress(done, len(articles))
    return found


def save_cache(store: Store, snapshot: Snapshot) -> None:
    """Keep the quotations found afresh (in the store's thread)."""
    if not snapshot.fresh:
        return
    rows = [
        (article_id, VERSION, json.dumps([list(asdict(q).values()) for q in quotes]))
        for article_id, quotes in snapshot.fresh.items()
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
    snapshot.cached.update(snapshot.fresh)
    snapshot.fresh = {}


_LINE = re.compile(r"[^\n]+")


# -- the whole comparison -------------------------------------------------------------


def compare(store: Store, progress: Progress | None = None) -> Comparison:
    """Quotation groups and discrepancy candidates over every article in ``store``."""
    snapshot = Snapshot(store)
    comparison = analyse(snapshot, progress)
    save_cache(store, snapshot)
    return comparison


def analyse(snapshot: Snapshot, progress: Progress | None = None) -> Comparison:
    """The comparison itself: touches no database, so it may run in a worker thread."""
    quotes = article_quotes(snapshot, progress)
    articles = snapshot.articles()
    hashes = {a.id: a.content_hash for a in articles}
    grouped = group_quotes(quoted_units(snapshot, quotes), hashes)
    discrepancies = find_discrepancies(snapshot, quotes, grouped)
    groups = [group for group, _ in grouped]
    return Comparison(articles, groups, discrepancies, dict(snapshot.decisions))


# -- decisions ------------------------------------------------------------------------


def accept(store: Store, suggestion: Discrepancy | tuple[Side, Side], ident: str) -> None:
    """Mark both passages and link them (``contradicts``, or ``same-quote`` for a pair of
    occurrences): one undoable action, recorded as accepted."""
    kind = suggestion.link_kind if isinstance(suggestion, Discrepancy) else "same-quote"
    sides = suggestion.sides if isinstance(suggestion, Discrepancy) else suggestion
    wanted = ("quote",) if kind == "same-quote" else ("contradiction",)
    tags = [name for name in wanted if name in {tag.name for tag in store.tags()}]
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


# -- output -------------------------------------------------------------------------


def to_json(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain data (README documents the shape)."""
    by_id = {a.id: a for a in comparison.articles}

    def side(s: Side) -> dict[str, Any]:
        article = by_id[s.article_id]
        return {
            "article": article.file_name or article.url or article.label,
            "outlet": article.outlet,
            "start": s.start,
            "end": s.end,
            "exact": s.exact,
        }

    return {
        "articles": [
            {"id": a.id, "outlet": a.outlet, "title": a.title, "source": a.url or a.file_name}
            for a in comparison.articles
        ],
        "groups": [
            {
                "id": g.id,
                "speaker": g.speaker,
                "canonical": g.canonical,
                "occurrences": [
                    {**side(o), "speaker": o.speaker, "variant": o.variant, "partial": o.partial}
                    for o in g.occurrences
                ],
            }
            for g in comparison.groups
        ],
        "discrepancies": [
            {
                "id": d.id,
                "kind": d.kind,
                "reason": d.reason,
                "status": comparison.decisions.get(d.id, "open"),
                "sides": [side(s) for s in d.sides],
                "each_side": [[side(s) for s in passages] for passages in d.each_side],
            }
            for d in comparison.discrepancies
        ],
    }


def to_markdown(comparison: Comparison) -> str:
    from store.export import cell, escape_markdown

    articles = comparison.articles
    lines = ["# Comparison", "", "## Quotations carried by several articles", ""]
    lines.append("| Speaker | Quotation | " + " | ".join(cell(a.label) for a in articles) + " |")
    lines.append("| --- | --- |" + " --- |" * len(articles))
    for group in comparison.groups:
        marks = [group.status(a.id).replace("absent", "") for a in articles]
        lines.append(
            f"| {cell(group.speaker)} | {cell(group.canonical)} | " + " | ".join(marks) + " |"
        )
    lines += ["", "## Discrepancies", ""]
    for d in comparison.open_discrepancies():
        status = comparison.decisions.get(d.id, "open")
        lines.append(f"- **{d.kind}** ({status}): {escape_markdown(d.reason)}")
    return "\n".join(lines) + "\n"
