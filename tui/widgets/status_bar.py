"""The status line: which article has focus, where the cursor is, what is selected, and
whether a link is being made (from the first ``L`` until it is made or cancelled)."""

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


LINKING = " linking: select, L links, esc cancels "
"""Led by this while a link is being made (first ``L``): what to do next, and how not to."""


class StatusBar(Widget):
    """One line: the article on the left (shortened when space is short), then
    the selection and the position, which always fit; led by ``LINKING`` while a
    link is being made."""

    DEFAULT_CSS = """
    StatusBar { height: 1; padding: 0 1; background: $panel; color: $foreground; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._label = Content("")
        self._right = Content("")
        self.linking = False

    def show(self, label: str, view: DocView, linking: bool = False) -> None:
        self._label = Content.assemble((label, "bold"))
        self._right = describe(view)
        self.linking = linking
        self.refresh()

    def render(self) -> RenderResult:
        width = self.content_region.width
        room = max(0, width - self._right.cell_length - 2)
        label = self._label
        if self.linking:
            label = Content.assemble((LINKING, "bold reverse $warning"), " ", label)
        label = label.truncate(room, ellipsis=True) if room else Content("")
        gap = max(2, width - label.cell_length - self._right.cell_length)
        return Content.assemble(label, " " * gap, self._right)
