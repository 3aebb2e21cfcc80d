"""Find every occurrence of what the user typed in an article's text."""

from __future__ import annotations

import re

MAX_MATCHES = 100_000
"""More matches than this are not useful to step through; the search stops there."""


def find_all(text: str, query: str, limit: int = MAX_MATCHES) -> list[tuple[int, int]]:
    """Every match of ``query`` in ``text`` as (start, end), in order, ignoring case.

    The query is literal text, never a pattern. Whitespace in the query matches
    any run of whitespace, so a phrase is found across a line break or a
    no-break space.
    """
    words = query.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE)
    matches = []
    for match in pattern.finditer(text):
        matches.append(match.span())
        if len(matches) >= limit:
            break
    return matches
