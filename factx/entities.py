"""Entities: placeholder until the entities extractor lands (issue 4)."""

from __future__ import annotations

from .records import Entity


def extract_entities(doc) -> list[Entity]:
    return []
