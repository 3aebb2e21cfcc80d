"""The ``?`` screen: every key, grouped; ``esc``, ``q`` or ``?`` closes it.

Each line is the keys in a column of their own and what they do beside them; a
description too long for the screen wraps within its column (a hanging indent), so
the keys column stays clear at any width.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult, RenderResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widget import Widget

from tui.keys import KEYS, KeyGroup

CLOSE = "esc, q or ? closes"


def key_lines(groups: tuple[KeyGroup, ...], width: int) -> list[Content]:
    """The groups' lines at ``width`` cells: each group's title, then its keys and what
    they do, the descriptions wrapped in their own column. Text, never markup."""
    column = max(len(keys) for _, group in groups for keys, _ in group) + 2
    room = max(10, width - column)
    lines: list[Content] = []
    for title, group in groups:
        if lines:
            lines.append(Content(""))
        lines.append(Content.styled(title, "bold underline"))
        for keys, what in group:
            wrapped = Content(what).wrap(room)
            lines.append(Content.assemble((keys.ljust(column), "bold $accent"), wrapped[0]))
            lines += [Content.assemble(" " * column, more) for more in wrapped[1:]]
    return lines


class KeyTable(Widget):
    """The keys of some groups, laid out for the width the widget gets."""

    DEFAULT_CSS = "KeyTable { height: auto; }"

    def __init__(self, groups: tuple[KeyGroup, ...] = KEYS) -> None:
        super().__init__()
        self.groups = groups

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(key_lines(self.groups, width))

    def render(self) -> RenderResult:
        return Content("\n").join(key_lines(self.groups, self.content_region.width))


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
    HelpScreen Horizontal > KeyTable { width: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
    ]

    def compose(self) -> ComposeResult:
        wide = self.app.size.width >= TWO_COLUMNS
        with VerticalScroll(classes="-wide" if wide else "") as scroll:
            scroll.border_title = Content("Keys")
            scroll.border_subtitle = Content(CLOSE)
            if wide:
                with Horizontal():
                    yield KeyTable(tuple(g for g in KEYS if g[0] in LEFT))
                    yield KeyTable(tuple(g for g in KEYS if g[0] not in LEFT))
            else:
                yield KeyTable()
