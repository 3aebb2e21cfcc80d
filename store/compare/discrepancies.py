"""What differs between articles: discrepancy candidates, each with both sides
and a one-line reason.

- ``quote-wording``: one quotation worded differently (what one article quotes and
  another does not, at either end, counts only where the shorter one claims a
  whole sentence: “..., he said, ‘I did not.’” against “I did not, and I will not”);
- ``attribution``: one quotation given to different people;
- ``venue``: one quotation said elsewhere or to someone else (in a statement / on
  Twitter, to NBC News / to MSNBC), one per speaker and two places however many
  of their quotations, or narrated sentences naming different venues;
- ``number``, ``date``, ``name``: narrated sentences that report the same thing
  (most of their words shared) with a different number, weekday or date, or a
  word spelled differently; and one person's name spelled two ways anywhere;
- ``action``: one person said to have resigned in one article and to have been
  fired in another.

One difference is one discrepancy however many articles show it: the same two
values of the same fact (two wordings of one quotation, two numbers in one
reported sentence) make one, listing every passage on each side.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property, lru_cache
from itertools import combinations, pairwise
from typing import TYPE_CHECKING, Any

from store.compare import facts
from store.compare.findings import (
    Discrepancy,
    Occurrence,
    QuoteGroup,
    Side,
    merge_negations,
    raw_words,
    stable_id,
    words,
)
from store.compare.grouping import STOP, Sets, Unit
from store.compare.lexicon import lexicon
from store.compare.quotes import Quote, speaker_key
from store.text.letters import LOWER, UPPER

if TYPE_CHECKING:
    from store.compare.corpus import Corpus
    from store.records import Article


def find_discrepancies(
    store: Corpus,
    quotes: dict[int, list[Quote]],
    groups: list[tuple[QuoteGroup, list[Unit]]],
) -> list[Discrepancy]:
    """Every discrepancy candidate between the articles of ``store``: ``quotes`` are
    their quotations, ``groups`` the quotation groups with their units."""
    articles = store.articles()
    found = _Gathered(articles, {a.id: a.content_hash for a in articles})
    _quote_discrepancies(groups, found, _QuoteVenues(store, quotes))
    spelled = _name_discrepancies(store, articles, found)
    _fact_discrepancies(_sentences(store, quotes), found, spelled)
    _action_discrepancies(store, quotes, found)
    return found.discrepancies()


# -- discrepancies, gathered ------------------------------------------------------------

Describe = Callable[[Any, Any, str, str], str]
"""A reason from what each side shows and who says it (one article, or "X and 2 more")."""


@dataclass
class _Pending:
    kind: str
    values: tuple[Hashable, Hashable]
    describe: Describe
    shown: list[Any]
    parts: tuple[dict[int, Sequence[Side]], dict[int, Sequence[Side]]]
    """The lists of passages given for either side, by identity: a list given again
    (the passages of a wording compared with many others) is not gone through again."""


class _Gathered:
    """Discrepancies gathered by what differs: one per fact and pair of values (two
    wordings of one quotation, two numbers in one reported sentence), however many
    passages show it, each side listing all of them."""

    def __init__(self, articles: list[Article], hashes: dict[int, str]) -> None:
        self.order = {a.id: n for n, a in enumerate(articles)}
        self.labels = {a.id: a.label for a in articles}
        self.hashes = hashes
        self.pending: dict[tuple[str, Hashable, frozenset[Hashable]], _Pending] = {}

    def add(
        self,
        kind: str,
        fact: Hashable,
        values: tuple[Hashable, Hashable],
        one: Sequence[Side],
        two: Sequence[Side],
        describe: Describe,
        shown: tuple[Any, Any] | None = None,
    ) -> None:
        """Passages ``one`` say ``values[0]`` of ``fact``, passages ``two`` say
        ``values[1]``; ``shown``: how each value reads (the values themselves if
        None)."""
        key = (kind, fact, frozenset(values))
        item = self.pending.get(key)
        if item is None:
            display = list(shown) if shown is not None else list(values)
            item = self.pending[key] = _Pending(kind, values, describe, display, ({}, {}))
        elif values != item.values:
            one, two = two, one
        item.parts[0].setdefault(id(one), one)
        item.parts[1].setdefault(id(two), two)

    def discrepancies(self) -> list[Discrepancy]:
        found = []
        ordered: dict[int, tuple[Side, ...]] = {}  # each list of passages, in order, once
        for item in self.pending.values():
            one, two = (self._passages(parts, ordered) for parts in item.parts)
            if not one or not two:
                continue
            (v1, v2), (s1, s2) = item.values, item.shown
            if self.place(two[0]) < self.place(one[0]):
                one, two, v1, v2, s1, s2 = two, one, v2, v1, s2, s1
            first, second = one[0], two[0]
            ident = stable_id(
                item.kind, v1, v2, self.hashes[first.article_id], first.start, first.end,
                self.hashes[second.article_id], second.start, second.end,
            )  # fmt: skip
            reason = item.describe(s1, s2, self._who(one), self._who(two))
            found.append(Discrepancy(ident, item.kind, reason, (first, second), (one, two)))
        return found

    def _passages(
        self, parts: dict[int, Sequence[Side]], ordered: dict[int, tuple[Side, ...]]
    ) -> tuple[Side, ...]:
        """The passages of one side, in the store's order, each once."""
        for key, part in parts.items():
            if key not in ordered:
                unique = {(side.article_id, side.start, side.end): side for side in part}
                ordered[key] = tuple(sorted(map(_plain, unique.values()), key=self.place))
        if len(parts) == 1:
            return ordered[next(iter(parts))]
        unique = {(s.article_id, s.start, s.end): s for key in parts for s in ordered[key]}
        return tuple(sorted(unique.values(), key=self.place))

    def place(self, side: Side) -> tuple[int, int]:
        """Where a passage is: its article's place in the store's order, its offset."""
        return self.order[side.article_id], side.start

    def _who(self, sides: Sequence[Side]) -> str:
        more = len({s.article_id for s in sides}) - 1
        label = self.labels[sides[0].article_id]
        return f"{label} and {more} more" if more else label


def _plain(side: Side) -> Side:
    return side if type(side) is Side else Side(side.article_id, side.start, side.end, side.exact)


# -- quotations that differ ---------------------------------------------------------------

ALL_PAIRS = 6
"""A quotation in at most this many wordings has each pair of them compared; in more,
each is compared with the three most carried."""


def _quote_discrepancies(
    groups: list[tuple[QuoteGroup, list[Unit]]],
    found: _Gathered,
    venues: _QuoteVenues,
    attribution: bool = True,
) -> None:
    """Each quotation's wordings, attributions and venues, compared between articles
    (``attribution``: whether different speakers count)."""
    quoted: dict[Hashable, dict[str, tuple[int, int]]] = {}
    for group, members in groups:
        _wording_discrepancies(group, members, found)
        if attribution:
            _attribution_discrepancies(group, found)
        _venue_discrepancies(group, members, venues, found, quoted)


def _wording_discrepancies(group: QuoteGroup, members: list[Unit], found: _Gathered) -> None:
    # A wording as given: its words, and whether it claims a sentence's start and end.
    forms: dict[tuple[tuple[str, ...], bool, bool], list[Unit]] = {}
    for unit in members:
        key = (tuple(raw_words(unit.exact)), unit.starts_whole, unit.ends_whole)
        forms.setdefault(key, []).append(unit)
    given = list(forms.values())
    passages = [[_side(unit) for unit in form] for form in given]
    if len(given) <= ALL_PAIRS:
        pairs: Iterable[tuple[int, int]] = combinations(range(len(given)), 2)
    else:
        carried = sorted(
            range(len(given)), key=lambda n: (-len({u.article_id for u in given[n]}), n)
        )
        pairs = sorted(
            {(min(n, c), max(n, c)) for c in carried[:3] for n in range(len(given)) if n != c}
        )
    for i, j in pairs:
        one, two = given[i], given[j]
        if len({u.article_id for u in one} | {u.article_id for u in two}) < 2:
            continue
        ops = _wording_changes(one[0], two[0])
        if ops:
            values = (tuple(" ".join(x) for _, x, _ in ops), tuple(" ".join(y) for _, _, y in ops))
            shown = (
                tuple(_as_written(x, one[0].exact) for x in values[0]),
                tuple(_as_written(y, two[0].exact) for y in values[1]),
            )
            found.add("quote-wording", group.id, values, passages[i], passages[j], _changes, shown)


def _as_written(words: str, exact: str) -> str:
    """``words`` (compared lower-cased) as the passage ``exact`` writes them ("Senator
    Franken", not "senator franken"); as compared, with "I" a capital, when the passage
    does not have them word for word."""
    if not words:
        return words
    apostrophe = "['’]"
    pattern = r"[\W_]+".join(re.escape(word).replace("'", apostrophe) for word in words.split())
    found = re.search(rf"(?<!\w){pattern}(?!\w)", exact, re.IGNORECASE)
    # Not word for word: a contraction spelt out ("I'm" compared as "i am").
    return found.group(0) if found else re.sub(r"\bi\b", "I", words)


def _side(unit: Unit) -> Side:
    return Side(unit.article_id, unit.start, unit.end, unit.exact)


def _changes(one: tuple[str, ...], two: tuple[str, ...], who_one: str, who_two: str) -> str:
    pairs = list(zip(one, two, strict=True))[:3]
    changed = "; ".join(f"“{x or '—'}” → “{y or '—'}”" for x, y in pairs)
    return f"{who_one} → {who_two}: {changed}"


Op = tuple[str, list[str], list[str]]


def _wording_changes(a: Unit, b: Unit) -> list[Op]:
    """The changed words between two wordings of one quotation. What one quotes and
    the other does not, at either end, is a change only where the shorter claims
    that end ("... the Russians." / "... the Russians, and I'm unable to comment");
    contractions count only when nothing else differs ("it'd" / "it would")."""
    one, shown_one = merge_negations(a.words, b.words)
    two, shown_two = merge_negations(b.words, a.words)
    ops = _ops(one, two, a, b, shown_one, shown_two)
    if not ops:
        ops = [
            op
            for op in _ops(raw_words(a.exact), raw_words(b.exact), a, b, {}, {})
            if any("'" in w for w in op[1] + op[2])
        ]
    return ops


def _ops(
    a: list[str],
    b: list[str],
    one: Unit,
    two: Unit,
    shown_a: dict[int, str],
    shown_b: dict[int, str],
) -> list[Op]:
    codes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    # At the start, "insert" means ``b`` quotes words before ``a`` does: a change
    # only if ``a`` claims to start there (and "delete" likewise for ``b``).
    if codes and codes[0][0] in ("insert", "delete"):
        claims = one.starts_whole if codes[0][0] == "insert" else two.starts_whole
        codes = codes if claims else codes[1:]
    if codes and codes[-1][0] in ("insert", "delete"):
        claims = one.ends_whole if codes[-1][0] == "insert" else two.ends_whole
        codes = codes if claims else codes[:-1]
    ops: list[Op] = []
    last = len(codes) - 1
    for n, (tag, i1, i2, j1, j2) in enumerate(codes):
        x = [shown_a.get(i, a[i]) for i in range(i1, i2)]
        y = [shown_b.get(j, b[j]) for j in range(j1, j2)]
        if tag == "equal":
            ops += [("replace", [x[k]], [y[k]]) for k in range(len(x)) if x[k] != y[k]]
            continue
        # Replaced words at an end that one side quotes less of: as many words of the
        # longer as the shorter has, and one more (“it'd” → “it would”, not the
        # whole sentence before it).
        if tag == "replace" and n == 0 and i1 == 0 and j1 == 0:
            if len(x) < len(y) and not one.starts_whole:
                y = y[-(len(x) + 1) :]
            elif len(y) < len(x) and not two.starts_whole:
                x = x[-(len(y) + 1) :]
        if tag == "replace" and n == last and i2 == len(a) and j2 == len(b):
            if len(x) < len(y) and not one.ends_whole:
                y = y[: len(x) + 1]
            elif len(y) < len(x) and not two.ends_whole:
                x = x[: len(y) + 1]
        ops.append((tag, x, y))
    return ops


def _attribution_discrepancies(group: QuoteGroup, found: _Gathered) -> None:
    """One quotation given to different people (quoted in full, not in part: a few
    words in a sentence about someone are less surely theirs). One person's name
    spelled two ways (Brandt, Brant) is one person: a ``name`` discrepancy, if any."""
    by_key: dict[str, list[Occurrence]] = {}
    for occurrence in group.occurrences:
        key = speaker_key(occurrence.speaker)
        if key and not occurrence.partial:
            by_key.setdefault(key, []).append(occurrence)
    for one, two in combinations(sorted(by_key), 2):
        if SequenceMatcher(None, one, two).ratio() >= SPELLED_ALIKE:
            continue
        sides = (by_key[one], by_key[two])
        if len({o.article_id for side in sides for o in side}) < 2:
            continue
        names = (sides[0][0].speaker, sides[1][0].speaker)
        found.add("attribution", group.id, names, *sides, _attributed)


def _attributed(one: str, two: str, who_one: str, who_two: str) -> str:
    return f"{who_one} attributes it to {one}, {who_two} to {two}"


def _venue_discrepancies(
    group: QuoteGroup,
    members: list[Unit],
    venues: _QuoteVenues,
    found: _Gathered,
    quoted: dict[Hashable, dict[str, tuple[int, int]]],
) -> None:
    """One quotation said in different places, or to different people, as articles
    tell it. One speaker's quotations told in the same two places (the sentences of
    one interview) are one discrepancy: ``quoted`` gathers, for each, the quotations
    it is of, where each is first quoted, for its reason to name the first ("and 1
    more")."""
    told: list[tuple[frozenset[str], list[Side], str]] = []
    for unit in members:
        said = venues.of(unit)
        if not said:
            continue
        keys = frozenset(k for venue in said for k in venue.keys)
        text = venues.text(unit.article_id)
        sides = [Side(unit.article_id, v.start, v.end, text[v.start : v.end]) for v in said]
        told.append((keys, sides, said[0].shown))
    if len({sides[0].article_id for _, sides, _ in told}) < 2:
        return
    # Venues named alike (NBC, NBC News) are one: join those sharing a key. Those
    # only compatible (reporters, a news conference) are not joined, lest they join
    # two that are not (a news conference, a statement); they are not set apart.
    sets = Sets(len(told))
    for (a, (ka, _, _)), (b, (kb, _, _)) in combinations(enumerate(told), 2):
        if ka & kb:
            sets.union(a, b)
    places: dict[int, tuple[set[str], list[Side], str]] = {}
    for n, (keys, sides, shown) in enumerate(told):
        keys_so_far, sides_so_far, _ = places.setdefault(sets.find(n), (set(), [], shown))
        keys_so_far.update(keys)
        sides_so_far.extend(sides)
    # Keyed by speaker, else by quotation: one unattributed is one occasion alone.
    fact = ("said by", speaker_key(group.speaker)) if group.speaker else group.id
    for (k1, s1, shown1), (k2, s2, shown2) in combinations(places.values(), 2):
        if facts.compatible(frozenset(k1), frozenset(k2)):
            continue
        if len({s.article_id for s in s1 + s2}) < 2:
            continue
        values = (tuple(sorted(k1)), tuple(sorted(k2)))
        of = quoted.setdefault((fact, frozenset(values)), {})
        of.setdefault(group.canonical, min(map(found.place, group.occurrences)))
        found.add("venue", fact, values, s1, s2, _told_of(of), (shown1, shown2))


def _told_of(quoted: dict[str, tuple[int, int]]) -> Describe:
    """The reason of a venue discrepancy of ``quoted`` (each quotation, where it is
    first quoted), read once all are gathered."""

    def describe(one: str, two: str, who_one: str, who_two: str) -> str:
        first = min(quoted, key=quoted.__getitem__)
        first = first if len(first) <= 60 else first[:59] + "…"
        more = f" and {len(quoted) - 1} more" if len(quoted) > 1 else ""
        return f"{who_one} / {who_two}: {one} vs {two}, of “{first}”{more}"

    return describe


class _QuoteVenues:
    """Where each quotation was said, as its article tells it, worked out per article
    as needed: in the sentences holding the quotation; else in the sentence before
    them if it names the speaker; else where the speaker's quotation before it was
    said (the same interview goes on), if no one else is quoted between them."""

    def __init__(self, store: Corpus, quotes: dict[int, list[Quote]]) -> None:
        self.store = store
        self.quotes = quotes
        self.found: dict[int, list[list[facts.Venue]]] = {}

    def text(self, article_id: int) -> str:
        return self.store.article_text(article_id)

    def of(self, unit: Unit) -> list[facts.Venue]:
        article_id = unit.article_id
        if article_id not in self.found:
            self.found[article_id] = _said_where(
                self.text(article_id), self.store.sentences(article_id), self.quotes[article_id]
            )
        return self.found[article_id][unit.quote]


INHERIT_LINES = 4
"""Over how many lines of text (paragraphs, or a paragraph's lines) between them a
speaker's venue carries over to their next quotation."""


def _said_where(
    text: str, sentences: list[tuple[int, int]], quotes: list[Quote]
) -> list[list[facts.Venue]]:
    narration = _blanked(text, quotes)
    starts = [s for s, _ in sentences]
    found: list[list[facts.Venue]] = []
    for n, quote in enumerate(quotes):
        if quote.nested:
            found.append([])  # said inside someone's quotation: no narrated venue
            continue
        # The sentences holding the quotation, and the one its closing mark ends
        # ('... want!" Ryan wrote on Twitter.' is cut after the mark).
        first = max(0, bisect_right(starts, quote.start) - 1)
        last = bisect_right(starts, quote.end + 3)
        line_start = text.rfind("\n", 0, quote.start) + 1
        line_end = text.find("\n", quote.end) % (len(text) + 1)  # -1: the text's end
        own = [
            (s, e)
            for s, e in sentences[first:last]
            if line_start <= s <= quote.end + 3 and quote.start <= e <= line_end
        ]
        said = [v for s, e in own for v in facts.venues(narration, s, e)]
        surname = quote.speaker.split()[-1] if quote.speaker else ""
        if not said and surname and first > 0:
            s, e = sentences[first - 1]
            if re.search(rf"\b{re.escape(surname)}\b", narration[s:e]):
                said = facts.venues(narration, s, e)
        if not said and surname:
            said = _inherited(text, quotes, found, n)
        found.append(said)
    return found


def _inherited(
    text: str, quotes: list[Quote], found: list[list[facts.Venue]], n: int
) -> list[facts.Venue]:
    key = speaker_key(quotes[n].speaker)
    for m in range(n - 1, -1, -1):
        earlier = quotes[m]
        if earlier.nested:
            continue
        between = text[earlier.end : quotes[n].start].split("\n")
        if sum(1 for line in between if line.strip()) > INHERIT_LINES:
            return []
        if speaker_key(earlier.speaker) == key:
            return found[m]
        if earlier.speaker:
            return []  # someone else was quoted between: another occasion, maybe
    return []


def _blanked(text: str, quotes: list[Quote]) -> str:
    """``text`` with every quotation blanked but for titles (on “Meet the Press”):
    what is narrated, at the same offsets."""
    pieces, at = [], 0
    for quote in quotes:
        if quote.nested or quote.start < at or facts.is_title(quote.exact):
            continue
        pieces += [text[at : quote.start], " " * (quote.end - quote.start)]
        at = quote.end
    pieces.append(text[at:])
    return "".join(pieces)


# -- narrated facts that differ -------------------------------------------------------------


_CAPITAL = re.compile(rf"(?<![.!?]\s)(?<!^)\b[{UPPER}][{UPPER}{LOWER}\-]{{3,}}\b")
_CALENDAR = frozenset([*facts.WEEKDAYS, *facts.MONTHS])
"""Capitalised words that are dates, not names: Tuesday / Thursday is not a spelling."""


@dataclass
class _Sentence:
    """A narrated sentence, as one or more articles give it word for word."""

    exact: str
    content: set[str]
    sequence: list[str]
    sides: list[Side]
    """Each article's passage with these very words."""

    # Worked out once per sentence, as a sentence is paired with many others, from
    # what it narrates: the words it quotes are compared as quotations.
    @cached_property
    def narrated(self) -> str:
        return facts.unquoted(self.exact) if '"' in self.exact or "“" in self.exact else self.exact

    @cached_property
    def numbers(self) -> frozenset[tuple[str, str]]:
        """Each number with what it counts (``facts.counts``)."""
        return facts.counts(self.narrated)

    @cached_property
    def weekdays(self) -> frozenset[str]:
        return facts.weekdays(self.narrated)

    @cached_property
    def dates(self) -> frozenset[str]:
        return facts.dates(self.narrated)

    @cached_property
    def capitals(self) -> set[str]:
        return set(_CAPITAL.findall(self.narrated))

    @cached_property
    def venues(self) -> list[facts.Venue]:
        """Where something was said, in a sentence that quotes nothing (where a
        quotation was said is compared with the quotation)."""
        return [] if self.narrated != self.exact else facts.venues(self.exact)

    @cached_property
    def articles(self) -> frozenset[int]:
        return frozenset(side.article_id for side in self.sides)


def _sentences(store: Corpus, quotes: dict[int, list[Quote]]) -> list[_Sentence]:
    found: dict[str, _Sentence] = {}
    for article_id in quotes:
        text = store.article_text(article_id)
        for start, end in store.sentences(article_id):
            exact = text[start:end]
            side = Side(article_id, start, end, exact)
            if exact in found:
                found[exact].sides.append(side)
                continue
            sequence = [w for w in words(exact) if w not in STOP and len(w) > 1]
            if len(sequence) >= 5:
                found[exact] = _Sentence(exact, set(sequence), sequence, [side])
    return list(found.values())


COMMON_PAIR = 50
"""A pair of words shared by more sentences than this aligns none of them."""


def _fact_discrepancies(
    sentences: list[_Sentence], found: _Gathered, spelled: Iterable[tuple[str, str]] = ()
) -> None:
    """Sentences of different articles that share most of their words (two word
    pairs at least, and two fifths of their words) report the same thing: one fact.
    Of each thing a fact's sentences give (numbers, weekdays, dates, venues, the
    spelling of a name), what its most carried sentence gives is set beside each
    other value given: one discrepancy each."""
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
    alike: dict[tuple[str, str], bool] = {
        pair: False for x, y in spelled for pair in ((x, y), (y, x))
    }
    for center in sorted(neighbours, key=lambda n: (-len(sentences[n].articles), n)):
        if center in taken:
            continue
        members = [center, *(n for n in sorted(neighbours[center]) if n not in taken)]
        taken.update(members)
        if len(members) > 1:
            _set_beside(center, [sentences[n] for n in members], found, alike)


def _set_beside(
    center: int, members: list[_Sentence], found: _Gathered, alike: dict[tuple[str, str], bool]
) -> None:
    """What the sentences of one fact give differently from its first (``members[0]``,
    the one most articles carry): one discrepancy per kind and value."""
    first = members[0]
    for kind, value_of, differ in _FACTS:
        usual = value_of(first)
        if not usual:
            continue
        given: dict[Hashable, list[_Sentence]] = {}
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
                found.add(kind, fact, (v1, v2), same, sides, _stated, (s1, s2))


_OF_A_SUBJECT = ("number", "date")
"""What differs only between sentences about one subject: "200 people in Ohio" and
"350 people in Texas" are two counts of two things, not two counts of one."""


def _other_subjects(one: _Sentence, two: _Sentence, alike: object) -> bool:
    """Whether each sentence names something the other does not (Ohio / Texas), but
    for names spelled two ways (Dmitri / Dmitry): they are about different things."""
    c1 = one.capitals - two.capitals - _CALENDAR
    c2 = two.capitals - one.capitals - _CALENDAR
    if not c1 or not c2:
        return False
    pairs = [(x, y) for x in c1 for y in c2 if _spelled_like(x, y)]
    return bool(c1 - {x for x, _ in pairs}) and bool(c2 - {y for _, y in pairs})


@lru_cache(maxsize=4096)
def _spelled_like(x: str, y: str) -> bool:
    return SequenceMatcher(None, x.lower(), y.lower()).ratio() >= 0.8


def _aligned(one: _Sentence, two: _Sentence) -> bool:
    return len(one.content & two.content) >= 0.4 * len(one.content | two.content)


def _stated(one: str, two: str, who_one: str, who_two: str) -> str:
    return f"{who_one} / {who_two}: {one} vs {two}"


Difference = tuple[Any, Any, str, str]
"""The value of one side, of the other, and how each reads."""


def _numbers_differ(one: _Sentence, two: _Sentence, alike: object) -> Iterable[Difference]:
    """Another number of the same thing ("12 people" / "15 people"), not merely
    other numbers: "12 people" / "4 of the people" may count two things."""
    n1, n2 = one.numbers - two.numbers, two.numbers - one.numbers
    counted = {what for _, what in n1} & {what for _, what in n2}
    v1 = {value for value, what in n1 if what in counted}
    v2 = {value for value, what in n2 if what in counted}
    if v1 and v2:
        yield tuple(sorted(v1)), tuple(sorted(v2)), _listed(v1), _listed(v2)


def _weekdays_differ(one: _Sentence, two: _Sentence, alike: object) -> Iterable[Difference]:
    w1, w2 = one.weekdays, two.weekdays
    if w1 and w2 and not w1 & w2:
        yield tuple(sorted(w1)), tuple(sorted(w2)), _listed(w1), _listed(w2)


def _dates_differ(one: _Sentence, two: _Sentence, alike: object) -> Iterable[Difference]:
    d1, d2 = one.dates, two.dates
    if d1 and d2 and not facts.same_date(d1, d2):
        yield tuple(sorted(d1)), tuple(sorted(d2)), _listed(d1), _listed(d2)


def _spellings_differ(
    one: _Sentence, two: _Sentence, alike: dict[tuple[str, str], bool]
) -> Iterable[Difference]:
    c1 = one.capitals - two.capitals - _CALENDAR
    c2 = two.capitals - one.capitals - _CALENDAR
    for x in sorted(c1):
        for y in sorted(c2):
            if (x, y) not in alike:
                alike[x, y] = _spelled_like(x, y)
            if alike[x, y]:
                yield x, y, f"spelled {x}", y


def _venues_differ(one: _Sentence, two: _Sentence, alike: object) -> Iterable[Difference]:
    k1, k2 = _venue_keys(one), _venue_keys(two)
    if k1 and k2 and not facts.compatible(k1, k2):
        yield tuple(sorted(k1)), tuple(sorted(k2)), one.venues[0].shown, two.venues[0].shown


def _numbers(sentence: _Sentence) -> frozenset[tuple[str, str]]:
    return sentence.numbers


def _weekdays(sentence: _Sentence) -> frozenset[str]:
    return sentence.weekdays


def _dates(sentence: _Sentence) -> frozenset[str]:
    return sentence.dates


def _capitals(sentence: _Sentence) -> frozenset[str]:
    return frozenset(sentence.capitals)


def _venue_keys(sentence: _Sentence) -> frozenset[str]:
    return frozenset(k for venue in sentence.venues for k in venue.keys)


_FACTS: list[tuple[str, Callable[[_Sentence], frozenset[Any]], Callable[..., Iterable[Difference]]]]
_FACTS = [
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


# -- who left how, and names --------------------------------------------------------------


def _action_discrepancies(store: Corpus, quotes: dict[int, list[Quote]], found: _Gathered) -> None:
    """One person said to have resigned in one article and to have been fired in another."""
    told: dict[str, dict[str, list[Side]]] = defaultdict(lambda: defaultdict(list))
    names: dict[str, str] = {}
    for article_id, article_quotes in quotes.items():
        text = store.article_text(article_id)
        if not _LEAVING.search(text):
            continue
        for action in facts.actions(_blanked(text, article_quotes), store.people(article_id)):
            told[action.person][action.how].append(
                Side(article_id, action.start, action.end, text[action.start : action.end])
            )
            names.setdefault(action.person, action.person.title())
    for person, hows in told.items():
        if facts.LEFT in hows and facts.REMOVED in hows:
            name = names[person]

            def describe(one: str, two: str, who_one: str, who_two: str, name: str = name) -> str:
                return f"{who_one}: {name} {one}; {who_two}: {name} {two}"

            values = (facts.LEFT, facts.REMOVED)
            found.add("action", person, values, hows[facts.LEFT], hows[facts.REMOVED], describe)


_LEAVING = re.compile(lexicon().alternation("leaving_hints"))


def _name_discrepancies(
    store: Corpus, articles: list[Article], found: _Gathered
) -> list[tuple[str, str]]:
    """One person's name spelled two ways by two articles (Dmitri / Dmitry Peskov);
    returns the words spelled two ways (Dmitri, Dmitry)."""
    carriers: dict[str, list[int]] = {}  # each full name -> the articles naming it
    for article in articles:
        for full in sorted(set(store.people(article.id).values())):
            carriers.setdefault(full, []).append(article.id)
    # Names spelled alike differ in one word: they share the others.
    buckets: dict[tuple[int, tuple[str, ...]], list[str]] = defaultdict(list)
    for full in carriers:
        parts = full.split()
        for n in range(len(parts)):
            buckets[n, tuple(parts[:n] + parts[n + 1 :])].append(full)
    pairs: dict[tuple[str, str], None] = {}
    for names in buckets.values():
        for one, two in combinations(names, 2):
            if _spelled_alike(one.split(), two):
                pairs[one, two] = None
    spelled = []
    for one, two in pairs:
        ones, twos = (
            [_name_side(store, article_id, name) for article_id in carriers[name]]
            for name in (one, two)
        )
        if len({s.article_id for s in ones + twos}) >= 2:
            found.add("name", frozenset((one, two)), (one, two), ones, twos, _spelled)
            spelled += [(x, y) for x, y in zip(one.split(), two.split(), strict=True) if x != y]
    return spelled


SPELLED_ALIKE = 0.75
"""How alike (``SequenceMatcher.ratio``) two spellings of one name are at the least."""


def _spelled(one: str, two: str, who_one: str, who_two: str) -> str:
    return f"{one} ({who_one}) / {two} ({who_two}): the name is spelled two ways"


def _spelled_alike(parts: list[str], other: str) -> bool:
    """Two names of as many words, one of them spelled a little differently."""
    o_parts = other.split()
    if len(o_parts) != len(parts) or len(parts) < 2:
        return False
    differing = [(x, y) for x, y in zip(parts, o_parts, strict=True) if x != y]
    if len(differing) == 1 and all(len(w) >= 4 for w in differing[0]):
        x, y = differing[0]
        return SequenceMatcher(None, x.lower(), y.lower()).ratio() >= SPELLED_ALIKE
    return False


def _name_side(store: Corpus, article_id: int, name: str) -> Side:
    text = store.article_text(article_id)
    start = text.find(name)
    return Side(article_id, start, start + len(name), name)
