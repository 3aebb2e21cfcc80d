"""The connection every part of the store shares, and its one kind of transaction.

``Connected`` is the base of ``Store``: the SQLite connection, the database's
name for messages, the texts read so far, and ``transaction()``, which nests
(an inner block is a savepoint), so a write can be a piece of a larger one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from functools import cached_property
from itertools import count
from typing import TYPE_CHECKING

from store.errors import StoreError
from store.records import Tag, new_id, now

if TYPE_CHECKING:
    from sqlite_utils import Database

_savepoints = count(1)

WINDOW_TIMEOUT = 30
"""Seconds after which a window not heard from is taken for closed (it crashed)."""
USER_NAME = "user.name"
"""The ``meta`` key of the user's name (``reader config user.name``)."""


def login_name() -> str:
    """The login name of the user running reader, or '' where the system has none."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):
        return ""


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


class Connected:
    """One SQLite connection, its transactions, and what every part of the store reads."""

    def __init__(self, conn: sqlite3.Connection, name: str) -> None:
        self.conn = conn
        self.name = name
        """The path of the database file, or ``:memory:``."""
        self._texts: dict[int, str] = {}
        self.window_id: str | None = None
        """This app window's id, once ``open_window`` registered it (None: no window)."""
        self._user: str | None = None

    @property
    def user(self) -> str:
        """Who is making changes: recorded as the creator of every annotation and link
        written through this store. ``reader config user.name`` sets it in the
        database; else the login name ('' where the system has none). Read once, when
        first needed; setting it here lasts as long as this store is open."""
        if self._user is None:
            self._user = self.get_meta(USER_NAME) or login_name()
        return self._user

    @user.setter
    def user(self, name: str) -> None:
        self._user = name

    @cached_property
    def db(self) -> Database:
        """The sqlite-utils view of this connection, for the migrations."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction, committed when the block ends (before the caller can show
        the change as done) and rolled back on any error.

        Inside another transaction it is a savepoint of it: the inner block's
        changes are undone on its error and committed with the outer block.
        SQLite errors become a StoreError naming the database.
        """
        conn = self.conn
        if conn.in_transaction:
            with self._savepoint(conn):
                yield conn
            return
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
    def _savepoint(self, conn: sqlite3.Connection) -> Iterator[None]:
        name = f"reader_{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if conn.in_transaction:  # an error may have ended the whole transaction
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {name}")

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

    # -- windows: several apps open on one database --------------------------------------

    def open_window(self) -> str:
        """Register this connection as an app window: its actions are its own to undo."""
        import os
        import socket

        self.window_id = new_id()
        long_gone = (datetime.now(UTC) - timedelta(days=1)).isoformat(timespec="milliseconds")
        with self.transaction() as conn:
            conn.execute("DELETE FROM windows WHERE seen < ?", (long_gone,))
            conn.execute(
                "INSERT INTO windows (id, pid, host, seen) VALUES (?, ?, ?, ?)",
                (self.window_id, os.getpid(), socket.gethostname(), now()),
            )
        return self.window_id

    def keep_window_open(self) -> None:
        """Say the window is still open (every few seconds): a window not heard from for
        ``WINDOW_TIMEOUT`` is taken for closed, and its actions anyone's to undo."""
        if self.window_id is not None:
            with self.transaction() as conn:
                conn.execute("UPDATE windows SET seen = ? WHERE id = ?", (now(), self.window_id))

    def close_window(self) -> None:
        if self.window_id is not None:
            with self.transaction() as conn:
                conn.execute("DELETE FROM windows WHERE id = ?", (self.window_id,))
            self.window_id = None

    def window(self) -> tuple[str, str] | None:
        """This window and the time before which another window is taken for closed."""
        if self.window_id is None:
            return None
        since = datetime.now(UTC) - timedelta(seconds=WINDOW_TIMEOUT)
        return self.window_id, since.isoformat(timespec="milliseconds")

    def data_version(self) -> int:
        """A number that changes when another connection (another window, a command)
        commits to the database: cheap enough to ask every second."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    # -- what every part reads --------------------------------------------------------

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
            if not isinstance(row[0], str):
                raise StoreError(f"{self.name}: damaged: article {article_id} has no text")
            text = self._texts[article_id] = row[0]
        return text

    def tags(self) -> list[Tag]:
        rows = self.conn.execute(
            "SELECT id, name, key, colour, description, role FROM tags ORDER BY id"
        )
        return [Tag(*row) for row in rows]

    def tag_with_role(self, role: str) -> Tag | None:
        """The tag the program uses for ``role`` (renamed or not), if it still exists."""
        return next((tag for tag in self.tags() if tag.role == role), None)

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
