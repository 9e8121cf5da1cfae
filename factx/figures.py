"""Figures: placeholder until the figures extractor lands (issue 6)."""

from __future__ import annotations

from .records import Figure


def extract_figures(doc) -> list[Figure]:
    return []
