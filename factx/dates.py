"""Dates: placeholder until the dates extractor lands (issue 7)."""

from __future__ import annotations

from .records import Date


def find_published(text: str) -> str | None:
    return None


def extract_dates(doc, published: str | None) -> list[Date]:
    return []
