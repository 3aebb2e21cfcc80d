"""New versions of real articles, made with the edits news articles get, and where
each annotated passage went, known by construction.

``make_case(seed)`` takes one of the articles (``articles()``: the seeds, and the
bodies of the extraction pages when ``benchmarks/extraction`` holds them), marks
passages on it as readers do (sentences, phrases, a name, a paragraph, a few
across two paragraphs), then applies one to six edits drawn from a ``Random``
seeded with ``seed``: a paragraph inserted at the top or in the middle, one
removed or moved, a word corrected in or just around a marked passage, quote
marks straightened, a sentence holding a passage copied elsewhere, white space
changed (a paragraph hard-wrapped, spaces doubled, blank lines added or
dropped).

Every character of the new text remembers where it came from (its offset in
the old text, or none if the edit wrote it), so each passage's fate is known: it
is *present* where at least two thirds of its characters still are, together
(edited or not); failing that, where a copy of it is; else it was *removed*.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEW = -1
"""The origin of a character an edit wrote."""
INSTEAD = -(1 << 41)
"""Added to the origin of the first character a corrected word replaced, for each
character of the correction: it counts as part of a passage it lands in, but not
as what is left of it."""
COPY = 1 << 40
"""Added to the origin of a copied character: the copy is not where the passage was."""
WORD = re.compile(r"\w+")
SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’)]*|$)")


@cache
def articles() -> tuple[str, ...]:
    """The texts cases are made of: the seeds, then the extraction pages' bodies (if
    ``benchmarks/extraction/ground-truth.json`` is there) of at least 1,000 characters."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    truth = ROOT / "benchmarks" / "extraction" / "ground-truth.json"
    if truth.is_file():
        for entry in json.loads(truth.read_text(encoding="utf-8")).values():
            body = str(entry.get("articleBody", ""))
            if len(body) >= 1000:
                texts.append(body)
    return tuple(texts)


@dataclass(frozen=True)
class Marked:
    """A passage marked on the old text, and where it is in the new one (None: removed)."""

    start: int
    end: int
    truth: tuple[int, int] | None
    edited: bool
    """Whether its text in the new version differs from the old (white space and quote
    marks aside)."""
    copies: tuple[tuple[int, int], ...] = ()
    """Where a copy edit put its words, unchanged, besides ``truth`` (an unedited
    passage placed on one is placed on the same words: counted right)."""


@dataclass(frozen=True)
class Case:
    old: str
    new: str
    passages: list[Marked]
    edits: list[str]


class Draft:
    """The text being edited: paragraphs (each with its trailing line breaks) as lists
    of characters with their origins."""

    def __init__(self, text: str) -> None:
        self.units: list[tuple[list[str], list[int]]] = []
        for match in re.finditer(r"[^\n]*\n*", text):
            if match.group():
                chars = list(match.group())
                self.units.append((chars, list(range(match.start(), match.end()))))

    def text(self) -> str:
        return "".join("".join(chars) for chars, _ in self.units)

    def origins(self) -> list[int]:
        return [origin for _, origins in self.units for origin in origins]

    def find(self, old_start: int, old_end: int) -> list[tuple[int, int]]:
        """(unit, index) of each character still there from ``old[old_start:old_end]``."""
        return [
            (u, i)
            for u, (_, origins) in enumerate(self.units)
            for i, origin in enumerate(origins)
            if old_start <= origin < old_end
        ]

    def insert_unit(self, at: int, text: str) -> None:
        self.units.insert(at, (list(text), [NEW] * len(text)))

    def replace(self, unit: int, start: int, end: int, text: str) -> None:
        """Write ``text`` over ``chars[start:end]``, changing only what differs (a
        corrected letter leaves the rest of the word where it came from)."""
        chars, origins = self.units[unit]
        old = "".join(chars[start:end])
        while old and text and old[0] == text[0]:
            old, text, start = old[1:], text[1:], start + 1
        while old and text and old[-1] == text[-1]:
            old, text, end = old[:-1], text[:-1], end - 1
        was = origins[start] if start < end else origins[start - 1] if start else NEW
        instead = was + INSTEAD if was >= 0 else NEW
        chars[start:end] = list(text)
        origins[start:end] = [instead] * len(text)


def _filler(rng: random.Random, old: str) -> str:
    """A paragraph of real sentences from another article (an update, a new section)."""
    text = rng.choice([text for text in articles() if text != old])
    sentences = [s.strip() for s in SENTENCE.findall(text) if len(s.split()) >= 6]
    picked = rng.sample(sentences, min(len(sentences), rng.randint(1, 3)))
    lead = rng.choice(("", "Update: ", "UPDATE (3:40 p.m.): ", "Editor's note: "))
    return lead + " ".join(picked) + "\n\n"


def _passages(rng: random.Random, text: str) -> list[tuple[int, int]]:
    """15 to 25 passages marked as readers mark them."""
    words = [m.span() for m in WORD.finditer(text)]
    sentences = [m.span() for m in SENTENCE.finditer(text) if len(m.group().split()) >= 4]
    paragraphs = [m.span() for m in re.finditer(r"[^\n]+", text) if len(m.group()) > 80]
    spans = []
    for _ in range(rng.randint(15, 25)):
        kind = rng.random()
        if kind < 0.4 and sentences:
            start, end = rng.choice(sentences)
            start += len(text[start:end]) - len(text[start:end].lstrip())
        elif kind < 0.75:
            first = rng.randrange(len(words) - 8)
            start, end = words[first][0], words[first + rng.randint(1, 7)][1]
        elif kind < 0.87:
            capitalised = [w for w in words if text[w[0]].isupper()] or words
            start, end = rng.choice(capitalised)
        elif kind < 0.95 and paragraphs:
            start, end = rng.choice(paragraphs)
        else:
            index = rng.randrange(len(paragraphs) - 1) if len(paragraphs) > 1 else 0
            start = paragraphs[index][1] - rng.randint(20, 60)
            end = paragraphs[min(index + 1, len(paragraphs) - 1)][0] + rng.randint(20, 60)
            start = max(0, start)
        if end > start and text[start:end].strip():
            spans.append((start, end))
    return spans


def _variant(rng: random.Random, word: str) -> str:
    """A corrected word: a letter changed, a number changed, or another word."""
    if word.isdigit():
        return str(int(word) + rng.randint(1, 9))
    if len(word) > 3 and rng.random() < 0.6:
        at = rng.randrange(1, len(word) - 1)
        return word[:at] + rng.choice("aeioulnrst") + word[at + 1 :]
    return rng.choice(("former", "senior", "top", "acting", "Russian", "two", "several", "said"))


def _edit(rng: random.Random, old: str, draft: Draft, spans: list[tuple[int, int]]) -> str:
    kind = rng.choice(
        ("top", "middle", "remove", "move", "word in", "word around", "quotes", "copy", "space")
    )
    units = draft.units
    if kind == "top":
        draft.insert_unit(rng.choice((0, 1, 2)) if len(units) > 2 else 0, _filler(rng, old))
    elif kind == "middle":
        draft.insert_unit(rng.randrange(len(units) + 1), _filler(rng, old))
    elif kind in ("remove", "move"):
        marked = {u for s, e in spans for u, _ in draft.find(s, e)}
        pool = sorted(marked) if marked and rng.random() < 0.6 else range(len(units))
        unit = rng.choice(list(pool))
        taken = units.pop(unit)
        if kind == "move":
            units.insert(rng.randrange(len(units) + 1), taken)
    elif kind in ("word in", "word around"):
        start, end = rng.choice(spans)
        if kind == "word around":
            start, end = (start - 32, start) if rng.random() < 0.5 else (end, end + 32)
        places = draft.find(start, end)
        if not places:
            return kind + " (nothing left)"
        unit, index = rng.choice(places)
        chars = units[unit][0]
        text = "".join(chars)
        for match in WORD.finditer(text):
            if match.start() <= index < match.end():
                draft.replace(unit, *match.span(), _variant(rng, match.group()))
                break
    elif kind == "quotes":
        straight = {"“": '"', "”": '"', "‘": "'", "’": "'"}
        for chars, _ in units:
            chars[:] = [straight.get(c, c) for c in chars]
    elif kind == "copy":
        start, end = rng.choice(spans)
        places = draft.find(start, end)
        if not places:
            return kind + " (nothing left)"
        unit, index = places[0]
        chars, origins = units[unit]
        text = "".join(chars)
        for match in SENTENCE.finditer(text):
            if match.start() <= index < match.end():
                lo, hi = match.span()
                copied = [o + COPY if o >= 0 else o for o in origins[lo:hi]]
                copy = ([*chars[lo:hi], "\n", "\n"], [*copied, NEW, NEW])
                units.insert(rng.randrange(len(units) + 1), copy)
                break
    else:
        unit = rng.randrange(len(units))
        chars, origins = units[unit]
        how = rng.random()
        if how < 0.4:  # hard-wrapped at about 70 columns
            column = 0
            for i, char in enumerate(chars):
                column += 1
                if char == " " and column > 60 + rng.randint(0, 15):
                    chars[i] = "\n"
                    column = 0
        elif how < 0.7:
            spaces = [i for i, c in enumerate(chars) if c == " "]
            for i in sorted(rng.sample(spaces, min(len(spaces), 3)), reverse=True):
                chars.insert(i, " ")
                origins.insert(i, NEW)
        elif chars and chars[-1] == "\n":
            if rng.random() < 0.5:
                chars.append("\n")
                origins.append(NEW)
            elif len(chars) > 1 and chars[-2] == "\n":
                chars.pop()
                origins.pop()
    return kind


def _fate(
    old: str, new: str, origins: list[int], start: int, end: int
) -> tuple[tuple[int, int] | None, bool]:
    """Where ``old[start:end]`` is in the new text, and whether it was edited."""
    for offset in (0, COPY):
        kept = [i for i, o in enumerate(origins) if start + offset <= o < end + offset]
        instead = {
            i for i, o in enumerate(origins) if start + INSTEAD <= o < end + INSTEAD and not offset
        }
        clusters: list[list[int]] = []
        for i in kept:
            if clusters and all(
                j in instead or not new[j].strip() for j in range(clusters[-1][-1] + 1, i)
            ):
                clusters[-1].append(i)
            else:
                clusters.append([i])
        largest = max(clusters, key=len, default=[])
        if len(largest) * 3 < 2 * (end - start):
            continue
        first, last = largest[0], largest[-1] + 1
        while first - 1 in instead:
            first -= 1
        while last in instead:
            last += 1
        edited = _plain(new[first:last]) != _plain(old[start:end])
        return (first, last), edited
    return None, False


def _occurrences(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _plain(text: str) -> str:
    straight = {"“": '"', "”": '"', "‘": "'", "’": "'"}
    return " ".join("".join(straight.get(c, c) for c in text).split())


def make_case(seed: int) -> Case:
    """One article, its passages, and a new version made by one to six edits."""
    rng = random.Random(seed)
    old = rng.choice(articles())
    spans = _passages(rng, old)
    draft = Draft(old)
    edits = [_edit(rng, old, draft, spans) for _ in range(rng.randint(1, 6))]
    new = draft.text()
    origins = draft.origins()
    passages = []
    for start, end in spans:
        truth, edited = _fate(old, new, origins, start, end)
        copies: tuple[tuple[int, int], ...] = ()
        if truth is not None and not edited:
            words = _plain(old[start:end])
            copies = tuple(
                (at, at + len(old[start:end]))
                for at in _occurrences(new, old[start:end])
                if origins[at] - COPY >= 0 and _plain(new[at : at + end - start]) == words
            )
        passages.append(Marked(start, end, truth, edited, copies))
    return Case(old, new, passages, edits)
