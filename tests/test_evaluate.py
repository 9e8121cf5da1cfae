"""Evaluation: the seed gold is fully found, and the matching rules behave as documented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factx.evaluate import (
    FoldedText,
    classify,
    evaluate,
    find_article_text,
    format_report,
    greedy_match,
    parse_dateline,
    same_name,
    score_document,
    score_meantime,
    score_polnear,
    span_overlap,
    trim_span,
    values_equal,
)
from factx.records import Claim, Date, DocInfo, Entity, Figure, Mention, Quote, Result

SEED_GOLD = Path(__file__).resolve().parent.parent / "data" / "gold" / "000_e2a1a4c2d0035a50.json"
SECTIONS = ("entities", "quotes", "figures", "dates", "claims")


# -- the seed gold ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_report():
    return evaluate([str(SEED_GOLD)])


@pytest.mark.parametrize("section", SECTIONS)
def test_seed_gold_every_required_item_is_found(seed_report, section):
    corpus = seed_report["corpora"]["gold"]
    assert corpus["docs"] == 1 and not corpus["problems"], corpus["problems"]
    scores = corpus["sections"][section]
    missed = [m["gold"] for m in corpus["missed"] if m["section"] == section]
    assert scores["fn"] == 0 and scores["recall"] == 1.0, f"{section} missed: {missed}"


@pytest.mark.parametrize("section", SECTIONS)
def test_seed_gold_matched_items_have_the_right_attributes(seed_report, section):
    """Speakers, kinds, values, units, dates, labels...: what the issues ask for on the seed."""
    corpus = seed_report["corpora"]["gold"]
    attributes = corpus["sections"][section]["attributes"]
    wrong = [f"{w['gold']!r} {w['attribute']}: expected {w['expected']!r}, got {w['got']!r}"
             for w in corpus["wrong"] if w["section"] == section]
    assert all(v["accuracy"] == 1.0 for k, v in attributes.items() if k != "exact_span"), wrong


def test_seed_report_prints_every_section(seed_report):
    text = format_report(seed_report)
    for section in SECTIONS:
        assert section in text
    assert json.loads(json.dumps(seed_report)) == seed_report


def test_gold_folder_finds_the_article_in_seeds(tmp_path, seed_text):
    gold_dir = tmp_path / "data" / "gold"
    gold_dir.mkdir(parents=True)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(seed_text, encoding="utf-8")
    path = gold_dir / "a.json"
    path.write_text(json.dumps({"doc": "a.txt", "dates": []}), encoding="utf-8")
    text, where = find_article_text(json.loads(path.read_text()), path)
    assert text == seed_text and where.endswith("seeds/a.txt")
    assert classify([str(gold_dir)]) == {"gold": [path]}


# -- spans, text lookup, values, names -------------------------------------------------------------

@pytest.mark.parametrize("gold, pred, expected", [
    ([(0, 10)], [(0, 10)], 1.0),
    ([(0, 10)], [(0, 5)], 0.5),
    ([(0, 5)], [(0, 10)], 0.5),
    ([(0, 10)], [(10, 20)], 0.0),
    ([(0, 4), (10, 14)], [(0, 14)], 8 / 14),
    ([(0, 10)], [], 0.0),
])
def test_span_overlap(gold, pred, expected):
    assert span_overlap(gold, pred) == pytest.approx(expected)


def test_trim_span_drops_quote_marks_and_trailing_punctuation():
    text = 'He said: “We will win.” Then'
    start = text.index("“")
    end = text.index("”") + 1
    s, e = trim_span(text, start, end)
    assert text[s:e] == "We will win"


def test_text_lookup_folds_quotes_space_and_case():
    text = "The mayor said \u201cwe are\n  ready\u201d on Monday. Later: \"We are ready,\" he said."
    found = FoldedText(text).find('"We are ready."')
    assert [text[s:e] for (s, e), in found] == ["we are\n  ready", "We are ready"]


def test_text_lookup_of_an_elided_quote_gives_its_parts():
    text = "\"The plan is sound,\" she said, \"and it will work.\""
    (spans,) = FoldedText(text).find("The plan is sound … it will work")
    assert [text[s:e] for s, e in spans] == ["The plan is sound", "it will work"]


def test_text_lookup_misses_absent_text():
    assert FoldedText("Nothing here.").find("something else") == []


@pytest.mark.parametrize("gold, pred, expected", [
    (22e9, 22.1e9, True),
    (1000, 1004, True),
    (1000, 1006, False),
    (0.2, 0.2, True),
    (0, 0.0, True),
    ("Soldier", "soldier", True),
    ("day", "year", False),
    (None, None, True),
    (None, "day", False),
    ("$", None, False),
])
def test_values_equal(gold, pred, expected):
    assert values_equal(gold, pred) is expected


@pytest.mark.parametrize("gold, pred, expected", [
    ("Mark Carney", "Carney", True),
    ("carney", "Mark Carney", True),
    ("A Canadian government official", "The official", True),
    ("the United States", "United States", True),
    ("Canadian intelligence", "Canada", False),
    ("Donald Trump", "Mark Carney", False),
    ("Donald Trump", None, False),
])
def test_same_name(gold, pred, expected):
    assert same_name(gold, pred) is expected


def test_greedy_match_is_one_to_one_and_prefers_the_best_pair():
    scores = {(0, 0): 0.5, (0, 1): 0.9, (1, 1): 0.8, (1, 0): 0.4}
    pairs = greedy_match(2, 2, lambda g, p: scores.get((g, p)))
    assert pairs == [(0, 1, 0.9), (1, 0, 0.4)]
    assert greedy_match(2, 2, lambda g, p: 1.0) == [(0, 0, 1.0), (1, 1, 1.0)]


def test_parse_dateline():
    assert parse_dateline("September 01, 2007") == "2007-09-01"
    assert parse_dateline("no date here") is None


# -- scoring hand-made records ---------------------------------------------------------------------

TEXT = ("Finance Minister Ana Silva said the city will spend about $3 billion on trains. "
        "\"We start on Monday,\" she added. Silva visited Porto last week.")


def _at(fragment: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(fragment, start + 1)
    return start, start + len(fragment)


def _result(**sections) -> Result:
    info = DocInfo(id="t", path=None, title=None, published="2024-03-08", sha256="", model="test")
    return Result(doc=info, text=TEXT, **{k: tuple(v) for k, v in sections.items()})


def _entity(eid, name, label, *texts, aliases=()):
    mentions = tuple(Mention(*_at(t), t) for t in texts)
    return Entity(id=eid, name=name, label=label, aliases=tuple(aliases), mentions=mentions)


def _quote(qid, fragment, kind, speaker, cue):
    s, e = _at(fragment)
    return Quote(id=qid, kind=kind, text=fragment, start=s, end=e, speaker=speaker, speaker_id=None, cue=cue)


def _figure(fid, fragment, value, unit=None, qualifier=None, kind="money"):
    s, e = _at(fragment)
    return Figure(id=fid, kind=kind, text=fragment, start=s, end=e, value=value, unit=unit, qualifier=qualifier)


def _date(did, fragment, value, type_="date"):
    s, e = _at(fragment)
    return Date(id=did, text=fragment, start=s, end=e, value=value, type=type_)


def _claim(cid, claim_type, subject, value=None, obj=None, date=None, source=None, predicate=None):
    return Claim(id=cid, claim_type=claim_type, subject=subject, predicate=predicate, object=obj, value=value,
                 unit=None, per=None, date=date, source=source, text=TEXT, start=0, end=len(TEXT), rule="test",
                 confidence=1.0)


GOLD = {
    "doc": "t",
    "entities": [
        {"name": "Ana Silva", "label": "PERSON", "aliases": ["Silva"]},
        {"name": "Porto", "label": ["GPE", "LOC"], "aliases": []},
    ],
    "quotes": [
        {"kind": "indirect", "speaker": "Ana Silva", "cue": "say",
         "text": "the city will spend about $3 billion on trains"},
        {"kind": "direct", "speaker": "Ana Silva", "cue": "add", "text": "We start on Monday."},
    ],
    "figures": [{"text": "about $3 billion", "kind": "money", "value": 3e9, "unit": "$",
                 "qualifier": "approximately"}],
    "dates": [{"text": "Monday", "value": "2024-03-11"}, {"text": "last week", "value": "2024-W09", "optional": True}],
    "claims": [{"claim_type": "quantity", "subject": "the city", "predicate": ["spend"], "value": 3e9},
               {"claim_type": "event", "subject": "Ana Silva", "predicate": ["visit"], "object": "Porto"}],
}


def test_score_document_counts_matches_misses_and_attributes():
    result = _result(
        entities=[_entity("e1", "Ana Silva", "PERSON", "Ana Silva", "Silva", aliases=["Silva"]),
                  _entity("e2", "Porto", "PERSON", "Porto"),
                  _entity("e3", "Monday", "DATE", "Monday")],
        quotes=[_quote("q1", "the city will spend about $3 billion on trains", "indirect", "Ana Silva", "say"),
                _quote("q2", "We start on Monday,", "direct", "Silva", None)],
        figures=[_figure("f1", "$3 billion", 3.01e9, unit="$", qualifier=None)],
        dates=[_date("d1", "Monday", "2024-03-11")],
        claims=[_claim("c1", "quantity", "city", value=3e9, predicate="spend"),
                _claim("c2", "event", "Silva", obj="Lisbon", predicate="visit"),
                _claim("c3", "quote", "Ana Silva")],
    )
    scores = {k: v.to_dict() for k, v in score_document(GOLD, result).items()}

    ents = scores["entities"]
    assert (ents["tp"], ents["fp"], ents["fn"], ents["ignored"]) == (2, 0, 0, 1)  # DATE is not annotated
    assert ents["attributes"]["label"] == {"correct": 1, "total": 2, "accuracy": 0.5}

    quotes = scores["quotes"]
    assert (quotes["tp"], quotes["fp"], quotes["fn"]) == (2, 0, 0)
    assert quotes["attributes"]["speaker"]["accuracy"] == 1.0
    assert quotes["attributes"]["cue"]["correct"] == 1
    assert quotes["strict"]["tp"] == 2

    figures = scores["figures"]
    assert figures["tp"] == 1
    assert figures["attributes"]["value"]["accuracy"] == 1.0
    assert figures["attributes"]["qualifier"]["accuracy"] == 0.0
    assert figures["attributes"]["exact_span"]["accuracy"] == 0.0

    dates = scores["dates"]
    assert (dates["tp"], dates["fn"], dates["optional"], dates["recall"]) == (1, 0, 1, 1.0)

    claims = scores["claims"]
    # the event names the wrong place: a false positive and a miss; quote claims are not annotated
    assert (claims["tp"], claims["fp"], claims["fn"], claims["ignored"]) == (1, 1, 1, 1)
    assert claims["attributes"]["subject"]["accuracy"] == 1.0


def test_optional_items_count_when_found():
    result = _result(dates=[_date("d1", "Monday", "2024-03-11"), _date("d2", "last week", "2024-W10")])
    dates = score_document(GOLD, result, sections=["dates"])["dates"].to_dict()
    assert (dates["tp"], dates["fp"], dates["fn"]) == (2, 0, 0)
    assert dates["attributes"]["value"] == {"correct": 1, "total": 2, "accuracy": 0.5}


def test_a_wrong_speaker_and_an_unmatched_quote():
    result = _result(quotes=[_quote("q1", "We start on Monday,", "direct", "Porto", "add"),
                             _quote("q2", "Silva visited Porto", "indirect", None, None)])
    quotes = score_document(GOLD, result, sections=["quotes"])["quotes"].to_dict()
    assert (quotes["tp"], quotes["fp"], quotes["fn"]) == (1, 1, 1)
    assert quotes["attributes"]["speaker"]["accuracy"] == 0.0


def test_a_quote_overlapping_too_little_does_not_match():
    result = _result(quotes=[_quote("q1", "the city", "indirect", "Ana Silva", "say")])
    quotes = score_document(GOLD, result, sections=["quotes"])["quotes"].to_dict()
    assert (quotes["tp"], quotes["fp"], quotes["fn"]) == (0, 1, 2)


def test_score_meantime_respects_the_scope_and_unscored_mentions():
    end = TEXT.index("Silva visited")
    item = {
        "gold_scope_end": end,
        "entities": [{"label": "PER", "syntactic_type": "NAM", "start": _at("Ana Silva")[0],
                      "end": _at("Ana Silva")[1]},
                     {"label": "LOC", "syntactic_type": "PRE.NAM", "start": _at("city")[0], "end": _at("city")[1]},
                     {"label": "PRO", "syntactic_type": "NOM", "start": _at("trains")[0], "end": _at("trains")[1]}],
        "timexes": [{"type": "DATE", "value": "2024-03-11", "start": _at("Monday")[0], "end": _at("Monday")[1]}],
        "values": [{"type": "MONEY", "start": _at("$3 billion")[0], "end": _at("$3 billion")[1]}],
    }
    result = _result(
        entities=[_entity("e1", "Ana Silva", "PERSON", "Ana Silva"),
                  _entity("e2", "city", "GPE", "city"),
                  _entity("e3", "Trains", "ORG", "trains"),
                  _entity("e4", "Porto", "GPE", "Porto")],
        figures=[_figure("f1", "about $3 billion", 3e9)],
        dates=[_date("d1", "Monday", "2024-03-12"), _date("d2", "last week", "2024-W09")],
    )
    scores = {k: v.to_dict() for k, v in score_meantime(item, result).items()}
    # "city" is a name the gold labels otherwise: ignored; "trains" is no name: a false positive;
    # "Porto" lies after the scope
    assert (scores["entities"]["tp"], scores["entities"]["fp"], scores["entities"]["ignored"]) == (1, 1, 1)
    assert scores["entities"]["attributes"]["label"]["accuracy"] == 1.0
    assert (scores["figures"]["tp"], scores["figures"]["fp"]) == (1, 0)
    assert (scores["dates"]["tp"], scores["dates"]["fp"]) == (1, 0)
    assert scores["dates"]["attributes"]["value"]["accuracy"] == 0.0


def test_score_polnear_uses_content_spans_and_named_speakers():
    item = {"quotes": [
        {"speaker": "Finance Minister Ana Silva", "speaker_is_pronoun": False,
         "content_spans": [{"start": _at("the city will")[0], "end": _at("on trains")[1]}]},
        {"speaker": "she", "speaker_is_pronoun": True,
         "content_spans": [{"start": _at("We start on Monday")[0], "end": _at("We start on Monday")[1]}]},
    ]}
    result = _result(quotes=[_quote("q1", "the city will spend about $3 billion", "indirect", "Ana Silva", "say"),
                             _quote("q2", "We start on Monday", "direct", "Ana Silva", "add")])
    quotes = score_polnear(item, result)["quotes"].to_dict()
    assert (quotes["tp"], quotes["fp"], quotes["fn"]) == (2, 0, 0)
    assert quotes["strict"]["tp"] == 1  # 36 of 46 characters is below 0.8
    assert quotes["attributes"]["speaker_named"] == {"correct": 1, "total": 1, "accuracy": 1.0}


def test_score_polnear_joins_pieces_of_one_attribution():
    # one gold attribution made of two pieces; factx gives the second piece with cue null
    item = {"quotes": [{"speaker": "Ana Silva", "speaker_is_pronoun": False, "content_spans": [
        {"start": _at("We start on Monday")[0], "end": _at("We start on Monday")[1]},
        {"start": _at("Silva visited Porto last week")[0], "end": _at("Silva visited Porto last week")[1]}]}]}
    pieces = [_quote("q1", "We start on Monday", "direct", "Ana Silva", "add"),
              _quote("q2", "Silva visited Porto last week", "direct", "Ana Silva", None)]
    scores = score_polnear(item, _result(quotes=pieces))
    assert (scores["quotes"].tp, scores["quotes"].fp) == (1, 1)
    assert (scores["quotes_joined"].tp, scores["quotes_joined"].fp, scores["quotes_joined"].strict.tp) == (1, 0, 1)
    # another speaker's piece is not joined on
    other = [pieces[0], _quote("q2", "Silva visited Porto last week", "direct", "Tom Reed", None)]
    joined = score_polnear(item, _result(quotes=other))["quotes_joined"]
    assert (joined.tp, joined.fp) == (1, 1)


def test_external_formats_are_recognised_by_their_keys(tmp_path):
    meantime = tmp_path / "a.jsonl"
    meantime.write_text(json.dumps({"id": "1", "text": TEXT, "gold_scope_end": 40, "dct": None,
                                    "dateline": "March 08, 2024", "entities": [], "timexes": [],
                                    "values": []}) + "\n", encoding="utf-8")
    polnear = tmp_path / "b.jsonl"
    polnear.write_text(json.dumps({"id": "2", "text": TEXT, "publication_date": "2024-03-08",
                                   "quotes": []}) + "\n", encoding="utf-8")
    assert classify([str(meantime), str(polnear)]) == {"meantime": [meantime], "polnear": [polnear]}
    report = evaluate([str(meantime), str(polnear)])
    assert report["corpora"]["meantime"]["docs"] == 1
    assert {"entities", "entities_spacy", "dates", "dates_spacy", "figures", "figures_spacy"} <= set(
        report["corpora"]["meantime"]["sections"])
    assert report["corpora"]["polnear"]["sections"]["quotes"]["gold"] == 0
    assert "meantime" in format_report(report)
