"""The same utterance across articles: the sentences of quotations grouped.

Each quotation is cut into sentences (less any quotation nested in it), the
units compared. Units worded alike are one utterance at once; the distinct
wordings are paired through the word trigrams they share, never every pair with
every other. Two wordings are one utterance when most of the shorter one's words
are the other's, in order, with a run of three (contractions spelled out, and
"unaware" the same as "not aware"): exactly, in part (one a piece of the other)
or with changed words. A trigram shared by very many wordings (an utterance
quoted by hundreds of articles, or a stock phrase) is looked up against a few of
them only, so that such an utterance is still one group at a bounded cost. A
sentence beside two sentences already grouped (the one before both, or after)
is grouped on a looser test: the next sentence of one quotation, quoted with more
words changed. Two sentences of one speaker are two utterances; a quotation of
one person is not grouped with another person's on a few shared words.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from itertools import combinations

from store.compare.findings import Occurrence, QuoteGroup, stable_id
from store.compare.lexicon import lexicon
from store.compare.sets import Sets
from store.compare.speakers import speaker_key
from store.compare.units import GroupedQuote, Unit
from store.compare.wording import interior, merge_negations, raw_words


def _keys(unit_words: Sequence[str]) -> list[tuple[str, ...]]:
    """A wording's trigrams, each once, in order: a list, not a set, so that the order
    in which wordings are compared, hence the groups, does not depend on string
    hashing (which changes from one run to the next)."""
    if len(unit_words) < 3:
        return [tuple(unit_words)]
    return list(dict.fromkeys(tuple(unit_words[i : i + 3]) for i in range(len(unit_words) - 2)))


COMMON_KEY = 50
"""A trigram shared by more distinct wordings than this pairs none of them: each is
compared with a few of the others only (``HUBS``)."""
HUBS = 8
"""How many wordings, one per utterance met, those of a common trigram are compared with."""

_Memo = dict[tuple[tuple[str, ...], tuple[str, ...]], bool]
STOP = lexicon().set("stop_words")
"""Words too common to tell two wordings apart."""


class _Utterances(Sets):
    """Sets of units, one per utterance, who each is said by (surnames), and the
    sentences each has whole (quoted from a capital to a full stop).

    Two sets said by different people are one only on near-identical words (an
    article giving someone's words to the wrong person): a few words of one
    person's sentence found in another's are a coincidence, not a quotation. Two
    sets are one only if their whole sentences are alike: a quotation run on from
    one sentence into the next (a full stop lost) joins one of them, not both."""

    WHOLE = 3
    """Whole sentences kept per set to compare: the first few distinct wordings."""

    def __init__(self, units: list[Unit], memo: _Memo) -> None:
        super().__init__(len(units))
        self.units = units
        self.memo = memo
        self.speakers = [{speaker_key(u.speaker)} - {""} for u in units]
        self.whole = [[u] if u.starts_whole and u.ends_whole else [] for u in units]

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_a] = root_b
            self.speakers[root_b] |= self.speakers[root_a]
            whole = self.whole[root_b]
            for unit in self.whole[root_a]:
                if len(whole) < self.WHOLE and all(w.words != unit.words for w in whole):
                    whole.append(unit)

    def join(self, a: int, b: int, loose: bool = False) -> bool:
        """Make units ``a`` and ``b`` (found alike; ``loose``: on the looser test)
        one utterance unless the sets they are in may not be one; whether they are."""
        root_a, root_b = self.find(a), self.find(b)
        one, two = self.speakers[root_a], self.speakers[root_b]
        if one and two and not one & two:
            lengths = sorted((len(self.units[a].words), len(self.units[b].words)))
            if lengths[0] < 0.8 * lengths[1]:
                return False
        for x in self.whole[root_a]:
            for y in self.whole[root_b]:
                if x.words != y.words and not (
                    _loosely_similar(x.words, y.words)
                    if loose
                    else _same_utterance(x, y, self.memo)
                ):
                    return False
        self.union(a, b)
        return True


def _grouped_units(units: list[Unit]) -> list[list[Unit]]:
    """The units of each utterance quoted by two articles or more.

    Units worded alike are one utterance at once; the distinct wordings are then
    paired through the trigrams they share. A trigram that many wordings share
    (an utterance quoted by hundreds of articles, or a stock phrase) is looked up
    against a few wordings only, one per utterance met (``HUBS``), so that the
    cost stays linear. A pair that fails the test is tried again, more loosely,
    if the sentences before or after them were grouped: the next sentence of one
    quotation, quoted with more words changed."""
    memo: _Memo = {}
    sets = _Utterances(units, memo)
    alike: dict[tuple[str, ...], list[Unit]] = {}
    for unit in units:
        if len(unit.words) >= 3:
            alike.setdefault(tuple(unit.words), []).append(unit)
    for same in alike.values():
        for unit in same[1:]:
            sets.union(unit.number, same[0].number)
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for wording, same in alike.items():
        for key in _keys(wording):
            index[key].append(same[0].number)
    size = len(units)
    rejected: set[int] = set()
    for members in sorted((m for m in index.values() if len(m) > 1), key=len):
        if len(members) > COMMON_KEY:
            _join_through_hubs(members, units, sets, memo)
            continue
        for a, b in combinations(members, 2):  # members are in ascending order
            if a * size + b in rejected or sets.find(a) == sets.find(b):
                continue
            if not (_same_utterance(units[a], units[b], memo) and sets.join(a, b)):
                rejected.add(a * size + b)
    _join_short(units, [same[0] for same in alike.values()], sets)
    for pair in sorted(rejected):
        a, b = divmod(pair, size)
        if sets.find(a) != sets.find(b) and _beside_grouped(
            alike[tuple(units[a].words)], alike[tuple(units[b].words)], units, sets
        ):
            sets.join(a, b, loose=True)
    utterances: dict[int, list[Unit]] = defaultdict(list)
    for unit in units:
        utterances[sets.find(unit.number)].append(unit)
    return [found for found in utterances.values() if len({u.article_id for u in found}) >= 2]


def _join_through_hubs(
    members: list[int], units: list[Unit], sets: _Utterances, memo: _Memo
) -> None:
    """Join the wordings of one widely shared trigram, each compared with the first
    wording of each utterance met so far (at most ``HUBS`` of them)."""
    hubs: list[int] = []
    for member in members:
        root = sets.find(member)
        if any(sets.find(hub) == root for hub in hubs):
            continue
        for hub in hubs:
            if _same_utterance(units[member], units[hub], memo) and sets.join(member, hub):
                break
        else:
            if len(hubs) < HUBS:
                hubs.append(member)


def _join_short(units: list[Unit], wordings: list[Unit], sets: _Utterances) -> None:
    """A quotation of one or two words is looked up as words of the others."""
    short = [u for u in units if len(u.words) < 3]
    if not short:
        return
    by_word: dict[str, list[int]] = defaultdict(list)
    for unit in [*wordings, *short]:
        for word in dict.fromkeys(unit.words):
            by_word[word].append(unit.number)
    for unit in short:
        for other in by_word.get(unit.words[0], [])[: COMMON_KEY * 4]:
            if (
                other != unit.number
                and sets.find(other) != sets.find(unit.number)
                and _same_utterance(unit, units[other])
            ):
                sets.join(unit.number, other)


def _beside_grouped(ones: list[Unit], twos: list[Unit], units: list[Unit], sets: Sets) -> bool:
    """Whether two wordings next to a grouped pair (the sentence before both, or
    after both, grouped) are loosely alike: one utterance quoted more freely."""
    if not _loosely_similar(ones[0].words, twos[0].words):
        return False
    for one in ones[:8]:
        for two in twos[:8]:
            if one.article_id == two.article_id:
                continue
            keys = speaker_key(one.speaker), speaker_key(two.speaker)
            if all(keys) and keys[0] != keys[1]:
                continue  # two people: two utterances
            for step in (-1, 1):
                a, b = one.number + step, two.number + step
                if not (0 <= a < len(units) and 0 <= b < len(units)):
                    continue
                if units[a].article_id != one.article_id or units[b].article_id != two.article_id:
                    continue
                if sets.find(a) == sets.find(b):
                    return True
    return False


def _same_utterance(a: Unit, b: Unit, memo: _Memo | None = None) -> bool:
    if a.article_id == b.article_id and a.quote == b.quote:
        return False
    shorter, longer = sorted((a.words, b.words), key=len)
    if len(shorter) <= 2:
        # "total", "utter nonsense": the same few words, not small talk ("No.").
        if any(word in STOP for word in shorter) or (len(shorter) == 1 and len(longer) > 2):
            return False
        if len(shorter) == 1 and speaker_key(a.speaker) != speaker_key(b.speaker):
            return False
        size = len(shorter)
        return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))
    key = (tuple(a.words), tuple(b.words))  # many articles quote the same wording
    if memo is None:
        return _similar_wording(*key)
    if key not in memo:
        memo[key] = _similar_wording(*key)
    return memo[key]


def _similar_wording(a: Sequence[str], b: Sequence[str], least: float = 0.8) -> bool:
    """Most (``least``) of the shorter wording's words, in order, with a run of three:
    one utterance. A negation said two ways ("unaware", "not aware") is one word."""
    if _matched(a, b, min(len(a), len(b)), least):
        return True
    one, _ = merge_negations(list(a), b)
    two, _ = merge_negations(list(b), a)
    if one == list(a) and two == list(b):
        return False
    return _matched(one, two, min(len(one), len(two)), least)


SHORT = 6
"""A wording of this many words or fewer is matched more strictly."""


def _matched(a: Sequence[str], b: Sequence[str], shorter: int, least: float) -> bool:
    """Whether ``least`` of the shorter wording's words are the other's, in order,
    with a run of three and a word that is not a stop word. A short wording (a few
    words quoted in a sentence about something) must be all there, or all but one
    word inside it, close together: "believe fair we I have" is not in "... fair
    meeting we I have ever ...", though four of its five words are."""
    blocks = [block for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
              if block.size]  # fmt: skip
    if not blocks or max(block.size for block in blocks) < 3:
        return False
    matched = [w for block in blocks for w in a[block.a : block.a + block.size]]
    if not any(word not in STOP for word in matched):
        return False
    if shorter > SHORT:
        return len(matched) >= least * shorter
    first, last = blocks[0], blocks[-1]
    if len(a) <= len(b):
        ends = first.a == 0 and last.a + last.size == len(a)
        spread = last.b + last.size - first.b
    else:
        ends = first.b == 0 and last.b + last.size == len(b)
        spread = last.a + last.size - first.a
    return len(matched) >= shorter - 1 and ends and spread <= shorter + 2


def _loosely_similar(a: Sequence[str], b: Sequence[str]) -> bool:
    return min(len(a), len(b)) >= 4 and _similar_wording(a, b, least=0.6)


def _interior_ops(a: list[str], b: list[str]) -> list[tuple[str, list[str], list[str]]]:
    """The word changes between two wordings, leaving out what one quotes and the
    other does not at either end (a partial quotation is not a changed one)."""
    ops = interior(SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
    return [(tag, a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in ops if tag != "equal"]


def _group(found: list[Unit], hashes: Mapping[int, str]) -> GroupedQuote:
    """One group, and its units in the order of its occurrences."""
    # The fullest wording that does not itself quote someone and that two articles
    # or more give as a whole sentence; else the fullest: not a quotation run on into
    # the next sentence, or one whose closing mark was lost, that one article gives.
    carried = Counter(wording for _, wording in {(u.article_id, tuple(u.words)) for u in found})
    canonical = max(
        found,
        key=lambda u: (
            not any(m in u.exact for m in '‘“"'),
            u.starts_whole and u.ends_whole and carried[tuple(u.words)] >= 2,
            len(u.words), carried[tuple(u.words)], -u.article_id,
        ),
    )  # fmt: skip
    speakers = Counter(u.speaker for u in found if u.speaker)
    speaker = speakers.most_common(1)[0][0] if speakers else ""
    occurrences = []
    ops_of: dict[tuple[str, ...], list[tuple[str, list[str], list[str]]]] = {}
    ordered = sorted(found, key=lambda u: (u.article_id, u.start))
    for unit in ordered:
        wording = tuple(unit.words)
        if wording not in ops_of:
            ops_of[wording] = _interior_ops(canonical.words, unit.words)
        ops = ops_of[wording]
        partial = len(unit.words) < len(canonical.words) and not ops
        variant = bool(ops) or (raw_words(unit.exact) != raw_words(canonical.exact) and not partial)
        occurrences.append(
            Occurrence(
                unit.article_id, unit.start, unit.end, unit.exact, unit.speaker,
                variant=variant and unit is not canonical,
                partial=partial or (bool(ops) and len(unit.words) < len(canonical.words) / 2),
            )
        )  # fmt: skip
    text = " ".join(canonical.exact.split())
    group_id = stable_id(hashes[canonical.article_id], canonical.start, canonical.end)
    return GroupedQuote(QuoteGroup(group_id, speaker, text, tuple(occurrences)), tuple(ordered))


def group_quotes(units: list[Unit], hashes: Mapping[int, str]) -> list[GroupedQuote]:
    """Each utterance quoted by two articles or more, with its units, the groups
    carried by most articles first (``hashes``: each article's content hash, which
    a group's id is made of)."""
    groups = [_group(found, hashes) for found in _grouped_units(units)]
    groups.sort(
        key=lambda g: (-len({o.article_id for o in g.group.occurrences}), g.group.canonical)
    )
    return groups
