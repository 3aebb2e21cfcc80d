"""Fuzzing ``reader merge``: a colleague's database, damaged or hostile in any of many
ways, merges or is refused with one StoreError naming it; a refused merge leaves this
database exactly as it was, and the other file is never written."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from fuzzing import FUZZ_EXAMPLES, fingerprint
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import Store, StoreError, open_store
from store.formats.merge import merge_database

ODD_VALUES = [None, -1, 0, 10**12, 2**63 - 1, "", "x", "\x1b[31m", "[bold]", b"\xff\xfe", 3.5,
              "0" * 5000, "urn:uuid:bad", "#zzzzzz", "quote", "contradicts", "rebuts"]  # fmt: skip
TABLES = {
    "articles": ["title", "outlet", "text", "content_hash", "url", "file_name", "length"],
    "annotations": ["id", "article_id", "start", "end", "exact", "prefix", "note"],
    "annotation_tags": ["annotation_id", "tag_id"],
    "tags": ["name", "key", "colour"],
    "links": ["source_id", "target_id", "kind", "note"],
}


def damage(draw: st.DrawFn) -> list[str | tuple[str, tuple[object, ...]]]:
    """A few statements that damage a reader database in ways a file can be damaged."""
    statements: list[str | tuple[str, tuple[object, ...]]] = []
    for _ in range(draw(st.integers(1, 4))):
        table = draw(st.sampled_from(sorted(TABLES)))
        column = draw(st.sampled_from(TABLES[table]))
        value = draw(st.sampled_from(ODD_VALUES))
        kind = draw(
            st.sampled_from(["update", "update", "delete", "drop", "view", "trigger", "insert"])
        )
        if kind == "update":
            statements.append((f"UPDATE {table} SET {column} = ?", (value,)))
        elif kind == "delete":
            statements.append(f"DELETE FROM {table} WHERE rowid % 2 = 0")
        elif kind == "drop":
            statements.append(f"DROP TABLE IF EXISTS {table}")
        elif kind == "view":
            statements += [f"ALTER TABLE {table} RENAME TO {table}_kept",
                           f"CREATE VIEW {table} AS SELECT * FROM {table}_kept"]  # fmt: skip
        elif kind == "trigger":
            statements.append(
                f"CREATE TRIGGER IF NOT EXISTS planted_{table} AFTER UPDATE ON {table}"
                " BEGIN DELETE FROM articles; END"
            )
        else:
            statements.append((f"INSERT OR IGNORE INTO {table} ({column}) VALUES (?)", (value,)))
    return statements


@pytest.fixture(scope="module")
def colleague(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("colleague") / "colleague.db"
    other = open_store(path)
    one, _ = other.add_article(
        "Sessions said he never met the ambassador.", title="One", outlet="A"
    )
    two, _ = other.add_article("The ambassador met Sessions twice, officials said.", title="Two")
    first = other.create_annotation(one, 0, 8, tags=["quote"], note="check")
    second = other.create_annotation(two, 4, 14, tags=["claim"])
    other.add_link(first.id, second.id, "contradicts", "dates")
    other.create_tag("follow-up", "#06b6d4", 6)
    other.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    other.close()
    return path


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(statements=st.composite(damage)())
def test_a_damaged_database_merges_or_is_refused_cleanly(
    seeded: Store,
    colleague: Path,
    tmp_path: Path,
    statements: list[str | tuple[str, tuple[object, ...]]],
) -> None:
    other = tmp_path / "other.db"
    shutil.copy(colleague, other)
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        sql, args = (statement, ()) if isinstance(statement, str) else statement
        with contextlib.suppress(sqlite3.Error):  # damage SQLite refuses is no damage
            conn.execute(sql, args)
    conn.commit()
    conn.close()
    damaged = other.read_bytes()
    before = fingerprint(seeded)
    try:
        merge_database(seeded, other)
    except StoreError as err:
        assert "\n" not in str(err) and "other.db" in str(err)
        assert fingerprint(seeded) == before
    assert other.read_bytes() == damaged
    assert seeded.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert seeded.conn.execute("PRAGMA foreign_key_check").fetchall() == []
