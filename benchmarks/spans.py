"""The span index every drawn row asks: which annotations touch this stretch of text."""

from __future__ import annotations

import random
import statistics
import time

from benchmarks.registry import Measurement, Options, benchmark
from store.records import Mark, SpanIndex

TEXT_LENGTH = 5_000_000
MARKS = 20_000
QUERIES = 100
ROW = 80


def _marks(long_one: bool) -> list[Mark]:
    rng = random.Random(7)
    marks = []
    for number in range(MARKS):
        start = rng.randrange(TEXT_LENGTH - 400)
        marks.append(Mark(f"m{number}", start, start + rng.randrange(1, 400), ("quote",)))
    if long_one:
        marks.append(Mark("whole", 0, TEXT_LENGTH, ("claim",)))
    return marks


def _queries_ms(index: SpanIndex[Mark], runs: int) -> float:
    rng = random.Random(11)
    starts = [rng.randrange(TEXT_LENGTH - ROW) for _ in range(QUERIES)]
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        for start in starts:
            index.overlapping(start, start + ROW)
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


@benchmark("spans_long_highlight", budget=0.5, unit="ms")
def spans_long_highlight(options: Options) -> Measurement:
    """100 row queries of the span index over 20,000 marks plus one article-long highlight."""
    plain = _queries_ms(SpanIndex(_marks(long_one=False)), options.runs)
    with_long = _queries_ms(SpanIndex(_marks(long_one=True)), options.runs)
    return Measurement(
        with_long,
        f"{with_long:.3f} ms with an article-long highlight, {plain:.3f} ms without "
        f"({QUERIES} queries, median of {options.runs})",
        {"with_long_ms": with_long, "plain_ms": plain},
    )
