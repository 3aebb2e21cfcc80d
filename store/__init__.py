"""reader's store: articles, annotations, tags and links in SQLite, with no UI.

This package never imports textual or rich, so it can be used as a library and
from scripts; ``tests/test_import_hygiene.py`` proves it.
"""

from store.annotations import Annotation, Link, Mark, SpanIndex
from store.db import Article, Store, Tag, open_store
from store.errors import IngestError, ReaderError, StoreError

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
