"""Claims: placeholder until the claim rules land (issue 8)."""

from __future__ import annotations

from .records import Claim


def build_claims(doc, entities, quotes, figures, dates) -> list[Claim]:
    return []
