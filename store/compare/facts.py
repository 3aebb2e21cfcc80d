"""What a passage states that two articles can disagree on: its numbers, dates
and venues, and how someone left a post (resigned, or was fired).

Pure functions over text. ``store.compare`` lines up the passages of different
articles that report the same thing (sentences sharing their words, or the
attributions of one quotation) and sets what these find side by side.

A venue is where or to whom something was said: a named outlet, show or person
("told Example News", "in an interview with XTV", "on Example News", "on XTV's
“Talk of the Town”", "told Senator Kim"), or a channel ("in a statement", "on
Twitter", "tweeted", "in a letter", "at a news conference", "at a rally").
Reporters in general ("told reporters", "told journalists") are a venue of
their own: said to the press at large, not to one outlet, nor on Twitter; it
fits a news conference, a statement or an event, where the press is told.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from store.compare.lexicon import lexicon

_EN = lexicon()
WEEKDAYS = _EN.words("weekdays")
MONTHS = _EN.map("months")
"""Month names and their abbreviations, as written -> the month."""
CALENDAR = frozenset([*WEEKDAYS, *MONTHS])
"""Capitalised words that are dates, not names: two of them are no spelling of one."""

_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_NUMBER_WORDS = _EN.map("number_words")
_NUMBER_WORD = re.compile(rf"\b(?:{_EN.alternation('number_words')})\b")  # in lower case
_WEEKDAY = re.compile(rf"\b({_EN.alternation('weekdays')})\b")
# "May" is a month only with a day or after in/of ("may" is a verb).
_MONTH = re.compile(
    r"\b(?P<month>(?:" + "|".join(re.escape(m) for m in MONTHS if m != "May") + r")"
    rf"|(?<=\b(?:{_EN.alternation('may_month_after')}) )May|May(?= \d))"
    r"(?:\s+(?P<day>\d{1,2})\b)?"
)


def numbers(text: str) -> frozenset[str]:
    """The numbers ``text`` gives (digits or words: "two" is 2), days of months left
    to ``dates``: "25 conversations", "in 2016", "two meetings"."""
    return frozenset(value for value, _ in counts(text))


def counts(text: str) -> frozenset[tuple[str, str]]:
    """The numbers ``text`` gives, each with what it counts: the word right after it
    ("12 people" -> ("12", "people"), "15%" -> ("15", "percent")), or, where none
    follows, the word before it, marked "~" ("injuring 12." -> ("12", "~injuring")).
    Two numbers are of one thing only if this is the same: "12 people were taken to
    hospital" and "4 of the people taken to hospital" give no two counts of one thing."""
    found = set()
    days = {m.start("day") for m in _MONTH.finditer(text) if m.group("day")}
    for match in _NUMBER.finditer(text):
        if match.start() not in days:
            found.add((match.group().replace(",", ""), _counted(text, match)))
    lowered = text.lower()
    for match in _NUMBER_WORD.finditer(lowered):
        found.add((_NUMBER_WORDS[match.group()], _counted(lowered, match)))
    return frozenset(found)


_NEXT_WORD = re.compile(r"(?:[ \u00a0]+|-)(?P<word>[A-Za-z][\w’'\-]*|%)")
_PREVIOUS_WORD = re.compile(
    rf"(?P<word>[A-Za-z][\w’'\-]*)[ \u00a0]+"
    rf"(?:\$|(?:{_EN.alternation('number_approximators')}) )?$"
)


def _counted(text: str, match: re.Match[str]) -> str:
    after = _NEXT_WORD.match(text, match.end())
    if after is None and text[match.end() : match.end() + 1] == "%":
        return "percent"
    if after:
        word = after.group("word").lower()
        return "percent" if word in _EN.set("percent_words") else word.split("-")[0]
    before = _PREVIOUS_WORD.search(text, max(0, match.start() - 40), match.start())
    return "~" + before.group("word").lower() if before else "~"


def weekdays(text: str) -> frozenset[str]:
    return frozenset(_WEEKDAY.findall(text))


def dates(text: str) -> frozenset[str]:
    """The months (with their day if given) ``text`` names: "January 10", "July"."""
    found = set()
    for match in _MONTH.finditer(text):
        month = MONTHS[match.group("month")]
        found.add(f"{month} {match.group('day')}" if match.group("day") else month)
    return frozenset(found)


def same_date(one: frozenset[str], two: frozenset[str]) -> bool:
    """Whether two sets of dates may name the same days: "January" fits "January 10"."""
    return any(a == b or a.split()[0] == b or b.split()[0] == a for a in one for b in two)


# -- venues -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Venue:
    """Where or to whom something was said: ``text[start:end]`` says so."""

    keys: frozenset[str]
    """What names it, lower-cased: the outlet and the show ("nbc", "morning joe"), or
    the channel ("statement", "twitter"). Two venues sharing a key may be one."""
    start: int
    end: int
    shown: str


_CAP = r"[A-Z][\w’'&\-]*"
_OUTLET = rf"{_CAP}(?:[ \u00a0]+(?:of[ \u00a0]+)?{_CAP}){{0,3}}"
_SHOW = r"[“\"][^”\"\n]{1,40}[”\"]"
_AN = rf"(?:{_EN.alternation('determiners')})\s+(?:[\w\-]+\s+)?"
_S = r"\s+"
"""Between the words of a phrase of the lexicon: any space."""
_TOLD = _EN.alternation("told_verbs")
_VENUE = re.compile(
    rf"\b(?:{_TOLD})\s+(?:the\s+)?(?P<told>{_OUTLET})(?:\s*(?P<told_show>{_SHOW}))?"
    rf"|\b(?:{_EN.alternation('interview_words')})\s+(?:{_EN.alternation('interview_links')})\s+"
    rf"(?:the\s+)?(?P<with>{_OUTLET})(?:\s*(?P<with_show>{_SHOW}))?"
    rf"|\b(?:{_EN.alternation('broadcast_prepositions')})\s+(?=[A-Z“\"])"
    rf"(?:(?P<on>{_OUTLET})\s*)?(?P<on_show>{_SHOW})?"
    rf"|(?P<reporters>\b(?:{_TOLD})\s+(?:{_EN.alternation('press_audiences', _S)})\b)"
    rf"|(?P<statement>\b(?:{_EN.alternation('statement_intros', _S)})\s+{_AN}statement\b)"
    rf"|(?P<twitter>\b(?:{_EN.alternation('tweet_words')})\b|\bin\s+a\s+tweet\b)"
    rf"|(?P<facebook>\bFacebook\s+post\b)"
    rf"|(?P<letter>\b(?:{_EN.alternation('letter_intros')})\s+{_AN}letter\b)"
    rf"|(?P<conference>\b(?:{_EN.alternation('briefing_openers')})\s+"
    rf"(?:{_EN.alternation('briefing_words')})\b)"
    rf"|(?P<event>\b(?:{_EN.alternation('event_prepositions')})\s+{_AN}"
    rf"(?:{_EN.alternation('events', _S)})\b)"
)
# Each venue above starts with one of these: finding them first is five times faster.
_FIRST_WORDS = [
    *_EN.words("told_verbs"), *_EN.words("interview_words"), *_EN.words("broadcast_prepositions"),
    *(w.split()[0] for w in _EN.words("statement_intros")), *_EN.words("tweet_words"), "in",
    "Facebook", *_EN.words("letter_intros"), *_EN.words("briefing_openers"),
    *_EN.words("event_prepositions"),
]  # fmt: skip
_VENUE_WORD = re.compile(r"\b(?:" + "|".join(dict.fromkeys(_FIRST_WORDS)) + r")\b")
PLATFORMS = _EN.map("platforms")
_CHANNEL_WORDS = _EN.set("channel_words")
_GENERIC = _EN.set("generic_outlet_words")
_NOT_AUDIENCE = frozenset([*WEEKDAYS, *MONTHS, *_EN.words("not_audience")])


def venues(text: str, start: int = 0, end: int | None = None) -> list[Venue]:
    """Every venue ``text[start:end]`` names, in order (quotes should be blanked:
    what someone says is not where they say it)."""
    found: list[Venue] = []
    end = len(text) if end is None else end
    for word in _VENUE_WORD.finditer(text, start, end):
        match = _VENUE.match(text, word.start(), end)
        if match is None or (found and word.start() < found[-1].end):
            continue
        keys = _venue_keys(match)
        if keys:
            shown = " ".join(match.group().split())
            found.append(
                Venue(keys, match.start(), match.start() + len(match.group().rstrip()), shown)
            )
    return found


def unquoted(text: str) -> str:
    """``text`` with what is inside double quotation marks blanked (same offsets),
    but for titles (“Talk of the Town”): what someone says is not where they say it."""

    def blank(match: re.Match[str]) -> str:
        quoted = match.group()
        if is_title(quoted[1:-1]):
            return quoted
        return quoted[0] + " " * (len(quoted) - 2) + quoted[-1]

    return _QUOTED.sub(blank, text)


_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")
_SMALL = _EN.set("title_small_words")


def is_title(quoted: str) -> bool:
    """Whether quoted words are a title (a show: “Talk of the Town”, “Late Call”):
    a few words, each capitalised but for small ones, the first too."""
    words = quoted.split()
    return (
        0 < len(words) <= 5
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w in _SMALL for w in words)
    )


def _venue_keys(match: re.Match[str]) -> frozenset[str]:
    for channel in ("statement", "twitter", "facebook", "letter"):
        if match.group(channel):
            return frozenset([channel])
    if match.group("reporters"):
        return frozenset([REPORTERS])
    if match.group("conference"):
        return frozenset(["news conference"])
    if match.group("event"):
        return frozenset([match.group("event").split()[-1].lower()])
    for name, show in (("told", "told_show"), ("with", "with_show"), ("on", "on_show")):
        outlet, title = match.group(name), match.group(show)
        if outlet is None and title is None:
            continue
        if name == "on" and not outlet and match.group().startswith("to"):
            return frozenset()  # 'objected to "fake news"': a quotation, not a show
        words = (outlet or "").split()
        if words and words[0] in _NOT_AUDIENCE:
            return frozenset()  # "told Thursday", "on Monday"
        # "an interview with XTV Thursday": the outlet stops before the day.
        cut = next((n for n, word in enumerate(words) if word in _NOT_AUDIENCE), len(words))
        bare = re.sub(r"[’']s$", "", " ".join(words[:cut]))
        if name == "on" and not title and not _channel(bare):
            return frozenset()  # "pressure on Varga", "on Harbor Hill": no venue
        keys = {PLATFORMS.get(bare) or _outlet_key(bare), _outlet_key(title or "")}
        return frozenset(k for k in keys if k)
    return frozenset()


def _channel(name: str) -> bool:
    """A broadcaster or platform: XTV, Example News, Twitter, “Talk of the Town”."""
    words = name.split()
    if not words:
        return False
    if name in PLATFORMS or words[-1] in _CHANNEL_WORDS:
        return True
    return len(words) == 1 and 2 <= len(name) <= 6 and name.isupper()


def _outlet_key(name: str) -> str:
    words = [w for w in re.findall(r"[\w&\-]+", name.lower()) if w not in _GENERIC]
    return " ".join(words)


REPORTERS = "reporters"
_PRESS_TOLD = _EN.set("press_told_venues")
"""Venues where reporters in general are told something."""


def compatible(one: frozenset[str], two: frozenset[str]) -> bool:
    """Whether two venues may be the same: a shared key ("XTV" is "XTV News"), or
    reporters in general and where the press is told (a news conference)."""
    if one & two:
        return True
    return (REPORTERS in one and bool(two & _PRESS_TOLD)) or (
        REPORTERS in two and bool(one & _PRESS_TOLD)
    )


# -- how someone left ---------------------------------------------------------------------

LEFT = "resigned"
REMOVED = "was fired"
_PERSON = r"[A-Z][\w’'\-]+(?:[ \u00a0]+[A-Z][\w’'\-]+){0,3}"
_ASIDE = r"(?:,[^,.;:\n“”\"]{1,80},|,)?"  # "Ana Varga, the mayor's adviser, resigned"
_ACTION = re.compile(
    rf"(?P<who>{_PERSON}){_ASIDE}\s+(?:has\s+|had\s+)?"
    rf"(?:(?P<left>{_EN.alternation('left_verbs', _S)})"
    rf"|(?P<passive>(?:{_EN.alternation('removal_auxiliaries', _S)})\s+"
    rf"(?:{_EN.alternation('removed_participles', _S)}))"
    rf")\b"
    rf"|\b(?P<active>{_EN.alternation('removing_verbs')})\s+(?P<whom>{_PERSON})\b(?![’']s?)"
)
_IRREALIS = re.compile(rf"\b(?:{_EN.alternation('irrealis_words')})\s+$")


@dataclass(frozen=True)
class Action:
    """Someone's leaving a post, as a passage tells it: ``text[start:end]``."""

    person: str
    """The surname, lower-cased."""
    how: str
    """``LEFT`` (resigned, quit, stepped down) or ``REMOVED`` (fired, ousted, ...)."""
    start: int
    end: int
    shown: str


def actions(text: str, surnames: Mapping[str, str]) -> list[Action]:
    """Who resigned and who was fired, as ``text`` (quotes blanked) tells it, for
    the people ``surnames`` knows (surname -> full name): a contrast two articles
    can disagree on. What might happen ("should be fired", "to resign") is not."""
    found = []
    for match in _ACTION.finditer(text):
        who = match.group("who") or match.group("whom")
        surname = re.sub(r"[’']s?$", "", who.split()[-1])
        if surname not in surnames or re.search(r"[’']s?$", who):
            continue
        verb_at = match.start("active") if match.group("active") else match.end("who")
        if match.group("who"):
            verb_at = match.start("left") if match.group("left") else match.start("passive")
        if _IRREALIS.search(text, max(0, verb_at - 12), verb_at):
            continue
        how = LEFT if match.group("left") else REMOVED
        start = match.start("who") if match.group("who") else match.start()
        # From the surname on: "Ana Varga, the mayor's adviser, resigned" shows as such.
        shown = " ".join(text[start : match.end()].split())
        found.append(Action(surname.lower(), how, start, match.end(), shown))
    return found
