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
from tui.cli.stories import named_story

NEW_STORY = "My articles"
"""Where articles opened with no story opened yet go."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="articles to open (added to the story opened last, or to --story)",
    )
    add_db_option(parser)
    parser.add_argument(
        "--story", metavar="NAME", help="open this story (default: the one opened last)"
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")


def article_ids(store: Store, paths: Sequence[Path], story_name: str | None = None) -> list[int]:
    """The articles to show: the given files (imported if new, and added to the story),
    else the story's: ``story_name``, else the one opened last (on the first run, the
    bundled seeds'). The story shown is remembered as opened."""
    if paths:
        ids = [store.add_file(path)[0] for path in paths]
        story = store.story_named(story_name) if story_name else None
        story = story or store.opened_story() or store.story_named(NEW_STORY)
        store.add_to_story(story.id, ids)
        store.open_story(story.id)
        return ids
    from store.db.seeds import seed_once

    seed_once(store)
    story = named_story(store, story_name) if story_name else store.opened_story()
    if story is None:
        return []
    store.open_story(story.id)
    return store.story_article_ids(story.id)


NEEDS_TERMINAL = (
    "reader needs a terminal; for scripts use reader export, compare, articles, text "
    "(reader --help lists them all)"
)


def run(args: argparse.Namespace) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail("reader", NEEDS_TERMINAL)
        return FAILED
    with opened(args) as store:
        ids = article_ids(store, [Path(p) for p in args.paths], args.story)
        # Start-up allocates many long-lived objects (Textual's classes, styles, the
        # wrapped rows): collecting them over and over costs a tenth of the start-up.
        # The app turns the collector back on once the first screen is drawn.
        gc.disable()
        from tui.app import make_app

        gc.freeze()
        make_app(store, ids).run()
    return OK


__all__ = ["article_ids", "configure", "default_db_path", "run"]
