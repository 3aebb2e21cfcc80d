"""The status line: which article has focus, where the cursor is, what is selected."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from tui.widgets.doc_view import DocView


def describe(label: str, view: DocView) -> Content:
    """Article, position and selection, as plain text (titles are never markup)."""
    length = len(view.text)
    percent = 100 if length == 0 else view.cursor * 100 // length
    parts = [
        (label, "bold"),
        (f"  row {view.row_of(view.cursor) + 1}/{max(len(view.rows), 1)}", ""),
        (f"  char {view.cursor}/{length}  {percent}%", ""),
    ]
    if view.selection:
        parts.append((f"  selected {len(view.selection)} chars", "bold"))
    elif view.mark is not None:
        parts.append(("  selecting (v or esc ends)", "bold"))
    if not view.fully_wrapped and length:
        parts.append(("  wrapping…", "italic"))
    return Content.assemble(*parts)


class StatusBar(Static):
    DEFAULT_CSS = """
    StatusBar { height: 1; padding: 0 1; background: $panel; color: $foreground; }
    """

    def show(self, label: str, view: DocView) -> None:
        self.update(describe(label, view))
