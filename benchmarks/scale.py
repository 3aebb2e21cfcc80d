"""The scale benchmarks of the stories issue, on a generated library of 10,000
articles (about 50 MB of text) in 500 stories (``benchmarks.library``, built once
per process): searching it, the size of its search index, listing its stories,
and starting ``reader`` on one of its five-article stories.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import time
from dataclasses import dataclass

from benchmarks.compare import compare_launches, fixed
from benchmarks.launches import (
    hello_command,
    isolated_env,
    reader_command,
    reader_script,
    workspace,
)
from benchmarks.library import Library, cached_library
from benchmarks.registry import BenchmarkError, Measurement, Options, benchmark
from store import Store, open_store

INDEXES = ("article_search", "note_search")
"""The FTS5 tables whose shadow tables (``article_search_data``, ...) make the index."""
LIST_RUNS = 30
"""Timed calls of ``stories()`` at least."""


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]


def _built(library: Library) -> str:
    return f"library built in {library.seconds:.1f} s"


# -- search ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    kind: str
    text: str
    story: int
    """The story searched in the scoped run: the one the query's names come from, else
    one of a few of every size."""


def queries(library: Library) -> list[Query]:
    """About forty queries of every kind FTS5 reads, made from the library's own words."""
    words = library.vocabulary
    plans = library.plans
    one, two, three = plans[7], plans[123], plans[401]
    big, five = plans[1].id, library.five_article_story
    rotate = [big, five, one.id, two.id, three.id]
    found = [
        ("common", words[0]),  # the
        ("common", words[8]),  # said
        ("common", words[11]),  # campaign
        ("common", words[24]),  # investigation
        ("common", words[60]),
        ("middle", words[500]),
        ("middle", words[2_000]),
        ("middle", words[8_000]),
        ("middle", words[15_000]),
        ("rare", words[30_000]),
        ("rare", words[40_000]),
        ("rare", words[45_000]),
        ("rare", words[49_999]),
        ("rare", "zzyzzyva"),  # in no article
        ("outlet", "Morning Gazette"),
        ("prefix", words[24][:5] + "*"),
        ("prefix", words[11][:3] + "*"),
        ("prefix", "pre*"),
        ("prefix", words[30_000][:4] + "*"),
        ("AND", f"{words[11]} AND {words[24]}"),
        ("AND", f"{words[0]} {words[8]} {words[500]}"),
        ("OR", f"{words[2_000]} OR {words[15_000]}"),
        ("NOT", f"{words[8]} NOT {words[11]}"),
        ("NOT", f"{words[0]} NOT {words[40_000]}"),
        ("NEAR", f"NEAR({words[11]} {words[24]}, 5)"),
        ("plain", "U.S. officials"),  # not FTS5 syntax: searched word for word
        ("plain", "don't know"),
    ]
    cases = [Query(kind, text, rotate[n % len(rotate)]) for n, (kind, text) in enumerate(found)]
    for plan in (one, two, three):
        cases += [
            Query("name", f'"{plan.people[0]}"', plan.id),
            Query("name", plan.surnames[1], plan.id),
            Query("AND", f"{plan.surnames[0]} AND {plan.topic[2]}", plan.id),
            Query("OR", f"({plan.topic[0]} OR {plan.topic[1]}) AND {plan.surnames[2]}", plan.id),
        ]
    cases.append(Query("prefix", one.surnames[0][:4] + "*", one.id))
    for n, phrase in enumerate(library.phrases[:4]):
        cases.append(Query("phrase", f'"{phrase}"', rotate[n % len(rotate)]))
    return cases


def _ms(store: Store, query: Query, scoped: bool) -> tuple[float, float]:
    """Milliseconds the search took, by the clock and in this process's CPU time."""
    start, cpu = time.perf_counter(), time.process_time()
    store.search(query.text, query.story if scoped else None)
    return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000


def _reader_search(library: Library, query: str) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [str(reader_script()), "search", "--db", str(library.path), query],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise BenchmarkError(f"reader search failed: {done.stderr.decode()[-300:]}")
    return time.perf_counter() - start


@benchmark("search_10k", budget=50.0, unit="ms")
def search_10k(options: Options) -> Measurement:
    """p95 of store.search() on 10,000 articles, ~40 queries, in every story and in one."""
    library = cached_library()
    cases = queries(library)
    store = open_store(library.path)
    samples: list[float] = []
    cpu: list[float] = []
    worst: dict[tuple[str, bool], float] = {}
    try:
        for case in cases:
            for scoped in (False, True):
                _ms(store, case, scoped)  # warm-up, untimed
        for _ in range(options.runs):
            for case in cases:
                for scoped in (False, True):
                    ms, cpu_ms = _ms(store, case, scoped)
                    samples.append(ms)
                    cpu.append(cpu_ms)
                    key = (case.text, scoped)
                    worst[key] = max(worst.get(key, 0.0), ms)
    finally:
        store.close()
    cli = _reader_search(library, library.vocabulary[24])
    (slowest, scoped), _ = max(worst.items(), key=lambda item: item[1])
    where = "in one story" if scoped else "in all"
    return Measurement(
        p95(samples),
        f"median {statistics.median(samples):.1f} ms, p95 {p95(samples):.1f} ms, max "
        f"{max(samples):.1f} ms ({slowest!r} {where}); CPU time p95 {p95(cpu):.1f} ms; "
        f"{len(cases)} queries x 2 scopes x {options.runs} runs; reader search {cli:.2f} s "
        f"as a process; {_built(library)}",
        {
            "median_ms": statistics.median(samples),
            "p95_ms": p95(samples),
            "samples_ms": samples,
            "cpu_p95_ms": p95(cpu),
            "cpu_samples_ms": cpu,
            "queries": [case.text for case in cases],
            "reader_search_s": cli,
            "library_seconds": library.seconds,
        },
    )


# -- the index's size ----------------------------------------------------------------------


@benchmark("search_index_size", budget=1.5, unit="x")
def search_index_size(options: Options) -> Measurement:
    """Size of the FTS5 tables (articles' and notes' search) over the texts' and notes' size."""
    library = cached_library()
    store = open_store(library.path)
    try:
        conn = store.conn
        tables = {
            name: size
            for name, size in conn.execute(
                "SELECT name, sum(pgsize) FROM dbstat WHERE aggregate = TRUE GROUP BY name"
            )
        }
        (texts,) = conn.execute("SELECT sum(length(CAST(text AS BLOB))) FROM articles").fetchone()
        (notes,) = conn.execute(
            "SELECT coalesce(sum(length(CAST(note AS BLOB))), 0) FROM annotations"
        ).fetchone()
    finally:
        store.close()
    index = {name: size for name, size in tables.items() if name.startswith(INDEXES)}
    total = sum(index.values())
    ratio = total / (texts + notes)
    parts = ", ".join(
        f"{name} {size / 1e6:.1f} MB" for name, size in sorted(index.items()) if size > 100_000
    )
    return Measurement(
        ratio,
        f"index {total / 1e6:.1f} MB ({parts}) for {texts / 1e6:.1f} MB of text and "
        f"{notes / 1e6:.2f} MB of notes; database {sum(tables.values()) / 1e6:.0f} MB; "
        f"{_built(library)}",
        {"index_bytes": total, "text_bytes": texts, "note_bytes": notes, **index},
    )


# -- the list of stories ------------------------------------------------------------------


@benchmark("stories_list_10k", budget=100.0, unit="ms")
def stories_list_10k(options: Options) -> Measurement:
    """p95 of store.stories() (the library screen's list, with counts) at 500 stories."""
    library = cached_library()
    store = open_store(library.path)
    runs = max(LIST_RUNS, 5 * options.runs)
    try:
        start = time.perf_counter()
        found = store.stories()
        first = (time.perf_counter() - start) * 1000
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            store.stories()
            samples.append((time.perf_counter() - start) * 1000)
    finally:
        store.close()
    if len(found) != library.stories:
        raise BenchmarkError(f"stories() listed {len(found)} stories, not {library.stories}")
    return Measurement(
        p95(samples),
        f"median {statistics.median(samples):.1f} ms, p95 {p95(samples):.1f} ms "
        f"[{min(samples):.1f}-{max(samples):.1f}] ({runs} runs; first call on a new "
        f"connection {first:.1f} ms; {len(found)} stories); {_built(library)}",
        {"median_ms": statistics.median(samples), "first_ms": first, "samples_ms": samples},
    )


# -- starting on a story of the library -----------------------------------------------------


@benchmark("launch_library_10k", budget=1.3)
def launch_library_10k(options: Options) -> Measurement:
    """Start on a five-article story of the 10,000-article library until its first heading shows."""
    library = cached_library()
    with workspace() as root:
        env = isolated_env(root)
        db = root / "library.db"
        shutil.copyfile(library.path, db)
        store = open_store(db)
        try:
            story = library.five_article_story
            store.open_story(story)
            first = store.article(store.story_article_ids(story)[0])
        finally:
            store.close()
        # The first column's heading: outlet and date, in a column a fifth of the
        # screen wide (outlets are at most 17 characters: it is never cut short).
        marker = f"{first.outlet}  {first.published}"
        reader = reader_command(db, marker=marker, env=env)
        measured = compare_launches(fixed(hello_command(env)), fixed(reader), options)
    found = measured.measurement()
    summary = f"{found.summary}; marker {marker!r}; {_built(library)}"
    return Measurement(found.figure, summary, found.details)
