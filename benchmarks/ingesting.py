"""In-process benchmarks of ingest: saved web pages and URLs into a database.

``add_html`` times ``read_source(page.html)`` plus ``Store.add_document`` for each
of the 60 real pages of ``benchmarks/extraction/`` (saved as plain ``.html``
files), into a temporary database; the figure is the median over the pages of
each page's median over the passes. The first page of the first pass also pays
for importing trafilatura, readability and lxml: it is reported apart, untimed
in the figure.

``add_urls_20`` serves 20 of those pages from a local server (``page_server``,
gzip-encoded as the sites sent them) and times ``fetch_documents`` of the 20 URLs
(six at a time) plus adding the 20 Documents to a temporary database.
"""

from __future__ import annotations

import gzip
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.page_server import PAGES, PageServer, page_keys
from benchmarks.registry import BenchmarkError, Measurement, Options, benchmark
from store import open_store
from store.errors import IngestError
from store.ingest import Document, fetch_documents, read_source

PASSES = 3
"""Passes over the 60 pages at most (each takes a few seconds)."""
URL_RUNS = 5
"""Timed runs of the 20 URLs at most."""


def saved_pages(folder: Path) -> list[Path]:
    """The benchmark's pages written to ``folder`` as plain ``.html`` files."""
    paths = []
    for key in page_keys():
        path = folder / f"{key[:16]}.html"
        path.write_bytes(gzip.decompress((PAGES / f"{key}.html.gz").read_bytes()))
        paths.append(path)
    return paths


def add_pages_once(pages: list[Path], database: Path) -> list[float]:
    """Seconds to read and store each page, into a new database at ``database``."""
    store = open_store(database)
    seconds = []
    try:
        for page in pages:
            started = time.perf_counter()
            document = read_source(str(page))
            store.add_document(document, **document.article_fields())
            seconds.append(time.perf_counter() - started)
    finally:
        store.close()
    return seconds


@benchmark("add_html", budget=100, unit="ms")
def add_html(options: Options) -> Measurement:
    """read_source + Store.add_document of one saved real page (median over 60 pages)."""
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        folder = Path(tmp)
        pages = saved_pages(folder)
        passes = max(1, min(options.runs, PASSES))
        started = time.perf_counter()
        read_source(str(pages[0]))
        first = time.perf_counter() - started
        runs = [add_pages_once(pages, folder / f"pass{n}.db") for n in range(passes)]
    per_page = [statistics.median(samples) * 1000 for samples in zip(*runs, strict=True)]
    figure = statistics.median(per_page)
    worst = max(per_page)
    p90 = statistics.quantiles(per_page, n=10)[-1]
    return Measurement(
        figure,
        f"median {figure:.0f} ms, p90 {p90:.0f} ms, max {worst:.0f} ms over {len(pages)} pages "
        f"({passes} passes); first page with the imports {first * 1000:.0f} ms",
        {"page_ms": per_page, "first_ms": first * 1000},
    )


def fetch_and_add(urls: list[str], database: Path) -> float:
    """Seconds to fetch ``urls`` and store their Documents in a new database."""
    store = open_store(database)
    try:
        started = time.perf_counter()
        results = fetch_documents(urls)
        for result in results:
            if isinstance(result, IngestError):
                raise BenchmarkError(str(result))
            assert isinstance(result, Document)
            store.add_document(result, **result.article_fields())
        return time.perf_counter() - started
    finally:
        store.close()


@benchmark("add_urls_20", budget=3, unit="s")
def add_urls_20(options: Options) -> Measurement:
    """fetch_documents of 20 pages from a local server, 6 at once, + add_document (median)."""
    runs = max(1, min(options.runs, URL_RUNS))
    with PageServer() as server, tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        urls = server.add_pages()[:20]
        for _ in range(options.warmups):
            fetch_and_add(urls, Path(tmp) / "warm.db")
        seconds = [fetch_and_add(urls, Path(tmp) / f"run{n}.db") for n in range(runs)]
    figure = statistics.median(seconds)
    return Measurement(
        figure,
        f"{figure:.2f} s [{min(seconds):.2f}-{max(seconds):.2f}] for 20 pages ({runs} runs)",
        {"seconds": seconds},
    )
