"""Tests for warwire.distributed: partitions cover the input exactly (JSONL byte ranges on line
boundaries, WARC ranges on record boundaries, folders by file); an ingest on a local Dask cluster
of two worker processes leaves the store exactly as a one-process ingest does (events, claims,
merges, low/best/high) and writes the same events to the Parquet dataset; a worker killed
mid-partition costs a retry of that partition: nothing lost, nothing doubled."""
from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from warwire import api
from warwire.distributed import KEY_PREFIX, NULL_PARTITION, jsonl_cuts, plan, read_partition
from warwire.settings import load_settings
from warwire.store import Store
from warwire.store import schema as S
from warwire.store.sources import iter_articles

CORPUS = Path(__file__).parent / "corpus"
MAX_CHARS = 2_000_000
# Corpus articles used as cluster input (a few, to keep the tests fast).
CORPUS_FILES = ["seed.txt", "dayton_police_shooting.txt", "quetta_bombing.txt",
                "erbil_rockets.txt", "football_not_violence.txt"]
FOLLOW_UP = "\n\nThe investigation is continuing, officials said on Thursday."


def _write_jsonl(path: Path) -> None:
    """Each corpus article twice (as given, and a follow-up report of the same event a day later:
    the store merges them), one article again under another id (known), an item with no text, a
    broken line and a blank line."""
    lines = []
    for k, name in enumerate(CORPUS_FILES):
        text = (CORPUS / name).read_text(encoding="utf-8")
        lines.append(json.dumps({"id": f"orig-{k}", "text": text,
                                 "published": f"2021-11-{10 + k}T14:00:00"}))
        if k == 2:
            lines += ['{"id": "broken", "text": ', "", json.dumps({"id": "no-text"}),
                      json.dumps({"id": "again-0", "text": json.loads(lines[0])["text"]})]
        lines.append(json.dumps({"id": f"follow-{k}", "text": text + FOLLOW_UP,
                                 "published": f"2021-11-{11 + k}T09:00:00"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    root = tmp_path_factory.mktemp("input")
    _write_jsonl(root / "items.jsonl")
    folder = root / "folder"
    folder.mkdir()
    for name in CORPUS_FILES[:3]:  # the same texts again: known articles
        (folder / name).write_text((CORPUS / name).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "extra.txt").write_text((CORPUS / "srilanka_landmine.txt").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    return [str(root / "items.jsonl"), str(folder)]


# ---------------------------------------------------------------------------------- partitions
def _items(parts: list, max_chars: int = MAX_CHARS) -> list:
    return [it for p in parts for it in read_partition(p, max_chars)]


@pytest.mark.parametrize("target", [1, 50, 700, 3000, 10**9])
def test_jsonl_byte_ranges_lose_and_double_nothing(sources: list[str], target: int) -> None:
    parts = plan(sources, target)
    assert _items(parts) == list(iter_articles(sources, MAX_CHARS))
    jsonl = [p for p in parts if p.kind == "jsonl"]
    if target < 3000:
        assert len(jsonl) > 1  # the file really was split
        assert all(p.start == q.end for p, q in zip(jsonl[1:], jsonl))


def test_cuts_fall_after_newlines(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"a": 1}\n{"bb": 22}\n\n{"ccc": 333}')  # no final newline
    data = path.read_bytes()
    for target in range(1, len(data) + 2):
        cuts = jsonl_cuts(str(path), target)
        assert cuts[0][0] == 0 and cuts[-1][1] == len(data)
        for (s0, e0, n0), (s1, _, n1) in zip(cuts, cuts[1:]):
            assert e0 == s1 and data[s1 - 1:s1] == b"\n"
            assert n1 == n0 + data[s0:e0].count(b"\n")


def test_failures_keep_their_line_numbers(sources: list[str]) -> None:
    got = [str(it) for it in _items(plan(sources, 1)) if not hasattr(it, "text")]
    assert got == [str(it) for it in iter_articles(sources, MAX_CHARS) if not hasattr(it, "text")]
    assert any(g.startswith("line 6") for g in got)


def test_folders_are_split_by_file(sources: list[str]) -> None:
    parts = plan([sources[1]], 10**9, files_per_partition=2)
    assert [len(p.paths) for p in parts] == [2, 2]
    assert [Path(p).name for part in parts for p in part.paths] == sorted(
        ["dayton_police_shooting.txt", "extra.txt", "quetta_bombing.txt", "seed.txt"])


def test_warc_ranges_cut_at_records(tmp_path: Path) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for k, name in enumerate(CORPUS_FILES):
            body = "".join(f"<p>{p}</p>" for p in (CORPUS / name).read_text().split("\n\n"))
            html = f"<html><head><title>{name}</title></head><body>{body}</body></html>".encode()
            ctype = "text/plain" if k == 3 else "text/html; charset=utf-8"
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://example.org/{k}", "response", payload=BytesIO(html),
                http_headers=headers))
    for target in (1, 2000, 10**9):
        parts = plan([str(path)], target)
        assert _items(parts) == list(iter_articles([str(path)], MAX_CHARS))
        assert (len(parts) == len(CORPUS_FILES)) == (target == 1)


def test_stdin_cannot_go_to_a_cluster() -> None:
    from warwire.errors import InputError

    with pytest.raises(InputError):
        plan(["-"], 1000)


# ---------------------------------------------------------------------------------- the cluster
@pytest.fixture(scope="module")
def cluster() -> Any:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as lc:
        yield lc


@pytest.fixture(scope="module")
def settings() -> Any:
    return load_settings(workers=1)


@pytest.fixture(scope="module")
def reference(sources: list[str], settings: Any, tmp_path_factory: pytest.TempPathFactory
              ) -> tuple[Any, list]:
    """The one-process ingest of the same input: its report and its store's snapshot."""
    url = f"sqlite:///{tmp_path_factory.mktemp('one') / 'one.db'}"
    report = api.ingest(sources, url, settings, workers=1)
    assert report.events_merged >= 4 and report.articles_known > 0 and report.failures == 2
    return report, _snapshot(url)


def _snapshot(url: str) -> list:
    """Everything stored but timestamps: events (merged figures, claims, sources), every
    event–article link with its merge decision and score, and every claim row."""
    store = Store(url)
    events = [e.model_dump(exclude={"created_at", "updated_at"})
              for e in store.iter_events(order="ingest")]
    with store.engine.connect() as conn:
        links = [tuple(r) for r in conn.execute(sa.select(
            S.event_articles.c.event_id, S.event_articles.c.article_id,
            S.event_articles.c.article_event_id, S.event_articles.c.rank,
            S.event_articles.c.decision, S.event_articles.c.score, S.event_articles.c.seq
        ).order_by(S.event_articles.c.seq))]
        claim_cols = [c for c in S.claims.c if c.name not in ("id",)]
        claims = sorted(tuple(map(str, r)) for r in conn.execute(sa.select(*claim_cols)))
        articles = [tuple(r) for r in conn.execute(sa.select(
            S.articles.c.id, S.articles.c.input_id, S.articles.c.n_events, S.articles.c.seq
        ).order_by(S.articles.c.seq))]
    stats = store.stats()
    store.close()
    return [stats, articles, links, claims, events]


def _counts(report: Any) -> tuple:
    return (report.articles_seen, report.articles_new, report.articles_known, report.failures,
            report.events_found, report.events_new, report.events_merged)


def test_cluster_equals_one_process(cluster: Any, sources: list[str], settings: Any,
                                    reference: tuple[Any, list], tmp_path: Path) -> None:
    import pyarrow.dataset as ds

    url = f"sqlite:///{tmp_path / 'two.db'}"
    ticks: list[Any] = []
    report = api.ingest_distributed(sources, cluster.scheduler_address, db=url,
                                    parquet=str(tmp_path / "pq"), settings=settings,
                                    progress=lambda p: ticks.append(p.model_copy()),
                                    partition_bytes=1500)
    ref_report, ref_snapshot = reference
    assert report.partitions > 4 and report.partitions_failed == 0 and report.workers == 2
    assert _counts(report) == _counts(ref_report)
    assert sorted(report.failure_messages) == sorted(ref_report.failure_messages)
    snapshot = _snapshot(url)
    for got, want in zip(snapshot, ref_snapshot):
        assert got == want
    # progress: every partition reported, articles and rate counted, the dashboard link given
    assert ticks[-1].partitions_done == ticks[-1].partitions_total == report.partitions
    assert ticks[-1].extracted == ref_report.articles_seen + ref_report.failures
    assert ticks[-1].rate > 0 and ticks[0].dashboard and ticks[0].dashboard.startswith("http")
    # the Parquet dataset holds the stored events, each under its event date
    table = ds.dataset(str(tmp_path / "pq"), partitioning="hive").to_table().to_pylist()
    events = {e["id"]: e for e in snapshot[-1]}
    assert sorted(r["id"] for r in table) == sorted(events) and report.parquet_events == len(events)
    for row in table:
        day = events[row["id"]]["date"]["start"]
        assert str(row["event_date"]) == (day[:10] if day else "None") or (
            row["event_date"] is None and not day)
        assert row["fatalities_best"] == events[row["id"]]["fatalities"]["best"]


def test_parquet_only_deduplicates_in_a_temporary_store(cluster: Any, sources: list[str],
                                                        settings: Any, reference: tuple,
                                                        tmp_path: Path) -> None:
    import pyarrow.dataset as ds

    report = api.ingest_distributed(sources, cluster.scheduler_address,
                                    parquet=str(tmp_path / "pq"), settings=settings)
    assert _counts(report) == _counts(reference[0])
    table = ds.dataset(str(tmp_path / "pq"), partitioning="hive").to_table()
    assert sorted(table.column("id").to_pylist()) == sorted(e["id"] for e in reference[1][-1])
    assert not any(n.startswith(".") for n in os.listdir(tmp_path / "pq"))
    assert any(n == f"event_date={NULL_PARTITION}" or n.startswith("event_date=2")
               for n in os.listdir(tmp_path / "pq"))


def _signal_plugin(folder: str) -> Any:
    """A worker plugin that drops a file ``<task key>@<pid>`` when a partition starts running."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class Signal(WorkerPlugin):
        name = "test-signal"

        def __init__(self, folder: str):
            self.folder = folder

        def transition(self, key: Any, start: str, finish: str, **kwargs: Any) -> None:
            if finish == "executing" and str(key).startswith(KEY_PREFIX):
                Path(self.folder, f"{key}@{os.getpid()}").touch()

    return Signal(folder)


def test_worker_killed_mid_partition_costs_a_retry(cluster: Any, sources: list[str],
                                                   settings: Any, reference: tuple[Any, list],
                                                   tmp_path: Path) -> None:
    from distributed import Client

    signals = tmp_path / "signals"
    signals.mkdir()
    with Client(cluster.scheduler_address) as client:
        client.register_plugin(_signal_plugin(str(signals)))
        url = f"sqlite:///{tmp_path / 'killed.db'}"
        out: dict[str, Any] = {}

        def run() -> None:
            try:
                out["report"] = api.ingest_distributed(sources, cluster.scheduler_address, db=url,
                                                       settings=settings, partition_bytes=4000)
            except BaseException as exc:  # noqa: BLE001 - re-raised in the test thread
                out["error"] = exc

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        victim = None
        deadline = time.monotonic() + 120
        while victim is None and time.monotonic() < deadline:
            started = sorted(signals.iterdir())
            if started:  # a partition is running: kill its worker process, now
                victim = started[0].name
                os.kill(int(victim.split("@")[1]), signal.SIGKILL)
            time.sleep(0.002)
        assert victim is not None, "no partition started"
        thread.join(180)
        client.unregister_worker_plugin("test-signal")
    assert "error" not in out, out.get("error")
    key = victim.split("@")[0]
    runs = {p.name.split("@")[1] for p in signals.iterdir() if p.name.startswith(key + "@")}
    assert len(runs) >= 2, f"{key} was not run again after its worker died"
    report = out["report"]
    assert report.partitions_failed == 0
    assert _counts(report) == _counts(reference[0])
    assert _snapshot(url) == reference[1]


@pytest.mark.slow
def test_cli_ingest_on_a_local_cluster(sources: list[str], reference: tuple[Any, list],
                                       tmp_path: Path) -> None:
    import subprocess

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    done = subprocess.run([str(Path(sys.executable).parent / "warwire"), "ingest", *sources,
                           "--cluster", "local:2", "--db", url, "--parquet", str(tmp_path / "pq"),
                           "--json"], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "WARWIRE_WORKERS": "1"})
    assert done.returncode == 0, done.stderr
    assert "Dask dashboard http" in done.stderr
    assert json.loads(done.stdout)["events_merged"] == reference[0].events_merged
    assert _snapshot(url) == reference[1]




@pytest.mark.postgres
def test_cluster_into_postgres_equals_one_process(cluster: Any, sources: list[str], settings: Any,
                                                  reference: tuple[Any, list]) -> None:
    """The store on PostgreSQL (as on several machines): the same events as the one-process
    ingest into SQLite; the workers skip known articles through the server."""
    url = os.environ.get("WARWIRE_TEST_PG_URL")
    if not url:
        pytest.skip("WARWIRE_TEST_PG_URL is not set (.ci/start-postgres.sh prints one)")
    from warwire.store import normalize_url

    eng = sa.create_engine(normalize_url(url))
    with eng.begin() as conn:
        conn.execute(sa.text("DROP TABLE IF EXISTS claims, event_articles, events, articles, meta "
                             "CASCADE"))
    eng.dispose()
    report = api.ingest_distributed(sources, cluster.scheduler_address, db=url, settings=settings,
                                    partition_bytes=1500)
    assert _counts(report) == _counts(reference[0])
    assert _snapshot(url) == reference[1]
    again = api.ingest_distributed(sources, cluster.scheduler_address, db=url, settings=settings)
    assert again.articles_new == 0 and again.events_found == 0
