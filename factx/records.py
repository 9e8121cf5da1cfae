"""Typed records that factx returns: plain frozen dataclasses, offsets as ints, no spaCy objects.

Every record has ``id``, ``start`` and ``end`` (character offsets into the document text,
``text[start:end] == record.text`` for spans) so that evidence can always be checked.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """One real-world entity of a document, with every mention that names it."""

    id: str
    name: str
    label: str
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    model_label: str | None = None
    role: str | None = None
    affiliation: str | None = None
    count: int = 0
    start: int = 0
    end: int = 0
    text: str = ""

    record_type = "entity"


@dataclass(frozen=True)
class Quote:
    """Something a source said: direct (quoted), partial (quoted fragment) or indirect."""

    id: str
    kind: str
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_id: str | None
    cue: str | None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    confidence: float = 0.0

    record_type = "quote"


@dataclass(frozen=True)
class Figure:
    """A normalised amount: money, count, rate, percent, fraction, duration, ..."""

    id: str
    kind: str
    text: str
    start: int
    end: int
    value: float | None
    unit: str | None = None
    per: str | None = None
    qualifier: str | None = None
    low: float | None = None
    high: float | None = None
    currency: str | None = None
    direction: str | None = None
    about: str | None = None

    record_type = "figure"


@dataclass(frozen=True)
class Date:
    """A temporal expression with its TIMEX3-style value."""

    id: str
    text: str
    start: int
    end: int
    value: str
    type: str
    mod: str | None = None
    anchor: str = "none"

    record_type = "date"


@dataclass(frozen=True)
class Claim:
    """A typed, attributable statement built from the mentions of one sentence."""

    id: str
    claim_type: str
    subject: str | None
    predicate: str | None
    object: str | None
    value: float | None
    unit: str | None
    per: str | None
    date: str | None
    source: str | None
    text: str
    start: int
    end: int
    rule: str
    confidence: float
    qualifier: str | None = None
    via: str | None = None
    hedge: str | None = None
    negated: bool = False
    hedged: bool = False
    subject_id: str | None = None
    object_id: str | None = None
    source_id: str | None = None
    quote_id: str | None = None
    figure_id: str | None = None
    date_id: str | None = None

    record_type = "claim"


@dataclass(frozen=True)
class DocInfo:
    """Where a document came from and what produced its records."""

    id: str
    path: str | None
    title: str | None
    published: str | None
    sha256: str
    model: str


@dataclass(frozen=True)
class Result:
    """Everything factx found in one document."""

    doc: DocInfo
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    dates: tuple[Date, ...] = ()
    claims: tuple[Claim, ...] = ()
    text: str = field(default="", repr=False, compare=False)

    def records(self, section: str | None = None):
        """The records of one section (``"quotes"``) or of all sections, in output order."""
        names = SECTIONS if section is None else (section,)
        for name in names:
            yield from getattr(self, name)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema": SCHEMA_VERSION, "doc": asdict(self.doc)}
        for name in SECTIONS:
            out[name] = [record_dict(r) for r in getattr(self, name)]
        return out


SECTIONS = ("entities", "quotes", "figures", "dates", "claims")
RECORD_TYPES = {"entities": "entity", "quotes": "quote", "figures": "figure", "dates": "date", "claims": "claim"}
RECORD_CLASSES = {"entities": Entity, "quotes": Quote, "figures": Figure, "dates": Date, "claims": Claim}


def record_dict(record) -> dict[str, Any]:
    """A record as JSON-ready data: tuples become lists, whole-number floats stay floats."""
    data = asdict(record)
    for key, value in data.items():
        if isinstance(value, tuple):
            data[key] = list(value)
    return data


def field_names(section: str) -> list[str]:
    return [f.name for f in fields(RECORD_CLASSES[section])]
