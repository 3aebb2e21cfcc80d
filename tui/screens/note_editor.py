"""The ``m`` screen: write the note of one passage, several lines if need be."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

PASSAGE_CHARS = 300
"""How much of the passage is quoted above the editor."""


class NoteEditor(ModalScreen[str | None]):
    """Dismisses with the note as written (``ctrl+s``), or None (``esc``)."""

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
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel", priority=True),
    ]

    def __init__(self, passage: str, note: str) -> None:
        super().__init__()
        self.passage = passage
        self.note = note

    def compose(self) -> ComposeResult:
        quoted = (
            self.passage
            if len(self.passage) <= PASSAGE_CHARS
            else self.passage[:PASSAGE_CHARS] + "…"
        )
        with Vertical() as box:
            box.border_title = Content("Note")
            yield Static(Content(quoted), classes="note--passage")
            yield TextArea(self.note, soft_wrap=True, show_line_numbers=False)
            yield Static(Content("ctrl+s saves · esc cancels"), classes="note--keys")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
