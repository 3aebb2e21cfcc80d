"""The results stage: the detectors' findings made into discrepancies.

Findings are gathered by what differs: one discrepancy per kind, fact and pair
of values (two wordings of one quotation, two numbers in one reported sentence),
however many passages show it, each side listing all of them in the store's
order. A quotation's discrepancies come first, in the order of the quotation
groups, then the others in the order found.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from store.compare.detection import Describe, Finding
from store.compare.findings import Discrepancy, Side, stable_id
from store.records import Article


@dataclass
class _Pending:
    kind: str
    values: tuple[Hashable, Hashable]
    describe: Describe
    shown: tuple[Any, Any]
    about: int | None
    parts: tuple[dict[int, Sequence[Side]], dict[int, Sequence[Side]]]
    """The lists of passages given for either side, by identity: a list given again
    (the passages of a wording compared with many others) is not gone through again."""


def discrepancies(findings: Iterable[Finding], articles: Sequence[Article]) -> list[Discrepancy]:
    """One discrepancy per kind, fact and pair of values of ``findings``, about
    ``articles`` (in the store's order)."""
    pending: dict[tuple[str, Hashable, frozenset[Hashable]], _Pending] = {}
    for finding in findings:
        one, two = finding.one, finding.two
        key = (finding.kind, finding.fact, frozenset(finding.values))
        item = pending.get(key)
        if item is None:
            shown = finding.shown if finding.shown is not None else finding.values
            item = pending[key] = _Pending(
                finding.kind, finding.values, finding.describe, shown, finding.about, ({}, {})
            )
        elif finding.values != item.values:
            one, two = two, one
        item.parts[0].setdefault(id(one), one)
        item.parts[1].setdefault(id(two), two)
    listed = sorted(pending.values(), key=lambda item: (item.about is None, item.about or 0))
    return _Sides(articles).discrepancies(listed)


class _Sides:
    """Each side's passages, in the store's order, and who gives them."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.order = {a.id: n for n, a in enumerate(articles)}
        self.labels = {a.id: a.label for a in articles}
        self.hashes = {a.id: a.content_hash for a in articles}
        self.ordered: dict[int, tuple[Side, ...]] = {}  # each list of passages, in order, once

    def discrepancies(self, listed: list[_Pending]) -> list[Discrepancy]:
        found = []
        for item in listed:
            one, two = (self._passages(parts) for parts in item.parts)
            if not one or not two:
                continue
            (v1, v2), (s1, s2) = item.values, item.shown
            if self.place(two[0]) < self.place(one[0]):
                one, two, v1, v2, s1, s2 = two, one, v2, v1, s2, s1
            first, second = one[0], two[0]
            ident = stable_id(
                item.kind, v1, v2, self.hashes[first.article_id], first.start, first.end,
                self.hashes[second.article_id], second.start, second.end,
            )  # fmt: skip
            reason = item.describe(s1, s2, self._who(one), self._who(two))
            found.append(Discrepancy(ident, item.kind, reason, (first, second), (one, two)))
        return found

    def _passages(self, parts: dict[int, Sequence[Side]]) -> tuple[Side, ...]:
        """The passages of one side, in the store's order, each once."""
        ordered = self.ordered
        for key, part in parts.items():
            if key not in ordered:
                unique = {(side.article_id, side.start, side.end): side for side in part}
                ordered[key] = tuple(sorted(map(_plain, unique.values()), key=self.place))
        if len(parts) == 1:
            return ordered[next(iter(parts))]
        unique = {(s.article_id, s.start, s.end): s for key in parts for s in ordered[key]}
        return tuple(sorted(unique.values(), key=self.place))

    def place(self, side: Side) -> tuple[int, int]:
        return self.order[side.article_id], side.start

    def _who(self, sides: Sequence[Side]) -> str:
        more = len({s.article_id for s in sides}) - 1
        label = self.labels[sides[0].article_id]
        return f"{label} and {more} more" if more else label


def _plain(side: Side) -> Side:
    return side if type(side) is Side else Side(side.article_id, side.start, side.end, side.exact)
