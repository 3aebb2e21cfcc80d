"""Search everything: article texts, titles and outlets, notes and tag names, in one
story or in all (SQLite FTS5, kept in step by the triggers of migration m009)."""

from __future__ import annotations

import sqlite3

from store.db.connection import Connected
from store.errors import StoreError
from store.records import Hit
from store.text.terms import SNIPPET, matches, plain_query, snippet

LIMIT = 50
"""Hits of each kind (annotations, articles) at most, best first."""
HEAD = 1_000
"""Characters of an article's text in which its snippet is looked for first."""

_ARTICLES = """
    SELECT rowid FROM article_search WHERE article_search MATCH ?{story}
    AND rowid IN (SELECT id FROM current_articles)
    ORDER BY bm25(article_search, 10.0, 5.0, 1.0) LIMIT ?
"""
_NOTES = """
    SELECT a.id, a.article_id, a.start, a.end, a.note
    FROM note_search s LEFT JOIN annotations a ON a.rowid = s.rowid
    WHERE note_search MATCH ?{story}
    ORDER BY bm25(note_search) LIMIT ?
"""
_TAGGED = """
    SELECT a.id, a.article_id, a.start, a.end FROM annotation_tags x
    JOIN annotations a ON a.id = x.annotation_id
    WHERE x.tag_id = ?{story} ORDER BY a.article_id, a.start LIMIT ?
"""
_IN_STORY = " AND {column} IN (SELECT article_id FROM story_articles WHERE story_id = ?)"
# The articles' search filters the matches by story with ``+rowid``: the unary plus
# keeps SQLite from handing FTS5 the story's ids as rowid constraints, which it looks up
# one by one, expanding the query again for each (``pre*`` in a story of 26 articles
# out of 10,000 took 0.56 s instead of 10 ms; benchmarks/scale.py, search_10k).


class SearchOps(Connected):
    """What ``Store`` finds."""

    def search(self, query: str, story_id: int | None = None, limit: int = LIMIT) -> list[Hit]:
        """Annotations whose note matches, then those whose tag's name does, then
        articles whose words match, best first.

        The query is FTS5's: words, "phrases", prefix*, AND / OR / NOT. One that FTS5
        cannot read is taken word for word; failing that, a StoreError says why.
        """
        if not query.strip():
            return []
        try:
            return self._search(query, story_id, limit)
        except sqlite3.OperationalError as err:
            plain = plain_query(query)
            if plain and plain != query:
                try:
                    return self._search(plain, story_id, limit, shown=query)
                except sqlite3.OperationalError:
                    pass
            raise StoreError(f"cannot search for {query!r}: {err}") from None

    def _search(self, query: str, story_id: int | None, limit: int, shown: str = "") -> list[Hit]:
        shown = shown or query
        hits = []
        story = "" if story_id is None else _IN_STORY
        args: list[object] = [query, *([story_id] if story_id is not None else []), limit]
        in_story = story.format(column="a.article_id")
        notes = self.conn.execute(_NOTES.format(story=in_story), args).fetchall()
        for annotation_id, article_id, start, end, note in notes:
            line, _, _, marks = snippet(note or "", shown)
            if annotation_id is None or (not marks and not _negated(shown)):
                # Index and notes disagree (a VACUUM renumbered the annotations' rows):
                # index the notes again, and ask again.
                self._reindex_notes()
                return self._search(query, story_id, limit, shown)
            hits.append(Hit(article_id, start, end, "note", line, marks, annotation_id))
        for tag in self.tags():
            if not matches(tag.name, shown):
                continue
            line, _, _, marks = snippet(tag.name, shown)
            tagged = self.conn.execute(_TAGGED.format(story=in_story), [tag.id, *args[1:]])
            for annotation_id, article_id, start, end in tagged:
                hits.append(Hit(article_id, start, end, "tags", line, marks, annotation_id))
        ids = [row[0] for row in self.conn.execute(
            _ARTICLES.format(story=story.format(column="+rowid")), args
        )]  # fmt: skip
        for article_id in ids:
            hits.append(self._article_hit(article_id, shown))
        return hits

    def _reindex_notes(self) -> None:
        with self.transaction() as conn:
            conn.execute("INSERT INTO note_search (note_search) VALUES ('delete-all')")
            conn.execute(
                "INSERT INTO note_search (rowid, note)"
                " SELECT rowid, note FROM annotations WHERE note <> ''"
            )

    def _article_hit(self, article_id: int, query: str) -> Hit:
        title, outlet = self.conn.execute(
            "SELECT title, outlet FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        line, start, end, marks = _text_snippet(self.article_text(article_id), query)
        if marks or not (snippet(title, query)[3] or snippet(outlet, query)[3]):
            return Hit(article_id, start, end, "text", line, marks)
        field, value = ("title", title) if snippet(title, query)[3] else ("outlet", outlet)
        line, _, _, marks = snippet(value, query)
        return Hit(article_id, 0, 0, field, line, marks)


def _text_snippet(text: str, query: str) -> tuple[str, int, int, tuple[tuple[int, int], ...]]:
    """``snippet(text, query)``, from the text's head when its first match is there.

    ``snippet`` finds every match in the text to take the first: hundreds in each of
    50 articles for a common word, a fifth of a search on 10,000 articles. A match
    found in the head, ending more than a snippet's width before its end, is the
    text's first, with the same snippet, marks and ellipses, unless it was found
    only with the diacritics dropped (``snippet`` drops them only when no word
    matches as written, which a later one in the text may)."""
    if len(text) > HEAD:
        found = snippet(text[:HEAD], query)
        _, start, end, marks = found
        if marks and end + SNIPPET < HEAD and text[start:end].isascii():
            return found
    return snippet(text, query)


def _negated(query: str) -> bool:
    """Whether the query has a NOT, whose words a hit need not hold."""
    return "NOT" in query.split()
