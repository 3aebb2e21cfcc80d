"""Words of an article's text, for the ``w`` and ``b`` motions, and counting them."""

from __future__ import annotations

import re

from store.text.paragraphs import TOKEN_LIMIT, clamp, first_nonspace, last_nonspace_before

_LAST_SPACE = re.compile(r"\s(?=\S*\Z)")
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def word_count(text: str) -> int:
    """How many words ``text`` has (``don't`` is one, ``Jürgen Müller`` two)."""
    return sum(1 for _ in _WORD.finditer(text))


def _token_at(text: str, pos: int) -> tuple[int, int] | None:
    """The word or punctuation run holding pos, or None on whitespace or at the end."""
    if pos >= len(text) or text[pos].isspace():
        return None
    lo = max(0, pos - TOKEN_LIMIT)
    space = _LAST_SPACE.search(text, lo, pos)
    anchor = lo if space is None else space.start() + 1
    for token in _TOKEN.finditer(text, anchor, min(len(text), pos + TOKEN_LIMIT)):
        if token.end() > pos:
            return token.start(), token.end()
    return pos, pos + 1


def next_word(text: str, pos: int) -> int:
    """Start of the next word (vim ``w``), crossing newlines and blank lines.

    A word is a run of letters and digits, with apostrophes inside it ("Trump's",
    "don’t") so a possessive is one stop; a run of other non-space characters
    (",", "—", "…”") is a word of its own, as in vim.

    Args:
        text: The whole article text.
        pos: The cursor offset; clamped to ``[0, len(text)]``.

    Returns:
        An offset strictly after pos, or ``len(text)`` after the last word.
    """
    pos = clamp(text, pos)
    token = _token_at(text, pos)
    return first_nonspace(text, pos if token is None else token[1])


def prev_word(text: str, pos: int) -> int:
    """Start of the word holding pos, or of the previous word when already there (vim ``b``).

    Args:
        text: The whole article text.
        pos: The cursor offset; clamped to ``[0, len(text)]``.

    Returns:
        An offset strictly before pos, or 0 at the top.
    """
    pos = clamp(text, pos)
    token = _token_at(text, pos)
    if token is not None and token[0] < pos:
        return token[0]
    previous = last_nonspace_before(text, pos)
    if previous < 0:
        return 0
    found = _token_at(text, previous)
    return previous if found is None else found[0]


def word_end(text: str, pos: int) -> int:
    """Last character of the word holding pos, or of the next word when already there (vim ``e``).

    Args:
        text: The whole article text.
        pos: The cursor offset; clamped to ``[0, len(text)]``.

    Returns:
        An offset strictly after pos, or ``len(text)`` after the last word.
    """
    pos = clamp(text, pos)
    token = _token_at(text, pos)
    if token is not None and token[1] - 1 > pos:
        return token[1] - 1
    start = next_word(text, pos)
    found = _token_at(text, start)
    return len(text) if found is None else found[1] - 1
