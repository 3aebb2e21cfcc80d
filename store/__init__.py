"""reader's store: articles, annotations, tags and links in SQLite, with no UI.

The rooms, lowest first (``docs/architecture.md``; ``lint-imports`` keeps the
order): ``store.records`` (the values), ``store.text`` (text tools),
``store.ingest`` (files and pages into articles), ``store.compare`` (the
comparison engine), ``store.db`` (the database: the only SQL), and
``store.formats`` (exports, imports, merge). This package never imports
textual or rich, so it can be used as a library and from scripts.
"""

from store.db import Store, open_store
from store.errors import IngestError, ReaderError, StoreError
from store.records import Annotation, Article, Link, Mark, SpanIndex, Tag

__all__ = [
    "Annotation",
    "Article",
    "IngestError",
    "Link",
    "Mark",
    "ReaderError",
    "SpanIndex",
    "Store",
    "StoreError",
    "Tag",
    "open_store",
]
