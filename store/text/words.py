"""Counting an article's words, as a reader would: runs of letters and digits."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def word_count(text: str) -> int:
    """How many words ``text`` has (``don't`` is one, ``Jürgen Müller`` two)."""
    return sum(1 for _ in _WORD.finditer(text))
