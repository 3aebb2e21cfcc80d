"""In-process benchmarks on a generated 5 MB article: keys, re-wrap, memory, annotating.

Key latency is key-to-repaint: from posting the key event, as the terminal driver
does, until every widget of the screen has handled its messages (Pilot's
``_wait_for_screen``) and the screen's update has rendered every dirty line
(``Screen._on_timer_update``, what the frame timer runs), twice over: the
key's own messages first, then the refreshes and scrolls they asked for. Pilot's ``pause()`` is
not used for timing: it waits for the process to look idle, sleeping in steps
far longer than the work measured. "Cold" clears the
document view's line cache before each key, as at a place never seen; "warm"
revisits places already rendered. The app runs headless at 160x48, so no time
goes into writing to a terminal. Toasts are on, as in the real app: ``run_test``
turns them off by default, which hid the cost of a toast mounted per key.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from textual import events
from textual.drivers.headless_driver import HeadlessDriver
from textual.geometry import Size
from textual.pilot import Pilot

from benchmarks.corpus import make_big_article
from benchmarks.registry import BenchmarkError, Measurement, Options, benchmark
from store import Store, open_store
from store.text.segment import next_sentence
from tui.app import ReaderApp, make_app
from tui.widgets.doc_view import DocView

SIZE = (160, 48)
PRESSES = 200
ANNOTATIONS = 10_000
KEY_REPEAT = 1 / 30
"""Seconds between keys during the re-wrap: a held key repeats about 30 times a second."""


@contextmanager
def big_store(annotations: int = 0) -> Iterator[tuple[Store, int, Path]]:
    """A file database holding the 5 MB article (and ``annotations`` spread over it)."""
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as tmp:
        root = Path(tmp)
        article = make_big_article(root / "big.txt", 5)
        store = open_store(root / "reader.db")
        article_id, _ = store.add_file(article)
        if annotations:
            add_annotations(store, article_id, annotations)
        try:
            yield store, article_id, root
        finally:
            store.close()


def add_annotations(store: Store, article_id: int, count: int) -> None:
    """``count`` tagged sentences spread evenly over the article, in one transaction."""
    text = store.article_text(article_id)
    step = len(text) // count
    tags = [tag.id for tag in store.tags()]
    with store.transaction() as conn:
        for n in range(count):
            start = n * step
            end = min(next_sentence(text, start + 1), start + 400, len(text))
            if end <= start:
                continue
            annotation_id = f"bench-{n}"
            conn.execute(
                "INSERT INTO annotations (id, article_id, start, end, exact, prefix, suffix,"
                " note, created, updated) VALUES (?, ?, ?, ?, ?, '', '', '', '', '')",
                (annotation_id, article_id, start, end, text[start:end]),
            )
            conn.execute(
                "INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)",
                (annotation_id, tags[n % len(tags)]),
            )


def key(name: str) -> events.Key:
    return events.Key(name, name if len(name) == 1 else None)


async def timed_keys(
    pilot: Pilot[None],
    keys: list[str],
    before: Callable[[], None] = lambda: None,
    settle: bool = True,
) -> list[float]:
    """Milliseconds from posting each key to the end of the repaint it caused."""
    times = []
    for name in keys:
        before()
        start = time.perf_counter()
        pilot.app.post_message(key(name))
        for _ in range(2):  # the key's messages, then the refreshes they asked for
            await pilot._wait_for_screen()
            pilot.app.screen._on_timer_update()
        times.append((time.perf_counter() - start) * 1000)
        if settle:
            await pilot.pause()
    return times


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]


def run_app(
    store: Store, article_id: int, script: Callable[[ReaderApp, Pilot[None]], Awaitable[float]]
) -> float:
    app = make_app(store, [article_id])

    async def main() -> float:
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            return await script(app, pilot)

    return asyncio.run(main())


def view_of(app: ReaderApp) -> DocView:
    view = app.focused
    if not isinstance(view, DocView):
        raise BenchmarkError("no document view has the focus")
    return view


def key_latency(keys: list[str], details: dict[str, list[float]]) -> Measurement:
    """p95 over cold and warm presses of ``keys``, spread over the article."""

    async def script(app: ReaderApp, pilot: Pilot[None]) -> float:
        view = view_of(app)
        await app.workers.wait_for_complete()
        await pilot.pause()
        places = [len(view.text) * n // 20 for n in range(20)]
        cold: list[float] = []
        warm: list[float] = []
        per_place = max(1, PRESSES // (len(places) * len(keys)))
        for place in places:
            for name in keys:
                view.move_to(place)
                view.mark = None
                if name.startswith("select:"):
                    view.action_toggle_select()
                    name = name.removeprefix("select:")
                await pilot.pause()
                cold += await timed_keys(pilot, [name] * per_place, view._strips.clear)
                view.move_to(place)
                await pilot.pause()
                warm += await timed_keys(pilot, [name] * per_place)
        details["cold"], details["warm"] = cold, warm
        return max(p95(cold), p95(warm))

    with big_store() as (store, article_id, _):
        figure = run_app(store, article_id, script)
    return Measurement(
        figure,
        f"p95 cold {p95(details['cold']):.1f} ms, warm {p95(details['warm']):.1f} ms "
        f"({len(details['cold'])} + {len(details['warm'])} presses)",
        {"cold_ms": details["cold"], "warm_ms": details["warm"]},
    )


@benchmark("keys_cursor", budget=16, unit="ms")
def keys_cursor(options: Options) -> Measurement:
    """Cursor moves (j, w, ) on the 5 MB article: key-to-repaint p95, cold and warm cache."""
    return key_latency(["j", "w", "right_parenthesis"], {})


@benchmark("keys_page", budget=16, unit="ms")
def keys_page(options: Options) -> Measurement:
    """Page down on the 5 MB article: key-to-repaint p95, cold and warm cache."""
    return key_latency(["pagedown"], {})


@benchmark("keys_select", budget=16, unit="ms")
def keys_select(options: Options) -> Measurement:
    """Selection extend (v then j, shift+down) on the 5 MB article: p95, cold and warm."""
    return key_latency(["select:j", "select:shift+down"], {})


@benchmark("rewrap_5mb", budget=1.5, unit="s")
def rewrap_5mb(options: Options) -> Measurement:
    """Full re-wrap of the 5 MB article after a resize, j held down meanwhile (p95 shown)."""
    latencies: list[float] = []

    async def script(app: ReaderApp, pilot: Pilot[None]) -> float:
        view = view_of(app)
        await app.workers.wait_for_complete()
        await pilot.pause()
        start = time.perf_counter()
        # As the driver does on SIGWINCH; Pilot's resize_terminal would wait for idle,
        # that is for the whole re-wrap, before letting a key through.
        size = Size(100, 48)
        if isinstance(app._driver, HeadlessDriver):
            app._driver._size = size
        old_rows = view.rows
        app.post_message(events.Resize(size, size))
        # Done when the view holds rows of the new width for the whole text.
        while view.rows is old_rows or not view.fully_wrapped or view.wrap_width >= 100:
            latencies.extend(await timed_keys(pilot, ["j"], settle=False))
            await asyncio.sleep(KEY_REPEAT)
            if time.perf_counter() - start > 30:
                raise BenchmarkError("the re-wrap did not finish in 30 s")
        return time.perf_counter() - start

    with big_store() as (store, article_id, _):
        figure = run_app(store, article_id, script)
    if not latencies:
        raise BenchmarkError("no key was answered during the re-wrap")
    return Measurement(
        figure,
        f"{len(latencies)} keys answered meanwhile: p95 {p95(latencies):.1f} ms, "
        f"max {max(latencies):.1f} ms",
        {"key_ms": latencies},
    )


MEMORY_SCRIPT = """
import asyncio, sys
from pathlib import Path
kind, db, article = sys.argv[1:4]
if kind == "hello":
    sys.path.insert(0, str(Path(article).parent))
    from benchmarks.hello_app import HelloApp as App
    app = App()
else:
    from store import open_store
    from tui.app import make_app
    store = open_store(db)
    app = make_app(store, [store.add_file(article)[0]])
async def main():
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
asyncio.run(main())
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent.
status = Path("/proc/self/status").read_text()
print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
"""


def peak_kib(kind: str, db: Path, article: Path) -> int:
    result = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT, kind, str(db), str(article)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )
    if result.returncode != 0:
        raise BenchmarkError(f"{kind}: {result.stderr.strip().splitlines()[-1:]}")
    return int(result.stdout.split()[-1])


@benchmark("memory_5mb", budget=80, unit="MB")
def memory_5mb(options: Options) -> Measurement:
    """Peak memory with the 5 MB article open and wrapped, over hello_app (MB more)."""
    with big_store() as (_, _, root):
        article = root / "big.txt"
        peak_kib("reader", root / "reader.db", article)  # imports the article
        hello = statistics.median(peak_kib("hello", root / "x.db", article) for _ in range(3))
        reader = statistics.median(
            peak_kib("reader", root / "reader.db", article) for _ in range(3)
        )
    extra = (reader - hello) / 1024
    return Measurement(
        extra,
        f"reader {reader / 1024:.0f} MB, hello {hello / 1024:.0f} MB (peak RSS, median of 3)",
        {"reader_kib": reader, "hello_kib": hello},
    )


@benchmark("tag_key_10k", budget=16, unit="ms")
def tag_key_10k(options: Options) -> Measurement:
    """Key 1 on a sentence of the 5 MB article with 10,000 annotations: key-to-repaint p95."""
    samples: list[float] = []

    async def script(app: ReaderApp, pilot: Pilot[None]) -> float:
        view = view_of(app)
        await app.workers.wait_for_complete()
        await pilot.pause()
        view.move_to(len(view.text) // 3)
        for _ in range(100):
            view.action_sentence(1)
            await pilot.pause()
            samples.extend(await timed_keys(pilot, ["1"]))
        return p95(samples)

    with big_store(ANNOTATIONS) as (store, article_id, _):
        figure = run_app(store, article_id, script)
    return Measurement(
        figure,
        f"p95 {figure:.1f} ms, median {statistics.median(samples):.1f} ms ({len(samples)} presses)",
        {"key_ms": samples},
    )


@benchmark("commit_10k", budget=5, unit="ms")
def commit_10k(options: Options) -> Measurement:
    """One tag toggle committed to SQLite with 10,000 annotations on the article: median."""
    with big_store(ANNOTATIONS) as (store, article_id, _):
        text = store.article_text(article_id)
        samples = []
        place = len(text) // 7
        for _ in range(200):
            end = next_sentence(text, place + 1)
            start = time.perf_counter()
            store.toggle_tag(article_id, place, end, "claim")
            samples.append((time.perf_counter() - start) * 1000)
            place = end
    figure = statistics.median(samples)
    return Measurement(
        figure,
        f"median {figure:.2f} ms, p95 {p95(samples):.2f} ms ({len(samples)} commits)",
        {"commit_ms": samples},
    )
