"""The status line: which article has focus, where the cursor is, what is selected."""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

from tui.widgets.doc_view import DocView


def describe(view: DocView) -> Content:
    """Position and selection, as plain text."""
    length = len(view.text)
    percent = 100 if length == 0 else view.cursor * 100 // length
    parts: list[tuple[str, str]] = []
    if view.selection:
        parts.append((f"selected {len(view.selection)} chars  ", "bold"))
    elif view.mark is not None:
        parts.append(("selecting (v or esc ends)  ", "bold"))
    if not view.fully_wrapped and length:
        parts.append(("wrapping…  ", "italic"))
    parts.append((f"row {view.row_of(view.cursor) + 1}/{max(len(view.rows), 1)}  ", ""))
    parts.append((f"char {view.cursor}/{length}  {percent}%", ""))
    return Content.assemble(*parts)


class StatusBar(Widget):
    """One line: the article on the left (shortened when space is short), then
    the selection and the position, which always fit."""

    DEFAULT_CSS = """
    StatusBar { height: 1; padding: 0 1; background: $panel; color: $foreground; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._label = Content("")
        self._right = Content("")

    def show(self, label: str, view: DocView) -> None:
        self._label = Content.assemble((label, "bold"))
        self._right = describe(view)
        self.refresh()

    def render(self) -> RenderResult:
        width = self.content_region.width
        room = max(0, width - self._right.cell_length - 2)
        label = self._label.truncate(room, ellipsis=True) if room else Content("")
        gap = max(2, width - label.cell_length - self._right.cell_length)
        return Content.assemble(label, " " * gap, self._right)
