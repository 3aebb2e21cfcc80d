"""Undo and redo kept in the database, so that they survive a restart.

Every user action runs in one transaction through a ``Changes`` recorder: it
notes each row it touches as (table, key, row before, row after) and, when the
action ends, writes them as one ``journal`` entry in the same transaction.
Undo puts the "before" rows back in reverse order; redo puts the "after" rows
back in order. A new action after an undo drops the undone entries, as editors do.

A row an action adds is noted by its key alone (``ADDED``): undo reads it back
from the table before deleting it, and keeps it in the entry for redo. An
import of 100,000 annotations so writes its rows once, not twice.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

Row = dict[str, Any]
ADDED = True
"""The "after" of a row the action added: the row as it is in the table. Undo
reads it there, where it is as the action left it (entries are undone newest
first), and writes it into the entry in its place, for redo."""
After = Row | None | bool

KEYS: dict[str, tuple[str, ...]] = {
    "annotations": ("id",),
    "annotation_tags": ("annotation_id", "tag_id"),
    "links": ("id",),
    "tags": ("id",),
    "compare_decisions": ("id",),
    "stories": ("id",),
    "story_articles": ("story_id", "article_id"),
    "current_versions": ("article_id",),
    "orphans": ("annotation_id",),
}
"""The tables an action can change, with their primary keys."""


def read_row(conn: sqlite3.Connection, table: str, key: Row) -> Row | None:
    where = " AND ".join(f"{column} = ?" for column in key)
    cursor = conn.execute(f"SELECT * FROM {table} WHERE {where}", tuple(key.values()))
    found = cursor.fetchone()
    if found is None:
        return None
    return dict(zip([d[0] for d in cursor.description], found, strict=True))


def write_row(conn: sqlite3.Connection, table: str, key: Row, row: Row | None) -> None:
    """Make the row at ``key`` be ``row`` (None: no row), without cascading deletes.

    An upsert, never ``INSERT OR REPLACE``: a replace deletes first, and the
    deletion would cascade to the row's annotation tags and links.
    """
    if row is None:
        where = " AND ".join(f"{column} = ?" for column in key)
        conn.execute(f"DELETE FROM {table} WHERE {where}", tuple(key.values()))
        return
    columns = list(row)
    updates = [c for c in columns if c not in key]
    action = (
        "DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in updates)
        if updates
        else "DO NOTHING"
    )
    conn.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        f" ON CONFLICT ({', '.join(key)}) {action}",
        tuple(row.values()),
    )


Window = tuple[str, str] | None
"""The app window an action is made in: its id, and the time before which a window
not seen since is taken for closed (ISO 8601). None: no window (the command line)."""

_UNDOABLE_HERE = (
    "(window IS NULL OR window = ? OR window NOT IN (SELECT id FROM windows WHERE seen >= ?))"
)
"""An entry a window may undo or redo: made by no window (the command line), by this
one, or by one that is closed (or crashed: not seen for a while). Two windows open on
one database so never undo each other's actions."""


def _here(window: Window) -> tuple[str, str]:
    return window if window is not None else ("", "")


class Changes:
    """The row changes of one action, recorded as it makes them."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.items: list[tuple[str, Row, Row | None, After]] = []
        self.description = ""
        """What the action did, in a few words: undo and redo report it."""

    def key_of(self, table: str, row: Row) -> Row:
        return {column: row[column] for column in KEYS[table]}

    def put(self, table: str, row: Row) -> None:
        """Insert or update ``row``, noting what was there before."""
        key = self.key_of(table, row)
        before = read_row(self.conn, table, key)
        merged = {**before, **row} if before else row
        write_row(self.conn, table, key, merged)
        self.items.append((table, key, before, merged))

    def update_all(self, table: str, rows: list[Row], batch: int = 500) -> None:
        """Update existing rows of a one-column key (a new version moving 10,000
        annotations): their "before" read a batch at a time, then written in one
        statement per batch."""
        (column,) = KEYS[table]
        for first in range(0, len(rows), batch):
            chunk = rows[first : first + batch]
            keys = [row[column] for row in chunk]
            cursor = self.conn.execute(
                f"SELECT * FROM {table} WHERE {column} IN ({', '.join('?' * len(keys))})", keys
            )
            names = [d[0] for d in cursor.description]
            before = {found[names.index(column)]: dict(zip(names, found, strict=True))
                      for found in cursor}  # fmt: skip
            chunk = [row for row in chunk if row[column] in before]
            if not chunk:
                continue
            changed = [c for c in chunk[0] if c != column]
            self.conn.executemany(
                f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in changed)} WHERE {column} = ?",
                [(*(row[c] for c in changed), row[column]) for row in chunk],
            )
            for row in chunk:
                old = before[row[column]]
                self.items.append((table, {column: row[column]}, old, {**old, **row}))

    def add(self, table: str, row: Row) -> None:
        """Insert ``row``, which must be new (a fresh id): nothing to read first."""
        self.add_all(table, [row])

    def add_all(self, table: str, rows: list[Row]) -> None:
        """Insert ``rows``, all new and with the same columns, in one statement."""
        if not rows:
            return
        columns = list(rows[0])
        self.conn.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [tuple(row.values()) for row in rows],
        )
        self.items += [(table, self.key_of(table, row), None, ADDED) for row in rows]

    def delete(self, table: str, key: Row) -> None:
        before = read_row(self.conn, table, key)
        if before is None:
            return
        write_row(self.conn, table, key, None)
        self.items.append((table, key, before, None))

    def save(
        self, description: str, when: str, window: Window = None, keep: tuple[int, int] = (1000, 90)
    ) -> None:
        """Write the entry, made in ``window``; the undone entries of that window it
        supersedes are dropped (another open window's are its own to redo), and so are
        entries beyond ``keep`` (actions, days: see ``prune``)."""
        if not self.items:
            return
        self.conn.execute(
            f"DELETE FROM journal WHERE undone = 1 AND {_UNDOABLE_HERE}", _here(window)
        )
        # Rows hold no cycles: not checking for them saves time on an import's 250,000.
        self.conn.execute(
            "INSERT INTO journal (description, changes, created, window) VALUES (?, ?, ?, ?)",
            (
                description,
                json.dumps(self.items, check_circular=False),
                when,
                window[0] if window else None,
            ),
        )
        prune(self.conn, *keep, when)


def prune(conn: sqlite3.Connection, actions: int, days: int, when: str) -> None:
    """Drop the entries beyond the latest ``actions`` and those older than ``days``
    before ``when``: undo reaches that far back, and the journal's copies of deleted
    text go with them."""
    from datetime import datetime, timedelta

    try:
        cutoff = (datetime.fromisoformat(when) - timedelta(days=days)).isoformat(
            timespec="milliseconds"
        )
    except (ValueError, OverflowError):
        cutoff = ""
    conn.execute(
        "DELETE FROM journal WHERE seq <= (SELECT max(seq) FROM journal) - ? OR created < ?",
        (actions, cutoff),
    )


def undo(conn: sqlite3.Connection, window: Window = None) -> str | None:
    """Revert the newest entry not undone that is ``window``'s to undo; its
    description, or None if there is none."""
    found = conn.execute(
        "SELECT seq, description, changes FROM journal"
        f" WHERE undone = 0 AND {_UNDOABLE_HERE} ORDER BY seq DESC LIMIT 1",
        _here(window),
    ).fetchone()
    if found is None:
        return None
    seq, description, changes = found
    items = json.loads(changes)
    added = False
    for item in reversed(items):
        table, key, before, after = item
        if after is ADDED:
            item[3] = read_row(conn, table, key)
            added = True
        write_row(conn, table, key, before)
    if added:
        conn.execute(
            "UPDATE journal SET undone = 1, changes = ? WHERE seq = ?", (json.dumps(items), seq)
        )
    else:
        conn.execute("UPDATE journal SET undone = 1 WHERE seq = ?", (seq,))
    return str(description)


def redo(conn: sqlite3.Connection, window: Window = None) -> str | None:
    """Re-apply the oldest undone entry that is ``window``'s to redo; its description,
    or None if there is none."""
    found = conn.execute(
        "SELECT seq, description, changes FROM journal"
        f" WHERE undone = 1 AND {_UNDOABLE_HERE} ORDER BY seq LIMIT 1",
        _here(window),
    ).fetchone()
    if found is None:
        return None
    seq, description, changes = found
    for table, key, _, after in json.loads(changes):
        write_row(conn, table, key, after)
    conn.execute("UPDATE journal SET undone = 0 WHERE seq = ?", (seq,))
    return str(description)
