"""``reader merge OTHER.db``: a colleague's articles, tags, annotations and links."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_export import annotate, exported, run

from store import Store, StoreError, open_store
from store.db.seeds import seed_once
from store.formats.merge import merge_database


@pytest.fixture
def theirs(tmp_path: Path) -> Path:
    """A colleague's database: the seeds, annotated, plus a tag of their own."""
    path = tmp_path / "theirs.db"
    store = open_store(path)
    seed_once(store)
    annotate(store)
    article = store.articles()[3]
    store.create_tag("misleading", "#ff0000", 6)
    store.create_annotation(article.id, 10, 40, tags=["misleading"], note="their note")
    store.close()
    return path


def test_merge_brings_articles_annotations_links_and_tags(theirs: Path, tmp_path: Path) -> None:
    mine = open_store(tmp_path / "mine.db")
    report = merge_database(mine, theirs)
    assert (report.articles, report.added, report.links, report.unattached) == (5, 4, 3, [])
    other = open_store(theirs)
    assert exported(mine, "json") == exported(other, "json")
    tag = next(t for t in mine.tags() if t.name == "misleading")
    assert (tag.colour, tag.key) == ("#ff0000", 6)
    again = merge_database(mine, theirs)
    assert (again.articles, again.added, again.already, again.links) == (0, 0, 4, 0)
    assert exported(mine, "json") == exported(other, "json")
    assert mine.undo() == "merge theirs.db"
    assert mine.find_annotations() == [] and len(mine.articles()) == 5


def test_merge_keeps_my_work_and_my_digits(theirs: Path, tmp_path: Path) -> None:
    mine = open_store(tmp_path / "mine.db")
    seed_once(mine)
    mine.create_tag("mine", "#00ff00", 6)
    article = mine.articles()[0]
    kept = mine.create_annotation(article.id, 0, 12, tags=["mine"])
    report = merge_database(mine, theirs)
    assert (report.articles, report.added) == (0, 4)
    assert mine.annotation(kept.id).tags == ("mine",)
    keys = {t.name: t.key for t in mine.tags()}
    assert (keys["mine"], keys["misleading"]) == (6, None)


def test_merge_is_one_transaction(theirs: Path, tmp_path: Path) -> None:
    mine = open_store(tmp_path / "mine.db")
    pages = mine.conn.execute("PRAGMA page_count").fetchone()[0]
    mine.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(StoreError, match=r"mine\.db"):
        merge_database(mine, theirs)
    assert mine.articles() == [] and mine.find_annotations() == []


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.write_bytes(b"hello, not a database" * 100), "not a database"),
        (lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.commit(),
         "not a reader database"),
    ],
)  # fmt: skip
def test_merge_refuses_what_is_not_a_reader_database(
    tmp_path: Path, make: object, message: str
) -> None:
    other = tmp_path / "other.db"
    make(other)  # type: ignore[operator]
    mine = open_store(tmp_path / "mine.db")
    with pytest.raises(StoreError, match=f"other.db: .*{message}"):
        merge_database(mine, other)


def test_merge_refuses_the_database_itself(tmp_path: Path) -> None:
    mine = open_store(tmp_path / "mine.db")
    with pytest.raises(StoreError, match="being merged into"):
        merge_database(mine, tmp_path / "mine.db")


def test_cli_merge_reports_what_it_did(theirs: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.db"
    done = run("merge", str(theirs), "--db", str(mine))
    assert done.returncode == 0, done.stderr
    assert "5 articles added; 4 annotations added; 0 already there; 3 links added" in done.stdout
    missing = run("merge", str(tmp_path / "nope.db"), "--db", str(mine))
    assert missing.returncode == 1 and "nope.db: no such file" in missing.stderr
    assert "Traceback" not in missing.stderr
    store: Store = open_store(mine)
    assert len(store.find_annotations()) == 4
