"""What passages state that articles can disagree on (``store.facts``), and the
discrepancies ``compare`` lists from them: a quotation said somewhere else, a
narrated sentence with another number, day or venue, someone fired or resigned.
Small hand-written texts."""

from __future__ import annotations

from store import Store
from store.compare import facts
from store.compare.findings import Discrepancy
from store.db.comparing import compare
from store.formats.comparison import to_json


def add(store: Store, title: str, text: str) -> int:
    article_id, added = store.add_article(text, title=title, outlet=title)
    assert added
    return article_id


def of_kind(store: Store, kind: str) -> list[Discrepancy]:
    return [d for d in compare(store).discrepancies if d.kind == kind]


def exact(store: Store, discrepancy: Discrepancy) -> None:
    for side in discrepancy.each_side:
        for passage in side:
            text = store.article_text(passage.article_id)
            assert text[passage.start : passage.end] == passage.exact


# -- extractors ----------------------------------------------------------------------------


def test_numbers_in_digits_and_words_days_of_months_apart() -> None:
    text = "Two meetings on January 10, 2017, some 25 talks, 1,000 people, one of them, twice."
    assert facts.numbers(text) == {"2", "2017", "25", "1000"}
    assert facts.dates(text) == {"January 10"}


def test_dates_and_weekdays() -> None:
    assert facts.weekdays("late Wednesday, not Thursday morning") == {"Wednesday", "Thursday"}
    assert facts.dates("resigned Feb. 13, met in May, in July; you may go") == {
        "February 13",
        "May",
        "July",
    }
    assert facts.same_date(frozenset(["January"]), frozenset(["January 10"]))
    assert not facts.same_date(frozenset(["January 10"]), frozenset(["January 12"]))


def venue_keys(text: str) -> list[set[str]]:
    return [set(v.keys) for v in facts.venues(text)]


def test_venues_named_outlets_shows_and_channels() -> None:
    assert venue_keys("he told NBC News in exclusive remarks") == [{"nbc"}]
    assert venue_keys("During an interview with MSNBC Thursday, Sessions said") == [{"msnbc"}]
    assert venue_keys('Franken said on MSNBC\'s "Morning Joe" Thursday') == [
        {"msnbc", "morning joe"}
    ]
    assert venue_keys("Trump took to Twitter on Thursday night") == [{"twitter"}]
    assert venue_keys("she tweeted") == [{"twitter"}]
    assert venue_keys("releasing a statement saying he did not") == [{"statement"}]
    assert venue_keys("he said in a Facebook post") == [{"facebook"}]
    assert venue_keys("at a news conference Thursday afternoon") == [{"news conference"}]


def test_reporters_at_large_are_a_venue_that_fits_a_news_conference() -> None:
    (reporters,) = facts.venues("Trump told reporters he had confidence")
    assert reporters.keys == {"reporters"}
    (conference,) = facts.venues("at a news conference Thursday afternoon")
    (cnn,) = facts.venues("he told CNN")
    assert facts.compatible(reporters.keys, conference.keys)
    assert not facts.compatible(reporters.keys, cnn.keys)


def test_no_venue_in_days_or_pressure() -> None:
    for text in (
        "the pressure on Sessions grew on Thursday",
        "he met them on Capitol Hill",
        "that statement appears to be false",
    ):
        assert facts.venues(text) == [], text


def test_venues_sharing_a_key_may_be_one() -> None:
    nbc, nbc_news, msnbc = (
        facts.venues(t)[0].keys for t in ("told NBC", "told NBC News", "told MSNBC")
    )
    assert facts.compatible(nbc, nbc_news)
    assert not facts.compatible(nbc_news, msnbc)


def test_who_resigned_and_who_was_fired() -> None:
    people = {"Flynn": "Michael Flynn", "Comey": "James Comey", "Sessions": "Jeff Sessions"}
    text = (
        "It led to Flynn being fired last month. Michael Flynn, Trump's adviser, resigned in "
        "February. Trump fired Comey. Democrats said Sessions should be fired; they want "
        "Sessions to resign. Trump's adviser resigned."
    )
    found = [(a.person, a.how, a.shown) for a in facts.actions(text, people)]
    assert found == [
        ("flynn", facts.REMOVED, "Flynn being fired"),
        ("flynn", facts.LEFT, "Michael Flynn, Trump's adviser, resigned"),
        ("comey", facts.REMOVED, "fired Comey"),
    ]


# -- discrepancies -------------------------------------------------------------------------

SAID = "Jeff Sessions is an honest man and he did not say anything wrong"


def test_a_quotation_said_elsewhere_is_a_venue_discrepancy(store: Store) -> None:
    statement = add(
        store,
        "Paper",
        "President Donald Trump stood by Jeff Sessions, releasing a statement on Thursday.\n\n"
        f"“{SAID},” Trump said.\n",
    )
    twitter = add(store, "Wire", f"Donald Trump took to Twitter on Thursday, writing “{SAID}.”\n")
    quiet = add(store, "Radio", f"Donald Trump spoke.\n\n“{SAID},” Trump told reporters.\n")
    venue, told = of_kind(store, "venue")
    assert venue.reason.startswith("Paper / Wire: releasing a statement vs to Twitter, of “")
    assert [s.exact for s in venue.sides] == ["releasing a statement", "to Twitter"]
    assert {s.article_id for s in venue.sides} == {statement, twitter}
    assert quiet not in {s.article_id for side in venue.each_side for s in side}
    exact(store, venue)
    # Reporters at large are told things in a statement, never on Twitter.
    assert told.reason.startswith("Wire / Radio: to Twitter vs told reporters, of “")
    assert {s.article_id for s in told.sides} == {twitter, quiet}


def test_a_speaker_s_next_quotation_keeps_the_venue(store: Store) -> None:
    add(
        store,
        "Network",
        "Jeff Sessions denied it, he told NBC News in exclusive remarks.\n\n"
        "“I have not met with any Russians at any time,” he said.\n\n"
        "Sessions was also asked about recusing himself.\n\n"
        "“I have said whenever it is appropriate, I will recuse myself,” he said.\n",
    )
    add(
        store,
        "Cable",
        "During an interview with MSNBC on Thursday, Jeff Sessions said, “I have said "
        "whenever it is appropriate, I will recuse myself.”\n",
    )
    (venue,) = of_kind(store, "venue")
    assert "told NBC News vs interview with MSNBC" in venue.reason


def test_one_speaker_s_sentences_told_in_two_places_are_one_discrepancy(store: Store) -> None:
    said = (
        "Mayor Ann Lee spoke after the vote.\n\n"
        "“We will rebuild the bridge before the winter comes,” Lee {venue}.\n\n"
        "“Nobody in this town will be left without a road to work,” Lee {venue}.\n"
    )
    one = add(store, "One", said.format(venue="told reporters"))
    two = add(store, "Two", said.format(venue="told CNN"))
    (venue,) = of_kind(store, "venue")
    assert venue.reason == (
        "One / Two: told reporters vs told CNN, of “We will rebuild the bridge before the "
        "winter comes,” and 1 more"
    )
    assert [[s.exact for s in side] for side in venue.each_side] == [
        ["told reporters", "told reporters"],
        ["told CNN", "told CNN"],
    ]
    assert [{s.article_id for s in side} for side in venue.each_side] == [{one}, {two}]
    assert venue.sides == (venue.each_side[0][0], venue.each_side[1][0])
    exact(store, venue)


def test_compatible_venues_are_no_discrepancy(store: Store) -> None:
    add(store, "One", f"Jeff Sessions spoke.\n\n“{SAID},” Sessions told NBC.\n")
    add(store, "Two", f"Jeff Sessions spoke.\n\n“{SAID},” Sessions told NBC News on Monday.\n")
    assert of_kind(store, "venue") == []


REPORT = "The committee said {n} documents about the Russian ambassador were released on {day}"


def test_one_number_given_differently_is_one_discrepancy_listing_every_article(
    store: Store,
) -> None:
    usual = [
        add(store, f"Outlet {n}", f"Headline {n}\n\n{REPORT.format(n=12, day='Tuesday')}.\n")
        for n in range(4)
    ]
    odd = add(store, "Odd", f"Headline\n\n{REPORT.format(n=14, day='Tuesday')}.\n")
    (number,) = of_kind(store, "number")
    assert number.reason == "Outlet 0 and 3 more / Odd: 12 vs 14"
    assert [s.article_id for s in number.each_side[0]] == usual
    assert [s.article_id for s in number.each_side[1]] == [odd]
    exact(store, number)
    data = to_json(compare(store))
    (shown,) = [d for d in data["discrepancies"] if d["kind"] == "number"]
    assert [len(side) for side in shown["each_side"]] == [4, 1]
    assert shown["sides"] == [shown["each_side"][0][0], shown["each_side"][1][0]]


def test_deviations_are_set_beside_what_most_articles_say(store: Store) -> None:
    for n in range(3):
        add(store, f"Outlet {n}", f"Headline {n}\n\n{REPORT.format(n=12, day='Tuesday')}.\n")
    add(store, "Odd", f"Headline\n\n{REPORT.format(n=14, day='Tuesday')}.\n")
    add(store, "Odder", f"Headline\n\n{REPORT.format(n=15, day='Tuesday')}.\n")
    reasons = sorted(d.reason for d in of_kind(store, "number"))
    assert reasons == [
        "Outlet 0 and 2 more / Odd: 12 vs 14",
        "Outlet 0 and 2 more / Odder: 12 vs 15",
    ]


def test_another_weekday_is_a_date_discrepancy(store: Store) -> None:
    add(store, "One", f"Headline\n\n{REPORT.format(n=12, day='Tuesday')}.\n")
    add(store, "Two", f"Headline\n\n{REPORT.format(n=12, day='Wednesday')}.\n")
    (date,) = of_kind(store, "date")
    assert date.reason == "One / Two: Tuesday vs Wednesday"
    assert of_kind(store, "name") == []  # Tuesday / Thursday is no spelling


def test_unrelated_sentences_are_not_compared(store: Store) -> None:
    add(store, "One", f"Headline\n\n{REPORT.format(n=12, day='Tuesday')}.\n")
    add(store, "Two", "Headline\n\nThe senator met 14 officials from the campaign on Wednesday.\n")
    assert [d for d in compare(store).discrepancies if d.kind in ("number", "date")] == []


def test_fired_in_one_article_resigned_in_another(store: Store) -> None:
    fired = add(
        store,
        "Station",
        "Meetings with former adviser Mike Flynn led to Flynn being fired last month.\n",
    )
    resigned = add(
        store,
        "Network",
        "Retired Lt. Gen. Michael Flynn, Trump's national security adviser, resigned Feb. 13.\n",
    )
    add(store, "Blog", "Democrats said Mike Flynn should be fired, and Flynn was not.\n")
    (action,) = of_kind(store, "action")
    assert action.reason == "Station: Flynn was fired; Network: Flynn resigned"
    assert [s.article_id for s in action.sides] == [fired, resigned]
    exact(store, action)


def test_a_name_spelled_two_ways_is_one_discrepancy(store: Store) -> None:
    for n in range(3):
        add(store, f"Outlet {n}", f"Kremlin spokesman Dmitry Peskov spoke to outlet {'abc'[n]}.\n")
    add(store, "Odd", "Kremlin spokesman Dmitri Peskov spoke.\n")
    (name,) = of_kind(store, "name")
    assert name.reason == (
        "Dmitry Peskov (Outlet 0 and 2 more) / Dmitri Peskov (Odd): the name is spelled two ways"
    )
    exact(store, name)


def test_a_show_named_in_quotation_marks_is_a_venue_not_a_quotation(store: Store) -> None:
    add(store, "One", f"Jeff Sessions spoke.\n\n“{SAID},” Sessions said on “Meet the Press.”\n")
    add(store, "Two", f"Jeff Sessions spoke.\n\n“{SAID},” Sessions told Fox News.\n")
    (venue,) = of_kind(store, "venue")
    assert "on “Meet the Press" in venue.reason and "told Fox News" in venue.reason
    assert facts.unquoted('he objected to "fake news" on "Meet the Press"') == (
        'he objected to "         " on "Meet the Press"'
    )


def test_a_venue_on_the_next_line_is_another_quotation_s(store: Store) -> None:
    add(
        store,
        "One",
        "During a visit Thursday, Jeff Sessions said, “I will recuse myself when it is "
        "appropriate.”\nWhite House Press Secretary Sean Spicer told Fox News, “There is "
        "nothing to recuse himself from.”\n",
    )
    add(
        store,
        "Two",
        "“I will recuse myself when it is appropriate,” Jeff Sessions told NBC News.\n",
    )
    assert of_kind(store, "venue") == []


def test_reasons_quote_the_changed_words_as_the_passage_writes_them() -> None:
    from store.compare.detectors.quote_wording import as_written as _as_written

    assert _as_written("senator franken", "Senator Franken, I'm not aware") == "Senator Franken"
    assert _as_written("it'd", "I think it’d be easier") == "it’d"
    assert _as_written("that when", "I have said that, when it's") == "that, when"
    assert _as_written("and i am unable", "and I'm unable") == "and I am unable"
    assert _as_written("", "anything") == ""
