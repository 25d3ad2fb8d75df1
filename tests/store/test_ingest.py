"""Tests for warwire.store.ingest: known articles skipped, failures counted, and an ingest killed
with SIGKILL then re-run loses nothing and duplicates nothing (SQLite and PostgreSQL)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from storefakes import fake_extract, synthetic_article

from warwire.store import Store
from warwire.store.ingest import run_ingest

N = 90


def _write_jsonl(path: Path, n: int = N, extra: list[str] = ()) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            a = synthetic_article(i)
            fh.write(json.dumps({"id": a.id, "text": a.text, "title": a.title,
                                 "published": a.published.isoformat()}) + "\n")
        for line in extra:
            fh.write(line + "\n")


def _snapshot(store: Store) -> list[tuple]:
    """Everything stored, minus timestamps."""
    events = [(e.id, e.fatalities.best, tuple(s.input_id for s in e.sources),
               len(e.casualties[0].claims)) for e in store.iter_events(order="ingest")]
    return [tuple(sorted(store.stats().items()))] + events


def test_ingest_counts_known_and_failures(db_url: str, tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    _write_jsonl(src, 12, extra=["{not json", json.dumps({"id": "empty", "text": ""})])
    store = Store(db_url)
    seen = []
    rep = run_ingest([str(src)], store, fake_extract, max_chars=10_000, batch_size=5,
                     progress=lambda p: seen.append(p.done))
    assert (rep.articles_new, rep.failures, rep.events_found) == (12, 2, 12)
    assert (rep.events_new, rep.events_merged) == (4, 8)
    assert seen[-1] == 14 and seen == sorted(seen)
    again = run_ingest([str(src)], store, fake_extract, max_chars=10_000)
    assert (again.articles_new, again.articles_known, again.events_found) == (0, 12, 0)
    assert store.stats()["articles"] == 12
    store.close()


def test_extraction_failure_is_skipped_and_counted(tmp_path: Path) -> None:
    from warwire.model import Result

    src = tmp_path / "a.jsonl"
    _write_jsonl(src, 4)

    def extract(articles):
        for a in fake_extract(articles):
            yield a if a.id != "art-2" else Result(id="art-2", error="boom")

    with Store(f"sqlite:///{tmp_path / 's.db'}") as store:
        rep = run_ingest([str(src)], store, extract, max_chars=10_000)
        assert (rep.articles_new, rep.failures) == (3, 1)
        assert "boom" in rep.failure_messages[0]


_CHILD = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {here!r})
    from storefakes import fake_extract
    from warwire.store import Store
    from warwire.store.ingest import run_ingest

    def slow(articles):
        for r in fake_extract(articles):
            time.sleep({delay})
            yield r

    run_ingest([{src!r}], Store({url!r}), slow, max_chars=10_000, batch_size=4)
    print("done")
""")


def _run_child(url: str, src: Path, tmp_path: Path, delay: float) -> subprocess.Popen:
    script = tmp_path / "child.py"
    script.write_text(_CHILD.format(here=str(Path(__file__).parent.parent), src=str(src), url=url,
                                    delay=delay))
    return subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_sigkill_mid_ingest_then_rerun(db_url: str, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _write_jsonl(src)
    child = _run_child(db_url, src, tmp_path, delay=0.03)
    watcher = Store(db_url)
    deadline = time.monotonic() + 60
    while watcher.stats()["articles"] < N // 3 and child.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    assert child.poll() is None, child.communicate()
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    stored = watcher.stats()
    assert 0 < stored["articles"] < N
    assert stored["articles"] % 4 == 0  # whole batches only
    assert stored["event_articles"] == stored["articles"] == stored["claims"]

    rerun = _run_child(db_url, src, tmp_path, delay=0)
    out, errs = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, errs
    resumed = _snapshot(watcher)
    watcher.close()

    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    clean = Store(clean_url)
    run_ingest([str(src)], clean, fake_extract, max_chars=10_000, batch_size=4)
    assert resumed == _snapshot(clean)
    assert dict(resumed[0]) == {"articles": N, "events": N // 3, "event_articles": N,
                                "claims": N}
    clean.close()
