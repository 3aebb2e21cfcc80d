"""What the comparison engine knows is general, not fitted to the texts it is tested
on: no name or place of the seeds (their people, places, institutions, outlets,
page furniture) or of the story in tests/test_compare_general.py is anywhere in
store/compare/, code, docstrings or lexicon. And the lexicon is as documented."""

from __future__ import annotations

import importlib.util
import json
import re
from functools import cache
from pathlib import Path

import pytest

from store.compare.lexicon import Lexicon, LexiconError, data_path, lexicon
from store.compare.quotes import find_quotes
from store.compare.speakers import named_people

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "store" / "compare"
SEEDS = ROOT / "seeds"

ORDINARY = frozenset([
    "Adm", "Armed", "Associated", "Business", "CEO", "Cable", "Caucus", "Chair", "Com",
    "Continue", "Deputy", "Director", "Dept", "Drug", "Foundation", "Global", "Heritage",
    "High", "House", "Inc", "Insider", "Justice", "Lt", "Majority", "Mayor", "Minority",
    "Network", "Oval", "Port", "Reform", "Rep", "Reps", "Safari", "School", "Secretary",
    "Sen", "Services", "Source", "Speaker", "State", "States", "Station", "United", "Vice",
    "West", "White", "Wire", "Herald",
])  # fmt: skip
"""English words, titles and their abbreviations that the seeds and the story happen
to write only with a capital (High School, Armed Services, Mayor): common words,
not names. Each is checked to be one of the capitalised words found, so that the
list holds nothing else."""

REFERENCE_LISTS = ("weekdays", "months", "us_states", "platforms")
"""Lexicon lists taken whole from their source (every weekday, month, US state, big
social platform), not picked from the seeds: their words may be anywhere."""

_CAPITAL = re.compile(r"\b[A-Z][A-Za-z’'\-]*[A-Za-z]\b|\b[A-Z]{2,}\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z’'\-]*[A-Za-z]|[A-Za-z]")
_STARTS = re.compile(r"(?:^|[.!?:;—“\"‘']\s*)$")


def _story() -> dict[str, str]:
    spec = importlib.util.spec_from_file_location("story", ROOT / "tests/test_compare_general.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    outlets: dict[str, str] = module.OUTLETS
    return outlets


@cache
def seeds() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


@cache
def texts() -> list[str]:
    """The seeds' texts and the story's."""
    return seeds() + list(_story().values())


@cache
def in_lower_case() -> frozenset[str]:
    """Every word the texts write in lower case."""
    return frozenset(w.lower() for text in texts() for w in _WORD.findall(text) if w[0].islower())


def _headline(line: str) -> bool:
    words = line.split()
    return len(words) > 3 and sum(w[:1].isupper() for w in words) > 0.6 * len(words)


@cache
def capitalised_only() -> frozenset[str]:
    """Words the texts write inside sentences (not first, not in a Title Case line),
    always with a capital (never in lower case anywhere in them)."""
    lower = in_lower_case()
    found = set()
    for text in texts():
        for line in text.split("\n"):
            if _headline(line):
                continue
            for match in _CAPITAL.finditer(line):
                if _STARTS.search(line, 0, match.start()):
                    continue  # a sentence's first word
                word = re.sub(r"[’']s$", "", match.group())
                for part in word.split("-"):
                    if part[:1].isupper() and part.lower() not in lower:
                        found.add(part)
    return frozenset(found)


@cache
def named() -> frozenset[str]:
    """The words of the names the seeds' quotations are attributed to (the hand-made
    evaluation set), of the seeds' outlets and authors, and of the story's outlets."""
    evaluation = json.loads((ROOT / "tests/compare_eval.json").read_text(encoding="utf-8"))
    metadata = json.loads((SEEDS / "metadata.json").read_text(encoding="utf-8"))
    speakers = {w for g in evaluation["groups"] for w in _CAPITAL.findall(g["speaker"])}
    # Outlets and authors have common words in them too ("Global News", "files from").
    names = [a["outlet"] for a in metadata["articles"]]
    names += [a["author"] for a in metadata["articles"]]
    names += list(_story())
    words = {part for name in names for w in _CAPITAL.findall(name) for part in w.split("-")}
    return frozenset(speakers | {w for w in words if w.lower() not in in_lower_case()})


@cache
def furniture() -> frozenset[str]:
    """The labels of the seeds' page furniture ("WATCH: ...", "Image: ..."), as written
    and capitalised."""
    labels = {
        word
        for text in seeds()
        for label in re.findall(r"(?m)^([A-Z][A-Za-z ]{0,15}):", text)
        for word in label.split()
    }
    return frozenset(labels | {w.capitalize() for w in labels})


@cache
def forbidden() -> frozenset[str]:
    en = lexicon()
    general = {w for name in REFERENCE_LISTS for w in en.words(name)}
    general |= {w.rstrip(".") for w in en.words("months")}
    wanted = (capitalised_only() | furniture() | named()) - ORDINARY
    return frozenset(w for w in wanted - general if len(w) > 1 and not re.match(r"I[’']", w))


def engine_words() -> dict[str, set[str]]:
    """Each capitalised word of store/compare's code and data, and where it is."""
    where: dict[str, set[str]] = {}
    for path in sorted(ENGINE.rglob("*")):
        if path.suffix in (".py", ".json"):
            for word in _CAPITAL.findall(path.read_text(encoding="utf-8")):
                for part in re.sub(r"[’']s$", "", word).split("-"):
                    where.setdefault(part, set()).add(str(path.relative_to(ROOT)))
    return where


def test_the_engine_names_no_one_and_nothing_of_the_seeds_or_the_story() -> None:
    found = {word: sorted(paths) for word, paths in engine_words().items() if word in forbidden()}
    assert found == {}


def test_the_names_looked_for_are_the_seeds_and_the_story_s() -> None:
    names = forbidden()
    seeds = "Sessions Kislyak Franken Flynn Pelosi Schumer Comey Peskov Trump Putin Sergey"
    places = "Kremlin Moscow Russia Russian Washington Judiciary Senate Congress Ukraine"
    outlets = "CNN NBC CBS MSNBC Raycom Fox FBI"
    story = "Okonkwo Brandt Brant Ellery Whitfield Lakeside Newswire Maria Thomas Daniel"
    labels = "WATCH READ MORE Image Related"
    for word in f"{seeds} {places} {outlets} {story} {labels}".split():
        assert word in names, word
    # Ordinary words, days and months, the states and the platforms are not names.
    for word in ("The", "Attorney", "General", "Committee", "Thursday", "March", "Alabama"):
        assert word not in names, word
    assert capitalised_only() | named() | furniture() >= ORDINARY  # it holds nothing else


def test_every_list_of_the_lexicon_says_why_it_is_there_and_where_it_comes_from() -> None:
    document = json.loads(data_path("en").read_text(encoding="utf-8"))
    assert document["about"]
    for name, entry in document["lists"].items():
        assert entry["why"].strip() and entry["source"].strip(), name
        values = entry.get("words") or list(entry.get("map", {}))
        assert values and len(values) == len(set(values)), name
    with pytest.raises(LexiconError):
        Lexicon("en", {"stop_words": {"words": ["a"], "source": "nowhere"}})


def test_the_lexicon_is_read_once_and_read_only() -> None:
    en = lexicon()
    assert lexicon("en") is en
    assert isinstance(en.set("stop_words"), frozenset)
    with pytest.raises(TypeError):
        en.map("months")["Smarch"] = "March"  # type: ignore[index]
    assert en.alternation("press_audiences", r"\s+").endswith(r"the\s+media")


# -- the general rules that stand where words fitted to the seeds were ----------------


def test_an_acronym_with_a_possessive_is_no_name() -> None:
    assert named_people("XTV’s Ana Varga reported it on Monday.\n") == {"Varga": "Ana Varga"}


def test_a_sentence_s_first_word_written_in_lower_case_elsewhere_is_no_name() -> None:
    text = "Brave Tomas Reyes ran into the fire. It was brave of him.\n"
    assert named_people(text) == {"Reyes": "Tomas Reyes"}
    # Inside a sentence, a capital is the word's own: it is left to the name.
    assert named_people("He met Brave Tomas Reyes. It was brave.\n") == {
        "Reyes": "Brave Tomas Reyes"
    }


def test_a_run_an_organisation_word_ends_is_no_person() -> None:
    text = "The Harbor Finance Committee met on Monday. Ana Varga spoke first.\n"
    assert named_people(text) == {"Varga": "Ana Varga"}


def test_a_run_followed_by_a_title_or_a_body_in_lower_case_describes_someone() -> None:
    text = "Some Harbor Council members met the Harbor Finance chairman Ana Varga.\n"
    assert named_people(text) == {"Varga": "Ana Varga"}
    (quote,) = find_quotes("“We will rebuild,” said Harbor Finance Committee chairman Ana Varga.")
    assert quote.speaker == "Ana Varga"


def test_a_surname_inside_an_institution_s_name_is_no_mention_of_the_person() -> None:
    text = (
        "Ana Varga and Tomas Reyes spoke on Monday. The Varga Institute backed Reyes.\n\n"
        "“We will win,” he said.\n"
    )
    (quote,) = find_quotes(text)
    assert quote.speaker == "Tomas Reyes"
