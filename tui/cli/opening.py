"""``reader [PATH...]``: the app, on the given files or the articles in the database."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from store import IngestError, Store
from tui import __version__
from tui.cli.adding import add_sources, target_story
from tui.cli.common import FAILED, OK, add_db_option, default_db_path, fail, opened
from tui.cli.stories import named_story


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="SOURCE",
        help="articles to open: URLs, saved pages, Markdown or text files (added to the "
        "story opened last, or to --story; reader add says more)",
    )
    add_db_option(parser)
    parser.add_argument(
        "--story", metavar="NAME", help="open this story (default: the one opened last)"
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")


def article_ids(
    store: Store, sources: Sequence[str | Path], story_name: str | None = None
) -> list[int]:
    """The articles to show: the given sources (read or fetched if new, and added to
    the story), else the story's: ``story_name``, else the one opened last (on the
    first run, the bundled seeds'). The story shown is remembered as opened.

    Raises an IngestError for the first source that failed, the others said on stderr.
    """
    if sources:
        story = target_story(store, story_name)
        added = add_sources(store, [str(source) for source in sources], story)
        if added.failed:
            for problem in added.failed[1:]:
                fail("reader", problem)
            raise IngestError(added.failed[0])
        store.open_story(story.id)
        return added.ids
    from store.db.seeds import seed_once

    seed_once(store)
    shown = named_story(store, story_name) if story_name else store.opened_story()
    if shown is None:
        return []
    store.open_story(shown.id)
    return store.story_article_ids(shown.id)


NEEDS_TERMINAL = (
    "reader needs a terminal; for scripts use reader export, compare, articles, text "
    "(reader --help lists them all)"
)


def run(args: argparse.Namespace) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail("reader", NEEDS_TERMINAL)
        return FAILED
    with opened(args) as store:
        if "-" in args.paths:
            fail("reader", "- (standard input) cannot be opened in the app: reader add - first")
            return FAILED
        ids = article_ids(store, args.paths, args.story)
        # Start-up allocates many long-lived objects (Textual's classes, styles, the
        # wrapped rows): collecting them over and over costs a tenth of the start-up.
        # The app turns the collector back on once the first screen is drawn.
        gc.disable()
        from tui.app import make_app

        gc.freeze()
        make_app(store, ids).run()
    return OK


__all__ = ["article_ids", "configure", "default_db_path", "run"]
