"""Migrations: each step frozen as released, and old databases brought up to date."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

import store.db.migrations as migrations_module
from store import Store, open_store
from store.db import schema
from store.db.schema import LINK_KINDS, ROLES


@pytest.fixture
def reloaded_migrations(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The migrations module imported again under patched constants, then restored."""
    yield
    monkeypatch.undo()
    importlib.reload(migrations_module)


def test_every_link_kind_is_accepted_by_the_database(store: Store) -> None:
    """A kind added to LINK_KINDS needs a migration that lets SQLite accept it too."""
    store.conn.execute(
        "INSERT INTO articles (title, text, content_hash, added) VALUES ('t', 'ab', 'h', '')"
    )
    for end in ("a", "b"):
        store.conn.execute(
            "INSERT INTO annotations (id, article_id, start, end, exact, created, updated)"
            " VALUES (?, 1, 0, 1, 'a', '', '')",
            (end,),
        )
    for number, kind in enumerate(LINK_KINDS):
        store.conn.execute(
            "INSERT INTO links (id, source_id, target_id, kind, created)"
            " VALUES (?, 'a', 'b', ?, '')",
            (f"l{number}", kind),
        )


def test_the_first_migration_does_not_follow_live_constants(
    monkeypatch: pytest.MonkeyPatch, reloaded_migrations: None
) -> None:
    """Changing a constant must not change what m001 makes (old databases have m001's)."""
    monkeypatch.setattr(schema, "LINK_KINDS", (*LINK_KINDS, "rebuts"))
    monkeypatch.setattr(schema, "DEFAULT_TAGS", (*schema.DEFAULT_TAGS, ("new", 6, "#000000", "")))
    fresh = importlib.reload(migrations_module)
    db = Database(memory=True)
    fresh.migrations.apply(db, stop_before="m002_article_length_and_source_hash")
    links_sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'links'").fetchone()[0]
    assert "rebuts" not in links_sql
    assert [row[0] for row in db.execute("SELECT name FROM tags ORDER BY id")] == [
        "quote", "contradiction", "claim", "question", "attribution",
    ]  # fmt: skip


def _database_before(path: Path, step: str) -> Database:
    db = Database(path)
    migrations_module.migrations.apply(db, stop_before=step)
    return db


def test_upgrade_gives_tags_their_roles_even_renamed(tmp_path: Path) -> None:
    db = _database_before(tmp_path / "old.db", "m007_tag_roles_and_words")
    db.execute("UPDATE tags SET name = 'conflict' WHERE name = 'contradiction'")
    db.conn.commit()
    db.close()
    store = open_store(tmp_path / "old.db")
    assert {role: tag.name for role in ROLES if (tag := store.tag_with_role(role))} == {
        "quote": "quote",
        "contradiction": "conflict",
    }
    store.close()


def test_upgrade_counts_the_words_of_existing_articles(tmp_path: Path) -> None:
    db = _database_before(tmp_path / "old.db", "m007_tag_roles_and_words")
    db["articles"].insert(
        {"title": "Old", "text": "Jürgen Müller didn't say it.", "content_hash": "h", "added": ""}
    )
    db.close()
    store = open_store(tmp_path / "old.db")
    (article,) = store.articles()
    assert article.words == 5
    store.close()
