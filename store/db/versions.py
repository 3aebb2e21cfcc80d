"""An article's versions, read: which there are, which one the article shows, what
changed between two, and the orphans (annotations a newer version could not take).

A version is an ``articles`` row of its own (``docs/versions.md``): the first
version's id names the article (``version_of`` of the later ones points at it),
``current_versions`` says which version it shows (no row: the first), and
``current_articles`` lists every article at that version.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from store.db.annotations import AnnotationReads, TagSets
from store.db.articles import ArticleOps
from store.errors import StoreError
from store.records import Annotation, Orphan, Version
from store.text.worddiff import WordDiff, word_diff

_VERSIONS = """
    SELECT a.id, coalesce(a.version_of, a.id), a.version, a.added, a.content_hash, a.length
    FROM articles a WHERE coalesce(a.version_of, a.id) = ? ORDER BY a.version, a.id
"""
_ORPHANS = """
    SELECT a.id, a.article_id, a.start, a.end, a.exact, a.prefix, a.suffix, a.note,
           a.created, a.updated,
           (SELECT group_concat(tag_id) FROM annotation_tags WHERE annotation_id = a.id),
           a.creator, a.origin, o.version_id, o.start, o.end, o.score, o.kept
    FROM orphans o JOIN annotations a ON a.id = o.annotation_id
"""


@dataclass
class VersionDiff:
    """What changed between two versions of an article, and the annotations on
    either that a change touches."""

    old: Version
    new: Version
    diff: WordDiff
    marked_old: list[Annotation] = field(default_factory=list)
    """Annotations on the old version whose passage a change touches."""
    marked_new: list[Annotation] = field(default_factory=list)
    """Annotations on the new version whose passage a change touches."""


class VersionReads(ArticleOps, AnnotationReads):
    """What ``Store`` answers about versions and orphans."""

    def article_key(self, article_id: int) -> int:
        """The id of the first version of the article ``article_id`` is a version of."""
        row = self.conn.execute(
            "SELECT coalesce(version_of, id) FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"{self.name}: no article with id {article_id}")
        return int(row[0])

    def current_version(self, article_id: int) -> int:
        """The id of the version the article shows, from the id of any of its versions
        (a column showing an article whose newer version came in shows that one)."""
        key = self.article_key(article_id)
        row = self.conn.execute(
            "SELECT version_id FROM current_versions WHERE article_id = ?", (key,)
        ).fetchone()
        return key if row is None else int(row[0])

    def versions(self, article_id: int) -> list[Version]:
        """Every version of the article (from the id of any of them), oldest first."""
        key = self.article_key(article_id)
        current = self.current_version(key)
        rows = self.conn.execute(_VERSIONS, (key,)).fetchall()
        return [
            Version(ident, chain, number, len(rows), added, text_hash, length, ident == current)
            for ident, chain, number, added, text_hash, length in rows
        ]

    def version(self, article_id: int) -> Version:
        """The version the article row ``article_id`` is (its number, of how many, when it
        came in): what a column heading says, what an export names."""
        for found in self.versions(article_id):
            if found.id == article_id:
                return found
        raise StoreError(f"{self.name}: no article with id {article_id}")

    def article_version(self, annotation: Annotation) -> Version:
        """The version an annotation is on."""
        return self.version(annotation.article_id)

    def numbered_version(self, article_id: int, number: int) -> Version:
        """Version ``number`` (1, 2, ...) of the article; a StoreError naming the ones
        there are when it has no such version."""
        versions = self.versions(article_id)
        for found in versions:
            if found.number == number:
                return found
        raise StoreError(
            f"article #{article_id} has no version {number} (it has 1 to {len(versions)})"
        )

    def version_diff(
        self, article_id: int, old: int | None = None, new: int | None = None
    ) -> VersionDiff:
        """What changed from version ``old`` to version ``new`` (numbers) of the article;
        by default from the version before the current one to the current one."""
        versions = self.versions(article_id)
        current = next(v for v in versions if v.current)
        if new is None:
            new = current.number if old is None else max(v.number for v in versions)
        if old is None:
            old = max(1, new - 1)
        one = self.numbered_version(article_id, old)
        two = self.numbered_version(article_id, new)
        diff = word_diff(self.article_text(one.id), self.article_text(two.id))
        result = VersionDiff(one, two, diff)
        if diff.identical:
            return result
        result.marked_old = [
            a for a in self.annotations(one.id) if diff.touches(a.start, a.end, new=False)
        ]
        result.marked_new = [
            a for a in self.annotations(two.id) if diff.touches(a.start, a.end, new=True)
        ]
        return result

    def orphans(self, article_id: int | None = None, *, kept: bool = True) -> list[Orphan]:
        """The annotations left on an older version, oldest article first (of one
        article's versions only, given ``article_id``; without those the user chose to
        leave where they are, given ``kept=False``)."""
        where: list[str] = []
        args: list[object] = []
        if article_id is not None:
            where.append("coalesce(v.version_of, v.id) = ?")
            args.append(self.article_key(article_id))
        if not kept:
            where.append("o.kept = 0")
        sql = _ORPHANS + " JOIN articles v ON v.id = a.article_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY coalesce(v.version_of, v.id), v.version, a.start, a.id"
        tags = TagSets(self.tags())
        found = []
        versions: dict[int, Version] = {}
        for row in self.conn.execute(sql, args).fetchall():
            annotation = tags.annotation(row[:13])
            against, start, end, score, is_kept = row[13:]
            if annotation.article_id not in versions:
                versions[annotation.article_id] = self.version(annotation.article_id)
            version = versions[annotation.article_id]
            candidate = (int(start), int(end)) if start is not None and end is not None else None
            found.append(Orphan(annotation, version, against, candidate, score, bool(is_kept)))
        return found
