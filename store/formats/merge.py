"""Another reader database merged into this one: a colleague's articles, tags,
annotations and links, read only, brought in as an import is."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

from store.db import Store, open_readonly, read_each, reading
from store.errors import StoreError
from store.formats.importing import Report, collector_paused, import_items
from store.formats.selection import Chosen, Selection
from store.formats.w3c import annotation_json, link_json
from store.records import Article
from store.text.clean import clean_line, clean_text, content_hash


def merge_database(store: Store, path: str | Path) -> Report:
    """Bring in another reader database's articles, tags, annotations and links.

    Articles not yet here are added (by content hash), tags keep their colour,
    annotations and links their ids: merging the same database twice adds
    nothing. One transaction and one undo step (undo keeps the articles).
    """
    if Path(path).expanduser().resolve() == Path(store.name).expanduser().resolve():
        raise StoreError(f"{path}: that is the database being merged into")
    other = open_readonly(path)
    try:
        with reading(other):
            chosen = Chosen(other, Selection())
            articles = [_cleaned(a, other.article_text(a.id)) for a in chosen.articles]
            tags = other.tags()
        items = itertools.chain(
            (
                annotation_json(annotation, article)
                for article, _ in articles
                for annotation in chosen.annotations(article)
            ),
            map(link_json, chosen.link_rows()),
        )
        with collector_paused():
            return import_items(
                store, read_each(other, items), [], Path(path).name, articles=articles, tags=tags
            )
    finally:
        other.close()


def _cleaned(article: Article, text: str) -> tuple[Article, str]:
    """Another database's article as this one would have stored it: its text and
    metadata cleaned as at ingest (control characters neutralised, lengths kept), its
    hash computed here, never taken on trust."""
    text = clean_text(text)

    def line(value: object) -> str:
        return clean_line(value if isinstance(value, str) else "")

    return replace(
        article,
        title=line(article.title),
        outlet=line(article.outlet),
        author=line(article.author),
        published=line(article.published),
        url=line(article.url),
        file_name=line(article.file_name),
        content_hash=content_hash(text),
    ), text
