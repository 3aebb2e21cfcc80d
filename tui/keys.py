"""The keys, grouped as the help screen shows them (README lists the same)."""

from __future__ import annotations

KeyGroup = tuple[str, tuple[tuple[str, str], ...]]
"""A group's title and its (keys, what they do) pairs."""

KEYS: tuple[KeyGroup, ...] = (
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
    (
        "Annotate",
        (
            ("1 … 9", "tag the selection or sentence (again removes the tag)"),
            ("t / T", "pick tags / manage tags"),
            ("m", "note of the annotation under the cursor"),
            ("L", "link to a passage in another column (L, select, L)"),
            ("enter", "follow the link under the cursor"),
            ("x", "delete the annotation under the cursor"),
            ("A", "every annotation: filter, jump, delete"),
            ("u / ctrl+r", "undo / redo"),
            ("E", "export (.md, .json or .csv)"),
        ),
    ),
    (
        "Compare",
        (
            ("C", "quotations across articles; discrepancies"),
            ("enter / a / d", "there: side by side / accept / dismiss"),
        ),
    ),
    ("App", (("?", "this help"), ("ctrl+p", "command palette"), ("q", "quit"))),
)
