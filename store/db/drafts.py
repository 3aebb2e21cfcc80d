"""Drafts: text being written in an editor, kept as it is typed.

An editor (a note, a tag's new name) writes what it holds here about once a second,
so that a crash or a killed terminal loses at most that second; the next time the
same thing is edited, the draft is offered back. Saving or discarding the text
deletes it. A draft is the reader's unfinished work, not an action: it is written
in a transaction of its own and never journalled for undo.
"""

from __future__ import annotations

from store.db.connection import Connected
from store.records import Draft, now


class DraftOps(Connected):
    """What ``Store`` keeps of text not saved yet."""

    def draft(self, subject: str) -> Draft | None:
        """The draft kept for ``subject``, if there is one."""
        row = self.conn.execute(
            "SELECT subject, text, saved FROM drafts WHERE subject = ?", (subject,)
        ).fetchone()
        return None if row is None else Draft(*row)

    def keep_draft(self, subject: str, text: str) -> None:
        """Keep ``text`` as the draft of ``subject`` (replacing the one kept before)."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO drafts (subject, text, saved) VALUES (?, ?, ?)"
                " ON CONFLICT (subject) DO UPDATE SET text = excluded.text, saved = excluded.saved",
                (subject, text, now()),
            )

    def drop_draft(self, subject: str) -> None:
        """Forget the draft of ``subject`` (saved or discarded); nothing if there is none."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM drafts WHERE subject = ?", (subject,))
