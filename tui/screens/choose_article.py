"""The ``o`` screen: choose which article a column shows."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store import Article


def label(article: Article) -> Content:
    return Content.assemble((article.label, "bold"), "  ", article.title)


class ChooseArticle(ModalScreen[int | None]):
    """Dismisses with the chosen article's id, or None."""

    DEFAULT_CSS = """
    ChooseArticle { align: center middle; }
    ChooseArticle > OptionList {
        width: 90; max-width: 95%; height: auto; max-height: 80%;
        border: round $accent; background: $surface;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "dismiss", "Cancel")]

    def __init__(self, articles: list[Article], current: int | None) -> None:
        super().__init__()
        self.articles = articles
        self.current = current

    def compose(self) -> ComposeResult:
        options = OptionList(*(Option(label(a), id=str(a.id)) for a in self.articles))
        options.border_title = Content("Show which article in this column?")
        options.border_subtitle = Content("enter shows it · esc cancels")
        yield options

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        ids = [a.id for a in self.articles]
        options.highlighted = ids.index(self.current) if self.current in ids else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.dismiss(int(event.option.id))
