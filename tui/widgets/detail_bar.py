"""One line above the status line: the annotation under the cursor (tags, note, links)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

from store import Annotation, Link


def describe(annotation: Annotation | None, links: Sequence[Link], linking: bool) -> Content:
    """Plain text built from the user's words: never markup."""
    parts: list[Content] = []
    if linking:
        parts.append(Content.styled("linking: select the other passage, press L", "bold $warning"))
    if annotation is not None:
        parts.append(Content.styled(", ".join(annotation.tags) or "highlight", "bold"))
        if annotation.note:
            parts.append(Content.assemble(("note: ", "italic"), " ".join(annotation.note.split())))
        if links:
            kinds = sorted({link.kind for link in links})
            parts.append(Content(f"& {', '.join(kinds)} (enter follows)"))
    return Content("  │  ").join(parts)


class DetailBar(Widget):
    DEFAULT_CSS = """
    DetailBar { height: 1; padding: 0 1; background: $boost; display: none; }
    DetailBar.-shown { display: block; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._content = Content("")

    def show(self, annotation: Annotation | None, links: Sequence[Link], linking: bool) -> None:
        content = describe(annotation, links, linking)
        if content == self._content:
            return
        self._content = content
        if self.has_class("-shown") != bool(content):
            # Showing or hiding changes the layout: only when it must.
            self.set_class(bool(content), "-shown")
        self.refresh()

    def render(self) -> RenderResult:
        return self._content.truncate(self.content_region.width, ellipsis=True)
