"""What a passage states that two articles can disagree on: its numbers, dates
and venues, and how someone left a post (resigned, or was fired).

Pure functions over text. ``store.compare`` lines up the passages of different
articles that report the same thing (sentences sharing their words, or the
attributions of one quotation) and sets what these find side by side.

A venue is where or to whom something was said: a named outlet, show or person
("told NBC News", "in an interview with MSNBC", "on Fox News", "on MSNBC's
“Morning Joe”", "told Senator Collins"), or a channel ("in a statement", "on
Twitter", "tweeted", "in a letter", "at a news conference", "at a rally").
Reporters in general ("told reporters", "told journalists") are a venue of
their own: said to the press at large, not to one outlet, nor on Twitter; it
fits a news conference, a statement or an event, where the press is told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = {
    "January": "January", "Jan.": "January", "February": "February", "Feb.": "February",
    "March": "March", "Mar.": "March", "April": "April", "Apr.": "April", "May": "May",
    "June": "June", "July": "July", "August": "August", "Aug.": "August",
    "September": "September", "Sept.": "September", "Sep.": "September", "October": "October",
    "Oct.": "October", "November": "November", "Nov.": "November", "December": "December",
    "Dec.": "December",
}  # fmt: skip
"""Month names and their abbreviations, as written -> the month."""

_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_COUNTS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve"]  # fmt: skip
_NUMBER_WORDS = {
    word: str(n)
    for n, word in enumerate(_COUNTS)
    if n >= 2  # "one" and "zero" are idioms more often than counts ("one of", "no one")
} | {"twice": "2", "dozen": "12", "thirteen": "13", "fifteen": "15", "twenty": "20"}
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS) + r")\b")  # in lower case
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
# "May" is a month only with a day or after in/of/since/last/early/late ("may" is a verb).
_MONTH = re.compile(
    r"\b(?P<month>(?:" + "|".join(re.escape(m) for m in MONTHS if m != "May") + r")"
    r"|(?<=\b(?:in|of) )May|May(?= \d))(?:\s+(?P<day>\d{1,2})\b)?"
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
_PREVIOUS_WORD = re.compile(r"(?P<word>[A-Za-z][\w’'\-]*)[ \u00a0]+(?:\$|about |some )?$")


def _counted(text: str, match: re.Match[str]) -> str:
    after = _NEXT_WORD.match(text, match.end())
    if after is None and text[match.end() : match.end() + 1] == "%":
        return "percent"
    if after:
        word = after.group("word").lower()
        return "percent" if word in ("%", "per") else word.split("-")[0]
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
_AN = r"(?:a|an|the|his|her|their|its)\s+(?:[\w\-]+\s+)?"
_VENUE = re.compile(
    rf"\b(?:told|tells|telling)\s+(?:the\s+)?(?P<told>{_OUTLET})(?:\s*(?P<told_show>{_SHOW}))?"
    rf"|\b(?:interview|interviews|interviewed|remarks|appearance)\s+(?:with|on|to|by)\s+"
    rf"(?:the\s+)?(?P<with>{_OUTLET})(?:\s*(?P<with_show>{_SHOW}))?"
    rf"|\b(?:on|to)\s+(?=[A-Z“\"])(?:(?P<on>{_OUTLET})\s*)?(?P<on_show>{_SHOW})?"
    rf"|(?P<reporters>\b(?:told|tells|telling)\s+(?:reporters|journalists|the\s+press|the\s+media)\b)"
    rf"|(?P<statement>\b(?:in|released|releasing|issued|issuing|said\s+in)\s+{_AN}statement\b)"
    rf"|(?P<twitter>\btweet(?:ed|ing)?\b|\bin\s+a\s+tweet\b)"
    rf"|(?P<facebook>\bFacebook\s+post\b)"
    rf"|(?P<letter>\b(?:in|wrote|sent)\s+{_AN}letter\b)"
    rf"|(?P<conference>\b(?:news|press)\s+(?:conference|briefing)\b)"
    rf"|(?P<event>\b(?:at|during|in)\s+{_AN}(?:rally|speech|town\s+hall)\b)"
)
# Each venue above starts with one of these: finding them first is five times faster.
_VENUE_WORD = re.compile(
    r"\b(?:told|tells|telling|interviews?|interviewed|remarks|appearance|on|to|in|released|"
    r"releasing|issued|issuing|said|tweet|tweeted|tweeting|Facebook|wrote|sent|news|press|at|"
    r"during)\b"
)
PLATFORMS = {"Twitter": "twitter", "Facebook": "facebook", "Instagram": "instagram",
             "YouTube": "youtube", "TikTok": "tiktok", "Telegram": "telegram",
             "Truth Social": "truth social"}  # fmt: skip
_CHANNEL_WORDS = frozenset(["News", "TV", "Radio", "Network", "Channel", "Today", "Tonight",
                            "Live", "Show", "Hour", "Nation"])  # fmt: skip
_GENERIC = frozenset(["the", "news", "network", "channel", "tv"])
_NOT_AUDIENCE = frozenset([*WEEKDAYS, *MONTHS, "I", "It", "The", "He", "She", "They", "We"])


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
    but for titles ("Meet the Press"): what someone says is not where they say it."""

    def blank(match: re.Match[str]) -> str:
        quoted = match.group()
        if is_title(quoted[1:-1]):
            return quoted
        return quoted[0] + " " * (len(quoted) - 2) + quoted[-1]

    return _QUOTED.sub(blank, text)


_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")
_SMALL = frozenset(["the", "of", "and", "a", "an", "to", "in", "on", "at", "with", "for"])


def is_title(quoted: str) -> bool:
    """Whether quoted words are a title (a show: "Meet the Press", "Morning Joe"):
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
        # "an interview with MSNBC Thursday": the outlet stops before the day.
        cut = next((n for n, word in enumerate(words) if word in _NOT_AUDIENCE), len(words))
        bare = re.sub(r"[’']s$", "", " ".join(words[:cut]))
        if name == "on" and not title and not _channel(bare):
            return frozenset()  # "pressure on Sessions", "on Capitol Hill": no venue
        keys = {PLATFORMS.get(bare) or _outlet_key(bare), _outlet_key(title or "")}
        return frozenset(k for k in keys if k)
    return frozenset()


def _channel(name: str) -> bool:
    """A broadcaster or platform: CNN, MSNBC, Fox News, Twitter, "Meet the Press"."""
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
_PRESS_TOLD = frozenset(["news conference", "statement", "rally", "speech", "hall"])
"""Venues where reporters in general are told something."""


def compatible(one: frozenset[str], two: frozenset[str]) -> bool:
    """Whether two venues may be the same: a shared key ("NBC" is "NBC News"), or
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
_ASIDE = r"(?:,[^,.;:\n“”\"]{1,80},|,)?"  # "Michael Flynn, Trump's adviser, resigned"
_ACTION = re.compile(
    rf"(?P<who>{_PERSON}){_ASIDE}\s+(?:has\s+|had\s+)?"
    rf"(?:(?P<left>resigned|resigning|quit|stepped\s+down|stepping\s+down)"
    rf"|(?P<passive>(?:was|were|had\s+been|has\s+been|have\s+been|been|being|got)\s+"
    rf"(?:fired|sacked|ousted|dismissed|forced\s+out|pushed\s+out|removed))"
    rf")\b"
    rf"|\b(?P<active>fired|sacked|ousted)\s+(?P<whom>{_PERSON})\b(?![’']s?)"
)
_IRREALIS = re.compile(r"\b(?:would|could|should|might|may|must|will|to|not|never|if)\s+$")


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


def actions(text: str, surnames: dict[str, str]) -> list[Action]:
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
        # From the surname on: "Michael Flynn, Trump's adviser, resigned" shows as such.
        shown = " ".join(text[start : match.end()].split())
        found.append(Action(surname.lower(), how, start, match.end(), shown))
    return found
