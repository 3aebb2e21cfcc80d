"""The words passages are compared in: lower-cased, contractions spelled out (the
lexicon's ``contractions``), one negation said two ways ("not aware", "unaware")
made one, and the changes between two wordings less what only one quotes at
either end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from store.compare.lexicon import lexicon

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
"""A word in any script (Müller, сказал), with its apostrophes (don't)."""
_EN = lexicon()
_CONTRACTIONS = {word: full.split() for word, full in _EN.map("contractions").items()}
_SUFFIXES = tuple(_EN.map("contraction_suffixes").items())


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


_NEGATIVE = _EN.words("negative_prefixes")


def merge_negations(mine: list[str], other: Sequence[str]) -> tuple[list[str], dict[int, str]]:
    """``mine`` with "not aware" written "unaware" where ``other`` has "unaware" (one
    negation, said two ways), and what each such word stood for, by position."""
    if "not" not in mine:
        return mine, {}
    wanted = {
        word[len(prefix) :]: word
        for word in other
        for prefix in _NEGATIVE
        if word.startswith(prefix) and len(word) - len(prefix) >= 4
    }
    if not wanted:
        return mine, {}
    out: list[str] = []
    shown: dict[int, str] = {}
    i = 0
    while i < len(mine):
        if mine[i] == "not" and i + 1 < len(mine) and mine[i + 1] in wanted:
            shown[len(out)] = f"not {mine[i + 1]}"
            out.append(wanted[mine[i + 1]])
            i += 2
        else:
            out.append(mine[i])
            i += 1
    return out, shown


Opcode = tuple[str, int, int, int, int]


def interior(codes: Sequence[Opcode]) -> Sequence[Opcode]:
    """``SequenceMatcher.get_opcodes()`` less what one side has and the other lacks
    at either end: a partial quotation is not a changed one."""
    start, end = 0, len(codes)
    while start < end and codes[start][0] in ("insert", "delete"):
        start += 1
    while end > start and codes[end - 1][0] in ("insert", "delete"):
        end -= 1
    return codes[start:end]
