"""Compare articles: the same quotation across articles, and what differs.

``compare(store)`` finds every quotation in every article (``store.quotes``),
cuts each into sentences, and groups the sentences that quote the same
utterance in different articles: exactly, in part (one a piece of the other) or
with changed words (contractions, changed, added or dropped words). Candidate
pairs come from an index of shared word trigrams, never from comparing every
pair. It then lists discrepancy candidates: a quotation worded differently,
attributed to different people, or narrated sentences that report the same
thing with a different number, date, name or venue, each with both sides and
a one-line reason.

Each article's quotations are cached in ``compare_cache`` and recomputed only
for articles that are new (texts never change). The user's decisions on the
suggestions are in ``compare_decisions``: accepting one creates the annotations
and link in one undoable action; a dismissed one stays dismissed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from functools import cached_property
from itertools import combinations, pairwise
from typing import TYPE_CHECKING, Any

from store.errors import StoreError
from store.quotes import Quote, find_quotes, sentences_of, speaker_key
from store.segment import sentence_spans

if TYPE_CHECKING:
    from store.db import Article, Store

VERSION = 2
"""Bump when the finder changes: cached quotations of an older version are redone."""

Progress = Callable[[int, int], None]
"""Called with (articles done, articles in all) while the quotations are found."""

# -- words --------------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_CONTRACTIONS = {
    "can't": ["can", "not"], "won't": ["will", "not"], "shan't": ["shall", "not"],
    "it's": ["it", "is"], "there's": ["there", "is"], "that's": ["that", "is"],
    "he's": ["he", "is"], "she's": ["she", "is"], "what's": ["what", "is"],
    "here's": ["here", "is"], "who's": ["who", "is"], "let's": ["let", "us"],
}  # fmt: skip
_SUFFIXES = (("n't", "not"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'m", "am"),
             ("'d", "would"))  # fmt: skip


def words(text: str) -> list[str]:
    """Lower-cased words with contractions spelled out: the wording that counts."""
    out: list[str] = []
    for word in _WORD.findall(text.lower().replace("’", "'").replace("‘", "'")):
        if "'" not in word:  # every contraction and suffix below has one
            out.append(word)
            continue
        if word in _CONTRACTIONS:
            out += _CONTRACTIONS[word]
            continue
        for suffix, full in _SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix):
                out += [word[: -len(suffix)], full]
                break
        else:
            out.append(word.removesuffix("'s"))
    return out


def raw_words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'").replace("‘", "'"))


# -- results ------------------------------------------------------------------------


@dataclass(frozen=True)
class Side:
    """One article's passage: ``text[start:end] == exact``."""

    article_id: int
    start: int
    end: int
    exact: str


@dataclass(frozen=True)
class Occurrence(Side):
    """A quotation as one article gives it."""

    speaker: str = ""
    variant: bool = False
    """Its words differ from the canonical wording (contractions, changed words)."""
    partial: bool = False
    """It quotes only part of the canonical wording."""

    @property
    def status(self) -> str:
        return "variant" if self.variant else "partial" if self.partial else "exact"


@dataclass(frozen=True)
class QuoteGroup:
    """One utterance as quoted by several articles."""

    id: str
    speaker: str
    canonical: str
    occurrences: tuple[Occurrence, ...]

    def in_article(self, article_id: int) -> Occurrence | None:
        return next((o for o in self.occurrences if o.article_id == article_id), None)

    def status(self, article_id: int) -> str:
        """``exact``, ``variant``, ``partial`` or ``absent``: the article's coverage."""
        found = [o for o in self.occurrences if o.article_id == article_id]
        if not found:
            return "absent"
        if any(o.status == "exact" for o in found):
            return "exact"
        return "variant" if any(o.variant for o in found) else "partial"


@dataclass(frozen=True)
class Discrepancy:
    """Two passages that report the same thing with a material difference."""

    id: str
    kind: str
    """``quote-wording``, ``attribution``, ``number``, ``date``, ``name`` or ``venue``."""
    reason: str
    sides: tuple[Side, Side]
    link_kind: str = "contradicts"


@dataclass
class Comparison:
    articles: list[Article]
    groups: list[QuoteGroup]
    discrepancies: list[Discrepancy]
    decisions: dict[str, str] = field(default_factory=dict)
    """Suggestion id -> ``accepted`` or ``dismissed``."""

    def open_discrepancies(self) -> list[Discrepancy]:
        return [d for d in self.discrepancies if self.decisions.get(d.id) != "dismissed"]


# -- quotations per article, cached ---------------------------------------------------


class Snapshot:
    """What the analysis reads, taken from the store in the UI's thread, so that the
    analysis itself can run in another (a SQLite connection stays in its thread)."""

    def __init__(self, store: Store) -> None:
        self._articles = store.articles()
        self._texts = {a.id: store.article_text(a.id) for a in self._articles}
        self.cached: dict[int, list[Quote]] = {
            row[0]: [Quote(*q) for q in json.loads(row[1])]
            for row in store.conn.execute(
                "SELECT article_id, quotes FROM compare_cache WHERE version = ?", (VERSION,)
            )
        }
        self.decisions: dict[str, str] = dict(
            store.conn.execute("SELECT id, decision FROM compare_decisions")
        )
        self.fresh: dict[int, list[Quote]] = {}
        """Quotations found by the analysis for articles not in the cache."""

    def articles(self) -> list[Article]:
        return self._articles

    def article_text(self, article_id: int) -> str:
        return self._texts[article_id]


def article_quotes(snapshot: Snapshot, progress: Progress | None = None) -> dict[int, list[Quote]]:
    """Every article's quotations: from the cache, found afresh for new articles."""
    articles = snapshot.articles()
    found: dict[int, list[Quote]] = {}
    for done, article in enumerate(articles, 1):
        if article.id in snapshot.cached:
            found[article.id] = snapshot.cached[article.id]
        else:
            found[article.id] = snapshot.fresh[article.id] = find_quotes(
                snapshot.article_text(article.id)
            )
        if progress:
            progress(done, len(articles))
    return found


def save_cache(store: Store, snapshot: Snapshot) -> None:
    """Keep the quotations found afresh (in the store's thread)."""
    if not snapshot.fresh:
        return
    rows = [
        (article_id, VERSION, json.dumps([list(asdict(q).values()) for q in quotes]))
        for article_id, quotes in snapshot.fresh.items()
    ]
    try:
        with store.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO compare_cache (article_id, version, quotes) "
                "VALUES (?, ?, ?)",
                rows,
            )
    except StoreError:
        pass  # a read-only or full database: the cache is only a cache
    snapshot.cached.update(snapshot.fresh)
    snapshot.fresh = {}


# -- grouping ------------------------------------------------------------------------


@dataclass
class _Unit:
    """One sentence of one quotation: what is compared."""

    number: int
    article_id: int
    quote: int
    start: int
    end: int
    exact: str
    speaker: str
    words: list[str]


def _units(store: Snapshot, quotes: dict[int, list[Quote]]) -> list[_Unit]:
    units: list[_Unit] = []
    for article_id, found in quotes.items():
        text = store.article_text(article_id)
        for q_number, quote in enumerate(found):
            for start, end in sentences_of(text, quote):
                exact = text[start:end]
                unit_words = words(exact)
                if not unit_words:
                    continue  # no word to compare ("Нет."): a unit's number is its index
                units.append(
                    _Unit(
                        len(units), article_id, q_number, start, end, exact, quote.speaker,
                        unit_words,
                    )
                )  # fmt: skip
    return units


def _keys(unit_words: list[str]) -> set[tuple[str, ...]]:
    if len(unit_words) < 3:
        return {tuple(unit_words)}
    return {tuple(unit_words[i : i + 3]) for i in range(len(unit_words) - 2)}


COMMON_KEY = 50
"""A trigram shared by more quotations than this says nothing about any pair."""


def _candidate_pairs(units: list[_Unit]) -> set[tuple[int, int]]:
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for unit in units:
        for key in _keys(unit.words):
            index[key].append(unit.number)
    short = [u for u in units if len(u.words) < 3]
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) <= COMMON_KEY:
            pairs.update(combinations(members, 2))  # members are in ascending order
    # A quotation of one or two words is looked up as words of the longer ones.
    by_word: dict[str, list[int]] = defaultdict(list)
    for unit in units:
        for word in set(unit.words):
            by_word[word].append(unit.number)
    for unit in short:
        for other in by_word.get(unit.words[0], [])[: COMMON_KEY * 4]:
            if other != unit.number:
                pairs.add((min(unit.number, other), max(unit.number, other)))
    return pairs


def _same_utterance(
    a: _Unit, b: _Unit, memo: dict[tuple[tuple[str, ...], tuple[str, ...]], bool] | None = None
) -> bool:
    if a.article_id == b.article_id and a.quote == b.quote:
        return False
    shorter, longer = sorted((a.words, b.words), key=len)
    if len(shorter) <= 2:
        # "total", "apparent perjury": the same few words, not small talk ("No.").
        if any(word in _STOP for word in shorter) or (len(shorter) == 1 and len(longer) > 2):
            return False
        if len(shorter) == 1 and speaker_key(a.speaker) != speaker_key(b.speaker):
            return False
        size = len(shorter)
        return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))
    if memo is None:
        return _similar_wording(tuple(a.words), tuple(b.words), len(shorter))
    key = (tuple(a.words), tuple(b.words))  # many articles quote the same wording
    if key not in memo:
        memo[key] = _similar_wording(*key, len(shorter))
    return memo[key]


def _similar_wording(a: tuple[str, ...], b: tuple[str, ...], shorter: int) -> bool:
    """Most of the shorter wording's words, in order, with a run of three: one utterance."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    blocks = matcher.get_matching_blocks()
    matched = [w for block in blocks for w in a[block.a : block.a + block.size]]
    longest = max(block.size for block in blocks)
    return (
        len(matched) >= 0.8 * shorter
        and longest >= 3
        and any(word not in _STOP for word in matched)
    )


class _Sets:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _interior_ops(a: list[str], b: list[str]) -> list[tuple[str, list[str], list[str]]]:
    """The word changes between two wordings, leaving out what one quotes and the
    other does not at either end (a partial quotation is not a changed one)."""
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    while ops and ops[0][0] in ("insert", "delete"):
        ops = ops[1:]
    while ops and ops[-1][0] in ("insert", "delete"):
        ops = ops[:-1]
    return [(tag, a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in ops if tag != "equal"]


_JSON = json.JSONEncoder(ensure_ascii=False)  # as json.dumps(..., ensure_ascii=False), made once


def _stable_id(*parts: object) -> str:
    return hashlib.sha1(_JSON.encode(parts).encode()).hexdigest()[:16]


def group_quotes(units: list[_Unit], hashes: dict[int, str]) -> list[QuoteGroup]:
    sets = _Sets(len(units))
    memo: dict[tuple[tuple[str, ...], tuple[str, ...]], bool] = {}
    for a, b in _candidate_pairs(units):
        # Units already joined need no comparing: the groups come out the same.
        if sets.find(a) != sets.find(b) and _same_utterance(units[a], units[b], memo):
            sets.union(a, b)
    members: dict[int, list[_Unit]] = defaultdict(list)
    for unit in units:
        members[sets.find(unit.number)].append(unit)
    groups = []
    for found in members.values():
        if len({u.article_id for u in found}) < 2:
            continue
        canonical = max(  # the fullest wording that does not itself quote someone
            found, key=lambda u: (not any(m in u.exact for m in '‘“"'), len(u.words), -u.article_id)
        )
        speakers = Counter(u.speaker for u in found if u.speaker)
        speaker = speakers.most_common(1)[0][0] if speakers else ""
        occurrences = []
        ops_of: dict[tuple[str, ...], list[tuple[str, list[str], list[str]]]] = {}
        for unit in sorted(found, key=lambda u: (u.article_id, u.start)):
            wording = tuple(unit.words)
            if wording not in ops_of:
                ops_of[wording] = _interior_ops(canonical.words, unit.words)
            ops = ops_of[wording]
            partial = len(unit.words) < len(canonical.words) and not ops
            variant = bool(ops) or (
                raw_words(unit.exact) != raw_words(canonical.exact) and not partial
            )
            occurrences.append(
                Occurrence(
                    unit.article_id, unit.start, unit.end, unit.exact, unit.speaker,
                    variant=variant and unit is not canonical,
                    partial=partial or (bool(ops) and len(unit.words) < len(canonical.words) / 2),
                )
            )  # fmt: skip
        text = " ".join(canonical.exact.split())
        group_id = _stable_id(hashes[canonical.article_id], canonical.start, canonical.end)
        groups.append(QuoteGroup(group_id, speaker, text, tuple(occurrences)))
    groups.sort(key=lambda g: (-len({o.article_id for o in g.occurrences}), g.canonical))
    return groups


# -- discrepancies ------------------------------------------------------------------


def _quote_discrepancies(
    groups: list[QuoteGroup],
    labels: dict[int, str],
    hashes: dict[int, str],
    attribution: bool = False,
) -> list[Discrepancy]:
    """Wording changes between articles' versions of one quotation (and, with
    ``attribution``, different speakers: off by default while speaker detection
    errs more often than outlets do)."""
    found = []
    for group in groups:
        firsts: dict[int, Occurrence] = {}
        for occurrence in group.occurrences:
            firsts.setdefault(occurrence.article_id, occurrence)
        sides = list(firsts.values())
        # The changes depend on the words alone, and most articles quote one of a few
        # wordings: each pair of wordings is compared once (a pair met again would
        # give a change already seen).
        number: dict[tuple[str, ...], int] = {}
        wording = [number.setdefault(tuple(raw_words(s.exact)), len(number)) for s in sides]
        compared: set[tuple[int, int]] = set()
        seen: set[tuple[str, ...]] = set()
        for i, a in enumerate(sides):
            for j in range(i + 1, len(sides)):
                b = sides[j]
                pair = (wording[i], wording[j])
                if pair[0] != pair[1] and pair not in compared:
                    compared.add(pair)
                    ops = _wording_changes(a.exact, b.exact)
                    key = tuple(" ".join(x) + "|" + " ".join(y) for _, x, y in ops)
                    if ops and key not in seen:
                        seen.add(key)
                        changes = "; ".join(
                            f"“{' '.join(x) or '—'}” → “{' '.join(y) or '—'}”"
                            for _, x, y in ops[:3]
                        )
                        reason = f"{labels[a.article_id]} → {labels[b.article_id]}: {changes}"
                        found.append(_discrepancy("quote-wording", reason, a, b, hashes))
                if not attribution:
                    continue
                ka, kb = speaker_key(a.speaker), speaker_key(b.speaker)
                if ka and kb and ka != kb and not (a.partial or b.partial):
                    reason = (
                        f"{labels[a.article_id]} attributes it to {a.speaker}, "
                        f"{labels[b.article_id]} to {b.speaker}"
                    )
                    found.append(_discrepancy("attribution", reason, a, b, hashes))
    return found


def _wording_changes(a: str, b: str) -> list[tuple[str, list[str], list[str]]]:
    """The changed words between two wordings; contractions count only when the
    wordings differ in nothing else ("it'd" / "it would")."""
    ops = _interior_ops(words(a), words(b))
    if not ops:
        ops = [op for op in _interior_ops(raw_words(a), raw_words(b))
               if any("'" in w for w in op[1] + op[2])]  # fmt: skip
    return ops


def _discrepancy(kind: str, reason: str, a: Side, b: Side, hashes: dict[int, str]) -> Discrepancy:
    one = a if type(a) is Side else Side(a.article_id, a.start, a.end, a.exact)
    two = b if type(b) is Side else Side(b.article_id, b.start, b.end, b.exact)
    ident = _stable_id(
        kind, hashes[one.article_id], one.start, one.end, hashes[two.article_id], two.start, two.end
    )
    return Discrepancy(ident, kind, reason, (one, two))


_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "he",
        "she",
        "it",
        "they",
        "his",
        "her",
        "its",
        "their",
        "this",
        "that",
        "these",
        "those",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "not",
        "no",
        "than",
        "then",
        "there",
        "here",
        "also",
        "said",
        "says",
        "told",
        "would",
        "will",
        "could",
        "should",
        "about",
        "after",
        "before",
        "over",
        "under",
        "into",
        "out",
        "up",
        "down",
        "more",
        "most",
        "some",
        "any",
        "all",
        "other",
        "such",
        "only",
        "very",
        "just",
        "can",
        "did",
        "do",
        "does",
        "i",
        "we",
        "you",
        "our",
        "your",
        "my",
        "me",
        "him",
        "them",
        "us",
        "mr",
        "mrs",
        "ms",
    ]
)
_NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}
_NUMBER_WORDS |= {"twice": "2", "once": "1", "dozen": "12"}
_DATES = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "yesterday",
        "today",
        "tonight",
        "morning",
        "afternoon",
        "evening",
        "night",
    ]
)
_CAPITAL = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z\-]{3,}\b")
_VENUE = re.compile(r"\b(?:on|at|in|to|told)\s+((?:[A-Z][\w’'\-]*\s?){1,3})")


@dataclass
class _Sentence:
    article_id: int
    start: int
    end: int
    exact: str
    content: set[str]
    sequence: list[str]

    # Worked out once per sentence, as a sentence is paired with many others: its
    # side, and what ``_differences`` compares.
    @cached_property
    def side(self) -> Side:
        return one_side(self)

    @cached_property
    def numbers(self) -> set[str]:
        out = set()
        for word in raw_words(self.exact):
            if word.isdigit():
                out.add(word)
            elif word in _NUMBER_WORDS:
                out.add(_NUMBER_WORDS[word])
        return out

    @cached_property
    def dates(self) -> set[str]:
        return {w for w in raw_words(self.exact) if w in _DATES}

    @cached_property
    def capitals(self) -> set[str]:
        return set(_CAPITAL.findall(self.exact))

    @cached_property
    def venues(self) -> set[str]:
        return {m.strip() for m in _VENUE.findall(self.exact)}


def _sentences(store: Snapshot, quotes: dict[int, list[Quote]]) -> list[_Sentence]:
    found = []
    for article_id in quotes:
        text = store.article_text(article_id)
        for match in re.finditer(r"[^\n]+", text):
            for start, end in sentence_spans(text, match.start(), match.end()):
                exact = text[start:end]
                sequence = [w for w in words(exact) if w not in _STOP and len(w) > 1]
                if len(sequence) >= 5:
                    found.append(_Sentence(article_id, start, end, exact, set(sequence), sequence))
    return found


def _fact_discrepancies(
    sentences: list[_Sentence], labels: dict[int, str], hashes: dict[int, str]
) -> list[Discrepancy]:
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, sentence in enumerate(sentences):
        seq = sentence.sequence
        # dict, not set: the order of the pairs, hence of the discrepancies, must not
        # depend on string hashing (which changes from one run to the next).
        for pair in dict.fromkeys(pairwise(seq)):
            index[pair].append(n)
    # Pairs counted as a * size + b: an int is lighter than a tuple and, unlike one,
    # never scanned by the garbage collector (there may be millions).
    shared: Counter[int] = Counter()
    article = [sentence.article_id for sentence in sentences]
    size = len(sentences)
    for members in index.values():
        if len(members) <= COMMON_KEY:
            shared.update(
                a * size + b for a, b in combinations(members, 2) if article[a] != article[b]
            )
    found = []
    alike: dict[tuple[str, str], bool] = {}
    # What two sentences differ in depends on their texts alone, and articles
    # repeat sentences: each pair of texts is compared once.
    differing: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for both, count in shared.items():
        if count < 2:
            continue
        a, b = divmod(both, size)
        one, two = sentences[a], sentences[b]
        if one.exact == two.exact:
            continue
        texts = (one.exact, two.exact)
        if texts not in differing:
            overlap = len(one.content & two.content) / len(one.content | two.content)
            differing[texts] = [] if overlap < 0.4 else list(_differences(one, two, alike))
        for kind, reason in differing[texts]:
            label = f"{labels[one.article_id]} / {labels[two.article_id]}: {reason}"
            found.append(_discrepancy(kind, label, one.side, two.side, hashes))
    return found


def one_side(sentence: _Sentence) -> Side:
    return Side(sentence.article_id, sentence.start, sentence.end, sentence.exact)


def _differences(
    one: _Sentence, two: _Sentence, alike: dict[tuple[str, str], bool] | None = None
) -> Iterable[tuple[str, str]]:
    n1, n2 = one.numbers, two.numbers
    if n1 and n2 and n1 != n2:
        yield "number", f"{', '.join(sorted(n1 - n2))} vs {', '.join(sorted(n2 - n1))}"
    d1, d2 = one.dates, two.dates
    if d1 and d2 and not d1 & d2:
        yield "date", f"{', '.join(sorted(d1))} vs {', '.join(sorted(d2))}"
    c1 = one.capitals - two.capitals
    c2 = two.capitals - one.capitals
    alike = {} if alike is None else alike
    for x in sorted(c1):
        for y in sorted(c2):
            if (x, y) not in alike:
                alike[x, y] = SequenceMatcher(None, x.lower(), y.lower()).ratio() >= 0.8
            if alike[x, y]:
                yield "name", f"spelled {x} vs {y}"
    v1, v2 = one.venues, two.venues
    if v1 and v2 and not v1 & v2 and len(v1) == len(v2) == 1:
        yield "venue", f"{next(iter(v1))} vs {next(iter(v2))}"


# -- the whole comparison -------------------------------------------------------------


def _name_discrepancies(
    store: Snapshot, articles: list[Article], hashes: dict[int, str]
) -> list[Discrepancy]:
    """One person's name spelled two ways by two articles (Dmitri / Dmitry Peskov)."""
    from store.quotes import _people

    first_in: dict[str, int] = {}  # each name met so far -> the first article naming it
    names: list[str] = []  # the same names, in the order met
    # name -> (how many of ``names`` it was checked against, those spelled like it):
    # each pair of names is compared once, not once per article naming them.
    alike: dict[str, tuple[int, list[str]]] = {}
    found = []
    for article in articles:
        text = store.article_text(article.id)
        for full in sorted(set(_people(text).values())):
            parts = full.split()
            checked, similar = alike.get(full, (0, []))
            similar += [o for o in names[checked:] if o != full and _spelled_alike(parts, o)]
            alike[full] = (len(names), similar)
            for other in similar:
                other_id = first_in[other]
                if other_id == article.id:
                    continue
                one = _name_side(store, other_id, other)
                two = _name_side(store, article.id, full)
                reason = f"{other} / {full}: the name is spelled two ways"
                found.append(_discrepancy("name", reason, one, two, hashes))
            if full not in first_in:
                first_in[full] = article.id
                names.append(full)
    return found


def _spelled_alike(parts: list[str], other: str) -> bool:
    """Two names of as many words, one of them spelled a little differently."""
    o_parts = other.split()
    if len(o_parts) != len(parts) or len(parts) < 2:
        return False
    differing = [(x, y) for x, y in zip(parts, o_parts, strict=True) if x != y]
    if len(differing) == 1 and all(len(w) >= 4 for w in differing[0]):
        x, y = differing[0]
        return SequenceMatcher(None, x.lower(), y.lower()).ratio() >= 0.75
    return False


def _name_side(store: Snapshot, article_id: int, name: str) -> Side:
    text = store.article_text(article_id)
    start = text.find(name)
    return Side(article_id, start, start + len(name), name)


def compare(store: Store, progress: Progress | None = None) -> Comparison:
    """Quotation groups and discrepancy candidates over every article in ``store``."""
    snapshot = Snapshot(store)
    comparison = analyse(snapshot, progress)
    save_cache(store, snapshot)
    return comparison


def analyse(snapshot: Snapshot, progress: Progress | None = None) -> Comparison:
    """The comparison itself: touches no database, so it may run in a worker thread."""
    quotes = article_quotes(snapshot, progress)
    articles = snapshot.articles()
    labels = {a.id: a.label for a in articles}
    hashes = {a.id: a.content_hash for a in articles}
    groups = group_quotes(_units(snapshot, quotes), hashes)
    discrepancies = _quote_discrepancies(groups, labels, hashes)
    discrepancies += _fact_discrepancies(_sentences(snapshot, quotes), labels, hashes)
    discrepancies += _name_discrepancies(snapshot, articles, hashes)
    return Comparison(articles, groups, discrepancies, dict(snapshot.decisions))


# -- decisions ------------------------------------------------------------------------


def accept(store: Store, suggestion: Discrepancy | tuple[Side, Side], ident: str) -> None:
    """Mark both passages and link them (``contradicts``, or ``same-quote`` for a pair of
    occurrences): one undoable action, recorded as accepted."""
    kind = suggestion.link_kind if isinstance(suggestion, Discrepancy) else "same-quote"
    sides = suggestion.sides if isinstance(suggestion, Discrepancy) else suggestion
    wanted = ("quote",) if kind == "same-quote" else ("contradiction",)
    tags = [name for name in wanted if name in {tag.name for tag in store.tags()}]
    note = suggestion.reason if isinstance(suggestion, Discrepancy) else ""
    store.link_passages(
        (sides[0].article_id, sides[0].start, sides[0].end),
        (sides[1].article_id, sides[1].start, sides[1].end),
        kind,
        note,
        tags=tags,
        decision=ident,
    )


def dismiss(store: Store, ident: str) -> None:
    """Never suggest this again (one undoable action)."""
    store.decide(ident, "dismissed")


_TOKEN = re.compile(r"[\w’'\-]+")


def differing_words(a: Side, b: Side) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where two wordings differ, word by word: article offsets of the words of ``a``
    and of ``b`` that the other lacks or changes (what only one quotes, at either
    end, is not a difference). Contractions count: "it'd" differs from "it would"."""

    def tokens(side: Side) -> list[tuple[int, int, str]]:
        return [
            (side.start + m.start(), side.start + m.end(), m.group().lower().replace("’", "'"))
            for m in _TOKEN.finditer(side.exact)
        ]

    ta, tb = tokens(a), tokens(b)
    ops = SequenceMatcher(None, [t[2] for t in ta], [t[2] for t in tb], autojunk=False)
    codes = ops.get_opcodes()
    while codes and codes[0][0] in ("insert", "delete"):
        codes = codes[1:]
    while codes and codes[-1][0] in ("insert", "delete"):
        codes = codes[:-1]
    in_a: list[tuple[int, int]] = []
    in_b: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag != "equal":
            in_a += [(t[0], t[1]) for t in ta[i1:i2]]
            in_b += [(t[0], t[1]) for t in tb[j1:j2]]
    return in_a, in_b


def pair_for(group: QuoteGroup, article_id: int) -> tuple[Occurrence, Occurrence] | None:
    """The article's occurrence of ``group`` beside the fullest one in another article."""
    mine = group.in_article(article_id)
    if mine is None:
        return None
    others = [o for o in group.occurrences if o.article_id != article_id]
    if not others:
        return None
    return mine, max(others, key=lambda o: (o.status == "exact", len(o.exact)))


# -- output -------------------------------------------------------------------------


def to_json(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain data (README documents the shape)."""
    by_id = {a.id: a for a in comparison.articles}

    def side(s: Side) -> dict[str, Any]:
        article = by_id[s.article_id]
        return {
            "article": article.file_name or article.url or article.label,
            "outlet": article.outlet,
            "start": s.start,
            "end": s.end,
            "exact": s.exact,
        }

    return {
        "articles": [
            {"id": a.id, "outlet": a.outlet, "title": a.title, "source": a.url or a.file_name}
            for a in comparison.articles
        ],
        "groups": [
            {
                "id": g.id,
                "speaker": g.speaker,
                "canonical": g.canonical,
                "occurrences": [
                    {**side(o), "speaker": o.speaker, "variant": o.variant, "partial": o.partial}
                    for o in g.occurrences
                ],
            }
            for g in comparison.groups
        ],
        "discrepancies": [
            {
                "id": d.id,
                "kind": d.kind,
                "reason": d.reason,
                "status": comparison.decisions.get(d.id, "open"),
                "sides": [side(s) for s in d.sides],
            }
            for d in comparison.discrepancies
        ],
    }


def to_markdown(comparison: Comparison) -> str:
    from store.export import cell, escape_markdown

    articles = comparison.articles
    lines = ["# Comparison", "", "## Quotations carried by several articles", ""]
    lines.append("| Speaker | Quotation | " + " | ".join(cell(a.label) for a in articles) + " |")
    lines.append("| --- | --- |" + " --- |" * len(articles))
    for group in comparison.groups:
        marks = [group.status(a.id).replace("absent", "") for a in articles]
        lines.append(
            f"| {cell(group.speaker)} | {cell(group.canonical)} | " + " | ".join(marks) + " |"
        )
    lines += ["", "## Discrepancies", ""]
    for d in comparison.open_discrepancies():
        status = comparison.decisions.get(d.id, "open")
        lines.append(f"- **{d.kind}** ({status}): {escape_markdown(d.reason)}")
    return "\n".join(lines) + "\n"


def labels_of(articles: Sequence[Article]) -> dict[int, str]:
    return {a.id: a.label for a in articles}
