"""The undo journal as the user sees it (``reader history``): its recent actions,
and clearing it, which also wipes what it kept of deleted text from the file.

The journal keeps each action's rows before and after, so that undo can put them
back: the text of a deleted note or passage stays in it until the entry goes.
Entries go by themselves past ``journal.keep_actions`` actions or
``journal.keep_days`` days (``store.db.journal.prune``, on every action).
"""

from __future__ import annotations

from typing import NamedTuple

from store.db.connection import Connected


class HistoryEntry(NamedTuple):
    """One action in the undo journal."""

    seq: int
    description: str
    created: str
    undone: bool
    rows: int
    """How many rows the action changed."""


class HistoryOps(Connected):
    """What ``Store`` tells of, and clears from, the undo journal."""

    def history(self, limit: int = 20) -> list[HistoryEntry]:
        """The latest ``limit`` actions of the undo journal, newest first."""
        rows = self.conn.execute(
            "SELECT seq, description, created, undone, json_array_length(changes)"
            " FROM journal ORDER BY seq DESC LIMIT ?",
            (limit,),
        )
        return [HistoryEntry(seq, d, c, bool(u), n) for seq, d, c, u, n in rows]

    def history_size(self) -> int:
        (count,) = self.conn.execute("SELECT count(*) FROM journal").fetchone()
        return int(count)

    def clear_history(self) -> int:
        """Drop every undo entry (nothing can be undone or redone after), and rewrite the
        file so that the text they kept is gone from it too; how many were dropped."""
        count = self.history_size()
        self.conn.execute("PRAGMA secure_delete = ON")
        with self.transaction() as conn:
            conn.execute("DELETE FROM journal")
        if self.name != ":memory:":
            self.conn.execute("VACUUM")
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return count
