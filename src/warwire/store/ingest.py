"""Ingest into the store: sources → articles → (only new ones) extraction → batched,
transactional writes with deduplication.

``run_ingest`` reads every source (``sources.iter_articles``), skips articles whose content hash is
already stored (or seen earlier in this run) without extracting them, hands the new ones to the
``extract`` function it is given (the API passes ``api.extract_articles``), and writes each batch
of ``batch_size`` extracted articles in one transaction (``Store.add_batch``). Killed at any
moment, a re-run redoes only the batches that were not committed.

``IngestTally`` is the counting and batched writing that the distributed ingest
(``warwire.distributed``) shares with ``run_ingest``, so both count and store alike.
"""
from __future__ import annotations

import collections
import time
from typing import Any, Callable, Iterable, Iterator, Optional, Union

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


class IngestTally:
    """One ingest run's bookkeeping: the report and the live progress it counts into, the
    duplicate check within the run, and the batch of extracted articles written to ``store`` in
    one transaction each time it holds ``batch_size``. A batch the store refuses is reported
    article by article and the run goes on."""

    def __init__(self, store: Store, report: IngestReport, state: IngestProgress, *,
                 batch_size: int, progress: Optional[Callable[[Any], None]] = None,
                 rules: Optional[dict[str, Any]] = None) -> None:
        self.store, self.report, self.state = store, report, state
        self.batch_size, self.progress, self.rules = batch_size, progress, rules
        self.batch: list[tuple[Article, Result]] = []
        self.seen: set[str] = set()
        self.store_seconds = 0.0  # spent in Store.add_batch

    def tick(self) -> None:
        if self.progress is not None:
            self.progress(self.state)

    def fail(self, message: str) -> None:
        self.report.failures += 1
        self.state.failures += 1
        self.state.done += 1
        if len(self.report.failure_messages) < _MAX_MESSAGES:
            self.report.failure_messages.append(message)
        self.tick()

    def is_new(self, article: Article, stored: bool = False, key: Optional[str] = None) -> bool:
        """Counts ``article`` as seen; False (and counted as known) when it is ``stored``
        already or came earlier in this run. ``key``: its content hash, when already known."""
        self.report.articles_seen += 1
        key = key or content_hash(article.text)
        if stored or key in self.seen:
            self.report.articles_known += 1
            self.state.known += 1
            self.state.done += 1
            self.tick()
            return False
        self.seen.add(key)
        return True

    def add(self, article: Article, result: Result) -> None:
        """An extracted article: a failure is reported; events are batched for writing."""
        if result.error:
            self.fail(f"{article.id}: {result.error}")
            return
        self.report.events_found += len(result.events)
        self.state.events += len(result.events)
        self.batch.append((article, result))
        if len(self.batch) >= self.batch_size:
            self.write()

    def write(self) -> None:
        """Writes the batch in one transaction (nothing when it is empty)."""
        if not self.batch:
            return
        t0 = time.perf_counter()
        try:
            outcome = self.store.add_batch(self.batch, self.rules)
        except StoreError as exc:  # e.g. locked too long: this batch is skipped, whole
            for article, _ in self.batch:
                self.fail(f"{article.id}: not stored: {exc}")
            self.batch.clear()
            return
        finally:
            self.store_seconds += time.perf_counter() - t0
        r, s = self.report, self.state
        r.articles_new += outcome.articles_new
        r.articles_known += outcome.articles_known
        r.events_new += outcome.events_new
        r.events_merged += outcome.events_merged
        s.new += outcome.articles_new
        s.known += outcome.articles_known
        s.done += len(self.batch)
        self.batch.clear()
        self.tick()


def run_ingest(sources: list[str], store: Store, extract: Extract, *, max_chars: int,
               batch_size: int = 32, progress: Optional[ProgressFn] = None) -> IngestReport:
    report = IngestReport(sources=list(sources))
    tally = IngestTally(store, report, IngestProgress(total=count_items(sources)),
                        batch_size=batch_size, progress=progress)
    started = time.monotonic()
    pending: collections.deque[Article] = collections.deque()

    def new_articles() -> Iterator[Article]:
        """The articles not stored yet, in order; failures and known ones are counted here."""
        chunk: list[Union[Article, InputFailure]] = []

        def flush() -> Iterator[Article]:
            keys = {id(it): content_hash(it.text) for it in chunk if isinstance(it, Article)}
            stored = store.known_articles(list(keys.values()))
            for it in chunk:
                if isinstance(it, InputFailure):
                    tally.fail(str(it))
                elif tally.is_new(it, keys[id(it)] in stored, keys[id(it)]):
                    pending.append(it)
                    yield it
            chunk.clear()

        for item in iter_articles(sources, max_chars):
            chunk.append(item)
            if len(chunk) >= _LOOKAHEAD:
                yield from flush()
        yield from flush()

    for result in extract(new_articles()):
        tally.add(pending.popleft(), result)
    tally.write()
    report.seconds = round(time.monotonic() - started, 3)
    return report
