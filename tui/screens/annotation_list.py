"""The ``A`` screen: every annotation, filtered as you type; jump to one or delete it.

Keys: ``enter`` jumps, ``x`` deletes, ``/`` types a filter (``enter`` or ``esc``
back to the list), ``esc`` closes. The filter's words match the passage or the
note; ``#word`` keeps the annotations with a tag containing it, ``@word`` those
of an article whose outlet contains it. A delete is made through the session
(never the store directly); the app redraws the marks when the list closes.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store import Annotation
from tui.outcome import NOT_SAVED
from tui.session import Session


def matches(annotation: Annotation, label: str, query: str) -> bool:
    """Whether the annotation passes every word of the filter."""
    for word in query.casefold().split():
        if word.startswith("#") and len(word) > 1:
            if not any(word[1:] in tag.casefold() for tag in annotation.tags):
                return False
        elif word.startswith("@") and len(word) > 1:
            if word[1:] not in label.casefold():
                return False
        elif word not in annotation.exact.casefold() and word not in annotation.note.casefold():
            return False
    return True


def one_line(text: str, limit: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class AnnotationList(ModalScreen[str | None]):
    """Dismisses with the chosen annotation's id (the app jumps there), or None."""

    DEFAULT_CSS = """
    AnnotationList { align: center middle; }
    AnnotationList > Vertical {
        width: 120; max-width: 98%; height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    AnnotationList OptionList { height: 1fr; border: none; }
    AnnotationList .list--count { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Close"),
        Binding("slash", "filter", "Filter"),
        Binding("x", "delete", "Delete"),
        Binding("j", "move(1)", "Down", show=False),
        Binding("k", "move(-1)", "Up", show=False),
    ]

    def __init__(self, session: Session, labels: dict[int, str]) -> None:
        super().__init__()
        self.session = session
        self.labels = labels
        self.all: list[Annotation] = []
        self.shown: list[Annotation] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content("Annotations")
            yield Input(placeholder="/ filters: words, #tag, @outlet · enter jumps · x deletes")
            yield Static(classes="list--count")
            yield OptionList()

    def on_mount(self) -> None:
        self._load()
        self.query_one(OptionList).focus()

    def _load(self) -> None:
        self.all = self.session.annotations()
        self._fill()

    def _fill(self) -> None:
        query = self.query_one(Input).value
        self.shown = [a for a in self.all if matches(a, self.labels.get(a.article_id, ""), query)]
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.set_options(Option(self._label(a), id=a.id) for a in self.shown)
        if self.shown:
            options.highlighted = min(highlighted or 0, len(self.shown) - 1)
        count = f"{len(self.shown)} of {len(self.all)}"
        self.query_one(".list--count", Static).update(Content(count))

    def _label(self, annotation: Annotation) -> Content:
        tags = ", ".join(annotation.tags) or "highlight"
        parts = [
            (self.labels.get(annotation.article_id, "?"), "bold"),
            ("  ", ""),
            (tags, "$accent"),
            ("  ", ""),
            (one_line(annotation.exact, 90), ""),
        ]
        if annotation.note:
            parts += [("\n    note: ", "italic $text-muted"), (one_line(annotation.note, 90), "")]
        return Content.assemble(*parts)

    def on_input_changed(self) -> None:
        self._fill()

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            options.highlighted = ((options.highlighted or 0) + step) % options.option_count

    def _current(self) -> Annotation | None:
        index = self.query_one(OptionList).highlighted
        return self.shown[index] if index is not None and index < len(self.shown) else None

    def on_input_submitted(self) -> None:
        self.query_one(OptionList).focus()

    def action_filter(self) -> None:
        self.query_one(Input).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_delete(self) -> None:
        current = self._current()
        if current is None:
            return
        outcome = self.session.delete(current)
        if outcome.error:
            self.notify(outcome.error, title=NOT_SAVED, severity="error", markup=False)
            return
        self.notify(outcome.notice, markup=False, timeout=2)
        self._load()

    def action_back(self) -> None:
        if self.query_one(Input).has_focus:
            self.query_one(OptionList).focus()
        else:
            self.dismiss(None)
