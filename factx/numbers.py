"""Number words to values: "twenty-five" → 25, "two hundred and fifty" → 250, "a million" → 1e6.

Kept separate from figures.py so the arithmetic of English number names is testable on its own.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def vocab() -> dict:
    """The figures vocabulary (factx/data/figures.json), loaded once."""
    return json.loads(resources.files("factx").joinpath("data/figures.json").read_text(encoding="utf-8"))


def is_number_word(word: str) -> bool:
    w = word.lower()
    v = vocab()
    return w in v["number_words"] or w in v["number_scales"] or w in v["dozen"]


def words_value(words: list[str]) -> float | None:
    """The value of a run of number words ("a", "and" and hyphens allowed), or None when it is not one.

    >>> words_value(["two", "hundred", "and", "fifty"])
    250.0
    """
    v = vocab()
    units, scales, dozen = v["number_words"], v["number_scales"], v["dozen"]
    total = 0
    current = 0
    seen = False
    prev = None
    for raw in words:
        w = raw.lower()
        if w in ("-", "and"):
            continue
        if w in ("a", "an"):
            if seen:
                return None
            current = 1
            prev = "a"
            continue
        if w in units:
            n = units[w]
            if prev == "unit" and not (current % 100 >= 20 and current % 10 == 0 and n < 10):
                return None  # "five six" is not a number
            current += n
            prev = "unit"
        elif w in dozen:
            current = (current or 1) * dozen[w]
            prev = "scale"
        elif w == "hundred":
            current = (current or 1) * 100
            prev = "hundred"
        elif w in scales:
            total += (current or 1) * scales[w]
            current = 0
            prev = "scale"
        else:
            return None
        seen = True
    if not seen:
        return None
    return float(total + current)


def parse_decimal(text: str) -> Decimal | None:
    """A digit string with thousands commas ("1,000", "11.1") as an exact Decimal."""
    try:
        return Decimal(text.replace(",", ""))
    except (InvalidOperation, ValueError):
        return None


def to_float(value: Decimal) -> float:
    """Decimal to float without binary noise: 11.1 * 1e9 → 11100000000.0."""
    return float(value.normalize()) if value == value.to_integral_value() else float(value)
