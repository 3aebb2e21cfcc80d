"""What every ``reader`` subcommand shares: the database option, opening the store,
and the rule for errors (one line on stderr naming the command, exit status 1;
usage errors are argparse's, exit status 2)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from store import ReaderError, Store, StoreError, open_store

DB_ENV = "READER_DB"
OK, FAILED = 0, 1


def default_db_path() -> Path:
    """``$READER_DB``, else ``reader.db`` in the per-user data directory."""
    if env := os.environ.get(DB_ENV):
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("reader", appauthor=False) / "reader.db"


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help=f"the SQLite database (default: ${DB_ENV}, else reader.db in your user data folder)",
    )


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Store]:
    """The store named by ``--db`` (or the default, its folder made if need be), closed
    at the end. A ``--db`` in a folder that does not exist is refused: a typo should
    not quietly start a new, empty library."""
    path = args.db
    if path is None:
        path = default_db_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"{path.parent}: cannot create the data folder ({err})") from None
    store = open_store(path)
    try:
        yield store
    finally:
        store.close()


Command = Callable[[argparse.Namespace], int]


def guarded(name: str, command: Command) -> Command:
    """``command`` with the errors a user can act on as one line on stderr (status 1),
    and a closed pipe (``reader export | head``) as success."""

    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except ReaderError as err:
            fail(name, str(err))
            return FAILED
        except BrokenPipeError:
            # The reader of the pipe had enough: say nothing more, quietly.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return OK
        except KeyboardInterrupt:
            fail(name, "interrupted")
            return 130

    return run


def fail(name: str, message: str) -> None:
    """One line on stderr: ``reader NAME: message``."""
    prefix = "reader" if name == "reader" else f"reader {name}"
    print(f"{prefix}: {message}", file=sys.stderr)


class Subcommand:
    """One ``reader NAME``: its one-line help, its arguments, and what it runs."""

    def __init__(
        self,
        name: str,
        summary: str,
        configure: Callable[[argparse.ArgumentParser], None],
        run: Command,
        description: str = "",
    ) -> None:
        self.name = name
        self.summary = summary
        self.configure = configure
        self.run = guarded(name, run)
        self.description = description or summary
