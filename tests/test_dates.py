"""Dates: TIMEX3 values, resolution against the publication date, modifiers, and what is not a date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from factx.dates import extract_dates, find_published
from factx.records import Date

PUB = "2025-08-24"  # a Sunday


def _dates(parse, text: str, published: str | None = PUB) -> list[Date]:
    return extract_dates(parse(text), published)


def _by_text(parse, text: str, published: str | None = PUB) -> dict[str, Date]:
    return {d.text: d for d in _dates(parse, text, published)}


def _date_of(parse, sentence: str, text: str) -> Date:
    """The date written as ``text`` in ``sentence``; fails, listing what was found, if there is none."""
    found = _by_text(parse, sentence)
    assert text in found, list(found)
    return found[text]


# -- the seed article ----------------------------------------------------------------------------

def test_seed_dates_match_gold(seed_doc, seed_gold):
    found = extract_dates(seed_doc, seed_gold["published"])
    pairs = {(d.text, d.value) for d in found}
    for item in seed_gold["dates"]:
        if item.get("optional"):
            continue
        assert (item["text"], item["value"]) in pairs, item


def test_seed_modifiers_and_anchors(seed_doc):
    found = {d.text: d for d in extract_dates(seed_doc, PUB)}
    assert found["early Sunday"].mod == "START"
    assert found["over two years"].mod == "MORE_THAN"
    assert found["over two years"].type == "duration"
    assert found["last fall"].anchor == "published"
    assert found["2014"].anchor == "none"


def test_seed_money_and_rates_are_not_dates(seed_doc):
    texts = [d.text for d in extract_dates(seed_doc, PUB)]
    assert not any("$" in t or "22" in t or "1,000" in t or "500" in t for t in texts)


def test_records_are_well_formed(seed_doc):
    found = extract_dates(seed_doc, PUB)
    assert [d.id for d in found] == [f"d{i}" for i in range(1, len(found) + 1)]
    assert [d.start for d in found] == sorted(d.start for d in found)
    for d in found:
        assert seed_doc.text[d.start:d.end] == d.text
        assert d.type in ("date", "time", "duration", "set")
        assert d.anchor in ("published", "previous", "none")


def test_deterministic(seed_doc):
    assert extract_dates(seed_doc, PUB) == extract_dates(seed_doc, PUB)


# -- values resolved against the publication date (Sunday 2025-08-24) ----------------------------

@pytest.mark.parametrize("sentence, text, value, type_, mod", [
    ("The minister resigned yesterday after a long row.", "yesterday", "2025-08-23", "date", None),
    ("The council voted on Tuesday to close the library.", "Tuesday", "2025-08-19", "date", None),
    ("The council will vote on Tuesday on the library.", "Tuesday", "2025-08-26", "date", None),
    ("Talks collapsed last week, officials said.", "last week", "2025-W33", "date", None),
    ("The bank will publish its figures next month.", "next month", "2025-09", "date", None),
    ("The plant closed two years ago.", "two years ago", "2023", "date", None),
    ("Prices rose sharply earlier this month.", "earlier this month", "2025-08", "date", None),
    ("The bridge reopened last fall after repairs.", "last fall", "2024-FA", "date", None),
    ("The station will reopen in late 2026.", "late 2026", "2026", "date", "END"),
    ("The strike ended in early June.", "early June", "2025-06", "date", "START"),
    ("Losses mounted in the first quarter of 2005.", "the first quarter of 2005", "2005-Q1", "date", None),
    ("Fighting has lasted more than three years.", "more than three years", "P3Y", "duration", "MORE_THAN"),
    ("The repairs took about a year.", "about a year", "P1Y", "duration", "APPROX"),
    ("The surgery lasted five hours.", "five hours", "PT5H", "duration", None),
    ("Inflation was highest in the 1970s.", "the 1970s", "197X", "date", None),
    ("The ferry sails daily from the harbour.", "daily", "P1D", "set", None),
    ("The board meets every month in the town hall.", "every month", "P1M", "set", None),
    ("The club signs 15 players a year.", "a year", "P1Y", "set", None),
    ("Rents are currently at a record high.", "currently", "PRESENT_REF", "date", None),
    ("The law was changed recently.", "recently", "PAST_REF", "date", None),
    ("The mayor arrived at 9 a.m. on Friday.", "9 a.m. on Friday", "2025-08-22T09:00", "time", None),
    ("Voters went to the polls on Sunday morning.", "Sunday morning", "2025-08-24TMO", "time", None),
    ("The treaty was signed on 14 March 1998 in Rome.", "14 March 1998", "1998-03-14", "date", None),
    ("The firm was founded in November 2006.", "November 2006", "2006-11", "date", None),
    ("Sales slumped in the spring of 2009.", "the spring of 2009", "2009-SP", "date", None),
])
def test_values(parse, sentence, text, value, type_, mod):
    found = _by_text(parse, sentence)
    assert text in found, [d.text for d in found.values()]
    d = found[text]
    assert (d.value, d.type, d.mod) == (value, type_, mod)


def test_following_day_is_relative_to_the_previous_date(parse):
    found = _by_text(parse, "The talks began on March 3. The following day, the envoy left Geneva.")
    assert found["March 3"].value == "2025-03-03"
    assert found["The following day"].value == "2025-03-04"
    assert found["The following day"].anchor == "previous"


def test_ranges_are_separate_dates(parse):
    values = [d.value for d in _dates(parse, "Output rose from 2014 to 2016 and fell between March and May.")]
    assert values == ["2014", "2016", "2025-03", "2025-05"]


def test_number_ranges_give_both_durations(parse):
    values = [d.value for d in _dates(parse, "The process would take between 60 and 90 days, he said.")]
    assert values == ["P60D", "P90D"]


# -- without a publication date: underspecified, never guessed ----------------------------------

@pytest.mark.parametrize("sentence, text, value", [
    ("The council voted on Tuesday to close the library.", "Tuesday", "XXXX-WXX-2"),
    ("The minister resigned yesterday.", "yesterday", "XXXX-XX-XX"),
    ("The bridge reopened last fall.", "last fall", "XXXX-FA"),
    ("Profits fell last year.", "last year", "XXXX"),
    ("The bank will publish its figures next month.", "next month", "XXXX-XX"),
    ("The strike began on 28 December.", "28 December", "XXXX-12-28"),
    ("The treaty was signed on 14 March 1998.", "14 March 1998", "1998-03-14"),
])
def test_without_published(parse, sentence, text, value):
    found = _by_text(parse, sentence, published=None)
    assert found[text].value == value
    assert found[text].anchor == "none"


# -- not dates ------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The firm paid $22 to each of the 500 people who applied.",
    "Casualties are around 500 per day, the army said.",
    "Theresa May said prices may rise again.",
    "The 62-year-old mayor was re-elected.",
    "About 2000 people marched through the city centre.",
    "Shares rose 2.5% to 1,950 pence.",
    "The Sunday Times reported the story first.",
    "Britain's Today programme interviewed the minister.",
    "She is now in her 50s and lives in Leeds.",
    "The index hit a high in the first quarter of the match.",
    "He told ITV1's This Morning that the show would return.",
    "Children queued to meet Father Christmas at the store.",
    "He said that May was a capable leader.",
])
def test_not_dates(parse, sentence):
    found = [(d.text, d.value) for d in _dates(parse, sentence)]
    assert all(text.lower() not in ("22", "500", "may", "2000", "1,950", "sunday", "today", "50s", "62-year",
                                    "this morning", "christmas") for text, _ in found), found
    assert not any(v.startswith(("P62", "195")) for _, v in found), found


def test_nothing_in_plain_numbers(parse):
    assert _dates(parse, "The vote was 312 to 281, with 1,200 abstentions and 45 absent.") == []


# -- robustness -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "   ", "\n\n", "12/45/2019 99:99 31 February 2020", "$$$ 2020 % 2021 ' '' \"",
                                  "May May May May", "1999-02-30"])
def test_odd_input_never_raises(parse, text):
    for d in extract_dates(parse(text), PUB):
        assert text[d.start:d.end] == d.text


def test_bad_published_value_is_ignored(parse):
    found = extract_dates(parse("He resigned yesterday."), "not-a-date")
    assert [d.value for d in found] == ["XXXX-XX-XX"]


# -- publication date from a dateline ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Minister resigns\n\nMarch 01, 2008\n\nThe minister resigned on Friday.", "2008-03-01"),
    ("Tuesday 14 December 2004\nThe council met.", "2004-12-14"),
    ("LISBON, March 22, 2008 (Reuters) - The government said it would act.", "2008-03-22"),
    ("Published: 2019-03-12 10:31 GMT\nThe report said.", "2019-03-12"),
    ("LISBON, March 22 (Reuters) - The government said it would act.", None),
    ("Storm hits coast\nThe storm hit on March 3, 2019 and flooded homes.", None),
    ("A title\n\nA first line.\nA second line.\nA third line.\nMarch 1, 2008", None),
    ("", None),
])
def test_find_published(text, expected):
    assert find_published(text) == expected


@pytest.mark.parametrize("sentence, text, value, anchor", [
    ("The rally took place this past weekend in Ohio.", "this past weekend", "2025-W33-WE", "published"),
    ("Profits reached $2bn in the third quarter of 2024, up from $1.5bn a year earlier.", "a year earlier", "2023-Q3",
     "previous"),
    ("At 16:15 GMT, 3 June, the chief executive spoke to reporters.", "16:15 GMT", "2025-06-03T16:15Z", "published"),
    ("Prices fell sharply earlier in the year.", "earlier in the year", "2025", "published"),
    ("The council met on 3 March 2024. That same day, the mayor resigned.", "That same day", "2024-03-03", "previous"),
])
def test_anchored_expressions(parse, sentence, text, value, anchor):
    found = _by_text(parse, sentence)
    assert text in found, [d.text for d in found.values()]
    assert (found[text].value, found[text].anchor) == (value, anchor)


def test_names_that_contain_date_words_are_not_dates(parse):
    found = [d.text for d in _dates(parse, "England coach Mike Friday said the Daily Telegraph got it wrong.")]
    assert "Friday" not in found and "Daily" not in found


@pytest.mark.parametrize("sentence,text,value", [
    ("Output fell in the last three months of 2004.", "the last three months of 2004", "2004-Q4"),
    ("Profits rose in the first six months of 2005.", "the first six months of 2005", "2005-H1"),
    ("Sales rose in the first three months of the year.", "the first three months of the year", "2025-Q1"),
])
def test_months_of_a_year_are_its_quarter_or_half(parse, sentence, text, value):
    date = _date_of(parse, sentence, text)
    assert (date.value, date.type) == (value, "date")


def test_three_quarters_of_an_amount_is_no_duration(parse):
    assert _dates(parse, "Three-quarters of a billion dollars was raised for the fund.") == []


@pytest.mark.parametrize("sentence,text,value", [
    ("The summit, which begins on Friday, will discuss trade.", "Friday", "2025-08-29"),
    ("Tom Reed is to present the award on Tuesday.", "Tuesday", "2025-08-26"),
    ("After Saturday's defeat, the team travel to Leeds.", "Saturday", "2025-08-23"),
    ("The team lost heavily on Saturday.", "Saturday", "2025-08-23"),
])
def test_weekdays_of_scheduled_events_are_to_come(parse, sentence, text, value):
    assert _date_of(parse, sentence, text).value == value


def test_a_gap_between_events_is_not_a_rate(parse):
    assert "a day" not in _by_text(parse, "He announced his plans a day after launching his new party.")
    assert _date_of(parse, "He smokes twenty cigarettes a day.", "a day").type == "set"


def test_a_possessive_year_leaves_out_the_s(parse):
    date = _date_of(parse, "The band played songs from 1987's album on Friday.", "1987")
    assert date.value == "1987"


PUB_2005 = "2005-03-01"


@pytest.mark.parametrize("sentence,text,value", [
    ("A few weeks ago the firm said sales were rising.", "A few weeks ago", "PAST_REF"),
    ("Teachers will join a strike already earmarked for 23 March.", "23 March", "2005-03-23"),
    ("Teachers joined a strike on 23 March.", "23 March", "2004-03-23"),
    ("She finished in two hours 18 minutes 15 seconds.", "two hours 18 minutes 15 seconds", "PT2H18M15S"),
    ("The loan runs for two years and six months.", "two years and six months", "P2Y6M"),
    ("Talks lasted two weeks and three days.", "two weeks and three days", "P17D"),
])
def test_vague_past_planned_dates_and_durations_in_several_units(parse, sentence, text, value):
    found = _by_text(parse, sentence, PUB_2005)
    assert text in found, list(found)
    assert found[text].value == value


def test_as_soon_as_is_a_condition_not_a_time(parse):
    assert _dates(parse, "The union wants talks as soon as possible.", PUB_2005) == []


@pytest.mark.parametrize("text,value", [
    ("Sales rose in January. The pay-day boost later in the month did not help.", "2005-01"),
    ("Profits fell in 2003. Later in the year the firm will cut jobs.", "2005"),
])
def test_later_in_the_month_is_the_storys_month_unless_it_is_still_to_come(parse, text, value):
    (found,) = [d for d in _dates(parse, text, PUB_2005) if d.text.lower().startswith("later in the")]
    assert found.value == value


@pytest.mark.parametrize("sentence,value", [
    ("Wales were named for Saturday's Six Nations clash with Italy.", "2005-03-05"),
    ("After Saturday's game, Ireland face France.", "2005-02-26"),
])
def test_the_preposition_before_a_possessive_weekday_tells_if_it_is_over(parse, sentence, value):
    assert _by_text(parse, sentence, PUB_2005)["Saturday"].value == value


# -- audit 14: story time, vague amounts, anchored granularity, compounds --------------------------

def _value_at(parse, sentence: str, text: str, published: str = PUB) -> Date:
    found = _by_text(parse, sentence, published)
    assert text in found, list(found)
    return found[text]


@pytest.mark.parametrize("sentence, text", [
    ("Security at the border has been tight since the 11 September attacks.", "the 11 September"),
    ("Relatives gathered to remember the victims of the 7 July bombings.", "the 7 July"),
    ("The 3 March massacre shocked the whole country.", "The 3 March"),
    ("Nobody has forgotten the 14 February terror attacks on the capital.", "the 14 February"),
])
def test_a_day_month_naming_an_event_keeps_its_year_unknown(parse, sentence, text):
    d = _value_at(parse, sentence, text)
    day_month = d.value[-5:]
    assert d.value == f"XXXX-{day_month}" and d.anchor == "none", d


@pytest.mark.parametrize("sentence, text, value", [
    ("Airport checks have been stricter since the 9/11 attacks.", "9/11", "XXXX-09-11"),
    ("The 3/11 bombings in the capital killed many commuters.", "3/11", "XXXX-03-11"),
])
def test_a_slashed_day_naming_an_event(parse, sentence, text, value):
    assert _value_at(parse, sentence, text).value == value


@pytest.mark.parametrize("sentence", [
    "The team won 9/11 of its away games.",
    "Critics gave the show 4/5 and praised the cast.",
])
def test_a_slashed_pair_alone_is_no_date(parse, sentence):
    assert _dates(parse, sentence) == []


def test_a_time_after_an_event_name_is_not_anchored_to_it(parse):
    d = _value_at(parse, "The 7 July bombings hit three trains, and the next bulletin comes at 2200 GMT.", "2200 GMT")
    assert not d.value.startswith(("XXXX-07-07", "2025-07-07")), d


@pytest.mark.parametrize("sentence, text, value", [
    ("The 30 September deadline will not be extended.", "The 30 September", "2025-09-30"),
    ("Voters went to the polls in the 20 August election.", "the 20 August", "2025-08-20"),
])
def test_a_day_month_before_an_ordinary_noun_still_resolves(parse, sentence, text, value):
    assert _value_at(parse, sentence, text).value == value


@pytest.mark.parametrize("sentence, text", [
    ("The singer quit the group a couple of weeks ago.", "a couple of weeks ago"),
    ("Doctors found the leak a couple of days ago.", "a couple of days ago"),
    ("The shop opened its doors a handful of years ago.", "a handful of years ago"),
])
def test_a_vague_amount_ago_is_past_ref(parse, sentence, text):
    assert _value_at(parse, sentence, text).value == "PAST_REF"


@pytest.mark.parametrize("sentence, text, value", [
    ("This year's regatta will be held on 20 August.", "20 August", "2025-08-20"),
    ("This year's trade show will be held in July in Berlin.", "July", "2025-07"),
    ("This year's conference, which takes place on 12 January, is already sold out.", "12 January", "2025-01-12"),
    ("Last year's festival was held on 20 August in a muddy field.", "20 August", "2024-08-20"),
    ("In this year's race, which starts on 12 January, six riders will compete.", "12 January", "2025-01-12"),
    ("The final will be played on 2 March next year.", "2 March next year", "2026-03-02"),
    ("The treaty was signed on 5 September last year.", "5 September last year", "2024-09-05"),
])
def test_this_years_event_takes_the_published_year(parse, sentence, text, value):
    assert _value_at(parse, sentence, text).value == value


@pytest.mark.parametrize("sentence, text, value", [
    ("The champion will defend last year's title on 30 August.", "30 August", "2025-08-30"),
    ("Sales fell last year, and the firm will report its results on 30 August.", "30 August", "2025-08-30"),
    ("Profits for last year, which the firm will publish on 3 September, rose sharply.", "3 September", "2025-09-03"),
    ("Last year's winner will return to the course on 30 August.", "30 August", "2025-08-30"),
])
def test_last_year_elsewhere_in_the_sentence_does_not_move_the_date(parse, sentence, text, value):
    assert _value_at(parse, sentence, text).value == value


@pytest.mark.parametrize("sentence, text, value", [
    ("Profits in the last three months of 2024 rose 5% on a year earlier.", "a year earlier", "2023-Q4"),
    ("Sales in March 2025 were up 3% from a year earlier.", "a year earlier", "2024-03"),
    ("The plant closed in 2019 and reopened two years later.", "two years later", "2021"),
])
def test_a_year_earlier_keeps_the_anchors_granularity(parse, sentence, text, value):
    assert _value_at(parse, sentence, text).value == value


@pytest.mark.parametrize("sentence", [
    "Fans expect a tough game in that quarter-final against Spain.",
    "The winner of the next quarter-final meets the holders.",
])
def test_a_quarter_final_is_no_quarter(parse, sentence):
    assert not any("quarter" in d.text for d in _dates(parse, sentence))


@pytest.mark.parametrize("sentence, text, value", [
    ("The coach has brought the winger back into the side to face Wales on Saturday.", "Saturday", "2025-08-30"),
    ("The minister flew to Paris to meet his counterpart on Friday.", "Friday", "2025-08-22"),
])
def test_a_purpose_infinitive_after_a_perfect_points_forward(parse, sentence, text, value):
    assert _value_at(parse, sentence, text).value == value


@pytest.mark.parametrize("sentence", [
    "The band released a Christmas album to mixed reviews.",
    "Virus writers sent the worm as an electronic Christmas card.",
])
def test_a_holiday_naming_a_kind_of_thing_is_no_date(parse, sentence):
    assert [d.text for d in _dates(parse, sentence)] == []


def test_a_holiday_naming_a_time_is_a_date(parse):
    assert [d.text for d in _dates(parse, "Sales over the Christmas period were strong.")] == ["Christmas"]


def test_in_so_many_weeks_time_is_a_date_after_publication(parse):
    d = _date_of(parse, "The results will be known in two weeks' time.", "two weeks' time")
    assert (d.type, d.anchor) == ("date", "published")
    assert d.value == (date.fromisoformat(PUB) + timedelta(weeks=2)).isoformat()


def test_two_or_three_years_ago_is_one_date(parse):
    assert [d.text for d in _dates(parse, "The shop opened two or three years ago.")] == ["three years ago"]


def test_two_years_joined_before_a_plural_noun_are_both_years(parse):
    text = "He was the leader's right-hand man at the 1997 and 2001 elections."
    assert [d.value for d in _dates(parse, text)] == ["1997", "2001"]


# -- audit 20: upcoming events, periods of the story's year, "some quarters", modifiers -------------

@pytest.mark.parametrize("sentence, text, value", [
    ("The studio is refusing to show the trailer ahead of the film's premiere on Friday.", "Friday", "2005-03-04"),
    ("The museum has no plans to shut the gallery ahead of its scheduled reopening on Thursday.", "Thursday",
     "2005-03-03"),
    ("A further cut is likely at the next meeting in early February.", "early February", "2006-02"),
    ("Dealers see a second increase at the next meeting in early February.", "early February", "2006-02"),
    ("The referendum, widely expected to be held on 12 May, looks close.", "12 May", "2005-05-12"),
])
def test_an_event_still_to_come_is_placed_after_publication(parse, sentence, text, value):
    assert _value_at(parse, sentence, text, PUB_2005).value == value


@pytest.mark.parametrize("sentence, text, value", [
    ("The studio pulled the trailer ahead of the film's premiere on Friday.", "Friday", "2005-02-25"),
    ("The bank cut rates at its next meeting in early February.", "early February", "2005-02"),
    ("The referendum was held on 12 May.", "12 May", "2004-05-12"),
    ("Firms created more jobs than expected in October.", "October", "2004-10"),
])
def test_a_past_report_of_a_past_event_stays_in_the_past(parse, sentence, text, value):
    assert _value_at(parse, sentence, text, PUB_2005).value == value


@pytest.mark.parametrize("sentence, text, value", [
    ("The euro climbed on Tuesday before easing slightly on Wednesday.", "Wednesday", "2005-03-02"),
    ("On Monday the minister will visit Cardiff. On Tuesday she will open a school in Swansea.", "Tuesday",
     "2005-03-08"),
    ("The plant is to close on Monday and then on Tuesday.", "Tuesday", "2005-03-08"),
])
def test_a_weekday_that_follows_another_in_the_story_does_not_land_before_it(parse, sentence, text, value):
    assert _value_at(parse, sentence, text, PUB_2005).value == value


def test_a_weekday_after_another_joined_by_after_keeps_its_own_date(parse):
    found = _by_text(parse, "The striker scored on Saturday after missing training on Thursday.", PUB_2005)
    assert (found["Saturday"].value, found["Thursday"].value) == ("2005-02-26", "2005-02-24")


@pytest.mark.parametrize("sentence, text, value", [
    ("Exports grew 2.1% in 2004 but slowed in the last three months of the year.",
     "the last three months of the year", "2004-Q4"),
    ("Output rose 3% in 2004, with most of the gain in the second half of the year.",
     "the second half of the year", "2004-H2"),
    ("The retailer has reported a jump in fourth quarter profits.", "fourth quarter", "2004-Q4"),
    ("A weak fourth quarter points to slower growth.", "fourth quarter", "2004-Q4"),
    ("Household spending is up just 0.3% in the third quarter, the figures show.", "the third quarter", "2004-Q3"),
    ("The airline saw its fourth-quarter 2004 profits fall.", "fourth-quarter 2004", "2004-Q4"),
])
def test_a_period_named_without_its_year_takes_the_storys_year(parse, sentence, text, value):
    assert _value_at(parse, sentence, text, PUB_2005).value == value


@pytest.mark.parametrize("sentence, text, value, published", [
    ("Profits could recover in the fourth quarter.", "the fourth quarter", "2005-Q4", PUB_2005),
    ("The carmaker will close two plants in the third quarter.", "the third quarter", "2005-Q3", PUB_2005),
    ("The carmaker has announced deep cuts, resulting in closures during the fourth quarter.", "the fourth quarter",
     "2006-Q4", "2006-08-19"),
    ("Sales rose in the first three months of the year.", "the first three months of the year", "2005-Q1",
     PUB_2005),
    ("Analysts see a rate rise, predicted some time in the second half of the year.",
     "the second half of the year", "2005-H2", PUB_2005),
])
def test_a_period_to_come_stays_in_the_published_year(parse, sentence, text, value, published):
    assert _value_at(parse, sentence, text, published).value == value


@pytest.mark.parametrize("sentence", [
    "The decision was seen in some quarters as a climbdown.",
    "The plan drew criticism from many quarters.",
])
def test_quarters_meaning_people_are_no_time(parse, sentence):
    assert [d.text for d in _dates(parse, sentence, PUB_2005)] == []


def test_several_quarters_is_still_a_duration(parse):
    assert _value_at(parse, "Profits have fallen for several quarters.", "several quarters", PUB_2005).value == "PXQ"


@pytest.mark.parametrize("sentence, text, value, mod", [
    ("The winger hopes to be fit very early in April.", "very early in April", "2005-04", "START"),
    ("The plant will reopen early in 2006.", "early in 2006", "2006", "START"),
    ("The talks may resume late in May.", "late in May", "2005-05", "END"),
    ("The firm warned earlier in January that sales were weak.", "earlier in January", "2005-01", None),
    ("The minister is due to publish the plan later in March.", "later in March", "2005-03", None),
])
def test_early_in_and_earlier_in(parse, sentence, text, value, mod):
    d = _value_at(parse, sentence, text, PUB_2005)
    assert (d.value, d.mod) == (value, mod)


@pytest.mark.parametrize("sentence, text, value", [
    ("Officials said the (April to June) quarter of this year would be hardest.",
     "the (April to June) quarter of this year", "2005-Q2"),
    ("Sales in the July-September quarter of 2004 fell.", "the July-September quarter of 2004", "2004-Q3"),
])
def test_a_quarter_named_by_its_months_is_one_period(parse, sentence, text, value):
    assert _value_at(parse, sentence, text, PUB_2005).value == value


def test_months_that_do_not_bound_a_quarter_stay_separate(parse):
    found = [d.text for d in _dates(parse, "Sales in the (February to April) quarter rose.", PUB_2005)]
    assert found == ["February", "April"]


@pytest.mark.parametrize("sentence, text, value, anchor", [
    ("Rents in the final quarter of 2003 were 0.2% higher than in the previous quarter.", "the previous quarter",
     "2003-Q3", "previous"),
    ("Turnover rose in the third quarter of 2002. During the same quarter, its rival lost money.", "the same quarter",
     "2002-Q3", "previous"),
    ("Growth slowed in the previous quarter.", "the previous quarter", "2004-Q4", "published"),
])
def test_the_previous_or_same_quarter_follows_the_quarter_the_story_named(parse, sentence, text, value, anchor):
    d = _value_at(parse, sentence, text, PUB_2005)
    assert (d.value, d.anchor) == (value, anchor)


@pytest.mark.parametrize("sentence, text, value", [
    ("Mr Hale is meeting the board on Thursday, their third talks since the takeover approach in December.",
     "December", "2004-12"),
    ("Gloomy reports about Christmas trading are worrying the markets.", "Christmas", "2004-12-25"),
    ("Its December sales are expected to beat forecasts.", "December", "2004-12"),
])
def test_a_date_that_describes_a_noun_does_not_follow_a_progressive_or_a_forecast(parse, sentence, text, value):
    assert _value_at(parse, sentence, text, PUB_2005).value == value


@pytest.mark.parametrize("sentence, text, value", [
    ("A ruling from the judge is expected in January.", "January", "2006-01"),
    ("The next court hearing is expected on 6 January.", "6 January", "2006-01-06"),
    ("The play was due to be staged on 30 January.", "30 January", "2005-01-30"),
])
def test_a_forecast_in_the_present_points_forward_one_in_the_past_does_not(parse, sentence, text, value):
    assert _value_at(parse, sentence, text, PUB_2005).value == value


def test_a_quarter_named_by_hyphenated_months(parse):
    d = _value_at(parse, "Profits fell in the October-to-December quarter.", "the October-to-December quarter",
                  PUB_2005)
    assert d.value == "2004-Q4"


def test_a_written_year_with_a_modifier_still_anchors_a_year_later(parse):
    found = _by_text(parse, "The couple married early in 2001. A year later, they moved to Leeds.", PUB_2005)
    assert (found["early in 2001"].mod, found["A year later"].value) == ("START", "2002")


@pytest.mark.parametrize("sentence, dates", [
    ("The team will play Israel on 4-6 March.", [("4", "2026-03-04"), ("6 March", "2026-03-06")]),
    ("The festival runs from 9 to 10 September.", [("9", "2025-09-09"), ("10 September", "2025-09-10")]),
    ("The talks take place on 4 and 5 September.", [("4", "2025-09-04"), ("5 September", "2025-09-05")]),
    ("Output grew by 4 to 6 September.", [("6 September", "2024-09-06")]),
])
def test_a_first_day_written_without_its_month_is_a_date_of_that_month(parse, sentence, dates):
    found = extract_dates(parse(sentence), "2025-08-24")
    assert [(d.text, d.value) for d in found] == dates


# -- audit 26: generic "today", names, a start still to come, holidays with a year ------------------------

@pytest.mark.parametrize("sentence, text, value", [
    ("Shopping looks very different today than it did 20 years ago.", "today", "PRESENT_REF"),
    ("Those lessons still matter to the engineers of today.", "today", "PRESENT_REF"),
    ("These prototypes are the cars of tomorrow.", "tomorrow", "FUTURE_REF"),
])
def test_today_of_an_age_is_a_reference_not_a_day(parse, sentence, text, value):
    d = _value_at(parse, sentence, text, PUB_2005)
    assert (d.value, d.anchor) == (value, "none")
    assert _value_at(parse, "Shares in the bank fell 3% today.", "today", PUB_2005).value == "2005-03-01"
    assert _value_at(parse, "The minister will visit the plant tomorrow.", "tomorrow", PUB_2005).value == "2005-03-02"
    assert _value_at(parse, "The mayor called the vote of today a turning point.", "today", PUB_2005).value \
        == "2005-03-01"
    assert _value_at(parse, "Today was the anniversary of the flood that struck 50 years ago.", "Today",
                     PUB_2005).value == "2005-03-01"


@pytest.mark.parametrize("sentence", [
    "The actor starred in Suddenly Last Summer at the Lyric.",
    "Critics loved the film Until Next Week when it opened.",
])
def test_a_capitalised_relative_date_inside_a_sentence_is_part_of_a_name(parse, sentence):
    assert _dates(parse, sentence, PUB_2005) == []
    assert _value_at(parse, "Last summer was the wettest on record.", "Last summer", PUB_2005).value == "2004-SU"


@pytest.mark.parametrize("sentence, text, value", [
    ("The spending plan for the year beginning 1 October is built on strong growth.", "1 October", "2005-10-01"),
    ("The plan covers the season starting 15 October.", "15 October", "2005-10-15"),
    ("Money for the fiscal year beginning 1 November is tight.", "1 November", "2005-11-01"),
])
def test_a_period_starting_takes_the_future_unless_its_clause_is_past(parse, sentence, text, value):
    assert _value_at(parse, sentence, text, PUB_2005).value == value
    assert _value_at(parse, "Protesters marching on Sunday were arrested by police.", "Sunday",
                     PUB_2005).value == "2005-02-27"


@pytest.mark.parametrize("sentence, text, value", [
    ("Sales over Christmas 2004 were the weakest the chain had seen.", "Christmas 2004", "2004-12-25"),
    ("The soap's biggest audience came at Christmas 1986.", "Christmas 1986", "1986-12-25"),
])
def test_a_holiday_with_its_year_is_one_date(parse, sentence, text, value):
    found = _dates(parse, sentence, PUB_2005)
    assert [(d.text, d.value) for d in found] == [(text, value)]


def test_in_years_time_without_the_apostrophe(parse):
    d = _value_at(parse, "In ten years time the town will look different.", "ten years time", PUB_2005)
    assert d.value == "2015"
    assert [d.type for d in _dates(parse, "A five-year time limit applies.", PUB_2005)] == ["duration"]


@pytest.mark.parametrize("sentence, text, value", [
    ("The MP said the minister should make a statement on Thursday.", "Thursday", "2005-03-03"),
    ("Nomination papers can be handed in on Friday.", "Friday", "2005-03-04"),
    ("Bids must reach the council by Monday.", "Monday", "2005-03-07"),
])
def test_a_modal_of_duty_or_ability_points_forward(parse, sentence, text, value):
    assert _value_at(parse, sentence, text, PUB_2005).value == value
    assert _value_at(parse, "The team could have won on Saturday.", "Saturday", PUB_2005).value == "2005-02-26"


def test_a_possessive_month_after_since_is_over(parse):
    d = _value_at(parse, "Turnout has been a worry since May's election.", "May", PUB_2005)
    assert d.value == "2004-05"
    assert _value_at(parse, "Fans are looking forward to November's final.", "November", PUB_2005).value == "2005-11"


# -- audit 32 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, text, value", [
    ("The league ends with away games against Leeds on 9 September and Hull on 14 October.", "9 September",
     "2005-09-09"),
    ("The festival opens on 2 September, the organisers say.", "2 September", "2005-09-02"),
    ("The two unions will begin talks about cutting hours in January.", "January", "2006-01"),
])
def test_a_day_in_the_present_and_a_month_under_a_gerund_of_a_future_verb_lie_ahead(parse, sentence, text, value):
    assert _value_at(parse, sentence, text, PUB_2005).value == value


def test_days_and_months_that_bound_a_period_or_hang_on_a_past_act_stay_behind(parse):
    assert _value_at(parse, "Retail sales in January are up 4%.", "January", PUB_2005).value == "2005-01"
    assert _value_at(parse, "Sales in the three months to 30 September are up 4%.", "30 September",
                     PUB_2005).value == "2004-09-30"
    assert _value_at(parse, "Since the early hours of 25 October the site has been down.", "25 October",
                     PUB_2005).value == "2004-10-25"
    assert _value_at(parse, "The club faces a charge of failing to control its players in February.", "February",
                     PUB_2005).value == "2005-02"
    assert _value_at(parse, "He was praised for saving the club in January.", "January", PUB_2005).value == "2005-01"
    assert _value_at(parse, "It will be her first race since winning gold in January.", "January",
                     PUB_2005).value == "2005-01"


@pytest.mark.parametrize("sentence, text, value", [
    ("The bank said it would open more branches in the coming months.", "the coming months", "FUTURE_REF"),
    ("Prices may rise over the next weeks.", "the next weeks", "FUTURE_REF"),
])
def test_the_coming_months_point_forward(parse, sentence, text, value):
    assert _value_at(parse, sentence, text, PUB_2005).value == value


@pytest.mark.parametrize("sentence", [
    "The first shop closed in May, and two more followed soon after.",
    "The minister resigned shortly before the vote.",
    "The alarm was raised and police arrived soon afterwards.",
])
def test_soon_after_an_event_is_no_reference_to_the_present(parse, sentence):
    assert [d.value for d in _dates(parse, sentence, PUB_2005) if d.value.endswith("_REF")] == []
    assert _value_at(parse, "The report will be published soon.", "soon", PUB_2005).value == "FUTURE_REF"


def test_the_coming_week_s_events_is_a_week_not_a_length(parse):
    d = _value_at(parse, "Plans for the coming week's talks were agreed.", "the coming week", PUB_2005)
    assert (d.value, d.type) == ("2005-W10", "date")
    assert _value_at(parse, "Sales fell over the past week.", "the past week", PUB_2005).type == "duration"


@pytest.mark.parametrize("sentence", [
    "The bug affects machines running Server 2003.",
    "The company upgraded every desk to Office 2003 last month.",
])
def test_a_year_that_ends_a_product_name_is_no_date(parse, sentence):
    assert [d.text for d in _dates(parse, sentence, PUB_2005) if d.text.isdigit()] == []
    assert _value_at(parse, "The law changed in 2003.", "2003", PUB_2005).value == "2003"


@pytest.mark.parametrize("sentence, text, value", [
    ("The striker scored 20 goals last season.", "last season", "PAST_REF"),
    ("New rules will apply from next season.", "next season", "FUTURE_REF"),
    ("He has missed most of this season with a knee injury.", "this season", "PRESENT_REF"),
    ("Fans are already talking about the coming season's fixtures.", "the coming season", "FUTURE_REF"),
])
def test_a_sporting_season_is_placed_on_its_side_of_the_present(parse, sentence, text, value):
    d = _value_at(parse, sentence, text, PUB_2005)
    assert (d.value, d.type) == (value, "date")
    assert [x.text for x in _dates(parse, "That season he moved to Spain.", PUB_2005)] == []
    assert [x.text for x in _dates(parse, "She is playing her last season on the tour.", PUB_2005)] == []
    d = _value_at(parse, "Grass returns at the start of next season.", "the start of next season", PUB_2005)
    assert (d.value, d.mod) == ("FUTURE_REF", "START")
