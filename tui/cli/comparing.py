"""``reader compare``: the quotations several articles carry and the discrepancies."""

from __future__ import annotations

import argparse
import json
import sys

from tui.cli.common import OK, Subcommand, add_db_option, opened


def _arguments(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    parser.add_argument("--format", choices=("json", "markdown"), default="json")


def _compare(args: argparse.Namespace) -> int:
    from store.db.comparing import compare
    from store.formats.comparison import to_json, to_markdown

    with opened(args) as store:
        comparison = compare(store)
    if args.format == "json":
        json.dump(to_json(comparison), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(to_markdown(comparison))
    return OK


COMMANDS = (
    Subcommand(
        "compare",
        "print the quotations across articles and the discrepancies between them",
        _arguments,
        _compare,
        "Print the quotations that several articles carry (who said it, the wording, where "
        "each article has it, exact, changed or partial) and the discrepancies between "
        "articles.",
    ),
)
