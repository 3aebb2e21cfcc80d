"""Another reader database merged into this one: a colleague's articles, tags,
annotations and links, read only, brought in as an import is."""

from __future__ import annotations

import itertools
from pathlib import Path

from store.db import Store, open_readonly
from store.errors import StoreError
from store.formats.importing import Report, collector_paused, import_items
from store.formats.selection import Chosen, Selection
from store.formats.w3c import annotation_json, link_json


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
        chosen = Chosen(other, Selection())
        items = itertools.chain(
            (
                annotation_json(annotation, article)
                for article in chosen.articles
                for annotation in chosen.annotations(article)
            ),
            map(link_json, chosen.link_rows()),
        )
        with collector_paused():
            return import_items(
                store,
                items,
                [],
                Path(path).name,
                articles=[(a, other.article_text(a.id)) for a in chosen.articles],
                tags=other.tags(),
            )
    finally:
        other.close()
