"""Figures: every amount in an article, normalised to value, unit, rate, qualifier and direction.

How it works, per document and in one pass over the text:
1. *Atoms* are the bare amounts: digit forms found by a regex over the text (with a currency symbol or code
   before and a scale word or abbreviation after: "US$40 billion", "£600m", "3,000", "15"), runs of number
   words found on the tokens ("twenty-five", "a million", "one-fifth", "half of"), vague amounts ("dozens of",
   "tens of thousands of") and multiples ("doubled", "three times as").
2. Neighbouring atoms joined by "-", "to" or "between ... and" become ranges; digit pairs without a unit
   ("won 2-1") are scores and year pairs ("2010-11") are dates: neither is a figure.
3. Each atom is extended with what the text and the parse say about it: a currency word after it ("5 euros"),
   a percent sign or word, an attached measure unit ("500km"), the noun it counts (the head of a `nummod`:
   "3,000 jobs" → unit "job"; a time noun makes a duration), a rate ("per day", "a year", "daily"), a
   qualifier before it ("about", "more than") and the change verb or noun it is the amount of ("rose 2%").
4. Calendar years, days of the month, clock times ("at 5.30 every day", "it's 12.30"), ordinals, ages, phone
   numbers and numbers that label something ("Section 427", "Boeing 747", "No 10", "the drama 24", "007",
   "TIM and 3", "over one of the ...") are dropped.

Conventions (documented for users of the records):
- ``value`` is in full units: "$22 billion" → 22000000000.0; a percent keeps its number with unit "%"
  ("76%" → 76.0); percentage points have unit "percentage point"; fractions are ratios ("one-fifth" → 0.2).
- Ranges have kind "range", ``low``/``high`` set and ``value`` None; the unit is that of the range.
- ``currency`` is an ISO 4217 code only when the text makes it certain: "£" → GBP, "€" → EUR, "US$" → USD,
  "C$" → CAD. A bare "$" is USD only when the article mentions no other dollar-using country (Canada,
  Australia, Hong Kong...); otherwise it stays None with unit "$".
- Vague amounts take a conventional lower value with qualifier "approximately": dozens 24, hundreds 200,
  thousands 2000, tens of thousands 20000, millions and "multi-million" 2e6... They are kind "count" when they
  count a noun ("millions of people", "millions more people"), "money" with a currency ("multi-million pound"),
  and "number" otherwise ("cost the company billions", "a multi-million deal").
- A glued "m" without a currency ("3m") is millions; it is metres only in a measuring context: a dimension word
  after it ("300m tall", "10m-high"), a dimension noun or measuring verb before it ("a depth of 200m", "cleared
  5.45m"), centimetre precision ("7.95m"), a value of 1,000 or more ("3,000m"), a conversion in brackets after
  a length ("30ft (9m)"), a pitch or track noun after it ("a 40m penalty", "the 10m line") or an athletics
  article. Race distances named as events ("the 100m", "60m hurdles", "the 800m and 1500m", "the women's 1500m
  AAAs title": the number modifies a race noun) are not figures.
- A measure unit written after the number keeps the measure and names what it measures in ``about``: "a 4,200
  MW power plant" → 4200 MW about "power plant"; "square feet" → "sq ft". Feet after "on" with nothing
  measured ("walks on two feet") are counted, unit "foot". Race times are durations in seconds ("4:19.11",
  "8.47secs", "one minute, 47.96 seconds").
- Direction also comes from a comparative the amount measures ("£4.5bn higher than", "8% lower") and from a
  quoted headline verb ("'falls' 40%"); "up £5,000" without "to" is the qualifier "up to"; a money amount of a
  noun that names a payment or deal ("a £100,000 advance", "a $23bn contract") and a length moved ("a leap of
  7.91m", "jumped 30ft") have none.
- Counted-noun units are the singular lemma of the noun with its noun compounds: "3,000 jobs" → "job",
  "people" → "person" (so one person and 3,000 people share a unit), "DVDs" → "DVD", proper plurals keep their
  case ("eight Grammy Awards" → "Grammy Award").
- A duration written in two units ("14 minutes 32.93 seconds", "two years and six months") is one figure in
  the smaller unit (872.93 second, 30 month); only units with an exact ratio are joined.
- A hyphenated range borrows the thousands of its high end ("$50-100,000" → low 50,000) and its scale
  ("$2-3m" → low 2,000,000).
- A bare amount with no counted noun takes the unit of the counted figure it pairs with in the sentence
  ("cut 500 jobs last year and 300 this year", "up from 700", "Russia has 40", a list "65 flights on Thursday,
  180 on Friday and 140 on Saturday", "117 million out of 833 million handsets", "..., compared with 45 in
  2003"), never of a denominator ("per 100 people"); otherwise ``about`` names what
  the parse says it measures: the subject of a change or level verb ("unemployment fell from 157,000 to
  133,000" → about "unemployment"), its object for a transitive change ("cut prices by 5%"), or the "of"
  noun of a quantity word ("the number of claims").
- A change amount keeps the kind of its measure (percent, money, count) and gets ``direction`` up/down;
  the "to"/"from" levels of the change are separate figures without direction. Multiples ("doubled",
  "three times as many") have kind "multiple".
- A bare whole amount that is the level of a plural subject counts it ("applications rose to 27,700" →
  "application"; "car sales totalled 1.75 million" → "car"), unless the subject is a sum or level ("profits",
  "prices": data ``uncounted_subjects``), the same verb has a counted change ("fell 1m barrels to 294.3m") or
  a person "is" a small number (an age). A scaled amount after "another"/"a further" is more of the money
  just named in its sentence ("1bn euros now, with another 550m later" → 550m EUR).
- Multiples also come from "a factor of 10", "N times" before any comparative ("four times better") and
  "N times" (N ≥ 10) closing the clause of a change verb ("has leaped 500,000 times"); a qualifier before a
  multiple applies ("almost doubled" → less than). "minus 160 degrees" is -160. "Term" is counted, not a
  length of time; a distance in "K" before a race noun ("the 50K walk") names the race.
- Kinds: money, percent, fraction, duration, count (a counted noun), rate (a count or bare number with
  ``per``), number (bare or measured amounts: "500km"), range, multiple.
- ``per`` also comes from an exchange rate ("$1.88 to the pound" → per "pound") and from "for each" / "for
  every" one of something ("$5.95 for each session" → per "session"; not "one nurse for every 500 patients").
- A time amount that picks a stretch out of a named period ("the first three months of 2005", "the last ten
  minutes of the match") names a period, not an amount: the dates module owns it. So does a distance that
  names a race in any unit ("the men's 9km race", "a 10-mile race").
- "up to" after the object of a verb that moves it up ("pushed rates up to 2.25%", "drove the dollar up to
  $1.32") is the verb's particle: the amount is the level reached, with no qualifier. A qualifier still
  applies across an opening quote mark (about "27% of ..."), and an amount a verb of passing a threshold
  takes as its object is "more than" it ("has exceeded 4.8 million").
- Minor units written after a currency word are counted in the minor unit: "70 euro cents" → 70 "cent" EUR.
- A bare amount that "the number of" a plural noun reaches or changes by counts that noun ("the number of
  blogs has exceeded 4.8 million" → unit "blog"); a level noun's amount ("the 46-year low of 1%") is about
  what reached that level; "two of three winning sides" counts sides; "fell one place" is a change of one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import hash_string

from .nlp import doc_text, entity_span, token_starts, tokens
from .numbers import parse_decimal, to_float, vocab, words_value
from .records import Figure


# -- vocabulary and patterns, compiled once ------------------------------------------------------------

def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _rx() -> dict:
    v = vocab()
    symbols = list(v["currency_symbols"])
    codes = v["currency_codes"]
    cur = rf"(?:{_alt(symbols)}|(?:{_alt(codes)})(?=[\s$]))"
    num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    scale = (r"(?:[ \u00a0]?(?:thousand|million|billion|trillion)s?\b|[ \u00a0]?(?:bn|mn|mln|bln|tn|trn)\b"
             r"|(?:m|k|b)\b)")
    return {
        "atom": re.compile(
            rf"(?<![\w.,/:#@&+'\u2019])(?<![A-Za-z]-)(?:(?P<cur>{cur})[ \u00a0]?)?(?P<num>{num})(?P<scale>{scale})?",
            re.I),
        "cur_range_before": re.compile(rf"(?:{cur})[ \u00a0]?(?:{num})[ \u00a0]?(?:-|\u2013|to)[ \u00a0]?$"),
        "spaced_m": re.compile(r"[ \u00a0](?:m|bn)\b(?![.\w]\w)"),
        "glued_m": re.compile(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)m(?![\w])"),
        "of_stuff": re.compile(r"[ \u00a0]+of[ \u00a0]+(?:[a-z]+[ \u00a0]+)?[a-z]+(?=[ \u00a0]+(?:per|a|an|every)\b)"),
        "phone": re.compile(r"(?<![\w,.])(?:\+\d{1,3}[ \-.]?)?(?:\(?\d{2,5}\)?[ \-.]){1,4}\d{3,4}(?!\w|,\d)"),
        "curword": re.compile(rf"[ \u00a0-]?(?:(?P<adj>{_alt(v['currency_adjectives'])})[ \u00a0]?)?"
                              rf"(?P<w>{_alt(v['currency_words'])})\b", re.I),
        "curcode_after": re.compile(rf"[ \u00a0](?P<w>{_alt(codes)})\b"),
        "percent": re.compile(
            r"[ \u00a0]?(?P<w>%|per[ \u00a0]?cent(?:age)?[ \u00a0]points?\b|percentage[ \u00a0]points?\b"
            r"|per[ \u00a0]?cent\b|percent\b|pc\b|basis[ \u00a0]points?\b|bps\b)", re.I),
        "suffix": re.compile(r"(?P<w>[A-Za-z°][A-Za-z/.]*)"),
        "rate": re.compile(
            r"[ \u00a0]+(?:(?P<p>per|a|an|every|each)[ \u00a0]+(?P<u>[A-Za-z]+)|(?P<adv>" + _alt(v["rate_adverbs"])
            + r"))\b(?P<after>[ \u00a0]+[A-Za-z]+)?", re.I),
        "vague": re.compile(
            r"\b(?P<w>multi-?(?:million|billion|trillion)|(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)"
            r"|dozens|scores|hundreds|thousands"
            r"|millions|billions|trillions)\b(?P<of>\s+of\b)?", re.I),
        "ratio": re.compile(
            r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|\d{1,3})[ \u00a0]+(?:in|out[ \u00a0]+of)[ \u00a0]+"
            r"(?:every[ \u00a0]+)?(?P<d>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand"
            r"|\d{1,3}(?:,\d{3})*)\b(?![,.]\d)", re.I),
        "times": re.compile(r"[ \u00a0]+times[ \u00a0]+(?P<f>[A-Za-z]+)", re.I),
        "part_of_number": re.compile(
            rf"[ \u00a0]+(?:out[ \u00a0]+)?of[ \u00a0]+(?:the[ \u00a0]+)?(?:\d|(?:{_alt(v['number_words'])})\b)", re.I),
        "to_the": re.compile(r"[ \u00a0]+(?:to|in)[ \u00a0]+the(?=[ \u00a0])", re.I),
        "for_each": re.compile(r"[ \u00a0]+(?:for|on)[ \u00a0]+(?:each|every)[ \u00a0]+", re.I),
        "right_qual": re.compile(r"[ \u00a0]+(?P<w>or more|or so|or less|or fewer|plus(?=[ \u00a0]*(?:[,.;:)]|$)))\b(?![ \u00a0]+th[ae]n\b)", re.I),
        "label_before": re.compile(r"(?:\b(?:no|nos|number|num)\.?|#)[ \u00a0]*$", re.I),
        "age_before": re.compile(r"\b(?:aged|age of|ages of|age)[ \u00a0]+(?:(?:just|only)[ \u00a0]+)?$", re.I),
        "race_time": re.compile(r"(?<![\w.:/])(?P<m>\d{1,2}):(?P<s>[0-5]\d(?:\.\d{1,3})?)(?![\w:]|\.\d)"),
        "age_after": re.compile(r"[ \u00a0]?-?[ \u00a0]?years?[ \u00a0]?-[ \u00a0]?olds?\b", re.I),
        "athletics": re.compile(
            rf"\b\d+(?:,\d{{3}})?m[ \u00a0-](?:{_alt(v['athletics_events'] + v['sport_distance_nouns'])})s?\b"
            rf"|\b(?:{_alt(v['athletics_events'])})[ \u00a0]+(?:champion|title|gold|final)\b"
            rf"|\b(?:men|women)'s[ \u00a0]+\d+(?:,\d{{3}})?m\b", re.I),
        "race_after": re.compile(rf"[ \u00a0-]+(?:{_alt(v['race_nouns'])})\b", re.I),
        "dollar_country": re.compile(rf"\b(?:{_alt(v['dollar_countries'])})\b", re.I),
    }


_FACTOR_BEFORE = re.compile(r"(?:\b(?:an?|the)[ \u00a0]+)?\b(?P<f>factor)[ \u00a0]+of[ \u00a0]+$", re.I)
_MINUS_BEFORE = re.compile(r"\bminus[ \u00a0]+$", re.I)
_TIMES_AT_END = re.compile(r"[ \u00a0]+times(?=[ \u00a0]*(?:[.,;:!?)\n]|$))", re.I)
_RIGHT_QUAL = {"or more": "at least", "or so": "approximately", "or less": "at most", "or fewer": "at most",
               "plus": "at least"}
_ORDINAL_SUFFIX = {"st", "nd", "rd", "th", "s"}


@dataclass
class _Atom:
    start: int
    end: int
    value: float | None
    kind: str = "number"
    raw: Decimal | None = None
    scaled: bool = False
    unit: str | None = None
    currency: str | None = None
    word: bool = False
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    per: str | None = None
    direction: str | None = None
    about: str | None = None
    counted: bool = False
    drop: bool = False
    tok_last: int = -1
    age: bool = False
    inherited: bool = False  # unit taken from a parallel counted figure: a link for the next one in a list


class _Doc:
    """Per-document helpers: char→token lookup and the sentence of each token."""

    def __init__(self, doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.lower = self.text.lower()
        self.starts = token_starts(doc)
        self.dollar_is_usd = False
        self.labels: set[str] = set()  # numbers seen naming something ("Boeing 787"): never amounts here
        self.dropped: set[int] = set()  # starts of bare numbers found not to be amounts (labels, dates)
        self.glued: dict[int, str] = {}  # start of each glued "m" number → million / metre / event
        self._athletics: bool | None = None

    @property
    def athletics(self) -> bool:
        """The article is about athletics or swimming: searched only when a glued "m" needs it."""
        if self._athletics is None:
            self._athletics = _rx()["athletics"].search(self.text) is not None
        return self._athletics

    def token_at(self, char: int):
        """The token covering character ``char`` (or the nearest one before it)."""
        if not self.starts:
            return None
        i = bisect.bisect_right(self.starts, char) - 1
        return self.doc[max(i, 0)]

    def tokens(self, start: int, end: int):
        if not self.starts or end <= start:
            return []
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        j = bisect.bisect_left(self.starts, end)
        return [self.doc[k] for k in range(i, j)]


# -- public entry --------------------------------------------------------------------------------------

def extract_figures(doc) -> list[Figure]:
    """Every figure of ``doc``, sorted by start, with ids f1, f2... ."""
    try:
        return _extract(doc)
    except Exception:  # an extractor must never take the whole article down
        return []


def _extract(doc) -> list[Figure]:
    d = _Doc(doc)
    if not d.text.strip():
        return []
    rx = _rx()
    # the whole-text search for dollar countries only matters when a dollar is written
    dollar_is_usd = ("$" not in d.text and "dollar" not in d.lower) or rx["dollar_country"].search(d.text) is None
    d.dollar_is_usd = dollar_is_usd
    atoms = _digit_atoms(d, dollar_is_usd)
    covered = [(a.start, a.end) for a in atoms]
    atoms += _word_atoms(d, covered)
    atoms = _merge_ranges(d, sorted(atoms, key=lambda a: (a.start, -a.end)))
    out: list[_Atom] = []
    for atom in atoms:
        if atom.drop:
            continue
        if atom.kind in ("vague", "fraction", "multiple"):
            _finish_special(d, atom)
        else:
            _extend(d, atom, dollar_is_usd)
        if not atom.drop:
            out.append(atom)
        elif atom.kind == "number" and atom.unit is None:
            d.dropped.add(atom.start)
    out = [a for a in out if not (a.kind == "number" and a.unit is None and a.qualifier is None
                                  and d.text[a.start:a.end] in d.labels)]
    out = _resolve_overlaps(out)
    out = _merge_durations(d, out)
    _inherit_units(d, out)
    _inherit_directions(d, out)
    for a in out:
        if a.about is None and a.kind in ("number", "range", "percent") and (a.unit is None or a.kind == "percent"
                                                                              or a.kind == "range" and not a.counted):
            a.about = _measured_subject(d, a)
    figures = []
    for n, a in enumerate(out, 1):
        figures.append(Figure(id=f"f{n}", kind=a.kind, text=d.text[a.start:a.end], start=a.start, end=a.end,
                              value=a.value, unit=a.unit, per=a.per, qualifier=a.qualifier, low=a.low,
                              high=a.high, currency=a.currency, direction=a.direction, about=a.about))
    return figures


# -- atoms ---------------------------------------------------------------------------------------------

def _currency(symbol: str, dollar_is_usd: bool) -> tuple[str, str | None]:
    v = vocab()
    sym = symbol.strip()
    for key, (unit, iso) in v["currency_symbols"].items():
        if key.lower() == sym.lower():
            if unit == "$" and dollar_is_usd:
                iso = "USD"
            return sym, iso
    code = sym.upper()
    return code, v["currency_code_alias"].get(code, code)


def _digit_atoms(d: _Doc, dollar_is_usd: bool) -> list[_Atom]:
    rx = _rx()
    v = vocab()
    text = d.text
    phones = [(m.start(), m.end()) for m in rx["phone"].finditer(text)
              if sum(c.isdigit() for c in m.group()) >= 9]
    phone_starts = [p[0] for p in phones]
    atoms = []
    for m in rx["atom"].finditer(text):
        start, end = m.start(), m.end()
        k = bisect.bisect_right(phone_starts, m.start("num")) - 1
        if k >= 0 and phones[k][0] <= m.start("num") < phones[k][1]:
            continue
        raw = parse_decimal(m.group("num"))
        if raw is None or (len(m.group("num")) >= 10 and m.group("num").isdigit()):
            continue  # ids, timestamps, account numbers
        atom = _Atom(start=start, end=end, value=None, raw=raw)
        nxt = text[end:end + 2]
        if nxt[:1] in (":", "/") and nxt[1:2].isdigit() or (nxt[:1] == "." and nxt[1:2].isdigit()):
            continue  # clock time, date, version number
        if start > 0 and text[start - 1] in ("/", ":"):
            continue
        scale = Decimal(1)
        sc = (m.group("scale") or "").strip().lower()
        if sc:
            money_after = rx["curword"].match(text, end) or rx["curcode_after"].match(text, end)
            money_before = rx["cur_range_before"].search(text, max(0, start - 24), start) is not None
            if sc in ("m", "k", "b") and not m.group("cur") and not money_after and not money_before:
                # "100m" is metres and "3m people" million: decided after the unit scan
                atom.end = m.start("scale")
                end = atom.end
            else:
                scale = Decimal(str(v["scales"][sc]))
                atom.scaled = True
        if m.group("cur") and not sc and rx["spaced_m"].match(text, end):
            scale, atom.scaled = Decimal(1000000), True  # "$458 m"
            end = atom.end = end + 2
        atom.value = to_float(raw * scale)
        if m.group("cur"):
            atom.unit, atom.currency = _currency(m.group("cur"), dollar_is_usd)
            atom.kind = "money"
        # a sign directly before: "-5%", "−$3m"
        if start > 0 and text[start - 1] in "-−" and (start == 1 or not text[start - 2].isalnum()):
            atom.start -= 1
            atom.value = -atom.value
        elif _MINUS_BEFORE.search(text, max(0, start - 8), start):
            minus = d.token_at(_MINUS_BEFORE.search(text, max(0, start - 8), start).start())
            if minus is not None and not (minus.i > 0 and d.doc[minus.i - 1].like_num):  # not "10 minus 3"
                atom.start = minus.idx
                atom.value = -atom.value  # "minus 160 degrees"
        # letters glued to the number: "500km" is a unit, "15th", "1990s", "7pm", "4G" are not amounts
        if end < len(text) and (text[end].isalpha() or text[end] == "°"):
            sm = rx["suffix"].match(text, end)
            word = sm.group("w").rstrip(".")
            low = word.lower()
            if low in ("m", "k", "b") and not m.group("cur") and len(word) == 1:
                pass
            elif low in v["measure_units"] and not atom.currency and (len(word) > 1 or word.islower()):
                atom.unit = v["measure_units"][low]
                atom.end = end + len(word)
                atom.counted = True
            elif low == "p" and not atom.currency:
                atom.kind, atom.unit, atom.currency = "money", "p", "GBP"
                atom.end = end + 1
            elif low in v["time_units"] and not atom.currency and len(word) > 1:
                atom.kind, atom.unit = "duration", v["time_units"][low]  # "8.47secs", "90mins"
                atom.end = end + len(word)
                atom.counted = True
            else:
                continue
        atoms.append(atom)
    for m in rx["race_time"].finditer(text):
        if "." not in m.group("s"):
            continue  # "10:30" is a time of day; only a race time has fractions of a second
        secs = parse_decimal(m.group("s"))
        mins = parse_decimal(m.group("m"))
        if secs is None or mins is None:
            continue
        atoms.append(_Atom(start=m.start(), end=m.end(), value=to_float(mins * 60 + secs), kind="duration",
                           unit="second", counted=True))  # "4:19.11": minutes and seconds of a race
    return atoms


@lru_cache(maxsize=1)
def _word_starters() -> frozenset[str]:
    """Every word a number word, fraction, "half", "twice" or a multiple can start with."""
    v = vocab()
    return frozenset(v["number_words"]) | frozenset(v["number_scales"]) | frozenset(v["dozen"]) \
        | frozenset(v["multiples"]) | {"a", "an", "half", "twice"}


@lru_cache(maxsize=1)
def _word_starter_hashes():
    """spaCy's hashes of the words that can start a number word (the same in every vocabulary)."""
    return np.array(sorted(hash_string(w) for w in _word_starters()), dtype=np.uint64)


def _word_atoms(d: _Doc, covered: list[tuple[int, int]]) -> list[_Atom]:
    """Number words, fractions, vague amounts and multiples, on tokens outside the digit atoms."""
    v = vocab()
    units, scales, dozen, denoms = v["number_words"], v["number_scales"], v["dozen"], v["denominators"]
    doc = tokens(d.doc)
    cov_starts = sorted(covered)

    def is_covered(tok) -> bool:
        i = bisect.bisect_right(cov_starts, (tok.idx, 10**12)) - 1
        return i >= 0 and cov_starts[i][0] <= tok.idx < cov_starts[i][1]

    atoms: list[_Atom] = []
    n = len(doc)
    wanted = _word_starters()
    # only the tokens whose lower form can start a number word are visited, found in one array pass
    starts = np.flatnonzero(np.isin(d.doc.to_array(LOWER), _word_starter_hashes())).tolist() if n else []
    si = 0
    i = 0
    while True:
        while si < len(starts) and starts[si] < i:
            si += 1
        if si == len(starts):
            break
        i = starts[si]
        tok = doc[i]
        low = tok.lower_
        if low not in wanted or is_covered(tok):
            i += 1
            continue
        if tok.is_title and not tok.is_sent_start and i > 0 and doc[i - 1].text not in ('"', "'", "(", ":", "-") \
                and (low in units or low in scales) and (tok.ent_type_ in _NAME_TYPES or doc[i - 1].is_title
                                                         or i + 1 < n and doc[i + 1].is_title):
            i += 1
            continue  # "Ford Five Hundred", "Million Dollar Baby"
        if low in scales and i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "multi":
            i += 1
            continue  # "multi-million": a vague amount, read below
        startable = low in units or low in scales or low in dozen or (
            low in ("a", "an") and i + 1 < n and (doc[i + 1].lower_ in scales or doc[i + 1].lower_ in dozen
                                                  or doc[i + 1].lower_ in denoms))
        if startable and tok.ent_type_ != "ORDINAL":
            j = i + 1
            while j < n:
                w = doc[j].lower_
                if w in units or w in scales or w in dozen:
                    j += 1
                elif w == "-" and j + 1 < n and doc[j + 1].lower_ in units and not doc[j - 1].whitespace_:
                    j += 1
                elif w == "and" and j + 1 < n and doc[j + 1].lower_ in units and doc[j - 1].lower_ in (
                        "hundred", "thousand", "million", "billion"):
                    j += 1
                else:
                    break
            words = [t.text for t in doc[i:j]]
            value = 1.0 if [w.lower() for w in words] in (["a"], ["an"]) else words_value(words)
            if value is not None and j + 2 < n and [t.lower_ for t in doc[j:j + 3]] == ["and", "a", "half"]:
                value += 0.5
                j += 3
            # a fraction: "one-fifth", "two thirds", "a third of"
            k = j
            if k < n and doc[k].text == "-" and not doc[k - 1].whitespace_:
                k += 1
            of_next = k + 1 < n and doc[k + 1].lower_ == "of"
            # "one quarter of the year", "in the first quarter": a time; "one quarter said ...": a share
            timely = k < n and doc[k].lower_ in ("quarter", "quarters") and not of_next \
                and doc[k].dep_ not in ("nsubj", "nsubjpass")
            if value is not None and k < n and doc[k].lower_ in denoms and value <= 20 and \
                    all(w.lower() not in scales for w in words) and not (timely and low not in ("a", "an")):
                den = denoms[doc[k].lower_]
                if low not in ("a", "an") or of_next or _qualifier_before(d, tok.idx)[0] is not None:
                    atoms.append(_Atom(start=tok.idx, end=doc[k].idx + len(doc[k]), value=round(value / den, 6),
                                       kind="fraction", word=True, tok_last=k))
                i = k + 1
                continue
            if value is not None and not (len(words) == 1 and low in ("a", "an")):
                atom = _Atom(start=tok.idx, end=doc[j - 1].idx + len(doc[j - 1]), value=value, word=True,
                             scaled=any(w.lower() in scales or w.lower() in dozen for w in words),
                             tok_last=j - 1)
                # "three times as many", "four times better" are multiples
                times_end = _times_multiplies(d, atom.end) or _times_changed(d, atom)
                if times_end:
                    atom.kind = "multiple"
                    atom.end = times_end
                atoms.append(atom)
            i = max(j, i + 1)
            continue
        if low == "half" and not is_covered(tok):
            atom = _half(d, i)
            if atom:
                atoms.append(atom)
            i += 1
            continue
        if low == "twice" and i + 1 < n and doc[i + 1].lower_ in ("as", "the", "that", "its", "their"):
            atoms.append(_Atom(start=tok.idx, end=tok.idx + len(tok), value=2.0, kind="multiple", tok_last=i))
        elif low in v["multiples"] and (tok.pos_ in ("VERB", "AUX") and low not in ("double", "triple", "treble",
                                                                                     "quadruple", "doubles",
                                                                                     "halves") or (
                i + 1 < n and doc[i + 1].lower_ in ("the", "its", "their", "that", "in"))):
            val = float(v["multiples"][low])
            atoms.append(_Atom(start=tok.idx, end=tok.idx + len(tok), value=val, kind="multiple",
                               direction="up" if val > 1 else "down", tok_last=i))
        i += 1
    for m in _rx()["ratio"].finditer(d.text):
        tok = d.token_at(m.start())
        if tok is None or is_covered(tok):
            continue
        num = _small_number(m.group("n"))
        den = _small_number(m.group("d"))
        if not num or not den or num >= den:
            continue
        end = m.end("d")
        last = d.token_at(end - 1)
        atom = _Atom(start=m.start(), end=end, value=round(num / den, 6), kind="fraction", word=True,
                     tok_last=last.i if last is not None else -1)
        nxt = doc[last.i + 1] if last is not None and last.i + 1 < n else None
        if nxt is not None and nxt.tag_ == "NNS":
            atom.about = nxt.text
            atom.end = nxt.idx + len(nxt)
        atoms.append(atom)
    for m in _rx()["vague"].finditer(d.text):
        w = re.sub(r"\s+", " ", m.group("w").lower()).replace("-", "")
        tok = d.token_at(m.start())
        if tok is None or is_covered(tok):
            continue
        prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        multi = w.startswith("multi")
        if m.group("of") and re.match(r"\s*[\d$£€]", d.text[m.end():m.end() + 3]):
            continue  # "scores of 5 and 7", "thousands of £s": not a vague amount of anything
        if prev in ("the", "their", "his", "her", "its", "our", "in") and not m.group("of") and not multi:
            continue
        if prev in units or prev in ("several", "few", "many", "a") and not multi:
            continue  # "several hundred", "a few thousand": no value worth guessing
        if not m.group("of") and (w == "scores" or tok.pos_ not in ("NOUN", "NUM")) and not w.startswith("multi"):
            continue
        atoms.append(_Atom(start=m.start(), end=m.end("w"), value=float(v["vague_amounts"][w]), kind="vague",
                           qualifier="approximately", tok_last=d.token_at(m.end("w") - 1).i))
    return atoms


def _times_multiplies(d: _Doc, end: int) -> int | None:
    """The end of "times" when "N times" multiplies a comparison: "three times as many", "1.7 times more
    likely", "four times better" (any comparative but one of time: "warned two times earlier")."""
    tm = _rx()["times"].match(d.text, end)
    if tm is None:
        return None
    v = vocab()
    f = tm.group("f").lower()
    if f not in v["multiple_followers"]:
        tok = d.token_at(tm.start("f"))
        if tok is None or tok.idx != tm.start("f") or tok.tag_ not in ("JJR", "RBR") \
                or f in v["time_comparatives"]:
            return None
    return len(d.text[:tm.start("f")].rstrip())


def _times_changed(d: _Doc, a: _Atom) -> int | None:
    """The end of "times" in "speed has leaped 500,000 times": "N times" closing the clause of a change verb
    with no object multiplies what changed (direction from the verb). A small N there mostly counts
    occasions ("rates rose five times between ..."), so only N of 10 or more."""
    m = _TIMES_AT_END.match(d.text, a.end)
    if m is None or a.value is None or a.value < 10:
        return None
    tok = d.token_at(m.end() - 1)
    if tok is None or tok.lower_ != "times" or tok.dep_ not in ("npadvmod", "dobj", "advmod"):
        return None
    verb = tok.head
    up, down = _change_lemmas()
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in up | down or any(
            c.dep_ == "dobj" and c.i != tok.i for c in verb.children):
        return None
    a.direction = "up" if lemma in up else "down"
    return m.end()


def _small_number(text: str) -> float | None:
    """"three" or "10,000" as a number."""
    if text[:1].isdigit():
        dec = parse_decimal(text)
        return float(dec) if dec is not None else None
    return words_value([text])


def _half(d: _Doc, i: int) -> _Atom | None:
    """"half of", "about half", "half the", "half a million"; not "first half", "half-time"."""
    doc = d.doc
    tok = doc[i]
    prev = doc[i - 1].lower_ if i > 0 else ""
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if prev in ("first", "second", "the", "a", "this", "that", "each", "every", "other", "latter", "former",
                "opening", "closing", "one") or nxt == "-" or tok.ent_type_ in ("DATE", "TIME"):
        return None
    scales = vocab()["number_scales"]
    if nxt in ("a", "an") and i + 2 < len(doc) and doc[i + 2].lower_ in scales:
        last = doc[i + 2]
        return _Atom(start=tok.idx, end=last.idx + len(last), value=0.5 * scales[last.lower_], word=True,
                     scaled=True, tok_last=i + 2)
    if nxt in ("of", "the", "its", "their", "his", "her", "our", "all", "those", "these", "them"):
        return _Atom(start=tok.idx, end=tok.idx + len(tok), value=0.5, kind="fraction", word=True, tok_last=i)
    return None


# -- ranges --------------------------------------------------------------------------------------------

_RANGE_SEP = re.compile(r"^(?:[ \u00a0]?(?:%|per[ \u00a0]?cent|percent))?[ \u00a0]*(?:-|–|—|to)[ \u00a0]*$")
_AND_SEP = re.compile(r"^(?:[ \u00a0]?(?:%|per[ \u00a0]?cent|percent))?[ \u00a0]+and[ \u00a0]+$")
_FRACTION_OF = re.compile(r"^[ \u00a0]+of[ \u00a0]+$")
_OR_SEP = re.compile(r"^[ \u00a0]+or[ \u00a0]+$")


def _year_like(a: _Atom, d: _Doc) -> bool:
    span = d.text[a.start:a.end]
    return (a.raw is not None and not a.scaled and not a.currency and re.fullmatch(r"\d{4}", span) is not None
            and 1800 <= a.raw <= 2100)


def _merge_ranges(d: _Doc, atoms: list[_Atom]) -> list[_Atom]:
    out: list[_Atom] = []
    i = 0
    text = d.text
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and a.kind == "fraction" and a.value is not None and b.value is not None and b.scaled \
                and _FRACTION_OF.match(text[a.end:b.start]) and re.match(r"(?:an?|one)\b", d.lower[b.start:b.end]):
            # "a quarter of a million people": a share of a round number is that number
            b.start, b.value = a.start, a.value * b.value
            b.raw = None
            out.append(b)
            i += 2
            continue
        if b is not None and a.kind not in ("vague", "multiple", "fraction") and b.kind not in (
                "vague", "multiple", "fraction") and b.start > a.end:
            between = text[a.end:b.start]
            before = d.lower[max(0, a.start - 8):a.start]
            has_to = re.search(r"\bto\b", between) is not None
            hyphen = _RANGE_SEP.match(between) is not None and not has_to
            to = _RANGE_SEP.match(between) is not None and has_to and not before.endswith("from ") \
                and not _after_change(d, a)
            btw = _AND_SEP.match(between) is not None and before.endswith("between ")
            # "two or three weeks": an approximate range, said in words
            either = _OR_SEP.match(between) is not None and text[b.end:b.end + 1] != "-" and (
                a.word and b.word
                # "£10bn or £11bn", "5% or 6%": two close amounts in the same unit are one estimate
                or a.kind == b.kind and a.kind in ("money", "percent") and a.unit == b.unit
                and a.currency == b.currency and a.value and b.value and 0 < a.value < b.value <= 2 * a.value
                # "30 or 40 cars": two close whole numbers before the plural noun they both count
                or _either_counts(d, a, b))
            pct_between = re.search(r"%|cent", between) is not None
            if pct_between and not _rx()["percent"].match(text, b.end) or b.currency and not a.currency:
                hyphen = to = btw = False
            if either and not _descending(a, b):
                out.append(_join(d, a, b, False))
                i += 2
                continue
            if (hyphen or to or btw) and _descending(a, b):
                if hyphen and not (a.currency or b.currency or a.scaled or b.scaled):
                    a.drop = b.drop = True  # "42-6 victors": a score
                    out += [a, b]
                    i += 2
                    continue
                hyphen = to = btw = False
            if hyphen or to or btw:
                if _year_like(a, d) or _year_like(b, d):
                    if hyphen or to:
                        a.drop = b.drop = True
                        out += [a, b]
                        i += 2
                        continue
                elif hyphen and (_is_score(d, a, b) or a.value is not None and b.value is not None
                                 and not a.scaled and not b.scaled and a.value >= b.value):
                    a.drop = b.drop = True
                    out += [a, b]
                    i += 2
                    continue
                else:
                    out.append(_join(d, a, b, btw))
                    i += 2
                    continue
        # a number glued to a previous digit by a hyphen or slash that did not make a range: "A330-200"
        if a.start > 1 and text[a.start - 1] in "-–/" and text[a.start - 2].isdigit():
            a.drop = True
        out.append(a)
        i += 1
    return out


def _either_counts(d: _Doc, a: _Atom, b: _Atom) -> bool:
    """"30 or 40 cars", "2 or 3 men": plain whole numbers, the second at most twice the first, then a plural noun."""
    if a.kind != "number" or b.kind != "number" or a.scaled or b.scaled or a.raw is None or b.raw is None \
            or a.raw != int(a.raw) or b.raw != int(b.raw) or not 0 < a.raw < b.raw <= 2 * a.raw or b.raw >= 1000:
        return False
    nxt = d.token_at(b.end + 1)
    return nxt is not None and nxt.idx == b.end + 1 and nxt.tag_ in ("NNS", "NNPS")


def _is_score(d: _Doc, a: _Atom, b: _Atom) -> bool:
    """"2-1", "6-4": two small whole numbers and nothing measured after them."""
    if a.currency or b.currency or a.scaled or b.scaled or a.word or b.word:
        return False
    if a.raw is None or b.raw is None or a.raw != int(a.raw) or b.raw != int(b.raw) or a.raw >= 100 or b.raw >= 100:
        return False
    rest = d.text[b.end:b.end + 40]
    if _rx()["percent"].match(rest) or (rest[:1].isalpha()):
        return False
    nxt = d.token_at(b.end + len(rest) - len(rest.lstrip()))
    if nxt is not None and nxt.idx >= b.end and nxt.tag_ in ("NNS", "NNPS"):
        return False
    return True


def _after_change(d: _Doc, a: _Atom) -> bool:
    """"rose by $19bn to $419bn", "fell 11,000 to 813,200": a change and a level, not a range."""
    tok = d.token_at(a.start)
    if tok is None or tok.i == 0:
        return False
    prev = d.doc[tok.i - 1]
    if prev.text in ("$", "£", "€") and tok.i > 1:
        prev = d.doc[tok.i - 2]
    up, down = _change_lemmas()
    if prev.dep_ == "prt":
        return False  # "make up 20 to 25%"
    return prev.lower_ in ("by", "up", "down") or prev.lemma_.lower() in up | down


def _descending(a: _Atom, b: _Atom) -> bool:
    """"from a peak of $120bn to $4.6bn" is a fall, not a range: a range must go up."""
    if a.value is None or b.value is None:
        return False
    low = a.value
    if b.scaled and not a.scaled and b.raw:
        low = a.value * (b.value / float(b.raw))
    return low >= b.value


def _join(d: _Doc, a: _Atom, b: _Atom, between: bool) -> _Atom:
    low_v, high_v = a.value, b.value
    if b.scaled and not a.scaled and a.raw is None and b.raw is None and low_v is not None and high_v is not None \
            and low_v < high_v / 1000:
        # "six or seven million": the low end shares the high end's scale
        scale = next(m for m in (1e12, 1e9, 1e6, 1e3, 1.0) if high_v >= m)
        low_v *= scale
    elif b.scaled and not a.scaled and a.raw is not None and b.raw is not None and a.value is not None \
            and b.value is not None and a.raw <= b.raw:
        low_v = a.value * (b.value / float(b.raw))
    elif low_v is not None and high_v is not None and not a.scaled and not b.scaled and "," not in \
            d.text[a.start:a.end] and re.search(r"\d(?:,000)+$", d.text[b.start:b.end]):
        # "$50-100,000": the shared thousands of the high end belong to the low end too
        for zeros in re.search(r"(?:,000)+$", d.text[b.start:b.end]).group().split(",")[1:]:
            if low_v * 1000 <= high_v:
                low_v *= 1000
    return _Atom(start=a.start, end=b.end, value=None, kind="range", raw=b.raw, scaled=b.scaled or a.scaled,
                 unit=b.unit or a.unit, currency=b.currency or a.currency, low=low_v, high=high_v,
                 counted=b.counted, tok_last=b.tok_last, word=a.word and b.word,
                 qualifier=None, about=("between" if between else None))


# -- extension -----------------------------------------------------------------------------------------

def _qualifier_before(d: _Doc, start: int) -> tuple[str | None, int]:
    v = vocab()["qualifiers"]
    head = d.lower[max(0, start - 30):start]
    for phrase in sorted(v, key=len, reverse=True):
        for sep in (" ", "\u00a0"):
            tail = phrase + sep
            if head.endswith(tail):
                pos = start - len(tail)
                if pos == 0 or not d.text[pos - 1].isalnum():
                    return v[phrase], pos
    return None, start


_TIME_DETERMINERS = frozenset({"last", "next", "this", "that", "previous", "same", "every", "each"})


def _head_noun(d: _Doc, last, value: float | None, hyphenated: bool):
    """The noun a number counts ("3,000 jobs" → jobs), following the parse."""
    doc = d.doc
    if last is None:
        return None
    cand = None
    if last.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod") and last.head.i > last.i \
            and last.head.pos_ in ("NOUN", "PROPN") and last.head.i - last.i <= 7:
        cand = last.head
    elif last.i + 1 < len(doc) and doc[last.i + 1].tag_ in ("NNS", "NNPS") and doc[last.i + 1].pos_ in (
            "NOUN", "PROPN"):
        cand = doc[last.i + 1]
    if cand is None:
        return None
    while cand.i + 2 < len(doc) and doc[cand.i + 1].text == "-" and not cand.whitespace_ \
            and cand.lower_ not in vocab()["time_units"] and not cand.like_num \
            and not doc[cand.i + 1].whitespace_ and doc[cand.i + 2].is_alpha and doc[cand.i + 2].tag_ in ("NNS", "NN"):
        cand = doc[cand.i + 2]  # "three ex-managers": the parse split the compound at its hyphen
    between = doc[last.i + 1:cand.i]
    if any(t.lower_ in _TIME_DETERMINERS for t in between):
        return None  # "down from 311,764 last month": a time adverbial, not what was counted
    if any(t.is_punct and t.text not in ("-",) for t in between) or any(
            t.pos_ in ("VERB", "ADP", "CCONJ") and not (t.pos_ == "VERB" and t.dep_ in ("amod", "compound"))
            and not (_in_hyphenated(t) and not hyphenated) for t in between):
        return None
    if cand.pos_ == "PROPN" and cand.tag_ != "NNPS" and not (
            last.dep_ == "nummod" and last.head.i == cand.i and last.is_alpha and cand.ent_type_ != "DATE"):
        return None
    if "\n" in d.text[last.idx:cand.idx]:
        return None
    low = cand.lower_
    v = vocab()
    if low in v["not_counted"]:
        return None
    if cand.tag_ in ("NN", "NNP") and not (value == 1 or low in v["time_units"] or low in v["measure_units"]
                                           or hyphenated or last.dep_ == "nummod"):
        return None
    return cand


def _measure_after(d: _Doc, last):
    """A measure unit right after the number ("4,200 MW", "900 sq ft", "square feet"): its normal form, its
    last token, and the noun it measures when one follows ("a 4,200 MW power plant" measures the plant)."""
    doc, text = d.doc, d.text
    units = vocab()["measure_units"]
    i = last.i + 1
    if i >= len(doc) or text[last.idx + len(last):doc[i].idx] not in (" ", "\u00a0"):
        return None
    tok = doc[i]
    unit = None
    if i + 1 < len(doc) and text[tok.idx + len(tok):doc[i + 1].idx] in (" ", "\u00a0"):
        unit = units.get(f"{tok.lower_} {doc[i + 1].lower_}")
        if unit is not None:
            tok = doc[i + 1]
    if unit is None:
        if len(tok.lower_) < 2 or tok.lower_ == "in" or tok.lower_ not in units or tok.is_title and not tok.is_sent_start:
            return None  # "21 Grams" is a title, not a weight
        unit = units[tok.lower_]
    thing = tok.head if tok.dep_ in ("compound", "nmod", "amod", "nummod") and tok.head.i > tok.i else None
    while thing is not None and thing.dep_ == "compound" and thing.head.i > thing.i:
        thing = thing.head  # "a 50 MW wind farm": the farm, not the wind
    if thing is None or thing.pos_ != "NOUN" or thing.i - tok.i > 4 or any(t.is_punct for t in doc[tok.i:thing.i]):
        return unit, tok, None
    return unit, tok, doc[tok.i + 1:thing.i + 1]


def _in_hyphenated(tok) -> bool:
    """A word inside a hyphenated modifier ("free-to-air", "state-of-the-art")."""
    doc = tok.doc
    return (tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_) and (
        tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_)


def _extend(d: _Doc, a: _Atom, dollar_is_usd: bool) -> None:
    rx = _rx()
    v = vocab()
    text = d.text
    doc = d.doc
    # what follows the number: a currency word or code, a percent, an attached unit
    m = rx["curword"].match(text, a.end)
    if m and not (m.group("w").lower() == "won" and not a.currency and not a.scaled):
        w = m.group("w").lower()
        minor = w in v["minor_units"]
        if not a.currency or not minor:
            iso = v["currency_words"][w]
            if m.group("adj"):
                iso = v["currency_adjectives"][m.group("adj").lower()]
            if not a.currency:
                if iso is None and w in ("dollar", "dollars") and dollar_is_usd:
                    iso = "USD"
                a.currency = iso
                if minor:  # "25 cents", "65 Canadian cents": counted in the minor unit, its currency kept
                    a.unit = "p" if w in ("p", "pence", "penny") else "cent"
                else:
                    a.unit = iso if iso else re.sub(r"s$", "", w)
            a.kind = "money" if a.kind != "range" else a.kind
            a.end = m.end()
    else:
        cm = rx["curcode_after"].match(text, a.end)
        if cm and a.currency:
            a.end = cm.end()  # "$249 USD"
        elif cm:
            a.unit, a.currency = _currency(cm.group("w"), dollar_is_usd)
            a.kind = "money" if a.kind != "range" else a.kind
            a.end = cm.end()
    if a.kind in ("number", "range") and not a.currency:
        pm = rx["percent"].match(text, a.end)
        if pm and not (pm.group("w").lower() == "pc" and text[pm.end():pm.end() + 1] == "."):
            a.unit = v["percent_words"].get(re.sub(r"[\s\u00a0]+", " ", pm.group("w").lower()), "%")
            if a.kind == "number":
                a.kind = "percent"
            a.end = pm.end()
    if a.kind == "number":
        fm = _FACTOR_BEFORE.search(text, max(0, a.start - 20), a.start)
        times_end = None if a.word or fm else _times_multiplies(d, a.end) or _times_changed(d, a)
        if fm is not None:
            a.kind = "multiple"  # "rise by a factor of 10"
            a.start = fm.start()
            factor = d.token_at(fm.start("f"))
            verb = factor.head.head if factor is not None and factor.head.lower_ == "by" else None
            up, down = _change_lemmas()
            if verb is not None and verb.lemma_.lower() in up | down:
                a.direction = "up" if verb.lemma_.lower() in up else "down"
            return
        if times_end:
            a.kind = "multiple"  # "1.7 times more likely", "has leaped 500,000 times"
            a.end = times_end
            _qualify(d, a)
            return
    last = d.token_at(a.end - 1)
    hyphenated = text[a.end:a.end + 1] == "-"
    # "3m" without a currency: millions in news unless the context measures a length ("300m tall", "the 100m")
    glued_scale = text[a.end:a.end + 1].lower() in ("m", "k", "b") and (a.end + 1 >= len(text) or
                                                                       not text[a.end + 1].isalnum())
    if glued_scale and a.kind in ("number", "range") and not a.unit:
        letter = text[a.end].lower()
        reading = "million" if letter != "m" else _glued_m(d, a)
        if letter == "k" and rx["race_after"].match(text, a.end + 1):
            reading = "event"  # "the 50K walk", "a 10k run": a race named by its distance
        d.glued[a.start] = reading
        if reading == "event":
            a.drop = True  # "the 100m", "60m hurdles": an event name is not a figure
            return
        if reading == "million":
            mult = float(v["scales"][letter])
            if a.kind == "range":
                a.low = a.low * mult if a.low is not None and a.low * mult <= (a.high or 0) * mult else a.low
                a.high = a.high * mult if a.high is not None else None
                if a.low is not None and a.high is not None and a.low < a.high / 1000:
                    a.low *= mult
            else:
                a.value = a.value * mult if a.value is not None else None
            a.scaled = True
        else:
            a.unit = "m"
            a.counted = True
        a.end += 1
        last = d.token_at(a.end - 1)
    if a.kind == "number" and not a.scaled and a.value is not None and 0 < a.value < 130 and a.value == int(a.value):
        _age(d, a)
    # a measure unit written out after the number: "4,200 MW power plant", "2.5 million square feet"
    measure = _measure_after(d, last) if a.kind in ("number", "range") and not a.counted and not a.currency \
        and last is not None else None
    if measure is not None:
        unit, unit_tok, thing = measure
        a.unit, a.end, a.counted = unit, unit_tok.idx + len(unit_tok), True
        if thing is not None:
            a.about = thing.text
        body = v["body_part_units"].get(unit_tok.lower_)
        prep = unit_tok.head if unit_tok.dep_ == "pobj" else None
        if body and prep is not None and prep.lower_ in ("on", "onto") and not (
                unit_tok.i + 1 < len(doc) and doc[unit_tok.i + 1].lower_ == "of"):
            a.unit, a.kind = body, "count"  # "walks on two feet": feet counted, not a length
    # the counted noun
    if a.kind in ("number", "range") and not a.counted and not a.currency and last is not None:
        noun = _head_noun(d, last, a.value, hyphenated)
        if noun is not None:
            lowered = noun.lower_
            after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
            if noun.tag_ in ("NN", "NNP") and last.ent_type_ == "DATE" and lowered not in v["time_units"]:
                a.drop = True  # "June 24 and 25 form part of..."
                return
            if noun.tag_ in ("NN", "NNP") and a.raw is not None and 100 <= a.raw <= 999 and a.raw == int(a.raw) \
                    and a.raw % 50 and not hyphenated and lowered not in v["time_units"] and lowered not in v["measure_units"] \
                    and lowered not in v["collective_nouns"]:
                a.drop = True  # a model number: "737 replacement", "the 747 jumbo"
                d.labels.add(d.text[a.start:a.end])
                return
            if hyphenated and noun.tag_ == "NN" and d.text[a.start:a.end].isalpha() \
                    and noun.dep_ in ("compound", "amod", "nmod") and noun.head.i > noun.i \
                    and noun.head.pos_ == "NOUN" and not any(
                        lowered in v[k] for k in ("time_units", "measure_units", "rate_units")):
                a.drop = True  # "a two-tier economy", "a three-party contest": a kind of thing, not an amount
                return
            a.end = noun.idx + len(noun.text.rstrip("-") or noun.text)
            if lowered in v["time_units"]:
                a.unit = v["time_units"][lowered]
                if a.kind == "number":
                    a.kind = "duration"
                if after is not None and after.lower_ in ("ago", "later", "earlier", "before") \
                        or _names_period(d, a, noun):
                    a.drop = True  # a point in time or a period, not an amount: the dates module owns it
                    return
            elif lowered in v["rate_units"]:
                a.unit, a.per = v["rate_units"][lowered]  # "2.4 million bpd"
                a.kind = "rate" if a.kind == "number" else a.kind
            elif lowered in v["measure_units"]:
                a.unit = v["measure_units"][lowered]
            else:
                named = noun.pos_ == "PROPN" and (noun.tag_ != "NNPS" or any(c.isdigit() for c in noun.text))
                a.unit = None if named else _noun_unit(doc, last, noun)
                if a.kind == "number":
                    a.kind = "count"
            a.counted = True
        elif a.kind == "number":
            part = _partitive(last)
            if part is not None:
                if part.pos_ == "NOUN":
                    a.unit = _noun_lemma(part)
                    a.about = _about_text(d, part)
                    a.kind = "count"
                    a.counted = True
    if a.unit in v["change_words"]["length_units"] and a.kind in ("number", "range") and _names_event(
            doc, d.token_at(a.start), v["sport_distance_nouns"]):
        a.drop = True  # "the men's 9km race", "a 10-mile run": a distance that names the race
        return
    if a.kind == "percent" and a.about is None:
        pct_tok = d.token_at(a.end - 1)
        obj = _partitive(pct_tok) if pct_tok is not None else None
        if obj is None and pct_tok is not None and pct_tok.i + 2 < len(doc) and doc[pct_tok.i + 1].lower_ == "of":
            obj = next((t for t in doc[pct_tok.i + 2:pct_tok.i + 6] if t.pos_ in ("NOUN", "PROPN")), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            a.about = _about_text(d, obj)  # "76% of staff" is about staff
    # the rate
    rm = rx["rate"].match(text, a.end)
    if rm is None and a.counted and a.unit and not a.per:
        om = rx["of_stuff"].match(text, a.end)  # "793,000 barrels of oil per day"
        rm = rx["rate"].match(text, om.end()) if om else None
        if rm is not None and not (rm.group("u") or "").lower() in v["time_units"] and not rm.group("adv"):
            rm = None
    if rm:
        per = None
        after = (rm.group("after") or "").strip().lower()
        if rm.group("adv"):
            per = v["rate_adverbs"][rm.group("adv").lower()]
            if rm.group("adv").lower() in ("each", "annual") and a.kind != "money":
                per = None
        else:
            unit_word = rm.group("u").lower()
            p = rm.group("p").lower()
            if unit_word in v["time_units"] and after not in v["rate_blockers"]:
                per = v["time_units"][unit_word]
            elif p == "per" and unit_word not in ("cent", "centum"):
                tok = d.token_at(rm.start("u"))
                per = tok.lemma_.lower() if tok is not None and tok.pos_ in ("NOUN", "PROPN") else unit_word
            elif p in ("a", "an") and a.kind == "money" and unit_word not in v["time_units"]:
                # "950p a share", "$50 a barrel": a price for one of something
                tok = d.token_at(rm.start("u"))
                nxt = tok.nbor(1) if tok is not None and tok.i + 1 < len(d.doc) else None
                if tok is not None and tok.tag_ == "NN" and tok.lower_ == unit_word and (
                        nxt is None or nxt.pos_ not in ("NOUN", "PROPN") and nxt.lower_ != "of"):
                    per = tok.lemma_.lower()
        each = not per and rm.group("p") and rm.group("p").lower() == "each" and a.kind == "money"
        if each:
            a.per = "unit"  # "£5 each"
            a.end = rm.start("p") + 4
        elif per:
            a.per = per
            a.end = rm.end("adv") if rm.group("adv") else rm.end("u")
            if a.kind in ("number", "count"):
                a.kind = "rate"
    if not a.per:
        _rate_phrase(d, a)
    if not a.per and a.unit and a.unit not in v["periodicals"]:
        # "750,000 daily barrels": the rate word sits before the counted noun ("two daily newspapers" is no rate)
        inner = [w for w in re.findall(r"[a-z]+", d.lower[a.start:a.end]) if w in v["rate_adverbs"] and w != "each"]
        if inner:
            a.per = v["rate_adverbs"][inner[0]]
            if a.kind in ("number", "count"):
                a.kind = "rate"
    _qualify(d, a)
    if a.kind == "range" and a.about == "between":
        a.start = d.lower.rfind("between", 0, a.start)
        a.about = None
    if a.kind == "range" and not a.unit and not a.currency and re.search(r"\d[-\u2013]\d", text[a.start:a.end]):
        a.drop = True  # "737-800", "pages 10-12": a hyphenated pair with nothing measured is no amount
        return
    if a.kind == "money" and re.search(r"[ \u00a0](?:Cent|Penny)\b(?!s)", text[a.start:a.end]):
        a.drop = True  # "50 Cent's rap collective", "Penny Black": a capitalised singular minor unit is a name
        return
    _check_not_amount(d, a)
    if a.drop:
        return
    _direction(d, a)
    if a.qualifier is None and a.kind in ("number", "count", "money", "percent") and _exceeded(d, a):
        a.qualifier = v["qualifiers"]["more than"]  # "has exceeded 4.8 million"
    if a.word and a.value == 1 and not a.scaled and a.kind in ("number", "count") and 0 <= a.tok_last < len(doc) - 1 \
            and doc[a.tok_last + 1].lower_ == "of":
        a.drop = True  # "a win over one of the major nations": "one of" picks one out, it counts nothing
        return
    if a.word and not a.scaled and a.qualifier is None and a.kind in ("number", "count", "rate", "duration"):
        first = d.token_at(a.start)
        prev = d.doc[first.i - 1] if first is not None and first.i > 0 else None
        if a.kind == "number" and a.per is None and a.unit is None:
            if not _rx()["part_of_number"].match(d.text, a.end):  # "two of three sides" is kept
                a.drop = True  # a bare "two" that counts nothing we can name is not worth reporting
        elif a.value == 1 and a.kind != "rate" and not (a.kind == "duration" and _MORE_TIME.match(d.text, a.end)) \
                and not (a.direction and a.kind == "count" and _changed_by(d, a)):  # "fell one place"
            a.drop = True  # "one of the", "one day": almost never an amount ("one minute, 47.96 seconds" is)
        elif a.value is not None and a.value < 10 and prev is not None and (
                prev.lower_ in ("the", "these", "those", "both", "its", "their", "his", "her", "our", "my", "your")
                or prev.tag_ == "POS"):
            a.drop = True  # "the two companies" refers back; it reports no amount


def _changed_by(d: _Doc, a: _Atom) -> bool:
    """The amount is what a change verb moved something by ("fell one place", "moved up one spot", "lifted by
    one notch"), not a thing sent "down one line"."""
    root = _span_root(d, a)
    if root is None:
        return False
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "by":
        head = head.head
    elif root.dep_ not in ("dobj", "npadvmod"):
        return False
    up, down = _change_lemmas()
    return head.pos_ == "VERB" and (head.lemma_.lower() in up | down or any(
        c.dep_ in ("advmod", "prt") and c.lower_ in ("up", "down") for c in head.children))


def _exceeded(d: _Doc, a: _Atom) -> bool:
    """The amount is the object of a verb of passing a threshold ("sales exceeded $5bn"), not negated."""
    root = _span_root(d, a)
    if root is None or root.dep_ != "dobj" or any(c.dep_ in ("det", "poss") for c in root.children):
        return False  # "will exceed the 137 million US users": a known amount, not a threshold
    verb = root.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in vocab()["exceed_verbs"] and not any(
        c.dep_ == "neg" for c in verb.children)


def _names_period(d: _Doc, a: _Atom, noun) -> bool:
    """"the first three months of 2005", "the last ten minutes of the match": the time amount picks a stretch
    out of a longer period, so the phrase names a period."""
    doc = d.doc
    first = d.token_at(a.start)
    if first is None or first.i < 2:
        return False
    pos, det = doc[first.i - 1], doc[first.i - 2]
    v = vocab()
    if pos.lower_ not in v["period_positions"] or not (det.pos_ in ("DET", "PRON") or det.tag_ == "POS"):
        return False
    of = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if of is None or of.lower_ != "of":
        return False
    whole = next((c for c in of.children if c.dep_ == "pobj"), None)
    return whole is not None and (whole.ent_type_ == "DATE" or _YEAR.fullmatch(whole.text) is not None
                                  or whole.lemma_.lower() in v["period_wholes"])


def _rate_phrase(d: _Doc, a: _Atom) -> None:
    """Rates said without "per": an exchange rate ("$1.88 to the pound" → per "pound", "1p in the pound") and a
    price or count "for each", "for every" or "on every" one of something ("$5.95 for each session" → per
    "session", "a levy of £9,000 on every new flat" → per "flat")."""
    rx = _rx()
    text = d.text
    tm = rx["to_the"].match(text, a.end) if a.kind == "money" and not a.scaled else None
    cm = rx["curword"].match(text, tm.end()) if tm else None
    if cm and cm.group("w").lower() not in vocab()["minor_units"]:
        word = d.token_at(cm.end("w") - 1)
        nxt = word.nbor(1) if word is not None and word.i + 1 < len(d.doc) else None
        if word is not None and word.dep_ != "compound" and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN")):
            a.per = _singular(text[cm.start("w") if not cm.group("adj") else cm.start("adj"):cm.end("w")])
            a.end = cm.end("w")
            return
    fm = rx["for_each"].match(text, a.end)
    if fm is None or a.kind not in ("money", "count", "number"):
        return
    prep = d.token_at(fm.start() + len(fm.group()) - len(fm.group().lstrip()))
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if noun is None or noun.pos_ != "NOUN" or noun.tag_ != "NN" or any(c.dep_ == "nummod" for c in noun.children) \
            or not any(c.dep_ == "det" and c.lower_ in ("each", "every") for c in noun.children):
        return
    a.per = noun.lemma_.lower()
    if noun.idx == fm.end():
        a.end = noun.idx + len(noun)
    if a.kind in ("number", "count"):
        a.kind = "rate"


def _glued_m(d: _Doc, a: _Atom) -> str:
    """Read a bare glued "m" ("3m", "100m"): "million", "metre" or "event" (an athletics event name).

    News writes millions as "3m" ("watched by 3m", "3m viewers"); a length needs a measuring context: a
    dimension word after it ("300m tall", "10m-high", "in diameter"), a dimension noun or measuring verb before
    it ("a depth of 200m", "cleared 5.45m"), centimetre precision ("7.95m"), or an article about athletics.
    A race distance named as an event ("the 100m", "60m hurdles", "800m and 1500m") is neither.
    """
    v = vocab()
    text, doc = d.text, d.doc
    m_end = a.end + 1
    first = d.token_at(a.start)
    prev = doc[first.i - 1] if first is not None and first.i > 0 else None
    nxt = d.token_at(m_end + 1) if m_end + 1 < len(text) else None
    if nxt is not None and nxt.idx < m_end:
        nxt = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
    while nxt is not None and nxt.is_space and nxt.i + 1 < len(doc):
        nxt = doc[nxt.i + 1]
    if nxt is not None and nxt.is_space or text[m_end:m_end + 1] in (".", ",", ";", ":", "!", "?", ")", '"'):
        nxt = None  # the sentence or phrase ends right after the "m"
    glued_next = nxt is not None and nxt.idx == m_end
    after = text[m_end:m_end + 1]
    nxt_word = nxt.lower_ if nxt is not None else ""
    if prev is not None and prev.lower_ in ("and", "or", ",", "/") and prev.i > 0:
        before = d.glued.get(_glued_start(d, doc[prev.i - 1]))
        if before is not None:
            return before  # "the 800m and 1500m"
    sports = v["sport_distance_nouns"]
    sport = nxt is not None and (nxt_word in sports or nxt.lemma_.lower() in sports)
    if first is not None and _names_event(doc, first, sports):
        return "event"  # "the women's 1500m AAAs title": the distance names the race the noun is about
    if nxt is not None and not glued_next and nxt.tag_ == "NNS" and not sport \
            and nxt_word not in v["measure_units"] and nxt_word not in v["metre_words_after"]:
        return "million"  # "3m viewers", "14m customers"
    if sport and after in (" ", "\u00a0", "-"):
        return "event"
    if nxt_word in ("and", "or", "/") and nxt.i + 1 < len(doc):
        other = rx_glued_number(d, doc[nxt.i + 1])
        if other is not None:
            later = _glued_m(d, other)  # "US 400m and 200m legend": the last distance names the pair
            if later == "event" or later == "metre" and not (prev is not None and prev.lower_ == "the"):
                return later  # "the 800m and 1500m at the championships": "the" names the pair below
    if prev is not None and prev.lower_ == "over" and prev.i > 0 and doc[prev.i - 1].pos_ == "NOUN" and (
            doc[prev.i - 1].lower_ in sports or doc[prev.i - 1].lemma_.lower() in sports):
        return "event"  # "the world indoor bronze medallist over 3000m": the race the title was won in
    det = prev
    while det is not None and det.i > 0 and det.pos_ in ("ADJ", "PROPN") and det.i > first.i - 3:
        det = doc[det.i - 1]  # "the final 400m", "the Olympic 100m"
    undetermined = nxt is None or nxt.is_punct or nxt.pos_ in ("ADP", "VERB", "AUX", "CCONJ", "SCONJ", "ADV")
    if det is not None and (det.lower_ in ("the", "his", "her", "their", "its") or det.tag_ == "POS") \
            and undetermined and nxt_word not in v["metre_words_after"] and (d.athletics or det.tag_ != "POS"):
        return "event"  # "won the 100m in 9.8 seconds", "the women's 1500m"
    if nxt_word in v["metre_words_after"] and (after in (" ", "\u00a0", "-")):
        return "metre"  # "300m tall", "10m-high", "50m deep"
    if prev is not None:
        window = doc[max(0, prev.i - 2):prev.i + 1]
        if any(t.lemma_.lower() in v["metre_verbs"] and (t.pos_ == "VERB" or t.dep_ == "conj" and t.head.pos_ == "VERB")
               for t in window) \
                or any(t.lower_ in v["metre_nouns_before"] for t in window):
            return "metre"  # "cleared 5.45m", "stretches for about 300m", "a depth of 200m"
        if prev.text == "(" and prev.i > 0 and doc[prev.i - 1].lower_ in v["measure_units"]:
            return "metre"  # "jumped 30ft (10m)"
    if re.fullmatch(r"\d+\.\d\d", text[a.start:a.end].lstrip("-\u2212")):
        return "metre"  # "7.95m": centimetre precision is a measured length
    if a.value is not None and abs(a.value) >= 1000:
        return "metre"  # "3,000m": news writes thousands of millions as "3bn"
    if d.athletics:
        return "metre"
    return "million"


def _names_event(doc, first, sports) -> bool:
    """The number modifies a race noun a few words on ("1500m AAAs title", "400m world record")."""
    if first is None:
        return False
    head = first.head
    if head.lower_ in vocab()["measure_units"] and (
            head.i == first.i + 1 or head.i == first.i + 2 and doc[first.i + 1].text == "-"):
        first, head = head, head.head  # "400 m British record", "9km race": the number hangs on its unit
    if first.dep_ not in ("nummod", "compound", "nmod", "amod") or not 1 <= head.i - first.i <= 4:
        return False
    if head.pos_ != "NOUN" or not (head.lower_ in sports or head.lemma_.lower() in sports):
        return False
    return all(t.lower_ in vocab()["measure_units"] or t.pos_ in ("NOUN", "PROPN", "ADJ")
               and t.dep_ in ("compound", "amod", "nmod") and t.head.i == head.i for t in doc[first.i + 1:head.i])


def rx_glued_number(d: _Doc, tok) -> _Atom | None:
    """A bare glued-"m" number starting at ``tok`` ("200m"), as a plain atom for reading its context."""
    m = _rx()["glued_m"].match(d.text, tok.idx)
    if m is None:
        return None
    raw = parse_decimal(m.group(1))
    return _Atom(start=tok.idx, end=m.end(1), value=to_float(raw) if raw is not None else None, raw=raw)


def _glued_start(d: _Doc, tok) -> int:
    """Start of the number of a glued token ("800m" → its own start; "800" "m" split → the number's)."""
    if tok.lower_ == "m" and tok.i > 0 and tok.doc[tok.i - 1].idx + len(tok.doc[tok.i - 1]) == tok.idx:
        tok = tok.doc[tok.i - 1]
    return tok.idx


_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lady", "lord", "prof", "professor", "dame", "rev"}


_OPEN_QUOTES = "\"'\u201c\u2018"


def _qualify(d: _Doc, a: _Atom) -> None:
    """Qualifiers before ("about", "more than") or after ("or more") the amount.

    A qualifier still applies across an opening quote mark (about "27% of ..."); the span stays on the
    quoted amount. "up to" after the object of a verb that moves it up ("pushed rates up to 2.25%") is that
    verb's particle: the amount is the level reached, not a limit."""
    qual, qstart = _qualifier_before(d, a.start)
    if qual is None and not a.word and a.start >= 2 and d.text[a.start - 1] in _OPEN_QUOTES \
            and d.text[a.start - 2] in " \u00a0":  # words in quotes are mostly names: "around 'one nation politics'"
        qual, _ = _qualifier_before(d, a.start - 1)
        qstart = a.start
    if qual and d.lower.startswith("up to", qstart) and _up_particle(d, qstart):
        qual, qstart = None, a.start
    if qual and not (a.kind == "range" and a.about == "between"):
        a.qualifier = qual
        a.start = qstart
    else:
        qm = _rx()["right_qual"].match(d.text, a.end)
        if qm and a.kind != "range":
            a.qualifier = _RIGHT_QUAL[qm.group("w").lower()]
            a.end = qm.end()


def _up_particle(d: _Doc, pos: int) -> bool:
    """The "up" at ``pos`` is the particle of a verb moving its object up ("drove the dollar up to $1.32",
    "rates were pushed up to 2.25%"), not the start of the limit "up to"."""
    up = d.token_at(pos)
    if up is None or up.idx != pos or up.i == 0:
        return False
    verbs = vocab()["up_particle_verbs"]
    prev = d.doc[up.i - 1]
    if prev.pos_ == "VERB" and prev.tag_ == "VBN" and prev.lemma_.lower() in verbs \
            and any(c.dep_ == "auxpass" for c in prev.children):
        return True
    for t in [prev, *prev.ancestors]:
        if t.dep_ == "dobj":
            verb = t.head
            return verb.i < t.i and t.right_edge.i == up.i - 1 and verb.pos_ == "VERB" \
                and verb.lemma_.lower() in verbs and not any(
                    c.dep_ == "aux" and c.lower_ in ("can", "could", "may", "might") for c in verb.children)
        if t.i > up.i or t.pos_ in ("VERB", "AUX"):
            break
    return False


def _age(d: _Doc, a: _Atom) -> None:
    """Ages: "the 25-year-old", "aged 55", "at the age of 56", "Smith, 34, said" → unit "age"."""
    rx = _rx()
    doc = d.doc
    m = rx["age_after"].match(d.text, a.end)
    if m:
        a.end = m.end()
    elif not rx["age_before"].search(d.text[max(0, a.start - 18):a.start]):
        tok = d.token_at(a.start)
        if tok is None or tok.i < 2 or tok.i + 1 >= len(doc) or doc[tok.i - 1].text != "," or \
                doc[tok.i + 1].text not in (",", ")") or a.word or not (
                doc[tok.i - 2].ent_type_ == "PERSON" or doc[tok.i - 2].pos_ == "PROPN"
                and doc[tok.i - 2].ent_type_ not in ("GPE", "LOC", "DATE")):
            return
        j = tok.i - 2
        while j > 0 and doc[j - 1].pos_ == "PROPN" and doc[j - 1].lower_.rstrip(".") not in _TITLES:
            j -= 1
        a.about = doc[j:tok.i - 1].text
    a.unit = "age"
    a.counted = True
    a.kind = "number"
    a.age = True


def _noun_unit(doc, last, noun) -> str:
    """Singular lemma of the counted noun, with its noun compounds: "job cuts" → "job cut"."""
    parts = [_noun_lemma(t) for t in doc[last.i + 1:noun.i] if t.dep_ == "compound" and t.pos_ == "NOUN"
             and t.head.i == noun.i and t.is_alpha and t.is_lower and doc[t.i - 1].text != "-"
             and (t.whitespace_ or doc[t.i + 1].text != "-")]  # "e-mail", "home-buyers": a half-word is no compound
    if noun.pos_ == "PROPN":
        names = []
        for t in reversed(doc[last.i + 1:noun.i]):
            if not (t.pos_ == "PROPN" or t.is_title):
                break
            names.insert(0, t.text)
        return " ".join(names + [_singular(noun.text)])  # "eight Grammy Awards" → "Grammy Award"
    head = _noun_lemma(noun)
    k = noun.i
    while k - 2 > last.i and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_ \
            and doc[k - 2].is_alpha:
        head = f"{doc[k - 2].lower_}-{head}"  # "ex-managers" → "ex-manager"
        k -= 2
    return " ".join(parts + [head])


def _proper_unit(tok) -> str:
    """A counted proper noun with its name words, singular: "South Koreans" → "South Korean"."""
    doc = tok.doc
    i = tok.i
    while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].head.i == tok.i:
        i -= 1
    return " ".join([t.text for t in doc[i:tok.i]] + [_singular(tok.text) if tok.tag_ == "NNPS" else tok.text])


def _singular(word: str) -> str:
    """English singular of a plural word the lemmatizer leaves alone ("Wallabies", "Britons")."""
    low = word.lower()
    if low.endswith("ies") and len(low) > 4 and low[:-1] not in vocab()["ie_nouns"]:
        return word[:-3] + ("Y" if word[-3:].isupper() else "y")
    if re.search(r"(?:ch|sh|x|ss|z)es$", low):
        return word[:-2]
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        return word[:-1]
    return word


def _noun_lemma(tok) -> str:
    """Singular lemma of a counted noun: "jobs" → "job", "people" → "person", "hereditaries" → "hereditary".

    The model's lemmatizer strips a bare "s" from plurals it does not know ("hereditarie"); an "-ie" lemma of
    an "-ies" plural is read as "-y" unless the "-ie" noun is a known word.
    """
    v = vocab()
    low = tok.lower_
    lemma = tok.lemma_.lower()
    if low.endswith("-") and len(low) > 2:
        return _singular(low.rstrip("-"))  # "two airlines- US Airways": a hyphen glued by a typo
    if len(tok.text) > 2 and tok.text[:-1].isupper() and tok.text.endswith("s"):
        return tok.text[:-1]  # "DVDs" → "DVD"
    if len(tok.text) > 1 and tok.text.isupper() and tok.text.isalpha():
        return tok.text  # "one new MP", "a single CEO": an acronym keeps its capitals
    if low in v["lemma_fixes"]:
        return v["lemma_fixes"][low]
    if tok.text[:1].isupper() and tok.text[1:].islower() and not tok.is_sent_start:
        return _singular(tok.text) if tok.tag_ in ("NNS", "NNPS") else tok.text  # "five Oscars" → "Oscar"
    if low.endswith("ies") and lemma == low[:-1]:
        return _singular(low)
    return lemma


def _partitive(last):
    """"20 of the planes" / "one-fifth of Ukraine": the object of "of" after a number."""
    for child in last.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _about_text(d: _Doc, tok) -> str:
    if tok.ent_type_ and tok.ent_iob_ in ("B", "I"):
        return entity_span(tok).text
    doc = tok.doc
    comps = [t for t in tok.lefts if t.dep_ == "compound"]
    if not comps:
        return tok.text
    left = min(t.left_edge.i for t in comps)
    if all(t.dep_ in ("compound", "punct", "amod") and t.head.i <= tok.i for t in doc[left:tok.i]):
        return doc[left:tok.i + 1].text  # "e-mail users", "Non-EU imports" as written
    return " ".join([t.text for t in comps] + [tok.text])


def _vague_rate(d: _Doc, a: _Atom) -> None:
    """"costs them billions every year", "millions of pounds a year": a vague amount per unit of time."""
    v = vocab()
    rm = _rx()["rate"].match(d.text, a.end)
    if rm is None:
        return
    if rm.group("adv"):
        word = rm.group("adv").lower()
        per = v["rate_adverbs"][word] if word not in ("each", "annual") else None
        end = rm.end("adv")
    else:
        word = rm.group("u").lower()
        after = (rm.group("after") or "").strip().lower()
        per = v["time_units"].get(word) if after not in v["rate_blockers"] else None
        end = rm.end("u")
    if per:
        a.per, a.end = per, end
        if a.kind in ("number", "count"):
            a.kind = "rate"


def _finish_special(d: _Doc, a: _Atom) -> None:
    """Vague amounts, fractions and multiples: qualifier, counted noun / "of" object, direction."""
    doc = d.doc
    last = doc[a.tok_last] if 0 <= a.tok_last < len(doc) else None
    if a.kind == "vague":
        a.kind = "count"
        cm = _rx()["curword"].match(d.text, a.end)
        if cm and d.text[a.start:a.end].lower().startswith("multi"):
            w = cm.group("w").lower()
            a.kind, a.end = "money", cm.end()
            a.currency = vocab()["currency_words"][w]
            if cm.group("adj"):
                a.currency = vocab()["currency_adjectives"][cm.group("adj").lower()]
            if a.currency is None and w in ("dollar", "dollars") and d.dollar_is_usd:
                a.currency = "USD"
            a.unit = a.currency or re.sub(r"s$", "", w)
            return
        if d.text[a.start:a.end].lower().startswith("multi"):
            a.kind = "number"  # "a multi-million deal": a vague size of something uncounted
            return
        m = re.match(r"\s+of\s+", d.text[a.end:])
        obj = _partitive(last) if last is not None else None
        if m and obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.i - last.i <= 6:
            a.unit = _noun_lemma(obj) if obj.pos_ == "NOUN" else _proper_unit(obj)
            a.end = obj.idx + len(obj)
            words = vocab()["currency_words"]
            if obj.lower_ in words:
                a.kind, a.currency = "money", words[obj.lower_]
                if a.currency is None and obj.lower_ in ("dollar", "dollars") and d.dollar_is_usd:
                    a.currency = "USD"
                a.unit = a.currency or a.unit
        elif m:
            nxt = d.token_at(a.end + m.end())
            if nxt is not None and nxt.pos_ == "NOUN" and nxt.idx == a.end + m.end():
                a.unit, a.end = _noun_lemma(nxt), nxt.idx + len(nxt)
            else:
                a.end += len(m.group().rstrip())
        elif last is not None and last.i + 2 < len(doc) and doc[last.i + 1].lower_ in ("more", "other") \
                and doc[last.i + 2].tag_ == "NNS":
            a.unit = _noun_lemma(doc[last.i + 2])  # "millions more people"
        if a.unit is None and a.kind == "count":
            a.kind = "number"  # "cost the company billions": a vague size of nothing named
        _vague_rate(d, a)
        return
    if a.kind == "fraction":
        if d.lower[a.start:a.end] == "half" and last is not None and _counterfactual(last):
            a.drop = True  # "if England had half the flair Wales have": a figure of speech, not a share
            return
        qual, qstart = _qualifier_before(d, a.start)
        if qual:
            a.qualifier, a.start = qual, qstart
        obj = _partitive(last) if last is not None else None
        if obj is None and last is not None and last.i + 2 < len(doc) and doc[last.i + 1].lower_ == "of":
            obj = doc[last.i + 2] if doc[last.i + 2].pos_ in ("NOUN", "PROPN") else None
        if obj is not None and obj.pos_ != "PRON":
            a.about = _about_text(d, obj)
        _direction(d, a)
        return
    if a.kind == "multiple":
        a.unit = None
        if a.qualifier is None:
            _qualify(d, a)


def _counterfactual(tok) -> bool:
    """``tok`` is in the "if" clause of a counterfactual: a past-tense clause marked "if" whose main clause
    has "would", "could" or "might" ("If they had half the talent, they would win")."""
    clause = next((t for t in tok.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if clause is None or clause.dep_ != "advcl" or clause.tag_ != "VBD":
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "if" for c in clause.children):
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in clause.head.children)


def _check_not_amount(d: _Doc, a: _Atom) -> None:
    """Drop years, days of months, clock times, ordinals, ages and labels ("Section 427")."""
    if a.kind not in ("number", "count", "rate", "duration", "range") or a.currency or a.kind == "range" and a.unit:
        return
    doc = d.doc
    v = vocab()
    num_tok = None
    for t in d.tokens(a.start, a.end):
        if t.like_num or any(c.isdigit() for c in t.text):
            num_tok = t
            break
    if num_tok is None:
        return
    bare = a.kind == "number" and a.per is None and not a.scaled
    if a.age:
        return
    if rx_label_before(d, a.start):
        a.drop = True
        return
    plain = "," not in num_tok.text and "." not in num_tok.text
    if plain and len(num_tok.text) > 1 and num_tok.text[0] == "0" and num_tok.text.isdigit():
        a.drop = True  # "007", "03 Bonnie and Clyde": amounts have no leading zero; codes and titles do
        d.labels.add(num_tok.text)
        return
    if a.unit is None and not a.scaled and a.qualifier is None and _clock_time(d, num_tok):
        a.drop = True  # "if it's 12.30 on a Saturday morning": a time of day, the dates module's
        return
    if num_tok.ent_type_ in _NAME_TYPES and not a.scaled and a.qualifier is None and plain:
        a.drop = True  # part of a name: "FTSE 100", "iOS 5", "Ford Five Hundred"
        d.labels.add(num_tok.text)
        return
    if num_tok.ent_type_ in ("ORDINAL",):
        a.drop = True
        return
    glued_date = num_tok.ent_iob_ == "B" and num_tok.i + 1 < len(doc) and doc[num_tok.i + 1].ent_iob_ == "I" \
        and doc[num_tok.i + 1].lower_ in ("last", "this", "next", "a", "the", "each", "every", "per") \
        and not (num_tok.i > 0 and doc[num_tok.i - 1].lower_ in ("on", "of"))
    if bare and num_tok.ent_type_ in ("DATE", "TIME") and a.qualifier is None and "," not in num_tok.text \
            and not glued_date:  # "fell to 81 last year": the date is the phrase after the amount
        a.drop = True
        return
    if a.kind in ("number", "count", "rate") and a.raw is not None and not a.scaled and _year_like(
            _Atom(start=num_tok.idx, end=num_tok.idx + len(num_tok), value=None, raw=a.raw), d):
        singular = num_tok.i + 1 < len(doc) and doc[num_tok.i + 1].tag_ == "NN" and a.qualifier is None
        if a.kind == "number" or num_tok.ent_type_ == "DATE" or singular:
            a.drop = True  # "the classic 1982 film" is a year
            return
    prev = doc[num_tok.i - 1] if num_tok.i > 0 else None
    nxt = doc[num_tok.i + 1] if num_tok.i + 1 < len(doc) else None
    months = v["months"]
    if (prev is not None and prev.lower_.rstrip(".") in months and prev.is_title) or (
            nxt is not None and nxt.lower_.rstrip(".") in months and nxt.is_title and (
                a.kind == "number" or a.value is not None and a.value <= 31 and a.value == int(a.value))):
        # "on 11 September", "the 11 September attacks": a day of a month, not eleven attacks
        a.drop = True
        return
    if prev is not None and prev.lower_ in ("and", "or", "to", ",", "&") and num_tok.i >= 2 \
            and doc[num_tok.i - 2].ent_type_ == "DATE" and doc[num_tok.i - 2].like_num and a.value is not None \
            and a.value <= 31 and a.qualifier is None and a.kind in ("number", "count"):
        a.drop = True  # "June 24 and 25"
        return
    if bare and a.qualifier is None and prev is not None and prev.lower_ in ("and", "or", ",", "/") \
            and num_tok.i >= 2 and (doc[num_tok.i - 2].text in d.labels or doc[num_tok.i - 2].idx in d.dropped
                                    and not _YEAR.fullmatch(doc[num_tok.i - 2].text)):
        a.drop = True  # "the 3230 and 7710": coordinated with a model number
        d.labels.add(num_tok.text)
        return
    if bare and plain and a.unit is None and a.qualifier is None and num_tok.idx == a.start and prev is not None and (
            prev.tag_ == "NN" and prev.pos_ == "NOUN" and num_tok.head.i == prev.i
            and num_tok.dep_ in ("nummod", "appos", "npadvmod", "compound")
            or num_tok.dep_ == "appos" and prev.lower_ == "the" and num_tok.head.pos_ in ("NOUN", "PROPN")
            and num_tok.head.i < num_tok.i):
        a.drop = True  # "the drama 24", "its smallest airliner, the 717": a number that names a thing
        d.labels.add(num_tok.text)
        return
    if bare and plain and a.unit is None and a.qualifier is None and prev is not None and prev.lower_ in ("and", "or") \
            and num_tok.i >= 2 and doc[num_tok.i - 2].pos_ == "PROPN" and doc[num_tok.i - 2].ent_type_ in (
                "ORG", "PRODUCT", "WORK_OF_ART") and num_tok.dep_ not in ("nsubj", "nsubjpass") \
            and not (nxt is not None and nxt.pos_ in ("VERB", "AUX")):
        a.drop = True  # "Italy's TIM and 3": listed with names, a number is a name too
        d.labels.add(num_tok.text)
        return
    if nxt is not None and (nxt.lower_ in v["clock_suffixes"] or nxt.lower_ in v["era_suffixes"]):
        a.drop = True
        return
    if a.kind == "number" and not a.counted and re.match(r"[-\u2013][A-Za-z0-9]", d.text[a.end:a.end + 2]):
        a.drop = True  # "777-200LR": a model code
        return
    mixed = prev is not None and prev.text != prev.lower_ and not prev.is_sent_start and prev.is_alpha \
        and prev.lower_ not in v["qualifiers"] and prev.lower_.rstrip(".") not in months
    if a.qualifier is None and mixed and a.kind in ("number", "count", "rate") and num_tok.idx == a.start \
            and "," not in num_tok.text and "." not in num_tok.text:
        a.drop = True  # "iPhone 4", "Windows 95", "Ford Five Hundred": part of a name
        d.labels.add(num_tok.text)
        return
    if prev is not None and prev.tag_ == "POS" and num_tok.i >= 2 and doc[num_tok.i - 2].ent_type_ in (
            "ORG", "PRODUCT") and (a.kind == "number" or a.kind == "count" and a.unit and
                                    d.token_at(a.end - 1).tag_ == "NN") and "," not in num_tok.text:
        a.drop = True  # "Boeing's 787", "Standard & Poor's 500 index"
        d.labels.add(num_tok.text)
        return
    if prev is not None and prev.text == "-" and num_tok.i >= 2 and doc[num_tok.i - 2].lower_ == "top":
        a.drop = True  # "a top-five player"
        return
    if a.qualifier is None and prev is not None and num_tok.idx == a.start and prev.lower_ in v["label_nouns"] \
            and (a.kind == "number" or prev.lower_ in ("top", "no", "no.", "nos", "number", "ranked", "seeded")):
        a.drop = True  # "No 10", "Section 427", "ranked 134", "top three"
        return
    if a.qualifier is None and prev is not None and not a.word and num_tok.idx == a.start and (
            prev.pos_ == "PROPN" and not prev.is_sent_start and a.kind in ("number", "count")
            or prev.pos_ == "PROPN" and a.kind == "number"
            or (prev.is_title or (prev.is_upper and len(prev) > 1)) and not prev.is_sent_start
            and prev.pos_ not in ("DET", "ADP", "PRON", "VERB", "AUX", "CCONJ", "SCONJ", "ADV", "ADJ")
            and prev.lower_ not in v["qualifiers"]):
        a.drop = True
        d.labels.add(num_tok.text)
        return
    # an age or a count between commas after a name: "Smith, 34, said"
    if bare and prev is not None and prev.text == "," and nxt is not None and nxt.text in (",", ")") \
            and num_tok.i >= 2 and doc[num_tok.i - 2].ent_type_ == "PERSON":
        a.drop = True


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")


def _clock_time(d: _Doc, tok) -> bool:
    """"it's 12.30", "at 5.30 every day", "11.45 on a Friday night": an h.mm number said as a time of day."""
    if not _CLOCK.fullmatch(tok.text):
        return False
    doc = tok.doc
    head = tok.head
    if tok.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children):
        return True
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if prev is not None and prev.lower_ in ("at", "until", "till") and nxt is not None and (
            nxt.ent_type_ == "TIME" or nxt.lower_ == "every"):
        return True
    for t in doc[tok.i + 1:tok.i + 5]:
        if t.is_punct:
            break
        if t.ent_type_ == "TIME":
            return True
    return False


_NAME_TYPES = {"PERSON", "ORG", "PRODUCT", "LAW", "WORK_OF_ART", "FAC", "EVENT", "GPE", "LOC", "NORP", "LANGUAGE"}


def rx_label_before(d: _Doc, start: int) -> bool:
    """"No. 1", "number 10", "#3": a rank or label, not an amount."""
    return _rx()["label_before"].search(d.text[max(0, start - 10):start]) is not None


def _span_root(d: _Doc, a: _Atom):
    toks = d.tokens(a.start, a.end)
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            if t.is_punct or t.lower_ in vocab()["qualifiers"]:
                continue
            return t
    return toks[-1] if toks else None


@lru_cache(maxsize=1)
def _change_lemmas() -> tuple[frozenset[str], frozenset[str]]:
    """Verb and noun lemmas of a rise and of a fall ("rose", "a cut")."""
    words = vocab()["change_words"]
    return frozenset(words["up"]), frozenset(words["down"])


def _direction(d: _Doc, a: _Atom) -> None:
    """Mark change amounts: "rose 2%", "fell by $3m", "a 5% rise", "up 2%"; not "up to $5m" (a limit)."""
    if a.direction or d.lower.startswith("up to ", a.start):
        return
    if a.unit in vocab()["change_words"]["length_units"] and _motion(d, a):
        return
    up, down = _change_lemmas()
    before = d.lower[max(0, a.start - 8):a.start].split()
    if before and before[-1] in ("up", "down") or before[-2:] in (["up", "by"], ["down", "by"]):
        word = before[-1] if before[-1] in ("up", "down") else before[-2]
        pos = d.lower.rfind(word, 0, a.start)
        tok = d.token_at(pos)
        if tok is not None and tok.dep_ == "quantmod" and word == "up" and a.start <= tok.head.idx < a.end:
            if a.qualifier is None:  # "bands of up £5,000": "up to" with its "to" dropped, a limit
                a.qualifier, a.start = vocab()["qualifiers"]["up to"], pos
            return
        if tok is not None and tok.dep_ != "prt":  # "make up 20%" is not a change
            a.direction = word
            return
    first = d.token_at(a.start)
    comparative = _comparative(d, a)
    if comparative:
        a.direction = comparative  # "£4.5bn higher than a year ago"
        return
    quoted = _quoted_change(d, first) if first is not None else None
    if quoted:
        a.direction = quoted
        return
    if before and before[-1] in ("to", "from", "at", "of", "than"):
        change_noun = before[-1] == "of" and first is not None and first.i >= 2 and (
            d.doc[first.i - 2].lemma_.lower() in up or d.doc[first.i - 2].lemma_.lower() in down)
        noun = d.doc[first.i - 2] if before[-1] == "of" and first is not None and first.i >= 2 else None
        if noun is not None and noun.lemma_.lower() in ("rate", "pace") and noun.head.lower_ == "at" \
                and noun.head.head.lemma_.lower() in up | down:
            # "GDP rose at an annual rate of 2.4%": the change, at the speed it went
            a.direction = "up" if noun.head.head.lemma_.lower() in up else "down"
            return
        if not change_noun:
            return  # the level a change reaches or starts from, not the change
    by = _by_before(d, first) if first is not None else None
    if by is not None and by.i >= 1:
        verb = d.doc[by.i - 1].lemma_.lower()
        if verb in up or verb in down:
            a.direction = "up" if verb in up else "down"  # "rose by 5%", "grew by a healthy 5%"
            return
    root = _span_root(d, a)
    if root is None:
        return
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ != "NOUN":
        return  # "made up of $250m"
    if root.dep_ == "pobj" and head.lower_ in ("by", "of"):
        head = head.head
    elif root.dep_ not in ("dobj", "npadvmod", "advmod", "nummod", "compound", "amod", "attr", "nmod", "pobj",
                           "quantmod", "appos"):
        return
    if root.dep_ == "pobj" and root.head.lower_ not in ("by", "of"):
        return
    lemma = head.lemma_.lower()
    if head.i == root.i or head.pos_ not in ("VERB", "NOUN", "ADV", "ADP"):
        return
    if root.dep_ == "dobj" and a.kind == "money" and lemma in vocab()["change_words"]["money_object"]:
        return  # "raised $900m from investors": money obtained, not a rise
    if head.pos_ == "NOUN" and head.i < root.i and root.dep_ != "pobj":
        return
    if head.pos_ == "NOUN" and a.kind == "money" and lemma in vocab()["change_words"]["money_nouns"]:
        return  # "a £100,000 advance for her novels" is a payment
    if lemma in up:
        a.direction = "up"
    elif lemma in down:
        a.direction = "down"


def _motion(d: _Doc, a: _Atom) -> bool:
    """A length that measures a movement: "a leap of 6.43m", "jumped 30ft", "10 miles down the road"."""
    words = vocab()["change_words"]["motion_words"]
    root = _span_root(d, a)
    near = []
    if root is not None:
        near = [root.head, root.head.head]
    first = d.token_at(a.start)
    if first is not None and first.i >= 1:
        near.append(d.doc[first.i - 1])
        if first.i >= 2 and d.doc[first.i - 1].lower_ in ("of", "by"):
            near.append(d.doc[first.i - 2])
    return any(t.lemma_.lower() in words or t.lower_ in words for t in near)


def _by_before(d: _Doc, first):
    """The "by" of "rose by 5%" or "grew by a healthy 5%" (an article and its adjectives skipped)."""
    doc = d.doc
    i = first.i - 1
    if i >= 0 and doc[i].lower_ in ("a", "an") or i >= 1 and doc[i].pos_ in ("ADJ", "NOUN") and doc[i].is_lower \
            and doc[i].dep_ in ("amod", "compound", "pobj"):
        k = i
        while k >= 0 and k > first.i - 4 and doc[k].lower_ not in ("a", "an") and doc[k].is_lower \
                and doc[k].pos_ in ("ADJ", "ADV", "NOUN"):
            k -= 1
        if k < 0 or doc[k].lower_ not in ("a", "an"):
            return None
        i = k - 1
    return doc[i] if i >= 0 and doc[i].lower_ == "by" else None


def _comparative(d: _Doc, a: _Atom) -> str | None:
    """"£4.5bn higher than", "11bn euros lower": the measure phrase of a comparative is a difference."""
    root = _span_root(d, a)
    if root is None:
        return None
    head = root.head
    if root.dep_ != "npadvmod" or head.i <= root.i:
        # "debt was 8bn euros lower": the parser may hang both on the verb
        nxt = root.nbor(1) if root.i + 1 < len(d.doc) else None
        if nxt is None or nxt.idx < a.end or nxt.head.i != head.i or root.dep_ not in ("attr", "dobj") \
                or nxt.dep_ not in ("acomp", "advmod"):
            return None
        head = nxt
    if head.tag_ not in ("JJR", "RBR") or any(t.idx >= a.end for t in d.doc[root.i + 1:head.i]):
        return None  # "£35bn - £2.5bn less": only the amount right before the comparative is the difference
    if head.dep_ == "advmod" and head.head.dep_ == "amod":
        return None  # "250 million less fortunate people": the comparative grades a modifier
    if any(c.dep_ == "conj" for c in head.children):
        return None  # "60% higher or lower": no one direction
    verb = head.head
    if not any(c.lower_ == "than" for c in head.children) and verb.i != head.i and any(
            t.lower_ in ("ago", "earlier") for c in verb.children if c.i < head.i and c.dep_ in ("advmod", "npadvmod", "prep")
            for t in c.subtree):
        return None  # "A year ago, debt was 11bn euros higher": higher then than now, a fall
    words = vocab()["change_words"]["comparatives"]
    low = head.lower_
    return "up" if low in words["up"] else "down" if low in words["down"] else None


_QUOTED = re.compile(r"['\u2018\u2019\"\u201c\u201d][ \u00a0]*$")


def _quoted_change(d: _Doc, first) -> str | None:
    """Headline style "Film output 'falls' 40%": a change verb in quotes right before the amount.

    The parser reads the quoted verb as a noun; the amount after it is still the change."""
    doc = d.doc
    i = first.i - 1
    if i < 2 or not _QUOTED.search(d.text[doc[i].idx:first.idx]):
        return None
    word = doc[i - 1]
    if not (word.is_alpha and word.is_lower and doc[i - 2].text in ("'", "\u2018", '"', "\u201c", "`")):
        return None
    up, down = _change_lemmas()
    forms = {word.lemma_.lower(), word.lower_, word.lower_[:-1] if word.lower_.endswith("s") else word.lower_}
    return "up" if forms & up else "down" if forms & down else None


# -- after the scan ------------------------------------------------------------------------------------

def _resolve_overlaps(atoms: list[_Atom]) -> list[_Atom]:
    atoms = sorted(atoms, key=lambda a: (a.start, -(a.end - a.start)))
    out: list[_Atom] = []
    for a in atoms:
        if out and a.start < out[-1].end:
            if a.end - a.start > out[-1].end - out[-1].start:
                out[-1] = a
            continue
        out.append(a)
    return out


def _measured_subject(d: _Doc, a: _Atom) -> str | None:
    """What a bare level or change measures: "unemployment fell from 157,000 to 133,000" → "unemployment".

    Follows the parse from the amount up through "from"/"to"/"by"/"at" and coordination to a change or level
    verb, and takes that verb's noun subject (its object for a transitive change: "cut prices by 5%"). When
    the subject is "the number of" a plural noun, a bare amount also counts that noun and takes it as its unit.
    """
    root = _span_root(d, a)
    if root is None:
        return None
    v = vocab()
    if root.dep_ == "nummod" and root.head.i > root.i and root.head.lower_ in v["time_units"] and any(
            c.lower_ in _TIME_DETERMINERS for c in root.head.children):
        root = root.head  # "rose to 41,300 last year": the parse hung the amount on the time phrase after it
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN" \
            and root.head.head.i < root.i:
        noun = root.head.head
        words = v["change_words"]
        if noun.lemma_.lower() in v["level_nouns"]:
            root = noun  # "fell from the 46-year low of 1%": the level of whatever fell, not the low
        elif noun.lemma_.lower() in words["up"] or noun.lemma_.lower() in words["down"]:
            # "an increase of 300,000 in unemployment": a change measures its "in" noun, not itself
            prep = next((c for t in (noun, root) for c in t.children if c.dep_ == "prep" and c.lower_ == "in"), None)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            return _about_text(d, pobj if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") else noun)
        elif noun.lemma_.lower() not in v["measure_heads"]:
            return _about_text(d, noun)  # "a workforce of 75,000", "a crowd of 40,000"
    tok = root
    for _ in range(4):
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            break  # "imports rose 3%, but exports slowed to 0.5%": the second clause has its own subject
        if tok.dep_ == "conj" or tok.dep_ == "pobj" and tok.head.lower_ in ("from", "to", "by", "at", "of") \
                or tok.dep_ == "prep" and tok.lower_ in ("from", "to", "by", "at"):
            tok = tok.head
            continue
        break
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head if tok.dep_ in ("dobj", "attr", "npadvmod", "advmod",
                                                                          "prep", "pobj") else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = verb.lemma_.lower()
    words = v["change_words"]
    change = lemma in words["up"] or lemma in words["down"]
    if not change and lemma not in v["level_verbs"] and lemma not in v["exceed_verbs"]:
        return None
    subj = obj = None
    for child in verb.children:
        if child.dep_ == "csubj" and child.pos_ == "ADJ":
            # "the number of Britons dead or missing has reached 440": the parse makes the adjective the subject
            child = next((c for c in child.children if c.dep_ == "nsubj"), child)
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
            subj = child
        elif child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN") and not (child.idx <= root.idx < child.idx
                                                                               + len(child) + 1):
            obj = child
    target = obj if change and obj is not None and obj.i != root.i else subj
    if target is None or a.start <= target.idx < a.end:
        return None
    if target.lemma_.lower() in v["measure_heads"]:
        part = _partitive(target)
        if part is not None and part.pos_ in ("NOUN", "PROPN"):
            if target.lemma_.lower() in v["counting_heads"] and a.kind == "number" and a.unit is None \
                    and part.tag_ in ("NNS", "NNPS") and not a.currency \
                    and not any(c.dep_ == "conj" for c in part.children):
                # "the number of blogs has reached 4.8 million": it counts blogs
                a.unit = _noun_lemma(part) if part.pos_ == "NOUN" else _proper_unit(part)
                a.kind, a.counted = "count", True
            target = part  # "the number of claims fell to 813,200" is about claims
        elif target.lemma_.lower() in v["bare_quantity_nouns"]:
            return None  # "the number sold will reach 159 million": the parse does not say of what
    elif target is subj and a.kind == "number" and a.unit is None and not a.currency and a.per is None:
        moved = next((c for c in verb.children if c.dep_ in ("dobj", "npadvmod") and c.tag_ == "NNS"
                      and c.lower_ not in v["time_units"]), None)
        # "stockpiles fell 1m barrels to 294.3m": a change counted in its own noun says the subject is measured
        unit = _subject_unit(target, a.value) if moved is None else None
        if verb.lemma_.lower() == "be" and (a.value or 0) < 130:
            unit = None  # "where people are over 80": a small number a person "is" is an age
        if unit:
            a.unit, a.kind, a.counted = unit, "count", True  # "applications rose to 27,700" counts applications
    return _about_text(d, target)


def _subject_unit(noun, value: float | None) -> str | None:
    """What a bare whole amount counts when it is the level of a plural subject: "applications rose to
    27,700" → "application"; "car sales totalled 1.75 million" → "car" (what was sold). None for nouns whose
    amount is a sum or level ("profits reached 500", "prices rose to 250") and sales of nothing named."""
    v = vocab()
    if value is None or value != int(value) or value < 2 or noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return None
    lemma = _noun_lemma(noun)
    if lemma in v["uncounted_subjects"] or lemma in v["measure_heads"]:
        return None
    doc = noun.doc
    k = noun.i
    while k > 0 and doc[k - 1].dep_ == "compound" and doc[k - 1].pos_ == "NOUN" and doc[k - 1].is_alpha \
            and not (k > 1 and doc[k - 2].text == "-" and not doc[k - 2].whitespace_):  # not "Fourth-quarter"
        k -= 1
    parts = [_noun_lemma(t) if t.i == k and t.is_sent_start else t.lower_ for t in doc[k:noun.i]]
    if lemma in v["sold_nouns"]:
        return " ".join(parts) or None
    return " ".join(parts + [lemma])


_MORE_TIME = re.compile(r",?[ \u00a0]+(?:and[ \u00a0]+)?\d")
_DURATION_SEP = re.compile(r"^(?:,?[ \u00a0]+(?:and[ \u00a0]+)?)$")


def _merge_durations(d: _Doc, atoms: list[_Atom]) -> list[_Atom]:
    """"14 minutes 32.93 seconds", "two years and six months": one duration in the smaller unit."""
    sizes = vocab()["duration_sizes"]
    out: list[_Atom] = []
    for a in atoms:
        b = out[-1] if out else None
        if b is not None and a.kind == "duration" == b.kind and b.per is None and a.qualifier is None \
                and a.value is not None and b.value is not None and b.direction is None \
                and _DURATION_SEP.match(d.text[b.end:a.start]):
            big, small = sizes.get(b.unit or ""), sizes.get(a.unit or "")
            if big and small and big[0] == small[0] and big[1] > small[1]:
                b.value = round(b.value * big[1] / small[1] + a.value, 6)
                b.unit, b.end, b.per, b.tok_last = a.unit, a.end, a.per, a.tok_last
                continue
        out.append(a)
    return out


_COMPARED = re.compile(r"(?:\b(?:to|from|compared (?:with|to)|against|versus|vs\.?|than|and)|,)[ \u00a0]*$")


_COMPARED_WITH = re.compile(r",[ \u00a0]*(?:compared[ \u00a0]+(?:with|to)|against|versus|up[ \u00a0]+from|down[ \u00a0]+from)[ \u00a0]*$")


def _compared_with(d: _Doc, b: _Atom, a: _Atom) -> bool:
    """"rose to 81 days from 53": a bare number just after "from", "than" or "to" a measured one is
    measured the same way, unless the measured one only narrows down the subject of the change
    ("the number waiting over 12 months fell from 7,613": people, not months)."""
    gap = d.text[b.end:a.start]
    if not _COMPARED.search(gap) or re.search(r"\d", gap):
        return False
    if len(gap) >= 40 and not (len(gap) < 120 and _COMPARED_WITH.search(gap)):
        return False  # "27 films were made last year ..., compared with 45 in 2003": said to compare
    verb, b_root = _span_root(d, a), _span_root(d, b)
    for _ in range(4):
        if verb is None or verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb is None or b_root is None:
        return True
    return not any(c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= b_root.i <= c.right_edge.i
                   and c.i not in (b_root.i, b_root.head.i) for c in verb.children)


def _same_verb(d: _Doc, b: _Atom, root) -> bool:
    """"Ukraine has 12 brigades; Russia has 40": the bare amount is the object of the same verb as the count."""
    if root.dep_ not in ("dobj", "attr") or root.head.pos_ not in ("VERB", "AUX"):
        return False
    b_root = _span_root(d, b)
    if b_root is None or b_root.head.i == root.head.i:
        return False
    b_head = b_root.head
    if b_root.dep_ == "nummod":
        b_head = b_root.head.head if b_root.head.dep_ in ("dobj", "attr") else None
    return b_head is not None and b_head.pos_ in ("VERB", "AUX") and b_head.lemma_ == root.head.lemma_


_RESTATED = re.compile(r"^[ \u00a0]*(?:,[ \u00a0]*or|or|\(|[-–—])[ \u00a0]*$")


def _inherit_directions(d: _Doc, figures: list[_Atom]) -> None:
    """"rose 15 cents - 1.1%", "lost 65 cents, or 25%": the same change restated in another measure
    goes the same way."""
    up, down = _change_lemmas()
    for a, b in zip(figures, figures[1:]):
        if b.direction or b.kind not in ("percent", "money", "count", "number") \
                or not _RESTATED.match(d.text[a.end:b.start]):
            continue
        if a.direction:
            b.direction = a.direction
            continue
        root = _span_root(d, a)
        if root is not None and root.dep_ == "pobj" and root.head.lower_ == "to" and b.kind == "percent":
            head = root.head
            while head.pos_ == "ADP" and head.head.i != head.i:
                head = head.head  # "from X to Y": "to" hangs on "from"
            verb = head.lemma_.lower()
            if verb in up or verb in down:
                b.direction = "up" if verb in up else "down"  # "fell from 7,613 to 6,630, or 12.9%"


_OUT_OF = re.compile(
    r"^[ \u00a0]+(?:out[ \u00a0]+)?of[ \u00a0]+(?:the[ \u00a0]+|a[ \u00a0]+total[ \u00a0]+of[ \u00a0]+)?"
    r"(?:(?:its|their|his|her|our|my|your)[ \u00a0]+"
    r"|[A-Z][\w.&-]*(?:[ \u00a0]+[A-Z][\w.&-]*){0,3}(?:['\u2019]s?)[ \u00a0]+)?$")  # "92 of the Lords' 750 peers"


def _governor(d: _Doc, b: _Atom):
    """The verb a counted figure is the object of ("cut [300 jobs]" → cut), or None."""
    root = _span_root(d, b)
    if root is None:
        return None
    if root.dep_ == "nummod" and root.head.i >= root.i:
        root = root.head
    return root.head if root.dep_ in ("dobj", "attr", "nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX") else None


_TO_ONLY = re.compile(r"^[ \u00a0]+to[ \u00a0]+(?:number[ \u00a0]+|no\.?[ \u00a0]+)?$", re.I)
_MORE_OF = re.compile(r"\b(?:another|a further|an additional|an extra|the remaining|the other)[ \u00a0]+$")


def _inherit_units(d: _Doc, figures: list[_Atom]) -> None:
    """Resolve elided units inside a sentence: "about 1,000 soldiers daily, while ... around 500 per day"."""
    for i, a in enumerate(figures):
        if a.unit is not None or a.kind not in ("rate", "number"):
            continue
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        if a.kind == "number" and a.per is None and nxt is not None and nxt.kind == "count" and nxt.counted \
                and nxt.unit and _OUT_OF.match(d.text[a.end:nxt.start]) and a.value is not None \
                and nxt.value is not None and a.value <= nxt.value:
            # "117 million out of 833 million handsets", "two of three title-winning sides"
            a.unit, a.kind, a.inherited = nxt.unit, "count", True
            continue
        if i == 0:
            continue
        if a.kind == "number" and _MORE_OF.search(d.lower[max(0, a.start - 16):a.start]):
            # "5,125 positions would go. Another 1,700 will go": more of what was last counted;
            # "1bn euros now, with another 550m later": a scaled amount is more of the money just named
            tok = d.token_at(a.start)
            sent_start = tok.sent.start_char if tok is not None else a.start
            b = figures[i - 1]
            if b.kind == "money" and a.scaled and b.end >= sent_start and b.unit and not b.per:
                a.unit, a.currency, a.kind, a.counted = b.unit, b.currency, "money", True
                continue
            b = next((f for f in reversed(figures[:i]) if f.kind == "count" and f.unit and not f.currency), None)
            if b is not None and a.start - b.end < 400:
                a.unit, a.kind, a.counted = b.unit, "count", True
                continue
        tok = d.token_at(a.start)
        sent = tok.sent if tok is not None else None
        if sent is None:
            continue
        for k in range(i - 1, -1, -1):
            b = figures[k]
            if b.end <= sent.start_char:
                break
            if d.lower.endswith("per ", 0, b.start):
                continue  # "7.5 connections per 100 people": a denominator is no parallel amount
            if b.kind == "duration" and b.unit and a.kind == "number" and a.per is None:
                root = _span_root(d, a)
                if root is not None and (root.dep_ == "conj" and b.start <= root.head.idx < b.end
                                         or _compared_with(d, b, a)):
                    a.unit, a.kind = b.unit, "duration"  # "rose to 81 days from 53"
                break
            if b.kind in ("rate", "count") and (b.counted or b.inherited) and b.unit and not b.currency:
                if b.unit in vocab()["rank_nouns"] and _TO_ONLY.match(d.text[b.end:a.start]):
                    break  # "fell three places to 10": the 10 is a position on the chart
                root = _span_root(d, a)
                if a.per and b.per:
                    a.unit = b.unit
                elif a.kind == "number" and root is not None and (
                        root.dep_ == "conj" and (b.start <= root.head.idx < b.end or _governor(d, b) == root.head)
                        or _compared_with(d, b, a)
                        or _same_verb(d, b, root)):
                    a.unit, a.kind, a.inherited = b.unit, "count", True
                break
