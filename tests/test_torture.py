"""Crash torture: a writer killed with SIGKILL at random moments loses nothing it said
was done, and the database stays whole (``PRAGMA integrity_check``)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from store import open_store

WRITER = """
import sys
from store import open_store
store = open_store(sys.argv[1])
first, count = int(sys.argv[2]), int(sys.argv[3])
article_id = store.articles()[0].id
length = len(store.article_text(article_id))
for n in range(first, first + count):
    start = (n * 37) % (length - 40)
    kind = n % 3
    if kind == 0:
        done = store.create_annotation(article_id, start, start + 20, note=f"note {n}").id
    elif kind == 1:
        made = store.toggle_tag(article_id, start, start + 25, "quote")
        done = made.id if made else "-"
    else:
        made = store.create_annotation(article_id, start, start + 30, tags=["claim"])
        done = store.set_note(made.id, f"edited {n}").id
    print(n, kind, done, flush=True)  # only after the commit: what the user sees as done
"""

ACTIONS = 1000


def _writer(db: Path, first: int, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(first), str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )


def test_kill_9_at_random_moments_loses_no_acknowledged_action(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    store = open_store(db)
    store.add_article("word " * 4000, title="A long article")
    store.close()
    rng = random.Random(2026)
    done: list[tuple[int, int, str]] = []
    kills = 0
    while len(done) < ACTIONS:
        writer = _writer(db, len(done), ACTIONS - len(done))
        assert writer.stdout is not None
        stop_after = rng.randint(1, 200)
        for line in writer.stdout:
            number, kind, ident = line.split()
            done.append((int(number), int(kind), ident))
            if len(done) % stop_after == 0:
                time.sleep(rng.random() / 500)  # mid-way through the next action, often
                os.killpg(writer.pid, signal.SIGKILL)
                kills += 1
                break
        writer.wait()
        writer.stdout.close()
    assert kills >= 5
    store = open_store(db)
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    annotations = {a.id: a for a in store.find_annotations()}
    for number, kind, ident in done:
        if kind == 0:
            assert annotations[ident].note == f"note {number}"
        elif kind == 2:
            assert annotations[ident].note == f"edited {number}"
            assert "claim" in annotations[ident].tags
    store.close()


IMPORTER = """
import sys
from store import open_store
from store.formats.importing import import_json
store = open_store(sys.argv[1])
print("started", flush=True)
import_json(store, sys.argv[2])
print("imported", flush=True)
"""


def test_an_import_killed_midway_lands_whole_or_not_at_all(tmp_path: Path) -> None:
    source = tmp_path / "source.db"
    store = open_store(source)
    text = "".join(f"w{n} " for n in range(20_000))
    article_id, _ = store.add_article(text, title="A long article")
    rows = [
        (f"00000000-0000-4000-8000-{n:012d}", article_id, n % 90_000, n % 90_000 + 9,
         text[n % 90_000 : n % 90_000 + 9], "", "", f"note {n}",
         "2026-12-03T00:00:00Z", "2026-12-03T00:00:00Z")
        for n in range(100_000)
    ]  # fmt: skip
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO annotations (id, article_id, start, end, exact, prefix, suffix, note,"
            " created, updated) VALUES (?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
    from store.formats.export import export

    exported = tmp_path / "all.json"
    with exported.open("w", encoding="utf-8") as out:
        export(store, "json", out)
    store.close()
    assert json.loads(exported.read_text(encoding="utf-8"))["type"] == "AnnotationCollection"
    rng = random.Random(7)
    for attempt, kill in enumerate((True, True, False)):
        target = tmp_path / f"target-{attempt}.db"
        fresh = open_store(target)
        fresh.add_article(text, title="A long article")
        fresh.close()
        importer = subprocess.Popen(
            [sys.executable, "-c", IMPORTER, str(target), str(exported)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        assert importer.stdout is not None
        assert importer.stdout.readline().strip() == "started"
        if kill:
            time.sleep(rng.uniform(0.3, 2.5))
            os.killpg(importer.pid, signal.SIGKILL)
        else:  # the control: left alone, the import lands whole
            assert importer.stdout.readline().strip() == "imported"
        importer.wait()
        importer.stdout.close()
        check = open_store(target)
        assert check.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        (count,) = check.conn.execute("SELECT count(*) FROM annotations").fetchone()
        assert count in (0, 100_000) if kill else count == 100_000
        notes = check.search("note")
        assert (count == 0) == (notes == [])
        check.close()


def test_a_full_disk_during_export_leaves_the_existing_file_untouched(tmp_path: Path) -> None:
    import errno

    import pytest

    from store import StoreError
    from store.formats.atomic import write_atomically

    existing = tmp_path / "report.md"
    existing.write_text("the report of yesterday", encoding="utf-8")
    with (
        pytest.raises(StoreError, match=r"report\.md: cannot be written"),
        write_atomically(existing, force=True) as out,
    ):
        out.write("half of a new report")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert existing.read_text(encoding="utf-8") == "the report of yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]
