"""The reader app: articles in columns side by side over one store.

The App composes widgets and routes keys; what the program knows lives in
``store``. ``make_app`` builds it for the command line and the tests alike.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Footer, Static

from store import Store
from tui.widgets.column import ArticleColumn
from tui.widgets.doc_view import DocView
from tui.widgets.status_bar import StatusBar

MIN_COLUMN_WIDTH = 40
"""Columns narrower than this are hard to read: fewer are shown, the rest a key away."""


class ReaderApp(App[None]):
    """Read several articles side by side."""

    TITLE = "reader"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("tab", "focus_column(1)", "Next column", priority=True, id="app.next_column"),
        Binding(
            "shift+tab", "focus_column(-1)", "Previous column", priority=True, id="app.prev_column"
        ),
    ]

    def __init__(self, store: Store, article_ids: list[int]) -> None:
        super().__init__()
        self.store = store
        self.article_ids = article_ids
        self.first_visible = 0
        """Index of the leftmost column on screen."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="columns"):
            for article_id in self.article_ids:
                article = self.store.article(article_id)
                yield ArticleColumn(article, self.store.article_text(article_id))
            if not self.article_ids:
                yield Static(Content("No articles. Start with: reader FILE.txt"), id="no-articles")
        yield StatusBar()
        yield Footer()

    @property
    def columns(self) -> list[ArticleColumn]:
        return list(self.query(ArticleColumn))

    @property
    def visible_count(self) -> int:
        return max(1, min(len(self.article_ids), self.size.width // MIN_COLUMN_WIDTH))

    def on_mount(self) -> None:
        self._layout_columns()
        if self.columns:
            self.columns[0].doc_view.focus()

    def on_resize(self) -> None:
        self._layout_columns()

    def focused_index(self) -> int:
        for index, column in enumerate(self.columns):
            if column.doc_view.has_focus:
                return index
        return 0

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

    def action_focus_column(self, step: int) -> None:
        columns = self.columns
        if not columns:
            return
        target = (self.focused_index() + step) % len(columns)
        self._layout_columns(target)
        columns[target].doc_view.focus()

    def on_doc_view_moved(self, message: DocView.Moved) -> None:
        self._show_status(message.doc_view)

    def on_doc_view_wrapped(self, message: DocView.Wrapped) -> None:
        self._show_status(message.doc_view)

    def on_descendant_focus(self) -> None:
        focused = self.focused
        if isinstance(focused, DocView):
            self._show_status(focused)

    def _show_status(self, view: DocView) -> None:
        if not view.has_focus:
            return
        column = view.parent
        label = column.article.label if isinstance(column, ArticleColumn) else ""
        self.query_one(StatusBar).show(label, view)


def make_app(store: Store, article_ids: list[int] | None = None) -> ReaderApp:
    """The app over ``store`` showing ``article_ids`` (default: every article)."""
    ids = [article.id for article in store.articles()] if article_ids is None else article_ids
    return ReaderApp(store, ids)
