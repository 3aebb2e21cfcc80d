"""``reader [PATH...]``: the app, on the given files or the articles in the database.

The story opened comes back as it was left (its columns, focus, zoom, sync-scroll and
each column's place: ``tui.workspace``); ``--fresh`` starts from the default instead.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from store import IngestError, Store
from tui import __version__
from tui.cli.adding import add_sources, target_story
from tui.cli.common import FAILED, OK, add_db_option, default_db_path, fail, opened
from tui.cli.stories import named_story

if TYPE_CHECKING:
    from tui.app import ReaderApp


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
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="start with the default workspace (every article of the story from its start), "
        "not as the story was left",
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
        app = app_over(store, ids, given=bool(args.paths), fresh=args.fresh)
        gc.freeze()
        app.run()
    return OK


def app_over(
    store: Store, ids: list[int], *, given: bool = False, fresh: bool = False
) -> ReaderApp:
    """The app on ``ids`` (``article_ids``' answer) as ``reader`` runs it: the story
    opened comes back as it was left, its columns too unless sources were ``given`` on
    the command line (then those, each at the place it was left); ``fresh``: neither."""
    from tui.app import make_app

    story = store.opened_story()
    return make_app(
        store, ids, story_id=story.id if story else None, restore_columns=not given, fresh=fresh
    )


__all__ = ["app_over", "article_ids", "configure", "default_db_path", "run"]
