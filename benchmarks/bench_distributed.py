"""Throughput and memory of ``ingest`` in one process against ``ingest --cluster`` on a local Dask
cluster of two worker processes, on the same N gvc-dev articles (issue 6).

Runs, one after the other, each into a fresh SQLite store:
  1. one process: ``warwire ingest FILE --workers 1`` as a command (model load included);
  2. a local cluster of two workers (one thread each, loopback), started here, then
     ``api.ingest_distributed`` on it (cluster start and the workers' model load reported apart).
Checks that both stores hold the same events, prints articles/s, the speed-up (bar: ≥ 1.6× on a
two-core machine), peak RSS of the one process and of each worker, the client's serial store
time, and what the figures predict for 10 million articles on 50 workers.

Usage: .venv/bin/python benchmarks/bench_distributed.py [--n 2000] [--data ../shared/data/gvc-dev.jsonl]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
MEASURE = """
import resource, subprocess, sys, time
t = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def snapshot(url: str) -> list:
    from warwire.store import Store

    store = Store(url)
    events = [e.model_dump(exclude={"created_at", "updated_at"}) for e in store.iter_events(order="ingest")]
    stats = store.stats()
    store.close()
    return [stats, events]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000, help="articles (default 2000)")
    parser.add_argument("--data", default=str(HERE.parent.parent / "shared" / "data" / "gvc-dev.jsonl"))
    parser.add_argument("--workers", type=int, default=2, help="local cluster workers (default 2)")
    parser.add_argument("--partition-bytes", type=int, default=None,
                        help="target partition size (default: about eight partitions per worker)")
    args = parser.parse_args()

    from distributed import Client, LocalCluster

    from warwire import api
    from warwire.settings import load_settings

    tmp = Path(tempfile.mkdtemp(prefix="warwire-bench-dask-"))
    src = tmp / "articles.jsonl"
    n = 0
    with open(args.data, encoding="utf-8") as fin, open(src, "w", encoding="utf-8") as fout:
        for line in fin:
            if n >= args.n:
                break
            obj = json.loads(line)
            fout.write(json.dumps({k: obj.get(k) for k in ("id", "text", "title", "published")}) + "\n")
            n += 1
    chars = sum(len(json.loads(line)["text"]) for line in open(src, encoding="utf-8"))
    print(f"{n} articles, {chars / n:.0f} chars on average, {os.cpu_count()} cores")

    one_url = f"sqlite:///{tmp / 'one.db'}"
    done = subprocess.run([sys.executable, "-c", MEASURE, str(BIN / "warwire"), "ingest", str(src),
                           "--db", one_url, "--workers", "1", "--no-progress"],
                          check=True, capture_output=True, text=True)
    one_s, one_peak = map(float, done.stdout.strip().splitlines()[-1].split())
    print(f"one process     : {one_s:7.1f} s  {n / one_s:6.2f} articles/s  peak {one_peak:.0f} MB")

    settings = load_settings(workers=1)
    t0 = time.perf_counter()
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as client:
        t_cluster = time.perf_counter() - t0
        two_url = f"sqlite:///{tmp / 'two.db'}"
        t1 = time.perf_counter()
        report = api.ingest_distributed([str(src)], client, db=two_url, settings=settings,
                                        partition_bytes=args.partition_bytes)
        run_s = time.perf_counter() - t1
        peaks = client.run(peak_rss_mb)
    total_s = time.perf_counter() - t0
    worker_peaks = sorted(peaks.values())
    print(f"cluster start   : {t_cluster:7.1f} s  ({args.workers} workers)")
    print(f"cluster ingest  : {run_s:7.1f} s  {n / run_s:6.2f} articles/s  "
          f"({report.partitions} partitions; model load on the workers included)")
    print(f"cluster, total  : {total_s:7.1f} s  {n / total_s:6.2f} articles/s  (start included)")
    speed = one_s / total_s
    print(f"speed-up        : {speed:.2f}x (start included), {one_s / run_s:.2f}x (running cluster)  "
          f"bar >= 1.6x: {'PASS' if speed >= 1.6 else 'FAIL'}")
    print("peak per worker : " + ", ".join(f"{p:.0f} MB" for p in worker_peaks)
          + f"; client {peak_rss_mb():.0f} MB")
    worker_rate = n / max(report.worker_seconds, 1e-9)  # articles/s of one busy worker
    store_rate = report.articles_new / max(report.store_seconds, 1e-9)
    print(f"per worker      : {worker_rate:.2f} articles/s busy; client store writes "
          f"{store_rate:.0f} articles/s ({report.store_seconds:.1f} s, serial)")
    same = snapshot(one_url) == snapshot(two_url)
    print(f"same store      : {same}")
    big, workers = 10_000_000, 50
    extract_h = big / (worker_rate * workers) / 3600
    store_h = big / store_rate / 3600
    print(f"10 M articles on {workers} workers: extraction {extract_h:.1f} h "
          f"({worker_rate * workers:.0f} articles/s); serial dedupe+store at this SQLite rate "
          f"{store_h:.1f} h -> about {max(extract_h, store_h):.1f} h (the two overlap)")
    print(json.dumps({"n": n, "one_s": round(one_s, 2), "one_rate": round(n / one_s, 2),
                      "one_peak_mb": round(one_peak), "cluster_start_s": round(t_cluster, 2),
                      "cluster_run_s": round(run_s, 2), "cluster_total_s": round(total_s, 2),
                      "cluster_rate": round(n / total_s, 2), "speedup": round(speed, 2),
                      "speedup_running": round(one_s / run_s, 2),
                      "worker_peak_mb": [round(p) for p in worker_peaks],
                      "worker_rate": round(worker_rate, 2), "store_rate": round(store_rate, 1),
                      "same_store": same, "predict_10m_50w_hours": round(max(extract_h, store_h), 1)}))


if __name__ == "__main__":
    main()
