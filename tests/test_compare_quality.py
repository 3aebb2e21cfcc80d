"""How well ``compare`` finds the quotations several seed articles carry, and the
discrepancies between them, against ``compare_eval.json`` (built by reading the
seeds; see its "about"). The targets on quotation groups are 0.9 each.

A found group is right when at least two thirds of its occurrences, in at least
two articles, overlap the occurrences of one hand-made group; a hand-made group
is found when one found group overlaps its occurrences in two articles. A
found discrepancy lists every passage on either side (``each_side``: one
difference shown by several articles is one discrepancy); it is right when a
passage of one side and a passage of the other overlap the two sides of a
hand-made one.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from store import Store, open_store
from store.compare.findings import Comparison, Side
from store.db.comparing import compare
from store.db.seeds import seed_once

EVAL = json.loads((Path(__file__).parent / "compare_eval.json").read_text(encoding="utf-8"))
Span = tuple[str, int, int]


@pytest.fixture(scope="module")
def found() -> tuple[Store, Comparison]:
    store = open_store(":memory:")
    seed_once(store)
    return store, compare(store)


def spans(items: Sequence[dict[str, object]]) -> list[Span]:
    return [(str(i["file"]), int(i["start"]), int(i["end"])) for i in items]  # type: ignore[call-overload]


def overlaps(a: Span, b: Span) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def side_span(store: Store, side: Side) -> Span:
    return (store.article(side.article_id).file_name, side.start, side.end)


def group_scores(store: Store, comparison: Comparison) -> tuple[float, float]:
    gold = [spans(g["occurrences"]) for g in EVAL["groups"]]
    found = [[side_span(store, o) for o in g.occurrences] for g in comparison.groups]
    right = 0
    for group in found:
        for truth in gold:
            hits = [o for o in group if any(overlaps(o, t) for t in truth)]
            if len(hits) >= 2 / 3 * len(group) and len({h[0] for h in hits}) >= 2:
                right += 1
                break
    recalled = sum(
        any(len({o[0] for o in group if any(overlaps(o, t) for t in truth)}) >= 2
            for group in found)
        for truth in gold
    )  # fmt: skip
    return right / max(1, len(found)), recalled / len(gold)


def discrepancy_scores(store: Store, comparison: Comparison) -> tuple[float, float]:
    gold = [spans(d["sides"]) for d in EVAL["discrepancies"]]
    found = [
        [[side_span(store, s) for s in passages] for passages in d.each_side]
        for d in comparison.discrepancies
    ]

    def same(pair: list[list[Span]], truth: list[Span]) -> bool:
        x, y = truth
        return any(
            (overlaps(a, x) and overlaps(b, y)) or (overlaps(a, y) and overlaps(b, x))
            for a in pair[0]
            for b in pair[1]
        )

    right = sum(any(same(pair, truth) for truth in gold) for pair in found)
    recalled = sum(any(same(pair, truth) for pair in found) for truth in gold)
    return right / max(1, len(found)), recalled / len(gold)


def test_quotation_groups_meet_their_targets(found: tuple[Store, Comparison]) -> None:
    precision, recall = group_scores(*found)
    print(f"quotation groups: precision {precision:.2f}, recall {recall:.2f}")
    # The targets are 0.9; these floors, just under what is reached (1.00 and 1.00),
    # keep it from getting worse.
    assert precision >= 0.95 and recall >= 0.95


def test_discrepancies_are_found(found: tuple[Store, Comparison]) -> None:
    precision, recall = discrepancy_scores(*found)
    print(f"discrepancies: precision {precision:.2f}, recall {recall:.2f}")
    # No target in the issue; these floors, just under what is reached (1.00 and 0.85:
    # 11 of 13), keep what works from getting worse.
    assert precision >= 0.9 and recall >= 0.8
