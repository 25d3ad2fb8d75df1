"""The event store's tables (SQLAlchemy Core, one definition for SQLite and PostgreSQL) and its
versioned migrations.

Tables: ``articles`` (keyed by content hash, the input id kept), ``events`` (merged events: a few
columns to filter on plus the contract Event as JSON), ``event_articles`` (which article reported
which stored event, with that article's own reading of it), ``claims`` (every casualty claim, with
its article), ``event_actors`` (the lower-cased actor names of each stored event, for the actor
filter), ``name_counts`` (how many articles name each proper name, for dedupe) and ``meta``
(``schema_version``, ``name_docs``).

A migration is a function of a connection; ``MIGRATIONS[k]`` brings a store from version ``k`` to
``k + 1``. ``migrate`` runs the missing ones inside one transaction, so a store is always at a
known version.
"""
from __future__ import annotations

from typing import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

metadata = sa.MetaData()

meta = sa.Table(
    "meta", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.String(64), primary_key=True),  # content hash of the body text
    sa.Column("input_id", sa.Text),  # the id the input gave (JSONL "id"), named in exports
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(32)),  # ISO datetime as read
    sa.Column("source", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("chars", sa.Integer, nullable=False),
    sa.Column("n_events", sa.Integer, nullable=False, default=0),
    sa.Column("warnings", sa.JSON, nullable=False, default=list),
    sa.Column("error", sa.Text),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),  # ingest order
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("event_type", sa.String(40), nullable=False),
    sa.Column("sub_event_type", sa.String(60), nullable=False),
    sa.Column("historical", sa.Boolean, nullable=False, default=False),
    sa.Column("date_start", sa.Date),
    sa.Column("date_end", sa.Date),
    sa.Column("date_precision", sa.String(8)),
    sa.Column("country", sa.String(3)),
    sa.Column("admin1", sa.Text),
    sa.Column("admin2", sa.Text),
    sa.Column("location", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("geo_precision", sa.SmallInteger),
    sa.Column("fatalities_low", sa.Integer),
    sa.Column("fatalities_best", sa.Integer),
    sa.Column("fatalities_high", sa.Integer),
    sa.Column("injured_low", sa.Integer),
    sa.Column("injured_best", sa.Integer),
    sa.Column("injured_high", sa.Integer),
    sa.Column("salience", sa.Float, nullable=False, default=0.0),
    sa.Column("n_sources", sa.Integer, nullable=False, default=1),
    sa.Column("data", sa.JSON, nullable=False),  # the merged contract Event
    sa.Column("names", sa.JSON, nullable=False, default=list),  # proper names, for dedupe
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
)
sa.Index("ix_events_date", events.c.date_start)
sa.Index("ix_events_country_date", events.c.country, events.c.date_start)
sa.Index("ix_events_type", events.c.event_type)

event_articles = sa.Table(
    "event_articles", metadata,
    sa.Column("event_id", sa.String(40), sa.ForeignKey("events.id"), primary_key=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("article_event_id", sa.String(64), primary_key=True),  # the event's id in the Result
    sa.Column("rank", sa.Integer, nullable=False),  # position in the article's events (0 = main)
    sa.Column("decision", sa.String(40), nullable=False),  # new | merge (score), for audit
    sa.Column("score", sa.Float),
    sa.Column("event", sa.JSON, nullable=False),  # this article's own reading of the event
    sa.Column("seq", sa.BigInteger, nullable=False),
)
sa.Index("ix_event_articles_article", event_articles.c.article_id)

claims = sa.Table(
    "claims", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(40), sa.ForeignKey("events.id"), nullable=False),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("category", sa.String(16), nullable=False),
    sa.Column("actor", sa.Text),
    sa.Column("country", sa.String(3)),
    sa.Column("low", sa.Integer),
    sa.Column("high", sa.Integer),
    sa.Column("qualifier", sa.String(16)),
    sa.Column("source", sa.Text),
    sa.Column("quote", sa.Text),
    sa.Column("start", sa.Integer),
    sa.Column("end", sa.Integer),
    sa.Column("rule", sa.Text),
)
sa.Index("ix_claims_event", claims.c.event_id)


# One row per (stored event, actor name): the actor filter of ``EventFilter`` (and of the
# dashboard) reads this table, one code path for SQLite and PostgreSQL, no JSON parsing. Names
# are kept lower-cased; the filter is a case-insensitive substring match on them.
event_actors = sa.Table(
    "event_actors", metadata,
    sa.Column("event_id", sa.String(40), sa.ForeignKey("events.id"), primary_key=True),
    sa.Column("name", sa.Text, primary_key=True),  # lower-cased actor name
)
sa.Index("ix_event_actors_name", event_actors.c.name, event_actors.c.event_id)

# How many stored articles (with events) name each proper name: the rarity weights of the
# dedupe's name signal (``dedupe.NameRarity``); ``meta`` key ``name_docs`` holds the article count.
name_counts = sa.Table(
    "name_counts", metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("n", sa.Integer, nullable=False),
)

_V1_TABLES = (meta, articles, events, event_articles, claims)


def actor_rows(event_id: str, data: dict) -> list[dict]:
    """``event_actors`` rows of a stored event from its contract JSON (``events.data``)."""
    names = {" ".join(str(a.get("name") or "").lower().split()) for a in data.get("actors") or []}
    return [{"event_id": event_id, "name": n} for n in sorted(names) if n]


def _v0_to_v1(conn: Connection) -> None:
    """The first schema: articles, events, event_articles, claims, meta."""
    metadata.create_all(conn, tables=list(_V1_TABLES))


def _v1_to_v2(conn: Connection) -> None:
    """``event_actors`` (the actor filter), filled from the stored events' JSON; ``name_counts``
    (name rarity for dedupe), filled from the stored articles with events."""
    from collections import Counter

    from ..dedupe import article_names

    metadata.create_all(conn, tables=[event_actors, name_counts])
    conn.execute(sa.delete(event_actors))  # rows left by a dropped store are not this one's
    conn.execute(sa.delete(name_counts))
    counts: Counter[str] = Counter()
    docs = 0
    for title, text in conn.execute(sa.select(articles.c.title, articles.c.text)
                                     .where(articles.c.n_events > 0)):
        counts.update(article_names(title, text))
        docs += 1
    rows = [{"name": k[:200], "n": v} for k, v in counts.items()]
    for k in range(0, len(rows), 5000):
        conn.execute(sa.insert(name_counts), rows[k:k + 5000])
    conn.execute(sa.delete(meta).where(meta.c.key == "name_docs"))
    conn.execute(sa.insert(meta).values(key="name_docs", value=str(docs)))
    batch: list[dict] = []
    rows = conn.execute(sa.select(events.c.id, events.c.data)).all()
    for eid, data in rows:
        batch.extend(actor_rows(eid, data or {}))
        if len(batch) >= 5000:
            conn.execute(sa.insert(event_actors), batch)
            batch = []
    if batch:
        conn.execute(sa.insert(event_actors), batch)


MIGRATIONS: list[Callable[[Connection], None]] = [_v0_to_v1, _v1_to_v2]
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    """The store's schema version (0 for an empty database)."""
    if not sa.inspect(conn).has_table("meta"):
        return 0
    row = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).first()
    return int(row[0]) if row else 0


def migrate(conn: Connection) -> int:
    """Run the missing migrations on ``conn`` (inside the caller's transaction); returns the
    version reached. A store newer than this code is refused by the caller."""
    version = current_version(conn)
    for step in MIGRATIONS[version:]:
        step(conn)
        version += 1
        if version == 1:
            conn.execute(sa.insert(meta).values(key="schema_version", value="1"))
        else:
            conn.execute(sa.update(meta).where(meta.c.key == "schema_version")
                         .values(value=str(version)))
    return version
