"""Compare on articles about an event the seeds know nothing of (a warehouse fire in
a made-up town, told by four made-up outlets): the skill must be general, not fitted
to the seeds. Each article differs from the others as copy does: a changed word in a
quotation, another count of the injured, another weekday, told CNN / told reporters,
resigned / fired, a misspelt name, a quotation given to the wrong person. What is no
discrepancy (two numbers that count different things) must not be listed."""

from __future__ import annotations

import pytest

from store import Store
from store.compare.findings import Comparison, Discrepancy, QuoteGroup
from store.db.comparing import compare

HERALD = """Warehouse fire in Port Ellery injures 12, officials say

A fire tore through a chemical warehouse in Port Ellery on Tuesday night, injuring 12 people and forcing the evacuation of nearby homes.

Fire Chief Maria Okonkwo said the blaze started shortly after 9 p.m. in a storage area at the back of the building.

"We were very lucky that nobody was killed tonight," Okonkwo told reporters at the scene. "The crews did an extraordinary job under difficult conditions."

Mayor Thomas Brandt said the city would open an inquiry into how the warehouse was inspected. "The people of this city deserve answers, and they will get them," he said.

The warehouse's operations manager, Daniel Whitfield, resigned on Wednesday, the company said in a statement.

Police said 12 people were taken to hospital with burns and breathing problems.

About 300 residents spent the night in the gym of Lakeside High School.
"""  # noqa: E501

POST = """Port Ellery fire: 15 hurt as chemical warehouse burns

A fire tore through a chemical warehouse in Port Ellery on Wednesday night, injuring 15 people and forcing the evacuation of nearby homes.

“We were very fortunate that nobody was killed tonight,” Fire Chief Maria Okonkwo told CNN. “The crews did an extraordinary job under difficult conditions.”

Mayor Thomas Brant promised an inquiry. “The people of this city deserve answers, and they will get them,” Brant said.

The company said its operations manager, Daniel Whitfield, was fired after the blaze.

Police said four of the people taken to hospital with burns were in critical condition.

Firefighters fought the flames for six hours, and 40 engines from four towns were called in.
"""  # noqa: E501

WIRE = """PORT ELLERY, Ore. (Newswire) — Twelve people were hurt when fire swept through a chemical warehouse late Tuesday, officials said.

Okonkwo, the city’s fire chief, said: “We were very lucky that nobody was killed tonight.”

“The people of this city deserve answers and they will get them,” Mayor Thomas Brandt said at a news conference on Wednesday.

The warehouse, built in 1987, held about 40 tonnes of industrial solvents, according to city records.

Firefighters fought the flames for six hours before the fire was declared out.
"""  # noqa: E501

STATION = """Chemical fire: crews praised

Crews from four towns battled a blaze at a chemical warehouse in Port Ellery on Tuesday night.

“The crews did an extraordinary job under difficult conditions,” Mayor Thomas Brandt said on Wednesday. He called the fire “a wake-up call” for the city.

Fire Chief Maria Okonkwo said it was a miracle that “nobody was killed tonight.”
"""  # noqa: E501

OUTLETS = {"Herald": HERALD, "Post": POST, "Wire": WIRE, "Station": STATION}


@pytest.fixture
def fire(store: Store) -> tuple[Store, Comparison, dict[str, int]]:
    ids = {}
    for outlet, text in OUTLETS.items():
        ids[outlet], added = store.add_article(text, title=outlet, outlet=outlet)
        assert added
    return store, compare(store), ids


Found = tuple[Store, Comparison, dict[str, int]]


def group_of(comparison: Comparison, words: str) -> QuoteGroup:
    (group,) = [g for g in comparison.groups if words in g.canonical]
    return group


def of_kind(comparison: Comparison, kind: str) -> list[Discrepancy]:
    return [d for d in comparison.discrepancies if d.kind == kind]


def articles(discrepancy: Discrepancy) -> tuple[set[int], set[int]]:
    one, two = discrepancy.each_side
    return {s.article_id for s in one}, {s.article_id for s in two}


def test_each_utterance_is_one_group_with_each_article_s_coverage(fire: Found) -> None:
    store, comparison, ids = fire
    assert len(comparison.groups) == 3  # two sentences of the chief are two utterances
    lucky = group_of(comparison, "nobody was killed")
    assert {a: lucky.status(i) for a, i in ids.items()} == {
        "Herald": "exact",
        "Post": "variant",
        "Wire": "exact",
        "Station": "partial",
    }
    assert {o.speaker.split()[-1] for o in lucky.occurrences} == {"Okonkwo"}
    crews = group_of(comparison, "extraordinary job")
    assert {o.article_id for o in crews.occurrences} == {ids["Herald"], ids["Post"], ids["Station"]}
    answers = group_of(comparison, "deserve answers")
    assert {o.article_id for o in answers.occurrences} == {ids["Herald"], ids["Post"], ids["Wire"]}
    assert answers.speaker == "Thomas Brandt"
    for group in comparison.groups:
        for o in group.occurrences:
            assert store.article_text(o.article_id)[o.start : o.end] == o.exact


def test_a_changed_word_in_a_quotation(fire: Found) -> None:
    _, comparison, ids = fire
    (wording,) = of_kind(comparison, "quote-wording")
    assert "“lucky” → “fortunate”" in wording.reason
    assert articles(wording) == ({ids["Herald"], ids["Wire"]}, {ids["Post"]})


def test_another_count_of_the_same_thing_but_not_of_other_things(fire: Found) -> None:
    _, comparison, _ = fire
    # "12 people were taken to hospital" / "four of the people taken to hospital"
    # count two things; "40 engines" and "40 tonnes" are in unrelated sentences.
    (number,) = of_kind(comparison, "number")
    assert number.reason == "Herald / Post: 12 vs 15"
    assert [s.exact.split(",")[0] for s in number.sides] == [
        "A fire tore through a chemical warehouse in Port Ellery on Tuesday night",
        "A fire tore through a chemical warehouse in Port Ellery on Wednesday night",
    ]


def test_another_weekday(fire: Found) -> None:
    _, comparison, _ = fire
    (date,) = of_kind(comparison, "date")
    assert date.reason == "Herald / Post: Tuesday vs Wednesday"


def test_told_reporters_is_not_told_cnn(fire: Found) -> None:
    _, comparison, _ = fire
    venues = of_kind(comparison, "venue")
    # The chief's two sentences, told to reporters (Herald) or CNN (Post): one difference.
    assert [v.reason for v in venues] == [
        "Herald / Post: told reporters vs told CNN, of “We were very lucky that nobody was "
        "killed tonight.” and 1 more"
    ]
    # The mayor told a news conference (Wire); Herald does not say where: no discrepancy.
    assert all("deserve answers" not in v.reason for v in venues)


def test_resigned_or_fired(fire: Found) -> None:
    _, comparison, _ = fire
    (action,) = of_kind(comparison, "action")
    assert action.reason == "Herald: Whitfield resigned; Post: Whitfield was fired"


def test_a_misspelt_name_is_a_name_discrepancy_not_an_attribution(fire: Found) -> None:
    _, comparison, _ = fire
    (name,) = of_kind(comparison, "name")
    assert "Thomas Brant (Post)" in name.reason
    (attribution,) = of_kind(comparison, "attribution")  # Brandt / Brant is no other person
    assert attribution.reason == (
        "Herald and 1 more attributes it to Maria Okonkwo, Station to Thomas Brandt"
    )


def test_nothing_else_is_listed(fire: Found) -> None:
    _, comparison, _ = fire
    assert sorted(d.kind for d in comparison.discrepancies) == [
        "action", "attribution", "date", "name", "number", "quote-wording", "venue",
    ]  # fmt: skip


ODD = {
    "blank": " ",
    "no quotations": "The council voted 5 to 2 on Tuesday to approve a budget of 12 million.\n",
    "unbalanced": 'He said "this is " not " over " and "never\n\nThen "another one.\n\n“”“ ‘ ’’‘\n',
    "nested thrice": "“She told me, ‘He said “no” to us,’ and left,” Ann Lee said.\n",
    "long": '"' + "We will rebuild this town stone by stone " * 300 + '," Ann Lee said.\n',
}


def test_odd_articles_compare_without_error(store: Store) -> None:
    for title, text in ODD.items():
        store.add_article(text, title=title, outlet=title)
    assert compare(store).discrepancies == []


def test_quotations_in_other_scripts_are_grouped(store: Store) -> None:
    said = "«Мы не сдадимся и восстановим город», — сказал министр Иван Петров во вторник.\n"
    store.add_article(said, title="One", outlet="One")
    store.add_article(said.replace("во вторник", "в среду"), title="Two", outlet="Two")
    german = "„Wir bauen die Stadt wieder auf“, sagte Bürgermeisterin Anna Müller.\n"
    store.add_article(german, title="Three", outlet="Three")
    store.add_article(german.replace("wieder auf", "neu auf"), title="Four", outlet="Four")
    groups = compare(store).groups
    assert sorted(g.canonical for g in groups) == [
        "Wir bauen die Stadt wieder auf",
        "Мы не сдадимся и восстановим город",
    ]


def test_numbers_and_days_of_two_subjects_are_no_discrepancy(store: Store) -> None:
    """Sentences alike but for the place they are about report two things."""
    for outlet, (count, state, day, town) in {
        "One": (200, "Ohio", "Monday", "Dayton"),
        "Two": (350, "Texas", "Friday", "Austin"),
    }.items():
        text = (
            f"Plant news\n\nThe company employs {count} people at its plant in {state}, "
            f"a spokesman said.\n\nThe union will meet on {day} to discuss the plan for "
            f"the {town} workers.\n"
        )
        store.add_article(text, title=outlet, outlet=outlet)
    assert compare(store).discrepancies == []


def test_a_name_spelled_two_ways_is_still_one_subject(store: Store) -> None:
    for outlet, (name, count) in {"One": ("Dmitry", 12), "Two": ("Dmitri", 15)}.items():
        text = f"News\n\nKremlin spokesman {name} Peskov said {count} diplomats were expelled.\n"
        store.add_article(text, title=outlet, outlet=outlet)
    kinds = {d.kind: d.reason for d in compare(store).discrepancies}
    assert kinds["number"] == "One / Two: 12 vs 15"
    assert "name" in kinds


def test_a_name_spelled_with_and_without_an_umlaut_is_a_name_discrepancy(store: Store) -> None:
    for outlet, name in {"One": "Jürgen Müller", "Two": "Jürgen Muller"}.items():
        text = (
            f"Town news\n\nThe council met on Tuesday.\n\n“We will rebuild the old bridge "
            f"before the winter comes,” said {name}, the mayor.\n"
        )
        store.add_article(text, title=outlet, outlet=outlet)
    comparison = compare(store)
    (group,) = comparison.groups
    assert group.speaker == "Jürgen Müller"
    assert [d.kind for d in comparison.discrepancies] == ["name"]  # no other attribution
    assert comparison.discrepancies[0].reason == (
        "Jürgen Müller (One) / Jürgen Muller (Two): the name is spelled two ways"
    )


def test_a_word_with_an_accent_spelled_two_ways_in_one_sentence(store: Store) -> None:
    for outlet, name in {"One": "Ramírez", "Two": "Ramirez"}.items():
        text = (
            f"Bridge news\n\nThe engineering report by {name} found twelve faults in the "
            "bridge design last year.\n"
        )
        store.add_article(text, title=outlet, outlet=outlet)
    assert [d.reason for d in compare(store).discrepancies] == [
        "One / Two: spelled Ramírez vs Ramirez"
    ]
