"""Evaluation: run factx on documents that have gold answers and score every section the same way.

Three gold formats are read:

* factx gold files (``data/gold/*.json``): ``{"doc", "published", "entities", "quotes", "figures",
  "dates", "claims"}``. Items carry text, not offsets. The article is found, in this order, from an
  inline ``"text"`` key, a ``"text_path"`` key (relative to the gold file), the ``doc`` file next to
  the gold file, in ``../seeds/`` or ``../../seeds/`` relative to the gold folder (so
  ``data/gold/X.json`` finds the repository's ``seeds/X.txt``), or in ``./seeds/``.
* MEANTIME (``meantime*.jsonl`` or lines with ``gold_scope_end``): named entity mentions
  (``syntactic_type`` NAM, labels PER/ORG/LOC), TIMEX3 dates and MONEY/PERCENT/QUANTITY figures,
  scored only before each document's ``gold_scope_end``. The publication date is ``dct.value``, else
  the parsed ``dateline``.
* PolNeAR (``polnear*.jsonl`` or lines with ``publication_date`` and ``quotes``): attributions,
  scored on their content spans; ``publication_date`` is the publication date.

Matching rules
--------------
Spans. Both sides are first trimmed of surrounding white space and quote marks, and of trailing
``. , ; : ! ? …``. The overlap of a gold span G and a predicted span P is
``|G ∩ P| / max(|G|, |P|)`` in characters (1.0 only for identical spans; a span half as long as
the other that lies inside it scores 0.5). A discontinuous gold span (PolNeAR content spans, or a
factx gold quote with "…" between parts) counts all its parts. Entities (MEANTIME mentions), figures
and dates match at any overlap above 0; quotes match at overlap >= 0.3, and are also scored strictly
at >= 0.8 (the PolNeAR thresholds). ``exact_span`` is the share of matched items whose trimmed spans
are identical.

Gold text without offsets (factx gold). The gold ``text`` is looked up in the document after folding
case, white space runs, curly/straight quote marks, dashes and "…"/"..."; every occurrence is a
possible location and a prediction matches the gold item when its span overlaps one of them as above.

Entities (factx gold) match by name: a predicted entity matches a gold entity when the folded
(:func:`factx.linking.norm`) canonical name or any alias of one equals one of the other's; equal
canonical names are preferred. Person names elsewhere (quote speakers, claim subjects, sources,
objects) are the same when :func:`factx.linking.name_matches` accepts either one as a name of the
other, after dropping a leading "a"/"an"/"the" ("Carney" = "Mark Carney", "the official" =
"A Canadian government official").

Claims (factx gold) match when ``claim_type`` is equal and the anchor agrees: the value if the gold
has one, else the object if it has one, else the subject. The other fields given in the gold are
attributes (the anchor is not repeated among them). A gold ``predicate`` (or ``source``) may be a list of acceptable answers.

Values. Numbers are equal within 0.5% (relative); strings are compared case-insensitively; date
values (TIMEX3) must be identical. An entity ``label`` in the gold may be a list of allowed labels.
Figure attributes ``value``, ``unit``, ``per`` and ``qualifier`` are always checked (a key absent
from the gold means "none"); other attributes only when the gold gives them.

Assignment. Candidate pairs are ranked by score (overlap, or the number of agreeing fields), then by
gold order and prediction order, and taken greedily one-to-one: deterministic.

Counting. A matched prediction is a true positive, an unmatched required gold item a false negative,
an unmatched prediction a false positive, except that predictions outside what the gold annotates are
ignored: entity labels and claim types that do not occur in a factx gold file (unless it lists them
in ``"scope": {"entities": [...], "claims": [...]}``); MEANTIME entity predictions that overlap a name
the gold annotates otherwise (a NAM mention labelled PRO, FIN or MIX, or a PRE.NAM mention such as
"US" in "US airtanker"), MEANTIME figure predictions that overlap a gold timex, and everything at or
after ``gold_scope_end``. Items marked ``"optional": true`` count as true positives when found and are
not false negatives when missed. Precision = tp / (tp + fp), recall = tp / (tp + fn), F1 their
harmonic mean; counts are summed over the documents of a corpus (micro average). ``predicted`` is
tp + fp; ``ignored`` counts the predictions left out as above. Attribute accuracy is
computed on matched items that have that attribute in the gold.

MEANTIME labels: spaCy PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC; other labels are not entity
predictions there. ``entities_spacy`` scores the raw spaCy entities (before factx's repair layer),
``entities`` scores the mentions of factx's entities, each with its entity's label (after it; pronoun
mentions left out); likewise ``dates_spacy`` (DATE, TIME)
and ``figures_spacy`` (MONEY, PERCENT, QUANTITY, CARDINAL) score the raw model as a baseline.
PolNeAR ``quotes_speech`` scores the same predictions against the speech attributions only (direct or
mixed quotes, and cues that are a reporting verb of ``factx/data/quotes.json`` or "according to");
predictions that match only a non-speech attribution (a belief, "called for", "wants") are ignored.
PolNeAR ``speaker_named`` is speaker accuracy on matched quotes whose gold speaker is written as a
name (not a pronoun, not missing).

PolNeAR attributions and factx quotes cut speech differently: PolNeAR makes one attribution of
``"A," he said. "B." "C."`` (content spans A, B and C), factx gives three quotes, the second and third
with cue null because they carry on the first (the seed gold's convention). ``quotes`` and
``quotes_speech`` score factx's pieces one-to-one, so the second and third pieces count as false
positives there. ``quotes_joined`` scores factx's attributions instead: a quote joins the one before
it (in text order, with no other quote between) when both are direct or partial, have the same
speaker, and the later one either shares the earlier one's cue mention (the two halves of
``"A," he said, "B"``) or has no cue of its own; the joined pieces are one prediction whose span is
the union of theirs. Nothing else differs.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from .errors import InputError, UsageError
from .linking import name_matches, norm
from .records import Result

Interval = tuple[int, int]
SpanSet = tuple[Interval, ...]

QUOTE_THRESHOLD = 0.3
QUOTE_STRICT = 0.8
VALUE_TOLERANCE = 0.005
FACTX_SECTIONS = ("entities", "quotes", "figures", "dates", "claims")
MEANTIME_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
SPACY_DATE_LABELS = ("DATE", "TIME")
SPACY_FIGURE_LABELS = ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")
PRONOUNS = frozenset(
    "i me my mine we us our ours you your yours he him his she her hers it its they them their theirs "
    "this that these those who whom which itself himself herself themselves ourselves myself".split()
)
MAX_DETAILS = 200

_EDGE = " \t\r\n\"'“”‘’«»„‚‹›`´"
_TRAIL = _EDGE + ".,;:!?…"
_FOLD = {**{c: '"' for c in "“”„‟«»″"}, **{c: "'" for c in "‘’‚‛‹›`´′"}, **{c: "-" for c in "‐‑‒–—―−"}}
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.I)


# -- spans -----------------------------------------------------------------------------------------

def trim_span(text: str, start: int, end: int) -> Interval:
    """``[start, end)`` without surrounding white space and quote marks, nor trailing punctuation."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    return start, end


def span_overlap(gold: Sequence[Interval], pred: Sequence[Interval]) -> float:
    """``|G ∩ P| / max(|G|, |P|)`` for two sets of disjoint intervals; 0.0 when either is empty."""
    g_len = sum(max(0, e - s) for s, e in gold)
    p_len = sum(max(0, e - s) for s, e in pred)
    if not g_len or not p_len:
        return 0.0
    inter = sum(max(0, min(ge, pe) - max(gs, ps)) for gs, ge in gold for ps, pe in pred)
    return inter / max(g_len, p_len)


class FoldedText:
    """A document folded for text lookup, with a map back to original offsets."""

    def __init__(self, text: str):
        chars: list[str] = []
        index: list[int] = []
        space = False
        for i, ch in enumerate(text):
            if ch.isspace():
                if not space and chars:
                    chars.append(" ")
                    index.append(i)
                space = True
                continue
            space = False
            folded = _fold_char(ch)
            chars.extend(folded)
            index.extend([i] * len(folded))
        self.text = text
        self.folded = "".join(chars)
        self.index = index

    def _orig(self, a: int, b: int) -> Interval:
        return self.index[a], self.index[b - 1] + 1

    def find(self, needle: str, max_gap: int = 2000) -> list[SpanSet]:
        """Every occurrence of ``needle`` as trimmed original intervals. A needle with "…" is also
        looked up as its parts in order (an elided quote), when it is not found whole."""
        key = fold(needle)
        if not key:
            return []
        found = [self._trimmed(((a, a + len(key)),)) for a in _all(self.folded, key)]
        if found or "..." not in key:
            return [f for f in found if f]
        parts = [p for p in (q.strip(_TRAIL) for q in key.split("...")) if p]
        out = []
        for first in _all(self.folded, parts[0]):
            spans = [(first, first + len(parts[0]))]
            for part in parts[1:]:
                nxt = self.folded.find(part, spans[-1][1], spans[-1][1] + max_gap + len(part))
                if nxt < 0:
                    break
                spans.append((nxt, nxt + len(part)))
            else:
                trimmed = self._trimmed(tuple(spans))
                if trimmed:
                    out.append(trimmed)
        return out

    def _trimmed(self, spans: Sequence[Interval]) -> SpanSet:
        out = []
        for a, b in spans:
            s, e = trim_span(self.text, *self._orig(a, b))
            if e > s:
                out.append((s, e))
        return tuple(out)


def _fold_char(ch: str) -> str:
    if ch == "…":
        return "..."
    low = _FOLD.get(ch, ch).lower()
    return low if len(low) == 1 else ch


def fold(text: str) -> str:
    """Text folded as :class:`FoldedText` folds documents, then trimmed."""
    folded = " ".join("".join(" " if ch.isspace() else _fold_char(ch) for ch in text).split())
    return folded.strip(_TRAIL)


def _all(haystack: str, needle: str) -> list[int]:
    found, at = [], haystack.find(needle)
    while at >= 0:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


# -- values and names ------------------------------------------------------------------------------

def values_equal(gold: Any, pred: Any) -> bool:
    """Numbers within 0.5% relative; strings case-insensitively; None only equals None."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if isinstance(gold, bool) or isinstance(pred, bool):
        return gold == pred
    if isinstance(gold, (int, float)) and isinstance(pred, (int, float)):
        if gold == pred:
            return True
        return abs(gold - pred) <= VALUE_TOLERANCE * max(abs(gold), abs(pred))
    return str(gold).strip().casefold() == str(pred).strip().casefold()


def same_name(gold: str | None, pred: str | None) -> bool:
    """True when either name is a form of the other ("Carney" / "Mark Carney")."""
    if not gold or not pred:
        return False
    a, b = _LEADING_ARTICLE.sub("", gold.strip()), _LEADING_ARTICLE.sub("", pred.strip())
    if not norm(a) or not norm(b):
        return False
    return name_matches(a, [b]) or name_matches(b, [a])


def any_name(gold: str | Sequence[str] | None, preds: Iterable[str | None]) -> bool:
    golds = [gold] if isinstance(gold, str) or gold is None else list(gold)
    preds = [p for p in preds if p]
    return any(same_name(g, p) for g in golds if g for p in preds)


def is_pronoun(text: str | None) -> bool:
    """A pronoun as written ("he", "They"); all-capital forms such as "US" are names, not "us"."""
    if not text or (text.isupper() and len(text.strip()) > 1):
        return False
    return norm(text) in PRONOUNS


def _as_list(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


# -- matching and counting -------------------------------------------------------------------------

def greedy_match(n_gold: int, n_pred: int, score: Callable[[int, int], float | None],
                 ) -> list[tuple[int, int, float]]:
    """One-to-one pairs ``(gold index, pred index, score)``: best score first, ties by gold then pred
    order. ``score`` returns None for pairs that may not match."""
    pairs = []
    for g in range(n_gold):
        for p in range(n_pred):
            s = score(g, p)
            if s is not None:
                pairs.append((-s, g, p))
    pairs.sort()
    used_g, used_p, out = set(), set(), []
    for neg, g, p in pairs:
        if g in used_g or p in used_p:
            continue
        used_g.add(g)
        used_p.add(p)
        out.append((g, p, -neg))
    out.sort(key=lambda t: t[0])
    return out


class Tally:
    """Counts of one section over a corpus."""

    def __init__(self):
        self.gold = 0
        self.optional = 0
        self.predicted = 0
        self.tp = 0
        self.fp = 0
        self.fn = 0
        self.ignored = 0
        self.attributes: dict[str, list[int]] = {}
        self.strict: Tally | None = None

    def attr(self, name: str, ok: bool) -> None:
        counts = self.attributes.setdefault(name, [0, 0])
        counts[0] += bool(ok)
        counts[1] += 1

    def merge(self, other: Tally) -> None:
        for key in ("gold", "optional", "predicted", "tp", "fp", "fn", "ignored"):
            setattr(self, key, getattr(self, key) + getattr(other, key))
        for name, (ok, total) in other.attributes.items():
            counts = self.attributes.setdefault(name, [0, 0])
            counts[0] += ok
            counts[1] += total
        if other.strict is not None:
            if self.strict is None:
                self.strict = Tally()
            self.strict.merge(other.strict)

    def to_dict(self) -> dict[str, Any]:
        # Nothing predicted and nothing required counts as perfect, not as 0/0.
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (0.0 if self.fn else 1.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out: dict[str, Any] = {
            "gold": self.gold, "optional": self.optional, "predicted": self.predicted,
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "ignored": self.ignored,
            "precision": round(p, 6), "recall": round(r, 6), "f1": round(f, 6),
            "attributes": {
                name: {"correct": ok, "total": total, "accuracy": round(ok / total, 4) if total else None}
                for name, (ok, total) in sorted(self.attributes.items())
            },
        }
        if self.strict is not None:
            strict = self.strict.to_dict()
            out["strict"] = {"threshold": QUOTE_STRICT, **{k: strict[k] for k in
                                                            ("tp", "fp", "fn", "precision", "recall", "f1")}}
        return out


class Details:
    """What went wrong, item by item (kept for small, hand-made gold corpora)."""

    def __init__(self, doc: str):
        self.doc = doc
        self.missed: list[dict] = []
        self.wrong: list[dict] = []
        self.extra: list[dict] = []
        self.problems: list[str] = []

    def attr(self, tally: Tally, section: str, gold_label: str, name: str, ok: bool, expected, got) -> None:
        tally.attr(name, ok)
        if not ok:
            self.wrong.append({"doc": self.doc, "section": section, "gold": gold_label, "attribute": name,
                               "expected": expected, "got": got})


def _count(tally: Tally, n_gold: int, optional: Sequence[bool], pairs, n_pred: int,
           ignore: Callable[[int], bool] = lambda p: False) -> tuple[set[int], set[int]]:
    """Fill tp/fp/fn from matched pairs; returns the unmatched gold and prediction indexes."""
    tally.gold += n_gold
    tally.optional += sum(optional)
    matched_g = {g for g, _, _ in pairs}
    matched_p = {p for _, p, _ in pairs}
    tally.tp += len(pairs)
    missed = {g for g in range(n_gold) if g not in matched_g and not optional[g]}
    tally.fn += len(missed)
    extra = set()
    for p in range(n_pred):
        if p in matched_p:
            continue
        if ignore(p):
            tally.ignored += 1
        else:
            extra.add(p)
    tally.fp += len(extra)
    tally.predicted += len(matched_p) + len(extra)
    return missed, extra


def _span_pairs(gold_spans: Sequence[Sequence[SpanSet]], pred_spans: Sequence[SpanSet], threshold: float,
                ) -> list[tuple[int, int, float]]:
    """Greedy pairs for gold items with one or more possible locations."""
    def score(g: int, p: int) -> float | None:
        best = max((span_overlap(loc, pred_spans[p]) for loc in gold_spans[g]), default=0.0)
        if best <= 0 or best < threshold:
            return None
        return best

    return greedy_match(len(gold_spans), len(pred_spans), score)


def _exact(gold_locs: Sequence[SpanSet], pred: SpanSet) -> bool:
    return any(tuple(loc) == tuple(pred) for loc in gold_locs)


# -- factx gold ------------------------------------------------------------------------------------

def _rec_span(text: str, record) -> SpanSet:
    s, e = trim_span(text, record.start, record.end)
    return ((s, e),) if e > s else ()


def _gold_label(item: dict) -> str:
    return str(item.get("text") or item.get("name") or item.get("subject") or item)[:80]


def score_document(gold: dict, result: Result, sections: Sequence[str] | None = None,
                   details: Details | None = None) -> dict[str, Tally]:
    """Score one factx gold answer against one :class:`~factx.records.Result` (whose ``text`` is the
    document). Returns a :class:`Tally` per section."""
    sections = [s for s in FACTX_SECTIONS if sections is None or s in sections]
    text = result.text
    details = details or Details(result.doc.id)
    folded = FoldedText(text)
    scope = gold.get("scope") or {}
    out: dict[str, Tally] = {}
    for section in sections:
        items = [i for i in gold.get(section) or [] if isinstance(i, dict)]
        tally = Tally()
        scorer = {"entities": _score_entities, "quotes": _score_quotes, "figures": _score_figures,
                  "dates": _score_dates, "claims": _score_claims}[section]
        scorer(items, result, text, folded, tally, details, scope)
        out[section] = tally
    return out


def _locate(items: list[dict], folded: FoldedText, section: str, details: Details) -> list[list[SpanSet]]:
    locs = []
    for item in items:
        found = folded.find(str(item.get("text") or ""))
        if not found:
            details.problems.append(f"{details.doc}: {section} gold text not in the document: "
                                    f"{_gold_label(item)!r}")
        locs.append(found)
    return locs


def _record_extras(details: Details, section: str, preds: Sequence, extra: set[int]) -> None:
    for p in sorted(extra):
        rec = preds[p]
        details.extra.append({"doc": details.doc, "section": section,
                              "predicted": str(getattr(rec, "name", None) or rec.text)[:80]})


def _record_missed(details: Details, section: str, items: list[dict], missed: set[int]) -> None:
    for g in sorted(missed):
        details.missed.append({"doc": details.doc, "section": section, "gold": _gold_label(items[g])})


def _score_entities(items, result, text, folded, tally, details, scope) -> None:
    preds = list(result.entities)

    def names(obj) -> set[str]:
        if isinstance(obj, dict):
            raw = [obj.get("name"), *_as_list(obj.get("aliases"))]
        else:
            raw = [obj.name, *obj.aliases]
        return {norm(n) for n in raw if n and norm(n)}

    gold_names = [names(i) for i in items]
    pred_names = [names(e) for e in preds]

    def score(g: int, p: int) -> float | None:
        if not gold_names[g] & pred_names[p]:
            return None
        return 2.0 if norm(items[g].get("name") or "") == norm(preds[p].name) else 1.0

    pairs = greedy_match(len(items), len(preds), score)
    labels = set(_as_list(scope.get("entities"))) or {l for i in items for l in _as_list(i.get("label"))}
    missed, extra = _count(tally, len(items), [bool(i.get("optional")) for i in items], pairs, len(preds),
                           ignore=lambda p: bool(labels) and preds[p].label not in labels)
    for g, p, _ in pairs:
        item, pred = items[g], preds[p]
        label = _gold_label(item)
        if "label" in item:
            details.attr(tally, "entities", label, "label", pred.label in _as_list(item["label"]),
                         item["label"], pred.label)
        if item.get("role"):
            details.attr(tally, "entities", label, "role", values_equal(item["role"], pred.role),
                         item["role"], pred.role)
        if item.get("affiliation"):
            details.attr(tally, "entities", label, "affiliation",
                         any_name(item["affiliation"], [pred.affiliation]), item["affiliation"], pred.affiliation)
    _record_missed(details, "entities", items, missed)
    _record_extras(details, "entities", preds, extra)


def _speaker_names(quote, entities_by_id) -> list[str]:
    names = [quote.speaker, quote.speaker_text]
    entity = entities_by_id.get(quote.speaker_id) if quote.speaker_id else None
    if entity is not None:
        names += [entity.name, *entity.aliases]
    return [n for n in names if n and not is_pronoun(n)]


def _score_quotes(items, result, text, folded, tally, details, scope) -> None:
    preds = list(result.quotes)
    pred_spans = [_rec_span(text, q) for q in preds]
    locs = _locate(items, folded, "quotes", details)
    optional = [bool(i.get("optional")) for i in items]
    by_id = {e.id: e for e in result.entities}
    pairs = _span_pairs(locs, pred_spans, QUOTE_THRESHOLD)
    missed, extra = _count(tally, len(items), optional, pairs, len(preds))
    tally.strict = Tally()
    _count(tally.strict, len(items), optional, _span_pairs(locs, pred_spans, QUOTE_STRICT), len(preds))
    for g, p, _ in pairs:
        item, pred = items[g], preds[p]
        label = _gold_label(item)
        if "speaker" in item:
            gold_speaker = item["speaker"]
            ok = (pred.speaker is None) if gold_speaker is None else any_name(
                gold_speaker, _speaker_names(pred, by_id))
            details.attr(tally, "quotes", label, "speaker", ok, gold_speaker, pred.speaker)
        if "kind" in item:
            details.attr(tally, "quotes", label, "kind", values_equal(item["kind"], pred.kind), item["kind"],
                         pred.kind)
        if "cue" in item:
            ok = values_equal(item["cue"], pred.cue) or (
                item["cue"] is not None and pred.cue is not None and
                any(values_equal(c, pred.cue) for c in _as_list(item["cue"])))
            details.attr(tally, "quotes", label, "cue", ok, item["cue"], pred.cue)
        tally.attr("exact_span", _exact(locs[g], pred_spans[p]))
    _record_missed(details, "quotes", items, missed)
    _record_extras(details, "quotes", preds, extra)


def _score_figures(items, result, text, folded, tally, details, scope) -> None:
    preds = list(result.figures)
    pred_spans = [_rec_span(text, f) for f in preds]
    locs = _locate(items, folded, "figures", details)
    pairs = _span_pairs(locs, pred_spans, 0.0)
    missed, extra = _count(tally, len(items), [bool(i.get("optional")) for i in items], pairs, len(preds))
    for g, p, _ in pairs:
        item, pred = items[g], preds[p]
        label = _gold_label(item)
        for name in ("value", "unit", "per", "qualifier"):
            expected, got = item.get(name), getattr(pred, name)
            details.attr(tally, "figures", label, name, values_equal(expected, got), expected, got)
        for name in ("kind", "low", "high", "currency"):
            if name in item:
                expected, got = item[name], getattr(pred, name)
                details.attr(tally, "figures", label, name, values_equal(expected, got), expected, got)
        tally.attr("exact_span", _exact(locs[g], pred_spans[p]))
    _record_missed(details, "figures", items, missed)
    _record_extras(details, "figures", preds, extra)


def _score_dates(items, result, text, folded, tally, details, scope) -> None:
    preds = list(result.dates)
    pred_spans = [_rec_span(text, d) for d in preds]
    locs = _locate(items, folded, "dates", details)
    pairs = _span_pairs(locs, pred_spans, 0.0)
    missed, extra = _count(tally, len(items), [bool(i.get("optional")) for i in items], pairs, len(preds))
    for g, p, _ in pairs:
        item, pred = items[g], preds[p]
        label = _gold_label(item)
        if "value" in item:
            details.attr(tally, "dates", label, "value", item["value"] == pred.value, item["value"], pred.value)
        for name in ("type", "mod"):
            if name in item:
                expected, got = item[name], getattr(pred, name)
                details.attr(tally, "dates", label, name, values_equal(expected, got), expected, got)
        tally.attr("exact_span", _exact(locs[g], pred_spans[p]))
    _record_missed(details, "dates", items, missed)
    _record_extras(details, "dates", preds, extra)


def _predicate_ok(gold, pred: str | None) -> bool:
    if not pred:
        return False
    pred_words = set(fold(pred).split())
    for option in _as_list(gold):
        key = fold(str(option))
        if key == fold(pred) or (" " not in key and key in pred_words):
            return True
    return False


def _claim_fields(item: dict, pred) -> dict[str, bool]:
    """Agreement of every field the gold claim gives."""
    out = {}
    if "subject" in item:
        out["subject"] = any_name(item["subject"], [pred.subject])
    if "object" in item:
        out["object"] = any_name(item["object"], [pred.object]) or values_equal(item["object"], pred.object)
    if "value" in item:
        out["value"] = values_equal(item["value"], pred.value)
    if "date" in item:
        out["date"] = item["date"] == pred.date
    if "source" in item:
        out["source"] = any_name(item["source"], [pred.source])
    if "predicate" in item:
        out["predicate"] = _predicate_ok(item["predicate"], pred.predicate)
    for name in ("unit", "per", "qualifier"):
        if name in item:
            out[name] = values_equal(item[name], getattr(pred, name))
    return out


def _claim_anchor(item: dict) -> str:
    return "value" if item.get("value") is not None else "object" if item.get("object") else "subject"


def _score_claims(items, result, text, folded, tally, details, scope) -> None:
    preds = list(result.claims)
    agreement = {}

    def score(g: int, p: int) -> float | None:
        item, pred = items[g], preds[p]
        if not values_equal(item.get("claim_type"), pred.claim_type):
            return None
        fields = _claim_fields(item, pred)
        if not fields.get(_claim_anchor(item)):
            return None
        agreement[g, p] = fields
        return float(sum(fields.values()))

    pairs = greedy_match(len(items), len(preds), score)
    types = set(_as_list(scope.get("claims"))) or {i.get("claim_type") for i in items}
    missed, extra = _count(tally, len(items), [bool(i.get("optional")) for i in items], pairs, len(preds),
                           ignore=lambda p: preds[p].claim_type not in types)
    for g, p, _ in pairs:
        item, pred = items[g], preds[p]
        anchor = _claim_anchor(item)
        for name, ok in agreement[g, p].items():
            if name != anchor:
                details.attr(tally, "claims", _gold_label(item), name, ok, item.get(name), getattr(pred, name))
    _record_missed(details, "claims", items, missed)
    _record_extras(details, "claims", preds, extra)


# -- MEANTIME ---------------------------------------------------------------------------------------

_DATELINE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%A, %B %d, %Y", "%Y-%m-%d", "%B %d %Y")


def parse_dateline(text: str | None) -> str | None:
    """A YYYY-MM-DD date from a MEANTIME-style dateline ("March 01, 2008"), or None."""
    if not text:
        return None
    clean = " ".join(text.replace(" ,", ",").split())
    for fmt in _DATELINE_FORMATS:
        try:
            return datetime.strptime(clean, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _score_spans(tally: Tally, gold: list[dict], gold_spans: list[SpanSet], preds: list[tuple[SpanSet, Any]],
                 unscored: list[SpanSet], attrs: Callable[[dict, Any], dict[str, bool]] | None = None) -> None:
    pairs = _span_pairs([[s] for s in gold_spans], [p[0] for p in preds], 0.0)

    def ignore(p: int) -> bool:
        return any(span_overlap(u, preds[p][0]) > 0 for u in unscored)

    _count(tally, len(gold), [False] * len(gold), pairs, len(preds), ignore)
    for g, p, _ in pairs:
        tally.attr("exact_span", gold_spans[g] == preds[p][0])
        if attrs:
            for name, ok in attrs(gold[g], preds[p][1]).items():
                tally.attr(name, ok)


def _trimmed(text: str, start: int, end: int) -> SpanSet:
    s, e = trim_span(text, start, end)
    return ((s, e),) if e > s else ()


def score_meantime(item: dict, result: Result, doc=None, sections: Sequence[str] | None = None,
                   ) -> dict[str, Tally]:
    """Score one MEANTIME document (entities, dates, figures inside ``gold_scope_end``)."""
    text = result.text
    end = int(item.get("gold_scope_end") or len(text))
    want = set(sections or FACTX_SECTIONS)
    out: dict[str, Tally] = {}
    ents = [e for e in item.get("entities") or [] if e.get("start") is not None and e["start"] < end]
    timexes = [t for t in item.get("timexes") or [] if t.get("start") is not None and t["start"] < end]
    values = [v for v in item.get("values") or [] if v.get("start") is not None and v["start"] < end]
    spacy_ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents] if doc is not None else None

    if "entities" in want:
        gold = [e for e in ents if e.get("syntactic_type") == "NAM" and e.get("label") in ("PER", "ORG", "LOC")]
        gold_spans = [_trimmed(text, e["start"], e["end"]) for e in gold]
        # names the gold annotates otherwise (another label, or a name used as a modifier)
        unscored = [_trimmed(text, e["start"], e["end"]) for e in ents
                    if e not in gold and e.get("syntactic_type") in ("NAM", "PRE.NAM")]

        def label_ok(g: dict, label: str) -> dict[str, bool]:
            return {"label": g["label"] == label}

        after = []
        for entity in result.entities:
            label = MEANTIME_LABELS.get(entity.label)
            if label is None:
                continue
            for m in entity.mentions:
                if m.start < end and not is_pronoun(m.text):
                    span = _trimmed(text, m.start, m.end)
                    if span:
                        after.append((span, label))
        after.sort(key=lambda t: t[0])
        out["entities"] = Tally()
        _score_spans(out["entities"], gold, gold_spans, after, unscored, label_ok)
        if spacy_ents is not None:
            before = [(_trimmed(text, s, e), MEANTIME_LABELS[l]) for s, e, l in spacy_ents
                      if l in MEANTIME_LABELS and s < end]
            out["entities_spacy"] = Tally()
            _score_spans(out["entities_spacy"], gold, gold_spans, [b for b in before if b[0]], unscored, label_ok)

    if "dates" in want:
        gold_spans = [_trimmed(text, t["start"], t["end"]) for t in timexes]
        preds = [(_trimmed(text, d.start, d.end), d) for d in result.dates if d.start < end]
        out["dates"] = Tally()
        _score_spans(out["dates"], timexes, gold_spans, [p for p in preds if p[0]], [],
                     lambda g, d: {"value": g.get("value") == d.value})
        if spacy_ents is not None:
            base = [(_trimmed(text, s, e), l) for s, e, l in spacy_ents if l in SPACY_DATE_LABELS and s < end]
            out["dates_spacy"] = Tally()
            _score_spans(out["dates_spacy"], timexes, gold_spans, [b for b in base if b[0]], [])

    if "figures" in want:
        gold_spans = [_trimmed(text, v["start"], v["end"]) for v in values]
        timex_spans = [_trimmed(text, t["start"], t["end"]) for t in timexes]
        preds = [(_trimmed(text, f.start, f.end), f) for f in result.figures if f.start < end]
        out["figures"] = Tally()
        _score_spans(out["figures"], values, gold_spans, [p for p in preds if p[0]], timex_spans)
        if spacy_ents is not None:
            base = [(_trimmed(text, s, e), l) for s, e, l in spacy_ents if l in SPACY_FIGURE_LABELS and s < end]
            out["figures_spacy"] = Tally()
            _score_spans(out["figures_spacy"], values, gold_spans, [b for b in base if b[0]], timex_spans)
    return out


# -- PolNeAR ---------------------------------------------------------------------------------------

def score_polnear(item: dict, result: Result) -> dict[str, Tally]:
    """Score one PolNeAR article's attributions against factx quotes (content-span overlap)."""
    text = result.text
    gold = [q for q in item.get("quotes") or [] if q.get("content_spans")]
    gold_spans = []
    for q in gold:
        spans = tuple(sorted(s for s in (trim_span(text, int(c["start"]), int(c["end"]))
                                         for c in q["content_spans"]) if s[1] > s[0]))
        gold_spans.append([spans])
    preds = list(result.quotes)
    pred_spans = [_rec_span(text, q) for q in preds]
    by_id = {e.id: e for e in result.entities}
    tally, pairs = _quote_tally(gold_spans, pred_spans)
    for g, p, _ in pairs:
        q, pred = gold[g], preds[p]
        tally.attr("exact_span", _exact(gold_spans[g], pred_spans[p]))
        speaker = q.get("speaker")
        if speaker and not q.get("speaker_is_pronoun") and not is_pronoun(speaker):
            ok = any_name(speaker, _speaker_names(pred, by_id))
            if not ok and pred.speaker_start is not None and pred.speaker_end is not None:
                ok = any(span_overlap(((s["start"], s["end"]),), ((pred.speaker_start, pred.speaker_end),)) > 0
                         for s in q.get("speaker_spans") or [])
            tally.attr("speaker_named", ok)
    group_spans = [tuple(sorted(iv for i in group for iv in pred_spans[i])) for group in quote_groups(preds)]
    joined, _ = _quote_tally(gold_spans, group_spans)
    return {"quotes": tally, "quotes_joined": joined,
            "quotes_speech": _score_speech(gold, gold_spans, pred_spans),
            "quotes_speech_joined": _score_speech(gold, gold_spans, group_spans)}


def _quote_tally(gold_spans: list, pred_spans: list) -> tuple[Tally, list]:
    """Counts at the quote threshold, with the strict threshold's beside them; the matched pairs."""
    tally, tally.strict = Tally(), Tally()
    pairs = _span_pairs(gold_spans, pred_spans, QUOTE_THRESHOLD)
    _count(tally, len(gold_spans), [False] * len(gold_spans), pairs, len(pred_spans))
    _count(tally.strict, len(gold_spans), [False] * len(gold_spans),
           _span_pairs(gold_spans, pred_spans, QUOTE_STRICT), len(pred_spans))
    return tally, pairs


def quote_groups(quotes: Sequence) -> list[list[int]]:
    """Indexes of ``quotes`` grouped into attributions: a direct or partial quote joins the group of
    the quote just before it in the text when both are direct or partial, the speakers are the same,
    and it shares that quote's cue mention or has no cue (a piece carrying on the quote before)."""
    order = sorted(range(len(quotes)), key=lambda i: (quotes[i].start, quotes[i].end))
    groups: list[list[int]] = []
    prev = None
    for i in order:
        q = quotes[i]
        if prev is not None and _continues(quotes[prev], q):
            groups[-1].append(i)
        else:
            groups.append([i])
        prev = i
    return groups


def _continues(before, after) -> bool:
    if before.kind == "indirect" or after.kind == "indirect":
        return False
    same = (before.speaker_id is not None and before.speaker_id == after.speaker_id) or (
        before.speaker is not None and before.speaker == after.speaker)
    if not same:
        return False
    return after.cue is None or (after.cue_start is not None and after.cue_start == before.cue_start)


_IRREGULAR_CUES = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "spoke": "speak",
                   "spoken": "speak", "written": "write"}


def _speech_cue(cue: str | None) -> bool:
    """A cue that is "according to" or a reporting verb of factx's lexicon, in any inflection."""
    if not cue:
        return False
    words = re.findall(r"[a-z]+", cue.lower())
    if words[:2] == ["according", "to"]:
        return True
    verbs = _reporting_lemmas()
    for word in words:
        forms = {word, _IRREGULAR_CUES.get(word, word), word[:-1], word[:-2], word[:-3], word[:-3] + "e"}
        if forms & verbs:
            return True
    return False


def _reporting_lemmas() -> set[str]:
    from importlib import resources

    global _REPORTING
    if _REPORTING is None:
        data = json.loads(resources.files("factx").joinpath("data/quotes.json").read_text(encoding="utf-8"))
        _REPORTING = set(data["reporting_verbs"])
    return _REPORTING


_REPORTING: set[str] | None = None


def _score_speech(gold: list, gold_spans: list, pred_spans: list) -> Tally:
    """PolNeAR restricted to speech: direct or mixed quotes, and attributions whose cue is a reporting
    verb or "according to". Predictions that match only a non-speech attribution are ignored."""
    keep = [g for g, q in enumerate(gold) if q.get("type") != "indirect" or _speech_cue(q.get("cue"))]
    other = [g for g in range(len(gold)) if g not in set(keep)]
    sub_spans = [gold_spans[g] for g in keep]
    pairs = _span_pairs(sub_spans, pred_spans, QUOTE_THRESHOLD)
    elsewhere = {p for _, p, _ in _span_pairs([gold_spans[g] for g in other], pred_spans, QUOTE_THRESHOLD)}
    tally = Tally()
    _count(tally, len(keep), [False] * len(keep), pairs, len(pred_spans), ignore=lambda p: p in elsewhere)
    return tally


# -- corpora ---------------------------------------------------------------------------------------

def _jsonl_kind(path: Path) -> str:
    name = path.name.lower()
    if name.startswith("meantime"):
        return "meantime"
    if name.startswith("polnear"):
        return "polnear"
    try:
        with path.open(encoding="utf-8") as fh:
            first = json.loads(fh.readline() or "{}")
    except (OSError, json.JSONDecodeError) as err:
        raise UsageError(f"{path}: cannot read ({err})") from None
    if "gold_scope_end" in first:
        return "meantime"
    if "quotes" in first and "publication_date" in first:
        return "polnear"
    raise UsageError(f"{path}: not a MEANTIME or PolNeAR JSON Lines file (expected gold_scope_end, or "
                     f"publication_date and quotes, in each line)")


def _is_gold(data: Any) -> bool:
    return isinstance(data, dict) and "doc" in data and any(k in data for k in FACTX_SECTIONS)


def classify(paths: Iterable[str]) -> dict[str, list[Path]]:
    """Group the given paths into corpora: ``{"gold": [...json], "meantime": [...], "polnear": [...]}``."""
    groups: dict[str, list[Path]] = {"gold": [], "meantime": [], "polnear": []}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*.json") if not any(x.startswith(".") for x in p.parts))
            gold = [p for p in files if _is_gold(_load_json(p, strict=False))]
            if not gold:
                raise UsageError(f"{raw}: no factx gold files (*.json with \"doc\" and sections) in this folder")
            groups["gold"].extend(gold)
        elif path.is_file():
            if path.suffix.lower() in (".jsonl", ".ndjson"):
                groups[_jsonl_kind(path)].append(path)
            else:
                groups["gold"].append(path)
        else:
            raise UsageError(f"{raw}: no such file or folder")
    return {k: v for k, v in groups.items() if v}


def _load_json(path: Path, strict: bool = True):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as err:
        if strict:
            raise UsageError(f"{path}: not a readable gold JSON file ({err})") from None
        return None


def find_article_text(gold: dict, gold_path: Path) -> tuple[str, str]:
    """The article a factx gold file describes: ``(text, path)``. See the module docstring."""
    if isinstance(gold.get("text"), str):
        return gold["text"], str(gold_path)
    folder = gold_path.resolve().parent
    candidates = []
    if gold.get("text_path"):
        candidates.append(folder / gold["text_path"])
    doc = str(gold.get("doc") or "")
    if doc:
        candidates += [folder / doc, folder.parent / "seeds" / doc, folder.parent.parent / "seeds" / doc,
                       Path.cwd() / "seeds" / doc]
    for candidate in candidates:
        if candidate.is_file():
            from .io import decode
            return decode(candidate.read_bytes(), str(candidate)), str(candidate)
    looked = ", ".join(str(c) for c in candidates) or "(no doc or text_path key)"
    raise InputError(str(gold_path), f"cannot find the article {doc!r}; looked in {looked}")


def _articles_gold(files: list[Path], limit: int | None, problems: list[str]):
    from .io import make_article

    count = 0
    for path in files:
        if limit is not None and count >= limit:
            return
        gold = _load_json(path)
        if not _is_gold(gold):
            problems.append(f"{path}: not a factx gold file (needs \"doc\" and a section)")
            continue
        try:
            text, text_path = find_article_text(gold, path)
            article = make_article(text, str(gold.get("doc") or path.stem), path=text_path,
                                   published=gold.get("published"))
        except InputError as err:
            problems.append(str(err))
            continue
        count += 1
        yield article, gold


def _articles_jsonl(files: list[Path], kind: str, limit: int | None, problems: list[str]):
    from .io import Article

    count = 0
    for path in files:
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if limit is not None and count >= limit:
                    return
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                except json.JSONDecodeError as err:
                    problems.append(f"{path}:{number}: not valid JSON ({err.msg})")
                    continue
                if kind == "meantime":
                    published = (item.get("dct") or {}).get("value") or parse_dateline(item.get("dateline"))
                else:
                    published = item.get("publication_date")
                published = published[:10] if published and re.match(r"\d{4}-\d{2}-\d{2}", published) else None
                # Article built directly: offsets in these files index the raw text, unchanged.
                count += 1
                yield Article(id=str(item.get("id") or f"{path.stem}:{number}"), text=item.get("text") or "",
                              path=str(path), title=item.get("title"), published=published), item


def _run(pairs, model: str | None):
    """Parse and extract each article once: yields ``(article, gold, doc, result_or_error)``."""
    from . import nlp as nlp_mod
    from .pipeline import analyse

    nlp = nlp_mod.load(model)
    label = nlp_mod.model_label(nlp)
    queue: list = []

    def texts():
        for article, gold in pairs:
            queue.append((article, gold))
            yield article.text

    for doc in nlp_mod.parse_many(nlp, texts(), batch_size=16):
        article, gold = queue.pop(0)
        try:
            result = analyse(doc, article, label)
        except Exception as err:  # an extractor bug must not stop the evaluation: it is reported
            result = err
        yield article, gold, doc, result


def evaluate(paths: list[str], *, model: str | None = None, sections: list[str] | None = None,
             limit: int | None = None) -> dict:
    """Run factx on every gold document under ``paths`` and score it (see the module docstring).

    ``model`` is the spaCy pipeline (default as for extraction), ``sections`` limits the scoring to some
    of entities/quotes/figures/dates/claims, ``limit`` reads at most that many documents per corpus.

    Returns a JSON-ready report: ``{"model", "matching", "corpora": {name: {"kind", "files", "docs",
    "seconds", "sections": {section: {"gold", "optional", "predicted", "tp", "fp", "fn", "ignored",
    "precision", "recall", "f1", "attributes": {...}, "strict"?}}, "problems", ...}}}``.
    """
    from . import nlp as nlp_mod

    if sections:
        unknown = [s for s in sections if s not in FACTX_SECTIONS]
        if unknown:
            raise UsageError(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(FACTX_SECTIONS)}")
    if limit is not None and limit < 1:
        raise UsageError("--limit must be at least 1")
    groups = classify(paths)
    nlp = nlp_mod.load(model)
    report: dict[str, Any] = {
        "model": nlp_mod.model_label(nlp),
        "matching": {"quote_overlap": QUOTE_THRESHOLD, "quote_overlap_strict": QUOTE_STRICT,
                     "overlap": "|gold ∩ pred| / max(|gold|, |pred|)", "value_tolerance": VALUE_TOLERANCE},
        "corpora": {},
    }
    for kind, files in groups.items():
        started = time.perf_counter()
        problems: list[str] = []
        tallies: dict[str, Tally] = {}
        docs = 0
        doc_details: list[Details] = []
        source = (_articles_gold(files, limit, problems) if kind == "gold"
                  else _articles_jsonl(files, kind, limit, problems))
        failures: dict[str, list[str]] = {}
        for article, gold, doc, result in _run(source, model):
            docs += 1
            if isinstance(result, Exception):
                failures.setdefault(f"{type(result).__name__}: {result}", []).append(article.id)
                result = Result(doc=_empty_info(article), text=article.text)
            if kind == "gold":
                details = Details(article.id)
                found = score_document(gold, result, sections, details)
                doc_details.append(details)
                problems.extend(details.problems)
            elif kind == "meantime":
                found = score_meantime(gold, result, doc, sections)
            else:
                found = score_polnear(gold, result) if not sections or "quotes" in sections else {}
            for name, tally in found.items():
                tallies.setdefault(name, Tally()).merge(tally)
        for message, ids in failures.items():
            shown = ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
            problems.append(f"extraction failed on {len(ids)} document(s) ({shown}): {message}")
        corpus: dict[str, Any] = {
            "kind": {"gold": "factx"}.get(kind, kind),
            "files": [str(f) for f in files],
            "docs": docs,
            "seconds": round(time.perf_counter() - started, 2),
            "sections": {name: tallies[name].to_dict() for name in _ordered(tallies)},
            "problems": problems,
        }
        if kind == "gold":
            for key in ("missed", "wrong", "extra"):
                corpus[key] = [x for d in doc_details for x in getattr(d, key)][:MAX_DETAILS]
        report["corpora"][{"gold": "gold"}.get(kind, kind)] = corpus
    return report


def _ordered(tallies: dict[str, Tally]) -> list[str]:
    order = ["entities", "entities_spacy", "quotes", "figures", "figures_spacy", "dates", "dates_spacy", "claims"]
    return [n for n in order if n in tallies] + sorted(n for n in tallies if n not in order)


def _empty_info(article):
    from .records import DocInfo

    return DocInfo(id=article.id, path=article.path, title=article.title, published=article.published,
                   sha256=article.sha256, model="")


# -- printing --------------------------------------------------------------------------------------

def _pct(x) -> str:
    return "   -" if x is None else f"{100 * x:5.1f}"


def format_report(report: dict) -> str:
    """The report as plain-text tables: one per corpus, one row per section, attributes below."""
    lines = [f"factx evaluation  model {report.get('model')}"]
    for name, corpus in report.get("corpora", {}).items():
        lines.append("")
        lines.append(f"{name} ({corpus.get('kind')}): {corpus.get('docs')} documents, {corpus.get('seconds')} s")
        header = (f"  {'section':<21}{'gold':>6}{'opt':>5}{'pred':>6}{'tp':>6}{'fp':>6}{'fn':>6}{'ign':>6}"
                  f"{'P':>7}{'R':>7}{'F1':>7}")
        lines.append(header)
        lines.append("  " + "-" * (len(header) - 2))
        for section, s in corpus.get("sections", {}).items():
            lines.append(f"  {section:<21}{s['gold']:>6}{s['optional']:>5}{s['predicted']:>6}{s['tp']:>6}"
                         f"{s['fp']:>6}{s['fn']:>6}{s['ignored']:>6} {_pct(s['precision'])} {_pct(s['recall'])} "
                         f"{_pct(s['f1'])}")
            strict = s.get("strict")
            if strict:
                label = f"  @{strict['threshold']}"
                lines.append(f"  {label:<21}{'':>6}{'':>5}{'':>6}{strict['tp']:>6}{strict['fp']:>6}{strict['fn']:>6}"
                             f"{'':>6} {_pct(strict['precision'])} {_pct(strict['recall'])} {_pct(strict['f1'])}")
            attrs = [f"{a} {_pct(v['accuracy']).strip()}% ({v['correct']}/{v['total']})"
                     for a, v in s.get("attributes", {}).items()]
            if attrs:
                lines.append(f"  {'':<21}accuracy: " + ", ".join(attrs))
        for key, title in (("missed", "missed"), ("wrong", "wrong attribute"), ("extra", "not in gold")):
            items = corpus.get(key) or []
            if items:
                lines.append(f"  {title} ({len(items)}):")
                for x in items[:40]:
                    if key == "wrong":
                        lines.append(f"    {x['section']}: {x['gold']!r} {x['attribute']}: "
                                     f"expected {x['expected']!r}, got {x['got']!r}")
                    else:
                        lines.append(f"    {x['section']}: {x.get('gold') or x.get('predicted')!r}")
                if len(items) > 40:
                    lines.append(f"    ... {len(items) - 40} more (see --format json)")
        for problem in corpus.get("problems", [])[:20]:
            lines.append(f"  ! {problem}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m factx.evaluate PATH... [--format json]``: the same as ``factx eval``."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m factx.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--model")
    parser.add_argument("--sections", help="comma-separated: " + ",".join(FACTX_SECTIONS))
    parser.add_argument("--limit", type=int)
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args(argv)
    try:
        report = evaluate(args.paths, model=args.model, limit=args.limit,
                          sections=[s.strip() for s in args.sections.split(",")] if args.sections else None)
    except (UsageError, InputError) as err:
        print(f"error: {err}", file=sys.stderr)
        return int(err.exit_status)
    try:
        print(json.dumps(report, indent=2, ensure_ascii=False) if args.format == "json" else format_report(report))
    except BrokenPipeError:  # `... | head`
        sys.stdout = None
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
