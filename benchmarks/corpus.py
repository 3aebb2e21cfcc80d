"""Deterministic, news-like test texts of any size, for the large-file benchmarks,
and many articles about one event, for the comparison benchmark.

``make_big_article`` writes a headline line ("Generated report 5 MB"), a blank line,
then paragraphs of 40-200 words separated by blank lines: sentences with
abbreviations (U.S., Sen., Dr.), curly quotes and apostrophes, numbers, and some
non-ASCII words (café, naïve, 東京, emoji). The same arguments always give the same
bytes.

``event_articles`` gives articles (title, outlet, text) that draw their narration
and their quotations from one shared pool (``event_pool``), so that ``compare``
has quotations to group and facts to set side by side.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
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


# -- many articles about one event, for the comparison benchmark -------------------

FIRST_NAMES = (
    "Jeff", "Nancy", "Chuck", "Susan", "Elizabeth", "Adam", "Lindsey", "Kevin", "Paul", "Al",
    "Claire", "Ted", "Rob", "Patrick", "Sarah", "Jason", "Shelley", "Elijah", "Dmitry",
    "Michael", "Sean", "Mitch", "Dianne", "Marco", "Kamala", "Cory", "Amy", "Richard",
    "Sheldon", "Mark", "Tammy", "Bernie", "Joni", "Lisa", "Thom", "Ben", "Tom", "Dick", "Mazie",
    "Jeanne",
)  # fmt: skip
SURNAMES = (
    "Sessions", "Pelosi", "Schumer", "Collins", "Warren", "Schiff", "Graham", "McCarthy",
    "Ryan", "Franken", "McCaskill", "Cruz", "Portman", "Leahy", "Flores", "Chaffetz", "Capito",
    "Cummings", "Peskov", "Flynn", "Spicer", "McConnell", "Feinstein", "Rubio", "Harris",
    "Booker", "Klobuchar", "Blumenthal", "Whitehouse", "Warner", "Duckworth", "Sanders",
    "Ernst", "Murkowski", "Tillis", "Sasse", "Cotton", "Durbin", "Hirono", "Shaheen",
)  # fmt: skip
SPEAKER_TITLES = ("Sen.", "Rep.", "Gov.", "Dr.", "", "", "")
OUTLETS = (
    "Daily Ledger", "Evening Courier", "Metro Wire", "Capitol Report", "Harbor Times",
    "Plains Gazette", "Northern Star", "Valley Herald", "Coastal Post", "Union Dispatch",
)  # fmt: skip
SPEECH = (
    "I", "we", "you", "they", "this", "that", "it", "there", "nothing", "everything", "anyone",
    "never", "always", "not", "no", "will", "would", "should", "could", "must", "have", "has",
    "had", "been", "be", "was", "is", "are", "do", "did", "make", "made", "know", "think",
    "believe", "want", "need", "said", "tell", "told", "ask", "asked", "answer", "answered",
    "meet", "met", "discuss", "discussed", "recuse", "recused", "investigate", "investigated",
    "clarify", "explain", "testify", "testified", "the", "a", "an", "of", "to", "in", "on",
    "at", "for", "with", "about", "from", "by", "as", "and", "but", "or", "if", "because",
    "when", "while", "truth", "record", "campaign", "ambassador", "meeting", "meetings",
    "question", "questions", "answer", "answers", "hearing", "committee", "senate", "country",
    "people", "justice", "law", "evidence", "testimony", "oath", "office", "confidence",
    "process", "investigation", "counsel", "prosecutor", "independent", "special", "honest",
    "fair", "serious", "real", "wrong", "right", "clear", "false", "misleading", "appropriate",
    "necessary", "important", "political", "official", "officials", "foreign", "Russian",
    "election", "voters", "decision", "statement", "facts", "attorney", "general", "department",
    "director", "agency", "intelligence", "security", "report", "letter", "time", "times",
    "today", "tomorrow", "week", "year", "again", "already", "ever", "still", "just", "very",
    "really", "fully", "clearly", "absolutely", "simply", "entirely", "certainly", "frankly",
    "immediately", "publicly", "privately", "American", "public", "trust", "integrity", "duty",
    "responsibility", "accountability", "transparency",
)  # fmt: skip
CONTRACTED = {
    "do not": "don't", "did not": "didn't", "is not": "isn't", "was not": "wasn't",
    "will not": "won't", "cannot": "can't", "I am": "I'm", "it is": "it's",
    "we have": "we've", "they are": "they're", "that is": "that's", "I have": "I've",
}  # fmt: skip
NARRATION_VERBS = (
    "met", "spoke with", "called", "wrote to", "briefed", "questioned", "criticised",
    "defended", "thanked", "urged", "pressed", "joined", "interviewed", "answered",
)  # fmt: skip
NARRATION_OBJECTS = (
    "the committee", "the ambassador", "reporters", "the attorney general", "senators",
    "the White House", "the Justice Department", "investigators", "the panel", "voters",
    "the campaign", "the press office", "congressional leaders", "the FBI director",
)  # fmt: skip
PLACES = (
    "the Capitol", "Cleveland", "the Heritage Foundation", "the Mayflower Hotel",
    "the Senate floor", "Mar-a-Lago", "the Oval Office", "Trump Tower", "Philadelphia",
)  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "July", "September", "October")


@dataclass(frozen=True)
class Speaker:
    first: str
    last: str
    title: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def formal(self) -> str:
        return f"{self.title} {self.full}".strip()


@dataclass(frozen=True)
class EventPool:
    """What every article about the event draws on: who speaks, what they said, and
    the narrated sentences (with ``{number}``, ``{day}``, ``{month}`` slots)."""

    speakers: tuple[Speaker, ...]
    utterances: tuple[tuple[int, str], ...]
    """(speaker index, the words as said: one to three sentences)."""
    weights: tuple[float, ...]
    """How likely an article is to carry each utterance: a few are everywhere."""
    narration: tuple[str, ...]


def _speech_sentence(rng: random.Random) -> str:
    words = rng.choices(SPEECH, k=rng.randint(7, 20))
    text = " ".join(words)
    for full in CONTRACTED:
        if rng.random() < 0.5:
            text = text.replace(f" {full.split()[-1]} ", f" {full} ", 1)
    text = text[0].upper() + text[1:]
    return text + rng.choice((".", ".", ".", "!", "?"))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _narration_template(rng: random.Random, speakers: tuple[Speaker, ...]) -> str:
    who = rng.choice(speakers)
    filler = " ".join(rng.choices(WORDS, k=rng.randint(4, 12)))
    forms = (
        f"{who.formal} {rng.choice(NARRATION_VERBS)} {rng.choice(NARRATION_OBJECTS)} on "
        f"{{day}} at {rng.choice(PLACES)}, {filler}.",
        f"The {rng.choice(('inquiry', 'hearing', 'review', 'probe'))} began in {{month}} "
        f"{{year}} and has involved {{number}} {rng.choice(('witnesses', 'officials', 'meetings'))}"
        f", {filler}.",
        f"At least {{number}} {rng.choice(('senators', 'lawmakers', 'Democrats', 'Republicans'))}"
        f" {rng.choice(NARRATION_VERBS)} {rng.choice(NARRATION_OBJECTS)} by {{day}}, {filler}.",
        f"{_capitalised(rng.choice(NARRATION_OBJECTS))} said {{number}} documents were "
        f"released on {{month}} {{date}}, {filler}.",
        f"{_capitalised(filler)}, according to {rng.choice(NARRATION_OBJECTS)} on {{day}}.",
    )
    return rng.choice(forms)


def event_pool(seed: int = 0, speakers: int = 40, utterances: int = 300) -> EventPool:
    """The shared material of a generated news event (the same ``seed``, the same pool)."""
    rng = random.Random(seed)
    people = tuple(
        Speaker(first, last, rng.choice(SPEAKER_TITLES))
        for first, last in zip(FIRST_NAMES[:speakers], SURNAMES[:speakers], strict=True)
    )
    said = tuple(
        (
            rng.randrange(len(people)),
            " ".join(_speech_sentence(rng) for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))),
        )
        for _ in range(utterances)
    )
    weights = tuple(  # the first five: quoted by many articles (a third, at weight 20)
        rng.choice((20.0, 3.0)) if n < 5 else rng.uniform(0.5, 1.5) for n in range(utterances)
    )
    narration = tuple(_narration_template(rng, people) for _ in range(utterances * 2))
    return EventPool(people, said, weights, narration)


def _reworded(rng: random.Random, said: str) -> tuple[str, str]:
    """How an article gives the words: (kind, text), kind ``exact``, ``partial``,
    ``changed`` (one word swapped) or ``contracted`` (contractions made or undone)."""
    roll = rng.random()
    if roll < 0.6:
        return "exact", said
    if roll < 0.75:
        words = rng.choice(re.split(r"(?<=[.!?]) ", said)).split()
        size = rng.randint(min(4, len(words)), max(4, len(words) - 2))
        at = rng.randrange(max(1, len(words) - size + 1))
        return "partial", " ".join(words[at : at + size]).rstrip(".!?")
    if roll < 0.9:
        words = said.split()
        at = rng.randrange(1, len(words) - 1)
        tail = words[at][len(words[at].rstrip(".!?,")) :]
        words[at] = rng.choice(SPEECH) + tail
        return "changed", " ".join(words)
    text = said
    undo = any(f" {short} " in text for short in CONTRACTED.values())
    for full, short in CONTRACTED.items():
        old, new = (short, full) if undo else (full, short)
        text = text.replace(f" {old} ", f" {new} ")
    return "contracted", text


def _quote_paragraph(
    rng: random.Random,
    pool: EventPool,
    utterance: int,
    named: set[int],
    speakers: tuple[Speaker, ...],
) -> str:
    """A paragraph quoting one utterance with an attribution, as news copy does
    (``speakers``: the pool's, as this article spells their names)."""
    who_index, said = pool.utterances[utterance]
    who = speakers[who_index]
    first_time = who_index not in named
    named.add(who_index)
    kind, words = _reworded(rng, said)
    if "\n" not in words and rng.random() < 0.03 and " " in words:
        at = rng.choice([m.start() for m in re.finditer(" ", words)])
        words = words[:at] + "\n" + words[at + 1 :]  # a hard-wrapped line, as pasted
    opening, closing = rng.choice((("“", "”"), ("“", "”"), ('"', '"')))
    if rng.random() < 0.01:
        closing = ""  # the closing mark lost in pasting
    name = who.full if first_time else who.last
    if kind == "partial":
        verb = rng.choice(("called it", "said it was", "described the meeting as", "said"))
        return f"{name} {verb} {opening}{words}.{closing} {_filler_sentence(rng)}"
    with_comma = words[:-1] + "," if words.endswith(".") else words
    form = rng.randrange(5)
    if form == 0:
        return f"{opening}{with_comma}{closing} {name} said."
    if form == 1:
        return f"{opening}{with_comma}{closing} said {who.formal}."
    if form == 2:
        return f"{who.formal if first_time else name} said, {opening}{words}{closing}"
    if form == 3:
        pronoun = rng.choice(("he", "she"))
        lead = f"{who.formal} spoke briefly after the hearing on {rng.choice(DAYS)}."
        told = rng.choice(("told reporters", "told NBC News", "said", "added"))
        return f"{lead} {opening}{with_comma}{closing} {pronoun} {told}."
    return f"{opening}{words}{closing} {name} wrote on Twitter."


def _misspelt(name: str) -> str:
    """Another spelling of a first name: Dmitry / Dmitri, Susan / Susann."""
    if name.endswith("y"):
        return name[:-1] + "i"
    if name.endswith("i"):
        return name[:-1] + "y"
    return name + name[-1]


def _filler_sentence(rng: random.Random) -> str:
    text = " ".join(rng.choices(WORDS, k=rng.randint(8, 16)))
    return text[0].upper() + text[1:] + "."


def _narrated(rng: random.Random, pool: EventPool, index: int) -> str:
    """A narration sentence of the pool, its number, day and date mostly as the pool
    has them, sometimes changed (as articles disagree)."""
    usual = random.Random(index)
    values = {}
    for slot, make in (
        ("number", lambda r: str(r.randint(2, 60))),
        ("year", lambda r: str(r.randint(2014, 2017))),
        ("day", lambda r: r.choice(DAYS)),
        ("month", lambda r: r.choice(MONTHS)),
        ("date", lambda r: str(r.randint(1, 28))),
    ):
        value = make(usual)
        values[slot] = make(rng) if rng.random() < 0.2 else value
    return pool.narration[index].format(**values)


def event_articles(
    count: int = 1000, words: int = 800, seed: int = 0
) -> list[tuple[str, str, str]]:
    """``count`` generated articles (title, outlet, text) of about ``words`` words each,
    all about one event: narration drawn from a shared pool with numbers and dates
    sometimes changed, and 5-15 quotations each from a shared pool of 300 utterances
    by 40 speakers (exact, in part, with a changed word or contractions; curly or
    straight quotes; attributed as news copy does). Deterministic in ``seed``."""
    pool = event_pool(seed)
    articles = []
    for number in range(count):
        rng = random.Random(seed * 1_000_003 + number)
        chosen: list[int] = []
        for _ in range(rng.randint(5, 15)):
            pick = rng.choices(range(len(pool.utterances)), weights=pool.weights)[0]
            if pick not in chosen:
                chosen.append(pick)
        named: set[int] = set()
        speakers = pool.speakers
        if rng.random() < 0.05:  # one first name misspelt (Dmitry / Dmitri Peskov)
            n = rng.randrange(len(speakers))
            wrong = Speaker(_misspelt(speakers[n].first), speakers[n].last, speakers[n].title)
            speakers = (*speakers[:n], wrong, *speakers[n + 1 :])
        subject = pool.speakers[pool.utterances[chosen[0]][0]]
        title = f"{subject.last} Faces New Questions Over Meetings, Report {number + 1}"
        paragraphs = [title]
        quotes = [_quote_paragraph(rng, pool, n, named, speakers) for n in chosen]
        target = rng.randint(words - 100, words + 100)
        total = sum(len(p.split()) for p in quotes)
        while total < target or quotes:
            if quotes and (total >= target or rng.random() < 0.45):
                paragraph = quotes.pop(0)
            else:
                size = rng.randint(1, 4)
                picks = [rng.randrange(len(pool.narration)) for _ in range(size)]
                paragraph = " ".join(_narrated(rng, pool, n) for n in picks)
                total += len(paragraph.split())
            paragraphs.append(paragraph)
        outlet = OUTLETS[number % len(OUTLETS)]
        articles.append((title, outlet, "\n\n".join(paragraphs) + "\n"))
    return articles


def quoting_articles(count: int = 80, seed: int = 0) -> tuple[str, list[tuple[str, str, str]]]:
    """``count`` short generated articles that all quote one utterance of the pool (its
    first of one sentence), each as news copy does (exact, in part, with a changed word
    or contractions; attributed in any of the usual ways), between narrated sentences:
    the utterance, and the articles (title, outlet, text). Deterministic in ``seed``."""
    pool = event_pool(seed)
    utterance = next(n for n, (_, said) in enumerate(pool.utterances) if said.count(" ") > 8
                     and len(re.findall(r"[.!?]", said)) == 1)  # fmt: skip
    articles = []
    for number in range(count):
        rng = random.Random(seed * 1_000_003 + number)
        quote = _quote_paragraph(rng, pool, utterance, set(), pool.speakers)
        before = _narrated(rng, pool, rng.randrange(len(pool.narration)))
        after = _narrated(rng, pool, rng.randrange(len(pool.narration)))
        title = f"Quoted Again, Report {number + 1}"
        text = "\n\n".join([title, before, quote, after]) + "\n"
        articles.append((title, OUTLETS[number % len(OUTLETS)], text))
    return pool.utterances[utterance][1], articles
