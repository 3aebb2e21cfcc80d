"""Records: the values the rest of reader passes around, with no SQL and no I/O.

Offers ``Article``, ``Tag``, ``Annotation``, ``Link``, ``Draft``, ``Mark`` (what drawing a
passage needs), ``SpanIndex`` (which passages touch a stretch of text), and
``Version``, ``VersionReport`` and ``Orphan`` (an article's versions), and
``now`` / ``new_id`` (how times and ids are made). Imports nothing else of store/.
"""

from store.records.clock import new_id, now
from store.records.models import Annotation, Article, Draft, Hit, Link, Mark, Range, Story, Tag
from store.records.spans import SpanIndex, Spanned
from store.records.versions import Orphan, Version, VersionReport

__all__ = [
    "Annotation",
    "Article",
    "Draft",
    "Hit",
    "Link",
    "Mark",
    "Orphan",
    "Range",
    "SpanIndex",
    "Spanned",
    "Story",
    "Tag",
    "Version",
    "VersionReport",
    "new_id",
    "now",
]
