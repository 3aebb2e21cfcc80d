"""The ``reader`` command: open the per-user database and show articles side by side.

Errors reach the user as one line on stderr with a non-zero exit status, never
as a traceback. Textual is imported only once the app is about to start, so
``--help``, ``--version`` and errors answer at once.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from store import ReaderError, Store, open_store
from tui import __version__

DB_ENV = "READER_DB"


def default_db_path() -> Path:
    """``$READER_DB``, else ``reader.db`` in the per-user data directory."""
    if env := os.environ.get(DB_ENV):
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("reader", appauthor=False) / "reader.db"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description=(
            "Read news articles about one event side by side, mark passages, link them "
            "across articles. With no PATH, opens the bundled seed articles."
        ),
        epilog=f"The database defaults to {default_db_path()} (override with --db or ${DB_ENV}).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="plain-text articles to open")
    parser.add_argument("--db", type=Path, help="the SQLite database to use")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def article_ids(store: Store, paths: Sequence[Path]) -> list[int]:
    """The articles to show: the given files (imported if new), else every article."""
    if paths:
        return [store.add_file(path)[0] for path in paths]
    from store.seeds import seed_once

    seed_once(store)
    return [article.id for article in store.articles()]


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    db_path: Path = args.db or default_db_path()
    try:
        store = open_store(db_path)
        ids = article_ids(store, [Path(p) for p in args.paths])
    except ReaderError as err:
        print(f"reader: {err}", file=sys.stderr)
        return 1
    # Start-up allocates many long-lived objects (Textual's classes, styles, the
    # wrapped rows): collecting them over and over costs a tenth of the start-up.
    # The app turns the collector back on once the first screen is drawn.
    gc.disable()
    from tui.app import make_app

    gc.freeze()
    try:
        make_app(store, ids).run()
    finally:
        store.close()
    return 0
