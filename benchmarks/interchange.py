"""Benchmarks of export and import at 100,000 annotations.

A generated database holds 20 articles about one event with 5,000 annotations
each (tags, notes with Markdown specials on a third of them) and 5,000 links
(contradicts, same-quote, corroborates). Each timed run is a fresh Python
process, so its peak memory is its own: the child reports the seconds the export
(or import) took, its resident memory before, and its peak (VmHWM) after. An
export that streams needs about as much memory for 100,000 annotations as for
10,000; ``export_memory`` compares the two.

Run one by hand: ``python -m benchmarks.interchange export DB markdown OUT``.
"""

from __future__ import annotations

import atexit
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from benchmarks.corpus import event_articles
from benchmarks.registry import BenchmarkError, Measurement, Options, benchmark
from store import open_store
from store.formats.export import export
from store.formats.importing import import_json
from store.formats.selection import Selection

ANNOTATIONS = 100_000
SMALL = 10_000
"""The smaller database ``export_memory`` compares with."""
ARTICLES = 20
LINKS = 5_000
RUNS = 3
"""Timed runs at most: each reads or writes tens of megabytes."""
NOTES = [
    "",
    "",
    "Check *this* against [the transcript](x) | or not",
    "# not a heading\n- nor a list",
]
LINK_KINDS = ["contradicts", "same-quote", "corroborates"]


# -- the generated database -------------------------------------------------------


def build(path: Path, annotations: int, seed: int = 0) -> None:
    """A database at ``path`` with ``annotations`` annotations and LINKS links (or fewer)."""
    rng = random.Random(seed)
    store = open_store(path)
    try:
        ids = [store.add_article(text, title=title, outlet=outlet)[0]
               for title, outlet, text in event_articles(ARTICLES, 3000, seed)]  # fmt: skip
        tags = {tag.name: tag.id for tag in store.tags()}
        rows, tag_rows, made = [], [], []
        for n in range(annotations):
            article_id = ids[n % len(ids)]
            text = store.article_text(article_id)
            start = rng.randrange(0, len(text) - 300)
            end = start + rng.randrange(20, 300)
            ident = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            when = f"2026-11-{1 + n % 28:02d}T12:00:00+00:00"
            rows.append((
                ident, article_id, start, end, text[start:end], text[max(0, start - 32):start],
                text[end:end + 32], NOTES[n % len(NOTES)], when, when,
            ))  # fmt: skip
            for name in rng.sample(sorted(tags), rng.randint(1, 2)):
                tag_rows.append((ident, tags[name]))
            made.append(ident)
        link_rows = []
        for n in range(min(LINKS, annotations // 2)):
            one, two = made[2 * n], made[2 * n + 1]
            ident = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            link_rows.append((ident, one, two, LINK_KINDS[n % 3], NOTES[n % 4], "2026-11-22"))
        with store.transaction() as conn:
            conn.executemany(
                "INSERT INTO annotations (id, article_id, start, end, exact, prefix, suffix,"
                " note, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
            conn.executemany("INSERT INTO annotation_tags VALUES (?,?)", tag_rows)
            conn.executemany(
                "INSERT INTO links (id, source_id, target_id, kind, note, created) "
                "VALUES (?,?,?,?,?,?)",
                link_rows,
            )
    finally:
        store.close()


@cache
def _workspace() -> Path:
    """A temporary directory shared by this process's benchmarks, removed at exit."""
    root = Path(tempfile.mkdtemp(prefix="reader-bench-interchange-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    return root


@contextmanager
def databases() -> Iterator[Path]:
    """The workspace holding the 100k and 10k databases (built once per process)."""
    root = _workspace()
    for count in (ANNOTATIONS, SMALL):
        if not (root / f"{count}.db").exists():
            build(root / f"{count}.db", count)
    yield root


# -- the child process ------------------------------------------------------------


def _memory() -> tuple[int, int]:
    """This process's resident memory and its peak so far, in kB (0 where unknown)."""
    found = {"VmRSS:": 0, "VmHWM:": 0}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            key, *value = line.split()
            if key in found:
                found[key] = int(value[0])
    except OSError:
        pass
    return found["VmRSS:"], found["VmHWM:"]


def child(argv: list[str]) -> dict[str, float]:
    """Do one export or import as ``argv`` says; time it and measure memory."""
    action, db = argv[0], Path(argv[1])
    store = open_store(db)
    try:
        before, _ = _memory()
        start = time.perf_counter()
        if action == "export":
            with open(argv[3], "w", encoding="utf-8", newline="") as out:
                export(store, argv[2], out, Selection())
        elif action == "import":
            report = import_json(store, argv[2])
            if report.added < ANNOTATIONS:
                raise SystemExit(f"imported only {report.added} annotations")
        else:
            raise SystemExit(f"unknown action {action}")
        seconds = time.perf_counter() - start
        _, peak = _memory()
    finally:
        store.close()
    return {"seconds": seconds, "before_kb": before, "peak_kb": peak}


def run_child(*argv: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.interchange", *argv],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BenchmarkError(f"{' '.join(argv[:2])} failed: {done.stderr.strip()[-500:]}")
    result: dict[str, float] = json.loads(done.stdout)
    return result


def growth_mb(result: dict[str, float]) -> float:
    """How much the peak resident memory rose above the memory before, in MB."""
    return max(0.0, result["peak_kb"] - result["before_kb"]) / 1024


def exports(root: Path, count: int, format: str, runs: int) -> list[dict[str, float]]:
    out = root / f"out-{count}.{format}"
    return [run_child("export", str(root / f"{count}.db"), format, str(out)) for _ in range(runs)]


def _export_benchmark(format: str, options: Options) -> Measurement:
    runs = max(1, min(options.runs, RUNS))
    with databases() as root:
        results = exports(root, ANNOTATIONS, format, runs)
        size = (root / f"out-{ANNOTATIONS}.{format}").stat().st_size / 1e6
    seconds = [r["seconds"] for r in results]
    growth = max(growth_mb(r) for r in results)
    return Measurement(
        statistics.median(seconds),
        f"{statistics.median(seconds):.2f} s [{min(seconds):.2f}-{max(seconds):.2f}] "
        f"({runs} runs; {ANNOTATIONS:,} annotations and {LINKS:,} links, {size:.0f} MB "
        f"written; peak memory +{growth:.0f} MB)",
        {"seconds": seconds, "growth_mb": growth},
    )


@benchmark("export_markdown_100k", budget=2.0, unit="s")
def export_markdown_100k(options: Options) -> Measurement:
    """reader export (Markdown) of 100,000 annotations and 5,000 links to a file (median)."""
    return _export_benchmark("markdown", options)


@benchmark("export_json_100k", budget=2.0, unit="s")
def export_json_100k(options: Options) -> Measurement:
    """reader export --format json of 100,000 annotations and 5,000 links to a file (median)."""
    return _export_benchmark("json", options)


@benchmark("export_memory", budget=16.0, unit="MB")
def export_memory(options: Options) -> Measurement:
    """Streamed export: peak memory at 100,000 annotations minus that at 10,000 (worst format)."""
    rises = {}
    with databases() as root:
        for format in ("markdown", "json", "csv"):
            big = growth_mb(exports(root, ANNOTATIONS, format, 1)[0])
            small = growth_mb(exports(root, SMALL, format, 1)[0])
            rises[format] = (small, big)
    worst = max(big - small for small, big in rises.values())
    summary = "; ".join(
        f"{f} +{s:.0f} MB at 10k, +{b:.0f} MB at 100k" for f, (s, b) in rises.items()
    )
    return Measurement(max(0.0, worst), summary, {f: list(v) for f, v in rises.items()})


@benchmark("import_100k", budget=5.0, unit="s")
def import_100k(options: Options) -> Measurement:
    """reader import of the JSON export of 100,000 annotations into a database with the articles."""
    runs = max(1, min(options.runs, RUNS))
    with databases() as root:
        exported = root / "import.json"
        if not exported.exists():
            exports(root, ANNOTATIONS, "json", 1)
            shutil.copy(root / f"out-{ANNOTATIONS}.json", exported)
        empty = root / "articles.db"
        if not empty.exists():
            build(empty, 0)
        results = []
        for _ in range(runs):
            target = root / "target.db"
            for leftover in root.glob("target.db*"):
                leftover.unlink()
            shutil.copy(empty, target)
            results.append(run_child("import", str(target), str(exported)))
    seconds = [r["seconds"] for r in results]
    return Measurement(
        statistics.median(seconds),
        f"{statistics.median(seconds):.2f} s [{min(seconds):.2f}-{max(seconds):.2f}] "
        f"({runs} runs; {exported.stat().st_size / 1e6:.0f} MB of JSON, one transaction; "
        f"peak memory +{max(growth_mb(r) for r in results):.0f} MB)",
        {"seconds": seconds},
    )


if __name__ == "__main__":
    print(json.dumps(child(sys.argv[1:])))
