"""The whole pipeline as a library: typed records, long texts, parallel runs, and never raising."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import factx
from factx import nlp as nlp_mod
from factx.records import SECTIONS


def check_offsets(result, text):
    """Every span record slices the text to its own ``text``; every offset lies inside it."""
    for section in SECTIONS:
        for record in getattr(result, section):
            assert 0 <= record.start <= record.end <= len(text), (section, record)
            if section != "entities":
                assert text[record.start:record.end] == record.text, (section, record)
            for mention in getattr(record, "mentions", ()):
                assert text[mention.start:mention.end] == mention.text
            for a, b in (("speaker_start", "speaker_end"), ("cue_start", "cue_end")):
                if getattr(record, a, None) is not None:
                    assert 0 <= getattr(record, a) <= getattr(record, b) <= len(text)


def test_extract_returns_frozen_records_without_spacy_objects(seed_result, seed_text):
    assert seed_result.doc.published == "2025-08-24"
    for record in seed_result.records():
        assert dataclasses.is_dataclass(record)
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.id = "x"
        for value in dataclasses.asdict(record).values():
            assert type(value).__module__ == "builtins", value
    check_offsets(seed_result, seed_text)


def test_extract_many_streams_in_order_and_passes_errors_through(nlp):
    texts = ["Carney said Canada would help.", "", "Trump spoke on Sunday."]
    results = list(factx.extract_many(texts))
    assert isinstance(results[1], factx.InputError)
    assert [r.doc.id for r in (results[0], results[2])] == ["doc1", "doc3"]


def test_long_text_is_parsed_in_pieces_with_offsets_into_the_original(nlp, monkeypatch):
    monkeypatch.setattr(nlp_mod, "CHUNK_CHARS", 400)
    paragraph = '"We will be there," Carney said on Sunday. Canada has provided $22 billion to Ukraine.'
    text = "\n\n".join([paragraph] * 12)
    result = factx.extract(text, published="2025-08-24")
    check_offsets(result, text)
    assert len(result.figures) >= 12 and result.figures[-1].start > len(text) - len(paragraph)


def test_parallel_jobs_give_identical_output(nlp):
    texts = [f'"Number {i} is fine," Carney said. Russia loses {i},000 soldiers a day.' for i in range(1, 7)]
    serial = [r.to_dict() for r in factx.extract_many(texts, jobs=1)]
    parallel = [r.to_dict() for r in factx.extract_many(texts, jobs=2)]
    assert serial == parallel


QUOTES = st.sampled_from(['"', "“", "”", "'", "‘", "’", "«", "»", "„"])
WORDS = st.sampled_from(["Carney", "said", "he", "told", "Ukraine", "$", "£5m", "1,000", "about", "per", "day",
                         "one-fifth", "Sunday", "last", "fall", "2014", "%", "-", ".", ",", "\n\n", "bn", "over",
                         "years", "according", "to", "Zelenskyy", "III", "0.5", "1e9", "½", "٣"])
SOUP = st.lists(st.one_of(QUOTES, WORDS, st.text(max_size=6)), max_size=60).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=300), SOUP))
def test_any_text_goes_through_without_raising(nlp, text):
    results = list(factx.extract_many([text], published="2025-08-24"))
    assert len(results) == 1
    result = results[0]
    if isinstance(result, factx.InputError):
        assert "empty" in result.reason or "front matter" in result.reason
        return
    check_offsets(result, text)


def test_results_stream_before_the_input_is_exhausted(nlp):
    consumed = []

    def articles():
        for i in range(200):
            consumed.append(i)
            yield f"Carney said Canada had given ${i} billion."

    first = next(iter(factx.extract_many(articles(), batch_size=4)))
    assert first.doc.id == "doc1"
    assert len(consumed) < 200


def test_a_paragraph_break_ends_a_sentence_and_the_next_words_stay_together(parse):
    doc = parse("Reed 'proud of city record'\n\nTom Reed has delivered a rousing speech to the conference.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["Reed 'proud of city record'", "Tom Reed has delivered a rousing speech to the conference."]
    reed = [t for t in doc if t.text == "Reed"][1]
    assert (reed.dep_, reed.head.text) == ("nsubj", "delivered")
