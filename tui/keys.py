"""The keys, grouped as the help screen shows them (README lists the same)."""

from __future__ import annotations

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Move",
        (
            ("h j k l, arrows", "character and row"),
            ("w / b", "next / previous word"),
            ("( / )", "previous / next sentence"),
            ("{ / }", "previous / next paragraph"),
            ("g / G", "start / end of the article"),
            ("pageup pagedown space", "a screen up / down"),
            ("ctrl+u / ctrl+d", "half a screen up / down"),
        ),
    ),
    (
        "Columns",
        (
            ("tab / shift+tab", "focus the next / previous column"),
            ("o", "choose the article shown in this column"),
            ("< / >", "move this column left / right"),
            ("z", "zoom this column to full width and back"),
            ("S", "scroll all columns together, or apart"),
        ),
    ),
    (
        "Select",
        (
            ("v", "start a selection that motions extend (v or esc ends it)"),
            ("s / p", "select the sentence / paragraph under the cursor"),
            ("shift+arrows", "extend the selection"),
            ("mouse", "click places the cursor, drag selects, wheel scrolls"),
            ("y", "copy the selection"),
        ),
    ),
    (
        "Find",
        (
            ("/", "search this article"),
            ("n / N", "next / previous match"),
        ),
    ),
    ("App", (("?", "this help"), ("ctrl+p", "command palette"), ("q", "quit"))),
)
