"""Keyword-only filters over a result, used by the CLI's per-type commands and by library users.

Name filters match any name form of an entity, case-insensitively: ``speaker="carney"`` keeps quotes
by the entity named "Mark Carney" whose aliases include "Carney".
"""

from __future__ import annotations

from dataclasses import replace

from .linking import name_matches
from .records import Result


def _names(result: Result, entity_id: str | None, *written: str | None) -> list[str | None]:
    names = list(written)
    if entity_id:
        for entity in result.entities:
            if entity.id == entity_id:
                names += [entity.name, *entity.aliases]
                break
    return names


def filter_result(result: Result, *, label: str | None = None, min_mentions: int | None = None,
                  speaker: str | None = None, kind: str | None = None, date_type: str | None = None,
                  claim_type: str | None = None, subject: str | None = None, source: str | None = None,
                  ) -> Result:
    """A copy of ``result`` keeping only the records that pass every filter given."""
    entities, quotes, figures, dates, claims = (result.entities, result.quotes, result.figures,
                                                result.dates, result.claims)
    if label:
        entities = tuple(e for e in entities if e.label.lower() == label.lower())
    if min_mentions:
        entities = tuple(e for e in entities if e.count >= min_mentions)
    if speaker:
        quotes = tuple(q for q in quotes
                       if name_matches(speaker, _names(result, q.speaker_id, q.speaker, q.speaker_text)))
    if kind:
        quotes = tuple(q for q in quotes if q.kind == kind.lower())
        figures = tuple(f for f in figures if f.kind == kind.lower())
    if date_type:
        dates = tuple(d for d in dates if d.type == date_type.lower())
    if claim_type:
        claims = tuple(c for c in claims if c.claim_type == claim_type.lower())
    if subject:
        claims = tuple(c for c in claims if name_matches(subject, _names(result, c.subject_id, c.subject)))
    if source:
        claims = tuple(c for c in claims
                       if name_matches(source, _names(result, c.source_id, c.source, c.via)))
    return replace(result, entities=entities, quotes=quotes, figures=figures, dates=dates, claims=claims)
