"""Quotes: placeholder until the quotes extractor lands (issue 5)."""

from __future__ import annotations

from .records import Entity, Quote


def extract_quotes(doc, entities: list[Entity]) -> list[Quote]:
    return []
