"""The reader app: read articles side by side (``tui.reading``) and annotate them
(``tui.annotate``). ``make_app`` builds it for the command line and the tests alike.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType

from store import Store, StoreError
from tui.annotate import AnnotatingApp


class ReaderApp(AnnotatingApp):
    """Read several articles side by side; mark, note and link passages; export them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("E", "export", "Export", show=False, id="app.export"),
    ]

    def action_export(self) -> None:
        """Ask for a file (its suffix picks the format), confirm a replace, write it."""
        from tui.screens.dialogs import Confirm, Prompt

        def write(path: Path, force: bool) -> None:
            from store.export import Selection, export, format_of, write_atomically

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
