"""``action``: one person said to have resigned in one article and to have been
fired in another (``store.compare.facts.actions``), as narrated outside quotations."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from store.compare.detection import DetectionContext, Finding
from store.compare.facts import LEFT, REMOVED, actions
from store.compare.findings import Side
from store.compare.lexicon import lexicon
from store.compare.narration import narration

KIND = "action"
_LEAVING = re.compile(lexicon().alternation("leaving_hints"))


def detect(context: DetectionContext) -> Iterator[Finding]:
    """Each person someone left and someone else removed, as articles tell it."""
    corpus = context.corpus
    told: dict[str, dict[str, list[Side]]] = defaultdict(lambda: defaultdict(list))
    names: dict[str, str] = {}
    for article_id, quotes in context.quotes.items():
        text = corpus.texts[article_id]
        if not _LEAVING.search(text):
            continue
        for action in actions(narration(text, quotes), corpus.people[article_id]):
            told[action.person][action.how].append(
                Side(article_id, action.start, action.end, text[action.start : action.end])
            )
            names.setdefault(action.person, action.person.title())
    for person, hows in told.items():
        if LEFT in hows and REMOVED in hows:
            name = names[person]

            def describe(one: str, two: str, who_one: str, who_two: str, name: str = name) -> str:
                return f"{who_one}: {name} {one}; {who_two}: {name} {two}"

            yield Finding(KIND, person, (LEFT, REMOVED), hows[LEFT], hows[REMOVED], describe)
