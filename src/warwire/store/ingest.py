"""Ingest into the store: sources → articles → (only new ones) extraction → batched,
transactional writes with deduplication.

``run_ingest`` reads every source (``sources.iter_articles``), skips articles whose content hash is
already stored (or seen earlier in this run) without extracting them, hands the new ones to the
``extract`` function it is given (the API passes ``api.extract_articles``), and writes each batch
of ``batch_size`` extracted articles in one transaction (``Store.add_batch``). Killed at any
moment, a re-run redoes only the batches that were not committed.
"""
from __future__ import annotations

import collections
import time
from typing import Callable, Iterable, Iterator, Optional, Union

from ..errors import StoreError
from ..model import Article, Result
from ..stages.ingest import InputFailure
from .db import Store, content_hash
from .models import IngestProgress, IngestReport
from .sources import count_items, iter_articles

Extract = Callable[[Iterable[Article]], Iterator[Result]]
ProgressFn = Callable[[IngestProgress], None]
_MAX_MESSAGES = 100
# Articles checked against the store per query when filtering out known ones.
_LOOKAHEAD = 64


def run_ingest(sources: list[str], store: Store, extract: Extract, *, max_chars: int,
               batch_size: int = 32, progress: Optional[ProgressFn] = None) -> IngestReport:
    report = IngestReport(sources=list(sources))
    state = IngestProgress(total=count_items(sources))
    started = time.monotonic()
    seen: set[str] = set()
    pending: collections.deque[Article] = collections.deque()

    def tick() -> None:
        if progress is not None:
            progress(state)

    def fail(message: str) -> None:
        report.failures += 1
        state.failures += 1
        state.done += 1
        if len(report.failure_messages) < _MAX_MESSAGES:
            report.failure_messages.append(message)
        tick()

    def new_articles() -> Iterator[Article]:
        """The articles not stored yet, in order; failures and known ones are counted here."""
        chunk: list[Union[Article, InputFailure]] = []

        def flush() -> Iterator[Article]:
            arts = [it for it in chunk if isinstance(it, Article)]
            known = store.known_articles([content_hash(a.text) for a in arts])
            for it in chunk:
                if isinstance(it, InputFailure):
                    fail(str(it))
                    continue
                report.articles_seen += 1
                key = content_hash(it.text)
                if key in known or key in seen:
                    report.articles_known += 1
                    state.known += 1
                    state.done += 1
                    tick()
                    continue
                seen.add(key)
                pending.append(it)
                yield it
            chunk.clear()

        for item in iter_articles(sources, max_chars):
            chunk.append(item)
            if len(chunk) >= _LOOKAHEAD:
                yield from flush()
        yield from flush()

    batch: list[tuple[Article, Result]] = []

    def write() -> None:
        if not batch:
            return
        try:
            outcome = store.add_batch(batch)
        except StoreError as exc:  # e.g. locked too long: this batch is skipped, whole
            for article, _ in batch:
                fail(f"{article.id}: not stored: {exc}")
            batch.clear()
            return
        report.articles_new += outcome.articles_new
        report.articles_known += outcome.articles_known
        report.events_new += outcome.events_new
        report.events_merged += outcome.events_merged
        state.new += outcome.articles_new
        state.known += outcome.articles_known
        state.done += len(batch)
        batch.clear()
        tick()

    for result in extract(new_articles()):
        article = pending.popleft()
        if result.error:
            fail(f"{article.id}: {result.error}")
            continue
        report.events_found += len(result.events)
        state.events += len(result.events)
        batch.append((article, result))
        if len(batch) >= batch_size:
            write()
    write()
    report.seconds = round(time.monotonic() - started, 3)
    return report
