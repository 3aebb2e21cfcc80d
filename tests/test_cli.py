"""The installed ``reader`` command: help, version, and errors as one line on stderr."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import tui

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
    result = run("--db", str(tmp_path / "r.db"), str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert result.stderr == f"reader: {tmp_path / 'nope.txt'}: no such file\n"
    assert result.stdout == ""


def test_binary_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x00\x01\x02binary")
    result = run("--db", str(tmp_path / "r.db"), str(tmp_path / "image.txt"))
    assert result.returncode == 1
    assert "image.txt: not a text file" in result.stderr
    assert "Traceback" not in result.stderr


def test_corrupt_database_from_environment(tmp_path: Path) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(b"garbage" * 1000)
    result = run(env_db=db)
    assert result.returncode == 1
    assert result.stderr.startswith(f"reader: {db}: not a reader database")
    assert db.read_bytes() == b"garbage" * 1000
