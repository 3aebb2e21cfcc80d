"""Articles in the database: listed, found, added (a text is stored once).

Adding a document or a file whose source is already here with another text makes
a new version of that article: ``store.db.versioning``.
"""

from __future__ import annotations

from store.db.connection import Connected
from store.db.unit import insert_article
from store.errors import StoreError
from store.records import Article
from store.text.clean import content_hash

ARTICLE_COLUMNS = (
    "id, title, outlet, author, published, url, file_name, content_hash, added, length, words,"
    " version, version_of"
)


class ArticleOps(Connected):
    """The article half of ``Store``."""

    def articles(self) -> list[Article]:
        """Every article at the version it shows (``current_articles``), in the order
        they came in, without its text. Earlier versions: ``Store.versions``."""
        rows = self.conn.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM current_articles ORDER BY coalesce(version_of, id)"
        )
        return [Article(*row) for row in rows]

    def article(self, article_id: int) -> Article:
        """The article row ``article_id``: an article, or one of its versions."""
        row = self.conn.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"{self.name}: no article with id {article_id}")
        return Article(*row)

    def annotation_counts(self) -> dict[int, int]:
        """How many annotations each article has (articles with none are left out)."""
        rows = self.conn.execute("SELECT article_id, count(*) FROM annotations GROUP BY article_id")
        return dict(rows)

    def find_article(self, text_hash: str) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (text_hash,)
        ).fetchone()
        return None if row is None else int(row[0])

    def add_article(
        self,
        text: str,
        *,
        title: str,
        outlet: str = "",
        author: str = "",
        published: str = "",
        url: str = "",
        file_name: str = "",
        source_hash: str = "",
    ) -> tuple[int, bool]:
        """Store an article unless the same text is already there.

        The text must already be clean (see ``store.text.clean.clean_text``).
        Returns the article's id and whether it was added now.
        """
        text_hash = content_hash(text)
        existing = self.find_article(text_hash)
        if existing is not None:
            return existing, False
        with self.transaction() as conn:
            article_id = insert_article(
                conn,
                text,
                title=title,
                outlet=outlet,
                author=author,
                published=published,
                url=url,
                file_name=file_name,
                source_hash=source_hash,
                content_hash=text_hash,
            )
        return article_id, True
