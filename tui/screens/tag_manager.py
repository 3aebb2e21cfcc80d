"""The ``T`` screen: rename, recolour, re-key, merge, delete and create tags everywhere at once.

Keys on the highlighted tag: ``r`` rename, ``c`` colour, ``k`` digit key, ``m``
merge into another tag, ``d`` delete (asks first when passages carry it), ``n``
new tag, ``esc`` closes. Each change is one undoable action, made through the
session (never the store directly), which says what it did or why it could not;
the app redraws the marks when the screen closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store import Tag
from tui.outcome import NOT_SAVED, Outcome
from tui.screens.dialogs import Confirm, Prompt
from tui.session import Session


class TagManager(ModalScreen[None]):
    DEFAULT_CSS = """
    TagManager { align: center middle; }
    TagManager > Vertical {
        width: 80; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    TagManager OptionList { height: auto; max-height: 30; border: none; }
    TagManager .tags--keys { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close"),
        Binding("r", "rename", "Rename"),
        Binding("c", "recolour", "Colour"),
        Binding("k", "key", "Key"),
        Binding("m", "merge", "Merge"),
        Binding("d", "delete", "Delete"),
        Binding("n", "new", "New"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.tags: list[Tag] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content("Tags")
            box.border_subtitle = Content("esc closes")
            yield OptionList()
            yield Static(
                Content("r rename · c colour · k key · m merge · d delete · n new · esc close"),
                classes="tags--keys",
            )

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self) -> None:
        self.tags = self.session.tags()
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.set_options(
            Option(
                Content.assemble(
                    (f"{tag.key if tag.key is not None else ' '} ", "bold"),
                    ("  ", f"on {tag.colour}"),
                    f" {tag.name}",
                    (f"  {self.session.tag_usage(tag.name)} passages", "$text-muted"),
                    (f"  {tag.colour}", "$text-muted"),
                ),
                id=str(tag.id),
            )
            for tag in self.tags
        )
        if self.tags:
            options.highlighted = min(highlighted or 0, len(self.tags) - 1)

    def _current(self) -> Tag | None:
        index = self.query_one(OptionList).highlighted
        return self.tags[index] if index is not None and index < len(self.tags) else None

    def _show(self, outcome: Outcome) -> None:
        if outcome.error:
            self.notify(outcome.error, title=NOT_SAVED, severity="error", markup=False)
            return
        self.notify(outcome.notice, markup=False, timeout=2)
        self._fill()

    def _ask(self, label: str, value: str, then: Callable[[str], None]) -> None:
        def answered(answer: str | None) -> None:
            if answer is not None:
                then(answer)

        self.app.push_screen(Prompt(label, value), answered)

    def action_rename(self) -> None:
        """A name is stored text: its editor keeps a draft and asks before losing it."""
        from tui.drafts import tag_subject
        from tui.screens.line_editor import LineEditor

        if tag := self._current():
            editor = LineEditor(
                f"New name for {tag.name}:",
                self.session.drafts,
                tag_subject(tag.id),
                tag.name,
                lambda name: self.session.rename_tag(tag.name, name),
                what="tag's name",
            )
            self.app.push_screen(editor, lambda outcome: self._show(outcome) if outcome else None)

    def action_recolour(self) -> None:
        if tag := self._current():
            self._ask(
                f"Colour of {tag.name} (#rrggbb):",
                tag.colour,
                lambda colour: self._show(self.session.recolour_tag(tag.name, colour.strip())),
            )

    def action_key(self) -> None:
        if tag := self._current():
            self._ask(
                f"Digit key for {tag.name} (1-9, empty for none):",
                str(tag.key or ""),
                lambda key: self._show(self.session.set_tag_key(tag.name, key)),
            )

    def action_merge(self) -> None:
        if tag := self._current():
            self._ask(
                f"Merge {tag.name} into which tag?",
                "",
                lambda target: self._show(self.session.merge_tags(tag.name, target.strip())),
            )

    def action_delete(self) -> None:
        tag = self._current()
        if tag is None:
            return
        used = self.session.tag_usage(tag.name)

        def delete(yes: bool | None) -> None:
            if yes:
                self._show(self.session.delete_tag(tag.name))

        if used:
            question = f"Delete the tag {tag.name}? {used} passages carry it (u undoes)."
            self.app.push_screen(Confirm(question), delete)
        else:
            delete(True)

    def action_new(self) -> None:
        def named(name: str) -> None:
            self._ask(
                f"Colour of {name} (#rrggbb):",
                "#06b6d4",
                lambda colour: self._ask(
                    f"Digit key for {name} (1-9, empty for none):",
                    "",
                    lambda key: self._show(self.session.create_tag(name, colour.strip(), key)),
                ),
            )

        self._ask("Name of the new tag:", "", named)
