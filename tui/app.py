"""The reader app: articles side by side in columns, passages marked, noted and linked.

``ReaderApp`` binds the keys (``tui.keys``, scope ``app``: they work whichever
screen is on top), owns the annotating ``Session`` and composes the main screen
(``ColumnsScreen``), which does the reading. An annotating key asks the session,
which makes the change in the store and answers with an ``Outcome``; ``show``
then redraws what changed and says what was done. Dialogs answer with a value
(``dismiss``); the screens that change annotations while they stay open (tags,
annotations, compare) make each change through the session as well. The main screen
starts as the story's workspace was left (``tui.workspace``); quitting saves it, and
asks first when an editor holds text not saved (``tui.screens.draft_editor``).

``make_app`` builds the app for the command line and the tests alike.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import BindingType
from textual.content import Content
from textual.markup import MarkupError
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Input, TextArea

from store import Store
from tui.keys import PROMPT_ACTIONS, bindings, key
from tui.outcome import NOT_SAVED, Outcome
from tui.screens.columns import ColumnsScreen
from tui.session import Session
from tui.widgets.doc_view import DocView
from tui.workspace import WorkspaceKeeper

if TYPE_CHECKING:
    from store.compare.findings import Side
    from tui.screens.tag_picker import TagChoice
    from tui.widgets.search_bar import SearchBar


class ReaderApp(App[None]):
    """Read several articles side by side; mark, note and link passages; export them."""

    TITLE = "reader"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("app")]
    COMMAND_PALETTE_BINDING = key("app.command_palette").keys

    def __init__(
        self,
        store: Store,
        article_ids: list[int],
        *,
        story_id: int | None = None,
        restore_columns: bool = True,
        fresh: bool = False,
    ) -> None:
        """``story_id``: the story whose workspace is restored and kept (None: none);
        ``restore_columns``: its columns as left, else ``article_ids`` (each at the place
        it was left); ``fresh``: the default workspace, the saved one left aside."""
        super().__init__()
        self.store = store
        self.session = Session(store)
        """The annotations shown and the changes the keys make (plain Python)."""
        self.keeper = WorkspaceKeeper(store, story_id)
        self.workspace = self.keeper.start(
            article_ids, restore_columns=restore_columns, fresh=fresh
        )
        """The workspace to start with."""
        self.article_ids = self.workspace.article_ids
        self._main: ColumnsScreen | None = None

    def get_default_screen(self) -> Screen[None]:
        self._main = ColumnsScreen(self.session, self.article_ids, self.workspace, self.keeper)
        return self._main

    @property
    def main(self) -> ColumnsScreen:
        """The main screen: the columns, at the bottom of the screen stack."""
        assert self._main is not None
        return self._main

    def on_mount(self) -> None:
        self.call_after_refresh(self._settle_collector)

    def _settle_collector(self) -> None:
        """Once the first screen is up: keep the objects made so far out of every
        later collection (they live as long as the app), and collect again."""
        gc.freeze()
        gc.enable()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in PROMPT_ACTIONS:
            on_main_screen = self.screen is self.main
            return on_main_screen and not isinstance(self.focused, (Input, TextArea))
        if action == "cancel_link":
            return self.screen is self.main
        return True

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """On the main screen, said on the detail line rather than in a pop-up, which
        would cover the status line and the text under the cursor; over another screen,
        a pop-up. Thread-safe, as Textual's."""
        self.call_later(self._notify_now, message, title, severity, timeout, markup)

    def _notify_now(
        self, message: str, title: str, severity: SeverityLevel, timeout: float | None, markup: bool
    ) -> None:
        if self._main is None or self.screen is not self._main:
            super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
            return
        try:
            text = Content.from_markup(message) if markup else Content(message)
        except MarkupError:
            text = Content(message)
        if title:
            text = Content.assemble(f"{title}: ", text)
        if severity == "error":
            self.bell()
        self._main.notice(text, severity, timeout)

    async def action_quit(self) -> None:
        """``q`` and ``ctrl+q``: the workspace saved, then quit; an editor holding text
        not saved asks first (save, discard, keep editing)."""
        from tui.screens.draft_editor import DraftEditor

        editor = next(
            (s for s in reversed(self.screen_stack) if isinstance(s, DraftEditor) and s.changed),
            None,
        )
        if editor is None:
            self._quit_now()
        elif editor is self.screen:
            editor.ask(then=self._quit_now)
        else:
            self.notify("Answer the question first.", severity="warning", markup=False)

    def _quit_now(self) -> None:
        self.main.save_workspace()
        self.exit()

    def show(self, outcome: Outcome, clear: DocView | None = None) -> None:
        """Show what a change did: a refusal or a warning as a pop-up; else the marks it
        changed redrawn, the selection it applied to (``clear``) cleared, then a notice
        on the detail line."""
        if outcome.error:
            self.notify(outcome.error, title=NOT_SAVED, severity="error", markup=False, timeout=8)
            return
        if outcome.warning:
            self.notify(outcome.warning, severity="warning", markup=False, timeout=outcome.timeout)
            return
        if outcome.reload:
            self.main.refresh_tags()
        for article_id, changed in outcome.redraw.items():
            self.main.redraw(article_id, changed)
        if clear is not None and outcome.redraw:
            clear.clear_selection()
        if outcome.info:
            self.notify(outcome.info, markup=False, timeout=outcome.timeout)
        if outcome.status and (column := self.main.focused_column()) is not None:
            self.main.show_status(column)
        if outcome.notice:
            # On the detail line, not in a toast: a toast per key stacks up, and each
            # one mounted or dismissed relays out the whole screen.
            self.main.notice(outcome.notice)

    # -- the views' messages ------------------------------------------------------------
    # Heard here, once they have bubbled past the main screen, and handed to it: when
    # the screen handled them itself, a page down in a 5 MB article drew the whole
    # screen twice (the view, then the status lines, in a frame of their own) and
    # took a quarter longer. Heard here, both change in one frame.

    def on_doc_view_moved(self, message: DocView.Moved) -> None:
        self.main.show_status(message.doc_view)

    def on_doc_view_wrapped(self, message: DocView.Wrapped) -> None:
        self.main.show_status(message.doc_view)

    def on_doc_view_scrolled(self, message: DocView.Scrolled) -> None:
        self.main.scrolled(message.doc_view)

    def on_descendant_focus(self) -> None:
        if isinstance(focused := self.focused, DocView):
            self.main.show_status(focused)

    def on_search_bar_done(self, message: SearchBar.Done) -> None:
        self.main.search_done(message.query)

    # -- reading: the main screen's ----------------------------------------------------

    def action_focus_column(self, step: int) -> None:
        if self.screen is not self.main:
            # Another screen (the compare screen, a dialog): tab moves focus there.
            (self.screen.focus_next if step > 0 else self.screen.focus_previous)()
            return
        self.main.focus_column(step)

    def action_move_column(self, step: int) -> None:
        self.main.move_column(step)

    def action_zoom(self) -> None:
        self.main.zoom()

    def action_toggle_sync(self) -> None:
        self.main.toggle_sync()

    def action_choose_article(self) -> None:
        self.main.choose_article()

    async def action_search(self) -> None:
        await self.main.search()

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    # -- annotating: the session's -------------------------------------------------------

    def action_tag(self, digit: int) -> None:
        self.show(self.session.toggle_tag(self.main.place(), digit), self.main.focused_column())

    def action_pick_tags(self) -> None:
        column = self.main.focused_column()
        target = self.session.tags_target(self.main.place())
        if isinstance(target, Outcome):
            self.show(target)
            return
        passage, existing = target

        def picked(choice: TagChoice | None) -> None:
            if choice is None:
                return
            if choice.create:
                self._create_tag_then(choice.create, lambda name: apply([*choice.names, name]))
            else:
                apply(list(choice.names))

        def apply(names: list[str]) -> None:
            self.show(self.session.set_tags(passage, existing, names), column)

        from tui.screens.tag_picker import TagPicker

        self.push_screen(TagPicker(self.session.tags(), existing.tags if existing else ()), picked)

    def _create_tag_then(self, name: str, then: Callable[[str], None]) -> None:
        """Ask the new tag's colour and digit key (both prefilled), create it, go on."""
        from tui.screens.dialogs import Prompt

        def answered(answer: str | None) -> None:
            if answer is None:
                return
            outcome, tag = self.session.create_tag_from(name, answer)
            self.show(outcome)
            if tag is not None:
                then(tag.name)

        label = f"New tag {name!r}: its colour (#rrggbb) and, if you like, a digit key 1-9"
        self.push_screen(Prompt(label, self.session.new_tag_answer()), answered)

    def action_note(self) -> None:
        target = self.session.note_target(self.main.place())
        if isinstance(target, Outcome):
            self.show(target)
            return
        passage, existing = target

        def written(outcome: Outcome | None) -> None:
            if outcome is not None:
                self.show(outcome)

        from tui.drafts import note_subject
        from tui.screens.note_editor import NoteEditor

        editor = NoteEditor(
            passage.text,
            existing.note if existing else "",
            self.session.drafts,
            note_subject(passage.article_id, passage.start, passage.end),
            lambda note: self.session.write_note(passage, existing, note),
        )
        self.push_screen(editor, written)

    def action_link(self) -> None:
        step = self.session.link(self.main.place())
        if isinstance(step, Outcome):
            self.show(step)
            return
        source, target = step

        def chosen(result: tuple[str, str] | None) -> None:
            if result is not None:
                self.show(self.session.finish_link(source, target, *result))

        from tui.screens.link_kind import LinkKind

        self.push_screen(LinkKind(source.text, target.text), chosen)

    def action_cancel_link(self) -> None:
        self.show(self.session.cancel_link())

    def action_follow_link(self) -> None:
        other = self.session.follow_link(self.main.place())
        if isinstance(other, Outcome):
            self.show(other)
        else:
            self.main.jump_to(other)

    def action_delete(self) -> None:
        self.show(self.session.delete_under_cursor(self.main.place()))

    def action_undo(self) -> None:
        self.show(self.session.undo())

    def action_redo(self) -> None:
        self.show(self.session.redo())

    def action_list_annotations(self) -> None:
        from tui.screens.annotation_list import AnnotationList

        labels = {article.id: article.label for article in self.store.articles()}

        def chosen(annotation_id: str | None) -> None:
            self.main.refresh_tags()
            if annotation_id is not None:
                self.main.jump_to(self.session.annotation(annotation_id))

        self.push_screen(AnnotationList(self.session, labels), chosen)

    def action_manage_tags(self) -> None:
        from tui.screens.tag_manager import TagManager

        self.push_screen(TagManager(self.session), lambda _: self.main.refresh_tags())

    # -- compare and export ---------------------------------------------------------------

    def action_compare(self) -> None:
        """The compare screen; what it chooses is shown in two adjacent columns."""
        from tui.screens.compare import CompareScreen

        def chosen(pair: tuple[Side, Side] | None) -> None:
            self.main.refresh_tags()
            if pair is not None:
                self.main.show_pair(*pair)

        self.push_screen(CompareScreen(self.store, self.session), chosen)

    def action_export(self) -> None:
        """Ask for a file (its suffix picks the format), confirm a replace, write it."""
        from tui.screens.export_prompt import ask_and_export

        ask_and_export(self, self.store)


def make_app(
    store: Store,
    article_ids: list[int] | None = None,
    *,
    story_id: int | None = None,
    restore_columns: bool = True,
    fresh: bool = False,
) -> ReaderApp:
    """The app over ``store`` showing ``article_ids`` (default: every article); with
    ``story_id``, its workspace as it was left (see ``ReaderApp``)."""
    ids = [article.id for article in store.articles()] if article_ids is None else article_ids
    return ReaderApp(store, ids, story_id=story_id, restore_columns=restore_columns, fresh=fresh)
