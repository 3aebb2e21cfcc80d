"""Disjoint sets (union-find), as grouping joins units into utterances and the venue
detector joins venues named alike."""

from __future__ import annotations


class Sets:
    """Disjoint sets of the numbers ``0`` to ``size - 1``."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)
