"""Deterministic, news-like test texts of any size, for the large-file benchmarks.

``make_big_article`` writes a headline line ("Generated report 5 MB"), a blank line,
then paragraphs of 40-200 words separated by blank lines: sentences with
abbreviations (U.S., Sen., Dr.), curly quotes and apostrophes, numbers, and some
non-ASCII words (café, naïve, 東京, emoji). The same arguments always give the same
bytes.
"""

from __future__ import annotations

import random
from pathlib import Path

MEGABYTE = 1_000_000

VOCABULARY = (
    "the of and to in a that for on was with said he it as at by from his have has are be "
    "an officials administration committee investigation report statement election "
    "campaign government department justice senator president meeting ambassador hearing "
    "week public policy question answer security intelligence agency court law vote state "
    "city people members house senate counsel evidence documents record interview press "
    "conference Thursday Monday afternoon morning earlier later recently again already "
    "never still would could should might will did not also more most less about after "
    "before during between against under over into through across new former senior top "
    "local national"
)
WORDS = VOCABULARY.split()

NAMES = ("Sessions", "Warren", "Schumer", "Pelosi", "Graham", "Feinstein", "Comey", "Kislyak")
TITLES = ("Sen.", "Rep.", "Gov.", "Dr.", "Mr.", "Ms.", "Gen.", "Atty. Gen.")
ABBREVIATED = (
    "the U.S. government",
    "U.S. officials",
    "at 2:30 p.m.",
    "on Jan. 10",
    "Washington, D.C.",
    "No. 2 official",
    "the U.K. embassy",
    "around 9 a.m.",
    "etc.",
)
FOREIGN = (
    "café",
    "naïve",
    "résumé",
    "façade",
    "Zürich",
    "São Paulo",
    "Москва",
    "東京",
    "北京",
    "Ελλάδα",
    "🙂",
    "📰",
    "🇺🇸",
    "—",
    "…",
)
SAYING = ("said", "told reporters", "wrote", "added", "argued")


def _number(rng: random.Random) -> str:
    forms = (
        f"{rng.randint(2, 98)} percent",
        f"${rng.randint(1, 999)},{rng.randint(0, 999):03d}",
        f"{rng.randint(1990, 2024)}",
        f"{rng.randint(1, 9)}.{rng.randint(0, 9)} million",
        f"{rng.randint(2, 40):,} people",
    )
    return rng.choice(forms)


def _special(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return f"{rng.choice(TITLES)} {rng.choice(NAMES)}"
    if kind == 1:
        return rng.choice(ABBREVIATED)
    if kind == 2:
        return rng.choice(FOREIGN)
    return _number(rng)


def _clause(rng: random.Random, words: int) -> str:
    """Plain words with, now and then, a name, abbreviation, number or foreign word."""
    tokens = rng.choices(WORDS, k=words)
    for _ in range(max(1, words // 8)):
        if rng.random() < 0.6:
            tokens[rng.randrange(words)] = _special(rng)
    if rng.random() < 0.3:
        at = rng.randrange(words)
        tokens[at] = f"{rng.choice(NAMES)}’s"
    return " ".join(tokens)


def _sentence(rng: random.Random) -> str:
    """A sentence of 6-24 words plus, for a quote, a few words of attribution."""
    body = _clause(rng, rng.randint(6, 24))
    body = body[0].upper() + body[1:]
    if rng.random() < 0.2:
        return f"“{body},” {rng.choice(TITLES)} {rng.choice(NAMES)} {rng.choice(SAYING)}."
    return body + rng.choice((".", ".", ".", "?", "!"))


def _paragraph(rng: random.Random) -> str:
    """Sentences until the paragraph has at least 40 (and at most about 200) words."""
    target = rng.randint(40, 160)
    sentences: list[str] = []
    count = 0
    while count < target:
        sentence = _sentence(rng)
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences)


def headline(megabytes: float) -> str:
    """The first line of a generated article: the marker that shows it is on screen."""
    return f"Generated report {megabytes:g} MB"


def opening_words(text: str, count: int = 3) -> str:
    """The first words of the body (after the headline): shown once the text itself is."""
    body = text.split("\n\n", 1)[1]
    return " ".join(body.split()[:count])


def big_article_text(megabytes: float = 5, seed: int = 0) -> str:
    """The text of a generated article of at least ``megabytes`` million UTF-8 bytes."""
    rng = random.Random(seed)
    parts = [headline(megabytes)]
    size = len(parts[0].encode("utf-8"))
    while size < megabytes * MEGABYTE:
        paragraph = _paragraph(rng)
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(parts) + "\n"


def make_big_article(path: str | Path, megabytes: float = 5, seed: int = 0) -> Path:
    """Write a deterministic news-like article of about ``megabytes`` MB; returns the path."""
    path = Path(path)
    path.write_text(big_article_text(megabytes, seed), encoding="utf-8", newline="\n")
    return path
