"""factx: typed, attributable claims from news articles.

>>> import factx
>>> result = factx.extract(text, published="2025-08-24")
>>> [q.speaker for q in result.quotes]
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import ExitStatus, FactxError, InputError, ModelNotFound, UsageError
from .io import Article, iter_articles
from .pipeline import extract, extract_many
from .records import SCHEMA_VERSION, Claim, Date, DocInfo, Entity, Figure, Mention, Quote, Result

__all__ = [
    "Article", "Claim", "Date", "DocInfo", "Entity", "ExitStatus", "FactxError", "Figure", "InputError",
    "Mention", "ModelNotFound", "Quote", "Result", "SCHEMA_VERSION", "UsageError", "__version__",
    "extract", "extract_many", "iter_articles",
]
