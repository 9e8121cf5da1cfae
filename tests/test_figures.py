"""Figures: amounts normalised to value, unit, rate, qualifier, currency and direction."""

from __future__ import annotations

import pytest

from factx.figures import extract_figures
from factx.numbers import words_value


@pytest.fixture(scope="module")
def figs(nlp):
    def run(text):
        return extract_figures(nlp(text))
    return run


def find(figures, text):
    hits = [f for f in figures if f.text == text]
    assert hits, f"no figure {text!r} in {[f.text for f in figures]}"
    return hits[0]


# -- the seed article --------------------------------------------------------------------------------

def test_seed_gold_figures(seed_doc, seed_gold):
    got = extract_figures(seed_doc)
    for gold in seed_gold["figures"]:
        fig = find(got, gold["text"])
        assert fig.kind == gold["kind"]
        assert fig.value == pytest.approx(gold["value"])
        for key in ("unit", "per", "qualifier"):
            assert getattr(fig, key) == gold.get(key), (gold["text"], key)


def test_seed_has_no_year_or_ordinal(seed_doc):
    texts = [f.text for f in extract_figures(seed_doc)]
    assert not any("2014" in t for t in texts)
    assert not any("first" in t.lower() for t in texts)
    assert len(texts) == 5


def test_seed_fraction_is_about_ukraine(seed_doc):
    fig = find(extract_figures(seed_doc), "about one-fifth")
    assert fig.about == "Ukraine"


def test_seed_dollar_is_not_assumed_usd_in_canadian_story(seed_doc):
    fig = find(extract_figures(seed_doc), "approximately $22 billion")
    assert fig.unit == "$" and fig.currency is None


# -- money ---------------------------------------------------------------------------------------------

MONEY = [
    ("Quarterly profit at the media giant jumped to $1.13bn.", "$1.13bn", 1.13e9, "$", "USD"),
    ("The club paid £600m for the stadium.", "£600m", 600e6, "£", "GBP"),
    ("The fine was €3.5m, the regulator said.", "€3.5m", 3.5e6, "€", "EUR"),
    ("The deal is worth US$40 billion to the company.", "US$40 billion", 40e9, "US$", "USD"),
    ("Ottawa pledged C$2 million in aid.", "C$2 million", 2e6, "C$", "CAD"),
    ("Tickets cost 5 euros each at the gate.", "5 euros each", 5.0, "EUR", "EUR"),
    ("Net income rose to 2.5bn euros last year.", "2.5bn euros", 2.5e9, "EUR", "EUR"),
    ("The bank lent GBP 20m to the firm.", "GBP 20m", 20e6, "GBP", "GBP"),
    ("Shares closed at 274.5 pence on Friday.", "274.5 pence", 274.5, "p", "GBP"),
    ("The miner made 1.33bn Australian dollars last year.", "1.33bn Australian dollars", 1.33e9, "AUD", "AUD"),
    ("The watch sold for 20 Swiss francs.", "20 Swiss francs", 20.0, "CHF", "CHF"),
    ("The stake was sold for $250,000 in cash.", "$250,000", 250000.0, "$", "USD"),
]


@pytest.mark.parametrize("sentence, text, value, unit, currency", MONEY)
def test_money(figs, sentence, text, value, unit, currency):
    fig = find(figs(sentence), text)
    assert fig.kind == "money"
    assert fig.value == pytest.approx(value)
    assert (fig.unit, fig.currency) == (unit, currency)


def test_bare_dollar_is_usd_without_other_dollar_countries(figs):
    assert find(figs("The firm paid $300m to settle the charges."), "$300m").currency == "USD"
    fig = find(figs("Australian miners paid $300m to settle the charges."), "$300m")
    assert fig.currency is None and fig.unit == "$"


def test_negative_amount(figs):
    fig = find(figs("The fund posted a return of -2.5% in March."), "-2.5%")
    assert fig.value == pytest.approx(-2.5)


# -- percentages, changes ------------------------------------------------------------------------------

def test_change_gives_three_figures_with_direction(figs):
    got = figs("The group said fourth quarter sales rose 2% to $11.1bn from $10.9bn.")
    assert [f.text for f in got] == ["2%", "$11.1bn", "$10.9bn"]
    assert got[0].kind == "percent" and got[0].value == 2.0 and got[0].direction == "up"
    assert got[1].value == pytest.approx(11.1e9) and got[1].direction is None
    assert got[2].value == pytest.approx(10.9e9) and got[2].direction is None


@pytest.mark.parametrize("sentence, text, direction", [
    ("Its shares slumped 27% in early trading.", "27%", "down"),
    ("Turnover was up 4.3% on a year earlier.", "4.3%", "up"),
    ("Fuel costs rose by £106m in the quarter.", "£106m", "up"),
    ("The airline blamed fuel prices for a 40% drop in profits.", "40%", "down"),
    ("Sales fell by 3.5 per cent in January.", "3.5 per cent", "down"),
    ("These jobs make up 20% of the workforce.", "20%", None),
    ("Profits at the card arm rose by 5% to £801m.", "5%", "up"),
    ("Profits at the card arm rose by 5% to £801m.", "£801m", None),
    ("There was an increase of 3% in sales, up from 2%.", "3%", "up"),
    ("There was an increase of 3% in sales, up from 2%.", "2%", None),
    # money a firm raises is funding, not a rise; raising a rate is a rise
    ("The firm has raised about $900m from investors.", "about $900m", None),
    ("The bank raised its rate by 0.25%.", "0.25%", "up"),
])
def test_direction(figs, sentence, text, direction):
    assert find(figs(sentence), text).direction == direction


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("The firm now owns 76% of the search engine.", "76%", 76.0, "%"),
    ("Inflation eased to 2.1 per cent in May.", "2.1 per cent", 2.1, "%"),
    ("Unemployment fell 0.2 percentage points to 4.8%.", "0.2 percentage points", 0.2, "percentage point"),
    ("Rates were raised by 25 basis points.", "25 basis points", 25.0, "basis point"),
])
def test_percent(figs, sentence, text, value, unit):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.value, fig.unit) == ("percent", value, unit)


def test_percent_about_what(figs):
    assert find(figs("Staff own 30% of the company."), "30%").about == "company"
    fig = find(figs("Russia controls about a third of the region."), "about a third")
    assert fig.kind == "fraction" and fig.value == pytest.approx(1 / 3, abs=1e-5) and fig.about == "region"


# -- counts, rates, qualifiers -------------------------------------------------------------------------

COUNTS = [
    ("The carmaker will cut 3,000 jobs in Germany.", "3,000 jobs", 3000.0, "job", None),
    ("About 60 people attended the meeting on Sunday.", "About 60 people", 60.0, "person", "approximately"),
    ("Some 400 guests greeted the aircraft.", "Some 400 guests", 400.0, "guest", "approximately"),
    ("The airline ordered up to 60 jets last week.", "up to 60 jets", 60.0, "jet", "up to"),
    ("More than 2,000 staff signed the letter.", "More than 2,000 staff", 2000.0, "staff", "more than"),
    ("Twenty-five people were hurt in the crash.", "Twenty-five people", 25.0, "person", None),
    ("Nearly two million people lost power.", "Nearly two million people", 2e6, "person", "less than"),
    ("The network has 3m users in Europe.", "3m users", 3e6, "user", None),
    ("Investors bought back 52 million shares in the company.", "52 million shares", 52e6, "share", None),
    ("The firm runs at least 142 quarries in the UK.", "at least 142 quarries", 142.0, "quarry", "at least"),
    ("The plan would create 1,500 jobs or more in the region.", "1,500 jobs or more", 1500.0, "job", "at least"),
]


@pytest.mark.parametrize("sentence, text, value, unit, qualifier", COUNTS)
def test_counts(figs, sentence, text, value, unit, qualifier):
    fig = find(figs(sentence), text)
    assert fig.kind == "count"
    assert fig.value == pytest.approx(value)
    assert (fig.unit, fig.qualifier) == (unit, qualifier)


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("Dozens of firms have closed since the spring.", "Dozens of firms", 24.0, "firm"),
    ("Tens of thousands of people marched in the capital.", "Tens of thousands of people", 20000.0, "person"),
    ("Hundreds of fans waited outside the ground.", "Hundreds of fans", 200.0, "fan"),
])
def test_vague_amounts_are_approximate(figs, sentence, text, value, unit):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.value, fig.unit, fig.qualifier) == ("count", value, unit, "approximately")


@pytest.mark.parametrize("sentence, text, value, unit, per", [
    ("The plant makes 1,200 cars a week at full speed.", "1,200 cars a week", 1200.0, "car", "week"),
    ("Border guards stop about 300 migrants daily.", "about 300 migrants daily", 300.0, "migrant", "day"),
    ("Applications are arriving at 40 a day.", "40 a day", 40.0, None, "day"),
    ("The tanker fleet will grow at a rate of 15 a year.", "15 a year", 15.0, None, "year"),
    ("The pipeline will carry 750,000 daily barrels of oil.", "750,000 daily barrels", 750000.0, "barrel", "day"),
])
def test_rates(figs, sentence, text, value, unit, per):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.value, fig.unit, fig.per) == ("rate", value, unit, per)


def test_daily_newspapers_are_no_rate(figs):
    fig = find(figs("The group owns two daily newspapers in the city."), "two daily newspapers")
    assert (fig.kind, fig.value, fig.per) == ("count", 2.0, None)


def test_plus_before_a_noun_is_not_a_qualifier(figs):
    fig = find(figs("Waiters earn $5 an hour plus tips."), "$5 an hour")
    assert (fig.per, fig.qualifier) == ("hour", None)


def test_money_rate_keeps_money_kind(figs):
    fig = find(figs("The carrier made a loss of $0.67 per share."), "$0.67 per share")
    assert (fig.kind, fig.per) == ("money", "share")


def test_rate_not_taken_from_a_year_earlier(figs):
    fig = find(figs("Profits were £125m a year earlier."), "£125m")
    assert fig.per is None


def test_elided_unit_resolved_from_sentence(figs):
    got = figs("Police arrest about 200 protesters daily, while the army detains around 80 per day.")
    fig = find(got, "around 80 per day")
    assert (fig.kind, fig.unit, fig.per, fig.qualifier) == ("rate", "protester", "day", "approximately")


# -- fractions, durations, multiples, ranges -----------------------------------------------------------

@pytest.mark.parametrize("sentence, text, value", [
    ("Two-thirds of voters backed the plan.", "Two-thirds", 2 / 3),
    ("Almost half of the staff work from home.", "Almost half", 0.5),
    ("About a quarter of its dealers will close.", "About a quarter", 0.25),
])
def test_fractions(figs, sentence, text, value):
    fig = find(figs(sentence), text)
    assert fig.kind == "fraction" and fig.value == pytest.approx(value, abs=1e-5)


@pytest.mark.parametrize("sentence, text, value, unit, qualifier", [
    ("Talks have dragged on for over two years.", "over two years", 2.0, "year", "more than"),
    ("He will be out for three months with the injury.", "three months", 3.0, "month", None),
    ("The sprinter won in 9.87 seconds.", "9.87 seconds", 9.87, "second", None),
])
def test_durations(figs, sentence, text, value, unit, qualifier):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.value, fig.unit, fig.qualifier) == ("duration", value, unit, qualifier)


def test_multiples(figs):
    got = figs("Sales doubled last year, and costs are three times as high as in 2010.")
    assert find(got, "doubled").value == 2.0 and find(got, "doubled").direction == "up"
    assert find(got, "three times").kind == "multiple"


@pytest.mark.parametrize("sentence, text, low, high, unit", [
    ("The repairs will cost $2-3bn, engineers said.", "$2-3bn", 2e9, 3e9, "$"),
    ("Analysts expect growth of 15-20% next year.", "15-20%", 15.0, 20.0, "%"),
    ("The factory will create 1,500 to 2,000 jobs.", "1,500 to 2,000 jobs", 1500.0, 2000.0, "job"),
    ("Between 5 and 10 million people watched.", "Between 5 and 10 million people", 5e6, 10e6, "person"),
    ("The clinic expects 25,000 to 30,000 visits.", "25,000 to 30,000 visits", 25000.0, 30000.0, "visit"),
])
def test_ranges(figs, sentence, text, low, high, unit):
    fig = find(figs(sentence), text)
    assert fig.kind == "range" and fig.value is None
    assert (fig.low, fig.high, fig.unit) == (pytest.approx(low), pytest.approx(high), unit)


@pytest.mark.parametrize("sentence, text, value, about", [
    ("One in five adults now shops online.", "One in five adults", 0.2, "adults"),
    ("Fewer than one in 10,000 consoles failed.", "Fewer than one in 10,000 consoles", 0.0001, "consoles"),
])
def test_ratios_are_fractions(figs, sentence, text, value, about):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.about) == ("fraction", about) and fig.value == pytest.approx(value)


@pytest.mark.parametrize("sentence, texts", [
    ("The budget will rise by $19bn to $419.3bn next year.", ["$19bn", "$419.3bn"]),
    ("The claimant count fell 11,000 to 813,200 last month.", ["11,000", "813,200"]),
    ("Its value fell from a peak of $120bn to $4.6bn.", ["$120bn", "$4.6bn"]),
])
def test_change_then_level_is_not_a_range(figs, sentence, texts):
    got = figs(sentence)
    assert [f.text for f in got] == texts
    assert got[0].direction in ("up", "down", None) and all(f.kind != "range" for f in got)


def test_make_up_is_not_a_change(figs):
    fig = find(figs("Contract workers make up 20 to 25 percent of the workforce."), "20 to 25 percent")
    assert (fig.kind, fig.low, fig.high, fig.direction) == ("range", 20.0, 25.0, None)


def test_ages(figs):
    got = figs("The 25-year-old has already smashed the record. Mr Davies, 60, said he was robbed.")
    assert find(got, "25-year-old").unit == "age"
    fig = find(got, "60")
    assert fig.unit == "age" and fig.about == "Davies"


# -- what is not a figure ------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Chelsea won 2-1 at Stamford Bridge on Saturday.",
    "Federer beat his rival 6-4 6-3 in the final.",
    "England were rampant 42-6 victors at Twickenham.",
    "The law came into force in 2014.",
    "The match kicks off at 19:45 on 12 June.",
    "It was the first time the club had reached the 2010-11 final.",
    "The summit of the G7 discussed COVID-19 and Section 427 of the code.",
    "Call the helpline on 020 7946 0000 for advice.",
    "Boeing's 787 Dreamliner made its maiden flight.",
    "The band played songs from the 1990s at 7pm.",
    "She is ranked 134 in the world.",
    "Downing Street said No 10 would not comment.",
    "One of the two companies declined to comment.",
    "The 737-800 has been a best-seller for years.",
    'She posted tweet_id="672154558152491008" at midnight.',
    "He moved from iPhone 4 to Windows 95 in the 1990s.",
])
def test_not_figures(figs, sentence):
    assert figs(sentence) == []


def test_bare_number_word_without_counted_noun_is_dropped(figs):
    assert [f.text for f in figs("Two of them were later released.")] == []


# -- invariants ----------------------------------------------------------------------------------------

def test_offsets_ids_order_and_determinism(nlp):
    text = ("Shares rose 4% to 274.5 pence, valuing the group at £5.7bn ($10.7bn). Dozens of staff, about "
            "1,000 in all, will move within three months, and a third of them will work 40 hours a week.")
    doc = nlp(text)
    first = extract_figures(doc)
    assert first == extract_figures(doc)
    assert [f.id for f in first] == [f"f{i}" for i in range(1, len(first) + 1)]
    assert [f.start for f in first] == sorted(f.start for f in first)
    for f in first:
        assert text[f.start:f.end] == f.text
    for a, b in zip(first, first[1:]):
        assert a.end <= b.start


@pytest.mark.parametrize("text", ["", "   ", "1 2 3 4 5 6 7 8 9 0 , , . $ £ € % - -- 5-", "$$$ 5bn bn m %%"])
def test_odd_input_never_raises(nlp, text):
    for f in extract_figures(nlp(text)):
        assert text[f.start:f.end] == f.text


def test_seed_result_has_figures(seed_result):
    assert len(seed_result.figures) == 5


@pytest.mark.parametrize("words, value", [
    (["two", "hundred", "and", "fifty"], 250.0),
    (["twenty", "-", "five"], 25.0),
    (["a", "million"], 1e6),
    (["three", "thousand", "four", "hundred"], 3400.0),
    (["a", "dozen"], 12.0),
    (["five", "six"], None),
    (["fish"], None),
])
def test_words_value(words, value):
    assert words_value(words) == value


# -- glued "m": millions, metres or an event name ------------------------------------------------------

@pytest.mark.parametrize("sentence, text, value, unit", [
    ("The final was watched by 3m.", "3m", 3e6, None),
    ("The series drew 4.2m viewers on Sunday.", "4.2m viewers", 4.2e6, "viewer"),
    ("The strike affected about 1.2m commuters.", "about 1.2m commuters", 1.2e6, "commuter"),
    ("The council says the scheme cost 8m.", "8m", 8e6, None),
    ("The new tower is 310m tall.", "310m", 310.0, "m"),
    ("A 12m-high wall surrounds the compound.", "12m", 12.0, "m"),
    ("Divers reached a depth of 120m off the coast.", "120m", 120.0, "m"),
    ("She cleared 4.65m at the indoor meeting.", "4.65m", 4.65, "m"),
    ("The intruder jumped 30ft (9m) from a window.", "9m", 9.0, "m"),
    ("The runners covered 3,000m before dawn.", "3,000m", 3000.0, "m"),
])
def test_glued_m_is_millions_unless_a_length_is_measured(figs, sentence, text, value, unit):
    fig = find(figs(sentence), text)
    assert fig.value == pytest.approx(value)
    assert fig.unit == unit


@pytest.mark.parametrize("sentence", [
    "Lewis won the 100m in Rome on Friday.",
    "She set a national record in the 60m hurdles.",
    "She finished fourth over 60m hurdles in Glasgow.",
    "He qualified for both the 800m and 1500m finals.",
    "The former 200m champion pulled out of the race.",
    "US 400m and 200m star Ann Roe has retired.",
])
def test_athletics_event_names_are_not_figures(figs, sentence):
    assert not [f for f in figs(sentence) if "m" in f.text and any(c.isdigit() for c in f.text)]


def test_distance_in_athletics_article_stays_metres(figs):
    got = figs("She won the women's 60m hurdles title. Later she ran 400m in a relay.")
    fig = find(got, "400m")
    assert (fig.value, fig.unit) == (400.0, "m")


# -- durations, ranges ---------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, text, value, unit", [
    ("He finished in 13 minutes 58.21 seconds.", "13 minutes 58.21 seconds", 838.21, "second"),
    ("She was jailed for three years and four months.", "three years and four months", 40.0, "month"),
    ("The flight took 2 hours, 45 minutes.", "2 hours, 45 minutes", 165.0, "minute"),
])
def test_compound_duration_is_one_figure(figs, sentence, text, value, unit):
    got = figs(sentence)
    fig = find(got, text)
    assert (fig.kind, fig.unit) == ("duration", unit)
    assert fig.value == pytest.approx(value)
    assert len([f for f in got if f.kind == "duration"]) == 1


def test_durations_of_unrelated_scales_stay_apart(figs):
    got = figs("The trial lasted two weeks, 40 years after the crime.")
    assert [f.text for f in got if f.kind == "duration"][:1] == ["two weeks"]


@pytest.mark.parametrize("sentence, text, low, high", [
    ("Paintings fetched between $20-30,000 at the auction.", "$20-30,000", 20000.0, 30000.0),
    ("Repairs cost 5-10,000 euros per house.", "5-10,000 euros per house", 5000.0, 10000.0),
    ("Tickets sold for $500-1,000 each.", "$500-1,000", 500.0, 1000.0),
    ("The upgrade will cost $2-3m, the council said.", "$2-3m", 2e6, 3e6),
])
def test_range_low_end_shares_the_high_end_scale(figs, sentence, text, low, high):
    fig = find(figs(sentence), text)
    assert fig.kind == "range"
    assert (fig.low, fig.high) == (pytest.approx(low), pytest.approx(high))


# -- vague plurals, counted-noun units -----------------------------------------------------------------

@pytest.mark.parametrize("sentence, text, kind, value, unit, currency", [
    ("It was a multi-million pound deal for the club.", "multi-million pound", "money", 2e6, "GBP", "GBP"),
    ("He signed a multimillion-dollar contract.", "multimillion-dollar", "money", 2e6, "USD", "USD"),
    ("A multi-billion euro bailout was agreed.", "multi-billion euro", "money", 2e9, "EUR", "EUR"),
    ("The multi-million deal collapsed in May.", "multi-million", "number", 2e6, None, None),
    ("Piracy has cost the industry billions, it says.", "billions", "number", 2e9, None, None),
    ("Millions of people lost power overnight.", "Millions of people", "count", 2e6, "person", None),
    ("The device could help millions more people.", "millions", "count", 2e6, "person", None),
])
def test_vague_plurals_are_approximate(figs, sentence, text, kind, value, unit, currency):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.unit, fig.currency, fig.qualifier) == (kind, unit, currency, "approximately")
    assert fig.value == pytest.approx(value)


@pytest.mark.parametrize("sentence, text, unit", [
    ("The reform removed 92 hereditaries from the chamber.", "92 hereditaries", "hereditary"),
    ("The cinema showed 12 movies last week.", "12 movies", "movie"),
    ("The region has 40 companies and 12 factories.", "40 companies", "company"),
    ("Scientists found four species of frog.", "four species", "species"),
    ("Police seized 2,000 pirated DVDs in the raid.", "2,000 pirated DVDs", "DVD"),
    ("The singer has won eight Grammy Awards.", "eight Grammy Awards", "Grammy Award"),
    ("The squad includes four Wallabies.", "four Wallabies", "Wallaby"),
    ("Viewers can receive 14 free-to-air channels.", "14 free-to-air channels", "channel"),
    ("About 500 people queued outside.", "About 500 people", "person"),
])
def test_counted_noun_unit_is_singular(figs, sentence, text, unit):
    assert find(figs(sentence), text).unit == unit


def test_doubles_as_a_noun_is_not_a_multiple(figs):
    assert not [f for f in figs("Roe, a junior Wimbledon doubles title winner, lost.") if f.kind == "multiple"]
    fig = find(figs("The new contract doubles the fee."), "doubles")
    assert (fig.kind, fig.value) == ("multiple", 2.0)


# -- bare cardinals: what they measure, elided units ---------------------------------------------------

@pytest.mark.parametrize("sentence, text, about", [
    ("Unemployment fell from 157,000 to 133,000.", "157,000", "Unemployment"),
    ("Unemployment fell from 157,000 to 133,000.", "133,000", "Unemployment"),
    ("The number of claims fell to 813,200 last week.", "813,200", "claims"),
    ("Inflation rose to 2.1% in May.", "2.1%", "Inflation"),
    ("The firm cut prices by 5% in March.", "5%", "prices"),
    ("Output fell to 81 last year.", "81", "Output"),
    ("The number sold will reach 159 million.", "159 million", None),
])
def test_bare_amount_is_about_the_measured_subject(figs, sentence, text, about):
    fig = find(figs(sentence), text)
    assert fig.about == about


@pytest.mark.parametrize("sentence, text, unit", [
    ("The firm cut 500 jobs last year and 300 this year.", "300", "job"),
    ("Deliveries rose from 3,000 cars to 4,000 last year.", "4,000", "car"),
    ("The army lost 1,000 soldiers in May, up from 700 in April.", "700", "soldier"),
    ("Ukraine has 12 brigades; Russia has 40.", "40", "brigade"),
    ("It sold 40 cars in 2004, when prices were 15,000.", "15,000", None),
])
def test_bare_amount_takes_the_unit_of_the_figure_it_pairs_with(figs, sentence, text, unit):
    fig = find(figs(sentence), text)
    assert fig.unit == unit
    assert fig.kind == ("count" if unit else "number")


@pytest.mark.parametrize("sentence, text, value, unit, per", [
    ("The field pumps about 80,000 barrels of oil per day.", "about 80,000 barrels of oil per day", 80000.0,
     "barrel", "day"),
    ("Output reached 2.1 million bpd in March.", "2.1 million bpd", 2.1e6, "barrel", "day"),
])
def test_rate_after_what_is_counted(figs, sentence, text, value, unit, per):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.value, fig.unit, fig.per) == ("rate", value, unit, per)


@pytest.mark.parametrize("sentence, text, unit", [
    ("The film won five Oscars in March.", "five Oscars", "Oscar"),
    ("Millions of South Koreans are behind on their loans.", "Millions of South Koreans", "South Korean"),
])
def test_capitalised_counted_nouns_keep_their_case(figs, sentence, text, unit):
    assert find(figs(sentence), text).unit == unit


def test_spaced_scale_after_currency(figs):
    fig = find(figs("The sequel took an estimated $312 m in its first month."), "an estimated $312 m")
    assert (fig.kind, fig.value, fig.qualifier) == ("money", 312e6, "approximately")


def test_era_year_is_not_a_figure(figs):
    assert [f.text for f in figs("The abacus is dated to 190 AD by some historians.")] == []


def test_about_keeps_hyphenated_compound_as_written(figs):
    fig = find(figs("Non-EU imports rose 3% in the year."), "3%")
    assert fig.about == "Non-EU imports"


def test_bare_amount_pairs_with_a_duration(figs):
    fig = find(figs("Selling a home now takes 81 days, up from 53 in June."), "53")
    assert (fig.kind, fig.unit, fig.value) == ("duration", "day", 53.0)


def test_year_before_a_singular_noun_is_not_a_count(figs):
    assert [f.text for f in figs("She starred in the classic 1982 film about a pilot.")] == []
    assert find(figs("The plant built 2000 cars last month."), "2000 cars").unit == "car"


def test_model_numbers_do_not_take_a_unit(figs):
    got = figs("The service works on two Nokia handsets due out soon - the 3230 and 7710 - at first.")
    assert [f.text for f in got] == ["two Nokia handsets"]


@pytest.mark.parametrize("sentence,text,low,high,unit", [
    ("Growth is forecast at between 4.7% and 4.8% this year.", "between 4.7% and 4.8%", 4.7, 4.8, "%"),
    ("The repairs will take two or three weeks.", "two or three weeks", 2.0, 3.0, "week"),
])
def test_ranges_of_percentages_and_of_number_words(figs, sentence, text, low, high, unit):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.low, fig.high, fig.unit) == ("range", low, high, unit)


@pytest.mark.parametrize("sentence,text,value", [
    ("A quarter of a million people lost their homes in the floods.", "A quarter of a million people", 250_000),
    ("Three-quarters of a billion dollars was raised.", "Three-quarters of a billion dollars", 750_000_000),
])
def test_a_share_of_a_round_number_is_that_number(figs, sentence, text, value):
    figures = figs(sentence)
    assert [f.text for f in figures] == [text]
    assert figures[0].value == value


@pytest.mark.parametrize("sentence,text", [
    ("Shares in the bank rose 15 cents - 1.1% - to $14 on Friday.", "1.1%"),
    ("Shares in the bank rose 15 cents (1.1%) to $14 on Friday.", "1.1%"),
])
def test_a_change_restated_in_another_measure_goes_the_same_way(figs, sentence, text):
    assert find(figs(sentence), text).direction == "up"


def test_minor_units_keep_their_unit_and_the_currency_named(figs):
    fig = find(figs("The Canadian currency lost 65 Canadian cents on Monday."), "65 Canadian cents")
    assert (fig.value, fig.unit, fig.currency) == (65.0, "cent", "CAD")


def test_words_range_shares_the_scale_of_its_high_end(figs):
    fig = find(figs("Six or seven million people voted in the poll."), "Six or seven million people")
    assert (fig.low, fig.high, fig.unit) == (6e6, 7e6, "person")


def test_up_to_is_a_limit_not_a_rise(figs):
    fig = find(figs("The firm sold shares to raise up to $443m for new planes."), "up to $443m")
    assert (fig.qualifier, fig.direction) == ("up to", None)


@pytest.mark.parametrize("sentence,text,unit", [
    ("The bank will cut three other ex-managers.", "three other ex-managers", "ex-manager"),
    ("Doctors took two x-rays of his knee.", "two x-rays", "x-ray"),
])
def test_hyphenated_counted_noun_is_the_unit(figs, sentence, text, unit):
    assert find(figs(sentence), text).unit == unit


def test_a_day_and_month_naming_an_event_is_not_a_count(figs):
    assert [f.text for f in figs("The memorial honours the victims of the 11 September attacks.")] == []


def test_another_amount_counts_what_was_counted_before(figs):
    got = figs("The bank said 5,125 positions would go. Another 1,700 will go from its sales arm, "
               "and 3,400 from branches.")
    assert [(f.text, f.unit) for f in got] == [("5,125 positions", "position"), ("1,700", "position"),
                                              ("3,400", "position")]


def test_a_number_of_a_group_is_about_the_group(figs):
    assert find(figs("The company has a workforce of 75,000 in Canada."), "75,000").about == "workforce"


def test_a_time_qualifier_of_the_subject_does_not_measure_the_change(figs):
    found = figs("The number of patients waiting more than 12 months fell from 7,613 to 6,630 in the year.")
    assert [(f.text, f.unit) for f in found if f.text in ("7,613", "6,630")] == [("7,613", "patient"),
                                                                                   ("6,630", "patient")]


def test_a_number_before_last_month_is_not_counted_in_months(figs):
    found = figs("The total was 298,000, down from 311,764 last month.")
    assert find(found, "311,764").unit is None


def test_a_number_word_naming_a_kind_of_thing_is_not_an_amount(figs):
    found = figs("Critics warn of a two-tier economy in a three-party contest. He signed a two-year contract "
                 "and won a 161-seat majority.")
    assert [(f.text, f.unit) for f in found] == [("two-year", "year"), ("161-seat", "seat")]


@pytest.mark.parametrize("sentence,text,direction", [
    ("GDP rose at an annual rate of 2.4% in the quarter.", "2.4%", "up"),
    ("Prices fell at a rate of 1% a month.", "1% a month", "down"),
    ("The number fell from 7,613 to 6,630, or 12.9%, in the year.", "12.9%", "down"),
])
def test_the_change_of_a_rate_or_a_restated_range_has_its_direction(figs, sentence, text, direction):
    assert find(figs(sentence), text).direction == direction


@pytest.mark.parametrize("sentence,text,per", [
    ("The firm made an offer of 950p a share.", "950p a share", "share"),
    ("Oil rose to $50 a barrel.", "$50 a barrel", "barrel"),
])
def test_a_price_for_one_of_something_is_per_that_thing(figs, sentence, text, per):
    assert find(figs(sentence), text).per == per


def test_two_close_amounts_joined_by_or_are_one_estimate(figs):
    found = find(figs("They would raise taxes by £10bn or £11bn."), "£10bn or £11bn")
    assert (found.low, found.high, found.currency) == (10e9, 11e9, "GBP")


def test_a_name_made_of_a_number_and_cent_is_not_money(figs):
    found = figs("He was thrown out of 50 Cent's rap collective. The stamp costs 50 cents.")
    assert [f.text for f in found if f.kind == "money"] == ["50 cents"]


# -- audit 14: glued "m" in sport, direction from the parse, unit words, numbers that name things -----

@pytest.mark.parametrize("sentence", [
    "She won the women's 3000m AAAs title in Sheffield.",
    "She set a 400m British record in Glasgow.",
])
def test_distance_naming_a_title_is_no_figure(figs, sentence):
    assert not [f for f in figs(sentence) if any(c.isdigit() for c in f.text) and "m" in f.text]


@pytest.mark.parametrize("sentence, text, value", [
    ("He had to swerve outside and race 30m to the line.", "30m", 30.0),
    ("The fly-half slotted a 45m penalty before the break.", "45m", 45.0),
    ("They were penalised just outside their own 22m line.", "22m", 22.0),
    ("The cable cars ascend their 620m track in four minutes.", "620m", 620.0),
])
def test_glued_m_before_a_pitch_or_track_noun_is_metres(figs, sentence, text, value):
    fig = find(figs(sentence), text)
    assert (fig.value, fig.unit) == (value, "m")


@pytest.mark.parametrize("sentence, text, direction", [
    ("The trade deficit stands at £30.1bn, £3.2bn higher than a year earlier.", "£3.2bn", "up"),
    ("Exports were 8% lower than in the previous year.", "8%", "down"),
    ("The airline said fares were 15% cheaper than its rivals'.", "15%", "down"),
    ("Profits rose by an impressive 20% to £5m.", "20%", "up"),
    ("Sales grew by a healthy 6% to 40,000 units.", "6%", "up"),
    ("Cinema admissions 'fall' 30%", "30%", "down"),
    ("House prices 'rise' 12% in a year", "12%", "up"),
    ("The author received a £250,000 advance for her memoir.", "£250,000", None),
    ("The shipyard won a $12bn contract to build frigates.", "$12bn", None),
    ("Trades at prices 20% higher or lower than the last price are void.", "20%", None),
    ("The charity wants to reach 200 million less fortunate children.", "200 million", None),
    ("She won the long jump with a leap of 6.91m in Paris.", "6.91m", None),
    ("The burglar jumped 20ft from a bedroom window.", "20ft", None),
    ("The river rose 3ft overnight.", "3ft", "up"),
])
def test_direction_follows_the_parse(figs, sentence, text, direction):
    assert find(figs(sentence), text).direction == direction


def test_up_without_to_before_an_amount_is_a_limit(figs):
    fig = find(figs("Gifts are recorded in brackets of up £3,000, the register shows."), "up £3,000")
    assert (fig.qualifier, fig.direction, fig.value) == ("up to", None, 3000.0)


@pytest.mark.parametrize("sentence, text, kind, value, unit, about", [
    ("The firm will build a 1,800 MW power station on the coast.", "1,800 MW", "number", 1800.0, "MW", "power station"),
    ("A 50 MW wind farm opened last year.", "50 MW", "number", 50.0, "MW", "wind farm"),
    ("The show fills 2.5 million square feet of floor space.", "2.5 million square feet", "number", 2.5e6, "sq ft", None),
    ("The flat measures 900 sq ft.", "900 sq ft", "number", 900.0, "sq ft", None),
    ("The toy dog can stand on two feet for a minute.", "two feet", "count", 2.0, "foot", None),
    ("The garden wall is two feet thick.", "two feet", "number", 2.0, "ft", None),
])
def test_measure_unit_words_before_a_noun(figs, sentence, text, kind, value, unit, about):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.value, fig.unit) == (kind, value, unit)
    if about is not None:
        assert fig.about == about


@pytest.mark.parametrize("sentence, number", [
    ("When it is 11.45 on a Sunday night the streets are quiet.", "11.45"),
    ("The library closes at 5.30 every day.", "5.30"),
    ("The victory over one of the strongest sides was a surprise.", "one"),
    ("Her hit 04 Summer Rain topped the chart for a month.", "04"),
    ("Fans want a Scot to play 007 again.", "007"),
    ("Sky will show the spy drama 24 from March.", "24"),
    ("Customers can choose between Spain's Movistar and 3 for video calls.", "3"),
    ("The maker has stopped building its largest jet, the 787, after ten years.", "787"),
])
def test_numbers_that_name_or_time_things_are_not_figures(figs, sentence, number):
    assert not [f for f in figs(sentence) if number in f.text]


def test_count_after_a_named_source_is_kept(figs):
    fig = find(figs("Of the 15 regions polled by Gallup, 9 backed the plan."), "9")
    assert fig.value == 9.0


@pytest.mark.parametrize("sentence, text, unit", [
    ("The carrier scrapped 70 flights on Monday, 210 on Tuesday and 95 on Wednesday.", "95", "flight"),
    ("Tablets will account for 40 million out of 300 million devices sold next year.", "40 million", "device"),
    ("The firm cut 300 jobs in 2003 and 250 in 2004.", "250", "job"),
    ("Nineteen new schools were opened in the county last year after a change in funding, compared with 31 in 2002.",
     "31", "school"),
])
def test_elided_noun_taken_from_the_parallel_figure(figs, sentence, text, unit):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.unit) == ("count", unit)


def test_denominator_is_not_a_parallel_figure(figs):
    fig = find(figs("Usage reached 9.1 lines per 100 homes, compared to 4.8 in Spain."), "4.8")
    assert fig.unit != "home"


def test_number_listed_with_a_model_number_stays_a_label(figs):
    assert figs("The handsets due next month - the 6610 and 8820 - will carry the service.") == []


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("He won the 800m in one minute, 48.12 seconds.", "one minute, 48.12 seconds", 108.12, "second"),
    ("She clocked 8.52secs in the heats.", "8.52secs", 8.52, "second"),
    ("She ran 4:21.35 in the final.", "4:21.35", 261.35, "second"),
])
def test_race_times(figs, sentence, text, value, unit):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.value, fig.unit) == ("duration", pytest.approx(value), unit)


def test_clock_time_without_fraction_is_not_a_race_time(figs):
    assert figs("The meeting starts at 10:30 on Monday.") == []


def test_age_after_just(figs):
    fig = find(figs("She was elected mayor at the age of just 31."), "31")
    assert fig.unit == "age"


def test_hyphen_glued_to_counted_noun(figs):
    fig = find(figs("The deal was agreed by two airlines- Delta and United."), "two airlines")
    assert fig.unit == "airline"


@pytest.mark.parametrize("sentence, text, about", [
    ("Profits rose 8% to £2bn, but sales increased by only 5% over the year.", "5%", "sales"),
    ("Imports rose 4% in May, but exports to Asia slowed to 0.8%.", "0.8%", None),
])
def test_about_stays_in_its_own_clause(figs, sentence, text, about):
    assert find(figs(sentence), text).about == about


def test_higher_a_year_ago_is_no_rise(figs):
    assert find(figs("A year ago, debt was more than 11bn euros higher."), "more than 11bn euros").direction is None
    assert find(figs("Debt is now 11bn euros higher than a year ago."), "11bn euros").direction == "up"


def test_a_chart_position_is_no_count_of_places(figs):
    assert find(figs("The single fell three places to 10 in the chart."), "10").unit is None
    assert find(figs("The university offered 5,000 places last year and 6,000 this year."), "6,000").unit == "place"


def test_a_quarter_that_speaks_is_a_share(figs):
    quarter = find(figs("Around one quarter said they would vote."), "Around one quarter")
    assert (quarter.kind, quarter.value) == ("fraction", 0.25)
    assert find(figs("Growth slowed over three quarters."), "over three quarters").kind == "duration"


# -- audit 20: periods, exchange rates, particles, minor units, elided nouns ---------------------------

@pytest.mark.parametrize("sentence, text", [
    ("Exports grew 3% in the first six months of 2003.", "six months"),
    ("The airline lost money in the final two months of the year.", "two months"),
    ("He was injured in the opening 20 minutes of the match.", "20 minutes"),
    ("Output shrank during the last three months of last year.", "three months"),
])
def test_a_stretch_of_a_named_period_is_not_an_amount_of_time(figs, sentence, text):
    assert text not in [f.text for f in figs(sentence)]


def test_a_length_of_time_is_still_a_duration(figs):
    fig = find(figs("The strike at the plant lasted three months."), "three months")
    assert (fig.kind, fig.value, fig.unit) == ("duration", 3.0, "month")


@pytest.mark.parametrize("sentence, text, value, per", [
    ("The dollar slid to $1.9120 to the pound in late trade.", "$1.9120 to the pound", 1.912, "pound"),
    ("The currency traded at 104 yen to the dollar on Monday.", "104 yen to the dollar", 104.0, "dollar"),
    ("Traders paid 1.31 dollars to the euro at the close.", "1.31 dollars to the euro", 1.31, "euro"),
])
def test_an_exchange_rate_is_per_the_other_currency(figs, sentence, text, value, per):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.value, fig.per) == ("money", pytest.approx(value), per)


def test_pence_in_the_pound_is_a_rate_per_pound(figs):
    fig = find(figs("The party would raise income tax by one penny in the pound."), "one penny in the pound")
    assert (fig.kind, fig.value, fig.unit, fig.currency, fig.per) == ("money", 1.0, "p", "GBP", "pound")
    assert not [f for f in figs("The dealer sold three Penny Black stamps.") if f.kind == "money"]


def test_money_given_to_a_currency_named_thing_is_no_exchange_rate(figs):
    assert find(figs("The charity gave $5m to the euro campaign."), "$5m").per is None


@pytest.mark.parametrize("sentence, text, per, kind", [
    ("Players pay £3 for each game.", "£3 for each game", "game", "money"),
    ("The site charges $4.50 for each 30-minute lesson.", "$4.50", "lesson", "money"),
    ("Members earn two points for every purchase.", "two points for every purchase", "purchase", "rate"),
])
def test_for_each_gives_a_rate_like_per(figs, sentence, text, per, kind):
    fig = find(figs(sentence), text)
    assert (fig.per, fig.kind) == (per, kind)


def test_for_every_hundred_people_is_a_denominator_not_a_rate(figs):
    found = figs("There is one nurse for every 500 patients in the region.")
    assert all(f.per is None for f in found)


@pytest.mark.parametrize("sentence, text", [
    ("The decision pushed interest rates up to 4.75%.", "4.75%"),
    ("Heavy buying drove the shares up to 310p.", "310p"),
    ("Mortgage rates were pushed up to 6.5% in May.", "6.5%"),
    ("The new contract takes his salary up to £90,000.", "£90,000"),
])
def test_up_as_the_particle_of_a_moving_verb_is_no_limit(figs, sentence, text):
    fig = find(figs(sentence), text)
    assert fig.qualifier is None and fig.direction is None


@pytest.mark.parametrize("sentence, text", [
    ("The firm will shed up to 1,200 jobs.", "up to 1,200 jobs"),
    ("The scheme pays its members up to £300 a month.", "up to £300 a month"),
    ("The new boss will take up to 300 staff with him.", "up to 300 staff"),
    ("The new cable can boost speeds up to 40 megabits per second.", "up to 40 megabits per second"),
])
def test_up_to_before_an_amount_is_still_a_limit(figs, sentence, text):
    assert find(figs(sentence), text).qualifier == "up to"


@pytest.mark.parametrize("sentence, text, value", [
    ("The board raised the payout to 45 euro cents.", "45 euro cents", 45.0),
    ("A stamp now costs 80 eurocents in Ireland.", "80 eurocents", 80.0),
])
def test_euro_cents_are_cents_of_a_euro(figs, sentence, text, value):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.value, fig.unit, fig.currency) == ("money", value, "cent", "EUR")


@pytest.mark.parametrize("sentence, text, qualifier", [
    ('She said about "40% of voters are still undecided".', "40%", "approximately"),
    ('He warned that more than "300 jobs" were at risk.', "300 jobs", "more than"),
])
def test_a_qualifier_applies_across_an_opening_quote_mark(figs, sentence, text, qualifier):
    assert find(figs(sentence), text).qualifier == qualifier


def test_quoted_number_words_take_no_qualifier_across_the_quote(figs):
    found = figs("The party will campaign around 'one nation politics' this spring.")
    assert all(f.qualifier is None for f in found)


@pytest.mark.parametrize("sentence, text", [
    ("She won the women's 8km race in Belfast.", "8km"),
    ("He took the 12-mile race by a minute.", "12-mile"),
    ("The world cross country 4km champion pulled out.", "4km"),
])
def test_a_distance_naming_a_race_is_not_a_figure(figs, sentence, text):
    assert text not in [f.text for f in figs(sentence)]


def test_a_distance_travelled_is_still_a_figure(figs):
    fig = find(figs("The convoy drove 8km to the border."), "8km")
    assert (fig.value, fig.unit) == (8.0, "km")


@pytest.mark.parametrize("sentence, text, about", [
    ("Unemployment hit a 30-year low of 3.9% in June.", "3.9%", "Unemployment"),
    ("Its audience slumped from a peak of nine million to two million.", "nine million", "audience"),
    ("Inflation eased from the ten-year high of 4.1%.", "4.1%", "Inflation"),
])
def test_an_amount_of_a_record_level_is_about_what_reached_it(figs, sentence, text, about):
    assert find(figs(sentence), text).about == about


@pytest.mark.parametrize("sentence, text, unit, qualifier", [
    ("The number of registered voters has reached 2.3 million.", "2.3 million", "voter", None),
    ("The number of subscribers has now exceeded 800,000.", "800,000", "subscriber", "more than"),
    ("The number of Americans injured or missing reached 35.", "35", "American", None),
])
def test_the_number_of_a_noun_counts_that_noun(figs, sentence, text, unit, qualifier):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.unit, fig.qualifier) == ("count", unit, qualifier)


def test_the_number_of_a_mixed_pair_gives_no_single_unit(figs):
    fig = find(figs("The number of homes and offices online rose to 4.1 million."), "4.1 million")
    assert fig.unit is None


@pytest.mark.parametrize("sentence, text, qualifier", [
    ("Revenue exceeded £40m last year.", "£40m", "more than"),
    ("Revenue did not exceed £40m last year.", "£40m", None),
    ("Its users will soon exceed the 90 million subscribers of its rival.", "90 million subscribers", None),
])
def test_an_exceeded_amount_is_more_than(figs, sentence, text, qualifier):
    assert find(figs(sentence), text).qualifier == qualifier


@pytest.mark.parametrize("sentence, text, direction", [
    ("The single slipped one place to number six.", "one place", "down"),
    ("The club climbed one spot in the table.", "one spot", "up"),
])
def test_a_change_of_one_is_an_amount(figs, sentence, text, direction):
    fig = find(figs(sentence), text)
    assert (fig.value, fig.direction) == (1.0, direction)


def test_one_thing_sent_down_a_route_is_no_change(figs):
    assert figs("Firms want to send voice and data down one single cable.") == []


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("She was a member of two of three cup-winning squads.", "two", 2.0, "squad"),
    ("Eight of the 15 on the pitch on Sunday were new.", "Eight", 8.0, None),
])
def test_a_number_taking_part_of_another_is_kept(figs, sentence, text, value, unit):
    fig = find(figs(sentence), text)
    assert (fig.value, fig.unit) == (value, unit)


def test_half_in_a_counterfactual_is_a_figure_of_speech(figs):
    found = figs("If the side had half the composure its rivals show, it would be unbeaten.")
    assert "half" not in [f.text.lower() for f in found]
    assert find(figs("Half the budget went on staff last year."), "Half").value == 0.5


# -- audit 26: numbers away from their noun, multipliers, signs, race names, "term" ----------------------

@pytest.mark.parametrize("sentence, text, unit, level_sentence, level_text", [
    ("Applications for the grants rose to 41,300 last year.", "41,300", "application",
     "Prices rose to 320 after the harvest failed.", "320"),
    ("Visitors to the gallery numbered 12,000 over the weekend.", "12,000", "visitor",
     "Profits reached 900 in the period.", "900"),
    ("Truck sales totalled 820,000 in the year.", "820,000", "truck",
     "Sales were 4.1 billion last year.", "4.1 billion"),
    ("Home loans in March fell to 64,000 from 70,000 in February.", "64,000", "home loan",
     "Shares in the group rose to 450 by midday.", "450"),
    ("Deaths from the fever reached 310 in the province.", "310", "death",
     "The grant is paid where pensioners are over 80.", "over 80"),
])
def test_a_bare_level_of_a_plural_subject_counts_it_unless_it_is_a_sum(figs, sentence, text, unit, level_sentence,
                                                                        level_text):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.unit) == ("count", unit)
    assert find(figs(level_sentence), level_text).unit is None


@pytest.mark.parametrize("sentence, text, value, unit, currency", [
    ("The bank will pay 2bn euros now, with another 750m due within a year.", "750m", 750e6, "EUR", "EUR"),
    ("Investors put in £40m, and a further 15m is promised.", "15m", 15e6, "£", "GBP"),
])
def test_more_of_the_money_just_named_is_money_but_an_unscaled_count_is_not(figs, sentence, text, value, unit,
                                                                          currency):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.value, fig.unit, fig.currency) == ("money", value, unit, currency)
    fig = find(figs("The mill cut 300 jobs and will pay £2m in redundancy; another 200 will go next year."), "200")
    assert (fig.kind, fig.unit) == ("count", "job")


def test_part_of_a_possessed_count_takes_its_noun_when_the_parse_drops_the_of(figs):
    assert find(figs("The reform removed all but 92 of the Lords' 750 hereditary peers."), "92").unit == "peer"


@pytest.mark.parametrize("sentence, text, value, qualifier, direction", [
    ("Processing power has grown 250,000 times.", "250,000 times", 250000.0, None, "up"),
    ("The sensor gives pictures at least four times sharper than before.", "at least four times", 4.0,
     "at least", None),
    ("Demand could rise by a factor of 20 over the decade.", "a factor of 20", 20.0, None, "up"),
    ("Output has nearly doubled since 2001.", "nearly doubled", 2.0, "less than", "up"),
])
def test_multipliers_but_not_counted_occasions(figs, sentence, text, value, qualifier, direction):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.value, fig.qualifier, fig.direction) == ("multiple", value, qualifier, direction)
    for occasions in ("Interest rates rose five times between 2003 and 2004.", "He had been warned two times earlier."):
        assert all(f.kind != "multiple" for f in figs(occasions))


def test_minus_makes_a_negative_amount(figs):
    fig = find(figs("The chamber is cooled to minus 150 degrees."), "minus 150 degrees")
    assert (fig.value, fig.unit) == (-150.0, "degree")
    assert [f.value for f in figs("Eight minus 3 leaves five.")] == [3.0]


@pytest.mark.parametrize("sentence", [
    "He finished fourth in the 20K walk in Athens.",
    "She broke the 10k record in Berlin.",
])
def test_a_distance_in_k_that_names_a_race_is_no_figure(figs, sentence):
    assert figs(sentence) == []
    fig = find(figs("The firm hired 10k workers in a year."), "10k workers")
    assert (fig.value, fig.unit) == (10000.0, "worker")


@pytest.mark.parametrize("sentence, text, value", [
    ("She won two successive terms in office.", "two successive terms", 2.0),
    ("On average, users type 2.4 terms into a search box.", "2.4 terms", 2.4),
])
def test_terms_are_counted_not_lengths_of_time(figs, sentence, text, value):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.value, fig.unit) == ("count", value, "term")


@pytest.mark.parametrize("sentence, text, unit", [
    ("The mast carries four receiving antennae.", "four receiving antennae", "receiving antenna"),
    ("The tank held 200 larvae.", "200 larvae", "larva"),
])
def test_irregular_plurals_are_counted_in_the_singular(figs, sentence, text, unit):
    assert find(figs(sentence), text).unit == unit


@pytest.mark.parametrize("sentence", [
    "She was picked for both the 800m and 1500m at next month's indoor meeting.",
    "He is the European silver medallist over 5000m.",
])
def test_race_distances_named_as_events_after_the_or_a_medal_noun(figs, sentence):
    assert figs(sentence) == []
    fig = find(figs("He ran over 3000m in training."), "over 3000m")
    assert (fig.value, fig.unit) == (3000.0, "m")


@pytest.mark.parametrize("sentence, text, per", [
    ("The council wants an extra levy of up to £9,000 on every new flat.", "up to £9,000", "flat"),
    ("A charge of £50 on each car will be made at the border.", "£50 on each car", "car"),
])
def test_an_amount_on_every_one_of_something_is_a_rate(figs, sentence, text, per):
    assert find(figs(sentence), text).per == per


# -- audit 32 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, text, value, unit", [
    ("The government found £12 billions worth of savings.", "£12 billions", 12e9, "£"),
    ("Investors lost $3 millions on the deal.", "$3 millions", 3e6, "$"),
])
def test_a_plural_scale_word_after_a_number_multiplies_it(figs, sentence, text, value, unit):
    got = figs(sentence)
    fig = find(got, text)
    assert (fig.value, fig.unit) == (pytest.approx(value), unit)
    assert [f.text for f in got] == [text]


@pytest.mark.parametrize("sentence, text, unit", [
    ("The scheme would help over 50,000 home-buyers this year.", "over 50,000 home-buyers", "home-buyer"),
    ("The firm sent 400 e-mail reminders.", "400 e-mail reminders", "reminder"),
])
def test_a_hyphenated_noun_is_one_unit(figs, sentence, text, unit):
    assert find(figs(sentence), text).unit == unit


@pytest.mark.parametrize("sentence, text, low, high, unit", [
    ("The dealer keeps 30 or 40 cars in stock.", "30 or 40 cars", 30, 40, "car"),
    ("Police arrested 2 or 3 men.", "2 or 3 men", 2, 3, "man"),
])
def test_two_alternative_digit_numbers_before_a_noun_are_one_range_like_number_words(figs, sentence, text, low, high,
                                                                                     unit):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.low, fig.high, fig.unit) == ("range", low, high, unit)
    assert [f.text for f in figs("Flights 7 or 8 were cancelled, and 20 or 50 people waited.")].count("7 or 8") == 0


@pytest.mark.parametrize("sentence, text, kind, per", [
    ("Fraud costs the banks billions every year.", "billions every year", "rate", "year"),
    ("The scheme costs millions of pounds a year.", "millions of pounds a year", "money", "year"),
])
def test_a_vague_amount_per_unit_of_time_is_a_rate(figs, sentence, text, kind, per):
    fig = find(figs(sentence), text)
    assert (fig.kind, fig.per) == (kind, per)
    assert find(figs("Thousands of fans queued outside each day."), "Thousands of fans").per is None


@pytest.mark.parametrize("sentence, text, about", [
    ("The reform led to an increase of 300,000 in unemployment.", "300,000", "unemployment"),
    ("Analysts saw a fall of 4% in exports.", "4%", "exports"),
    ("The plan would lead to a rise of almost 20,000 in unemployment.", "almost 20,000", "unemployment"),
])
def test_a_change_noun_measures_its_in_noun_not_itself(figs, sentence, text, about):
    assert find(figs(sentence), text).about == about
    assert find(figs("The firm has a workforce of 75,000."), "75,000").about == "workforce"
    assert find(figs("The bank forecasts growth of 3% for next year."), "3%").about == "growth"


def test_a_singular_acronym_keeps_its_capitals(figs):
    assert find(figs("The unit gained one senior GP."), "one senior GP").unit == "GP"
    assert find(figs("The party has 50 MPs."), "50 MPs").unit == "MP"
