"""The main screen: the articles in columns side by side, and the lines below them.

It does the reading: which columns are on screen (as many as fit, the focused one
always), focus, moving and zooming columns, scrolling them together, the ``/``
prompt, the status and detail lines. It shows what the annotating session holds:
each column draws its article's marks, redrawn when an ``Outcome`` says they
changed (``redraw``, ``refresh_tags``). ``open_article`` is the one way a column
comes to show another article: ``o``, a followed link, the compare screen's pairs.
It starts as the story's workspace was left (``tui.workspace``: columns, focus, zoom,
sync, each column's place) and saves it a second after it changes, and on quit.

The app binds the keys (``tui.keys``, scope ``app``), hears the views' messages,
and calls these methods.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from store import Annotation
from tui.outcome import Place
from tui.session import Session
from tui.widgets.autosave import Autosave
from tui.widgets.column import ArticleColumn
from tui.widgets.detail_bar import DetailBar
from tui.widgets.doc_view import DocView
from tui.widgets.legend import Legend
from tui.widgets.status_bar import StatusBar
from tui.workspace import ColumnPlace, Workspace, WorkspaceKeeper

if TYPE_CHECKING:
    from store.compare.findings import Side

MIN_COLUMN_WIDTH = 40
"""Columns narrower than this are hard to read: fewer are shown, the rest a key away."""
SAVE_SECONDS = 1.0
"""The workspace is saved this long after it changes (``kill -9`` loses at most this)."""


class ColumnsScreen(Screen[None]):
    """The columns side by side; the bars split off its bottom in the order they are
    composed, the first lowest (see app.tcss)."""

    DEFAULT_CSS = "ColumnsScreen { layout: horizontal; }"
    AUTO_FOCUS = ""
    """Not the first column: the one focused when the workspace was left (``on_mount``)."""

    def __init__(
        self,
        session: Session,
        article_ids: list[int],
        workspace: Workspace | None = None,
        keeper: WorkspaceKeeper | None = None,
    ) -> None:
        super().__init__(id="_default")
        self.session = session
        self.store = session.store
        self.article_ids = article_ids
        self.workspace = workspace
        """Where to start: the workspace as it was left (None: the default one)."""
        self.keeper = keeper
        self._autosave = Autosave(self, SAVE_SECONDS, self.save_workspace)
        self._said_unsaved = False
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
        self._first_focus = 0
        """The column to focus first (the one focused when the workspace was left)."""

    def compose(self) -> ComposeResult:
        yield Legend(self.store.tags())
        yield StatusBar()
        yield DetailBar()  # split off above the status line
        for article_id in self.article_ids:
            article = self.store.article(article_id)
            yield ArticleColumn(article, self.store.article_text(article_id))
        if not self.article_ids:
            yield Static(Content("No articles. Start with: reader FILE.txt"), id="no-articles")

    def on_mount(self) -> None:
        for column in self.columns:
            column.set_marks(self.session.marks_for(column.article.id))
        self.call_after_refresh(self._mount_search_bar)
        focus = self._come_back()
        self._layout_columns(focus)
        if self.columns:
            self.columns[focus].focus()

    def on_resize(self) -> None:
        """The terminal's size changed: as many columns as fit, and the status says so.

        The screen hears of a resize after the app records the new size (the app
        hears of it before).
        """
        self._layout_columns()
        if (column := self.focused_column()) is not None:
            self.show_status(column)

    # -- columns ----------------------------------------------------------------------

    @property
    def columns(self) -> list[ArticleColumn]:
        return list(self.query(ArticleColumn))

    @property
    def visible_count(self) -> int:
        if self.zoomed:
            return 1
        return max(1, min(len(self.article_ids), self.app.size.width // MIN_COLUMN_WIDTH))

    def focused_index(self) -> int:
        """The focused column's index; while none has the focus (it is on its way, or a
        dialog has it), the last one that had it."""
        columns = self.columns
        for index, column in enumerate(columns):
            if column.has_focus:
                return index
        if self._last_column in columns:
            return columns.index(self._last_column)
        return min(self._first_focus, max(0, len(columns) - 1))

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
        self._autosave.changed()

    def focus_column(self, step: int) -> None:
        columns = self.columns
        if not columns:
            return
        target = (self.focused_index() + step) % len(columns)
        self._layout_columns(target)
        columns[target].focus()

    def move_column(self, step: int) -> None:
        columns = self.columns
        index = self.focused_index()
        target = index + step
        if not columns or not 0 <= target < len(columns):
            return
        if step < 0:
            self.move_child(columns[index], before=columns[target])
        else:
            self.move_child(columns[index], after=columns[target])
        self._layout_columns(target)
        columns[index].focus()

    def zoom(self) -> None:
        self.zoomed = not self.zoomed
        if self.zoomed:
            self._unzoomed_first = self.first_visible
        else:
            self.first_visible = self._unzoomed_first
        self._layout_columns()

    def toggle_sync(self) -> None:
        self.synced = not self.synced
        self._autosave.changed()
        self.notify(
            "Columns scroll together." if self.synced else "Columns scroll apart.", markup=False
        )
        if self.synced and (column := self.focused_column()):
            self._sync_from(column)

    def scrolled(self, view: DocView) -> None:
        """A view scrolled: with sync on, the others follow the focused one."""
        if self.synced and not self._syncing and view.has_focus:
            self._sync_from(view)
        self._autosave.changed()

    def _sync_from(self, leader: DocView) -> None:
        self._syncing = True
        try:
            for column in self.columns:
                if column is not leader:
                    column.scroll_to_position(leader.position)
        finally:
            self._syncing = False

    # -- which article a column shows ---------------------------------------------------

    def open_article(self, article_id: int, column: ArticleColumn) -> None:
        """Show the article in ``column``: its heading, its text from the start, its marks."""
        column.show(self.store.article(article_id), self.store.article_text(article_id))
        column.set_marks(self.session.marks_for(article_id))

    def choose_article(self) -> None:
        """``o``: ask which article the focused column shows."""
        column = self.focused_column()
        if column is None:
            return

        def chosen(article_id: int | None) -> None:
            if article_id is not None:
                self.open_article(article_id, column)
                column.focus()

        from tui.screens.choose_article import ChooseArticle

        self.app.push_screen(ChooseArticle(self.store.articles(), column.article.id), chosen)

    def jump_to(self, annotation: Annotation) -> None:
        """Bring the annotation into view and select it: in a column showing its article,
        else in the column after the focused one, made to show it."""
        columns = self.columns
        target = next((c for c in columns if c.article.id == annotation.article_id), None)
        if target is None:
            focused = self.focused_index()
            target = columns[(focused + 1) % len(columns)] if len(columns) > 1 else columns[focused]
            self.open_article(annotation.article_id, target)
        self._layout_columns(columns.index(target))
        target.focus()
        target.select(annotation.start, annotation.end)

    def show_pair(self, one: Side, two: Side) -> None:
        """Two passages in adjacent columns, selected, their differing words highlighted."""
        from store.compare.analysis import differing_words

        columns = self.columns
        first = next(
            (i for i, c in enumerate(columns) if c.article.id == one.article_id),
            self.focused_index(),
        )
        other = next(
            (c for i, c in enumerate(columns) if c.article.id == two.article_id and i != first),
            None,
        )
        if other is not None:
            # Its article is open already: bring that column beside, show it once.
            if first + 1 < len(columns):
                self.move_child(other, after=columns[first])
            else:
                self.move_child(other, before=columns[first])
            columns = self.columns
            first = columns.index(next(c for c in columns if c.article.id == one.article_id))
        second = first + 1 if first + 1 < len(columns) else first - 1
        if len(columns) < 2:
            second = first
        for index, side in ((first, one), (second, two)):
            if columns[index].article.id != side.article_id:
                self.open_article(side.article_id, columns[index])
        in_one, in_two = differing_words(one, two)
        self._layout_columns(max(first, second))
        self._layout_columns(min(first, second))
        for index, side, words in ((second, two, in_two), (first, one, in_one)):
            view = columns[index]
            view.focus()
            view.select(side.start, side.end)
            view.highlight_words(words)

    # -- marks, status, notices -------------------------------------------------------------

    def place(self) -> Place | None:
        """The focused column's article, cursor and selection (None: no column)."""
        column = self.focused_column()
        if column is None:
            return None
        selection = column.selection
        span = (selection.start, selection.end) if selection else None
        return Place(column.article.id, column.text, column.cursor, span)

    def redraw(self, article_id: int, changed: Sequence[tuple[int, int]] | None = None) -> None:
        """Redraw the article's marks in every column showing it: only the rows of the
        ``changed`` stretches when given, else every row."""
        marks = self.session.marks_for(article_id)
        for column in self.columns:
            if column.article.id == article_id:
                column.set_marks(marks, changed)
        if (focused := self.focused_column()) is not None:
            self.show_status(focused)

    def refresh_tags(self) -> None:
        """Tags changed (created, renamed, recoloured...) or many annotations did (undo,
        redo, deletes in the list): the legend, and every mark re-read and redrawn."""
        self.query_one(Legend).show(self.store.tags())
        for article_id in self.session.reload():
            self.redraw(article_id)

    def notice(
        self, message: str | Content, severity: str = "information", timeout: float | None = None
    ) -> None:
        """Say what a key did, a warning or an error on the detail line, not in a toast:
        a toast covers the status line and the text under it, and is a widget mounted and
        laid out, more than a frame's work for every key."""
        self.query_one(DetailBar).notice(message, severity, timeout)

    # -- the workspace, as it was left ----------------------------------------------------

    def _come_back(self) -> int:
        """Put the columns back as the workspace says; the index of the one to focus."""
        workspace, columns = self.workspace, self.columns
        if workspace is None or not columns:
            return 0
        for column, place in zip(columns, workspace.columns, strict=False):
            if place.cursor or place.top:
                column.return_to(place.cursor, place.top)
        self.zoomed, self.synced = workspace.zoomed, workspace.synced
        self.first_visible = self._unzoomed_first = workspace.first
        self._first_focus = min(workspace.focused, len(columns) - 1)
        return self._first_focus

    def workspace_now(self) -> Workspace:
        """The columns and each one's place, as they are now."""
        return Workspace(
            tuple(ColumnPlace(column.article.id, *column.place) for column in self.columns),
            focused=self.focused_index(),
            first=self._unzoomed_first if self.zoomed else self.first_visible,
            zoomed=self.zoomed,
            synced=self.synced,
        )

    def save_workspace(self) -> None:
        """Keep the workspace for the next start (``SAVE_SECONDS`` after a change, and on
        quit); a store that cannot be written is said once."""
        self._autosave.cancel()
        if self.keeper is None or not self.columns:
            return
        error = self.keeper.save(self.workspace_now())
        if error and not self._said_unsaved:
            self._said_unsaved = True
            self.notice(f"The workspace was not saved: {error}", "warning")

    def show_status(self, view: DocView) -> None:
        """The status line (article, position, selection) and the detail line (the
        annotation under the cursor) of the focused column."""
        if not view.has_focus or not isinstance(view, ArticleColumn):
            return
        self._autosave.changed()
        self._last_column = view
        shown = f"  [{self.first_visible + 1}-{self.first_visible + self.visible_count}"
        shown += f" of {len(self.article_ids)}]"
        detail = self.session.detail(view.article.id, view.cursor)
        self.query_one(StatusBar).show(view.article.label + shown, view, detail.linking)
        self.query_one(DetailBar).show(detail.annotation, detail.links)

    # -- search -------------------------------------------------------------------------

    async def search(self) -> None:
        """``/``: open the prompt at the bottom; ``enter`` searches the focused column."""
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

    def search_done(self, query: str | None) -> None:
        """The prompt closed: back to the column, and search it for ``query`` (None:
        cancelled)."""
        column = self._last_column
        if column is None:
            return
        column.focus()
        if query:
            found = column.search(query)
            self.notify(
                f"{found} matches" if found else f"Not found: {query}",
                severity="information" if found else "warning",
                markup=False,
            )
