"""Finding the entity a span or a name refers to: used by quotes, claims and the CLI filters."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from .records import Entity


@lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """A name folded for comparison: case, leading "the", possessive and punctuation ignored."""
    text = name.strip().lower().replace("’", "'")
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("'"):
        text = text[:-1]
    return " ".join(text.replace(".", "").split())


class EntityIndex:
    """Look entities up by character offsets or by any of their names."""

    def __init__(self, entities: Iterable[Entity]):
        self.entities = list(entities)
        self._spans = sorted(
            ((m.start, m.end, e) for e in self.entities for m in e.mentions), key=lambda t: (t[0], t[1])
        )
        self._starts = [s for s, _, _ in self._spans]
        self._longest = max((e - s for s, e, _ in self._spans), default=0)
        self._names: dict[str, list[Entity]] = {}
        self._words: dict[str, list[Entity]] = {}
        for entity in self.entities:
            for name in dict.fromkeys((entity.name, *entity.aliases)):
                bucket = self._names.setdefault(norm(name), [])
                if entity not in bucket:
                    bucket.append(entity)
            if entity.label == "PERSON":
                for word in dict.fromkeys(norm(entity.name).split()):
                    self._words.setdefault(word, []).append(entity)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping ``[start, end)`` the most (the first such on ties)."""
        best, best_overlap = None, 0
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        for m_start, m_end, entity in self._spans[lo:hi]:
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > best_overlap:
                best, best_overlap = entity, overlap
        return best

    def lookup(self, name: str) -> Entity | None:
        """The entity named ``name`` (full name, alias, or a unique surname/first name)."""
        key = norm(name)
        if not key:
            return None
        found = self._names.get(key)
        if found:
            return found[0]
        partial = self._words.get(key, [])
        return partial[0] if len(partial) == 1 else None


def name_matches(query: str, names: Iterable[str | None]) -> bool:
    """True when ``query`` names the same thing as one of ``names``: whole name or any word of it,
    case-insensitively ("carney" matches "Mark Carney")."""
    key = norm(query)
    if not key:
        return False
    for name in names:
        if not name:
            continue
        folded = norm(name)
        if key == folded or (" " not in key and key in folded.replace(",", " ").split()) or (" " in key and key in folded):
            return True
    return False
