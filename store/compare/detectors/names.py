"""``name``: one person's name spelled two ways by two articles (a letter changed,
an accent left out), wherever the articles name them."""

from __future__ import annotations

from collections.abc import Iterator

from store.compare.detection import DetectionContext, Finding
from store.compare.findings import Side

KIND = "name"


def detect(context: DetectionContext) -> Iterator[Finding]:
    """Each name spelled two ways (``DetectionContext.spelled``), with where each
    article first gives it."""
    texts = context.corpus.texts
    for name in context.spelled:
        ones = [_first(texts[article_id], article_id, name.one) for article_id in name.in_one]
        twos = [_first(texts[article_id], article_id, name.two) for article_id in name.in_two]
        yield Finding(
            KIND, frozenset((name.one, name.two)), (name.one, name.two), ones, twos, _spelled
        )


def _first(text: str, article_id: int, name: str) -> Side:
    start = text.find(name)
    return Side(article_id, start, start + len(name), name)


def _spelled(one: str, two: str, who_one: str, who_two: str) -> str:
    return f"{one} ({who_one}) / {two} ({who_two}): the name is spelled two ways"
