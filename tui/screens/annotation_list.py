"""The ``A`` screen: every annotation and its links, filtered as you type; jump to one or
delete it.

Keys: ``enter`` jumps (on a link's line: to the link's other end), ``x`` deletes the
annotation, ``/`` types a filter (``enter`` or ``esc`` back to the list), ``esc``
closes. The filter's words match the passage or the note; ``#word`` keeps the
annotations with a tag containing it, ``@word`` those of an article whose outlet
contains it, ``~word`` those with a link of a kind containing it (``~contra``), and
then only those links. A delete is made through the session (never the store
directly); the app redraws the marks when the list closes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from store import Annotation, Link
from tui.outcome import NOT_SAVED
from tui.session import Session


class Linked(NamedTuple):
    """One link of an annotation: the link, and the annotation at its other end."""

    link: Link
    other: Annotation


class Row(NamedTuple):
    """A line of the list: an annotation, or one of its links (``linked``)."""

    annotation: Annotation
    linked: Linked | None = None


def matches(annotation: Annotation, label: str, query: str, kinds: Sequence[str] = ()) -> bool:
    """Whether the annotation passes every word of the filter (``kinds``: its links')."""
    for word in query.casefold().split():
        if word.startswith("#") and len(word) > 1:
            if not any(word[1:] in tag.casefold() for tag in annotation.tags):
                return False
        elif word.startswith("@") and len(word) > 1:
            if word[1:] not in label.casefold():
                return False
        elif word.startswith("~") and len(word) > 1:
            if not any(word[1:] in kind for kind in kinds):
                return False
        elif word not in annotation.exact.casefold() and word not in annotation.note.casefold():
            return False
    return True


def kind_filter(query: str) -> list[str]:
    """The ``~kind`` words of the filter, without their ``~``."""
    return [word[1:] for word in query.casefold().split() if word.startswith("~") and word[1:]]


def one_line(text: str, limit: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class AnnotationList(ModalScreen[str | None]):
    """Dismisses with the id of the annotation to go to (the app jumps there), or None."""

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
        self.links: dict[str, list[Linked]] = {}
        """Each annotation's links, by its id."""
        self.rows: list[Row] = []
        """The lines shown."""

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content("Annotations")
            box.border_subtitle = Content("enter goes there · x deletes · esc closes")
            yield Input(placeholder="/ filters: words, #tag, @outlet, ~link kind")
            yield Static(classes="list--count")
            yield OptionList()

    def on_mount(self) -> None:
        self._load()
        self.query_one(OptionList).focus()

    def _load(self) -> None:
        self.all = self.session.annotations()
        by_id = {annotation.id: annotation for annotation in self.all}
        self.links = {}
        for link in self.session.links():
            source, target = by_id.get(link.source_id), by_id.get(link.target_id)
            if source is not None and target is not None:
                self.links.setdefault(source.id, []).append(Linked(link, target))
                self.links.setdefault(target.id, []).append(Linked(link, source))
        self._fill()

    def _fill(self) -> None:
        query = self.query_one(Input).value
        kinds = kind_filter(query)
        self.rows = []
        shown = 0
        for annotation in self.all:
            linked = self.links.get(annotation.id, [])
            label = self.labels.get(annotation.article_id, "")
            if not matches(annotation, label, query, [item.link.kind for item in linked]):
                continue
            shown += 1
            self.rows.append(Row(annotation))
            for item in linked:
                if all(kind in item.link.kind for kind in kinds):
                    self.rows.append(Row(annotation, item))
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.set_options(Option(self._label(row)) for row in self.rows)
        if self.rows:
            options.highlighted = min(highlighted or 0, len(self.rows) - 1)
        count = f"{shown} of {len(self.all)}"
        self.query_one(".list--count", Static).update(Content(count))

    def _label(self, row: Row) -> Content:
        if row.linked is not None:
            link, other = row.linked
            parts = [
                ("    & ", "$text-muted"),
                (link.kind, "bold $accent"),
                ("  → ", ""),
                (self.labels.get(other.article_id, "?"), "bold"),
                ("  ", ""),
                (one_line(other.exact, 70), ""),
            ]
            if link.note:
                parts += [("  note: ", "italic $text-muted"), (one_line(link.note, 40), "")]
            return Content.assemble(*parts)
        annotation = row.annotation
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

    def _current(self) -> Row | None:
        index = self.query_one(OptionList).highlighted
        return self.rows[index] if index is not None and index < len(self.rows) else None

    def on_input_submitted(self) -> None:
        self.query_one(OptionList).focus()

    def action_filter(self) -> None:
        self.query_one(Input).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        row = self.rows[event.option_index]
        self.dismiss(row.linked.other.id if row.linked else row.annotation.id)

    def action_delete(self) -> None:
        current = self._current()
        if current is None:
            return
        if current.linked is not None:
            self.notify(
                "x deletes an annotation: go up to its line (its links go with it).",
                severity="warning",
                markup=False,
            )
            return
        outcome = self.session.delete(current.annotation)
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
