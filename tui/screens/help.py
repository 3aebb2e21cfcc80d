"""The ``?`` screen: every key, grouped."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.keys import KEYS, KeyGroup


def key_table(groups: tuple[KeyGroup, ...] = KEYS) -> Content:
    width = max(len(keys) for _, group in groups for keys, _ in group) + 2
    lines: list[Content] = []
    for title, group in groups:
        if lines:
            lines.append(Content(""))
        lines.append(Content.styled(title, "bold underline"))
        for keys, what in group:
            lines.append(Content.assemble((keys.ljust(width), "bold $accent"), what))
    return Content("\n").join(lines)


TWO_COLUMNS = 150
"""From this terminal width on, the keys are shown in two columns side by side."""
LEFT = ("Move", "Columns", "Find", "Compare")
"""The groups of the left column; the others go right."""


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 80; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    HelpScreen > VerticalScroll.-wide { width: 150; }
    HelpScreen Horizontal { height: auto; }
    HelpScreen Horizontal > Static { width: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
    ]

    def compose(self) -> ComposeResult:
        wide = self.app.size.width >= TWO_COLUMNS
        with VerticalScroll(classes="-wide" if wide else "") as scroll:
            scroll.border_title = "Keys"
            if wide:
                with Horizontal():
                    yield Static(key_table(tuple(g for g in KEYS if g[0] in LEFT)))
                    yield Static(key_table(tuple(g for g in KEYS if g[0] not in LEFT)))
            else:
                yield Static(key_table())
