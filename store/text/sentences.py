"""Sentences of an article's text, for the ``(`` and ``)`` motions, ``s`` and the
comparison (``store.text.segment`` explains the rules).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from store.text.paragraphs import (
    SPACE,
    TOKEN_LIMIT,
    Region,
    clamp,
    first_nonspace,
    last_nonspace_before,
    paragraph_region,
)

WINDOW = 2048
"""Code points scanned on each side of the cursor when looking for sentences."""
_CJK_STOPS = "。！？"
_TERMINAL = re.compile(r"([.!?…。！？]+)[”’\"')\]»」』）]*")
_NEXT_WORD = re.compile(r"[\s“‘\"'(\[«]*(\w*)")
_OPENERS = "“‘\"'([«"
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]|[A-Z]-[A-Z][A-Za-z]{0,4}(?:\.[A-Z][a-z]?)?")
# Abbreviations that never end a sentence: they are almost always followed by a name or
# a number. "Inc." or "Jr." ending a sentence is rare enough to merge two sentences.
# fmt: off
_TITLES = frozenset({
    "Mr", "Mrs", "Ms", "Mx", "Messrs", "Dr", "Prof", "Rev", "Fr", "Hon", "Pres", "Sen",
    "Sens", "Rep", "Reps", "Gov", "Govs", "Lt", "Gen", "Gens", "Adm", "Col", "Maj",
    "Capt", "Cmdr", "Cdr", "Brig", "Sgt", "Cpl", "Pvt", "Supt", "Det", "Insp", "Atty",
    "Amb", "Sec", "Jr", "Sr", "St", "Mt", "Ft", "Ave", "Blvd", "Inc", "Corp", "Co",
    "Ltd", "Bros", "Dept", "Univ", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "vs",
})
# fmt: on

_NUMBER_PREFIXES = frozenset({"No", "Nos", "no", "Vol", "Art", "Fig", "p", "pp"})
"""Abbreviations only before a number ("No. 5"); "No." before a word is the answer no."""

_SOFT = frozenset({"etc", "approx"})
"""Abbreviations that end a sentence only before a word that usually starts one."""

# Words that, after "U.S." or "p.m.", start a new sentence rather than continue a name
# ("U.S. Attorney", "3 p.m. Thursday").
# fmt: off
_SENTENCE_STARTERS = frozenset({
    "A", "After", "Although", "An", "And", "As", "At", "Before", "But", "During",
    "Earlier", "He", "Her", "His", "However", "I", "If", "In", "It", "Its", "Last",
    "Later", "Many", "Meanwhile", "Most", "Now", "On", "One", "Our", "She", "Since",
    "So", "Some", "Still", "That", "The", "Their", "Then", "There", "These", "They",
    "This", "Those", "We", "What", "When", "While", "Who", "Why", "Yet", "You",
})
# fmt: on


def _token_before(text: str, dot: int) -> str:
    """The word that a period at dot ends, without opening quotes or brackets."""
    chunk = text[max(0, dot - 24) : dot]
    if not chunk or chunk[-1].isspace():
        return ""
    return chunk.split()[-1].lstrip(_OPENERS)


def _next_word(text: str, pos: int) -> str:
    """The word after pos, past spaces and opening quotes; "" when punctuation comes first."""
    found = _NEXT_WORD.match(text, pos, min(len(text), pos + 64))
    return "" if found is None else found.group(1)


def _starts_line(text: str, pos: int) -> bool:
    """Whether only spaces or tabs lie between the start of pos's line and pos."""
    prefix = text[max(0, pos - 16) : pos]
    kept = prefix.rstrip(" \t\u00a0")
    return kept.endswith("\n") or (not kept and pos <= 16)


def _period_ends_sentence(text: str, dot: int, following: str) -> bool:
    """Whether a lone period at dot, followed by the word following, ends a sentence."""
    token = _token_before(text, dot)
    if token in _TITLES:
        return False
    if token in _NUMBER_PREFIXES:
        return not following[:1].isdigit()
    if len(token) == 1 and token.isupper():
        return False  # an initial, as in "Donald J. Trump"
    if token in _SOFT or _ACRONYM.fullmatch(token):
        return following in _SENTENCE_STARTERS
    # A number alone at the start of a line is a list item, "1. ...".
    return not (token.isdigit() and len(token) <= 3 and _starts_line(text, dot - len(token)))


def _ends_sentence(text: str, match: re.Match[str], end: int) -> bool:
    """Whether a run of terminal punctuation (and closing quotes) ends a sentence.

    The decision reads text on both sides of the run regardless of the range being
    split, so that every window over a paragraph agrees on its boundaries.
    """
    after = match.end()
    stops = match.group(1)
    if after < end and not text[after].isspace() and stops[-1] not in _CJK_STOPS:
        return False  # "cnn.com", "3.5", "p.m" inside a word
    following = _next_word(text, after)
    if following[:1].islower():
        return False  # '"Why?" he asked', an ellipsis mid-sentence
    if stops != ".":
        return True
    return _period_ends_sentence(text, match.start(), following)


def _cuts(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets in (start, end] where a sentence of text[start:end] ends, lazily."""
    for match in _TERMINAL.finditer(text, start, end):
        if _ends_sentence(text, match, end):
            yield match.end()
    yield end


def _iter_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Trimmed sentences of text[start:end] one by one, so a caller can stop at pos."""
    begin = start
    for cut in _cuts(text, start, end):
        piece = text[begin:cut]
        stripped = piece.strip()
        if stripped:
            first = begin + len(piece) - len(piece.lstrip())
            yield first, first + len(stripped)
        begin = cut


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of one paragraph range, in order, trimmed of surrounding whitespace.

    The spans cover every non-space character of ``text[start:end]`` and never
    overlap. A range without final punctuation (a headline, a caption) is one
    sentence. Cost is O(end - start): pass one paragraph, not the whole text.

    Args:
        text: The whole article text.
        start: Start of the range, usually a paragraph start.
        end: End of the range, usually a paragraph end.

    Returns:
        ``(start, end)`` pairs with ``text[start:end]`` one sentence each.
    """
    return list(_iter_sentences(text, clamp(text, start), clamp(text, end)))


def _sentence_region(text: str, pos: int) -> Region | None:
    """The paragraph around pos cut to ``WINDOW`` each side, or None on a blank line.

    A cut edge is moved onto whitespace so that no word or punctuation run is split,
    which keeps the sentence boundaries inside the window the same as in a full scan.
    """
    lo, hi = max(0, pos - WINDOW), min(len(text), pos + WINDOW)
    region = paragraph_region(text, pos, lo, hi)
    if region is None:
        return None
    start, end = region.start, region.end
    if region.cut_start:
        space = SPACE.search(text, start, pos)
        start = _off_stops(text, start, -1) if space is None else space.end()
    if region.cut_end:
        space = SPACE.search(text, end, min(len(text), end + TOKEN_LIMIT))
        end = _off_stops(text, end, 1) if space is None else space.start()
    return region._replace(start=start, end=end)


_STOPS = frozenset(".!?…。！？”’\"')]»」』）")
"""What a sentence's end is made of: a cut edge inside a run of these would end a
sentence where a full scan does not (text with no spaces, as Chinese has)."""


def _off_stops(text: str, edge: int, step: int) -> int:
    """``edge`` moved out of any run of sentence-ending marks it falls inside."""
    for _ in range(64):
        if step < 0 and edge > 0 and text[edge - 1] in _STOPS:
            edge -= 1
        elif step > 0 and edge < len(text) and text[edge] in _STOPS:
            edge += 1
        else:
            break
    return edge


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The sentence holding pos, trimmed of surrounding whitespace.

    Whitespace between two sentences belongs to the following one, trailing
    whitespace to the last one. Only ``WINDOW`` code points each side of pos are
    read, so a sentence longer than that is cut at the window's edge.

    Args:
        text: The whole article text.
        pos: The cursor offset; clamped to ``[0, len(text)]``.

    Returns:
        ``(start, end)`` of the sentence, or ``(pos, pos)`` on a blank line.
    """
    pos = clamp(text, pos)
    region = _sentence_region(text, pos)
    found = (pos, pos)
    if region is not None:
        for found in _iter_sentences(text, region.start, region.end):
            if pos < found[1]:
                break
    return found


def next_sentence(text: str, pos: int) -> int:
    """Start of the next sentence, crossing into the next paragraph (vim ``)``).

    Args:
        text: The whole article text.
        pos: The cursor offset; clamped to ``[0, len(text)]``.

    Returns:
        An offset strictly after pos, or ``len(text)`` after the last sentence.
    """
    pos = clamp(text, pos)
    region = _sentence_region(text, pos)
    if region is None:
        return first_nonspace(text, pos)
    for start, _ in _iter_sentences(text, region.start, region.end):
        if start > pos:
            return start
    if region.cut_end:
        return first_nonspace(text, max(region.end, pos + 1))
    return first_nonspace(text, region.end)


def prev_sentence(text: str, pos: int) -> int:
    """Start of the sentence holding pos, or of the one before when already there (vim ``(``).

    Args:
        text: The whole article text.
        pos: The cursor offset; clamped to ``[0, len(text)]``.

    Returns:
        An offset strictly before pos, crossing into the previous paragraph when
        needed, or 0 at the top.
    """
    pos = clamp(text, pos)
    region = _sentence_region(text, pos)
    if region is not None:
        found = -1
        for start, _ in _iter_sentences(text, region.start, region.end):
            if start >= pos:
                break
            found = start
        if found >= 0:
            return found
        if region.cut_start:
            return pos - WINDOW  # inside a sentence longer than the window: page back
    previous = last_nonspace_before(text, pos)
    return 0 if previous < 0 else sentence_at(text, previous)[0]
