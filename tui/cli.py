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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from store import ReaderError, Store, open_store
from tui import __version__

if TYPE_CHECKING:
    from store.formats.importing import Report

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
        epilog=f"The database defaults to {default_db_path()} (override with --db or ${DB_ENV}). "
        "Also: reader export, import, merge and compare (each with --help).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="plain-text articles to open")
    parser.add_argument("--db", type=Path, help="the SQLite database to use")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def article_ids(store: Store, paths: Sequence[Path]) -> list[int]:
    """The articles to show: the given files (imported if new), else every article."""
    if paths:
        return [store.add_file(path)[0] for path in paths]
    from store.db.seeds import seed_once

    seed_once(store)
    return [article.id for article in store.articles()]


def export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader export",
        description="Write the annotations as a Markdown report (default), "
        "W3C Web Annotation JSON or CSV; to standard output unless -o.",
    )
    parser.add_argument("--db", type=Path, help="the SQLite database to read")
    parser.add_argument(
        "--format",
        choices=("markdown", "json", "csv"),
        help="default: from the -o file's suffix (.json, .csv), else markdown",
    )
    parser.add_argument("--tag", action="append", default=[], help="only passages with this tag")
    parser.add_argument("--article", action="append", type=int, default=[], help="only this id")
    parser.add_argument("--by", choices=("article", "tag"), default="article")
    parser.add_argument("-o", "--output", type=Path, help="write to this file (atomically)")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    return parser


def export_command(argv: Sequence[str]) -> int:
    from store.formats.atomic import write_atomically
    from store.formats.export import export, format_of
    from store.formats.selection import Selection

    args = export_parser().parse_args(argv)
    if args.format is None:
        args.format = format_of(args.output) if args.output else "markdown"
    selection = Selection(tags=args.tag, article_ids=args.article, by=args.by)
    try:
        store = open_store(args.db or default_db_path())
        try:
            if args.output is None:
                export(store, args.format, sys.stdout, selection)
            else:
                with write_atomically(args.output, force=args.force) as out:
                    export(store, args.format, out, selection)
        finally:
            store.close()
    except ReaderError as err:
        print(f"reader export: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0  # `reader export | head`: the reader of the pipe had enough
    return 0


def import_command(argv: Sequence[str]) -> int:
    from store.formats.importing import import_json

    parser = argparse.ArgumentParser(
        prog="reader import",
        description="Add annotations from W3C Web Annotation JSON (reader's own export or "
        "Hypothesis'). Importing the same file twice adds nothing.",
    )
    parser.add_argument("file", type=Path)
    parser.add_argument("--db", type=Path, help="the SQLite database to add to")
    args = parser.parse_args(argv)
    return _bring_in("import", import_json, args.file, args.db)


def merge_command(argv: Sequence[str]) -> int:
    from store.formats.merge import merge_database

    parser = argparse.ArgumentParser(
        prog="reader merge",
        description="Add another reader database's articles, tags, annotations and links "
        "(a colleague's work) to yours; it is only read. Merging twice adds nothing.",
    )
    parser.add_argument("other", type=Path, metavar="OTHER.db")
    parser.add_argument("--db", type=Path, help="the SQLite database to add to")
    args = parser.parse_args(argv)
    return _bring_in("merge", merge_database, args.other, args.db)


def _bring_in(
    verb: str, action: Callable[[Store, Path], Report], source: Path, db: Path | None
) -> int:
    """Run an import or merge into the database; print its report."""
    try:
        store = open_store(db or default_db_path())
        try:
            report = action(store, source)
        finally:
            store.close()
    except ReaderError as err:
        print(f"reader {verb}: {err}", file=sys.stderr)
        return 1
    print(f"{source}: {report.summary()}")
    for problem in report.unattached:
        print(f"  not attached: {problem}", file=sys.stderr)
    return 0


def compare_command(argv: Sequence[str]) -> int:
    import json

    from store.db.comparing import compare
    from store.formats.comparison import to_json, to_markdown

    parser = argparse.ArgumentParser(
        prog="reader compare",
        description="Print the quotations that several articles carry (who said it, the "
        "wording, where each article has it, exact, changed or partial) and the "
        "discrepancies between articles.",
    )
    parser.add_argument("--db", type=Path, help="the SQLite database to read")
    parser.add_argument("--format", choices=("json", "markdown"), default="json")
    args = parser.parse_args(argv)
    try:
        store = open_store(args.db or default_db_path())
        try:
            comparison = compare(store)
        finally:
            store.close()
        if args.format == "json":
            json.dump(to_json(comparison), sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            sys.stdout.write(to_markdown(comparison))
    except ReaderError as err:
        print(f"reader compare: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    return 0


COMMANDS = {
    "export": export_command,
    "import": import_command,
    "merge": merge_command,
    "compare": compare_command,
}
"""``reader NAME ...`` runs these; any other first argument is a file to read."""


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        return COMMANDS[argv[0]](argv[1:])
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
