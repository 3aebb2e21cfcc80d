"""The bottom line: the main keys, led by ``? keys``, then which digit applies which tag.

At any width the line starts with ``? keys`` (every other key is one ``?`` away); the
other hints follow by priority, then the tags in their colours. What does not fit is
dropped whole from the end, never cut in the middle of a word or from the front.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

from store import Tag

KEY_HINTS: tuple[tuple[str, str], ...] = (
    ("?", "keys"),
    ("t", "tags"),
    ("m", "note"),
    ("L", "link"),
    ("A", "list"),
    ("u", "undo"),
)
"""The hints, most needed first: the first always shows."""
GAP = Content("  ")


def legend_items(tags: Sequence[Tag]) -> list[Content]:
    """The hints, then ``│`` and each tag with a digit key; names are text, never markup."""
    items = [Content.assemble((key, "bold $accent"), f" {what}") for key, what in KEY_HINTS]
    keyed = sorted((tag for tag in tags if tag.key is not None), key=lambda tag: tag.key or 0)
    for number, tag in enumerate(keyed):
        item = Content.assemble((f" {tag.key} ", f"bold $text on {tag.colour}"), f" {tag.name}")
        items.append(Content.assemble("│  ", item) if number == 0 else item)
    return items


def fit(items: Sequence[Content], width: int) -> Content:
    """As many ``items`` as fit in ``width`` cells, in order; the first one always (cut
    if it must be)."""
    shown: list[Content] = []
    used = 0
    for item in items:
        needed = item.cell_length + (GAP.cell_length if shown else 0)
        if shown and used + needed > width:
            break
        shown.append(item)
        used += needed
    return GAP.join(shown).truncate(width)


class Legend(Widget):
    """One line of hints and tags, as many as fit."""

    DEFAULT_CSS = """
    Legend { height: 1; padding: 0 1; background: $panel; }
    """

    def __init__(self, tags: Sequence[Tag] = ()) -> None:
        super().__init__()
        self._items = legend_items(tags)

    def show(self, tags: Sequence[Tag]) -> None:
        self._items = legend_items(tags)
        self.refresh()

    def render(self) -> RenderResult:
        return fit(self._items, self.content_region.width)
