"""A generated library at the scale of the stories issue: 10,000 articles (about
50 MB of text) in 500 stories, with a few thousand annotated passages.

``make_library(path)`` builds it through the store's own tables in one
transaction, so the FTS5 triggers index every title, outlet, text and note
exactly as the product does when it adds them. The library holds the bundled
seeds too (imported first, as ``reader`` does on a first run): 5 seed articles in
their story, then 9,995 generated articles in 499 generated stories.

The texts draw their words Zipf-like (Zipf-Mandelbrot, exponent 1) from a
vocabulary of 50,000 forms: the seeds' own words, most frequent first, then
derived forms of them (``recused``, ``hearings``) and made-up words of two or
three syllables. They are sentences of 6-30 words in paragraphs of 2-6
sentences, with numbers now and then, and the names of each story's people and
its topic words recurring across its articles. Every article has a title, an
outlet (none twice in a story), an author and a date within a few days of its
story's. A story has 20 articles on average (5 at least, a few exactly 5); one
article in twenty is in a second story too.

Build one by hand: ``python -m benchmarks.library PATH [--articles N] [--stories N]``.
"""

from __future__ import annotations

import argparse
import atexit
import itertools
import random
import re
import shutil
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from store import Store, open_store
from store.db.seeds import seed_dir, seed_once
from store.text.clean import content_hash

ARTICLES = 10_000
STORIES = 500
ANNOTATIONS = 3_000
VOCABULARY = 50_000
"""Distinct word forms the texts draw from."""
TEXT_CHARS = 4_800
"""About an article's length on average, in characters (its text is ASCII: bytes too)."""
FIVE = 5
"""Every this many-th generated story has exactly five articles (the launch's)."""
SECOND_STORY = 0.05
"""The share of articles that are in a second story too."""

_TABLE = 1 << 20
"""About how many slots the table of weighted words has."""
_STREAM = 1 << 20
"""Words drawn at once."""
_SEED_WORD = re.compile(r"[^\W\d_]+")
_ONSETS = (
    "", "b", "bl", "br", "c", "ch", "cl", "cr", "d", "dr", "f", "fl", "fr", "g", "gl", "gr",
    "h", "j", "k", "l", "m", "n", "p", "pl", "pr", "qu", "r", "s", "sc", "sh", "sl", "sm",
    "sn", "sp", "st", "str", "t", "th", "tr", "v", "w", "wh", "y", "z",
)  # fmt: skip
_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ea", "ee", "io", "ou", "oa", "y")
_CODAS = ("", "", "", "", "", "", "", "n", "r", "s", "l", "m", "nd", "st", "t", "ck", "ng", "rt",
          "x", "ll")  # fmt: skip
_SUFFIXES = ("s", "ed", "ing", "er", "ers", "ly", "ness", "ment", "al", "ist", "ive", "ity")
_ADJECTIVES = (
    "Daily", "Evening", "Morning", "Northern", "Southern", "Valley", "Metro", "City", "National",
    "Coastal", "Capitol", "Prairie", "Harbor", "Union", "Lakeside", "Highland",
)  # fmt: skip
_PAPERS = ("Courier", "Ledger", "Herald", "Gazette", "Post", "Times", "Tribune", "Observer",
           "Record", "Dispatch", "Wire", "Sentinel")  # fmt: skip
_SAYING = ("said", "told reporters", "wrote", "added", "said on", "argued")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


@dataclass(frozen=True)
class StoryPlan:
    """What a generated story's articles share."""

    id: int
    name: str
    day: date
    people: tuple[str, ...]
    """Full names ("Talia Brenmoor"); the texts use them whole or by surname."""
    surnames: tuple[str, ...]
    """The people's surnames, in the same order."""
    topic: tuple[str, ...]
    """Words its articles use far more often than the library does."""


@dataclass(frozen=True)
class Library:
    """A generated library and what the benchmarks ask of it."""

    path: Path
    seconds: float
    """How long ``make_library`` took."""
    articles: int
    stories: int
    annotations: int
    notes: int
    text_bytes: int
    """The UTF-8 size of the article texts."""
    note_bytes: int
    """The UTF-8 size of the annotations' notes."""
    vocabulary: tuple[str, ...]
    """The word forms, most frequent first."""
    plans: tuple[StoryPlan, ...]
    """The generated stories (not the seeds')."""
    five_article_story: int
    """A generated story of exactly five articles."""
    phrases: tuple[str, ...]
    """Runs of three words taken from the texts, for phrase queries."""


# -- words ------------------------------------------------------------------------------


def seed_words() -> list[str]:
    """The seeds' words in lower case, most frequent first, without their proper nouns
    (a word written with a capital more often than not: Sessions, Trump, Russia)."""
    counts: Counter[str] = Counter()
    capitals: Counter[str] = Counter()
    for path in sorted(seed_dir().glob("*.txt")):
        for word in _SEED_WORD.findall(path.read_text(encoding="utf-8")):
            lower = word.lower()
            counts[lower] += 1
            capitals[lower] += word[0].isupper()
    return [
        word
        for word, count in counts.most_common()
        if word.isascii() and (len(word) > 1 or word in "ai") and capitals[word] * 2 <= count
    ]


def _made_up(rng: random.Random) -> str:
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
        for _ in range(rng.choice((1, 2, 2, 2, 3)))
    )


def vocabulary(size: int = VOCABULARY, seed: int = 0) -> list[str]:
    """``size`` distinct lower-case word forms, in the order of their frequency."""
    rng = random.Random(seed)
    words = seed_words()
    known = set(words)
    more = []
    for word in words:
        if len(word) >= 4:
            for suffix in rng.sample(_SUFFIXES, 3):
                if word + suffix not in known:
                    known.add(word + suffix)
                    more.append(word + suffix)
    while len(known) < size * 1.2:
        word = _made_up(rng)
        if len(word) >= 3 and word not in known:
            known.add(word)
            more.append(word)
    rng.shuffle(more)
    return (words + more)[:size]


def zipf_weights(size: int) -> list[float]:
    """Zipf-Mandelbrot weights of the ranks 0 to ``size - 1``: 1 / (rank + 2.7)."""
    return [1.0 / (rank + 2.7) for rank in range(size)]


def _name(rng: random.Random) -> str:
    return _made_up(rng).capitalize()


# -- texts ------------------------------------------------------------------------------


class Writer:
    """Texts, titles and notes for the stories, from one random generator."""

    def __init__(self, words: list[str], rng: random.Random) -> None:
        self.rng = rng
        # A table of _TABLE slots holding each word about as often as its weight says
        # (at least once): uniform draws from it are Zipf-like draws, several times
        # faster than ``choices`` with weights.
        weights = zipf_weights(len(words))
        scale = _TABLE / sum(weights)
        counts = [max(1, round(weight * scale)) for weight in weights]
        counts[0] += _TABLE - sum(counts)
        self.table = [w for w, n in zip(words, counts, strict=True) for _ in range(n)]
        self.stream: list[str] = []
        self.at = 0

    def _draw(self) -> None:
        """Refill the stream of words (a 32-bit random number a word)."""
        table, mask = self.table, _TABLE - 1
        numbers = memoryview(self.rng.randbytes(4 * _STREAM)).cast("I")
        self.stream, self.at = [table[n & mask] for n in numbers], 0

    def tokens(self, count: int, plan: StoryPlan) -> list[str]:
        """``count`` words, one in ten one of the story's names or topic words."""
        if self.at + count > len(self.stream):
            self._draw()
        tokens = self.stream[self.at : self.at + count]
        self.at += count
        random = self.rng.random
        for _ in range(count // 10):
            at = int(random() * count)
            roll = random()
            if roll < 0.5:
                tokens[at] = plan.topic[int(roll * 2 * len(plan.topic))]
            elif roll < 0.75:
                tokens[at] = plan.surnames[int((roll - 0.5) * 4 * len(plan.people))]
            elif roll < 0.85:
                tokens[at] = plan.people[int((roll - 0.75) * 10 * len(plan.people))]
            else:
                tokens[at] = str(int(random() * 2025))
        return tokens

    def sentence(self, plan: StoryPlan) -> str:
        rng = self.rng
        tokens = self.tokens(rng.randint(6, 30), plan)
        roll = rng.random()
        if roll < 0.3:
            tokens[2 + int(roll / 0.3 * (len(tokens) - 3))] += ","
        text = " ".join(tokens)
        roll = rng.random()
        if roll < 0.15:
            speaker = plan.people[int(roll / 0.15 * len(plan.people))]
            return f'"{text[0].upper()}{text[1:]}," {speaker} {rng.choice(_SAYING)}.'
        return text[0].upper() + text[1:] + ".......?!"[int(roll * 9)]

    def text(self, plan: StoryPlan, chars: int) -> str:
        """An article of about ``chars`` characters: paragraphs of 2-6 sentences."""
        rng = self.rng
        paragraphs, size = [], 0
        while size < chars:
            paragraph = " ".join(self.sentence(plan) for _ in range(rng.randint(2, 6)))
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        return "\n\n".join(paragraphs) + "\n"

    def title(self, plan: StoryPlan) -> str:
        rng = self.rng
        tokens = self.tokens(rng.randint(5, 11), plan)
        tokens[rng.randrange(len(tokens))] = rng.choice(plan.surnames)
        tokens[rng.randrange(len(tokens))] = rng.choice(plan.topic)
        title = " ".join(tokens)
        return title[0].upper() + title[1:]

    def note(self, plan: StoryPlan) -> str:
        rng = self.rng
        note = " ".join(self.tokens(rng.randint(4, 24), plan))
        return note[0].upper() + note[1:] + rng.choice(("", ".", "?", " - check"))


def story_plans(count: int, first_id: int, words: list[str], rng: random.Random) -> list[StoryPlan]:
    """``count`` stories with distinct names, their people and topic words."""
    family = sorted({_name(rng) for _ in range(3000)})
    given = sorted({_name(rng) for _ in range(400)})
    plans, names = [], set()
    for number in range(count):
        people = tuple(
            f"{rng.choice(given)} {rng.choice(family)}" for _ in range(rng.randint(3, 8))
        )
        topic = tuple(rng.sample(words[300:6000], 8))
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
        name = f"{people[0].split()[1]} {topic[0]} {topic[1]}, {day.day} {_MONTHS[day.month - 1]}"
        name = f"{name} {day.year}"
        if name.casefold() in names:
            name = f"{name} ({number})"
        names.add(name.casefold())
        surnames = tuple(person.split()[-1] for person in people)
        plans.append(StoryPlan(first_id + number, name, day, people, surnames, topic))
    return plans


def story_sizes(stories: int, articles: int, rng: random.Random) -> list[int]:
    """How many articles each story has first: at least 5, every FIVE-th exactly 5, the
    rest spread unevenly (some stories draw far more articles than others)."""
    sizes = [5] * stories
    open_ = [n for n in range(stories) if n % FIVE != 0]
    weights = list(itertools.accumulate(rng.lognormvariate(0, 0.8) for _ in open_))
    for n in rng.choices(open_, cum_weights=weights, k=articles - 5 * stories):
        sizes[n] += 1
    return sizes


# -- the database ------------------------------------------------------------------------

Row = tuple[object, ...]


def _stamp(day: date, rng: random.Random) -> str:
    return f"{day.isoformat()}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00+00:00"


@dataclass
class _Rows:
    """The rows of the generated stories, built before a single transaction adds them."""

    articles: list[Row] = field(default_factory=list)
    stories: list[Row] = field(default_factory=list)
    members: list[tuple[int, int, int]] = field(default_factory=list)
    """(story, article, position)."""
    annotations: list[Row] = field(default_factory=list)
    tags: list[Row] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    texts: dict[int, str] = field(default_factory=dict)
    """The generated articles' texts (ASCII: their lengths are their sizes in bytes)."""


def _articles(
    rows: _Rows, writer: Writer, plans: list[StoryPlan], sizes: list[int], first_id: int
) -> None:
    """Each story's articles (outlets all different), then one article in twenty added
    to a second story (never a five-article one)."""
    rng = writer.rng
    outlets = [f"{a} {p}" for a in _ADJECTIVES for p in _PAPERS]
    article_id = first_id
    for plan, size in zip(plans, sizes, strict=True):
        rows.stories.append((
            plan.id, plan.name, _stamp(plan.day, rng),
            _stamp(plan.day + timedelta(days=rng.randrange(400)), rng)
            if rng.random() < 0.7 else "",
        ))  # fmt: skip
        for position, outlet in enumerate(rng.sample(outlets, size), 1):
            text = writer.text(plan, int(TEXT_CHARS * rng.uniform(0.6, 1.4)))
            day = plan.day + timedelta(days=rng.randrange(4))
            author = rng.choice((*plan.people, f"{_name(rng)} {_name(rng)}"))
            # Every word is one run of letters or digits between spaces (punctuation
            # clings to it): the words column is store.text.words.word_count's.
            words = len(text.split())
            rows.articles.append((
                article_id, writer.title(plan), outlet, author, day.isoformat(), text,
                content_hash(text), _stamp(day, rng), len(text), words,
            ))  # fmt: skip
            rows.members.append((plan.id, article_id, position))
            rows.texts[article_id] = text
            if position == 1 and plan.id % 40 == 0:
                rows.phrases.append(" ".join(w.strip(',."?!') for w in text.split()[4:7]))
            article_id += 1
    ends = dict(zip((plan.id for plan in plans), sizes, strict=True))
    story_of = {article: story for story, article, _ in rows.members}
    big = [plan.id for plan, size in zip(plans, sizes, strict=True) if size > FIVE]
    for article in rng.sample(sorted(story_of), int(len(story_of) * SECOND_STORY)):
        story = rng.choice(big)
        if story != story_of[article]:
            ends[story] += 1
            rows.members.append((story, article, ends[story]))


def _annotations(
    rows: _Rows, writer: Writer, plans: list[StoryPlan], count: int, tags: list[int]
) -> None:
    """``count`` passages of 20-300 characters anywhere in the stories, four in five with
    a note, three in five tagged."""
    rng = writer.rng
    plan_of = {plan.id: plan for plan in plans}
    for _ in range(count):
        story, article, _ = rows.members[rng.randrange(len(rows.members))]
        text = rows.texts[article]
        start = text.rfind(" ", 0, rng.randrange(len(text) - 400)) + 1
        end = text.find(" ", start + rng.randrange(20, 300))
        note = writer.note(plan_of[story]) if rng.random() < 0.8 else ""
        ident = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        when = _stamp(plan_of[story].day + timedelta(days=rng.randrange(30)), rng)
        rows.annotations.append((
            ident, article, start, end, text[start:end], text[max(0, start - 32):start],
            text[end:end + 32], note, when, when,
        ))  # fmt: skip
        if rng.random() < 0.6:
            rows.tags.append((ident, rng.choice(tags)))


def _insert(store: Store, rows: _Rows) -> None:
    """Every row in one transaction, the FTS5 triggers indexing them as they go in."""
    with store.page_cache(256), store.transaction() as conn:
        conn.executemany(
            "INSERT INTO articles (id, title, outlet, author, published, text, content_hash,"
            " added, length, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows.articles,
        )
        conn.executemany(
            "INSERT INTO stories (id, name, created, opened) VALUES (?, ?, ?, ?)", rows.stories
        )
        conn.executemany(
            "INSERT INTO story_articles (story_id, article_id, position) VALUES (?, ?, ?)",
            rows.members,
        )
        conn.executemany(
            "INSERT INTO annotations (id, article_id, start, end, exact, prefix, suffix, note,"
            " created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows.annotations,
        )
        conn.executemany(
            "INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)", rows.tags
        )


def make_library(
    path: str | Path,
    articles: int = ARTICLES,
    stories: int = STORIES,
    annotations: int = ANNOTATIONS,
    seed: int = 0,
) -> Library:
    """Build the library at ``path`` (a new file): the seeds, then ``articles`` minus 5
    generated articles in ``stories`` minus 1 generated stories. The same arguments
    give the same library (but for the seeds' import times)."""
    began = time.perf_counter()
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    rng = random.Random(seed)
    words = vocabulary(VOCABULARY, seed)
    writer = Writer(words, rng)
    rows = _Rows()
    store = open_store(path)
    try:
        seed_ids = seed_once(store)
        (last_article, last_story) = store.conn.execute(
            "SELECT (SELECT max(id) FROM articles), (SELECT max(id) FROM stories)"
        ).fetchone()
        plans = story_plans(stories - 1, last_story + 1, words, rng)
        sizes = story_sizes(len(plans), articles - len(seed_ids), rng)
        _articles(rows, writer, plans, sizes, last_article + 1)
        _annotations(rows, writer, plans, annotations, [tag.id for tag in store.tags()])
        _insert(store, rows)
        seed_bytes = sum(len(store.article_text(i).encode("utf-8")) for i in seed_ids)
    finally:
        store.close()
    notes = [str(row[7]) for row in rows.annotations if row[7]]
    return Library(
        path=path,
        seconds=time.perf_counter() - began,
        articles=len(seed_ids) + len(rows.articles),
        stories=1 + len(plans),
        annotations=len(rows.annotations),
        notes=len(notes),
        text_bytes=seed_bytes + sum(map(len, rows.texts.values())),
        note_bytes=sum(len(note.encode("utf-8")) for note in notes),
        vocabulary=tuple(words),
        plans=tuple(plans),
        five_article_story=next(
            plan.id for plan, size in zip(plans, sizes, strict=True) if size == FIVE
        ),
        phrases=tuple(rows.phrases),
    )


@cache
def cached_library() -> Library:
    """The 10,000-article library, built once per process in a temporary directory
    removed at exit."""
    root = Path(tempfile.mkdtemp(prefix="reader-bench-library-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    return make_library(root / "library.db")


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.library", description="Build a generated reader library."
    )
    parser.add_argument("path", type=Path, help="the new database file")
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--stories", type=int, default=STORIES)
    parser.add_argument("--annotations", type=int, default=ANNOTATIONS)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    library = make_library(args.path, args.articles, args.stories, args.annotations, args.seed)
    size = args.path.stat().st_size / 1e6
    print(
        f"{library.path}: {library.articles:,} articles ({library.text_bytes / 1e6:.1f} MB of "
        f"text) in {library.stories:,} stories, {library.annotations:,} annotations "
        f"({library.notes:,} with notes); {size:.0f} MB, built in {library.seconds:.1f} s"
    )


if __name__ == "__main__":
    main()
