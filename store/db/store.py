"""The store: one SQLite database holding articles, tags, annotations and links.

``Store`` gathers the parts (``Connected`` and the operations on articles,
annotations, links and tags, each in its own module); ``store.db.opening``
makes one. Reads go through the standard library's ``sqlite3`` connection, so
opening an up-to-date database costs no sqlite-utils import on the way to the
first screen.
"""

from __future__ import annotations

import sqlite3

from store.db.connection import describe_sqlite_error
from store.db.drafts import DraftOps
from store.db.history import HistoryOps
from store.db.schema import MIGRATION_SET, MIGRATIONS
from store.db.search import SearchOps
from store.db.settings import SettingOps
from store.db.stories import StoryOps
from store.db.tags import TagOps
from store.db.versioning import VersionWrites
from store.errors import StoreError


class Store(VersionWrites, TagOps, StoryOps, SearchOps, SettingOps, HistoryOps, DraftOps):
    """Articles, tags, annotations and links in one SQLite database (and the drafts
    of text being written).

    Built by ``open_store``; every write is one transaction (``transaction``),
    every user action one undoable unit of work (``action``).
    """

    def pending_migrations(self) -> bool:
        """Whether any migration is still to run, asked with the standard library only."""
        try:
            rows = self.conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,)
            ).fetchall()
        except sqlite3.OperationalError:
            return True
        return not set(MIGRATIONS) <= {name for (name,) in rows}

    def unknown_migrations(self) -> list[str]:
        """Migrations this database has that this reader does not know: a newer one made it."""
        try:
            rows = self.conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,)
            ).fetchall()
        except sqlite3.OperationalError:
            return []
        return sorted({name for (name,) in rows} - set(MIGRATIONS))

    def migrate(self) -> None:
        """Bring the schema up to date; a database of another program, or one a newer
        reader has changed, is refused."""
        if newer := self.unknown_migrations():
            raise StoreError(
                f"{self.name}: made by a newer reader (it has {newer[-1]}); update reader "
                "to open it"
            )
        if not self.pending_migrations():
            return
        from store.db.migrations import migrations

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
