"""What the comparison reads: the articles, their texts, the quotations already
found, and the user's decisions, taken from the database once (by
``store.db.comparing``) so that the analysis touches no database and may run in
a worker thread. Sentences and the people each article names are found on first
use and kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.compare.quotes import Quote, named_people
from store.records import Article
from store.text.segment import sentence_spans

_LINE = re.compile(r"[^\n]+")


@dataclass
class Corpus:
    """The articles compared, with what is known of them before the analysis."""

    article_list: list[Article]
    texts: dict[int, str]
    cached: dict[int, list[Quote]] = field(default_factory=dict)
    """Quotations found before (the database's cache), by article."""
    decisions: dict[str, str] = field(default_factory=dict)
    """The user's decision (accepted, dismissed) on each suggestion decided."""
    fresh: dict[int, list[Quote]] = field(default_factory=dict)
    """Quotations found by the analysis for articles not in the cache."""
    _sentences: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    _people: dict[int, dict[str, str]] = field(default_factory=dict)

    def articles(self) -> list[Article]:
        return self.article_list

    def article_text(self, article_id: int) -> str:
        return self.texts[article_id]

    def sentences(self, article_id: int) -> list[tuple[int, int]]:
        """The article's sentences, line by line, in order (found once)."""
        if article_id not in self._sentences:
            text = self.texts[article_id]
            self._sentences[article_id] = [
                span
                for line in _LINE.finditer(text)
                for span in sentence_spans(text, line.start(), line.end())
            ]
        return self._sentences[article_id]

    def people(self, article_id: int) -> dict[str, str]:
        """The people the article names: surname -> fullest name (found once)."""
        if article_id not in self._people:
            self._people[article_id] = named_people(self.texts[article_id])
        return self._people[article_id]
