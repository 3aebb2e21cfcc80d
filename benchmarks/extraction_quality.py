"""How well reader takes the article out of a web page: ``python -m benchmarks.extraction_quality``.

Scores ``store.ingest.webpage.document_from_html`` on the 60 pages of
``benchmarks/extraction/`` (see its README) the way the article extraction
benchmark does: word 4-gram shingles, precision and recall per page, averaged
over the pages, F1 of the two averages.

The pages are split once, by their sorted keys: every third (index 2, 5, 8, ...)
is held out (20 pages) and the other 40 are the ones extraction settings were
chosen on. The held-out figure is the one that says how reader does on pages it
was not tuned on.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from store.errors import IngestError
from store.ingest.webpage import document_from_html

FOLDER = Path(__file__).resolve().parent / "extraction"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Score:
    """Mean precision and recall over some pages, and their F1."""

    precision: float
    recall: float
    pages: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def line(self, label: str) -> str:
        return (
            f"{label:<10} P={self.precision:.3f}  R={self.recall:.3f}  F1={self.f1:.3f}"
            f"  ({self.pages} pages)"
        )


def ground_truth() -> dict[str, dict[str, str]]:
    """KEY -> {"articleBody": ..., "url": ...} for every page."""
    data: dict[str, dict[str, str]] = json.loads(
        (FOLDER / "ground-truth.json").read_text(encoding="utf-8")
    )
    return data


def page_bytes(key: str) -> bytes:
    """A page's HTML as saved (decompressed)."""
    return gzip.decompress((FOLDER / "html" / f"{key}.html.gz").read_bytes())


def split(keys: Sequence[str]) -> tuple[list[str], list[str]]:
    """(tuning pages, held-out pages): every third key in sorted order is held out."""
    ordered = sorted(keys)
    held_out = ordered[2::3]
    return [key for key in ordered if key not in held_out], held_out


def shingles(text: str) -> set[tuple[str, ...]]:
    """The text's word 4-grams (a text of fewer words is one shingle)."""
    words = _WORD.findall(text)
    if len(words) < 4:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + 4]) for i in range(len(words) - 3)}


def page_score(truth: str, extracted: str) -> tuple[float, float]:
    """(precision, recall) of one page's extracted text against its true body."""
    true, found = shingles(truth), shingles(extracted)
    if not true and not found:
        return 1.0, 1.0
    hits = len(true & found)
    precision = hits / len(found) if found else 0.0
    recall = hits / len(true) if true else 0.0
    return precision, recall


def reader_text(key: str) -> str:
    """The article text reader takes out of a page ("" when it refuses the page)."""
    try:
        return document_from_html(page_bytes(key), key).text
    except IngestError:
        return ""


def score(
    keys: Sequence[str],
    truth: dict[str, dict[str, str]],
    extract: Callable[[str], str] = reader_text,
) -> tuple[Score, dict[str, tuple[float, float]]]:
    """The mean score over ``keys`` and each page's (precision, recall)."""
    per_page = {key: page_score(truth[key]["articleBody"], extract(key)) for key in keys}
    count = len(per_page) or 1
    mean = Score(
        sum(p for p, _ in per_page.values()) / count,
        sum(r for _, r in per_page.values()) / count,
        len(per_page),
    )
    return mean, per_page


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.extraction_quality",
        description="Score reader's article extraction on benchmarks/extraction/.",
    )
    parser.add_argument("--pages", action="store_true", help="also print each page's score")
    args = parser.parse_args(argv)
    truth = ground_truth()
    tuning, held_out = split(list(truth))
    started = time.perf_counter()
    overall, per_page = score(sorted(truth), truth)
    elapsed = time.perf_counter() - started

    def subset(keys: list[str]) -> Score:
        return Score(
            sum(per_page[k][0] for k in keys) / len(keys),
            sum(per_page[k][1] for k in keys) / len(keys),
            len(keys),
        )

    if args.pages:
        for key in sorted(truth):
            precision, recall = per_page[key]
            where = "held-out" if key in held_out else "tuning"
            print(f"{key[:12]}  {where:<8}  P={precision:.3f}  R={recall:.3f}  {truth[key]['url']}")
    print(subset(tuning).line("tuning"))
    print(subset(held_out).line("held-out"))
    print(overall.line("all"))
    print(f"{elapsed / len(truth) * 1000:.0f} ms a page on average")
    return 0


if __name__ == "__main__":
    sys.exit(main())
