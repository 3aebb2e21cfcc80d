"""Opening a database: the user's own (created and brought up to date), or another
reader database to read from only (``reader merge``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from store.db.connection import describe_sqlite_error
from store.db.store import Store
from store.errors import StoreError


def open_store(path: str | Path) -> Store:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    ``":memory:"`` gives a private in-memory store. Raises StoreError with a
    one-line message naming the file when it cannot be opened.
    """
    name = str(path)
    if name != ":memory:" and not Path(name).expanduser().parent.is_dir():
        folder = Path(name).expanduser().parent
        raise StoreError(f"no such folder: {folder}; create it first")
    try:
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


T = TypeVar("T")

READ_TABLES = ("articles", "annotations", "annotation_tags", "tags", "links")
"""The tables reading another database reads (``reader merge``): they must be tables."""


@contextmanager
def reading(other: Store) -> Iterator[Store]:
    """Read another database: whatever SQLite says of it (a damaged page, a table
    missing, a value of the wrong type) is one StoreError naming it."""
    try:
        yield other
    except sqlite3.Error as err:
        raise StoreError(describe_sqlite_error(other.name, err)) from None
    except (TypeError, ValueError, KeyError) as err:
        raise StoreError(f"{other.name}: damaged: a value of the wrong kind ({err})") from None


def read_each(other: Store, items: Iterable[T]) -> Iterator[T]:
    """``items``, read lazily from another database, each under ``reading``: a problem
    met halfway names that database, not the one being written."""
    found = iter(items)
    while True:
        with reading(other):
            try:
                item = next(found)
            except StopIteration:
                return
        yield item


def open_readonly(path: str | Path) -> Store:
    """Open another reader database to read from, never writing to it and running
    nothing of its own: only plain tables are read, with SQLite's ``query_only`` on
    and its schema untrusted (no functions from its views or triggers).

    Raises StoreError naming the file when it is missing, not a regular file, not a
    database, not reader's, made by an older reader (whose schema would need
    upgrading) or by a newer one (whose schema this one does not know).
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
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA trusted_schema = OFF")
        kinds = dict(conn.execute("SELECT name, type FROM sqlite_master"))
        if not {"articles", "annotations", "tags"} <= set(kinds):
            raise StoreError(f"{name}: not a reader database (it has no articles or annotations)")
        missing = [table for table in READ_TABLES if table not in kinds]
        if missing:
            raise StoreError(f"{name}: not a whole reader database (it has no {missing[0]} table)")
        odd = [table for table in READ_TABLES if kinds[table] != "table"]
        if odd:
            raise StoreError(f"{name}: not a reader database ({odd[0]} is a {kinds[odd[0]]})")
        if store.pending_migrations():
            raise StoreError(
                f"{name}: made by an older reader; open it once with `reader --db {name}` "
                "to bring it up to date"
            )
        if store.unknown_migrations():
            raise StoreError(f"{name}: made by a newer reader; update reader to merge it")
    return store
