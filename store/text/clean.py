"""Text the rest of the program can trust, and how a text is named by its content.

The only changes ``clean_text`` makes are newline normalization and replacing
control characters by U+FFFD one for one, so that the terminal never receives an
escape sequence from an article and every annotation offset stays valid.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x85")


def content_hash(text: str) -> str:
    """The SHA-256 of the text's UTF-8 bytes: equal texts are one article."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clean_text(raw: str) -> str:
    """Normalize newlines to ``\\n`` and replace other control characters by U+FFFD.

    Tabs and newlines are kept; every other C0 or C1 control character becomes one
    U+FFFD, so the result has the same length as the newline-normalized input.
    """
    return _CONTROL.sub("\ufffd", _NEWLINES.sub("\n", raw))


_LINE_BREAKS = {ord(c): " " for c in "\t\n\r\u2028\u2029\x85"}


def clean_line(raw: str) -> str:
    """Metadata (a title, an outlet, an author) as one line of the same length: line
    breaks and tabs become spaces, other control characters U+FFFD."""
    return _CONTROL.sub("\ufffd", raw.translate(_LINE_BREAKS))
