"""A one-line editor of stored text (a tag's name): a ``DraftEditor`` with an ``Input``.

``enter`` or ``ctrl+s`` saves, ``esc`` with changes asks first, and the line is kept
as a draft while it is typed, as in the note editor.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from tui.drafts import Drafts
from tui.outcome import Outcome
from tui.screens.draft_editor import DraftEditor
from tui.widgets.in_order import InOrderInput


class LineEditor(DraftEditor):
    """Dismisses with the ``Outcome`` of saving the line, or None."""

    DEFAULT_CSS = """
    LineEditor { align: center middle; }
    LineEditor > Vertical {
        width: 70; max-width: 95%; height: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    LineEditor .line--keys { color: $text-muted; }
    """

    def __init__(
        self,
        label: str,
        drafts: Drafts,
        subject: str,
        saved: str,
        save: Callable[[str], Outcome],
        what: str = "text",
    ) -> None:
        super().__init__(drafts, subject, saved, save)
        self.label = label
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_subtitle = Content("esc closes")
            yield Static(Content(self.label))
            if self.recovered is not None:
                yield Static(self.recovered_line())
            yield InOrderInput(self.start_text, select_on_focus=False)
            yield Static(
                Content("enter saves · esc closes (asks first if changed)"), classes="line--keys"
            )

    def on_mount(self) -> None:
        line = self.query_one(Input)
        line.focus()
        line.cursor_position = len(line.value)

    def on_input_submitted(self) -> None:
        # Posted by the input once it has taken the keys before enter: save now.
        self.save_now()
