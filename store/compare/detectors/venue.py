"""``venue``: one quotation said in different places, or to different people, as
articles tell it (in a statement / on a platform, told one outlet / interviewed
by another, told reporters / told one outlet).

Where a quotation was said is read from its own sentences; else from the sentence
before them if it names the speaker; else from where the speaker's quotation
before it was said (the same interview goes on), if no one else is quoted
between them. One speaker's quotations told in the same two places (the
sentences of one interview) are one discrepancy ("and 1 more").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Hashable, Iterator, Mapping, Sequence
from itertools import combinations

from store.compare import facts
from store.compare.corpus import Span
from store.compare.detection import Describe, DetectionContext, Finding
from store.compare.findings import QuoteGroup, Side
from store.compare.narration import narration
from store.compare.quotes import Quote
from store.compare.sets import Sets
from store.compare.speakers import speaker_key
from store.compare.units import Unit

KIND = "venue"


def detect(context: DetectionContext) -> Iterator[Finding]:
    """Each quotation's venues, compared between articles."""
    corpus = context.corpus
    said = _QuoteVenues(corpus.texts, corpus.sentences, context.quotes)
    quoted: dict[Hashable, dict[str, tuple[int, int]]] = {}
    for rank, (group, units) in enumerate(context.groups):
        yield from _places(rank, group, units, said, context, quoted)


def _places(
    rank: int,
    group: QuoteGroup,
    members: Sequence[Unit],
    venues: _QuoteVenues,
    context: DetectionContext,
    quoted: dict[Hashable, dict[str, tuple[int, int]]],
) -> Iterator[Finding]:
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
    # Venues named alike (XTV, XTV News) are one: join those sharing a key. Those
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
        of.setdefault(group.canonical, min(map(context.place, group.occurrences)))
        yield Finding(KIND, fact, values, s1, s2, _told_of(of), (shown1, shown2), about=rank)


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

    def __init__(
        self,
        texts: Mapping[int, str],
        sentences: Mapping[int, Sequence[Span]],
        quotes: Mapping[int, Sequence[Quote]],
    ) -> None:
        self.texts = texts
        self.sentences = sentences
        self.quotes = quotes
        self.found: dict[int, list[list[facts.Venue]]] = {}

    def text(self, article_id: int) -> str:
        return self.texts[article_id]

    def of(self, unit: Unit) -> list[facts.Venue]:
        article_id = unit.article_id
        if article_id not in self.found:
            self.found[article_id] = _said_where(
                self.text(article_id), self.sentences[article_id], self.quotes[article_id]
            )
        return self.found[article_id][unit.quote]


INHERIT_LINES = 4
"""Over how many lines of text (paragraphs, or a paragraph's lines) between them a
speaker's venue carries over to their next quotation."""


def _said_where(
    text: str, sentences: Sequence[Span], quotes: Sequence[Quote]
) -> list[list[facts.Venue]]:
    narrated = narration(text, quotes)
    starts = [s for s, _ in sentences]
    found: list[list[facts.Venue]] = []
    for n, quote in enumerate(quotes):
        if quote.nested:
            found.append([])  # said inside someone's quotation: no narrated venue
            continue
        # The sentences holding the quotation, and the one its closing mark ends
        # ('... want!" Varga wrote on Twitter.' is cut after the mark).
        first = max(0, bisect_right(starts, quote.start) - 1)
        last = bisect_right(starts, quote.end + 3)
        line_start = text.rfind("\n", 0, quote.start) + 1
        line_end = text.find("\n", quote.end) % (len(text) + 1)  # -1: the text's end
        own = [
            (s, e)
            for s, e in sentences[first:last]
            if line_start <= s <= quote.end + 3 and quote.start <= e <= line_end
        ]
        said = [v for s, e in own for v in facts.venues(narrated, s, e)]
        surname = quote.speaker.split()[-1] if quote.speaker else ""
        if not said and surname and first > 0:
            s, e = sentences[first - 1]
            if re.search(rf"\b{re.escape(surname)}\b", narrated[s:e]):
                said = facts.venues(narrated, s, e)
        if not said and surname:
            said = _inherited(text, quotes, found, n)
        found.append(said)
    return found


def _inherited(
    text: str, quotes: Sequence[Quote], found: list[list[facts.Venue]], n: int
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
