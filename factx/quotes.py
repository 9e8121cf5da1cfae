"""Quotes: who said what.

Three kinds, found in this order and then attributed in text order so that pronouns and cue-less
quotes can lean on the attributions before them:

- ``direct``: text between quote marks that stands as speech of its own (``"...," he said``), found by
  scanning the characters, so unbalanced marks and the news convention of a quote running on into a
  paragraph that reopens with a mark are handled without the parser;
- ``partial``: a quoted fragment inside the writer's sentence (``called it "a disaster"``), or a
  reported clause that carries one;
- ``indirect``: the clause a reporting verb governs in the dependency parse (``X said (that) ...``,
  ``according to X, ...``, ``X emphasized the need to ...``); a cue that closes its sentence after a
  comma (``<clause>, Lord Smith said.``) reports the sentence before the comma, whichever way the
  parse joined the two (long clauses often come out as the cue's adverbial).

A cue set off by commas inside what was said ("Sales, she says, will fall") cannot be cut out of a
contiguous span, so the content is the whole clause with the aside inside it; the aside is located
by ``speaker_start``..``cue_end`` and never counted as content (the kind stays ``indirect`` unless a
quoted fragment is inside). When the aside opens the clause ("However, she said, jobs will go") or
only an adverbial precedes it, the content starts after the aside. Where a text puts speech in
double marks, a single-quoted phrase is a scare quote, not a partial quote.

Speakers are resolved to the entities layer when it has them, else to spaCy's PERSON names;
pronouns go to the nearest compatible person (attribution subjects first, people merely talked
about inside an earlier quote last; a previous speaker both layers left unlabelled counts when it
reads as a person's name: a title, a known first name or a person's role beside it, and "Mr De
Vido" takes the name of the one person entity it ends), and a definite unnamed source ("the
official") goes back to the earlier indefinite one ("a government official"). Gender comes from
titles and from the grammar ("Smith said she ..." makes Smith female), so "she" never goes to
someone called "he".
A part of a group ("Half of them") names the group the pronoun stands for ("Half of companies");
a speaker label opening a line ("- Leeds boss Kevin Blackwell: "..."") is the speaker.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .entities import is_demonym
from .linking import EntityIndex, norm
from .nlp import doc_text, model_ents, token_starts, tokens
from .records import Entity, Quote

ACCORDING_TO = "according to"
_AGE = re.compile(r"\d+-year-old")
_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SENT_END = {".", "!", "?"}
_DOUBLED = ("''", "``")
_ABBREV_END = re.compile(r"(?:\b[A-Za-z]\.[A-Za-z]|\b(?:Inc|Ltd|Corp|Co|Jr|Sr|St))\.$")
_MAX_LOOKBACK = 200  # person mentions searched back for a pronoun: bounded so huge documents stay linear
_SUBJ = ("nsubj", "nsubjpass")
_NOT_NAMES = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
_NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
_SPEAKER_PREPS = {"of", "for", "at", "from", "in", "with", "on", "by"}
_NP_LEFT = {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "advmod", "case", "predet", "flat"}
_RUN_ON = re.compile(r"[ \t]+[a-z]")
_LIST_GOES_ON = re.compile(r",[ \t]*(?:[a-z\"“‘']|and\b|or\b)")
_LABEL_POS = {"PROPN", "NOUN", "ADJ", "DET", "PART", "NUM"}
_BULLETS = {"-", "–", "—", "•", "*"}
_DASHES = ("-", "–", "—", "--")
_GROUP_PRONOUNS = {"them", "those", "these", "us"}
_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with", "&", "vs",
                "de", "la", "le", "los", "las", "el", "du", "des", "der", "von", "van", "y"}


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict[str, tuple[str, ...]]
    open_double: frozenset[str]
    close_double: frozenset[str]
    both_double: frozenset[str]
    open_single: frozenset[str]
    close_single: frozenset[str]
    both_single: frozenset[str]
    honorifics: dict[str, str | None]
    pronouns: dict[str, str]
    unnamed: frozenset[str]
    blocking_heads: frozenset[str]
    needs_object: frozenset[str]
    naming_verbs: frozenset[str]
    human_sources: frozenset[str]
    organisation_heads: frozenset[str]
    content_nouns: frozenset[str]
    connectives: frozenset[str]
    speech_nouns: frozenset[str]
    first_name_genders: dict[str, str]
    cue_lemmas: frozenset[str]  # every lemma that can cue a report: verbs, speech nouns, naming verbs
    not_sources: frozenset[str]
    norm_nouns: frozenset[str]
    role_limits: frozenset[str]
    source_nouns: frozenset[str]
    passive_source_verbs: frozenset[str]
    adverbial_marks: frozenset[str]
    contrast_marks: frozenset[str]
    depiction_verbs: frozenset[str]
    question_verbs: frozenset[str]
    request_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    joint_nouns: frozenset[str]
    finding_bodies: frozenset[str]
    press_nouns: frozenset[str]
    press_cues: frozenset[str]
    authored: frozenset[str]
    no_speaker: frozenset[str]
    imputing_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    stance_nouns: frozenset[str]
    message_nouns: frozenset[str]
    setting_nouns: frozenset[str]
    other_senses: dict[str, frozenset[str]]
    listener_verbs: frozenset[str]
    direct_only: frozenset[str]
    document_verbs: frozenset[str]
    evidence_verbs: frozenset[str]
    speculative_modals: frozenset[str]
    object_control: frozenset[str]
    speculative_adverbs: frozenset[str]
    group_name_words: frozenset[str]
    first_names: frozenset[str]
    person_roles: frozenset[str]
    descriptive_nouns: frozenset[str]
    relational_roles: frozenset[str]
    documents: frozenset[str]
    partial_min_words: int
    direct_max_chars: int
    all_marks: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = json.loads(resources.files("factx").joinpath("data/quotes.json").read_text(encoding="utf-8"))
    dq, sq = data["double_quotes"], data["single_quotes"]
    # the entities layer's lists of first names and person roles, shared rather than copied
    people = json.loads(resources.files("factx").joinpath("data/entities.json").read_text(encoding="utf-8"))
    marks = frozenset(ch for group in (dq, sq) for chars in group.values() for ch in chars)
    # titles that are also honorifics ("the cardinal", "the judge") are roles too, not "Mr" or "Lady"
    roles = frozenset(n.lower() for key in ("person_titles", "person_nouns") for n in people.get(key, ())) | frozenset(
        h for h in people.get("honorifics", ()) if h.isalpha() and len(h) > 4)
    return _Lexicon(
        verbs={k: tuple(v) for k, v in data["reporting_verbs"].items()},
        open_double=frozenset(dq["open"]), close_double=frozenset(dq["close"]), both_double=frozenset(dq["both"]),
        open_single=frozenset(sq["open"]), close_single=frozenset(sq["close"]), both_single=frozenset(sq["both"]),
        honorifics=dict(data["honorifics"]),
        pronouns=dict(data["pronouns"]),
        unnamed=frozenset(data["unnamed_sources"]),
        blocking_heads=frozenset(data["blocking_heads"]),
        needs_object=frozenset(data["needs_object"]),
        naming_verbs=frozenset(data["naming_verbs"]),
        human_sources=frozenset(data["human_sources"]),
        organisation_heads=frozenset(data["organisation_heads"]),
        content_nouns=frozenset(data["content_nouns"]),
        connectives=frozenset(data["connectives"]),
        speech_nouns=frozenset(data["speech_nouns"]),
        first_name_genders={n: g for g, names in data["first_name_genders"].items() for n in names},
        cue_lemmas=frozenset(data["reporting_verbs"]) | frozenset(data["speech_nouns"]) | frozenset(data["naming_verbs"])
        | frozenset(data["belief_verbs"]) | frozenset(data["stance_verbs"]),
        not_sources=frozenset(data["not_sources"]),
        norm_nouns=frozenset(data["norm_nouns"]),
        role_limits=frozenset(data["role_limits"]),
        source_nouns=frozenset(data["unnamed_sources"]) | frozenset(data["human_sources"])
        | frozenset(data["organisation_heads"]) | roles,
        passive_source_verbs=frozenset(data["passive_source_verbs"]),
        adverbial_marks=frozenset(data["adverbial_marks"]),
        contrast_marks=frozenset(data["contrast_marks"]),
        depiction_verbs=frozenset(data["depiction_verbs"]),
        question_verbs=frozenset(data["question_verbs"]),
        request_verbs=frozenset(data["request_verbs"]),
        belief_verbs=frozenset(data["belief_verbs"]) - frozenset(data["reporting_verbs"]),
        joint_nouns=frozenset(data["joint_nouns"]),
        finding_bodies=frozenset(data["finding_bodies"]),
        press_nouns=frozenset(data["press_nouns"]),
        press_cues=frozenset(data["press_cues"]),
        authored=frozenset(data["authored_documents"]),
        no_speaker=frozenset(data["no_speaker"]),
        imputing_verbs=frozenset(data["imputing_verbs"]),
        stance_verbs=frozenset(data["stance_verbs"]),
        stance_nouns=frozenset(data["stance_nouns"]),
        message_nouns=frozenset(data["message_nouns"]),
        setting_nouns=frozenset(data["setting_nouns"]),
        other_senses={k: frozenset(v) for k, v in data["other_senses"].items()},
        listener_verbs=frozenset(data["listener_verbs"]),
        direct_only=frozenset(data["direct_only_verbs"]),
        document_verbs=frozenset(data["document_verbs"]),
        evidence_verbs=frozenset(data["evidence_verbs"]),
        speculative_modals=frozenset(data["speculative_modals"]),
        object_control=frozenset(data["object_control_verbs"]),
        speculative_adverbs=frozenset(data["speculative_adverbs"]),
        group_name_words=frozenset(data["group_name_words"]),
        first_names=frozenset(n.lower() for n in people.get("first_names", ())),
        person_roles=roles,
        # what a person is ("star", "veteran"), not an office they hold ("chancellor", "singer" as a title)
        descriptive_nouns=frozenset(n.lower() for n in people.get("person_nouns", ()))
        - frozenset(n.lower() for n in people.get("person_titles", ())),
        relational_roles=frozenset(data["relational_roles"]),
        documents=frozenset(data["documents"]),
        partial_min_words=int(data["partial_min_words"]),
        direct_max_chars=int(data["direct_max_chars"]),
        all_marks=marks,
    )


# -- quote marks -----------------------------------------------------------------------------------

@dataclass
class _Marked:
    """Text between quote marks: ``open``/``close`` are the marks' offsets (``close`` None when the
    quote was left open and ends with its paragraph)."""

    open: int
    close: int | None
    end: int
    single: bool = False
    continues: bool = False
    open_w: int = 1
    close_w: int = 1


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in _PARA_BREAK.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if e > s]


def _role(text: str, i: int, opens: frozenset[str], closes: frozenset[str], width: int = 1) -> str | None:
    """'open', 'close' or None for the quote mark at ``i``, from its shape and its neighbours."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + width] if i + width < len(text) else " "
    space_before = prev.isspace() or prev in "([{—–-/" or prev in opens
    space_after = nxt.isspace() or nxt in ".,;:!?)]}—–" or nxt in closes
    ch = text[i]
    straight = ch in opens and ch in closes
    if not straight and ch in opens and not (space_after and not space_before):
        return "open"
    if not straight and ch in closes and not (space_before and not space_after):
        return "close"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return None


@lru_cache(maxsize=4)
def _mark_pattern(marks: frozenset[str]) -> re.Pattern:
    """Doubled marks ("``", "''") first, then any single double-quote mark."""
    doubled = "|".join(re.escape(d) for d in sorted(_DOUBLED))
    return re.compile(f"(?:{doubled}|[{''.join(re.escape(m) for m in sorted(marks))}])")


def _double_quotes(text: str, paras: list[tuple[int, int]], lex: _Lexicon) -> list[_Marked]:
    """Pair double quote marks paragraph by paragraph; never fails on stray or missing marks."""
    marks = lex.open_double | lex.close_double | lex.both_double
    opens, closes = lex.open_double | lex.both_double, lex.close_double | lex.both_double
    mark_rx = _mark_pattern(frozenset(marks))  # jump from mark to mark instead of walking every character
    found: list[_Marked] = []
    carried = False
    for p_index, (p_start, p_end) in enumerate(paras):
        opened: int | None = None
        opened_w = 1
        continues, carried = carried, False
        for found_mark in mark_rx.finditer(text, p_start, min(len(text), p_end + 1)):
            i = found_mark.start()
            if i >= p_end:
                break
            pair = text[i:i + 2]
            width = found_mark.end() - i
            if pair == "``":
                role = "open"
            else:
                role = _role(text, i, opens | {"'"}, closes | {"'"}, width)
            if role is None:
                role = "close" if opened is not None else "open"
            if role == "open":
                before = text[opened + opened_w:i].rstrip() if opened is not None else ""
                if before and before[-1] in ".!?…" and len(_words(before)) >= 2:
                    # a quote that runs on into the next (flattened) paragraph: "... own. "Next ...
                    found.append(_Marked(opened, None, i, continues=continues, open_w=opened_w))
                    continues = True
                elif opened is not None and i > opened + 1:
                    continues = False
                opened, opened_w = i, width
            elif opened is not None:
                found.append(_Marked(opened, i, i, continues=continues, open_w=opened_w, close_w=width))
                opened, continues = None, False
        if opened is not None:
            nxt = paras[p_index + 1][0] if p_index + 1 < len(paras) else None
            reopens = nxt is not None and (text[nxt] in opens or text[nxt:nxt + 2] in _DOUBLED)
            if reopens or p_end - opened <= lex.direct_max_chars:
                found.append(_Marked(opened, None, p_end, continues=continues, open_w=opened_w))
            carried = reopens
    return found


def _single_quotes(text: str, paras, taken: list[_Marked], lex: _Lexicon) -> list[_Marked]:
    """Single quote marks used as quotation marks, outside double-quoted text; apostrophes are
    told apart by the letters around them."""
    marks = lex.open_single | lex.close_single | lex.both_single
    opens, closes = lex.open_single | lex.both_single, lex.close_single | lex.both_single
    blocked = sorted((m.open, m.end) for m in taken)
    found = []
    for p_start, p_end in paras:
        opened = None
        for i in range(p_start, p_end):
            ch = text[i]
            if ch not in marks or text[i:i + 2] in _DOUBLED or text[max(0, i - 1):i + 1] in _DOUBLED:
                continue
            k = bisect_right(blocked, (i, 10**12)) - 1
            if k >= 0 and blocked[k][0] <= i <= blocked[k][1]:
                continue
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if opened is None:
                if ch in opens and (prev.isspace() or prev in "([{—–") and (nxt.isalpha() or nxt in "…."):
                    opened = i
            elif ch in closes and not prev.isspace() and not nxt.isalnum():
                if i - opened > 1:
                    found.append(_Marked(opened, i, i, single=True))
                opened = None
    return found


# -- the parse ---------------------------------------------------------------------------------------

class _Doc:
    """Character-to-token lookups and the per-document facts the rules share."""

    def __init__(self, doc, lex: _Lexicon):
        self.doc = doc
        self.text = doc_text(doc)
        self.lex = lex
        self.starts = token_starts(doc)

    def token_at(self, char: int):
        """The token covering ``char`` (or the next one)."""
        if not self.starts:
            return None
        i = bisect_right(self.starts, char) - 1
        i = max(i, 0)
        tok = self.doc[i]
        if char >= tok.idx + len(tok.text) and i + 1 < len(self.doc):
            tok = self.doc[i + 1]
        return tok


def _is_mark(tok, lex: _Lexicon) -> bool:
    return tok.text in lex.all_marks or tok.text in ("``", "''")


def _cue_verb(tok, lex: _Lexicon) -> bool:
    """A reporting verb used as a verb: not "the proposed question" (an adjective)."""
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lex.verbs and tok.dep_ != "amod"


def _name_set_off(pd: _Doc, obj, span: tuple[int, int]):
    """'According to its Paris lawyer, Emmanuel Gaillard of Shearman and Sterling, the claim is ...':
    the parse left the lawyer's name at the head of the content. When the content opens, right after the
    source and a comma, with a person's name set off by a second comma, the name is the source and the
    content starts after it. Returns (name token, span) or None."""
    doc = pd.doc
    first = pd.token_at(span[0])
    end = obj.right_edge.i
    if first is None or first.ent_type_ != "PERSON" or first.i != end + 2 or doc[end + 1].text != ",":
        return None
    name = first
    while name.i + 1 < len(doc) and doc[name.i + 1].ent_type_ == "PERSON" and doc[name.i + 1].ent_iob_ == "I":
        name = doc[name.i + 1]
    comma = next((t for t in doc[name.i + 1:min(len(doc), name.i + 10)] if t.text == ","), None)
    if comma is None or comma.idx >= span[1]:
        return None
    between = doc[name.i + 1:comma.i]
    if len(between) and not (between[0].lower_ == "of" and all(
            t.pos_ in ("PROPN", "CCONJ", "DET") or t.text == "&" for t in between[1:])):
        return None  # only "of <firm>" may follow the name ("Brown's Britain by ..." is a title)
    rest = pd.token_at(comma.idx + 1)
    if rest is None or rest.idx >= span[1]:
        return None
    return name, (rest.idx, span[1])


def _noun_path(tok, top) -> bool:
    """Is ``tok`` inside the noun phrase of ``top`` through nouns and prepositions only (no clause)?"""
    while tok.i != top.i:
        if tok.dep_ not in ("pobj", "prep", "conj", "compound", "appos") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _according(tok):
    """The ``to`` object of "according to X", or None."""
    if tok.lower_ != "according":
        return None
    for child in tok.children:
        if child.lower_ == "to":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        for grand in nxt.children:
            if grand.dep_ == "pobj":
                return grand
    return None


def _speaks(verb, subject, lex: _Lexicon) -> bool:
    """"found"/"showed" report only for a document ("the survey found that ..."), not for a person;
    "suggested"/"signalled" only for a source, not for a thing ("his calm suggested ...")."""
    lemma = verb.lemma_.lower()
    if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subject = verb.head  # "a passion that suggested ...": the noun the relative clause is on
    if lemma in lex.document_verbs:
        # "the survey found", and a body that rules or inquires ("the jury found", "the Audit Commission found")
        # (a company that "has shown there is money in ..." showed it by what it did)
        return subject is not None and (subject.lemma_.lower() in lex.documents or lemma == "find" and (
            subject.lemma_.lower() in lex.finding_bodies or subject.ent_type_ == "ORG" and subject.pos_ == "PROPN"))
    if lemma in lex.evidence_verbs and subject is not None:
        return _may_be_source(subject, lex)
    return True


def _may_be_source(tok, lex: _Lexicon) -> bool:
    """Can this word name a source? Names, pronouns and nouns of people, groups and documents can;
    other common nouns cannot ('his calm suggested'), nor a bare "that" or "this" ('That suggests he
    believes ...': the writer's own reasoning)."""
    if tok.lower_ in ("that", "this") and tok.pos_ == "PRON":
        return False
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return True
    noun = tok.lemma_.lower()
    return noun in lex.source_nouns or noun in lex.documents or noun.endswith(_AGENT_ENDINGS)


_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")  # nouns of people who do something: 'researchers', 'economists'


def _other_sense(verb, lex: _Lexicon) -> bool:
    """"adding to awards it has won", "ruled out changing the law": the verb means something else."""
    senses = lex.other_senses.get(verb.lemma_.lower())
    return bool(senses) and any(f"{c.dep_}:{c.lower_}" in senses for c in verb.children) \
        and not any(c.dep_ == "ccomp" and any(m.dep_ == "mark" for m in c.children) for c in verb.children)


def _blocked(verb, lex: _Lexicon) -> bool:
    """Negated or refused speech ("did not say", "declined to comment") reports nothing."""
    if _other_sense(verb, lex):
        return True
    if any(c.dep_ == "nsubj" and any(p.lower_ in ("neither", "nor") and p.dep_ in ("preconj", "det", "cc")
                                      for p in c.children) for c in verb.children):
        return True  # "Neither Mr Hale nor Mr Reed would say ..."
    if any(c.dep_ == "neg" or c.dep_ == "dobj" and (c.lower_ == "nothing" or any(
            d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in verb.children):
        return True  # "did not say", "announced no plans", "said nothing"
    if any(c.dep_ == "aux" and c.lower_ in lex.speculative_modals for c in verb.children) or (
            any(c.dep_ == "aux" and c.lower_ in ("will", "would") for c in verb.children)
            and any(c.dep_ == "advmod" and c.lower_ in lex.speculative_adverbs for c in verb.children)):
        return True  # "may claim", "will undoubtedly argue": a guess at what will be said
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if infinitive and (verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PRON")
                       or verb.dep_ == "xcomp" and verb.head.lemma_ == "be"):
        return True  # "anything to suggest that ...": nobody suggests it; "is to announce": not yet
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "without":
        return True  # "without asking people to pay more": not asked
    if verb.dep_ == "pcomp" and head.lower_ == "of" and head.head.lemma_.lower() in lex.imputing_verbs:
        return True  # "accused the board of claiming ...": what the board is said to have done
    if verb.dep_ == "xcomp" and any(c.lower_ == "yet" and c.dep_ == "advmod" for c in head.children):
        return True  # "has yet to reveal": not done yet
    if verb.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in lex.request_verbs and infinitive \
            and (head.lemma_.lower() != "call" or any(c.dep_ == "prep" and c.lower_ == "on" for c in head.children)):
        return True  # "urged the chancellor to admit ...", "wants voters to recall ...": asked to say it, not said
    return verb.dep_ == "xcomp" and head.lemma_.lower() in lex.blocking_heads


def _mid_aside(tok, head) -> bool:
    """Is the phrase under ``tok`` set off by commas inside ``head``'s clause, with words of the
    clause on both sides ("It is set, according to analysts, to change the way ...")?"""
    doc = tok.doc
    lo, hi = tok.left_edge.i, tok.right_edge.i
    if lo == 0 or hi + 2 >= len(doc) or doc[lo - 1].text != "," or doc[hi + 1].text != ",":
        return False
    subject = next((c for c in head.children if c.dep_ in _SUBJ), None)
    if subject is None or subject.i > lo or subject.tag_ in ("WDT", "WP"):
        return False
    # it splits the clause itself: the verb, or what the verb needs, comes after it
    return head.i > hi or any(c.i > hi and (c.dep_ in ("xcomp", "ccomp", "dobj", "attr", "acomp", "oprd") or (
        c.dep_ == "advcl" and c.left_edge.i == hi + 2 and c.left_edge.lower_ == "to")) for c in head.children)


def _subject(verb, lex: _Lexicon):
    """The subject of a reporting verb, never across a line break (a headline run into the first
    sentence): then the first noun of the cue's own line stands in."""
    subject = _parsed_subject(verb, lex)
    if subject is None:
        # "Will urged voters to ...": no modal comes before a past tense, so the capitalised one is a name
        return next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD" and c.i == verb.i - 1
                     and c.text[:1].isupper() and verb.tag_ in ("VBD", "VBN")), None)
    lo, hi = sorted((subject.i, verb.i))
    if not any("\n" in t.text or "\n" in t.whitespace_ for t in verb.doc[lo:hi]):
        return subject
    if subject.i > verb.i:
        return None
    k = verb.i - 1
    while k > subject.i and "\n" not in verb.doc[k].text and "\n" not in verb.doc[k].whitespace_:
        k -= 1
    return _first_noun(verb.doc, k + 1, verb.i)


def _parsed_subject(verb, lex: _Lexicon):
    """The subject of a reporting verb, climbing through participles and coordinated verbs."""
    v = verb
    adjunct = False
    for _ in range(5):
        passive = False
        subjects = [c for c in v.children if c.dep_ == "nsubj" and c.i < v.i]
        if len(subjects) > 1 and any(t.dep_ == "cc" for t in v.doc[subjects[-2].i + 1:subjects[-1].i]):
            # a clause joined on before the cue, misparsed as a second subject ("The crowd cheers, and
            # then Wallnau continues"): the subject after the conjunction is the cue's
            return subjects[-1]
        if len(subjects) > 1 and subjects[-1].pos_ == "PROPN" and subjects[-2].pos_ == "NOUN" \
                and all(t.pos_ == "DET" for t in v.doc[subjects[-2].i + 1:subjects[-1].left_edge.i]):
            return subjects[-1]  # "business lobby group the CBI says": the name the description goes with
        for child in v.children:
            if child.dep_ == "nsubj" or child.dep_ == "expl":
                return None if child.dep_ == "expl" else child
            if child.dep_ in ("nsubjpass", "auxpass") or (child.dep_ == "agent" and v.tag_ == "VBN"):
                passive = True
        if not passive and v.i == verb.i:
            lost = _relative_misparse(v)
            if lost is not None:
                return lost
        if passive and v.lemma_.lower() in lex.passive_source_verbs:
            return next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        if passive:
            for child in v.children:
                if child.dep_ == "agent":
                    for grand in child.children:
                        if grand.dep_ == "pobj":
                            return grand
            return None
        if v.dep_ in ("conj", "advcl") and v.head.dep_ == "ccomp" and _cue_verb(v.head.head, lex) \
                and (v.dep_ == "conj" or v.tag_ == "VBG"):
            v = v.head.head
            continue
        if v.dep_ == "conj" and v.head.dep_ == "ccomp" and v.head.head.pos_ == "VERB" and not any(
                c.dep_ in _SUBJ and _may_be_source(c, lex) for c in v.head.children):
            v = v.head.head  # "officials believe relief is possible and have been calling for ...": not the relief
            continue
        if v.dep_ == "xcomp" and v.head.i != v.i and v.head.lemma_.lower() in lex.object_control \
                and not adjunct and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            obj = next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i), None)
            if obj is not None:
                return obj  # "lead some to suggest", "asked him to say": the object does it
        if v.dep_ == "conj" and v.pos_ == "VERB" and v.head.dep_ in ("oprd", "acomp", "dobj", "attr"):
            v = v.head.head  # 'called it "shameful" and called on leaders ...': hung on the first verb's complement
            continue
        if v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.lemma_.lower() in lex.depiction_verbs:
            obj = next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i), None)
            if obj is not None:
                return obj  # "The documentary showed Mr Nattrass ... telling the meeting": the one shown
        if v.dep_ in ("conj", "advcl", "xcomp") and v.head.i != v.i:
            v = v.head
            continue
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX"):
            if v.head.lower_ == "as" and v.head.head.lemma_.lower() in lex.passive_source_verbs:
                obj = next((c for c in v.head.head.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return obj  # "Reuters quoted an official as saying": the official
            v = v.head.head
            adjunct = True
            if v.dep_ in ("ccomp", "xcomp") and v.head.i != v.i and v.head.lemma_.lower() in lex.object_control \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
                v = v.head  # "will allow the dollar to weaken despite saying ...": the one allowing says it
            continue
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
            noun = v.head
            if any(c.dep_ in ("dobj", "dative") and c.lower_ in ("them", "him", "her") for c in v.children) \
                    and noun.head.pos_ in ("VERB", "ADP"):
                # "wrote to all three parties urging them to act": the parties are the ones urged
                v = noun.head if noun.head.pos_ == "VERB" else noun.head.head
                adjunct = True
                continue
            if (noun.dep_ == "pobj" and noun.head.lower_ in ("with", "without")) or noun.lemma_.lower() in lex.unnamed:
                return noun  # "..., with analysts estimating that ...", "a statement saying ..."
            if noun.dep_ in _SUBJ or any(c.text == "," for c in v.lefts) or (
                    v.i > 0 and v.doc[v.i - 1].text == ","):
                return noun if noun.dep_ in _SUBJ else None
            # "optimistic about prospects for its products saying that ...": the participle
            # belongs to the clause, whose subject is the speaker; not a verb a thing does ("in a
            # tone suggesting he believes ...": the tone suggests it)
            if v.lemma_.lower() in lex.evidence_verbs:
                return None
            up = noun
            for _ in range(6):
                if up.pos_ in ("VERB", "AUX") or up.head.i == up.i:
                    break
                up = up.head
            if up.pos_ not in ("VERB", "AUX") or up.i == v.i:
                return None
            v = up
            continue
        return None
    return None


def _gender_of_noun(noun: str | None) -> str | None:
    if not noun:
        return None
    if noun.endswith(("woman", "women")):
        return "female"
    if noun.endswith(("man", "men")) and not noun.endswith(("human", "humans")):
        return "male"
    return None


def _relative_misparse(verb):
    """"Sanders, who has no endorsements, said ...": the parse can make the relative clause the
    verb's own clause, with both "Sanders" and "who" its subjects; the name is the speaker."""
    for child in verb.children:
        if child.i > verb.i or child.dep_ not in ("ccomp", "advcl", "parataxis"):
            continue
        subjects = [c for c in child.children if c.dep_ in _SUBJ]
        rel = [c for c in subjects if c.tag_ in ("WP", "WDT")]
        names = [c for c in subjects if c.tag_ not in ("WP", "WDT") and c.pos_ in ("PROPN", "NOUN")]
        if rel and names and names[0].i < rel[0].i:
            return names[0]
    return None


def _relative_clause(tok) -> bool:
    return any(c.dep_ in _SUBJ and c.tag_ in ("WP", "WDT") for c in tok.children)


# -- candidate quotes --------------------------------------------------------------------------------

@dataclass
class _Cand:
    kind: str
    start: int
    end: int
    cue_tok: object = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_tok: object = None
    confidence: float = 0.5
    inherit: bool = False
    continues: bool = False
    orphan: bool = False
    aside: bool = False  # the source is not the subject of the sentence ("backed Blair's claim that ...")
    fragments: list = field(default_factory=list)


def _indirect(span: tuple[int, int], cue, speaker, confidence: float, **extra) -> _Cand:
    """An indirect quote over ``span`` whose cue is the token ``cue`` and whose source is ``speaker``."""
    return _Cand("indirect", span[0], span[1], cue_tok=cue, cue_start=cue.idx, cue_end=cue.idx + len(cue.text),
                 speaker_tok=speaker, confidence=confidence, **extra)


def _trim(text: str, start: int, end: int, lex: _Lexicon, keep_final: bool = True) -> tuple[int, int]:
    """Shrink [start, end) past spaces, stray marks and clause-joining punctuation."""
    strip_front = set(" \t\r\n,;:—–-") | set(lex.all_marks)
    strip_back = set(" \t\r\n,;:—–-") | set(lex.all_marks)
    if not keep_final:
        strip_back |= set(".")
    while start < end and text[start] in strip_front:
        start += 1
    while end > start and text[end - 1] in strip_back:
        if text[end - 1] == "." and _ABBREV_END.search(text, start, end):
            break
        end -= 1
    return start, end


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _title_like(words: list[str]) -> bool:
    """A quoted name or title ("Saturday Night Live", "Great Satan"): every content word capitalised."""
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def _direct_cue(pd: _Doc, mark: _Marked, content_end: int):
    """A reporting verb (or "according to") next to a quote: after it (``"...," he said``) or before
    it (``He said: "..."``). Returns (cue token, speaker token, cue text start, cue text end)."""
    doc, text, lex = pd.doc, pd.text, pd.lex
    close_at = (mark.close + mark.close_w - 1) if mark.close is not None else mark.end
    inner = text[mark.open + mark.open_w:close_at + 1 - mark.close_w if mark.close is not None else mark.end].rstrip()
    ends_sentence = mark.close is None or (inner[-1:] == "." and not inner.endswith(".."))
    if not ends_sentence:
        after = pd.token_at(close_at + 1) if close_at + 1 < len(text) else None
        if after is not None and after.idx > close_at:
            found = _scan_cue(doc, after.i, +1, lex, quote_end=close_at)
            if found and not _reports_own_clause(found[0], lex):
                return found
    else:
        after = pd.token_at(close_at + 1) if close_at + 1 < len(text) else None
        if after is not None and after.idx > close_at and after.text[:1].islower():
            found = _scan_cue(doc, after.i, +1, lex, quote_end=close_at)
            if found:
                return found
    before = pd.token_at(mark.open)
    if before is not None and before.i > 0 and not mark.continues:
        k = before.i - 1
        while k > 0 and doc[k].is_space:
            k -= 1
        prev = doc[k]
        crossed = k < before.i - 1 and "\n" in doc[k + 1:before.i].text
        if crossed and prev.text != ":":
            asked = _asked(prev, lex) if prev.text in _SENT_END else None
            return (None, asked, None, None) if asked is not None else None
        if prev.text in (":", ",", "—", "–", "-") or _cue_verb(prev, lex) or (
                prev.text == ";" and k > 0 and _cue_verb(doc[k - 1], lex)):  # 'the Australian said; "..."'
            k = k - 1 if prev.text == ";" else k
            found = _scan_cue(doc, k, -1, lex)
            if found and found[1] is None and prev.text == ":":
                subject = _colon_clause_subject(prev, lex)
                if subject is not None:
                    found = (found[0], subject, found[2], found[3])
            if found:
                return found
        if prev.text == ":" and k > 0:
            name = _label(doc, k - 1, lex, bulleted=False)
            if name is not None:
                return None, name, None, None
            subject = _colon_clause_subject(prev, lex)
            if subject is not None:
                return None, subject, None, None
        elif prev.pos_ == "PROPN":
            name = _label(doc, k, lex, bulleted=True)
            if name is not None:
                return None, name, None, None
        elif prev.text in _SENT_END:
            asked = _asked(prev, lex)
            if asked is not None:
                return None, asked, None, None
    return None


def _asked(end, lex: _Lexicon):
    """'Dr Fox was asked if he would ... . "I'm sure ..."', 'Reporters asked the coach whether ... .
    "No."': the one a question was put to, when the sentence ending at ``end`` puts one (a clause
    with if, whether or a wh-word, or "about"), so the quote after it is the answer."""
    root = end.sent.root
    if root.lemma_.lower() not in lex.question_verbs or root.i > end.i:
        return None
    question = any((c.dep_ in ("ccomp", "advcl") and c.i > root.i
                    and any(g.lower_ in ("if", "whether") or g.tag_ in ("WDT", "WP", "WRB") for g in c.subtree))
                   or (c.dep_ == "prep" and c.lower_ in ("about", "on", "over")) for c in root.children)
    if not question:
        return None
    passive = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        return passive
    listener = next((c for c in root.children if c.dep_ in ("dobj", "dative") and c.i > root.i), None)
    if listener is not None and (listener.pos_ in ("PROPN", "PRON") or listener.lemma_.lower() in lex.source_nouns):
        return listener
    return None


def _reports_own_clause(verb, lex: _Lexicon) -> bool:
    """'"... their act?" Mr Blair said he would not respond': a verb after a quote that reports a
    clause of its own, outside quote marks, is not that quote's cue."""
    if verb.dep_ != "conj" and not any(c.dep_ in _SUBJ and c.i < verb.i for c in verb.children):
        return False  # '"...," said Ben Carson, asked about ...': inverted, the quote's own cue
    return any(c.dep_ == "ccomp" and c.left_edge.i == verb.i + 1 and any(g.dep_ in _SUBJ for g in c.children)
               and not _is_mark(c.left_edge, lex) for c in verb.children)




def _colon_clause_subject(colon, lex: _Lexicon):
    """'Clinton, exasperated, famously responded: "..."', 'Jones was blunt: "..."': a quote after a
    colon that ends a clause is said by that clause's subject, whatever the verb, when the subject is
    a name, a pronoun or a noun for people or an organisation ("It was simple: ..." is nobody's), or
    the owner of what was said ("His message to the chancellor was: ...")."""
    doc = colon.doc
    if colon.i == 0:
        return None
    last = doc[colon.i - 1]
    for verb in (last, *last.ancestors):
        if verb.i > colon.i or verb.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in verb.children if c.dep_ in _SUBJ and c.i < verb.i), None)
        if subject is None:
            continue
        if subject.dep_ == "nsubjpass" and verb.lemma_.lower() not in lex.passive_source_verbs \
                and not any(c.dep_ == "xcomp" for c in verb.children):
            return None  # "she was told: ...": the one told is the listener ("is alleged to have told" is not)
        owner = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON")), None)
        if owner is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in lex.speech_nouns | lex.message_nouns \
                and verb.lemma_ == "be" and owner.lower_ not in lex.no_speaker | {"its", "their"}:
            return owner  # "His message to the chancellor was: ...": the one whose message it is
        common = subject.pos_ == "NOUN" and subject.lemma_.lower() not in lex.source_nouns
        if subject.lower_ in lex.not_sources or subject.pos_ not in ("PROPN", "NOUN", "PRON") or common \
                or any(t.text in _SENT_END or "\n" in t.text for t in doc[subject.i:colon.i]):
            return None
        return subject
    return None


def _label(doc, k: int, lex: _Lexicon, bulleted: bool):
    """A speaker label opening its line, ending at token ``k``: ``Kevin Keegan: "..."``,
    ``- Manchester City boss Kevin Keegan: "..."``; without the colon only after a bullet."""
    name = doc[k]
    if name.pos_ != "PROPN":
        return None
    first = name
    while first.i > 0 and name.i - first.i < 8 and doc[first.i - 1].pos_ in _LABEL_POS \
            and doc[first.i - 1].text not in (":", ",", ";") and not doc[first.i - 1].is_space:
        first = doc[first.i - 1]
    edge = doc[first.i - 1] if first.i > 0 else None
    if edge is not None and edge.text in _BULLETS:
        edge = doc[edge.i - 1] if edge.i > 0 else None
        if edge is None or edge.is_space:
            return name
        return None
    if bulleted:
        return None
    if edge is None or edge.is_space or edge.text in _SENT_END or edge.is_sent_end or _is_mark(edge, lex):
        return name
    return None


def _first_noun(doc, start: int, stop: int):
    """The first noun phrase head in tokens [start, stop): the source written between a quote and
    its cue when the parse missed it (``"...," Gene Sperling, an adviser, said``); a name heading
    its own phrase wins over a role noun before it ("Former world number one Juan Ferrero")."""
    for j in range(start, stop):
        tok = doc[j]
        if tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "ORG") and not (
                tok.dep_ in ("compound", "flat", "poss") and start <= tok.head.i < stop):
            return tok  # "Arsenal's Sol Campbell": the possessor is not the source
    for j in range(start, stop):
        tok = doc[j]
        if tok.pos_ in ("NOUN", "PROPN", "PRON") or _modal_name(tok):
            while tok.dep_ in ("compound", "flat") and tok.i < tok.head.i < stop:
                tok = tok.head
            return tok
        if tok.pos_ not in ("DET", "ADJ", "ADV", "PUNCT", "SPACE", "NUM"):
            return None
    return None


def _modal_name(tok) -> bool:
    """'"...," Will wrote': a capitalised modal inside a sentence before a past tense is a name."""
    return tok.tag_ == "MD" and tok.text[:1].isupper() and not tok.is_sent_start and tok.i + 1 < len(tok.doc) \
        and tok.doc[tok.i + 1].tag_ in ("VBD", "VBN")


def _person_set_off(verb):
    """A person named just before a cue the parser left without a subject, with only a phrase set
    off by commas between them ("Ms Dunwoody, who chairs the committee, says: ...")."""
    doc = verb.doc
    sent_start = verb.sent.start
    k = verb.i - 1
    if k - 1 >= sent_start and doc[k].text == "," and doc[k - 1].ent_type_ == "PERSON" and doc[k - 1].pos_ == "PROPN":
        return doc[k - 1]  # "..., her lawyer, Perry Wander, said."
    if k > sent_start and doc[k].text == ",":
        k -= 1
        while k > sent_start and doc[k].text != ",":
            k -= 1
        if doc[k].text != ",":
            return None
        k -= 1
    if k < sent_start or doc[k].ent_type_ not in ("PERSON", "ORG") or doc[k].pos_ != "PROPN":
        return None  # the model often calls a person with a role after them an organisation
    return doc[k]


def _inverted_subject(verb, after: int):
    """The source of an inverted cue (``"...," said the minister``): the first noun after the verb."""
    for child in verb.rights:
        if child.idx > after and child.pos_ in ("NOUN", "PROPN", "PRON") and child.dep_ != "npadvmod":
            return child
    doc = verb.doc
    for j in range(verb.i + 1, min(len(doc), verb.i + 6)):
        tok = doc[j]
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
                tok = tok.head
            return tok
        if tok.pos_ not in ("DET", "ADJ", "ADV") and tok.dep_ not in ("amod", "compound", "det", "nummod"):
            return None
    return None


def _scan_cue(doc, i: int, step: int, lex: _Lexicon, limit: int = 40, quote_end: int = -1):
    """Walk from token ``i`` away from the quote to the sentence edge, looking for the cue."""
    best = None
    skip_to = -1
    for n in range(limit):
        j = i + n * step
        if j < 0 or j >= len(doc):
            break
        if j <= skip_to:
            continue
        tok = doc[j]
        if step > 0 and tok.tag_ in ("WDT", "WP") and j > 0 and doc[j - 1].text == "," and n > 1:
            # '"...," Cruz, who has proposed ..., said': step over the relative clause set off by commas
            close = next((k for k in range(j + 1, min(len(doc), j + 30)) if doc[k].text == ","
                          or doc[k].text in _SENT_END), None)
            if close is not None and doc[close].text == ",":
                skip_to = close
                continue
        if "\n" in tok.text and tok.is_space and "\n\n" in tok.text.replace(" ", ""):
            break
        if _is_mark(tok, lex) or (tok.text and all(ch in lex.all_marks for ch in tok.text)):
            if n == 0 or all(_is_mark(doc[k], lex) or doc[k].is_space for k in range(min(i, j), max(i, j) + 1)):
                continue
            break
        if step > 0 and (tok.text in _SENT_END or (n == 0 and tok.text in ("-", "—", "–", "--"))
                         or tok.tag_ in ("WDT", "WP", "WP$", "WRB")):
            break
        if step < 0 and tok.text in _SENT_END and n > 0:
            break
        obj = _according(tok)
        if obj is not None:
            return tok, obj, tok.idx, tok.nbor(1).idx + len(tok.nbor(1).text) if tok.i + 1 < len(doc) else None
        if _cue_verb(tok, lex):
            subject = _subject(tok, lex)
            if subject is None and step < 0:
                subject = _person_set_off(tok)
            elif step < 0 and subject.i < tok.i and tok.i > 1 and {doc[tok.i - 1].text, doc[tok.i - 2].text} & {","} \
                    and any(_is_mark(doc[k], lex) for k in (tok.i - 1, tok.i - 2)):
                # '"A literate population," insisted Mr Sener, "will ...': the subject the parse took is quoted
                subject = _inverted_subject(tok, tok.idx) or subject
            if step > 0 and (subject is None or subject.idx < quote_end):
                subject = _first_noun(doc, i, tok.i) or _inverted_subject(tok, quote_end)
            if not _speaks(tok, subject, lex):
                continue
            if step > 0:
                return tok, subject, tok.idx, tok.idx + len(tok.text)
            if best is None:
                best = (tok, subject, tok.idx, tok.idx + len(tok.text))
                return best
    return best


def _starts_clause(text: str, open_at: int, pd: _Doc) -> bool:
    """Does the quote open a sentence or clause of its own (not a fragment of the writer's)?"""
    i = open_at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in "\n.!?:;—–([" or text[i] in pd.lex.all_marks:
        return True
    if text[i] == "-" and i > 0 and text[i - 1].isspace():
        return True
    if text[i] == ",":
        return True
    tok = pd.token_at(i)
    return tok is not None and _cue_verb(tok, pd.lex) and tok.lemma_.lower() != "call" \
        and tok.lemma_.lower() not in pd.lex.direct_only and tok.lemma_.lower() not in pd.lex.document_verbs


def _runs_on(text: str, at: int) -> bool:
    """Does the writer's sentence go on with a lower-case word after the closing mark at ``at``?"""
    return _RUN_ON.match(text, at) is not None


def _quoted(pd: _Doc, paras) -> list[_Cand]:
    """Direct quotes and quoted fragments."""
    text, lex = pd.text, pd.lex
    marked = _double_quotes(text, paras, lex)
    marked += _single_quotes(text, paras, marked, lex)
    marked.sort(key=lambda m: m.open)
    writer_marks_double = any(not m.single for m in marked)
    out: list[_Cand] = []
    for m in marked:
        raw_end = m.close if m.close is not None else m.end
        start, end = _trim(text, m.open + m.open_w, raw_end, lex)
        if end <= start:
            continue
        words = _words(text[start:end])
        if not words:
            continue
        found = _direct_cue(pd, m, end)
        ends_punct = text[end - 1] in ".!?"
        clause = _starts_clause(text, m.open, pd) or m.continues or bool(found and found[0] is None and found[1] is not None)
        if clause and _title_like(words) and not ends_punct and (len(words) <= 4 or not found):
            continue
        if _title_like(words) and not ends_punct and _named_before(text, m.open):
            continue  # 'Originally dubbed "Jerry's Guide to the World Wide Web", ...': a name, not speech
        short = len(words) <= 3 and not ends_punct
        if short and clause and m.close is not None and text[:m.open].rstrip().endswith(",") \
                and _LIST_GOES_ON.match(text, m.close + m.close_w) and not _cue_after(pd, m.close + m.close_w + 1):
            clause = False  # 'home security, "pet cams", local news and ...': an item of a list
        if short and clause and m.close is not None and _runs_on(text, m.close + m.close_w) \
                and text[:m.open].rstrip()[-1:] not in (":", "") \
                and not (found and found[2] is not None and found[2] > m.close
                         and text[m.close - 1] in ",!?" and _cue_after(pd, m.close + m.close_w)):
            clause = False  # 'said "our country" was being ...': a fragment of the writer's sentence
        demoted = False
        first = pd.token_at(start)
        if clause and first is not None and words[0][:1].islower() and first.tag_ in _FINITE and not any(
                c.dep_ in _SUBJ and start <= c.idx < end for c in first.children) and not _split_from(marked, m, text):
            # 'said the device, sold only in Japan, "saves a lot of time"': the subject is the writer's
            clause, demoted = False, bool(found and found[0] is not None)
        if clause and found and found[2] is not None and found[2] < m.open and m.close is not None \
                and text[m.close - 1] not in ".,;:!?…" and _runs_on(text, m.close + m.close_w) \
                and not _cue_after(pd, m.close + m.close_w):
            # 'X, she said, "is a perfect example" of ...': the writer's sentence goes on after the
            # closing mark, so the quote is a fragment of it
            clause, demoted = False, True
        whole = ends_punct and len(words) >= 2 and words[0][:1].isupper()  # '"It was hard."': a sentence of its own
        if clause and (found or (not short and (m.continues or len(words) >= 4 or whole))):
            if m.single and not found and len(words) < 4:
                continue
            if not found and not m.continues and not ends_punct and words[0][:1].islower():
                continue  # '... decked out in the message - "lowest mortgage rate for 40 years".': a slogan, no speech
            cand = _Cand("direct", start, end, confidence=0.9 if m.close is not None else 0.6)
            if found:
                cand.cue_tok, cand.speaker_tok, cand.cue_start, cand.cue_end = found
                if cand.cue_tok is not None and cand.cue_tok.lower_ == "according":
                    cand.cue = ACCORDING_TO
            else:
                cand.inherit = True
            cand.continues = m.continues
            out.append(cand)
            continue
        if _title_like(words) or (len(words) < lex.partial_min_words and not _named_as(pd.token_at(start), lex)):
            continue
        if m.single and writer_marks_double:
            # where speech is in double marks, a single-quoted phrase is a scare quote ('on the move')
            continue
        frag = _Cand("partial", start, end, confidence=0.7)
        anchor = pd.token_at(start)
        verb = anchor
        while verb is not None and verb.head.i != verb.i:
            verb = verb.head
            if start <= verb.idx < end:
                continue  # a reporting verb inside the quoted words ("we tell the truth") is not the cue
            if _cue_verb(verb, lex) or _according(verb) is not None:
                break
        else:
            verb = None
        if verb is not None and "\n" in text[min(verb.idx, start):max(verb.idx, end)]:
            verb = None
        if verb is not None and (verb.lemma_.lower() in lex.direct_only or _other_sense(verb, lex)):
            verb = None
        if verb is not None and start < verb.idx and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
            verb = None  # 'although X insisted it was "not in my mind", he admitted "..."': not what he admitted
        if verb is not None and (_cue_verb(verb, lex) and not (verb.idx <= start < verb.idx + len(verb.text))):
            frag.cue_tok, frag.cue_start, frag.cue_end = verb, verb.idx, verb.idx + len(verb.text)
            frag.speaker_tok = _subject(verb, lex)
            if frag.speaker_tok is not None and frag.speaker_tok.lower_ in lex.no_speaker:
                continue  # 'when someone mentions "soft drinks"'
            if frag.speaker_tok is not None and _speaks(verb, frag.speaker_tok, lex):
                out.append(frag)
                continue
        if demoted:
            # no reporting verb governs it in the parse: the cue beside it still does ("a clause
            # that carries it" may take it over later)
            frag.cue_tok, frag.speaker_tok, frag.cue_start, frag.cue_end = found
        else:
            frag.orphan = True  # kept only if a reported clause holds it ("X, she said, is "...")
        out.append(frag)
    return out


def _split_from(marked: list[_Marked], m: _Marked, text: str) -> bool:
    """'"A literate population," insisted Mr Sener, "will make ..."': the quote goes on from one
    closed with a comma just before it, across the cue."""
    return any(p.close is not None and p.close < m.open and m.open - p.close < 80 and text[p.close - 1] == ","
               for p in marked)


_NAMED_BEFORE = re.compile(r"\b(?:dubbed|called|named|nicknamed|titled|entitled|known as|billed as)\s*$", re.I)


def _named_before(text: str, open_at: int) -> bool:
    """Do the words before an opening mark name what follows ("dubbed", "entitled", "known as")?"""
    return bool(_NAMED_BEFORE.search(text, max(0, open_at - 20), open_at))


def _cue_after(pd: _Doc, at: int) -> bool:
    """Does a reporting verb follow within a few words ('"...", he said')?"""
    tok = pd.token_at(at)
    if tok is None:
        return False
    doc = pd.doc
    for t in doc[tok.i:min(len(doc), tok.i + 8)]:  # '"...," the former England manager said'
        if _cue_verb(t, pd.lex):
            return True
        if t.text in _SENT_END or t.text in (",", ";", ":") or _is_mark(t, pd.lex):
            return False
    return False


def _comma_participle(tok) -> bool:
    """"..., saying ..." after a comma: the reporter's participle, which the parse often hangs on the
    reported clause before it."""
    left = tok.left_edge.i
    return tok.tag_ == "VBG" and left == tok.i and left > 0 and tok.doc[left - 1].text == ","


def _named_as(tok, lex: _Lexicon) -> bool:
    """Is a quoted word what someone called something ("called it "shameful"", "described him as
    "reckless"")? Then even one word is the speaker's own, not a scare quote."""
    if tok is None:
        return False
    head = tok.head
    if tok.dep_ in ("pobj", "amod") and head.lower_ == "as":
        head = head.head
    elif tok.dep_ not in ("oprd", "xcomp", "ccomp", "attr"):
        return False
    return head.pos_ == "VERB" and head.lemma_.lower() in lex.naming_verbs \
        and any(c.dep_ == "dobj" for c in head.children)


_LABEL_LINE = re.compile(r"^([^\W\d][^:\n]{1,60}?):[ \t]+([^\s\"“‘'].{8,200}?)[ \t]*$", re.M)
_FINITE = {"VBZ", "VBP", "VBD", "MD"}


def _headline_labels(pd: _Doc, quoted: list[_Cand]) -> list[_Cand]:
    """A headline or a line of its own that names a person or organisation and then, after a colon,
    what they say: "Sanders: I'm not much of a socialist". What follows the colon must be a clause
    (a finite verb) and not a list, so team sheets and "Related:" lines are not speech."""
    doc, text = pd.doc, pd.text
    taken = sorted((c.start, c.end) for c in quoted)
    out = []
    for m in _LABEL_LINE.finditer(text):
        name_start, name_end = m.span(1)
        say_start, say_end = _trim(text, m.start(2), m.end(2), pd.lex, keep_final=False)
        if say_end <= say_start or _inside(taken, say_start, say_end):
            continue
        name = doc.char_span(name_start, name_end)
        said = doc.char_span(say_start, say_end, alignment_mode="expand")
        if name is None or said is None or len(name) > 5 or len(_words(text[say_start:say_end])) < 3:
            continue
        if not all(t.ent_type_ in ("PERSON", "ORG") and t.pos_ == "PROPN" for t in name):
            continue
        if text[say_start:say_end].count(",") + text[say_start:say_end].count(";") > 1 \
                or not any(t.tag_ in _FINITE for t in said):
            continue
        out.append(_Cand("indirect", say_start, say_end, speaker_tok=name.root, confidence=0.5))
    return out


def _cut_tail(toks: list, head, lex: _Lexicon) -> list:
    """Drop a trailing phrase that is not part of what was said: a second reporting verb joined on
    ("... but has suggested that ..."), a nested source ("..., with analysts estimating that ...")
    or a closing appositive ("..., a demand that ...")."""
    if not toks:
        return toks
    last = toks[-1].i
    cut = None
    for t in toks:
        if t.i == head.i or t.i <= toks[0].i:
            continue
        reaches_end = t.right_edge.i >= last
        if not reaches_end:
            continue
        own_subject = any(c.dep_ in _SUBJ for c in t.children)
        conditional = t.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in lex.adverbial_marks
                                                and not (c.lower_ in lex.contrast_marks
                                                         and any(g.dep_ == "nsubj" for g in t.children))
                                                for c in t.children)
        nested = (t.dep_ in ("conj", "parataxis", "advcl") and _cue_verb(t, lex) and not conditional
                  and t.lemma_.lower() not in lex.direct_only
                  # "put" only introduces a quote ('put it: "..."'); "cut taxes, put patients first" is one report
                  and (lex.verbs.get(t.lemma_.lower()) or t.lemma_.lower() in lex.passive_source_verbs | lex.naming_verbs)
                  and _speaks(t, next((c for c in t.children if c.dep_ in _SUBJ), None), lex)
                  and (t.dep_ == "conj" or own_subject or _comma_participle(t))) or (
            t.dep_ == "prep" and any(c.dep_ in ("pcomp", "pobj") and _cue_verb(c, lex)
                                     and any(g.dep_ == "nsubj" for g in c.children)
                                     # "in what it called the budget of 2002": a name given, not a source
                                     and not (c.lemma_.lower() in lex.naming_verbs
                                              and any(g.lower_ == "what" for g in c.children))
                                     # "both on what it promised and ...": the thing promised
                                     and not any(g.lower_ == "what" and g.dep_ == "dobj" for g in c.children)
                                     for c in t.children))
        after_comma = t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ","
        trailing_source = after_comma and t.dep_ == "prep" and t.lower_ == "according" and t.i > head.i
        appos = trailing_source or t.dep_ == "appos" and after_comma and not any(
            c.dep_ == "cc" for c in t.children) or (  # "30% in Paris, 31% in Rome and ...": a list
            # "..., a claim denied by the chancellor": the writer's comment on what was said
            after_comma and t.pos_ == "NOUN" and t.dep_ in ("attr", "npadvmod", "dobj", "conj") and any(
                c.dep_ == "acl" and c.tag_ == "VBN" and any(g.dep_ == "agent" for g in c.children) for c in t.children))
        # "..., as did the Tory leader": the writer's aside on who else did it, inverted after "as"
        as_did = after_comma and t.dep_ == "advcl" and t.lemma_ in ("do", "be", "have") \
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children) \
            and any(c.dep_ in _SUBJ and c.i > t.i for c in t.children)
        if nested or appos or as_did or _unshared_modal(t, head):
            start = t.left_edge.i
            if t.dep_ == "conj":
                ccs = [c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i]
                if ccs:
                    start = min(start, max(ccs))
            cut = start if cut is None else min(cut, start)
    if cut is None:
        return toks
    return [t for t in toks if t.i < cut]


def _not_yet(verb) -> bool:
    """'will announce his line-up next Tuesday', 'is to propose a ban': an act still to come, which has
    said nothing yet about what it names."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "wo", "shall", "to") for c in verb.children)


def _hung_list(verb, end: int):
    """'called for reform of the UN, the World Bank and the IMF': the rest of a list whose first part
    ends at token ``end``, which the parse hung on the verb; None when there is none."""
    doc = verb.doc
    if end + 2 >= len(doc) or doc[end + 1].text != ",":
        return None
    return next((c for c in verb.children if c.left_edge.i == end + 2 and c.pos_ in ("NOUN", "PROPN")
                 and c.dep_ in ("oprd", "dobj", "npadvmod", "appos", "attr")
                 and any(g.dep_ == "cc" for g in c.children) and any(g.dep_ == "conj" for g in c.children)), None)


def _unshared_modal(t, head) -> bool:
    """'said Labour would set out plans and attacked the Tory ones', 'proposed that forces be left
    there, and pushed to ...': a past-tense verb joined to a clause under "would" or a bare "be"
    cannot share it, so it is the reporter's own next act."""
    if t.dep_ != "conj" or t.head.i != head.i or t.tag_ != "VBD" or any(c.dep_ in _SUBJ for c in t.children):
        return False
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if head.tag_ == "VB":
        return any(c.tag_ == "MD" for c in auxes)
    # the subjunctive of a demand ("proposed that forces be left"): no past tense can share it
    return head.tag_ == "VBN" and any(c.tag_ == "VB" and c.lemma_ == "be" for c in auxes) \
        and not any(c.tag_ == "MD" for c in auxes)


def _lost_subject(target, verb, lex: _Lexicon):
    """'maintained Mr Brown would have a role': the parse made the clause's subject the cue's object.
    An object right before a subjectless complement clause is that clause's subject."""
    lemma = verb.lemma_.lower()
    misplaced = lemma not in lex.listener_verbs and not {"dobj", "dobj:any"} & set(lex.verbs.get(lemma, ()))
    if not misplaced and any(g.dep_ in _SUBJ or g.dep_ == "expl" for g in target.children):
        return None
    if target.tag_ == "VBN" and _finite_tag(target) is not None and not any(g.dep_ in _SUBJ for g in target.children):
        pass  # "had been decisive": a finite clause all the same
    elif target.tag_ in ("VBG", "VBN", "TO"):
        return None
    if any(g.dep_ == "aux" and g.lower_ == "to" or g.dep_ == "mark" for g in target.children) \
            or target.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in lex.needs_object \
            or verb.lemma_.lower() in lex.object_control:
        return None  # "told the panel that ...": the object is the listener
    obj = max((c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i < target.left_edge.i),
              key=lambda c: c.i, default=None)
    if obj is None:
        return None
    # only a phrase the parse hung on the verb may come between ("explain how a smaller increase
    # compared to Labour's plans was a cut")
    between = {t.i for c in verb.children if c.dep_ == "prep" and obj.right_edge.i < c.left_edge.i
               and c.right_edge.i < target.left_edge.i for t in c.subtree}
    if misplaced and obj.pos_ == "PRON" or any(g.dep_ in _SUBJ for g in target.children) and obj.ent_type_ == "PERSON":
        return None
    if misplaced:
        # 'admitted their trip to Madrid to face league leaders Real was ...': what the parse hung between
        between |= {t.i for c in verb.children if c.dep_ in ("advcl", "npadvmod") and obj.right_edge.i < c.left_edge.i
                    and c.right_edge.i < target.left_edge.i for t in c.subtree}
    doc = verb.doc
    return obj if all(k in between or doc[k].is_punct for k in range(obj.right_edge.i + 1, target.left_edge.i)) else None


def _clause_joined_before(target, verb, lex: _Lexicon) -> list:
    """'The economy started to grow, but reforms are needed, the IMF has said': the parse made the
    cue a conjunct of the first clause, so only the second is its complement. A clause the cue is
    joined to, right before the complement with only ", but" or ", and" between, is part of the report."""
    head = verb.head
    if verb.dep_ != "conj" or head.i >= target.i or head.pos_ not in ("VERB", "AUX") \
            or lex.verbs.get(head.lemma_.lower()) or target.i > verb.i:
        return []
    own = [t for t in head.subtree if t.i < target.left_edge.i and not verb.is_ancestor(t) and t.i != verb.i]
    if not own:
        return []
    joint = verb.doc[own[-1].i + 1:target.left_edge.i]
    if len(own) != own[-1].i - own[0].i + 1 or any(t.text != "," and t.dep_ != "cc" for t in joint) \
            or not any(t.dep_ == "cc" and t.lower_ in ("but", "and") for t in (*joint, own[-1])):
        return []
    return own


def _split_clause_rest(target, verb, lex: _Lexicon):
    """'insists his pledges, to be paid for by savings, will appeal to all': the parse split one
    reported clause in two complements of the cue; the second, with no subject of its own and only a
    comma between, is the rest of the first. 'The US was slow and India had its own problems, she
    said': two clauses joined by "and" or "but" are one report, each with its subject."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ == "conj" and c.i > target.i and c.left_edge.i == target.right_edge.i + 1 \
                and not any(g.dep_ in _SUBJ or g.dep_ == "cc" for g in c.children) and not _cue_verb(c, lex) \
                and not any(g.dep_ == "cc" and target.i < g.i < c.i for g in verb.children):
            return c  # "confessed Arsenal's £100m deal with Emirates has given ...": a verb the parse joined to the cue
        if c.dep_ != "ccomp" or c.i <= target.i or c.left_edge.i <= target.right_edge.i or c.tag_ == "VBG" \
                or _cue_verb(c, lex):
            continue
        gap = doc[target.right_edge.i + 1:c.left_edge.i]
        joined = any(t.dep_ == "cc" for t in (*gap, target.right_edge))
        if all(t.text == "," or t.dep_ == "cc" for t in gap) and (
                joined or not any(g.dep_ in _SUBJ for g in c.children) or _fronted(target)):
            return c
    return None


def _fronted(clause) -> bool:
    """'claim that of the £750m the minister pledged, only £41m was spent': the parse made the
    fronted phrase's relative clause the complement; the clause after the comma is its rest."""
    doc = clause.doc
    first = clause.left_edge
    return first.lower_ == "that" and first.i + 1 < len(doc) and doc[first.i + 1].dep_ == "prep" \
        and doc[first.i + 1].head.i == clause.i


def _content_span(pd: _Doc, head, exclude=None) -> tuple[int, int] | None:
    """Character span of ``head``'s subtree without a leading complementiser."""
    toks = list(head.subtree)
    if exclude is not None:
        ex = {t.i for t in exclude.subtree}
        toks = [t for t in toks if t.i not in ex]
        if not toks:
            return None
        # keep the contiguous side of the excluded phrase that holds the head
        lo, hi = min(ex), max(ex)
        if head.i > hi:
            toks = [t for t in toks if t.i > hi]
        elif head.i < lo:
            toks = [t for t in toks if t.i < lo]
    return _token_span(pd, toks, head)


def _token_span(pd: _Doc, toks: list, head) -> tuple[int, int] | None:
    """Character span of the reported tokens ``toks`` governed by ``head``, trimmed of what only
    joins them to the story (a trailing source, a complementiser, an opening connective)."""
    toks = _cut_tail(toks, head, pd.lex)
    if toks and (toks[0].dep_ == "mark" and toks[0].lower_ in ("that", "for") or toks[0].lower_ == "that"
                 and toks[0].tag_ == "IN") and (
            toks[0].head.i == head.i or toks[0].lower_ == "that" and toks[0].i == head.left_edge.i):
        toks = toks[1:]
    if not toks:
        return None
    if len(toks) > 2 and toks[0].dep_ in ("advmod", "cc") and toks[1].text == "," and toks[0].head.i == head.i:
        toks = toks[2:]  # "However, ..." joins the clause to the story, it is not what was said
    toks = _cue_setting(toks, head, pd.lex)
    while len(toks) > 1 and (toks[-1].dep_ == "cc" or toks[-1].text in ("-", "–", "—", ",")):
        toks = toks[:-1]  # "a bid for Tom Reed - but ...": the joint to the next clause is not said
    toks = toks + _stranded_object(toks[-1]) + _stranded_conjunct(head, toks[-1])
    toks = toks + _stranded_list(head, toks[-1])
    toks = _word_end(_word_start(toks))
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    start, end = _trim(pd.text, start, end, pd.lex, keep_final=False)
    if end <= start or len(_words(pd.text[start:end])) < 2:
        return None
    return _balanced(pd.text, start, end, pd.lex)




def _cue_setting(toks: list, head, lex: _Lexicon) -> list:
    """'has said in the past it markets ...', 'said in a statement the firm would ...': a time or an
    occasion right after the cue, before a clause with no "that", is when and where it was said."""
    cue = head.head
    first = toks[0] if toks else None
    if first is None or head.dep_ != "ccomp" or first.i != cue.i + 1 or first.dep_ != "prep" \
            or first.head.i != head.i or first.lower_ not in ("in", "on", "at", "during", "over"):
        return toks
    obj = next((c for c in first.children if c.dep_ == "pobj"), None)
    if obj is None or not (obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in lex.setting_nouns
                           or obj.lemma_.lower() in lex.documents):
        return toks
    end = first.right_edge.i
    rest = [t for t in toks if t.i > end and not (t.i == end + 1 and t.text == ",")]
    if not any(t.dep_ in _SUBJ and t.head.i == head.i for t in rest):
        return toks
    return rest


def _stranded_conjunct(head, last) -> list:
    """'said the budget was not about the country, but "all about the party"': the parse hung the
    second half on the cue, as a conjunct with no verb of its own; it goes on what was said."""
    cue = head.head
    if head.dep_ != "ccomp" or cue.i > head.i:
        return []
    doc = head.doc
    tail = [c for c in cue.children if c.dep_ == "conj" and c.i > last.i and (
                (c.pos_ in ("ADP", "NOUN", "ADJ", "ADV") or _shared_state(c, head) or _own_stance(c))
                and any(b.dep_ == "cc" and last.i < b.i < c.i for b in cue.children)
                or _agrees_with_clause(c, head, cue) and all(t.text == "," or t.dep_ == "cc" for t in doc[last.i + 1:c.i]))]
    if not tail:
        return []
    end = max(t.i for t in tail[-1].subtree)
    return list(head.doc[last.i + 1:end + 1])


def _stranded_list(head, last) -> list:
    """'claimed the final would be between himself, Dutchman Jan Berg and Luis Mora': the rest of a
    list ending what was said, which the parse hung on the cue."""
    cue = head.head
    if head.dep_ != "ccomp" or cue.i > head.i:
        return []
    rest = _hung_list(cue, last.i)
    return list(head.doc[last.i + 1:rest.right_edge.i + 1]) if rest is not None else []


def _shared_state(conj, clause) -> bool:
    """'said she was pleased but was worried about the cost': a state in the reported clause's tense
    with no subject of its own continues what was said (a deed, 'but was jailed', does not)."""
    return conj.lemma_ == "be" and conj.pos_ == "AUX" and conj.tag_ == clause.tag_ and clause.lemma_ == "be" \
        and any(c.dep_ in ("acomp", "attr") for c in conj.children) \
        and not any(c.dep_ in _SUBJ or c.dep_ == "expl" for c in conj.children)


def _finite_tag(verb) -> str | None:
    """The tag of the finite word of a verb group: its own, or its first finite auxiliary's."""
    if verb.tag_ in _FINITE:
        return verb.tag_
    return next((c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE), None)


def _agrees_with_clause(conj, clause, cue) -> bool:
    """'have argued that Verizon is bigger, has fewer debts and ...': a verb with no subject of its own
    whose form fits the reported clause and not the cue ("have ... has") goes on what was said."""
    tag = _finite_tag(conj)
    return tag is not None and tag != "MD" and tag == _finite_tag(clause) and tag != _finite_tag(cue) \
        and not any(c.dep_ in _SUBJ or c.dep_ == "expl" for c in conj.children)


def _own_stance(conj) -> bool:
    """'has said that the projects are complex - and it was confident the money would be spent': the
    source's stance on more of the same, told with a pronoun for it, goes on what was said."""
    return conj.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ in ("it", "he", "she", "they")
                                       for c in conj.children) \
        and any(c.dep_ == "acomp" and any(g.dep_ == "ccomp" for g in c.children) for c in conj.children)


def _hyphen_end(tok):
    """The last token of the hyphenated word ``tok`` starts or continues ("co" - "operate"), which the
    parse may have split into tokens of their own."""
    doc = tok.doc
    while tok.i + 2 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text == "-" \
            and not doc[tok.i + 1].whitespace_ and doc[tok.i + 2].is_alpha:
        tok = doc[tok.i + 2]
    return tok


def _word_end(toks: list) -> list:
    """'he would co-operate fully': a span never ends inside a hyphenated word the parse split into
    clauses of their own; it takes the rest of the word and what hangs on it."""
    last = toks[-1]
    rest = _hyphen_end(last)
    if rest.i == last.i:
        return toks
    return toks + list(last.doc[last.i + 1:rest.right_edge.i + 1])


def _word_start(toks: list) -> list:
    """'said the spam e-mails directing ...': a span never starts inside a hyphenated word the parse
    split; it takes back the whole word and the noun phrase words before it."""
    doc, first = toks[0].doc, toks[0]
    if first.i == 0 or not first.is_alpha or doc[first.i - 1].whitespace_ \
            or not (doc[first.i - 1].text == "-" or doc[first.i - 1].is_alpha):
        return toks
    lead = []
    k = first.i - 1
    while k >= 0 and not doc[k].whitespace_:
        lead.insert(0, doc[k])
        k -= 1
    while k >= 0 and doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") and doc[k].text not in (",", "\""):
        lead.insert(0, doc[k])
        k -= 1
    return lead + toks


def _stranded_object(last) -> list:
    """'made a bid for Robbie Savage - but ...': the parse hung the name elsewhere and left the
    preposition without its object; the name right after it is the object."""
    if last.pos_ != "ADP" or any(c.dep_ in ("pobj", "pcomp") for c in last.children):
        return []
    doc, out = last.doc, []
    for t in doc[last.i + 1:last.i + 8]:
        if t.pos_ not in ("PROPN", "NOUN", "DET", "ADJ", "NUM") or "\n" in t.text:
            break
        out.append(t)
    return out if out and out[-1].pos_ in ("PROPN", "NOUN", "NUM") else []


def _balanced(text: str, start: int, end: int, lex: _Lexicon) -> tuple[int, int]:
    """Take back a quote mark trimmed off either end when the span holds the other half of its
    pair (``that he "made the decisions"``, ``"our country" was being ...``)."""
    doubles = lex.open_double | lex.close_double | lex.both_double
    if sum(1 for ch in text[start:end] if ch in doubles) % 2 == 0:
        return start, end
    for k in range(end, min(len(text), end + 2)):
        if text[k] in lex.close_double or text[k] in lex.both_double:
            return start, k + 1
        if text[k] not in ".,;:!?":
            break
    if start > 0 and (text[start - 1] in lex.open_double or text[start - 1] in lex.both_double):
        return start - 1, end
    return start, end


def _within_line(pd: _Doc, span, cue) -> tuple[int, int] | None:
    """Reported content never runs across a line break away from its cue (titles, paragraphs)."""
    if not span:
        return None
    start, end = span
    text = pd.text
    line_start = text.rfind("\n", 0, cue.idx) + 1
    line_end = text.find("\n", cue.idx)
    line_end = len(text) if line_end < 0 else line_end
    if "\n" not in text[start:end] and line_start <= start and end <= line_end:
        return span
    if start > line_end and text[cue.idx:line_end].rstrip().endswith(":") and not text[line_end:start].strip():
        # "Fox News reports:" and the reported text as the next paragraph
        line_start, line_end = start, text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
    start, end = _trim(text, max(start, line_start), min(end, line_end), pd.lex, keep_final=False)
    if end <= start or len(_words(text[start:end])) < 2:
        return None
    return start, end


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) overlap any of the sorted spans?"""
    k = bisect_right(spans, (end, end)) - 1
    while k >= 0:
        s, e = spans[k]
        if e > start and s < end:
            return True
        if e <= start and s < start - 5000:
            break
        k -= 1
    return False


def _gapped(verb) -> bool:
    """A cue inside a relative clause whose own subject is not the relative pronoun ("the child
    he says is his", "the choices he says face Britain"): what it governs has a gap, not a claim."""
    if verb.dep_ != "relcl":
        return False
    subject = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    if subject is None or subject.tag_ in ("WP", "WDT") or subject.lower_ == "that":
        return False
    # an explicit "that" clause is no gap: a misparse of "lawyer X told the BBC that ..."
    return not any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in ("that", "whether") for m in c.children)
                   for c in verb.children)


def _set_off(verb, lex: _Lexicon) -> bool:
    """Is "he said" set off by commas inside its own content ("Prices, he said, will fall")?"""
    subject = _subject(verb, lex)
    if subject is None:
        return False
    toks = [verb, *subject.subtree]
    lo, hi = min(t.i for t in toks), max(t.i for t in toks)
    doc = verb.doc
    return lo > 0 and doc[lo - 1].text == "," and hi + 1 < len(doc) and doc[hi + 1].text == ","


def _parenthetical(pd: _Doc, verb, direct_spans) -> _Cand | None:
    """A cue set off by commas inside the reported clause: "Sales, he said, will recover." The
    content is the whole clause around it (the cue stays inside the span: it must be contiguous)."""
    lex = pd.lex
    if verb.dep_ not in ("parataxis", "advcl", "ccomp", "conj") or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    head = verb.head
    while head.dep_ in ("aux", "auxpass") and head.head.i != head.i:
        head = head.head
    if head.i == verb.i or (head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT") \
            or _inside(direct_spans, head.idx, head.idx + 1):
        return None
    doc = verb.doc
    if verb.dep_ == "advcl" and verb.i < head.i and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        # "As the Times noted, sales fell." A verb with an object of its own reports that, not the
        # main clause ("As the mayor lamented the closure, the council voted")
        if any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and verb.lemma_.lower() not in lex.needs_object
               for c in verb.children):
            return None  # the one told ("As he told MPs, ...") is no object of what was said
        subject = _subject(verb, lex)
        span = _within_line(pd, _content_span(pd, head, exclude=verb), verb)
        comma = verb.right_edge if verb.right_edge.text == "," else next(
            (t for t in doc[verb.right_edge.i + 1:head.i] if t.text == ","), None)
        if span and comma is not None and span[0] < comma.idx:
            span = _trim(pd.text, comma.idx + 1, span[1], lex, keep_final=False)  # what the parse hung before the comma
        if subject is None or not _speaks(verb, subject, lex) or not span or _inside(direct_spans, *span):
            return None
        return _indirect(span, verb, subject, 0.7)
    if any(c.dep_ == "mark" for c in verb.children):
        return None  # "after the department asked X to ..., Y said": a time clause, not an aside
    if verb.tag_ == "VBG" and not any(c.dep_ in _SUBJ for c in verb.children):
        return None  # "when adding January's figures, the record ended ...": a participle has no aside of its own
    inner = [t for t in verb.subtree if not t.is_punct]
    left, right = inner[0].i, inner[-1].i
    own = _subject(verb, lex)
    if own is not None and left < own.left_edge.i < verb.i and doc[own.left_edge.i - 1].text == "," and all(
            c.dep_ in ("advcl", "prep", "punct") for c in verb.children if c.i < own.left_edge.i):
        left = own.left_edge.i  # "If it returns, the message said, it will ...": the parse hung the if-clause on the aside
    if left == 0 or doc[left - 1].text != ",":
        return None
    if left > 1 and doc[left - 2].tag_ in ("WDT", "WP"):
        return None  # "..., which, he says, is ...": the aside sits in a relative clause the parse lost
    closed = right + 1 < len(doc) and doc[right + 1].text == ","
    if head.i < left and not (closed and right + 2 < len(doc) and not doc[right + 2].is_punct):
        # "Sales rose, she says, from 5% to 13%": the aside must sit inside the clause, not end it
        return None
    if not closed and verb.i > head.i:
        return None
    subject = _subject(verb, lex)
    if subject is None or subject.i < left or not _speaks(verb, subject, lex):
        return None
    span = _content_span(pd, head)
    span = _within_line(pd, span, verb)
    if not span or _inside(direct_spans, *span):
        return None
    aside_start, aside_end = doc[left].idx, doc[right].idx + len(doc[right].text)
    lead = [t for t in doc[pd.token_at(span[0]).i:left] if not t.is_punct] if span[0] < aside_start else []
    connective = all(t.pos_ in ("ADV", "CCONJ", "SCONJ", "ADJ") and t.dep_ not in _SUBJ for t in lead) or (
        " ".join(t.lower_ for t in lead) in lex.connectives)
    if aside_end < span[1] and connective:
        # the aside opens the clause ("However, he said, jobs will go"): what was said follows it
        span = _trim(pd.text, aside_end, span[1], lex, keep_final=False)
        if len(_words(pd.text[span[0]:span[1]])) < 2:
            return None
        return _indirect(span, verb, subject, 0.7)
    if not span[0] < verb.idx < span[1]:
        return None
    return _indirect(span, verb, subject, 0.7)


def _trailing(pd: _Doc, verb, direct_spans) -> _Cand | None:
    """A cue closing its sentence after a comma ("<clause>, Lord Smith said."): what was said is
    the sentence before the comma, however the parse hung the two together (a long clause often
    comes out as the cue's adverbial, with a subordinator inside it made the cue's own)."""
    lex = pd.lex
    doc = verb.doc
    before = [c for c in verb.children if c.dep_ in _SUBJ and c.i < verb.i]
    subject = before[-1] if before else _subject(verb, lex)  # the parse may give the clause's subject too
    if subject is None or subject.i > verb.i or not _speaks(verb, subject, lex):
        return None
    # "<clause>, the trial was told by expert Steven Hale.": the one told listens, the agent speaks
    source = _agent(verb) if subject.dep_ == "nsubjpass" else subject
    if source is None:
        return None
    sent = verb.sent
    subj_lo = subject.left_edge.i
    own = {t.i for t in subject.subtree}
    if any(t.i not in own and not (t.head.i == verb.i and t.dep_ in ("aux", "advmod"))
           for t in doc[subj_lo:verb.i]):
        return None
    comma = subj_lo - 1
    if comma <= sent.start or doc[comma].text != ",":
        return None
    for t in doc[verb.i + 1:sent.end]:
        if t.is_punct and not _is_mark(t, lex):
            continue
        if t.pos_ in ("VERB", "AUX") or not verb.is_ancestor(t) or t.dep_ in ("ccomp", "xcomp", "advcl", "mark"):
            return None
    if any(c.i > verb.i and c.dep_ in ("dobj", "dative") for c in verb.children) \
            and verb.lemma_.lower() not in lex.needs_object:
        return None
    return _before_comma(pd, verb, comma, source, direct_spans)


def _agent(verb):
    """The one named after "by" on a passive verb, if any."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _inverted_trailing(pd: _Doc, verb, direct_spans) -> _Cand | None:
    """An inverted cue closing its sentence ("<clause>, warn union leaders."): a reporting verb right
    after the comma, with no subject of its own, and a noun phrase after it that ends the sentence
    (the parse takes it for the object). What was said is the sentence before the comma."""
    doc, lex = verb.doc, pd.lex
    if verb.i < 2 or doc[verb.i - 1].text != "," or any(c.dep_ in _SUBJ for c in verb.children) \
            or verb.tag_ in ("VBG", "VBN"):
        return None  # "..., explaining the neighbour's role": a participle inverts nothing
    sent = verb.sent
    source = next((c for c in verb.rights if c.pos_ in ("NOUN", "PROPN") and c.dep_ in ("dobj", "nsubj", "attr")), None)
    if source is None or source.left_edge.i != verb.i + 1 or not _speaks(verb, source, lex):
        return None
    if any(not (t.is_punct or t.is_space) for t in doc[source.right_edge.i + 1:sent.end]):
        return None
    return _before_comma(pd, verb, verb.i - 1, source, direct_spans)


def _name_after(verb):
    """The proper name right after an inverted cue ("said Junya Tanase"): its last token, or None."""
    doc = verb.doc
    k = verb.i + 1
    while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
        k += 1
    if k == verb.i + 1 or doc[k - 1].ent_type_ not in ("PERSON", "ORG", ""):
        return None
    return doc[k - 1]


def _inverted_name(pd: _Doc, verb, direct_spans) -> _Cand | None:
    """A cue with the source's name after it that the parse did not see as inverted: set off inside
    the clause ("The ministers' comments, said Junya Tanase, an analyst, were ...") or closing it with
    no comma ("Many games have educational elements said Mr Owen."). What was said is the sentence
    around or before it; an aside stays inside the span, as with "Sales, he said, will recover"."""
    doc, lex = verb.doc, pd.lex
    if verb.i < 3 or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.lemma_.lower() in lex.direct_only:
        return None
    name = _name_after(verb)
    if name is None:
        return None
    sent = verb.sent
    rest = [t for t in doc[name.i + 1:sent.end] if not (t.is_punct or t.is_space)]
    if doc[verb.i - 1].text == "," and rest:
        # set off: the name (and any appositive) ends at a comma, and the clause goes on after it
        if any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
            return None
        close = next((t for t in doc[name.i + 1:min(sent.end, name.i + 14)] if t.text == ","), None)
        if close is None or close.i + 1 >= sent.end or doc[close.i + 1].is_punct \
                or not any(t.pos_ in ("VERB", "AUX") for t in doc[close.i + 1:sent.end]):
            return None
        if not any(c.dep_ in _SUBJ and c.i < verb.i for c in verb.children):
            return None  # the usual parse of an aside is handled elsewhere
        toks = [t for t in doc[sent.start:sent.end] if not t.is_space]
    elif doc[verb.i - 1].text != "," and not rest and verb.i - 1 > sent.start \
            and name.dep_ == "nsubj" and name.head.i == verb.i:
        # no comma: "... have educational elements said Mr Owen."
        toks = [t for t in doc[sent.start:verb.i] if not t.is_space]
        if not any(t.pos_ in ("VERB", "AUX") for t in toks):
            return None
    else:
        return None
    start, end = _trim(pd.text, toks[0].idx, toks[-1].idx + len(toks[-1].text), lex, keep_final=False)
    span = _within_line(pd, _balanced(pd.text, start, end, lex), verb)
    if not span or _inside(direct_spans, *span) or len(_words(pd.text[span[0]:span[1]])) < 3:
        return None
    return _indirect(span, verb, name, 0.6)


def _before_comma(pd: _Doc, verb, comma: int, subject, direct_spans) -> _Cand | None:
    """The sentence before the comma at token ``comma`` as what ``subject`` said, if it is a clause
    of its own: not an adverbial one, not one with a source of its own."""
    doc, lex = verb.doc, pd.lex
    sent = verb.sent
    toks = [t for t in doc[sent.start:comma]]
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    if not toks or toks[0].dep_ == "mark" or toks[0].lower_ in lex.adverbial_marks and toks[0].dep_ != "prep":
        return None  # "When asked, she said.": an adverbial clause ("As a phone company, it ..." is what was said)
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    head = max(roots, key=lambda t: len(list(t.subtree)))
    if head.pos_ not in ("VERB", "AUX") or not any(c.dep_ in _SUBJ for c in head.children):
        return None
    if any(_cue_verb(t, lex) and any(c.dep_ == "ccomp" for c in t.children) and _own_source(t, lex) for t in toks):
        return None  # "Smith said prices rose, he added": the clause has its own source
    span = _within_line(pd, _token_span(pd, toks, head), verb)
    if not span or _inside(direct_spans, *span):
        return None
    return _indirect(span, verb, subject, 0.7)


def _own_source(verb, lex: _Lexicon) -> bool:
    """Does the cue ``verb`` report for its own subject? "Smith said", but not "fishermen could find
    themselves prosecuted" (a verb that reports only for a document)."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    return subject is None or _speaks(verb, subject, lex)


_NOMINAL = ("NOUN", "PROPN", "PRON")


def _naming(pd: _Doc, verb, direct_spans) -> _Cand | None:
    """"called Trump a fascist", "calls the plan nothing short of an attack", "described the plan as
    reckless": what someone called something is what they said of it. The content is the object and
    what it was called, quoted or not (a quote makes it partial). Passive ("is called"), a quoted word
    said of a pronoun ('called it "shameful"', a partial quote of its own) and a complement that is
    only a name ("called the resort Doral") are left out."""
    lex = pd.lex
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        return None
    rights = [c for c in verb.children if c.i > verb.i]
    objs = [c for c in rights if c.dep_ in ("dobj", "dative", "xcomp") and c.pos_ in _NOMINAL]
    if not objs:
        return None
    obj = objs[0]
    if verb.lemma_.lower() == "describe":
        comps = [c for c in rights if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i]
    else:
        comps = [c for c in rights if c.i > obj.i and c.dep_ in ("oprd", "attr", "xcomp", "ccomp", "dobj")]
        comps += [c for c in obj.children if c.i > obj.i and c.dep_ in ("dobj", "attr", "oprd") and c.pos_ in _NOMINAL]
    if not comps:
        return None
    comp = max(comps, key=lambda c: c.right_edge.i)
    if comp.pos_ == "PROPN" and all(t.pos_ in ("PROPN", "DET", "PUNCT") for t in comp.subtree):
        return None  # naming, not judging: "called the resort Trump National Doral"
    last = comp.right_edge
    doc = verb.doc
    mark = next((t for t in reversed(doc[comp.i:last.i + 1]) if t.text in lex.all_marks), None)
    if mark is not None and mark.i < last.i and all(
            t.ent_type_ in ("DATE", "TIME") or t.dep_ == "prep" or t.is_punct for t in doc[mark.i + 1:last.i + 1]):
        last = mark  # 'described the plan as "reckless" on Monday': when is not what was said
    start, end = _trim(pd.text, obj.left_edge.idx, last.idx + len(last.text), lex, keep_final=False)
    if obj.pos_ == "PRON" and any(ch in lex.all_marks for ch in pd.text[start:end].replace("'s", "").replace("’s", "")):
        return None  # 'called it "shameful"': the quoted word is the partial quote
    subject = _subject(verb, lex)
    if subject is None or subject.lower_ in lex.no_speaker:
        return None
    span = _within_line(pd, (start, end), verb)
    if not span or _inside(direct_spans, *span) or len(_words(pd.text[span[0]:span[1]])) < 2:
        return None
    return _indirect(span, verb, subject, 0.6)


def _owned_claim(pd: _Doc, noun, direct_spans) -> _Cand | None:
    """"Clinton's claim that 90 percent were in the system": a speech noun with an owner and a that-clause
    reports what the owner said. Without an owner ("the claim that ...") there is no source."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in _NOMINAL), None)
    if owner is None:
        return None
    clause = next((c for c in noun.children if c.i > noun.i and c.dep_ in ("acl", "relcl", "ccomp")
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return None
    span = _within_line(pd, _content_span(pd, clause), noun)
    if not span or _inside(direct_spans, *span) or len(_words(pd.text[span[0]:span[1]])) < 3:
        return None
    return _indirect(span, noun, owner, 0.6, aside=True)


def _stance(pd: _Doc, verb, direct_spans) -> _Cand | None:
    """'The minister expressed concern that the plan would fail': a stance stated with its content
    in a that-clause; the clause is what was said, by the verb's subject."""
    lex = pd.lex
    if _blocked(verb, lex) or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.stance_nouns), None)
    if noun is None:
        return None
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return None
    subject = _subject(verb, lex)
    if subject is None or subject.lower_ in lex.no_speaker or not _may_be_source(subject, lex):
        return None
    span = _within_line(pd, _content_span(pd, clause), verb)
    if not span or _inside(direct_spans, *span):
        return None
    return _indirect(span, verb, subject, 0.6)


def _relative_report(pd: _Doc, verb, direct_spans) -> _Cand | None:
    """"the drawdown, which they say left a vacuum": a relative clause whose claim is reported. The
    content is what follows the cue to the end of the clause ("left a vacuum"); the relative word
    stands for the noun it is on. Without a relative word ("the child he says is his") there is
    nothing to quote."""
    lex = pd.lex
    if "ccomp" not in lex.verbs.get(verb.lemma_.lower(), ()):
        return None
    sub = sorted(verb.subtree, key=lambda t: t.i)  # not projective: the relative word hangs lower
    rel = sub[0]
    if rel.tag_ not in ("WDT", "WP") and rel.lower_ != "that":
        return None
    subject = next((t for t in sub if t.dep_ in _SUBJ and rel.i < t.i < verb.i and t.tag_ not in ("WDT", "WP")
                    and t.lower_ != "that"), None)
    if subject is None or subject.lower_ in lex.no_speaker:
        return None
    if not any(t.i > verb.i and (t.tag_ in _FINITE or t.dep_ in ("ccomp", "xcomp")) for t in sub):
        return None  # "which she said": no claim after the cue
    listener = {t.i for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i for t in c.subtree}
    after = [t for t in sub if t.i > verb.i and t.i not in listener
             and not (t.head.i == verb.i and t.dep_ in ("prt", "advmod", "mark"))]
    if not after:
        return None
    last = sub[-1]
    if rel.i > 0 and rel.doc[rel.i - 1].text in _DASHES:
        # "the proposals - which the paper said could come within days - would ...": the dashes close it
        last = next((rel.doc[t.i - 1] for t in after if t.text in _DASHES), last)
    start, end = _trim(pd.text, after[0].idx, last.idx + len(last.text), lex, keep_final=False)
    span = _within_line(pd, _balanced(pd.text, start, end, lex), verb)
    if not span or _inside(direct_spans, *span) or len(_words(pd.text[span[0]:span[1]])) < 2:
        return None
    return _indirect(span, verb, subject, 0.6)


def _stray_that_clause(pd: _Doc, verb, direct_spans) -> _Cand | None:
    """"warning followers on social media and in interviews that ...": the parse hung the that-clause
    on the nearest noun after the verb. A "that" clause (with "that" as its marker, so not a relative
    clause) on a noun inside the verb's own object or adverbial, whose noun is not one that takes a
    content clause itself ("the claim that ..."), is what the verb reports."""
    lex = pd.lex
    for t in verb.subtree:
        if t.i <= verb.i or t.dep_ not in ("acl", "relcl") or not (
                t.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in t.children)):
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            continue
        noun = t.head
        if noun.lemma_.lower() in lex.content_nouns or noun.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
        if any(x.pos_ in ("VERB", "AUX") or x.text in (".", ";", ":") for x in verb.doc[verb.i + 1:noun.i + 1]):
            return None
        subject = _subject(verb, lex)
        if subject is None or not _speaks(verb, subject, lex):
            return None
        span = _within_line(pd, _content_span(pd, t), verb)
        if not span or _inside(direct_spans, *span):
            return None
        return _indirect(span, verb, subject, 0.6)
    return None


def _reported(pd: _Doc, direct_spans: list[tuple[int, int]], fragments: list[tuple[int, int]] = ()) -> list[_Cand]:
    """Indirect speech: the content a reporting verb governs, and "according to X". A reporting verb
    inside quoted words, whole quotes or fragments, is the speaker's, not the writer's attribution."""
    lex = pd.lex
    out = []
    for tok in tokens(pd.doc):
        if tok.lower_ != "according" and tok.lemma_.lower() not in lex.cue_lemmas:
            continue  # no cue of any kind: the cheap test first
        if _inside(direct_spans, tok.idx, tok.idx + len(tok.text)) or _inside(fragments, tok.idx, tok.idx + len(tok.text)):
            continue
        obj = _according(tok)
        if obj is not None and obj.pos_ == "NOUN" and not obj.ent_type_ and obj.lemma_.lower() in lex.norm_nouns:
            continue  # "according to plan": in line with, not as said by
        if obj is not None:
            head = tok.head
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            while head.dep_ == "conj" and tok.i > head.i and head.head.pos_ in ("VERB", "AUX") and not any(
                    c.dep_ in _SUBJ or c.dep_ == "expl" for c in head.children):
                head = head.head  # "X was worth $20m in 2004, but is set to be worth ..., according to Y": all of it
            if head.i != tok.i and _cue_verb(head, lex) and head.lemma_.lower() in lex.verbs and not any(
                    c.dep_ in ("ccomp", "xcomp", "dobj", "conj", "nsubjpass") for c in head.children) \
                    and _inside(direct_spans, max(0, head.sent.start_char - 3), head.sent.end_char):
                continue  # '"...," Jones said, according to the paper': the source of a quote, not a claim
            span = _content_span(pd, head, exclude=tok) if head.i != tok.i else None
            if span is not None and _mid_aside(tok, head):
                whole = _content_span(pd, head)  # "It is set, according to analysts, to change ...": all of it
                if whole is not None and whole[0] < tok.left_edge.idx:
                    span = whole
            span = _within_line(pd, span, tok)
            named = _name_set_off(pd, obj, span) if span else None
            if named is not None:
                obj, span = named
            if span and not _inside(direct_spans, *span):
                to = tok.nbor(1) if tok.i + 1 < len(pd.doc) else tok
                out.append(_Cand("indirect", span[0], span[1], cue_tok=tok, cue=ACCORDING_TO, cue_start=tok.idx,
                                 cue_end=to.idx + len(to.text), speaker_tok=obj, confidence=0.75))
            continue
        if tok.dep_ == "relcl" and _cue_verb(tok, lex) and not _blocked(tok, lex):
            cand = _relative_report(pd, tok, direct_spans)
            if cand is not None:
                out.append(cand)
                continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.speech_nouns:
            cand = _owned_claim(pd, tok, direct_spans)
            if cand is not None:
                out.append(cand)
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.naming_verbs and not _blocked(tok, lex):
            cand = _naming(pd, tok, direct_spans)
            if cand is not None:
                out.append(cand)
                continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.stance_verbs:
            cand = _stance(pd, tok, direct_spans)
            if cand is not None:
                out.append(cand)
            continue
        belief = tok.pos_ == "VERB" and tok.lemma_.lower() in lex.belief_verbs and _quotes_words(tok, lex)
        if not (_cue_verb(tok, lex) or belief) or _blocked(tok, lex) or _gapped(tok):
            continue
        if tok.tag_ in ("VBN", "VBD") and tok.dep_ in ("advcl", "acl") and not any(
                c.dep_ in _SUBJ or c.dep_ == "agent" or c.lower_ == "having" for c in tok.children):
            continue  # "When asked about X, Carney said": the one asked is not the one asking ("asked by Y" is Y)
        complements = ("ccomp",) if belief else lex.verbs.get(tok.lemma_.lower(), ())
        if not complements:
            continue
        if "ccomp" in complements and not belief:
            inverted = _inverted_trailing(pd, tok, direct_spans) or _inverted_name(pd, tok, direct_spans)
            if inverted is not None:
                out.append(inverted)
                continue
        if tok.lemma_.lower() in lex.needs_object and not any(c.dep_ in ("dobj", "dative", "agent") for c in tok.children):
            continue  # "was told by Dr Reed that ...": the listener is the subject, the agent speaks
        aside = _parenthetical(pd, tok, direct_spans) if "ccomp" in complements else None
        if aside is not None:
            out.append(aside)
            continue
        found = len(out)
        # "ccomp:out" is a clause only beside "out" ("pointed out that"), "xcomp:on" beside "on"
        particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep")}
        if any(c.dep_ in ("dobj", "dative", "nsubjpass", "agent") for c in tok.children):
            particles.add("object")  # "asked him to", "was asked by X to": someone is asked
        if any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               for c in tok.children) and not (tok.tag_ == "VBG" and not _comma_participle(tok)):
            particles.add("that")  # "ruled that ...", not "a House of Lords ruling that ..." (a noun)
        allowed = {c for c in complements if ":" not in c} | {
            c.split(":")[0] for c in complements if c.startswith(("ccomp:", "xcomp:")) and c.split(":")[1] in particles}
        clausal = any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)
        for child in tok.children:
            dep = child.dep_
            target = None
            if dep == "ccomp" and "ccomp" in allowed:
                if child.i > tok.i and "," in (child.left_edge.text, pd.doc[child.left_edge.i - 1].text) and any(
                        c.dep_ == "ccomp" and c.i < tok.i and _inside(direct_spans, c.idx, c.idx + 1)
                        for c in tok.children):
                    continue  # '"...," he said later, his hair freshly gelled': the quote is what he said
                if child.i > tok.i and _finite_tag(child) is not None and any(
                        c.dep_ == "prep" and c.lower_ == "to" and tok.i < c.i < child.i for c in tok.children) \
                        and not any(c.dep_ in _SUBJ or c.dep_ in ("expl", "mark") for c in child.children):
                    continue  # "new sections added to the fair include ...": the parse made the sentence's verb a clause
                if child.tag_ == "VBG" and child.i > tok.i and not any(
                        t.tag_ in _FINITE or t.dep_ == "mark" for t in child.subtree) \
                        and tok.lemma_.lower() not in lex.document_verbs | lex.evidence_verbs \
                        and not any(c.dep_ == "ccomp" and c.i > child.i for c in tok.children):
                    continue  # "Nintendo adds media playing to DS": a noun phrase, not a clause ("showed X leading" is)
                target, conf = child, 0.8
            elif dep == "xcomp" and "xcomp" in allowed and child.pos_ in ("VERB", "AUX"):
                target, conf = child, 0.6
            elif dep == "xcomp" and "ccomp" in allowed and child.i > tok.i and child.tag_ == "VBG" and any(
                    t.dep_ == "ccomp" and t.head.i == child.i and (t.tag_ in _FINITE or any(
                        a.dep_ == "aux" and a.tag_ == "MD" for a in t.children)) for t in child.subtree):
                # 'say taxing consumption encourages savings': the parse took the gerund subject for
                # the verb's complement and hung the finite clause on it
                target, conf = child, 0.7
            elif dep == "dobj" and "ccomp" in allowed and child.i > tok.i and child.left_edge.dep_ == "mark" \
                    and child.left_edge.lower_ == "that" and child.left_edge.i == tok.i + 1 \
                    and any(t.dep_ in _SUBJ for t in child.subtree):
                # "agreed that the Treasury has limited power": the parse broke the that-clause and made
                # a noun in it the verb's object
                target, conf = child, 0.6
            elif dep == "dobj" and "dobj" in complements:
                sub = list(child.subtree)
                if len(sub) >= 4 and any(t.pos_ == "VERB" for t in sub) and not _not_yet(tok):
                    target, conf = child, 0.6
            elif dep == "dobj" and "dobj:any" in complements and child.pos_ in ("NOUN", "PROPN") \
                    and not clausal and not child.ent_type_ and child.lemma_.lower() not in lex.unnamed \
                    and not _not_yet(tok) \
                    and child.lemma_.lower() not in lex.person_roles:
                # what was proposed or demanded ("proposed a safe zone for the refugees"); with a clause
                # beside it the object is the one addressed ("urged the banks to lend")
                if len(_words(pd.text[child.left_edge.idx:child.right_edge.idx + len(child.right_edge)])) >= 3:
                    target, conf = child, 0.6
            elif dep == "advcl" and "prep:for" in complements and any(
                    c.dep_ == "mark" and c.lower_ == "for" and c.i == child.left_edge.i for c in child.children):
                # "called for the US to step up its efforts": a for-to clause the parse made adverbial
                target, conf = child, 0.6
            elif dep == "advcl" and child.i > tok.i and any(
                    m.dep_ == "mark" and f"advcl:{m.lower_}" in complements for m in child.children) and not any(
                    c.dep_ in ("ccomp", "xcomp") or c.dep_ == "prep" and (
                        f"prep:{c.lower_}" in complements or c.lower_ == "for") for c in tok.children):
                # "asked the minister if she would commit": a question the parse made adverbial (not the
                # condition of another request: "will ask for more money if the plan fails")
                target, conf = child, 0.6
            elif dep == "prep" and f"prep:{child.lower_}" in complements:
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    target, conf = objs[0], 0.6
            if target is None or (target.i < tok.i and _relative_clause(target)):
                continue
            if target.i < tok.i and any(t.text in (":", ";") or (t.head.i == tok.i and (t.dep_ == "cc" or t.lower_ == "so"))
                                        for t in pd.doc[target.right_edge.i + 1:tok.i]):
                continue  # "X is no programmer, so he asked ...": a clause joined on, not what was asked
            if target.i < tok.i and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
                continue  # "X comes the day after Sir Ian Blair said he was ...": what he said follows him
            rest = _split_clause_rest(target, tok, lex) if dep == "ccomp" else _hung_list(tok, target.right_edge.i) if dep == "prep" else None
            lost = _lost_subject(target, tok, lex) if dep == "ccomp" else None
            parts = [p for p in (lost, target, rest) if p is not None]
            lead = _clause_joined_before(target, tok, lex) if dep == "ccomp" else []
            span = _within_line(pd, _content_span(pd, target) if len(parts) == 1 and not lead else
                                _token_span(pd, sorted([*lead, *(t for p in parts for t in p.subtree)], key=lambda t: t.i),
                                            target), tok)
            if not span or _inside(direct_spans, *span):
                continue
            if span[0] <= tok.idx < span[1] and not _set_off(tok, lex):
                continue
            words = _words(pd.text[span[0]:span[1]])
            if len(words) >= 3 and _title_like(words) and not (tok.text[:1].isupper() and not tok.is_sent_start):
                continue  # a quoted title, unless the whole line is in title case ("Smith Says Taxes Will Rise")
            if dep == "ccomp" and not any(t.pos_ in ("VERB", "AUX") for t in target.subtree):
                continue
            subject = _subject(tok, lex)
            if subject is None:
                subject = _person_set_off(tok)
            if subject is None or subject.lower_ in lex.no_speaker or (
                    subject.lower_ == "one" and not any(True for _ in subject.children) and (
                        subject.pos_ == "PRON" or tok.tag_ == "VBZ" or any(c.tag_ == "MD" for c in tok.children))):
                # "One wonders whether ...", "one might argue": the writer's musing ("One told BBC News" is someone)
                continue
            if subject.lower_ == "it" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
                continue  # "it was disgusting to propose a system ...": nobody in particular proposes it
            if not _speaks(tok, subject, lex):
                continue
            if target.i < tok.i and any(c.dep_ == "mark" and c.lower_ in lex.adverbial_marks for c in target.children):
                continue
            if target.i < tok.i and target.left_edge.tag_ == "VBG" and target.tag_ not in _FINITE and not any(
                    c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in target.children) and not any(
                    t.dep_ in _SUBJ for t in target.subtree if t.i < target.i):
                continue  # "Aiming to stir growth, the minister said ...": what he did it for, not what he said
            if span[0] <= subject.idx < span[1] <= tok.idx:
                # the parse hung the source on the content ("..., her lawyer, Perry Wander, said"): cut it off
                phrase = subject
                while phrase.dep_ in ("appos", "compound", "flat") and phrase.head.i != phrase.i:
                    phrase = phrase.head
                span = _trim(pd.text, span[0], phrase.left_edge.idx, lex, keep_final=False)
                if len(_words(pd.text[span[0]:span[1]])) < 2:
                    continue
            out.append(_indirect(span, tok, subject, conf))
            break
        if len(out) == found and "ccomp" in allowed and not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
            cand = _stray_that_clause(pd, tok, direct_spans)
            if cand is not None:
                out.append(cand)
                continue
        if len(out) == found and "ccomp" in complements and not any(c.dep_ == "ccomp" for c in tok.children):
            trailing = _trailing(pd, tok, direct_spans)
            if trailing is not None:
                out.append(trailing)
    return out


# -- speakers ----------------------------------------------------------------------------------------

@dataclass
class _Speaker:
    name: str | None
    id: str | None
    text: str | None
    start: int | None
    end: int | None
    sort: str  # person | group | thing | unnamed | unknown
    gender: str | None = None
    head: str | None = None
    plural: bool = False
    personal: bool = False  # a person's name the entity layer and spaCy both missed
    human: bool = False  # an unnamed source said to be a person ("one dealer, who asked not to be named")


class _Resolver:
    """Turns speaker tokens into names: entities first, then spaCy's names, then the words as written."""

    def __init__(self, pd: _Doc, entities: list[Entity], paras):
        self.pd = pd
        self.text = pd.text
        self.lex = pd.lex
        self.index = EntityIndex(entities) if entities else None
        self.para_starts = [s for s, _ in paras]
        self.model_ents = None
        self.unnamed: dict[str, _Speaker] = {}
        self.genders: dict[str, str] = {}
        self.history: list[tuple[int, _Speaker]] = []
        self.reporters: list[_Speaker] = []  # organisations that "reported" something, latest last
        self.contents: list[tuple[int, int]] = []
        self.speaker_starts: set[int] = set()
        self.people = [e for e in entities if e.label == "PERSON"]
        self.org_rows = sorted((m.start, e.name, e.id) for e in entities if e.label == "ORG" for m in e.mentions)
        self.described_pool = [e for e in entities if (e.label == "PERSON" and e.role) or e.label == "ORG"]
        self.role_subjects: list | None = None  # "the chancellor" as a main-clause subject, found once
        self.role_starts: list[int] = []
        self._persons(entities)

    # persons: (start, end, name, id, is_subject)
    def _persons(self, entities):
        doc = self.pd.doc
        rows = []
        if self.index is not None and any(e.label == "PERSON" for e in entities):
            for e in entities:
                if e.label != "PERSON":
                    continue
                for m in e.mentions:
                    rows.append((m.start, m.end, e.name, e.id))
            self.fallback_names = {}
        else:
            ents = [ent for ent in model_ents(doc) if ent.label_ == "PERSON"]
            names = [self._strip_title(ent.text) for ent in ents]
            longest: dict[str, set[str]] = {}
            for name in names:
                parts = name.split()
                if parts:
                    longest.setdefault(parts[-1].lower(), set()).add(name)
            self.fallback_names = {}
            for key, options in longest.items():
                best = max(options, key=lambda n: (len(n.split()), n))
                if all(set(o.split()) <= set(best.split()) for o in options):
                    self.fallback_names[key] = best
            for ent, name in zip(ents, names):
                rows.append((ent.start_char, ent.end_char, self._canonical_person(name), None))
            covered = {i for ent in ents for i in range(ent.start, ent.end)}
            for tok in tokens(doc):
                if tok.pos_ == "PROPN" and tok.i not in covered and tok.lower_ in self.fallback_names:
                    rows.append((tok.idx, tok.idx + len(tok.text), self.fallback_names[tok.lower_], None))
        rows.sort()
        self.person_rows = rows
        self.person_starts = [r[0] for r in rows]
        for start, end, name, _id in rows:
            tok = self.pd.token_at(start)
            if tok is not None and tok.i > 0:
                title = doc[tok.i - 1].lower_ if tok.lower_ not in self.lex.honorifics else tok.lower_
                gender = self.lex.honorifics.get(title)
                if gender:
                    self.genders.setdefault(name, gender)
        self._bound_pronouns()
        for _start, _end, name, _id in rows:
            parts = name.split()
            gender = self.lex.first_name_genders.get(parts[0].lower()) if len(parts) > 1 else None
            if gender:
                self.genders.setdefault(name, gender)  # the weakest evidence: "Margaret Davidson" is no "he"

    def _bound_pronouns(self) -> None:
        """Gender evidence from the grammar: in "Smith said she would go" the subject pronoun of the
        clause governed by a person's verb is usually that person. Usually is not always ("Smith
        said he was a delight to work with"), so a name needs this twice, and never both ways."""
        seen: dict[str, list[str]] = {}
        for start, end, name, _id in self.person_rows:
            tok = self._subject_token(self.pd.token_at(end - 1))
            if tok is None:
                continue
            for clause in tok.head.children:
                if clause.dep_ not in ("ccomp", "conj", "advcl", "xcomp") or clause.i < tok.i:
                    continue
                for g in clause.children:
                    kind = self.lex.pronouns.get(g.lower_) if g.dep_ in _SUBJ else None
                    if kind in ("male", "female"):
                        seen.setdefault(name, []).append(kind)
        for name, kinds in seen.items():
            if len(kinds) >= 2 and len(set(kinds)) == 1:
                self.genders.setdefault(name, kinds[0])

    @staticmethod
    def _subject_token(tok):
        """The subject token a name belongs to, through compounds and appositions ("His mother
        Katherine Jackson told ..."), or None."""
        for _ in range(4):
            if tok is None:
                return None
            if tok.dep_ in _SUBJ:
                return tok
            if tok.dep_ not in ("compound", "flat", "appos") or tok.head.i == tok.i:
                return None
            tok = tok.head
        return None

    def _strip_title(self, name: str) -> str:
        if name.count("(") > name.count(")"):
            name = name[:name.rindex("(")].rstrip()
        parts = name.split()
        while len(parts) > 1 and parts[0].lower() in self.lex.honorifics:
            parts = parts[1:]
        name = " ".join(parts)
        for suffix in ("'s", "’s"):
            if name.endswith(suffix):
                name = name[: -len(suffix)]
        return name

    def _canonical_person(self, name: str) -> str:
        parts = name.split()
        if not parts:
            return name
        full = self.fallback_names.get(parts[-1].lower())
        if full and set(parts) <= set(full.split()):
            return full
        return name

    def _para_of(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1

    def _linked(self, start: int, end: int):
        if self.index is None:
            return None
        entity = self.index.at(start, end)
        if entity is None:
            return None
        return entity

    # -- noun phrases
    def _np(self, head) -> tuple[int, int]:
        left = head
        for child in head.lefts:
            if child.dep_ in _NP_LEFT or child.dep_ == "amod":
                left = child.left_edge if child.left_edge.i < left.i else left
                break
        right = head
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in _SPEAKER_PREPS:
                sub = list(child.subtree)
                relative = next((t for t in sub if t.i > child.i and (t.dep_ == "acl" and t.tag_ == "VBN" or t.dep_ == "relcl" and (
                    t.head.pos_ == "PROPN" or t.head.text[:1].isupper() or t.doc[t.left_edge.i - 1].text == ","))), None)
                if relative is not None:
                    # "data from Rightmove which suggested ...": who, not what they said
                    sub = [t for t in sub if t.i < relative.left_edge.i]
                inside = {t.i for t in sub}
                # a comma inside a list of names is no cut ("for Culture, Media and Sport")
                cut = next((k for k, t in enumerate(sub) if t.text in ",;()" and not (
                    t.text == "," and k + 1 < len(sub) and sub[k + 1].dep_ == "conj" and sub[k + 1].pos_ == "PROPN"
                    and sub[k + 1].head.i in inside and sub[k + 1].head.i < t.i
                    and any(c.dep_ == "cc" for c in sub[k + 1].children))), None)
                if cut is not None:
                    if cut >= 2:
                        right = sub[cut - 1]  # "a spokesman for Unison, the public service union, said"
                    break
                right = sub[-1]
            elif child.dep_ in ("compound", "flat"):
                right = child
            elif child.dep_ == "acl" and child.tag_ == "VBN" and head.lemma_.lower() in self.lex.documents:
                # "figures released by CES organisers": whose figures they are (not when or where)
                agent = next((c for c in child.children if c.dep_ == "agent"), None)
                sub = list(agent.subtree) if agent is not None else []
                cut = next((k for k, t in enumerate(sub) if t.text in ",;()"), len(sub))
                if cut > 1 and not any(t.text in ",;()" for t in self.pd.doc[child.i:agent.i]):
                    right = sub[cut - 1]
                break
            else:
                break
        doc = self.pd.doc
        if head.pos_ == "NOUN" and right.i > head.i and right.i + 2 < len(doc) and doc[right.i + 1].text == ",":
            # "a spokesman for the Department for Culture, Media and Sport": the parse joined the rest
            # of the name to the spokesman; a proper noun is no second spokesman
            conj = next((c for c in head.children if c.dep_ == "conj" and c.i == right.i + 2 and c.pos_ == "PROPN"), None)
            if conj is not None and any(c.dep_ == "cc" for c in conj.subtree):
                right = conj.right_edge
        while left.i < head.i and (left.is_punct or left.dep_ == "cc"):
            left = doc[left.i + 1]
        right = _hyphen_end(right)  # "its co-chairman": the parse split the word at its hyphen
        start = left.idx
        newline = self.text.rfind("\n", start, head.idx)
        if newline >= 0:
            start = newline + 1  # a headline the parse ran into the sentence is not part of the source
        return start, right.idx + len(right.text)

    def _np_full(self, head) -> tuple[int, int]:
        toks = [t for t in head.subtree if not t.is_punct or head.left_edge.i < t.i < head.right_edge.i]
        return toks[0].idx, toks[-1].idx + len(toks[-1].text)

    def _named_span(self, head):
        """The name a token belongs to: its entity mention, else its proper-noun chain."""
        if head.ent_type_ in _NAME_LABELS:
            if self.model_ents is None:
                self.model_ents = model_ents(head.doc)
            for ent in self.model_ents:
                if ent.start <= head.i < ent.end:
                    first = ent[0]
                    while first.i > 0 and head.doc[first.i - 1].pos_ == "PROPN" and head.doc[first.i - 1].dep_ == "amod" \
                            and ent.start <= head.doc[first.i - 1].head.i < ent.end \
                            and head.doc[first.i - 1].text[:1].isupper():
                        first = head.doc[first.i - 1]  # "The Liberal Democrats": a capitalised word the model left out
                    # never across a line break: a headline the model ran into the first sentence
                    start = max(first.idx, self.text.rfind("\n", first.idx, head.idx) + 1)
                    end = self.text.find("\n", head.idx, ent.end_char)
                    # "to the Foreign Policy Centre Mr Straw said": the model ran a name after a title
                    # into the one before; the speaker's name starts at the title
                    title = next((t for t in head.doc[ent.start + 1:head.i] if t.idx > start
                                  and t.lower_ in self.lex.honorifics and t.nbor(-1).text[:1].isupper()), None)
                    if title is not None:
                        return title.idx, head.idx + len(head.text), "PERSON"
                    return start, ent.end_char if end < 0 else end, ent.label_
        if head.pos_ == "PROPN":
            left = head
            while left.i > 0 and head.doc[left.i - 1].pos_ == "PROPN" and head.doc[left.i - 1].dep_ in ("compound", "flat"):
                left = head.doc[left.i - 1]
            return left.idx, head.idx + len(head.text), None
        return None

    def speaker(self, tok, at: int, content: tuple[int, int] = (0, 0)) -> _Speaker | None:
        """The speaker a token names; ``content`` is the quote's own span, where a pronoun's
        antecedent is not looked for ("Taxes on her plans, he said, ...": he is not her). Two
        subjects joined by "and" ("SBC and AT&T said") speak together: their names joined, no id."""
        document = tok if tok is not None and tok.pos_ != "PROPN" else None
        if document is not None:
            tok = self._author(document)
            if tok is document and document.lemma_.lower() in self.lex.documents \
                    and document.lemma_.lower() not in self.unnamed and any(
                        c.dep_ == "det" and c.lower_ == "the" for c in document.children):
                # "The survey, conducted by Pew, ... The survey found": the author named at its first mention
                tok = next((a for a in (self._author(t) for t in tokens(document.doc)[:document.i]
                                        if t.lemma_ == document.lemma_ and t.pos_ == "NOUN") if a.pos_ == "PROPN"),
                           document)
            if tok is document:
                document = None
        first = self._joined(tok, at, content, document is not None)
        if document is not None and first is not None and first.name is not None:
            # "a report by Forrester Research ... The report predicts": the same source
            self.unnamed.setdefault(document.lemma_.lower(), first)
            if first.head is None:
                first.head = document.lemma_.lower()  # "the Kok report said ... It recommends": it is the report
        return first

    def _joined(self, tok, at: int, content: tuple[int, int], authors: bool) -> _Speaker | None:
        first = self._one_speaker(tok, at, content)
        if first is None or first.name is None or (tok.dep_ not in _SUBJ and not authors) \
                or first.sort == "unknown" and not authors:
            return first
        # "The CML, the BBA and the BSA all said": each conjunct in turn, "and" before the last
        chain, node, joined = [], tok, False
        while len(chain) < 6:
            other = next((c for c in node.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")), None)
            if other is None:
                break
            joined = joined or any(c.dep_ == "cc" and c.lower_ == "and" for c in node.children)
            chain.append(other)
            node = other
        if not chain or not joined or len(chain) > 1 and first.sort not in ("person", "group"):
            return first  # "a spokesman for the Department for Culture, Media and Sport": one source
        parts = [first]
        for other in chain:
            nxt = self._one_speaker(other, at, content)
            if nxt is None or nxt.name is None or nxt.end is None or first.start is None \
                    or any(nxt.name == p.name for p in parts) or nxt.sort == "unknown" and not authors \
                    or nxt.start < parts[-1].end:
                break  # "chairman and chief executive Rick Wagoner": two titles of one person
            parts.append(nxt)
        if len(parts) == 1:
            return first
        names = [p.name for p in parts]
        name = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return _Speaker(name, None, self.text[first.start:parts[-1].end], first.start, parts[-1].end, "group", plural=True)

    def _one_speaker(self, tok, at: int, content: tuple[int, int] = (0, 0)) -> _Speaker | None:
        if tok is None:
            return None
        lex = self.lex
        low = tok.lower_
        if low in ("who", "which", "that") and tok.head.dep_ == "relcl":
            rel = tok
            tok = tok.head.head
            near = next((c for c in tok.subtree if c.dep_ == "conj" and c.i == rel.i - 1), None)
            if low == "who" and near is not None and near.pos_ == "PROPN":
                tok = near  # "backed by Culture, Media and Sport Secretary Jane Cole who said": the name before "who"
            low = tok.lower_
        if low in ("this", "that", "these", "those") and any(True for _ in tok.children):
            start, end = self._np_full(tok)
            written = self.text[start:end]
            return _Speaker(written, None, written, start, end, "group", plural=low in ("these", "those"))
        if tok.pos_ != "PROPN" or not tok.ent_type_ and tok.lower_ in lex.person_roles:
            # also a capitalised title ("The new President, Viktor Yushchenko, has said")
            named_appos = next((c for c in tok.children if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or (
                # "The employers' body, the CBI, said": one organisation, not a list ("Four casinos - A, B and C")
                c.ent_type_ == "ORG" and tok.tag_ == "NN" and not any(g.dep_ == "conj" for g in c.children)) or (
                # "the UK-based journal Screen Digest": the name right after the description
                c.pos_ == "PROPN" and c.ent_type_ not in _NOT_NAMES and c.left_edge.i == tok.i + 1))), None)
            if named_appos is None and tok.lemma_.lower() in lex.relational_roles | lex.human_sources:
                # "Mr Begg's father, Azmat, said": a name set off by commas the model left untagged
                named_appos = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                                    and c.ent_type_ != "ORG" and c.i > 0 and tok.doc[c.left_edge.i - 1].text == ","
                                    and c.i + 1 < len(tok.doc) and tok.doc[c.i + 1].text == ","), None)
            if named_appos is None and tok.lemma_.lower() in lex.human_sources:
                # "a spokesman for DLF Builders, Dr Vancheshwar, told": the name after the firm is the spokesman's
                objs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of") for g in c.children
                        if g.dep_ == "pobj"]
                named_appos = next((a for g in objs for a in g.children if a.dep_ == "appos" and a.pos_ == "PROPN" and (
                    a.ent_type_ == "PERSON" or any(h.lower_ in lex.honorifics for h in a.lefts))), None)
            if named_appos is None and tok.lemma_.lower() in lex.person_roles \
                    and tok.lemma_.lower() not in lex.relational_roles:
                # "Shadow leader of the Commons Oliver Heald said": the parse hung the name on "of"
                named_appos = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                                    for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"
                                    and g.ent_type_ == "PERSON" and g.i > 0 and tok.doc[g.i - 1].ent_type_ == "PERSON"
                                    and tok.doc[g.i - 1].ent_iob_ == "B" and tok.doc[g.i - 2].ent_type_ != "PERSON"), None)
            if named_appos is not None:
                tok, low = named_appos, named_appos.lower_
        if low in lex.joint_nouns and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "the":
            joint = self._joint_subject_before(tok.idx, content)
            if joint is not None:
                # "Tom Reed and Jim Hale met ... the pair said": the people named together
                start, end = tok.idx - len("the "), tok.idx + len(tok.text)
                return _Speaker(joint[1].name, joint[1].id, self.text[start:end], start, end, joint[1].sort,
                                plural=True)
        tail = tok.right_edge
        if tok.pos_ == "PROPN" and tail.pos_ == "NOUN" and tail.lemma_.lower() in lex.human_sources \
                and tail.dep_ == "pobj" and tail.head.head.i == tok.i and tail.i + 1 < len(tok.doc) \
                and tok.doc[tail.i + 1].i == tok.head.i:
            # "A Department for Work and Pensions spokeswoman said": the parse made the body the head
            start, end = tok.left_edge.idx, tail.idx + len(tail.text)
            written = self.text[start:end]
            return _Speaker(written, None, written, start, end, "unnamed", _gender_of_noun(tail.lower_),
                            head=tail.lemma_.lower(), human=True)
        quantified = self._quantified(tok)
        if quantified is not None:
            return quantified
        if tok.is_stop and tok.pos_ in ("NUM", "PRON", "ADJ", "DET") and low not in lex.no_speaker and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")
                                                              for g in c.children) for c in tok.children):
            # "one of the world's leading rating agencies says": a source described by its kind
            start, end = self._np(tok)
            written = self.text[start:end]
            return _Speaker(written, None, written, start, end, "group", plural=low != "one")
        if tok.pos_ == "PRON" or low in lex.pronouns:
            return self._pronoun(tok, content)
        if _modal_name(tok):
            pass  # a name that is also a modal verb ('"...," Will wrote'): no modal comes before a past tense
        elif (tok.is_stop and not (tok.pos_ == "PROPN" and tok.text[:1].isupper())) \
                or tok.pos_ not in ("NOUN", "PROPN", "NUM", "X", "ADJ"):
            return None
        if tok.ent_type_ in ("GPE", "LOC", "NORP") and any(c.dep_ == "compound" and c.ent_type_ == "ORG" for c in tok.lefts):
            # "Amnesty International UK also questioned ...": the country ends the organisation's name
            start, end = tok.left_edge.idx, tok.idx + len(tok.text)
            first = self.pd.token_at(start)
            if first is not None and first.ent_type_ == "ORG":
                written = self.text[start:end]
                return _Speaker(written, None, written, start, end, "group")
        if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "the" and tok.doc[tok.i - 1].dep_ == "det" and is_demonym(tok.text):
            # "said the Scot": a description by nationality, never a name (the model may tag it a person)
            start, end = tok.doc[tok.i - 1].idx, tok.idx + len(tok.text)
            written = self.text[start:end]
            person = self._only_person_near(tok, start, tok.lower_)
            if person is not None:
                return _Speaker(person[0], person[1], written, start, end, "person", self.genders.get(person[0]))
            return _Speaker(written, None, written, start, end, "unnamed", head=tok.lower_)
        # the model may tag a lone capitalised role an organisation ("The MEP said")
        lone = not tok.ent_type_ or (tok.ent_type_ == "ORG" and tok.ent_iob_ == "B" and (
            tok.i + 1 == len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I"))
        role_word = lone and tok.lower_ in lex.person_roles and tok.i > 0 \
            and tok.doc[tok.i - 1].lower_ == "the" and tok.doc[tok.i - 1].dep_ == "det"
        # "The MP told ...": a capitalised role is a description, not a name
        named = self._named_span(tok) if (tok.text[:1].isupper() or not tok.is_alpha) and not role_word else None
        if named is not None:
            start, end, label = named
            start, end = self._drop_titles(start, end)
            written = self.text[start:end]
            entity = self._linked(start, end)
            if entity is not None and not any(m.start <= tok.idx < m.end for m in entity.mentions):
                entity = None  # "according to Hollywood Reporter": not the place named in it
            if entity is None and label not in (None, "ORG", "PERSON") and tok.dep_ in _SUBJ \
                    and written.istitle() and written.isalpha():
                # '"...," said Castaignede' tagged a nationality: the one person of that surname
                entity = self._person_named(written)
            if entity is not None:
                sort = "person" if entity.label == "PERSON" else "group"
                return _Speaker(entity.name, entity.id, written, start, end, sort,
                                self.genders.get(entity.name))
            person_like = self.index is None and written.lower() in self.fallback_names
            if label == "PERSON" or person_like or (label is None and tok.ent_type_ == ""):
                name = self._canonical_person(self._strip_title(written))
                sort = "person" if label == "PERSON" or person_like else "unknown"
                personal = sort == "unknown" and self._personal_name(tok, start, written)
                person = self._person_named(name) if personal else None
                if person is not None:
                    if name in self.genders:
                        self.genders.setdefault(person.name, self.genders[name])
                    return _Speaker(person.name, person.id, written, start, end, "person", self.genders.get(person.name))
                if any(c.dep_ == "compound" and c.lower_ in lex.honorifics for c in tok.lefts):
                    sort = "person"  # "Mr Hale" is a person whether or not the model tagged him
                return _Speaker(name, None, written, start, end, sort, self.genders.get(name), personal=personal)
            name = self._strip_title(written)
            if name[:4].lower() == "the " and name[4:5].isupper():
                name = name[4:]  # "the Institute for Fiscal Studies": as the entities layer names it
            return _Speaker(name, None, written, start, end, "group")
        start, end = self._np(tok)
        written = self.text[start:end]
        entity = self._linked(tok.idx, tok.idx + len(tok.text))
        lead = self._leading_person(start, tok) if entity is None and tok.pos_ == "NOUN" else None
        if lead is not None:
            # '"...," Dr Alan Pike games director at Zenix told': the name before the untagged title
            return _Speaker(lead[0], lead[1], written, start, end, "person", self.genders.get(lead[0]))
        if entity is None and written == tok.text and tok.is_title and tok.is_alpha:
            entity = self._person_named(tok.text)  # "Pires told ..." (tagged a noun): the one Robert Pires
        if entity is not None and entity.label == "PERSON":
            return _Speaker(entity.name, entity.id, written, start, end, "person", self.genders.get(entity.name))
        head = tok.lemma_.lower()
        first = self.pd.token_at(start)
        definite = first is not None and first.lower_ in ("the", "this", "that", "these", "those")
        earlier = self.unnamed.get(head)
        seen = set(_words((earlier.text or "").lower())) if earlier is not None else set()
        # "the environment select committee": words of its own make a new description, not the earlier one
        specific = definite and any(c.dep_ in ("amod", "compound") and c.lower_ not in seen for c in tok.lefts)
        if definite and earlier is not None and not specific and not (earlier.plural and tok.tag_ == "NN"):
            return _Speaker(earlier.name, earlier.id, written, start, end, earlier.sort, head=head, plural=earlier.plural)
        # a bare "the <noun>" ("the mayor", "the company"), not "the head of ..." nor "the man who ..."
        aged = tok.lower_ == "old" and bool(_AGE.search(written))  # "the 25-year-old": the parse's head is "old"
        plain = definite and first.lower_ == "the" and (tok.tag_ == "NN" or role_word or aged) \
            and not any(c.dep_ in ("prep", "appos") or c.dep_ in ("relcl", "acl") and tok.doc[c.left_edge.i - 1].text != ","
                        for c in tok.children)  # "the MP, who is consulting his lawyers,": still the MP
        if plain and head in lex.press_nouns and self.reporters:
            paper = self.reporters[-1]
            return _Speaker(paper.name, paper.id, written, start, end, "group", head=head)
        described = self._described(tok, head, start) if plain else None
        if described is not None:
            # "the mayor" after "London Mayor Ken Livingstone"; "the ministry" after "the Finance Ministry"
            sort = "person" if described.label == "PERSON" else "group"
            return _Speaker(described.name, described.id, written, start, end, sort, self.genders.get(described.name))
        if plain and self._epithet(tok, head):
            person = self._only_person_near(tok, start, head)
            if person is not None:
                # "Gordon Brown ... The chancellor said": the one person the story has named so far
                return _Speaker(person[0], person[1], written, start, end, "person", self.genders.get(person[0]))
        if plain and head in lex.organisation_heads:
            near = self._organisation_subject_before(start, (start, end), same_sentence=True)
            if near is not None:
                # "Shares in Cairn Energy jumped after the firm said ...": the organisation of this sentence
                return _Speaker(near[1].name, near[1].id, written, start, end, "group", head=head)
            org = self._salient_org(start)
            if org is not None:
                # "The company said ...": the organisation the story is about so far
                return _Speaker(org[0], org[1], written, start, end, "group", head=head)
        plural = tok.tag_ in ("NNS", "NNPS")
        spk = _Speaker(written, entity.id if entity else None, written, start, end,
                       "group" if plural else "unnamed", head=head, plural=plural,
                       human=any(c.dep_ == "relcl" and any(w.lower_ == "who" and w.dep_ in _SUBJ for w in c.children)
                                 for c in tok.children))
        if entity is not None:
            spk.name = entity.name
        if (not definite and head not in self.unnamed) or specific:
            self.unnamed[head] = spk  # later "the committee" is this one
        return spk

    def _leading_person(self, start: int, head) -> tuple[str, str | None] | None:
        """A person the entities layer found opening the phrase of ``head`` (after titles), with
        lower-case words of a role after the name: that person is the phrase's speaker."""
        doc = self.pd.doc
        first = self.pd.token_at(start)
        if first is None or first.i >= head.i:
            return None
        k = first.i
        while k < head.i and (doc[k].ent_type_ != "PERSON" or doc[k].lower_.rstrip(".") in self.lex.honorifics):
            if not doc[k].text[:1].isupper():
                return None
            k += 1
        j = k
        while j < head.i and doc[j].ent_type_ == "PERSON" and doc[j].text[:1].isupper():
            j += 1
        if j == k or j >= head.i or not (doc[j].text.islower() and doc[j].is_alpha) or doc[j - 1].tag_ == "POS":
            return None  # "Mr Blair's official spokesman" is the spokesman
        lo, hi = doc[k].idx, doc[j - 1].idx + len(doc[j - 1].text)
        entity = self._linked(lo, hi)
        if entity is not None:
            return (entity.name, entity.id) if entity.label == "PERSON" else None
        return (self._canonical_person(self._strip_title(self.text[lo:hi])), None) if self.index is None else None

    def _author(self, tok):
        """"A survey of ... by RSA Security", "research from analysts Gartner": a document with a
        named author is the author's word; ``tok`` itself otherwise."""
        if tok.lemma_.lower() not in self.lex.documents:
            return tok
        holder = tok.head if tok.dep_ == "pobj" and tok.head.head.lower_ == "according" else None
        # "according to a report earlier this week from the BRC": the parse hangs "from" on "according"
        preps = [c for c in tok.children if c.dep_ == "prep"]
        # "a survey of shoppers in Leeds, York and Hull by Mintel": "by" hung on a noun inside
        preps += [t for t in tok.subtree if t.dep_ == "prep" and t.lower_ == "by" and t.head.i != tok.i
                  and t.head.pos_ in ("NOUN", "PROPN") and _noun_path(t.head, tok)]
        if holder is not None:
            preps += [c for c in holder.head.children if c.dep_ == "prep" and c.i > tok.i]
        # "The report, published by the IMF, says": the agent of the participle that describes it
        preps += [g for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" for g in c.children if g.dep_ == "agent"]
        for prep in preps:
            if prep.lower_ not in ("by", "from"):
                continue
            author = next((g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN"
                           and g.ent_type_ in ("ORG", "PERSON", "")), None)
            if author is None:
                # "by analysts Screen Digest": the name set beside the kind of author
                author = next((a for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"
                               for a in g.children if a.dep_ == "appos" and a.pos_ == "PROPN"
                               and a.ent_type_ in ("ORG", "PERSON") and a.left_edge.i == g.i + 1), None)
            if author is not None:
                return author
        # "a Capital Economics statement", "the Halifax survey", "Mr Tanzi's statement": the owner named in it
        # (a person's emails or photos are evidence about them, not their word)
        owner = next((c for c in tok.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"
                      and (c.ent_type_ == "ORG" or c.ent_type_ == "PERSON" and tok.lemma_.lower() in self.lex.authored)
                      and self._linked(c.idx, c.idx + len(c.text)) is not None), None)
        return owner if owner is not None else tok

    def _described(self, tok, head: str, at: int) -> Entity | None:
        """The one entity named before ``at`` that a definite description fits: a person whose role
        ends in the head noun ("the mayor": role "Mayor"), or an organisation whose name holds it
        ("the ministry": "Finance Ministry"). Two candidates are no answer. Modifiers in the
        description must fit too ("the British actor": role or affiliation "British")."""
        words = {t.lower_ for t in tok.lefts if t.pos_ in ("ADJ", "PROPN", "NOUN") and t.dep_ in ("amod", "compound")}
        found = []
        for e in self.described_pool:
            if e.start >= at:
                continue
            if e.label == "PERSON":
                role = (e.role or "").lower().split()
                if not role or role[-1] != head or (set(role[:-1]) - words) & self.lex.role_limits:
                    continue  # "the chancellor" is not the shadow chancellor
                context = set(role) | set((e.affiliation or "").lower().split())
            elif e.label == "ORG":
                name = e.name.lower().split()
                if head not in name or len(name) < 2 or head in ("group", "company", "firm"):
                    continue
                context = set(name)
            else:
                continue
            if words and not words <= context and not any(w.startswith(tuple(c[:4] for c in context if len(c) > 3))
                                                            for w in words):
                continue
            found.append(e)
        return found[0] if len(found) == 1 else None

    def _epithet(self, tok, head: str) -> bool:
        """A description that stands for a named person ("the chancellor", "the 21-year-old", "the
        Spaniard"), not one that names someone else by relation to them ("the spokesman")."""
        if head in self.lex.relational_roles:
            return False
        return head in self.lex.person_roles or tok.ent_type_ == "NORP" or bool(_AGE.fullmatch(head)) \
            or bool(_AGE.search(self.text, tok.left_edge.idx, tok.idx + len(tok.text)))  # "the 41-year-old chart-topper"

    def _only_person_near(self, tok, at: int, head: str) -> tuple[str, str | None] | None:
        """The one person named, outside quoted words, in the paragraph of ``at`` and the one before,
        when that person was the subject of a clause there, is not an argument of the description's
        own verb ("X was called a pirate by the judge") and no entity holds a different role ending
        in ``head``. Two people, or none, is no answer: a wrong name is worse than "the chancellor"."""
        para = self._para_of(at)
        window_start = self.para_starts[max(0, para - 1)]
        lo, hi = bisect_left(self.person_starts, window_start), bisect_left(self.person_starts, at)
        rows = [r for r in self.person_rows[lo:hi] if not self._quoted_about(r[0])]
        if not rows or len({(r[3] or r[2]) for r in rows}) != 1:
            return None
        name, ent_id = rows[0][2], rows[0][3]
        subjects = [self._subject_token(self.pd.token_at(r[1] - 1)) for r in rows]
        if not any(subjects):
            return None
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ in ("agent", "prep") else tok.head
        if any(s is not None and s.head.i == verb.i for s in subjects):
            return None
        limits = self.lex.role_limits
        for e in self.described_pool:
            role = (e.role or "").lower().split()
            if e.label != "PERSON" or not role:
                continue
            fits = role[-1] == head and not set(role) & limits
            if fits and e.id != ent_id:
                return None  # the role is someone else's
            if not fits and e.id == ent_id and head in self.lex.person_roles and head not in self.lex.descriptive_nouns:
                return None  # this person holds another office ("the pop star" may still be "Singer X")
        return name, ent_id

    def _salient_org(self, at: int) -> tuple[str, str] | None:
        """The organisation named most often before ``at``, when one is named more often than any
        other (a tie is no answer: a wrong source is worse than "the company")."""
        counts: dict[str, list] = {}
        for start, name, ent_id in self.org_rows[:bisect_left(self.org_rows, (at,))]:
            counts.setdefault(ent_id, [0, name])[0] += 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1][0])
        if not ranked or (len(ranked) > 1 and ranked[1][1][0] == ranked[0][1][0]):
            return None
        ent_id, (_, name) = ranked[0]
        return name, ent_id

    def _quantified(self, tok) -> _Speaker | None:
        """A part of a group ("Half of them", "Only 42% of them"): the pronoun is replaced by the
        plural subject it stands for in the last sentences ("Half of companies"); left as written
        when none is found."""
        pron = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj" and g.lower_ in _GROUP_PRONOUNS), None)
        if pron is None:
            return None
        start, end = self._np_full(tok)
        written = self.text[start:end]
        name = written
        # "those questioned" says who they are: kept as written
        ante = None if any(True for _ in pron.children) else self._plural_subject_before(tok)
        if ante is not None:
            a_start, a_end = self._np(ante)
            first = self.pd.token_at(a_start)
            while first is not None and first.i < ante.i and (first.dep_ in ("det", "predet") or first.is_stop):
                first = self.pd.doc[first.i + 1]
            phrase = self.text[first.idx:a_end] if first is not None else self.text[a_start:a_end]
            if first is not None and first.pos_ != "PROPN":
                phrase = phrase[:1].lower() + phrase[1:]
            name = self.text[start:pron.idx] + phrase + self.text[pron.idx + len(pron.text):end]
        return _Speaker(name, None, written, start, end, "group", head=tok.lemma_.lower(), plural=True)

    def _plural_subject_before(self, tok):
        """The nearest plural common-noun subject in this sentence or the two before it."""
        doc = self.pd.doc
        sent = tok.sent
        for _ in range(3):
            found = [t for t in sent if t.i < tok.i and t.dep_ in _SUBJ and t.tag_ in ("NNS", "NNPS")
                     and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)]
            if found:
                main = [t for t in found if t.head.i == sent.root.i]
                return main[0] if main else found[-1]
            if sent.start == 0:
                break
            sent = doc[sent.start - 1].sent
        return None

    def _personal_name(self, tok, start: int, written: str) -> bool:
        """Does an unlabelled proper-noun speaker read as a person's name? A title before it
        ("Mr Parton", which also gives the gender), or a first name and surname shape with no
        word that names an institution and with a known first name or a person's role beside it
        ("Theresa May, shadow secretary, said"; not "Downing Street" or "Age Concern")."""
        before = _WORD.findall(self.text[max(0, start - 12):start])
        title = before[-1].lower() if before and self.text[start - 1:start].isspace() else None
        if title in self.lex.honorifics:
            gender = self.lex.honorifics[title]
            if gender:
                self.genders.setdefault(self._canonical_person(self._strip_title(written)), gender)
            return True
        words = written.split()
        if not (1 <= len(words) <= 4 and all(
                w[:1].isupper() and not w.isupper() and w.lower() not in self.lex.group_name_words
                and _WORD.fullmatch(w) is not None for w in words)):
            return False
        if len(words) > 1 and words[0].lower() in self.lex.first_names:
            return True
        roles = self.lex.person_roles
        for child in tok.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.lemma_.lower() in roles:
                return True  # "Theresa May, shadow secretary for the family,"
            if child.dep_ in ("compound", "amod") and child.pos_ == "NOUN" and child.i < tok.i \
                    and child.lemma_.lower() in roles:
                return True  # "Former captain Moss"
        return False

    def _person_named(self, name: str) -> Entity | None:
        """The one person entity whose name ends with ``name`` ("Mr De Vido" is Julio De Vido)."""
        key = " " + norm(name)
        found = [e for e in self.people if (" " + norm(e.name)).endswith(key)
                 or any((" " + norm(a)).endswith(key) for a in e.aliases)]
        return found[0] if len({e.id for e in found}) == 1 else None

    def _drop_titles(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while True:
            m = re.match(r"([A-Za-z]+\.?)\s+", text[start:end])
            if m and m.group(1).lower() in self.lex.honorifics and end - start > m.end():
                start += m.end()
                continue
            return start, end

    def _pronoun(self, tok, content: tuple[int, int]) -> _Speaker | None:
        kind = self.lex.pronouns.get(tok.lower_)
        start, end = tok.idx, tok.idx + len(tok.text)
        found: _Speaker | None = None
        if kind in ("male", "female"):
            found = self._person_before(start, kind, content)
        elif kind in ("plural", "thing"):
            found = self._group_before(start, kind, content)
        if found is None:
            return _Speaker(None, None, tok.text, start, end, "unknown")
        if kind in ("male", "female") and found.name:
            self.genders.setdefault(found.name, kind)
        return _Speaker(found.name, found.id, tok.text, start, end, found.sort, found.gender, found.head,
                        found.plural, found.personal)

    def _compatible(self, name: str | None, gender: str) -> bool:
        known = self.genders.get(name) if name else None
        return known is None or known == gender

    def _person_before(self, at: int, gender: str, content: tuple[int, int] = (0, 0)) -> _Speaker | None:
        para = self._para_of(at)
        window_start = self.para_starts[max(0, para - 1)]
        best_subject = best_any = introduced = None
        k = bisect_left(self.person_starts, at) - 1
        floor = max(-1, k - _MAX_LOOKBACK)
        while k > floor:
            start, end, name, ent_id = self.person_rows[k]
            k -= 1
            if end > at or not self._compatible(name, gender) or content[0] <= start < content[1]:
                continue
            last = self.pd.token_at(end - 1)
            if last is not None and last.dep_ in ("compound", "amod") and last.head.pos_ == "NOUN" \
                    and last.head.i > last.i:
                continue  # "the Oscar voting panel": a name used as a modifier refers to nobody
            owned = self._owned_person(last, gender)
            if owned is not None:
                # "Tony Blair's official spokesman declined ... He said": the spokesman, not Blair
                subject, cand = True, (start, owned)
            else:
                # a subject's possessor counts ("Savage's future has been in doubt ... he said"), and
                # so does a name the copula equates with the subject ("Its director is Matthew Warchus")
                subj_tok = self._subject_token(last)
                subject = (subj_tok is not None or last.dep_ == "poss" and last.head.dep_ in _SUBJ
                           or last.dep_ == "attr" and last.head.lemma_ == "be") and not self._quoted_about(start)
                if subj_tok is not None and subj_tok.head.dep_ in ("relcl", "acl"):
                    subject = False  # "the war, for which Tony Blair apologised": said of someone else
                elif subj_tok is not None and any(c.dep_ == "conj" for t in {subj_tok, last} for c in t.children):
                    subject = False  # "his players, particularly Wayne Rooney and ..., are": not one "he"
                elif subj_tok is not None and subj_tok.head.dep_ == "ccomp" and any(
                        c.dep_ in _SUBJ and c.ent_type_ == "PERSON" for c in subj_tok.head.head.children):
                    subject = False  # "Mr Adams did not believe Endemol had tried ...": Adams is the subject
                cand = (start, _Speaker(name, ent_id, None, None, None, "person", self.genders.get(name)))
            if start >= window_start:
                if subject and best_subject is None:
                    best_subject = cand
                if best_any is None:
                    best_any = cand
                    if not subject and owned is None and self._introduced(last, at):
                        introduced = cand
            elif subject and best_subject is None:
                best_subject = cand
                break
        for pos, spk in reversed(self.history):
            if pos >= at:
                continue
            if pos < window_start:
                break
            if spk.sort == "unnamed" and spk.name and not spk.plural and (
                    spk.human or spk.head in self.lex.human_sources) \
                    and _gender_of_noun(spk.head) in (None, gender):
                # "the minister's chief aide said ... '...,' he said": the aide, not the minister
                if best_subject is None or pos > best_subject[0]:
                    best_subject = (pos, spk)
                break
            if spk.sort != "person" and not spk.personal:
                continue
            if spk.name and self._compatible(spk.name, gender):
                if best_subject is None or pos > best_subject[0]:
                    best_subject = (pos, spk)
            break
        if introduced is not None and (best_subject is None or introduced[0] > best_subject[0]):
            # "One dissenting view came from Brian Gammage, head of research at Gartner. He said:": the
            # person the sentence before brought in, with who they are, speaks next
            return introduced[1]
        role = self._role_subject_before(at, window_start, gender)
        if role is not None and (best_subject is None or role[0] > best_subject[0]):
            # "The chancellor is on a tour of Africa. But before that, he insisted ...": the role
            # is the nearer subject
            return role[1]
        if best_subject is not None and best_subject[0] >= window_start:
            return best_subject[1]
        if best_any is not None:
            return best_any[1]
        return best_subject[1] if best_subject is not None else None

    def _introduced(self, last, at: int) -> bool:
        """Is the name ending at token ``last`` brought in with who they are ("Brian Gammage, head of
        research at Gartner") in the sentence right before the one at ``at``?"""
        here = self.pd.token_at(at)
        if last is None or here is None or here.sent.start == 0:
            return False
        before = self.pd.doc[here.sent.start - 1].sent
        if not before.start <= last.i < before.end or self._quoted_about(last.idx):
            return False
        return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > last.i for c in last.children)

    def _role_subject_before(self, at: int, window_start: int, gender: str) -> tuple[int, _Speaker] | None:
        """The nearest main-clause subject before ``at`` that is a definite role ("the chancellor")
        standing for a person named earlier ("Chancellor Gordon Brown"), if the gender fits."""
        if self.role_subjects is None:
            self.role_subjects = [
                tok for tok in tokens(self.pd.doc) if tok.dep_ == "nsubj" and tok.tag_ in ("NN", "NNP")
                and tok.lemma_.lower() in self.lex.person_roles and tok.head.dep_ in ("ROOT", "conj")
                and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)]
            self.role_starts = [tok.idx for tok in self.role_subjects]
        for k in range(bisect_left(self.role_starts, at) - 1, -1, -1):
            tok = self.role_subjects[k]
            if tok.idx < window_start:
                return None
            if self._quoted_about(tok.idx) or _gender_of_noun(tok.lemma_.lower()) not in (None, gender):
                continue
            spk = self._one_speaker(tok, tok.idx)
            if spk is None or spk.sort != "person" or spk.name == spk.text or not self._compatible(spk.name, gender):
                return None  # a description tied to nobody named ("the veteran star") is likely the last name's
            return tok.idx, spk
        return None

    def _owned_person(self, tok, gender: str) -> _Speaker | None:
        """The unnamed person a possessive name owns when that person is a subject ("Blair's
        spokesman", "her lawyer"), as a speaker, if the noun's gender fits."""
        if tok is not None and tok.dep_ == "case":
            tok = tok.head  # the model's name span took in the "'s"
        if tok is None or tok.dep_ != "poss" or tok.head.pos_ != "NOUN" or tok.head.dep_ not in _SUBJ:
            return None
        head = tok.head
        noun = head.lemma_.lower()
        if noun not in self.lex.human_sources and noun not in self.lex.person_roles \
                or _gender_of_noun(noun) not in (None, gender):
            return None
        start, end = self._np(head)
        written = self.text[start:end]
        return _Speaker(written, None, written, start, end, "unnamed", head=noun)

    def _group_before(self, at: int, kind: str, content: tuple[int, int] = (0, 0)) -> _Speaker | None:
        para = self._para_of(at)
        window_start = self.para_starts[max(0, para - 1)]
        found = None
        for pos, spk in reversed(self.history):
            if pos >= at:
                continue
            if pos < window_start:
                break
            if spk.name and (spk.sort in ("group", "unnamed") or kind == "thing" and spk.head in self.lex.documents):
                if (kind == "plural") == spk.plural or (kind == "plural" and spk.sort == "group"):
                    found = (pos, spk)
                    break
        if found is None:
            found = self._common_subject_before(at, kind, content)
        if kind == "thing":
            # "BA will suspend the flights - which it says ...": a nearer organisation subject wins
            org = self._organisation_subject_before(at, content)
            if org is not None and (found is None or org[0] > found[0]):
                return org[1]
        if kind == "plural":
            # "Michael Howard and John Redwood launched plans. They say ...": people named together
            joint = self._joint_subject_before(at, content)
            if joint is not None and (found is None or joint[0] > found[0]):
                found = joint
            # "The Tories have promised ... They say ...": a group named in the plural as a subject
            named = next((t for t in self._subjects_before(at, content) if t.pos_ == "PROPN" and (
                t.tag_ == "NNPS" or t.ent_type_ == "NORP" and t.text.endswith("s"))), None)
            if named is not None and (found is None or named.idx > found[0]):
                spk = self.speaker(named, named.idx)
                if spk is not None and spk.name:
                    return _Speaker(spk.name, spk.id, None, None, None, "group", plural=True)
        return found[1] if found is not None else None

    def _common_subject_before(self, at: int, kind: str, content: tuple[int, int]) -> tuple[int, _Speaker] | None:
        """For "it"/"they": the nearest subject in this or the previous sentence that is a body or
        a group of sources named by a common noun ("The committee found ... It warned", "Law lords
        ruled ... They said", "The three have refused ... They announced")."""
        lex = self.lex
        for tok in self._subjects_before(at, content):
            if tok.head.dep_ not in ("ROOT", "conj") or tok.pos_ == "PRON":
                continue  # only the subjects of main clauses
            if tok.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or tok.pos_ == "PROPN":
                return None  # a name is nearer: other rules decide for names
            if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
                continue  # "His record": what someone has, not who speaks
            noun = tok.lemma_.lower()
            if kind == "plural":
                fits = tok.tag_ == "NNS" and noun not in lex.documents and (
                    noun in lex.source_nouns or noun in lex.person_roles or noun.endswith(("er", "or", "ist", "ian"))) \
                    or tok.lower_ in lex.joint_nouns and any(c.dep_ == "det" for c in tok.children)
            else:
                fits = tok.tag_ == "NN" and noun not in lex.human_sources and noun not in lex.person_roles and (
                    noun in lex.source_nouns or noun in lex.organisation_heads or noun in lex.documents)
            if not fits:
                continue
            spk = self.speaker(tok, tok.idx)
            if spk is not None and spk.name and (spk.sort != "person" or spk.plural):
                return tok.idx, spk
        return None

    def _subjects_before(self, at: int, content: tuple[int, int], same_sentence: bool = False):
        """Subject tokens before ``at``, nearest first, in this sentence and the one before (this one
        only with ``same_sentence``), outside the quote's own span and quoted words."""
        anchor = self.pd.token_at(at)
        if anchor is None:
            return
        doc = self.pd.doc
        sent_start, crossed = anchor.sent.start, 0
        for i in range(anchor.i - 1, -1, -1):
            tok = doc[i]
            if i < sent_start:
                if not content[0] <= tok.idx < content[1]:
                    crossed += 1  # the sentences of the quote itself do not count
                if crossed > 1 or same_sentence:
                    return
                sent_start = tok.sent.start
            if tok.dep_ in _SUBJ and not content[0] <= tok.idx < content[1] and not self._quoted_about(tok.idx):
                yield tok

    def _joint_subject_before(self, at: int, content: tuple[int, int] = (0, 0)) -> tuple[int, _Speaker] | None:
        """For "they": the nearest subject in this or the previous sentence that is two or more people
        named together with "and"."""
        for tok in self._subjects_before(at, content):
            if tok.ent_type_ != "PERSON" or not any(c.dep_ == "cc" and c.lower_ == "and" for c in tok.children) \
                    or not any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in tok.children):
                continue
            joint = self.speaker(tok, tok.idx)
            if joint is not None and joint.plural and joint.name:
                return tok.idx, joint
        return None

    def _organisation_subject_before(self, at: int, content: tuple[int, int] = (0, 0),
                                     same_sentence: bool = False) -> tuple[int, _Speaker] | None:
        """For "it said": the nearest organisation that is a subject in this or the previous sentence,
        outside what was quoted ("It said Fiat was set to ...": not Fiat)."""
        for tok in self._subjects_before(at, content, same_sentence):
            # "Shares in Vodafone fell after it said", "Vodafone's shares fell after it said": the
            # organisation the subject belongs to
            owners = [c for c in tok.children if c.dep_ == "poss"] + [
                g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "of") for g in c.children
                if g.dep_ == "pobj"]
            for cand in (tok, *owners):
                found = self._organisation(cand)
                if found is not None:
                    return cand.idx, found
        return None

    def _organisation(self, tok) -> _Speaker | None:
        entity = self._linked(tok.idx, tok.idx + len(tok.text))
        if entity is not None and entity.label == "ORG":
            return _Speaker(entity.name, entity.id, None, None, None, "group")
        if entity is None and tok.ent_type_ == "ORG":
            named = self._named_span(tok)
            if named is not None:
                return _Speaker(self._strip_title(self.text[named[0]:named[1]]), None, None, None, None, "group")
        return None

    def bridged(self, after: int, at: int, spk: _Speaker) -> bool:
        """Is the one sentence between a quote ending at ``after`` and a quote with no cue at ``at``
        about the same speaker, as its subject ("Campbell signalled his intent. "..."")?"""
        first, last = self.pd.token_at(after), self.pd.token_at(at)
        if first is None or last is None or spk.name is None or "\n\n" in self.text[after:at].strip():
            return False
        sents = {t.sent.start for t in self.pd.doc[first.i:last.i] if not t.is_space and not t.is_punct}
        sents.discard(first.sent.start)
        if len(sents) != 1:
            return False
        sent = self.pd.doc[sents.pop()].sent
        if sent.start_char < after or sent.end_char > at:
            return False
        if spk.sort == "person" and not any(
                t.ent_type_ == "PERSON" or t.lower_ in self.lex.pronouns and self.lex.pronouns[t.lower_] != "thing"
                or _cue_verb(t, self.lex) and any(c.dep_ in ("ccomp", "xcomp") for c in t.children)
                or _is_mark(t, self.lex) for t in sent):
            # "... said the Liverpool player. Switzerland, Ireland and France are all tied on five
            # points. "In Basel we ...": a sentence about no one else leaves the floor to the speaker
            return True
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return False
        other = self._one_speaker(subject, subject.idx)
        return other is not None and other.name == spk.name and (other.id == spk.id or other.sort == "person")

    def _quoted_about(self, char: int) -> bool:
        """Is ``char`` inside the content of an earlier quote? A person talked about there ("she
        said Blair had ...") is a weaker antecedent than the one who spoke."""
        if char in self.speaker_starts:
            return False  # the speaker of an aside sits inside its own quote's span
        k = bisect_right(self.contents, (char, 10**12)) - 1
        return k >= 0 and self.contents[k][0] <= char < self.contents[k][1]

    def spoke(self, start: int, end: int) -> None:
        if not self.contents or start >= self.contents[-1][0]:
            self.contents.append((start, end))

    def remember(self, at: int, spk: _Speaker | None, cue: str | None = None) -> None:
        if spk is not None and spk.start is not None:
            self.speaker_starts.add(spk.start)
        if spk is not None and spk.name:
            self.history.append((at, spk))
            if cue in self.lex.press_cues and spk.sort == "group" and spk.id is not None:
                self.reporters.append(spk)  # "the Financial Times reported": later "the paper" is it


# -- assembly ----------------------------------------------------------------------------------------

def _past_marks(text: str, at: int, lex: _Lexicon) -> int:
    """Past the closing marks at ``at``, and past a comma or semicolon the writer put inside them
    ('a "blowhard,"')."""
    if at + 1 < len(text) and text[at] in ",;" and text[at + 1] in lex.all_marks:
        at += 1
    while at < len(text) and text[at] in lex.all_marks:
        at += 1
    return at


def _take_fragment(host: _Cand, frag: _Cand, text: str, lex: _Lexicon) -> None:
    """Make a clause that holds (or stops inside) the quoted words of ``frag`` leave no mark unpaired:
    it ends past the closing mark when the opening one is inside it; when it starts at the first
    quoted word it ends at the last one ('urged voters "to stand firm."'), or, if it goes on after
    them, takes the opening mark too ('urged voters "to stand firm" against ...')."""
    if host.start < frag.start:
        host.end = max(host.end, _past_marks(text, frag.end, lex))
    elif host.end <= frag.end:
        host.end = frag.end
    else:
        at = frag.start
        while at > 0 and text[at - 1] in " \t":
            at -= 1
        mark = at
        while mark > 0 and at - mark < 2 and text[mark - 1] in lex.all_marks:
            mark -= 1  # a mark may be two characters ("''")
        host.start = mark


def _merge_fragments(quoted: list[_Cand], reported: list[_Cand], text: str, lex: _Lexicon) -> list[_Cand]:
    """A quoted fragment inside a reported clause makes that clause one partial quote."""
    out = [c for c in quoted if c.kind in ("direct", "indirect")]
    fragments = [c for c in quoted if c.kind == "partial"]
    for frag in fragments:
        host = next((r for r in reported if r.start <= frag.start and frag.end <= r.end), None)
        if host is not None and (host.end == frag.end or host.start == frag.start):
            _take_fragment(host, frag, text, lex)  # the closing mark goes with the words it closes
        if host is None:
            # the clause stops inside the marks: at the closing punctuation (''... security.''), or
            # where the parse hung the rest of the quoted words on the cue ('has "run a lean campaign
            # and will do so"'); the quoted words stay whole unless another quote starts among them
            host = next((r for r in reported if r.start <= frag.start < r.end < frag.end
                         and not any(r.end <= o.start < frag.end for o in reported)), None)
            if host is not None:
                _take_fragment(host, frag, text, lex)
        if host is None and frag.cue_tok is not None:
            # 'told pupils that it is okay to get drunk "once in a while"': the quoted words end the
            # clause but the parse hung them on the cue; with nothing but a space between, one report
            host = next((r for r in reported if r.cue_tok is not None and r.cue_tok.i == frag.cue_tok.i
                         and r.end <= frag.start and not text[r.end:frag.start].strip(" " + "".join(lex.all_marks))),
                        None)
            if host is not None:
                _take_fragment(host, frag, text, lex)
        if host is not None:
            host.kind = "partial"
            host.fragments.append(frag)
        elif not frag.orphan:
            out.append(frag)
    doubles = lex.open_double | lex.close_double | lex.both_double
    for r in reported:
        if r.kind == "indirect" and _holds_quoted(text[r.start:r.end], doubles):
            r.kind = "partial"  # 'it was "dismayed" at the delay': the speaker's own word, in marks
    return out + reported


def _quotes_words(verb, lex: _Lexicon) -> bool:
    """Does the clause a belief verb governs quote words in double marks ('critics fear it could
    allow "killing by omission"')? Then the holder said them; a bare belief is no quote."""
    doubles = lex.open_double | lex.close_double | lex.both_double
    return any(c.dep_ == "ccomp" and any(t.text in doubles for t in c.subtree) for c in verb.children)


def _drop_nested(cands: list[_Cand]) -> list[_Cand]:
    """'Mantooth said Mars promised her that ...': a report inside what someone else is reported to
    have said is theirs to vouch for, not a quote of its own."""
    hosts = [c for c in cands if c.kind in ("indirect", "partial") and c.cue_tok is not None]
    return [c for c in cands if not (
        c.kind in ("indirect", "partial") and c.cue_tok is not None and c.cue_start is not None and any(
            h is not c and h.start <= c.start and c.end <= h.end and (
                c.cue_tok.dep_ == "ccomp" and c.cue_start < c.start and c.cue_tok.head.i == h.cue_tok.i
                # "The IMF said that, according to data from the ministry, output fell": the IMF's
                or c.cue == ACCORDING_TO and h.start <= c.cue_start < h.end and h.cue != ACCORDING_TO)
            for h in hosts))]


def _holds_quoted(span: str, doubles: frozenset[str]) -> bool:
    """Does the span hold a word or more between a pair of double quote marks that is not a quoted
    title ('the single "Hold On Tight"')?"""
    span = span.replace("''", '"').replace("``", '"')
    marks = [k for k, ch in enumerate(span) if ch in doubles]
    return any(any(ch.isalnum() for ch in span[a + 1:b]) and not _title_like(_words(span[a + 1:b]))
               for a, b in zip(marks[::2], marks[1::2]))


_SENTENCE_BREAK = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\b[A-Z])"
                             r"[.!?]['\"’”]*\s+(?=[A-Z\"“‘'])")


def _adjacent(text: str, start: int, end: int) -> bool:
    """Is the quote at ``end`` the next sentence after the attribution ending at ``start``? Only
    the rest of that sentence (``he said in an interview.``) may lie between them."""
    if end < start:
        return False
    gap = text[start:end]
    if not any(ch.isalnum() for ch in gap):
        return gap.count("\n\n") <= 1
    breaks = list(_SENTENCE_BREAK.finditer(gap))
    if len(breaks) != 1:
        return False
    return not any(ch.isalnum() for ch in gap[breaks[0].end():]) and "\n\n" not in gap[:breaks[0].start()]


def extract_quotes(doc, entities: list[Entity]) -> list[Quote]:
    """Direct, partial and indirect quotes of a parsed article, with speakers, in text order."""
    text = doc_text(doc)
    if not text.strip() or len(doc) == 0:
        return []
    lex = _lexicon()
    pd = _Doc(doc, lex)
    paras = _paragraphs(text)
    quoted = _quoted(pd, paras)
    quoted += _headline_labels(pd, quoted)
    direct_marks = sorted((max(0, c.start - 1), c.end + 1) for c in quoted if c.kind == "direct")
    reported = _reported(pd, direct_marks, sorted((c.start, c.end) for c in quoted if c.kind == "partial"))
    cands = _merge_fragments(quoted, reported, text, lex)
    cands = _drop_nested(cands)
    seen: set[tuple[int, int]] = set()
    unique = []
    for c in sorted(cands, key=lambda c: (c.start, -c.end, c.kind)):
        if (c.start, c.end) in seen:
            continue
        seen.add((c.start, c.end))
        unique.append(c)
    resolver = _Resolver(pd, list(entities or []), paras)
    quotes: list[Quote] = []
    previous: tuple[int, _Speaker | None, str] | None = None
    for c in unique:
        spk = None
        cue = c.cue
        if c.cue_tok is not None and cue is None:
            cue = c.cue_tok.lemma_.lower()
        if c.speaker_tok is not None:
            spk = resolver.speaker(c.speaker_tok, c.start, (c.start, c.end))
            if c.kind != "direct" and spk is None:
                continue
        confidence = c.confidence
        if c.inherit:
            if previous is not None and (c.continues or _adjacent(text, previous[0], c.start)):
                spk = previous[1]
                confidence = 0.75
            elif previous is not None and previous[1] is not None and resolver.bridged(previous[0], c.start, previous[1]):
                spk = previous[1]
                confidence = 0.65
            else:
                confidence = 0.5
        if spk is not None and spk.name is None:
            confidence = min(confidence, 0.5)
        elif spk is not None and spk.id is None and spk.head and spk.head not in lex.unnamed \
                and spk.sort in ("unnamed", "group"):
            confidence = min(confidence, 0.6)
        resolver.spoke(c.start, c.end)
        if c.speaker_tok is not None and spk is not None and not c.aside:
            resolver.remember(spk.start if spk.start is not None else c.start, spk, cue)
        name = spk.name if spk is not None else None
        quotes.append(Quote(
            id="", kind=c.kind, text=text[c.start:c.end], start=c.start, end=c.end,
            speaker=name, speaker_id=spk.id if spk is not None and name else None, cue=cue,
            speaker_text=spk.text if spk is not None and not c.inherit else None,
            speaker_start=spk.start if spk is not None and not c.inherit else None,
            speaker_end=spk.end if spk is not None and not c.inherit else None,
            cue_start=c.cue_start, cue_end=c.cue_end, confidence=round(confidence, 2),
        ))
        last = max(x for x in (c.end, c.cue_end, spk.end if spk is not None and spk.end else None) if x)
        if not c.aside:
            previous = (last, spk, c.kind)
    quotes.sort(key=lambda q: (q.start, q.end))
    _speaker_from_next(quotes, text)
    return [Quote(**{**q.__dict__, "id": f"q{n}"}) for n, q in enumerate(quotes, 1)]


def _speaker_from_next(quotes: list[Quote], text: str) -> None:
    """'"It was close. "I felt good," said Holmes.': a quote with no speaker that runs straight into the
    next one (nothing but marks and spaces between) is the same speaker's, attributed after it."""
    for k in range(len(quotes) - 2, -1, -1):
        q, nxt = quotes[k], quotes[k + 1]
        if q.kind != "direct" or q.speaker is not None or q.cue is not None or nxt.kind != "direct" \
                or nxt.speaker is None or any(ch.isalnum() for ch in text[q.end:nxt.start]):
            continue
        quotes[k] = Quote(**{**q.__dict__, "speaker": nxt.speaker, "speaker_id": nxt.speaker_id,
                             "confidence": min(q.confidence, 0.6)})
