"""``quote-wording``: one quotation worded differently by two articles.

What one article quotes and another does not, at either end, counts only where
the shorter one claims a whole sentence (“..., she said, ‘I did not.’” against
“I did not, and I will not”); contractions count only when nothing else differs.
One change carried by several articles is one discrepancy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from difflib import SequenceMatcher
from itertools import combinations

from store.compare.detection import DetectionContext, Finding
from store.compare.findings import QuoteGroup, Side
from store.compare.units import Unit
from store.compare.wording import merge_negations, raw_words

KIND = "quote-wording"
ALL_PAIRS = 6
"""A quotation in at most this many wordings has each pair of them compared; in more,
each is compared with the three most carried."""


def detect(context: DetectionContext) -> Iterator[Finding]:
    """Each quotation's wordings, compared between articles."""
    for rank, (group, units) in enumerate(context.groups):
        yield from _wordings(rank, group, units)


def _wordings(rank: int, group: QuoteGroup, members: Sequence[Unit]) -> Iterator[Finding]:
    """The wordings of one quotation (``group``, the ``rank``-th) that differ."""
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
                tuple(as_written(x, one[0].exact) for x in values[0]),
                tuple(as_written(y, two[0].exact) for y in values[1]),
            )
            yield Finding(
                KIND, group.id, values, passages[i], passages[j], _changes, shown, about=rank
            )


def as_written(words: str, exact: str) -> str:
    """``words`` (compared lower-cased) as the passage ``exact`` writes them ("Senator
    Kim", not "senator kim"); as compared, with "I" a capital, when the passage
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
    that end ("... the ministers." / "... the ministers, and I'm unable to comment");
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
