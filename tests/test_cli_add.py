"""``reader add``: URLs from a local server, saved pages, Markdown, text in other
encodings and standard input, each one line; a source that fails is one line too."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.page_server import PageServer, page_keys
from store import open_store

READER = str(Path(sys.executable).parent / "reader")


def add(db: Path, *sources: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [READER, "add", "--db", str(db), *sources],
        input=stdin.decode("latin-1") if stdin else "",
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(db.parent)},
    )


@pytest.fixture(scope="module")
def server() -> Iterator[PageServer]:
    with PageServer() as running:
        running.add_pages()
        running.add("/missing", b"<html>gone</html>", status=404)
        yield running


def test_two_pages_by_url_and_a_missing_one(server: PageServer, tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    first, second = page_keys()[:2]
    result = add(
        db, server.url(f"/page/{first}"), server.url("/missing"), server.url(f"/page/{second}")
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["1", "2"]
    assert all(len(line.split("\t")) == 3 and line.split("\t")[2] for line in lines)
    assert result.stderr.strip().endswith("/missing: 404 Not Found")
    assert result.stderr.count("\n") == 1
    store = open_store(db)
    (story,) = store.stories()
    assert store.story_article_ids(story.id) == [1, 2]
    assert all(a.url.startswith("http") and a.outlet for a in store.articles())
    store.close()
    again = add(db, server.url(f"/page/{first}"))
    assert again.returncode == 0
    assert again.stdout.startswith("1\t")
    assert "already in the library as #1" in again.stderr


def test_files_of_every_kind_and_standard_input(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    (tmp_path / "notes.md").write_text(
        "---\ntitle: Field notes\nauthor: Ana Ruiz\ndate: 2017-03-02\n---\n"
        "# Heading\n\nSome *words*.\n",
        encoding="utf-8",
    )
    (tmp_path / "old.txt").write_bytes("Caf\u00e9 \u201cquoted\u201d.\n".encode("cp1252"))
    result = add(
        db, str(tmp_path / "notes.md"), str(tmp_path / "old.txt"), "-", "--story", "Notes",
        stdin=b"Typed on standard input.\n",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert [line.split("\t")[2] for line in result.stdout.splitlines()] == [
        "Field notes", "Caf\u00e9 \u201cquoted\u201d.", "Typed on standard input.",
    ]  # fmt: skip
    assert "old.txt: read as cp1252" in result.stderr
    store = open_store(db)
    notes = store.article(1)
    assert (notes.author, notes.published) == ("Ana Ruiz", "2017-03-02")
    assert store.article_text(
        1
    ) == "Heading\n\nSome words.\n" or "Some words." in store.article_text(1)
    assert [s.name for s in store.stories()] == ["Notes"]
    store.close()


def test_a_source_that_is_not_text_fails_and_the_rest_are_added(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "good.txt").write_text("Good text.\n", encoding="utf-8")
    result = add(
        db, str(tmp_path / "image.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "good.txt")
    )
    assert result.returncode == 1
    assert result.stdout == "1\t\tGood text.\n"
    problems = result.stderr.splitlines()
    assert len(problems) == 2 and "Traceback" not in result.stderr
    assert problems[0].startswith("reader add: ") and "image.txt: not a text file" in problems[0]
    assert problems[1] == f"reader add: {tmp_path / 'nope.txt'}: no such file"


def test_adding_a_changed_file_again_makes_a_new_version(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    page = tmp_path / "story.txt"
    page.write_text("Headline\n\nThe mayor said it was fine.\n\nMore later.\n", encoding="utf-8")
    assert add(db, str(page)).returncode == 0
    store = open_store(db)
    annotation = store.create_annotation(1, 10, 37, tags=["quote"])
    assert annotation.exact == "The mayor said it was fine."
    store.close()
    page.write_text(
        "Headline (updated)\n\nUpdate: new facts.\n\nThe mayor said it was fine.\n\nMore later.\n",
        encoding="utf-8",
    )
    again = add(db, str(page))
    assert again.returncode == 0, again.stderr
    assert "new version of #1: 1 annotation moved, 0 orphaned" in again.stderr
    store = open_store(db)
    moved = store.annotation(annotation.id)
    assert store.article_text(moved.article_id)[moved.start : moved.end] == annotation.exact
    store.close()
