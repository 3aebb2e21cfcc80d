"""The ``/`` prompt: an input at the bottom that searches the focused article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    DEFAULT_CSS = """
    SearchBar { dock: bottom; display: none; border: none; height: 1; padding: 0 1; }
    SearchBar.-active { display: block; }
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
        self.add_class("-active")
        self.focus()

    def close(self, query: str | None) -> None:
        self.remove_class("-active")
        self.post_message(self.Done(self, query))

    def action_cancel(self) -> None:
        self.close(None)

    async def action_submit(self) -> None:
        self.close(self.value)
