"""The installed ``reader`` command: help, version, and errors as one line on stderr."""

from __future__ import annotations

import contextlib
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import tui
from store import open_store

READER = str(Path(sys.executable).parent / "reader")


def run(*args: str, env_db: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home())}
    if env_db is not None:
        env["READER_DB"] = str(env_db)
    return subprocess.run(
        [READER, *args],
        capture_output=True,
        text=True,
        timeout=30,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def run_in_terminal(*args: str, env_db: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``reader ARGS`` with a terminal on stdin and stdout (stderr still captured): how
    a user starts the app, for the errors it must give before drawing anything."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "TERM": "xterm"}
    if env_db is not None:
        env["READER_DB"] = str(env_db)
    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [READER, *args],
            stdin=follower,
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            timeout=30,
            env=env,
        )
        os.set_blocking(leader, False)
        drawn = b""
        with contextlib.suppress(OSError):
            while chunk := os.read(leader, 65536):
                drawn += chunk
        result.stdout = drawn.decode("utf-8", "replace")
        return result
    finally:
        os.close(follower)
        os.close(leader)


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"reader {tui.__version__}"


def test_help_names_the_database_options() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "usage: reader" in result.stdout
    assert "--db" in result.stdout and "READER_DB" in result.stdout


def test_missing_file_is_one_line_on_stderr(tmp_path: Path) -> None:
    result = run_in_terminal("--db", str(tmp_path / "r.db"), str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert result.stderr == f"reader: {tmp_path / 'nope.txt'}: no such file\n"
    assert result.stdout == ""  # nothing was drawn on the terminal


def test_binary_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x00\x01\x02binary")
    result = run_in_terminal("--db", str(tmp_path / "r.db"), str(tmp_path / "image.txt"))
    assert result.returncode == 1
    assert "image.txt: not a text file" in result.stderr
    assert "Traceback" not in result.stderr


def test_corrupt_database_from_environment(tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"garbage" * 1000)
    result = run_in_terminal(env_db=db)
    assert result.returncode == 1
    assert result.stderr.startswith(f"reader: {db}: not a reader database")
    assert db.read_bytes() == b"garbage" * 1000


def test_help_lists_every_subcommand_with_a_line() -> None:
    from tui.cli import SUBCOMMANDS

    result = run("--help")
    for name, command in SUBCOMMANDS.items():
        assert f"  {name} " in result.stdout and command.summary in result.stdout


def test_every_subcommand_has_its_own_help() -> None:
    from tui.cli import SUBCOMMANDS

    for name in SUBCOMMANDS:
        result = run(name, "--help")
        assert result.returncode == 0, name
        assert result.stdout.startswith(f"usage: reader {name}"), name


def test_usage_errors_exit_2_and_say_how(tmp_path: Path) -> None:
    result = run("export", "--format", "pdf", "--db", str(tmp_path / "r.db"))
    assert result.returncode == 2
    assert "usage: reader export" in result.stderr and "invalid choice" in result.stderr


def test_articles_and_text(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    article = tmp_path / "a.txt"
    article.write_text("First line\n\nThe café’s\u00a0text.\n", encoding="utf-8")
    store = open_store(db)
    store.add_file(article)
    store.close()
    listed = run("articles", "--db", db)
    assert listed.returncode == 0
    header, row = listed.stdout.splitlines()
    assert header.split("\t") == [
        "id", "outlet", "title", "published", "source", "words", "annotations",
    ]  # fmt: skip
    assert row.split("\t") == ["1", "", "First line", "", "a.txt", "5", "0"]
    shown = run("text", "1", "--db", db)
    assert shown.returncode == 0
    assert shown.stdout == "First line\n\nThe café’s\u00a0text.\n"


def test_an_unknown_article_is_one_line(tmp_path: Path) -> None:
    result = run("text", "42", "--db", str(tmp_path / "r.db"))
    assert result.returncode == 1
    assert result.stderr == f"reader text: {tmp_path / 'r.db'}: no article with id 42\n"


def test_the_app_without_a_terminal_is_refused_at_once(tmp_path: Path) -> None:
    """``reader </dev/null >/dev/null`` (a pipe, a script, cron) must not run on, drawing
    escape sequences into the pipe: one line, non-zero, and no database made."""
    result = run("--db", str(tmp_path / "r.db"))
    assert result.returncode == 1
    assert result.stderr.startswith("reader: reader needs a terminal; for scripts use")
    assert not (tmp_path / "r.db").exists()


def test_a_db_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "dir"
    result = run("articles", "--db", str(missing / "x.db"))
    assert result.returncode == 1
    assert result.stderr == f"reader articles: no such folder: {missing}; create it first\n"
    assert not missing.exists()


def test_the_default_data_folder_is_created(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "d")}
    result = subprocess.run(
        [READER, "articles"], capture_output=True, text=True, timeout=30, env=env
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "d" / "reader" / "reader.db").is_file()


def test_stories_search_and_export_of_one_story(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    for name, text in (("a.txt", "Alpha event.\n\nThe mayor spoke."), ("b.txt", "Beta event.")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = open_store(db)
    first = store.story_named("First")
    second = store.story_named("Second")
    store.add_to_story(first.id, [store.add_file(tmp_path / "a.txt")[0]])
    store.add_to_story(second.id, [store.add_file(tmp_path / "b.txt")[0]])
    store.toggle_tag(1, 0, 5, "quote")
    store.close()
    listed = run("stories", "--db", db, "--format", "json")
    assert [(s["name"], s["articles"], s["annotations"]) for s in json.loads(listed.stdout)] == [
        ("Second", 1, 0),
        ("First", 1, 1),
    ]
    found = run("search", "mayor", "--db", db)
    assert found.returncode == 0
    assert (
        found.stdout
        == "a.txt: Alpha event. (article 1, text, at 18)\n  Alpha event.  The «mayor» spoke.\n"
    )
    assert run("search", "mayor", "--story", "Second", "--db", db).stdout == ""
    missing = run("search", "mayor", "--story", "Third", "--db", db)
    assert missing.returncode == 1 and "no story named 'Third'" in missing.stderr
    bad = run("search", '"unclosed', "--db", db)
    assert bad.returncode == 1 and bad.stderr.startswith("reader search: cannot search for")
    exported = run("export", "--story", "Second", "--format", "csv", "--db", db)
    assert exported.returncode == 0 and exported.stdout.count("\n") == 1  # the header only
    exported = run("export", "--story", "First", "--format", "csv", "--db", db)
    assert exported.stdout.count("\n") == 2
