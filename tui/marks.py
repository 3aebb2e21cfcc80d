"""What the document views draw of the annotations: one ``ArticleMarks`` per article.

It holds the article's annotations in the store's span index (so a row finds its
annotations in O(log n)), the tags' colours and digit keys, and which annotations
are linked. Columns showing the same article share one ``ArticleMarks``, so a
change made in one column shows in every column at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import count

from store import Annotation, Mark, SpanIndex, Store, Tag

_versions = count(1)
"""One sequence for every ArticleMarks: a view given new marks never mistakes them for old."""

PLAIN_COLOUR = "#808080"
"""A highlight with no tag (made for a note or a link) is grey."""
LINK_GLYPH = "&"
PLAIN_GLYPH = "*"


class ArticleMarks:
    """The annotations of one article, as the DocView's ``Marks`` protocol asks."""

    def __init__(
        self,
        article_id: int,
        annotations: Iterable[Mark],
        tags: Sequence[Tag],
        linked: Iterable[str],
    ) -> None:
        self.article_id = article_id
        self.version = next(_versions)
        self.index: SpanIndex[Mark] = SpanIndex(list(annotations))
        self.linked = set(linked)
        self.set_tags(tags)

    @classmethod
    def load(cls, store: Store, article_id: int) -> ArticleMarks:
        return cls(
            article_id,
            store.marks(article_id),
            store.tags(),
            store.linked_annotation_ids(article_id),
        )

    def set_tags(self, tags: Sequence[Tag]) -> None:
        self.tags = {tag.name: tag for tag in tags}
        self.version = next(_versions)

    # -- the DocView's Marks protocol --------------------------------------------

    def overlapping(self, start: int, end: int) -> Sequence[Mark]:
        return self.index.overlapping(start, end)

    def colour(self, mark: Mark) -> str:
        for name in mark.tags:
            if tag := self.tags.get(name):
                return tag.colour
        return PLAIN_COLOUR

    def glyphs(self, mark: Mark) -> list[tuple[str, str]]:
        glyphs = []
        for name in mark.tags:
            tag = self.tags.get(name)
            if tag is not None:
                glyphs.append((str(tag.key) if tag.key is not None else tag.name[:1], tag.colour))
        if not glyphs:
            glyphs.append((PLAIN_GLYPH, ""))
        if mark.id in self.linked:
            glyphs.append((LINK_GLYPH, ""))
        return glyphs

    # -- questions and changes -----------------------------------------------------

    def at(self, offset: int) -> Mark | None:
        """The innermost annotation holding ``offset``, if any."""
        holding = [
            a for a in self.index.overlapping(offset, offset + 1) if a.start <= offset < a.end
        ]
        return min(holding, key=lambda a: a.end - a.start) if holding else None

    def exactly(self, start: int, end: int) -> Mark | None:
        """The annotation of exactly ``text[start:end]``, if any."""
        return next(
            (a for a in self.index.overlapping(start, end) if (a.start, a.end) == (start, end)),
            None,
        )

    def put(self, annotation: Annotation) -> Mark | None:
        """Show ``annotation`` as stored now (added, or replacing its old state, returned)."""
        old = self.index.get(annotation.id)
        self.index.discard(annotation.id)
        self.index.add(Mark(annotation.id, annotation.start, annotation.end, annotation.tags))
        self.version = next(_versions)
        return old

    def drop(self, annotation_id: str) -> Mark | None:
        """Stop showing the annotation; its mark as it was (None if it was not shown)."""
        old = self.index.get(annotation_id)
        self.index.discard(annotation_id)
        self.linked.discard(annotation_id)
        self.version = next(_versions)
        return old

    def link(self, *annotation_ids: str) -> None:
        self.linked.update(annotation_ids)
        self.version = next(_versions)
