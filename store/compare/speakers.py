"""Who says each quotation, and the people an article names.

The speaker is read from the attribution nearby ("Varga said", "said Varga",
"he told Example News", "Varga told reporters"), a pronoun resolved to the
person last named before it (not one the quote itself names, as in "Senator
Kim, I am not aware ..." said to Kim); a quote with none in reach takes the
speaker of the quote before it in the same paragraph. A nested quote's speaker
is only ever a name inside the outer quote ("Varga told us, ‘...’"): a pronoun
there speaks from the outer speaker's view.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from store.compare.lexicon import lexicon
from store.text.letters import LOWER, UPPER
from store.text.segment import sentence_spans

_EN = lexicon()
SPEECH_VERBS = _EN.alternation("speech_verbs")
_TITLES = _EN.alternation("titles")
_TITLE = rf"(?:(?:{_EN.alternation('honorifics')})\.\s+|(?:{_TITLES})\s+)"
_NAME_WORD = rf"[{UPPER}][{UPPER}{LOWER}’'\-]*[{LOWER}][{UPPER}{LOWER}’'\-]*"
"""A capitalised word in any script (Varga, McKay, Müller, O’Neill), not an acronym."""
_NAME = rf"(?:{_TITLE})*(?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD}"
_LONG_NAME = rf"(?:{_TITLE})*(?:{_NAME_WORD}\s+){{0,7}}{_NAME_WORD}"
"""A name after its titles and offices: City Hall Deputy Press Secretary Ana Varga."""
_PRONOUNS = _EN.words("pronouns")
_PRONOUN = "(?:" + "|".join([*_PRONOUNS, *(p.capitalize() for p in _PRONOUNS)]) + ")"
_APPOSITIVE = (
    rf"(?:,[ \u00a0]+(?:{_EN.alternation('appositive_openers')}|[A-Z][\w\-]*[’']s)"
    r"[ \u00a0][^,.;:“”\"\n]{1,60},)"
)
"""A role between a name and its verb: "Varga, the city’s fire chief, said"."""
_AFTER = re.compile(
    rf"[ \t\u00a0,]*(?:(?P<who>{_LONG_NAME}|{_PRONOUN})(?P<role>{_APPOSITIVE})?\s+"
    rf"(?:\w+ly\s+|(?:{_EN.alternation('attribution_adverbs')})\s+)?"
    rf"(?:{SPEECH_VERBS})\b"
    rf"|(?:{SPEECH_VERBS})\s+(?P<who2>{_NAME}|{_PRONOUN})\b)"
)
_NOT_NAMES = (
    "function_words", "honorifics", "titles", "organisation_words", "collective_subjects",
    "place_name_openers", "us_states", "weekdays", "channel_words",
)  # fmt: skip
NOT_PEOPLE = frozenset(
    [word for name in _NOT_NAMES for words in _EN.words(name) for word in words.split()]
    + list(_EN.map("months").values())
)
"""Capitalised words that are never part of a person's name (the lexicon's lists
``_NOT_NAMES``, and the months)."""
_CAPITALISED = re.compile(rf"\b{_NAME_WORD}(?:\s+{_NAME_WORD})+")


def named_people(text: str) -> dict[str, str]:
    """Surname -> the fullest name seen: runs of two or more capitalised words, outside
    Title Case lines (headlines), less the words that are never names (the lexicon's
    ``_NOT_NAMES``) and what general rules show to be no person's name:

    - a place: a run once written after "in", "near" ... ("in Port Town"), wherever it is;
    - an acronym, even with a possessive ("ABC’s"): no name;
    - a sentence's first word that the text also writes in lower case: a common word,
      capitalised by its place ("Several", "Did");
    - a run that an organisation word ends ("Harbor Finance Committee", "Acme News"):
      an organisation;
    - a run followed by a title or a body of people in lower case ("the Harbor Finance
      chairman Ana Varga", "Harbor Council members"): a description of them.
    """
    found: dict[str, str] = {}
    places: set[str] = set()
    for line in text.split("\n"):
        words = line.split()
        headline = not line.rstrip().endswith((".", "?", "!", '"', "”", ":"))
        if headline and len(words) > 3 and sum(w[:1].isupper() for w in words) > 0.6 * len(words):
            continue  # a headline: every word is capitalised
        for match in _CAPITALISED.finditer(line):
            if _PLACE_BEFORE.search(line, 0, match.start()) and not _POSSESSIVE.search(
                match.group()
            ):
                places.add(match.group())  # "in Port Town": a place, wherever it is
                continue
            run_words = match.group().split()
            if _opens_sentence(line, match.start()) and _in_lower_case(run_words[0], text):
                run_words = run_words[1:]
            possessive = run_words[-1].endswith(("’s", "'s", "’", "'"))
            described = not possessive and bool(_ROLE_AFTER.match(line, match.end()))
            for run in _runs(run_words, described):
                full = " ".join(w for w in run if w)
                surname = run[-1] if run[-1] else full.split()[-1]
                if len(full) > len(found.get(surname, "")):
                    found[surname] = full
    return {surname: full for surname, full in found.items() if full not in places}


def _runs(words: list[str], described: bool) -> list[list[str]]:
    """The names in one run of capitalised words (``described``: a title or a body of
    people in lower case follows it): its words cleaned (``""`` for a possessive that
    is no name), split where a word is never a name."""
    out: list[list[str]] = []
    run: list[str] = []
    for n, word in enumerate([*words, ""]):
        clean = _clean_word(word)
        if clean and word == word.rstrip("’'"):
            run.append(clean)
            continue
        if word.rstrip("’'") != word or _POSSESSIVE.search(word):
            run.append(clean)
        organisation = word.strip(".,;:’'") in _ORGANISATION
        last = n == len(words)
        if len([w for w in run if w]) >= 2 and not organisation and not (described and last):
            out.append(run)
        run = []
    return out


def _in_lower_case(word: str, text: str) -> bool:
    """Whether ``text`` writes ``word`` in lower case somewhere, as a word of its own."""
    lower = word.lower()
    at = text.find(lower)
    while at >= 0:
        end = at + len(lower)
        if not _in_word(text, at - 1) and not _in_word(text, end):
            return True
        at = text.find(lower, at + 1)
    return False


def _in_word(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "’'-")


def _opens_sentence(line: str, at: int) -> bool:
    """Whether the word at ``at`` is a sentence's first (not one after "Sen.")."""
    before = line[:at].rstrip()
    if not before or before[-1] in "“\"‘'(—–-:;":
        return True
    if before[-1] not in ".!?":
        return False
    last = before.split()[-1].rstrip(".!?")
    return len(last) > 1 and last not in _HONORIFICS


_PLACE_BEFORE = re.compile(rf"\b(?:{_EN.alternation('place_prepositions')})[ \u00a0]+$")


_POSSESSIVE = re.compile(r"[’']s$")
_HONORIFICS = _EN.set("honorifics")
_ORGANISATION = _EN.set("organisation_words") | _EN.set("channel_words")
_TITLES_LOWER = "|".join(re.escape(title.lower()) for title in _EN.words("titles"))
_ROLES_LOWER = "|".join(w.lower() for w in _EN.words("collective_subjects"))
_ROLE_AFTER = re.compile(rf"[ \u00a0]+(?:{_TITLES_LOWER}|{_ROLES_LOWER})\b")
"""A title or a body of people in lower case after a run of capitalised words: the run
describes someone ("the Harbor Finance chairman", "Harbor Council members")."""
_PARTY = re.compile(rf"(?:{_EN.alternation('party_initials')})-")


@lru_cache(maxsize=8192)
def _clean_word(word: str) -> str:
    word = _POSSESSIVE.sub("", word.strip(".,;:’'"))
    if _PARTY.match(word):
        return ""  # a party and state: R-Ohio
    if not any(c.islower() for c in word):
        return ""  # an acronym (ABC’s): no name
    return word if word and word not in NOT_PEOPLE else ""


def speaker_of(
    text: str,
    quote: str,
    start: int,
    end: int,
    lo: int,
    hi: int,
    people: Mapping[str, str],
    pronouns: bool = True,
) -> str:
    """Who says ``quote``, found at ``start``-``end`` of ``text`` (the narration:
    every quote blanked) in the paragraph ``lo``-``hi``; ``pronouns``: whether
    "he" may name them."""
    # Whom the quote names (“Senator Kim, I ...”) is not who says it.
    named = frozenset(_CAPITALISED_WORD.findall(quote))
    closing = end + 1 if end < hi else end
    after = _AFTER.match(text, closing, min(hi, closing + 120))
    if after:
        who = after.group("who") or after.group("who2")
        # "said Varga", "Varga, the fire chief, said": a surname alone is someone.
        alone = bool(after.group("who2") or after.group("role"))
        if after.group("who2"):
            # "said Harbor Finance Committee chairman Ana Varga": the chairman says it.
            role = _ROLE_THEN_NAME.match(text, after.end("who2"), hi)
            who = role.group("who") if role else who
        name = _person(who, text, start, people, named, alone)
        if name and (pronouns or not _is_pronoun(who)):
            return name
    sentence_start = _sentence_start(text, start - 1, lo)
    before = text[sentence_start : max(sentence_start, start - 1)]
    for verb in reversed(list(_VERB.finditer(before))):
        if _PASSIVE.search(before, 0, verb.start()):
            continue  # "Varga was asked about ...": the one asked is not the speaker
        clauses = [m.span() for m in _RELATIVE.finditer(before, 0, verb.start())]
        for who in reversed(list(_WHO_ANYWHERE.finditer(before, 0, verb.start()))):
            if not pronouns and _is_pronoun(who.group()):
                continue
            if any(s < who.start() < e for s, e in clauses):
                continue  # "Kim, who asked Varga about it, said": not Varga
            alone = bool(_ROLE.match(before, who.end(), verb.end()))
            name = _person(who.group(), text, sentence_start + who.start(), people, named, alone)
            if name:
                return name
            if _OFFICE.fullmatch(who.group()):
                return ""  # "the President said": someone unnamed, not a person before
    return ""


_RELATIVE = re.compile(rf",\s+(?:{_EN.alternation('relative_pronouns')})\b[^,]*,")
_OFFICE = re.compile(rf"(?:(?:{_TITLES})\s+)*(?:{_TITLES})")


def _is_pronoun(who: str) -> bool:
    return who.lower() in _EN.set("pronouns")


_CAPITALISED_WORD = re.compile(_NAME_WORD)
_PASSIVE = re.compile(
    rf"\b(?:{_EN.alternation('passive_auxiliaries')})\s+"
    rf"(?:\w+ly\s+|(?:{_EN.alternation('attribution_adverbs')})\s+)?$"
)
_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
_WHO_ANYWHERE = re.compile(rf"\b(?:{_NAME}|{_PRONOUN})\b")
_NOT_A_MENTION = re.compile(
    rf"(?:[’']s?|-| (?:{_EN.alternation('not_a_mention_after')}))\b|[ \u00a0][{UPPER}]"
)
"""After a surname: it is no mention of the person (Varga’s, the Varga campaign, the
Varga Institute)."""


def _sentence_start(text: str, pos: int, lo: int) -> int:
    spans = sentence_spans(text, lo, max(lo, pos))
    return spans[-1][0] if spans else lo


_ROLE_THEN_NAME = re.compile(
    rf"[ \u00a0]+(?:{_TITLES_LOWER})(?:[ \u00a0]+(?:{_TITLES_LOWER}))*[ \u00a0]+(?P<who>{_NAME})\b"
)
"""After an attribution's name, a title in lower case and a name: the name is the speaker's."""
_ROLE = re.compile(rf"{_APPOSITIVE}\s+(?:\w+ly\s+)?(?:{SPEECH_VERBS})\b")


def _person(
    who: str,
    text: str,
    at: int,
    people: Mapping[str, str],
    named: frozenset[str] = frozenset(),
    alone: bool = False,
) -> str:
    """The person ``who`` names: a known name, or a pronoun's antecedent (not one
    of the ``named``: the quote speaks to or of them); one word only if ``alone``
    (the attribution shows it is someone: "said Varga")."""
    if _is_pronoun(who):
        return _antecedent(text, at, people, named)
    words = [_clean_word(w) for w in who.split()]
    words = [w for w in words if w]
    if not words:
        return ""
    if words[-1] in people:
        return people[words[-1]]
    return " ".join(words) if len(words) >= 2 or alone else ""


# A sentence ends at final punctuation, a paragraph break, or a line that starts
# anew (a headline, a link line, a paragraph of a text with one line each).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|\n\s*\n|\n(?=[ \t\u00a0]*[A-Z“\"‘'])")


def _antecedent(
    text: str, at: int, people: Mapping[str, str], named: frozenset[str] = frozenset()
) -> str:
    """Who "he" or "she" at ``at`` is: the subject (first person named) of the
    nearest sentence before it that names someone, outside quotes."""
    if not people:
        return ""
    window_start = max(0, at - 2000)
    window = text[window_start:at]
    pieces = _SENTENCE_BREAK.split(window)
    for piece in reversed(pieces):
        for match in _MENTION.finditer(piece):
            word = match.group()
            if word not in people or word in named or _NOT_A_MENTION.match(piece, match.end()):
                continue
            return people[word]
    return ""


_MENTION = re.compile(rf"\b[{UPPER}][\w’'\-]*?(?=[’']s\b|[’'](?!\w)|[^\w’'\-]|$)")
"""A capitalised word, less a possessive ending: who may be one of an article's people."""


def speaker_key(speaker: str) -> str:
    """What two ways of naming one person share: the surname, lower-cased."""
    return speaker.split()[-1].lower() if speaker else ""
