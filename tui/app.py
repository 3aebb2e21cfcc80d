"""The reader app: read articles side by side (``tui.reading``) and annotate them
(``tui.annotate``). ``make_app`` builds it for the command line and the tests alike.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType

from store import Store, StoreError
from tui.annotate import AnnotatingApp

if TYPE_CHECKING:
    from store.compare.findings import Side


class ReaderApp(AnnotatingApp):
    """Read several articles side by side; mark, note and link passages; export them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("E", "export", "Export", show=False, priority=True, id="app.export"),
        Binding("C", "compare", "Compare", show=False, priority=True, id="app.compare"),
    ]

    def action_compare(self) -> None:
        """The compare screen; what it chooses is shown in two adjacent columns."""
        from tui.screens.compare import CompareScreen

        def chosen(pair: tuple[Side, Side] | None) -> None:
            self.reload_marks()
            if pair is not None:
                self.show_pair(*pair)

        self.push_screen(CompareScreen(self.store), chosen)

    def show_pair(self, one: Side, two: Side) -> None:
        """Two passages in adjacent columns, selected, their differing words highlighted."""
        from store.compare.analysis import differing_words

        columns = self.columns
        first = next(
            (i for i, c in enumerate(columns) if c.article.id == one.article_id),
            self.focused_index(),
        )
        other = next(
            (c for i, c in enumerate(columns) if c.article.id == two.article_id and i != first),
            None,
        )
        if other is not None:
            # Its article is open already: bring that column beside, show it once.
            if first + 1 < len(columns):
                self.screen_stack[0].move_child(other, after=columns[first])
            else:
                self.screen_stack[0].move_child(other, before=columns[first])
            columns = self.columns
            first = columns.index(next(c for c in columns if c.article.id == one.article_id))
        second = first + 1 if first + 1 < len(columns) else first - 1
        if len(columns) < 2:
            second = first
        for index, side in ((first, one), (second, two)):
            column = columns[index]
            if column.article.id != side.article_id:
                column.show(
                    self.store.article(side.article_id), self.store.article_text(side.article_id)
                )
                self.article_shown(column)
        in_one, in_two = differing_words(one, two)
        self._layout_columns(max(first, second))
        self._layout_columns(min(first, second))
        for index, side, words in ((second, two, in_two), (first, one, in_one)):
            view = columns[index].doc_view
            view.focus()
            view.select(side.start, side.end)
            view.highlight_words(words)

    def action_export(self) -> None:
        """Ask for a file (its suffix picks the format), confirm a replace, write it."""
        from tui.screens.dialogs import Confirm, Prompt

        def write(path: Path, force: bool) -> None:
            from store.formats.atomic import write_atomically
            from store.formats.export import export, format_of
            from store.formats.selection import Selection

            try:
                with write_atomically(path, force=force) as out:
                    export(self.store, format_of(path), out, Selection())
            except StoreError as err:
                self.notify(str(err), title="Not exported", severity="error", markup=False)
                return
            self.notify(f"Exported to {path} ({format_of(path)}).", markup=False, timeout=4)

        def answered(answer: str | None) -> None:
            if not answer or not answer.strip():
                return
            path = Path(answer.strip()).expanduser()
            if path.is_dir():
                self.notify(f"{path} is a folder: name a file.", severity="warning", markup=False)
            elif path.exists():
                question = f"{path} exists. Replace it?"
                self.push_screen(Confirm(question), lambda yes: write(path, True) if yes else None)
            else:
                write(path, False)

        label = "Export every annotation to (.md report, .json Web Annotation, .csv table):"
        suggested = f"reader-{date.today().isoformat()}.md"
        self.push_screen(Prompt(label, suggested), answered)


def make_app(store: Store, article_ids: list[int] | None = None) -> ReaderApp:
    """The app over ``store`` showing ``article_ids`` (default: every article)."""
    ids = [article.id for article in store.articles()] if article_ids is None else article_ids
    return ReaderApp(store, ids)
