"""Reading annotations and links: by article, by id, by tag and words.

Tags come as ids gathered in SQL and named once per set (``TagSets``), so an
article with 10,000 annotations loads in one query.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from store.db.connection import Connected
from store.errors import StoreError
from store.records import Annotation, Link, Mark, Tag

_ANNOTATION_SELECT = """
    SELECT a.id, a.article_id, a.start, a.end, a.exact, a.prefix, a.suffix, a.note,
           a.created, a.updated,
           (SELECT group_concat(tag_id) FROM annotation_tags WHERE annotation_id = a.id),
           a.creator, a.origin
    FROM annotations a
"""
"""An annotation's columns, its tags as their ids ("1,3"; NULL for none), its creator
and origin."""
_BY_ARTICLE = _ANNOTATION_SELECT + " WHERE a.article_id = ? ORDER BY a.start, a.end, a.id"
_MARKS = """
    SELECT a.id, a.start, a.end,
           (SELECT group_concat(tag_id) FROM annotation_tags WHERE annotation_id = a.id)
    FROM annotations a WHERE a.article_id = ? ORDER BY a.start, a.end, a.id
"""
_LINK_COLUMNS = "SELECT id, source_id, target_id, kind, note, created, creator FROM links"
_LINK_COLUMNS_L = (
    "SELECT l.id, l.source_id, l.target_id, l.kind, l.note, l.created, l.creator FROM links l"
)


class TagSets:
    """Tag names, in tag order, from the ids a row of ``_ANNOTATION_SELECT`` ends with.

    Passages share a few sets of tags: each set is looked up once, and every
    annotation carrying it shares one tuple.
    """

    def __init__(self, tags: Iterable[Tag]) -> None:
        self.names = {tag.id: tag.name for tag in tags}
        self.known: dict[str | None, tuple[str, ...]] = {None: ()}

    def __call__(self, ids: str | None) -> tuple[str, ...]:
        found = self.known.get(ids)
        if found is None:
            assert ids is not None
            numbers = sorted(int(number) for number in ids.split(","))
            found = self.known[ids] = tuple(self.names[number] for number in numbers)
        return found

    def annotation(self, row: Sequence[Any]) -> Annotation:
        """An annotation from a row of ``_ANNOTATION_SELECT``."""
        return Annotation._make((*row[:10], self(row[10]), *row[11:]))


class AnnotationReads(Connected):
    """What ``Store`` answers about annotations and links."""

    def annotations(self, article_id: int) -> list[Annotation]:
        """The article's annotations in text order."""
        rows = self.conn.execute(_BY_ARTICLE, (article_id,))
        return list(map(TagSets(self.tags()).annotation, rows))

    def marks(self, article_id: int) -> list[Mark]:
        """The article's annotations as drawn: positions and tags only, in text order.

        One query that reads no texts: an article with 10,000 annotations opens
        with them drawn.
        """
        tags = TagSets(self.tags())
        rows = self.conn.execute(_MARKS, (article_id,))
        return [Mark(ident, start, end, tags(ids)) for ident, start, end, ids in rows]

    def annotation(self, annotation_id: str) -> Annotation:
        row = self.conn.execute(_ANNOTATION_SELECT + " WHERE a.id = ?", (annotation_id,)).fetchone()
        if row is None:
            raise StoreError(f"{self.name}: no annotation {annotation_id}")
        return TagSets(self.tags()).annotation(row)

    def annotations_by_id(self, ids: Iterable[str]) -> dict[str, Annotation]:
        """The annotations with these ids (at most a few hundred: one query), by id."""
        wanted = list(ids)
        rows = self.conn.execute(
            _ANNOTATION_SELECT + f" WHERE a.id IN ({', '.join('?' * len(wanted))})", wanted
        )
        tag_sets = TagSets(self.tags())
        return {row[0]: tag_sets.annotation(row) for row in rows}

    def find_annotations(
        self, tag: str | None = None, article_id: int | None = None, text: str | None = None
    ) -> list[Annotation]:
        """Annotations by tag name, article and words in the passage or note (any case)."""
        where: list[str] = []
        args: list[object] = []
        if tag is not None:
            where.append(
                "EXISTS (SELECT 1 FROM annotation_tags at JOIN tags t ON t.id = at.tag_id"
                " WHERE at.annotation_id = a.id AND t.name = ?)"
            )
            args.append(tag)
        if article_id is not None:
            where.append("a.article_id = ?")
            args.append(article_id)
        if text:
            where.append("(instr(lower(a.exact), ?) OR instr(lower(a.note), ?))")
            args += [text.lower(), text.lower()]
        sql = _ANNOTATION_SELECT + (" WHERE " + " AND ".join(where) if where else "")
        rows = self.conn.execute(sql + " ORDER BY a.article_id, a.start, a.end", args)
        return list(map(TagSets(self.tags()).annotation, rows))

    def count_annotations(self, article_ids: Sequence[int], tags: Sequence[str] = ()) -> int:
        """How many annotations these articles have (with one of ``tags``, if given)."""
        query = (
            f"SELECT count(*) FROM annotations a"
            f" WHERE a.article_id IN ({', '.join('?' * len(article_ids))})"
        )
        params: list[object] = list(article_ids)
        if tags:
            query += (
                " AND EXISTS (SELECT 1 FROM annotation_tags at JOIN tags t ON t.id = at.tag_id"
                f" WHERE at.annotation_id = a.id AND t.name IN ({', '.join('?' * len(tags))}))"
            )
            params += tags
        (count,) = self.conn.execute(query, params).fetchone()
        return int(count)

    def tag_counts(
        self, article_ids: Sequence[int] | None = None, tags: Sequence[str] = ()
    ) -> list[tuple[str, int]]:
        """Each tag with how many annotations carry it (of these articles, and of those
        with one of ``tags``, if given), in tag order; unused tags left out. Of every
        article (None), it is counted from the tags' index alone."""
        if article_ids is None and not tags:
            rows = self.conn.execute(
                "SELECT t.name, (SELECT count(*) FROM annotation_tags x WHERE x.tag_id = t.id)"
                " AS uses FROM tags t WHERE uses > 0 ORDER BY t.id"
            )
            return [(str(name), int(count)) for name, count in rows]
        ids = list(article_ids) if article_ids is not None else [a for (a,) in self.conn.execute(
            "SELECT id FROM articles")]  # fmt: skip
        query = (
            "SELECT t.name, count(*) FROM annotation_tags x JOIN tags t ON t.id = x.tag_id"
            " JOIN annotations a ON a.id = x.annotation_id"
            f" WHERE a.article_id IN ({', '.join('?' * len(ids))})"
        )
        params: list[object] = list(ids)
        if tags:
            query += (
                " AND EXISTS (SELECT 1 FROM annotation_tags y JOIN tags u ON u.id = y.tag_id"
                f" WHERE y.annotation_id = a.id AND u.name IN ({', '.join('?' * len(tags))}))"
            )
            params += tags
        rows = self.conn.execute(query + " GROUP BY t.id ORDER BY t.id", params)
        return [(str(name), int(count)) for name, count in rows]

    def annotations_here(self, ids: Sequence[str]) -> set[str]:
        """Which of these ids (a few hundred at most: one query) are annotations here."""
        rows = self.conn.execute(
            f"SELECT id FROM annotations WHERE id IN ({', '.join('?' * len(ids))})", ids
        )
        return {row[0] for row in rows}

    def has_annotation(self, annotation_id: str) -> bool:
        found = self.conn.execute("SELECT 1 FROM annotations WHERE id = ?", (annotation_id,))
        return found.fetchone() is not None

    def exactly(self, article_id: int, start: int, end: int) -> str | None:
        """The id of the (oldest) annotation of exactly this passage, if any."""
        row = self.conn.execute(
            "SELECT id FROM annotations WHERE article_id = ? AND start = ? AND end = ?"
            " ORDER BY created LIMIT 1",
            (article_id, start, end),
        ).fetchone()
        return None if row is None else str(row[0])

    def is_bare(self, annotation_id: str) -> bool:
        """No tag, no note, no link: nothing left worth keeping."""
        row = self.conn.execute(
            "SELECT a.note = '' AND NOT EXISTS"
            " (SELECT 1 FROM annotation_tags WHERE annotation_id = a.id) AND NOT EXISTS"
            " (SELECT 1 FROM links WHERE source_id = a.id OR target_id = a.id)"
            " FROM annotations a WHERE a.id = ?",
            (annotation_id,),
        ).fetchone()
        return row is not None and row[0] == 1

    # -- links ------------------------------------------------------------------------

    def links_of(self, annotation_id: str) -> list[Link]:
        rows = self.conn.execute(
            _LINK_COLUMNS + " WHERE source_id = ? OR target_id = ? ORDER BY created, id",
            (annotation_id, annotation_id),
        )
        return [Link(*row) for row in rows]

    def link(self, link_id: str) -> Link:
        row = self.conn.execute(_LINK_COLUMNS + " WHERE id = ?", (link_id,)).fetchone()
        if row is None:
            raise StoreError(f"{self.name}: no link {link_id}")
        return Link(*row)

    def has_link(self, link_id: str) -> bool:
        found = self.conn.execute("SELECT 1 FROM links WHERE id = ?", (link_id,))
        return found.fetchone() is not None

    def links_between(self, article_ids: Sequence[int], tags: Sequence[str] = ()) -> list[Link]:
        """Links whose two ends are in these articles (and, given ``tags``, both carry
        one of them), ordered by their first end's id.

        It reads the links first (``CROSS JOIN`` keeps SQLite to that order) and
        looks up their two ends: left to itself, SQLite would step through every
        annotation of the articles looking for links, ten times slower.
        """
        ends = f"IN ({', '.join('?' * len(article_ids))})"
        query = f"""
            {_LINK_COLUMNS_L}
            CROSS JOIN annotations a ON a.id = l.source_id
            CROSS JOIN annotations b ON b.id = l.target_id
            WHERE a.article_id {ends} AND b.article_id {ends}
        """
        params: list[object] = [*article_ids, *article_ids]
        if tags:
            tagged = f"""EXISTS (SELECT 1 FROM annotation_tags at JOIN tags t ON t.id = at.tag_id
                WHERE at.annotation_id = {{}} AND t.name IN ({", ".join("?" * len(tags))}))"""
            query += f" AND {tagged.format('a.id')} AND {tagged.format('b.id')}"
            params += [*tags, *tags]
        query += " ORDER BY min(l.source_id, l.target_id), l.created, l.id"
        return [Link(*row) for row in self.conn.execute(query, params)]

    def linked_annotation_ids(self, article_id: int) -> set[str]:
        rows = self.conn.execute(
            "SELECT a.id FROM annotations a WHERE a.article_id = ? AND EXISTS"
            " (SELECT 1 FROM links l WHERE l.source_id = a.id OR l.target_id = a.id)",
            (article_id,),
        )
        return {row[0] for row in rows}

    def tag_usage(self, name: str) -> int:
        (count,) = self.conn.execute(
            "SELECT count(*) FROM annotation_tags at JOIN tags t ON t.id = at.tag_id"
            " WHERE t.name = ?",
            (name,),
        ).fetchone()
        return int(count)
