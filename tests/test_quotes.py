"""The quotation finder (``store.quotes``) and the grouping across articles
(``store.compare``): small hand-written texts, the seeds, and properties that
hold for any text."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from store import Store
from store.compare import compare, to_json
from store.quotes import Quote, find_quotes

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def only(text: str) -> Quote:
    quotes = find_quotes(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


# -- finding the spans ------------------------------------------------------------


def test_straight_double_quotes() -> None:
    quote = only('Jeff Sessions spoke on Thursday.\n\n"I did nothing wrong," Sessions said.')
    assert quote.exact == "I did nothing wrong,"
    assert quote.closed


def test_curly_double_quotes() -> None:
    text = "Jeff Sessions spoke on Thursday.\n\n“I did nothing wrong,” Sessions said."
    quote = only(text)
    assert quote.exact == "I did nothing wrong,"
    assert text[quote.start - 1] == "“" and text[quote.end] == "”"


def test_a_quote_runs_across_a_single_line_break() -> None:
    quote = only("“I have no idea what this allegation\nis about. It is false,” Sessions said.")
    assert quote.exact == "I have no idea what this allegation\nis about. It is false,"
    assert quote.closed


def test_an_unterminated_quote_stops_at_its_paragraph_end() -> None:
    for mark in ('"', "“"):
        text = (
            f"Paul Ryan said he had not seen {mark}any evidence that anybody was involved.\n\n"
            "Rep. Jason Chaffetz of Utah wants more clarification.\n\n"
            "A third paragraph follows."
        )
        quote = only(text)
        assert quote.exact == "any evidence that anybody was involved."
        assert not quote.closed
        assert "\n" not in quote.exact


def test_an_unterminated_quote_does_not_swallow_the_next_quotes() -> None:
    text = (
        "Paul Ryan said he had not seen “any evidence that anybody was involved.\n\n"
        "“I want more clarification,” Chaffetz said."
    )
    first, second = find_quotes(text)
    assert (first.exact, first.closed) == ("any evidence that anybody was involved.", False)
    assert (second.exact, second.closed) == ("I want more clarification,", True)


def test_single_quoted_headline_is_a_quote() -> None:
    text = "Sessions: 'I Will Recuse Myself' If Necessary\n\nJeff Sessions spoke on Thursday."
    assert only(text).exact == "I Will Recuse Myself"


def test_apostrophes_are_not_quotes() -> None:
    text = (
        "It's clear that Sessions' decision was final, and it’s the senators’ view too. "
        "Trump's aides don't agree. The band plays rock 'n' roll.\n\n"
        "Democrats' anger grew; the ’90s were different, Sessions’ allies said."
    )
    assert find_quotes(text) == []


def test_no_break_spaces_inside_a_quote_are_kept() -> None:
    text = "Donald Trump has “total\u00a0confidence” in Sessions."
    assert only(text).exact == "total\u00a0confidence"


def test_a_quote_without_letters_or_digits_is_skipped() -> None:
    assert find_quotes("He shrugged: “…” and left.") == []


# -- speakers ----------------------------------------------------------------------


def test_speaker_after_the_quote() -> None:
    quote = only('Jeff Sessions spoke on Thursday.\n\n"I did nothing wrong," Sessions said.')
    assert quote.speaker == "Jeff Sessions"


def test_speaker_named_with_a_title_after_said() -> None:
    text = "“Attorney General Sessions should recuse himself,” said Sen. Susan Collins."
    assert only(text).speaker == "Susan Collins"


def test_pronoun_is_the_person_named_in_the_sentence_before() -> None:
    text = "Sen. Al Franken spoke on Thursday. “That is not true,” he told NBC News."
    assert only(text).speaker == "Al Franken"


def test_speaker_before_a_partial_quote() -> None:
    text = (
        "House Minority Leader Nancy Pelosi called for his resignation. "
        'Pelosi said Sessions\' answers amounted to "apparent perjury" under oath.'
    )
    quote = only(text)
    assert quote.exact == "apparent perjury"
    assert quote.speaker == "Nancy Pelosi"


def test_a_quote_without_attribution_takes_the_previous_speaker() -> None:
    text = "“We will get to the bottom of this,” Chuck Schumer said. “Nobody is above the law.”"
    first, second = find_quotes(text)
    assert first.speaker == second.speaker == "Chuck Schumer"


# -- the seeds ---------------------------------------------------------------------


def test_seed_cbs_quote_across_a_line_break() -> None:
    text = seed_text("001")
    wanted = "I have no idea what this allegation\nis about. It is false."
    (quote,) = [q for q in find_quotes(text) if q.exact == wanted]
    assert quote.speaker == "Jeff Sessions"
    assert quote.closed
    assert text[quote.start : quote.end] == wanted


def test_seed_raycom_unterminated_paul_ryan_quote() -> None:
    text = seed_text("004")
    (quote,) = [q for q in find_quotes(text) if q.start == 4464]
    assert not quote.closed
    assert quote.speaker == "Paul Ryan"
    assert quote.exact.startswith("that anybody in the Trump campaign")
    assert quote.exact.endswith("was involved in any of this.")
    assert "Chaffetz" not in quote.exact  # the next paragraph is not swallowed


def test_seed_nbc_headline_in_single_quotes() -> None:
    text = seed_text("003")
    assert "I Will Recuse Myself" in [q.exact for q in find_quotes(text)]


def test_seed_quotes_are_many_and_mostly_attributed() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        quotes = find_quotes(path.read_text(encoding="utf-8"))
        assert len(quotes) >= 10, path.name
        assert sum(bool(q.speaker) for q in quotes) >= 0.7 * len(quotes), path.name


# -- properties -----------------------------------------------------------------------

PIECES = [
    '"', "“", "”", "„", "'", "‘", "’", " ", " ", " ", "\n", "\n\n", "\n \n", "\u00a0", ".", ",",
    "?", "!", "—", "-", "(", ")", ":", ";", "…", "a", "I", "s", "n", "it", "word", "Sessions",
    "Jeff Sessions", "Susan Collins", "said", " said ", "told", "he", "She", "Sen.", "U.S.",
    "rock", "'n'", "don't", "Sessions'", "2017", "Москва", "東京", "🙂", "'We", "win'", "“I",
    "it”", "‘No", "no’", '"So', 'so,"', "it’s",
]  # fmt: skip
MARKS = [('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’"), ('"', ""), ("“", ""), ("", "”")]
nested = st.recursive(
    st.sampled_from(PIECES),
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=6).map(" ".join),
        st.tuples(st.sampled_from(MARKS), inner).map(lambda t: t[0][0] + t[1] + t[0][1]),
    ),
    max_leaves=30,
)
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join),
    nested,
    st.text(max_size=200),
)


def check_quotes(text: str) -> None:
    quotes = find_quotes(text)
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.exact
        assert "\n\n" not in quote.exact
    ordered = sorted(quotes, key=lambda q: q.start)
    for one, two in pairwise(ordered):
        assert one.end <= two.start, (one, two)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_quotes_are_exact_in_bounds_disjoint_and_within_a_paragraph(text: str) -> None:
    check_quotes(text)


def test_quote_properties_on_known_tricky_texts() -> None:
    for text in (
        "'abc “def” ghi'",
        "“a 'b” c' d",
        '"\n\n"',
        "“open\n \nnext”",
        "'x\u00a0\n\u00a0\ny'",
    ):
        check_quotes(text)


# -- grouping across articles ---------------------------------------------------------

SAID = "I have never met with any Russian officials to discuss the campaign"
OTHER = "The investigation should be led by an independent special prosecutor"


def add(store: Store, title: str, text: str) -> int:
    article_id, added = store.add_article(text, title=title, outlet=title)
    assert added
    return article_id


def three_articles(store: Store) -> tuple[int, int, int]:
    exact = add(
        store,
        "Exact",
        f"Jeff Sessions spoke on Thursday.\n\n“{SAID},” Sessions said.\n\n"
        f"“{OTHER},” Sessions added.\n",
    )
    partial = add(
        store,
        "Partial",
        "Jeff Sessions spoke on Thursday.\n\n"
        "Sessions said he had “never met with any Russian officials” at all.\n\n"
        f"“{OTHER},” Sessions said later.\n",
    )
    variant = add(
        store,
        "Variant",
        "Jeff Sessions spoke on Thursday.\n\n"
        "“I’ve never met with any Russian diplomats to discuss the campaign,” Sessions said.\n",
    )
    return exact, partial, variant


def test_one_group_per_utterance_with_each_article_status(store: Store) -> None:
    exact, partial, variant = three_articles(store)
    comparison = compare(store)
    (said,) = [g for g in comparison.groups if "Russian" in g.canonical]
    (other,) = [g for g in comparison.groups if "prosecutor" in g.canonical]
    assert said.canonical == f"{SAID},"
    assert said.speaker == other.speaker == "Jeff Sessions"
    assert said.status(exact) == "exact"
    assert said.status(partial) == "partial"
    assert said.status(variant) == "variant"
    assert other.status(exact) == other.status(partial) == "exact"
    assert other.status(variant) == "absent"
    assert len(comparison.groups) == 2


def test_a_changed_word_is_a_quote_wording_discrepancy(store: Store) -> None:
    exact, partial, variant = three_articles(store)
    comparison = compare(store)
    wording = [d for d in comparison.discrepancies if d.kind == "quote-wording"]
    pairs = {frozenset(side.article_id for side in d.sides): d for d in wording}
    found = pairs[frozenset((exact, variant))]
    assert found.reason == "Exact → Variant: “officials” → “diplomats”"
    assert frozenset((exact, partial)) not in pairs  # quoting less is not changing words
    for discrepancy in wording:
        for side in discrepancy.sides:
            assert store.article_text(side.article_id)[side.start : side.end] == side.exact


def test_a_quote_with_no_comparable_word_does_not_break_grouping(store: Store) -> None:
    """A sentence without a-z words ("Нет.") gives no unit; the units after it must
    still be found by their numbers (this raised IndexError)."""
    said = "We have never discussed the sanctions with anyone at all"
    one = add(
        store,
        "One",
        f"Dmitry Peskov spoke in Moscow.\n\n“Нет,” Peskov said.\n\n“{said},” Peskov said.\n",
    )
    two = add(store, "Two", f"Dmitry Peskov spoke in Moscow.\n\n“{said},” Peskov said.\n")
    (group,) = compare(store).groups
    assert group.status(one) == group.status(two) == "exact"


def test_compare_caches_and_gives_the_same_result_again(store: Store) -> None:
    three_articles(store)
    first = to_json(compare(store))
    cached = store.conn.execute("SELECT count(*) FROM compare_cache").fetchone()[0]
    assert cached == 3
    assert to_json(compare(store)) == first


# -- JSON ------------------------------------------------------------------------------


def test_json_shape_and_offsets(store: Store) -> None:
    three_articles(store)
    data = to_json(compare(store))
    assert set(data) == {"articles", "groups", "discrepancies"}
    by_outlet = {a.outlet: a.id for a in store.articles()}
    assert data["groups"]
    for group in data["groups"]:
        for occurrence in group["occurrences"]:
            assert {"article", "start", "end", "exact", "speaker", "variant", "partial"} <= set(
                occurrence
            )
            text = store.article_text(by_outlet[occurrence["outlet"]])
            assert text[occurrence["start"] : occurrence["end"]] == occurrence["exact"]
    for discrepancy in data["discrepancies"]:
        for side in discrepancy["sides"]:
            text = store.article_text(by_outlet[side["outlet"]])
            assert text[side["start"] : side["end"]] == side["exact"]


def test_json_on_the_seeds(seeded: Store) -> None:
    data = to_json(compare(seeded))
    assert len(data["articles"]) == 5
    by_name = {a.file_name: a.id for a in seeded.articles()}
    for group in data["groups"]:
        assert len({o["article"] for o in group["occurrences"]}) >= 2
        for occurrence in group["occurrences"]:
            text = seeded.article_text(by_name[occurrence["article"]])
            assert text[occurrence["start"] : occurrence["end"]] == occurrence["exact"]
