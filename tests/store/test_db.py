"""Tests for warwire.store.db: transactional batches, idempotent re-ingest, dedupe in the store,
queries and filters, errors."""
from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from warwire.errors import StoreError
from warwire.model import Article, Result
from warwire.store import EventFilter, Store, content_hash, normalize_url
from warwire.store import schema as S

from storefakes import make_event, synthetic_article, synthetic_event


@pytest.mark.parametrize("url,expected", [
    ("postgresql://u:p@h:5432/db", "postgresql+psycopg://u:p@h:5432/db"),
    ("postgres://h/db", "postgresql+psycopg://h/db"),
    ("postgresql+psycopg://h/db", "postgresql+psycopg://h/db"),
    ("sqlite:///x.db", "sqlite:///x.db"),
    ("events.db", "sqlite:///events.db"),
])
def test_normalize_url(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


def _batch(idx: range) -> list[tuple[Article, Result]]:
    out = []
    for i in idx:
        a = synthetic_article(i)
        out.append((a, Result(id=a.id, events=[synthetic_event(a)])))
    return out


def test_schema_version_and_reopen(db_url: str) -> None:
    with Store(db_url) as store:
        with store.engine.connect() as conn:
            assert S.current_version(conn) == S.SCHEMA_VERSION
    with Store(db_url) as store:  # reopening migrates nothing and keeps the version
        with store.engine.connect() as conn:
            assert S.current_version(conn) == S.SCHEMA_VERSION


def test_batches_merge_reports_of_one_incident(db_url: str) -> None:
    with Store(db_url) as store:
        out = store.add_batch(_batch(range(0, 12)))
        assert (out.articles_new, out.events_new, out.events_merged) == (12, 4, 8)
        # same day, same city, different victims: kept apart
        events, total = store.query_events(EventFilter(), limit=None)
        assert total == 4
        assert sorted(len(e.sources) for e in events) == [3, 3, 3, 3]
        again = store.add_batch(_batch(range(0, 12)))  # re-ingest changes nothing
        assert (again.articles_new, again.articles_known) == (0, 12)
        assert store.stats() == {"articles": 12, "events": 4, "event_articles": 12, "claims": 12}


def test_get_event_and_article(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_batch(_batch(range(0, 3)))
        (ev,), _ = store.query_events()
        got = store.get_event(ev.id)
        assert got is not None and got.id == ev.id
        assert [s.input_id for s in got.sources] == ["art-0", "art-1", "art-2"]
        claims = got.casualties[0].claims
        assert sorted(c.article_id for c in claims) == sorted(
            content_hash(synthetic_article(i).text) for i in range(3))
        assert got.fatalities.best == 1  # incident 0: one killed
        art = store.get_article("art-1")  # by the input id
        assert art is not None and art.id == content_hash(art.text)
        assert art.events[0].stored_event_id == ev.id
        assert store.get_article(art.id) is not None  # by content hash
        assert store.get_event("nope") is None and store.get_article("nope") is None


def test_merged_figures_reconciled_over_all_claims(db_url: str) -> None:
    a1 = Article(id="a1", text="First report text, one dead.", published=dt.datetime(2021, 5, 1))
    a2 = Article(id="a2", text="Later report text, toll rises.", published=dt.datetime(2021, 5, 2))
    e1 = make_event("x", "2021-05-01", killed=2, quote="two dead")
    e2 = make_event("y", "2021-05-01", killed=5, quote="five dead", source="Police")
    with Store(db_url) as store:
        out = store.add_batch([(a1, Result(id="a1", events=[e1])),
                               (a2, Result(id="a2", events=[e2]))])
        assert out.events_merged == 1
        (ev,), _ = store.query_events()
        assert (ev.fatalities.low, ev.fatalities.best, ev.fatalities.high) == (2, 5, 5)
        cas = ev.casualties[0]
        assert [c.quote for c in cas.claims] == ["two dead", "five dead"]
        assert (cas.low, cas.best, cas.high) == (2, 5, 5)


FILTER_CASES = [
    (EventFilter(), 3),
    (EventFilter(country="SYR"), 1),
    (EventFilter(country="usa"), 2),
    (EventFilter(event_type="battles"), 1),
    (EventFilter(min_fatalities=5), 1),
    (EventFilter(date_from=dt.date(2021, 2, 1)), 2),
    (EventFilter(date_from=dt.date(2021, 2, 1), date_to=dt.date(2021, 2, 28)), 1),
    (EventFilter(actor="syria"), 1),  # a substring of an actor's name, any case
    (EventFilter(actor="  FORCES   of "), 2),  # spaces normalised
    (EventFilter(actor="forces", country="USA"), 1),
    (EventFilter(actor="100%_"), 0),  # LIKE wildcards are literal
    (EventFilter(actor="nobody"), 0),
]


@pytest.mark.parametrize("flt,n", FILTER_CASES)
def test_filters(tmp_path, flt: EventFilter, n: int) -> None:
    evs = [make_event("a", "2021-01-05", killed=1),
           make_event("b", "2021-02-05", killed=2, lat=34.0, lon=-118.2, admin1="California",
                      actors=["Police Forces of the United States"]),
           make_event("c", "2021-03-05", killed=9, country="SYR", admin1="Aleppo", lat=36.2,
                      lon=37.1, etype="battles", sub="armed_clash",
                      actors=["Military Forces of Syria", "Hayat Tahrir al-Sham"])]
    batch = [(Article(id=f"n{i}", text=f"article number {i}"), Result(id=f"n{i}", events=[e]))
             for i, e in enumerate(evs)]
    with Store(f"sqlite:///{tmp_path / 'f.db'}") as store:
        store.add_batch(batch)
        events, total = store.query_events(flt)
        assert total == n == len(events)


def test_failed_batch_writes_nothing(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from warwire import dedupe

    real = dedupe.decide
    calls = []

    def flaky(*args, **kwargs):  # the database fails while the 3rd article is written
        calls.append(1)
        if len(calls) == 3:
            raise sa.exc.OperationalError("INSERT", {}, Exception("disk I/O error"))
        return real(*args, **kwargs)

    monkeypatch.setattr(dedupe, "decide", flaky)
    with Store(db_url) as store:
        with pytest.raises(StoreError, match="disk I/O"):
            store.add_batch(_batch(range(0, 6)))
        assert store.stats() == {"articles": 0, "events": 0, "event_articles": 0, "claims": 0}


def test_unreachable_postgres_is_a_store_error() -> None:
    with pytest.raises(StoreError) as info:
        Store("postgresql://nobody@127.0.0.1:1/none", timeout=2)
    assert "127.0.0.1" in str(info.value) and info.value.hint


def test_locked_sqlite_is_a_store_error(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'l.db'}"
    holder = Store(url)
    blocked = Store(url, timeout=0.2)
    with holder.engine.begin() as conn:  # holds the write lock
        conn.execute(sa.insert(S.meta).values(key="x", value="y"))
        with pytest.raises(StoreError) as info:
            blocked.add_batch(_batch(range(0, 1)))
        assert "locked" in str(info.value)
    holder.close()
    blocked.close()


def test_sqlite_reads_run_beside_an_open_write_transaction(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    with Store(url) as writer, Store(url, timeout=0.2) as reader:
        writer.add_batch(_batch(range(0, 3)))
        with writer.writer.begin() as conn:  # a write batch in progress (BEGIN IMMEDIATE)
            conn.execute(sa.insert(S.meta).values(key="x", value="y"))
            # reads neither wait for the writer's lock nor see its uncommitted rows
            assert reader.count_events() == 1
            assert len(list(reader.iter_events())) == 1
            assert reader.get_event("nope") is None
            with pytest.raises(StoreError, match="locked"):  # a second writer does wait
                reader.add_batch(_batch(range(3, 4)))
        with Store(url, timeout=0.2) as third:  # and reading does not block the next writer
            with third.engine.connect() as rconn:
                rconn.execute(sa.select(S.events.c.id)).all()
                out = writer.add_batch(_batch(range(3, 6)))
                assert out.articles_new == 3


def test_actor_rows_follow_merges(db_url: str) -> None:
    a1 = Article(id="a1", text="First report.", published=dt.datetime(2021, 5, 1))
    a2 = Article(id="a2", text="Second report.", published=dt.datetime(2021, 5, 1))
    e1 = make_event("x", "2021-05-01", killed=2, actors=["Military Forces of Syria"])
    e2 = make_event("y", "2021-05-01", killed=2, actors=["Military Forces of Syria", "ISIS"])
    with Store(db_url) as store:
        store.add_batch([(a1, Result(id="a1", events=[e1]))])
        assert store.count_events(EventFilter(actor="isis")) == 0
        assert store.add_batch([(a2, Result(id="a2", events=[e2]))]).events_merged == 1
        assert store.count_events(EventFilter(actor="isis")) == 1  # the merged event's actors


def test_old_store_is_migrated_with_its_actors(db_url: str) -> None:
    """A store made at schema version 1 (no event_actors) gets the table, filled from its events."""
    with Store(db_url) as store:
        store.add_batch([(Article(id="o", text="old store article"),
                          Result(id="o", events=[make_event("x", "2021-05-01", killed=1,
                                                            actors=["Taliban"])]))])
        with store.writer.begin() as conn:  # back to version 1
            conn.execute(sa.text("DROP TABLE event_actors"))
            conn.execute(sa.text("DROP TABLE name_counts"))
            conn.execute(sa.delete(S.meta).where(S.meta.c.key == "name_docs"))
            conn.execute(sa.update(S.meta).values(value="1"))
    with Store(db_url) as store:
        with store.engine.connect() as conn:
            assert S.current_version(conn) == S.SCHEMA_VERSION == 2
        assert store.count_events(EventFilter(actor="taliban")) == 1
        with store.engine.connect() as conn:  # name rarity counted from the stored article
            assert conn.execute(sa.select(S.meta.c.value).where(
                S.meta.c.key == "name_docs")).scalar() == "1"


def test_newer_schema_is_refused(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'v.db'}"
    with Store(url) as store, store.engine.begin() as conn:
        conn.execute(sa.update(S.meta).values(value="99"))
    with pytest.raises(StoreError, match="newer"):
        Store(url)
