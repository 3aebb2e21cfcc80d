"""Re-anchoring annotations onto new versions of articles: how well, and how fast.

Quality: ``benchmarks/edits.py`` makes new versions of real articles with the
edits news articles get and knows where each marked passage went. Each passage
is then placed by reader's re-anchoring (``store.text.reanchor``, which has the
old text too), by reader's quote-only re-anchoring (``store.text.anchor``, given
only what Hypothesis has: quote, context, old position) and by Hypothesis'
client (``benchmarks/hypothesis.py``), and counted as placed right (overlapping
the true place by at least ``RIGHT`` of their union), placed wrong (anywhere
else, or at all when the passage was removed), orphaned while present, or
orphaned correctly. The edits come from seeded random generators: seeds
``TUNING`` are the ones looked at while tuning, ``HELD_OUT`` never were.

Speed: 10,000 annotations re-anchored onto a new version of the 5 MB article,
and the word diff of those two versions.

``python -m benchmarks.reanchoring [--cases N]`` prints the quality table.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache

from benchmarks.edits import Case, Marked, make_case
from benchmarks.hypothesis import hypothesis_anchor
from benchmarks.registry import Measurement, Options, benchmark
from store.text.anchor import anchor, quote_selector
from store.text.reanchor import Passage, reanchor

TUNING = range(0, 1000)
HELD_OUT = range(1_000_000, 1_001_000)
RIGHT = 0.8
OUTCOMES = ("right", "wrong", "orphaned while present", "orphaned correctly")

Placer = Callable[[Case], list[tuple[int, int] | None]]


def _passages(case: Case) -> list[Passage]:
    return [
        Passage(str(n), p.start, p.end, *quote_selector(case.old, p.start, p.end))
        for n, p in enumerate(case.passages)
    ]


def reader(case: Case) -> list[tuple[int, int] | None]:
    moves = reanchor(case.old, case.new, _passages(case))
    return [
        (move.placement.start, move.placement.end) if move.placed and move.placement else None
        for move in moves
    ]


def reader_quote_only(case: Case) -> list[tuple[int, int] | None]:
    return [anchor(case.new, p.exact, p.prefix, p.suffix, p.start) for p in _passages(case)]


def hypothesis(case: Case) -> list[tuple[int, int] | None]:
    return [
        hypothesis_anchor(case.new, p.exact, p.prefix, p.suffix, p.start, p.end)
        for p in _passages(case)
    ]


PLACERS: dict[str, Placer] = {
    "reader": reader,
    "reader, quote only": reader_quote_only,
    "Hypothesis": hypothesis,
}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    union = max(a[1], b[1]) - min(a[0], b[0])
    return max(0, inter) / union if union else 0.0


def judge(passage: Marked, placed: tuple[int, int] | None) -> str:
    truth = passage.truth
    if truth is None:
        return "orphaned correctly" if placed is None else "wrong"
    if placed is None:
        return "orphaned while present"
    places = (truth, *passage.copies)
    return "right" if any(_overlap(place, placed) >= RIGHT for place in places) else "wrong"


@cache
def evaluate(seeds: tuple[int, ...]) -> dict[str, Counter[str]]:
    """Outcome counts of each placer over the cases of these seeds (and, under
    ``edited``, the counts for passages whose words were edited)."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in PLACERS}
    for seed in seeds:
        case = make_case(seed)
        for name, placer in PLACERS.items():
            for passage, placed in zip(case.passages, placer(case), strict=True):
                outcome = judge(passage, placed)
                counts[name][outcome] += 1
                if outcome == "wrong" and passage.truth is not None:
                    counts[name]["wrong present"] += 1
                if passage.edited:
                    counts[name]["edited " + outcome] += 1
    return counts


def percent_right(counts: Counter[str]) -> float:
    """Passages placed right, in percent of those still present in the new version."""
    present = counts["right"] + counts["wrong present"] + counts["orphaned while present"]
    return 100.0 * counts["right"] / present if present else 100.0


def table(title: str, seeds: Iterable[int]) -> str:
    results = evaluate(tuple(seeds))
    lines = [title, f"{'':<20}" + "".join(f"{o:>24}" for o in (*OUTCOMES, "right of present"))]
    for name, counts in results.items():
        share = percent_right(counts)
        cells = "".join(f"{counts[o]:>24}" for o in OUTCOMES)
        lines.append(f"{name:<20}{cells}{share:>23.2f}%")
        edited = "".join(f"{counts['edited ' + o]:>24}" for o in OUTCOMES)
        lines.append(f"{'  of them edited':<20}{edited}")
    return "\n".join(lines)


@cache
def _held_out() -> dict[str, Counter[str]]:
    return evaluate(tuple(HELD_OUT))


@benchmark("reanchor_wrong", budget=0, unit="passages")
def reanchor_wrong(options: Options) -> Measurement:
    """Passages placed on a wrong passage, held-out new versions (Hypothesis' in the summary)."""
    results = _held_out()
    ours, theirs = results["reader"], results["Hypothesis"]
    summary = (
        f"reader {ours['wrong']} wrong, Hypothesis {theirs['wrong']} "
        f"({sum(ours[o] for o in OUTCOMES)} passages, seeds {HELD_OUT.start}-{HELD_OUT.stop - 1})"
    )
    if ours["wrong"] >= theirs["wrong"] and theirs["wrong"]:
        summary += "; NOT fewer than the baseline"
    return Measurement(float(ours["wrong"]), summary, {o: ours[o] for o in OUTCOMES})


@benchmark("reanchor_missed", budget=1.0, unit="%")
def reanchor_missed(options: Options) -> Measurement:
    """Passages still present but not placed right, held-out new versions, in percent."""
    results = _held_out()
    ours, theirs = results["reader"], results["Hypothesis"]
    figure = 100.0 - percent_right(ours)
    summary = (
        f"reader {percent_right(ours):.2f}% placed right, Hypothesis {percent_right(theirs):.2f}%"
        f" (of passages still present; reader orphans {ours['orphaned while present']} of them)"
    )
    return Measurement(figure, summary, {o: ours[o] for o in OUTCOMES})


# -- speed ----------------------------------------------------------------------------


@cache
def _big_versions() -> tuple[str, str, list[Passage]]:
    """The 5 MB article, a new version of it (paragraphs inserted, removed, moved,
    words corrected) and 10,000 passages on the old one."""
    from benchmarks.corpus import big_article_text

    old = big_article_text(5)
    rng = random.Random(5)
    paragraphs = old.split("\n\n")
    for number in range(40):
        paragraphs.insert(rng.randrange(len(paragraphs)), f"Update: a new paragraph {number}.")
    for _ in range(40):
        paragraphs.pop(rng.randrange(len(paragraphs)))
    for _ in range(20):
        moved = paragraphs.pop(rng.randrange(len(paragraphs)))
        paragraphs.insert(rng.randrange(len(paragraphs)), moved)
    for _ in range(200):
        index = rng.randrange(len(paragraphs))
        words = paragraphs[index].split(" ")
        words[rng.randrange(len(words))] = "corrected"
        paragraphs[index] = " ".join(words)
    new = "\n\n".join(paragraphs)
    passages = []
    for number in range(10_000):
        start = rng.randrange(len(old) - 300)
        while not old[start].isalnum():
            start += 1
        end = start + rng.randint(10, 250)
        passages.append(Passage(str(number), start, end, *quote_selector(old, start, end)))
    return old, new, passages


@benchmark("reanchor_10k_5mb", budget=2.0, unit="s")
def reanchor_10k_5mb(options: Options) -> Measurement:
    """10,000 annotations re-anchored onto a new version of a 5 MB article (no writing)."""
    old, new, passages = _big_versions()
    samples, moves = [], []
    for _ in range(max(1, min(options.runs, 3))):
        began = time.perf_counter()
        moves = reanchor(old, new, passages)
        samples.append(time.perf_counter() - began)
    figure = statistics.median(samples)
    kinds = Counter(m.placement.method if m.placed and m.placement else "orphan" for m in moves)
    summary = f"{figure:.3f} s (median of {len(samples)}); " + ", ".join(
        f"{n} {k}" for k, n in kinds.most_common()
    )
    return Measurement(figure, summary, {"samples": samples})


@benchmark("version_diff_5mb", budget=1.0, unit="s")
def version_diff_5mb(options: Options) -> Measurement:
    """The word diff of two versions of a 5 MB article, unchanged paragraphs folded."""
    from store.text.worddiff import word_diff

    old, new, _ = _big_versions()
    samples = []
    hunks = 0
    for _ in range(max(1, min(options.runs, 3))):
        began = time.perf_counter()
        hunks = len(word_diff(old, new).hunks)
        samples.append(time.perf_counter() - began)
    figure = statistics.median(samples)
    summary = f"{figure:.3f} s (median of {len(samples)}), {hunks} changed stretches"
    return Measurement(figure, summary, {"samples": samples})


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.reanchoring")
    parser.add_argument("--cases", type=int, default=len(TUNING))
    parser.add_argument("--held-out", action="store_true", help="the held-out seeds too")
    args = parser.parse_args()
    print(table(f"tuning seeds {TUNING.start}-{TUNING.start + args.cases - 1}",
                range(TUNING.start, TUNING.start + args.cases)))  # fmt: skip
    if args.held_out:
        print(table(f"held-out seeds {HELD_OUT.start}-{HELD_OUT.stop - 1}", HELD_OUT))


if __name__ == "__main__":
    main()
