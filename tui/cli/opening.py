"""``reader [PATH...]``: the app, on the given files or the articles in the database."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from store import Store
from tui import __version__
from tui.cli.common import FAILED, OK, add_db_option, default_db_path, fail, opened


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="plain-text articles to open")
    add_db_option(parser)
    parser.add_argument("--version", action="version", version=f"reader {__version__}")


def article_ids(store: Store, paths: Sequence[Path]) -> list[int]:
    """The articles to show: the given files (imported if new), else every article."""
    if paths:
        return [store.add_file(path)[0] for path in paths]
    from store.db.seeds import seed_once

    seed_once(store)
    return [article.id for article in store.articles()]


NEEDS_TERMINAL = (
    "reader needs a terminal; for scripts use reader export, compare, articles, text "
    "(reader --help lists them all)"
)


def run(args: argparse.Namespace) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail("reader", NEEDS_TERMINAL)
        return FAILED
    with opened(args) as store:
        ids = article_ids(store, [Path(p) for p in args.paths])
        # Start-up allocates many long-lived objects (Textual's classes, styles, the
        # wrapped rows): collecting them over and over costs a tenth of the start-up.
        # The app turns the collector back on once the first screen is drawn.
        gc.disable()
        from tui.app import make_app

        gc.freeze()
        make_app(store, ids).run()
    return OK


__all__ = ["article_ids", "configure", "default_db_path", "run"]
