"""Quotes: direct, partial and indirect speech with speakers, on the seed and on sentences written here."""

from __future__ import annotations

import pytest

import factx
from factx.filters import filter_result
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
     [("partial", 'the offer "an insult to every nurse in the country"', "The union leader", "call")]),
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


# -- asides, scare quotes, group speakers, gender, labels (issue 5 follow-up) ---------------------------

ASIDES = [
    # the aside sits after the subject: the whole clause is the content, the cue stays inside it
    ("One likely cause of the drop in sales, Mr Brown says, is the fact that more shoppers are buying online.",
     "One likely cause of the drop in sales, Mr Brown says, is the fact that more shoppers are buying online"),
    ('This, Ms Hart warns, is "worrying" and bad for profits.',
     'This, Ms Hart warns, is "worrying" and bad for profits'),
    # after the predicate, with more of the clause to come; a leading connective is not content
    ("However, the banks also saw a sharp rise in complaints, she says, from 5% in 2003 to 13% last year.",
     "the banks also saw a sharp rise in complaints, she says, from 5% in 2003 to 13% last year"),
    # the aside opens the clause: what was said follows it
    ("However, she said, the firm would cut jobs.", "the firm would cut jobs"),
    ("In contrast, she said, the firm would keep every job.", "the firm would keep every job"),
    # a phrase that scopes what was said stays in it
    ("For the council, she said, the new tax would be a lifeline.",
     "For the council, she said, the new tax would be a lifeline"),
    ("But, he added, prices will keep rising next year.", "prices will keep rising next year"),
]


@pytest.mark.parametrize("sentence,text", ASIDES)
def test_parenthetical_cue_is_indirect_with_one_contiguous_span(parse, sentence, text):
    (quote,) = quotes_of(parse, sentence)
    # a word in quote marks inside the clause is the speaker's own: the quote is partial
    assert quote.kind == ("partial" if '"' in text else "indirect")
    assert quote.text == text
    assert sentence[quote.cue_start:quote.cue_end] in ("says", "warns", "said", "added")
    if quote.cue_start > quote.start:
        assert quote.start < quote.cue_start < quote.end


def test_single_quoted_phrase_is_a_scare_quote_where_speech_uses_double_marks(parse):
    text = ('"Callers expect an answer at once," said Ana Ruiz. '
            "Ms Ruiz says more customers are calling 'on the move' these days.")
    quotes = quotes_of(parse, text)
    assert [q.kind for q in quotes] == ["direct", "indirect"]
    assert quotes[1].text == "more customers are calling 'on the move' these days"


def test_headline_fragment_is_not_attributed_across_the_line_break(parse):
    text = "Shoppers 'lose patience'\n\nShoppers are quicker to hang up than ever, a survey suggests."
    quotes = quotes_of(parse, text)
    assert [(q.kind, q.text, q.speaker) for q in quotes] == [
        ("indirect", "Shoppers are quicker to hang up than ever", "a survey")]


def test_quantified_pronoun_speaker_names_the_group(parse):
    text = ("Many retailers that moved work abroad were driven by cost. Only 42% of them say that cost is "
            "the main factor. Half of them argue that staff abroad are better trained.")
    quotes = quotes_of(parse, text)
    assert [(q.speaker, q.speaker_text) for q in quotes] == [
        ("Only 42% of retailers", "Only 42% of them"), ("Half of retailers", "Half of them")]


def test_those_with_a_modifier_is_kept_as_written(parse):
    (quote,) = quotes_of(parse, "Most of those questioned said the service was too slow.")
    assert quote.speaker == "Most of those questioned"


@pytest.mark.parametrize("text,speaker", [
    # a person talked about inside the last quote is not the next "she"
    ('Alex Morgan said she believed Tom Price had acted too fast. "We must now repair the damage," she told '
     "the BBC.", "Alex Morgan"),
    # an apposition to the subject counts as the subject ("His sister Nora Blake told ...")
    ("Dev Patel, the manager, said the team was tired.\n\nHis sister Nora Blake told reporters the family was "
     'proud. "We are so proud of him," she said.', "Nora Blake"),
])
def test_pronoun_speaker_resolution(parse, text, speaker):
    assert quotes_of(parse, text)[-1].speaker == speaker


def test_she_is_not_bound_to_a_person_the_text_calls_he(parse):
    text = ('Chris Dale told the board he would resign in May. Dale said he was proud of the staff. '
            '"It is a sad day for the firm," she said.')
    quotes = quotes_of(parse, text)
    assert quotes[0].speaker == "Chris Dale"
    assert quotes[-1].speaker_text == "she" and quotes[-1].speaker is None


def test_one_he_in_a_reported_clause_does_not_make_the_speaker_male(parse):
    text = 'Jo Rantzen said he was "so lovely" to work with. "He was a real gentleman," she said.'
    assert quotes_of(parse, text)[-1].speaker == "Jo Rantzen"


def test_participle_clause_speaker_is_the_clause_subject_not_the_noun_before(parse):
    text = "Brightwell Foods was upbeat about prospects for its diet drinks saying that demand is rising."
    (quote,) = quotes_of(parse, text)
    assert quote.text == "demand is rising"
    assert quote.speaker == "Brightwell Foods"


@pytest.mark.parametrize("sentence,text", [
    ('The minister said the plan was "a costly mistake".', 'the plan was "a costly mistake"'),
    ('Kerry Lane told MPs that the agency "made the wrong call" in March.',
     'the agency "made the wrong call" in March'),
    ('Mr Hale said "our town" was being "sold off" by the council.',
     '"our town" was being "sold off" by the council'),
])
def test_reported_span_never_holds_half_a_pair_of_quote_marks(parse, sentence, text):
    (quote,) = quotes_of(parse, sentence)
    assert quote.kind == "partial"
    assert quote.text == text


@pytest.mark.parametrize("sentence", [
    "He wants to raise the child he says is his.",
    "Nobody is denying that a merger is planned.",
    'The film goes "far beyond the usual story" in places.',
    # "according to" meaning "in line with" names no source
    "The building work went ahead according to plan.",
    "Voters often pick a party according to their instinctive preference.",
])
def test_more_non_quotes(parse, sentence):
    assert quotes_of(parse, sentence) == []


def test_according_to_a_source_is_still_reported(parse):
    (quote,) = quotes_of(parse, "The shop sells leather goods and pottery, according to its website.")
    assert (quote.text, quote.speaker, quote.cue) == ("The shop sells leather goods and pottery", "its website", "according to")


@pytest.mark.parametrize("sentence,text,cue", [
    # a request is reported speech: what was asked, not the clause joined on before it
    ("Mr Hale is not a programmer, so he asked others to write the code for him.",
     "to write the code for him", "ask"),
    ("Senator Mary Cole called on the council to publish the accounts.", "to publish the accounts", "call"),
    ("Senator Mary Cole is calling for the council to publish the accounts.",
     "the council to publish the accounts", "call"),
    ("Senator Mary Cole proposed a new tax on second homes.", "a new tax on second homes", "propose"),
    ("Senator Mary Cole demanded a full inquiry into the contract.", "a full inquiry into the contract", "demand"),
    # a warning to someone not to do something is what the one who warned said
    ("Several governors have warned the agency not to cut the grants this year.",
     "not to cut the grants this year", "warn"),
])
def test_requests_and_proposals(parse, sentence, text, cue):
    (quote,) = quotes_of(parse, sentence)
    assert (quote.kind, quote.text, quote.cue) == ("indirect", text, cue)


@pytest.mark.parametrize("sentence", [
    "It is hard to say whether the scheme will work.",
    "It was wrong to propose a system which could turn away refugees.",
    "When asked about the cost of the scheme, Mary Cole said nothing.",
    "Asked about the delay, the council's leader smiled.",
    "Senator Mary Cole proposed a toast.",
    "Mary Cole was warned not to travel to the region.",
    # what someone wants others to say or recall is not said
    "Senator Cole wants voters to recall that she opposed the war.",
])
def test_no_request_without_one_asking(parse, sentence):
    assert quotes_of(parse, sentence) == []


@pytest.mark.parametrize("text,speaker", [
    ('In an interview with the Gazette, Ms Dunwoody, who chairs the transport committee, says: '
     '"Small rises in speed hurt cyclists."', "Dunwoody"),
    ('The agency has failed. Theresa May, the home secretary, said: "We will act on this."', "Theresa May"),
    ('The match ended level.\n\n- Leeds boss Kevin Blackwell: "We had a great chance to win."', "Kevin Blackwell"),
    ('The match ended level.\n\n- Bolton boss Sam Allardyce "I am bitterly disappointed with the result."',
     "Sam Allardyce"),
])
def test_direct_quote_speakers_the_parse_leaves_loose(parse, text, speaker):
    quotes = quotes_of(parse, text)
    assert quotes and quotes[-1].kind == "direct"
    assert quotes[-1].speaker == speaker


def test_passive_as_reported_by_names_the_agent(parse):
    text = "As reported by the Western Gazette, the minister was warned about the risk in March."
    (quote,) = quotes_of(parse, text)
    assert (quote.speaker, quote.cue) == ("Western Gazette", "report")  # as the entities layer names it
    assert quote.text == "the minister was warned about the risk in March"


def test_time_clause_is_not_an_aside(parse):
    text = ("Oddly, after the department asked the aides to search their email, the inspector said that one "
            "message had helped officials.")
    quotes = quotes_of(parse, text)
    said = [(q.speaker, q.text) for q in quotes if q.cue == "say"]
    assert said == [("the inspector", "one message had helped officials")]
    # the time clause holds a request of its own, and nothing else
    assert [(q.speaker, q.text) for q in quotes if q.cue != "say"] == [("the department", "to search their email")]


def test_source_hung_on_the_content_by_the_parse_is_cut_off(parse):
    text = ("The woman waited two years to sue because she was trying to reach a settlement with the firms, "
            "her lawyer, Perry Walsh, said.")
    (quote,) = quotes_of(parse, text)
    assert quote.speaker == "Perry Walsh"
    assert quote.text == "The woman waited two years to sue because she was trying to reach a settlement with the firms"


@pytest.mark.parametrize("sentence,expected", [
    ("Staff are leaving because training is poor, the survey found.",
     [("staff are leaving because training is poor", "the survey", "find")]),
    ("Official figures showed that exports fell by 3% in May.",
     [("exports fell by 3% in May", "Official figures", "show")]),
    ("He found that the door was locked.", []),
    ('She found the food "really quite awful" on the night.', []),
])
def test_find_and_show_report_only_for_documents(parse, sentence, expected):
    got = [(q.text, q.speaker, q.cue) for q in quotes_of(parse, sentence)]
    assert [(t.lower(), s, c) for t, s, c in got] == [(t.lower(), s, c) for t, s, c in expected]


# -- a long reported clause closed by ", NAME said." ---------------------------------------------------

TRAILING = [
    # the parse hangs the cue on the clause as an adverbial and gives it the clause's "if"
    ("Fines and community service orders were other options which could be used if court orders to allow "
     "parental access were defied, Lord Harding said.", "Harding", "say"),
    # ... and also gives it the clause's own subject
    ("Fines and community service orders were other options which could be used if court orders to allow "
     "parental access were defied, Harding said.", "Harding", "say"),
    ("Curfews and night patrols were other tools which could be used if police orders to allow public access "
     "were defied, Sir John Hale said.", "John Hale", "say"),
    ("Curfews and community service orders were other options which could be used if court orders to allow "
     "parental access were defied, the minister told MPs.", "the minister", "tell"),
    # the same shape parsed the usual way keeps working
    ("Bonuses and share options were other rewards which could be used if board orders to allow staff access "
     "were approved, Lady Brook said.", "Brook", "say"),
    ("The scheme would be expanded if ministers agreed to fund it, Mr Smith said.", "Smith", "say"),
    ("Profits rose sharply, the company said.", "the company", "say"),
]


@pytest.mark.parametrize("sentence,speaker,cue", TRAILING)
def test_clause_before_a_closing_cue_is_what_was_said(parse, sentence, speaker, cue):
    quotes = quotes_of(parse, sentence)
    assert [(q.kind, q.speaker, q.cue) for q in quotes] == [("indirect", speaker, cue)]
    assert quotes[0].text == sentence[:sentence.rindex(",")]


@pytest.mark.parametrize("sentence", [
    "When asked about the fines, the minister said.",
    "Because the court orders were defied again and again, Lord Harding said.",
])
def test_an_adverbial_clause_before_a_closing_cue_is_not_a_quote(parse, sentence):
    assert quotes_of(parse, sentence) == []


# -- he/she after a person the entities layer missed ----------------------------------------------------

def _people(text, *names):
    """Person entities for ``names`` with every mention written in ``text``."""
    out = []
    for n, name in enumerate(names, 1):
        mentions, k = [], text.find(name)
        while k >= 0:
            mentions.append(Mention(k, k + len(name), name))
            k = text.find(name, k + len(name))
        out.append(Entity(id=f"e{n}", name=name, label="PERSON", aliases=(), mentions=tuple(mentions)))
    return out


@pytest.mark.parametrize("text,people,speaker", [
    # the previous attribution's subject beats a person mentioned inside what was reported before it
    ('Campaigner Jim Walsh said he had been warned by housing minister Margaret Hodge that the bill would be '
     'delayed.\n\nTheresa May, shadow secretary for housing, told the Today programme that the plans were '
     '"timid". She said a new government would build "far more homes" within five years.',
     ("Jim Walsh", "Margaret Hodge"), "Theresa May"),
    ('Theresa May, shadow secretary for housing, told the Today programme that the plans were "timid". '
     'She said a new government would build "far more homes" within five years.', (), "Theresa May"),
    ('Mr Obi said the talks had stalled. He said the unions "had not moved an inch".', (), "Obi"),
])
def test_pronoun_goes_to_the_named_subject_of_the_previous_attribution(parse, text, people, speaker):
    quotes = quotes_of(parse, text, _people(text, *people))
    assert quotes[-1].speaker_text in ("She", "He")
    assert quotes[-1].speaker == speaker


def test_titled_surname_the_entities_layer_missed_takes_the_entity_name(parse):
    text = 'Finance minister Daniel Obi met the unions. Mr Obi said the talks had stalled.'
    people = [Entity(id="e1", name="Daniel Obi", label="PERSON", aliases=(), mentions=(Mention(17, 27, "Daniel Obi"),))]
    (quote,) = quotes_of(parse, text, people)
    assert (quote.speaker, quote.speaker_id, quote.speaker_text) == ("Daniel Obi", "e1", "Obi")


def test_an_unlabelled_institution_is_not_he(parse):
    text = 'Downing Street said the plans were final. "We will not change course," he said.'
    assert quotes_of(parse, text)[-1].speaker is None


@pytest.mark.parametrize("sentence,text,cue", [
    ('The mayor called the plan "reckless" on Monday.', 'the plan "reckless"', "call"),
    ('The mayor described the plan as "reckless" on Monday.', 'the plan as "reckless"', "describe"),
    ('The mayor called it "reckless" on Monday.', "reckless", "call"),
])
def test_a_word_someone_called_something_is_theirs_with_what_they_called_it(parse, sentence, text, cue):
    (quote,) = quotes_of(parse, sentence)
    assert (quote.kind, quote.text, quote.cue, quote.speaker) == ("partial", text, cue, "The mayor")


def test_a_single_scare_quoted_word_is_still_not_a_quote(parse):
    assert quotes_of(parse, 'The shop on the corner sells "organic" vegetables.') == []


def test_trailing_saying_is_its_own_quote(parse):
    text = "Ms Cole argued that the levy would keep prices down, saying it was fair to everyone."
    got = [(q.cue, q.text) for q in quotes_of(parse, text)]
    assert got == [("argue", "the levy would keep prices down"), ("say", "it was fair to everyone")]


@pytest.mark.parametrize("sentence,text", [
    # doubled single marks (a newspaper style): the clause runs to the closing marks
    ("Mary Cole predicted the vote would ''go right down to the wire.''",
     "the vote would ''go right down to the wire.''"),
    # an aside before a fragment that the writer's sentence carries on after
    ("The new stadium, Mary Cole said, ''is a fine example of planning'' for the long term.",
     "The new stadium, Mary Cole said, ''is a fine example of planning'' for the long term"),
])
def test_clause_carrying_a_fragment_is_one_partial_quote(parse, sentence, text):
    (quote,) = quotes_of(parse, sentence)
    assert (quote.kind, quote.text, quote.speaker) == ("partial", text, "Mary Cole")


def test_speaker_before_a_relative_clause_the_parse_made_a_complement(parse):
    # the parse makes "who sits ..." the verb's clause, with "Cole" and "who" both its subjects
    text = "Cole, meanwhile, who sits at zero such endorsements, said the plan speaks volumes about the council."
    (quote,) = quotes_of(parse, text)
    assert (quote.speaker, quote.text) == ("Cole", "the plan speaks volumes about the council")


@pytest.mark.parametrize("text,speaker", [
    ('Talks resumed on Monday. Mayor Tom Reed\'s chief aide said the city would not give way. '
     '"We have waited long enough," he said.', "Mayor Tom Reed's chief aide"),
    ('Tom Reed\'s shop was closed. A spokeswoman for the council said the road would reopen. '
     '"The work is nearly done," she said.', "A spokeswoman for the council"),
])
def test_pronoun_after_an_unnamed_source_is_that_source(parse, text, speaker):
    quotes = quotes_of(parse, text)
    assert [q.speaker for q in quotes] == [speaker, speaker]


def test_the_company_is_the_organisation_the_story_names_most():
    import factx

    text = ("Lufthansa has cut 500 jobs. Shares in Lufthansa fell 3% on Monday. "
            "The company said it would hire again next year.")
    (quote,) = factx.extract(text).quotes
    assert (quote.speaker, quote.speaker_text) == ("Lufthansa", "The company")
    # two organisations named as often: no guess
    text = "Lufthansa ordered ten jets from Boeing. The company said the deal was worth $1bn."
    (quote,) = factx.extract(text).quotes
    assert (quote.speaker, quote.speaker_id) == ("The company", None)


@pytest.mark.parametrize("text,expected", [
    ("Mary Cole: The council will not raise taxes this year\n\nThe leader of the council spoke on Monday.",
     [("Mary Cole", "The council will not raise taxes this year")]),
    # a team sheet and a "Related:" line are not speech
    ("Wales: G Thomas; H Luscombe, T Shanklin, G Henson, S Williams; S Jones, D Peel.", []),
    ("Related: Council Budget Plans Under Fire.", []),
])
def test_headline_naming_a_speaker_before_a_colon(text, expected):
    import factx

    assert [(q.speaker, q.text) for q in factx.extract(text).quotes] == expected


@pytest.mark.parametrize("sentence,text,cue", [
    # the parse makes the gerund subject the verb's complement and hangs the clause on it
    ("Yet many economists, like their colleagues abroad, say taxing consumption encourages savings.",
     "taxing consumption encourages savings", "say"),
    # the parse hangs the that-clause on the nearest noun
    ("Mary Cole stepped up her campaign for more police, warning followers on social media and in interviews "
     "that the gangs could easily return.", "the gangs could easily return", "warn"),
    # a title-case headline
    ("Mary Cole Says Council Should Cut Taxes", "Council Should Cut Taxes", "say"),
])
def test_reported_clause_the_parse_hung_elsewhere(parse, sentence, text, cue):
    (quote,) = quotes_of(parse, sentence)
    assert (quote.kind, quote.text, quote.cue) == ("indirect", text, cue)


def test_that_clause_of_a_content_noun_is_not_reported(parse):
    assert quotes_of(parse, "Mary Cole told reporters about the claim that taxes would rise.") == []


@pytest.mark.parametrize("text,speaker", [
    ('Mary Cole, exasperated, famously responded: "What difference does it make?"', "Mary Cole"),
    ('Mary Cole was blunt: "We will not pay."', "Mary Cole"),
    ('"We will win," said Mary Cole, who chairs the committee.', "Mary Cole"),
    ('"The agents involved are under a lot of pressure," an intelligence source, who was not authorized '
     'to speak on the record, told reporters.', "an intelligence source"),
    # a thing is no speaker, even before a colon
    ('His message to the council was: "Please do not waste the money."', None),
])
def test_direct_quote_speaker_across_colons_and_relative_clauses(parse, text, speaker):
    (quote,) = quotes_of(parse, text)
    assert (quote.kind, quote.speaker) == ("direct", speaker)


@pytest.mark.parametrize("sentence,text,speaker", [
    ("The council cut the bus budget, which critics say will leave villages cut off.",
     "will leave villages cut off", "critics"),
    ("Mary Cole mocked the story of the fire, an event that Tom Reed says led him to the church.",
     "led him to the church", "Tom Reed"),
    ("Under the new rules - which the minister said would start within days - fares will rise.",
     "would start within days", "the minister"),
    ("They backed a plan which the minister told MPs would cut costs.", "would cut costs", "the minister"),
])
def test_relative_clause_with_a_reported_claim(parse, sentence, text, speaker):
    (quote,) = [q for q in quotes_of(parse, sentence) if q.text == text]
    assert (quote.kind, quote.speaker, quote.cue) == ("indirect", speaker, "tell" if " told " in sentence else "say")


@pytest.mark.parametrize("sentence,text,cue", [
    ("Mary Cole branded the new scheme a waste of money.", "the new scheme a waste of money", "brand"),
    ("The mayor described the plan as reckless and expensive.", "the plan as reckless and expensive", "describe"),
])
def test_what_someone_called_something(parse, sentence, text, cue):
    (quote,) = quotes_of(parse, sentence)
    assert (quote.kind, quote.text, quote.cue) == ("indirect", text, cue)


@pytest.mark.parametrize("sentence", [
    "The resort, now called Trump National Doral, was sold last year.",
    "They called the resort Trump National Doral after the sale.",
    "Mary Cole called the meeting for Tuesday.",
])
def test_names_and_meetings_are_not_what_someone_called_something(parse, sentence):
    assert quotes_of(parse, sentence) == []


@pytest.mark.parametrize("text,speaker", [
    ("Lancaster Mayor Tom Reed opened the bridge on Monday. The mayor said the tolls would go.", "Tom Reed"),
    ("The Transport Ministry cut the budget. The ministry said fares would rise.", "Transport Ministry"),
    # a shadow chancellor is not "the chancellor"
    ("Shadow Chancellor Tom Reed spoke first. The chancellor said taxes would fall.", "The chancellor"),
])
def test_definite_description_is_the_one_entity_it_fits(text, speaker):
    import factx

    (quote,) = factx.extract(text).quotes
    assert quote.speaker == speaker


def test_relative_clause_keeps_both_quote_marks_of_its_fragment(parse):
    text = 'Mary Cole praised the book, which she said was "almost impossible to put down" on holiday.'
    (quote,) = quotes_of(parse, text)
    assert (quote.kind, quote.text) == ("partial", 'was "almost impossible to put down" on holiday')


def test_a_name_that_is_also_a_modal_verb(parse):
    (quote,) = quotes_of(parse, '"The war is a reminder that the vote matters," Will wrote.')
    assert (quote.kind, quote.speaker, quote.cue) == ("direct", "Will", "write")


def test_owned_claim_reports_the_owner_but_does_not_take_over_the_next_quote(parse):
    text = ('Mary Cole backed Tom Reed\'s claim that the bridge would reopen in May. '
            '"I have seen the plans myself," she said.')
    quotes = quotes_of(parse, text)
    assert [(q.kind, q.cue, q.speaker, q.text) for q in quotes] == [
        ("indirect", "claim", "Tom Reed", "the bridge would reopen in May"),
        ("direct", "say", "Mary Cole", "I have seen the plans myself"),
    ]
    # no owner, no source
    assert quotes_of(parse, "The claim that taxes would rise was false.") == []


def test_speaker_never_runs_into_the_headline_above(parse):
    text = "Fears over bus service\n\nRural residents said the cuts would leave villages cut off."
    (quote,) = quotes_of(parse, text)
    assert quote.speaker == "Rural residents"
    assert "\n" not in quote.speaker_text


def test_clause_joined_on_before_the_cue_is_not_its_subject(parse):
    text = 'The crowd cheers, and then Tom Reed continues: "We will rebuild this town together."'
    (quote,) = quotes_of(parse, text)
    assert (quote.kind, quote.speaker) == ("direct", "Tom Reed")


def test_quote_running_into_an_attributed_one_is_the_same_speakers(parse):
    text = ('Mary Cole won the race in Leeds. "It was nice to get that out of the way. I was nervous. '
            '"I felt good and relaxed," said Cole.')
    quotes = quotes_of(parse, text)
    assert [(q.kind, q.cue, q.speaker) for q in quotes] == [("direct", None, "Mary Cole"), ("direct", "say", "Mary Cole")]


@pytest.mark.parametrize("sentence,text", [
    ('Spokeswoman Ann Lee says the candidate has "always run a lean campaign and will continue to do so."',
     'the candidate has "always run a lean campaign and will continue to do so."'),
    ('Tom Reed said the new rules are "very different from what we were promised when the talks began."',
     'the new rules are "very different from what we were promised when the talks began."'),
])
def test_reported_clause_keeps_its_quoted_words_whole(parse, sentence, text):
    (quote,) = quotes_of(parse, sentence)
    assert (quote.kind, quote.text) == ("partial", text)


@pytest.mark.parametrize("sentence", [
    "His quiet determination suggests he is in no mood to lose.",
    "The strength of the euro threatens to dampen demand for exports next year.",
    'Clinton said, with a passion that almost suggested that the question was unfair, "I did a lot."',
])
def test_a_thing_that_suggests_or_threatens_is_no_source(parse, sentence):
    assert [(q.kind, q.speaker) for q in quotes_of(parse, sentence) if q.cue != "say"] == []


@pytest.mark.parametrize("sentence,speaker", [
    ("Some studies suggest that eight million homes could have broadband by 2006.", "Some studies"),
    ("Researchers suggest the drug may harm the heart.", "Researchers"),
    ("The report, which suggested that the plan would fail, was shelved.", "The report"),
])
def test_sources_and_documents_still_suggest(parse, sentence, speaker):
    (quote,) = quotes_of(parse, sentence)
    assert quote.speaker == speaker


def test_he_after_a_possessive_role_is_the_role_not_its_owner(parse):
    text = ('Tony Blair\'s official spokesman declined to comment on the report. '
            'He said: "We do not discuss security matters."')
    (quote,) = quotes_of(parse, text)
    assert quote.speaker == "Tony Blair's official spokesman"


@pytest.mark.parametrize("text", [
    'Mary Jones spoke to the press. "He will appeal," she said.',
    'Mary Jones spoke to the press. "I am so happy!" she said.',
])
def test_short_quote_with_its_cue_after_is_direct(parse, text):
    (quote,) = quotes_of(parse, text)
    assert (quote.kind, quote.cue) == ("direct", "say")


def test_short_quoted_phrase_the_sentence_runs_on_from_is_a_fragment(parse):
    text = 'Sir John said "substantial progress" had been made since, adding that more was needed.'
    assert "direct" not in {q.kind for q in quotes_of(parse, text)}


@pytest.mark.parametrize("sentence,speaker", [
    ("SBC and AT&T said the merger would create thousands of jobs.", "SBC and AT&T"),
    ("Mr Smith and Mr Jones said the deal was off.", "Smith and Jones"),
])
def test_subjects_joined_by_and_speak_together(parse, sentence, speaker):
    (quote,) = quotes_of(parse, sentence)
    assert (quote.speaker, quote.speaker_id) == (speaker, None)


def test_they_after_a_joint_statement_is_both(parse):
    text = 'SBC and AT&T said the merger would create jobs. "It is a good day for customers," they said.'
    assert [q.speaker for q in quotes_of(parse, text)] == ["SBC and AT&T", "SBC and AT&T"]


@pytest.mark.parametrize("sentence", [
    "The party has promised a figure but has yet to reveal which taxes would be raised.",
    "The firm has yet to say whether it will appeal against the ruling.",
])
def test_speech_not_yet_made_is_not_reported(parse, sentence):
    assert quotes_of(parse, sentence) == []


def test_a_cue_with_its_own_clause_after_a_question_is_not_the_questions(parse):
    text = ('Mr Howard attacked Labour. He continued: "How can there be order in schools when there is none '
            'in government?" Mr Blair said he would not respond to gossip.')
    quotes = quotes_of(parse, text)
    assert [(q.kind, q.speaker) for q in quotes] == [("direct", "Howard"), ("indirect", "Blair")]


def test_a_reporting_verb_used_as_an_adjective_is_no_cue(parse):
    text = '"Who are they trying to kid?" The proposed question on the ballot is simple.'
    assert [q.cue for q in quotes_of(parse, text)] == [None]


def test_he_after_a_role_subject_is_the_person_holding_the_role(parse):
    text = ("Prime Minister Tony Blair was in London on Friday. Chancellor Gordon Brown was in Paris. "
            "On Saturday, the prime minister completed a tour of Wales. Starting in Cardiff, he said "
            "the economy was strong.")
    assert [q.speaker for q in factx.extract(text).quotes] == ["Tony Blair"]


def test_it_is_the_nearer_organisation_subject_not_an_older_source(parse):
    text = ('Acme Airways said the decision was a commercial one. It paused its flights in 2003 after a ministry '
            'warning about a "serious risk to air travel in the region". Acme Airways will now suspend the '
            'flights - which it says will remain "under constant review" - from March.')
    assert factx.extract(text).quotes[-1].speaker == "Acme Airways"


def test_it_is_not_an_organisation_inside_what_was_quoted(parse):
    text = ('Ferrari could be listed on the stock market, the Financial Times has reported. It said Fiat '
            'was set to restructure its business. Steps being considered include listing Ferrari, it said.')
    assert [q.speaker for q in factx.extract(text).quotes] == ["Financial Times"] * 3


@pytest.mark.parametrize("sentence", [
    "The Daily Post has announced no plans to print a smaller edition.",
    "The council said nothing about the closures at its meeting on Monday.",
    "There was little to suggest that the vote would be held in February.",
    "The firm is to announce its results for the year next week.",
])
def test_speech_not_made_reports_nothing(parse, sentence):
    assert quotes_of(parse, sentence) == []


@pytest.mark.parametrize("sentence,speaker,text", [
    ("Thousands of jobs could go if the plan goes ahead, warn union leaders.", "union leaders",
     "Thousands of jobs could go if the plan goes ahead"),
    ("The tax will hit the poorest families hardest, claim critics of the scheme.", "critics of the scheme",
     "The tax will hit the poorest families hardest"),
    ("Firms are cutting back on investment because of rising costs, business lobby group the CBI says.",
     "CBI", "Firms are cutting back on investment because of rising costs"),
])
def test_cue_closing_the_sentence_with_its_source_after_it(parse, sentence, speaker, text):
    (quote,) = quotes_of(parse, sentence)
    assert (quote.kind, quote.speaker, quote.text) == ("indirect", speaker, text)


@pytest.mark.parametrize("text,cue", [
    ('Mary Cole spoke on the radio. She said "migrants are of great value to this country", but stressed '
     'that proper checks were needed.', "say"),
    ('"I am not going to say it was a mistake," said retired surgeon Tom Reed, asked about his claims.', "say"),
])
def test_the_cue_of_a_quote_beside_a_verb_with_its_own_clause(parse, text, cue):
    assert quotes_of(parse, text)[0].cue == cue


def test_reported_clause_split_by_the_parse_around_commas_is_whole(parse):
    text = ("Tom Reed spoke on Monday. He insists his three headline pledges, to be paid for by savings of "
            "£100,000 a year, will appeal right across the country.")
    (quote,) = quotes_of(parse, text)
    assert quote.text == ("his three headline pledges, to be paid for by savings of £100,000 a year, will appeal "
                          "right across the country")


def test_a_report_inside_a_report_is_the_outer_speakers(parse):
    quotes = quotes_of(parse, "Mary Cole said Tom Reed promised her that he would pay the bills.")
    assert [(q.speaker, q.text) for q in quotes] == [("Mary Cole", "Tom Reed promised her that he would pay the bills")]


@pytest.mark.parametrize("sentence", [
    "Mr Brown will undoubtedly claim that the economy is strong.",
    "Critics may argue that the plan is too costly.",
])
def test_a_guess_at_what_someone_will_say_is_not_a_quote(parse, sentence):
    assert quotes_of(parse, sentence) == []


@pytest.mark.parametrize("sentence,speaker", [
    ("The figures prompted some analysts to forecast that rates will rise this year.", "some analysts"),
    ("Reuters quoted a central bank official as saying the rate would stay at 4%.", "a central bank official"),
])
def test_the_one_made_to_speak_is_the_speaker(parse, sentence, speaker):
    (quote,) = quotes_of(parse, sentence)
    assert quote.speaker == speaker


def test_a_surname_the_model_took_for_a_noun_is_the_person_of_that_name(parse):
    text = 'Robert Pires joined Arsenal in 2000. Pires told the Evening Standard: "I am happy here."'
    (quote,) = factx.extract(text).quotes
    assert (quote.speaker, quote.speaker_id is not None) == ("Robert Pires", True)


@pytest.mark.parametrize("sentence,text", [
    ("Labour has always maintained Mr Brown would have a central campaign role.",
     "Mr Brown would have a central campaign role"),
    ("Mary Cole told the panel that the plan would fail.", "the plan would fail"),
])
def test_a_clause_subject_the_parse_made_the_cues_object(parse, sentence, text):
    (quote,) = quotes_of(parse, sentence)
    assert quote.text == text


@pytest.mark.parametrize("sentence,text", [
    ('The bridge was "far too narrow for lorries" and the road had its own problems, Mary Cole said.',
     'The bridge was "far too narrow for lorries" and the road had its own problems'),
    ("The council was too slow and the minister had other worries, Tom Reed said.",
     "The council was too slow and the minister had other worries"),
])
def test_two_clauses_joined_before_a_closing_cue_are_one_report(parse, sentence, text):
    (quote,) = quotes_of(parse, sentence)
    assert quote.text == text


@pytest.mark.parametrize("sentence,text", [
    ("Tom Reed said the council would publish its plans next week and criticised the long delay.",
     "the council would publish its plans next week"),
    ("Mary Cole said the firm would cut prices in the spring and attacked its rivals as greedy.",
     "the firm would cut prices in the spring"),
])
def test_a_past_tense_verb_after_a_would_clause_is_the_reporters_own_act(parse, sentence, text):
    (quote,) = quotes_of(parse, sentence)
    assert quote.text == text


def test_a_that_clause_the_parse_broke_into_the_cues_object_is_reported(parse):
    text = "Tom Reed, a former adviser to the mayor, agreed that the city council has limited power to stop the new tower."
    (quote,) = quotes_of(parse, text)
    assert (quote.speaker, quote.cue, quote.text) == (
        "Tom Reed", "agree", "the city council has limited power to stop the new tower")


def test_he_prefers_the_subjects_possessor_to_a_name_in_a_phrase_after_it():
    text = ("Tom Reed's future at the club has been in doubt for weeks. However, good displays against Leeds "
            'and Aston Villa have impressed the fans. "The crowd was fantastic," he said.')
    (quote,) = factx.extract(text).quotes
    assert quote.speaker == "Tom Reed"


def test_the_joint_to_the_next_clause_is_not_reported(parse):
    text = 'The club have confirmed Rovers made a bid for Tom Reed - but managing director Mary Cole has called it "derisory".'
    assert quotes_of(parse, text)[0].text == "Rovers made a bid for Tom Reed"


def test_a_name_set_off_before_the_cue_speaks_even_when_the_model_calls_it_an_organisation(parse):
    text = 'Welcoming the ruling, Mary Cole, chief executive of the Tenants Union, said: "This is a good day for renters."'
    doc = parse(text)
    start = text.index("Mary Cole")
    doc.ents = [doc.char_span(start, start + len("Mary Cole"), label="ORG")]
    (quote,) = extract_quotes(doc, [])
    assert (quote.speaker, quote.text) == ("Mary Cole", "This is a good day for renters.")


def test_the_writers_own_i_reports_nobodys_speech(parse):
    assert quotes_of(parse, "Like many readers, I would not usually agree with the council, but I agree the new tax is unfair.") == []


def test_a_description_stands_for_the_one_person_the_story_has_named():
    text = ("Reed 'proud of city record'\n\nTom Reed has delivered a rousing speech to the party's spring conference.\n\n"
            "The mayor said he was proud of his party's record on housing.")
    (quote,) = factx.extract(text).quotes
    assert (quote.speaker, quote.speaker_text) == ("Tom Reed", "The mayor")


@pytest.mark.parametrize("text", [
    # the judge is not the man the sentence is about
    'Sam Hill from Leeds was found guilty of fraud last month. Hill, who made £26,000 a month, was called '
    '"one of the biggest fraudsters in the north" by the sentencing judge.',
    # two people named: either could be the chancellor
    "Tom Reed met Mary Cole in Leeds on Monday.\n\nThe chancellor said the talks had gone well.",
    # a role that is someone else's
    "Shadow Chancellor Tom Reed spoke first.\n\nThe chancellor said taxes would fall.",
])
def test_a_description_is_kept_when_the_named_person_may_be_someone_else(text):
    (quote,) = factx.extract(text).quotes
    assert quote.speaker == quote.speaker_text and quote.speaker_id is None


def test_speech_done_without_is_not_speech(parse):
    quotes = quotes_of(parse, "The Tories say they can cut taxes without asking people to pay more for public services.")
    assert [(q.speaker, q.cue) for q in quotes] == [("Tories", "say")]


def test_according_to_inside_a_report_is_part_of_it(parse):
    quotes = quotes_of(parse, "The IMF said that, according to data provided by the ministry, output fell by 5% last year.")
    assert [(q.speaker, q.cue) for q in quotes] == [("IMF", "say")]


def test_a_quote_after_a_sentence_about_the_last_speaker_is_theirs():
    text = ('"We will win on Saturday," said Tom Reed. Reed signalled his intent to stay at the club for years. '
            '"I love it here and I want to finish my career in London."')
    quotes = factx.extract(text).quotes
    assert [(q.speaker, q.cue) for q in quotes] == [("Tom Reed", "say"), ("Tom Reed", None)]


def test_he_after_a_name_the_copula_introduces_is_that_person():
    text = ('Mary Cole said: "I am happy." The musical\'s British director is Tom Reed, who staged the play in London. '
            '"It is a great show," he said.')
    quotes = factx.extract(text).quotes
    assert [q.speaker for q in quotes] == ["Mary Cole", "Tom Reed"]


def test_a_clause_the_cue_was_parsed_as_joined_to_is_part_of_the_report(parse):
    text = ('The Ghanaian economy began to recover in 2002, but "sustained and deep reform efforts" are needed '
            'to ensure growth, the World Bank has said.')
    (quote,) = quotes_of(parse, text)
    assert quote.text == ('The Ghanaian economy began to recover in 2002, but "sustained and deep reform efforts" '
                          'are needed to ensure growth')


def test_a_that_the_parse_took_for_an_object_is_not_what_was_said(parse):
    quotes = quotes_of(parse, "Two of the workers spoke to reporters. One told BBC News that the plant would close.")
    assert [q.text for q in quotes] == ["the plant would close"]


def test_two_titles_of_one_person_are_not_two_speakers(parse):
    (quote,) = quotes_of(parse, "GM chairman and chief executive Rick Wagoner said the firm would cut jobs.")
    assert (quote.speaker, quote.speaker_text) == ("Rick Wagoner", "Rick Wagoner")
    assert quote.speaker_start < quote.speaker_end


def test_a_source_keeps_whom_it_speaks_for_before_an_aside(parse):
    (quote,) = quotes_of(parse, "A spokesman for Unison, the public service union, said the strike would go ahead.")
    assert quote.speaker == "A spokesman for Unison"


@pytest.mark.parametrize("sentence,text", [
    ("She said the spam e-mails directing people to the site started circulating two days ago.",
     "the spam e-mails directing people to the site started circulating two days ago"),
    ("The cost of making hard drives has dropped and is continuing to do so because of improved technologies, he added.",
     "The cost of making hard drives has dropped and is continuing to do so because of improved technologies"),
])
def test_a_report_neither_starts_inside_a_word_nor_stops_at_continue(parse, sentence, text):
    assert quotes_of(parse, sentence)[0].text == text


def test_the_one_told_is_not_the_speaker():
    text = ('Mary Cole spoke to the BBC. Another member of the Cabinet says she was told: '
            '"You will be sacked if you speak out."')
    quote = [q for q in factx.extract(text).quotes if q.kind == "direct"][0]
    assert quote.speaker is None


def test_a_name_after_the_firm_a_spokesman_speaks_for_is_the_spokesman(parse):
    (quote,) = quotes_of(parse, "A spokesman for DLF Builders, Dr Vancheshwar, told reporters the site was safe.")
    assert quote.speaker == "Vancheshwar"


def test_a_document_source_keeps_who_released_it(parse):
    (quote,) = quotes_of(parse, "According to figures released by the organisers, the show drew 120,000 visitors.")
    assert (quote.speaker, quote.text) == ("figures released by the organisers", "the show drew 120,000 visitors")


def test_a_country_that_ends_an_organisations_name_is_part_of_it(parse):
    text = 'Amnesty International UK also questioned whether the decisions had been based on "torture evidence" obtained abroad.'
    (quote,) = quotes_of(parse, text)
    assert quote.speaker == "Amnesty International UK"


@pytest.mark.parametrize("sentence,text", [
    ("As he told MPs last week, the economy is strong.", "the economy is strong"),
    ("As the minister told the BBC, the plan will cost more.", "the plan will cost more"),
    ("As Reuters reported on Monday, the deal collapsed.", "the deal collapsed"),
])
def test_an_as_clause_reports_the_main_clause_after_its_comma(parse, sentence, text):
    (quote,) = quotes_of(parse, sentence)
    assert quote.text == text


def test_an_as_clause_with_an_object_of_its_own_reports_nothing(parse):
    assert quotes_of(parse, "As the mayor lamented the closure of the plant, the council voted to cut taxes.") == []


def test_according_to_on_a_report_is_the_reports_source_not_a_claim(parse):
    quotes = quotes_of(parse, '"Is this a priority for them?" Jones said at a press conference, according to the local paper.')
    assert [(q.kind, q.text) for q in quotes] == [("direct", "Is this a priority for them?")]


@pytest.mark.parametrize("sentence,speaker", [
    ("Cheap oil means the debt is no longer a risky investment, one of the leading rating agencies says.",
     "one of the leading rating agencies"),
    ("Some of the banks said rates would rise.", "Some of the banks"),
])
def test_a_part_of_a_named_kind_of_source_is_kept_as_written(parse, sentence, speaker):
    (quote,) = quotes_of(parse, sentence)
    assert quote.speaker == speaker


@pytest.mark.parametrize("sentence,text", [
    ('Analysts say there is a £10bn "black hole" in the public accounts, a claim denied by the minister.',
     'there is a £10bn "black hole" in the public accounts'),
    ("Officials said 300 people had died, a figure disputed by aid agencies.", "300 people had died"),
])
def test_the_writers_comment_after_a_report_is_not_part_of_it(parse, sentence, text):
    (quote,) = quotes_of(parse, sentence)
    assert quote.text == text


@pytest.mark.parametrize("sentence,text", [
    ('The coach has told a group of young players that it is okay to get angry "once in a while".',
     'it is okay to get angry "once in a while"'),
    ('The nurse has told a group of students that it is okay to get tired "now and then".',
     'it is okay to get tired "now and then"'),
])
def test_quoted_words_that_end_the_reported_clause_make_one_partial_quote(parse, sentence, text):
    quotes = quotes_of(parse, sentence)
    assert [(q.kind, q.text) for q in quotes] == [("partial", text)]


@pytest.mark.parametrize("sentence,speaker", [
    ("Sales of games will top a billion dollars next year, according to the UK-based journal Screen Digest.",
     "Screen Digest"),
    ("The research firm Jupiter said sales would rise.", "Jupiter"),
])
def test_a_name_right_after_a_description_is_the_source(parse, sentence, speaker):
    (quote,) = quotes_of(parse, sentence)
    assert quote.speaker == speaker


@pytest.mark.parametrize("sentence", [
    "Shares in Vodafone fell 3% after it said sales would be flat.",
    "Vodafone's shares fell 3% after it said sales would be flat.",
])
def test_it_is_the_organisation_the_subject_belongs_to(parse, sentence):
    (quote,) = quotes_of(parse, sentence)
    assert (quote.speaker, quote.text) == ("Vodafone", "sales would be flat")


def test_every_source_in_a_list_speaks_and_each_can_be_filtered_for():
    result = factx.extract("The CML, the BBA and the BSA all said lending was slowing.")
    (quote,) = result.quotes
    assert quote.speaker == "CML, BBA and BSA"
    for name in ("cml", "BBA", "BSA"):
        assert filter_result(result, speaker=name).quotes == (quote,)


@pytest.mark.parametrize("sentence,speaker", [
    ("A spokesman for the Department for Culture, Media and Sport said there were no plans to sell it.",
     "A spokesman for the Department for Culture, Media and Sport"),
    ("A spokeswoman for the Department for Environment, Food and Rural Affairs said the ban would stay.",
     "A spokeswoman for the Department for Environment, Food and Rural Affairs"),
    ("A spokesman for Unison, the public service union, said the plan was wrong.", "A spokesman for Unison"),
])
def test_a_comma_inside_a_name_does_not_cut_the_source(parse, sentence, speaker):
    (quote,) = quotes_of(parse, sentence)
    assert quote.speaker == speaker


@pytest.mark.parametrize("sentence,speaker", [
    ("A report by the Institute for Fiscal Studies published on Monday said taxes would rise.",
     "Institute for Fiscal Studies"),
    ("Prices fell, according to new data from property website Homefinder which suggested owners must cut prices.",
     "new data from property website Homefinder"),
    ("A spokesman for the firm that owns the site said it would close.", "A spokesman for the firm that owns the site"),
])
def test_a_source_keeps_who_made_it_but_not_what_a_clause_says_of_them(parse, sentence, speaker):
    quote = quotes_of(parse, sentence)[0]
    assert quote.speaker == speaker


@pytest.mark.parametrize("sentence,cue", [
    ("This was not the right place to announce the date, he stammered.", "stammer"),
    ("She confessed that she had lied to the court.", "confess"),
])
def test_more_ways_of_speaking_are_cues(parse, sentence, cue):
    (quote,) = quotes_of(parse, sentence)
    assert quote.cue == cue


@pytest.mark.parametrize("sentence,text", [
    ("She proposed that more troops be left in the region, and pushed to send arms to the rebels.",
     "more troops be left in the region"),
    ("The campaign announced that it had hired a former spokeswoman, Jane Ruiz, according to Politico.",
     "it had hired a former spokeswoman, Jane Ruiz"),
    ("He said his comments may have been offensive but were not racist.",
     "his comments may have been offensive but were not racist"),
])
def test_the_reporters_next_act_and_second_source_are_not_what_was_said(parse, sentence, text):
    (quote,) = quotes_of(parse, sentence)
    assert quote.text == text


def test_he_is_not_a_woman_named_just_before():
    text = ('First minister Jack Maddox visited a school on Friday. Margaret Dunlop, the local councillor, said the '
            'minister was speaking in a general way.\n\nWhen one pupil asked Mr Maddox about drinking, he began '
            'with a joke. He said: "I hope I am not preaching to anybody here."')
    quote = factx.extract(text).quotes[-1]
    assert quote.speaker == "Jack Maddox"


@pytest.mark.parametrize("sentence", [
    "The minister avoided suggesting anyone was playing politics with the issue.",
    "He spoke in a more exasperated tone suggesting he believes the plan is wrong.",
    'Originally dubbed "Jerry and David\'s Guide to the World Wide Web", the site was later renamed by its founders.',
])
def test_speech_avoided_a_tone_that_suggests_and_a_quoted_name_are_not_quotes(parse, sentence):
    assert quotes_of(parse, sentence) == []


def test_a_verb_the_parse_joined_to_the_cue_finishes_the_reported_clause(parse):
    (quote,) = quotes_of(parse, "But he confessed Arsenal's £100m deal with the airline has given the club "
                                "serious food for thought.")
    assert quote.text == "Arsenal's £100m deal with the airline has given the club serious food for thought"


def test_he_is_not_the_subject_of_a_clause_said_about_someone_else():
    text = ("Mr Hale rejected claims that Mr Brook had been sidelined. He rejected speculation that Mr Brook was "
            "planning to quit, saying his recent trips had been about aid.")
    (quote,) = factx.extract(text).quotes
    assert (quote.speaker, quote.text) == ("Hale", "his recent trips had been about aid")


@pytest.mark.parametrize("sentence,speaker,text", [
    ('The ministers\' comments, said Junya Tanase, an analyst at the bank, were "a clear signal".', "Junya Tanase",
     'The ministers\' comments, said Junya Tanase, an analyst at the bank, were "a clear signal"'),
    ("Many games have educational elements said Mr Owen.", "Owen", "Many games have educational elements"),
])
def test_a_name_after_its_cue_speaks_when_the_parse_missed_the_inversion(parse, sentence, speaker, text):
    (quote,) = quotes_of(parse, sentence)
    assert (quote.speaker, quote.text) == (speaker, text)


@pytest.mark.parametrize("sentence", [
    "The company said John Smith would lead the team.",
    "The plan is dead, he told Sky News.",
])
def test_a_name_after_a_cue_that_is_its_object_or_subject_of_the_report_does_not_speak(parse, sentence):
    (quote,) = quotes_of(parse, sentence)
    assert quote.speaker != "John Smith" and quote.text in ("John Smith would lead the team", "The plan is dead")


@pytest.mark.parametrize("text,speaker", [
    ('Alex Ferguson praised his players after the win. "We were magnificent," said the Scot.', "Alex Ferguson"),
    ('Both Ferguson and Wenger spoke after the game. "We were lucky," said the Scot.', "the Scot"),
])
def test_a_nationality_is_a_description_of_the_one_person_named_not_a_name(text, speaker):
    (quote,) = factx.extract(text).quotes
    assert quote.speaker == speaker


@pytest.mark.parametrize("text,speaker", [
    ('Shadow leader of the Commons Oliver Heald said: "This will be part of our aim."', "Oliver Heald"),
    ("The wife of John Smith said she was proud.", "The wife of John Smith"),
])
def test_a_name_the_parse_hung_on_a_title_is_the_speaker_but_not_after_a_relation(text, speaker):
    (quote,) = factx.extract(text).quotes
    assert quote.speaker == speaker


@pytest.mark.parametrize("sentence,text", [
    ('The mayor called the governor a "coward," and said his plan was dead.', 'the governor a "coward,"'),
    ('The senator urged voters "to stand firm against the tide."', 'to stand firm against the tide.'),
    ('The senator urged voters "to stand firm" against the tide.', '"to stand firm" against the tide'),
])
def test_a_partial_quote_leaves_no_mark_unpaired(parse, sentence, text):
    quotes = [q for q in quotes_of(parse, sentence) if q.kind == "partial"]
    assert [q.text for q in quotes] == [text]


def test_a_second_cue_hung_on_the_first_ones_complement_keeps_the_subject(parse):
    sentence = 'Senator Jane Ortiz called it "shameful" and called on leaders "not to give in to fear."'
    quotes = quotes_of(parse, sentence)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("shameful", "Jane Ortiz"), ("not to give in to fear.", "Jane Ortiz")]


@pytest.mark.parametrize("sentence,speaker", [
    ("A survey of shoppers in Leeds, York and Hull by Mintel found that most paid by card.", "Mintel"),
    ("Prices rose in May, according to a report published this week by the Halifax.", "Halifax"),
    ("Prices rose in May, according to research from consultancy Deloitte.", "Deloitte"),
    ("The review, commissioned by Ofcom, says the licence fee should stay.", "Ofcom"),
    ("A study by Acme Labs and Zenith Research found that screens were too bright.", "Acme Labs and Zenith Research"),
])
def test_a_document_with_a_named_author_is_the_authors_word(parse, sentence, speaker):
    (quote,) = quotes_of(parse, sentence)
    assert quote.speaker == speaker


def test_the_document_named_again_is_still_its_author(parse):
    text = ("Sales will double, according to a report by analysts Forrester Research. "
            "The report predicts that most of the growth will come from China.")
    assert [q.speaker for q in quotes_of(parse, text)] == ["Forrester Research", "Forrester Research"]


@pytest.mark.parametrize("sentence,speaker", [
    ("The employers' body, the CBI, said orders had fallen.", "CBI"),
    ("Its parent company, Vodafone, said sales would be flat.", "Vodafone"),
])
def test_a_named_organisation_in_apposition_is_the_source(parse, sentence, speaker):
    (quote,) = quotes_of(parse, sentence)
    assert quote.speaker == speaker


@pytest.mark.parametrize("text", [
    "The film led the chart at the weekend, according to Hollywood Reporter, with takings of $17m.",
    "Sales fell in May, according to Bristol Observer.",
])
def test_a_source_named_after_a_place_is_not_the_place(parse, text):
    place = text.split(" according to ")[1].split()[0]
    at = text.index(place)
    entity = Entity(id="e1", name=place, label="GPE", aliases=(), mentions=(Mention(at, at + len(place), place),))
    (quote,) = quotes_of(parse, text, [entity])
    assert quote.speaker == text[at:].split(",")[0].rstrip(".")


def test_asking_not_to_be_named_is_not_a_quote(parse):
    text = "One trader, who asked not to be named, told Reuters that sales were weak."
    assert [q.text for q in quotes_of(parse, text)] == ["sales were weak"]


@pytest.mark.parametrize("sentence,text", [
    ("Aiming to cut waste, the minister said the budget would fall.", "the budget would fall"),
    ("Aiming to both cut waste and help the country's sick, health minister Dana Price said the focus of the "
     "plan was care for all.", "the focus of the plan was care for all"),
])
def test_a_fronted_participle_is_what_the_speaker_did_not_what_they_said(parse, sentence, text):
    assert [q.text for q in quotes_of(parse, sentence)] == [text]


@pytest.mark.parametrize("source", ["One dealer, who asked not to be named,", "A shopkeeper who has traded there for years"])
def test_he_after_an_unnamed_person_is_that_person(parse, source):
    text = (f"Retail analyst Tom Wendt said sales were poor. {source} told Reuters that stores were struggling. "
            '"Christmas has been tough for everyone," he said.')
    quotes = quotes_of(parse, text)
    assert quotes[-1].speaker == quotes[-2].speaker != "Tom Wendt"


def test_they_after_two_people_named_together_is_both(parse):
    text = ("Maria Lenz and party treasurer Paul Okafor launched new plans on Monday. "
            "They say the government is spending too much.")
    (quote,) = quotes_of(parse, text)
    assert quote.speaker == "Maria Lenz and Paul Okafor"


@pytest.mark.parametrize("label", ["NORP", "GPE"])
def test_a_surname_the_model_mistagged_is_the_person_of_that_name(parse, label):
    text = 'Ivan Kirov has retired from rugby. "It was time," said Kirov ahead of the final.'
    doc = parse(text)
    full, short = text.index("Ivan Kirov"), text.rindex("Kirov")
    doc.ents = [doc.char_span(full, full + len("Ivan Kirov"), label="PERSON"),
                doc.char_span(short, short + len("Kirov"), label=label)]
    person = Entity(id="e1", name="Ivan Kirov", label="PERSON", aliases=(),
                    mentions=(Mention(full, full + len("Ivan Kirov"), "Ivan Kirov"),))
    (quote,) = extract_quotes(doc, [person])
    assert (quote.speaker, quote.speaker_id) == ("Ivan Kirov", "e1")


@pytest.mark.parametrize("sentence,text", [
    ("The market was worth $20m in 2004, but is set to be worth $1.8bn by 2009, according to Jupiter Research.",
     "The market was worth $20m in 2004, but is set to be worth $1.8bn by 2009"),
    ("Sales rose in May but prices fell in June, according to the survey.", "prices fell in June"),
])
def test_according_to_after_verbs_sharing_a_subject_covers_them_all(parse, sentence, text):
    (quote,) = quotes_of(parse, sentence)
    assert quote.text == text


@pytest.mark.parametrize("sentence,text", [
    ("The study said that 26% of homes in Leeds had no insurance compared to 30% in York, 31% in Hull and 28% in Bath.",
     "26% of homes in Leeds had no insurance compared to 30% in York, 31% in Hull and 28% in Bath"),
    ("Rita Moss called for reform of the United Nations, the World Bank and the IMF.",
     "reform of the United Nations, the World Bank and the IMF"),
])
def test_a_list_that_ends_the_report_stays_whole(parse, sentence, text):
    (quote,) = quotes_of(parse, sentence)
    assert quote.text == text


@pytest.mark.parametrize("sentence,quoted", [
    ("Dana Reyes asked the former minister during a debate if she would back the pledge.",
     [("if she would back the pledge", "Dana Reyes")]),
    ("Dana Reyes will ask for more money if the plan fails.", []),
])
def test_a_question_asked_with_if_is_reported(parse, sentence, quoted):
    assert [(q.text, q.speaker) for q in quotes_of(parse, sentence)] == quoted


@pytest.mark.parametrize("text,content", [
    ("Citing the attack, Will urged the party to drop all outsider candidates.", "to drop all outsider candidates"),
    ("Instead, Will called for Republicans to throw their support behind Chris Christie.",
     "Republicans to throw their support behind Chris Christie"),
])
def test_a_capitalised_modal_before_a_past_tense_is_the_speaker(parse, text, content):
    (quote,) = quotes_of(parse, text)
    assert (quote.speaker, quote.text) == ("Will", content)


def test_a_capitalised_title_with_a_name_in_apposition_is_that_person(parse):
    text = "The new President, Elena Marsh, has said a short list of companies is being drawn up."
    (quote,) = quotes_of(parse, text)
    assert quote.speaker == "Elena Marsh"


def test_what_a_speaker_said_follows_them_not_the_clause_before(parse):
    text = ("The ruling comes the day after Sir Tom Vale, the new police chief, said he was in favour of "
            "the plan.")
    assert [(q.text, q.speaker) for q in quotes_of(parse, text)] == [("he was in favour of the plan", "Tom Vale")]


def test_a_clause_before_a_cue_with_its_own_quote_is_not_its_content(parse):
    text = ('Jon Reyes was left out. And although Reyes insisted thoughts of quitting the club are "not in my '
            'mind right now", he admitted "everything is possible".')
    assert [(q.kind, q.text) for q in quotes_of(parse, text)] == [("direct", "everything is possible")]


@pytest.mark.parametrize("description", ["The MP", "The MP, who is consulting his lawyers,"])
def test_a_capitalised_role_is_a_description_of_the_person_named(parse, description):
    text = f'Colin Pryce says he will not stand down. {description} told BBC News: "They selected me."'
    assert [q.speaker for q in quotes_of(parse, text)] == ["Colin Pryce", "Colin Pryce"]


@pytest.mark.parametrize("middle", [
    "his young players, particularly Jon Hale and Ravi Mistry, are up to the task",
    "Jon Hale and Ravi Mistry are up to the task",
])
def test_he_is_not_one_of_several_people_who_are_the_subject_together(parse, middle):
    text = f'Tom Brennan believes {middle}. "We have a great chance," he declared.'
    assert [q.speaker for q in quotes_of(parse, text)][-1] == "Tom Brennan"


@pytest.mark.parametrize("sentence,kind", [
    ('Sales of the single "Hold On Tight" rose sharply, the label said.', "indirect"),
    ('The critic said the film, "The Long Road Home", was dull.', "indirect"),
    ('The minister said the delay was "deeply worrying" for patients.', "partial"),
])
def test_a_quoted_title_inside_a_report_does_not_make_it_partial(parse, sentence, kind):
    (quote,) = quotes_of(parse, sentence)
    assert quote.kind == kind


@pytest.mark.parametrize("sentence,texts", [
    ("Zorbex adds media playing to its console\n\nThe firm is releasing an adapter.", []),
    ("Coach Ian Kerr said the players coming in had the chance to stake claims.",
     ["the players coming in had the chance to stake claims"]),
    ("The poll showed the senator leading his rivals by ten points.", ["the senator leading his rivals by ten points"]),
])
def test_a_noun_with_a_participle_is_no_reported_clause_after_a_speech_verb(parse, sentence, texts):
    assert [q.text for q in quotes_of(parse, sentence)] == texts


def test_a_quoted_slogan_with_no_cue_is_no_quote(parse):
    text = 'A bus rolled into view, painted with the message - "lowest fares for twenty years".'
    assert quotes_of(parse, text) == []


@pytest.mark.parametrize("text,speaker", [
    ('Tom Reed was dropped on Saturday. But his admission that he "guessed something like this was going to '
     'happen" will do little to quell talk of a rift.', "Tom Reed"),
    ("Vodafone has reported strong sales. But its claim that the market is growing was questioned.", "Vodafone"),
])
def test_a_possessive_pronoun_owner_of_a_claim_resolves(text, speaker):
    (quote,) = factx.extract(text).quotes
    assert quote.speaker == speaker


def test_a_subject_the_parse_made_the_object_survives_a_phrase_between(parse):
    text = ("The mayor struggled to explain how a smaller, slower increase in spending planned by the Tories "
            "compared to Labour's plans was a cut.")
    (quote,) = quotes_of(parse, text)
    assert quote.text == ("how a smaller, slower increase in spending planned by the Tories compared to "
                          "Labour's plans was a cut")


def test_a_title_that_is_also_an_honorific_describes_the_person_named():
    text = "Archbishop Tomas Ndlovu visited the camp on Monday. The archbishop said the detentions were wrong."
    (quote,) = factx.extract(text).quotes
    assert quote.speaker == "Tomas Ndlovu"


@pytest.mark.parametrize("sentence,quoted", [
    ("Coach Bernard Laporte will announce his starting line-up next Tuesday.", []),
    ("The council is to propose a ban on smoking in parks.", []),
    ("The council proposed a ban on smoking in parks.", ["a ban on smoking in parks"]),
])
def test_an_announcement_still_to_come_has_said_nothing_yet(parse, sentence, quoted):
    assert [q.text for q in quotes_of(parse, sentence)] == quoted


@pytest.mark.parametrize("sentence,quoted", [
    ("A jury ruled that the firm had been negligent.", ["the firm had been negligent"]),
    ("The judges, ruling that the law was unfair, freed the men.", ["the law was unfair"]),
    ("The minister ignored a High Court ruling that the policy is unlawful.", []),
    ("The judge ruled out a retrial.", []),
])
def test_a_ruling_that_is_reported(parse, sentence, quoted):
    assert [q.text for q in quotes_of(parse, sentence)] == quoted


def test_the_document_keeps_the_author_named_at_its_first_mention(parse):
    text = ("The survey, conducted by the Orbis Research Group, questioned 2,000 adults. "
            "The survey found that most adults used the net daily.")
    (quote,) = quotes_of(parse, text)
    assert quote.speaker == "Orbis Research Group"


def test_a_contrasting_clause_with_its_own_source_is_a_second_report(parse):
    text = "Some 87% said they would vote, while 92% said the economy mattered most."
    assert [(q.speaker, q.text) for q in quotes_of(parse, text)] == [
        ("Some 87%", "they would vote"), ("92%", "the economy mattered most")]


def test_saying_in_an_adjunct_is_the_one_who_allows_not_the_thing_allowed(parse):
    text = "The administration will allow the dollar to weaken despite saying they favour a strong currency."
    (quote,) = quotes_of(parse, text)
    assert quote.speaker == "The administration"


def test_a_hyphenated_role_the_parse_split_stays_whole(parse):
    (quote,) = quotes_of(parse, "Its co-chairman said the firm would grow.")
    assert quote.speaker == "Its co-chairman"


def test_he_is_the_main_clause_subject_not_a_person_in_the_clause_it_governs(parse):
    text = ('Ken Moss did not believe that Jon Price had tried to place the bets. But he added: '
            '"They need to look at who knows the figures."')
    assert [q.speaker for q in quotes_of(parse, text)][-1] == "Ken Moss"


def test_the_firm_is_the_organisation_its_own_sentence_is_about():
    text = "Vodafone and BT reported results. Shares in Cairn Energy rose after the firm said output was up."
    (quote,) = factx.extract(text).quotes
    assert quote.speaker == "Cairn Energy"


@pytest.mark.parametrize("sentence,speaker,text", [
    ("According to its Paris lawyer, Emile Garnier of Shearman and Sterling, the overall claim is worth $28bn.",
     "Emile Garnier", "the overall claim is worth $28bn"),
    ("According to police, John Smith was arrested on Monday.", "police", "John Smith was arrested on Monday"),
    ("According to a new book, Gordon Hale's Britain by journalist Tom Reed, the minister broke a pledge.",
     "a new book", "Gordon Hale's Britain by journalist Tom Reed, the minister broke a pledge"),
])
def test_a_name_set_off_after_according_to_is_the_source(parse, sentence, speaker, text):
    (quote,) = quotes_of(parse, sentence)
    assert (quote.speaker, quote.text) == (speaker, text)


def test_the_person_a_film_shows_speaking_is_the_speaker(parse):
    text = ('The documentary showed Mr Hale, apparently talking about the EU, telling the meeting: '
            '"The big losers here are the taxpayers."')
    (quote,) = quotes_of(parse, text)
    assert quote.speaker == "Hale"


@pytest.mark.parametrize("text,speaker", [
    ('The board met on Monday. Dr Anna Fox was asked if she would resign if it voted against her. '
     '"I have no plans to go anywhere. The members trust me."', "Anna Fox"),
    ('Reporters asked coach Tom Hale whether the team could still win the title.\n\n'
     '"Of course we can. We have ten games left."', "Tom Hale"),
    ('Mr Grant spoke to the BBC on Friday. The BBC asked him what he would do next. '
     '"I will take a long holiday and then look for work."', "Grant"),
])
def test_a_quote_after_a_question_put_to_someone_is_their_answer(text, speaker):
    direct = [q for q in factx.extract(text).quotes if q.kind == "direct"]
    assert [(q.speaker, q.cue) for q in direct] == [(speaker, None)]


def test_a_quote_after_someone_was_asked_to_act_is_not_their_answer():
    text = 'Jane Hill was asked to leave the meeting. "It was humiliating for all of us."'
    assert [q.speaker for q in factx.extract(text).quotes] == [None]


def test_a_cue_after_a_clause_with_a_document_verb_still_reports_it(parse):
    text = "Pet owners could find themselves prosecuted under new plans to crack down on animal cruelty, a group of vets has warned."
    (quote,) = quotes_of(parse, text)
    assert (quote.speaker, quote.cue, quote.text) == (
        "a group of vets", "warn", "Pet owners could find themselves prosecuted under new plans to crack down on animal cruelty")


@pytest.mark.parametrize("text,speakers", [
    ("The rules are unclear, a committee of MPs has warned. The bill could harm farmers, the rural affairs "
     "committee said. Later the committee said an amendment was needed.",
     ["a committee of MPs", "the rural affairs committee", "the rural affairs committee"]),
    ("A US official said the deal was off. The senior Chinese official said it was not. The official added "
     "that talks would go on.",
     ["A US official", "The senior Chinese official", "The senior Chinese official"]),
    ("A senior official said talks had failed. The official added that a new round was planned.",
     ["A senior official", "A senior official"]),
])
def test_a_bare_description_is_the_latest_fuller_one_with_its_head(parse, text, speakers):
    assert [q.speaker for q in quotes_of(parse, text)] == speakers


@pytest.mark.parametrize("sentence,said", [
    ("Mr Hale urged the chancellor to admit he had been responsible for the rise in taxes.", []),
    ("She asked the minister to confirm that the hospital would stay open.", []),
    ("Labour called on the minister to explain why the report was late.", []),
    # made to say it: it was said
    ("Police persuaded the suspect to admit that he had lied.", ["the suspect"]),
])
def test_what_someone_is_urged_or_asked_to_say_is_not_their_quote(parse, sentence, said):
    assert [q.speaker for q in quotes_of(parse, sentence) if q.cue in ("admit", "confirm", "explain")] == said


@pytest.mark.parametrize("sentence,speaker,text", [
    ("The bullet may not have come from the gun, the trial was told by forensic expert Steven Hale.",
     "Steven Hale", "The bullet may not have come from the gun"),
    ("The jury was told by Dr Anna Reed that the injuries were recent.", "Anna Reed", "the injuries were recent"),
])
def test_the_one_who_told_a_court_is_the_speaker_not_the_court(parse, sentence, speaker, text):
    (quote,) = quotes_of(parse, sentence)
    assert (quote.speaker, quote.cue, quote.text) == (speaker, "tell", text)


def test_a_capitalised_role_the_model_tagged_an_organisation_is_still_a_description():
    text = "Former chat show host Robert Reed has quit the party. The MEP said he was ashamed to have joined."
    (quote,) = factx.extract(text).quotes
    assert quote.speaker == "Robert Reed"


@pytest.mark.parametrize("sentence,quoted", [
    ('Critics fear the bill could allow "killing by omission" in hospitals.',
     [("partial", "Critics", "fear", 'the bill could allow "killing by omission" in hospitals')]),
    ('Nurses worry the new rota is "simply unsafe" for patients.',
     [("partial", "Nurses", "worry", 'the new rota is "simply unsafe" for patients')]),
    # a belief without the holder's words is no quote
    ("Most analysts fear the bank will raise rates in May.", []),
    # marks in what someone thinks are as often somebody else's words or the writer's
    ('Mr Hale thinks the answer lies between cries of "ban it" and "leave it alone".', []),
])
def test_a_belief_is_a_quote_only_when_it_quotes_the_holders_words(parse, sentence, quoted):
    assert [(q.kind, q.speaker, q.cue, q.text) for q in quotes_of(parse, sentence)] == quoted


@pytest.mark.parametrize("sentence,speaker,text", [
    ('The network could carry home security, "pet cams", local news and council TV, says Acme Telecom.',
     "Acme Telecom", 'The network could carry home security, "pet cams", local news and council TV'),
    ('Shops sold hats, "smart scarves", gloves and boots, the report said.',
     "the report", 'Shops sold hats, "smart scarves", gloves and boots'),
])
def test_a_quoted_item_of_a_list_is_part_of_the_report_not_a_quote_of_its_own(parse, sentence, speaker, text):
    assert [(q.kind, q.speaker, q.text) for q in quotes_of(parse, sentence)] == [("partial", speaker, text)]


@pytest.mark.parametrize("text", [
    "Rapper Tom Reed and Jim Hale held a press conference, as the pair said their feud was over.",
    "Tom Reed and Jim Hale met on Monday. The two said the feud was over.",
])
def test_the_pair_is_the_people_named_together_before(text):
    (quote,) = factx.extract(text).quotes
    assert quote.speaker == "Tom Reed and Jim Hale"


@pytest.mark.parametrize("sentence,speaker", [
    ('The Audit Commission found the whole funding system was "fundamentally flawed".', "Audit Commission"),
    ("The jury found that he had acted in self-defence.", "The jury"),
    ("He found that the door was locked.", None),
    ("Acme has shown there is money in selling cheap phones.", None),
])
def test_a_body_that_rules_or_inquires_reports_what_it_found(parse, sentence, speaker):
    assert [q.speaker for q in quotes_of(parse, sentence)] == ([speaker] if speaker else [])


@pytest.mark.parametrize("sentence,speaker,text", [
    ("As a phone company, Acme is moving into television, Tom Reed, head of its new TV unit told the conference.",
     "Tom Reed", "As a phone company, Acme is moving into television"),
    ("After the vote, prices rose sharply, the minister said.", "the minister", "After the vote, prices rose sharply"),
])
def test_a_phrase_opening_the_reported_sentence_is_part_of_it(parse, sentence, speaker, text):
    assert [(q.speaker, q.text) for q in quotes_of(parse, sentence)] == [(speaker, text)]


def test_an_adverbial_clause_before_a_bare_cue_is_not_what_was_said(parse):
    assert quotes_of(parse, "When asked, she said.") == []


def test_a_second_half_the_parse_hung_on_the_cue_stays_in_what_was_said(parse):
    sentence = 'Mr Hale said the budget was not about the country, but "all about the interests of the party".'
    assert [(q.kind, q.text) for q in quotes_of(parse, sentence)] == [
        ("partial", 'the budget was not about the country, but "all about the interests of the party"')]


@pytest.mark.parametrize("text,speakers", [
    ("All three of the main parties have said the system must change. The Tories have promised a cut in bills "
     "for pensioners. They say they can save four billion pounds.",
     ["All three of the main parties", "Tories"]),
    ("Local councils have said the system must change. The Greens want to scrap the tax. They say it is unfair.",
     ["Local councils", "Greens"]),
])
def test_they_is_a_group_named_in_the_plural_as_the_subject_just_before(text, speakers):
    assert [q.speaker for q in factx.extract(text).quotes] == speakers


def test_a_name_set_off_after_a_relation_is_the_speaker(parse):
    (quote,) = quotes_of(parse, "Mr Begg's father, Azmat, said the family was shocked.")
    assert quote.speaker == "Azmat"


@pytest.mark.parametrize("sentence,speakers", [
    ("Neither Mr Hale nor Mr Reed would say how they would use the cash.", []),
    ("Neither side said what the deal was worth.", []),
    ("That suggests the leader believes the vote is lost.", []),
    ("This study suggests that prices will rise.", ["This study"]),
])
def test_no_one_said_it_and_the_writers_own_reasoning_are_not_quotes(parse, sentence, speakers):
    assert [q.speaker for q in quotes_of(parse, sentence)] == speakers


def test_a_span_never_ends_inside_a_hyphenated_word(parse):
    (quote,) = quotes_of(parse, "Mr Tanzi said he would co-operate fully with prosecutors.")
    assert quote.text == "he would co-operate fully with prosecutors"


def test_people_with_titles_the_model_did_not_tag_speak_together(parse):
    (quote,) = quotes_of(parse, "Mr Hale and Mr Reed said the plan would fail.")
    assert quote.speaker == "Hale and Reed"


def test_a_name_used_as_a_modifier_is_no_antecedent_for_he():
    text = ('"They like epic films," said critic Tim Dams. While he said the Oscar voting panel were not '
            '"snubbing" the film, he thought it was unlikely to win. "I think it is a misjudgement by the studio," he said.')
    assert factx.extract(text).quotes[-1].speaker == "Tim Dams"


def test_the_one_urging_others_is_the_subject_not_those_urged():
    text = 'The Archbishop of Canterbury wrote to all three parties urging them to act on poverty.'
    assert [q.speaker for q in factx.extract(text).quotes] == ["The Archbishop of Canterbury"]


@pytest.mark.parametrize("text,speaker", [
    ("Jack Straw spoke first. In a speech to the Foreign Policy Centre Mr Straw said the war had been right.",
     "Jack Straw"),
    ("In an interview with the Daily Mail Ms Jones said she would stand again.", "Jones"),
])
def test_a_titled_name_the_model_ran_into_the_name_before_is_the_speaker(text, speaker):
    (quote,) = factx.extract(text).quotes
    assert quote.speaker == speaker


def test_what_the_speaker_called_something_stays_in_what_was_said(parse):
    sentence = "The group said the drop partly reflects measures announced in what it called the tax-raising budget of 2002."
    assert [q.text for q in quotes_of(parse, sentence)] == [
        "the drop partly reflects measures announced in what it called the tax-raising budget of 2002"]


@pytest.mark.parametrize("middle,speaker", [
    # a sentence about no one else leaves the floor to the last speaker
    ("Spain, Italy and Greece are all level on six points after claiming away wins in Oslo and Riga.", "Tom Hale"),
    # another person named in between: no guess
    ("Coach Jim Reed praised the defence after the game.", None),
])
def test_a_quote_after_a_sentence_about_no_one_else_is_the_last_speakers(middle, speaker):
    text = (f'"We can still win the group," said striker Tom Hale. {middle} '
            '"In Oslo we did not play well, but we took our chances."')
    assert factx.extract(text).quotes[-1].speaker == speaker


@pytest.mark.parametrize("text,speaker", [
    ("Acme could list its racing arm on the stock market, the Financial Times reported. The plans could be "
     "announced within days, the paper said.", "Financial Times"),
    # no newspaper reported anything: "the paper" stays as written
    ("The IMF said growth would slow. The paper said the euro was too strong.", "The paper"),
])
def test_the_paper_is_the_newspaper_that_reported_the_story(text, speaker):
    assert factx.extract(text).quotes[-1].speaker == speaker


@pytest.mark.parametrize("sentence,speaker", [
    ("The Halifax survey concluded that prices were slowing.", "Halifax"),
    ("Growth will stall, a Capital Economics statement said.", "Capital Economics"),
    ("Mr Tanzi's statement said he was innocent.", "Tanzi"),
    ("A statement said the firm would appeal.", "A statement"),
])
def test_a_document_speaks_for_the_owner_named_in_it(sentence, speaker):
    (quote,) = factx.extract(sentence).quotes
    assert quote.speaker == speaker


def test_it_after_a_document_that_speaks_for_its_author_is_the_author():
    text = ('Wim Kok presented his review on Monday. "Growth is too slow," the Kok report said. '
            "It recommends that the targets be cut to ten.")
    assert [q.speaker for q in factx.extract(text).quotes] == ["Wim Kok", "Wim Kok"]


def test_a_spokeswoman_the_parse_hung_under_the_body_she_speaks_for_is_the_speaker():
    text = ("A Department for Work and Pensions spokeswoman said the figures were wrong. "
            "She added that the scheme would go on.")
    assert [q.speaker for q in factx.extract(text).quotes] == ["A Department for Work and Pensions spokeswoman"] * 2


@pytest.mark.parametrize("sentence,text", [
    ("Mr Hale said he had backed the plans when Mr Reed argued for them in Cabinet.",
     "he had backed the plans when Mr Reed argued for them in Cabinet"),
    ("She said the player is worth more than the club have put on the table.",
     "the player is worth more than the club have put on the table"),
])
def test_a_time_or_comparative_clause_inside_what_was_said_stays_in_it(parse, sentence, text):
    assert [q.text for q in quotes_of(parse, sentence)][0] == text


def test_the_writers_as_did_aside_is_not_what_was_said(parse):
    sentence = "Mr Hale said the firm was delighted for the couple, as did the Tory leader."
    assert [q.text for q in quotes_of(parse, sentence)] == ["the firm was delighted for the couple"]


@pytest.mark.parametrize("text", [
    "Singer George Michael said a new film marks his retirement. The pop star said it would be a quieter affair.",
    "Singer George Michael said a new film marks his retirement. The 41-year-old chart-topper said he wanted a change.",
])
def test_a_description_of_the_one_person_named_need_not_be_their_title(text):
    assert [q.speaker for q in factx.extract(text).quotes] == ["George Michael", "George Michael"]


def test_a_verb_that_only_introduces_direct_quotes_does_not_cut_a_list_of_acts(parse):
    sentence = "He said the Tories would cut taxes, put patients before statistics and bring discipline to schools."
    assert [q.text for q in quotes_of(parse, sentence)] == [
        "the Tories would cut taxes, put patients before statistics and bring discipline to schools"]


def test_a_document_by_a_kind_of_author_named_beside_it_is_that_author():
    text = "The UK market grew by 100%, according to a recent report by analysts Screen Digest."
    assert [q.speaker for q in factx.extract(text).quotes] == ["Screen Digest"]


def test_verb_joined_to_a_belief_clause_is_the_believers(parse):
    # the parse hangs the second verb on the clause believed; its subject is not a source
    (quote,) = quotes_of(parse, "Many mayors believe debt relief is possible only through the courts "
                                "and have been calling on Congress to change the law.")
    assert (quote.speaker, quote.cue, quote.text) == ("Many mayors", "call", "to change the law")


def test_an_age_description_is_the_one_person_named(parse):
    text = 'Anna Berg won in straight sets on Sunday. "We played well," said the 25-year-old.'
    (quote,) = quotes_of(parse, text)
    assert (quote.kind, quote.speaker) == ("direct", "Anna Berg")


def test_an_age_description_with_two_people_named_stays_as_written(parse):
    text = 'Anna Berg beat Maria Lopez in straight sets on Sunday. "We played well," said the 25-year-old.'
    (quote,) = quotes_of(parse, text)
    assert quote.speaker == "the 25-year-old"


def test_short_quote_before_a_long_subject_and_a_short_sentence_after(parse):
    text = ('Anna Berg won in straight sets on Sunday. "We played well," the former world number one said. '
            '"It was hard."')
    found = [(q.kind, q.text, q.cue) for q in quotes_of(parse, text)]
    assert found == [("direct", "We played well", "say"), ("direct", "It was hard.", None)]


def test_cue_before_a_semicolon_introduces_the_quote(parse):
    text = 'When Lee Hale shook his hand after another defeat, the Australian said; "You are the best."'
    (quote,) = quotes_of(parse, text)
    assert (quote.kind, quote.cue, quote.speaker) == ("direct", "say", "Lee Hale")


def test_a_state_joined_to_the_reported_clause_is_still_reported(parse):
    (quote,) = quotes_of(parse, 'Mary Jones said she was pleased with the "strong turnout" '
                                'but was worried about the cost of the new bridge.')
    assert quote.text.endswith("but was worried about the cost of the new bridge")


@pytest.mark.parametrize("sentence", [
    "If the shop does return, the message said, it would not be selling any more records.",
    "When the deal closes, the company said, about 200 jobs will go.",
])
def test_aside_after_an_opening_subordinate_clause(parse, sentence):
    # the parse hangs the opening clause on the aside; the whole sentence around it is what was said
    (quote,) = quotes_of(parse, sentence)
    assert (quote.kind, quote.cue, quote.text) == ("indirect", "say", sentence[:-1])


def test_who_after_the_last_name_of_a_list_is_that_name(parse):
    text = ('His plan was backed by Culture, Media and Sport Secretary Jane Cole who said: '
            '"Parents must check the labels."')
    (quote,) = quotes_of(parse, text)
    assert quote.speaker == "Jane Cole"


def test_quoted_predicate_of_the_writers_subject_is_partial(parse):
    (quote,) = quotes_of(parse, 'The firm said the device, sold only in Japan, "saves a lot of time".')
    assert (quote.kind, quote.cue, quote.speaker) == ("partial", "say", "The firm")


def test_second_half_of_a_quote_split_by_its_cue(parse):
    text = '"A literate and skilled workforce," insisted Mr Sener, "will make a positive impact on the EU."'
    found = [(q.kind, q.speaker, q.text) for q in quotes_of(parse, text)]
    assert found == [("direct", "Sener", "A literate and skilled workforce"),
                     ("direct", "Sener", "will make a positive impact on the EU.")]


def test_quoted_words_in_the_speakers_description_do_not_move_the_speaker(parse):
    text = 'Barbara Hale, one of the so-called "Blair Babes" elected in 1997, told researchers: "I remember it well."'
    (quote,) = quotes_of(parse, text)
    assert (quote.speaker, quote.cue) == ("Barbara Hale", "tell")


@pytest.mark.parametrize("sentence,text", [
    ("Acme Toys, the makers of Blaster, has said in the past it markets its toys responsibly.",
     "it markets its toys responsibly"),
    ("The firm said in a statement the deal would close in May.", "the deal would close in May"),
])
def test_when_and_where_it_was_said_is_not_what_was_said(parse, sentence, text):
    (quote,) = quotes_of(parse, sentence)
    assert quote.text == text


def test_a_gerund_subject_clause_is_reported(parse):
    (quote,) = quotes_of(parse, "Teachers, parents and many doctors say allowing phones in schools would harm sleep.")
    assert (quote.cue, quote.text) == ("say", "allowing phones in schools would harm sleep")


@pytest.mark.parametrize("sentence", [
    # the parse makes the sentence's own verb a clause of the participle before it
    "New sections added to this year's fair include Music of the Future and Music of the World.",
    "A large share of the refugees admitted to the United States have been Christian.",
    # an imputed act, and an indefinite someone
    "He was accused of claiming the plan would work.",
    'If you think of cola when someone mentions "soft drinks" you may be surprised.',
    # a participle set off by commas is no aside with a source of its own
    "However, when adding the December figures, the jobs record ended in positive territory.",
    "Officials gave a briefing to diplomats on Monday, explaining the neighbour's alleged role.",
])
def test_no_report_in_participles_imputed_acts_or_from_someone(parse, sentence):
    assert quotes_of(parse, sentence) == []


def test_the_accusation_is_reported_but_not_the_imputed_claim(parse):
    found = [(q.speaker, q.cue) for q in quotes_of(parse, "The minister accused the board of claiming it would "
                                                             "cut costs while spending more.")]
    assert found == [("The minister", "accuse")]


@pytest.mark.parametrize("sentence,start", [
    # the parse made the reported clause's subject the cue's object
    ("His mother, Jane, said her son's killer, Mark Hill, 17 - who was jailed for life in March - "
     "had copied scenes in the film.", "her son's killer"),
    ("Leeds manager Paul Dunn admitted their trip to Madrid to face league leaders Real was the "
     "hardest test possible.", "their trip to Madrid"),
])
def test_reported_clause_keeps_its_subject(parse, sentence, start):
    (quote,) = quotes_of(parse, sentence)
    assert quote.text.startswith(start) and quote.text.endswith(sentence[-12:-1])


def test_the_one_reminded_is_not_part_of_the_report(parse):
    text = "Mary Cole spoke on Monday. She reminded voters she had opposed the war."
    (quote,) = quotes_of(parse, text)
    assert (quote.speaker, quote.text) == ("Mary Cole", "she had opposed the war")


def test_what_someone_promised_inside_a_report_is_not_a_nested_source(parse):
    sentence = "Mr Grant said it was vital for a bank to have public trust, both on what it promised and what it delivered."
    (quote,) = quotes_of(parse, sentence)
    assert quote.text == sentence[len("Mr Grant said "):-1]


def test_fronted_phrase_and_the_clause_after_it_are_one_report(parse):
    sentence = "The unions claim that of the £20m the minister promised last year, only £2m has been paid."
    (quote,) = quotes_of(parse, sentence)
    assert quote.text == "of the £20m the minister promised last year, only £2m has been paid"


def test_the_sources_stance_joined_after_a_dash_goes_on_the_report(parse):
    sentence = "The council has said that the road is closed - and it was sure the work would be finished by May."
    (quote,) = quotes_of(parse, sentence)
    assert quote.text == "the road is closed - and it was sure the work would be finished by May"


@pytest.mark.parametrize("text,speaker", [
    ("The committee reached its conclusions after it found a backlog of 250,000 cases. "
     "It warned that the agency could take five years to recover.", "The committee"),
    ("Senior law lords ruled against the detention measures last week. "
     "They said it was wrong to have one law for foreign suspects and another for British ones.",
     "Senior law lords"),
])
def test_it_and_they_go_back_to_a_body_named_by_a_common_noun(parse, text, speaker):
    (quote,) = quotes_of(parse, text)
    assert quote.speaker == speaker


def test_they_is_not_a_plural_noun_inside_a_subordinate_clause(parse):
    text = ("The court will decide whether makers of the software can be held responsible. "
            "They said that sharing firms had some responsibility.")
    (quote,) = quotes_of(parse, text)
    assert quote.speaker is None


def test_verbs_that_agree_with_the_reported_clause_not_the_cue_go_on_it(parse):
    sentence = ("The directors have argued that the rival is bigger, has fewer debts and has built "
                "a strong mobile arm.")
    (quote,) = quotes_of(parse, sentence)
    assert quote.text == "the rival is bigger, has fewer debts and has built a strong mobile arm"


@pytest.mark.parametrize("sentence", [
    "The film won best picture, adding to awards it has already picked up.",
    'The government has ruled out changing the law, which allows "reasonable force" in self defence.',
    "One wonders whether the new rules will work.",
])
def test_other_senses_of_reporting_verbs_and_the_writers_musing(parse, sentence):
    assert quotes_of(parse, sentence) == []


def test_an_aside_after_the_cue_of_a_direct_quote_is_not_said(parse):
    found = [(q.kind, q.text) for q in quotes_of(parse, '"It was great," he said later, his hair freshly gelled into a spike.')]
    assert found == [("direct", "It was great")]


def test_the_owner_of_a_message_before_a_colon_speaks(parse):
    text = ("Sir Digby Jones said stability was all important. His message to the chancellor was: "
            '"Please do not give it away in any form of electioneering."')
    speakers = [q.speaker for q in quotes_of(parse, text)]
    assert speakers == ["Digby Jones", "Digby Jones"]


@pytest.mark.parametrize("sentence", [
    "It is set, according to analysts, to change the way we watch films.",
    "The plan, according to officials, will cost £5m.",
])
def test_according_to_inside_the_clause_keeps_the_whole_clause(parse, sentence):
    (quote,) = quotes_of(parse, sentence)
    assert (quote.cue, quote.text) == ("according to", sentence[:-1])


@pytest.mark.parametrize("sentence,text", [
    ("Mr Reed claimed the final would be between himself, Dutchman Jan Berg and Luis Mora of Spain.",
     "the final would be between himself, Dutchman Jan Berg and Luis Mora of Spain"),
    ("Smith admitted poor kicking from the visitors, who missed five penalties between them, had been decisive.",
     "poor kicking from the visitors, who missed five penalties between them, had been decisive"),
])
def test_parts_of_the_report_the_parse_hung_on_the_cue(parse, sentence, text):
    (quote,) = quotes_of(parse, sentence)
    assert quote.text == text


def test_a_name_before_an_untagged_title_is_the_speaker(parse):
    text = '"Every console will support it," Dr Alan Pike games director at software firm Zenix told the BBC.'
    (quote,) = quotes_of(parse, text)
    assert quote.speaker == "Alan Pike"


def test_a_possessor_before_a_spokesman_is_not_the_speaker(parse):
    text = "Tony Blair met the king on Monday. Mr Blair's official spokesman said the talks went well."
    (quote,) = quotes_of(parse, text)
    assert quote.speaker == "Mr Blair's official spokesman"


def test_he_after_a_person_brought_in_with_a_role_is_that_person(parse):
    text = ('"It is a good price," said Mr Fogg. One dissenting view came from Ben Sharp, head of research at '
            'analysts Gartnex. He said: "I don\'t think it changes much."')
    assert [q.speaker for q in quotes_of(parse, text)] == ["Fogg", "Ben Sharp"]


def test_he_after_a_person_named_in_passing_stays_with_the_speaker(parse):
    text = ('"It is a good price," said Mr Fogg. The deal was approved by Ben Sharp at the meeting. '
            'He said: "I don\'t think it changes much."')
    assert [q.speaker for q in quotes_of(parse, text)] == ["Fogg", "Fogg"]


@pytest.mark.parametrize("text,speaker", [
    ("Sportswear maker Brisk has posted higher profits. The firm, which lost a deal with Leeds, said it "
     "was looking at new investments.", "Brisk"),
    ("Sportswear maker Brisk has posted higher profits. The firm, reporting its first results, said it "
     "was looking at new investments.", "Brisk"),
    ("Sportswear maker Brisk has posted higher profits. The firm which bought it said it was looking at "
     "new investments.", "The firm"),
])
def test_a_description_with_an_aside_set_off_by_commas_is_still_the_one_named(text, speaker):
    quotes = factx.extract(text).quotes
    assert [q.speaker for q in quotes] == [speaker]


@pytest.mark.parametrize("sentence,speaker,cue,text", [
    ("The minister expressed concern that the plan would fail.", "The minister", "express", "the plan would fail"),
    ("The union voiced fears that jobs would go.", "The union", "voice", "jobs would go"),
])
def test_a_stance_stated_with_a_that_clause_is_reported(parse, sentence, speaker, cue, text):
    (quote,) = quotes_of(parse, sentence)
    assert (quote.kind, quote.speaker, quote.cue, quote.text) == ("indirect", speaker, cue, text)


@pytest.mark.parametrize("sentence", [
    "He expressed concern about the plan.",
    "Rising prices raised fears that inflation would return.",
])
def test_no_stance_report_without_a_clause_or_a_source(parse, sentence):
    assert quotes_of(parse, sentence) == []


def test_a_capitalised_word_the_model_left_out_of_a_party_name_speaks_with_it(parse):
    (quote,) = quotes_of(parse, "The Liberal Democrats say in the northern cities, the race is between them and Labour.")
    assert quote.speaker == "Liberal Democrats"


def test_it_after_a_quote_of_two_sentences_goes_back_past_them(parse):
    text = ('The BPI is equally quick to condemn established brands. "Networks like these facilitate illegal '
            'filesharing. The BPI strongly believes that any reputable company should look carefully at its '
            'support," it said in a statement.')
    assert [q.speaker for q in quotes_of(parse, text)] == ["BPI"]
