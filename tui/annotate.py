"""The annotating keys of the app: tags, notes, links, delete, undo and redo.

Every action asks the store to make the change (one committed transaction),
then redraws from what the store returned, and only then says it is done. When
the store refuses (a full disk, a read-only file), the message says so and the
screen shows nothing new.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from store import Annotation, Store, StoreError
from store.text import segment
from tui.marks import ArticleMarks
from tui.reading import ReadingApp
from tui.widgets.column import ArticleColumn
from tui.widgets.detail_bar import DetailBar
from tui.widgets.doc_view import DocView
from tui.widgets.legend import Legend
from tui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from tui.screens.tag_picker import TagChoice


class Passage:
    """A stretch of one article that an action applies to."""

    def __init__(self, column: ArticleColumn, start: int, end: int) -> None:
        self.column = column
        self.article_id = column.article.id
        self.start = start
        self.end = end

    @property
    def text(self) -> str:
        return self.column.doc_view.text[self.start : self.end]


ANNOTATE_BINDINGS: list[BindingType] = [
    *(Binding(str(d), f"tag({d})", f"Tag {d}", show=False, id=f"app.tag{d}") for d in range(1, 10)),
    Binding("t", "pick_tags", "Tags", priority=True, id="app.pick_tags"),
    Binding("T", "manage_tags", "Manage tags", show=False, priority=True, id="app.manage_tags"),
    Binding("m", "note", "Note", priority=True, id="app.note"),
    Binding("L", "link", "Link", id="app.link"),
    Binding("enter", "follow_link", "Follow link", show=False, id="app.follow"),
    Binding("x", "delete", "Delete", show=False, id="app.delete"),
    Binding("A", "list_annotations", "Annotations", priority=True, id="app.list"),
    Binding("u", "undo", "Undo", id="app.undo"),
    Binding("ctrl+r", "redo", "Redo", show=False, id="app.redo"),
]


class AnnotatingApp(ReadingApp):
    """Reading, plus the actions behind ``ANNOTATE_BINDINGS``."""

    BINDINGS: ClassVar[list[BindingType]] = ANNOTATE_BINDINGS

    def __init__(self, store: Store, article_ids: list[int]) -> None:
        super().__init__(store, article_ids)
        self.article_marks: dict[int, ArticleMarks] = {}
        """The annotations of each article shown, shared by its columns."""
        self.link_source: Passage | None = None
        """Where a link being made starts (first ``L``), until the second ``L``."""
        self.follow_turn = 0
        """Which of a passage's links ``enter`` follows next."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            yield widget
            if isinstance(widget, StatusBar):
                yield DetailBar()  # split off above the status line

    def on_mount(self) -> None:
        for column in self.columns:
            column.doc_view.set_marks(self.marks_for(column.article.id))

    @property
    def legend(self) -> Legend:
        return self.query_one(Legend)

    def article_shown(self, column: ArticleColumn) -> None:
        column.doc_view.set_marks(self.marks_for(column.article.id))

    def _show_status(self, view: DocView) -> None:
        super()._show_status(view)
        if not view.has_focus or not isinstance(view, ArticleColumn):
            return
        mark = self.marks_for(view.article.id).at(view.cursor)
        annotation = self.store.annotation(mark.id) if mark else None
        links = self.store.links_of(mark.id) if mark else []
        self.query_one(DetailBar).show(annotation, links, self.link_source is not None)

    def done(self, message: str) -> None:
        """Say what a key did on the detail line (plain text), not in a toast: a toast
        is a widget mounted and laid out, more than a frame's work for every key."""
        self.query_one(DetailBar).notice(message)

    # -- what an action applies to ------------------------------------------------

    def marks_for(self, article_id: int) -> ArticleMarks:
        marks = self.article_marks.get(article_id)
        if marks is None:
            marks = self.article_marks[article_id] = ArticleMarks.load(self.store, article_id)
        return marks

    def _passage(self) -> Passage | None:
        """The selection, else the sentence under the cursor; None (and why) if empty."""
        column = self.focused_column()
        if column is None:
            return None
        view = column.doc_view
        if view.selection:
            return Passage(column, view.selection.start, view.selection.end)
        start, end = segment.sentence_at(view.text, view.cursor)
        if not view.text[start:end].strip():
            self.notify(
                "Nothing here to mark: select a passage first (v, s or p).",
                severity="warning",
                markup=False,
            )
            return None
        return Passage(column, start, end)

    def _under_cursor(self) -> tuple[ArticleColumn, Annotation] | None:
        column = self.focused_column()
        if column is None:
            return None
        mark = self.marks_for(column.article.id).at(column.doc_view.cursor)
        return (column, self.store.annotation(mark.id)) if mark is not None else None

    def _exactly(self, passage: Passage) -> Annotation | None:
        """The annotation of exactly this passage, if there is one."""
        mark = self.marks_for(passage.article_id).exactly(passage.start, passage.end)
        return self.store.annotation(mark.id) if mark else None

    def _failed(self, err: StoreError) -> None:
        self.notify(str(err), title="Not saved", severity="error", markup=False, timeout=8)

    def _redraw(self, article_id: int, changed: Sequence[tuple[int, int]] | None = None) -> None:
        """Redraw the article's marks in every column showing it: only the rows of the
        ``changed`` stretches when given, else every row."""
        marks = self.marks_for(article_id)
        for column in self.columns:
            if column.article.id == article_id:
                column.doc_view.set_marks(marks, changed)
        if (focused := self.focused_column()) is not None:
            self._show_status(focused.doc_view)

    def _stored(
        self, annotation: Annotation | None, article_id: int, removed: str | None = None
    ) -> None:
        marks = self.marks_for(article_id)
        changed: list[tuple[int, int]] = []
        if removed is not None and (gone := marks.drop(removed)) is not None:
            changed.append((gone.start, gone.end))
        if annotation is not None:
            if (old := marks.put(annotation)) is not None:
                changed.append((old.start, old.end))
            changed.append((annotation.start, annotation.end))
        self._redraw(article_id, changed)

    # -- tags ---------------------------------------------------------------------

    def action_tag(self, digit: int) -> None:
        tag = next((tag for tag in self.store.tags() if tag.key == digit), None)
        if tag is None:
            self.notify(
                f"No tag on key {digit}: press T to give a tag that key.",
                severity="warning",
                markup=False,
            )
            return
        passage = self._passage()
        if passage is None:
            return
        before = self.marks_for(passage.article_id).exactly(passage.start, passage.end)
        try:
            annotation = self.store.toggle_tag(
                passage.article_id, passage.start, passage.end, tag.name
            )
        except StoreError as err:
            self._failed(err)
            return
        self._stored(annotation, passage.article_id, removed=before.id if before else None)
        passage.column.doc_view.clear_selection()
        removed = annotation is None or tag.name not in annotation.tags
        # On the detail line, not in a toast: a toast per key stacks up, and each
        # one mounted or dismissed relays out the whole screen.
        self.done(f"{'Removed' if removed else 'Tagged'} {tag.name}.")

    def action_pick_tags(self) -> None:
        passage = self._passage()
        if passage is None:
            return
        existing = self._exactly(passage)
        chosen = existing.tags if existing else ()

        def picked(choice: TagChoice | None) -> None:
            if choice is None:
                return
            if choice.create:
                self._create_tag_then(choice.create, lambda name: apply([*choice.names, name]))
            else:
                apply(list(choice.names))

        def apply(names: list[str]) -> None:
            try:
                if existing is None:
                    annotation: Annotation | None = self.store.create_annotation(
                        passage.article_id, passage.start, passage.end, tags=names
                    )
                else:
                    annotation = self.store.set_tags(existing.id, names)
            except StoreError as err:
                self._failed(err)
                return
            self._stored(annotation, passage.article_id, removed=existing.id if existing else None)
            passage.column.doc_view.clear_selection()
            self.done("Tags: " + (", ".join(names) or "none") + ".")

        from tui.screens.tag_picker import TagPicker

        self.push_screen(TagPicker(self.store.tags(), chosen), picked)

    def _create_tag_then(self, name: str, then: Callable[[str], None]) -> None:
        """Ask the new tag's colour and digit key (both prefilled), create it, go on."""
        from tui.screens.dialogs import Prompt

        taken = {tag.key for tag in self.store.tags()}
        free = next((digit for digit in range(1, 10) if digit not in taken), None)
        suggested = f"{self.next_tag_colour()} {free or ''}".strip()

        def answered(answer: str | None) -> None:
            if answer is None:
                return
            words = answer.split()
            colour = next((w for w in words if w.startswith("#")), self.next_tag_colour())
            key = next((int(w) for w in words if w.isdigit()), None)
            try:
                tag = self.store.create_tag(name, colour, key)
            except StoreError as err:
                self._failed(err)
                return
            self.refresh_tags()
            then(tag.name)

        label = f"New tag {name!r}: its colour (#rrggbb) and, if you like, a digit key 1-9"
        self.push_screen(Prompt(label, suggested), answered)

    def next_tag_colour(self) -> str:
        palette = ("#06b6d4", "#84cc16", "#ec4899", "#f97316", "#6366f1", "#14b8a6", "#eab308")
        used = {tag.colour for tag in self.store.tags()}
        return next((colour for colour in palette if colour not in used), palette[0])

    def refresh_tags(self) -> None:
        """Tags changed (created, renamed, recoloured...): redraw every mark and the legend."""
        tags = self.store.tags()
        self.legend.show(tags)
        for article_id in list(self.article_marks):
            self.article_marks[article_id] = ArticleMarks.load(self.store, article_id)
        for article_id in list(self.article_marks):
            self._redraw(article_id)

    def reload_marks(self) -> None:
        """Re-read every shown article's annotations: after undo, redo or the list's deletes."""
        self.refresh_tags()

    # -- notes --------------------------------------------------------------------

    def action_note(self) -> None:
        under = self._under_cursor()
        column = self.focused_column()
        passage: Passage | None
        existing: Annotation | None
        if under is not None and column is not None and not column.doc_view.selection:
            column, existing = under
            passage = Passage(column, existing.start, existing.end)
        else:
            passage = self._passage()
            existing = self._exactly(passage) if passage else None
        if passage is None:
            return
        found = existing

        def written(note: str | None) -> None:
            if note is None or (found is not None and note == found.note):
                return
            try:
                if found is None:
                    annotation = self.store.create_annotation(
                        passage.article_id, passage.start, passage.end, note=note
                    )
                else:
                    annotation = self.store.set_note(found.id, note)
            except StoreError as err:
                self._failed(err)
                return
            self._stored(annotation, passage.article_id, removed=found.id if found else None)
            self.done("Note saved.")

        from tui.screens.note_editor import NoteEditor

        self.push_screen(NoteEditor(passage.text, found.note if found else ""), written)

    # -- delete, undo, redo ---------------------------------------------------------

    def action_delete(self) -> None:
        under = self._under_cursor()
        if under is None:
            self.notify("No annotation under the cursor.", severity="warning", markup=False)
            return
        column, annotation = under
        try:
            self.store.delete_annotation(annotation.id)
        except StoreError as err:
            self._failed(err)
            return
        self._stored(None, column.article.id, removed=annotation.id)
        self.done("Annotation deleted (u undoes).")

    def action_undo(self) -> None:
        self._history(self.store.undo, "Undid", "Nothing to undo.")

    def action_redo(self) -> None:
        self._history(self.store.redo, "Redid", "Nothing to redo.")

    def _history(self, step: object, done: str, nothing: str) -> None:
        assert callable(step)
        try:
            what = step()
        except StoreError as err:
            self._failed(err)
            return
        if what is None:
            self.notify(nothing, severity="warning", markup=False, timeout=2)
            return
        self.reload_marks()
        self.done(f"{done}: {what}.")

    # -- links --------------------------------------------------------------------

    def action_link(self) -> None:
        passage = self._passage()
        under = self._under_cursor()
        column = self.focused_column()
        if under is not None and column is not None and not column.doc_view.selection:
            passage = Passage(under[0], under[1].start, under[1].end)
        if passage is None:
            return
        source = self.link_source
        if source is None:
            self.link_source = passage
            self.notify(
                "Linking from this passage: go to the other one (tab), select it, press L. "
                "L here again cancels.",
                markup=False,
                timeout=6,
            )
            self._show_status(passage.column.doc_view)
            return
        if (source.article_id, source.start, source.end) == (
            passage.article_id,
            passage.start,
            passage.end,
        ):
            self.link_source = None
            self.done("Link cancelled.")
            return

        def chosen(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            kind, note = result
            try:
                link, ends = self.store.link_passages(
                    (source.article_id, source.start, source.end),
                    (passage.article_id, passage.start, passage.end),
                    kind,
                    note,
                )
            except StoreError as err:
                self._failed(err)
                return
            self.link_source = None
            for end in ends:
                marks = self.marks_for(end.article_id)
                marks.put(end)
                marks.link(end.id)
                self._redraw(end.article_id)
            self.done(f"Linked: {link.kind}.")

        from tui.screens.link_kind import LinkKind

        self.push_screen(LinkKind(source.text, passage.text), chosen)

    def action_follow_link(self) -> None:
        under = self._under_cursor()
        if under is None:
            return
        _, annotation = under
        links = self.store.links_of(annotation.id)
        if not links:
            self.notify("This passage has no link (L makes one).", severity="warning", markup=False)
            return
        link = links[self.follow_turn % len(links)]
        self.follow_turn += 1
        other_id = link.target_id if link.source_id == annotation.id else link.source_id
        self.jump_to(other_id)

    def jump_to(self, annotation_id: str) -> None:
        """Bring the annotation into view and select it, opening its article if need be."""
        other = self.store.annotation(annotation_id)
        columns = self.columns
        target = next((c for c in columns if c.article.id == other.article_id), None)
        if target is None:
            focused = self.focused_index()
            target = columns[(focused + 1) % len(columns)] if len(columns) > 1 else columns[focused]
            target.show(
                self.store.article(other.article_id), self.store.article_text(other.article_id)
            )
            self.article_shown(target)
        index = columns.index(target)
        self._layout_columns(index)
        target.doc_view.focus()
        target.doc_view.select(other.start, other.end)

    def action_list_annotations(self) -> None:
        from tui.screens.annotation_list import AnnotationList

        labels = {article.id: article.label for article in self.store.articles()}

        def chosen(annotation_id: str | None) -> None:
            self.reload_marks()
            if annotation_id is not None:
                self.jump_to(annotation_id)

        self.push_screen(AnnotationList(self.store, labels), chosen)

    def action_manage_tags(self) -> None:
        from tui.screens.tag_manager import TagManager

        self.push_screen(TagManager(self.store), lambda _: self.refresh_tags())
