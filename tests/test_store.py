"""The store on an in-memory database: schema, migrations, ingest, dedupe, bad files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from store import IngestError, Store, StoreError, open_store
from store.db.migrations import migrations
from store.db.schema import DEFAULT_TAGS, MIGRATIONS
from store.db.seeds import seed_dir, seed_metadata, seed_once
from store.ingest.files import read_document
from store.text.clean import clean_text


def columns(store: Store, table: str) -> set[str]:
    return {row[1] for row in store.conn.execute(f"PRAGMA table_info({table})")}


def test_schema_has_every_table_and_column(store: Store) -> None:
    assert columns(store, "articles") == {
        "id", "title", "outlet", "author", "published", "url", "file_name",
        "text", "content_hash", "added", "length", "source_hash", "words",
        "version", "version_of",
    }  # fmt: skip
    assert columns(store, "tags") == {"id", "name", "key", "colour", "description", "role"}
    assert columns(store, "annotations") == {
        "id", "article_id", "start", "end", "exact", "prefix", "suffix", "note",
        "created", "updated", "creator", "origin",
    }  # fmt: skip
    assert columns(store, "annotation_tags") == {"annotation_id", "tag_id"}
    assert columns(store, "links") == {
        "id", "source_id", "target_id", "kind", "note", "created", "creator",
    }  # fmt: skip


def test_default_tags_have_digit_keys(store: Store) -> None:
    assert [(t.name, t.key) for t in store.tags()] == [(n, k) for n, k, _, _ in DEFAULT_TAGS]


def test_foreign_keys_are_enforced(store: Store) -> None:
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute(
            "INSERT INTO annotations (id, article_id, start, end, exact, created, updated)"
            " VALUES ('a', 999, 0, 1, 'x', '', '')"
        )


def test_link_kind_is_checked(seeded: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        seeded.conn.execute(
            "INSERT INTO links (id, source_id, target_id, kind, created)"
            " VALUES ('l', 'a', 'b', 'rebuts', '')"
        )


def test_migrations_from_empty_apply_every_step() -> None:
    db = Database(memory=True)
    assert [m.name for m in migrations.pending(db)] == list(MIGRATIONS)
    migrations.apply(db)
    assert migrations.pending(db) == []
    assert {"articles", "tags", "annotations", "annotation_tags", "links"} <= set(db.table_names())


def test_upgrade_from_the_first_schema_keeps_articles_and_fills_lengths(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="m002_article_length_and_source_hash")
    db["articles"].insert(
        {"title": "Old", "text": "héllo wörld", "content_hash": "h", "added": "2017-03-02"}
    )
    db.close()
    store = open_store(path)
    assert not store.pending_migrations()
    (article,) = store.articles()
    assert (article.title, article.length) == ("Old", len("héllo wörld"))
    assert store.article_text(article.id) == "héllo wörld"
    store.close()


def test_reopening_a_file_seen_before_does_not_decode_it_again(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Title\n\nBody.", encoding="utf-8")
    first, added = store.add_file(path)
    assert added

    def fail(*args: object) -> None:
        raise AssertionError("decoded again")

    monkeypatch.setattr("store.db.versioning.read_source", fail)
    assert store.add_file(path) == (first, False)
    assert store.article(first).length == len("Title\n\nBody.")


def test_reopening_a_current_database_runs_no_migration(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    open_store(path).close()
    reopened = open_store(path)
    assert not reopened.pending_migrations()
    assert "db" not in reopened.__dict__, "an up-to-date store must not need sqlite-utils to open"
    reopened.close()


def test_file_database_uses_wal(tmp_path: Path) -> None:
    store = open_store(tmp_path / "r.db")
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_clean_text_keeps_length_and_replaces_controls() -> None:
    raw = "a\x1b[31mred\x07\x00b\tc\x85d\x9be"
    cleaned = clean_text(raw)
    assert len(cleaned) == len(raw)
    assert "\x1b" not in cleaned and "\x00" not in cleaned and "\x9b" not in cleaned
    assert cleaned == "a\ufffd[31mred\ufffd\ufffdb\tc\nd\ufffde"


def test_clean_text_normalizes_newlines() -> None:
    assert clean_text("a\r\nb\rc\nd") == "a\nb\nc\nd"


def test_ingest_keeps_text_unchanged(tmp_path: Path) -> None:
    text = "Title “curly” — dash\u00a0nbsp [bold]x[/]\n\nBody.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    assert document.text == text
    assert document.title == "Title “curly” — dash\u00a0nbsp [bold]x[/]"
    assert document.file_name == "a.txt"


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffHello".encode())
    assert read_document(path).text == "Hello"


def test_same_text_twice_is_one_article(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Same words.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same words.\n", encoding="utf-8")
    first, added = store.add_file(tmp_path / "a.txt")
    second, added_again = store.add_file(tmp_path / "b.txt")
    assert (first, added) == (second, True) and not added_again
    assert len(store.articles()) == 1


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "the file is empty"),
        (b"  \n\t\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        (b"caf\xe9 au lait", "not UTF-8 text (byte 0xe9 at offset 3)"),
    ],
)
def test_bad_file_gets_one_clear_message(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(IngestError) as caught:
        read_document(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert problem in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"nope\.txt: no such file"):
        read_document(tmp_path / "nope.txt")


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="is a directory"):
        read_document(tmp_path)


def test_huge_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("store.ingest.files.MAX_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("x" * 11, encoding="utf-8")
    with pytest.raises(IngestError, match="too large"):
        read_document(path)


def test_corrupt_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.db"
    junk = b"this is not sqlite" * 100
    path.write_bytes(junk)
    with pytest.raises(StoreError, match=r"corrupt\.db: not a reader database, or it is damaged"):
        open_store(path)
    assert path.read_bytes() == junk


def test_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(StoreError, match="another program"):
        open_store(path)
    with sqlite3.connect(path) as conn:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master")]
    assert tables == ["invoices"]


def test_locked_database_gets_a_message(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    open_store(path).close()
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        store = open_store(path)
        with pytest.raises(StoreError, match="locked"):
            store.add_article("text", title="t")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def test_full_disk_gets_a_message_and_keeps_the_database(store: Store) -> None:
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError, match="disk is full"):
        store.add_article("x" * 100_000, title="big")
    assert store.articles() == []


def test_seeds_are_imported_once_with_metadata(store: Store) -> None:
    ids = seed_once(store)
    assert len(ids) == 5
    assert seed_once(store) == []
    outlets = [article.outlet for article in store.articles()]
    assert outlets == [entry["outlet"] for entry in seed_metadata()]
    assert outlets[:4] == ["CNN", "CBS News", "Global News", "NBC News"]


def test_seed_text_is_stored_byte_for_byte(seeded: Store) -> None:
    for article, entry in zip(seeded.articles(), seed_metadata(), strict=True):
        raw = (seed_dir() / entry["file"]).read_text(encoding="utf-8")
        assert seeded.article_text(article.id) == raw
        assert article.file_name == entry["file"]


def test_deleted_seed_stays_deleted(seeded: Store) -> None:
    seeded.conn.execute("DELETE FROM articles WHERE id = 1")
    assert seed_once(seeded) == []
    assert len(seeded.articles()) == 4


def test_drafts_in_the_store_are_not_actions_to_undo(store: Store) -> None:
    journal = store.conn.execute("SELECT count(*) FROM journal").fetchone()
    store.keep_draft("note 1:0-5", "one")
    store.keep_draft("note 1:0-5", "two")
    store.keep_draft("tag 3", "name")
    draft = store.draft("note 1:0-5")
    assert draft is not None and draft.text == "two" and draft.saved
    store.drop_draft("note 1:0-5")
    store.drop_draft("note 9:9-9")  # none: nothing happens
    assert store.draft("note 1:0-5") is None and store.draft("tag 3") is not None
    assert store.conn.execute("SELECT count(*) FROM journal").fetchone() == journal
    assert store.undo() is None
