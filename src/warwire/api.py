"""The one place behaviour lives. The CLI (``cli.py``) and the web app (``web/``) are thin layers
over these functions; only this module touches the store.

- extract: articles → contract ``Result``s (no store)
- evaluate: evaluation items → per-field scores
- corpus: ingest, query, export (the store)
"""
from __future__ import annotations

import multiprocessing
import os
import re
from typing import Callable, Iterable, Iterator, Optional, Union

from .errors import WarwireError
from .model import Analysis, Article, ArticleInfo, Result
from .pipeline import Pipeline, cached_resources
from .settings import Settings, load_settings
# The store's record types are part of this API (the CLI and web app name them from here).
from .store.models import EventFilter, StoredArticle, StoredEvent  # noqa: F401

# --- extract -------------------------------------------------------------------------------
Item = Union[Article, "InputFailure"]  # noqa: F821 - InputFailure comes from stages.ingest


def build_pipeline(settings: Optional[Settings] = None) -> Pipeline:
    """The default pipeline over this process's shared resources (model, gazetteer: loaded once)."""
    from .stages import default_stages

    return Pipeline(default_stages(), cached_resources(settings or load_settings()))


def _article_info(article: Article) -> ArticleInfo:
    return ArticleInfo(title=article.title,
                       published=article.published.isoformat() if article.published else None,
                       url=article.url, source=article.source)


def _result(analysis: Analysis) -> Result:
    article = analysis.article
    return Result(id=article.id, article=_article_info(article), events=analysis.events,
                  warnings=list(article.notes) + analysis.warnings)


def _failure_result(item_id: str, message: str, article: Optional[Article] = None) -> Result:
    info = _article_info(article) if article is not None else ArticleInfo()
    return Result(id=item_id, article=info, events=[], warnings=[message], error=message)


def _relevant(article: Article) -> bool:
    from .relevance import is_relevant

    return is_relevant(article.text, article.title)


def _extract_batch(articles: list[Article], pipeline: Pipeline) -> list[Result]:
    """Parse a batch with one ``nlp.pipe`` call, then run the other stages article by article.
    An article that fails is reported in its own Result; the batch goes on."""
    from .stages.parse import nlp_for, parse_many

    relevant = [a for a in articles if _relevant(a)]
    relevant_ids = {id(a) for a in relevant}
    parsed = {}
    try:
        parsed = {p.article.id: p for p in parse_many(relevant, nlp_for(pipeline.resources))}
    except WarwireError:
        raise
    except Exception:  # noqa: BLE001 - one bad text must not sink the batch: parse one by one below
        parsed = {}
    out = []
    for article in articles:
        try:
            if id(article) not in relevant_ids:
                out.append(_result(Analysis(article=article)))
                continue
            analysis = pipeline.run(Analysis(article=article, parsed=parsed.get(article.id)))
            out.append(_title_fallback(analysis, pipeline) or _with_title_tolls(analysis, pipeline))
        except WarwireError as exc:
            out.append(_failure_result(article.id, str(exc), article))
        except Exception as exc:  # noqa: BLE001 - report, skip, go on (the brief's bad-input rule)
            out.append(_failure_result(article.id, f"internal error while extracting: {exc!r}", article))
    return out


def _headline_events(article: Article, pipeline: Pipeline) -> list:
    """The events read from the article's title alone ([] when it has none or no violence)."""
    if not article.title:
        return []
    headline = Article(id=article.id, text=article.title, published=article.published,
                       url=article.url, source=article.source)
    if not _relevant(headline):
        return []
    events = pipeline.run(Analysis(article=headline)).events
    cased = _sentence_case(article.title)
    if cased == article.title or (events and _told(events[0].fatalities) and _told(events[0].injured)):
        return events
    # A title in Title Case ("2 Dead, 3 Wounded In Park Shooting") hides its harm words from the
    # tagger (read as names): its figures are read from the title in sentence case (same offsets)
    alt = [e for e in pipeline.run(Analysis(article=Article(
        id=article.id, text=cased, published=article.published, url=article.url, source=article.source))).events
        if _told_figures(e)]
    if not alt:
        return events
    if not events:
        return alt
    for name in ("fatalities", "injured"):
        mine, theirs = getattr(events[0], name), getattr(alt[0], name)
        if mine.best is None or not _told(mine) and _told(theirs):
            setattr(events[0], name, getattr(alt[0], name))
    return events


def _told(estimate) -> bool:
    """A figure the text tells (not one left unknown, nor a 0 only implied by the other's)."""
    return estimate.best is not None and not (
        estimate.best == 0 and all("assemble.implied_zero" in (e.rule or "") for e in estimate.evidence))


def _told_figures(event) -> bool:
    return _told(event.fatalities) or _told(event.injured)


def _sentence_case(title: str) -> str:
    """A Title Case title with every word but the first and acronyms in lower case (letters
    only change case, so offsets hold); any other title unchanged."""
    words = re.findall(r"[A-Za-z][\w'’-]*", title)
    long = [w for w in words if len(w) > 3]
    if len(long) < 3 or sum(w[0].isupper() for w in long) < 0.8 * len(long):
        return title
    def lower(m: re.Match) -> str:
        w = m.group(0)
        return w if m.start() == 0 or (w.isupper() and len(w) > 1) else w.lower()
    return re.sub(r"[A-Za-z][\w'’-]*", lower, title)


def _title_evidence(estimate) -> list:
    return [e.model_copy(update={"rule": f"assemble.title_toll|{e.rule}", "text_field": "title"})
            for e in estimate.evidence]


def _with_title_tolls(analysis: Analysis, pipeline: Pipeline) -> Result:
    """The headline often carries the latest toll that the body, written earlier or cut short,
    lacks ("Teen shot Friday dies", "2 dead, 3 wounded in shooting"): when the main event has
    no dead (none told, or 0 only implied) or no hurt figure, the title's figures fill them,
    with evidence marked ``text_field="title"``. The title's dead were among the body's hurt
    ("a man was shot" → "man dies"), so they leave the hurt figure."""
    result = _result(analysis)
    main = next((e for e in result.events if not e.historical), None)
    if main is None or (main.fatalities.best not in (None, 0) and main.injured.best is not None):
        return result
    told_zero = any(e.rule and "assemble.implied_zero" not in e.rule for e in main.fatalities.evidence)
    if main.fatalities.best == 0 and told_zero:
        return result  # "no one was killed" in the body stands
    head = next((e for e in _headline_events(analysis.article, pipeline) if not e.historical), None)
    if head is None:
        return result
    changed = False
    dead = head.fatalities.best
    if dead and not main.fatalities.best:
        if main.fatalities.best == 0 and main.injured.best:
            left = max(0, main.injured.best - dead)
            main.injured = main.injured.model_copy(update={
                "low": left, "best": left, "high": None if main.injured.high is None else max(0, main.injured.high - dead)})
        main.fatalities = head.fatalities.model_copy(update={"evidence": _title_evidence(head.fatalities)})
        changed = True
    if main.injured.best is None and head.injured.best is not None:
        main.injured = head.injured.model_copy(update={"evidence": _title_evidence(head.injured)})
        changed = True
    if changed:
        result.warnings.append("casualty figures the text lacks were read from the title")
    return result


def _title_fallback(analysis: Analysis, pipeline: Pipeline) -> Optional[Result]:
    """When the body reports no event (a page whose scraped body is a login wall, a video list
    or comments) but the title does ("Teen shot in southeast Wichita has died"), the events read
    from the title alone, each marked ``text_field="title"`` (its offsets point into the title)."""
    if analysis.events:
        return None
    events = _headline_events(analysis.article, pipeline)
    if not events:
        return None
    for event in events:
        event.text_field = "title"
    result = _result(analysis)
    result.events = events
    result.warnings.append("the body reports no event: events read from the title")
    return result


def extract_article(article: Article, settings: Optional[Settings] = None) -> Result:
    """Extract the events of one article (the contract's Result)."""
    return _extract_batch([article], build_pipeline(settings))[0]


def analyze_article(article: Article, settings: Optional[Settings] = None) -> Analysis:
    """Every mention the stages found in one article (casualties, dates, places, actors,
    triggers) and its events: what the article page highlights. Raises WarwireError."""
    return build_pipeline(settings).run(Analysis(article=article))


def extract_text(text: str, *, id: Optional[str] = None, title: Optional[str] = None,
                 published: Optional[str] = None, url: Optional[str] = None,
                 settings: Optional[Settings] = None) -> Result:
    """Extract from raw text (title/dateline lines are recognised when title/published are not given)."""
    from .stages.ingest import article_from_text

    return extract_article(article_from_text(text, id=id, title=title, published=published, url=url),
                           settings)


# Worker processes: each builds its pipeline once (model + gazetteer) and extracts whole batches.
_WORKER_PIPELINE: Optional[Pipeline] = None


def _worker_init(settings: Settings) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = build_pipeline(settings)


def _worker_batch(articles: list[Article]) -> list[Result]:
    assert _WORKER_PIPELINE is not None
    return _extract_batch(articles, _WORKER_PIPELINE)


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def worker_count(settings: Settings, workers: Optional[int] = None) -> int:
    n = settings.workers if workers is None else workers
    return n if n and n > 0 else (os.cpu_count() or 1)


def extract_articles(items: Iterable[Item], settings: Optional[Settings] = None,
                     workers: Optional[int] = None) -> Iterator[Result]:
    """Extract many articles, yielding Results in input order. ``InputFailure`` items (from
    ``stages.ingest.read_inputs``) come out as Results with ``error`` set; nothing stops the batch.
    With more than one worker, batches go to worker processes (each loads the model once)."""
    from .stages.ingest import InputFailure

    settings = settings or load_settings()
    n_workers = worker_count(settings, workers)

    def split(batch: list[Item]) -> tuple[list[Article], dict[int, Result]]:
        failures = {i: _failure_result(it.item, str(it)) for i, it in enumerate(batch)
                    if isinstance(it, InputFailure)}
        return [it for it in batch if not isinstance(it, InputFailure)], failures

    def merge(batch: list[Item], failures: dict[int, Result], results: list[Result]) -> list[Result]:
        done = iter(results)
        return [failures[i] if i in failures else next(done) for i in range(len(batch))]

    batches = _batches(items, settings.batch_size)
    if n_workers <= 1:
        pipeline = build_pipeline(settings)
        for batch in batches:
            articles, failures = split(batch)
            yield from merge(batch, failures, _extract_batch(articles, pipeline) if articles else [])
        return
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    if second is None:  # one batch: not worth starting processes
        articles, failures = split(first)
        yield from merge(first, failures, _extract_batch(articles, build_pipeline(settings)))
        return
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")

    def chained() -> Iterator[list[Item]]:
        yield first
        yield second
        yield from batches

    pending = ((b, *split(b)) for b in chained())
    with ctx.Pool(n_workers, initializer=_worker_init, initargs=(settings,)) as pool:
        staged: list[tuple[list[Item], dict[int, Result]]] = []

        def articles_only() -> Iterator[list[Article]]:
            for batch, articles, failures in pending:
                staged.append((batch, failures))
                yield articles

        for results in pool.imap(_worker_batch, articles_only()):
            batch, failures = staged.pop(0)
            yield from merge(batch, failures, results)


def extract_path(path: str, settings: Optional[Settings] = None,
                 workers: Optional[int] = None) -> Iterator[Result]:
    """Read ``path`` (text, HTML, JSONL or ``-``) and extract every item, in input order."""
    from .stages.ingest import read_inputs

    settings = settings or load_settings()
    return extract_articles(read_inputs(path, max_chars=settings.max_article_chars), settings, workers)

def extract_paths(paths: Iterable[str], settings: Optional[Settings] = None,
                  workers: Optional[int] = None) -> Iterator[Result]:
    """Like ``extract_path`` over several files and folders, in order."""
    import itertools

    settings = settings or load_settings()
    items = itertools.chain.from_iterable(_read_or_fail(p, settings) for p in paths)
    return extract_articles(items, settings, workers)


def _read_or_fail(path: str, settings: Settings) -> Iterator[Item]:
    """Items of one path (a folder is read by ``read_inputs``); a path that cannot be read
    becomes one failed item, so the other paths still go on."""
    from .errors import InputError
    from .stages.ingest import InputFailure, read_inputs

    try:
        yield from read_inputs(path, max_chars=settings.max_article_chars)
    except InputError as exc:
        yield InputFailure(path, exc.message, exc.hint)


# --- evaluate ------------------------------------------------------------------------------
def read_eval_items(path: str) -> Iterator["EvalItem"]:  # noqa: F821
    """Evaluation items (contract.md) from a JSONL file; a broken line raises InputError naming it."""
    import json

    from pydantic import ValidationError

    from .errors import InputError
    from .model import EvalItem

    try:
        handle = open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}", "give a JSONL file of evaluation items") from exc
    with handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield EvalItem.model_validate(json.loads(line))
            except (ValueError, ValidationError) as exc:
                raise InputError(f"{path} line {n}: not an evaluation item: {str(exc)[:200]}",
                                 "each line needs id, text and gold (see contract.md)") from exc


def extract_eval_items(items: Iterable["EvalItem"], settings: Optional[Settings] = None,  # noqa: F821
                       workers: Optional[int] = None) -> Iterator[Result]:
    """Extract evaluation items (their ``text`` is the body as given), results in item order."""
    from .stages.ingest import article_from_text

    articles = (article_from_text(it.text, id=it.id, title=it.title, published=it.published or None,
                                  headers=False) for it in items)
    return extract_articles(articles, settings, workers)


def evaluate(path: str, settings: Optional[Settings] = None, workers: Optional[int] = None,
             limit: Optional[int] = None,
             on_result: Optional[Callable[[Result], None]] = None) -> "EvalReport":  # noqa: F821
    """Run the extraction over evaluation items and score the main event field by field."""
    import itertools

    from .evaluation import admin1_matcher, score
    from .gazetteer import gazetteer_for

    items = list(itertools.islice(read_eval_items(path), limit))

    def pairs():
        for item, result in zip(items, extract_eval_items(items, settings, workers)):
            if on_result:
                on_result(result)
            yield item, result

    def lookup(name: str) -> list:
        # opened on the first admin1 spelling that differs, after the workers have started
        return gazetteer_for(cached_resources(settings or load_settings())).lookup(name)

    return score(pairs(), admin1_matcher(lookup))


def evaluate_dedup_path(path: str, settings: Optional[Settings] = None, workers: Optional[int] = None,
                        limit: Optional[int] = None) -> dict:
    """Extract evaluation items, cluster their events as ingest would, and score the grouping
    against the items' ``incident`` groups (B-cubed precision, recall, F1)."""
    import itertools

    items = list(itertools.islice(read_eval_items(path), limit))
    return evaluate_dedup(items, list(extract_eval_items(items, settings, workers)))


# --- corpus: ingest, query, export ----------------------------------------------------------
_STORES: dict[str, "Store"] = {}  # noqa: F821 - one engine per database URL in this process


def open_store(db: Optional[str] = None, settings: Optional[Settings] = None) -> "Store":  # noqa: F821
    """The event store at ``db`` (default ``settings.db``), created and migrated when new; one
    open store per URL per process. Raises ``StoreError`` when it cannot be opened."""
    from .store import Store, normalize_url

    url = normalize_url(db or (settings or load_settings()).db)
    key = f"{os.getpid()}:{url}"
    if key not in _STORES:
        _STORES[key] = Store(url)
    return _STORES[key]


def ingest(sources: list[str], db: Optional[str] = None, settings: Optional[Settings] = None,
           progress: Optional[Callable[["IngestProgress"], None]] = None,  # noqa: F821
           workers: Optional[int] = None) -> "IngestReport":  # noqa: F821
    """Read ``sources`` (files, folders, JSONL, HTML, RSS/Atom feeds as files or URLs, WARC
    files), extract the articles not stored yet, deduplicate their events against the store and
    write them in transactional batches. Re-ingesting an article changes nothing (it is counted
    as known). ``progress`` is called with an ``IngestProgress`` after every article."""
    from .store.ingest import run_ingest

    settings = settings or load_settings()
    store = open_store(db, settings)
    return run_ingest(list(sources), store,
                      lambda articles: extract_articles(articles, settings, workers),
                      max_chars=settings.max_article_chars, batch_size=settings.batch_size,
                      progress=progress)


def query_events(db: Optional[str] = None, filters: Optional["EventFilter"] = None,  # noqa: F821
                 limit: Optional[int] = 100, offset: int = 0
                 ) -> tuple[list["StoredEvent"], int]:  # noqa: F821
    """Stored events matching ``filters``, newest event date first, and the total matching."""
    return open_store(db).query_events(filters, limit=limit, offset=offset)


def get_event(db: Optional[str], event_id: str) -> Optional["StoredEvent"]:  # noqa: F821
    """One stored event with its sources and every claim (claims carry ``article_id``)."""
    return open_store(db).get_event(event_id)


def get_article(db: Optional[str], article_id: str) -> Optional["StoredArticle"]:  # noqa: F821
    """One stored article (by content hash or by the id given at ingest): text, title, url and
    the events read from it (offsets into its text) with the stored event each went to."""
    return open_store(db).get_article(article_id)


def export(db: Optional[str], fmt: str, filters: Optional["EventFilter"] = None,  # noqa: F821
           output: Union[str, "os.PathLike[str]", None] = None) -> int:
    """Write stored events matching ``filters`` as ``fmt`` (jsonl, acled, ucdp, geojson,
    parquet) to ``output`` (stdout when None; Parquet needs a file). Events come in ingest order,
    each article's main event first. Returns how many were written."""
    import sys

    from .errors import InputError
    from .store.exports import BINARY_FORMATS, FORMATS, export_events

    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}", f"choose one of {', '.join(FORMATS)}")
    store = open_store(db)
    events = store.iter_events(filters, order="ingest")
    binary = fmt in BINARY_FORMATS
    if output is None:
        if binary and sys.stdout.isatty():
            raise InputError("Parquet is binary: not written to a terminal", "give --output FILE")
        return export_events(events, fmt, sys.stdout.buffer if binary else sys.stdout)
    tmp = f"{output}.part"
    try:
        with open(tmp, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8",
                                                                       "newline": ""})) as fh:
            n = export_events(events, fmt, fh)
        os.replace(tmp, output)  # never a half-written export under the real name
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror}", "check the path") from exc
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return n


def evaluate_dedup(items: Iterable["EvalItem"], results: Iterable[Result]) -> dict:  # noqa: F821
    """Cluster articles by their main event (deduplication as ingest does it, in memory, in the
    given order) and score the grouping against the items' ``incident`` groups (B-cubed).
    Items without an incident are left out; an article with no event is its own cluster."""
    from .dedupe import Clusterer, bcubed, event_text, names_in

    clusterer = Clusterer()
    pred: dict[str, str] = {}
    gold: dict[str, str] = {}
    n_events = 0
    for item, result in zip(items, results):
        if item.incident is None:
            continue
        gold[item.id] = item.incident
        if result.error or not result.events:
            continue
        n_events += len(result.events)
        names = [names_in(event_text(ev, item.text, item.title, main=(k == 0)))
                 for k, ev in enumerate(result.events)]
        stored = clusterer.add(item.id, result.events, names, item.published)
        pred[item.id] = stored[0]
    p, r, f = bcubed(pred, gold)
    return {"articles": len(gold), "incidents": len(set(gold.values())),
            "events": n_events, "clusters": len(set(pred.values())) + len(set(gold) - set(pred)),
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}



# --- serve: dashboard queries ---------------------------------------------------------------
# What `warwire serve` needs beyond query_events/get_event/get_article: day counts for the
# timeline, light map points and facets for the filter form, all read through ``Store``. The
# ``actor`` argument (case-insensitive substring of an actor's name) is the store's
# ``EventFilter.actor``.
def _with_actor(filters: "EventFilter", actor: Optional[str]) -> "EventFilter":  # noqa: F821
    return filters.model_copy(update={"actor": actor}) if actor else filters


def dashboard_events(store: "Store", filters: "EventFilter", actor: Optional[str] = None,  # noqa: F821
                     limit: int = 50, offset: int = 0) -> tuple[list, int]:
    """Events for the dashboard table and ``/events.json``: ``query_events`` with the actor
    filter. Newest event date first. Returns (StoredEvents, total matching)."""
    return store.query_events(_with_actor(filters, actor), limit=limit, offset=offset)


def timeline(store: "Store", filters: "EventFilter", actor: Optional[str] = None  # noqa: F821
             ) -> list[dict]:
    """Events and fatalities (sum of best estimates) per day of the event's start date, for the
    dated events matching the filters, oldest day first."""
    return store.day_counts(_with_actor(filters, actor))


MAP_POINT_FIELDS = ("id", "event_type", "sub_event_type", "historical", "date_start", "date_end",
                    "date_precision", "location", "admin1", "country", "lat", "lon",
                    "geo_precision", "fatalities_low", "fatalities_best", "fatalities_high",
                    "injured_best", "n_sources")


def map_points(store: "Store", filters: "EventFilter", actor: Optional[str] = None,  # noqa: F821
               limit: int = 5000, offset: int = 0) -> tuple[list[dict], int]:
    """Located events (lat/lon known) matching the filters, deadliest first: one flat dict per
    event with ``MAP_POINT_FIELDS`` (columns only). Returns (points, total located)."""
    return store.map_points(MAP_POINT_FIELDS, _with_actor(filters, actor), limit, offset)


def facets(store: "Store", filters: "EventFilter", actor: Optional[str] = None  # noqa: F821
           ) -> dict[str, list[dict]]:
    """Counts per country and per event type among the events matching the filters (for the
    filter form), most frequent first."""
    return store.facet_counts(_with_actor(filters, actor))


def open_dashboard_store(url: str) -> "Store":  # noqa: F821
    """Open an existing store for reading (``warwire serve``); a missing store is a StoreError."""
    from .store import Store

    return Store(url, create=False)


def dashboard_event(store: "Store", event_id: str) -> "Optional[StoredEvent]":  # noqa: F821
    """One stored event with its sources (claims carry their article ids), or None."""
    return store.get_event(event_id)


def dashboard_article(store: "Store", article_id: str) -> "Optional[StoredArticle]":  # noqa: F821
    """One stored article (by content hash or input id) with its text and events, or None."""
    return store.get_article(article_id)


def dashboard_articles(store: "Store", limit: int = 50, offset: int = 0  # noqa: F821
                       ) -> tuple[list[dict], int]:
    """Stored articles, latest ingested first, without their text: (rows, total)."""
    return store.article_rows(limit, offset)


# --- distributed ----------------------------------------------------------------------------
def ingest_distributed(sources: list[str], cluster: Union[str, "Client"],  # noqa: F821
                       db: Optional[str] = None, parquet: Optional[str] = None,
                       settings: Optional[Settings] = None,
                       progress: Optional[Callable[["ClusterProgress"], None]] = None,  # noqa: F821
                       *, partition_bytes: Optional[int] = None) -> "ClusterReport":  # noqa: F821
    """``ingest`` on a Dask cluster (``local:N``, ``tcp://HOST:PORT`` or a ``distributed.Client``):
    sources are cut into partitions, extracted on the workers, then deduplicated and written to
    the store at ``db`` in input order, so the store ends up as a one-process ``ingest`` leaves
    it. ``parquet``: also write the store's events as a Parquet dataset partitioned by event
    date into that folder. With ``parquet`` and no ``db`` the store is a temporary SQLite file;
    with neither, ``settings.db``. ``partition_bytes``: target partition size (default: about
    eight partitions per worker). ``progress`` gets a ``ClusterProgress`` after every partition."""
    import tempfile

    from . import distributed

    settings = settings or load_settings()
    with tempfile.TemporaryDirectory(prefix="warwire-dedupe-") as tmp:
        if db is None and parquet is not None:
            from .store import Store

            store = Store(f"sqlite:///{os.path.join(tmp, 'dedupe.db')}")
        else:
            store = open_store(db, settings)
        try:
            report = distributed.run(list(sources), cluster, store, settings, progress,
                                     partition_bytes=partition_bytes)
            if parquet is not None:
                report.parquet = parquet
                report.parquet_events = distributed.write_parquet_dataset(store, parquet)
        finally:
            if db is None and parquet is not None:
                store.close()
    return report


def write_parquet_dataset(db: Optional[str], out_dir: str) -> int:
    """The store's events as a Parquet dataset under ``out_dir``, one Hive partition per event
    date (``event_date=YYYY-MM-DD``), replacing what was written there before. Returns the count."""
    from .distributed import write_parquet_dataset as write

    return write(open_store(db), out_dir)


# --- gazetteer ------------------------------------------------------------------------------
def import_gazetteer(dump_dir: str, out_dir: str) -> dict:
    """Import a full GeoNames dump (``allCountries.txt`` or any table of that format, with
    ``admin1CodesASCII.txt`` and ``admin2Codes.txt``) from ``dump_dir`` into
    ``out_dir/gazetteer.sqlite``; the pipeline uses it when the ``gazetteer_path`` setting names
    ``out_dir``. Returns the index path and its place and name counts."""
    from .gazetteer.build import import_geonames
    from .gazetteer.sqlite import SqliteGazetteer

    path = import_geonames(dump_dir, out_dir)
    gaz = SqliteGazetteer(path)
    places = gaz.conn.execute("SELECT count(*) FROM places").fetchone()[0]
    names = gaz.conn.execute("SELECT count(*) FROM names").fetchone()[0]
    gaz.conn.close()
    return {"index": str(path), "places": places, "names": names, "gazetteer_path": str(out_dir)}
