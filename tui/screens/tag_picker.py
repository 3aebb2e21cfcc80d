"""The ``t`` screen: choose the tags of one passage, or create a tag.

Keys work as in fzf's multi-select: type to filter, ``up``/``down`` move,
``tab`` ticks or unticks the highlighted tag, ``enter`` applies (ticking the
highlighted tag first when nothing was changed, so ``t quo enter`` tags a quote),
``esc`` cancels. When the filter names no tag, the last line offers to create it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store import Tag

CREATE = "\x00create"
"""The option id of the "create a tag" line (no tag name can hold NUL)."""


@dataclass(frozen=True)
class TagChoice:
    """What the picker decided: the tags to set, or a tag to create first."""

    names: tuple[str, ...]
    create: str | None = None


class TagPicker(ModalScreen[TagChoice | None]):
    DEFAULT_CSS = """
    TagPicker { align: center middle; }
    TagPicker > Vertical {
        width: 60; max-width: 95%; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    TagPicker OptionList { height: auto; max-height: 20; border: none; }
    TagPicker .picker--keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("tab", "tick", "Tick", priority=True),
        Binding("down", "move(1)", "Down", priority=True),
        Binding("up", "move(-1)", "Up", priority=True),
    ]

    def __init__(self, tags: Sequence[Tag], chosen: Sequence[str]) -> None:
        super().__init__()
        self.tags = list(tags)
        self.initial = {name.casefold() for name in chosen}
        self.chosen = set(self.initial)
        """Casefolded names of the ticked tags."""

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content("Tags of this passage")
            box.border_subtitle = Content("esc cancels")
            yield Input(placeholder="type to filter or to name a new tag")
            yield OptionList()
            yield Static(Content("tab ticks · enter applies · esc cancels"), classes="picker--keys")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, query: str) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted_option.id if options.highlighted_option else None
        wanted = query.strip().casefold()
        shown = [tag for tag in self.tags if wanted in tag.name.casefold()]
        items = [Option(self._label(tag), id=tag.name) for tag in shown]
        if wanted and not any(tag.name.casefold() == wanted for tag in self.tags):
            items.append(
                Option(Content.assemble(("+ create tag ", "bold"), query.strip()), id=CREATE)
            )
        options.set_options(items)
        ids = [item.id for item in items]
        options.highlighted = ids.index(highlighted) if highlighted in ids else (0 if ids else None)

    def _label(self, tag: Tag) -> Content:
        ticked = "[x] " if tag.name.casefold() in self.chosen else "[ ] "
        key = f"{tag.key} " if tag.key is not None else "  "
        return Content.assemble(ticked, (key, "bold"), ("  ", f"on {tag.colour}"), " ", tag.name)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            options.highlighted = ((options.highlighted or 0) + step) % options.option_count

    def action_tick(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        if option is None or option.id is None or option.id == CREATE:
            return
        name = option.id.casefold()
        self.chosen.symmetric_difference_update({name})
        self._fill(self.query_one(Input).value)

    def on_input_submitted(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        if option is not None and option.id == CREATE:
            self.dismiss(TagChoice(self._names(), create=self.query_one(Input).value.strip()))
            return
        if self.chosen == self.initial and option is not None and option.id is not None:
            self.chosen ^= {option.id.casefold()}
        self.dismiss(TagChoice(self._names()))

    def _names(self) -> tuple[str, ...]:
        return tuple(tag.name for tag in self.tags if tag.name.casefold() in self.chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
