"""One line above the status line: the annotation under the cursor (tags, note, links),
led for a moment by a notice: what a key just did ("Tagged quote."), a warning, or why
the store refused ("Not saved: ..."). Notices are said here, on a line of their own,
rather than in pop-ups, which would cover the status line or the text under the cursor."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import RenderResult
from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget

from store import Annotation, Link

NOTICE_SECONDS = 2.0
"""How long a notice stays on the line."""
LONGER = {"warning": 2.0, "error": 4.0}
"""How many times longer a warning and an error stay."""
STYLES = {
    "information": "bold $text-success",
    "warning": "bold $text-warning",
    "error": "bold $text-error",
}


def describe(annotation: Annotation | None, links: Sequence[Link]) -> Content:
    """Plain text built from the user's words: never markup."""
    parts: list[Content] = []
    if annotation is not None:
        parts.append(Content.styled(", ".join(annotation.tags) or "highlight", "bold"))
        if annotation.note:
            parts.append(Content.assemble(("note: ", "italic"), " ".join(annotation.note.split())))
        if links:
            kinds = sorted({link.kind for link in links})
            parts.append(Content(f"& {', '.join(kinds)} (enter follows)"))
    return Content("  │  ").join(parts)


class DetailBar(Widget):
    """Always one line, blank when there is nothing to say.

    It used to appear only over an annotation; showing or hiding it relaid out
    the whole screen (the document view changed height), which cost a tag key
    more than a frame. A notice here, rather than a toast, confirms a tag key
    without mounting a widget, and a later notice replaces it.
    """

    DEFAULT_CSS = """
    DetailBar { height: 1; padding: 0 1; background: $boost; }
    """

    def __init__(self) -> None:
        super().__init__()
        self._content = Content("")
        self._notice = Content("")
        self._notice_timer: Timer | None = None

    def show(self, annotation: Annotation | None, links: Sequence[Link]) -> None:
        content = describe(annotation, links)
        if content == self._content:
            return
        self._content = content
        self.refresh()

    def notice(
        self, message: str | Content, severity: str = "information", timeout: float | None = None
    ) -> None:
        """Lead the line with ``message`` (plain text, or Content made from it) for
        ``timeout`` seconds (by default ``NOTICE_SECONDS``, longer for warnings and errors)."""
        text = message if isinstance(message, Content) else Content(message)
        self._notice = text.stylize_before(STYLES.get(severity, STYLES["information"]))
        if self._notice_timer is not None:
            self._notice_timer.stop()
        seconds = timeout if timeout is not None else NOTICE_SECONDS * LONGER.get(severity, 1)
        self._notice_timer = self.set_timer(seconds, self._end_notice)
        self.refresh()

    @property
    def notice_text(self) -> str:
        """The notice shown now ('' if none)."""
        return self._notice.plain

    def _end_notice(self) -> None:
        self._notice = Content("")
        self._notice_timer = None
        self.refresh()

    def render(self) -> RenderResult:
        parts = [part for part in (self._notice, self._content) if part]
        line = Content("  │  ").join(parts)
        return line.truncate(self.content_region.width, ellipsis=True)
