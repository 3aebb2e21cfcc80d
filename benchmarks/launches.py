"""Launch benchmarks: how long reader takes to show its first screen, against hello_app.

Each benchmark times reader and the hello-world baseline in alternating pairs on a
real pseudo-terminal and reports the ratio of their median launch times, so the
figure means much the same on a fast and a slow machine. Every benchmark works in
its own temporary directory, which is also the XDG config/data/state/cache home
and the bytecode cache, so a run never reads or writes the user's own files.
"""

from __future__ import annotations

import itertools
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.compare import Command, compare_launches, fixed
from benchmarks.corpus import make_big_article, opening_words
from benchmarks.registry import BenchmarkError, Measurement, Options, benchmark

HELLO_APP = Path(__file__).resolve().with_name("hello_app.py")
HELLO_MARKER = "Hello, world"
SEED_MARKER = "Watch CBS News"
"""An outlet heading on reader's first screen once the seeds are imported."""
BIG_MEGABYTES = 5


def reader_script() -> Path:
    """The ``reader`` console script of the Python running the benchmarks."""
    script = Path(sys.executable).parent / "reader"
    if not script.is_file():
        raise BenchmarkError(f"the reader console script is missing: {script} (pip install -e .)")
    return script


def hello_command(env: dict[str, str]) -> Command:
    return Command("hello", [sys.executable, str(HELLO_APP)], HELLO_MARKER, env)


def reader_command(db: Path, *files: Path, marker: str, env: dict[str, str]) -> Command:
    argv = [str(reader_script()), "--db", str(db), *map(str, files)]
    return Command("reader", argv, marker, env)


def isolated_env(root: Path) -> dict[str, str]:
    """XDG base directories and the bytecode cache inside ``root``.

    No run sees the user's configuration or data, and none writes ``__pycache__``
    into the source tree: the warm-up runs compile every module into ``root`` and
    the timed runs load the compiled bytecode, as an installed program would.
    """
    kinds = ("CONFIG", "DATA", "STATE", "CACHE")
    env = {f"XDG_{kind}_HOME": str(root / "xdg" / kind.lower()) for kind in kinds}
    env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
    return env


@contextmanager
def workspace() -> Iterator[Path]:
    """A temporary directory, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        yield Path(tmp)


@benchmark("launch_seeds", budget=1.3)
def launch_seeds(options: Options) -> Measurement:
    """Normal start (seeded database) until "Watch CBS News" shows, over hello_app (ratio)."""
    with workspace() as root:
        env = isolated_env(root)
        # The warm-up run imports the seeds into this database; the timed runs reuse it.
        reader = reader_command(root / "reader.db", marker=SEED_MARKER, env=env)
        return compare_launches(fixed(hello_command(env)), fixed(reader), options).measurement()


@benchmark("launch_first_run", budget=1.5, gating=False)
def launch_first_run(options: Options) -> Measurement:
    """First start (new database, seed import) until "Watch CBS News" shows, over hello_app."""
    with workspace() as root:
        env = isolated_env(root)
        numbers = itertools.count()

        def fresh_database() -> Command:
            return reader_command(root / f"fresh-{next(numbers)}.db", marker=SEED_MARKER, env=env)

        return compare_launches(fixed(hello_command(env)), fresh_database, options).measurement()


@benchmark("launch_big", budget=1.5, aim=1.3)
def launch_big(options: Options) -> Measurement:
    """Start opening a generated 5 MB article until its text shows, over hello_app."""
    with workspace() as root:
        env = isolated_env(root)
        article = make_big_article(root / "big-report.txt", BIG_MEGABYTES)
        # Not the headline (its first line): the column heading shows that before the
        # text is laid out. The warm-up run imports the article; the timed runs reopen it.
        marker = opening_words(article.read_text(encoding="utf-8"))
        reader = reader_command(root / "reader.db", article, marker=marker, env=env)
        return compare_launches(fixed(hello_command(env)), fixed(reader), options).measurement()


@benchmark("launch_big_10k", budget=1.5, aim=1.3)
def launch_big_10k(options: Options) -> Measurement:
    """Start on the 5 MB article carrying 10,000 annotations until its text shows."""
    from benchmarks.inprocess import ANNOTATIONS, add_annotations
    from store import open_store

    with workspace() as root:
        env = isolated_env(root)
        article = make_big_article(root / "big-report.txt", BIG_MEGABYTES)
        store = open_store(root / "reader.db")
        article_id, _ = store.add_file(article)
        add_annotations(store, article_id, ANNOTATIONS)
        store.close()
        marker = opening_words(article.read_text(encoding="utf-8"))
        reader = reader_command(root / "reader.db", article, marker=marker, env=env)
        return compare_launches(fixed(hello_command(env)), fixed(reader), options).measurement()
