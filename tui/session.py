"""The annotating session: what the annotating keys do, without any widget.

``Session`` holds what the app knows between keys (each shown article's
``ArticleMarks``, the link being made, which link ``enter`` follows next) and
makes each change through the store: one committed transaction, then the marks
updated from what the store returned. Every change answers with an ``Outcome``:
what to redraw and what to say. When the store refuses (a full disk, a read-only
file) the outcome carries the error ("Not saved") and nothing is redrawn.

It takes plain values (a ``Place``: the article, its text, the cursor, the
selection; see ``tui.outcome``) and never imports textual, so its rules are
tested without a terminal (tests/test_session.py). The app and the screens that
change annotations (tag manager, annotation list, compare) call it; none of them
writes to the store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from store import Annotation, Link, Store, StoreError, Tag
from store.text import segment
from tui.drafts import Drafts
from tui.marks import ArticleMarks
from tui.outcome import Detail, Outcome, Passage, Place, Span, failed

if TYPE_CHECKING:
    from store.compare.findings import Discrepancy, Side

NOTHING_TO_MARK = "Nothing here to mark: select a passage first (v, s or p)."
TAG_PALETTE = ("#06b6d4", "#84cc16", "#ec4899", "#f97316", "#6366f1", "#14b8a6", "#eab308")
"""Colours offered to a new tag, the first one no tag has yet."""


class Session:
    """The annotations of the articles shown, and the changes the keys make to them."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.article_marks: dict[int, ArticleMarks] = {}
        """The annotations of each article shown, shared by its columns."""
        self.link_source: Passage | None = None
        """Where a link being made starts (first ``L``), until the second ``L``."""
        self.follow_turn = 0
        """Which of a passage's links ``enter`` follows next."""
        self.drafts = Drafts(store)
        """The drafts of the text being written in editors (notes, tag names)."""

    # -- what there is ------------------------------------------------------------

    def marks_for(self, article_id: int) -> ArticleMarks:
        marks = self.article_marks.get(article_id)
        if marks is None:
            marks = self.article_marks[article_id] = ArticleMarks.load(self.store, article_id)
        return marks

    def tags(self) -> list[Tag]:
        return self.store.tags()

    def tag_usage(self, name: str) -> int:
        return self.store.tag_usage(name)

    def annotations(self) -> list[Annotation]:
        return self.store.find_annotations()

    def annotation(self, annotation_id: str) -> Annotation:
        return self.store.annotation(annotation_id)

    def links(self) -> list[Link]:
        """Every link between the library's articles (the annotation list shows them)."""
        return self.store.links_between([article.id for article in self.store.articles()])

    def passage(self, place: Place) -> Passage | None:
        """The selection, else the sentence under the cursor; None if that is blank."""
        if place.selection is not None:
            start, end = place.selection
        else:
            start, end = segment.sentence_at(place.text, place.cursor)
            if not place.text[start:end].strip():
                return None
        return Passage(place.article_id, start, end, place.text[start:end])

    def under_cursor(self, place: Place | None) -> Annotation | None:
        """The innermost annotation holding the cursor."""
        if place is None:
            return None
        mark = self.marks_for(place.article_id).at(place.cursor)
        return self.store.annotation(mark.id) if mark is not None else None

    def exactly(self, passage: Passage) -> Annotation | None:
        """The annotation of exactly this passage, if there is one."""
        mark = self.marks_for(passage.article_id).exactly(passage.start, passage.end)
        return self.store.annotation(mark.id) if mark else None

    def detail(self, article_id: int, cursor: int) -> Detail:
        mark = self.marks_for(article_id).at(cursor)
        annotation = self.store.annotation(mark.id) if mark else None
        links = self.store.links_of(mark.id) if mark else []
        return Detail(annotation, links, self.link_source is not None)

    def _stored(
        self, annotation: Annotation | None, article_id: int, removed: str | None
    ) -> dict[int, list[Span] | None]:
        """Mark what the store now holds; the stretches whose marks changed."""
        marks = self.marks_for(article_id)
        changed: list[Span] = []
        if removed is not None and (gone := marks.drop(removed)) is not None:
            changed.append((gone.start, gone.end))
        if annotation is not None:
            if (old := marks.put(annotation)) is not None:
                changed.append((old.start, old.end))
            changed.append((annotation.start, annotation.end))
        return {article_id: changed}

    def reload(self) -> list[int]:
        """Re-read the annotations of every article shown (tags changed, or many
        annotations: undo, redo, the list's deletes); their ids."""
        for article_id in list(self.article_marks):
            self.article_marks[article_id] = ArticleMarks.load(self.store, article_id)
        return list(self.article_marks)

    def _change(self, change: Callable[[], object], notice: str) -> Outcome:
        """A change to the tags: every mark is to be reloaded (``Outcome.reload``)."""
        try:
            change()
        except StoreError as err:
            return failed(err)
        return Outcome(notice=notice, reload=True)

    # -- tags -----------------------------------------------------------------------

    def toggle_tag(self, place: Place | None, digit: int) -> Outcome:
        """The tag on ``digit`` on the selection (else the sentence); again removes it."""
        tag = next((tag for tag in self.store.tags() if tag.key == digit), None)
        if tag is None:
            return Outcome(warning=f"No tag on key {digit}: press T to give a tag that key.")
        if place is None:
            return Outcome()
        passage = self.passage(place)
        if passage is None:
            return Outcome(warning=NOTHING_TO_MARK)
        marks = self.marks_for(passage.article_id)
        before = marks.exactly(passage.start, passage.end)
        try:
            annotation = self.store.toggle_tag(
                passage.article_id, passage.start, passage.end, tag.name
            )
        except StoreError as err:
            return failed(err)
        redraw = self._stored(annotation, passage.article_id, before.id if before else None)
        removed = annotation is None or tag.name not in annotation.tags
        return Outcome(notice=f"{'Removed' if removed else 'Tagged'} {tag.name}.", redraw=redraw)

    def tags_target(self, place: Place | None) -> tuple[Passage, Annotation | None] | Outcome:
        """What ``t`` sets the tags of: the selection or the sentence, and its annotation."""
        if place is None:
            return Outcome()
        passage = self.passage(place)
        if passage is None:
            return Outcome(warning=NOTHING_TO_MARK)
        return passage, self.exactly(passage)

    def set_tags(self, passage: Passage, existing: Annotation | None, names: list[str]) -> Outcome:
        """Give the passage exactly these tags (annotating it if need be)."""
        try:
            if existing is None:
                annotation: Annotation | None = self.store.create_annotation(
                    passage.article_id, passage.start, passage.end, tags=names
                )
            else:
                annotation = self.store.set_tags(existing.id, names)
        except StoreError as err:
            return failed(err)
        redraw = self._stored(annotation, passage.article_id, existing.id if existing else None)
        return Outcome(notice="Tags: " + (", ".join(names) or "none") + ".", redraw=redraw)

    def next_tag_colour(self) -> str:
        used = {tag.colour for tag in self.store.tags()}
        return next((colour for colour in TAG_PALETTE if colour not in used), TAG_PALETTE[0])

    def new_tag_answer(self) -> str:
        """What the new-tag prompt suggests: a free colour and a free digit key."""
        taken = {tag.key for tag in self.store.tags()}
        free = next((digit for digit in range(1, 10) if digit not in taken), None)
        return f"{self.next_tag_colour()} {free or ''}".strip()

    def create_tag_from(self, name: str, answer: str) -> tuple[Outcome, Tag | None]:
        """Create tag ``name`` from the prompt's answer: a ``#rrggbb`` colour (else the
        next free one) and a digit key, both optional."""
        words = answer.split()
        colour = next((w for w in words if w.startswith("#")), self.next_tag_colour())
        key = next((int(w) for w in words if w.isdigit()), None)
        try:
            tag = self.store.create_tag(name, colour, key)
        except StoreError as err:
            return failed(err), None
        return Outcome(reload=True), tag

    # The tag manager's changes: each one undoable, each redrawing every mark.

    def rename_tag(self, name: str, new: str) -> Outcome:
        return self._change(lambda: self.store.rename_tag(name, new), f"Renamed to {new}.")

    def recolour_tag(self, name: str, colour: str) -> Outcome:
        return self._change(lambda: self.store.recolour_tag(name, colour), "Colour changed.")

    def set_tag_key(self, name: str, key: str) -> Outcome:
        return self._change(lambda: self.store.set_tag_key(name, digit(key)), "Key changed.")

    def merge_tags(self, name: str, target: str) -> Outcome:
        return self._change(
            lambda: self.store.merge_tags(name, target), f"Merged {name} into {target}."
        )

    def delete_tag(self, name: str) -> Outcome:
        return self._change(lambda: self.store.delete_tag(name), f"Deleted {name}.")

    def create_tag(self, name: str, colour: str, key: str) -> Outcome:
        return self._change(
            lambda: self.store.create_tag(name, colour, digit(key)), f"Created {name}."
        )

    # -- notes ----------------------------------------------------------------------

    def note_target(self, place: Place | None) -> tuple[Passage, Annotation | None] | Outcome:
        """What ``m`` writes the note of: the annotation under the cursor (when nothing
        is selected), else the selection or the sentence, and its annotation if any."""
        if place is None:
            return Outcome()
        under = self.under_cursor(place) if place.selection is None else None
        if under is not None:
            return Passage(under.article_id, under.start, under.end, under.exact), under
        passage = self.passage(place)
        if passage is None:
            return Outcome(warning=NOTHING_TO_MARK)
        return passage, self.exactly(passage)

    def write_note(self, passage: Passage, existing: Annotation | None, note: str) -> Outcome:
        if existing is not None and note == existing.note:
            return Outcome()
        try:
            if existing is None:
                annotation = self.store.create_annotation(
                    passage.article_id, passage.start, passage.end, note=note
                )
            else:
                annotation = self.store.set_note(existing.id, note)
        except StoreError as err:
            return failed(err)
        redraw = self._stored(annotation, passage.article_id, existing.id if existing else None)
        return Outcome(notice="Note saved.", redraw=redraw)

    # -- delete, undo, redo -----------------------------------------------------------

    def delete_under_cursor(self, place: Place | None) -> Outcome:
        annotation = self.under_cursor(place)
        if annotation is None:
            return Outcome(warning="No annotation under the cursor.")
        return self.delete(annotation)

    def delete(self, annotation: Annotation) -> Outcome:
        try:
            self.store.delete_annotation(annotation.id)
        except StoreError as err:
            return failed(err)
        redraw = self._stored(None, annotation.article_id, annotation.id)
        return Outcome(notice="Annotation deleted (u undoes).", redraw=redraw)

    def undo(self) -> Outcome:
        return self._history(self.store.undo, "Undid", "Nothing to undo.")

    def redo(self) -> Outcome:
        return self._history(self.store.redo, "Redid", "Nothing to redo.")

    def _history(self, step: Callable[[], str | None], done: str, nothing: str) -> Outcome:
        try:
            what = step()
        except StoreError as err:
            return failed(err)
        if what is None:
            return Outcome(warning=nothing, timeout=2)
        return Outcome(notice=f"{done}: {what}.", reload=True)

    # -- links ------------------------------------------------------------------------

    def link(self, place: Place | None) -> Outcome | tuple[Passage, Passage]:
        """``L``: start a link here, cancel it (``L`` on its start again), or end it here:
        then the two passages, for the app to ask how they relate (``finish_link``)."""
        if place is None:
            return Outcome()
        under = self.under_cursor(place) if place.selection is None else None
        if under is not None:
            passage: Passage | None = Passage(under.article_id, under.start, under.end, under.exact)
        else:
            passage = self.passage(place)
        if passage is None:
            return Outcome(warning=NOTHING_TO_MARK)
        source = self.link_source
        if source is None:
            # Said on the status line until the link is made or cancelled; a pop-up
            # would cover the status line and the text under it.
            self.link_source = passage
            return Outcome(notice="Linking from this passage: tab to the other one.", status=True)
        if (source.article_id, source.start, source.end) == (
            passage.article_id,
            passage.start,
            passage.end,
        ):
            return self.cancel_link()
        return source, passage

    def cancel_link(self) -> Outcome:
        """Forget the link being made (``L`` on its start again, or ``esc``)."""
        if self.link_source is None:
            return Outcome()
        self.link_source = None
        return Outcome(notice="Link cancelled.", status=True)

    def finish_link(self, source: Passage, target: Passage, kind: str, note: str) -> Outcome:
        try:
            link, ends = self.store.link_passages(
                (source.article_id, source.start, source.end),
                (target.article_id, target.start, target.end),
                kind,
                note,
            )
        except StoreError as err:
            return failed(err)
        self.link_source = None
        redraw: dict[int, list[Span] | None] = {}
        for end in ends:
            marks = self.marks_for(end.article_id)
            marks.put(end)
            marks.link(end.id)
            redraw[end.article_id] = None
        return Outcome(notice=f"Linked: {link.kind}.", redraw=redraw)

    def follow_link(self, place: Place | None) -> Annotation | Outcome:
        """The other end of the link under the cursor (its links in turn, one a press)."""
        annotation = self.under_cursor(place)
        if annotation is None:
            return Outcome()
        links = self.store.links_of(annotation.id)
        if not links:
            return Outcome(warning="This passage has no link (L makes one).")
        link = links[self.follow_turn % len(links)]
        self.follow_turn += 1
        other = link.target_id if link.source_id == annotation.id else link.source_id
        return self.store.annotation(other)

    # -- the compare screen's decisions ---------------------------------------------------

    def accept(self, suggestion: Discrepancy | tuple[Side, Side], ident: str) -> Outcome:
        """Accept a suggestion: both passages marked and linked, in one undoable action."""
        from store.compare.findings import Discrepancy
        from store.db.comparing import accept

        try:
            accept(self.store, suggestion, ident)
        except StoreError as err:
            return failed(err)
        kind = suggestion.link_kind if isinstance(suggestion, Discrepancy) else "same-quote"
        return Outcome(notice=f"Accepted: both passages marked and linked ({kind}); u undoes.")

    def dismiss(self, ident: str) -> Outcome:
        """Dismiss a suggestion for good (undoable)."""
        from store.db.comparing import dismiss

        try:
            dismiss(self.store, ident)
        except StoreError as err:
            return failed(err)
        return Outcome(notice="Dismissed: it will not be suggested again (u undoes).")


def digit(text: str) -> int | None:
    """A tag's digit key as typed: empty for none."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit():
        raise StoreError(f"a tag's key is a digit from 1 to 9, not {text!r}")
    return int(text)
