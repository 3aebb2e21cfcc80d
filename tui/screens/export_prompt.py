"""``E``: export every annotation to a file the user names (its suffix picks the format).

Asks for the file in a prompt (a dated Markdown report suggested), asks before
replacing one, writes it whole or not at all, and says where it went: the absolute
path, so that the file can be found whatever folder ``reader`` was started in.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from textual.app import App

from store import Store, StoreError
from tui.screens.dialogs import Confirm, Prompt

LABEL = "Export every annotation to (.md report, .json Web Annotation, .csv table):"


def ask_and_export(app: App[Any], store: Store) -> None:
    """Ask for a file, confirm a replace, write it, and say where."""

    def write(path: Path, force: bool) -> None:
        from store.formats.atomic import write_atomically
        from store.formats.export import export, format_of
        from store.formats.selection import Selection

        try:
            with write_atomically(path, force=force) as out:
                export(store, format_of(path), out, Selection())
        except StoreError as err:
            app.notify(str(err), title="Not exported", severity="error", markup=False)
            return
        app.notify(f"Exported to {path} ({format_of(path)}).", markup=False, timeout=6)

    def answered(answer: str | None) -> None:
        if not answer or not answer.strip():
            return
        path = Path(answer.strip()).expanduser().absolute()
        if path.is_dir():
            app.notify(f"{path} is a folder: name a file.", severity="warning", markup=False)
        elif path.exists():
            question = f"{path} exists. Replace it?"
            app.push_screen(Confirm(question), lambda yes: write(path, True) if yes else None)
        else:
            write(path, False)

    app.push_screen(Prompt(LABEL, f"reader-{date.today().isoformat()}.md"), answered)
