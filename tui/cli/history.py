"""``reader history``: the undo journal's recent actions, and clearing it (the journal
keeps the text of deleted notes and passages so that undo can bring them back)."""

from __future__ import annotations

import argparse
import sys

from store import StoreError
from tui.cli.common import OK, Subcommand, add_db_option, opened


def _history_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-n", type=int, default=20, metavar="N", help="how many (default 20)")
    parser.add_argument(
        "--clear",
        action="store_true",
        help="drop every undo entry and the deleted text they keep (asks first)",
    )
    parser.add_argument("--yes", action="store_true", help="clear without asking")
    add_db_option(parser)


def _history(args: argparse.Namespace) -> int:
    with opened(args) as store:
        if not args.clear:
            for entry in store.history(args.n):
                state = "undone" if entry.undone else "done"
                sys.stdout.write(
                    f"{entry.seq}\t{entry.created}\t{state}\t{entry.rows} rows\t"
                    f"{entry.description}\n"
                )
            return OK
        count = store.history_size()
        if not args.yes:
            if not sys.stdin.isatty():
                raise StoreError("--clear needs --yes when not asked on a terminal")
            answer = input(
                f"Clear the {count} actions of the undo journal? They can no longer be "
                "undone, and the text they keep of deleted notes goes. [y/N] "
            )
            if answer.strip().lower() not in ("y", "yes"):
                print("nothing cleared")
                return OK
        cleared = store.clear_history()
    print(f"cleared {cleared} actions from the undo journal")
    return OK


COMMANDS = (
    Subcommand(
        "history",
        "list the recent undoable actions; --clear drops them and what they keep",
        _history_arguments,
        _history,
        "List the undo journal's latest actions (number, time, done or undone, rows "
        "changed, what). The journal keeps the text of deleted notes and passages so "
        "that undo can bring them back; --clear drops every entry and rewrites the "
        "database without that text (asks first; --yes does not). Entries beyond "
        "journal.keep_actions or older than journal.keep_days go by themselves "
        "(reader config).",
    ),
)
