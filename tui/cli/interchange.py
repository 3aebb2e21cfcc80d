"""``reader export``, ``reader import`` and ``reader merge``: annotations out and in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.common import OK, Subcommand, add_db_option, opened

if TYPE_CHECKING:
    from store.formats.importing import Report


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    parser.add_argument(
        "--format",
        choices=("markdown", "json", "csv", "hypothesis", "csl"),
        help="default: from the -o file's suffix (.json, .csv), else markdown; hypothesis: "
        "what Hypothesis' API takes (links are listed on stderr); csl: the sources as "
        "CSL-JSON for Zotero and pandoc",
    )
    parser.add_argument("--tag", action="append", default=[], help="only passages with this tag")
    parser.add_argument("--article", action="append", type=int, default=[], help="only this id")
    parser.add_argument("--story", metavar="NAME", help="only this story's articles")
    parser.add_argument("--by", choices=("article", "tag"), default="article")
    parser.add_argument("-o", "--output", type=Path, help="write to this file (atomically)")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.add_argument(
        "--csv-raw",
        action="store_true",
        help="CSV cells exactly as written, even those a spreadsheet would run as a formula "
        "(by default they get a leading ')",
    )
    parser.add_argument(
        "--excel", action="store_true", help="start the CSV with a BOM, for Excel on Windows"
    )


def _export(args: argparse.Namespace) -> int:
    from store.formats.atomic import write_atomically
    from store.formats.export import export, format_of
    from store.formats.selection import Selection

    format = args.format or (format_of(args.output) if args.output else "markdown")
    with opened(args) as store:
        story_id = None
        if args.story:
            from tui.cli.stories import named_story

            story_id = named_story(store, args.story).id
        selection = Selection(args.tag, args.article, story_id, by=args.by)
        options = {"csv_raw": args.csv_raw, "excel": args.excel}
        if args.output is None:
            left_out = export(store, format, sys.stdout, selection, **options)
        else:
            with write_atomically(args.output, force=args.force) as out:
                left_out = export(store, format, out, selection, **options)
    for line in left_out:
        print(f"  {line}", file=sys.stderr)
    return OK


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument(
        "--article",
        type=int,
        metavar="ID",
        help="attach the annotations whose page or source is not found here to this article "
        "(reader articles lists the ids)",
    )
    add_db_option(parser)


def _import(args: argparse.Namespace) -> int:
    from store.formats.importing import import_json

    with opened(args) as store:
        report = import_json(store, args.file, article_id=args.article)
    return _reported(args.file, report)


def _merge_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("other", type=Path, metavar="OTHER.db")
    add_db_option(parser)


def _merge(args: argparse.Namespace) -> int:
    from store.formats.merge import merge_database

    with opened(args) as store:
        report = merge_database(store, args.other)
    return _reported(args.other, report)


def _reported(source: Path, report: Report) -> int:
    print(f"{source}: {report.summary()}")
    for problem in report.unattached:
        print(f"  not attached: {problem}", file=sys.stderr)
    for problem in report.skipped:
        print(f"  skipped: {problem}", file=sys.stderr)
    return OK


COMMANDS = (
    Subcommand(
        "export",
        "write the annotations as Markdown, W3C JSON, CSV or Hypothesis JSON; the sources as CSL",
        _export_arguments,
        _export,
        "Write the annotations as a Markdown report (default), W3C Web Annotation JSON, "
        "CSV or Hypothesis JSON (for its API), or the sources as CSL-JSON; to standard "
        "output unless -o.",
    ),
    Subcommand(
        "import",
        "add annotations from W3C Web Annotation or Hypothesis JSON",
        _import_arguments,
        _import,
        "Add annotations from W3C Web Annotation JSON (a collection, a page, one annotation, "
        "a list) or Hypothesis JSON (a search response, the client's export file, one "
        "annotation or its JSON-LD). Importing the same file twice adds nothing; what "
        "cannot be attached is listed.",
    ),
    Subcommand(
        "merge",
        "add another reader database's articles, tags, annotations and links",
        _merge_arguments,
        _merge,
        "Add another reader database's articles, tags, annotations and links (a colleague's "
        "work) to yours; it is only read. Merging twice adds nothing.",
    ),
)
