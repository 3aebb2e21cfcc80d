"""The bottom line: which digit applies which tag, in the tag's colour, and the main keys."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

from store import Tag

KEY_HINTS: tuple[tuple[str, str], ...] = (
    ("t", "tags"),
    ("m", "note"),
    ("L", "link"),
    ("A", "list"),
    ("u", "undo"),
    ("?", "keys"),
)


def legend(tags: Sequence[Tag]) -> Content:
    """``1 quote  2 contradiction ...`` then the main keys; names are text, never markup."""
    parts: list[Content] = []
    for tag in sorted((tag for tag in tags if tag.key is not None), key=lambda tag: tag.key or 0):
        parts.append(
            Content.assemble((f" {tag.key} ", f"bold $text on {tag.colour}"), (f" {tag.name}", ""))
        )
    hints = Content("  ").join(
        Content.assemble((key, "bold $accent"), f" {what}") for key, what in KEY_HINTS
    )
    return Content("  ").join([*parts, Content("│"), hints] if parts else [hints])


class Legend(Widget):
    """One line; what does not fit is cut at the right."""

    DEFAULT_CSS = """
    Legend { height: 1; padding: 0 1; background: $panel; }
    """

    def __init__(self, tags: Sequence[Tag] = ()) -> None:
        super().__init__()
        self._content = legend(tags)

    def show(self, tags: Sequence[Tag]) -> None:
        self._content = legend(tags)
        self.refresh()

    def render(self) -> RenderResult:
        return self._content.truncate(self.content_region.width)
