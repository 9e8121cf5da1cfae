"""Dates: temporal expressions normalised to TIMEX3-style values against the publication date.

Candidates come from patterns over the text (built from ``data/dates.json``) and are checked
against the parse: spaCy's DATE/TIME entities admit bare years and month names the patterns would
otherwise reject, the governing verb's tense decides whether "Sunday" is the last or the next one,
and money, counts and names ("$22", "500 per day", "Theresa May") are kept out. Without a
publication date relative expressions stay underspecified (``XXXX-XX-XX``) instead of guessed.
"Today" of an age rather than a day ("the web of today", "different today than ten years ago", in a
present-tense clause) is PRESENT_REF; a capitalised "Last"/"Next" inside a sentence starts a name
("Suddenly Last Summer"); "the year beginning 1 October" is still to come unless its clause is past;
"should/must/can" point forward; "Christmas 2004" is one date.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from .nlp import doc_text, model_ents
from .records import Date


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(resources.files("factx").joinpath("data/dates.json").read_text(encoding="utf-8"))


D = _data()
MONTHS: dict[str, int] = D["months"]
WEEKDAYS: dict[str, int] = D["weekdays"]
SEASONS: dict[str, str] = D["seasons"]
SEASON_ORDER: list[str] = D["season_order"]
PARTS: dict[str, str] = D["parts_of_day"]
NUMBERS: dict[str, float] = D["number_words"]
VAGUE = D["vague_numbers"]
ORDINALS: dict[str, int] = D["ordinals"]
UNITS: dict[str, list] = D["units"]
UNIT_SCALE: dict[str, int] = D["unit_scale"]
SET_WORDS: dict[str, str] = D["set_words"]
REFS: dict[str, str] = D["ref_words"]
POINT_MODS: dict[str, str] = D["point_mods"]
DUR_MODS: dict[str, str] = D["duration_mods"]
STEPS: dict[str, int] = D["relative_steps"]
ANCHORED_DAYS: dict[str, int] = D["anchored_days"]
HOLIDAYS: dict[str, list] = D["holidays"]
YEAR_PREPS = frozenset(D["year_prepositions"])
MONTH_PREPS = frozenset(D["month_prepositions"])
NOT_DATE_FOLLOWERS = frozenset(D["not_date_followers"])
DATELINE_WORDS = frozenset(D["dateline_words"])
INTENT_VERBS = frozenset(D["intent_verbs"])
LATER_PREPS = frozenset(D["later_prepositions"])
FORECAST_VERBS = frozenset(D["forecast_verbs"])
QUARTERS_AS_PEOPLE = frozenset(D["quarters_as_people_prepositions"])
LATER_MODIFIERS = frozenset(D["later_modifiers"])
NOUN_COMPLEMENT_PREPS = frozenset(D["noun_complement_prepositions"])
EVENT_NOUNS = frozenset(D["event_name_nouns"])
HOLIDAY_TIME_HEADS = frozenset(D["holiday_time_heads"])
STORY_YEAR_WORDS: dict[str, int] = D["story_year_words"]
START_VERBS = frozenset(D["start_verbs"])
REF_EVENT_FOLLOWERS = frozenset(D["ref_event_followers"])
TIME_NAME_WORDS = frozenset(D["time_name_words"])
GERUND_SHARED_TIME_PREPS = frozenset(D["gerund_shared_time_prepositions"])
PRESENT_NOT_AHEAD = frozenset(D["present_not_ahead_words"])
SEASON_REFS: dict[str, str] = D["season_refs"]
POSSESSIVES = frozenset(D["possessive_determiners"])


def _alt(words, capital: bool = False) -> str:
    """A regex for any of ``words``, as a trie so that the engine picks a branch by its first letter.

    Longer words win over their prefixes; a space matches any run of spaces; ``capital`` demands
    an upper-case first letter.
    """
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_rx(trie, capital) + ")"


def _trie_rx(node: dict, capital: bool = False) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        if ch == " ":
            head = r"\s+"
        elif capital and ch.isalpha():
            head = f"(?-i:{re.escape(ch.upper())})"
        else:
            head = re.escape(ch)
        branches.append(head + _trie_rx(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


# -- pattern pieces ------------------------------------------------------------------------------

MONTH_FULL = [m for m in MONTHS if len(m) > 3 or m == "may"]
MONTH_ABBR = [m for m in MONTHS if m not in MONTH_FULL]
R_MONTH = rf"(?P<month>{_alt(MONTH_FULL, True)}|{_alt(MONTH_ABBR, True)}\.?)"
R_WD = rf"(?:{_alt([w for w in WEEKDAYS if len(w) > 4], True)}|{_alt([w for w in WEEKDAYS if len(w) <= 4], True)}\.?)"
R_DAY = r"(?P<day>(?:[12]\d|3[01]|0?[1-9]))(?:st|nd|rd|th)?"
R_DAY2 = R_DAY.replace("<day>", "<day2>")
R_MONTH2 = R_MONTH.replace("<month>", "<month2>")
R_YEAR = r"(?P<year>(?:1[5-9]|20)\d\d)"
R_NUMWORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|"
             r"seven|eight|nine))?|" + _alt([w for w in NUMBERS if w not in ("a", "an")]) + ")")
R_NUM = rf"(?P<num>\d+(?:\.\d+)?|{R_NUMWORD}|{_alt(VAGUE)}|an?(?:\s+[a-z]+\s+of)?)"
R_UNIT = r"(?P<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ies))"
R_FILLER = _alt(D["duration_fillers"])
R_DURMOD = rf"(?:(?P<dmod>{_alt(DUR_MODS)})\s+)?"
R_PMOD = rf"(?:(?P<pmod>{_alt([m for m in POINT_MODS if not m.endswith('-')])})\s+|(?P<pmid>mid-?))?"
R_SEASON = rf"(?P<season>{_alt(SEASONS)})"
R_PART = rf"(?P<part>{_alt(PARTS)})"
R_REL = rf"(?P<rel>{_alt(STEPS)})"
R_TZ = rf"(?:\s*(?P<tz>{_alt(D['timezone_names'])})\b)?"
B = r"(?<![\w$£€¥.,/:-])"
E = r"(?![\w%])"

_SPEC: list[tuple[str, str]] = [
    ("iso", rf"{B}(?P<year>(?:19|20)\d\d)-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
            rf"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d))?{E}"),
    ("numeric", rf"{B}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<year>\d{{4}}|\d\d){E}(?!/)"),
    ("slashday", rf"{B}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}}){E}(?!/)"),
    ("full", rf"{B}{R_PMOD}(?:(?P<wd>{R_WD}),?\s+(?:the\s+)?)?(?:{R_MONTH}\s+{R_DAY}|{R_DAY2}\s+(?:of\s+)?"
             rf"{R_MONTH2}),?\s+{R_YEAR}{E}"),
    ("monthday", rf"{B}{R_PMOD}(?:(?P<wd>{R_WD}),?\s+(?:the\s+)?)?(?:{R_MONTH}\s+{R_DAY}|(?:the\s+)?{R_DAY2}"
                 rf"\s+(?:of\s+)?{R_MONTH2})(?:,?\s+(?P<yrel>this|last|next)\s+year(?!['’]))?(?![\w%:]|\.\d|,\d)"),
    ("monthyear", rf"{B}{R_PMOD}{R_MONTH}(?:,|\s+of)?\s+(?:{R_YEAR}|(?P<rel>this|last|next|the\s+same|that)\s+year(?!['’]s)){E}"),
    ("month", rf"{B}{R_PMOD}(?:(?P<rel>last|next|this|the\s+same)\s+)?{R_MONTH}{E}(?!\s+\d)"),
    ("decade", rf"{B}(?:the\s+)?{R_PMOD}(?:(?P<cent>1[5-9]|20)(?P<dec>\d)0|'(?P<dec2>\d)0|(?P<dec3>[2-9])0)'?s{E}"),
    ("season", rf"{B}{R_PMOD}(?:(?P<rel>last|next|this|that|the\s+same|the\s+coming|the\s+past)\s+|(?P<the>the\s+))?"
               rf"{R_SEASON}(?:(?:\s+of|,)?\s+(?:{R_YEAR}|(?P<rel2>this|last|next)\s+year))?{E}"),
    ("yearseason", rf"{B}{R_PMOD}{R_YEAR}\s+{R_SEASON}{E}"),
    ("quarter", rf"{B}{R_PMOD}(?:(?P<the>the)\s+)?(?:(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
                rf"[\s-]+quarter|(?P<rel>this|last|next|previous|current|same)\s+quarter)(?!-?finals?)"
                rf"(?:\s+of\s+(?:{R_YEAR}|(?:the\s+)?(?P<rel2>this|last|next|the\s+same|the\s+previous|that)\s+year|"
                rf"the\s+year|(?P<fiscal>(?:the\s+)?(?:fiscal|financial)\s+year))|\s+{R_YEAR.replace('<year>', '<year2>')})?{E}"),
    ("monthquarter", rf"{B}(?:(?P<the>the)\s+)?(?P<open>\()?{R_MONTH}(?:\s*(?:to|-|–)\s*|-to-){R_MONTH2}(?(open)\))[\s-]+quarter"
                     rf"(?:\s+of\s+(?:{R_YEAR}|(?P<rel2>this|last|next)\s+year))?{E}"),
    ("qyear", rf"{B}(?:Q(?P<q>[1-4])\s*{R_YEAR}|(?P<y2>(?:19|20)\d\d)\s*Q(?P<q2>[1-4])|(?P<q3>[1-4])Q\s*"
             rf"(?P<y3>(?:19|20)\d\d)){E}"),
    ("half", rf"{B}(?:the\s+)?(?P<ord>first|second|1st|2nd|latter|last)\s+half\s+of\s+(?:{R_YEAR}|"
             rf"(?:the\s+)?(?P<rel2>this|last|next|the\s+same|the\s+previous)\s+year|the\s+year){E}"),
    ("monthspart", rf"{B}(?:the\s+)?(?P<ord>first|last|final|past)\s+(?P<n>three|six|3|6)\s+months\s+of\s+(?:{R_YEAR}|"
                   rf"(?:the\s+)?(?P<rel2>this|last|next|the\s+same|the\s+previous)\s+year|the\s+year){E}"),
    ("year", rf"{B}(?:(?P<fy>fiscal|FY)\s*)?{R_PMOD}{R_YEAR}(?![\w%]|\s*(?:%|per\s*cent)|[.,]\d)"),
    ("shortyear", rf"(?<![\w$£€.,/:-])'(?P<yy>\d\d){E}"),
    ("relday", rf"{B}{R_PMOD}(?P<word>(?:the\s+day\s+(?:before|after)\s+)?(?:today|tonight|yesterday|tomorrow))"
               rf"(?:(?:'s)?\s+{R_PART})?{E}"),
    ("lastnight", rf"{B}(?P<word>last\s+night|this\s+(?:morning|afternoon|evening)|(?P<rel2>earlier|later)\s+today)"
                  rf"{E}"),
    ("weekday", rf"{B}{R_PMOD}(?:(?P<rel>this\s+past|last|next|this|the\s+following|the\s+previous|the\s+next)\s+)?"
                rf"(?P<wd>{R_WD})(?P<plural>s)?(?:\s+{R_PART})?{E}"),
    ("relunit", rf"{B}{R_PMOD}(?:(?P<pre>earlier|later)\s+)?(?:(?P<the>the\s+)?{R_REL}|(?P<that>that|the\s+same))\s+"
                rf"(?P<runit>week(?:end)?|month|year|decade|century|quarter|season)(?P<plural>s)?{E}"),
    ("inthe", rf"{B}(?P<pre>earlier|later|early|late)\s+in\s+the\s+(?P<runit>day|week|month|year)(?P<rest>\s+before|"
              rf"\s+after)?{E}"),
    ("endof", rf"{B}(?P<pmod>the\s+(?:end|beginning|start|middle|turn|close)\s+of\s+the\s+"
              rf"(?:year|month|week|day|decade|century))"
              rf"{E}"),
    ("ago", rf"{B}{R_DURMOD}{R_NUM}[\s-]+{R_UNIT}s?(?:\s+(?P<dir>ago|(?:earlier|later|previously)"
            rf"(?!\s+(?:the|a|an|his|her|its|their|this|that|it|he|she|they|we|than)\b)|(?:before|after|since)"
            rf"(?=\s*(?:[.,;:!?)]|$)))|(?P<ahead>(?:['’]s?)?\s+time)){E}"),
    ("duration", rf"{B}{R_DURMOD}(?:(?P<the>the\s+)?(?P<span>past|last|next|coming|previous|first|following|"
                 rf"final|latest|remaining)\s+)?{R_NUM}(?:\s+and\s+a\s+half)?[\s-]+(?:{R_FILLER}\s+)?{R_UNIT}(?P<plural>s)?"
                 rf"(?P<half>\s+and\s+a\s+half)?(?P<long>-long)?(?![\s-]+old){E}"),
    ("numrange", rf"{B}{R_DURMOD}(?P<num>\d+(?:\.\d+)?|{R_NUMWORD})(?=\s*(?:and|to|or|-|–)\s*(?:\d+(?:\.\d+)?|{R_NUMWORD})"
                 rf"[\s-]+(?P<unit>second|minute|hour|day|week|month|year|decade)s?\b)"),
    ("theday", r"\b(?P<lead>end|ended|ending|ends|finish|finished|finishing|close|closed|closing|for|during|in|"
               r"over|at|this|on)\s+(?P<core>the\s+(?P<unit>day|weekend))(?!\s+(?:after|before|of|when|that|and|or)\b)"
               r"(?![\w-])"),
    ("qcentury", rf"{B}{R_DURMOD}(?:the\s+(?:past|last|next)\s+)?(?:a\s+)?quarter(?:\s+of\s+a\s+|-)century{E}"),
    ("halfunit", rf"{B}{R_DURMOD}half\s+(?:an?\s+)?{R_UNIT}{E}"),
    ("bareunits", rf"{B}(?:(?P<lead>for|over\s+the|over|within|in\s+just|in|after|in\s+recent|recent)\s+)?"
                  rf"(?P<core>(?:(?P<many>many|several|some)\s+)?(?P<unit>years|months|decades|weeks|centuries|hours|days)"
                  rf"(?P<long>-long)?){E}"),
    ("set", rf"{B}(?:(?P<word>{_alt(SET_WORDS)})|(?P<every>every|each)\s+(?:(?P<other>other)\s+)?(?:{R_NUM}\s+)?"
            rf"(?:{R_UNIT}|(?P<wd>{R_WD})|{R_SEASON}|{R_PART}))(?P<plural>s)?{E}"),
    ("pera", rf"{B}(?P<a>an?)\s+{R_UNIT}{E}"),
    ("ref", rf"{B}(?P<ref>{_alt(REFS)}){E}"),
    ("time", rf"{B}(?:(?P<hh>[01]?\d|2[0-3])(?::|\.)(?P<mm>[0-5]\d)\s*(?P<ampm>[ap]\.?\s?m\b\.?)?"
             rf"|(?P<hh2>1[0-2]|0?[1-9])\s*(?P<ampm2>[ap]\.?\s?m\b\.?)|(?P<hh3>[01]\d|2[0-3])(?P<mm3>[0-5]\d)\s+"
             rf"(?=UTC|GMT|hrs|hours\b)(?:hrs|hours)?|(?P<named>noon|midday|midnight))"
             rf"{R_TZ}(?:,?\s+(?:on\s+)?(?P<day>today|tonight|yesterday|tomorrow|(?P<wd>{R_WD})))?(?![\w:]|\.\d)"),
    ("holiday", rf"{B}(?P<hol>{_alt(HOLIDAYS, True)})(?:,?\s+{R_YEAR})?{E}"),
    ("anchored", rf"{B}(?P<anch>{_alt(ANCHORED_DAYS)}){E}"),
]



def _one_line(rx: str) -> str:
    """Patterns never cross a line break: a dateline above a headline is not part of it."""
    return rx.replace(r"[\s-]", r"(?:[^\S\n]|-)").replace(r"\s", r"[^\S\n]")


_PATTERNS = [(kind, re.compile(_one_line(rx), re.I)) for kind, rx in _SPEC]
_PRIORITY = {kind: i for i, (kind, _) in enumerate(_SPEC)}
_PRIORITY["model"] = len(_PRIORITY)

_UNIT_WORDS = ["second", "minute", "hour", "day", "week", "weekend", "fortnight", "month", "quarter", "season", "year",
               "decade", "century", "centuries"]
_TRIGGER_CLASSES = {
    "month": list(MONTHS),
    "wd": list(WEEKDAYS),
    "season": list(SEASONS),
    "unit": _UNIT_WORDS,
    "quarter": ["quarter", "half"],
    "relday": ["today", "tonight", "yesterday", "tomorrow", *PARTS],
    "setw": [*SET_WORDS, "every", "each"],
    "ref": sorted({phrase.split()[-1] for phrase in REFS}),
    "noon": ["noon", "midday", "midnight"],
    "holiday": sorted({name.split()[0] for name in HOLIDAYS}),
}
_WORD_CLASSES: dict[str, tuple[str, ...]] = {}
for _cls, _words in _TRIGGER_CLASSES.items():
    for _word in _words:
        _WORD_CLASSES[_word] = _WORD_CLASSES.get(_word, ()) + (_cls,)


@lru_cache(maxsize=512)
def _word_classes(word: str) -> tuple[str, ...]:
    """Trigger classes of a word and of its singular ("years" is both a unit and part of "recent years")."""
    forms = {word, word[:-1] if word.endswith("s") else word, word[:-3] + "y" if word.endswith("ies") else word}
    return tuple(sorted({cls for form in forms for cls in _WORD_CLASSES.get(form, ())}))


_TRIGGER_RX = (r"(?P<digit>\d+)|\b(?=[" + "".join(sorted({w[0] for w in _WORD_CLASSES})) + r"])(?P<word>"
               + _alt(_WORD_CLASSES) + r")(?:s|es|ies|'s)?\b")
_TRIGGER = re.compile(_TRIGGER_RX, re.I)
_TRIGGER_LOWER = re.compile(_TRIGGER_RX)  # run on the lower-cased text: twice as fast as ignoring case
_MARGIN = 64
_KIND_TRIGGERS = {
    "iso": ("digit",), "numeric": ("digit",), "slashday": ("digit",), "full": ("month",), "monthday": ("month",),
    "monthyear": ("month",),
    "month": ("month",), "decade": ("digit",), "season": ("season",), "yearseason": ("season",),
    "quarter": ("quarter",), "monthquarter": ("month",), "qyear": ("digit",), "half": ("quarter",), "monthspart": ("unit",), "year": ("digit",), "shortyear": ("digit",),
    "relday": ("relday",), "lastnight": ("relday",), "weekday": ("wd",), "relunit": ("unit",), "endof": ("unit",),
    "inthe": ("unit",),
    "ago": ("unit",), "duration": ("unit",), "numrange": ("unit",), "qcentury": ("unit",), "theday": ("unit",),
    "halfunit": ("unit",), "bareunits": ("unit",), "set": ("setw",), "pera": ("unit",), "ref": ("ref",),
    "time": ("digit", "noon"), "holiday": ("holiday",), "anchored": ("unit",),
}

TYPE_DATE, TYPE_TIME, TYPE_DURATION, TYPE_SET = "date", "time", "duration", "set"


@dataclass
class _Cand:
    kind: str
    start: int
    end: int
    m: re.Match


@dataclass
class _Norm:
    value: str
    type: str = TYPE_DATE
    mod: str | None = None
    anchor: str = "none"


# -- small date arithmetic (stdlib is enough: months shift by hand) -------------------------------

def _month_shift(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _quarter(month: int) -> int:
    return (month - 1) // 3 + 1


def _season_index(day: date) -> int:
    """Seasons counted from year 0: SP=0, SU=1, FA=2, WI=3; January and February belong to last year's winter."""
    m = day.month
    if m in (3, 4, 5):
        return day.year * 4
    if m in (6, 7, 8):
        return day.year * 4 + 1
    if m in (9, 10, 11):
        return day.year * 4 + 2
    return (day.year if m == 12 else day.year - 1) * 4 + 3


def _season_value(index: int) -> str:
    return f"{index // 4}-{SEASON_ORDER[index % 4]}"


def _parse_num(text: str | None) -> float | None:
    """A number written in digits or words; None for vague amounts ("several")."""
    if not text:
        return None
    t = " ".join(text.lower().replace("-", " ").split())
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if t in NUMBERS:
        return float(NUMBERS[t])
    parts = t.split()
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return float(NUMBERS[parts[0]] + NUMBERS[parts[1]])
    return None


def _fmt_amount(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _unit_key(unit: str) -> str:
    u = unit.lower()
    return "century" if u.startswith("centur") else u.rstrip("s")


def _duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P2Y, PT5H, P18M, PXY; decades and centuries become years when counted."""
    key = _unit_key(unit)
    code, is_time = UNITS[key]
    scale = UNIT_SCALE.get(key, 1)
    prefix = "PT" if is_time else "P"
    if n is None:
        return f"{prefix}X{code}"
    if key in ("decade", "century"):
        return f"P{_fmt_amount(n * scale)}Y"
    if key == "quarter":
        return f"P{_fmt_amount(n)}Q"
    if key == "fortnight":
        return f"P{_fmt_amount(n * 2)}W"
    return f"{prefix}{_fmt_amount(n)}{code}"


# -- the parse: tense, entities ------------------------------------------------------------------

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "going"})
_TENSE_REACH = 10  # steps up the parse from a date to the verb whose tense it takes


def _tense(doc, start: int, end: int) -> str | None:
    """``past``, ``future``, ``present`` or None for the time of the span's event.

    The governing verb's tense decides, except that an event placed after the verb's time
    ("ahead of its release on Friday", "at the next meeting in February") is still to come
    unless that verb is in the past.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tense = _verb_tense(span)
    if tense in (None, "present") and _points_later(span):
        return "future"
    return tense


def _points_later(span) -> bool:
    """The span hangs, below its clause's verb, from a word that puts it after that verb's time:
    a preposition like "ahead of" or "before", or a noun planned or next ("its scheduled
    screening", "the next meeting", "the upcoming vote")."""
    tok = span.root
    for _ in range(_TENSE_REACH):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod" or tok.head is tok:
            return False
        if tok.lower_ in LATER_PREPS and tok.dep_ in ("prep", "advmod") and tok.head.pos_ != "ADP" \
                and not (span.start <= tok.i < span.end):
            return True
        if tok.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ in ("amod", "compound") and c.lower_ in LATER_MODIFIERS for c in tok.children):
            return True
        tok = tok.head
    return False


def _verb_tense(span) -> str | None:
    """``past``, ``future``, ``present`` or None from the verb that governs the span.

    A progressive or an infinitive of intent reads as future ("is meeting him on Friday", "plans
    to meet on Friday") only when the date is not inside a complement that describes a noun
    ("reports about Christmas sales are worrying", "since the approach in December").
    """
    tok = span.root
    described = via_subject = False
    for _ in range(_TENSE_REACH):
        if tok.tag_ == "VBG" and tok.lemma_.lower() in START_VERBS and tok.head is not tok and (
                tok.dep_ in ("acl", "prep") or tok.dep_ == "advcl" and tok.i > 0 and tok.doc[tok.i - 1].pos_ == "NOUN") \
                and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            # "the year beginning 1 October": a start still to come unless the noun's clause is past
            return "past" if _finite_past(tok.head) else "future"
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
            auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            lowers = {c.lower_ for c in auxes}
            near = not described
            if lowers & _FUTURE_AUX or lowers & {"may", "might"}:
                return "future"
            if lowers & {"would", "could", "should", "must", "can"}:
                if tok.tag_ == "VBN" and lowers & {"have", "'ve"} and not lowers & {"must"}:
                    return "past"  # "would have been shown on 31 December"
                if lowers & {"have", "'ve"} or lowers & {"would", "could"}:
                    return None
                return "future"  # "should make a statement on Thursday", "can be handed in on Friday"
            if tok.lemma_ in FORECAST_VERBS and tok.tag_ in ("VBD", "VBN") and not auxes and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "mark") or c.lower_ in ("as", "than") for c in tok.children):
                return "future"  # "an increase predicted for June": a participle, even when tagged as a past verb
            if tok.tag_ == "VBD" or any(c.tag_ in ("VBD",) for c in auxes):
                return "past"
            if tok.lemma_ in FORECAST_VERBS and tok.tag_ == "VBN" and lowers & {"is", "are", "'s", "'re"} \
                    and not via_subject:
                return "future"  # "the baby, which is expected in April"
            if tok.tag_ == "VBN" and lowers & {"had", "'d"}:
                return "past"
            if tok.tag_ == "VBN" and lowers & {"has", "have", "'ve", "'s"}:
                return None
            if "to" in lowers and tok.dep_ in ("acl", "relcl", "amod"):
                return None
            if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"):
                if span.start > 0 and span.doc[span.start - 1].lower_ in ("for", "until", "till") and tok.head is not tok:
                    tok = tok.head  # "a strike earmarked for 23 March": the plan's date, told by the main verb
                    continue
                return "past"
            if tok.tag_ == "VBG" and lowers & {"is", "are", "am", "'re", "'m"}:
                return "future" if near else None
            if "to" in lowers and (tok.tag_ == "VB" or tok.tag_ == "VBN" and lowers & {"be", "being"}
                                   and not lowers & {"have", "having"}) and near:
                head = tok.head
                if head is not tok and (head.lemma_ in INTENT_VERBS or head.lemma_ == "be" and head.i < tok.i) \
                        and not (tok.tag_ == "VBN" and _past_form(head)):
                    return "future"  # "plans to meet on Friday", "is to present it on Sunday"
                if tok.dep_ == "advcl" and head is not tok and _is_present_or_perfect(head):
                    return "future"  # "has recalled him to face Wales on Sunday": a purpose still to come
            if tok.tag_ in ("VBZ", "VBP"):
                return "present"
            if tok.dep_ in ("xcomp", "ccomp", "advcl", "conj", "relcl") and tok.head is not tok:
                tok = tok.head
                continue
            if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head is not tok \
                    and tok.head.lower_ in GERUND_SHARED_TIME_PREPS and tok.head.head.pos_ == "NOUN":
                tok = tok.head  # "talks about cutting hours in January" (not "a charge of failing to ...")
                continue
            return None
        if tok.head is tok:
            return None
        if tok.dep_ == "prep" and tok.lower_ in NOUN_COMPLEMENT_PREPS and tok.head.pos_ in ("NOUN", "PROPN") \
                and tok.head.ent_type_ not in ("DATE", "TIME") and not span.start <= tok.i < span.end:
            described = True  # "since the bid approach in December"; not "on midnight of 31 December"
        via_subject = tok.dep_ in ("nsubj", "nsubjpass")
        tok = tok.head
    return None


def _finite_past(tok) -> bool:
    """The first finite verb at or above ``tok`` is in the past: "Protesters marching on Sunday were arrested".
    Participles describing a noun ("the chart published on 17 April") are passed over."""
    for _ in range(_TENSE_REACH):
        if tok.pos_ in ("VERB", "AUX") and not (tok.dep_ in ("acl", "amod") and tok.tag_ in ("VBN", "VBG")):
            return tok.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in tok.children)
        if tok.head is tok:
            return False
        tok = tok.head
    return False


def _past_form(word) -> bool:
    """A verb or predicate adjective in the simple past: "was due", "were expected", "planned"."""
    if word.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in word.children):
        return True
    return word.dep_ == "acomp" and word.head.tag_ == "VBD"


def _is_present_or_perfect(verb) -> bool:
    """A verb in the present or present perfect ("is", "has brought"), not the simple past."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBN" and bool(auxes & {"has", "have", "'ve", "'s"}) and not auxes & {"had", "'d"}


_CHAIN_STOPS = ("conj", "ccomp", "parataxis")


def _clause_chain(tok, limit: int = 10) -> list:
    """``tok`` and its heads up to the sentence root, stopping before a coordinated or reported clause."""
    chain = [tok]
    while tok.head is not tok and tok.dep_ not in _CHAIN_STOPS and len(chain) < limit:
        tok = tok.head
        chain.append(tok)
    return chain


def _story_year_step(doc, start: int, end: int) -> tuple[int, bool] | None:
    """The year a day or month belongs to when its clause says so: "this year's festival ... on
    16 February" (0), "last year's show, held on 5 May" (-1), "on 2 March next year" (+1).

    "this/last/next year" counts when it is an adverbial of a verb the date depends on or the
    possessor of the subject of a verb the date depends on or of a noun a clause holding the date
    describes; "will defend last year's title on 5 May" is left to the tense. Returns (step,
    whether it came from a possessive).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    chain = _clause_chain(span.root)
    nodes = {t.i for t in chain}
    subjects = {c.i for t in chain for c in t.children if c.dep_ in ("nsubj", "nsubjpass")}
    described = {t.head.i for t in chain if t.dep_ in ("relcl", "acl")}  # "the race, which starts on ..."
    steps = set()
    for tok in span.sent:
        if tok.lower_ not in ("year", "year's") or span.start <= tok.i < span.end:
            continue
        words = [c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "predet")]
        if len(words) != 1 or words[0] not in STORY_YEAR_WORDS or tok.i in nodes:
            continue  # "profits for last year, which it will publish on 3 May": the clause has its own time
        head = tok.head
        if tok.dep_ == "poss":
            hit = head.i in subjects or head.i in described
        else:
            if head.dep_ == "prep" and head.head is not head:
                head = head.head
            hit = head.i in nodes and head.pos_ in ("VERB", "AUX")
        if hit:
            steps.add((STORY_YEAR_WORDS[words[0]], tok.dep_ == "poss"))
    return steps.pop() if len({step for step, _ in steps}) == 1 and len(steps) == 1 else None


def _names_event(doc, start: int, end: int) -> bool:
    """A day and month that name an event ("the 11 September attacks", "the 7 July bombings")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for tok in span:
        if tok.dep_ not in ("compound", "nmod", "nummod", "amod") or span.start <= tok.head.i < span.end:
            continue
        head = tok.head
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        if head.i > tok.i and head.lemma_.lower() in EVENT_NOUNS:
            return True
    return False


class _Ctx:
    """What normalisation needs: the publication date, the story's previous dates, the parse."""

    def __init__(self, doc, published: date | None):
        self.doc = doc
        self.pub = published
        self.seen = 0
        self.last: dict[int, tuple[int, date]] = {}
        self.last_weekday: tuple[date, int] | None = None
        self.years: list[tuple[int, int]] = []

    def remember(self, value: str, start: int = -1) -> None:
        """Keep the latest date of each granularity (day, month, quarter, year) as an anchor, and
        where each year written as such stands."""
        grain, day = _anchor_of(value)
        if day is None:
            return
        self.seen += 1
        self.last[grain] = (self.seen, day)
        if grain == _GRAIN_RANK["year"] and start >= 0:
            self.years.append((start, day.year))

    def sentence_year(self, start: int) -> int | None:
        """The last year written as such earlier in the sentence holding ``start``."""
        if not self.years:
            return None
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        sent_start = span[0].sent.start_char
        for pos, year in reversed(self.years):
            if pos < sent_start:
                return None
            if pos < start:
                return year
        return None

    def prev_at(self, unit: str) -> date | None:
        """The latest previous date at least as fine as ``unit`` ("day", "month", "quarter", "year")."""
        return self.prev_grain(unit)[1]

    def prev_grain(self, unit: str) -> tuple[int, date | None]:
        """(granularity rank, first day) of the latest previous date at least as fine as ``unit``."""
        need = _GRAIN_RANK.get(unit, 0)
        best = max(((v, g) for g, v in self.last.items() if g <= need), default=None)
        return (best[1], best[0][1]) if best else (0, None)

    def story_year(self, start: int, end: int) -> int | None:
        """The publication year moved by a "this/last/next year" of the date's clause, or None."""
        if self.pub is None:
            return None
        found = _story_year_step(self.doc, start, end)
        if found is None:
            return None
        step, possessive = found
        if possessive and step and self.tense(start, end) in ("future", "present"):
            return None  # "last year's winner will return on 5 May": the winning was last year, not the return
        return self.pub.year + step

    @property
    def prev_day(self) -> date | None:
        return self.prev_at("day")

    def tense(self, start: int, end: int) -> str | None:
        return _tense(self.doc, start, end)


# -- resolution of each kind ---------------------------------------------------------------------

def _g(m: re.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _month_of(m: re.Match) -> int | None:
    word = _g(m, "month") or _g(m, "month2")
    return MONTHS.get(word.lower().rstrip(".")) if word else None


def _has_pmod(m: re.Match) -> bool:
    """The match starts with a point modifier, whether or not it changes the value ("earlier in")."""
    return bool(_g(m, "pmid") or _g(m, "pmod"))


def _pmod(m: re.Match) -> str | None:
    if _g(m, "pmid"):
        return "MID"
    word = _g(m, "pmod")
    if not word:
        return None
    key = " ".join(word.lower().split())
    if key in POINT_MODS:
        return POINT_MODS[key]
    for phrase, mod in POINT_MODS.items():
        if key.startswith(phrase.rstrip("-")):
            return mod
    return None


def _year_for(ctx: _Ctx, month: int, day: int | None, tense: str | None) -> int | None:
    """Year of a month (and day) written without one: the nearest, or the past/future one the verb says."""
    pub = ctx.pub
    if pub is None:
        return None
    candidates = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = date(year, month, day or 15)
        except ValueError:
            d = date(year, month, 28)
        candidates.append((year, d))
    if day is None:
        key = lambda y: y * 12 + month  # noqa: E731
        cur = pub.year * 12 + pub.month
        if tense == "past":
            options = [y for y, _ in candidates if key(y) <= cur]
            return max(options)
        if tense == "future":
            options = [y for y, _ in candidates if key(y) >= cur]
            return min(options)
        return min((y for y, _ in candidates), key=lambda y: (abs(key(y) - cur), -y if key(y) <= cur else y))
    if tense == "past":
        return max(y for y, d in candidates if d <= pub)
    if tense == "future":
        return min(y for y, d in candidates if d >= pub)
    if tense == "present":
        # "the festival opens on 2 September": a day in the present tense is a date to come, as for weekdays,
        # unless it is most of a year away ("sales in the weeks to 29 January are up": that January)
        ahead = min((d for _, d in candidates if d >= pub), default=None)
        if ahead is not None and (ahead - pub).days <= _PRESENT_AHEAD_DAYS:
            return ahead.year
    return min(candidates, key=lambda c: (abs((c[1] - pub).days), c[0]))[0]


_PRESENT_AHEAD_DAYS = 240


def _weekday_date(ctx: _Ctx, wd: int, rel: str | None, tense: str | None) -> date | None:
    pub = ctx.pub
    if pub is None:
        return None
    back = (pub.isoweekday() - wd) % 7
    ahead = (wd - pub.isoweekday()) % 7
    rel = " ".join(rel.lower().split()) if rel else None
    if rel in ("last", "the previous", "this past"):
        return pub - timedelta(days=back or 7)
    if rel in ("next", "the following", "the next"):
        if rel == "next":
            return pub + timedelta(days=ahead or 7)
        base = ctx.prev_day or pub
        return base + timedelta(days=(wd - base.isoweekday()) % 7 or 7)
    if tense == "future" or (rel == "this" and tense != "past") or (tense == "present" and not rel):
        # "the summit which begins on Sunday": a weekday in the present tense is the one to come
        return pub + timedelta(days=ahead)
    return pub - timedelta(days=back)


def _resolve(c: _Cand, ctx: _Ctx) -> _Norm | None:
    m, kind, pub = c.m, c.kind, ctx.pub
    handler = _HANDLERS[kind]
    return handler(m, c, ctx, pub)


def _h_iso(m, c, ctx, pub):
    try:
        d = date(int(m["year"]), int(m["mon"]), int(m["day"]))
    except ValueError:
        return None
    if m["hh"]:
        return _Norm(f"{d.isoformat()}T{m['hh']}:{m['mm']}", TYPE_TIME)
    return _Norm(d.isoformat())


def _h_numeric(m, c, ctx, pub):
    a, b, y = int(m["a"]), int(m["b"]), int(m["year"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    month, day = (b, a) if a > 12 else (a, b)
    try:
        return _Norm(date(y, month, day).isoformat())
    except ValueError:
        return None


def _h_slashday(m, c, ctx, pub):
    """ "the 9/11 attacks": month first, as these event names are written; the year is unknown."""
    a, b = int(m["a"]), int(m["b"])
    month, day = (b, a) if a > 12 else (a, b)
    try:
        date(2000, month, day)
    except ValueError:
        return None
    return _Norm(f"XXXX-{month:02d}-{day:02d}")


def _h_full(m, c, ctx, pub):
    month = _month_of(m)
    try:
        d = date(int(m["year"]), month, int(m["day"] or m["day2"]))
    except (ValueError, TypeError):
        return None
    return _Norm(d.isoformat(), mod=_pmod(m))


def _h_monthday(m, c, ctx, pub):
    month, day = _month_of(m), int(m["day"] or m["day2"])
    try:
        date(2000, month, day)
    except (ValueError, TypeError):
        return None
    if _names_event(ctx.doc, c.start, c.end):
        return _Norm(f"XXXX-{month:02d}-{day:02d}", mod=_pmod(m))
    if m["yrel"]:
        year = pub.year + STORY_YEAR_WORDS[m["yrel"].lower()] if pub else None
    else:
        tense = ctx.tense(c.start, c.end)
        if tense == "present" and _bounds_a_stretch(ctx.doc, c.m.string, c.start, c.end):
            tense = None
        year = ctx.story_year(c.start, c.end) or _year_for(ctx, month, day, tense)
    if year is None:
        return _Norm(f"XXXX-{month:02d}-{day:02d}", mod=_pmod(m))
    try:
        return _Norm(date(year, month, day).isoformat(), mod=_pmod(m), anchor="published")
    except ValueError:
        return _Norm(f"{year}-{month:02d}-{day:02d}", mod=_pmod(m), anchor="published")


def _bounds_a_stretch(doc, text: str, start: int, end: int) -> bool:
    """The day closes or opens a stretch of time already measured ("the three months to 30 September are up",
    "since the early hours of 25 October"): the present tense does not put it ahead."""
    if _word_before(text, start) in PRESENT_NOT_AHEAD:
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    tok = span.root if span is not None and len(span) else None
    for _ in range(4):
        if tok is None or tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            return False
        if tok.dep_ == "prep" and tok.lower_ in PRESENT_NOT_AHEAD:
            return True
        tok = tok.head
    return False


def _h_monthyear(m, c, ctx, pub):
    month = _month_of(m)
    if m["year"]:
        return _Norm(f"{m['year']}-{month:02d}", mod=_pmod(m))
    rel = " ".join(m["rel"].lower().split())
    if rel in ("the same", "that"):
        base = ctx.prev_at("year")
        if base is None:
            return _Norm(f"XXXX-{month:02d}", mod=_pmod(m))
        return _Norm(f"{base.year}-{month:02d}", mod=_pmod(m), anchor="previous")
    if pub is None:
        return _Norm(f"XXXX-{month:02d}", mod=_pmod(m))
    return _Norm(f"{pub.year + STEPS[rel]}-{month:02d}", mod=_pmod(m), anchor="published")


def _h_month(m, c, ctx, pub):
    month = _month_of(m)
    rel = " ".join(m["rel"].lower().split()) if m["rel"] else None
    mod = _pmod(m)
    if rel in ("the same", "that"):
        base = ctx.prev_at("year")
        if base is None:
            return _Norm(f"XXXX-{month:02d}", mod=mod)
        return _Norm(f"{base.year}-{month:02d}", mod=mod, anchor="previous")
    if pub is None:
        return _Norm(f"XXXX-{month:02d}", mod=mod)
    if rel == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif rel == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif rel == "this":
        year = pub.year
    else:
        year = ctx.story_year(c.start, c.end) or _year_for(
            ctx, month, None, _possessive_tense(c, ctx.tense(c.start, c.end), ahead=False))
    return _Norm(f"{year}-{month:02d}", mod=mod, anchor="published")


def _h_decade(m, c, ctx, pub):
    mod = _pmod(m)
    if m["cent"]:
        return _Norm(f"{m['cent']}{m['dec']}X", mod=mod)
    digit = int(m["dec2"] or m["dec3"])
    century = "20" if digit <= ((pub.year % 100) // 10 if pub else 2) else "19"
    return _Norm(f"{century}{digit}X", mod=mod)


def _season_resolve(ctx, c, code: str, rel: str | None, year: str | None, rel2: str | None):
    target = SEASON_ORDER.index(code)
    if year:
        return f"{year}-{code}", "none"
    pub = ctx.pub
    if pub is None:
        return f"XXXX-{code}", "none"
    if rel2:
        return f"{pub.year + STEPS[rel2.lower()]}-{code}", "published"
    cur = _season_index(pub)
    rel = " ".join(rel.lower().split()) if rel else None
    past_ones = [k for k in range(cur - 4, cur + 1) if k % 4 == target]
    next_ones = [k for k in range(cur, cur + 5) if k % 4 == target]
    if rel in ("last", "the past"):
        k = max(k for k in range(cur - 4, cur) if k % 4 == target)
    elif rel in ("next", "the coming"):
        k = min(k for k in range(cur + 1, cur + 5) if k % 4 == target)
    else:
        tense = ctx.tense(c.start, c.end)
        if tense == "past":
            k = max(past_ones)
        elif tense == "future":
            k = min(next_ones)
        else:
            k = pub.year * 4 + target
    return _season_value(k), "published"


def _h_season(m, c, ctx, pub):
    word = m["season"].lower()
    rel = m["rel"]
    if word == "fall" and not (rel or m["year"] or m["rel2"] or _pmod(m)):
        return None
    code = SEASONS[word]
    value, anchor = _season_resolve(ctx, c, code, rel, m["year"], m["rel2"])
    return _Norm(value, mod=_pmod(m), anchor=anchor)


def _h_yearseason(m, c, ctx, pub):
    return _Norm(f"{m['year']}-{SEASONS[m['season'].lower()]}", mod=_pmod(m))


def _h_quarter(m, c, ctx, pub):
    mod = _pmod(m)
    ordinal = m["ord"].lower() if m["ord"] else None
    rel = m["rel"].lower() if m["rel"] else None
    if m["fiscal"]:
        return None
    base_year: int | None = None
    anchor = "none"
    if m["year"] or m["year2"]:
        base_year = int(m["year"] or m["year2"])
    elif m["rel2"]:
        rel2 = " ".join(m["rel2"].lower().split())
        if rel2 in ("the same", "that", "the previous"):
            if ctx.prev_at("year") is not None:
                base_year = ctx.prev_at("year").year - (1 if rel2 == "the previous" else 0)
                anchor = "previous"
        elif pub is not None:
            base_year, anchor = pub.year + STEPS[rel2], "published"
    if base_year is None and ordinal and _SPORT.search(c.m.string[max(0, c.start - 200):c.end + 200]):
        return None
    if ordinal and ordinal != "last" or (ordinal == "last" and base_year is not None):
        q = ORDINALS[ordinal]
        if base_year is None:
            if pub is None:
                return _Norm(f"XXXX-Q{q}", mod=mod)
            base_year, anchor = _period_year(ctx, c, 3 * q - 2, 3)
        return _Norm(f"{base_year}-Q{q}", mod=mod, anchor=anchor)
    step = {"last": -1, "previous": -1, "this": 0, "current": 0, "same": 0, "next": 1}.get(rel or ordinal or "", 0)
    if rel in ("previous", "same"):
        grain, base = ctx.prev_grain("quarter")
        if base is not None and grain == _GRAIN_RANK["quarter"]:
            # "prices in the final quarter of 2004 were higher than in the previous quarter": the quarter
            # before the one the story named, not before publication
            y, mth = _month_shift(base.year, base.month, 3 * step)
            return _Norm(f"{y}-Q{_quarter(mth)}", mod=mod, anchor="previous")
    if pub is None:
        return _Norm("XXXX-QX", mod=mod)
    y, mth = _month_shift(pub.year, pub.month, 3 * step)
    return _Norm(f"{y}-Q{_quarter(mth)}", mod=mod, anchor="published")


def _h_monthquarter(m, c, ctx, pub):
    """ "the (January to March) quarter of this year": the calendar quarter the two months bound."""
    first = MONTHS[m["month"].lower().rstrip(".")]
    q = _quarter(first)
    if m["year"]:
        return _Norm(f"{m['year']}-Q{q}")
    if pub is None:
        return _Norm(f"XXXX-Q{q}")
    if m["rel2"]:
        return _Norm(f"{pub.year + STEPS[m['rel2'].lower()]}-Q{q}", anchor="published")
    year, anchor = _period_year(ctx, c, first, 3)
    return _Norm(f"{year}-Q{q}", anchor=anchor)


_SPORT = re.compile(rf"\b{_alt(D['sport_words'])}\b|\b\d{{1,3}}-\d{{1,3}}\b", re.I)


def _h_qyear(m, c, ctx, pub):
    return _Norm(f"{m['year'] or m['y2'] or m['y3']}-Q{m['q'] or m['q2'] or m['q3']}")


def _h_monthspart(m, c, ctx, pub):
    """"the last three months of 2004" is 2004-Q4; "the first six months of the year" is H1."""
    first = m["ord"].lower() == "first"
    if m["n"].lower() in ("three", "3"):
        return _year_part(m, c, ctx, pub, "Q1" if first else "Q4")
    return _year_part(m, c, ctx, pub, "H1" if first else "H2")


def _h_half(m, c, ctx, pub):
    return _year_part(m, c, ctx, pub, "H1" if m["ord"].lower() in ("first", "1st") else "H2")


_PART_START = {"Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10, "H1": 1, "H2": 7}


def _period_year(ctx, c, first_month: int, months: int) -> tuple[int, str]:
    """(year, anchor) of a quarter or half named without its year ("the third quarter", "the last
    three months of the year").

    A year the same sentence already named is the story's year ("grew 1.7% in 2004 but slowed in
    the last three months of the year"). Otherwise the period is the publication year's, unless
    it has not begun by then and the clause does not look forward: results reported for "the
    fourth quarter" in March are last year's.
    """
    story = ctx.sentence_year(c.start)
    if story is not None:
        return story, "previous"
    pub = ctx.pub
    if first_month <= pub.month:
        return pub.year, "published"
    tense = ctx.tense(c.start, c.end)
    if tense == "past":
        return pub.year - 1, "published"
    if tense == "future" or _hypothetical(ctx.doc, c.start, c.end):
        return pub.year, "published"
    # no tense to go by: the nearer of last year's (counted from its end) and this year's (from
    # its start), leaning to the past, since figures for a period are reported once it is over
    ended = date(pub.year, 1, 1) if first_month + months > 12 else date(pub.year - 1, first_month + months, 1)
    begins = date(pub.year, first_month, 1)
    return (pub.year - 1 if (pub - ended).days <= (begins - pub).days + 31 else pub.year), "published"


_MODALS = frozenset({"would", "could", "should", "must", "can", "might", "may"})


def _hypothetical(doc, start: int, end: int) -> bool:
    """The clause verb of the span carries a modal ("profits could rise in the fourth quarter")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    for _ in range(_TENSE_REACH):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
            return any(ch.dep_ == "aux" and ch.lower_ in _MODALS for ch in tok.children)
        if tok.head is tok:
            return False
        tok = tok.head
    return False


def _year_part(m, c, ctx, pub, part: str):
    """A part of a year named by a year or relative to the published date or the previous year."""
    if m["year"]:
        return _Norm(f"{m['year']}-{part}")
    if not m["rel2"] and pub is not None:
        year, anchor = _period_year(ctx, c, _PART_START[part], 3 if part.startswith("Q") else 6)
        return _Norm(f"{year}-{part}", anchor=anchor)
    rel2 = " ".join(m["rel2"].lower().split()) if m["rel2"] else "this"
    if rel2 in ("the same", "the previous"):
        if ctx.prev_at("year") is None:
            return _Norm(f"XXXX-{part}")
        return _Norm(f"{ctx.prev_at('year').year - (rel2 == 'the previous')}-{part}", anchor="previous")
    if pub is None:
        return _Norm(f"XXXX-{part}")
    return _Norm(f"{pub.year + STEPS.get(rel2, 0)}-{part}", anchor="published")


def _h_year(m, c, ctx, pub):
    if m["fy"]:
        return _Norm(f"FY{m['year']}", mod=_pmod(m))
    return _Norm(m["year"], mod=_pmod(m))


def _h_shortyear(m, c, ctx, pub):
    yy = int(m["yy"])
    century = 2000 if pub and yy <= pub.year % 100 else (2000 if pub is None and yy < 30 else 1900)
    return _Norm(str(century + yy))


_RELDAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


_GENERIC_REFS = {"today": "PRESENT_REF", "tomorrow": "FUTURE_REF", "yesterday": "PAST_REF"}
_LONG_PAST = re.compile(rf"\b(?:{_alt(D['long_past_cues'])})\b", re.I)


def _generic_day(ctx, c, word: str) -> str | None:
    """PRESENT_REF/FUTURE_REF/PAST_REF for "today", "tomorrow", "yesterday" used of an age, not a day, in
    a present-tense clause: a noun's "of" object ("is relevant to the web of today", "are the cars of
    tomorrow"), or "today" set against a time years back in its sentence ("looks different today than it
    did ten years ago")."""
    span = ctx.doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) != 1 or ctx.tense(c.start, c.end) != "present":
        return None  # "described the events of today", "Today marked 20 years since ...": the day itself
    tok = span[0]
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "PROPN") \
            and tok.head.head.i < tok.i:
        return _GENERIC_REFS[word]
    if word == "today" and _LONG_PAST.search(tok.sent.text):
        return "PRESENT_REF"
    return None


def _h_relday(m, c, ctx, pub):
    word = " ".join(m["word"].lower().split())
    if word in _GENERIC_REFS and not m["part"] and not _has_pmod(m):
        generic = _generic_day(ctx, c, word)
        if generic:
            return _Norm(generic)
    offset = 0
    for key, step in _RELDAY.items():
        if word.endswith(key):
            offset = step
    if word.startswith("the day before"):
        offset -= 1
    elif word.startswith("the day after"):
        offset += 1
    part = PARTS.get(m["part"].lower()) if m["part"] else ("NI" if word == "tonight" else None)
    if pub is None:
        value = "XXXX-XX-XX"
    else:
        value = (pub + timedelta(days=offset)).isoformat()
    if part:
        return _Norm(f"{value}T{part}", TYPE_TIME, _pmod(m), "published" if pub else "none")
    return _Norm(value, mod=_pmod(m), anchor="published" if pub else "none")


def _h_lastnight(m, c, ctx, pub):
    word = " ".join(m["word"].lower().split())
    if word == "last night":
        offset, part = -1, "NI"
    elif word.startswith("this"):
        offset, part = 0, PARTS[word.split()[1]]
    else:
        offset, part = 0, None
    if pub is None:
        return _Norm("XXXX-XX-XX" + (f"T{part}" if part else ""), TYPE_TIME if part else TYPE_DATE)
    value = (pub + timedelta(days=offset)).isoformat()
    if part:
        return _Norm(f"{value}T{part}", TYPE_TIME, anchor="published")
    return _Norm(value, anchor="published")


def _possessive_tense(c, tense: str | None, ahead: bool = True) -> str | None:
    """"after Saturday's game", "for Saturday's clash", "since December's disaster": the preposition before
    a possessive date tells whether the event is over; the verb of the clause does not. ``ahead``: "for"
    points forward (a weekday; a month a year away is too far to assume)."""
    if c.m.string[c.end:c.end + 2] not in ("'s", "’s"):
        return tense
    before = c.m.string[max(0, c.start - 12):c.start].lower().split()
    prep = before[-1] if before else ""
    if prep in ("after", "since", "following"):
        return "past"
    if prep == "for" and ahead:
        return "future"
    return None if tense == "present" else tense


def _h_weekday(m, c, ctx, pub):
    word = m["wd"].lower().rstrip(".")
    wd = WEEKDAYS.get(word)
    if wd is None:
        return None
    if m["plural"]:
        rel = (m["rel"] or "").lower()
        if rel in ("", "on"):
            return _Norm(f"XXXX-WXX-{wd}", TYPE_SET)
        return None
    rel = m["rel"]
    if rel and rel.lower() == "on":
        rel = None
    if rel and " ".join(rel.lower().split()) in ("the following", "the next", "the previous") and ctx.prev_day:
        base = ctx.prev_day
        if rel.lower().endswith("previous"):
            d = base - timedelta(days=(base.isoweekday() - wd) % 7 or 7)
        else:
            d = base + timedelta(days=(wd - base.isoweekday()) % 7 or 7)
        anchor = "previous"
    else:
        tense = _possessive_tense(c, ctx.tense(c.start, c.end))
        d = _weekday_date(ctx, wd, rel, tense)
        anchor = "published"
        if d is not None and not rel:
            after = _after_story_weekday(ctx, c, d, tense)
            if after is not None:
                d, anchor = after, "previous"
    if d is not None:
        ctx.last_weekday = (d, c.end)
    part = PARTS.get(m["part"].lower()) if m["part"] else None
    if d is None:
        value = f"XXXX-WXX-{wd}"
        return _Norm(value + (f"T{part}" if part else ""), TYPE_TIME if part else TYPE_DATE, _pmod(m))
    if part:
        return _Norm(f"{d.isoformat()}T{part}", TYPE_TIME, _pmod(m), anchor)
    return _Norm(d.isoformat(), mod=_pmod(m), anchor=anchor)


_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s")
_PARAGRAPH_BREAK = re.compile(r"\n")
_FORWARD = re.compile(rf"\b{_alt(D['sequence_forward_words'])}\b", re.I)


def _after_story_weekday(ctx, c, d: date, tense: str | None) -> date | None:
    """The weekday after the one the story just named, when the grammar says this one comes later.

    "rose on Tuesday ... before slipping on Wednesday": in one sentence, a weekday joined to the
    one before it by "before", "then", "until"... is not earlier than it. "On Monday he will
    visit Leeds. On Tuesday he will ...": a weekday to come that names the publication day
    follows a weekday to come already named in the paragraph, so it is next week's.
    """
    if ctx.last_weekday is None or ctx.pub is None:
        return None
    prev, prev_end = ctx.last_weekday
    if d >= prev or (prev - d).days > 7:
        return None
    between = c.m.string[prev_end:c.start]
    if _PARAGRAPH_BREAK.search(between):
        return None
    same_sentence = not _SENTENCE_BREAK.search(between)
    forward = same_sentence and _FORWARD.search(between)
    story_next = tense == "future" and d == ctx.pub and prev > ctx.pub
    if not (forward or story_next):
        return None
    return prev + timedelta(days=(d.isoweekday() - prev.isoweekday()) % 7 or 7)


def _unit_value(unit: str, day: date, step: int) -> str:
    """The calendar unit (week, month, year...) ``step`` units from ``day``."""
    if unit == "week":
        return _iso_week(day + timedelta(weeks=step))
    if unit == "weekend":
        return _iso_week(day + timedelta(weeks=step)) + "-WE"
    if unit == "month":
        y, mth = _month_shift(day.year, day.month, step)
        return f"{y}-{mth:02d}"
    if unit == "quarter":
        y, mth = _month_shift(day.year, day.month, 3 * step)
        return f"{y}-Q{_quarter(mth)}"
    if unit == "year":
        return str(day.year + step)
    if unit == "decade":
        return f"{(day.year // 10 + step)}X"
    if unit == "century":
        return f"{(day.year // 100 + step):02d}XX"
    return day.isoformat()


_UNDERSPEC = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX",
              "year": "XXXX", "decade": "XXXX", "century": "XXXX"}


_PLURAL_REL_REFS = {"coming": "FUTURE_REF", "next": "FUTURE_REF", "past": "PAST_REF"}


def _h_relunit(m, c, ctx, pub):
    if m["plural"]:
        ref = _PLURAL_REL_REFS.get(" ".join(m["rel"].lower().split())) if m["rel"] and m["the"] else None
        return _Norm(ref) if ref and m["runit"].lower() != "weekend" else None  # "in the coming months"
    unit = m["runit"].lower()
    mod = _pmod(m)
    if unit == "season":
        # "last season", "next season": a sporting season has no calendar value, only its side of the present
        rel = " ".join(m["rel"].lower().split()) if m["rel"] else None
        if m["that"] or m["pre"] or rel not in SEASON_REFS or m["the"] and rel == "last":
            return None
        return _Norm(SEASON_REFS[rel], mod=mod)
    base = ctx.prev_at(unit)
    if m["that"]:
        if base is None:
            return _Norm(_UNDERSPEC[unit], mod=mod)
        return _Norm(_unit_value(unit, base, 0), mod=mod, anchor="previous")
    rel = " ".join(m["rel"].lower().split())
    step = STEPS[rel]
    if rel in ("previous", "following"):
        if base is None:
            return _Norm(_UNDERSPEC[unit], mod=mod)
        return _Norm(_unit_value(unit, base, step), mod=mod, anchor="previous")
    possessive = re.match(r"['’]s\b", c.m.string[c.end:c.end + 3]) is not None  # "the coming week's talks"
    if unit != "weekend" and not mod and not m["pre"] and not possessive \
            and (rel == "past" or (m["the"] and rel in ("last", "next", "coming"))):
        return _Norm(_duration_value(1, unit), TYPE_DURATION)
    if pub is None:
        return _Norm(_UNDERSPEC[unit], mod=mod)
    return _Norm(_unit_value(unit, pub, step), mod=mod, anchor="published")


def _h_inthe(m, c, ctx, pub):
    if m["rest"]:
        return None
    unit = m["runit"].lower()
    pre = m["pre"].lower()
    mod = {"early": "START", "late": "END"}.get(pre)
    base = ctx.prev_at(unit)  # "sales in January ... later in the month": that month
    if base is not None and unit != "day" and pub is not None and base < pub and ctx.tense(c.start, c.end) == "future":
        base = None  # "Profits fell in 2003. Later in the year the firm will ...": this year
    if base is not None:
        return _Norm(_unit_value(unit, base, 0), mod=mod, anchor="previous")
    if pub is None:
        return _Norm(_UNDERSPEC[unit], mod=mod)
    return _Norm(_unit_value(unit, pub, 0), mod=mod, anchor="published")


def _h_endof(m, c, ctx, pub):
    text = m["pmod"].lower()
    mod = "END" if ("end" in text or "close" in text) else "START" if ("beginning" in text or "start" in text) else "MID"
    unit = text.split()[-1]
    base, anchor = (ctx.prev_at(unit), "previous") if ctx.prev_at(unit) else (pub, "published")
    if base is None or unit not in ("year", "month", "week", "day"):
        return _Norm(_UNDERSPEC.get(unit, "XXXX-XX-XX"), mod=mod)
    if unit == "day":
        return _Norm(base.isoformat(), mod=mod, anchor=anchor)
    return _Norm(_unit_value(unit, base, 0), mod=mod, anchor=anchor)


def _dur_mod(m) -> str | None:
    word = _g(m, "dmod")
    if word and word.lower() == "over" and _g(m, "the"):
        return None
    return DUR_MODS.get(" ".join(word.lower().split())) if word else None


def _h_ago(m, c, ctx, pub):
    n = _parse_num(m["num"])
    unit = _unit_key(m["unit"])
    direction = "ahead" if m["ahead"] else m["dir"].lower()  # "in two weeks' time": that far after publication
    if direction in ("before", "after", "since"):
        return _Norm(_duration_value(n, unit), TYPE_DURATION, _dur_mod(m))
    sign = 1 if direction in ("later", "ahead") else -1
    grain = 0
    if direction in ("ago", "ahead"):
        base, anchor = pub, "published"
    else:
        grain, base = ctx.prev_grain(unit)
        anchor = "previous"
    mod = _dur_mod(m)
    if m["num"].lower().endswith(" of"):
        n = None  # "a couple of weeks", "a handful of years": an amount named by a noun is approximate
    if n is None and direction in ("ago", "ahead"):
        # "a few weeks ago": some time before, no date; "in a few weeks' time": some time after
        return _Norm("PAST_REF" if direction == "ago" else "FUTURE_REF", anchor="none")
    if n is None or base is None or not float(n).is_integer() or unit in ("second", "minute", "hour"):
        grain = {"day": "XXXX-XX-XX", "week": "XXXX-XX-XX", "month": "XXXX-XX"}.get(unit, "XXXX")
        if base is None or n is None:
            return _Norm(grain, mod=mod)
        return _Norm(base.isoformat(), mod=mod, anchor=anchor)
    k = int(n) * sign * UNIT_SCALE.get(unit, 1)
    if unit == "day":
        return _Norm((base + timedelta(days=k)).isoformat(), mod=mod, anchor=anchor)
    if unit in ("week", "fortnight"):
        return _Norm((base + timedelta(weeks=k)).isoformat(), mod=mod, anchor=anchor)
    if unit == "month":
        y, mth = _month_shift(base.year, base.month, k)
        return _Norm(f"{y}-{mth:02d}", mod=mod, anchor=anchor)
    if unit == "quarter":
        y, mth = _month_shift(base.year, base.month, 3 * k)
        return _Norm(f"{y}-Q{_quarter(mth)}", mod=mod, anchor=anchor)
    if unit == "year" and grain in (1, 2):
        # "a year earlier" than "the last three months of 2004" is 2003-Q4, not all of 2003
        y = base.year + k
        return _Norm(f"{y}-Q{_quarter(base.month)}" if grain == 2 else f"{y}-{base.month:02d}", mod=mod, anchor=anchor)
    return _Norm(str(base.year + k), mod=mod, anchor=anchor)


def _h_duration(m, c, ctx, pub):
    raw = m["num"].lower()
    n = _parse_num(raw)
    if n is None and raw not in VAGUE and not re.match(r"(several|a few|few|many|some|a number of|dozens|hundreds|"
                                                      r"numerous|countless)", raw):
        return None
    if n is not None and (m["half"] or re.search(r"and\s+a\s+half", m.group(0), re.I)):
        n += 0.5
    plural = bool(m["plural"])
    if raw in ("a", "an", "one") and plural:
        return None
    mod = _dur_mod(m)
    span = m["span"].lower() if m["span"] else None
    if span in ("first", "final", "latest", "remaining") and not m["the"]:
        return None
    return _Norm(_duration_value(n, m["unit"]), TYPE_DURATION, mod)


def _h_numrange(m, c, ctx, pub):
    n = _parse_num(m["num"])
    if n is None:
        return None
    return _Norm(_duration_value(n, m["unit"]), TYPE_DURATION, _dur_mod(m))


def _h_theday(m, c, ctx, pub):
    base, anchor = (ctx.prev_day, "previous") if ctx.prev_day else (pub, "published")
    if m["unit"].lower() == "weekend":
        if base is None:
            return _Norm("XXXX-WXX-WE")
        if anchor == "published" and ctx.tense(c.start, c.end) == "past" and base.isoweekday() < 6:
            base = base - timedelta(days=7)
        return _Norm(_iso_week(base) + "-WE", anchor=anchor)
    if base is None:
        return _Norm("XXXX-XX-XX")
    return _Norm(base.isoformat(), anchor=anchor)


def _h_qcentury(m, c, ctx, pub):
    return _Norm("P25Y", TYPE_DURATION, _dur_mod(m))


def _h_halfunit(m, c, ctx, pub):
    return _Norm(_duration_value(0.5, m["unit"]), TYPE_DURATION, _dur_mod(m))


def _h_bareunits(m, c, ctx, pub):
    lead = " ".join(m["lead"].lower().split()) if m["lead"] else None
    if lead in ("in recent", "recent"):
        return _Norm("PAST_REF", anchor="none")
    if not lead and not m["long"] and not m["many"] and m["unit"].lower() not in ("decades", "centuries"):
        return None
    clause_end = re.match(r"[ \t]*(?:[.,;:!?)\]\"'”’\n]|$)", c.m.string[c.end:c.end + 2])
    if lead == "in" and not m["long"] and not m["many"] and not clause_end:
        return None
    return _Norm(_duration_value(None, m["unit"]), TYPE_DURATION)


def _h_set(m, c, ctx, pub):
    if m["word"]:
        return _Norm(SET_WORDS[m["word"].lower()], TYPE_SET)
    every = 2 if m["other"] else 1
    if m["unit"]:
        n = _parse_num(m["num"]) if m["num"] else 1
        if n is None:
            return None
        return _Norm(_duration_value(n * every, m["unit"]), TYPE_SET)
    if m["wd"]:
        wd = WEEKDAYS.get(m["wd"].lower().rstrip("."))
        return _Norm(f"XXXX-WXX-{wd}", TYPE_SET) if wd else None
    if m["season"]:
        return _Norm(f"XXXX-{SEASONS[m['season'].lower()]}", TYPE_SET)
    if m["part"]:
        return _Norm(f"XXXX-XX-XXT{PARTS[m['part'].lower()]}", TYPE_SET)
    return None


def _h_pera(m, c, ctx, pub):
    return _Norm(_duration_value(1, m["unit"]), TYPE_SET)


def _h_ref(m, c, ctx, pub):
    return _Norm(REFS[" ".join(m["ref"].lower().split())])


def _h_time(m, c, ctx, pub):
    if m["named"]:
        named = m["named"].lower()
        hh, mm = (0, 0) if named == "midnight" else (12, 0)
    elif m["hh3"]:
        hh, mm = int(m["hh3"]), int(m["mm3"])
    else:
        hh = int(m["hh"] or m["hh2"])
        mm = int(m["mm"] or 0)
        ampm = (m["ampm"] or m["ampm2"] or "").lower()
        if ampm.startswith("p") and hh < 12:
            hh += 12
        elif ampm.startswith("a") and hh == 12:
            hh = 0
        if m["hh"] and not ampm and not m["tz"] and not m["day"]:
            if "." in m.group(0):
                return None
            if hh == 0 and mm == 0:
                return None
    tz = "Z" if m["tz"] and m["tz"].upper() in ("UTC", "GMT") else ""
    day_word = (m["day"] or "").lower()
    base, anchor = None, "none"
    if m["wd"]:
        wd = WEEKDAYS.get(m["wd"].lower().rstrip("."))
        base = _weekday_date(ctx, wd, None, ctx.tense(c.start, c.end)) if wd else None
        anchor = "published" if base else "none"
    elif day_word:
        if pub is not None:
            base, anchor = pub + timedelta(days=_RELDAY[day_word]), "published"
    elif (following := _FOLLOWING_DAY.match(m.string, c.end)) is not None:
        month = MONTHS[(following["month"] or following["month2"]).lower().rstrip(".")]
        day_num = int(following["day"] or following["day2"])
        year = int(following["year"]) if following["year"] else _year_for(ctx, month, day_num, None)
        try:
            base = date(year, month, day_num) if year else None
        except ValueError:
            base = None
        anchor = "none" if following["year"] else ("published" if base else "none")
    elif ctx.prev_day is not None:
        base, anchor = ctx.prev_day, "previous"
    elif pub is not None:
        base, anchor = pub, "published"
    day = base.isoformat() if base else "XXXX-XX-XX"
    return _Norm(f"{day}T{hh:02d}:{mm:02d}{tz}", TYPE_TIME, anchor=anchor)


_FOLLOWING_DAY = re.compile(
    rf",?[ \t]+(?:on[ \t]+)?(?:{R_WD},?[ \t]+)?(?:{R_MONTH}[ \t]+{R_DAY}|(?:the[ \t]+)?{R_DAY2}[ \t]+(?:of[ \t]+)?{R_MONTH2})"
    rf"(?:,?[ \t]+{R_YEAR})?(?![\w:])", re.I)


def _h_model(m, c, ctx, pub):
    """A model-found expression: the calendar unit it names, resolved only when it points at the story's own time."""
    text = m.group(0)
    head = _MODEL_HEAD.search(text)
    deictic = bool(_MODEL_TIED.search(text)) or text.split()[0].lower() in ("that", "this")
    if head["part"]:
        part = PARTS[head["part"].lower()]
        base = ctx.prev_day or pub
        if deictic:
            anchor = "previous" if ctx.prev_day else ("published" if pub else "none")
            return _Norm(f"{base.isoformat() if base else 'XXXX-XX-XX'}T{part}", TYPE_TIME, anchor=anchor)
        return _Norm(f"XXXX-XX-XXT{part}", TYPE_TIME)
    if head["season"]:
        code = SEASONS[head["season"].lower()]
        return _Norm(f"XXXX-{code}")
    unit = head["unit"].lower()
    base = ctx.prev_at(unit)
    if deictic and unit in ("day", "week", "month", "year") and base is not None:
        return _Norm(_unit_value(unit, base, 0), anchor="previous")
    return _Norm(_UNDERSPEC.get(unit, "XXXX-XX-XX"))


def _h_holiday(m, c, ctx, pub):
    month, day = HOLIDAYS[" ".join(m["hol"].lower().replace("’", "'").split())]
    if m["year"]:
        return _Norm(f"{m['year']}-{month:02d}-{day:02d}")  # "Christmas 2004"
    year = ctx.story_year(c.start, c.end) or _year_for(ctx, month, day, ctx.tense(c.start, c.end))
    if year is None:
        return _Norm(f"XXXX-{month:02d}-{day:02d}")
    return _Norm(f"{year}-{month:02d}-{day:02d}", anchor="published")


def _h_anchored(m, c, ctx, pub):
    step = ANCHORED_DAYS[" ".join(m["anch"].lower().split())]
    if ctx.prev_day is None:
        return _Norm("XXXX-XX-XX")
    return _Norm((ctx.prev_day + timedelta(days=step)).isoformat(), anchor="previous")


_HANDLERS = {name[3:]: fn for name, fn in globals().items() if name.startswith("_h_")}


# -- gates: is this match really a date here? ----------------------------------------------------

_CURRENCY_BEFORE = re.compile(r"[$£€¥]\s*$|\b(?:US|USD|GBP|EUR|Rs|AU|NZ|C)\$?\s*$")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.']*|[-–—,/(])\s*$")
_DATE_LABELS = ("DATE", "TIME")
_WEEKDAY_NAME = re.compile(rf"\s+{_alt(D['weekday_name_words'], True)}\b")
_DECADE_CONJ = re.compile(r"(?:\b(?:1[5-9]|20)\d0s|'\d0s|\bthe\s+(?:early\s+|late\s+|mid-?)?\d0s)"
                          r"(?:,\s*'?\d0s)*,?\s+(?:and|or|to|through)\s+$")
_MONTH_BEFORE = re.compile(rf"{_alt(MONTH_FULL, True)}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?\s*"
                           r"(?:and|or|to|-|–|through)\s*$")
_BLOCKING_LABELS = ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "FAC", "NORP", "LAW", "GPE", "LOC")


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, start - 24):start])
    return m.group(1).lower() if m else ""


def _ent_at(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None, None
    return span, span[0].ent_type_ or None


def _title_mid_sentence(span, text: str, start: int) -> bool:
    """A capitalised word inside a sentence ("BBC Radio 4's Today", "The Daily Telegraph") names something."""
    if span is None or not text[start:start + 1].isupper():
        return False
    tok = span[0]
    if tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    if prev.text in ("'s", "’s") or prev.ent_type_ == "ORG":
        return True
    if tok.is_sent_start:
        return False
    return not (prev.text in ('"', "“", "‘", "'", "(", ":", "-", "—", "–") or prev.is_space)


def _is_rate(doc, text: str, start: int) -> bool:
    """ "a year" after a count or a plural noun is a frequency: "15 a year", "twice a week", "weeks a year"."""
    before = _word_before(text, start)
    if before in ("per", "once", "twice", "thrice", "times") or re.search(r"\d[ \t]*$", text[max(0, start - 3):start]):
        return True
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span[0].i == 0:
        return False
    prev = doc[span[0].i - 1]
    return prev.tag_ in ("NNS", "CD") and prev.lower_ not in (
        "years", "months", "weeks", "days", "hours", "minutes", "decades")


def _gate(c: _Cand, doc, text: str) -> bool:
    m, kind = c.m, c.kind
    if _g(m, "rel") and m.start("rel") == c.start and text[c.start].isupper() \
            and _title_mid_sentence(_ent_at(doc, c.start, c.end)[0], text, c.start):
        return False  # "the play Suddenly Last Summer": a capitalised "Last" inside a sentence starts a name
    if kind == "year":
        if _CURRENCY_BEFORE.search(text[max(0, c.start - 6):c.start]):
            return False
        span, label = _ent_at(doc, c.start, c.end)
        if span is None:
            return False
        tok = span[-1]
        after = text[c.end:c.end + 20].lower().split()
        if after and after[0].strip(".,;:") in NOT_DATE_FOLLOWERS:
            return False
        if tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and not any(
                c.dep_ == "conj" and c.ent_type_ == "DATE" for c in tok.children):
            return False  # "1997 stores" counts; "the 1997 and 2001 elections" are two years
        prev_tok = doc[tok.i - 1] if tok.i > 0 else None
        if (prev_tok is not None and prev_tok.pos_ == "PROPN" and prev_tok.ent_type_ in _BLOCKING_LABELS
                and prev_tok.lower_.rstrip(".") not in MONTHS and prev_tok.lower_ not in SEASONS):
            return False
        if (prev_tok is not None and prev_tok.pos_ == "PROPN" and prev_tok.is_title and tok.head.i == prev_tok.i
                and tok.dep_ == "nummod" and prev_tok.lower_.rstrip(".") not in MONTHS
                and prev_tok.lower_ not in SEASONS and prev_tok.lower_ not in WEEKDAYS
                and prev_tok.lower_ not in TIME_NAME_WORDS):
            return False  # "Server 2003", "Office 2003": a year that ends a name counts as its number
        if label in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") and not _has_pmod(m) and label not in _DATE_LABELS:
            before = _word_before(text, c.start)
            return before in YEAR_PREPS and not (tok.dep_ == "nummod")
        if label in _DATE_LABELS or _has_pmod(m) or m["fy"]:
            return True
        before = _word_before(text, c.start)
        if before in YEAR_PREPS:
            return True
        return 1900 <= int(m["year"]) <= 2100 and tok.dep_ in ("compound", "nmod", "npadvmod", "pobj", "appos")
    if kind == "shortyear":
        _, label = _ent_at(doc, c.start, c.end)
        return label in _DATE_LABELS and _word_before(text, c.start) in YEAR_PREPS
    if kind in ("month", "monthday"):
        word = (m["month"] or _g(m, "month2") or "")
        span, label = _ent_at(doc, c.start, c.end)
        if label in ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC"):
            return False
        if kind == "monthday":
            return word.lower() != "may" or label in _DATE_LABELS or _word_before(text, c.start) in MONTH_PREPS
        if word.lower().rstrip(".") in MONTH_ABBR and len(word) <= 4 or (word.isupper() and len(word) > 1):
            return False
        if m["rel"] or _has_pmod(m):
            return True
        before = _word_before(text, c.start)
        if before in ("and", "or", "to", "-", "–", "through") and _MONTH_BEFORE.search(text[max(0, c.start - 30):c.start]):
            return True
        if word.lower() == "may":
            return before in MONTH_PREPS and before not in (",", "and", "or", "the") and label in _DATE_LABELS + (None,) \
                and not (span is not None and span[0].tag_ == "MD")
        return before in MONTH_PREPS or label in _DATE_LABELS
    if kind == "weekday":
        span, label = _ent_at(doc, c.start, c.end)
        if label in ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "FAC", "LAW"):
            return False
        wd = m["wd"]
        if span is not None and span[0].i > 0 and span.doc[span[0].i - 1].ent_type_ == "PERSON" and not m["rel"]:
            return False
        if span is not None and not m["rel"] and not _has_pmod(m) and span[0].i > 0 and label not in _DATE_LABELS:
            prev_tok = span.doc[span[0].i - 1]
            if (prev_tok.pos_ == "PROPN" and prev_tok.is_title and prev_tok.ent_type_ in ("PERSON", "")
                    and prev_tok.lower_.rstrip(".") not in MONTHS
                    and prev_tok.lower_ not in WEEKDAYS and not prev_tok.is_sent_start):
                return False
        if len(wd.rstrip(".")) <= 4:
            return label in _DATE_LABELS or bool(m["rel"])
        nxt = text[c.end:c.end + 20]
        return not _WEEKDAY_NAME.match(nxt)
    if kind == "season":
        word = m["season"].lower()
        span, label = _ent_at(doc, c.start, c.end)
        if label in ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "LOC"):
            return False
        if m["rel"] or m["year"] or m["rel2"] or _has_pmod(m):
            return True
        if word == "fall":
            return False
        before = _word_before(text, c.start)
        tok = span[-1] if span is not None else None
        if tok is not None and tok.pos_ not in ("NOUN", "PROPN"):
            return False
        if tok is not None and tok.dep_ == "compound":
            return False
        return before in ("in", "this", "by", "until", "since", "during", "through", "over", "throughout",
                          "before", "after", "last", "next", "early", "late", "of", "each", "every")
    if kind == "time":
        if m["hh"] and not (m["ampm"] or m["tz"] or m["day"]):
            before = text[max(0, c.start - 12):c.start].lower()
            if not re.search(r"\b(?:at|by|until|from|before|after|around|about|to|till)\s*$", before):
                return False
            if re.match(r"\s*[-–]\s*\d", text[c.end:c.end + 4]) and re.search(r"\d\s*$", before):
                return False
        return True
    if kind == "ref":
        word = " ".join(m["ref"].lower().split())
        span, label = _ent_at(doc, c.start, c.end)
        if re.match(r"-\w", text[c.end:c.end + 2]):
            return False
        if word == "now":
            tok = span[0] if span is not None else None
            if tok is not None and (tok.dep_ in ("cc", "intj") or text[c.end:c.end + 1] == ","
                                    and tok.is_sent_start):
                return False
            if re.match(r"\s+(?:that|than)\b", text[c.end:c.end + 6]):
                return False
        if word in ("the past", "the future"):
            return _word_before(text, c.start) in ("in", "of", "into", "for")
        if word == "soon" and _word_before(text, c.start) == "as" and re.match(r"\s+as\b", text[c.end:c.end + 4]):
            return False  # "as soon as possible", "as soon as he arrives": a condition, not a time
        if REFS.get(word) == "FUTURE_REF" and text[c.end:c.end + 16].split()[:1] \
                and text[c.end:c.end + 16].split()[0].lower().strip(".,;:") in REF_EVENT_FOLLOWERS:
            return False  # "followed soon after", "shortly before the vote": a gap between events
        return True
    if kind == "ago" and m["ahead"] and m["ahead"][0] not in "'’" and _word_before(text, c.start) != "in":
        return False  # "in five years time" without its apostrophe, not "a five-year time limit"
    if kind in ("duration", "ago", "halfunit"):
        num = (_g(m, "num") or "").lower()
        if re.match(r"\d", num):
            if _CURRENCY_BEFORE.search(text[max(0, c.start - 6):c.start]):
                return False
            if re.match(r"\s*(?:%|per\s*cent)", text[c.end:c.end + 10]):
                return False
        if kind == "duration" and num in ("a", "an") and not _g(m, "dmod") and not _g(m, "span"):
            if _is_rate(doc, text, c.start):
                return False
        if kind == "duration" and re.match(r"-old\b|\s+old\b", text[c.end:c.end + 5]):
            return False
        unit_span = doc.char_span(m.start("unit"), m.end("unit"), alignment_mode="expand") if _g(m, "unit") else None
        if unit_span is not None and len(unit_span) == 1 and unit_span[0].pos_ in ("ADJ", "VERB", "ADV"):
            return False
        if kind == "duration" and num in ("a", "an", "one") and m["unit"].lower() in ("second", "quarter") \
                and not m["plural"] and not m["span"]:
            return False
        if kind == "duration" and m["unit"].lower() == "quarter" \
                and re.match(r"\s+of\s+(?:an?|the|its|their|his|her|all|\d)\b", text[c.end:c.end + 12], re.I):
            return False  # "three-quarters of a billion": a share, not nine months
        if kind == "duration" and m["unit"].lower() == "quarter" and m["plural"] and _parse_num(num) is None \
                and _word_before(text, c.start) in QUARTERS_AS_PEOPLE:
            return False  # "taken in some quarters as a sign": some people, not some three-month spells
        return True
    if kind == "monthquarter":
        first, last = (MONTHS.get((m[g] or "").lower().rstrip(".")) for g in ("month", "month2"))
        return bool(first and last) and first % 3 == 1 and last == first + 2
    if kind == "set":
        if m["word"]:
            span, label = _ent_at(doc, c.start, c.end)
            if label in ("ORG", "WORK_OF_ART", "PRODUCT"):
                return False
            if _title_mid_sentence(span, text, c.start) or re.match(r"[ \t]+(?:and[ \t]+)?[A-Z]", text[c.end:c.end + 6]) \
                    and text[c.start].isupper():
                return False
        return True
    if kind == "decade":
        if m["cent"]:
            return True
        before = _word_before(text, c.start)
        if _DECADE_CONJ.search(text[max(0, c.start - 40):c.start]):
            return True
        return bool(m.group(0).lower().startswith("the") or m["dec2"]) and before not in (
            "his", "her", "their", "its", "my", "your", "our", "mid", "low", "high", "upper", "lower")
    if kind == "pera":
        if re.match(r"\s+(?:after|before|later|earlier)\b", text[c.end:c.end + 10], re.I):
            return False  # "a day after launching his party": a gap between events, not "per day"
        return _is_rate(doc, text, c.start)
    if kind in ("relday", "lastnight"):
        span, label = _ent_at(doc, c.start, c.end)
        if label in ("ORG", "WORK_OF_ART", "PRODUCT", "PERSON", "FAC"):
            return False
        if _title_mid_sentence(span, text, c.start):
            return False
        return not re.match(r"[ \t]+(?:programme|program|show|newspaper)\b", text[c.end:c.end + 12], re.I)
    if kind == "slashday":
        return _names_event(doc, c.start, c.end)  # "9/11" alone may be a score or a fraction
    if kind == "relunit" and re.match(r"-(?!long\b|end\b)[A-Za-z]", text[c.end:c.end + 6]):
        return False  # "that quarter-final": the unit starts a compound noun
    if kind == "relunit" and (m["rel"] or "").lower() == "last" and m.start("rel") == c.start \
            and (_word_before(text, c.start) in POSSESSIVES
                 or re.search(r"\w['’]s?\s+$", text[max(0, c.start - 4):c.start])):
        return False  # "her last season on the tour", "the club's last year in the league": the final one
    if kind == "numrange":
        # "two or three years old" is an age; "two or three years ago" is the date its second half gives
        return not re.match(r"[^.;\n]{0,30}?(?:year|month|week)s?[\s-]+old\b", text[c.end:c.end + 40]) \
            and not re.match(r"[^.;\n]{0,30}?(?:day|week|month|year|decade)s?\s+(?:ago|earlier)\b", text[c.end:c.end + 40])
    if kind == "anchored" and m["anch"].lower().endswith(("after", "before")):
        return not re.match(r"[ \t]+[\w$£€(]", text[c.end:c.end + 2])
    if kind == "holiday":
        span, label = _ent_at(doc, c.start, c.end)
        if span is not None and span[0].i > 0:
            prev = doc[span[0].i - 1]
            if prev.is_title and prev.pos_ == "PROPN" and not prev.is_sent_start:
                return False
        last = doc.char_span(c.start, c.end, alignment_mode="expand")
        last = last[-1] if last is not None and len(last) else None
        if last is not None and last.dep_ in ("compound", "nmod", "amod") and last.head.i > last.i \
                and last.head.pos_ == "NOUN" and last.head.lower_ not in HOLIDAY_TIME_HEADS:
            return False  # "a Christmas album", "Easter eggs": a kind of thing, not a date
        return label not in ("ORG", "WORK_OF_ART", "PRODUCT", "PERSON")
    return True


# -- the extractor -------------------------------------------------------------------------------

def _matches(text: str):
    """Every (kind, match) of the patterns, each pattern run only near the words it needs.

    One scan for trigger words (month names, units, digits...) gives windows of text; a pattern
    runs only in the windows of its triggers, which keeps the cost far below the parse.
    """
    windows: dict[str, list[list[int]]] = {}
    low = text.lower()
    scan, trigger = (low, _TRIGGER_LOWER) if len(low) == len(text) else (text, _TRIGGER)
    for m in trigger.finditer(scan):
        a, b = max(0, m.start() - _MARGIN), min(len(text), m.end() + _MARGIN)
        classes = ("digit",) if m.lastgroup == "digit" else _word_classes(m.group("word").lower())
        for cls in classes:
            spans = windows.setdefault(cls, [])
            if spans and a <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], b)
            else:
                spans.append([a, b])
    for kind, rx in _PATTERNS:
        merged: list[list[int]] = []
        for cls in _KIND_TRIGGERS[kind]:
            merged.extend(windows.get(cls, ()))
        if not merged:
            continue
        merged.sort()
        spans = [merged[0][:]]
        for a, b in merged[1:]:
            if a <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], b)
            else:
                spans.append([a, b])
        seen: set[int] = set()
        for a, b in spans:
            for m in rx.finditer(text, a, b):
                if m.end() >= b and b < len(text):
                    m = rx.match(text, m.start()) or m
                if m.start() not in seen:
                    seen.add(m.start())
                    yield kind, rx, m


def _candidates(doc, text: str) -> list[_Cand]:
    """Pattern matches that pass their gate, longest first without overlaps, then spaCy's leftovers."""
    found: list[_Cand] = []
    for kind, rx, m in _matches(text):
        start, end = m.span("core") if "core" in rx.groupindex else m.span()
        if kind == "ref" and text[start:start + 3].lower() == "in ":
            start += 3
        elif kind == "duration" and m["span"] and not m["the"]:
            start = m.start("num")
        elif kind == "duration" and m["the"] and (m["dmod"] or "").lower() == "over":
            start = m.start("the")
        while end > start and text[end - 1] in " \t\n,":
            end -= 1
        if end <= start:
            continue
        c = _Cand(kind, start, end, m)
        try:
            ok = _gate(c, doc, text)
        except Exception:  # noqa: BLE001 - a gate that trips on odd input rejects the candidate
            ok = False
        if ok:
            found.append(c)
    found.sort(key=lambda c: (-(c.end - c.start), _PRIORITY[c.kind], c.start))
    taken = bytearray(len(text) + 1)
    chosen = []
    for c in found:
        if any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    for c in _model_candidates(doc, text):
        if not any(taken[c.start:c.end]):
            taken[c.start:c.end] = b"\x01" * (c.end - c.start)
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


_MODEL_HEAD = re.compile(r"\b(?P<unit>day|week|weekend|month|year|quarter|decade|century)\b|\b(?P<part>morning|afternoon|"
                         r"evening|night)\b|\b(?P<season>spring|summer|autumn|winter)\b", re.I)
_MODEL_LEAD = re.compile(r"^(?:(?:their|its|his|her|our|the|a|an|this|that|for|in|on|at)\s+)+", re.I)
_ANY = re.compile(r"[\s\S]+")


def _model_candidates(doc, text: str):
    """spaCy DATE/TIME entities the patterns missed, kept only in shapes that name the story's time.

    A part of the day or a season ("late morning", "the wet summer") or a unit tied to the story
    ("the same night", "the entire year"); numbers, ages, fractions and "X of the year" titles,
    which the model also calls DATE, are dropped.
    """
    for ent in model_ents(doc):
        if ent.label_ not in _DATE_LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        span_text = text[start:end]
        if re.search(r"[\d\n-]|\b(?:age|old|quarter|half)\b", span_text, re.I):
            continue
        if ent.start > 0 and doc[ent.start - 1].lower_ in ("of", "per", "a", "an"):
            continue
        if _title_mid_sentence(ent, text, start):
            continue
        head = _MODEL_HEAD.search(span_text)
        if head is None:
            continue
        if head["unit"] and not _MODEL_TIED.search(span_text):
            continue
        lead = _MODEL_LEAD.match(span_text)
        if lead and lead.group(0).lower().split()[0] in ("for", "in", "on", "at"):
            start += len(lead.group(0))
        if end > start:
            yield _Cand("model", start, end, _ANY.match(text, start, end))


_MODEL_TIED = re.compile(r"\b(?:same|following|previous|entire|whole|rest|remainder|end|beginning|start|middle)\b", re.I)


_POINT_MOD_VALUES = frozenset({"START", "MID", "END"})
_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR_VALUE = re.compile(r"^(\d{4})$")


_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
_GRAIN_RANK = {"day": 0, "week": 0, "weekend": 0, "month": 1, "quarter": 2, "year": 3, "decade": 3, "century": 3}


def _anchor_of(value: str) -> tuple[int, date | None]:
    """(granularity rank, first day) of a resolved date value, or (0, None) for anything vaguer."""
    try:
        m = _DAY_VALUE.match(value)
        if m:
            return 0, date(int(m[1]), int(m[2]), int(m[3]))
        m = _MONTH_VALUE.match(value)
        if m:
            return 1, date(int(m[1]), int(m[2]), 1)
        m = _QUARTER_VALUE.match(value)
        if m:
            return 2, date(int(m[1]), 3 * int(m[2]) - 2, 1)
        m = _YEAR_VALUE.match(value)
        if m:
            return 3, date(int(m[1]), 1, 1)
    except ValueError:
        pass
    return 0, None


def extract_dates(doc, published: str | None) -> list[Date]:
    """Every temporal expression of ``doc`` with its TIMEX3 value, in text order (ids d1, d2...)."""
    text = doc_text(doc)
    if not text.strip():
        return []
    try:
        pub = date.fromisoformat(published[:10]) if published else None
    except ValueError:
        pub = None
    ctx = _Ctx(doc, pub)
    out: list[Date] = []
    for c in _candidates(doc, text):
        try:
            norm = _resolve(c, ctx)
        except Exception:  # noqa: BLE001 - one odd expression must not stop the document
            norm = None
        if norm is None:
            continue
        prev = out[-1] if out else None
        joined = _joined_duration(prev, norm, text[prev.end:c.start]) if prev is not None else None
        if joined is not None:
            # "two hours 18 minutes 15 seconds": one length of time written in several units
            out[-1] = Date(id=prev.id, text=text[prev.start:c.end], start=prev.start, end=c.end,
                           value=joined, type=TYPE_DURATION, mod=prev.mod, anchor=prev.anchor)
            continue
        out.append(Date(id=f"d{len(out) + 1}", text=text[c.start:c.end], start=c.start, end=c.end,
                        value=norm.value, type=norm.type, mod=norm.mod, anchor=norm.anchor))
        if norm.type in (TYPE_DATE, TYPE_TIME) and (not norm.mod or norm.anchor == "none" and norm.mod in _POINT_MOD_VALUES):
            # "tragedy struck early in 2002 ... a year later": a written year anchors even with a modifier
            ctx.remember(norm.value, c.start)
    return _first_days(out, text)


_DAY_BEFORE = re.compile(r"(?<![\d.,:/£$€-])(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|and|or|&)\s*(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?$")


_DAY_RANGE_LEADS = frozenset(D["day_range_leads"])


def _first_days(dates: list[Date], text: str) -> list[Date]:
    """'on 4 and 5 March', 'from 9 to 10 July', 'on 4-6 March': the first day, written without its month,
    is a date of its own in the same month (and '4-6 March' ends on the 6th, not in all of March)."""
    out: list[Date] = []
    for d in dates:
        m = _DAY_BEFORE.search(text, max(0, d.start - 16), d.start)
        whole_month = _MONTH_VALUE.match(d.value) and m is not None and m.group(2) and m.end() == d.start
        if m is None or not (whole_month or _DAY_VALUE.match(d.value) and d.text[:1].isdigit()) \
                or (out and out[-1].end > m.start()):
            out.append(d)
            continue
        before = text[max(0, m.start() - 12):m.start()].split()
        if not before or before[-1].lower() not in _DAY_RANGE_LEADS:
            out.append(d)  # "grew by 4 to 6 March": an amount, not a first day
            continue
        first = int(m.group(1))
        last = int(m.group(2)) if whole_month else int(d.value[8:10])
        if not 1 <= first < last <= 31:
            out.append(d)
            continue
        month = d.value[:7]
        out.append(Date(id="", text=m.group(1), start=m.start(1), end=m.end(1), value=f"{month}-{first:02d}",
                        type=d.type, mod=d.mod, anchor=d.anchor))
        if whole_month:
            start = m.start(2)
            d = Date(id="", text=text[start:d.end], start=start, end=d.end, value=f"{month}-{last:02d}",
                     type=d.type, mod=d.mod, anchor=d.anchor)
        out.append(d)
    if len(out) == len(dates):
        return dates
    return [Date(**{**d.__dict__, "id": f"d{k}"}) for k, d in enumerate(out, 1)]


_DURATION_PARTS = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")
_DURATION_UNITS = ("Y", "M", "W", "D", "H", "M", "S")


def _joined_duration(prev: Date, norm, gap: str) -> str | None:
    """The value of two durations written one after the other in falling units ("two hours 18
    minutes", "one minute 53 secs", "two years and six months"), or None."""
    if prev.type != TYPE_DURATION or norm.type != TYPE_DURATION or norm.mod or gap.strip() not in ("", "and", ","):
        return None
    a, b = _DURATION_PARTS.match(prev.value), _DURATION_PARTS.match(norm.value)
    if not a or not b or not any(a.groups()) or not any(b.groups()):
        return None
    last_a = max(i for i, g in enumerate(a.groups()) if g)
    first_b = min(i for i, g in enumerate(b.groups()) if g)
    if first_b <= last_a:
        return None
    parts = [x or y for x, y in zip(a.groups(), b.groups())]
    if parts[2] and any(p for k, p in enumerate(parts) if k != 2):
        parts[3], parts[2] = str(7 * int(parts[2]) + int(parts[3] or 0)), None  # ISO 8601 weeks stand alone
    date_part = "".join(f"{v}{u}" for v, u in zip(parts[:4], _DURATION_UNITS[:4]) if v)
    time_part = "".join(f"{v}{u}" for v, u in zip(parts[4:], _DURATION_UNITS[4:]) if v)
    return "P" + date_part + (f"T{time_part}" if time_part else "")


# -- publication date from a dateline ------------------------------------------------------------

_DL_FULL = re.compile(
    rf"(?:{R_WD},?\s+)?(?:{R_MONTH}\s+{R_DAY},?\s+{R_YEAR}|{R_DAY2}\s+(?:of\s+)?"
    rf"{R_MONTH2},?\s+{R_YEAR.replace('<year>', '<year2>')})(?!\d)", re.I)
_DL_ISO = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?!\d)")
_DL_PLACE = re.compile(r"^[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Z][\w .']{1,30})?,\s*$")
_DL_TAIL = re.compile(r"^\s*(?:\([A-Za-z .&/-]{1,30}\)\s*)?(?:[-–—:]|$)")
_DL_TIME = re.compile(r"\b\d{1,2}(?::|\.)\d\d\b|\b\d{1,2}\s*[ap]\.?m\.?", re.I)


def find_published(text: str) -> str | None:
    """The publication date from a dateline near the top ("March 01, 2008", "Tuesday 14 December 2004").

    Only the first three non-empty lines within the first 300 characters are read, and only a line
    that is nothing but a date (with words like "Published", a time, a time zone) or a
    "PLACE, Month Day, Year (Agency) -" dateline counts; a year is required.
    """
    if not text:
        return None
    head = text[:300]
    lines = [ln for ln in head.splitlines() if ln.strip()][:3]
    for line in lines:
        for rx in (_DL_FULL, _DL_ISO):
            for m in rx.finditer(line):
                value = _dl_value(m, rx is _DL_ISO)
                if value is None:
                    continue
                before, after = line[:m.start()], line[m.end():]
                if _dl_shaped(before, after):
                    return value
    return None


def _dl_value(m: re.Match, iso: bool) -> str | None:
    try:
        if iso:
            return date(int(m["year"]), int(m["mon"]), int(m["day"])).isoformat()
        month = MONTHS[(m["month"] or m["month2"]).lower().rstrip(".")]
        return date(int(m["year"] or m["year2"]), month, int(m["day"] or m["day2"])).isoformat()
    except (ValueError, KeyError, TypeError):
        return None


def _dl_rest_is_filler(rest: str) -> bool:
    rest = _DL_TIME.sub(" ", rest)
    words = re.findall(r"[A-Za-z.]+", rest)
    return all(w.lower().strip(".") in DATELINE_WORDS or w.lower().strip(".") in WEEKDAYS
               or w.upper() in D["timezone_names"] for w in words) and not re.search(r"\d", rest)


def _dl_shaped(before: str, after: str) -> bool:
    if _dl_rest_is_filler(before) and (_dl_rest_is_filler(after) or re.match(r"^\s*[|·•]", after)):
        return True
    return bool(_DL_PLACE.match(before) and _DL_TAIL.match(after))
