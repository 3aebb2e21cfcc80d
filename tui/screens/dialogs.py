"""Small typed dialogs: a yes/no question, a one-line prompt, and what becomes of changes
not saved. Each says on its last line how to answer it and how to leave it (esc)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 70; max-width: 95%; height: auto;
    border: round $accent; background: $surface; padding: 0 1;
}}
"""


class Confirm(ModalScreen[bool]):
    """``y`` or ``enter``: True; ``n`` or ``esc``: False."""

    DEFAULT_CSS = DIALOG_CSS.format(name="Confirm")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.question))
            yield Static(Content.styled("y yes · n or esc no", "$text-muted"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class Prompt(ModalScreen[str | None]):
    """``enter``: the value typed; ``esc``: None."""

    DEFAULT_CSS = DIALOG_CSS.format(name="Prompt")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, label: str, value: str = "") -> None:
        super().__init__()
        self.label = label
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.label))
            yield Input(self.value)
            yield Static(Content.styled("enter OK · esc cancels", "$text-muted"))

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SaveOrDiscard(ModalScreen[str | None]):
    """What becomes of text changed and not saved: ``s`` "save", ``d`` "discard";
    ``esc`` or ``k``: None, back to the editor (nothing is lost by hesitating)."""

    DEFAULT_CSS = DIALOG_CSS.format(name="SaveOrDiscard")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s,ctrl+s", "answer('save')", "Save"),
        Binding("d", "answer('discard')", "Discard"),
        Binding("escape,k", "answer(None)", "Keep editing"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content("Unsaved changes")
            yield Static(Content(self.question))
            yield Static(
                Content.styled("s save · d discard · esc or k keep editing", "$text-muted")
            )

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)
