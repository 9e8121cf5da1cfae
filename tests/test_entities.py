"""Entities: grouping, label repair, roles, and the record contract, on the seed and on sentences
written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from factx.entities import extract_entities
from factx.linking import EntityIndex, name_matches, norm

NOT_ENTITY_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "NORP"}


def _allowed(label) -> set[str]:
    return set(label) if isinstance(label, list) else {label}


def _by_name(entities):
    return {e.name: e for e in entities}


def _with_ents(doc, spans):
    """Override the model's entities with ``(text, label)`` pairs (first occurrence of each text after
    the previous one), so label repair is tested whatever the model guesses."""
    ents, pos = [], 0
    for text, label in spans:
        start = doc.text.index(text, pos)
        span = doc.char_span(start, start + len(text), label=label)
        assert span is not None, text
        ents.append(span)
        pos = start + len(text)
    doc.ents = ents
    return doc


# -- seed article ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_entities(seed_doc):
    return extract_entities(seed_doc)


def test_seed_gold_entities_found_with_allowed_label(seed_entities, seed_gold):
    found = _by_name(seed_entities)
    for gold in seed_gold["entities"]:
        assert gold["name"] in found, gold["name"]
        assert found[gold["name"]].label in _allowed(gold["label"]), (gold["name"], found[gold["name"]].label)


def test_seed_no_gold_entity_under_two_names(seed_entities, seed_gold):
    for gold in seed_gold["entities"]:
        forms = [gold["name"], *gold.get("aliases", [])]
        holders = [e for e in seed_entities if any(norm(f) in {norm(n) for n in (e.name, *e.aliases)} for f in forms)]
        assert len(holders) == 1, (gold["name"], [e.name for e in holders])


def test_seed_roles_and_affiliations(seed_entities, seed_gold):
    found = _by_name(seed_entities)
    for gold in seed_gold["entities"]:
        if gold.get("role"):
            entity = found[gold["name"]]
            assert (entity.role, entity.affiliation) == (gold["role"], gold["affiliation"]), gold["name"]


def test_seed_repairs_are_auditable(seed_entities):
    found = _by_name(seed_entities)
    carney = found["Mark Carney"]
    assert carney.label == "PERSON" and carney.model_label == "GPE"
    assert carney.count == sum(1 for m in carney.mentions if m.text == "Carney") + 1
    assert found["Kyiv"].label == "GPE" and found["Kyiv"].model_label == "PERSON"
    assert found["Donald Trump"].aliases == ("Trump",)


def test_seed_keeps_no_demonyms_dates_or_numbers(seed_entities):
    names = {e.name for e in seed_entities}
    assert not names & {"Canadian", "Ukrainian", "Ukrainians", "Russian", "European", "Western", "French",
                        "Independence Day"}
    assert not {e.label for e in seed_entities} & NOT_ENTITY_LABELS


def test_record_contract(seed_doc, seed_entities):
    assert [e.id for e in seed_entities] == [f"e{i}" for i in range(1, len(seed_entities) + 1)]
    assert [e.start for e in seed_entities] == sorted(e.start for e in seed_entities)
    spans = []
    for e in seed_entities:
        assert e.count == len(e.mentions) > 0
        assert (e.start, e.end, e.text) == (e.mentions[0].start, e.mentions[0].end, e.mentions[0].text)
        assert e.name not in e.aliases
        assert list(e.mentions) == sorted(e.mentions, key=lambda m: m.start)
        for m in e.mentions:
            assert seed_doc.text[m.start:m.end] == m.text
            spans.append((m.start, m.end))
    spans.sort()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "mentions overlap"


def test_deterministic(nlp, seed_text, seed_entities):
    assert extract_entities(nlp(seed_text)) == seed_entities


def test_seed_result_uses_entities(seed_result):
    assert any(e.name == "Mark Carney" for e in seed_result.entities)


# -- grouping ---------------------------------------------------------------------------------------

GROUPING = [
    ("Prime Minister Jane Holloway visited Oslo on Monday. Holloway said the talks went well.",
     "Jane Holloway", ["Jane Holloway", "Holloway"]),
    ("Ridley arrived late on Tuesday. Later, Thomas Ridley told reporters he was sorry.",
     "Thomas Ridley", ["Ridley", "Thomas Ridley"]),
    ("The U.S. and Mexico signed the deal. Officials in the United States said the US would pay.",
     "United States", ["U.S.", "the United States", "US"]),
    ("The Government Accountability Office (GAO) criticised the deal. The GAO said costs had doubled.",
     "Government Accountability Office", ["The Government Accountability Office", "GAO", "GAO"]),
    ("Apple chief executive Tim Cook said sales rose. Cook added that demand was strong.",
     "Tim Cook", ["Tim Cook", "Cook"]),
]


@pytest.mark.parametrize("sentence, name, mentions", GROUPING)
def test_grouping(nlp, sentence, name, mentions):
    found = _by_name(extract_entities(nlp(sentence)))
    assert name in found, list(found)
    assert [m.text for m in found[name].mentions] == mentions


def test_possessive_and_short_form(nlp):
    found = _by_name(extract_entities(nlp("Britain's economy grew faster than expected, officials said.")))
    uk = found["United Kingdom"]
    assert [m.text for m in uk.mentions] == ["Britain"] and uk.aliases == ("Britain",)


def test_two_people_sharing_a_surname_take_the_nearest(nlp):
    text = ("Bill Aldridge founded the firm. His daughter Emma Aldridge runs it now. "
            "Aldridge said the shop would stay open.")
    doc = _with_ents(nlp(text), [("Bill Aldridge", "PERSON"), ("Emma Aldridge", "PERSON"), ("Aldridge", "GPE")])
    found = _by_name(extract_entities(doc))
    assert found["Emma Aldridge"].count == 2 and found["Bill Aldridge"].count == 1


# -- label repair -----------------------------------------------------------------------------------


def test_surname_takes_person_label_from_full_name(nlp):
    text = "Maria Lindqvist won the vote. Lindqvist thanked her team. Lindqvist then left."
    doc = _with_ents(nlp(text), [("Maria Lindqvist", "PERSON"), ("Lindqvist", "GPE"), ("Lindqvist", "ORG")])
    (entity,) = extract_entities(doc)
    assert (entity.name, entity.label, entity.count) == ("Maria Lindqvist", "PERSON", 3)
    assert entity.model_label in {"GPE", "ORG", "PERSON"}


def test_title_before_name_means_person(nlp):
    doc = _with_ents(nlp("Senator Odell Brannigan opposed the bill."), [("Odell Brannigan", "ORG")])
    (entity,) = extract_entities(doc)
    assert (entity.label, entity.model_label, entity.role) == ("PERSON", "ORG", "Senator")


def test_gazetteer_place_wins_over_person(nlp):
    doc = _with_ents(nlp("Thousands marched in Lisbon on Saturday."), [("Lisbon", "PERSON")])
    (entity,) = extract_entities(doc)
    assert (entity.label, entity.model_label) == ("GPE", "PERSON")


def test_place_context_wins_over_person(nlp):
    doc = _with_ents(nlp("The plant near Quarrington employs 400 people."), [("Quarrington", "PERSON")])
    (entity,) = extract_entities(doc)
    assert entity.label == "GPE"


def test_the_before_a_name_is_not_a_person(nlp):
    doc = _with_ents(nlp("Fans queued all night to see the Marvellettes play."), [("Marvellettes", "PERSON")])
    (entity,) = extract_entities(doc)
    assert entity.label == "ORG"


def test_head_word_fixes_label(nlp):
    doc = _with_ents(nlp("She studied at Harwick University before moving abroad."), [("Harwick University", "PERSON")])
    (entity,) = extract_entities(doc)
    assert entity.label == "ORG"


# -- roles ----------------------------------------------------------------------------------------

ROLES = [
    ("German Chancellor Olaf Scholz met reporters in Berlin.", "Olaf Scholz", "Chancellor", "Germany"),
    ("U.S. President Joe Biden spoke on Monday.", "Joe Biden", "President", "United States"),
    ("Sarah Klein, the chief executive of Northwind Energy, said the plant would close.",
     "Sarah Klein", "Chief Executive", "Northwind Energy"),
    ("Mark Carney, Canada's prime minister, arrived in Rome.", "Mark Carney", "Prime Minister", "Canada"),
    ("Apple chief executive Tim Cook said sales rose.", "Tim Cook", "Chief Executive", "Apple"),
]


@pytest.mark.parametrize("sentence, name, role, affiliation", ROLES)
def test_roles(nlp, sentence, name, role, affiliation):
    found = _by_name(extract_entities(nlp(sentence)))
    assert (found[name].role, found[name].affiliation) == (role, affiliation)


def test_entity_cut_after_honorific_takes_the_name(nlp):
    doc = _with_ents(nlp("The party repaid the loan to Lord Ashcroft on Monday."), [("Lord", "PERSON")])
    (entity,) = extract_entities(doc)
    assert (entity.name, entity.label) == ("Ashcroft", "PERSON")


def test_age_appositive_means_person(nlp):
    doc = _with_ents(nlp("Brannock, 54, told the court he was innocent."), [("Brannock", "GPE")])
    (entity,) = extract_entities(doc)
    assert entity.label == "PERSON"


def test_possessive_owner_of_lowercase_title(nlp):
    found = _by_name(extract_entities(nlp("Labour's election chief Alan Milburn defended the posters.")))
    assert (found["Alan Milburn"].role, found["Alan Milburn"].affiliation) == ("Election Chief", "Labour")


# -- what is not an entity --------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, absent", [
    ("Crowds gathered for Independence Day. Canadian officials attended the parade.",
     {"Independence Day", "Canadian"}),
    ("The meeting starts at 14:00 UTC in Geneva and costs $5 million.", {"UTC", "$5 million"}),
])
def test_not_entities(nlp, sentence, absent):
    names = {e.name for e in extract_entities(nlp(sentence))}
    assert not names & absent


def test_list_of_names_in_one_span_is_split(nlp):
    text = "Mines in Kelsby, Durnford and Ashcombe will close."
    doc = _with_ents(nlp(text), [("Kelsby, Durnford and Ashcombe", "GPE")])
    assert [e.name for e in extract_entities(doc)] == ["Kelsby", "Durnford", "Ashcombe"]


@pytest.mark.parametrize("text", ["", "   \n\n ", "((( ''' \"\" ,,,", "1 2 3 4 5 6 7 8 9 0 % $ £ €", "A" * 5000])
def test_odd_input(nlp, text):
    assert isinstance(extract_entities(nlp(text)), list)


# -- linking --------------------------------------------------------------------------------------


def test_entity_index(seed_entities):
    index = EntityIndex(seed_entities)
    carney = index.lookup("Carney")
    assert carney is not None and carney.name == "Mark Carney"
    assert index.lookup("the United States").name == "United States"
    assert index.lookup("U.S.").name == "United States"
    first = carney.mentions[1]
    assert index.at(first.start, first.end) is carney
    assert index.at(first.start - 3, first.start + 2) is carney
    assert index.at(0, 0) is None
    assert name_matches("zelenskyy", ["Volodymyr Zelenskyy"])
