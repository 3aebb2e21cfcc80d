"""The words a search query asks for, found in a text: where the first one is, and a
snippet around it with every match marked.

The database finds which articles and notes match (SQLite FTS5); this says where,
so a hit can be opened with the cursor on it. A query is read as FTS5 reads it:
barewords and "quoted phrases", ``word*`` prefixes, AND / OR / NOT / NEAR and
parentheses, ``column:`` filters. Case and diacritics do not count (Muller finds
Müller), as in the index.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

SNIPPET = 70
"""Characters of context on each side of the first match."""

_TOKEN = re.compile(r'"([^"]*)"|(\w+\*?)')
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


def query_terms(query: str) -> list[tuple[str, bool]]:
    """The phrases a query asks for, each with whether it is a prefix (``word*``)."""
    terms = []
    for match in _TOKEN.finditer(re.sub(r"\b\w+:", " ", query)):
        phrase, word = match.groups()
        if phrase is not None:
            if phrase.strip():
                terms.append((phrase, phrase.rstrip().endswith("*")))
        elif word not in _OPERATORS:
            terms.append((word, word.endswith("*")))
    return terms


def plain_query(query: str) -> str | None:
    """The query with each word quoted: what a user typing punctuation (``U.S.``,
    ``Sessions'``) meant; None when it uses the query syntax (quotes, parentheses,
    operators), whose mistakes are the user's to see."""
    if re.search(r'["()]', query) or any(w in _OPERATORS for w in query.split()):
        return None
    return " ".join(f'"{word}"' for word in re.findall(r"\w+", query)) or None


@lru_cache(maxsize=64)
def _pattern(terms: tuple[tuple[str, bool], ...]) -> re.Pattern[str] | None:
    parts = []
    for phrase, prefix in terms:
        words = re.findall(r"\w+", _fold(phrase))
        if words:
            parts.append(r"\b" + r"\W+".join(map(re.escape, words)) + (r"\w*" if prefix else r"\b"))
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def _fold(text: str) -> str:
    """The text without diacritics, one character for one (offsets stay valid)."""
    if text.isascii():
        return text
    return "".join(_fold_char(c) for c in text)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return base if len(base) == 1 else char


def matches(text: str, query: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where the query's words are in ``text[start:end]``, in order."""
    pattern = _pattern(tuple(query_terms(query)))
    if pattern is None:
        return []
    end = len(text) if end is None else end
    found = [m.span() for m in pattern.finditer(text, start, end)]
    if not found and not text[start:end].isascii():
        found = [(start + a, start + b) for a, b in
                 (m.span() for m in pattern.finditer(_fold(text[start:end])))]  # fmt: skip
    return found


def snippet(
    text: str, query: str, near: int = 0
) -> tuple[str, int, int, tuple[tuple[int, int], ...]]:
    """A line around the first match at or after ``near``: the snippet, the match's
    span in ``text``, and every match's span in the snippet. With no match, the text's
    start (or ``near``'s surroundings) and no marks."""
    first = matches(text, query, near, min(len(text), near + 1_000_000))
    span = first[0] if first else (near, near)
    lo = max(0, span[0] - SNIPPET)
    hi = min(len(text), span[1] + SNIPPET)
    if lo > 0 and (space := text.find(" ", lo, span[0])) >= 0:
        lo = space + 1
    if hi < len(text) and (space := text.rfind(" ", span[1], hi)) >= 0:
        hi = space
    line = " ".join(text[lo:hi].split("\n"))
    marks = tuple((a - lo, b - lo) for a, b in matches(text, query, lo, hi))
    if lo > 0:
        line, marks = "…" + line, tuple((a + 1, b + 1) for a, b in marks)
    if hi < len(text):
        line += "…"
    return line, span[0], span[1], marks
