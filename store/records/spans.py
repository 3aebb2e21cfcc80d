"""Which annotations touch a stretch of text: asked for every row drawn, so it must
stay fast whatever the annotations are, an article-long highlight included."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from typing import Generic, Protocol, TypeVar


class Spanned(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def tags(self) -> tuple[str, ...]: ...


S = TypeVar("S", bound=Spanned)
Key = tuple[int, int, str]


class _Sorted(Generic[S]):
    """Spans in (start, end, id) order, with their keys beside them for bisecting."""

    def __init__(self) -> None:
        self.keys: list[Key] = []
        self.items: list[S] = []

    def insert(self, span: S) -> None:
        key = (span.start, span.end, span.id)
        index = bisect_right(self.keys, key)
        self.keys.insert(index, key)
        self.items.insert(index, span)

    def remove(self, span: S) -> None:
        index = bisect_left(self.keys, (span.start, span.end, span.id))
        del self.keys[index]
        del self.items[index]


class SpanIndex(Generic[S]):
    """Annotations (or marks) by position, answering overlap queries in O(log n + k).

    Spans are kept in classes by length, each sorted by start: one class for the
    short ones (a sentence or a paragraph: most annotations), and for longer ones a
    class per power of two. A query looks back from its start by its class's
    longest possible span only: one article-long highlight costs one more bisect
    per query, not a scan of every span before the query.
    """

    def __init__(self, annotations: Sequence[S] = ()) -> None:
        self._all: _Sorted[S] = _Sorted()
        self._classes: dict[int, _Sorted[S]] = {}
        self._by_id: dict[str, S] = {}
        ordered = sorted(annotations, key=lambda a: (a.start, a.end, a.id))
        self._all.keys = [(a.start, a.end, a.id) for a in ordered]
        self._all.items = ordered
        for span in ordered:
            self._by_id[span.id] = span
            spans = self._classes.setdefault(_length_class(span), _Sorted())
            spans.keys.append((span.start, span.end, span.id))
            spans.items.append(span)

    def __len__(self) -> int:
        return len(self._all.items)

    def __iter__(self) -> Iterator[S]:
        return iter(self._all.items)

    def get(self, annotation_id: str) -> S | None:
        return self._by_id.get(annotation_id)

    def overlapping(self, start: int, end: int) -> list[S]:
        """The annotations sharing at least one character with ``[start, end)``, in
        position order."""
        found: list[S] = []
        classes = 0
        for length_class, spans in self._classes.items():
            low = bisect_left(spans.keys, (start - _LOOK_BACK[length_class],))
            high = bisect_left(spans.keys, (end,))
            if low < high:
                before = len(found)
                found += [a for a in spans.items[low:high] if a.end > start]
                classes += len(found) > before
        if classes > 1:
            found.sort(key=lambda a: (a.start, a.end, a.id))
        return found

    def add(self, annotation: S) -> None:
        self.discard(annotation.id)
        self._all.insert(annotation)
        self._classes.setdefault(_length_class(annotation), _Sorted()).insert(annotation)
        self._by_id[annotation.id] = annotation

    def discard(self, annotation_id: str) -> None:
        old = self._by_id.pop(annotation_id, None)
        if old is None:
            return
        self._all.remove(old)
        length_class = _length_class(old)
        spans = self._classes[length_class]
        spans.remove(old)
        if not spans.items:
            del self._classes[length_class]


SHORT = 1 << 10
"""Spans shorter than this (a sentence, a paragraph) share one class."""
_LOOK_BACK = [SHORT if length_class == 0 else 1 << length_class for length_class in range(64)]
"""How far before a query's start a span of each class may begin and still reach it."""


def _length_class(span: Spanned) -> int:
    """The class of a span's length: 0 for a short span, else c where length < 2**c."""
    length = span.end - span.start
    return 0 if length < SHORT else length.bit_length()
