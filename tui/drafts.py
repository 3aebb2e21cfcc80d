"""Drafts: what an editor holds and has not saved yet, kept in the store as it is typed.

``Drafts`` is how editors (``tui.screens.draft_editor``) reach the store's drafts:
plain Python, like the session that holds it. Each editor names what its text is for
with a subject (``note_subject``, ``tag_subject``); a draft is offered back only when
it differs from the text saved since. A store that cannot be written (a full disk, a
read-only file) costs the draft, never the editor: the error is returned, to be said.
"""

from __future__ import annotations

from store import Store, StoreError
from store.records import Draft


def note_subject(article_id: int, start: int, end: int) -> str:
    """The subject of the note of a passage (an annotation's or a passage to annotate)."""
    return f"note {article_id}:{start}-{end}"


def tag_subject(tag_id: int) -> str:
    """The subject of a tag's new name."""
    return f"tag {tag_id}"


class Drafts:
    """The drafts kept in ``store``."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def recover(self, subject: str, saved: str) -> Draft | None:
        """The draft of ``subject`` when it differs from the text ``saved`` (a draft equal
        to it is dropped: there is nothing to recover)."""
        try:
            draft = self.store.draft(subject)
            if draft is not None and draft.text == saved:
                self.store.drop_draft(subject)
                return None
        except StoreError:
            return None
        return draft

    def keep(self, subject: str, text: str) -> str | None:
        """Keep ``text`` as the draft of ``subject``; why not, if it could not be kept."""
        try:
            self.store.keep_draft(subject, text)
        except StoreError as err:
            return str(err)
        return None

    def drop(self, subject: str) -> str | None:
        """Forget the draft of ``subject``; why not, if it could not be dropped."""
        try:
            self.store.drop_draft(subject)
        except StoreError as err:
            return str(err)
        return None
