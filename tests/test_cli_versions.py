"""``reader orphans`` and ``reader diff``, and a file opened again with another text
becoming a new version, through the installed command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from store import open_store

READER = str(Path(sys.executable).parent / "reader")
FIRST = "Bridge\n\nThe mayor said the bridge would open in May.\n\nIt cost 12 million.\n"
SECOND = "Bridge\n\nUpdate: delayed.\n\nThe mayor said the bridge would open in June.\n"


def reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [READER, *args], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )


@pytest.fixture
def versioned(tmp_path: Path) -> Path:
    """A database with an article in two versions, one annotation moved, one orphaned."""
    db = tmp_path / "r.db"
    path = tmp_path / "bridge.txt"
    path.write_text(FIRST, encoding="utf-8")
    store = open_store(db)
    article, _ = store.add_file(path)
    store.create_annotation(article, FIRST.index("The mayor"), FIRST.index(" in May"), ["quote"])
    store.create_annotation(article, FIRST.index("It cost"), FIRST.index(" million"), ["claim"])
    path.write_text(SECOND, encoding="utf-8")
    assert store.add_file_report(path).summary() == (
        "new version of #1: 1 annotation moved, 1 orphaned"
    )
    store.close()
    return db


def test_orphans_lists_each_with_its_version(versioned: Path) -> None:
    result = reader("orphans", "--db", str(versioned))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("#1 v1 of 2: “It cost 12” [claim]\n")


def test_orphans_as_json(versioned: Path) -> None:
    result = reader("orphans", "--db", str(versioned), "--format", "json")
    (orphan,) = json.loads(result.stdout)
    assert (orphan["article"], orphan["version"], orphan["versions"]) == (1, 1, 2)
    assert (orphan["exact"], orphan["tags"], orphan["kept"]) == ("It cost 12", ["claim"], False)
    assert orphan["current_version_id"] == 2


def test_no_orphans(tmp_path: Path) -> None:
    result = reader("orphans", "--db", str(tmp_path / "empty.db"))
    assert result.returncode == 0 and result.stdout.startswith("no orphans")


def test_diff_prints_the_word_diff_and_the_annotations_on_changes(versioned: Path) -> None:
    result = reader("diff", "1", "--db", str(versioned))
    assert result.returncode == 0, result.stderr
    first, *rest = result.stdout.splitlines()
    assert first.startswith("#1 v1 (") and "→ v2 (" in first
    body = "\n".join(rest)
    assert "{+Update: delayed." in body and "[-May" in body and "{+June" in body
    assert "! annotation on a changed passage of v1: “It cost 12”" in body
    assert "! annotation on a changed passage of v2: “The mayor said the bridge would open”" in body
    assert reader("diff", "2", "1", "2", "--db", str(versioned)).stdout == result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("diff", "1", "1", "3"), "reader diff: article #1 has no version 3 (it has 1 to 2)\n"),
        (("diff", "1", "2"), "reader diff: give two version numbers (V1 V2), or none\n"),
        (("diff", "9"), "no article with id 9\n"),
    ],
)
def test_diff_errors_are_one_line(versioned: Path, args: tuple[str, ...], message: str) -> None:
    result = reader(*args, "--db", str(versioned))
    assert result.returncode == 1 and result.stderr.endswith(message)


def test_an_article_with_one_version_has_nothing_to_diff(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Just one version.\n", encoding="utf-8")
    store = open_store(tmp_path / "r.db")
    store.add_file(path)
    store.close()
    result = reader("diff", "1", "--db", str(tmp_path / "r.db"))
    assert result.returncode == 1 and "has one version only" in result.stderr


def test_help_lists_the_new_commands() -> None:
    listing = reader("--help").stdout
    assert "orphans" in listing and "diff" in listing
