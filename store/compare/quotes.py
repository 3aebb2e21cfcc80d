"""Quotations in one article: where each quoted span is, and who is quoted.

``find_quotes(text)`` returns every span between quotation marks: straight and
curly double quotes, and single quotes used as quotation marks (as headlines
and ledes do: 'I Will Recuse Myself'), told apart from apostrophes by what is
around them. A quote may run across a line break but never past its paragraph:
when its closing mark is missing it stops at the paragraph's end (or before the
next opening mark), so it cannot swallow the rest of the article.

A quotation nested in another (a senator's statement quoting what the attorney
general told a committee: “... he told the committee, ‘I did not ...’”) is a
quote of its own too, marked ``nested``: single quotes inside double ones, or
double inside single. The outer quote keeps its whole span; where both are
compared, the nested words count as the nested quote's, not the outer one's.

The speaker is read from the attribution nearby ("Sessions said", "said
Pelosi", "he told NBC News", "Schumer told reporters"), a pronoun resolved to
the person last named before it (not one the quote itself names, as in
"Senator Franken, I am not aware ..." said to Franken); a quote with none in
reach takes the speaker of the quote before it in the same paragraph. A nested
quote's speaker is only ever a name inside the outer quote ("Sessions told us,
‘...’"): a pronoun there speaks from the outer speaker's view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from store.compare.lexicon import lexicon
from store.text.letters import LOWER, UPPER
from store.text.segment import sentence_spans

_PARAGRAPH = re.compile(r"\n[ \t\u00a0]*\n")
_DOUBLE = re.compile('["“”„«»]')
_SINGLE = re.compile("['‘’]")
_OPENS_AFTER = set(" \t\n\u00a0([{—–-/:;«„")
_CLOSES_BEFORE = set(" \t\n\u00a0.,;:!?)]}—–-…\"”'’»")
MAX_SINGLE = 300
"""A single-quoted span longer than this is taken for apostrophes, not a quote."""

_EN = lexicon()
SPEECH_VERBS = _EN.alternation("speech_verbs")
_TITLE = rf"(?:(?:{_EN.alternation('honorifics')})\.\s+|(?:{_EN.alternation('titles')})\s+)"
_NAME_WORD = rf"[{UPPER}][{UPPER}{LOWER}’'\-]*[{LOWER}][{UPPER}{LOWER}’'\-]*"
"""A capitalised word in any script (Okonkwo, McCain, Müller, O’Brien), not an acronym."""
_NAME = rf"(?:{_TITLE})*(?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD}"
_LONG_NAME = rf"(?:{_TITLE})*(?:{_NAME_WORD}\s+){{0,7}}{_NAME_WORD}"
"""A name after its titles and offices: White House Deputy Press Secretary Sarah Sanders."""
_PRONOUNS = _EN.words("pronouns")
_PRONOUN = "(?:" + "|".join([*_PRONOUNS, *(p.capitalize() for p in _PRONOUNS)]) + ")"
_APPOSITIVE = (
    rf"(?:,[ \u00a0]+(?:{_EN.alternation('appositive_openers')}|[A-Z][\w\-]*[’']s)"
    r"[ \u00a0][^,.;:“”\"\n]{1,60},)"
)
"""A role between a name and its verb: "Okonkwo, the city’s fire chief, said"."""
_AFTER = re.compile(
    rf"[ \t\u00a0,]*(?:(?P<who>{_LONG_NAME}|{_PRONOUN})(?P<role>{_APPOSITIVE})?\s+"
    rf"(?:\w+ly\s+|(?:{_EN.alternation('attribution_adverbs')})\s+)?"
    rf"(?:{SPEECH_VERBS})\b"
    rf"|(?:{SPEECH_VERBS})\s+(?P<who2>{_NAME}|{_PRONOUN})\b)"
)
US_STATES = _EN.set("us_states")
"""States named before a senator's name ("Utah Sen. Mike Lee")."""
NOT_PEOPLE = _EN.set("not_people") | US_STATES
_CAPITALISED = re.compile(rf"\b{_NAME_WORD}(?:\s+{_NAME_WORD})+")


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


def find_quotes(text: str, people: dict[str, str] | None = None) -> list[Quote]:
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
        speaker = _speaker(narration, exact, q_start, q_end, start, end, people) or previous
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
    people: dict[str, str],
) -> Quote:
    """A quote inside another: its speaker is a name the outer quote gives it."""
    _, _, start, end, closed = inner
    lo, hi = next((s, e) for _, _, s, e, _ in outer if s <= start and end <= e)
    # The outer quote is what narrates the nested one: all else is blanked.
    narration = " " * lo + text[lo:start] + " " * (end - start) + text[end:hi]
    speaker = _speaker(narration, text[start:end], start, end, lo, hi, people, pronouns=False)
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
        # „German“ and «guillemets» close with marks that open elsewhere.
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
                continue  # a possessive: Sessions' decision
            if b.isspace():
                continue
            if j - i <= 3:
                break  # one or two letters: an elision (rock 'n' roll), not a quote
            spans.append((i + 1, j, True))
            skip_to = j
            break
    return spans


# -- speakers ---------------------------------------------------------------------


def named_people(text: str) -> dict[str, str]:
    """Surname -> the fullest name seen: runs of two or more capitalised words that
    are not places (known ones, or any once written "in Port Ellery"), titles or
    institutions, outside Title Case lines (headlines)."""
    found: dict[str, str] = {}
    places: set[str] = set()
    for line in text.split("\n"):
        words = line.split()
        headline = not line.rstrip().endswith((".", "?", "!", '"', "”", ":"))
        if headline and len(words) > 3 and sum(w[:1].isupper() for w in words) > 0.6 * len(words):
            continue  # a headline: every word is capitalised
        for match in _CAPITALISED.finditer(line):
            if _PLACE_BEFORE.search(line, 0, match.start()) and not _POSSESSIVE.search(
                match.group()
            ):
                places.add(match.group())  # "in Port Ellery": a place, wherever it is
                continue
            run: list[str] = []
            for word in [*match.group().split(), "The"]:
                if _clean_word(word) and word == word.rstrip("’'"):
                    run.append(_clean_word(word))
                    continue
                if word.rstrip("’'") != word or _POSSESSIVE.search(word):
                    run.append(_clean_word(word))
                if len([w for w in run if w]) >= 2:
                    full = " ".join(w for w in run if w)
                    surname = run[-1] if run[-1] else full.split()[-1]
                    if len(full) > len(found.get(surname, "")):
                        found[surname] = full
                run = []
    return {surname: full for surname, full in found.items() if full not in places}


_PLACE_BEFORE = re.compile(rf"\b(?:{_EN.alternation('place_prepositions')})[ \u00a0]+$")


_POSSESSIVE = re.compile(r"[’']s$")
_PARTY = re.compile(rf"(?:{_EN.alternation('party_initials')})-")


@lru_cache(maxsize=8192)
def _clean_word(word: str) -> str:
    word = _POSSESSIVE.sub("", word.strip(".,;:’'"))
    if _PARTY.match(word):
        return ""  # a party and state: R-West Virginia
    return word if word and word not in NOT_PEOPLE else ""


def _speaker(
    text: str,
    quote: str,
    start: int,
    end: int,
    lo: int,
    hi: int,
    people: dict[str, str],
    pronouns: bool = True,
) -> str:
    """Who says ``quote``, found at ``start``-``end`` of ``text`` (the narration:
    every quote blanked) in the paragraph ``lo``-``hi``; ``pronouns``: whether
    "he" may name them."""
    # Whom the quote names (“Senator Franken, I ...”) is not who says it.
    named = frozenset(_CAPITALISED_WORD.findall(quote))
    closing = end + 1 if end < hi else end
    after = _AFTER.match(text, closing, min(hi, closing + 120))
    if after:
        who = after.group("who") or after.group("who2")
        # "said Okonkwo", "Okonkwo, the fire chief, said": a surname alone is someone.
        alone = bool(after.group("who2") or after.group("role"))
        name = _person(who, text, start, people, named, alone)
        if name and (pronouns or not _is_pronoun(who)):
            return name
    sentence_start = _sentence_start(text, start - 1, lo)
    before = text[sentence_start : max(sentence_start, start - 1)]
    for verb in reversed(list(_VERB.finditer(before))):
        if _PASSIVE.search(before, 0, verb.start()):
            continue  # "Sessions was asked about ...": the one asked is not the speaker
        clauses = [m.span() for m in _RELATIVE.finditer(before, 0, verb.start())]
        for who in reversed(list(_WHO_ANYWHERE.finditer(before, 0, verb.start()))):
            if not pronouns and _is_pronoun(who.group()):
                continue
            if any(s < who.start() < e for s, e in clauses):
                continue  # "Franken, who asked Sessions about it, said": not Sessions
            alone = bool(_ROLE.match(before, who.end(), verb.end()))
            name = _person(who.group(), text, sentence_start + who.start(), people, named, alone)
            if name:
                return name
            if _OFFICE.fullmatch(who.group()):
                return ""  # "the President said": someone unnamed, not a person before
    return ""


_RELATIVE = re.compile(rf",\s+(?:{_EN.alternation('relative_pronouns')})\b[^,]*,")
_OFFICE = re.compile(
    rf"(?:(?:{_EN.alternation('office_modifiers')})\s+)*(?:{_EN.alternation('offices')})"
)


def _is_pronoun(who: str) -> bool:
    return who.lower() in _EN.set("pronouns")


_CAPITALISED_WORD = re.compile(_NAME_WORD)
_PASSIVE = re.compile(
    rf"\b(?:{_EN.alternation('passive_auxiliaries')})\s+"
    rf"(?:\w+ly\s+|(?:{_EN.alternation('attribution_adverbs')})\s+)?$"
)
_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
_WHO_ANYWHERE = re.compile(rf"\b(?:{_NAME}|{_PRONOUN})\b")
_NOT_A_MENTION = re.compile(rf"(?:[’']s?|-| (?:{_EN.alternation('not_a_mention_after')}))\b")


def _sentence_start(text: str, pos: int, lo: int) -> int:
    spans = sentence_spans(text, lo, max(lo, pos))
    return spans[-1][0] if spans else lo


_ROLE = re.compile(rf"{_APPOSITIVE}\s+(?:\w+ly\s+)?(?:{SPEECH_VERBS})\b")


def _person(
    who: str,
    text: str,
    at: int,
    people: dict[str, str],
    named: frozenset[str] = frozenset(),
    alone: bool = False,
) -> str:
    """The person ``who`` names: a known name, or a pronoun's antecedent (not one
    of the ``named``: the quote speaks to or of them); one word only if ``alone``
    (the attribution shows it is someone: "said Okonkwo")."""
    if _is_pronoun(who):
        return _antecedent(text, at, people, named)
    words = [_clean_word(w) for w in who.split()]
    words = [w for w in words if w]
    if not words:
        return ""
    if words[-1] in people:
        return people[words[-1]]
    return " ".join(words) if len(words) >= 2 or alone else ""


# A sentence ends at final punctuation, a paragraph break, or a line that starts
# anew (a headline, a link line, a paragraph of a text with one line each).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|\n\s*\n|\n(?=[ \t\u00a0]*[A-Z“\"‘'])")


def _antecedent(
    text: str, at: int, people: dict[str, str], named: frozenset[str] = frozenset()
) -> str:
    """Who "he" or "she" at ``at`` is: the subject (first person named) of the
    nearest sentence before it that names someone, outside quotes."""
    if not people:
        return ""
    window_start = max(0, at - 2000)
    window = text[window_start:at]
    pieces = _SENTENCE_BREAK.split(window)
    for piece in reversed(pieces):
        for match in _MENTION.finditer(piece):
            word = match.group()
            if word not in people or word in named or _NOT_A_MENTION.match(piece, match.end()):
                continue
            return people[word]
    return ""


_MENTION = re.compile(rf"\b[{UPPER}][\w’'\-]*?(?=[’']s\b|[’'](?!\w)|[^\w’'\-]|$)")
"""A capitalised word, less a possessive ending: who may be one of an article's people."""


def speaker_key(speaker: str) -> str:
    """What two ways of naming one person share: the surname, lower-cased."""
    return speaker.split()[-1].lower() if speaker else ""
