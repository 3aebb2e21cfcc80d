"""``reader config``: the settings kept in the database (who you are, how far back
undo reaches)."""

from __future__ import annotations

import argparse
import sys

from tui.cli.common import OK, Subcommand, add_db_option, opened


def _config_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("key", nargs="?", help="a setting (reader config lists them)")
    parser.add_argument("value", nargs="?", help="its new value")
    parser.add_argument("--unset", action="store_true", help="back to the setting's default")
    add_db_option(parser)


def _config(args: argparse.Namespace) -> int:
    from store.db.settings import SETTINGS

    with opened(args) as store:
        if args.key is None:
            for key, value in store.settings().items():
                setting = SETTINGS[key]
                shown = value if value is not None else f"(not set: {setting.default})"
                sys.stdout.write(f"{key}\t{shown}\t{setting.help}\n")
        elif args.unset or args.value is not None:
            store.set_setting(args.key, None if args.unset else args.value)
        else:
            value = store.setting(args.key)
            sys.stdout.write(f"{value if value is not None else SETTINGS[args.key].default}\n")
    return OK


COMMANDS = (
    Subcommand(
        "config",
        "list or change the settings: user.name, how far back undo reaches",
        _config_arguments,
        _config,
        "With no KEY, list the settings (key, value, what it does); with KEY, print its "
        "value; with KEY VALUE, set it (in the database). user.name is recorded as the "
        "creator of every annotation and link you make (default: your login name).",
    ),
)
