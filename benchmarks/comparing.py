"""In-process benchmarks of ``store.compare.compare``: the five seeds, and 1,000
generated articles about one event.

Each timed run opens the database afresh (so the article texts are read from it,
as at a start) and times ``compare(store)``: reading the articles, finding their
quotations (or taking them from ``compare_cache``), grouping them, listing the
discrepancies and saving the cache. "Cold" empties ``compare_cache`` first, as
on the first comparison after the articles were imported; "warm" leaves the
quotations cached by the run before.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.corpus import event_articles
from benchmarks.registry import BenchmarkError, Measurement, Options, benchmark
from store import open_store
from store.compare.findings import Comparison
from store.db.comparing import compare
from store.db.seeds import seed_once

GENERATED = 1000
"""Articles in the generated corpus."""
GENERATED_WORDS = 800
"""About how many words each generated article has."""
GENERATED_RUNS = 3
"""Cold runs at most on the generated corpus (each takes seconds)."""


@contextmanager
def database(articles: list[tuple[str, str, str]] | None = None) -> Iterator[Path]:
    """A temporary database file holding the seeds, or else ``articles`` (title,
    outlet, text)."""
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        path = Path(tmp) / "reader.db"
        store = open_store(path)
        try:
            if articles is None:
                seed_once(store)
            else:
                for title, outlet, text in articles:
                    store.add_article(text, title=title, outlet=outlet)
        finally:
            store.close()
        yield path


def timed_compare(path: Path, cold: bool) -> tuple[float, Comparison]:
    """Seconds ``compare`` takes on a freshly opened store (cache emptied if ``cold``)."""
    store = open_store(path)
    try:
        if cold:
            with store.transaction() as conn:
                conn.execute("DELETE FROM compare_cache")
        start = time.perf_counter()
        comparison = compare(store)
        seconds = time.perf_counter() - start
        cached = store.conn.execute("SELECT count(*) FROM compare_cache").fetchone()[0]
        if cached != len(comparison.articles):
            raise BenchmarkError(f"compare cached {cached} of {len(comparison.articles)} articles")
        return seconds, comparison
    finally:
        store.close()


def spread(samples: list[float]) -> str:
    """The median and [min-max] of ``samples``, in seconds."""
    return f"{statistics.median(samples):.3f} s [{min(samples):.3f}-{max(samples):.3f}]"


def counts(comparison: Comparison) -> str:
    occurrences = sum(len(g.occurrences) for g in comparison.groups)
    widest = max((len({o.article_id for o in g.occurrences}) for g in comparison.groups), default=0)
    passages = sum(len(side) for d in comparison.discrepancies for side in d.each_side)
    return (
        f"{len(comparison.groups)} groups ({occurrences} occurrences, the largest in "
        f"{widest} articles), {len(comparison.discrepancies)} discrepancies ({passages} passages)"
    )


@benchmark("compare_seeds", budget=0.2, unit="s")
def compare_seeds(options: Options) -> Measurement:
    """compare() on the five seeds with an empty cache (median); warm-cache time in the summary."""
    with database() as path:
        for _ in range(options.warmups):
            timed_compare(path, cold=True)
        cold = [timed_compare(path, cold=True)[0] for _ in range(options.runs)]
        warm_runs = [timed_compare(path, cold=False) for _ in range(options.runs)]
    warm = [seconds for seconds, _ in warm_runs]
    figure = statistics.median(cold)
    return Measurement(
        figure,
        f"cold {spread(cold)}, warm {spread(warm)} ({options.runs} runs each; "
        f"{counts(warm_runs[-1][1])})",
        {"cold_s": cold, "warm_s": warm},
    )


@benchmark("compare_1000", budget=10, unit="s")
def compare_1000(options: Options) -> Measurement:
    """compare() on 1,000 generated 800-word articles about one event, empty cache (median)."""
    articles = event_articles(GENERATED, GENERATED_WORDS)
    words = statistics.mean(len(text.split()) for _, _, text in articles)
    runs = min(options.runs, GENERATED_RUNS)
    with database(articles) as path:
        cold_runs = [timed_compare(path, cold=True) for _ in range(runs)]
        warm, comparison = timed_compare(path, cold=False)
    cold = [seconds for seconds, _ in cold_runs]
    figure = statistics.median(cold)
    return Measurement(
        figure,
        f"cold {spread(cold)} ({runs} runs), warm {warm:.3f} s; {len(articles)} articles of "
        f"{words:.0f} words on average; {counts(comparison)}",
        {"cold_s": cold, "warm_s": [warm]},
    )
