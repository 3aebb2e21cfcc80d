"""The quotation finder (``store.quotes``) and the grouping across articles
(``store.compare``): small hand-written texts, the seeds, and properties that
hold for any text."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.corpus import quoting_articles
from store import Store
from store.compare import grouping
from store.compare.findings import Comparison
from store.compare.quotes import Quote, find_quotes
from store.compare.speakers import named_people
from store.compare.wording import words
from store.db.comparing import compare
from store.formats.comparison import to_json

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


def test_german_quotes_and_guillemets() -> None:
    """„German“ closes with the mark English opens with; «guillemets», with or without
    French spacing inside, are quotation marks too."""
    text = "„Wir geben nicht auf“, sagte er. «Мы не сдадимся», — сказал он. « Non », a-t-il dit."
    assert [q.exact for q in find_quotes(text)] == ["Wir geben nicht auf", "Мы не сдадимся", "Non"]
    assert all(q.closed for q in find_quotes(text))


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


def test_a_surname_alone_with_a_role_or_after_said_is_the_speaker() -> None:
    """Wire copy names some people by surname alone; "said Okonkwo" and "Okonkwo, the
    fire chief, said" show it is someone, as "Police, the agency said," does not."""
    for text in (
        "“We will win,” said Okonkwo, the fire chief.",
        "“We will win,” Okonkwo, the city’s fire chief, said.",
        "Okonkwo, the city’s fire chief, said: “We will win.”",
    ):
        assert only(text).speaker == "Okonkwo", text
    for text in ("“We will win,” said Tuesday.", "Police, the agency said, told “all” of it."):
        assert only(text).speaker == "", text


def test_names_in_letters_outside_ascii_are_names() -> None:
    assert only("“Wir bauen neu,” said Jürgen Müller.").speaker == "Jürgen Müller"
    assert only("“Volveremos,” José Ramírez told reporters.").speaker == "José Ramírez"
    text = "Jürgen Müller spoke on Monday. “We will rebuild,” he said.\n"
    assert only(text).speaker == "Jürgen Müller"
    assert named_people("Mayor Ólafur Þórsson met Zoë Ñúñez.\n") == {
        "Þórsson": "Ólafur Þórsson",
        "Ñúñez": "Zoë Ñúñez",
    }


def test_people_less_their_titles_and_not_places() -> None:
    text = (
        "A fire broke out in Port Ellery on Tuesday. Fire Chief Maria Okonkwo and Mayor "
        "Thomas Brandt spoke to residents of Port Ellery after a question from Sen. Al Franken.\n"
    )
    assert named_people(text) == {
        "Okonkwo": "Maria Okonkwo",
        "Brandt": "Thomas Brandt",
        "Franken": "Al Franken",
    }
    text = "Oregon Gov. Kate Brown and Nevada Sen. Jacky Rosen met Rep. Virginia Foxx.\n"
    assert named_people(text) == {
        "Brown": "Kate Brown",
        "Rosen": "Jacky Rosen",
        "Foxx": "Virginia Foxx",
    }


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


def test_the_one_a_quote_speaks_to_is_not_its_speaker() -> None:
    text = (
        "When Sen. Al Franken asked Jeff Sessions about the reports, Sessions denied any "
        "knowledge.\n\n“Senator Franken, I am not aware of any of those activities,” he said."
    )
    assert only(text).speaker == "Jeff Sessions"


def test_a_pronoun_looks_back_line_by_line_where_each_line_is_a_paragraph() -> None:
    text = (
        "In January, Sen. Patrick Leahy also asked Jeff Sessions about it.\n"
        "Sessions says the allegations are false\n"
        "“I never met with any Russian officials,” he said in a statement."
    )
    assert only(text).speaker == "Jeff Sessions"


def test_one_asked_is_not_the_speaker() -> None:
    text = (
        "Spokeswoman Sarah Isgur Flores said there was nothing wrong because Jeff Sessions "
        "was asked about “communications with the campaign” and not about meetings."
    )
    assert only(text).speaker == "Sarah Isgur Flores"


def test_speaker_named_after_a_long_title() -> None:
    text = (
        "“It was entirely consistent with his testimony,” White House Deputy Press Secretary "
        "Sarah Huckabee Sanders said in a statement."
    )
    assert only(text).speaker == "Sarah Huckabee Sanders"


def test_a_relative_clause_does_not_name_the_speaker() -> None:
    text = (
        "Minnesota Sen. Al Franken, who asked Jeff Sessions about Russia at his hearing, said "
        "the answer was “at best misleading.”"
    )
    assert only(text).speaker == "Al Franken"


def test_an_office_without_a_name_is_nobody_named_before() -> None:
    text = (
        "Donald Trump told reporters he had “total” confidence in Jeff Sessions. Asked if "
        "Sessions should recuse himself, the President said: “I don’t think so.”"
    )
    first, second = find_quotes(text)
    assert first.speaker == second.speaker == "Donald Trump"  # the paragraph's last speaker


def test_an_attribution_on_the_next_line_is_another_quote_s() -> None:
    text = (
        "During an interview Thursday, Jeff Sessions said, “I will recuse myself.”\n"
        "White House Press Secretary Sean Spicer told Fox News, “There is nothing to recuse from.”"
    )
    first, second = find_quotes(text)
    assert (first.speaker, second.speaker) == ("Jeff Sessions", "Sean Spicer")


# -- nested quotations ---------------------------------------------------------------


def test_a_quotation_inside_another_is_a_nested_quote_of_its_own() -> None:
    text = (
        "Nancy Pelosi spoke on Thursday.\n\n“Under oath, he told the committee, ‘I did not "
        "have communications with the Russians.’ That is false,” Pelosi said."
    )
    outer, inner = find_quotes(text)
    assert not outer.nested and outer.speaker == "Nancy Pelosi"
    assert outer.exact.startswith("Under oath") and outer.exact.endswith("That is false,")
    assert inner.nested
    assert inner.exact == "I did not have communications with the Russians."
    assert inner.speaker == ""  # "he" speaks from Pelosi's view: not resolved


def test_a_nested_quote_takes_a_speaker_the_outer_quote_names() -> None:
    text = "“Jeff Sessions told us, ‘I will recuse myself when appropriate,’” Nancy Pelosi said."
    outer, inner = find_quotes(text)
    assert inner.nested and inner.speaker == "Jeff Sessions"
    assert outer.speaker == "Nancy Pelosi"


def test_double_quotes_inside_single_ones_are_nested() -> None:
    (outer, inner) = find_quotes("Headline: 'Sessions Says \"No Deal\" With Russia' Today")
    assert outer.exact == 'Sessions Says "No Deal" With Russia'
    assert inner.nested and inner.exact == "No Deal"


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
    assert quotes == sorted(quotes, key=lambda q: (q.start, q.nested))
    outer = [q for q in quotes if not q.nested]
    for one, two in pairwise(outer):
        assert one.end <= two.start, (one, two)
    for quote in quotes:
        if quote.nested:  # inside exactly one outer quote, and not all of it
            holders = [o for o in outer if o.start <= quote.start and quote.end <= o.end]
            assert len(holders) == 1 and holders[0] != quote, (quote, outer)


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


def test_a_negation_said_two_ways_is_one_utterance_and_a_changed_word(store: Store) -> None:
    one = add(
        store,
        "One",
        "Jeff Sessions spoke.\n\n“I am not aware of any of those activities,” Sessions said.\n",
    )
    two = add(
        store,
        "Two",
        "Jeff Sessions spoke.\n\nSessions said he was “unaware of those activities.”\n",
    )
    comparison = compare(store)
    (group,) = comparison.groups
    assert group.status(one) == "exact" and group.status(two) != "absent"
    (wording,) = comparison.discrepancies
    assert "“not aware” → “unaware”" in wording.reason


def test_the_next_sentence_of_a_grouped_quotation_is_grouped_more_loosely(store: Store) -> None:
    add(
        store,
        "One",
        "Chuck Schumer spoke.\n\n“There is nothing wrong with meeting the ambassador. If "
        "there was nothing wrong, why don't you just tell the truth?” Schumer said.\n",
    )
    add(
        store,
        "Two",
        "Chuck Schumer spoke.\n\n“There is nothing wrong about meeting the ambassador,” "
        "Schumer said. “If there was nothing wrong, why not come clean and tell the entire "
        "truth?”\n",
    )
    comparison = compare(store)
    assert len(comparison.groups) == 2
    reasons = [d.reason for d in comparison.discrepancies]
    assert any("“you just” → “come clean and”" in r for r in reasons), reasons
    # Alone, the two second sentences are too far apart to be one utterance.
    alone = compare_texts(
        "“If there was nothing wrong, why don't you just tell the truth?” Schumer said.",
        "“If there was nothing wrong, why not come clean and tell the entire truth?” Schumer said.",
    )
    assert alone.groups == []


def compare_texts(*texts: str) -> Comparison:
    """Compare articles with ``texts`` (a fresh store; Chuck Schumer named in each)."""
    from store import open_store

    store = open_store(":memory:")
    try:
        for n, text in enumerate(texts):
            add(store, f"Outlet {n}", f"Chuck Schumer spoke ({n}).\n\n{text}\n")
        return compare(store)
    finally:
        store.close()


def test_a_few_words_of_a_sentence_in_another_sentence_are_not_a_quote_of_it() -> None:
    comparison = compare_texts(
        "“We believe in fairness, and we have always been fair to everyone,” Schumer said.",
        "Schumer said the process was “fair and we have been” patient.",
    )
    assert comparison.groups == []


def test_people_sharing_a_phrase_are_not_one_utterance() -> None:
    comparison = compare_texts(
        "“Did it that is was will not matter to the committee at all,” Chuck Schumer said.",
        "“Everything that happened today did it that is was will not change,” Mitch "
        "McConnell said.",
        "“Did it that is was will not matter to the committee at all,” Chuck Schumer said.",
        "McConnell said “today did it that is was will not” in passing.",
    )
    assert comparison.groups
    for group in comparison.groups:  # Schumer's words, McConnell's: never one group
        assert len({o.speaker for o in group.occurrences} - {""}) == 1


def test_a_quotation_run_on_into_the_next_sentence_joins_neither() -> None:
    first = "We will look at every meeting the attorney general had last year."
    second = "Then the committee will decide what should happen to him next."
    comparison = compare_texts(
        f"“{first} {second}” Schumer said.",
        f"“{first} {second}” Schumer said.",
        f"“{first[:-1]} {second[0].lower()}{second[1:]}” Schumer said.",  # the stop lost
    )
    assert len(comparison.groups) == 2
    for group in comparison.groups:  # each sentence its group; the run-on joins one
        assert len({tuple(words(o.exact)) for o in group.occurrences if o.article_id < 3}) == 1


@pytest.mark.parametrize("common_key", [grouping.COMMON_KEY, 3])
def test_an_utterance_quoted_by_80_articles_is_one_group(
    store: Store, monkeypatch: pytest.MonkeyPatch, common_key: int
) -> None:
    """However many articles quote it (a trigram shared by more wordings than
    ``COMMON_KEY`` is looked up through a few of them, forced here with 3)."""
    monkeypatch.setattr(grouping, "COMMON_KEY", common_key)
    said, articles = quoting_articles(80)
    for title, outlet, text in articles:
        store.add_article(text, title=title, outlet=outlet)
    comparison = compare(store)
    (group,) = [g for g in comparison.groups if len({o.article_id for o in g.occurrences}) > 5]
    assert len({o.article_id for o in group.occurrences}) == 80
    assert words(group.canonical) == words(said)


def test_a_quote_claiming_a_whole_sentence_differs_from_a_longer_one(store: Store) -> None:
    said = "I have been called a surrogate a time or two in that campaign"
    whole = add(store, "Whole", f"Jeff Sessions spoke.\n\nSessions said, “{said}.”\n")
    longer = add(
        store,
        "Longer",
        f"Jeff Sessions spoke.\n\n“{said}, and I am unable to comment on it,” Sessions said.\n",
    )
    part = add(store, "Part", f"Jeff Sessions spoke.\n\nSessions had been “{said}.”\n")
    comparison = compare(store)
    (wording,) = [d for d in comparison.discrepancies if d.kind == "quote-wording"]
    assert wording.reason == "Whole → Longer: “—” → “and I am unable to comment on it”"
    assert {s.article_id for s in wording.sides} == {whole, longer}
    assert part not in {s.article_id for side in wording.each_side for s in side}


def test_one_change_carried_by_several_articles_is_one_discrepancy(store: Store) -> None:
    ids = [
        add(store, f"Outlet {n}", f"Jeff Sessions spoke {n}.\n\n“{SAID},” Sessions said.\n")
        for n in range(3)
    ]
    changed = SAID.replace("officials", "diplomats")
    odd = add(store, "Odd", f"Jeff Sessions spoke.\n\n“{changed},” Sessions said.\n")
    (wording,) = compare(store).discrepancies
    assert wording.reason == "Outlet 0 and 2 more → Odd: “officials” → “diplomats”"
    assert [s.article_id for s in wording.each_side[0]] == ids
    assert [s.article_id for s in wording.each_side[1]] == [odd]
    assert wording.sides == (wording.each_side[0][0], wording.each_side[1][0])


def test_the_same_words_given_to_two_people_is_an_attribution_discrepancy(store: Store) -> None:
    add(store, "One", f"Jeff Sessions spoke.\n\n“{OTHER},” Sessions said.\n")
    add(store, "Two", f"Jeff Sessions spoke again.\n\n“{OTHER},” Sessions said.\n")
    add(store, "Three", f"Chuck Schumer spoke.\n\n“{OTHER},” Schumer said.\n")
    (who,) = [d for d in compare(store).discrepancies if d.kind == "attribution"]
    assert who.reason == "One and 1 more attributes it to Jeff Sessions, Three to Chuck Schumer"


def test_a_nested_quotation_is_grouped_with_the_words_quoted_directly(store: Store) -> None:
    said = "I did not have communications with the Russians"
    add(store, "Direct", f"Jeff Sessions spoke.\n\n“{said},” Sessions said.\n")
    add(
        store,
        "Nested",
        "Nancy Pelosi spoke.\n\n“Under oath, he told the committee, "
        f"‘{said}.’ We now know that statement is false,” Pelosi said.\n",
    )
    (group,) = compare(store).groups
    assert [o.exact for o in group.occurrences] == [f"{said},", f"{said}."]
    assert group.speaker == "Jeff Sessions"


SENTENCES = [
    "I am not aware of any of those activities.", "He was unaware of those activities.",
    "We will get to the bottom of this.", "Nobody is above the law, and nobody ever was.",
    "There is nothing wrong with meeting the ambassador.", "It is false.", "No.",
    "I have never met with any Russian officials to discuss the campaign.",
    "The committee said 12 documents were released on Tuesday.",
    "The committee said 14 documents were released on Wednesday.",
    "Flynn was fired.", "Michael Flynn resigned.", "he told NBC News.", "she tweeted.",
]  # fmt: skip
ARTICLE = st.lists(
    st.tuples(
        st.sampled_from(["Jeff Sessions", "Chuck Schumer", "he", ""]),
        st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3).map(" ".join),
        st.sampled_from([("“", "”"), ('"', '"'), ("‘", "’"), ("", ""), ("“", "")]),
        st.sampled_from([",", ".", ""]),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(ARTICLE, min_size=2, max_size=3))
def test_compare_holds_for_any_articles(
    articles: list[list[tuple[str, str, tuple[str, str], str]]],
) -> None:
    """Whatever the articles, every passage found is exact, and each discrepancy's
    two sides are the first passages of its two lists."""
    from store import open_store

    store = open_store(":memory:")
    try:
        for n, paragraphs in enumerate(articles):
            text = "\n\n".join(
                f"{who} said, {mark[0]}{said}{end}{mark[1]}" if who else f"{mark[0]}{said}{mark[1]}"
                for who, said, mark, end in paragraphs
            )
            store.add_article(f"Article {n}\n\n{text}\n", title=f"A{n}", outlet=f"A{n}")
        comparison = compare(store)
        for group in comparison.groups:
            assert len({o.article_id for o in group.occurrences}) >= 2
            for occurrence in group.occurrences:
                text = store.article_text(occurrence.article_id)
                assert text[occurrence.start : occurrence.end] == occurrence.exact
        for discrepancy in comparison.discrepancies:
            assert discrepancy.sides == tuple(side[0] for side in discrepancy.each_side)
            for side in discrepancy.each_side:
                for passage in side:
                    text = store.article_text(passage.article_id)
                    assert text[passage.start : passage.end] == passage.exact
    finally:
        store.close()


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
