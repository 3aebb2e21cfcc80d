"""The ``m`` screen: write the note of one passage, several lines if need be.

A ``DraftEditor``: ``ctrl+s`` saves everything typed before it, ``esc`` with changes
asks first, and the note is kept as a draft while it is written.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static, TextArea

from tui.drafts import Drafts
from tui.outcome import Outcome
from tui.screens.draft_editor import DraftEditor
from tui.widgets.in_order import InOrderTextArea

PASSAGE_CHARS = 300
"""How much of the passage is quoted above the editor."""
KEYS = "ctrl+s saves · esc closes (asks first if changed) · ctrl+c copies"


class NoteEditor(DraftEditor):
    """Dismisses with the ``Outcome`` of saving the note (``ctrl+s``), or None."""

    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > Vertical {
        width: 90; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    NoteEditor .note--passage { color: $text-muted; max-height: 6; margin-bottom: 1; }
    NoteEditor TextArea { height: 10; }
    NoteEditor .note--keys { color: $text-muted; }
    """
    what = "note"

    def __init__(
        self,
        passage: str,
        note: str,
        drafts: Drafts,
        subject: str,
        save: Callable[[str], Outcome],
    ) -> None:
        super().__init__(drafts, subject, note, save)
        self.passage = passage

    def compose(self) -> ComposeResult:
        quoted = (
            self.passage
            if len(self.passage) <= PASSAGE_CHARS
            else self.passage[:PASSAGE_CHARS] + "…"
        )
        with Vertical() as box:
            box.border_title = Content("Note")
            box.border_subtitle = Content("esc closes")
            yield Static(Content(quoted), classes="note--passage")
            if self.recovered is not None:
                yield Static(self.recovered_line(), classes="note--recovered")
            yield InOrderTextArea(self.start_text, soft_wrap=True, show_line_numbers=False)
            yield Static(Content(KEYS), classes="note--keys")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)
