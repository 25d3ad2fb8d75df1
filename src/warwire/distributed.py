"""The same ingest on a Dask cluster: partitions out, extraction on the workers, deduplication and
store writes in one place, in input order.

How it goes (``run``, called by ``api.ingest_distributed``):

1. **Plan** (client): the sources are expanded like ``store.sources.iter_articles`` does and cut
   into ``Partition``s — a plain JSONL file larger than the target size by byte range (cuts fall
   just after a newline, so no line is lost or read twice; each range knows how many lines come
   before it, so failure messages name the same line numbers as a one-process ingest), a WARC
   file by byte range at record boundaries (each range knows how many records precede it),
   everything else (small files, folders' files, ``.gz``, feeds, URLs) by file, a few files a
   partition. Concatenating the partitions' items in partition order gives exactly the items of
   ``iter_articles`` over the sources.
2. **Extract** (workers): ``extract_partition`` reads its partition, leaves out articles the store
   already holds (when the workers can reach the store), and runs ``api.extract_articles`` with
   ``workers=1``. The pipeline (spaCy model, gazetteer) is loaded once per worker process: by
   ``PipelinePlugin`` when the worker joins, and cached per process after that. A partition is a
   pure function of its input, so a partition lost with a dying worker is simply run again by
   the scheduler (``distributed.scheduler.allowed-failures`` times).
3. **Deduplicate and store** (client): results come back in any order; a reorder buffer hands
   them on in partition order, and they are written with ``Store.add_batch`` exactly as
   ``store.ingest.run_ingest`` writes them in one process. Deduplication therefore runs after
   extraction, in input order, each event compared with the stored events within the store's
   window of days (``candidate_window_days`` in ``rules/dedupe.yaml``) — the result does not
   depend on how the work was split or which worker finished first, and equals a one-process
   ``warwire ingest``. Each partition is written once (by its index): a retried partition cannot
   double anything.
4. **Parquet** (client, optional): the store's events, one Hive partition per event start date
   (``DIR/event_date=2021-11-16/part-00000.parquet``; undated events under
   ``event_date=__HIVE_DEFAULT_PARTITION__``), columns as ``warwire export --format parquet``.
   Without a store URL the deduplication runs in a temporary SQLite store.
"""
from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional, Union

from .errors import InputError, WarwireError
from .model import Article, Result
from .settings import Settings
from .store.models import IngestProgress, IngestReport

if TYPE_CHECKING:
    from distributed import Client

    from .stages.ingest import InputFailure
    from .store import Store

log = logging.getLogger(__name__)

# Reading plain files in chunks of this many bytes when planning cuts.
_SCAN_CHUNK = 1 << 20
# Automatic partition size: about eight partitions per worker (so a slow partition at the end
# does not leave the other workers idle), between these bounds. 64 KB is ~25 news articles of
# ~2,500 bytes (gvc-dev: 9.5 MB / 4,152 lines), ~2.5 s of work on one core at ~10 articles/s:
# well above Dask's per-task overhead (~1 ms).
_MIN_PARTITION_BYTES = 64 * 1024
_MAX_PARTITION_BYTES = 32 * 1024 * 1024
_PARTITIONS_PER_WORKER = 8
# Small files grouped into one partition: at most this many.
FILES_PER_PARTITION = 64
# Task keys start with this (the worker-death test and the dashboard show them).
KEY_PREFIX = "warwire-partition"
_WARM_TEXT = ("Two people were killed and three wounded in a shooting in Dayton, Ohio, on "
              "Monday night, police said.")


# --------------------------------------------------------------------------------------------
# Partitions
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Partition:
    """One unit of work. ``kind``: ``files`` (``paths`` read whole, in order), ``jsonl`` (bytes
    ``start``..``end`` of ``paths[0]``, ``before`` lines before ``start``) or ``warc`` (records
    starting in bytes ``start``..``end``, ``before`` response/resource records before them)."""

    index: int
    kind: str
    paths: tuple[str, ...]
    start: int = 0
    end: Optional[int] = None
    before: int = 0
    size: int = 0  # bytes, for the plan's summary

    @property
    def key(self) -> str:
        return f"{KEY_PREFIX}-{self.index:06d}"

    def describe(self) -> str:
        if self.kind == "files":
            more = f" (+{len(self.paths) - 1} files)" if len(self.paths) > 1 else ""
            return f"{self.paths[0]}{more}"
        return f"{self.paths[0]} bytes {self.start}-{self.end}"


def _is_url(src: str) -> bool:
    return src.startswith(("http://", "https://"))


def _split_kind(path: str) -> Optional[str]:
    """``jsonl`` or ``warc`` when ``path`` is a file ingest would read as plain JSONL (not gzip,
    not a feed) or as a WARC file; None for anything read whole. Uses the same tests, in the same
    order, as ``store.sources._one`` and ``stages.ingest.read_inputs``."""
    from .stages.ingest import _sniff
    from .store.sources import _FEED_EXT, _FEED_SNIFF, _WARC_EXT

    low = path.lower()
    if low.endswith(_WARC_EXT):
        return "warc"
    if low.endswith(_FEED_EXT) or low.endswith(".gz"):
        return None
    try:
        with open(path, "rb") as fh:
            head = fh.read(64 * 1024)
    except OSError:
        return None
    if _FEED_SNIFF.match(head[:4096].lstrip(b"\xef\xbb\xbf")):
        return None
    return "jsonl" if _sniff(head, path) == "jsonl" else None


def jsonl_cuts(path: str, target: int) -> list[tuple[int, int, int]]:
    """(start, end, lines before start) ranges of about ``target`` bytes covering the file; every
    range but the first starts just after a newline."""
    size = os.path.getsize(path)
    ranges: list[tuple[int, int, int]] = []
    start, start_lines, lines, pos = 0, 0, 0, 0
    next_cut = target
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(_SCAN_CHUNK)
            if not chunk:
                break
            i = 0  # newlines of chunk[:i] are counted
            while pos + len(chunk) > next_cut:
                j = chunk.find(b"\n", max(i, next_cut - pos))
                if j < 0:  # the cut falls in a later chunk: look from its first byte
                    next_cut = pos + len(chunk)
                    break
                lines += chunk.count(b"\n", i, j + 1)
                i = j + 1
                cut = pos + i
                if cut < size:
                    ranges.append((start, cut, start_lines))
                    start, start_lines = cut, lines
                next_cut = cut + target
            lines += chunk.count(b"\n", i)
            pos += len(chunk)
    if start < size or not ranges:
        ranges.append((start, size, start_lines))
    return ranges


def warc_cuts(path: str, target: int) -> list[tuple[int, int, int]]:
    """(start, end, response/resource records before start) ranges of about ``target`` bytes,
    cut at record boundaries (works for plain and per-record-gzipped WARC files)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    size = os.path.getsize(path)
    ranges: list[tuple[int, int, int]] = []
    start, start_n, n = 0, 0, 0
    try:
        with open(path, "rb") as fh:
            it = ArchiveIterator(fh)
            for record in it:
                offset = it.get_record_offset()
                if offset - start >= target:
                    ranges.append((start, offset, start_n))
                    start, start_n = offset, n
                if record.rec_type in ("response", "resource"):
                    n += 1
    except (ArchiveLoadFailed, OSError, EOFError, ValueError):
        pass  # the last range reads on to the break and reports it, as ingest does
    ranges.append((start, size, start_n))
    return ranges


def plan(sources: list[str], target_bytes: int,
         files_per_partition: int = FILES_PER_PARTITION) -> list[Partition]:
    """The partitions of ``sources``, in input order (see the module docstring)."""
    from .store.sources import expand

    parts: list[Partition] = []
    group: list[str] = []
    group_bytes = 0

    def add(kind: str, paths: tuple[str, ...], start: int = 0, end: Optional[int] = None,
            before: int = 0, size: int = 0) -> None:
        parts.append(Partition(len(parts), kind, paths, start, end, before, size))

    def flush() -> None:
        nonlocal group_bytes
        if group:
            add("files", tuple(group), size=group_bytes)
            group.clear()
            group_bytes = 0

    for src in expand(sources):
        if src == "-":
            raise InputError("standard input cannot be sent to a cluster",
                             "save it to a file and give the file")
        size = 0
        kind = None
        if not _is_url(src):
            try:
                size = os.path.getsize(src)
            except OSError:
                size = 0  # the worker reports the problem, as ingest would
            if size > target_bytes:
                kind = _split_kind(src)
        if kind is not None:
            cuts = jsonl_cuts(src, target_bytes) if kind == "jsonl" else warc_cuts(src, target_bytes)
            if len(cuts) > 1:
                flush()
                for start, end, before in cuts:
                    add(kind, (src,), start, end, before, end - start)
                continue
        if group and (len(group) >= files_per_partition or group_bytes + size > target_bytes):
            flush()
        group.append(src)
        group_bytes += size
    flush()
    return parts


# --------------------------------------------------------------------------------------------
# Reading a partition (on a worker)
# --------------------------------------------------------------------------------------------
Item = Union[Article, "InputFailure"]


def read_partition(part: Partition, max_chars: int) -> Iterator[Item]:
    """The items of one partition, as ``iter_articles`` yields them for that stretch of input."""
    from .store.sources import iter_articles

    if part.kind == "files":
        yield from iter_articles(list(part.paths), max_chars)
    elif part.kind == "jsonl":
        yield from _jsonl_range(part, max_chars)
    elif part.kind == "warc":
        yield from _warc_range(part, max_chars)
    else:
        raise ValueError(f"unknown partition kind {part.kind!r}")


def _range_chunks(fh: Any, length: int) -> Iterator[bytes]:
    left = length
    while left > 0:
        chunk = fh.read(min(_SCAN_CHUNK, left))
        if not chunk:
            return
        left -= len(chunk)
        yield chunk


def _jsonl_range(part: Partition, max_chars: int) -> Iterator[Item]:
    from .stages.ingest import InputFailure, _jsonl_items

    path = part.paths[0]
    name = os.path.basename(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield InputFailure(path, f"cannot be read: {exc.strerror}", "check the path")
        return
    off = part.before
    with fh:
        fh.seek(part.start)
        end = part.end if part.end is not None else os.path.getsize(path)
        try:
            for item in _jsonl_items(_range_chunks(fh, end - part.start), max_chars):
                if isinstance(item, InputFailure) and item.line is not None:
                    line = item.line + off
                    label = f"line {line}" if item.item == f"line {item.line}" else item.item
                    item = InputFailure(label, item.message, item.hint, line)
                yield item
        except (OSError, EOFError) as exc:
            yield InputFailure(name, f"reading stopped: {exc}", "check the file")


class _Window:
    """A binary file seen from its current position for ``length`` bytes only."""

    def __init__(self, fh: Any, length: int):
        self.fh = fh
        self.left = length

    def read(self, size: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        n = self.left if size is None or size < 0 else min(size, self.left)
        data = self.fh.read(n)
        self.left -= len(data)
        return data


def _warc_range(part: Partition, max_chars: int) -> Iterator[Item]:
    """The records starting in the byte range, read as ``store.sources.warc_articles`` reads them
    (same record numbering, same failures)."""
    from .stages.ingest import InputFailure
    from .store.sources import warc_stream_articles

    path = part.paths[0]
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield InputFailure(path, f"{path}: cannot be read: {exc.strerror}", "check the path")
        return
    end = part.end if part.end is not None else os.path.getsize(path)
    with fh:
        fh.seek(part.start)
        # The range ends at a record boundary: the iterator sees exactly its records.
        # (warcio's get_record_offset() reads the record to its end, so it cannot be asked
        # before the content is read.)
        yield from warc_stream_articles(_Window(fh, end - part.start), path, max_chars,
                                        before=part.before)


# --------------------------------------------------------------------------------------------
# Extracting a partition (on a worker)
# --------------------------------------------------------------------------------------------
@dataclass
class PartitionOutput:
    """What a worker sends back: the partition's items in order, each a failure, an article the
    store already holds, or an article with its Result."""

    index: int
    items: list[tuple[str, Any, Optional[Result]]]  # ("failure"|"known"|"done", item, result)
    seconds: float = 0.0
    worker_pid: int = 0


_KNOWN_STORES: dict[str, Optional["Store"]] = {}


def _known(db: Optional[str], keys: list[str]) -> set[str]:
    """Which content hashes the store holds, when this process can open it (else none)."""
    if not db or not keys:
        return set()
    from .store import Store

    if db not in _KNOWN_STORES:
        try:
            _KNOWN_STORES[db] = Store(db, create=False)
        except WarwireError as exc:
            log.warning("warwire: worker cannot read the store (%s); extracting every article", exc)
            _KNOWN_STORES[db] = None
    store = _KNOWN_STORES[db]
    if store is None:
        return set()
    try:
        return store.known_articles(keys)
    except WarwireError:
        return set()


def extract_partition(part: Partition, settings: Settings,
                      known_db: Optional[str] = None) -> PartitionOutput:
    """Read and extract one partition in this process (the pipeline is built once per process).
    Articles already in the store at ``known_db`` are not extracted."""
    from . import api
    from .stages.ingest import InputFailure
    from .store import content_hash

    started = time.perf_counter()
    items = list(read_partition(part, settings.max_article_chars))
    articles = [it for it in items if isinstance(it, Article)]
    known = _known(known_db, [content_hash(a.text) for a in articles])
    todo = [a for a in articles if content_hash(a.text) not in known]
    results = iter(api.extract_articles(todo, settings, workers=1))
    out: list[tuple[str, Any, Optional[Result]]] = []
    for it in items:
        if isinstance(it, InputFailure):
            out.append(("failure", it, None))
        elif content_hash(it.text) in known:
            out.append(("known", it, None))
        else:
            out.append(("done", it, next(results)))
    return PartitionOutput(part.index, out, round(time.perf_counter() - started, 3), os.getpid())


def warm_up(settings: Settings) -> None:
    """Load the pipeline's resources (model, gazetteer) in this process."""
    from . import api
    from .stages.ingest import article_from_text

    list(api.extract_articles([article_from_text(_WARM_TEXT, published="2024-01-02")],
                              settings, workers=1))


def _pipeline_plugin(settings: Settings) -> Any:
    from distributed.diagnostics.plugin import WorkerPlugin

    class PipelinePlugin(WorkerPlugin):
        """Loads warwire's pipeline when a worker starts (and when a dead one is replaced)."""

        name = "warwire-pipeline"

        def __init__(self, settings: Settings):
            self.settings = settings

        def setup(self, worker: Any) -> None:
            try:
                warm_up(self.settings)
            except Exception as exc:  # noqa: BLE001 - the partitions will report it per article
                log.warning("warwire: loading the pipeline on %s failed: %r", worker.address, exc)

    return PipelinePlugin(settings)


# --------------------------------------------------------------------------------------------
# Progress and report
# --------------------------------------------------------------------------------------------
class ClusterProgress(IngestProgress):
    """``IngestProgress`` plus the cluster's side: partitions done, articles extracted, rate."""

    partitions_done: int = 0
    partitions_total: int = 0
    extracted: int = 0  # articles back from the workers (written or not yet)
    rate: float = 0.0  # articles back from the workers per second
    workers: int = 0
    dashboard: Optional[str] = None


class ClusterReport(IngestReport):
    partitions: int = 0
    partitions_failed: int = 0
    workers: int = 0
    dashboard: Optional[str] = None
    parquet: Optional[str] = None
    parquet_events: int = 0
    worker_seconds: float = 0.0  # summed over partitions
    store_seconds: float = 0.0  # spent writing (deduplicating) in the client: the serial part


ProgressFn = Callable[[ClusterProgress], None]


# --------------------------------------------------------------------------------------------
# The cluster
# --------------------------------------------------------------------------------------------
@contextlib.contextmanager
def connect(cluster: Union[str, "Client"]) -> Iterator["Client"]:
    """A Dask client: ``local:N`` starts N worker processes on this machine (one thread each,
    loopback only); ``tcp://HOST:PORT`` (or tls://) connects to a running scheduler; a
    ``distributed.Client`` is used as given."""
    from distributed import Client, LocalCluster

    if not isinstance(cluster, str):
        yield cluster
        return
    if cluster.startswith("local:"):
        try:
            n = int(cluster.split(":", 1)[1])
        except ValueError:
            n = 0
        if n < 1:
            raise InputError(f"--cluster {cluster}: give local:N with N ≥ 1 worker processes",
                             "e.g. --cluster local:2")
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as lc, \
                Client(lc) as client:
            yield client
        return
    if "://" not in cluster:
        raise InputError(f"--cluster {cluster!r}: not a scheduler address",
                         "give tcp://HOST:PORT (a running `dask scheduler`) or local:N")
    try:
        client = Client(cluster, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {cluster}: {exc}",
                         "start it with `dask scheduler` and check the address") from exc
    with client:
        yield client


def _target_bytes(sources: list[str], n_workers: int) -> int:
    from .store.sources import expand

    total = 0
    for src in expand(sources):
        if src != "-" and not _is_url(src):
            with contextlib.suppress(OSError):
                total += os.path.getsize(src)
    want = total // max(1, n_workers * _PARTITIONS_PER_WORKER)
    return max(_MIN_PARTITION_BYTES, min(_MAX_PARTITION_BYTES, want))


def _workers_reach(db_url: str, local: bool) -> Optional[str]:
    """The store URL workers may read to skip known articles: any server URL; an SQLite file only
    on a local cluster (a remote worker would not see the file)."""
    return db_url if (local or not db_url.startswith("sqlite")) else None


def run(sources: list[str], cluster: Union[str, "Client"], store: "Store",
        settings: Settings, progress: Optional[ProgressFn] = None, *,
        partition_bytes: Optional[int] = None,
        files_per_partition: int = FILES_PER_PARTITION) -> ClusterReport:
    """Extract ``sources`` on the cluster and write them to ``store`` in input order (see the
    module docstring). Returns the ingest report."""
    from distributed import as_completed

    from . import dedupe
    from .store.ingest import IngestTally
    from .store.sources import count_items

    started = time.monotonic()
    report = ClusterReport(sources=list(sources))
    state = ClusterProgress(total=count_items(sources))

    def with_rate(state: ClusterProgress) -> None:
        state.rate = round(state.extracted / max(time.monotonic() - started, 1e-6), 2)
        if progress:
            progress(state)
    local = isinstance(cluster, str) and (cluster.startswith("local:")
                                          or "127.0.0.1" in cluster or "localhost" in cluster)
    with connect(cluster) as client:
        n_workers = len(client.scheduler_info().get("workers", {}))
        target = partition_bytes or _target_bytes(sources, n_workers)
        parts = plan(sources, target, files_per_partition)
        state.partitions_total = report.partitions = len(parts)
        state.workers = report.workers = n_workers
        state.dashboard = report.dashboard = getattr(client, "dashboard_link", None)
        with_rate(state)
        client.register_plugin(_pipeline_plugin(settings), name="warwire-pipeline")
        known_db = _workers_reach(store.url, local)
        futures = [client.submit(extract_partition, p, settings, known_db, key=p.key,
                                 pure=False, retries=1) for p in parts]
        by_index = {f.key: p.index for f, p in zip(futures, parts)}

        tally = IngestTally(store, report, state, batch_size=settings.batch_size,
                            progress=with_rate, rules=dedupe._rules())
        buffered: dict[int, PartitionOutput] = {}
        next_index = 0

        def consume(output: PartitionOutput) -> None:
            """One partition's items, in order, as ``run_ingest`` handles them."""
            for kind, item, result in output.items:
                if kind == "failure":
                    tally.fail(str(item))
                elif tally.is_new(item, stored=kind == "known"):
                    assert result is not None
                    tally.add(item, result)

        for future in as_completed(futures):
            index = by_index[future.key]
            try:
                output = future.result()
            except Exception as exc:  # noqa: BLE001 - a partition that keeps failing is reported, the run goes on
                output = PartitionOutput(index, [])
                report.partitions_failed += 1
                tally.fail(f"partition {index} ({parts[index].describe()}) failed: {exc!r}")
            future.release()
            state.partitions_done += 1
            state.extracted += len(output.items)
            report.worker_seconds += output.seconds
            if index >= next_index and index not in buffered:
                buffered[index] = output
            while next_index in buffered:
                consume(buffered.pop(next_index))
                next_index += 1
            tally.tick()
        tally.write()
        tally.tick()
    report.worker_seconds = round(report.worker_seconds, 3)
    report.store_seconds = round(tally.store_seconds, 3)
    report.seconds = round(time.monotonic() - started, 3)
    return report


# --------------------------------------------------------------------------------------------
# Parquet dataset partitioned by event date
# --------------------------------------------------------------------------------------------
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"  # pyarrow's Hive name for a null value
_ROWS_PER_FILE = 50_000


def _day(start: Optional[str]) -> Optional[str]:
    """The event's start day as ``YYYY-MM-DD`` (its Parquet partition), or None."""
    from .model import iso_date

    day = iso_date(start)
    return day.isoformat() if day else None


def write_parquet_dataset(store: "Store", out_dir: str) -> int:
    """Every event of ``store`` as a Hive-partitioned Parquet dataset under ``out_dir``
    (``event_date=YYYY-MM-DD/part-NNNNN.parquet``), replacing the partitions written there
    before. Returns how many events were written."""
    from .store.exports import write_parquet

    os.makedirs(out_dir, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=".warwire-", dir=out_dir)
    parts_of: dict[str, int] = {}
    n = 0
    rows: list[Any] = []
    day_of_rows: Optional[str] = None

    def flush() -> None:
        nonlocal n
        if not rows:
            return
        name = f"event_date={day_of_rows or NULL_PARTITION}"
        k = parts_of.get(name, 0)
        parts_of[name] = k + 1
        os.makedirs(os.path.join(tmp, name), exist_ok=True)
        with open(os.path.join(tmp, name, f"part-{k:05d}.parquet"), "wb") as fh:
            n += write_parquet(rows, fh)
        rows.clear()

    try:
        for ev in store.iter_events(order="date"):
            day = _day(ev.date.start)
            if rows and (day != day_of_rows or len(rows) >= _ROWS_PER_FILE):
                flush()
            day_of_rows = day
            rows.append(ev)
        flush()
        for name in os.listdir(out_dir):  # swap the new partitions in
            if name.startswith("event_date="):
                shutil.rmtree(os.path.join(out_dir, name))
        for name in os.listdir(tmp):
            os.replace(os.path.join(tmp, name), os.path.join(out_dir, name))
    except OSError as exc:
        raise InputError(f"cannot write the Parquet dataset {out_dir}: {exc.strerror}",
                         "check the folder and the free space") from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return n


__all__ = [
    "Partition", "PartitionOutput", "ClusterProgress", "ClusterReport", "plan", "jsonl_cuts",
    "warc_cuts", "read_partition", "extract_partition", "warm_up", "connect", "run",
    "write_parquet_dataset", "NULL_PARTITION", "KEY_PREFIX",
]
