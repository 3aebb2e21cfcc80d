"""The ``/`` prompt: an input at the bottom that searches the focused article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    DEFAULT_CSS = """
    SearchBar, SearchBar:focus { display: none; border: none; height: 1; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    @dataclass
    class Done(Message):
        """The search bar closed; ``query`` is None when it was cancelled."""

        search_bar: SearchBar
        query: str | None

        @property
        def control(self) -> SearchBar:
            return self.search_bar

    def __init__(self) -> None:
        super().__init__(placeholder="search this article (enter to find, esc to cancel)")

    def open(self) -> None:
        self.value = ""
        self.display = True  # at once, unlike a class: hidden widgets take no focus
        # At once, not with ``focus()`` (which waits its turn behind the keys already
        # typed): "/word" typed fast goes into the prompt, not to the article.
        self.screen.set_focus(self)

    def close(self, query: str | None) -> None:
        self.display = False
        self.post_message(self.Done(self, query))

    def action_cancel(self) -> None:
        self.close(None)

    async def action_submit(self) -> None:
        self.close(self.value)
