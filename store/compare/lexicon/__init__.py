"""The words the comparison engine knows, one data file per language (``en.json``).

Every list says why it is there and where it comes from; the code holds none of
them. A list is read once, on first use, and given out read-only: in the order
written (``words``, for regular expressions, where the first alternative that
matches wins), as a set (``set``), or as a mapping (``map``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

LANGUAGES = ("en",)
"""The languages with a lexicon: ``<language>.json`` beside this module."""


class LexiconError(ValueError):
    """A lexicon file that is not as documented (a list without its why or source)."""


class Lexicon:
    """One language's word lists, read-only."""

    def __init__(self, language: str, lists: Mapping[str, Mapping[str, Any]]) -> None:
        self.language = language
        self._words: dict[str, tuple[str, ...]] = {}
        self._maps: dict[str, Mapping[str, str]] = {}
        self._sets: dict[str, frozenset[str]] = {}
        for name, entry in lists.items():
            if not entry.get("why") or not entry.get("source"):
                raise LexiconError(f"{language}: the list {name!r} needs a why and a source")
            if isinstance(entry.get("words"), list):
                self._words[name] = tuple(str(word) for word in entry["words"])
            elif isinstance(entry.get("map"), dict):
                pairs = {str(word): str(meaning) for word, meaning in entry["map"].items()}
                self._maps[name] = MappingProxyType(pairs)
            else:
                raise LexiconError(f"{language}: the list {name!r} has no words and no map")

    def names(self) -> list[str]:
        return [*self._words, *self._maps]

    def words(self, name: str) -> tuple[str, ...]:
        """The list ``name``, in the order written."""
        if name in self._maps:
            return tuple(self._maps[name])
        return self._words[name]

    def set(self, name: str) -> frozenset[str]:
        """The list ``name`` as a set (a mapping's keys)."""
        if name not in self._sets:
            self._sets[name] = frozenset(self.words(name))
        return self._sets[name]

    def map(self, name: str) -> Mapping[str, str]:
        """The mapping ``name``: each word as written -> what it stands for."""
        return self._maps[name]

    def alternation(self, name: str, space: str = " ") -> str:
        """The list ``name`` as a regular-expression alternation, in the order written,
        each word escaped and each space in it written ``space`` (``r"\\s+"``)."""
        return "|".join(
            space.join(re.escape(part) for part in word.split(" ")) for word in self.words(name)
        )


def data_path(language: str) -> Path:
    """Where the data file of ``language`` is."""
    return Path(__file__).with_name(f"{language}.json")


def lexicon(language: str = "en") -> Lexicon:
    """The lexicon of ``language``, read once."""
    return _read(language)


@cache
def _read(language: str) -> Lexicon:
    if language not in LANGUAGES:
        raise LexiconError(f"no lexicon for {language!r}")
    document = json.loads(data_path(language).read_bytes())
    return Lexicon(language, document["lists"])
