"""Changing annotations and links, and undoing the changes.

Each change is one action (``store.db.unit``): one transaction that also writes
its undo journal entry, returning the rows as stored, so a caller redraws from
what was saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager

from store.db import journal
from store.db.annotations import AnnotationReads
from store.db.unit import Work, action, check_kind, listed
from store.errors import StoreError
from store.records import Annotation, Link, Range


class AnnotationWrites(AnnotationReads):
    """What ``Store`` changes of annotations and links; undo and redo."""

    def action(self, description: str) -> AbstractContextManager[Work]:
        """One undoable action: write through the ``Work`` it gives, in one transaction."""
        return action(self, description)

    def create_annotation(
        self, article_id: int, start: int, end: int, tags: Sequence[str] = (), note: str = ""
    ) -> Annotation:
        """A new annotation of ``text[start:end]`` with these tags and note."""
        with self.action(f"mark {listed(tags) or 'passage'}") as work:
            annotation_id = work.insert_annotation(article_id, start, end, note)
            for name in tags:
                work.tag(annotation_id, name)
        return self.annotation(annotation_id)

    def toggle_tag(self, article_id: int, start: int, end: int, name: str) -> Annotation | None:
        """Tag the passage, or untag it when it has the tag already.

        The same key pressed again on the same passage removes what it added: an
        annotation left with no tag, note or link goes too (None is returned).
        """
        existing = self.exactly(article_id, start, end)
        with self.action(f"tag {name}") as work:
            if existing is None:
                annotation_id = work.insert_annotation(article_id, start, end)
                work.tag(annotation_id, name)
            elif name in self.annotation(existing).tags:
                annotation_id = existing
                work.untag(existing, work.tag_id(name))
                work.description = f"untag {name}"
                if self.is_bare(existing):
                    work.delete_annotation(existing)
                    return None
            else:
                annotation_id = existing
                work.tag(existing, name)
                work.touch(existing)
        return self.annotation(annotation_id)

    def set_tags(self, annotation_id: str, names: Sequence[str]) -> Annotation:
        """Give the annotation exactly these tags."""
        current = set(self.annotation(annotation_id).tags)
        with self.action(f"tags {listed(names) or 'none'}") as work:
            for name in current - set(names):
                work.untag(annotation_id, work.tag_id(name))
            for name in names:
                if name not in current:
                    work.tag(annotation_id, name)
            work.touch(annotation_id)
        return self.annotation(annotation_id)

    def set_note(self, annotation_id: str, note: str) -> Annotation:
        """Store the note verbatim (markup and control characters included)."""
        self.annotation(annotation_id)
        with self.action("note") as work:
            work.set_note(annotation_id, note)
        return self.annotation(annotation_id)

    def delete_annotation(self, annotation_id: str) -> None:
        """Delete the annotation with its tags and links (undo brings all back)."""
        self.annotation(annotation_id)
        with self.action("delete annotation") as work:
            work.delete_annotation(annotation_id)

    # -- links ------------------------------------------------------------------------

    def add_link(self, source_id: str, target_id: str, kind: str, note: str = "") -> Link:
        if source_id == target_id:
            raise StoreError("a passage cannot be linked to itself")
        self.annotation(source_id)
        self.annotation(target_id)
        check_kind(kind)
        with self.action(f"link {kind}") as work:
            link_id = work.insert_link(source_id, target_id, kind, note)
        return self.link(link_id)

    def link_passages(
        self,
        source: Range,
        target: Range,
        kind: str,
        note: str = "",
        tags: Sequence[str] = (),
        decision: str | None = None,
    ) -> tuple[Link, list[Annotation]]:
        """Link two passages, making plain annotations of them if need be: one action.

        ``tags`` are added to both ends; ``decision`` records a comparison
        suggestion as accepted (undone with the rest).
        """
        check_kind(kind)
        if source == target:
            raise StoreError("a passage cannot be linked to itself")
        with self.action(f"link {kind}") as work:
            ends = []
            for article_id, start, end in (source, target):
                found = self.exactly(article_id, start, end)
                if found is None:
                    found = work.insert_annotation(article_id, start, end)
                for name in tags:
                    work.tag(found, name)
                ends.append(found)
            link_id = work.insert_link(ends[0], ends[1], kind, note)
            if decision is not None:
                work.decide(decision, "accepted")
        return self.link(link_id), [self.annotation(end) for end in ends]

    def delete_link(self, link_id: str) -> None:
        self.link(link_id)
        with self.action("delete link") as work:
            work.delete_link(link_id)

    def decide(self, suggestion_id: str, decision: str) -> None:
        """Record the user's decision (accepted, dismissed) on a comparison suggestion."""
        with self.action(f"{decision.removesuffix('ed')} suggestion") as work:
            work.decide(suggestion_id, decision)

    # -- undo ---------------------------------------------------------------------------

    def undo(self) -> str | None:
        """Revert the last action; what it was, or None when there is nothing to undo."""
        with self.transaction() as conn:
            return journal.undo(conn, self.window())

    def redo(self) -> str | None:
        with self.transaction() as conn:
            return journal.redo(conn, self.window())
