"""Reading: articles in columns side by side, moving, selecting, searching.

``ReadingApp`` is the base of the app (see ``tui.app``): it composes the columns
and routes the reading keys; what the program knows lives in ``store``.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static, TextArea

from store import Store
from tui.widgets.column import ArticleColumn
from tui.widgets.doc_view import DocView
from tui.widgets.legend import Legend
from tui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from tui.widgets.search_bar import SearchBar

PROMPT_ACTIONS = frozenset(
    {"search", "choose_article", "note", "pick_tags", "manage_tags", "list_annotations"}
    | {"export", "compare"}
)
"""Actions that open a prompt or a screen. Their keys are priority bindings: the app
runs them before it hands on the keys typed straight after, which then land in the
prompt ("mfix this" typed fast is a note, not an "x" that deletes). ``check_action``
keeps them to the main screen and away from text inputs, which have these letters too."""

MIN_COLUMN_WIDTH = 40
"""Columns narrower than this are hard to read: fewer are shown, the rest a key away."""


class ColumnsScreen(Screen[None]):
    """The main screen: the columns side by side, the bars split off its bottom in
    the order they are composed, the first lowest (see app.tcss)."""

    DEFAULT_CSS = "ColumnsScreen { layout: horizontal; }"

    def __init__(self, resized: Callable[[], None]) -> None:
        super().__init__(id="_default")
        self._resized = resized

    def on_resize(self) -> None:
        self._resized()


class ReadingApp(App[None]):
    """Read several articles side by side."""

    TITLE = "reader"
    CSS_PATH = "app.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Keys", id="app.help"),
        Binding("tab", "focus_column(1)", "Next column", priority=True, id="app.next_column"),
        Binding(
            "shift+tab", "focus_column(-1)", "Previous column", priority=True, id="app.prev_column"
        ),
        Binding("o", "choose_article", "Open", priority=True, id="app.choose_article"),
        Binding("less_than_sign", "move_column(-1)", "Move left", show=False, id="app.move_left"),
        Binding(
            "greater_than_sign", "move_column(1)", "Move right", show=False, id="app.move_right"
        ),
        Binding("z", "zoom", "Zoom", id="app.zoom"),
        Binding("S", "toggle_sync", "Sync scroll", show=False, id="app.sync"),
        Binding("slash", "search", "Search", priority=True, id="app.search"),
    ]

    def __init__(self, store: Store, article_ids: list[int]) -> None:
        super().__init__()
        self.store = store
        self.article_ids = article_ids
        self.first_visible = 0
        """Index of the leftmost column on screen."""
        self.zoomed = False
        """Whether the focused column fills the screen."""
        self._unzoomed_first = 0
        self.synced = False
        """Whether scrolling one column scrolls the others to the same place."""
        self._syncing = False
        self._last_column: ArticleColumn | None = None
        """The column that last had focus: where search and status apply."""

    def get_default_screen(self) -> Screen[None]:
        return ColumnsScreen(self._screen_resized)

    def compose(self) -> ComposeResult:
        yield Legend(self.store.tags())
        yield StatusBar()
        for article_id in self.article_ids:
            article = self.store.article(article_id)
            yield ArticleColumn(article, self.store.article_text(article_id))
        if not self.article_ids:
            yield Static(Content("No articles. Start with: reader FILE.txt"), id="no-articles")

    @property
    def columns(self) -> list[ArticleColumn]:
        return list(self.query(ArticleColumn))

    @property
    def visible_count(self) -> int:
        if self.zoomed:
            return 1
        return max(1, min(len(self.article_ids), self.size.width // MIN_COLUMN_WIDTH))

    def on_mount(self) -> None:
        self.call_after_refresh(self._settle_collector)
        self.call_after_refresh(self._mount_search_bar)
        self._layout_columns()
        if self.columns:
            self.columns[0].doc_view.focus()

    def _settle_collector(self) -> None:
        """Once the first screen is up: keep the objects made so far out of every
        later collection (they live as long as the app), and collect again."""
        gc.freeze()
        gc.enable()

    def _screen_resized(self) -> None:
        """The terminal's size changed: as many columns as fit, and the status says so.

        The screen tells (``ColumnsScreen``): the app hears of a resize before it
        records the new size, and its screen after.
        """
        self._layout_columns()
        if (column := self.focused_column()) is not None:
            self._show_status(column)

    def focused_index(self) -> int:
        for index, column in enumerate(self.columns):
            if column.doc_view.has_focus:
                return index
        return 0

    def focused_column(self) -> ArticleColumn | None:
        columns = self.columns
        return columns[self.focused_index()] if columns else None

    def _layout_columns(self, focus: int | None = None) -> None:
        """Show ``visible_count`` columns, shifting the window to include ``focus``."""
        columns = self.columns
        count = self.visible_count
        focus = self.focused_index() if focus is None else focus
        if focus < self.first_visible:
            self.first_visible = focus
        elif focus >= self.first_visible + count:
            self.first_visible = focus - count + 1
        self.first_visible = max(0, min(self.first_visible, len(columns) - count))
        for index, column in enumerate(columns):
            column.display = self.first_visible <= index < self.first_visible + count

    # -- columns ----------------------------------------------------------------

    def action_focus_column(self, step: int) -> None:
        if self.screen is not self.screen_stack[0]:
            # Another screen (the compare screen, a dialog): tab moves focus there.
            (self.screen.focus_next if step > 0 else self.screen.focus_previous)()
            return
        columns = self.columns
        if not columns:
            return
        target = (self.focused_index() + step) % len(columns)
        self._layout_columns(target)
        columns[target].doc_view.focus()

    def action_move_column(self, step: int) -> None:
        columns = self.columns
        index = self.focused_index()
        target = index + step
        if not columns or not 0 <= target < len(columns):
            return
        container = self.screen_stack[0]  # the columns' screen, whichever is on top
        if step < 0:
            container.move_child(columns[index], before=columns[target])
        else:
            container.move_child(columns[index], after=columns[target])
        self._layout_columns(target)
        columns[index].doc_view.focus()

    def action_zoom(self) -> None:
        self.zoomed = not self.zoomed
        if self.zoomed:
            self._unzoomed_first = self.first_visible
        else:
            self.first_visible = self._unzoomed_first
        self._layout_columns()

    def action_choose_article(self) -> None:
        column = self.focused_column()
        if column is None:
            return

        def chosen(article_id: int | None) -> None:
            if article_id is not None:
                column.show(self.store.article(article_id), self.store.article_text(article_id))
                self.article_shown(column)
                column.doc_view.focus()

        from tui.screens.choose_article import ChooseArticle

        self.push_screen(ChooseArticle(self.store.articles(), column.article.id), chosen)

    def article_shown(self, column: ArticleColumn) -> None:
        """A column now shows another article (subclasses draw its annotations)."""

    def action_toggle_sync(self) -> None:
        self.synced = not self.synced
        self.notify(
            "Columns scroll together." if self.synced else "Columns scroll apart.", markup=False
        )
        if self.synced and (column := self.focused_column()):
            self._sync_from(column.doc_view)

    def on_doc_view_scrolled(self, message: DocView.Scrolled) -> None:
        if self.synced and not self._syncing and message.doc_view.has_focus:
            self._sync_from(message.doc_view)

    def _sync_from(self, leader: DocView) -> None:
        self._syncing = True
        try:
            for column in self.columns:
                if column.doc_view is not leader:
                    column.doc_view.scroll_to_position(leader.position)
        finally:
            self._syncing = False

    # -- search and help -------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in PROMPT_ACTIONS:
            on_main_screen = self.screen is self.screen_stack[0]
            return on_main_screen and not isinstance(self.focused, (Input, TextArea))
        return True

    async def action_search(self) -> None:
        if not self.columns:
            return
        from tui.widgets.search_bar import SearchBar

        bars = self.query(SearchBar)
        bar = bars.first() if bars else SearchBar()
        if not bars:  # "/" before the first screen was up
            await self.mount(bar)
        bar.open()

    def _mount_search_bar(self) -> None:
        """The ``/`` prompt, hidden, once the first screen is up: an Input costs start-up
        time, and it must be there when "/" is pressed, for the keys typed next."""
        from tui.widgets.search_bar import SearchBar

        if not self.query(SearchBar):
            self.mount(SearchBar())

    def on_search_bar_done(self, message: SearchBar.Done) -> None:
        column = self._last_column
        if column is None:
            return
        column.doc_view.focus()
        if message.query:
            found = column.doc_view.search(message.query)
            self.notify(
                f"{found} matches" if found else f"Not found: {message.query}",
                severity="information" if found else "warning",
                markup=False,
            )

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    # -- status -------------------------------------------------------------------

    def on_doc_view_moved(self, message: DocView.Moved) -> None:
        self._show_status(message.doc_view)

    def on_doc_view_wrapped(self, message: DocView.Wrapped) -> None:
        self._show_status(message.doc_view)

    def on_descendant_focus(self) -> None:
        focused = self.focused
        if isinstance(focused, DocView):
            self._show_status(focused)

    def _show_status(self, view: DocView) -> None:
        if not view.has_focus or not isinstance(view, ArticleColumn):
            return
        self._last_column = view
        shown = f"  [{self.first_visible + 1}-{self.first_visible + self.visible_count}"
        shown += f" of {len(self.article_ids)}]"
        self.query_one(StatusBar).show(view.article.label + shown, view)
