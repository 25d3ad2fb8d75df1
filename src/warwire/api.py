"""The one place behaviour lives. The CLI (``cli.py``) and the web app (``web/``) are thin layers
over these functions; only this module touches the store.

- extract: articles → contract ``Result``s (no store)
- evaluate: evaluation items → per-field scores
- corpus: ingest, query, export (the store)
"""
from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional, Union

from .errors import WarwireError
from .model import Analysis, Article, ArticleInfo, Result
from .pipeline import Pipeline, Resources, cached_resources
from .settings import Settings, load_settings

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

    return is_relevant(article.text if not article.title else f"{article.title}\n{article.text}")


def _extract_batch(articles: list[Article], pipeline: Pipeline) -> list[Result]:
    """Parse a batch with one ``nlp.pipe`` call, then run the other stages article by article.
    An article that fails is reported in its own Result; the batch goes on."""
    from .stages.parse import nlp_for, parse_many

    relevant = [a for a in articles if _relevant(a)]
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
            if not any(a is article for a in relevant):
                out.append(_result(Analysis(article=article)))
                continue
            analysis = Analysis(article=article, parsed=parsed.get(article.id))
            out.append(_result(pipeline.run(analysis)))
        except WarwireError as exc:
            out.append(_failure_result(article.id, str(exc), article))
        except Exception as exc:  # noqa: BLE001 - report, skip, go on (the brief's bad-input rule)
            out.append(_failure_result(article.id, f"internal error while extracting: {exc!r}", article))
    return out


def extract_article(article: Article, settings: Optional[Settings] = None) -> Result:
    """Extract the events of one article (the contract's Result)."""
    return _extract_batch([article], build_pipeline(settings))[0]


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

def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given; folders walked recursively (sorted, hidden files skipped); ``-`` is stdin."""
    from pathlib import Path

    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.parts[len(path.parts):]):
                    yield str(child)
        else:
            yield raw


def extract_paths(paths: Iterable[str], settings: Optional[Settings] = None,
                  workers: Optional[int] = None) -> Iterator[Result]:
    """Like ``extract_path`` over several files and folders, in order."""
    import itertools

    from .stages.ingest import read_inputs

    settings = settings or load_settings()
    items = itertools.chain.from_iterable(
        read_inputs(p, max_chars=settings.max_article_chars) for p in expand_paths(paths))
    return extract_articles(items, settings, workers)


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


def evaluate(path: str, settings: Optional[Settings] = None, workers: Optional[int] = None,
             limit: Optional[int] = None,
             on_result: Optional[Callable[[Result], None]] = None) -> "EvalReport":  # noqa: F821
    """Run the extraction over evaluation items and score the main event field by field."""
    import itertools

    from .evaluation import score
    from .stages.ingest import article_from_text

    items = list(itertools.islice(read_eval_items(path), limit))
    articles = (article_from_text(it.text, id=it.id, title=it.title, published=it.published or None)
                for it in items)

    def pairs():
        for item, result in zip(items, extract_articles(articles, settings, workers)):
            if on_result:
                on_result(result)
            yield item, result

    return score(pairs())

# --- corpus: ingest, query, export ----------------------------------------------------------
