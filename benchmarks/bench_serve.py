"""How long the dashboard's main pages take to answer with many events stored.

Fills an SQLite store with synthetic events through the store API (``Store.add_batch``: the same
transactional, deduplicating write path as ``warwire ingest``; one short article per event,
spread over 60 countries and six years), then serves it with uvicorn on 127.0.0.1 (a free port)
and times each page over HTTP: one warm-up request, then ``--runs`` timed ones (median and max).
The store is kept (``--db``), so a second run only times.

Usage: .venv/bin/python benchmarks/bench_serve.py [--events 100000] [--db /tmp/warwire-bench.db] [--runs 5]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

from warwire.model import (Actor, Article, Casualty, Claim, Estimate, Event, EventDate, Location,
                           Result)

TYPES = [("battles", "armed_clash"), ("explosions_remote_violence", "air_drone_strike"),
         ("explosions_remote_violence", "shelling_artillery_missile_attack"),
         ("violence_against_civilians", "attack"), ("protests", "peaceful_protest"),
         ("riots", "violent_demonstration"), ("strategic_developments", "arrests")]
COUNTRIES = [f"{a}{b}{c}" for a, b, c in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGH",
                                               "QWERTYUIOPASDFGHJKLZXCVBNMQWERTYUIOPASDFGHJKLZXCVBNMQWERTYUI",
                                               "XXXXXXXXXXXXXXXXXXXXXXXXXXYYYYYYYYYYYYYYYYYYYYYYYYYYZZZZZZZZ")]


def synthetic(n: int, rng: random.Random) -> tuple[Article, Result]:
    country = COUNTRIES[n % len(COUNTRIES)]
    day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
    et, st = TYPES[rng.randrange(len(TYPES))]
    killed = int(rng.expovariate(1 / 6))
    lat = rng.uniform(-40, 60)
    lon = rng.uniform(-120, 140)
    town = f"Town{n}"
    sentence = f"{killed} people were killed in {town} on {day:%A}, officials said."
    text = f"Synthetic report {n}. {sentence} Group{n % 997} and Force{n % 353} were involved."
    start = text.index(sentence)
    claim = Claim(low=killed, high=killed, quote=sentence, start=start, end=start + len(sentence),
                  figure_start=start, figure_end=start + len(str(killed)), source="officials",
                  rule="bench")
    event = Event(id="e0", event_type=et, sub_event_type=st,
                  date=EventDate(start=day.isoformat(), end=day.isoformat(), precision="day"),
                  location=Location(name=town, country=country, lat=lat, lon=lon, precision=1),
                  actors=[Actor(name=f"Group{n % 997}", country=country, type="rebel_group", role="side_a"),
                          Actor(name=f"Force{n % 353}", country=country, type="state_forces", role="side_b")],
                  casualties=[Casualty(actor=f"Force{n % 353}", country=country, category="killed",
                                       low=killed, best=killed, high=killed, claims=[claim])],
                  fatalities=Estimate(low=killed, best=killed, high=killed), salience=1.0)
    article = Article(id=f"bench-{n}", text=text, title=f"Report {n}",
                      published=dt.datetime.combine(day + dt.timedelta(days=1), dt.time(9)))
    return article, Result(id=article.id, events=[event])


def fill(url: str, events: int, batch: int = 1000) -> None:
    from warwire.store import Store

    rng = random.Random(7)
    with Store(url) as store:
        have = store.stats()["articles"]
        started = time.perf_counter()
        n = have
        while n < events:
            size = min(batch, events - n)
            store.add_batch([synthetic(k, rng) for k in range(n, n + size)])
            n += size
            rate = (n - have) / (time.perf_counter() - started)
            print(f"\r  stored {n} articles ({rate:.0f}/s)", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        print(f"store: {store.stats()}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", default="/tmp/warwire-bench.db")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    url = f"sqlite:///{Path(args.db).resolve()}"
    fill(url, args.events)

    import httpx
    import uvicorn

    from warwire.web import create_app

    app = create_app(url)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=base, timeout=120) as client:
        some = client.get("/events.json", params={"limit": 1}).json()["events"][0]["id"]
        pages = [
            "/events", "/events.json", "/events.json?limit=500", f"/events/{some}", f"/events/{some}.json",
            "/events.geojson", "/events.geojson?limit=20000", "/timeline.json",
            "/events?country=AQX&date_from=2021-01-01&date_to=2021-12-31",
            "/events.geojson?country=AQX", "/events?event_type=battles&min_fatalities=10",
            "/events?actor=group12", "/events.json?offset=90000",
        ]
        print(f"\n{'page':<62} {'median ms':>10} {'max ms':>8} {'KiB':>8}")
        for page in pages:
            r = client.get(page)
            assert r.status_code == 200, (page, r.status_code, r.text[:200])
            times = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                r = client.get(page)
                times.append((time.perf_counter() - t0) * 1000)
            print(f"{page:<62} {statistics.median(times):>10.0f} {max(times):>8.0f} {len(r.content) / 1024:>8.0f}")
    server.should_exit = True
    thread.join(10)


if __name__ == "__main__":
    main()
