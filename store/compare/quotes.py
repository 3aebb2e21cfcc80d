"""Quotations in one article: where each quoted span is, and who is quoted.

``find_quotes(text)`` returns every span between quotation marks: straight and
curly double quotes, and single quotes used as quotation marks (as headlines
and ledes do: 'We Will Rebuild the Bridge'), told apart from apostrophes by what is
around them. A quote may run across a line break but never past its paragraph:
when its closing mark is missing it stops at the paragraph's end (or before the
next opening mark), so it cannot swallow the rest of the article.

A quotation nested in another (a senator's statement quoting what a minister
told a committee: “... he told the committee, ‘I did not ...’”) is a
quote of its own too, marked ``nested``: single quotes inside double ones, or
double inside single. The outer quote keeps its whole span; where both are
compared, the nested words count as the nested quote's, not the outer one's.

Who is quoted is found by ``store.compare.speakers``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from store.compare.speakers import named_people, speaker_of
from store.text.segment import sentence_spans

_PARAGRAPH = re.compile(r"\n[ \t\u00a0]*\n")
_DOUBLE = re.compile('["“”„«»]')
_SINGLE = re.compile("['‘’]")
_OPENS_AFTER = set(" \t\n\u00a0([{—–-/:;«„")
_CLOSES_BEFORE = set(" \t\n\u00a0.,;:!?)]}—–-…\"”'’»")
MAX_SINGLE = 300
"""A single-quoted span longer than this is taken for apostrophes, not a quote."""


@dataclass(frozen=True)
class Quote:
    """One quoted span: ``text[start:end]`` is what is inside the marks."""

    start: int
    end: int
    exact: str
    speaker: str
    """Who is quoted, as named in the article (its fullest form), or ``""``."""
    closed: bool = True
    """False when the closing mark is missing (the quote stops at its paragraph's end)."""
    nested: bool = False
    """It lies inside another quote (which is in the list too, before it)."""


def find_quotes(text: str, people: Mapping[str, str] | None = None) -> list[Quote]:
    """Every quotation in ``text``, in text order (a nested one after the quote
    holding it), each with its speaker if found (``people``: ``named_people(text)``,
    if the caller has it)."""
    people = named_people(text) if people is None else people
    found: list[tuple[int, int, int, int, bool]] = []
    inner: list[tuple[int, int, int, int, bool]] = []
    for start, end in _paragraphs(text):
        doubles = _double_quoted(text, start, end)
        singles = _single_quoted(text, start, end, doubles)
        # Double quotes inside single ones ('He said “no” to me') and single ones
        # inside double ones are quotes nested in the outer one.
        outer = [d for d in doubles if not any(s <= d[0] and d[1] <= e for s, e, _ in singles)]
        inner += [(start, end, *d) for d in doubles if d not in outer]
        for s, e, _ in outer:
            inner += [(start, end, *n) for n in _single_quoted(text, s, e, [])]
        found += [(start, end, s, e, closed) for s, e, closed in sorted(outer + singles)]
    masked = list(text)
    for _, _, q_start, q_end, _ in found:
        masked[q_start:q_end] = " " * (q_end - q_start)
    narration = "".join(masked)  # the text with every quote blanked: who is narrated
    quotes: list[Quote] = []
    previous, paragraph = "", -1
    for start, end, q_start, q_end, closed in found:
        exact = text[q_start:q_end]
        if not any(c.isalnum() for c in exact):
            continue
        if start != paragraph:
            previous, paragraph = "", start
        speaker = speaker_of(narration, exact, q_start, q_end, start, end, people) or previous
        previous = speaker
        quotes.append(Quote(q_start, q_end, exact, speaker, closed))
    quotes += [_nested(text, found, n, people) for n in inner if _has_word(text, n[2], n[3])]
    quotes.sort(key=lambda q: (q.start, q.nested))
    return quotes


def _has_word(text: str, start: int, end: int) -> bool:
    return any(c.isalnum() for c in text[start:end])


def _nested(
    text: str,
    outer: list[tuple[int, int, int, int, bool]],
    inner: tuple[int, int, int, int, bool],
    people: Mapping[str, str],
) -> Quote:
    """A quote inside another: its speaker is a name the outer quote gives it."""
    _, _, start, end, closed = inner
    lo, hi = next((s, e) for _, _, s, e, _ in outer if s <= start and end <= e)
    # The outer quote is what narrates the nested one: all else is blanked.
    narration = " " * lo + text[lo:start] + " " * (end - start) + text[end:hi]
    speaker = speaker_of(narration, text[start:end], start, end, lo, hi, people, pronouns=False)
    return Quote(start, end, text[start:end], speaker, closed, nested=True)


def sentences_of(text: str, quote: Quote) -> list[tuple[int, int]]:
    """The sentences inside a quote: the units in which quotations are compared."""
    spans = sentence_spans(text, quote.start, quote.end)
    return [(s, e) for s, e in spans if any(c.isalnum() for c in text[s:e])]


# -- spans ------------------------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, begin = [], 0
    for match in _PARAGRAPH.finditer(text):
        spans.append((begin, match.start()))
        begin = match.end()
    spans.append((begin, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _before(text: str, i: int, lo: int) -> str:
    return text[i - 1] if i > lo else " "


def _after(text: str, i: int, hi: int) -> str:
    return text[i + 1] if i + 1 < hi else " "


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _double_quoted(text: str, lo: int, hi: int) -> list[tuple[int, int, bool]]:
    spans: list[tuple[int, int, bool]] = []
    opened: int | None = None
    for match in _DOUBLE.finditer(text, lo, hi):
        i, mark = match.start(), match.group()
        before, after = _before(text, i, lo), _after(text, i, hi)
        # „Low-high“ quotes and «guillemets» close with marks that open elsewhere.
        low = opened is not None and text[opened] in "„«"
        opens = (mark in "“„«" and not (low and mark == "“")) or (
            mark == '"' and (before in _OPENS_AFTER or i == lo) and not after.isspace()
        )
        closes = (
            mark in "”»"
            or (mark == "“" and low)
            or (mark == '"' and not before.isspace() and (after in _CLOSES_BEFORE or i + 1 == hi))
        )
        if opened is None:
            if opens or (closes and not spans):
                opened = i
        elif closes:
            inside = (opened + 1, i)
            if low or mark == "»":
                inside = _trimmed(text, *inside)  # « French spacing »
            spans.append((*inside, True))
            opened = None
        elif opens:
            spans.append((*_trimmed(text, opened + 1, i), False))
            opened = i
    if opened is not None:
        spans.append((*_trimmed(text, opened + 1, hi), False))
    return [(s, e, closed) for s, e, closed in spans if e > s]


def _single_quoted(
    text: str, lo: int, hi: int, doubles: list[tuple[int, int, bool]]
) -> list[tuple[int, int, bool]]:
    """Single-quoted spans outside double quotes; apostrophes are not quotes."""

    def inside_double(i: int) -> bool:
        return any(s - 1 <= i <= e for s, e, _ in doubles)

    marks = [m.start() for m in _SINGLE.finditer(text, lo, hi) if not inside_double(m.start())]
    spans: list[tuple[int, int, bool]] = []
    skip_to = -1
    for n, i in enumerate(marks):
        if i <= skip_to or (text[i] == "’" and _after(text, i, hi).isalpha()):
            continue
        before, after = _before(text, i, lo), _after(text, i, hi)
        if not (before in _OPENS_AFTER or before in '"“') or not (after.isalpha() or after == "…"):
            continue
        for j in marks[n + 1 :]:
            if j - i > MAX_SINGLE:
                break
            b, a = text[j - 1], _after(text, j, hi)
            if text[j] == "‘" or a.isalnum():
                continue  # an apostrophe inside a word, or another opening
            if b == "s" and a == " " and text[j + 2 : j + 3].islower() and j + 2 < hi:
                continue  # a possessive: the Joneses' decision
            if b.isspace():
                continue
            if j - i <= 3:
                break  # one or two letters: an elision (rock 'n' roll), not a quote
            spans.append((i + 1, j, True))
            skip_to = j
            break
    return spans
