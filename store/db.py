"""The store: one SQLite database holding articles, tags, annotations and links.

``open_store(path)`` is the only way in. Reads go through the standard library's
``sqlite3`` connection; writes go through a ``sqlite_utils.Database`` over the
same connection, created on the first write, so that opening an up-to-date
database for reading costs no sqlite-utils import on the way to the first screen.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from store.annotations import AnnotationOps
from store.errors import StoreError
from store.ingest import Document, content_hash, document_from_bytes, read_bytes, source_hash
from store.schema import MIGRATION_SET, MIGRATIONS

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Article:
    """An article's metadata; its text is fetched apart with ``Store.article_text``."""

    id: int
    title: str
    outlet: str
    author: str
    published: str
    url: str
    file_name: str
    content_hash: str
    added: str
    length: int

    @property
    def label(self) -> str:
        """How the article is named in one line: outlet, else file name."""
        return self.outlet or self.file_name or f"article {self.id}"


@dataclass(frozen=True)
class Tag:
    id: int
    name: str
    key: int | None
    colour: str
    description: str


def now() -> str:
    """The current UTC time as ISO 8601, the form every timestamp is stored in."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def describe_sqlite_error(name: str, err: sqlite3.Error) -> str:
    """One line for the user about what SQLite said of the database ``name``."""
    text = str(err)
    lowered = text.lower()
    if "file is not a database" in lowered or "malformed" in lowered:
        return f"{name}: not a reader database, or it is damaged ({text})"
    if "locked" in lowered or "busy" in lowered:
        return f"{name}: the database is locked by another program ({text}); close it and retry"
    if "readonly" in lowered or "read-only" in lowered:
        return f"{name}: the database cannot be written ({text}); check its permissions"
    if "disk is full" in lowered or "full" in lowered:
        return f"{name}: the disk is full ({text}); nothing was saved"
    if "unable to open" in lowered:
        return f"{name}: the database cannot be opened ({text})"
    return f"{name}: database error ({text})"


class Store(AnnotationOps):
    """Articles, tags, annotations and links in one SQLite database.

    Built by ``open_store``; every multi-row write runs in ``db.atomic()``.
    """

    def __init__(self, conn: sqlite3.Connection, name: str) -> None:
        self.conn = conn
        self.name = name
        self._texts: dict[int, str] = {}
        """The path of the database file, or ``:memory:``."""

    @cached_property
    def db(self) -> Database:
        """The sqlite-utils view of this store's connection, used for writes."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def writing(self) -> Iterator[Database]:
        """One transaction: committed when the block ends, rolled back on any error.

        SQLite errors become a StoreError naming the database, so a caller can
        show the message and go on; the database is never left half-written.
        """
        try:
            with self.db.atomic() as db:
                yield db
        except sqlite3.Error as err:
            raise StoreError(describe_sqlite_error(self.name, err)) from None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction on the plain connection, for the annotation actions.

        Committed when the block ends (before the caller can show the change as
        done), rolled back on any error; SQLite errors become a StoreError.
        """
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
        except sqlite3.Error as err:
            if conn.in_transaction:
                conn.rollback()
            raise StoreError(describe_sqlite_error(self.name, err)) from None

    @contextmanager
    def page_cache(self, megabytes: int) -> Iterator[None]:
        """SQLite's page cache at ``megabytes`` for the block, instead of its 2 MB.

        A bulk write inserts into indexes keyed by random ids: with the pages of
        those indexes kept in memory it does not read them again and again
        (an import of 100,000 annotations writes about a third faster).
        """
        (previous,) = self.conn.execute("PRAGMA cache_size").fetchone()
        self.conn.execute(f"PRAGMA cache_size = {-1024 * megabytes}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(previous)}")

    # -- schema -----------------------------------------------------------

    def pending_migrations(self) -> bool:
        """Whether any migration is still to run, asked with the standard library only."""
        try:
            rows = self.conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,)
            ).fetchall()
        except sqlite3.OperationalError:
            return True
        return not set(MIGRATIONS) <= {name for (name,) in rows}

    def migrate(self) -> None:
        """Bring the schema up to date; a database of another program is refused."""
        if not self.pending_migrations():
            return
        from store.migrations import migrations

        tables = {
            name
            for (name,) in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        if tables and "articles" not in tables:
            raise StoreError(
                f"{self.name}: a SQLite database of another program (it has no reader tables); "
                "choose another file with --db"
            )
        try:
            migrations.apply(self.db)
        except sqlite3.Error as err:
            raise StoreError(describe_sqlite_error(self.name, err)) from None

    # -- meta ---------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self.writing() as db:
            db.table("meta").upsert({"key": key, "value": value}, pk="key")

    # -- articles -------------------------------------------------------------

    _ARTICLE_COLUMNS = (
        "id, title, outlet, author, published, url, file_name, content_hash, added, length"
    )

    def articles(self) -> list[Article]:
        """Every article, oldest first, without its text."""
        rows = self.conn.execute(f"SELECT {self._ARTICLE_COLUMNS} FROM articles ORDER BY id")
        return [Article(*row) for row in rows]

    def article(self, article_id: int) -> Article:
        row = self.conn.execute(
            f"SELECT {self._ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"{self.name}: no article with id {article_id}")
        return Article(*row)

    def article_text(self, article_id: int) -> str:
        """The article's text; kept once read (texts never change, and the caller that
        shows an article holds the same string anyway)."""
        text = self._texts.get(article_id)
        if text is None:
            row = self.conn.execute(
                "SELECT text FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            if row is None:
                raise StoreError(f"{self.name}: no article with id {article_id}")
            text = self._texts[article_id] = str(row[0])
        return text

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

        The text must already be clean (see ``store.ingest.clean_text``).
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
        """Store a Document read by ``store.ingest``; metadata overrides its guesses."""
        fields = {
            "title": document.title,
            "file_name": document.file_name,
            "source_hash": document.source_hash,
            **metadata,
        }
        return self.add_article(document.text, **fields)

    def add_file(self, path: str | Path) -> tuple[int, bool]:
        """Read a plain-text file and store it; raises IngestError or StoreError.

        A file whose bytes were imported before is found by their hash, without
        decoding it again: reopening a large file costs one read and one hash.
        """
        data = read_bytes(path)
        row = self.conn.execute(
            "SELECT id FROM articles WHERE source_hash = ?", (source_hash(data),)
        ).fetchone()
        if row is not None:
            return int(row[0]), False
        return self.add_document(document_from_bytes(data, path))

    # -- tags ---------------------------------------------------------------

    def tags(self) -> list[Tag]:
        rows = self.conn.execute("SELECT id, name, key, colour, description FROM tags ORDER BY id")
        return [Tag(*row) for row in rows]


def insert_article(conn: sqlite3.Connection, text: str, **metadata: str) -> int:
    """Insert one article in the caller's transaction; returns its id.

    ``metadata`` names columns (title, outlet, ..., content_hash if known).
    """
    row = {
        "title": "",
        "outlet": "",
        "author": "",
        "published": "",
        "url": "",
        "file_name": "",
        **metadata,
        "text": text,
        "content_hash": metadata.get("content_hash") or content_hash(text),
        "added": now(),
        "length": len(text),
    }
    columns = ", ".join(row)
    places = ", ".join(f":{name}" for name in row)
    cursor = conn.execute(f"INSERT INTO articles ({columns}) VALUES ({places})", row)
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def open_store(path: str | Path) -> Store:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    ``":memory:"`` gives a private in-memory store. Raises StoreError with a
    one-line message naming the file when it cannot be opened.
    """
    name = str(path)
    try:
        if name != ":memory:":
            Path(name).expanduser().parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(Path(name).expanduser() if name != ":memory:" else name, timeout=2.0)
    except (OSError, sqlite3.Error) as err:
        raise StoreError(f"{name}: the database cannot be opened ({err})") from None
    with _closed_on_error(conn, name):
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 2000")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal" and name != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL still survives a killed process (commits are in the
        # WAL before COMMIT returns); only a power cut may lose the last commits.
        conn.execute("PRAGMA synchronous = NORMAL")
        store = Store(conn, name)
        store.migrate()
    return store


@contextmanager
def _closed_on_error(conn: sqlite3.Connection, name: str) -> Iterator[None]:
    """Close ``conn`` when opening fails; SQLite's errors become one line naming the file."""
    try:
        yield
    except sqlite3.Error as err:
        conn.close()
        raise StoreError(describe_sqlite_error(name, err)) from None
    except StoreError:
        conn.close()
        raise


def open_readonly(path: str | Path) -> Store:
    """Open another reader database to read from, never writing to it.

    Raises StoreError naming the file when it is missing, not a database, not
    reader's, or made by an older reader (whose schema would need upgrading).
    """
    name = str(path)
    file = Path(name).expanduser()
    if not file.is_file():
        raise StoreError(f"{name}: no such file")
    try:
        conn = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True, timeout=2.0)
    except sqlite3.Error as err:
        raise StoreError(describe_sqlite_error(name, err)) from None
    store = Store(conn, name)
    with _closed_on_error(conn, name):
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if not {"articles", "annotations", "tags"} <= tables:
            raise StoreError(f"{name}: not a reader database (it has no articles or annotations)")
        if store.pending_migrations():
            raise StoreError(
                f"{name}: made by an older reader; open it once with `reader --db {name}` "
                "to bring it up to date"
            )
    return store
