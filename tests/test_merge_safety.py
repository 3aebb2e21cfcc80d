"""Another database is only read: never written, nothing of its own run, and one that
is not a reader database of this version is refused with one line."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from store import Store, StoreError, open_store
from store.db.seeds import seed_once
from store.formats.merge import merge_database


def _other(tmp_path: Path) -> Path:
    path = tmp_path / "colleague.db"
    other = open_store(path)
    seed_once(other)
    other.toggle_tag(1, 0, 20, "quote")
    other.close()
    return path


def _tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_a_table_replaced_by_a_view_is_refused(store: Store, tmp_path: Path) -> None:
    path = _other(tmp_path)
    _tamper(
        path,
        "ALTER TABLE annotation_tags RENAME TO kept",
        "CREATE VIEW annotation_tags AS SELECT * FROM kept",
    )
    with pytest.raises(StoreError, match="annotation_tags is a view"):
        merge_database(store, path)


def test_a_database_from_a_newer_reader_is_refused(store: Store, tmp_path: Path) -> None:
    path = _other(tmp_path)
    _tamper(
        path,
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('reader', 'm999_future', '2030-01-01')",
    )
    with pytest.raises(StoreError, match="made by a newer reader"):
        merge_database(store, path)
    with pytest.raises(StoreError, match="made by a newer reader"):
        open_store(path)


def test_its_own_triggers_never_run_and_the_file_is_not_written(
    store: Store, tmp_path: Path
) -> None:
    path = _other(tmp_path)
    _tamper(
        path,
        "CREATE TABLE evidence (what TEXT)",
        "CREATE TRIGGER planted AFTER INSERT ON annotations BEGIN"
        " INSERT INTO evidence VALUES ('ran'); END",
        "CREATE TRIGGER planted_read BEFORE DELETE ON tags BEGIN"
        " INSERT INTO evidence VALUES ('ran'); END",
    )
    before = path.read_bytes()
    report = merge_database(store, path)
    assert report.added == 1
    assert path.read_bytes() == before
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM evidence").fetchone()[0] == 0
    conn.close()
    assert not {row[0] for row in store.conn.execute("SELECT name FROM sqlite_master")} & {
        "evidence",
        "planted",
    }


def test_a_file_that_is_not_a_database_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)
    with pytest.raises(StoreError, match=r"notes\.db"):
        merge_database(store, path)
