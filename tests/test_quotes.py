"""Quotes: direct, partial and indirect speech with speakers, on the seed and on sentences written here."""

from __future__ import annotations

import pytest

from factx.linking import name_matches
from factx.quotes import extract_quotes
from factx.records import Entity, Mention


def quotes_of(parse, text, entities=()):
    return extract_quotes(parse(text), list(entities))


def overlap(a_start, a_end, b_start, b_end):
    return max(0, min(a_end, b_end) - max(a_start, b_start))


# -- the seed article ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_quotes(seed_doc):
    return extract_quotes(seed_doc, [])


def _find(quotes, text, gold):
    start = text.find(gold["text"])
    assert start >= 0, gold["text"]
    end = start + len(gold["text"])
    best = max(quotes, key=lambda q: overlap(q.start, q.end, start, end), default=None)
    if best is None or overlap(best.start, best.end, start, end) < 0.8 * max(end - start, best.end - best.start):
        return None
    return best


def test_seed_required_quotes_found_with_speaker_kind_and_cue(seed_quotes, seed_gold, seed_text):
    for gold in seed_gold["quotes"]:
        if gold.get("optional"):
            continue
        found = _find(seed_quotes, seed_text, gold)
        assert found is not None, gold["text"]
        assert found.kind == gold["kind"], gold["text"]
        assert found.speaker == gold["speaker"], (gold["text"], found.speaker)
        assert found.cue == gold["cue"], (gold["text"], found.cue)


def test_seed_quote_texts_are_exact(seed_quotes, seed_gold, seed_text):
    texts = {q.text for q in seed_quotes}
    missing = [g["text"] for g in seed_gold["quotes"] if not g.get("optional") and g["text"] not in texts]
    assert missing == []


def test_seed_every_prediction_is_a_gold_quote_or_reported_speech(seed_quotes, seed_gold, seed_text):
    gold_spans = []
    for gold in seed_gold["quotes"]:
        start = seed_text.find(gold["text"])
        gold_spans.append((start, start + len(gold["text"])))
    extra = [q for q in seed_quotes if not any(overlap(q.start, q.end, s, e) for s, e in gold_spans)]
    # the one extra is reported speech the gold leaves out ("emphasized the need to ...")
    assert len(extra) <= 1
    assert all(q.cue is not None and q.speaker == "Mark Carney" for q in extra)


def test_seed_records_are_consistent(seed_quotes, seed_doc):
    text = seed_doc.text
    assert [q.id for q in seed_quotes] == [f"q{i}" for i in range(1, len(seed_quotes) + 1)]
    assert [q.start for q in seed_quotes] == sorted(q.start for q in seed_quotes)
    for q in seed_quotes:
        assert text[q.start:q.end] == q.text
        assert 0.0 <= q.confidence <= 1.0
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_text
        if q.cue_start is not None:
            assert q.cue_end > q.cue_start
        assert q.speaker not in ("It", "it", "this", "He", "he")


def test_seed_is_deterministic(seed_doc):
    assert extract_quotes(seed_doc, []) == extract_quotes(seed_doc, [])


def test_seed_through_the_pipeline_links_speakers_to_entities(seed_result, seed_gold, seed_text):
    entities = {e.id: e for e in seed_result.entities}
    for gold in seed_gold["quotes"]:
        if gold.get("optional"):
            continue
        found = _find(list(seed_result.quotes), seed_text, gold)
        assert found is not None and found.speaker == gold["speaker"], gold["text"]
        if found.speaker_id is not None:
            assert entities[found.speaker_id].name == found.speaker


def test_seed_speaker_filter_by_alias(seed_quotes):
    carney = [q for q in seed_quotes if name_matches("carney", [q.speaker])]
    assert len(carney) >= 12
    assert all(q.speaker == "Mark Carney" for q in carney)


# -- sentences ----------------------------------------------------------------------------------------

CASES = [
    ('"We will build the bridge next year," the mayor said.',
     [("direct", "We will build the bridge next year", "the mayor", "say")]),
    ('Ms Jane Okafor said: "Prices will rise before the summer."',
     [("direct", "Prices will rise before the summer.", "Jane Okafor", "say")]),
    ("The company said profits fell sharply in the first quarter.",
     [("indirect", "profits fell sharply in the first quarter", "The company", "say")]),
    ("Sales of electric bikes rose by a third last year, according to the trade body.",
     [("indirect", "Sales of electric bikes rose by a third last year", "the trade body", "according to")]),
    ("Tom Reyes told reporters that the factory would close in March.",
     [("indirect", "the factory would close in March", "Tom Reyes", "tell")]),
    ("‘We have no plans to sell the club,’ said Mr Arjun Patel.",
     [("direct", "We have no plans to sell the club", "Arjun Patel", "say")]),
    ("''The vote was fair and the count was clean,'' said Karen Holt, the returning officer.",
     [("direct", "The vote was fair and the count was clean", "Karen Holt", "say")]),
    ("The union leader called the offer \"an insult to every nurse in the country\" on Tuesday.",
     [("partial", "an insult to every nurse in the country", "The union leader", "call")]),
]


@pytest.mark.parametrize("sentence,expected", CASES)
def test_sentences(parse, sentence, expected):
    got = [(q.kind, q.text, q.speaker, q.cue) for q in quotes_of(parse, sentence)]
    assert got == expected


NOT_QUOTES = [
    'The so-called "experts" disagreed with each other.',
    'She starred in "The Long Road Home" last year.',
    "Only time will tell if the plan works.",
    "He did not say whether the talks had failed.",
    "It is said that the castle is haunted.",
    "The council approved the budget on Monday.",
    "",
]


@pytest.mark.parametrize("sentence", NOT_QUOTES)
def test_not_quotes(parse, sentence):
    assert quotes_of(parse, sentence) == []


def test_paragraph_continuation_and_inherited_speaker(parse):
    text = ('Tom Reyes, the club chairman, spoke after the match. He said: "The first part of the job is done.\n\n'
            '"The second part will take much longer."')
    quotes = quotes_of(parse, text)
    assert [q.kind for q in quotes] == ["direct", "direct"]
    assert quotes[0].text == "The first part of the job is done."
    assert quotes[1].text == "The second part will take much longer."
    assert [q.speaker for q in quotes] == ["Tom Reyes", "Tom Reyes"]
    assert quotes[0].cue == "say" and quotes[1].cue is None


def test_cueless_quote_after_attribution_inherits(parse):
    text = 'Maria Lopez arrived on Monday. "We are ready," she said. "Nobody should doubt it."'
    quotes = quotes_of(parse, text)
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [
        ("We are ready", "Maria Lopez", "say"),
        ("Nobody should doubt it.", "Maria Lopez", None),
    ]
    assert quotes[0].speaker_text == "she"


def test_pronoun_goes_to_nearest_person_subject(parse):
    text = "Maria Lopez met the minister on Monday. She said the strike would continue until Friday."
    (quote,) = quotes_of(parse, text)
    assert quote.speaker == "Maria Lopez"
    assert quote.speaker_text == "She"


def test_definite_source_goes_back_to_the_unnamed_one(parse):
    text = ("A senior police official said the road would reopen on Sunday. "
            "The official added that nobody had been hurt in the crash.")
    quotes = quotes_of(parse, text)
    assert [q.speaker for q in quotes] == ["A senior police official", "A senior police official"]
    assert quotes[1].speaker_text == "The official"


def test_unresolvable_pronoun_gives_no_speaker(parse):
    (quote,) = quotes_of(parse, '"Everything is fine," it said.')
    assert quote.speaker is None and quote.kind == "direct"


def test_quote_running_on_after_a_sentence_in_flattened_paragraphs(parse):
    text = 'Kemi Adebayo said: "We played well today. "The second half was our best of the season."'
    quotes = quotes_of(parse, text)
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [
        ("We played well today.", "Kemi Adebayo", "say"),
        ("The second half was our best of the season.", "Kemi Adebayo", None),
    ]


def test_cue_inside_the_reported_clause(parse):
    text = "Rosa Klein met the board. Most of the closures, she said, have hit rural branches."
    (quote,) = quotes_of(parse, text)
    assert quote.text == "Most of the closures, she said, have hit rural branches"
    assert (quote.kind, quote.speaker, quote.cue) == ("indirect", "Rosa Klein", "say")


def test_quoted_as_saying_names_the_source_not_the_outlet(parse):
    text = 'The finance minister was quoted by a news agency as saying: "The currency will stay strong."'
    (quote,) = quotes_of(parse, text)
    assert quote.speaker == "The finance minister"


def test_it_goes_back_to_a_company_not_to_a_plural(parse):
    text = ("Brightwell Foods said sales fell in March. Analysts said the drop was expected. "
            "It said a recovery would come in the autumn.")
    quotes = quotes_of(parse, text)
    assert quotes[-1].speaker == "Brightwell Foods"
    assert quotes[-1].speaker_text == "It"


def test_headline_run_into_the_first_sentence_is_not_the_speaker(parse):
    text = "Ortiz eyes return to form\n\nFormer world number one Lucia Ortiz insists she can win the title again."
    (quote,) = quotes_of(parse, text)
    assert quote.speaker == "Lucia Ortiz"
    assert quote.text == "she can win the title again"


def test_coordinated_that_clauses_make_one_quote(parse):
    text = "The minister said that prices were falling and that wages would rise next year."
    (quote,) = quotes_of(parse, text)
    assert quote.text == "prices were falling and that wages would rise next year"


def test_second_reporting_verb_is_its_own_quote(parse):
    text = "Dana Whitfield has said that taxes will not rise but has suggested that fees could go up."
    quotes = quotes_of(parse, text)
    assert [q.text for q in quotes] == ["taxes will not rise", "fees could go up"]
    assert [q.cue for q in quotes] == ["say", "suggest"]


def test_entities_give_the_canonical_name_and_id(parse):
    text = 'Dana Whitfield opened the plant. "It took three years," Whitfield said.'
    start = text.index("Whitfield said")
    entity = Entity(id="e1", name="Dana Whitfield", label="PERSON", aliases=("Whitfield",),
                    mentions=(Mention(0, 14, "Dana Whitfield"), Mention(start, start + 9, "Whitfield")))
    (quote,) = quotes_of(parse, text, [entity])
    assert quote.speaker == "Dana Whitfield"
    assert quote.speaker_id == "e1"
    assert quote.speaker_text == "Whitfield"


@pytest.mark.parametrize("text", [
    'He said "this never ends. And then he left.',
    '"" "" """ “ ” ‘ ’',
    'She said: "one\n\ntwo" "three',
    "'" * 50,
    '"' + "word " * 2000,
])
def test_odd_quote_marks_never_raise(parse, text):
    quotes = quotes_of(parse, text)
    for q in quotes:
        assert text[q.start:q.end] == q.text
