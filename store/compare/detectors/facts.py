"""``number``, ``date``, ``name`` and ``venue`` in narrated sentences: sentences of
different articles that report the same thing (most of their words shared) with
another number of the same thing, another weekday or date, a word spelled
differently, or another venue.

A number or a date differs only between sentences about one subject: "200 people
in one town" and "350 people in another" are two counts of two things. Of each
thing a fact's sentences give, what the sentence most articles carry gives is set
beside each other value: one discrepancy each.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations, pairwise
from typing import Any

from store.compare.detection import DetectionContext, Finding
from store.compare.facts import CALENDAR, compatible, same_date
from store.compare.narration import NarratedSentence as Sentence

COMMON_PAIR = 50
"""A pair of words shared by more sentences than this aligns none of them."""


def detect(context: DetectionContext) -> Iterator[Finding]:
    """Sentences of different articles that share most of their words (two word
    pairs at least, and two fifths of their words) report the same thing: one fact.
    Of each thing a fact's sentences give (numbers, weekdays, dates, venues, the
    spelling of a name), what its most carried sentence gives is set beside each
    other value given: one discrepancy each."""
    sentences = context.sentences
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, sentence in enumerate(sentences):
        # dict, not set: the order of the pairs, hence of the discrepancies, must not
        # depend on string hashing (which changes from one run to the next).
        for pair in dict.fromkeys(pairwise(sentence.sequence)):
            index[pair].append(n)
    # Pairs counted as a * size + b: an int is lighter than a tuple and, unlike one,
    # never scanned by the garbage collector (there may be millions).
    shared: Counter[int] = Counter()
    size = len(sentences)
    for members in index.values():
        if 1 < len(members) <= COMMON_PAIR:
            shared.update([a * size + b for a, b in combinations(members, 2)])
    # Sentences of one article alone are not compared with each other.
    only = [s.sides[0].article_id if len(s.articles) == 1 else -1 for s in sentences]
    neighbours: dict[int, list[int]] = defaultdict(list)
    for both, count in shared.items():
        if count >= 2:
            a, b = divmod(both, size)
            if (only[a] < 0 or only[a] != only[b]) and _aligned(sentences[a], sentences[b]):
                neighbours[a].append(b)
                neighbours[b].append(a)
    # A fact is the sentence most articles carry and those like it, not yet taken:
    # each is set beside that sentence itself, never beside a sentence only like a
    # sentence like it (that may report something else).
    taken: set[int] = set()
    # Words of names already found spelled two ways are not found again (``spelled``).
    spelled = [words for name in context.spelled for words in name.words()]
    alike: dict[tuple[str, str], bool] = {
        pair: False for x, y in spelled for pair in ((x, y), (y, x))
    }
    for center in sorted(neighbours, key=lambda n: (-len(sentences[n].articles), n)):
        if center in taken:
            continue
        members = [center, *(n for n in sorted(neighbours[center]) if n not in taken)]
        taken.update(members)
        if len(members) > 1:
            yield from _set_beside(center, [sentences[n] for n in members], alike)


def _set_beside(
    center: int, members: list[Sentence], alike: dict[tuple[str, str], bool]
) -> Iterator[Finding]:
    """What the sentences of one fact give differently from its first (``members[0]``,
    the one most articles carry): one discrepancy per kind and value."""
    first = members[0]
    for kind, value_of, differ in _FACTS:
        usual = value_of(first)
        if not usual:
            continue
        given: dict[Hashable, list[Sentence]] = {}
        for sentence in members:
            value = value_of(sentence)
            if value:
                given.setdefault(value, []).append(sentence)
        if len(given) < 2:
            continue
        same = [side for sentence in given.pop(usual) for side in sentence.sides]
        for other in given.values():
            sides = [side for sentence in other for side in sentence.sides]
            if kind in _OF_A_SUBJECT and _other_subjects(first, other[0], alike):
                continue
            for v1, v2, s1, s2 in differ(first, other[0], alike):
                fact = (center, value_of.__name__)
                yield Finding(kind, fact, (v1, v2), same, sides, _stated, (s1, s2))


_OF_A_SUBJECT = ("number", "date")
"""What differs only between sentences about one subject: "200 people in Lyon" and
"350 people in Porto" are two counts of two things, not two counts of one."""


def _other_subjects(one: Sentence, two: Sentence, alike: object) -> bool:
    """Whether each sentence names something the other does not (Lyon / Porto), but
    for names spelled two ways (Aleksei / Alexei): they are about different things."""
    c1 = one.capitals - two.capitals - CALENDAR
    c2 = two.capitals - one.capitals - CALENDAR
    if not c1 or not c2:
        return False
    pairs = [(x, y) for x in c1 for y in c2 if _spelled_like(x, y)]
    return bool(c1 - {x for x, _ in pairs}) and bool(c2 - {y for _, y in pairs})


@lru_cache(maxsize=4096)
def _spelled_like(x: str, y: str) -> bool:
    return SequenceMatcher(None, x.lower(), y.lower()).ratio() >= 0.8


def _aligned(one: Sentence, two: Sentence) -> bool:
    return len(one.content & two.content) >= 0.4 * len(one.content | two.content)


def _stated(one: str, two: str, who_one: str, who_two: str) -> str:
    return f"{who_one} / {who_two}: {one} vs {two}"


Difference = tuple[Any, Any, str, str]
"""The value of one side, of the other, and how each reads."""


def _numbers_differ(one: Sentence, two: Sentence, alike: object) -> Iterable[Difference]:
    """Another number of the same thing ("12 people" / "15 people"), not merely
    other numbers: "12 people" / "4 of the people" may count two things."""
    n1, n2 = one.numbers - two.numbers, two.numbers - one.numbers
    counted = {what for _, what in n1} & {what for _, what in n2}
    v1 = {value for value, what in n1 if what in counted}
    v2 = {value for value, what in n2 if what in counted}
    if v1 and v2:
        yield tuple(sorted(v1)), tuple(sorted(v2)), _listed(v1), _listed(v2)


def _weekdays_differ(one: Sentence, two: Sentence, alike: object) -> Iterable[Difference]:
    w1, w2 = one.weekdays, two.weekdays
    if w1 and w2 and not w1 & w2:
        yield tuple(sorted(w1)), tuple(sorted(w2)), _listed(w1), _listed(w2)


def _dates_differ(one: Sentence, two: Sentence, alike: object) -> Iterable[Difference]:
    d1, d2 = one.dates, two.dates
    if d1 and d2 and not same_date(d1, d2):
        yield tuple(sorted(d1)), tuple(sorted(d2)), _listed(d1), _listed(d2)


def _spellings_differ(
    one: Sentence, two: Sentence, alike: dict[tuple[str, str], bool]
) -> Iterable[Difference]:
    c1 = one.capitals - two.capitals - CALENDAR
    c2 = two.capitals - one.capitals - CALENDAR
    for x in sorted(c1):
        for y in sorted(c2):
            if (x, y) not in alike:
                alike[x, y] = _spelled_like(x, y)
            if alike[x, y]:
                yield x, y, f"spelled {x}", y


def _venues_differ(one: Sentence, two: Sentence, alike: object) -> Iterable[Difference]:
    k1, k2 = _venue_keys(one), _venue_keys(two)
    if k1 and k2 and not compatible(k1, k2):
        yield tuple(sorted(k1)), tuple(sorted(k2)), one.venues[0].shown, two.venues[0].shown


def _numbers(sentence: Sentence) -> frozenset[tuple[str, str]]:
    return sentence.numbers


def _weekdays(sentence: Sentence) -> frozenset[str]:
    return sentence.weekdays


def _dates(sentence: Sentence) -> frozenset[str]:
    return sentence.dates


def _capitals(sentence: Sentence) -> frozenset[str]:
    return frozenset(sentence.capitals)


def _venue_keys(sentence: Sentence) -> frozenset[str]:
    return frozenset(k for venue in sentence.venues for k in venue.keys)


ValueOf = Callable[[Sentence], frozenset[Any]]
Differ = Callable[..., Iterable[Difference]]
_FACTS: list[tuple[str, ValueOf, Differ]] = [
    ("number", _numbers, _numbers_differ),
    ("date", _weekdays, _weekdays_differ),
    ("date", _dates, _dates_differ),
    ("name", _capitals, _spellings_differ),
    ("venue", _venue_keys, _venues_differ),
]
"""What the sentences of one fact are compared in: the kind of discrepancy, the value
a sentence gives, and the differences between two sentences' values."""


def _listed(values: Iterable[str]) -> str:
    return ", ".join(sorted(values))
