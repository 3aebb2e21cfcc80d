"""The ``reader`` command: the app with no subcommand, else one of ``SUBCOMMANDS``.

``reader [PATH...]`` opens the app; ``reader NAME ...`` runs a subcommand, each
with its own ``--help``. Every subcommand reports an error the user can act on as
one line on stderr with exit status 1 (usage errors: argparse's, status 2), never
a traceback. Textual is imported only once the app is about to start, so
``--help``, ``--version``, the subcommands and errors answer at once.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tui.cli import (
    adding,
    comparing,
    config,
    history,
    interchange,
    library,
    opening,
    stories,
    versions,
)
from tui.cli.common import DB_ENV, Subcommand, default_db_path, guarded
from tui.cli.opening import article_ids

SUBCOMMANDS: dict[str, Subcommand] = {
    command.name: command
    for module in (adding, library, stories, interchange, comparing, versions, history, config)
    for command in module.COMMANDS
}
"""``reader NAME ...`` runs these; any other first argument is a file to open.
A file named like a subcommand opens as ``reader ./NAME``."""


def build_parser() -> argparse.ArgumentParser:
    """The app's parser; its help lists every subcommand with its line."""
    width = max(map(len, SUBCOMMANDS))
    listed = "\n".join(
        f"  {name.ljust(width)}  {command.summary}" for name, command in SUBCOMMANDS.items()
    )
    parser = argparse.ArgumentParser(
        prog="reader",
        usage="reader [PATH ...] [--db PATH]\n       reader COMMAND [--help] ...",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Read news articles about one event side by side, mark passages, link them\n"
            "across articles. With no PATH, opens the articles in the database (the bundled\n"
            "seed articles on the first run)."
        ),
        epilog=f"commands (each with --help):\n{listed}\n\n"
        f"The database defaults to {default_db_path()}\n(override with --db or ${DB_ENV}).",
    )
    opening.configure(parser)
    return parser


def subcommand_parser(command: Subcommand) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"reader {command.name}", description=command.description)
    command.configure(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        command = SUBCOMMANDS[argv[0]]
        return command.run(subcommand_parser(command).parse_args(argv[1:]))
    return guarded("reader", opening.run)(build_parser().parse_args(argv))


__all__ = ["SUBCOMMANDS", "article_ids", "build_parser", "default_db_path", "main"]
