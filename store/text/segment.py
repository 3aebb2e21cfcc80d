"""Where paragraphs, sentences and words start and end, for keyboard motions.

The reader moves the cursor by word, sentence and paragraph through real news
text, so the rules here are tuned for it: titles and initials ("Lt. Gen. H.R.
McMaster", "Donald J. Trump") do not end a sentence, a closing quote belongs to
the sentence it closes, and a headline or caption without final punctuation is
one sentence.

Every function takes the whole article text and an absolute code-point offset
and returns absolute offsets; offsets outside ``[0, len(text)]`` are clamped.
Forward motions always move forward until ``len(text)`` and backward motions
always move back until 0, so a held key can never get stuck.

Paragraphs are lines. A line that starts with a lowercase letter continues the
paragraph above it (a hard-wrapped sentence), any other line starts a new one.
Blank lines (empty or whitespace only) separate paragraphs and belong to none:
``paragraph_at`` and ``sentence_at`` answer the empty span ``(pos, pos)`` there.
A sentence never crosses a paragraph boundary.

Sentences end at ``.``, ``?``, ``!``, ``…`` (or CJK stops) plus any closing
quotes, when followed by whitespace and not by a lowercase word. A period after a
title or month ("Sen.", "Feb."), an initial ("J.") or "No." before a number never
ends one; after a dotted acronym ("U.S.", "p.m.", "D-Minn.") it ends one only
before a word that usually starts a sentence ("The", "He", ...), so "U.S.
Attorney" stays whole.

Words follow vim's ``w``/``b``/``e``: a run of letters and digits is a word, and
so is a run of other non-space characters; apostrophes inside a word keep it
whole ("Trump's"), so a possessive is one stop.

Performance: an article can be 5 MB and every key must answer in well under a
millisecond, so nothing scans the whole text. Paragraph functions cost
O(paragraph). Sentence functions only look at ``WINDOW`` code points on each
side of ``pos``, so a paragraph that is one 1 MB line costs no more than a
short one; a sentence longer than the window is cut at its edge, and motions
then advance by about one window, as a pager would. Word functions look at most
``_TOKEN_LIMIT`` code points around ``pos`` plus the whitespace they skip.

The module is pure standard library and never imports textual or rich.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

WINDOW = 2048
"""Code points scanned on each side of the cursor when looking for sentences."""

_TOKEN_LIMIT = 256
"""Longest word the word motions handle exactly; longer runs are cut."""

_NONSPACE = re.compile(r"\S")
_SPACE = re.compile(r"\s")
_LAST_SPACE = re.compile(r"\s(?=\S*\Z)")
_LINE_LEAD = re.compile(r"[^\S\n]*(\S)")

_CJK_STOPS = "。！？"
_TERMINAL = re.compile(r"([.!?…。！？]+)[”’\"')\]»」』）]*")
_NEXT_WORD = re.compile(r"[\s“‘\"'(\[«]*(\w*)")
_OPENERS = "“‘\"'([«"
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]|[A-Z]-[A-Z][A-Za-z]{0,4}(?:\.[A-Z][a-z]?)?")
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]+")

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


class _Region(NamedTuple):
    """A paragraph's span, or the part of it seen through a window."""

    start: int
    end: int
    cut_start: bool
    cut_end: bool


def _clamp(text: str, pos: int) -> int:
    return min(max(pos, 0), len(text))


def _first_nonspace(text: str, pos: int) -> int:
    """First non-space offset at or after pos, or len(text): where the next text begins."""
    found = _NONSPACE.search(text, pos)
    return len(text) if found is None else found.start()


def _last_nonspace_before(text: str, pos: int) -> int:
    """Last non-space offset before pos, or -1; scans back in chunks so gaps stay cheap."""
    while pos > 0:
        chunk_start = max(0, pos - 256)
        kept = text[chunk_start:pos].rstrip()
        if kept:
            return chunk_start + len(kept) - 1
        pos = chunk_start
    return -1


# Paragraphs ---------------------------------------------------------------------------


def _line_start(text: str, pos: int, lo: int) -> int | None:
    """Start of the line holding pos, or None when it lies before lo (outside the window)."""
    newline = text.rfind("\n", max(lo - 1, 0), pos)
    if newline >= 0:
        return newline + 1
    return 0 if lo == 0 else None


def _line_end(text: str, pos: int, hi: int) -> int | None:
    """Offset of the newline ending pos's line (or len(text)), or None when beyond hi."""
    newline = text.find("\n", pos, min(hi + 1, len(text)))
    if newline >= 0:
        return newline
    return len(text) if hi >= len(text) else None


def _is_blank(text: str, start: int, end: int) -> bool:
    return _NONSPACE.search(text, start, end) is None


def _continues(text: str, line_start: int) -> bool:
    """Whether the line at line_start is a wrapped continuation: it starts in lowercase."""
    lead = _LINE_LEAD.match(text, line_start)
    return lead is not None and lead.group(1).islower()


def _extend_back(text: str, start: int, lo: int) -> int | None:
    """Walk up over continuation lines to the paragraph's first line (None: before lo)."""
    while start > 0 and _continues(text, start):
        previous = _line_start(text, start - 1, lo)
        if previous is None:
            return None
        if _is_blank(text, previous, start - 1):
            break
        start = previous
    return start


def _extend_forward(text: str, end: int, hi: int) -> int | None:
    """Walk down over continuation lines to the paragraph's end (None: beyond hi)."""
    while end < len(text) and _continues(text, end + 1):
        following = _line_end(text, end + 1, hi)
        if following is None:
            return None
        end = following
    return end


def _paragraph_region(text: str, pos: int, lo: int, hi: int) -> _Region | None:
    """The paragraph holding pos as seen within [lo, hi], or None on a blank line."""
    start = _line_start(text, pos, lo)
    end = _line_end(text, pos, hi)
    if _is_blank(text, lo if start is None else start, hi if end is None else end):
        return None
    if start is not None:
        start = _extend_back(text, start, lo)
    if end is not None:
        end = _extend_forward(text, end, hi)
    return _Region(
        lo if start is None else start, hi if end is None else end, start is None, end is None
    )


def paragraph_at(text: str, pos: int) -> tuple[int, int]:
    """The paragraph holding pos, from its line start to its end before the newline.

    Lines are whole, leading and trailing spaces included, so a bullet's indent is
    part of its paragraph. A position on a newline belongs to the line the newline
    ends. On a blank line the answer is the empty span ``(pos, pos)``: the cursor is
    between paragraphs, and callers can test for emptiness instead of guessing which
    neighbour was meant.

    Args:
        text: The whole article text.
        pos: The cursor offset; clamped to ``[0, len(text)]``.

    Returns:
        ``(start, end)`` with ``text[start:end]`` the paragraph, or ``(pos, pos)``.
    """
    pos = _clamp(text, pos)
    region = _paragraph_region(text, pos, 0, len(text))
    return (pos, pos) if region is None else (region.start, region.end)


def paragraph_starts(text: str) -> list[int]:
    """Where every paragraph of ``text`` starts, in order: the paragraphs a reader
    steps through with ``{`` and ``}``, for numbering them (O(len(text)))."""
    starts = []
    previous_blank = True
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        blank = _is_blank(text, line_start, line_end)
        if not blank and (previous_blank or not _continues(text, line_start)):
            starts.append(line_start)
        previous_blank = blank
        line_start = line_end + 1
    return starts


def next_paragraph(text: str, pos: int) -> int:
    """Start of the paragraph after the one holding pos (vim ``}``, landing on text).

    Args:
        text: The whole article text.
        pos: The cursor offset; clamped to ``[0, len(text)]``.

    Returns:
        The line start of the next paragraph, or ``len(text)`` when there is none,
        so that repeated presses stop at the end.
    """
    pos = _clamp(text, pos)
    _, end = paragraph_at(text, pos)
    following = _first_nonspace(text, end)
    if following == len(text):
        return len(text)
    line_start = _line_start(text, following, 0)
    return following if line_start is None else line_start


def prev_paragraph(text: str, pos: int) -> int:
    """Start of the paragraph holding pos, or of the one before when already there.

    Like vim ``{`` but landing on the paragraph's first line, so ``{`` then ``}``
    returns to where the cursor was when it started a paragraph.

    Args:
        text: The whole article text.
        pos: The cursor offset; clamped to ``[0, len(text)]``.

    Returns:
        A paragraph's line start strictly before pos, or 0 at the top.
    """
    pos = _clamp(text, pos)
    start, _ = paragraph_at(text, pos)
    if start < pos:
        return start
    previous = _last_nonspace_before(text, start)
    return 0 if previous < 0 else paragraph_at(text, previous)[0]


# Sentences ----------------------------------------------------------------------------


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
    return list(_iter_sentences(text, _clamp(text, start), _clamp(text, end)))


def _sentence_region(text: str, pos: int) -> _Region | None:
    """The paragraph around pos cut to ``WINDOW`` each side, or None on a blank line.

    A cut edge is moved onto whitespace so that no word or punctuation run is split,
    which keeps the sentence boundaries inside the window the same as in a full scan.
    """
    lo, hi = max(0, pos - WINDOW), min(len(text), pos + WINDOW)
    region = _paragraph_region(text, pos, lo, hi)
    if region is None:
        return None
    start, end = region.start, region.end
    if region.cut_start:
        space = _SPACE.search(text, start, pos)
        start = _off_stops(text, start, -1) if space is None else space.end()
    if region.cut_end:
        space = _SPACE.search(text, end, min(len(text), end + _TOKEN_LIMIT))
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
    pos = _clamp(text, pos)
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
    pos = _clamp(text, pos)
    region = _sentence_region(text, pos)
    if region is None:
        return _first_nonspace(text, pos)
    for start, _ in _iter_sentences(text, region.start, region.end):
        if start > pos:
            return start
    if region.cut_end:
        return _first_nonspace(text, max(region.end, pos + 1))
    return _first_nonspace(text, region.end)


def prev_sentence(text: str, pos: int) -> int:
    """Start of the sentence holding pos, or of the one before when already there (vim ``(``).

    Args:
        text: The whole article text.
        pos: The cursor offset; clamped to ``[0, len(text)]``.

    Returns:
        An offset strictly before pos, crossing into the previous paragraph when
        needed, or 0 at the top.
    """
    pos = _clamp(text, pos)
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
    previous = _last_nonspace_before(text, pos)
    return 0 if previous < 0 else sentence_at(text, previous)[0]


# Words --------------------------------------------------------------------------------


def _token_at(text: str, pos: int) -> tuple[int, int] | None:
    """The word or punctuation run holding pos, or None on whitespace or at the end."""
    if pos >= len(text) or text[pos].isspace():
        return None
    lo = max(0, pos - _TOKEN_LIMIT)
    space = _LAST_SPACE.search(text, lo, pos)
    anchor = lo if space is None else space.start() + 1
    for token in _TOKEN.finditer(text, anchor, min(len(text), pos + _TOKEN_LIMIT)):
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
    pos = _clamp(text, pos)
    token = _token_at(text, pos)
    return _first_nonspace(text, pos if token is None else token[1])


def prev_word(text: str, pos: int) -> int:
    """Start of the word holding pos, or of the previous word when already there (vim ``b``).

    Args:
        text: The whole article text.
        pos: The cursor offset; clamped to ``[0, len(text)]``.

    Returns:
        An offset strictly before pos, or 0 at the top.
    """
    pos = _clamp(text, pos)
    token = _token_at(text, pos)
    if token is not None and token[0] < pos:
        return token[0]
    previous = _last_nonspace_before(text, pos)
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
    pos = _clamp(text, pos)
    token = _token_at(text, pos)
    if token is not None and token[1] - 1 > pos:
        return token[1] - 1
    start = next_word(text, pos)
    found = _token_at(text, start)
    return len(text) if found is None else found[1] - 1
