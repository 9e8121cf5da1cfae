"""Claims: typed, attributable statements built over the dependency parse from the other extractors' records.

Four rules, each named in ``Claim.rule``:

- ``role_title`` / ``role_appos``: a person's role from the entity record ("Prime Minister Mark Carney")
  or from an appositive ("Jane Doe, chief executive of Acme"). A role is a relation: it is emitted only
  with the organisation or place it is held at, and only where the title is written next to the name;
  a past title ("former", "ex-", "the then", "once") is kept as "former <title>".
- ``quote``: one claim per quote (speaker, cue, quoted text).
- ``quantity``: a figure tied to the verb that governs it, that verb's subject entity, and an object entity.
- ``event``: an entity doing something (finite verb) at a resolved date or at a place.

Claims the text reports rather than asserts carry ``source`` (innermost reporter), ``via`` (the next one
out) and ``hedge`` (the cue word or modal); negation and modality are flagged, never dropped. Everything is
linked by character offsets, so a claim can always be traced to its sentence and records.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from pathlib import Path

from .linking import EntityIndex, norm
from .nlp import doc_text, head_indices, token_starts, tokens
from .records import Claim

DATA = Path(__file__).resolve().parent / "data" / "claims.json"
_PARA = re.compile(r"\n[ \t\r]*\n")
_RESOLVED_DATE = re.compile(r"^\d{4}")
_VERBISH = ("VERB", "AUX")
_NOMINAL = ("NOUN", "PROPN", "NUM", "PRON", "SYM", "X")
_SUBJ = ("nsubj", "nsubjpass", "csubj")
_FIG_DIRECT = ("dobj", "attr", "oprd", "npadvmod", "dative", "acomp", "advmod", "nsubj", "nsubjpass", "quantmod")
_CONTENT_DEPS = ("ccomp", "parataxis")
_QUOTE_MARKS = "\"'“”‘’«»"
_MAX_CLIMB = 5
_CONVERSION = re.compile(r"\d[^()]*\(\s*(?:[^()]*;\s*)?$|\(\s*(?:about|around|approximately|roughly|some)?\s*$")
_TIME_REFERENCE = re.compile(r"\b(last|past|next|previous|coming|first|final|opening|latest)\s*$", re.I)
_CONTRAST = re.compile(r"\b(rather than|instead of|not)\s*$", re.I)
_EX_PREFIX = re.compile(r"\bex-", re.I)
_EX_WORD = re.compile(r"^ex-\s*", re.I)
_OF_TAIL = re.compile(r"\b(?:of|at|for)\s+(?:the\s+)?\S")
_OF_LINK = re.compile(r"\s+(?:of|at|for)\s+(?:the\s+)?$", re.I)
_APPOS_START = re.compile(r"\s*,\s+(?:(?:a|an|the|its|his|her|their)\s+)?")


@lru_cache(maxsize=1)
def rules() -> dict:
    """The word lists of data/claims.json, lists turned into frozensets."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    return {k: frozenset(v) if isinstance(v, list) and k != "type_order" else v for k, v in raw.items()}


@lru_cache(maxsize=1)
def _name_prefix():
    """Honorifics between a title and a name ("chairman Dr Geoffrey Guy"), trailing spaces included."""
    words = "|".join(sorted((re.escape(w) for w in rules()["name_prefixes"]), key=len, reverse=True))
    return re.compile(rf"(?:\s+(?:{words})\.?)*\s+$")


def build_claims(doc, entities, quotes, figures, dates) -> list[Claim]:
    """All claims of one document, sorted by evidence start then type, with ids c1, c2..."""
    try:
        ctx = _Context(doc, entities or [], quotes or [], figures or [], dates or [])
    except Exception:  # a broken parse must not sink the whole extraction
        return []
    drafts: list[dict] = []
    for rule in (_role_claims, _quote_claims, _quantity_claims, _event_claims):
        try:
            drafts.extend(rule(ctx))
        except Exception:
            continue
    return _finish(drafts)


class _Context:
    """Per-document indexes: token → entity/date/figure, sentence bounds, pronoun antecedents."""

    def __init__(self, doc, entities, quotes, figures, dates):
        self.doc = doc
        self.text = doc_text(doc)
        self.R = rules()
        self.entities = list(entities)
        self.index = EntityIndex(self.entities)
        self.quotes = sorted(quotes, key=lambda q: (q.start, q.end))
        self.figures = list(figures)
        self.dates = list(dates)
        n = len(doc)
        self.tok_starts = token_starts(doc)
        self.tok_ends = [t.idx + len(t.text) for t in tokens(doc)]
        self.tok_ent: list = [None] * n
        for entity in self.entities:
            for m in entity.mentions:
                for t in self._tokens(m.start, m.end):
                    if self.tok_ent[t] is None:
                        self.tok_ent[t] = entity
        self.tok_date: list = [None] * n
        for date in self.dates:
            if date.value and _RESOLVED_DATE.match(date.value) and date.type not in ("DURATION", "SET"):
                for t in self._tokens(date.start, date.end):
                    self.tok_date[t] = date
        self.tok_fig: list = [None] * n
        for fig in self.figures:
            for t in self._tokens(fig.start, fig.end):
                self.tok_fig[t] = fig
        self.para_starts = [0] + [m.end() for m in _PARA.finditer(self.text)]
        self.tok_para = [bisect_right(self.para_starts, start) - 1 for start in self.tok_starts]
        self.sents = [(s.start, s.end) for s in doc.sents] if n else []
        self.sent_starts = [s for s, _ in self.sents]
        self.quantity_drafts: list[dict] = []
        self._memo: dict[int, object] = {}
        self.gender = self._genders()
        self.by_cue = {q.cue_start: q for q in self.quotes if q.cue_start is not None}

    def _genders(self) -> dict[str, str]:
        """Gender of people written with an honorific ("Mr Smith"); unknown otherwise."""
        out: dict[str, str] = {}
        honorifics = self.R["honorific_gender"]
        for entity in self.entities:
            if entity.label != "PERSON":
                continue
            for m in entity.mentions:
                before = self.text[max(0, m.start - 6):m.start].split()
                words = [w.lower().rstrip(".") for w in before[-1:] + m.text.split()[:1]]
                found = next((honorifics[w] for w in words if w in honorifics), None)
                if found:
                    out[entity.id] = found
                    break
        return out

    def _tokens(self, start: int, end: int) -> range:
        if start is None or end is None or end <= start or not self.tok_starts:
            return range(0)
        # the tokens that overlap [start, end), as char_span(..., alignment_mode="expand") gives them
        i = max(bisect_right(self.tok_starts, start) - 1, 0)
        if self.tok_ends[i] <= start:
            i += 1
        j = bisect_left(self.tok_starts, end)
        return range(i, j) if j > i else range(0)

    def near(self, a, b) -> bool:
        """Both tokens in one paragraph: the parser sometimes runs a headline into the first sentence."""
        return self.tok_para[a.i] == self.tok_para[b.i]

    def para_of(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1

    def span(self, start: int, end: int):
        r = self._tokens(start, end)
        return self.doc[r.start:r.stop] if len(r) else None

    # -- sentences ---------------------------------------------------------------------------------

    def sent_of(self, i: int) -> tuple[int, int]:
        k = bisect_right(self.sent_starts, i) - 1
        return self.sents[max(k, 0)]

    def evidence(self, first: int, last: int) -> tuple[int, int]:
        """Character bounds of the sentence(s) holding tokens ``first..last``, cut at paragraph breaks
        outside the anchor and stripped of spaces and orphan quote marks."""
        doc = self.doc
        s0, _ = self.sent_of(first)
        _, s1 = self.sent_of(last)
        start, end = doc[s0].idx, doc[s1 - 1].idx + len(doc[s1 - 1])
        a, b = doc[first].idx, doc[last].idx + len(doc[last])
        for m in _PARA.finditer(self.text, start, end):
            if m.end() <= a:
                start = m.end()
            elif m.start() >= b:
                end = m.start()
                break
        text = self.text
        for _ in range(3):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end - start > 1 and text[start] in _QUOTE_MARKS and text[start + 1].isspace() and start < a:
                start += 1
            elif end - start > 1 and text[end - 1] in _QUOTE_MARKS and text[end - 2].isspace() and end > b:
                end -= 1
            else:
                break
        return start, end

    # -- entities and pronouns ------------------------------------------------------------------------

    def entity(self, tok):
        """The entity a token names, resolving personal and relative pronouns. Returns (entity, resolved)."""
        found = self.tok_ent[tok.i]
        if found is not None:
            return found, False
        low = tok.lower_
        if low in self.R["relative_pronouns"] and tok.dep_ in _SUBJ + ("dobj",):
            clause = tok.head
            if clause.dep_ in ("relcl", "acl") and clause.head.i != clause.i:
                ent = self.tok_ent[clause.head.i]
                return ent, ent is not None
            return None, False
        if low in self.R["person_pronouns"] or low in self.R["thing_pronouns"]:
            return self._pronoun(tok, 0), True
        return None, False

    def _pronoun(self, tok, depth: int):
        if tok.i in self._memo:
            return self._memo[tok.i]
        low = tok.lower_
        if low in self.R["person_pronouns"]:
            labels, gender = ("PERSON",), self.R["pronoun_gender"].get(low)
        else:
            labels, gender = tuple(self.R["thing_labels"]), None
        self._memo[tok.i] = None
        found = self._antecedent(tok, labels, gender, depth)
        self._memo[tok.i] = found
        return found

    def _fits(self, ent, labels, gender) -> bool:
        return ent is not None and ent.label in labels and (gender is None or self.gender.get(ent.id) in (None, gender))

    def _antecedent(self, tok, labels: tuple[str, ...], gender, depth: int):
        """A subject earlier in the same sentence, else the subject of the previous sentence (itself
        possibly a pronoun), else the nearest earlier mention within two sentences; of a fitting label
        and never of the other gender (known from "Mr"/"Ms" before a mention)."""
        s0, _ = self.sent_of(tok.i)
        for i in range(tok.i - 1, s0 - 1, -1):
            t = self.doc[i]
            if t.dep_ not in ("nsubj", "nsubjpass") or self._same_clause_object(i, tok):
                continue
            ent = self.tok_ent[i]
            if self._fits(ent, labels, gender):
                return ent
            if ent is None and self._rival(t, tok):
                return None
        for i in range(tok.i - 1, s0 - 1, -1):
            ent = self.tok_ent[i]
            if self._fits(ent, labels, gender) and not self._same_clause_object(i, tok):
                return ent
        k = bisect_right(self.sent_starts, tok.i) - 1
        if "PERSON" not in labels and not (tok.dep_ == "nsubj" and tok.head.dep_ == "ROOT"):
            return None  # a cross-sentence "it" only as the subject of a main clause
        if k > 0 and depth < 3:
            p0, p1 = self.sents[k - 1]
            for i in range(p0, p1):
                t = self.doc[i]
                if t.dep_ not in ("nsubj", "nsubjpass") or not _is_verb(t.head) or t.head.dep_ not in ("ROOT", "conj"):
                    continue
                if t.lower_ in self.R["person_pronouns"] or t.lower_ in self.R["thing_pronouns"]:
                    ent = self._pronoun(t, depth + 1) if self._same_kind(t, tok) else None
                else:
                    ent = self.tok_ent[i] or self._attached(t)
                if self._fits(ent, labels, gender):
                    if "PERSON" in labels and self._reported_rival(t.head, ent, labels, gender):
                        return None  # "Peston said Blair had decided... He then changed": either man
                    return ent
                break
        if "PERSON" not in labels:
            return None  # "it" is too often a figure, a report or an event to guess further
        window_start = self.sents[max(k - 2, 0)][0] if self.sents else 0
        for i in range(tok.i - 1, window_start - 1, -1):
            ent = self.tok_ent[i]
            if self._fits(ent, labels, gender):
                return ent
        return None

    def _reported_rival(self, verb, ent, labels, gender) -> bool:
        """The antecedent is a reporter, and the report it gives names another fitting candidate."""
        if verb.lemma_.lower() not in self.R["reporting_verbs"]:
            return False
        for child in verb.children:
            if child.dep_ in _CONTENT_DEPS:
                for t in child.subtree:
                    other = self.tok_ent[t.i]
                    if other is not None and other is not ent and self._fits(other, labels, gender):
                        return True
        return False

    def _rival(self, noun, pronoun) -> bool:
        """A nearer subject that is a common noun the pronoun may mean instead: "the firm said it...",
        "the minister said he..." — then we do not guess."""
        if noun.pos_ == "PROPN":
            return True  # a name the entity layer missed
        if noun.pos_ != "NOUN":
            return False
        if pronoun.lower_ in self.R["thing_pronouns"]:
            return noun.tag_ == "NN"
        return noun.lemma_.lower() in self.R["role_nouns"] or noun.lemma_.lower() in self.R["person_nouns"]

    def _same_kind(self, a, b) -> bool:
        R = self.R
        if a.lower_ in R["thing_pronouns"] or b.lower_ in R["thing_pronouns"]:
            return a.lower_ in R["thing_pronouns"] and b.lower_ in R["thing_pronouns"]
        ga, gb = R["pronoun_gender"].get(a.lower_), R["pronoun_gender"].get(b.lower_)
        return ga == gb

    def _attached(self, noun):
        """An entity named inside a subject noun phrase: "Smith's trip", "the singer, Jane Doe"."""
        for child in noun.children:
            if child.dep_ in ("poss", "appos") and self.tok_ent[child.i] is not None:
                return self.tok_ent[child.i]
        return None

    def _same_clause_object(self, i: int, pronoun) -> bool:
        """A reflexive-like reading is impossible: "Smith praised him" — him is not Smith."""
        return pronoun.dep_ in ("dobj", "pobj", "dative") and self.doc[i].head.i == pronoun.head.i

    def noun_entity(self, noun, prep_words=None, modifiers=True):
        ent, pron, _ = self.noun_entity_how(noun, prep_words, modifiers)
        return ent, pron

    def noun_entity_how(self, noun, prep_words=None, modifiers=True):
        """The entity a noun phrase is about: the noun itself, else its possessor, compound or
        nationality adjective ("UK unemployment", not "the Ambani family"), else an "of/at"
        complement ("profits at Acme")."""
        ent, pron = self.entity(noun)
        if ent is not None:
            return ent, pron, "self"
        kids = [c for c in noun.children if self.near(c, noun)]
        for child in kids if modifiers else ():
            if child.dep_ == "appos" and self.tok_ent[child.i] is not None:
                return self.tok_ent[child.i], False, "self"  # "its parent company, Menatep Group"
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return None, False, None  # "Malaysia's budget airline, AirAsia": a name we do not know
        for child in kids if modifiers else ():
            if child.dep_ == "poss":
                ent, pron = self.entity(child)
                if ent is not None:
                    return ent, pron, "poss"
        preps = self.R["subject_preps"] if prep_words is None else prep_words
        for child in kids:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        ent, pron = self.entity(pobj)
                        if ent is not None:
                            return ent, pron, "prep"
        for child in kids if modifiers else ():
            if child.dep_ in ("compound", "amod", "nmod"):
                ent, pron = self.entity(child)
                if ent is not None and ent.label != "PERSON":
                    return ent, pron, "mod"
        return None, False, None

    def np_text(self, tok) -> str:
        """A noun phrase as written: the head, its left modifiers and "of/for/at" complements."""
        left = tok.left_edge.i
        right = tok.i
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "from", "in") and child.i == right + 1:
                right = child.right_edge.i
        span = self.doc[left:right + 1]
        return span.text.strip(" ,\"'“”‘’")

    def quote_at(self, char: int):
        """The innermost quote whose content span holds ``char``."""
        best = None
        for q in self.quotes:
            if q.start > char:
                break
            if q.start <= char < q.end and (best is None or q.end - q.start < best.end - best.start):
                best = q
        return best


# -- grammar helpers ---------------------------------------------------------------------------------


def _is_verb(tok) -> bool:
    return tok.pos_ in _VERBISH and tok.dep_ not in ("aux", "auxpass")


def _subject_token(verb, ctx=None):
    """The subject token of a verb, inherited through coordination, control and participles
    (never from another paragraph)."""
    found = _subject_any(verb)
    if found is not None and ctx is not None and not ctx.near(found, verb):
        return None
    return found


def _subject_any(verb):
    cur = verb
    for _ in range(_MAX_CLIMB):
        for child in cur.children:
            if child.dep_ in _SUBJ:
                return child
        if cur.dep_ in ("relcl", "acl") and cur.head.i != cur.i:
            return cur.head
        if cur.dep_ == "xcomp":
            controller = next((c for c in cur.head.children if c.dep_ == "dobj"), None)
            if controller is not None:
                return controller  # "sued Morgan Stanley to return €136m": the bank returns it
        if cur.dep_ in ("conj", "xcomp") or (cur.dep_ == "advcl" and cur.tag_ in ("VBG", "VBN")):
            cur = cur.head
            continue
        return None
    return None


def _agent(verb):
    """The "by" agent of a passive verb; a pronoun agent is too vague to name."""
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ != "PRON":
                    return pobj
    return None


def _finite(verb) -> bool:
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return True
    return verb.dep_ == "conj" and verb.head.i != verb.i and _is_verb(verb.head) and _finite(verb.head)


def _head_token(span):
    """The token of a span that governs the rest: nearest to the root, nouns and numbers first."""
    doc = span.doc
    heads, toks = head_indices(doc), tokens(doc)
    start, end = span.start, span.end
    best, best_key = None, None
    for i in range(start, end):
        h = heads[i]
        if start <= h < end and h != i:
            continue
        depth, cur = 0, i
        while heads[cur] != cur and depth < 50:
            cur, depth = heads[cur], depth + 1
        tok = toks[i]
        key = (depth, 0 if tok.pos_ in _NOMINAL else 1, i)
        if best_key is None or key < best_key:
            best, best_key = tok, key
    return best


class _Attribution:
    """Who reports a clause (source, via) and the word that hedges it."""

    __slots__ = ("source", "source_id", "via", "hedge", "hedged")

    def __init__(self):
        self.source = self.source_id = self.via = self.hedge = None
        self.hedged = False


def _attribution(ctx: _Context, verb, anchor_char: int) -> _Attribution:
    """Who reports the clause of ``verb``: reporting verbs whose complement holds it (innermost first),
    "according to", a trailing "..., officials said", then the quote whose span holds ``anchor_char``;
    and the modal or cue that hedges it."""
    R = ctx.R
    att = _Attribution()
    levels: list[tuple[str | None, str | None]] = []
    cue_text = None
    cue_lemma = None
    modal = None
    cur = verb
    para = ctx.para_of(verb.idx)
    in_clause = True
    for _ in range(40):
        if in_clause:
            for child in cur.children:
                if child.dep_ in ("aux", "advmod") and child.lower_ in R["hedge_words"]:
                    modal = modal or child.text
        if in_clause and cur.dep_ == "xcomp" and cur.head.lemma_.lower() in R["hedging_cues"]:
            modal = modal or cur.head.text  # "is expected to grow"
        reporters = []
        according = _according_to(ctx, cur)
        if according is not None:
            levels.append(according)
            cue_text = cue_text or "according to"
        for child in cur.children:
            if _trailing_reporter(ctx, cur, child):
                reporters.append(child)
        head = cur.head
        if head.i != cur.i and cur.dep_ in _CONTENT_DEPS and _reports(ctx, head):
            reporters.append(head)
        if head.i != cur.i and cur.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" \
                and head.lemma_.lower() in R["reporting_nouns"] and ctx.para_of(head.idx) == para:
            # "its claim that Howard was planning £35bn cuts": the claim's owner reports it
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            ent = ctx.entity(owner)[0] if owner is not None else None
            if ent is not None:
                levels.append((ent.name, ent.id))
            if cue_text is None:
                cue_text, cue_lemma = head.text, head.lemma_.lower()
            in_clause = False
        reporters = [r for r in reporters if ctx.para_of(r.idx) == para]
        for reporter in reporters:
            levels.append(_speaker(ctx, reporter))
            if cue_text is None:
                cue_text, cue_lemma = reporter.text, reporter.lemma_.lower()
        if reporters or according is not None or cur.dep_ not in ("xcomp", "conj"):
            in_clause = False
        if head.i == cur.i:
            break
        cur = head
    quote = ctx.quote_at(anchor_char)
    if quote is not None and quote.speaker:
        names = {norm(n) for n, _ in levels if n}
        if norm(quote.speaker) not in names:
            levels.append((quote.speaker, quote.speaker_id))
        if cue_text is None and quote.cue:
            cue_text, cue_lemma = quote.cue, quote.cue.lower()
            if quote.cue_start is not None and quote.cue_end is not None and quote.cue_end <= len(ctx.text):
                cue_text = ctx.text[quote.cue_start:quote.cue_end] or cue_text
    named = []
    for lv in levels:
        if lv[0] and (not named or norm(named[-1][0]) != norm(lv[0])):
            named.append(lv)
    levels = named
    if levels:
        att.source, att.source_id = levels[0]
        att.via = levels[1][0] if len(levels) > 1 else None
    if modal:
        att.hedge, att.hedged = modal, True
    elif cue_text:
        att.hedge = cue_text
        att.hedged = (cue_lemma or "") in R["hedging_cues"]
    return att


def _trailing_reporter(ctx: _Context, clause, child) -> bool:
    """"..., officials said": a reporting verb after the clause, with a subject and nothing it says
    besides the clause (no object, no subordinator such as "as" or "while")."""
    if child.dep_ not in ("parataxis", "advcl") or child.i < clause.i or not _reports(ctx, child):
        return False
    kids = list(child.children)
    return any(c.dep_ in _SUBJ for c in kids) and not any(
        c.dep_ in ("mark", "dobj", "ccomp", "xcomp") for c in kids)


def _reports(ctx: _Context, tok) -> bool:
    """A reporting verb: its complement is what its subject says, estimates, shows..."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in ctx.R["reporting_verbs"]


def _according_to(ctx: _Context, verb):
    """The source named by an "according to X" on the verb, as (name, entity id)."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ctx.R["according_to"]:
            for to in child.children:
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        ent, _ = ctx.noun_entity(pobj, prep_words=("of", "by", "from"))  # "the FCC figures"
                        return (ent.name, ent.id) if ent else (ctx.np_text(pobj), None)
    return None


def _speaker(ctx: _Context, reporter) -> tuple[str | None, str | None]:
    """The reporter's name: the quote module's speaker when it found this cue, else the subject entity,
    else the subject noun phrase as written."""
    quote = ctx.by_cue.get(reporter.idx)
    if quote is not None and quote.speaker and quote.speaker_id:
        return quote.speaker, quote.speaker_id
    subj = _subject_token(reporter, ctx)
    if subj is not None and subj.lower_ not in ("it", "there"):
        ent, _ = ctx.entity(subj)
        if ent is not None:
            return ent.name, ent.id
    if quote is not None and quote.speaker:
        return quote.speaker, quote.speaker_id
    if subj is None or subj.pos_ == "PRON" or subj.lower_ == "there":
        return None, None
    return ctx.np_text(subj) or None, None


def _negated(ctx: _Context, verb, *nouns) -> bool:
    """"did not pay", "never paid", "there will be no troops", "no money was paid"."""
    R = ctx.R
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "neg") and child.lower_ in R["negation_words"]):
            return True
    for noun in nouns:
        if noun is None:
            continue
        for child in noun.children:
            if child.dep_ == "det" and child.lower_ in R["negation_dets"]:
                return True
    for child in verb.children:
        if child.dep_ in ("attr", "dobj", "nsubj") and any(
                c.dep_ == "det" and c.lower_ in R["negation_dets"] for c in child.children):
            return True
    return False


def _draft(ctx: _Context, claim_type: str, rule: str, first: int, last: int, **fields) -> dict:
    """A claim's fields, its evidence being the sentence(s) around tokens ``first..last``."""
    start, end = ctx.evidence(first, last)
    base = dict(claim_type=claim_type, subject=None, predicate=None, object=None, value=None, unit=None,
                per=None, date=None, source=None, text=ctx.text[start:end], start=start, end=end, rule=rule,
                confidence=0.5)
    base.update(fields)
    base["_anchor"] = ctx.doc[first].idx
    return base


# -- role ---------------------------------------------------------------------------------------------


def _role_claims(ctx: _Context) -> list[dict]:
    """Roles as relations: a person holds a title at an organisation or place. A role with no such object
    ("actress Jane Doe", "the rapper's lawyer") is a description, not a checkable claim, so it is not
    emitted; a title written as past ("former", "ex-", "the then") is kept as "former <title>"."""
    out = []
    conf = ctx.R["confidence"]
    for entity in ctx.entities:
        if not entity.role or not entity.mentions or entity.label != "PERSON":
            continue
        role = entity.role.strip(" .,;:-–—'\"")
        if not any(ch.isalpha() for ch in role):
            continue
        found = None
        for m in entity.mentions:
            found = _title_role(ctx, entity, m, role) or _appos_title_role(ctx, entity, m, role)
            if found:
                break
        if not found:
            continue
        predicate, obj, former, first, last = found
        if obj is not None and getattr(obj, "label", None) == "PERSON":
            obj = _as_written(ctx, obj, first, last)
        if obj is None or obj is entity or norm(obj.name) in norm(entity.name):
            continue
        if _EX_WORD.match(predicate):
            predicate, former = _EX_WORD.sub("", predicate), True  # "Tory ex-minister"
        out.append(_draft(ctx, "role", "role_title", first, last,
                          subject=entity.name, subject_id=entity.id,
                          predicate=f"former {predicate}" if former else predicate,
                          object=obj.name, object_id=obj.id, confidence=conf["role_title"]))
    with_role = {e.id for e in ctx.entities if e.role}
    seen = set()
    for entity in ctx.entities:
        if entity.label != "PERSON" or entity.id in with_role:
            continue
        for m in entity.mentions:
            drafted = _appos_role(ctx, entity, m)
            if drafted and (entity.id, drafted["predicate"]) not in seen:
                seen.add((entity.id, drafted["predicate"]))
                out.append(drafted)
    return out


def _title_role(ctx: _Context, entity, mention, role):
    """"Canadian Prime Minister Mark Carney": the title must be written right before the name (honorifics
    aside). Leading title words that belong to another entity name its object ("LSE chief executive",
    "East Midlands MEP"); else the word before the title does ("Tory leader", "Peruvian ...", "Acme's"),
    unless it is the tail of a longer name the entity layer split ("Liberal Democrat leader")."""
    text = ctx.text
    lo = max(0, mention.start - 160)
    before = _name_prefix().sub("", text[lo:mention.start])
    obj = None
    if before.endswith(","):  # "IMF's managing director, Rodrigo Rato"; "the chairman of Acme, Jane Doe"
        before = before[:-1]
        obj, before = _of_complement(ctx, entity, lo, before, role)
    if not before.lower().endswith(role.lower()) or "\n" in before[-len(role) - 1:]:
        return None
    role_end = lo + len(before)
    role_start = role_end - len(role)
    if role_start > 0 and text[role_start - 1].isalnum():
        return None
    toks = ctx._tokens(role_start, role_end)
    if not len(toks):
        return None
    words = [ctx.doc[i] for i in toks]
    k = 0
    while obj is None and k < len(words) - 1:
        ent = ctx.tok_ent[words[k].i]
        if ent is None or ent is entity:
            break
        obj, k = ent, k + 1
    predicate = ctx.doc[words[k].i:words[-1].i + 1].text if k else role
    titles = ctx.R["role_nouns"] | ctx.R["title_modifiers"] | ctx.R["portfolio_words"]
    if any(w.text[:1].isupper() and not w.is_sent_start and w.lower_ not in titles for w in words[k:]):
        return None  # "East Midlands MEP" read as "Midlands MEP" of "East": a name cut in two
    prev = ctx.doc[words[0].i - 1] if words[0].i > 0 else None
    if prev is not None and prev.dep_ == "case" and prev.i > 0:
        prev = ctx.doc[prev.i - 1]
    if obj is None and prev is not None and ctx.near(prev, words[0]):
        ent = ctx.tok_ent[prev.i]
        if ent is not None and ent is not entity:
            first = prev
            while first.i > 0 and ctx.tok_ent[first.i - 1] is ent:
                first = ctx.doc[first.i - 1]
            obj = None if _glued(ctx, first) else ent
        elif ent is None and entity.affiliation and prev.text[:1].isupper() and not _glued(ctx, prev):
            obj = ctx.index.lookup(entity.affiliation)
            if obj is None and (prev.text == entity.affiliation or prev.pos_ == "ADJ"):
                obj = _Named(entity.affiliation)  # "Tory leader", "Peruvian minister": no entity record
    if obj is not None and ((norm(obj.name).split() or [""])[-1] in ctx.R["portfolio_words"]
                            or set(norm(obj.name).split()) & set(norm(predicate).split())):
        return None  # "Defence Secretary", "Solicitor General": the title itself, not who it serves
    if obj is not None and prev is not None and ctx.tok_ent[prev.i] is obj:
        prev = ctx.doc[prev.i - 1] if prev.i > 0 else None
        while prev is not None and prev.i > 0 and ctx.tok_ent[prev.i] is obj:
            prev = ctx.doc[prev.i - 1]
    elif obj is not None and k == 0 and prev is not None and prev.text[:1].isupper():
        prev = ctx.doc[prev.i - 1] if prev.i > 0 else None
    former = _former(ctx, prev, mention.start)
    return predicate, obj, former, words[0].i, ctx._tokens(mention.start, mention.end).stop - 1


class _Named:
    """An affiliation written in the text that no entity record names."""

    __slots__ = ("name", "id")

    def __init__(self, name: str):
        self.name, self.id = name, None


def _of_complement(ctx: _Context, entity, lo: int, before: str, role: str):
    """"the chairman of Acme," before a name: Acme is the object and the title ends before "of"."""
    m = _OF_TAIL.search(before[-80:] if len(before) > 80 else before)
    if m is None:
        return None, before
    end = lo + len(before)
    toks = ctx._tokens(end - 1, end)
    ent = ctx.tok_ent[toks.start] if len(toks) else None
    if ent is None or ent is entity:
        return None, before
    first = toks.start
    while first > 0 and ctx.tok_ent[first - 1] is ent:
        first -= 1
    head = ctx.text[lo:ctx.doc[first].idx]
    tail = _OF_LINK.search(head)
    if tail is None or not head[:tail.start()].lower().endswith(role.lower()):
        return None, before
    return ent, head[:tail.start()]


def _as_written(ctx: _Context, obj, first: int, last: int):
    """An employer the entity layer calls a person ("Kasabian's singer" linked to Linda Kasabian): the
    name as written there, unlinked; none when only a pronoun names it ("his spokesman")."""
    lo, hi = ctx.doc[first].idx - 80, ctx.doc[last].idx + 120
    found = next((m for m in obj.mentions if lo <= m.start < hi), None)
    return _Named(found.text) if found is not None else None


def _modifier(ctx: _Context, mention) -> bool:
    """A name used as a modifier: "the West End musical" is about a musical, not the West End."""
    toks = ctx._tokens(mention.start, mention.end)
    for i in toks:
        tok = ctx.doc[i]
        if tok.head.i not in toks and tok.dep_ in ("compound", "amod", "nmod", "poss"):
            return True
    if len(toks) and toks.stop < len(ctx.doc):
        nxt = ctx.doc[toks.stop]
        return nxt.is_alpha and nxt.is_lower and nxt.head.i in toks and nxt.dep_ in ("amod", "compound")
    return False


def _only_modifier(ctx: _Context, obj, window) -> bool:
    inside = [m for m in getattr(obj, "mentions", ()) if window[0] <= m.start < window[1]]
    return bool(inside) and all(_modifier(ctx, m) for m in inside)


def _glued(ctx: _Context, tok) -> bool:
    """The word before is capitalised too: "Liberal Democrat" is one name, "Democrat" alone is not it."""
    if tok.i == 0:
        return False
    prev = ctx.doc[tok.i - 1]
    return prev.is_alpha and prev.text[:1].isupper() and (prev.pos_ in ("PROPN", "ADJ") or not prev.is_sent_start) \
        and prev.lower_ not in ctx.R["former_words"]


def _former(ctx: _Context, tok, limit: int) -> bool:
    """"former", "ex-", "the then", "the late" right before the title (or its affiliation)."""
    if tok is None:
        return False
    if tok.lower_ in ctx.R["former_words"]:
        return True
    return _EX_PREFIX.search(ctx.text[max(0, tok.idx - 4):min(limit, tok.idx + len(tok) + 1)]) is not None


def _appos_title_role(ctx: _Context, entity, mention, role):
    """"Nick Bubb, an analyst at Acme": the title in an appositive right after the name, its object the
    entity the title noun is of/at/for (or the recorded affiliation when named inside the appositive)."""
    text = ctx.text
    after = text[mention.end:mention.end + 160]
    m = _APPOS_START.match(after)
    if m is None:
        return None
    low = after.lower()
    pos = low.find(role.lower(), m.end())
    if pos < 0 or re.search(r"[,;:.!?\"“”()\n]", after[m.end():pos]) or (pos + len(role) < len(after)
                                                                     and after[pos + len(role)].isalnum()):
        return None
    lead = after[m.end():pos].lower().split()
    if len(lead) > 4:
        return None
    start = mention.end + pos
    toks = ctx._tokens(start, start + len(role))
    if not len(toks):
        return None
    noun = ctx.doc[toks.stop - 1]
    obj, pron = ctx.noun_entity(noun, prep_words=("of", "at", "for", "to", "with"))
    stop = re.search(r"[,;:.!?\"“”()\n]", after[pos:])
    window = (start, mention.end + pos + (stop.start() if stop else len(after) - pos))
    if obj is not None and (pron or _only_modifier(ctx, obj, window)):
        obj = None  # "his spokesman" (whose?), "director of the popular West End musical"
    if obj is None and entity.affiliation:
        cand = ctx.index.lookup(entity.affiliation)
        for x in cand.mentions if cand is not None else ():
            if window[0] <= x.start < window[1] and not _modifier(ctx, x):
                obj = cand
                break
    former = any(w.strip("-") in ctx.R["former_words"] or w.startswith("ex-") for w in lead)
    mtoks = ctx._tokens(mention.start, mention.end)
    return role, obj, former, mtoks.start, noun.i


def _appos_role(ctx: _Context, entity, mention):
    """"Jane Doe, chief executive of Acme" or "Acme's chief executive, Jane Doe": role and employer."""
    toks = ctx._tokens(mention.start, mention.end)
    if not len(toks):
        return None
    span = ctx.doc[toks.start:toks.stop]
    head = _head_token(span)
    if head is None:
        return None
    role_noun = None
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        role_noun = head.head
    else:
        for child in head.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                role_noun = child
                break
    if role_noun is None or ctx.tok_ent[role_noun.i] is not None or role_noun.tag_ in ("NNS", "NNPS") \
            or role_noun.lemma_.lower() not in ctx.R["role_nouns"]:
        return None  # one person's role, never "British actors Bob Hoskins and Brenda Blethyn"
    left = role_noun.left_edge.i
    once = False
    while left < role_noun.i and (ctx.doc[left].dep_ in ("det", "punct") or ctx.doc[left].lower_ == "once"):
        once = once or ctx.doc[left].lower_ == "once"
        left += 1
    words = ctx.doc[left:role_noun.i + 1]
    if len(words) > 5 or any(t.pos_ in ("VERB", "NUM", "PRON") for t in words) or ctx.tok_ent[left] is not None \
            and ctx.tok_ent[left] is entity:
        return None
    obj, _ = ctx.noun_entity(role_noun, prep_words=("of", "at", "for", "to"))
    if obj is None or obj is entity or norm(obj.name) in norm(entity.name):
        return None  # "the rapper's lawyer": a description with nothing to check it against
    predicate = words.text
    if obj is not None:
        own = [t for t in words if ctx.tok_ent[t.i] is obj or (t.dep_ == "case" and t.head.i != t.i
                                                                and ctx.tok_ent[t.head.i] is obj)]
        if own and own[0].i == words.start:
            predicate = ctx.doc[own[-1].i + 1:role_noun.i + 1].text
    if not predicate:
        return None
    gap = ctx.doc[toks.stop:left] if left >= toks.stop else ctx.doc[role_noun.i + 1:toks.start]
    if (once or any(t.lower_ in ctx.R["former_words"] for t in gap)) and not predicate.lower().startswith("former"):
        predicate = f"former {predicate}"  # "Yukos, once the owner of Yuganskneftegas"
    first, last = min(toks.start, left), max(toks.stop - 1, role_noun.i)
    return _draft(ctx, "role", "role_appos", first, last, subject=entity.name, subject_id=entity.id,
                  predicate=predicate, object=obj.name if obj else None, object_id=obj.id if obj else None,
                  confidence=ctx.R["confidence"]["role_appos"])


# -- quote --------------------------------------------------------------------------------------------


def _quote_claims(ctx: _Context) -> list[dict]:
    out = []
    hedging = ctx.R["hedging_cues"]
    for q in ctx.quotes:
        points = [p for p in (q.start, q.end - 1, q.cue_start) if p is not None and p >= 0]
        toks = [r.start for r in (ctx._tokens(p, p + 1) for p in points) if len(r)]
        if not toks:
            continue
        speaker = ctx._tokens(q.speaker_start, q.speaker_start + 1) if q.speaker_start is not None else range(0)
        if len(speaker) and ctx.tok_para[speaker.start] == ctx.tok_para[toks[-1]]:
            toks.append(speaker.start)  # the speaker joins the evidence unless named in another paragraph
        cue = q.cue.lower() if q.cue else None
        cue_text = q.cue
        via = None
        if q.cue_start is not None and q.cue_end is not None and 0 <= q.cue_start < q.cue_end <= len(ctx.text):
            cue_text = ctx.text[q.cue_start:q.cue_end]
            cue_toks = ctx._tokens(q.cue_start, q.cue_end)
            if len(cue_toks):
                outer = _attribution(ctx, ctx.doc[cue_toks.start], -1)
                if outer.source and q.speaker and norm(outer.source) != norm(q.speaker):
                    via = outer.source
        negated, modal = _content_flags(ctx, q)
        hedge = modal or (cue_text if cue in hedging else None)
        d = _draft(ctx, "quote", "quote", min(toks), max(toks), subject=q.speaker, subject_id=q.speaker_id,
                   predicate=q.cue, object=q.text, source=q.speaker, source_id=q.speaker_id, quote_id=q.id,
                   via=via, hedge=hedge, hedged=hedge is not None, negated=negated,
                   confidence=round(q.confidence or ctx.R["confidence"]["quote"], 3))
        out.append(d)
    return out


def _content_flags(ctx: _Context, q) -> tuple[bool, str | None]:
    """Negation and modal of a one-clause quote's main verb: "there will be no troops", "might deploy"."""
    span = ctx.span(q.start, q.end)
    if span is None or ctx.sent_of(span.start) != ctx.sent_of(span.end - 1):
        return False, None
    root = _head_token(span)
    if root is None or not _is_verb(root):
        return False, None
    modal = next((c.text for c in root.children if c.dep_ in ("aux", "advmod")
                  and c.lower_ in ctx.R["hedge_words"]), None)
    return _negated(ctx, root), modal


# -- quantity -----------------------------------------------------------------------------------------


def _quantity_claims(ctx: _Context) -> list[dict]:
    out = []
    for fig in ctx.figures:
        if fig.value is None or (fig.kind or "").lower() in ctx.R["skipped_figure_kinds"]:
            continue
        if fig.value == 1 and (fig.kind or "") in ("count", "number"):
            continue
        if not any(ch.isdigit() for ch in fig.text) and fig.text.lower().split()[0] in ctx.R["vague_figure_words"]:
            continue  # "millions of albums": an order of magnitude, not a figure anyone can check
        if any(ctx.tok_ent[i] is not None for i in ctx._tokens(fig.start, fig.end)):
            continue  # "50 Cent", "BBC Four": a name, not an amount
        if _CONVERSION.search(ctx.text[max(0, fig.start - 40):fig.start]):
            continue  # "68m euros ($89m; £47m)": the same amount in another currency
        if _TIME_REFERENCE.search(ctx.text[max(0, fig.start - 20):fig.start]):
            continue  # "in the last two elections": which ones, not how many
        if _CONTRAST.search(ctx.text[max(0, fig.start - 20):fig.start]):
            continue  # "grow by 5.7%, rather than 6%": the figure that did not happen
        try:
            d = _quantity(ctx, fig)
        except Exception:
            d = None
        if d is not None:
            out.append(d)
    ctx.quantity_drafts = out
    return out


def _climb(ctx: _Context, node):
    """From a figure's head token up to the verb that governs it.

    Returns (verb, role, host, lifted): ``role`` is how the figure (or its host noun) attaches to the verb
    ("dobj", "nsubj", "agent", "prep:to"...), ``host`` the noun the figure measures when it hangs off one
    ("a fine of £5m", "a $5bn deal"), ``lifted`` whether the figure only modifies that noun."""
    host, lifted = None, False
    if node.dep_ in ("nummod", "compound", "amod", "nmod", "quantmod") and node.head.i != node.i \
            and node.head.pos_ == "NOUN" and ctx.tok_fig[node.head.i] is None and ctx.tok_ent[node.head.i] is None:
        host = node = node.head
        lifted = True
    prep = None
    for _ in range(_MAX_CLIMB):
        dep, head = node.dep_, node.head
        if head.i == node.i or not ctx.near(head, node):
            return None, None, host, lifted
        if dep in _FIG_DIRECT:
            if _is_verb(head):
                return head, (f"prep:{prep}" if prep and dep not in _SUBJ else dep), host, lifted
            return None, None, host, lifted
        if dep == "pobj":
            prep = head.lower_
            if prep in ctx.R["figure_skip_preps"]:
                return None, None, host, lifted
            node = head
            continue
        if dep == "agent":
            return (head, "agent", host, lifted) if _is_verb(head) else (None, None, host, lifted)
        if dep == "prep":
            if _is_verb(head):
                return head, f"prep:{node.lower_}", host, lifted
            if node.lower_ in ctx.R["host_preps"] and head.pos_ == "NOUN" and host is None \
                    and ctx.tok_ent[head.i] is None and ctx.tok_fig[head.i] is None:
                host = node = head
                prep = None
                continue
            return None, None, host, lifted
        if dep == "conj" and host is None and ctx.tok_fig[head.i] is not None:
            node = head
            continue
        return None, None, host, lifted
    return None, None, host, lifted


def _coordinated(ctx: _Context, tok) -> bool:
    """A subject that is one of several coordinated names (through a relative pronoun too)."""
    if tok.lower_ in ctx.R["relative_pronouns"] and tok.head.dep_ in ("relcl", "acl"):
        tok = tok.head.head
    if tok.dep_ == "conj" and tok.head.pos_ in ("PROPN", "NOUN"):
        return True
    return any(c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") for c in tok.children)


def _owner(ctx: _Context, host, span):
    for child in host.children:
        if child.dep_ == "poss" and not span.start <= child.i < span.end and ctx.near(child, host):
            return ctx.tok_ent[child.i]
    return None


def _other_figure(ctx: _Context, verb, span) -> bool:
    for tok in verb.subtree:
        if ctx.tok_fig[tok.i] is not None and not span.start <= tok.i < span.end:
            return True
    return False


def _lemma(verb) -> str:
    """A verb's lemma with its particle: "grow up", "snap up"."""
    lemma = verb.lemma_.lower()
    lemma = rules()["lemma_fixes"].get(lemma, lemma)
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"
                and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "to")), None)  # not "up to £5m"
    return f"{lemma} {prt}" if prt else lemma


def _passive(verb) -> bool:
    """Passive voice, including a bare participle with an agent ("followed by Best Buy")."""
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") \
            and not any(c.dep_ in ("aux", "nsubj") for c in verb.children):
        return True  # "Picked from 200 girls, Smith...": Smith was picked, she picked no one
    return any(c.dep_ in ("auxpass", "nsubjpass") or (c.dep_ == "agent" and verb.tag_ == "VBN")
               for c in verb.children)


def _quantity(ctx: _Context, fig):
    R = ctx.R
    span = ctx.span(fig.start, fig.end)
    if span is None:
        return None
    head = _head_token(span)
    if head is None:
        return None
    verb, role, host, lifted = _climb(ctx, head)
    if verb is None or verb.lemma_.lower() in R["figure_skip_verbs"]:
        return None  # "citizens aged under 30": an age bracket, not an amount
    if role.startswith("prep:") and role not in ("prep:to", "prep:by", "prep:from") and host is None \
            and not fig.unit and (fig.kind or "") in ("count", "number") \
            and verb.lemma_.lower() not in R["measure_verbs"]:
        return None  # "released him in his own 22": a bare number under a preposition names a place or a line
    if lifted and (fig.kind or "") not in R["modifier_figure_kinds"]:
        return None  # "won the 60m race", "a four-piece band": an attribute of the noun, not an amount
    if role.startswith("prep:") and role not in ("prep:to", "prep:by") and _other_figure(ctx, verb, span):
        return None  # "rose to 58.6 from 57.8", "scored 12 goals in 68 games": context, not the claim
    inside = range(span.start, span.end)
    fig_node = host or head
    subject, pronoun, measured, patient = None, False, None, None
    agent = _agent(verb)
    if agent is not None and not ctx.near(agent, verb):
        agent = None
    if role in ("nsubj", "nsubjpass", "agent"):
        if lifted or role == "agent":
            return None  # "the 51-year-old designer was shot by X": the figure describes someone else
        if agent is not None:
            subject, pronoun = ctx.entity(agent)
        elif role == "nsubj":
            subject, pronoun = ctx.noun_entity(fig_node, prep_words=("of", "at"), modifiers=False)
    else:
        subj_tok = _subject_token(verb, ctx)
        if _passive(verb):
            if agent is not None:
                subject, pronoun = ctx.entity(agent)
            if subj_tok is not None:
                patient = ctx.tok_ent[subj_tok.i]
        elif subj_tok is not None and subj_tok.i not in inside:
            if sum(c.dep_ in _SUBJ for c in subj_tok.head.children) > 1:
                return None  # "Malaysia's budget airline, AirAsia fell": a broken appositive, two subjects
            subject, pronoun, how = ctx.noun_entity_how(subj_tok)
            if how not in (None, "self") and subj_tok.pos_ == "NOUN" and subj_tok.dep_ != "dobj":
                measured = subj_tok  # never a controller: "used his stake to vote off three members"
            if how == "self" and _coordinated(ctx, subj_tok):
                return None  # "Smith and Jones, who own 29%": the amount is theirs together
    if subject is None:
        return None
    lemma = verb.lemma_.lower()
    if pronoun and lemma in R["measure_verbs"] and measured is None:
        return None  # "it fell to 9.6%": "it" is the measure, not an entity
    predicate = _lemma(verb)
    conf = R["confidence"]["quantity"]
    if lemma in R["copulas"] and (measured is None or host is not None):
        return None  # "X is one of...", "profits were below expectations of £5m"
    if host is not None and host.lemma_.lower() in R["change_nouns"] and lemma not in R["light_verbs"]:
        # "closed at $40 - a drop of 5.1%": the 5.1% is the drop, not the close
        predicate = f"{measured.lemma_.lower()} {host.lemma_.lower()}" if measured is not None \
            else host.lemma_.lower()
    elif lemma not in R["light_verbs"] and measured is not None:
        predicate = f"{measured.lemma_.lower()} {predicate}"  # "Acme's profits rose" → "profit rise"
    elif lemma in R["reporting_verbs"] and host is not None:
        predicate = host.lemma_.lower()  # "Nationwide reported a rise of 0.4%"
    elif lemma in R["light_verbs"]:
        noun = measured if lemma in R["copulas"] else host
        if noun is None:
            noun = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                         and not span.start <= c.i < span.end), None)
            if noun is not None:
                predicate = f"{predicate} {noun.lemma_.lower()}"
        else:
            predicate = noun.lemma_.lower()
        conf -= R["confidence"]["light_verb_penalty"]
    obj = patient if patient is not None and patient is not subject else \
        _quantity_object(ctx, verb, fig_node, span, subject)
    owner = _owner(ctx, host, span) if host is not None else None
    if owner is not None and owner is not subject:
        # "Chirac called the UK's £3bn rebate unjustified": the amount is the UK's rebate
        subject, pronoun, predicate, obj = owner, False, host.lemma_.lower(), None
    if pronoun:
        conf -= R["confidence"]["pronoun_penalty"]
    date = _date_of(ctx, verb, exclude=inside)
    att = _attribution(ctx, verb, fig.start)
    if lemma in R["reporting_verbs"] and role in ("dobj", "attr") and subject is not None \
            and att.source is None:
        # "CCTV claims an audience of a billion": the subject vouches for the figure, the paper does not
        att.source, att.source_id, att.hedge = subject.name, subject.id, verb.text
        att.hedged = att.hedged or lemma in R["hedging_cues"]
    if lemma in R["measure_verbs"] and role in ("prep:to", "prep:from"):
        predicate = f"{predicate} {role[5:]}"  # "rose to 10,847": the level reached, not the rise
    negated = _negated(ctx, verb, fig_node)
    tokens = [span.start, span.end - 1, verb.i]
    return _draft(ctx, "quantity", "quantity", min(tokens), max(tokens), _verb=verb.i,
                  subject=subject.name, subject_id=subject.id, predicate=predicate,
                  object=obj.name if obj else None, object_id=obj.id if obj else None,
                  value=fig.value, unit=fig.unit, per=fig.per, qualifier=fig.qualifier, figure_id=fig.id,
                  date=date.value if date else None, date_id=date.id if date else None,
                  source=att.source, source_id=att.source_id, via=att.via, hedge=att.hedge,
                  hedged=att.hedged, negated=negated, confidence=round(conf, 3))


def _quantity_object(ctx: _Context, verb, fig_node, span, subject):
    """What the figure is of or given to: "one-fifth of Ukraine", "gave Ukraine $5bn", "$5bn to Ukraine",
    "rejected Acme's £1bn offer"."""
    inside = range(span.start, span.end)
    candidates = []
    for child in fig_node.children:
        if child.dep_ == "poss" and child.i not in inside:
            candidates.append(child)
        if child.dep_ == "prep" and child.lower_ in ("of", "to", "for", "from", "on"):
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
    for child in verb.children:
        if child.i in inside or child.i == fig_node.i:
            continue
        if child.dep_ in ("dative", "dobj"):
            candidates.append(child)
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
    preps = ctx.R["object_preps"]
    if verb.lemma_.lower() in ctx.R["with_verbs"]:
        preps = preps | {"with"}  # "signed a deal with Acme", but not "held 19%, with Acme at 15%"
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps and child.i not in inside:
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
    for cand in candidates:
        ent = ctx.tok_ent[cand.i]
        if ent is not None and ent is not subject and ctx.tok_fig[cand.i] is None:
            return ent
    return None


def _date_of(ctx: _Context, verb, exclude=range(0)):
    """The resolved date of the action: attached to the verb directly ("early Sunday") or through a
    preposition of time point ("on Sunday", "in 2003"; not "since 2003")."""
    for child in verb.children:
        if child.i in exclude or not ctx.near(child, verb):
            continue
        if child.dep_ in ("npadvmod", "tmod", "advmod", "obl", "nmod") and ctx.tok_date[child.i] is not None:
            return ctx.tok_date[child.i]
        if child.dep_ == "prep" and child.lower_ in ctx.R["date_preps"]:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and ctx.tok_date[pobj.i] is not None:
                    return ctx.tok_date[pobj.i]
    return None


# -- event --------------------------------------------------------------------------------------------


def _event_claims(ctx: _Context) -> list[dict]:
    R = ctx.R
    out = []
    quantified = {d["_verb"] for d in ctx.quantity_drafts}
    for verb in tokens(ctx.doc):
        if verb.i in quantified:
            continue
        if verb.pos_ != "VERB" or verb.dep_ in ("amod", "acl", "relcl", "xcomp", "pcomp", "csubj", "advcl"):
            continue
        lemma = verb.lemma_.lower()
        if lemma in R["event_excluded_verbs"] or lemma in R["reporting_verbs"] or not _finite(verb):
            continue
        if lemma in R["measure_verbs"] and lemma not in R["motion_verbs"]:
            continue  # "co-productions fell from 102 in 2003": a change in an amount, not an action
        subj_tok = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj_tok is None or not ctx.near(subj_tok, verb):
            continue
        if subj_tok.dep_ == "nsubjpass":
            agent = _agent(verb)
            if agent is None:
                continue  # "IBM was granted patents": IBM did nothing
            patient, subj_tok = ctx.tok_ent[subj_tok.i], agent
        else:
            patient = None
        subject, pronoun = ctx.entity(subj_tok)
        if subject is None or subject.label not in R["event_subject_labels"]:
            continue
        date = _date_of(ctx, verb)
        place = _place_of(ctx, verb, subject) if date is not None or lemma in R["motion_verbs"] else None
        if date is None and place is None:
            continue  # "gained experience in Europe" is no event; "arrived in Kyiv" is
        obj = patient
        for child in verb.children if obj is None else ():
            if child.dep_ in ("dobj", "dative") and ctx.near(child, verb):
                ent, _ = ctx.entity(child)
                if ent is not None and ent is not subject:
                    obj = ent
                    break
        obj = obj or place
        att = _attribution(ctx, verb, verb.idx)
        conf = R["confidence"]["event"] - (R["confidence"]["pronoun_penalty"] if pronoun else 0)
        if date is None:
            conf -= 0.1
        out.append(_draft(ctx, "event", "event", verb.i, verb.i, subject=subject.name, subject_id=subject.id,
                          predicate=_lemma(verb), object=obj.name if obj else None, object_id=obj.id if obj else None,
                          date=date.value if date else None, date_id=date.id if date else None,
                          source=att.source, source_id=att.source_id, via=att.via, hedge=att.hedge,
                          hedged=att.hedged, negated=_negated(ctx, verb), confidence=round(conf, 3)))
    return out


def _place_of(ctx: _Context, verb, subject):
    """A place the action happens at or moves to. Directional prepositions ("to", "from") count only
    on verbs without a direct object: "travelled to Kyiv" is a place, "gave $5bn to Kyiv" a recipient."""
    R = ctx.R
    transitive = any(c.dep_ in ("dobj", "dative") for c in verb.children)
    for child in verb.children:
        if not ctx.near(child, verb):
            continue
        if child.dep_ == "prep" and child.lower_ in R["place_preps"] \
                and not (transitive and child.lower_ in R["directional_preps"]):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    ent = ctx.tok_ent[pobj.i]
                    if ent is not None and ent is not subject and ent.label in R["place_labels"]:
                        return ent
        if child.dep_ == "dobj":
            ent = ctx.tok_ent[child.i]
            if ent is not None and ent is not subject and ent.label in R["object_place_labels"]:
                return ent
    return None


# -- output -------------------------------------------------------------------------------------------


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def _finish(drafts: list[dict]) -> list[Claim]:
    """Drop duplicates and claims read off headlines or fragments, sort, number."""
    order = {t: i for i, t in enumerate(rules()["type_order"])}
    seen = set()
    unique = []
    for d in drafts:
        if d["claim_type"] in ("quantity", "event") and not _SENTENCE_END.search(d["text"]):
            continue
        key = (d["claim_type"], d["subject"], d["predicate"], d["object"], d["value"], d.get("quote_id"),
               d.get("figure_id"), d["start"])
        if key in seen:
            continue
        seen.add(key)
        unique.append(d)
    unique.sort(key=lambda d: (d["start"], order.get(d["claim_type"], 99), d["_anchor"], d["subject"] or "",
                               d["predicate"] or "", str(d["value"])))
    claims = []
    for n, d in enumerate(unique, 1):
        d.pop("_anchor", None)
        d.pop("_verb", None)
        claims.append(Claim(id=f"c{n}", **d))
    return claims
