"""What an export holds: a ``Selection`` of tags and articles, read as ``Chosen``."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from store.db import Store
from store.errors import StoreError
from store.records import Annotation, Article, Link
from store.text.segment import paragraph_starts

LINK_BATCH = 400
"""Links whose passages are read from the database in one query."""


@dataclass(frozen=True)
class Selection:
    """Which annotations an export holds: tags (any of), articles (any of), of one story."""

    tags: Sequence[str] = ()
    article_ids: Sequence[int] = ()
    story_id: int | None = None
    """Only the articles of this story (and of ``article_ids``, if given too)."""
    by: str = "article"
    """``article`` or ``tag``: how the Markdown report groups the passages."""
    generated: datetime | None = None
    """When the export says it was made (default: now); fixed in golden-file tests."""


@dataclass
class Chosen:
    """The articles and annotations of one export, read lazily article by article."""

    store: Store
    selection: Selection
    articles: list[Article] = field(default_factory=list)
    _links: list[Link] | None = None

    def __post_init__(self) -> None:
        wanted = set(self.selection.article_ids)
        self.articles = [a for a in self.store.articles() if not wanted or a.id in wanted]
        if self.selection.story_id is not None:
            in_story = set(self.store.story_article_ids(self.selection.story_id))
            self.articles = [a for a in self.articles if a.id in in_story]
        known = {a.id for a in self.store.articles()}
        missing = sorted(wanted - known)
        if missing:
            raise StoreError(f"no article with id {', '.join(map(str, missing))}")
        tags = {t.name for t in self.store.tags()}
        unknown = [t for t in self.selection.tags if t not in tags]
        if unknown:
            raise StoreError(f"no tag named {', '.join(map(repr, unknown))}")

    def annotations(self, article: Article) -> list[Annotation]:
        found = self.store.annotations(article.id)
        if self.selection.tags:
            wanted = set(self.selection.tags)
            found = [a for a in found if wanted & set(a.tags)]
        return found

    def link_rows(self) -> list[Link]:
        """Links whose two ends are both in the export, by their first end's id."""
        if self._links is None:
            ids = [a.id for a in self.articles]
            self._links = self.store.links_between(ids, self.selection.tags)
        return self._links

    def total(self) -> int:
        """How many annotations and links the export holds."""
        ids = [a.id for a in self.articles]
        return self.store.count_annotations(ids, self.selection.tags) + len(self.link_rows())

    def links(self) -> Iterator[tuple[Link, Annotation, Annotation]]:
        """Links whose two ends are both in the export, by their first end's id.

        One query finds them (``Store.links_between``), and their passages are read
        a batch at a time: nothing here grows with the annotations.
        """
        links = self.link_rows()
        for start in range(0, len(links), LINK_BATCH):
            batch = links[start : start + LINK_BATCH]
            passages = self.store.annotations_by_id(
                {end for link in batch for end in (link.source_id, link.target_id)}
            )
            for link in batch:
                yield link, passages[link.source_id], passages[link.target_id]


class Paragraphs:
    """Paragraph numbers of offsets in one text, counted as the reader's ``{`` and ``}``
    step through paragraphs (a line, or lines hard-wrapped in mid-sentence)."""

    def __init__(self, text: str) -> None:
        self.starts = paragraph_starts(text)

    def number(self, offset: int) -> int:
        return max(1, bisect_right(self.starts, offset))
