"""Entities: one record per real-world person, place or organisation of a document.

The small spaCy model labels names inconsistently inside one article ("Mark Carney" PERSON, then
"Carney" GPE), so we work at document level:

1. Mentions come from ``doc.ents`` with a name-like label (``keep_labels`` in data/entities.json).
   Numeric and temporal labels (DATE, MONEY, CARDINAL, ...) belong to the figures and dates modules.
   NORP ("Canadian", "Ukrainians", "Englishman") is not an entity: readers do not want a demonym listed
   as an actor; it is used only to fill ``affiliation`` ("Canadian Prime Minister" -> Canada), and a
   demonym the model calls a place is dropped too. Holidays tagged EVENT ("Independence Day") are
   dates, not entities; time zones and currency codes tagged ORG ("UTC", "USD") are not names.
2. Each mention is trimmed to the name itself: no possessive "'s", honorific (whatever the model's
   label: "Ms Diemont" tagged ORG is the person Diemont), title, post-nominal ("QC", "MP"), leading
   demonym ("Welshman"), hyphened prefix ("post-Enron") or trailing number; nothing past a line break,
   a sentence end, an unclosed bracket or a clause the span ran into ("Dyer on the edge of the area",
   "Southampton when Arsenal"), no lower-case verb at either end ("phoned Anna", "Quiet Hour tells"); a span
   that opens with "of" takes the capitalised words before it ("Republic of Ireland"); a lower-case title
   inside an organisation span parts the employer from the person ("Norvex boss Alan Pryce"); a list or
   score line the model read as one name ("Kelsby, Durnford and Ashcroft", "Brentford v Chelsea",
   "Newcastle 2-1 Bolton", "Everton and Arsenal" when a half stands alone elsewhere) is split; "Dyer 69"
   tagged LAW in a line of scorers is the player Dyer.
   A leading "the" stays in the mention span (as written) but never in the name. A possessive common
   noun before a title ("Children's Minister") is part of the title, not a name. A capitalised
   "First Last" pair the model missed or called a date ("Theresa May", "May" DATE) is added as a
   person when a person-title appositive follows it ("Theresa May, shadow secretary for the family,")
   or when it is the subject of a reporting verb and starts with a common first name; a month alone
   never is (``model_label`` stays empty for such a name). A one-word person before a month or weekday
   the model calls a date, with a title before it ("coach Mike Friday"), or after an untagged common first
   name ("Malcolm" + "Glazer"), is the whole name; a demonym before a surname another person of the text
   carries ("Spaniard Costa") is dropped; an age glued to a name ("Appleton,31") is cut off. A number with a
   unit ("300p"), a sentence-opening word the text also writes as a common noun ("Jobs will go ... 300 jobs"),
   a sentence-opening participle ("Dubbed"), a plural holiday ("Christmases") and a portfolio before a
   government title and a person ("Constitutional Affairs Minister X", part of the role) are no entities.
   An office in capitals or a position glued before a first name ("MSP Karen Whitefield", "Wing Christophe
   Dominici") is the role. A nickname in quotation marks inside a name (Jimmy "the Whirlwind" White) stays in
   the mention span but not in the name. In a title-case headline ("Teenager Missing For Three Days Named By
   Police") a mention is kept only when its words are words of names in the body. The names of a team sheet
   (bare lines of names between commas and semicolons) are people when most of them look like people.
3. Mentions are grouped: same name (case, dots, "the" ignored), short forms to long forms ("U.S." ->
   "United States"), a surname, last words or first name to the person who carries it (the nearest one
   before, or the first one after), an acronym to the organisation it spells ("GAO", "TfL"), "the Bank"
   to the nearest "... Bank ..." before it, two adjacent pieces to a name written whole elsewhere,
   a town to the club named after it ("Exeter" -> "Exeter City", not "in Exeter"), a city name to
   the person it is the surname of ("Dallas" -> "Hugh Dallas", not "in Dallas"), an initial and a
   surname ("H Luscombe" in a team sheet) to the one person with that initial and surname, and a
   person in any case. A short form in brackets right after a name that abbreviates it ("the Office
   for National Statistics (ONS)", "(IBGE)" after a translated name) is an alias: it and its later
   mentions join the name. An organisation's name without its generic last word ("Labour" for
   "Labour Party", "Jupiter" for "Jupiter Research"; never "BBC" for "BBC One") is that organisation
   (a place-tagged short form only where used as one: "said Jupiter", "Jupiter analyst"). "America"
   and "the States" are the United States when the text also names it.
   Untagged capitalised occurrences of a known person's surname or of a one-word name are added.
   A suffix ("Jr", "III") is no surname. A surname that is also a place of the gazetteer (not a country)
   joins the person whose full name ends with it when it is never written as a place ("in West", "the
   West"); a person-labelled full name is preferred over a mixed model span ("La Fenice Viotti"). An
   organisation or building name joins the one longer such name that adds a head noun ("La Fenice" ->
   "La Fenice Theatre") or a first word ("Villa" -> "Aston Villa"), or whose first word it is ("Petrel" ->
   "Petrel Resources", not "BBC" -> "BBC World Service"; also when the model calls that word a person and
   the text gives it no title), once that name is written; a two-word name whose two words are
   organisations of the text ("Sony Ericsson") is a joint venture that absorbs neither. An organisation name
   written again untagged ("Black Eyed Peas singer Fergie", "Usdaw general secretary") joins it; a plural of an
   award ("the Baftas") joins the award.
4. Each group gets one label from document evidence, strongest first: a title or honorific right
   before a mention, an age/title appositive or a person noun before it ("India's richest man Azim
   Premji", "billionaire X") (PERSON, unless the name is a country or region of the gazetteer); an
   organisation noun describing it ("Wipro, India's third-biggest software firm," / "X is a software
   company" / "software firm X"; not "film-maker X", "X, Florida-based firm" or "X, a broadcaster
   with CBS") or an organisation noun after it ("the Herald newspaper") (ORG unless the gazetteer knows it
   as a place); a common first name and a surname the text uses for a person ("Mr Davies", "said Davies")
   (PERSON); a surname that joined a full name (PERSON); "the X" or "X chief executive" (not a
   person); the gazetteer of well-known places; the head word of the name ("University" ORG, "Square"
   FAC); "in X" or "X, France" (a place, not a person); else the majority of the model's labels, fuller
   mentions counting double. ``model_label`` keeps the model's most common label so every repair can
   be audited. A name only written as one word in capitals ("GPRS") is never a person; a city the model
   calls an organisation is a place when every mention is written "in X"; a name that alone is the subject
   of a plural verb ("Grey Harbour were") or that follows "state-owned" / "London-based" is an
   organisation; a name whose clause says "its" is no person; a name before a building noun ("Campo del
   Sol stadium") is a building (FAC). Before the majority: a short form stands for an organisation or place,
   never a person ("Lib Dem"); a work noun before the name or quotation marks around it ("the single Hey
   Joe") make a work, and a one-word name once given as a work's title ("the biopic Ray") is a work
   that never joins the person of that first name; a name with an article, owner or count of its own
   or joined to an award word ("won an Oscar", "two Grammys", "Bafta-winning") is no person but an
   award (WORK_OF_ART, as the model's scheme files prizes); a club title after it ("Bolton boss",
   "Exeter striker"), a score line, or being joined ("joined Sunderland") or beaten in a text with a
   match score make a club (ORG) unless the name is a country; an unknown acronym the model calls a
   place ("BT") is an ORG. A name before "awards", "ceremony" or "nominations" is the award ceremony (EVENT);
   "the premiere of X" and "a remake of X" make a work. A name coordinated with two or more names that share
   one label ("Hyundai, Toyota, Suzuki and Ford") takes it when it has no cue of its own.
5. ``role`` and ``affiliation`` come from the words around a person mention: a title before the name
   with a demonym, country or organisation before it ("Canadian Prime Minister Mark Carney", "Apple
   chief executive Tim Cook", "Labour's election chief"), or an appositive ("Mark Carney, Canada's
   prime minister", "Sarah Klein, the chief executive of Northwind Energy"). A club the model took
   for a person still owns a club title ("Bolton boss Sam Allardyce"); an owner written as an
   acronym or short form resolves to the entity's full name ("LTA" -> "Lawn Tennis Association");
   a former employer ("ex-Yukos boss") is no affiliation.

``aliases`` lists every other surface form seen (including "the" when the text has it), never the
name itself. Ids follow first mention order. Work is linear in tokens and entities: spans are read
through token slices, never ``doc.text`` (which rebuilds the whole text on each call).
"""

from __future__ import annotations

import json
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .linking import norm
from .nlp import doc_text, entity_span, model_ents, tokens
from .nlp import tokens as _doc_tokens
from .records import Entity, Mention

PERSON = "PERSON"
_POSSESSIVE = {"'s", "’s", "'", "’"}
_ORDINAL = re.compile(r"^\d[\d,.]*(st|nd|rd|th)?$", re.IGNORECASE)
_OPEN_QUOTES = {'"', "“", "'", "‘"}
_CLOSE_QUOTES = {'"', "”", "'", "’"}
_NAMED_ORG = {"ORG", "GPE", "FAC", "LOC"}
_NUMBERLESS = {"PERSON", "GPE", "LOC", "NORP"}
_ACRONYM_STOP = {"of", "and", "the", "for", "&", "de", "du", "la", "le", "der", "von", "in", "on", "at"}
_GLUED_AGE = re.compile(r"^(.*[^\W\d_]),(\d{1,3})$")  # "Appleton,31": one token, a name and an age
_PLACE_WORDS_BEFORE = frozenset({"in", "to", "from", "into", "across", "near", "at", "the", "throughout", "inside",
                                 "outside"})
_MOTION_PREPS = frozenset({"to", "from", "into"})
_NAME_PARTICLES = {"of", "for", "de", "du", "da", "di", "del", "la", "le", "der", "den", "von", "van", "bin", "al"}


@dataclass(frozen=True)
class _Lists:
    """The word lists of data/entities.json, folded for lookup."""

    keep: frozenset
    honorifics: frozenset
    titles: frozenset
    person_titles: frozenset
    max_title: int
    title_ends: frozenset  # the last word of every title: a quick test before trying each length
    demonyms: dict
    demonym_stems: frozenset
    short_forms: dict
    places: dict
    cities: frozenset
    head_words: dict
    date_names: frozenset
    not_names: frozenset
    place_preps: frozenset
    org_titles: frozenset
    legal_suffixes: frozenset
    event_prefixes: frozenset
    name_honorifics: frozenset
    royal_titles: frozenset
    peer_titles: frozenset
    post_nominals: frozenset
    team_titles: frozenset
    team_verbs: frozenset
    match_verbs: frozenset
    work_nouns: frozenset
    numbered_law_words: frozenset
    club_suffixes: frozenset
    name_prefixes: frozenset
    org_nouns: frozenset
    person_nouns: frozenset
    portfolio_nouns: frozenset
    reporting_verbs: frozenset
    first_names: frozenset
    org_generic_suffixes: frozenset
    org_part_words: frozenset
    work_of_nouns: frozenset
    work_verbs: frozenset
    ceremony_nouns: frozenset
    implied_short_forms: dict
    award_hyphen_words: frozenset
    thing_determiners: frozenset
    name_suffixes: frozenset
    unit_number: re.Pattern
    portfolio_titles: frozenset
    calendar_names: frozenset
    org_hyphen_words: frozenset


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    raw = json.loads(resources.files("factx").joinpath("data/entities.json").read_text(encoding="utf-8"))
    places: dict[str, str] = {}
    for label in ("LOC", "GPE", "CITY"):
        for name in raw["places"][label]:
            places.setdefault(norm(name), "GPE" if label == "CITY" else label)
    titles = frozenset(_fold(t) for t in raw["titles"]) | frozenset(_fold(t) for t in raw["person_titles"])
    return _Lists(
        keep=frozenset(raw["keep_labels"]),
        honorifics=frozenset(h.rstrip(".") for h in raw["honorifics"]),
        titles=titles,
        person_titles=frozenset(_fold(t) for t in raw["person_titles"]),
        max_title=max(len(t.split()) for t in titles),
        title_ends=frozenset(t.split()[-1] for t in titles if t),
        demonyms={_fold(k): v for k, v in raw["demonyms"].items()},
        demonym_stems=frozenset(raw["demonym_stems"]),
        short_forms={norm(k): v for k, v in raw["short_forms"].items()},
        places=places,
        cities=frozenset(norm(n) for n in raw["places"]["CITY"]),
        head_words={w.rstrip("."): label for label, words in raw["head_words"].items() for w in words},
        date_names=frozenset(raw["date_names"]),
        not_names=frozenset(raw["not_names"]),
        place_preps=frozenset(raw["place_preps"]),
        org_titles=frozenset(_fold(t) for t in raw["org_titles"]),
        legal_suffixes=frozenset(w.rstrip(".") for w in raw["legal_suffixes"]),
        event_prefixes=frozenset(raw["event_prefixes"]),
        name_honorifics=frozenset(h.rstrip(".") for h in raw["name_honorifics"]),
        royal_titles=frozenset(raw["royal_titles"]),
        peer_titles=frozenset(raw["peer_titles"]),
        post_nominals=frozenset(raw["post_nominals"]),
        team_titles=frozenset(_fold(t) for t in raw["team_titles"]),
        team_verbs=frozenset(raw["team_verbs"]),
        match_verbs=frozenset(raw["match_verbs"]),
        work_nouns=frozenset(raw["work_nouns"]),
        numbered_law_words=frozenset(raw["numbered_law_words"]),
        club_suffixes=frozenset(raw["club_suffixes"]),
        name_prefixes=frozenset(raw["name_prefixes"]),
        org_nouns=frozenset(raw["org_nouns"]),
        person_nouns=frozenset(raw["person_nouns"]),
        portfolio_nouns=frozenset(raw["portfolio_nouns"]),
        reporting_verbs=frozenset(raw["reporting_verbs"]),
        first_names=frozenset(raw["first_names"]),
        org_generic_suffixes=frozenset(raw["org_generic_suffixes"]),
        org_part_words=frozenset(raw["org_part_words"]),
        work_of_nouns=frozenset(raw["work_of_nouns"]),
        work_verbs=frozenset(raw["work_verbs"]),
        ceremony_nouns=frozenset(raw["ceremony_nouns"]),
        implied_short_forms={norm(k): (v, k.lower().startswith("the ")) for k, v in raw["implied_short_forms"].items()},
        award_hyphen_words=frozenset(raw["award_hyphen_words"]),
        thing_determiners=frozenset(raw["thing_determiners"]),
        name_suffixes=frozenset(raw["name_suffixes"]),
        unit_number=re.compile(r"^[£$€]?\d[\d,.]*(?:"
                               + "|".join(sorted(map(re.escape, raw["unit_suffixes"]), key=len, reverse=True)) + r")$"),
        portfolio_titles=frozenset(raw["portfolio_titles"]),
        calendar_names=frozenset(raw["calendar_names"]),
        org_hyphen_words=frozenset(raw["org_hyphen_words"]),
    )


def _fold(text: str) -> str:
    """Title phrases compared case-insensitively, hyphens and spaces alike ("Vice-President")."""
    return " ".join(text.lower().replace("-", " ").replace(".", "").split())


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    surface: str
    label: str
    tok_start: int
    tok_end: int
    person_cue: bool = False
    role: str | None = None
    affiliation: str | None = None
    added: bool = False
    context: frozenset = frozenset()
    title_the: bool = False  # a capitalised "The" inside a sentence opens the written name ("in The Perez Family")
    titled: bool = False  # written after a royal title ("Prince Charles"): a royal's name, no one else's first name


@dataclass
class _Group:
    key: str
    mentions: list = field(default_factory=list)
    canonical: str | None = None
    label: str | None = None
    person: bool = False

    @property
    def first(self) -> int:
        return self.mentions[0].start


def extract_entities(doc) -> list[Entity]:
    """One :class:`Entity` per person, organisation, place or named thing of ``doc``, in text order."""
    try:
        return _extract(doc)
    except Exception as err:  # noqa: BLE001 - an odd document must not stop the whole extraction
        warnings.warn(f"factx.entities: skipped entities of a document ({err!r})", RuntimeWarning, stacklevel=2)
        return []


def _extract(doc) -> list[Entity]:
    lists = _lists()
    mentions = [m for ent in _model_ents(doc) if ent.label_ in lists.keep for m in _trim(ent, doc, lists)]
    mentions = _drop_sentence_nouns(doc, mentions)
    mentions = _drop_headline_phrases(doc, mentions)
    mentions = _add_missed_people(doc, mentions, lists)
    mentions = _repair_people(doc, mentions, lists)
    mentions = _fix_scorers(doc, mentions, lists)
    mentions = _split_pairs(doc, mentions, lists)
    mentions = _join_split_names(doc, mentions)
    mentions = _team_sheets(doc, mentions, lists)
    mentions = _drop_nicknames(doc, mentions)
    surnames = _person_surnames(doc, mentions, lists)
    groups = _group(mentions, lists)
    _merge_bracket_aliases(doc, groups, lists)
    _merge_implied_short_forms(doc, groups, lists)
    _add_untagged(doc, groups, lists)
    _merge_head_nouns(groups, lists)
    _merge_club_names(groups, lists)
    groups = [g for g in groups if g.mentions]
    match_report = any("match" in m.context for g in groups for m in g.mentions) and _has_score(doc)
    for group in groups:
        group.mentions.sort(key=lambda m: m.start)
        group.label = _decide_label(group, lists, match_report, surnames)
    _relabel_lists(doc, groups, lists)
    _merge_award_plurals(groups)
    _merge_short_names(groups, lists, final=True, headline=_headline_end(doc))
    _merge_initials(groups, lists)
    _merge_generic_suffix(doc, groups, lists)
    _merge_org_short_forms(doc, groups, lists)
    groups = [g for g in groups if g.mentions]
    groups.sort(key=lambda g: g.first)
    by_key = {g.key: g for g in groups}
    for g in groups:
        for m in g.mentions:
            by_key.setdefault(norm(m.text), g)
    return [_entity(f"e{i}", g, by_key, lists) for i, g in enumerate(groups, 1)]


# -- 1. mentions ---------------------------------------------------------------------------------


def _model_ents(doc) -> list:
    """The model's entity spans, with a person's name it cut after a lower-case particle joined
    again ("Anna den" + "Berg", "Sandra" + "den" + "Hamer")."""
    out = []
    for ent in model_ents(doc):
        last = out[-1] if out else None
        particles = _NAME_PARTICLES - {"of", "for"}
        if last is not None and last.label_ == PERSON and ent.label_ in (PERSON, "ORG") \
                and ent[0].text[:1].isupper() and (
                ent.start == last.end and len(last) > 1 and last[-1].text in particles
                or ent.start == last.end + 1 and doc[last.end].text in particles):
            out[-1] = doc[last.start:ent.end]
            out[-1].label_ = PERSON
            continue
        out.append(ent)
    return out


def _trim(ent, doc, lists: _Lists) -> list[_Mention]:
    """The names inside a spaCy entity span, with title/role cues from the words around them."""
    pieces = _pieces(list(ent), lists)
    if ent.label_ != PERSON and len(ent) > 2:
        pieces = [p for piece in pieces for p in _split_at_title(piece, doc, lists)]
    return [m for piece in pieces if (m := _mention(piece, ent.label_, doc, lists))]


def _split_at_title(tokens, doc, lists: _Lists) -> list[list]:
    """"Norvex boss Alan Pryce" read as one organisation: a lower-case title between capitalised words
    separates the employer from the person; the person keeps the title as the words before it."""
    for k in range(1, len(tokens) - 1):
        if tokens[k].text.islower() and tokens[k].text[:1].isalpha() and tokens[k - 1].text[:1].isupper():
            size = _title_at(doc, tokens[k].i, lists)
            if size and k + size < len(tokens) and all(t.text.islower() for t in tokens[k:k + size]) \
                    and all(t.text[:1].isupper() for t in tokens[k + size:]):
                return [tokens[:k], tokens[k + size:]]
    return [tokens]


def _pieces(tokens, lists: _Lists) -> list[list]:
    """An entity span cut where the model ran past a name: a line break or a sentence end (a headline
    run into the first sentence gives a name on each side), an unclosed bracket, a list of names
    ("Nottinghamshire, Derbyshire and Leicestershire", "James, Mills")."""
    for i, t in enumerate(tokens):
        if t.is_space or "\n" in t.text or i and t.is_sent_start and tokens[i - 1].text in ".!?":
            rest = [u for u in tokens[i:] if not u.is_space]
            return _pieces(tokens[:i], lists) + (_pieces(rest, lists) if rest else [])
        if "\n" in t.whitespace_:
            return _pieces(tokens[:i + 1], lists) + (_pieces(tokens[i + 1:], lists) if i + 1 < len(tokens) else [])
    return _names_in(tokens, lists)


def _names_in(tokens, lists: _Lists) -> list[list]:
    texts = [t.text for t in tokens]
    if "(" in texts and ")" not in texts[texts.index("("):]:
        cut = texts.index("(")
        tokens = tokens[:cut] if cut else tokens[cut + 1:]
    elif ")" in texts and "(" not in texts[:texts.index(")")]:
        cut = texts.index(")")
        tokens = tokens[:cut] if cut else tokens[cut + 1:]
    score = _score_at(tokens)
    if score is not None:
        return [p for p in (tokens[:score], tokens[score + 3:]) if p]
    # "to the Foreign Policy Centre Mr Straw said": a name after a title is run into the one before
    title = next((i for i in range(1, len(tokens) - 1) if tokens[i].lower_.rstrip(".") in lists.honorifics
                  and tokens[i - 1].text[:1].isupper() and tokens[i - 1].lower_.rstrip(".") not in lists.honorifics
                  and tokens[i + 1].text[:1].isupper()), None)
    if title is not None:
        return _names_in(tokens[:title], lists) + [tokens[title:]]
    if not any(t.text == "," or t.lower_ in ("v", "vs", "vs.", "v.") for t in tokens):
        return [tokens] if tokens else []
    parts, current = [], []
    for t in tokens:
        if t.text == "," or t.lower_ == "and" and parts or t.lower_ in ("v", "vs", "vs.", "v."):
            parts.append(current)
            current = []
        else:
            current.append(t)
    parts.append(current)
    if all(p and p[0].text[:1].isupper() and p[0].lower_.rstrip(".") not in lists.legal_suffixes for p in parts):
        return parts
    return [tokens]


def _score_at(tokens) -> int | None:
    """Index of a match score ("2 - 1") inside a span the model read as one name ("Newcastle 2-1 Bolton")."""
    for i in range(1, len(tokens) - 3):
        if _is_score(tokens, i):
            return i
    return None


def _is_score(tokens, i: int) -> bool:
    return (i >= 0 and i + 2 < len(tokens) and tokens[i].text.isdigit() and len(tokens[i].text) <= 2
            and tokens[i + 1].text in ("-", "–") and tokens[i + 2].text.isdigit() and len(tokens[i + 2].text) <= 2
            and not tokens[i].whitespace_ and not tokens[i + 1].whitespace_)


def _has_score(doc) -> bool:
    toks = tokens(doc)
    return any(t.text in ("-", "–") and _is_score(toks, t.i - 1) for t in toks)


def _cut_lowercase_tail(tokens, lists: _Lists) -> list:
    """A span that runs on into the sentence ends before a lower-case conjunction ("Southampton when
    Arsenal") or a lower-case preposition followed by another lower-case word or a number ("Dyer on the edge
    of the area", "The Fellowship of the Ring from 2001"; "Committee on Human Rights" stays); a hyphened
    prefix ("post-Enron") is dropped."""
    for i in range(1, len(tokens) - 1):
        t = tokens[i]
        if t.text.islower() and (t.pos_ == "SCONJ" or t.pos_ == "ADP" and t.lower_ not in _NAME_PARTICLES
                                 and (tokens[i + 1].text[:1].islower() or tokens[i + 1].text.isdigit()
                                      or tokens[i + 1].lower_ in lists.calendar_names and i + 2 == len(tokens))):
            return tokens[:i]  # also "the Commons on Thursday": a day is no part of a name
    if len(tokens) > 2 and tokens[0].text in lists.name_prefixes and tokens[1].text == "-" \
            and not tokens[1].whitespace_ and tokens[2].text[:1].isupper():
        return tokens[2:]
    return tokens


def _mention(tokens, label: str, doc, lists: _Lists) -> _Mention | None:
    """One trimmed mention: no "the", possessive, honorific, title, demonym, trailing number or verb the
    span ran into ("phoned Anna", "Quiet Hour tells"); a span that opens with "of" takes the capitalised
    words before it ("Republic" of "Republic of Ireland")."""
    if tokens[0].lower_ == "of":
        tokens = _before_of(doc, tokens)
    while len(tokens) > 1 and tokens[0].pos_ in _VERB_POS and tokens[0].text.islower():
        tokens = tokens[1:]
    tokens = _cut_lowercase_tail(tokens, lists)
    while tokens and (tokens[-1].text in _POSSESSIVE or tokens[-1].is_punct and tokens[-1].text != "."
                      or tokens[-1].pos_ in _VERB_POS and tokens[-1].text.islower()
                      or tokens[-1].pos_ in ("DET", "CCONJ", "ADP") and tokens[-1].text.islower()
                      or label in _NUMBERLESS and tokens[-1].text.islower()
                      or tokens[-1].text == "." and len(tokens) > 1
                      and tokens[-2].is_alpha and len(tokens[-2].text) > 2
                      or label in _NUMBERLESS and tokens[-1].text.isdigit() and len(tokens) > 1):
        tokens = tokens[:-1]
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    if not tokens:
        return None
    while len(tokens) > 1 and tokens[0].pos_ == "DET" and tokens[0].lower_ != "the":
        tokens = tokens[1:]
    first_surface = tokens[0]
    while len(tokens) > 1 and (tokens[0].pos_ == "DET" or tokens[0].lower_ == "the"):
        tokens = tokens[1:]
    inner_title, affiliation = None, None
    if label != PERSON and len(tokens) > 1 and tokens[0].lower_.rstrip(".") in lists.name_honorifics and \
            tokens[1].text[:1].isupper():
        owner = next((i for i, t in enumerate(tokens[:-1]) if t.text in _POSSESSIVE), None)
        if owner is not None:
            tokens = tokens[owner + 1:]
        else:
            while len(tokens) > 1 and tokens[0].lower_.rstrip(".") in lists.name_honorifics and \
                    tokens[1].text[:1].isupper():
                tokens = tokens[1:]
                inner_title = ""
    if len(tokens) > (1 if label == PERSON else 2) and tokens[-1].lower_.rstrip(".") in lists.post_nominals \
            and tokens[-1].text.isupper() and all(t.pos_ == "PROPN" for t in tokens[:-1]) \
            and tokens[-2].lower_ not in lists.head_words:
        tokens = tokens[:-1]
        inner_title = inner_title or ""
    if label == PERSON:
        if len(tokens) > 2 and _fold(tokens[0].text) in lists.demonyms:
            affiliation = lists.demonyms[_fold(tokens[0].text)]
            tokens = tokens[1:]
        elif len(tokens) > 2 and _is_demonym(tokens[0].text, lists):
            tokens = tokens[1:]
        if len(tokens) == 1 and tokens[0].i > 0 and _peer([doc[tokens[0].i - 1], tokens[0]], lists):
            tokens = [doc[tokens[0].i - 1], tokens[0]]  # the model left the title out of "Lord Woolf"
        polite = bool(tokens) and (tokens[0].lower_.rstrip(".") in _SURNAME_HONORIFICS or tokens[0].i > 0
                                   and doc[tokens[0].i - 1].lower_.rstrip(".") in _SURNAME_HONORIFICS)
        stripped, tokens = _strip_titles(tokens, lists)
        inner_title = stripped if stripped is not None else inner_title
        while len(tokens) > 2 and tokens[0].text[:1].isupper() and _fold(tokens[0].text) in lists.person_nouns:
            tokens = tokens[1:]  # "Lawyer Michael Mansfield": what he is, not his name
        if len(tokens) > 2 and tokens[0].is_upper and tokens[0].is_alpha and len(tokens[0].text) <= 4 \
                and tokens[1].lower_ in lists.first_names and tokens[0].lower_ not in lists.first_names:
            inner_title = inner_title or tokens[0].text  # "MSP Karen Whitefield": an office in capitals
            tokens = tokens[1:]
        if len(tokens) == 1 and _fold(tokens[0].text) in lists.person_nouns and not (
                tokens[0].i > 0 and doc[tokens[0].i - 1].lower_ == "the"):
            return None  # "Campaigner" alone; "The Boxer" may be a film
        if tokens and not polite and _is_title_word(tokens[-1], lists) and all(
                _is_title_word(t, lists) or not t.text[:1].isupper() for t in tokens[:-1]):
            # the model ended the name at a title ("Lord" + "Ashcroft"); "Mervyn King" is a name
            tokens = _name_after(doc, tokens[-1].i + 1)
            inner_title = inner_title or ""
    elif len(tokens) > 2:
        stripped, rest = _strip_titles(tokens, lists, lists.person_titles)
        if stripped and len(rest) >= 2 and all(t.text[:1].isupper() for t in rest) and \
                rest[-1].lower_ not in lists.head_words:
            inner_title, tokens = stripped, rest
    if not tokens or len(tokens) == 1 and _common_word(tokens[0], lists):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = _span_text(tokens[0], tokens[-1])
    glued = _GLUED_AGE.match(tokens[-1].text)
    cut = len(tokens[-1].text) - len(glued.group(1)) if glued and 0 < int(glued.group(2)) < 120 else 0
    if cut:
        end, text = end - cut, text[:-cut]
    if not _looks_like_name(text, lists):
        return None
    if label == "EVENT" and _is_date_name(text, lists) or _is_demonym(text, lists) or _is_portfolio(tokens, doc, lists):
        return None
    if first_surface.i == tokens[0].i - 1 and first_surface.lower_ == "the":
        start = first_surface.idx
    surface = text if start == tokens[0].idx else _span_text(first_surface, tokens[-1])[:-cut or None]
    mention = _Mention(start, end, text, surface, label, tokens[0].i, tokens[-1].i + 1)
    mention.title_the = start != tokens[0].idx and first_surface.text == "The" and not first_surface.is_sent_start
    mention.titled = tokens[0].i > 0 and doc[tokens[0].i - 1].lower_ in lists.royal_titles
    role, owner, cue = _title_before(doc, tokens[0].i, lists)
    if inner_title is not None:
        role, cue = role or inner_title or None, True
    app_role, app_owner, app_cue = _appositive(doc, tokens, lists)
    mention.role = role or app_role
    mention.affiliation = (owner or affiliation) if role else (app_owner or affiliation)
    mention.person_cue = cue or app_cue or bool(cut) or _noun_before(doc, tokens, lists, PERSON)
    mention.context = _context(doc, tokens, lists)
    return mention


_VERB_POS = frozenset({"VERB", "AUX"})


def _before_of(doc, tokens) -> list:
    """A span that opens with "of" ("of Ireland" in "Republic of Ireland v Wales") with the capitalised words
    before it, back to the sentence start; without them, the name after "of"."""
    toks = _doc_tokens(doc)
    k = tokens[0].i
    while k > 0 and tokens[0].i - k < 3 and toks[k - 1].is_title and toks[k - 1].is_alpha \
            and "\n" not in toks[k - 1].whitespace_:
        k -= 1
        if toks[k].is_sent_start:
            break
    if k == tokens[0].i:
        return tokens[1:] or tokens
    return [*toks[k:tokens[0].i], *tokens]


def _common_word(token, lists: _Lists) -> bool:
    """A word the model took for a name that is a sentence-opening participle ("Dubbed 'le cost killer', he
    ...") or the plural of a holiday ("several Christmases")."""
    word = token.lower_
    if token.is_sent_start and token.tag_ in ("VBN", "VBD", "VBG") and word.endswith(("ed", "ing")):
        return True
    return token.tag_ == "NNS" and (word[:-1] in lists.date_names
                                    or word.endswith("es") and word[:-2] in lists.date_names)


def _noun_kind(doc, noun, lists: _Lists) -> str | None:
    """"person" or "org" for a common noun that says what a name is ("richest man", "software firm");
    a person compound ("film-maker", "money lender") is never an organisation."""
    if noun.pos_ != "NOUN" or not noun.text.islower():
        return None
    i = noun.i
    all_toks = _doc_tokens(doc)
    hyphen = i > 0 and all_toks[i - 1].text == "-"
    k = i - 2 if i > 1 and hyphen and not all_toks[i - 1].whitespace_ else i - 1
    pair = _fold(_span_text(all_toks[k], noun)) if k >= 0 else None  # the noun with the word before it
    lower = noun.lower_
    if pair in lists.person_nouns or lower in lists.person_nouns and not hyphen:
        return PERSON
    if noun.lemma_.lower() in lists.org_nouns or lower in lists.org_nouns or pair in lists.org_nouns:
        return "ORG"  # also a compound: "think-tank", "think tank"
    if lower.endswith("maker") and lower[:-5] and "-" not in lower:
        return "ORG"  # "drugmaker", "chipmaker": person makers ("filmmaker") are listed above
    return None


def _noun_before(doc, tokens, lists: _Lists, kind: str) -> bool:
    """A lower-case common noun of that ``kind`` right before the name and read with it ("India's richest
    man Azim Premji", "software firm Wipro", also when the parser hangs both on the same word); a noun
    before the subject of another clause ("a charity Smith set up", "told the agency Smith had quit") is not,
    nor an organisation noun with an owner, which reads as a job ("the magazine's publisher Ann Lee")."""
    i = tokens[0].i - 1
    if i < 0:
        return False
    noun = doc[i]
    if _noun_kind(doc, noun, lists) != kind or kind == "ORG" and any(
            c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children):
        return False
    first, last = tokens[0].i, tokens[-1].i
    root = next((t for t in tokens if t.head.i < first or t.head.i > last), tokens[-1])
    if first <= noun.head.i <= last or root.head.i == i:
        return True
    return root.dep_ in ("pobj", "dobj", "conj") or root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT"


def _drop_sentence_nouns(doc, mentions: list[_Mention]) -> list[_Mention]:
    """A one-word mention that opens a sentence as a noun or adjective ("Jobs will be lost", "Indie band X") is
    capitalised only by its place when the text writes the same word in lower case as a common noun or
    adjective elsewhere ("600 jobs", "indie dance") and never capitalised inside a sentence. An unknown name
    the tagger calls a noun ("Harwood boss") has no such lower-case twin."""
    suspects = [m for m in mentions if m.tok_end - m.tok_start == 1 and doc[m.tok_start].is_sent_start
                and doc[m.tok_start].tag_ in ("NN", "NNS", "NNP", "NNPS", "JJ") and m.start == doc[m.tok_start].idx]
    if not suspects:
        return mentions
    words = {doc[m.tok_start].lower_ for m in suspects}
    named, common = set(), set()
    for t in tokens(doc):
        word = t.lower_
        if word not in words:
            continue
        if t.text[:1].isupper() and not t.is_sent_start:
            named.add(word)
        elif t.text.islower() and t.pos_ in ("NOUN", "ADJ"):
            common.add(word)
    drop = {id(m) for m in suspects if doc[m.tok_start].lower_ in common and doc[m.tok_start].lower_ not in named}
    return [m for m in mentions if id(m) not in drop]


_FUNCTION_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "AUX", "PRON"})


def _title_case_headline(doc) -> bool:
    """A first line written in title case ("Teenager Missing For Three Days Named By Police"): its words are
    capitalised, small function words included, so capitals there do not mark names."""
    end = _headline_end(doc)
    words = [t for t in tokens(doc) if t.idx < end and t.is_alpha]
    if len(words) < 4:
        return False
    capitalised = sum(t.text[:1].isupper() for t in words)
    return capitalised * 5 >= len(words) * 4 and any(
        t.pos_ in _FUNCTION_POS and t.text[:1].isupper() and not t.is_upper and t.i > words[0].i for t in words)


def _drop_headline_phrases(doc, mentions: list[_Mention]) -> list[_Mention]:
    """In a title-case headline the model reads capitalised phrases as names ("Teenager Missing"); a headline
    mention is kept only when each of its words is a word of a name the article body gives."""
    end = _headline_end(doc)
    if not end or not any(m.start < end for m in mentions) or not _title_case_headline(doc):
        return mentions
    body = {w for m in mentions if m.start >= end for w in norm(m.text).split()}
    return [m for m in mentions if m.start >= end or all(w in body for w in norm(m.text).split())]


def _is_portfolio(tokens, doc, lists: _Lists) -> bool:
    """"Children" in "Children's Minister", "Constitutional Affairs" in "Constitutional Affairs Minister Jo
    Bell": a possessive common noun before a title, or a capitalised phrase before a capitalised government
    title and a person or with "the" before it ("the Home Secretary said"), is part of the title (not a place:
    "Europe Minister"; not an office: "Home Office")."""
    k = tokens[-1].i + 1
    if k + 1 < len(doc) and doc[k].lower_ in lists.portfolio_titles and doc[k].is_title \
            and (doc[k + 1].ent_type_ == PERSON and doc[k + 1].ent_iob_ == "B"
                 or tokens[0].i > 0 and doc[tokens[0].i - 1].lower_ == "the" and not doc[k + 1].text[:1].isupper()) \
            and tokens[0].ent_type_ not in ("GPE", "LOC") \
            and all(t.is_title or t.lower_ == "and" for t in tokens) and tokens[-1].lower_ not in lists.head_words \
            and norm(doc[tokens[0].i:k].text) not in lists.places and not any(t.whitespace_ != " " for t in tokens):
        return True
    if len(tokens) != 1 or tokens[0].lower_ not in lists.portfolio_nouns:
        return False
    k = tokens[0].i + 1
    return k + 1 < len(doc) and doc[k].text in _POSSESSIVE and _title_at(doc, k + 1, lists) > 0


def _title_at(doc, k: int, lists: _Lists) -> int:
    """Number of tokens of the longest title starting at token ``k`` (0 if none)."""
    for size in range(min(lists.max_title, len(doc) - k), 0, -1):
        span = doc[k:k + size]
        if not any(t.is_punct and t.text != "-" for t in span) and _fold(span.text) in lists.titles:
            return size
    return 0


def _span_text(first, last) -> str:
    """The document text from token ``first`` to token ``last``: a slice of the text cached once per document
    (``Doc.text`` rebuilds the whole text; a ``Span`` joins its tokens' text on each call)."""
    return doc_text(first.doc)[first.idx:last.idx + len(last.text)]


def _context(doc, tokens, lists: _Lists) -> frozenset:
    """Grammar around a mention that argues against a person: "the Beatles", "Ryanair chief
    executive", "in Toulouse", "Toulouse, France". A name that modifies a noun ("the Trump
    administration") says nothing."""
    all_toks = _doc_tokens(doc)  # list indexing makes no new Token object per access
    found = set()
    first, last = tokens[0], tokens[-1]
    if first.i > 0 and all_toks[first.i - 1].lower_ == "the" and last.dep_ != "compound":
        found.add("the")
    nxt = last.i + 1
    if nxt < len(doc) and all_toks[nxt].text in _POSSESSIVE:
        nxt += 1
    size = len(doc)
    words = [] if nxt < size and all_toks[nxt].is_punct else [all_toks[k].text for k in range(nxt, min(nxt + 3, size))]
    following = [_fold(" ".join(words[:k])) for k in range(len(words), 0, -1)]
    if any(f in lists.org_titles for f in following):
        found.add("owner")
    if _org_described(doc, tokens, lists) or _org_noun_after(doc, tokens, lists) or (
            last.dep_ in _SUBJECTS and _plural_subject(all_toks, first, last)):
        found.add("org")
    elif last.dep_ in _SUBJECTS and _its_owner(doc, last):
        found.add("it")
    k = last.i + 1
    if first.i < last.i and k < size and last.dep_ == "compound" and last.head.i == k and all_toks[k].text.islower() \
            and lists.head_words.get(all_toks[k].lower_) == "FAC":
        found.add("fac")  # "Campo del Sol stadium", "Elm Park station": the building
    if first.i > 1 and all_toks[first.i - 1].lower_ in lists.org_hyphen_words and all_toks[first.i - 2].text == "-" \
            and not all_toks[first.i - 2].whitespace_:
        found.add("org")  # "state-owned Codelco", "Santa Monica-based Activision"
    if any(f in lists.team_titles for f in following[-2:]):
        found.add("team")
    if (_is_score(all_toks, last.i + 1) and last.i + 4 < len(doc) and all_toks[last.i + 4].pos_ == "PROPN"
            or _is_score(all_toks, first.i - 3) and first.i >= 4 and all_toks[first.i - 4].pos_ == "PROPN"):
        found.add("team")
    verb = last.head.lemma_ if last.dep_ == "dobj" else (
        f"{last.head.head.lemma_} {last.head.lower_}" if last.dep_ == "pobj" else None)
    if last.dep_ == "dobj" and last.head.lemma_ in lists.work_verbs:
        found.add("work")  # "sang Hey Jude", "directed Vera Drake"
    if verb in lists.team_verbs:
        found.add("club")
    elif verb in lists.match_verbs:
        found.add("match")
    before = first.i - 1
    if before >= 0 and all_toks[before].lower_ in lists.work_nouns and all_toks[before].pos_ in ("NOUN", "VERB", "PROPN", "ADJ") \
            and not (before > 0 and all_toks[before - 1].text == "-" and not all_toks[before - 1].whitespace_):
        found.add("work")
    elif len(tokens) > 1 and before >= 0 and all_toks[before].text in _OPEN_QUOTES and last.i + 1 < len(doc) \
            and all_toks[last.i + 1].text in _CLOSE_QUOTES:
        found.add("work")
    elif before > 0 and all_toks[before].lower_ in ("of", "to") and all_toks[before - 1].lower_ in lists.work_of_nouns \
            and last.dep_ == "pobj" and last.head.i == before:
        found.add("work")  # "the UK premiere of Polar Express", "a remake of King Kong"
    elif last.dep_ == "appos" and last.head.lower_ in lists.work_nouns and last.head.i < first.i:
        found.add("work")  # "The film, A Different Story, chronicles ..."
    k = last.i + 1
    if k + 1 < len(doc) and all_toks[k].pos_ in ("NOUN", "PROPN") and all_toks[k].lower_ not in lists.ceremony_nouns \
            and all_toks[k].is_alpha:
        k += 1  # "the Bafta film awards", "Brit Award nominations"
    if k < len(doc) and all_toks[k].lower_ in lists.ceremony_nouns and all_toks[k].pos_ == "NOUN":
        found.add("ceremony")
    if _thing_cue(doc, tokens, lists):
        found.add("thing")
    elif len(tokens) == 1 and before >= 0 and all_toks[before].text in _OPEN_QUOTES and last.i + 1 < len(doc) \
            and all_toks[last.i + 1].text in _CLOSE_QUOTES:
        found.add("quoted")
    after = last.i + 2
    if after < len(doc) and all_toks[last.i + 1].text == "," and all_toks[after].ent_type_ == "GPE" and (
            norm(_ent_span_text(doc, all_toks[after])) in lists.places):
        found.add("in")
    if last.dep_ == "pobj" and last.head.lower_ in lists.place_preps and (
            nxt == last.i + 1):
        found.add("in")
    if before >= 0 and (all_toks[before].lower_ in _PLACE_WORDS_BEFORE or all_toks[before].lower_ == "the" and before > 0
                        and all_toks[before - 1].lower_ in _PLACE_WORDS_BEFORE):
        found.add("placed")  # "in the West", "to West", "the West": how a place is written
    return frozenset(found)


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_LIST_JOINS = frozenset({",", "and", "&", "or", "nor", "with"})
_ITS = re.compile(r"\b[Ii]ts\b")


def _plural_subject(all_toks, first, token) -> bool:
    """A name that alone is the subject of a plural verb ("Grey Harbour were the big winners", "... have sold")
    is a band, team or firm: one person takes a singular verb. Not a list ("Lindqvist and Okafor were",
    "Lindqvist, Okafor and Ruiz are")."""
    verb = token.head
    if token.dep_ == "conj" or any(c.dep_ in ("conj", "appos", "cc") for c in token.children):
        return False
    if first.i > 0 and all_toks[first.i - 1].lower_ in _LIST_JOINS \
            or token.i + 1 < len(all_toks) and all_toks[token.i + 1].lower_ in _LIST_JOINS:
        return False
    if verb.tag_ == "VBP" and verb.lemma_ != "do" or verb.lower_ == "were":
        return True  # not "do": "Oh no Bill don't do anything" speaks to a person
    return any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBP" and c.lemma_ != "do" or c.lower_ == "were")
               for c in verb.children)


def _its_owner(doc, token) -> bool:
    """The subject of a clause that says "its" ("Velmora was keen to show off its new handset") is a thing
    or an organisation; an "its" under a verb with a subject of its own ("said the band would release its
    album") belongs to that subject."""
    text = doc_text(doc)
    verb = token.head
    lo, hi = verb.left_edge.idx, verb.right_edge.idx
    if _ITS.search(text, lo, hi + 1) is None:
        return False
    all_toks = _doc_tokens(doc)
    for k in range(verb.left_edge.i, verb.right_edge.i + 1):
        its = all_toks[k]
        if its.lower_ != "its" or its.i < token.i:
            continue
        node = its.head
        while node.i != verb.i and node.head.i != node.i:
            if any(c.dep_ in _SUBJECTS for c in node.children):
                break
            node = node.head
        else:
            if node.i == verb.i:
                return True
    return False


def _thing_cue(doc, tokens, lists: _Lists) -> bool:
    """A name with an article, owner or count of its own ("won an Oscar", "her Oscar", "two Oscars") or
    joined to an award word ("Oscar-winning", "Bafta-nominated") names a thing, not a person; not when the
    name modifies a noun ("a Blair aide", "its Isle of Man network") or is a measure ("a Kilo of")."""
    all_toks = _doc_tokens(doc)  # list indexing makes no new Token object per access
    first, last = tokens[0], tokens[-1]
    k = last.i + 1
    if k + 1 < len(doc) and all_toks[k].text == "-" and not last.whitespace_ and not all_toks[k].whitespace_ \
            and all_toks[k + 1].lower_ in lists.award_hyphen_words:
        return True
    root = next((t for t in tokens if t.head.i < first.i or t.head.i > last.i), last)
    if first.i == 0 or root.dep_ in ("compound", "nmod", "amod") or k < len(doc) and (
            all_toks[k].pos_ == "NOUN" or all_toks[k].lower_ == "of"):
        return False
    prev = all_toks[first.i - 1]
    return first.i <= prev.head.i <= last.i and prev.text.islower() and (
        prev.dep_ in ("det", "poss") and prev.text in lists.thing_determiners
        or prev.dep_ == "nummod" and prev.like_num)


def _org_described(doc, tokens, lists: _Lists) -> bool:
    """The text calls the name an organisation: an appositive or copula whose head noun is an organisation
    noun ("Wipro, India's third-biggest software firm," / "Wipro is a software company") or such a noun
    right before it ("software firm Wipro")."""
    all_toks = _doc_tokens(doc)  # list indexing makes no new Token object per access
    first, last = tokens[0].i, tokens[-1].i
    root = next((t for t in tokens if t.head.i < first or t.head.i > last), tokens[-1])
    for child in root.children:
        if child.dep_ == "appos" and child.i > last and child.left_edge.i == last + 2 and all_toks[last + 1].text == "," \
                and _noun_kind(doc, child, lists) == "ORG" and not _placed_or_job(doc, child):
            return True
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        attr = next((c for c in root.head.children if c.dep_ == "attr" and c.i > last), None)
        if attr is not None and _noun_kind(doc, attr, lists) == "ORG":
            return True
    return _noun_before(doc, tokens, lists, "ORG")


def _org_noun_after(doc, tokens, lists: _Lists) -> bool:
    """"the Herald newspaper", "the Arcadia group": an article, the name and an organisation noun it modifies."""
    all_toks = _doc_tokens(doc)  # list indexing makes no new Token object per access
    first, last = tokens[0], tokens[-1]
    k = last.i + 1
    if k >= len(doc) or first.i == 0 or last.dep_ != "compound" or last.head.i != k:
        return False
    det = all_toks[first.i - 1]
    return det.lower_ in ("the", "a", "an") and det.head.i == k and _noun_kind(doc, all_toks[k], lists) == "ORG"


def _placed_or_job(doc, noun) -> bool:
    """An appositive that locates the name ("Jacksonville, Florida-based firm") or gives a job at a place
    ("a senior broadcaster with the CBS network") does not say the name is an organisation."""
    start = noun.left_edge
    if start.ent_type_ == "GPE":
        end = start.i
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
        if end + 1 < len(doc) and doc[end + 1].text not in _POSSESSIVE:
            return True
    return any(c.dep_ == "prep" and c.lower_ in ("with", "at") for c in noun.children)


def _strip_titles(tokens, lists: _Lists, titles: frozenset | None = None):
    """Leading honorifics and titles of a PERSON span: ("President", [Donald, Trump])."""
    titles = lists.titles if titles is None else titles
    title = None
    while len(tokens) > 1:
        if _peer(tokens, lists):
            break
        if tokens[0].lower_.rstrip(".") in lists.honorifics:
            title = title or ""
            tokens = tokens[1:]
            continue
        for size in range(min(lists.max_title, len(tokens) - 1), 0, -1):
            phrase = _fold(" ".join(t.text for t in tokens[:size]))
            if phrase in titles:
                title = _role_text(tokens[:size])
                tokens = tokens[size:]
                break
        else:
            break
    return title, tokens


def _peer(tokens, lists: _Lists) -> bool:
    """"Lord Woolf": a capitalised peerage title and one surname, which together are the name."""
    return len(tokens) == 2 and tokens[0].text[:1].isupper() and tokens[0].lower_ in lists.peer_titles \
        and tokens[1].pos_ == "PROPN"


_SURNAME_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})  # "Mr King": what follows is a surname
_AFTER_HONORIFIC = re.compile(r"\b(?i:" + "|".join(sorted(_SURNAME_HONORIFICS)) + r")\.?[ \t]+([A-Z][\w’'-]*\w)")


def _is_title_word(token, lists: _Lists) -> bool:
    folded = _fold(token.text)
    return folded in lists.honorifics or folded in lists.titles


def _name_after(doc, i: int) -> list:
    """Up to three capitalised proper nouns from token ``i`` that the model left out of an entity
    ending in a title ("Lord" + "Ashcroft")."""
    out = []
    while i < len(doc) and len(out) < 3 and doc[i].ent_iob_ == "O" and doc[i].pos_ == "PROPN" \
            and doc[i].text[:1].isupper() and not (out and "\n" in out[-1].whitespace_):
        out.append(doc[i])
        i += 1
    return out


def _looks_like_name(text: str, lists: _Lists) -> bool:
    if text == text.lower() and not _DIGIT.search(text) or not _LETTER.search(text):
        return False  # no capital letter or digit, or no letter at all
    return norm(text) not in lists.not_names and len(text.strip()) > 1 and not _ORDINAL.match(text) \
        and not lists.unit_number.match(text)


def is_demonym(word: str) -> bool:
    """A word naming someone by nationality ("Scot", "Australian", "Spaniard"), for other extractors."""
    return _fold(word) in _lists().demonyms


def _is_demonym(text: str, lists: _Lists) -> bool:
    """"Ukrainian" or "Canadians" mislabelled as a place or organisation (a place name is never one)."""
    folded = _fold(text)
    if folded in lists.places or norm(text) in lists.short_forms:
        return False
    if folded in lists.demonyms or folded.endswith("s") and folded[:-1] in lists.demonyms:
        return True
    for suffix in ("man", "men", "woman", "women"):
        if folded.endswith(suffix) and folded[:-len(suffix)].strip() in lists.demonym_stems:
            return True
    return folded.endswith("ers") and (folded[:-3] in lists.places or folded[:-2] in lists.places)


def _is_date_name(text: str, lists: _Lists) -> bool:
    words = norm(text).split()
    return bool(words) and (words[-1] in lists.date_names or " ".join(words) in lists.date_names)


def _role_text(tokens) -> str:
    words = " ".join(t.text for t in tokens).replace(" - ", "-").replace(" 's", "'s").replace(" ’s", "’s").strip(" -").split()
    return " ".join(w if w.isupper() and len(w) > 1 else w[:1].upper() + w[1:] for w in words)


def _title_before(doc, i: int, lists: _Lists):
    """A title (and whom it belongs to) written right before token ``i``: "Canadian Prime Minister",
    "Health Secretary", "Mr". Capitalised words before a known title are part of it, at a sentence start too
    when they are proper nouns ("Culture Secretary X", "Black Eyed Peas singer X")."""
    all_toks = _doc_tokens(doc)  # list indexing makes no new Token object per access
    j = i
    cue = False
    if j > 0 and all_toks[j - 1].lower_.rstrip(".") in lists.honorifics:
        j -= 1
        cue = True
    last = _fold(all_toks[j - 1].text) if j > 0 else ""
    if j == 0 or last and last.split()[-1] not in lists.title_ends:
        return None, None, cue
    for size in range(min(lists.max_title, j), 0, -1):
        span = doc[j - size:j]
        if any(t.is_space or t.is_punct and t.text != "-" or "\n" in t.whitespace_ for t in span):
            continue
        if _fold(span.text) in lists.titles:
            start = j - size
            if start > 0 and all_toks[start - 1].ent_iob_ != "O":
                owner_span = entity_span(all_toks[start - 1])
                if owner_span.end == start and _is_portfolio(list(owner_span), doc, lists):
                    start = owner_span.start  # "Constitutional Affairs Minister": the portfolio is part of the title
            while start > 0 and j - start < size + 3:
                t = all_toks[start - 1]
                if (t.ent_iob_ == "O" and t.is_alpha and "\n" not in t.whitespace_
                        and (not t.is_sent_start or t.pos_ == "PROPN" and all_toks[start].pos_ == "PROPN"
                             and all_toks[start].text[:1].isupper())  # "Black Eyed Peas singer" opening a sentence
                        and (t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ")
                             or t.pos_ == "NOUN" and t.dep_ == "compound")
                        and _fold(t.text) not in lists.demonyms):
                    start -= 1
                else:
                    break
            if start > 1 and all_toks[start - 1].text in _POSSESSIVE and all_toks[start - 2].lower_ in lists.portfolio_nouns \
                    and all_toks[start - 2].text[:1].isupper():
                start -= 2
            club_title = _fold(doc[j - size:j].text) in lists.team_titles
            return _role_text(doc[start:j]), _owner_before(doc, start, lists, club_title), True
    return None, None, cue


def _owner_before(doc, k: int, lists: _Lists, club_title: bool = False) -> str | None:
    """Who a title at token ``k`` belongs to: "Canadian", "U.S.", "Canada's", "Apple" right before it;
    before a club title ("Bolton boss") also a name the model took for a person."""
    if k <= 0:
        return None
    prev = doc[k - 1]
    if prev.text in _POSSESSIVE and k > 1:
        prev = doc[k - 2]
    if "\n" in prev.whitespace_:
        return None
    if prev.ent_type_ in ("GPE", "ORG", "NORP", "LOC") or club_title and prev.ent_type_ == PERSON:
        return _owner_name(_ent_span_text(doc, prev, prev.i + 1), lists)
    folded = _fold(prev.text)
    if folded in lists.demonyms:
        return lists.demonyms[folded]
    return None


def _ent_span_text(doc, token, stop: int | None = None) -> str:
    """The model's entity span around ``token``, up to token ``stop`` ("Norvex" of "Norvex boss Alan Pryce")."""
    span = entity_span(token)
    if stop is not None and span.end > stop:
        span = doc[span.start:stop]
    if span[0].lower_ == "of":
        named = _before_of(doc, list(span))
        return _span_text(named[0], named[-1])
    return span.text


def _owner_name(text: str, lists: _Lists) -> str | None:
    if text.lower().startswith(("ex-", "former ")):
        return None
    key = norm(text)
    folded = _fold(text)
    if folded in lists.demonyms:
        return lists.demonyms[folded]
    if key in lists.short_forms:
        return lists.short_forms[key]
    clean = text.strip()
    if clean.lower().startswith("the "):
        clean = clean[4:]
    return clean or None


def _appositive(doc, tokens, lists: _Lists):
    """Role, owner and person cue from an appositive: "Carney, Canada's prime minister," / "Smith, 45,"."""
    root = tokens[-1]
    for t in tokens:
        if t.head.i < tokens[0].i or t.head.i > tokens[-1].i:
            root = t
            break
    last, first = tokens[-1].i, tokens[0].i
    candidates = [c for c in root.children if c.dep_ == "appos" and c.i > last
                  and last + 1 < len(doc) and doc[last + 1].text == ","]
    if root.dep_ == "appos" and root.head.i < first:
        candidates.append(root.head)
    for noun in candidates:
        if noun.i == root.i + 2 and doc[root.i + 1].text == "," and noun.text.isdigit() and (
                0 < int(noun.text) < 120 and noun.i + 1 < len(doc) and doc[noun.i + 1].text == ","):
            return None, None, True
        mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and _fold(c.text) not in lists.demonyms]
        phrase = next((doc[m.i:noun.i + 1] for m in mods + [noun] if _fold(doc[m.i:noun.i + 1].text) in lists.titles),
                      None)
        if phrase is None:
            continue
        words = [phrase[0]]
        owner = None
        for child in noun.children:
            if child.dep_ == "poss" and child.ent_type_:
                owner = _owner_name(_ent_span_text(doc, child), lists)
            elif child.dep_ == "amod" and _fold(child.text) in lists.demonyms:
                owner = lists.demonyms[_fold(child.text)]
            elif (child.dep_ in ("compound", "nmod") and child.ent_type_ in ("GPE", "ORG", "NORP")
                  and child.i < words[0].i):
                owner = _owner_name(_ent_span_text(doc, child), lists)
            elif child.dep_ == "prep" and child.lower_ in ("of", "at") and owner is None:
                obj = next((g for g in child.children if g.dep_ == "pobj" and g.ent_type_), None)
                if obj is not None:
                    owner = _owner_name(_ent_span_text(doc, obj), lists)
        return _role_text(phrase), owner, _fold(phrase.text) in lists.person_titles
    return None, None, False


def _add_missed_people(doc, mentions: list[_Mention], lists: _Lists) -> list[_Mention]:
    """A capitalised "First Last" pair the model left out or called a date ("Theresa May" with "May" as
    DATE) is a person when a person title appositive follows it ("Theresa May, shadow secretary for the
    family,"), when it is the subject of a reporting verb and its first word is a common first name, or
    when its last word is a surname the model tagged as a person elsewhere ("Lleyton Hewitt" beside
    "Hewitt") or that stands alone elsewhere as the untagged subject of a verb ("Marat Safin suffered a
    loss ... Safin showed some good touches")."""
    taken = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
    surnames = {m.text for m in mentions if m.label == PERSON and " " not in m.text}
    toks = tokens(doc)
    # "Ms Detakats said": a word after a personal honorific anywhere in the text is a surname
    surnames |= set(_AFTER_HONORIFIC.findall(doc_text(doc)))
    # "Marat Safin suffered ... Safin showed": the last word alone is the untagged subject of a verb elsewhere
    subjects = Counter(t.text for t in toks if t.pos_ == "PROPN" and t.dep_ == "nsubj" and t.ent_iob_ == "O"
                       and t.text.istitle() and t.is_alpha and t.head.pos_ == "VERB"
                       and (t.i == 0 or doc[t.i - 1].pos_ != "PROPN")
                       and (t.i + 1 == len(doc) or doc[t.i + 1].pos_ != "PROPN"))
    found = []
    for first, last in zip(toks, toks[1:]):
        if last.pos_ != "PROPN" or first.pos_ != "PROPN" and not (
                first.is_title and first.dep_ == "compound" and first.head.i == last.i
                and last.dep_ == "nsubj" and last.head.lemma_ == "be"):  # a first name the tagger took for a noun
            continue
        first_ok = _missed_word(first, lists) if first.pos_ == "PROPN" else (
            first.is_alpha and first.is_title and _fold(first.text) not in lists.titles)
        if first.i in taken or last.i in taken or not first_ok or not _missed_word(last, lists) \
                or first.ent_iob_ != "O" or not (last.ent_iob_ == "O" or last.ent_type_ == "DATE" and last.ent_iob_ == "B"
                                                 and (last.i + 1 == len(doc) or doc[last.i + 1].ent_iob_ != "I")):
            continue
        before = doc[first.i - 1] if first.i else None
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() and "\n" not in before.whitespace_ \
                and before.lower_.rstrip(".") not in lists.honorifics or after is not None and after.pos_ == "PROPN":
            continue
        if "\n" in first.whitespace_:
            continue
        pair = [first, last]
        role, owner, cue = _appositive(doc, pair, lists)
        said = last.dep_ == "nsubj" and last.head.lemma_ in lists.reporting_verbs and first.lower_ in lists.first_names
        # "Piers Freelove is senior benefits officer at the charity": what the copula says is a person's job
        is_role = last.dep_ == "nsubj" and last.head.lemma_ == "be" and any(
            c.dep_ == "attr" and c.i > last.i and (c.lower_ in lists.person_nouns or _fold(c.text) in lists.titles)
            for c in last.head.children)
        # "Yiannis Papadoyiannakis, who was head of ...": "who" is said of people
        who = last.i + 2 < len(doc) and doc[last.i + 1].text == "," and doc[last.i + 2].lower_ == "who" \
            and first.lower_ not in lists.honorifics and norm(first.text) not in lists.places \
            and last.lower_ not in lists.club_suffixes  # British "who" is also said of teams and bands
        if not (cue and role and _title_follows(doc, last.i + 1, lists)) and not said and not is_role and not who \
                and last.text not in surnames and last.text not in subjects:
            continue
        if first.idx < _headline_end(doc) and first.lower_ not in lists.first_names and not (cue and role):
            continue  # "Prodigy Monfils blows away Gaudio": a title-case headline word, not a first name
        m = _Mention(first.idx, last.idx + len(last.text), _span_text(first, last), _span_text(first, last), PERSON,
                     first.i, last.i + 1, person_cue=True, role=role, affiliation=owner, added=True)
        m.context = _context(doc, pair, lists)
        found.append(m)
    if not found:
        return mentions
    return sorted(mentions + found, key=lambda m: m.start)


def _repair_people(doc, mentions: list[_Mention], lists: _Lists) -> list[_Mention]:
    """One-person spans the model built wrong: a demonym before a lone surname that another person of the text
    carries ("Spaniard Costa" beside "Albert Costa"); a titled one-word person before a surname the model took
    for a date ("coach Mike Friday"); an untagged common first name before a one-word person ("Malcolm" +
    "Glazer")."""
    surnames = Counter(norm(m.text).split()[-1] for m in mentions if m.label == PERSON and " " in m.text)
    out = []
    size = len(doc)
    for m in mentions:
        first, count = m.tok_start, m.tok_end - m.tok_start
        new = None
        if m.label != PERSON or count > 2:
            pass
        elif count == 2 and doc[first].lower_ not in lists.first_names and surnames[doc[first + 1].lower_] > (
                norm(m.text).split()[-1] == doc[first + 1].lower_) and (
                _fold(doc[first].text) in lists.demonyms or _is_demonym(doc[first].text, lists)):
            new = _mention([doc[first + 1]], PERSON, doc, lists)
            if new is not None:
                new.affiliation = new.affiliation or lists.demonyms.get(_fold(doc[first].text))
        elif count == 1 and m.tok_end < size and (m.person_cue or m.role) and doc[m.tok_end].ent_iob_ == "B" \
                and doc[m.tok_end].ent_type_ == "DATE" and doc[m.tok_end].lower_ in lists.calendar_names \
                and doc[m.tok_end].is_title and doc[first].whitespace_ == " " \
                and (m.tok_end + 1 == size or doc[m.tok_end + 1].ent_iob_ != "I"):
            new = _mention([doc[first], doc[m.tok_end]], PERSON, doc, lists)
        elif count == 1 and first > 0 and m.start == doc[first].idx and doc[first - 1].ent_iob_ == "O" \
                and doc[first - 1].is_title and doc[first - 1].lower_ in lists.first_names \
                and doc[first - 1].whitespace_ == " ":
            new = _mention([doc[first - 1], doc[first]], PERSON, doc, lists)
        out.append(new or m)
    return out


def _title_follows(doc, k: int, lists: _Lists) -> bool:
    """A comma at token ``k`` and a title within the next few words, with no punctuation before it."""
    if k >= len(doc) or doc[k].text != ",":
        return False
    for j in range(k + 1, min(k + 7, len(doc))):
        if _title_at(doc, j, lists):
            return True
        if doc[j].is_punct and doc[j].text != "-" or "\n" in doc[j].whitespace_:
            return False
    return False


def _missed_word(token, lists: _Lists) -> bool:
    return token.pos_ == "PROPN" and token.is_alpha and len(token.text) > 1 and token.text[:1].isupper() \
        and not token.text.isupper() and token.lower_.rstrip(".") not in lists.honorifics \
        and _fold(token.text) not in lists.titles and _fold(token.text) not in lists.demonyms


def _fix_scorers(doc, mentions: list[_Mention], lists: _Lists) -> list[_Mention]:
    """"Dyer 69" tagged LAW in a line of goal scorers is the player Dyer: a surname and a minute, when the
    word is a person's name elsewhere in the text or several such "Name minute" laws appear."""
    scorers = {}
    for i, m in enumerate(mentions):
        if m.label == "LAW" and m.tok_end - m.tok_start == 2:
            word, minute = doc[m.tok_start], doc[m.tok_start + 1]
            listed = word.i > 0 and (doc[word.i - 1].text in (",", ":", ";", "(") or "\n" in doc[word.i - 1].text)
            if (listed and word.is_alpha and word.text[:1].isupper() and word.lower_ not in lists.numbered_law_words
                    and minute.text.isdigit() and 0 < int(minute.text) <= 130):
                scorers[i] = word
    if not scorers:
        return mentions
    people = {w for m in mentions if m.label == PERSON for w in norm(m.text).split()[-1:]}
    many = len({w.lower_ for w in scorers.values()}) >= 2
    out = []
    for i, m in enumerate(mentions):
        word = scorers.get(i)
        if word is not None and (many or word.lower_ in people):
            player = _mention([word], m.label, doc, lists)
            if player is not None:
                player.person_cue = True
                out.append(player)
            continue
        out.append(m)
    return out


def _split_pairs(doc, mentions: list[_Mention], lists: _Lists) -> list[_Mention]:
    """"Everton and Arsenal" read as one name is two when either half is written alone elsewhere in the
    text ("Marks and Spencer" stays whole unless "Marks" appears on its own)."""
    keys = Counter(norm(m.text) for m in mentions)
    out = []
    for m in mentions:
        if " and " not in m.text.lower() and " or " not in m.text.lower():
            out.append(m)  # no pair (the cheap test first)
            continue
        tokens = doc[m.tok_start:m.tok_end]
        cut = [t.i for t in tokens if t.lower_ in ("and", "or")]
        if len(cut) == 1 and m.tok_start < cut[0] < m.tok_end - 1 and doc[cut[0] + 1].text[:1].isupper() \
                and keys[norm(m.text)] == 1 and "work" not in m.context:
            left, right = doc[m.tok_start:cut[0]], doc[cut[0] + 1:m.tok_end]
            if keys[norm(left.text)] or keys[norm(right.text)]:
                parts = [p for p in (_mention(list(left), m.label, doc, lists),
                                     _mention(list(right), m.label, doc, lists)) if p is not None]
                if parts:
                    out.extend(parts)
                    continue
        out.append(m)
    return out


def _join_split_names(doc, mentions: list[_Mention]) -> list[_Mention]:
    """Two adjacent mentions that together spell a name written whole elsewhere ("Lockheed" + "Martin"
    next to "Lockheed Martin") are one mention."""
    whole = {norm(m.text) for m in mentions if " " in m.text}
    out: list[_Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and m.tok_start == prev.tok_end and doc[prev.tok_end - 1].whitespace_ == " "
                and m.start == prev.end + 1 and prev.surface == prev.text
                and norm(f"{prev.text} {m.text}") in whole):
            text = f"{prev.text} {m.text}"
            out[-1] = _Mention(prev.start, m.end, text, text, prev.label, prev.tok_start, m.tok_end,
                               prev.person_cue or m.person_cue, prev.role or m.role,
                               prev.affiliation or m.affiliation, context=prev.context | m.context)
        else:
            out.append(m)
    return out


def _nickname_end(doc, k: int, stop: int) -> int | None:
    """Index of the quotation mark closing a nickname that opens at token ``k`` ("the Whirlwind", 'Hurricane'):
    one to four capitalised words (or "the") between quotation marks, before token ``stop``."""
    if k >= stop or doc[k].text not in _OPEN_QUOTES:
        return None
    for j in range(k + 2, min(k + 6, stop)):
        if doc[j].text in _CLOSE_QUOTES:
            words = doc[k + 1:j]
            if all(w.is_alpha and (w.text[:1].isupper() or w.lower_ == "the") for w in words) \
                    and any(w.text[:1].isupper() for w in words):
                return j
            return None
    return None


def _drop_nicknames(doc, mentions: list[_Mention]) -> list[_Mention]:
    """A nickname in quotation marks inside a name (Jimmy "the Whirlwind" White) is not part of the name:
    the mention keeps the whole span as written but is named "Jimmy White", so that "Mr White" finds him.
    When the model tagged the first name and the surname apart, the two become one mention and the nickname
    between them is no entity."""
    size = len(doc)
    out: list[_Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        for q in range(m.tok_start + 1, m.tok_end - 2):
            close = _nickname_end(doc, q, m.tok_end - 1)
            if close is not None and m.label == PERSON and doc[q - 1].whitespace_:
                m.text = f"{_span_text(doc[m.tok_start], doc[q - 1])} {_span_text(doc[close + 1], doc[m.tok_end - 1])}"
                break
        close = _nickname_end(doc, m.tok_end, size) if m.label == PERSON and m.tok_end - m.tok_start == 1 \
            and doc[m.tok_end - 1].whitespace_ else None
        if close is not None:
            inner = [x for x in mentions[i + 1:] if x.tok_start <= close]
            after = mentions[i + 1 + len(inner)] if i + 1 + len(inner) < len(mentions) else None
            if after is not None and after.tok_start == close + 1 and after.label == PERSON \
                    and doc[close].whitespace_ and " " not in after.text:
                surface = _span_text(doc[m.tok_start], doc[after.tok_end - 1])
                out.append(_Mention(m.start, after.end, f"{m.text} {after.text}", surface, PERSON, m.tok_start,
                                    after.tok_end, m.person_cue or after.person_cue, m.role or after.role,
                                    m.affiliation or after.affiliation, context=m.context | after.context))
                i += 2 + len(inner)
                continue
        out.append(m)
        i += 1
    return out


_LIST_SEPARATORS = frozenset({",", ";"})


def _sheet_lines(doc) -> list[list]:
    """The name segments of the lines of ``doc`` that are bare lists of names, as a team sheet writes them
    ("Nash, Reiziger (Graham 82), Riggott; Southgate, Queudrue", "Replacements: Fortey, Murphy, Daly"): three or
    more names between commas or semicolons, and no lower-case word outside brackets; beside such a line, also
    two names after a "Label:" ("Subs Not Used: Cooper, Knight."). Each segment is the run of capitalised words
    of one name, without a minute or a bracketed note."""
    text = doc_text(doc)
    if not any(_could_be_sheet(line) for line in text.split("\n")):
        return []  # prose: every line has a lower-case word outside brackets (the cheap test first)
    found: list[list] = []
    short: list[list] = []
    line: list = []
    for t in [*tokens(doc), None]:
        if t is not None and not ("\n" in t.text and t.is_space):
            line.append(t)
            if "\n" not in t.whitespace_:
                continue
        if line:
            segments = _sheet_segments(line)
            (found if len(segments) >= 3 else short).extend(segments)
        line = []
    return found + short if found else []


_BRACKETED = re.compile(r"\([^()]*\)")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")


def _could_be_sheet(line: str) -> bool:
    """Can a line of text be a bare list of names: list separators, and no lower-case word after its
    label outside brackets? (The same test as ``_sheet_segments`` makes on tokens, done on text.)"""
    body = line.split(":", 1)[1] if ":" in line else line
    return any(sep in body for sep in _LIST_SEPARATORS) and not _LOWER_WORD.search(_BRACKETED.sub(" ", body))


def _sheet_segments(line: list) -> list[list]:
    colon = next((k for k, t in enumerate(line) if ":" in t.text), None)
    body = line[colon + 1:] if colon is not None else line
    separators = sum(t.text in _LIST_SEPARATORS for t in body)
    if separators < (1 if colon is not None else 2):
        return []
    segments, current, depth = [], [], 0
    for t in body:
        if "(" in t.text:
            depth += 1
        if t.text in _LIST_SEPARATORS or "(" in t.text or ")" in t.text or t.text == ".":
            if current:
                segments.append(current)
            current = []
        elif depth:
            pass  # "(capt)", "(Sale Sharks)", "(Graham 82)": a note on the name, not a name of the list
        elif t.is_alpha and t.text.islower():
            return []
        elif t.text[:1].isupper() and not t.like_num:
            current.append(t)
        elif current and t.text == "-" and not t.whitespace_:
            current.append(t)
        if ")" in t.text:
            depth = max(depth - 1, 0)
    if current:
        segments.append(current)
    return segments if len(segments) >= (2 if colon is not None else 3) else []


def _team_sheets(doc, mentions: list[_Mention], lists: _Lists) -> list[_Mention]:
    """The names of a team sheet are players: when most names of the text's bare list lines (``_sheet_lines``)
    the model calls a person or the text uses as a person's surname, every name of those lines is a person,
    whatever label the model gave it ("Vaili" GPE, "Coutts" ORG), and a name it left untagged is added."""
    segments = _sheet_lines(doc)
    if not segments:
        return mentions
    by_token = {i: m for m in mentions for i in range(m.tok_start, m.tok_end)}
    surnames = {norm(m.text).split()[-1] for m in mentions if m.label == PERSON and m.start >= _headline_end(doc)}
    votes = Counter()
    for seg in segments:
        m = next((by_token[t.i] for t in seg if t.i in by_token), None)
        if m is not None:
            votes[PERSON if m.label == PERSON or norm(m.text).split()[-1] in surnames else "other"] += 1
        elif norm(seg[-1].text) in surnames:
            votes[PERSON] += 1
    if votes[PERSON] * 2 <= sum(votes.values()):
        return mentions
    added = []
    for seg in segments:
        inside = {id(by_token[t.i]): by_token[t.i] for t in seg if t.i in by_token}
        for m in inside.values():
            m.person_cue = True
        if inside or seg[-1].text == "-":
            continue
        text = _span_text(seg[0], seg[-1])
        if not _looks_like_name(text, lists) or len(seg) == 1 and seg[0].is_upper:
            continue  # "TBC" in a team sheet
        m = _Mention(seg[0].idx, seg[-1].idx + len(seg[-1].text), text, text, PERSON, seg[0].i, seg[-1].i + 1,
                     person_cue=True, added=True)
        added.append(m)
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


# -- 2. grouping ---------------------------------------------------------------------------------


def _key(text: str, lists: _Lists) -> tuple[str, str | None]:
    key = norm(text)
    canonical = lists.short_forms.get(key)
    return (norm(canonical), canonical) if canonical else (key, None)


def _group(mentions: list[_Mention], lists: _Lists) -> list[_Group]:
    groups: dict[str, _Group] = {}
    for m in mentions:
        key, canonical = _key(m.text, lists)
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(key, canonical=canonical)
        group.mentions.append(m)
    result = list(groups.values())
    _merge_acronyms(result)
    return result


def _merge_implied_short_forms(doc, groups: list[_Group], lists: _Lists) -> None:
    """"America" (or "the States", written with its "the") joins the United States when the text also
    names the United States; alone it may be the continent, and "Latin America" or "the States of Jersey"
    are other names."""
    by_key = {g.key: g for g in groups if g.mentions}
    for g in groups:
        form = lists.implied_short_forms.get(g.key)
        if form is None or not g.mentions:
            continue
        target = by_key.get(norm(form[0]))
        if target is None or target is g:
            continue
        moving = [m for m in g.mentions if (not form[1] or m.tok_start > 0 and doc[m.tok_start - 1].lower_ == "the")
                  and not (m.tok_end < len(doc) and doc[m.tok_end].lower_ == "of")]
        if moving:
            target.mentions.extend(moving)
            target.mentions.sort(key=lambda m: m.start)
            g.mentions = [m for m in g.mentions if m not in moving]


def _abbreviates(short: str, name: str) -> bool:
    """``short`` can be an abbreviation of ``name``: capitals most of which are capitals of the name ("IBGE"
    of "Brazilian Institute for Geography and Statistics", the acronym of a foreign name), or letters
    read in order through it from its first letter ("Ofcom", "Nymex")."""
    letters = short.replace(".", "").replace("&", "")
    if len(name.split()) < 2 or not 2 <= len(letters) <= 8 or not letters.isalpha() or not letters[0].isupper():
        return False
    if letters.isupper():
        capitals = {c for c in name if c.isupper()}
        return letters[0] in capitals and sum(c in capitals for c in letters) * 2 > len(letters)
    lower = name.lower()
    if letters[0].lower() != lower[0]:
        return False
    pos = 0
    for c in letters.lower():
        pos = lower.find(c, pos) + 1
        if not pos:
            return False
    return True


def _merge_bracket_aliases(doc, groups: list[_Group], lists: _Lists) -> None:
    """A short form in brackets right after a name ("the Office for National Statistics (ONS)") is an
    alias of that name, not of a person: the bracketed word and every other mention of it join the name."""
    by_key = {g.key: g for g in groups if g.mentions}
    starts = {m.tok_start for g in groups for m in g.mentions}
    size = len(doc)
    for g in groups:
        for m in list(g.mentions):
            k = m.tok_end
            if (k + 2 >= size or doc[k].text != "(" or doc[k + 2].text != ")" or m.label == PERSON or m.person_cue
                    or not _abbreviates(doc[k + 1].text, m.text)):
                continue
            alias = doc[k + 1]
            key = norm(alias.text)
            other = by_key.get(key)
            if other is not None and (other is g or other.canonical or not other.mentions):
                continue
            if k + 1 not in starts:
                g.mentions.append(_Mention(alias.idx, alias.idx + len(alias.text), alias.text, alias.text, m.label,
                                           k + 1, k + 2, added=True))
                starts.add(k + 1)
            if other is not None:
                g.mentions.extend(other.mentions)
                other.mentions = []
            by_key[key] = g
    for g in groups:
        g.mentions.sort(key=lambda m: m.start)


def _used_as_org(doc, m: _Mention, lists: _Lists) -> bool:
    """A mention read as an organisation: the subject of a reporting verb ("said Jupiter"), an owner
    ("Jupiter's report"), a name before a person's title ("Jupiter analyst") or the agent of "by"."""
    token = doc[m.tok_end - 1]
    head = token.head
    return (token.dep_ == "nsubj" and head.lemma_ in lists.reporting_verbs or token.dep_ == "poss"
            or token.dep_ == "compound" and head.i > token.i and head.text.islower()
            and (head.lower_ in lists.person_nouns or _fold(head.text) in lists.titles)
            or token.dep_ == "pobj" and head.lower_ == "by")


def _merge_generic_suffix(doc, groups: list[_Group], lists: _Lists) -> None:
    """"Labour" is the "Labour Party", "Jupiter" is "Jupiter Research": a name that is an organisation's
    name without its generic last word (``org_generic_suffixes``) is that organisation when the text calls
    it an organisation too, or a person without a title, or a place where it is used as an organisation
    ("said Jupiter"). Only the generic word: "BBC One" is not the BBC."""
    longer: dict[str, list[_Group]] = {}
    for g in groups:
        words = g.key.split()
        if g.mentions and g.label == "ORG" and len(words) >= 2 and words[-1] in lists.org_generic_suffixes:
            longer.setdefault(" ".join(words[:-1]), []).append(g)
    if not longer:
        return
    for g in groups:
        targets = longer.get(g.key)
        if not g.mentions or not targets or len(targets) > 1 or targets[0] is g:
            continue
        if g.label == "ORG" or g.label == PERSON and not any(m.person_cue or m.role for m in g.mentions):
            moving = g.mentions
        elif g.label in ("GPE", "LOC") and not lists.places.get(g.key):
            moving = [m for m in g.mentions if "in" not in m.context and _used_as_org(doc, m, lists)]
        else:
            continue
        if moving:
            targets[0].mentions.extend(moving)
            targets[0].mentions.sort(key=lambda m: m.start)
            g.mentions = [m for m in g.mentions if m not in moving]


def _merge_org_short_forms(doc, groups: list[_Group], lists: _Lists) -> None:
    """A short organisation, building or event name is the one longer such name it leaves a word off: the name
    without its head noun ("La Fenice" of "La Fenice Theatre"), the last word of a two-word name ("Villa" of
    "Aston Villa") or the first word of a name ("Petrel" of "Petrel Resources", "CBS" of "CBS TV"; not of a
    part or product, "BBC World Service", "Sony Music", "BBC One"), once the longer name is written (a headline
    may come first). Not a place of the gazetteer, not a name written as a place ("in X", "to X"), and not
    "Times" beside "Sunday Times", another paper."""
    named = {"ORG", "FAC", "EVENT"}
    longer: dict[str, list[_Group]] = {}
    trailing: dict[str, list[_Group]] = {}
    leading: dict[str, list[_Group]] = {}
    solo = {g.key for g in groups if g.mentions and g.label == "ORG" and " " not in g.key}
    for g in groups:
        words = g.key.split()
        if not g.mentions or g.label not in named or len(words) < 2 or g.canonical:
            continue
        if lists.head_words.get(words[-1]) in named and len(words) <= 3:
            longer.setdefault(" ".join(words[:-1]), []).append(g)
        if len(words) == 2 and words[0] in solo and words[1] in solo:
            continue  # "Sony Ericsson" beside "Sony" and "Ericsson": a joint venture, not either parent
        if len(words) == 2 and words[0] not in lists.calendar_names and words[1] not in lists.head_words \
                and not _is_demonym(words[0], lists):  # "British Tolkien fans" names no Tolkien
            trailing.setdefault(words[1], []).append(g)
        if not any(w in lists.org_part_words or any(c.isdigit() or c in "'’" for c in w) for w in words) and all(
                w[:1].isupper() or w.lower() in _NAME_PARTICLES or w in ("and", "&")
                for m in g.mentions for w in m.text.split()):  # not a run-on span "Arsenal to Real Madrid"
            leading.setdefault(words[0], []).append(g)
    for key, found in [*trailing.items(), *leading.items()]:
        known = longer.setdefault(key, [])
        known.extend(f for f in found if f not in known)
    if not longer:
        return
    headline = _headline_end(doc)
    for g in groups:
        targets = longer.get(g.key)
        if not g.mentions or not targets or len(targets) > 1 or targets[0] is g or not targets[0].mentions \
                or g.label not in named and not (  # "Pellor" typed PERSON of "Pellor Games", never a surname
                    g.label == PERSON and targets[0].label == "ORG" and targets[0].key.split()[0] == g.key
                    and not any(m.role for m in g.mentions)) \
                or g.canonical or lists.places.get(g.key) or any(
                    headline <= m.start < targets[0].mentions[0].start for m in g.mentions) or any(
                    "in" in m.context or m.person_cue or m.tok_start and doc[m.tok_start - 1].lower_ in _MOTION_PREPS
                    for m in g.mentions):
            continue
        if g.key in trailing and any(m.tok_start and doc[m.tok_start - 1].lower_ == "the"
                                     and doc[m.tok_end - 1].dep_ != "compound" for m in g.mentions):
            continue  # "the House" (of a parliament) beside "the White House"; "the Kessen match" is the club
        targets[0].mentions.extend(g.mentions)
        targets[0].mentions.sort(key=lambda m: m.start)
        g.mentions = []


def _headline_end(doc) -> int:
    """Offset where the first line ends (0 when the text has a single line): a headline comes before it."""
    cache = doc.user_data
    end = cache.get("factx.headline_end")
    if end is None:
        end = cache["factx.headline_end"] = next(
            (t.idx + len(t.text) for t in tokens(doc) if "\n" in t.whitespace_ or "\n" in t.text), 0)
    return end


def _merge_acronyms(groups: list[_Group]) -> None:
    """"GAO" joins "Government Accountability Office" when it spells its capitalised words."""
    initials: dict[str, list[_Group]] = {}
    for g in groups:
        words = g.mentions[0].text.replace("-", " ").split()
        if len(words) < 2:
            continue
        letters = "".join(w[0] for w in words if w.lower() not in _ACRONYM_STOP and w[0].isupper())
        if len(letters) >= 2:
            initials.setdefault(letters, []).append(g)
    for g in groups:
        if not g.mentions:
            continue
        text = g.mentions[0].text.replace(".", "")
        capitals = "".join(c for c in text if c.isupper())
        if text.isalpha() and len(capitals) >= 2 and len(text) <= 6 and text[0].isupper() and g.canonical is None:
            targets = [t for t in initials.get(capitals, []) if t is not g and t.mentions]
            if len(targets) == 1:
                targets[0].mentions.extend(g.mentions)
                g.mentions = []


def _person_like(group: _Group) -> bool:
    """A person cue, or a person label the most common among the group's multi-word mentions (a plain
    count: this runs for every group pair, where a Counter costs more than the counting)."""
    counts: dict[str, int] = {}
    for m in group.mentions:
        if m.person_cue:
            return True
        if len(m.text.split()) > 1:
            counts[m.label] = counts.get(m.label, 0) + 1
    return bool(counts) and max(counts, key=counts.__getitem__) == PERSON


def _merge_peers(groups: list[_Group], lists: _Lists) -> None:
    """"Lord Callaghan" joins "Jim Callaghan" when he is the only person of that surname."""
    full: dict[str, list[_Group]] = {}
    for g in groups:
        words = _name_words(g.key, lists)
        if g.mentions and 2 <= len(words) <= 4 and words[0] not in lists.peer_titles and _person_like(g):
            full.setdefault(words[-1], []).append(g)
    for g in groups:
        words = g.key.split()
        if g.mentions and len(words) == 2 and words[0] in lists.peer_titles and len(full.get(words[1], ())) == 1:
            full[words[1]][0].mentions.extend(g.mentions)
            g.mentions = []


def _merge_short_names(groups: list[_Group], lists: _Lists, final: bool = False, headline: int = 0) -> None:
    """A shorter name joins the person whose surname, last words or first name it is ("Carney",
    "Van Doren Stern", "Mark"): the nearest such person mentioned before it, else the first after it.
    A person is a multi-word group that looks like one, or that the shorter name says is a person.
    A name the model never calls a person that the article body uses twice before the person is named is
    another entity ("Kasabian" the band, long before "Linda Kasabian", after whom it is named)."""
    people: dict[str, list[_Group]] = {}
    for g in groups:
        words = _name_words(g.key, lists)
        if (not g.mentions or len(words) < 2 or len(words) > 4 or g.canonical or "of" in words
                or _head_label(g, lists) or not all(m.text[:1].isupper() for m in g.mentions)):
            continue
        for k in range(1, len(words)):
            people.setdefault(" ".join(words[k:]), []).append(g)
        people.setdefault(words[0], []).append(g)
    if not people:
        return
    for g in groups:
        if not g.mentions or g.key not in people or g.canonical or _not_a_person(g, merging=True) and not any(
                _ends_with(c, g.key, lists) for c in people[g.key]):
            continue
        if lists.places.get(g.key) and not any(m.person_cue or m.label == PERSON for m in g.mentions) and not (
                not any(m.context & {"in", "placed"} for m in g.mentions)
                and (g.key in lists.cities or " " not in g.key and lists.places[g.key] != "GPE")
                and any(_ends_with(c, g.key, lists) and _full_label(c) == PERSON
                        and all(w.istitle() for m in c.mentions for w in m.text.split()) for c in people[g.key])):
            continue
        says_person = _votes(g.mentions).most_common(1)[0][0] == PERSON or any(m.person_cue for m in g.mentions)
        multi = " " in g.key
        strong = sum(m.label == PERSON for m in g.mentions) >= 2 or any(m.person_cue for m in g.mentions)
        candidates = [c for c in people[g.key] if c is not g and c.mentions and (
            (c.label == PERSON) if final else (_person_like(c) or says_person and not multi and (
                _full_label(c) not in _NAMED_ORG
                or strong and _ends_with(c, g.key, lists) and not lists.places.get(c.key)
                and _fold(c.key.split()[0]) not in lists.demonyms)))]
        surname = [c for c in candidates if _ends_with(c, g.key, lists)]
        if not multi and all(m.titled for m in g.mentions):
            candidates = surname  # "Prince Charles" is not Charles Kennedy ("Sir Digby" and "Mr Wang" may be)
        if not says_person and not any(m.label == PERSON for m in g.mentions):
            # "Ford" the firm beside "William Clay Ford Jr": only a name's own last word takes an unlabelled surname
            suffixed = [c for c in surname if not c.key.endswith(" " + g.key)]
            body = sorted(m.start for m in g.mentions if m.start >= headline)
            later = [c for c in surname if len(body) > 1 and c.first > body[1]]
            surname = [c for c in surname if c not in suffixed and c not in later]
            candidates = [c for c in candidates if c not in suffixed and c not in later]
        if not surname and not says_person:
            continue
        candidates = surname or candidates
        if not candidates:
            continue
        named = [c for c in candidates if _full_label(c) == PERSON]
        candidates = named or candidates  # "Marcello Viotti" over a model span "La Fenice Viotti"
        for m in g.mentions:
            before = [(max(x.start for x in c.mentions if x.start < m.start), c) for c in candidates
                      if any(x.start < m.start for x in c.mentions)]
            target = max(before, key=lambda t: t[0])[1] if before else min(candidates, key=lambda c: c.first)
            target.mentions.append(m)
            target.person = target.person or says_person or _person_like(target)
        g.mentions = []
    for g in groups:
        g.mentions.sort(key=lambda m: m.start)


def _name_words(key: str, lists: _Lists) -> list[str]:
    """The words of a name without a suffix such as "Jr" or "III", which is no surname."""
    words = key.split()
    return words[:-1] if len(words) > 2 and words[-1] in lists.name_suffixes else words


def _ends_with(group: _Group, key: str, lists: _Lists) -> bool:
    """``key`` is the surname or last words of ``group``'s name ("Evans" of "Charles Evans Jr")."""
    return " ".join(_name_words(group.key, lists)).endswith(" " + key)


_INITIAL_NAME = re.compile(r"^([a-z]) ([a-z][\w'’-]+(?: [a-z][\w'’-]+)?)$")


def _merge_initials(groups: list[_Group], lists: _Lists) -> None:
    """An initial and a surname ("H Luscombe", "G. Thomas" in a team sheet) name a person: they join
    the one person whose first name has that initial and whose other names are that surname, and are
    a person even when no full name is written."""
    people: dict[str, list[_Group]] = {}
    for g in groups:
        words = g.key.split()
        if g.mentions and g.label == PERSON and len(words) >= 2 and len(words[0]) > 1:
            people.setdefault(" ".join(words[1:]), []).append(g)
    for g in groups:
        match = _INITIAL_NAME.match(g.key)
        if not g.mentions or not match or g.canonical or lists.places.get(g.key) or _head_label(g, lists):
            continue
        initial, surname = match.groups()
        owners = [c for c in people.get(surname, ()) if c is not g and c.key.startswith(initial)]
        if len(owners) == 1:
            owners[0].mentions.extend(g.mentions)
            owners[0].mentions.sort(key=lambda m: m.start)
            g.mentions = []
        else:
            g.label = PERSON


def _full_label(group: _Group) -> str | None:
    labels = Counter(m.label for m in group.mentions if " " in m.text)
    return labels.most_common(1)[0][0] if labels else None


def _merge_head_nouns(groups: list[_Group], lists: _Lists) -> None:
    """ "the Bank" after "Reserve Bank of Australia" is that bank: a one-word name that is the head
    word of a longer name mentioned before it joins the nearest such name."""
    heads: dict[str, list[_Group]] = {}
    for g in groups:
        words = g.key.split()
        if len(words) > 1:
            head = _head_word(words)
            if head in lists.head_words:
                heads.setdefault(head, []).append(g)
    for g in groups:
        if not g.mentions or " " in g.key or g.key not in heads:
            continue
        keep = []
        for m in g.mentions:
            before = [(max(x.start for x in c.mentions if x.start < m.start), c) for c in heads[g.key]
                      if c.mentions and any(x.start < m.start for x in c.mentions)]
            if before:
                max(before, key=lambda t: t[0])[1].mentions.append(m)
            else:
                keep.append(m)
        g.mentions = keep


def _merge_club_names(groups: list[_Group], lists: _Lists) -> None:
    """"Exeter" in a text that names "Exeter City" is the club, unless written as a place ("in Exeter")."""
    clubs: dict[str, list[_Group]] = {}
    for g in groups:
        words = g.key.split()
        if g.mentions and len(words) == 2 and words[1] in lists.club_suffixes:
            clubs.setdefault(words[0], []).append(g)
    for g in groups:
        targets = clubs.get(g.key)
        if not g.mentions or not targets or len(targets) > 1 or any(m.person_cue for m in g.mentions):
            continue
        keep = [m for m in g.mentions if "in" in m.context]
        targets[0].mentions.extend(m for m in g.mentions if "in" not in m.context)
        g.mentions = keep


def _add_untagged(doc, groups: list[_Group], lists: _Lists) -> None:
    """Capitalised proper nouns the model left untagged that are the surname of a person of the document
    or the one-word name of a group; first merges short names into full ones. The tagger may call such a
    word a noun or adjective ("Usdaw general secretary", a headline "Jol joy"): it counts when written exactly
    as the name and never in lower case in the text. A multi-word organisation name written again untagged
    ("Black Eyed Peas singer Fergie") is added too."""
    all_toks = _doc_tokens(doc)  # list indexing makes no new Token object per access
    _merge_peers(groups, lists)
    _merge_short_names(groups, lists, headline=_headline_end(doc))
    index: dict[str, _Group | None] = {}
    phrases: dict[str, list[tuple[list[str], _Group]]] = {}
    for g in groups:
        if not g.mentions:
            continue
        words = _name_words(g.key, lists)
        if _person_like(g) and len(words) > 1:
            index[words[-1]] = None if words[-1] in index and index[words[-1]] is not g else g
        elif len(words) == 1 and len(g.mentions) >= 1:
            index.setdefault(words[0], g)
        elif 2 <= len(words) <= 4 and not _person_like(g) and g.canonical is None:
            phrases.setdefault(words[0], []).append((words, g))
    if not index and not phrases:
        return
    taken = {i for g in groups for m in g.mentions for i in range(m.tok_start, m.tok_end)}
    toks = tokens(doc)
    lower = {w for w in _WORD.findall(doc_text(doc)) if w.islower()}  # a regex pass, not a walk over tokens
    headline = _headline_end(doc)
    for token in toks:
        if token.ent_iob_ != "O" or not token.text[:1].isupper() or token.i in taken:
            continue
        if token.lower_ in phrases and _add_phrase(doc, token, phrases[token.lower_], taken):
            continue
        if token.pos_ != "PROPN" and not (
                token.pos_ in ("NOUN", "ADJ", "VERB") and token.lower_ not in lower
                and _written_as(token, index.get(token.lower_), token.idx < headline)):
            continue
        if token.is_sent_start and token.i + 1 < len(doc) and all_toks[token.i + 1].pos_ == "PROPN":
            continue
        group = index.get(token.lower_)
        if group is None or token.text.isupper() != group.mentions[0].text.isupper():
            continue
        if (token.i + 1 < len(doc) and all_toks[token.i + 1].pos_ == "PROPN" and all_toks[token.i + 1].ent_iob_ == "O"
                or token.i > 0 and all_toks[token.i - 1].pos_ == "PROPN" and all_toks[token.i - 1].text[:1].isupper()
                and all_toks[token.i - 1].lower_.rstrip(".") not in lists.honorifics
                or token.i > 1 and all_toks[token.i - 1].lower_ == "of" and all_toks[token.i - 2].is_title
                and all_toks[token.i - 2].pos_ == "PROPN" and all_toks[token.i - 2].ent_iob_ == "O"):
            # "Ireland" of an untagged "Republic of Ireland"; not "Russia" of "Elena Petrova of Russia"
            continue
        role, affiliation, cue = _title_before(doc, token.i, lists)
        group.mentions.append(_Mention(token.idx, token.idx + len(token.text), token.text, token.text,
                                       group.mentions[0].label, token.i, token.i + 1, cue, role, affiliation,
                                       added=True))


def _written_as(token, group: _Group | None, in_headline: bool) -> bool:
    """``token`` is written exactly as the one-word name of ``group``, or in a headline as its surname."""
    if group is None:
        return False
    if " " not in group.key:
        return any(m.text == token.text for m in group.mentions)
    return in_headline and any(m.text.split()[-1] == token.text for m in group.mentions)


def _add_phrase(doc, token, names: list, taken: set) -> bool:
    """Add the untagged run of capitalised words from ``token`` that spells one of ``names`` to its group."""
    for words, group in names:
        end = token.i + len(words)
        if end > len(doc) or any(i in taken for i in range(token.i, end)):
            continue
        run = doc[token.i:end]
        if token.i > 0 and doc[token.i - 1].pos_ == "PROPN" and doc[token.i - 1].text[:1].isupper():
            return False  # "Mac OS X Lion" is not a repeat of "OS X Lion"
        if [t.lower_ for t in run] == words and all(
                t.ent_iob_ == "O" and (t.text[:1].isupper() or 0 < k < len(words) - 1 and t.lower_ in _NAME_PARTICLES)
                for k, t in enumerate(run)) \
                and "\n" not in run.text and not (end < len(doc) and doc[end].pos_ == "PROPN"
                                                  and doc[end].text[:1].isupper() and doc[end].ent_iob_ == "O"):
            group.mentions.append(_Mention(run[0].idx, run[-1].idx + len(run[-1].text), run.text, run.text,
                                           group.mentions[0].label, token.i, end, added=True))
            taken.update(range(token.i, end))
            return True
    return False


# -- 3. labels -----------------------------------------------------------------------------------


def _person_surnames(doc, mentions: list[_Mention], lists: _Lists) -> frozenset:
    """Words the text uses as a person's surname: a one-word mention tagged as a person or with a person cue,
    a word after "Mr"/"Ms", the subject after a reporting verb ("said Davies")."""
    found = {norm(w) for w in _AFTER_HONORIFIC.findall(doc_text(doc))}
    for m in mentions:
        if m.tok_end - m.tok_start != 1:
            continue
        token = doc[m.tok_start]
        if m.label == PERSON or m.person_cue or token.dep_ == "nsubj" and token.head.i < token.i \
                and token.head.lemma_ in lists.reporting_verbs:
            found.add(norm(m.text))
    return frozenset(found)


def _first_and_surname(group: _Group, lists: _Lists, surnames: frozenset) -> bool:
    """"Kevin Davies" typed ORG is a person when it starts with a common first name and the text uses
    "Davies" as a person's surname elsewhere (a firm named after a founder lacks that evidence)."""
    words = group.key.split()
    return len(words) == 2 and words[0] in lists.first_names and words[1] in surnames \
        and any(" " in m.text for m in group.mentions)


def _decide_label(group: _Group, lists: _Lists, match_report: bool = False, surnames: frozenset = frozenset()) -> str:
    """The group's label from document evidence; a name only ever written as one word in capitals ("GPRS",
    "NRTA") is an acronym, which names an organisation or a thing, never a person."""
    label = _evidence_label(group, lists, match_report, surnames)
    if label == PERSON and all(" " not in m.text and m.text.isupper() and len(m.text) > 1 for m in group.mentions):
        return "ORG"
    return label


def _evidence_label(group: _Group, lists: _Lists, match_report: bool, surnames: frozenset) -> str:
    tagged = [m for m in group.mentions if not m.added] or group.mentions
    place = lists.places.get(group.key)
    votes = _votes(tagged)
    if group.canonical and not place:
        votes.pop(PERSON, None)
        if not votes:
            return "ORG"
    cues = sum(m.person_cue for m in tagged)
    titled = any(m.person_cue and m.role and " " in m.text for m in tagged)
    if cues and (not place or group.key in lists.cities) and (PERSON in votes or titled or cues * 5 >= len(tagged)):
        return PERSON
    context = set().union(*(m.context for m in tagged))
    if not place and not context & {"the", "owner", "org", "work", "thing", "team", "club"} \
            and not _head_label(group, lists) and _first_and_surname(group, lists, surnames):
        return PERSON
    if not cues and not place and "org" in context:
        return "ORG"
    if not cues and not place and sum("fac" in m.context for m in tagged) * 2 >= len(tagged):
        return "FAC"
    if not cues and not place and any("ceremony" in m.context for m in tagged) and not _full_person(tagged):
        return "EVENT"
    if not cues and not place and sum("work" in m.context for m in tagged) * 2 >= len(tagged):
        return "WORK_OF_ART"
    if not cues and not place and _not_a_person(group) and votes.most_common(1)[0][0] in (PERSON, "GPE", "LOC", "NORP"):
        return "WORK_OF_ART"
    club_cues = {"team", "club", "match"} if match_report else {"team", "club"}
    clubs = sum(bool(m.context & club_cues) for m in tagged)
    if not cues and (not place or group.key in lists.cities) and clubs > sum("in" in m.context for m in tagged) and (
            "team" in context or not _full_person(tagged) and clubs * 3 >= len(tagged)):
        return "ORG"
    its = sum("it" in m.context for m in tagged)
    if context & {"the", "owner"} or its * 2 >= len(tagged) and not _full_person(tagged):
        votes.pop(PERSON, None)  # "its" is said of a thing or a firm ("Velmora ... its new handset")
        if not votes:
            return "ORG"
    head = _head_label(group, lists)
    full = Counter(m.label for m in tagged if len(m.text.split()) > 1)
    if PERSON in votes and (group.person or full and full.most_common(1)[0][0] == PERSON and not head):
        return PERSON
    top = votes.most_common(1)[0][0]
    if place:
        if group.key in lists.cities and top == "ORG":
            # a city shares its name with its club and council, unless the text only ever writes it as a place
            return "GPE" if all("in" in m.context for m in tagged) and not context & _AGAINST["GPE"] else "ORG"
        return top if top in ("GPE", "LOC") and not (place == "GPE" and top == "LOC") else place
    if head and top in (PERSON, "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"):
        return head
    if top == PERSON and "in" in context:
        return "GPE"
    if top == "GPE" and all(m.text.isupper() and m.text.isalpha() and len(m.text) <= 5 for m in tagged):
        return "ORG"
    return top


def _merge_award_plurals(groups: list[_Group]) -> None:
    """"The Baftas" are the Bafta awards: a one-word plural joins the award or ceremony (EVENT or
    WORK_OF_ART) of its singular, unless the text makes the plural a person."""
    awards = {g.key: g for g in groups if g.mentions and " " not in g.key and g.label in ("EVENT", "WORK_OF_ART")}
    if not awards:
        return
    for g in groups:
        target = None
        if g.key.endswith("s"):
            target = awards.get(g.key[:-1]) or (awards.get(g.key[:-2]) if g.key.endswith("es") else None)
        if target is None or target is g or not g.mentions or g.label == PERSON and _person_like(g):
            continue
        target.mentions.extend(g.mentions)
        target.mentions.sort(key=lambda m: m.start)
        g.mentions = []


_LIST_LABELS = frozenset({PERSON, "ORG", "GPE"})
_AGAINST = {PERSON: {"the", "owner", "org", "work", "thing", "team", "club", "in", "it", "fac"}, "ORG": {"work", "in"},
            "GPE": {"work", "org", "team", "club", "owner"}}


def _relabel_lists(doc, groups: list[_Group], lists: _Lists) -> None:
    """A name coordinated with two or more names that all share a label ("carmakers Hyundai, Toyota, Suzuki
    and Ford", "Paris, Lille, Lyon and Toulouse") takes that label when nothing else in the text argues for
    its own: every mention of it stands in such a list, with no title, person cue or head word of its own."""
    at: dict[int, tuple[_Group, _Mention]] = {}
    toks = tokens(doc)
    for g in groups:
        for m in g.mentions:
            first, last = m.tok_start, m.tok_end - 1
            if first == last:
                at[first] = (g, m)
                continue
            root = next((t for t in toks[first:last + 1] if t.head.i < first or t.head.i > last), toks[last])
            at[root.i] = (g, m)
    verdict: dict[int, set] = {}
    for i, (g, m) in at.items():
        tok = toks[i]
        if tok.dep_ != "conj" and not any(c.dep_ == "conj" for c in tok.children):
            verdict.setdefault(id(g), set()).add(None)  # in no list (the cheap test first)
            continue
        mates = [at[t.i][0] for t in tok.conjuncts if t.i in at and at[t.i][0] is not g]
        labels = {c.label for c in mates}
        if len(mates) >= 2 and len(labels) == 1 and (label := next(iter(labels))) in _LIST_LABELS \
                and label != g.label:
            verdict.setdefault(id(g), set()).add(label)
        else:
            verdict.setdefault(id(g), set()).add(None)
    for g in groups:
        found = verdict.get(id(g))
        if not found or len(found) != 1 or None in found or not g.mentions:
            continue
        label = next(iter(found))
        if g.label not in _LIST_LABELS | {"FAC", "PRODUCT"} or g.canonical or _head_label(g, lists) \
                or lists.places.get(g.key) and label != "GPE" or any(
                    m.person_cue or m.role or m.context & _AGAINST[label] for m in g.mentions):
            continue
        g.label = label


def _not_a_person(group: _Group, merging: bool = False) -> bool:
    """A name the text counts or owns like a thing ("an Oscar"), or a one-word name it once gives as a work's
    title ("the biopic Ray") and never as a person's, names no person. A one-word name in quotation marks
    ("the film 'Ray'") is kept apart from a person of that first name, but may be a nickname or a place."""
    if any(m.person_cue or m.role for m in group.mentions) or _full_person(group.mentions):
        return False
    cues = {"work", "quoted"} if merging else {"work"}
    return any("thing" in m.context for m in group.mentions) or " " not in group.key and any(
        m.context & cues for m in group.mentions)


def _full_person(mentions) -> bool:
    return any(m.label == PERSON and " " in m.text for m in mentions)


def _votes(mentions) -> Counter:
    votes: Counter = Counter()
    for m in mentions:
        votes[m.label] += 2 if len(m.text.split()) > 1 else 1
    return votes


def _head_label(group: _Group, lists: _Lists) -> str | None:
    name = max((m.text for m in group.mentions), key=lambda t: len(t.split()))
    words = name.split()
    if len(words) < 2:
        return None
    if words[0].lower() in lists.event_prefixes:
        return "EVENT"
    head = _head_word(words).lower().rstrip(".")
    if head in lists.club_suffixes and head != words[-1].lower():
        return None
    return lists.head_words.get(head)


def _head_word(words: list[str]) -> str:
    """The head of a name: the word before "of" ("Bank of England"), else the last word."""
    lower = [w.lower() for w in words]
    return words[lower.index("of") - 1] if "of" in lower[1:] else words[-1]


# -- 4. records ----------------------------------------------------------------------------------


def _entity(eid: str, group: _Group, by_key: dict, lists: _Lists) -> Entity:
    mentions = group.mentions
    label = group.label or mentions[0].label
    name = group.canonical or _best_name(mentions)
    if label == "WORK_OF_ART" and not group.canonical:
        titled = [m for m in mentions if m.title_the and m.text == name]
        if titled:
            name = " ".join(titled[0].surface.split())  # a work's title keeps its "The": "The Perez Family"
    seen: dict[str, None] = {}
    for m in mentions:
        for form in (m.surface, m.text):
            form = " ".join(form.split())
            if form != name:
                seen.setdefault(form, None)
    counts = Counter(m.label for m in mentions if not m.added)
    model_label = max(counts, key=lambda k: (counts[k], -_first_index(mentions, k))) if counts else None
    role = affiliation = None
    if label == PERSON:
        with_role = next((m for m in mentions if m.role), None)
        if with_role is not None:
            role, owner = _split_role(with_role.role, by_key)
            owner = with_role.affiliation or owner
            affiliation = _resolve(owner, by_key, lists) if owner else None
    first = mentions[0]
    return Entity(
        id=eid, name=name, label=label, aliases=tuple(seen), model_label=model_label,
        mentions=tuple(Mention(m.start, m.end, m.surface) for m in mentions),
        role=role, affiliation=affiliation, count=len(mentions),
        start=first.start, end=first.end, text=first.surface,
    )


def _split_role(role: str, by_key: dict) -> tuple[str, str | None]:
    """ "Manchester United Boss" -> ("Boss", "Manchester United") when the words before the title
    name an entity of the document."""
    words = role.split()
    for k in range(len(words) - 1, 0, -1):
        if norm(" ".join(words[:k])) in by_key:
            return " ".join(words[k:]), " ".join(words[:k])
    return role, None


def _first_index(mentions, label: str) -> int:
    return next(i for i, m in enumerate(mentions) if m.label == label)


def _best_name(mentions: list[_Mention]) -> str:
    """The fullest form: most words, then a given name over a peerage title ("Jim Callaghan" over
    "Lord Callaghan"), then most frequent, then first seen."""
    peers = _lists().peer_titles
    forms: dict[str, list] = {}
    for i, m in enumerate(mentions):
        text = " ".join(m.text.split())
        forms.setdefault(text, [0, i])[0] += 1
    return max(forms, key=lambda f: (len(f.split()), f.split()[0].lower() not in peers, forms[f][0], -forms[f][1]))


def _resolve(owner: str, by_key: dict, lists: _Lists) -> str:
    key, canonical = _key(owner, lists)
    group = by_key.get(key)
    if group is not None:
        return group.canonical or _best_name(group.mentions)
    return canonical or owner
