"""The ``?`` screen: every key, grouped."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.keys import KEYS


def key_table() -> Content:
    width = max(len(keys) for _, group in KEYS for keys, _ in group) + 2
    lines: list[Content] = []
    for title, group in KEYS:
        if lines:
            lines.append(Content(""))
        lines.append(Content.styled(title, "bold underline"))
        for keys, what in group:
            lines.append(Content.assemble((keys.ljust(width), "bold $accent"), what))
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 80; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys"
            yield Static(key_table())
