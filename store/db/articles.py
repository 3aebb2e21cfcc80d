"""Articles in the database: listed, found, added (a text is stored once)."""

from __future__ import annotations

from pathlib import Path

from store.db.connection import Connected
from store.db.unit import insert_article
from store.errors import StoreError
from store.ingest.files import Document, read_bytes, source_hash
from store.ingest.sources import read_source
from store.records import Article
from store.text.clean import content_hash

ARTICLE_COLUMNS = (
    "id, title, outlet, author, published, url, file_name, content_hash, added, length, words"
)


class ArticleOps(Connected):
    """The article half of ``Store``."""

    def articles(self) -> list[Article]:
        """Every article, oldest first, without its text."""
        rows = self.conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY id")
        return [Article(*row) for row in rows]

    def article(self, article_id: int) -> Article:
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

    def add_document(self, document: Document, **metadata: str) -> tuple[int, bool]:
        """Store a Document read by ``store.ingest`` with its metadata (``metadata``
        overrides it); the article's id and whether it was added now."""
        return self.add_article(document.text, **{**document.article_fields(), **metadata})

    def add_file(self, path: str | Path) -> tuple[int, bool]:
        """Read a file (text in any encoding, a saved web page, Markdown) and store it;
        raises IngestError or StoreError.

        A file whose bytes were imported before is found by their hash, without
        reading it as an article again: reopening a large file costs one read and
        one hash.
        """
        known = self.known_file(path)
        if known is not None:
            return known, False
        return self.add_document(read_source(str(path)))

    def known_file(self, path: str | Path) -> int | None:
        """The article a file's bytes were imported as before, if any (IngestError when
        the file cannot be read)."""
        row = self.conn.execute(
            "SELECT id FROM articles WHERE source_hash = ?", (source_hash(read_bytes(path)),)
        ).fetchone()
        return None if row is None else int(row[0])
