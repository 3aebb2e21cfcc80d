"""Who made what: every annotation and link records its creator (``reader config
user.name``, else the login name), kept by export, import and merge; the settings;
the undo journal's history, retention and clearing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_export import annotate, run

from store import Store, StoreError, open_store
from store.db.migrations import migrations
from store.db.seeds import seed_once
from store.formats.merge import merge_database


def test_annotations_and_links_record_their_creator(seeded: Store) -> None:
    assert seeded.user == "tester"  # the login name (conftest) until one is set
    one = seeded.create_annotation(1, 0, 10, tags=["quote"])
    seeded.set_setting("user.name", "  Ada   Lovelace ")
    assert seeded.user == "Ada Lovelace" and seeded.setting("user.name") == "Ada Lovelace"
    two = seeded.create_annotation(2, 0, 10)
    link = seeded.add_link(one.id, two.id, "contradicts")
    assert (one.creator, two.creator, link.creator) == ("tester", "Ada Lovelace", "Ada Lovelace")
    assert seeded.annotation(one.id).creator == "tester"
    seeded.set_setting("user.name", None)
    assert seeded.user == "tester" and seeded.setting("user.name") is None


def test_the_user_name_is_read_from_the_database_when_opened(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    store = open_store(db)
    store.set_setting("user.name", "Grace")
    store.close()
    again = open_store(db)
    assert again.user == "Grace"
    seed_once(again)
    assert again.create_annotation(1, 0, 5).creator == "Grace"


def test_settings_are_checked(store: Store) -> None:
    with pytest.raises(StoreError, match="no setting 'colour'"):
        store.set_setting("colour", "red")
    with pytest.raises(StoreError, match="whole number"):
        store.set_setting("journal.keep_actions", "many")
    with pytest.raises(StoreError, match="cannot be empty"):
        store.set_setting("user.name", "   ")
    assert store.settings() == {
        "user.name": None, "journal.keep_actions": None, "journal.keep_days": None,
    }  # fmt: skip


def test_existing_rows_get_an_unknown_creator(tmp_path: Path) -> None:
    from sqlite_utils import Database

    db = Database(tmp_path / "old.db")
    migrations.apply(db, stop_before="m012_creators")
    db["articles"].insert({"title": "t", "text": "Some text.", "content_hash": "h", "added": ""})
    for ident in ("a", "b"):
        db["annotations"].insert(
            {"id": ident, "article_id": 1, "start": 0, "end": 4, "exact": "Some",
             "created": "2017-01-01T00:00:00.000+00:00", "updated": "2017-01-01T00:00:00.000+00:00"}
        )  # fmt: skip
    db.execute(
        "INSERT INTO links (id, source_id, target_id, kind, created)"
        " VALUES ('l', 'a', 'b', 'other', '')"
    )
    db.conn.commit()
    db.close()
    store = open_store(tmp_path / "old.db")
    assert [a.creator for a in store.find_annotations()] == ["", ""]
    assert store.link("l").creator == ""
    columns = {row[1] for row in store.conn.execute("PRAGMA table_info(passages)")}
    assert {"creator", "tags"} <= columns


def test_merge_keeps_each_creator(tmp_path: Path) -> None:
    theirs = open_store(tmp_path / "theirs.db")
    seed_once(theirs)
    theirs.user = "colleague"
    annotate(theirs)
    theirs.close()
    mine = open_store(tmp_path / "mine.db")
    mine.user = "me"
    merge_database(mine, tmp_path / "theirs.db")
    assert {a.creator for a in mine.find_annotations()} == {"colleague"}
    assert {link.creator for link in mine.links_between([a.id for a in mine.articles()])} == {
        "colleague"
    }


def test_the_journal_keeps_the_last_actions_only(seeded: Store) -> None:
    seeded.set_setting("journal.keep_actions", "3")
    made = [seeded.create_annotation(1, n, n + 5, note=f"note {n}") for n in range(6)]
    assert [entry.description for entry in seeded.history()] == ["mark passage"] * 3
    seeded.delete_annotation(made[0].id)
    assert seeded.history_size() == 3
    assert seeded.undo() == "delete annotation"


def test_the_journal_drops_old_actions(seeded: Store) -> None:
    seeded.create_annotation(1, 0, 5)
    seeded.conn.execute("UPDATE journal SET created = '2001-01-01T00:00:00.000+00:00'")
    seeded.conn.commit()
    seeded.create_annotation(1, 10, 15)
    assert seeded.history_size() == 1


def test_clearing_the_journal_wipes_deleted_text_from_the_file(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    store = open_store(db)
    seed_once(store)
    secret = "the source's home address is 12 Secret Lane"
    made = store.create_annotation(1, 0, 10, note=secret)
    store.delete_annotation(made.id)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert secret.encode() in db.read_bytes()
    assert store.clear_history() == 2
    assert store.undo() is None
    assert secret.encode() not in db.read_bytes()
    store.close()


def test_cli_config_and_history(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    assert run("config", "user.name", "Ada", "--db", db).returncode == 0
    listed = run("config", "--db", db)
    assert listed.returncode == 0 and "user.name\tAda\t" in listed.stdout
    assert "journal.keep_days\t(not set: 90)" in listed.stdout
    assert run("config", "user.name", "--db", db).stdout == "Ada\n"
    bad = run("config", "nope", "x", "--db", db)
    assert bad.returncode == 1 and "no setting 'nope'" in bad.stderr
    store = open_store(db)
    seed_once(store)
    store.create_annotation(1, 0, 10, note="private")
    store.close()
    history = run("history", "--db", db)
    assert history.returncode == 0 and "\tdone\t1 rows\tmark passage" in history.stdout
    refused = run("history", "--clear", "--db", db)  # no terminal, no --yes
    assert refused.returncode == 1 and "--yes" in refused.stderr
    cleared = run("history", "--clear", "--yes", "--db", db)
    assert cleared.returncode == 0 and "cleared 1 actions" in cleared.stdout
    assert run("history", "--db", db).stdout == ""
    assert sqlite3.connect(db).execute("SELECT count(*) FROM journal").fetchone() == (0,)
