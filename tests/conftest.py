"""Shared fixtures: one spaCy model per test session, and the seed article parsed once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_e2a1a4c2d0035a50.txt"
SEED_GOLD = ROOT / "data" / "gold" / "000_e2a1a4c2d0035a50.json"


@pytest.fixture(scope="session")
def nlp():
    from factx import nlp as nlp_mod

    return nlp_mod.load(None)


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a text into a spaCy Doc with the session's model."""
    return nlp


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_doc(nlp, seed_text):
    return nlp(seed_text)


@pytest.fixture(scope="session")
def seed_result(nlp, seed_text):
    import factx

    return factx.extract(seed_text, published="2025-08-24", doc_id=SEED.name)
