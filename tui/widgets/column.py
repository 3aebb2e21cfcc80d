"""One article in a column: its heading (outlet, date, title) above its DocView."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from store import Article
from tui.widgets.doc_view import DocView


def heading(article: Article) -> Content:
    """The column heading: outlet and date on one line, the title below. Text, never markup."""
    first = Content.assemble(
        (article.label, "bold"), (f"  {article.published}" if article.published else "", "dim")
    )
    return Content("\n").join([first, Content(article.title)])


class ArticleColumn(Vertical):
    """A column showing one article; the app decides which columns are on screen."""

    DEFAULT_CSS = """
    ArticleColumn {
        width: 1fr;
        height: 1fr;
        border: round $panel;
        &:focus-within { border: round $accent; }
        & > .column--heading {
            height: auto;
            max-height: 3;
            padding: 0 1;
            background: $boost;
            text-wrap: wrap;
            text-overflow: ellipsis;
        }
        & > DocView { height: 1fr; padding: 0; }
    }
    """

    def __init__(self, article: Article, text: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = article
        self._text = text

    def compose(self) -> ComposeResult:
        yield Static(heading(self.article), classes="column--heading")
        yield DocView(self._text, article_id=self.article.id)

    def show(self, article: Article, text: str) -> None:
        """Show another article in this column, from its start."""
        self.article = article
        self.query_one(".column--heading", Static).update(heading(article))
        self.doc_view.set_text(text, article.id)

    @property
    def doc_view(self) -> DocView:
        return self.query_one(DocView)
