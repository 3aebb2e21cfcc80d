"""The second ``L``: how the two passages relate, and an optional note."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store.db.schema import LINK_KINDS

KIND_HELP = {
    "contradicts": "the passages disagree",
    "corroborates": "one confirms the other",
    "same-quote": "the same quotation, as each outlet gives it",
    "paraphrases": "one restates the other in other words",
    "other": "related some other way (say how in the note)",
}


class LinkKind(ModalScreen[tuple[str, str] | None]):
    """Dismisses with ``(kind, note)``, or None when cancelled."""

    DEFAULT_CSS = """
    LinkKind { align: center middle; }
    LinkKind > Vertical {
        width: 70; max-width: 95%; height: auto;
        border: round $accent; background: $surface; padding: 0 1;
    }
    LinkKind OptionList { height: auto; border: none; }
    LinkKind .link--passages { color: $text-muted; margin-bottom: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, source: str, target: str, suggested: str = "contradicts") -> None:
        super().__init__()
        self.source = source
        self.target = target
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content("Link the two passages")
            box.border_subtitle = Content("enter links · esc cancels")
            yield Static(
                Content.assemble(
                    ("from ", "bold"),
                    _short(self.source),
                    "\n",
                    ("to   ", "bold"),
                    _short(self.target),
                ),
                classes="link--passages",
            )
            yield OptionList(
                *(
                    Option(Content.assemble((kind, "bold"), f"  {KIND_HELP[kind]}"), id=kind)
                    for kind in LINK_KINDS
                )
            )
            yield Input(placeholder="note (optional), then enter on a kind")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = LINK_KINDS.index(self.suggested)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.dismiss((event.option.id, self.query_one(Input).value))

    def on_input_submitted(self) -> None:
        options = self.query_one(OptionList)
        kind = LINK_KINDS[options.highlighted or 0]
        self.dismiss((kind, self.query_one(Input).value))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _short(text: str, limit: int = 120) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
