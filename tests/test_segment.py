"""Tests for store.segment: paragraph, sentence and word motions on real news text."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.text import paragraphs, segment, words
from store.text import sentences as sentence_module
from store.text.segment import (
    next_paragraph,
    next_sentence,
    next_word,
    paragraph_at,
    paragraph_starts,
    prev_paragraph,
    prev_sentence,
    prev_word,
    sentence_at,
    sentence_spans,
    word_end,
)
from store.text.sentences import WINDOW

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def sentences(text: str) -> list[str]:
    """Every sentence of a one-paragraph text, as strings."""
    return [text[start:end] for start, end in sentence_spans(text, 0, len(text))]


def sentence_around(text: str, needle: str) -> str:
    """The sentence found at the middle of needle's first occurrence."""
    index = text.index(needle)
    start, end = sentence_at(text, index + len(needle) // 2)
    return text[start:end]


def walk(step: Callable[[str, int], int], text: str, start: int) -> list[int]:
    """Positions visited by pressing a motion key until it stops moving."""
    visited = [start]
    while True:
        moved = step(text, visited[-1])
        if moved == visited[-1]:
            return visited
        visited.append(moved)


# Seed articles ------------------------------------------------------------------------

SEED_SENTENCES = [
    (
        "004_4634679750e0c7aa.txt",
        "Retired Lt. Gen. Michael Flynn, Trump's national security adviser, resigned Feb. 13"
        " after reports that he addressed sanctions against Russia with Kislyak.",
    ),
    (
        "004_4634679750e0c7aa.txt",
        "Army Lt. Gen. H.R. McMaster was appointed national security adviser after"
        " Flynn's resignation.",
    ),
    (
        "004_4634679750e0c7aa.txt",
        "Trump had planned to offer the job to Adm. Robert Harward, but Harward turned it down.",
    ),
    (
        "004_4634679750e0c7aa.txt",
        "Sen. Lindsey Graham, R-SC, discussed the revelations Wednesday.",
    ),
    (
        "004_4634679750e0c7aa.txt",
        "\"I have said whenever it's appropriate, I will recuse myself.",
    ),
    (
        "004_4634679750e0c7aa.txt",
        "There's no doubt about that,\" he told NBC News.",
    ),
    (
        "001_0a5b3dc265aa8697.txt",
        '"I never met with any Russian officials to discuss issues of the campaign,"'
        " he said in a statement.",
    ),
    (
        "001_0a5b3dc265aa8697.txt",
        '"I have no idea what this allegation\nis about.',
    ),
    ("001_0a5b3dc265aa8697.txt", 'It is false."'),
    (
        "001_0a5b3dc265aa8697.txt",
        "WASHINGTON, D.C. (CBS/CNN) --\u00a0Attorney General Jeff Sessions held a press"
        " conference Thursday afternoon after senior Democrats called for his resignation,"
        " saying he will recuse himself from investigations of Russian involvement in"
        " President Donald Trump's election.",
    ),
    (
        "001_0a5b3dc265aa8697.txt",
        "Senate Minority Leader Chuck Schumer, House Minority Leader Nancy Pelosi and"
        " Massachusetts Sen. Elizabeth Warren said Sessions should resign.",
    ),
    ("001_0a5b3dc265aa8697.txt", "Sessions: 'This allegation is false'"),
    ("000_76d8d049534e642a.txt", "“Jeff Sessions is an honest man."),
    ("000_76d8d049534e642a.txt", "It is a total witch hunt!”"),
    ("000_76d8d049534e642a.txt", "02:17 - Source: CNN"),
    (
        "000_76d8d049534e642a.txt",
        "Asked if Sessions should recuse himself, the President said: “I don’t think so.”",
    ),
    ("002_c9974e1b734aaca9.txt", "Sessions replied “No.”"),
    (
        "002_c9974e1b734aaca9.txt",
        "The issue stems back to the investigation into allegations that Russia deliberately"
        " interfered with the U.S. 2016 election.",
    ),
    ("003_b0c62a38ccee3fea.txt", "U.S. news"),
    (
        "003_b0c62a38ccee3fea.txt",
        "Sen. Al Franken, D-Minn., questioned Sessions at his confirmation hearing about"
        " whether he or anyone affiliated with the Trump campaign spoke with the Russians.",
    ),
    (
        "003_b0c62a38ccee3fea.txt",
        "• House Oversight Committee Chair Jason Chaffetz wants Sessions to recuse himself.",
    ),
]


@pytest.mark.parametrize(("name", "expected"), SEED_SENTENCES)
def test_seed_sentence(name: str, expected: str) -> None:
    assert sentence_around(seed(name), expected) == expected


def test_seed_wrapped_line_stays_in_its_paragraph() -> None:
    text = seed("001_0a5b3dc265aa8697.txt")
    index = text.index("is about. It is false.")
    start, end = paragraph_at(text, index)
    assert text[start:end] == (
        '"I never met with any Russian officials to discuss issues of the campaign," he'
        ' said in a statement. "I have no idea what this allegation\nis about. It is false."'
    )
    assert paragraph_at(text, start + 3) == (start, end)


def test_seed_single_newline_articles_have_one_paragraph_per_line() -> None:
    text = seed("002_c9974e1b734aaca9.txt")
    first_line = text.split("\n", 1)[0]
    assert paragraph_at(text, 10) == (0, len(first_line))
    assert next_paragraph(text, 10) == len(first_line) + 1


def test_seed_bullets_are_paragraphs() -> None:
    text = seed("003_b0c62a38ccee3fea.txt")
    first = text.index("  • House Minority Leader")
    second = text.index("  • House Speaker Paul Ryan")
    assert paragraph_at(text, first + 10)[0] == first
    assert next_paragraph(text, first) == second
    assert prev_paragraph(text, second) == first


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name)
def test_seed_sentence_walk_is_clean(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    starts = walk(next_sentence, text, 0)
    assert starts[-1] == len(text)
    assert walk(prev_sentence, text, len(text))[-1] == 0
    for start in starts[:-1]:
        begin, end = sentence_at(text, start)
        assert begin == start
        found = text[begin:end]
        assert found == found.strip()
        assert "\n\n" not in found


# Hard cases ---------------------------------------------------------------------------

HARD_CASES = [
    ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
    ('"It is false," he said. Then he left.', ['"It is false," he said.', "Then he left."]),
    (
        "The real story is the leaks. It is a total witch hunt!”",
        ["The real story is the leaks.", "It is a total witch hunt!”"],
    ),
    (
        "“I don’t think so.” He paused. ‘Fine.’ Then.",
        ["“I don’t think so.”", "He paused.", "‘Fine.’", "Then."],
    ),
    ('"Why?" he asked.', ['"Why?" he asked.']),
    ("Wait... what happened? Nothing.", ["Wait... what happened?", "Nothing."]),
    ("He paused… then spoke. He left.", ["He paused… then spoke.", "He left."]),
    ("Why? Because! Really?! Yes.", ["Why?", "Because!", "Really?!", "Yes."]),
    (
        "The rate rose 3.5 percent. See cnn.com for more. Email a.b@cnn.com now.",
        ["The rate rose 3.5 percent.", "See cnn.com for more.", "Email a.b@cnn.com now."],
    ),
    (
        "It ended at 5 p.m. Thursday. Then he left.",
        ["It ended at 5 p.m. Thursday.", "Then he left."],
    ),
    ("He arrived at 9 a.m. He left later.", ["He arrived at 9 a.m.", "He left later."]),
    ("He moved to the U.S. The family followed.", ["He moved to the U.S.", "The family followed."]),
    (
        "The U.S. Attorney declined. U.K. officials agreed.",
        ["The U.S. Attorney declined.", "U.K. officials agreed."],
    ),
    (
        "Sessions spoke to Sen. Al Franken, D-Minn. He denied it.",
        ["Sessions spoke to Sen. Al Franken, D-Minn.", "He denied it."],
    ),
    ("Speaker Paul Ryan, R-WI. said so. Then.", ["Speaker Paul Ryan, R-WI. said so.", "Then."]),
    (
        "Gov. Jerry Brown and Dr. Jill Stein met Mr. and Mrs. Smith, Ms. Jones and"
        " St. Louis officials.",
        [
            "Gov. Jerry Brown and Dr. Jill Stein met Mr. and Mrs. Smith, Ms. Jones and"
            " St. Louis officials."
        ],
    ),
    (
        "Donald J. Trump met H.R. McMaster at Acme Corp. and Widgets Inc. in Jan. and Feb. 2017.",
        ["Donald J. Trump met H.R. McMaster at Acme Corp. and Widgets Inc. in Jan. and Feb. 2017."],
    ),
    (
        "Army Lt. Gen. H.R. McMaster and Rep. Adam Schiff met. Sens. Warren and Gen. Mattis left.",
        [
            "Army Lt. Gen. H.R. McMaster and Rep. Adam Schiff met.",
            "Sens. Warren and Gen. Mattis left.",
        ],
    ),
    (
        "It is No. 5 on the list. No. He refused.",
        ["It is No. 5 on the list.", "No.", "He refused."],
    ),
    ("1. Sessions met the envoy. He said so.", ["1. Sessions met the envoy.", "He said so."]),
    (
        "Sen. Elizabeth Warren (D-Mass.) said so. Rep. Adam Schiff agreed.",
        ["Sen. Elizabeth Warren (D-Mass.) said so.", "Rep. Adam Schiff agreed."],
    ),
    ('He said: "The end." (He left.) Then', ['He said: "The end."', "(He left.)", "Then"]),
    (
        "Trump stays loyal to his first Senate endorser",
        ["Trump stays loyal to his first Senate endorser"],
    ),
    ("02:17 - Source: CNN", ["02:17 - Source: CNN"]),
    ("你好。世界！ Hi.", ["你好。", "世界！", "Hi."]),
    ("Hello\ufffd world. \U0001f600 Next.", ["Hello\ufffd world.", "\U0001f600 Next."]),
    ("A tab\there.  Next\u00a0one.\u00a0", ["A tab\there.", "Next\u00a0one."]),
    ("  Leading and trailing.   ", ["Leading and trailing."]),
]


@pytest.mark.parametrize(("text", "expected"), HARD_CASES)
def test_hard_sentence_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentence_never_crosses_a_paragraph() -> None:
    text = "He said\n\nno more. Fine.\nAnd then"
    assert sentence_at(text, 2) == (0, 7)
    assert text[slice(*sentence_at(text, 10))] == "no more."
    assert text[slice(*sentence_at(text, text.index("And")))] == "And then"
    assert next_sentence(text, 0) == text.index("no more")
    assert next_sentence(text, text.index("Fine")) == text.index("And")
    assert prev_sentence(text, text.index("no more")) == 0


def test_sentence_wraps_over_a_continuation_line() -> None:
    text = "He said it was\nfalse. Then he left."
    assert sentences(text) == ["He said it was\nfalse.", "Then he left."]
    assert sentence_at(text, 3) == (0, len("He said it was\nfalse."))


def test_sentence_at_in_whitespace_and_blank_lines() -> None:
    text = "One.   Two.\n\n   \nThree."
    assert text[slice(*sentence_at(text, 5))] == "Two."  # the gap belongs to the next one
    assert text[slice(*sentence_at(text, 11))] == "Two."  # trailing space to the last one
    assert sentence_at(text, 12) == (12, 12)  # blank line
    assert sentence_at(text, 14) == (14, 14)  # whitespace-only line
    assert next_sentence(text, 12) == text.index("Three")
    assert prev_sentence(text, 12) == text.index("Two")


def test_prev_sentence_goes_to_current_start_first() -> None:
    text = "First one here. Second one here."
    second = text.index("Second")
    assert prev_sentence(text, second + 4) == second
    assert prev_sentence(text, second) == 0
    assert prev_sentence(text, 0) == 0
    assert next_sentence(text, 0) == second
    assert next_sentence(text, second) == len(text)


def test_empty_text() -> None:
    for motion in (next_paragraph, prev_paragraph, next_sentence, prev_sentence):
        assert motion("", 0) == 0
    for motion in (next_word, prev_word, word_end):
        assert motion("", 5) == 0
    assert paragraph_at("", 0) == (0, 0)
    assert sentence_at("", 0) == (0, 0)
    assert sentence_spans("", 0, 0) == []


# Paragraphs ---------------------------------------------------------------------------

PARAGRAPHS = "Title\n\nFirst para line\ncontinues here.\nSecond para.\n\n\n  Third.\n"


def test_paragraph_spans() -> None:
    text = PARAGRAPHS
    first = text.index("First")
    assert paragraph_at(text, 2) == (0, 5)
    assert paragraph_at(text, 5) == (0, 5)  # the newline belongs to the line it ends
    assert paragraph_at(text, 6) == (6, 6)  # blank line: empty span
    end_first = text.index("\nSecond")
    assert paragraph_at(text, first) == (first, end_first)
    assert paragraph_at(text, text.index("continues")) == (first, end_first)
    third = text.index("  Third")
    assert paragraph_at(text, third + 3) == (third, third + len("  Third."))
    assert paragraph_at(text, len(text)) == (len(text), len(text))


def test_paragraph_motions() -> None:
    text = PARAGRAPHS
    starts = [0, text.index("First"), text.index("Second"), text.index("  Third")]
    assert walk(next_paragraph, text, 0) == [*starts, len(text)]
    assert walk(prev_paragraph, text, len(text)) == [len(text), *reversed(starts)]
    assert prev_paragraph(text, starts[2] + 3) == starts[2]
    assert next_paragraph(text, 6) == starts[1]  # from a blank line
    assert prev_paragraph(text, 6) == 0


def test_uppercase_or_blank_separated_lines_do_not_join() -> None:
    text = "lowercase start\n\nand after a blank\nUpper after"
    assert paragraph_at(text, 0) == (0, 15)
    assert paragraph_at(text, 20) == (17, 34)
    assert paragraph_at(text, len(text) - 1) == (35, len(text))


def test_whitespace_only_lines_are_blank() -> None:
    text = "One\n \t\u00a0\nTwo"
    assert paragraph_at(text, 5) == (5, 5)
    assert next_paragraph(text, 0) == text.index("Two")
    assert prev_paragraph(text, text.index("Two")) == 0


# Words --------------------------------------------------------------------------------


def test_word_motions_follow_vim() -> None:
    text = "Trump’s aide, Sen.\nSmith — left…”  \U0001f600 ok"
    starts = [0, 8, 12, 14, 17, 19, 25, 27, 31, 35, 37]
    assert "".join(text[i] for i in starts) == "Ta,S.S—l…\U0001f600o"
    assert walk(next_word, text, 0) == [*starts, len(text)]
    assert walk(prev_word, text, len(text)) == [len(text), *reversed(starts)]
    assert prev_word(text, 3) == 0
    assert word_end(text, 0) == 6  # "Trump’s" is one word
    assert word_end(text, 6) == 11
    assert word_end(text, 11) == 12
    assert word_end(text, 31) == 32  # "…”" is one punctuation word
    assert word_end(text, 35) == 38
    assert word_end(text, 38) == len(text)


def test_words_cross_newlines_and_blank_lines() -> None:
    text = "end.\n\n\tnext"
    assert next_word(text, 3) == text.index("next")
    assert prev_word(text, text.index("next")) == 3
    assert next_word(text, 0) == 3


# Long paragraphs ----------------------------------------------------------------------


def long_line(size: int) -> str:
    """A single-line paragraph of real news sentences, about size code points long."""
    text = seed("004_4634679750e0c7aa.txt").replace("\n", " ")
    return (" ".join(text.split()) + " ") * (size // len(text) + 1)


def test_one_megabyte_line_answers_in_the_middle() -> None:
    text = "Headline\n\n" + long_line(1_000_000)[:1_000_000] + "\n\nThe end."
    middle = len(text) // 2
    start, end = sentence_at(text, middle)
    assert start <= middle < end or text[middle].isspace()
    assert text[start:end] in set(sentences(long_line(20_000)))
    assert prev_sentence(text, middle) < middle < next_sentence(text, middle)
    assert next_word(text, middle) > middle > prev_word(text, middle)


def test_one_megabyte_line_without_punctuation_is_paged() -> None:
    text = "x" * 1_000_000
    middle = len(text) // 2
    start, end = sentence_at(text, middle)
    assert start <= middle < end
    assert middle < next_sentence(text, middle) <= len(text)
    assert 0 <= prev_sentence(text, middle) < middle


def test_window_agrees_with_a_full_scan() -> None:
    text = long_line(6 * WINDOW)
    full = sentence_spans(text, 0, len(text))
    starts = [start for start, _ in full]
    assert walk(next_sentence, text, 0) == [*starts, len(text)]
    for pos in range(0, len(text), 97):
        assert sentence_at(text, pos) in full


# Properties ---------------------------------------------------------------------------

FRAGMENTS = [
    "Sessions", "said", "the", "U.S.", "Sen.", "Lt.", "Gen.", "H.R.", "J.", "No.", "5", "3.5",
    "cnn.com", "p.m.", "Feb.", "it", "Trump’s", "\u00a0", "\t", " ", " ", " ", "\n", "\n\n",
    "\n  \n", ".", ". ", "?", "!", "…", "...", "“", "”", '"', "‘", "’", ",", "—", "–", "•",
    "\ufffd", "你好。", "\U0001f600", "and", "He", "a", "I", "x",
]  # fmt: skip

news_text = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60).map(
        lambda raw: raw.replace("\r", "\n")
    ),
)


@st.composite
def text_and_pos(draw: st.DrawFn) -> tuple[str, int]:
    text = draw(news_text)
    return text, draw(st.integers(min_value=0, max_value=len(text)))


FORWARD = [next_paragraph, next_sentence, next_word, word_end]
BACKWARD = [prev_paragraph, prev_sentence, prev_word]


@settings(max_examples=300)
@given(text_and_pos())
def test_forward_motions_strictly_increase(case: tuple[str, int]) -> None:
    text, pos = case
    for motion in FORWARD:
        moved = motion(text, pos)
        assert 0 <= moved <= len(text)
        assert moved > pos or moved == len(text), motion.__name__


@settings(max_examples=300)
@given(text_and_pos())
def test_backward_motions_strictly_decrease(case: tuple[str, int]) -> None:
    text, pos = case
    for motion in BACKWARD:
        moved = motion(text, pos)
        assert 0 <= moved <= len(text)
        assert moved < pos or moved == 0, motion.__name__


@settings(max_examples=300)
@given(text_and_pos())
def test_sentence_at_holds_pos(case: tuple[str, int]) -> None:
    text, pos = case
    start, end = sentence_at(text, pos)
    assert 0 <= start <= end <= len(text)
    if pos < len(text) and not text[pos].isspace():
        assert start <= pos < end
    para_start, para_end = paragraph_at(text, pos)
    assert para_start <= start <= end <= para_end


@settings(max_examples=300)
@given(text_and_pos())
def test_paragraph_has_no_blank_line(case: tuple[str, int]) -> None:
    text, pos = case
    start, end = paragraph_at(text, pos)
    assert 0 <= start <= end <= len(text)
    if start == end:
        return
    assert start <= pos <= end
    assert all(line.strip() for line in text[start:end].split("\n"))
    assert start == 0 or text[start - 1] == "\n"
    assert end == len(text) or text[end] == "\n"


@settings(max_examples=300)
@given(text_and_pos())
def test_sentence_spans_tile_the_paragraph(case: tuple[str, int]) -> None:
    text, pos = case
    start, end = paragraph_at(text, pos)
    spans = sentence_spans(text, start, end)
    previous_end = start
    for span_start, span_end in spans:
        assert previous_end <= span_start < span_end <= end
        piece = text[span_start:span_end]
        assert piece == piece.strip()
        assert text[previous_end:span_start].strip() == ""
        previous_end = span_end
    assert text[previous_end:end].strip() == ""


@settings(max_examples=200)
@given(text_and_pos())
def test_motions_land_on_starts(case: tuple[str, int]) -> None:
    text, pos = case
    moved = next_sentence(text, pos)
    if moved < len(text):
        assert sentence_at(text, moved)[0] == moved
    moved = next_paragraph(text, pos)
    if moved < len(text):
        assert paragraph_at(text, moved)[0] == moved


long_news_text = st.lists(st.sampled_from(FRAGMENTS), max_size=300).map("".join)


@settings(max_examples=200)
@given(long_news_text, st.data(), st.integers(1, 40), st.integers(1, 10))
def test_small_windows_keep_the_guarantees(
    text: str, data: st.DataObject, window: int, token_limit: int
) -> None:
    """Shrunk windows exercise the cut edges that only 2 KB+ sentences reach."""
    pos = data.draw(st.integers(min_value=0, max_value=len(text)))
    full = sentence_spans(text, *paragraph_at(text, pos))
    with (
        patch.object(sentence_module, "WINDOW", window),
        patch.object(sentence_module, "TOKEN_LIMIT", token_limit),
        patch.object(words, "TOKEN_LIMIT", token_limit),
    ):
        for motion in FORWARD:
            moved = motion(text, pos)
            assert moved > pos or moved == len(text), motion.__name__
        for motion in BACKWARD:
            moved = motion(text, pos)
            assert 0 <= moved < pos or moved == 0, motion.__name__
        start, end = sentence_at(text, pos)
    if pos < len(text) and not text[pos].isspace():
        assert start <= pos < end
    if start < end:  # a cut sentence lies inside one full-scan sentence
        assert any(full_start <= start and end <= full_end for full_start, full_end in full)


# Hygiene ------------------------------------------------------------------------------


@pytest.mark.parametrize("module", [segment, paragraphs, sentence_module, words])
def test_segment_imports_only_the_standard_library(module: ModuleType) -> None:
    tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
    imported = {
        name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
        )
    }
    assert imported <= {"__future__", "re", "bisect", "collections", "typing", "store"}


PARAGRAPH_TEXT = st.lists(
    st.sampled_from(["Sessions said.", "continued here", "", "  ", "\t", "“Quote”", "x"]),
    max_size=12,
).map("\n".join)


@given(PARAGRAPH_TEXT)
def test_paragraph_starts_are_where_paragraph_at_starts(text: str) -> None:
    spans = [paragraph_at(text, pos) for pos in range(len(text) + 1)]
    assert paragraph_starts(text) == sorted({start for start, end in spans if end > start})


def test_paragraph_starts_count_single_line_paragraphs_and_skip_wrapped_lines() -> None:
    text = "Headline\nFirst paragraph, hard\nwrapped here.\n\nSecond one.\nThird."
    starts = paragraph_starts(text)
    assert [text[s : s + 5] for s in starts] == ["Headl", "First", "Secon", "Third"]
    # Global News' seed separates its paragraphs by single newlines.
    assert len(paragraph_starts(seed("002_c9974e1b734aaca9.txt"))) > 20
