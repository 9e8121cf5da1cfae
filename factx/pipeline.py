"""read → parse → extract → build claims: the whole flow, top to bottom, for one or many documents."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator

from . import nlp as nlp_mod
from .errors import InputError
from .io import Article, make_article, parse_date, with_published
from .records import DocInfo, Result


def analyse(doc, article: Article, model: str) -> Result:
    """Run every extractor on one parsed document."""
    from .claims import build_claims
    from .dates import extract_dates, find_published
    from .entities import extract_entities
    from .figures import extract_figures
    from .quotes import extract_quotes

    published = article.published or find_published(article.text)
    doc.user_data["factx.text"] = article.text  # the extractors read the text through nlp.doc_text
    entities = extract_entities(doc)
    quotes = extract_quotes(doc, entities)
    figures = extract_figures(doc)
    dates = extract_dates(doc, published)
    claims = build_claims(doc, entities, quotes, figures, dates)
    info = DocInfo(id=article.id, path=article.path, title=article.title, published=published,
                   sha256=article.sha256, model=model)
    return Result(doc=info, entities=tuple(entities), quotes=tuple(quotes), figures=tuple(figures),
                  dates=tuple(dates), claims=tuple(claims), text=article.text)


def extract(text: str, *, published: str | None = None, doc_id: str = "doc", model: str | None = None,
            title: str | None = None) -> Result:
    """Extract entities, quotes, figures, dates and claims from one article.

    Raises :class:`InputError` when the text is empty and :class:`ModelNotFound` when no model is installed.

    >>> result = extract("Canada gave $5 billion, Carney said on Sunday.", published="2025-08-24")
    """
    article = make_article(text, doc_id, published=parse_date(published), title=title)
    return next(iter(extract_many([article], model=model)))


def extract_many(articles: Iterable[Article | str], *, model: str | None = None, published: str | None = None,
                 jobs: int = 1, batch_size: int = 16) -> Iterator[Result | InputError]:
    """Stream results for many articles (or plain strings), in input order.

    Items that are :class:`InputError` pass straight through, so a reader's errors keep their place.
    ``jobs`` > 1 runs the whole extraction in that many worker processes; ``0`` means all cores.
    """
    published = parse_date(published)
    items = _as_articles(articles, published)
    jobs = (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)
    if jobs > 1:
        yield from _extract_parallel(items, model, jobs, batch_size)
        return
    nlp = nlp_mod.load(model)
    label = nlp_mod.model_label(nlp)
    yield from _extract_serial(nlp, label, items, batch_size)


def _as_articles(items: Iterable[Article | str | InputError], published: str | None):
    for index, item in enumerate(items, 1):
        if isinstance(item, str):
            try:
                yield make_article(item, f"doc{index}", published=published)
            except InputError as err:
                yield err
        elif isinstance(item, Article):
            yield with_published(item, published)
        else:
            yield item


# Documents parsed inside one spaCy memory zone: the strings spaCy interns for them are freed when
# the zone closes, so memory stays flat over any number of documents.
ZONE_DOCS = 64


def _extract_serial(nlp, label: str, items, batch_size: int) -> Iterator[Result | InputError]:
    """Parse with nlp.pipe in blocks of ``ZONE_DOCS`` inputs, each in its own memory zone."""
    zone = getattr(nlp, "memory_zone", None)
    for block in _batches(items, ZONE_DOCS):
        with zone() if zone else contextlib.nullcontext():
            yield from _extract_block(nlp, label, block, batch_size)


def _extract_block(nlp, label: str, items, batch_size: int) -> Iterator[Result | InputError]:
    """Parse with nlp.pipe, keeping errors in order without holding more than a batch."""
    queue: list = []

    def texts():
        for item in items:
            queue.append(item)
            if isinstance(item, Article):
                yield item.text

    docs = nlp_mod.parse_many(nlp, texts(), batch_size=batch_size)
    for doc in docs:
        while queue and not isinstance(queue[0], Article):
            yield queue.pop(0)
        article = queue.pop(0)
        yield analyse(doc, article, label)
    # errors after the last article, or inputs with no article at all
    yield from queue


# -- parallel: each worker loads the model once and runs the whole extraction ---------------------

_worker_nlp = None


def _worker_init(model: str | None) -> None:
    global _worker_nlp
    _worker_nlp = nlp_mod.load(model)


def _worker_run(batch: list) -> list:
    nlp = _worker_nlp
    label = nlp_mod.model_label(nlp)
    return list(_extract_serial(nlp, label, iter(batch), batch_size=len(batch) or 1))


def _batches(items, size: int):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _extract_parallel(items, model, jobs: int, batch_size: int):
    """Batches go to worker processes; at most ``2 * jobs`` are in flight, so memory stays flat and
    results come back in input order."""
    import multiprocessing as mp
    from collections import deque

    nlp_mod.load(model)  # fail early here; forked workers inherit the loaded model
    ctx = mp.get_context("spawn" if os.name == "nt" else "fork")
    with ctx.Pool(jobs, initializer=_worker_init, initargs=(model,)) as pool:
        pending: deque = deque()
        for batch in _batches(items, max(1, batch_size // 2)):
            pending.append(pool.apply_async(_worker_run, (batch,)))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
