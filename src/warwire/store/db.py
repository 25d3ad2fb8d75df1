"""The event store: one code path over SQLite and PostgreSQL (SQLAlchemy Core 2.x, psycopg 3).

``Store.add_batch`` writes a batch of extracted articles in ONE transaction — articles, their
events (each deduplicated against stored events near it, see ``warwire.dedupe``), event–article
links and claims — so an ingest killed at any moment leaves whole batches or nothing. Readers:
``query_events``, ``iter_events``, ``get_event``, ``get_article``, ``known_articles``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any, Iterator, Optional, Sequence

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from .. import dedupe
from ..errors import StoreError
from ..model import Article, Event, Result, iso_date
from . import schema as S
from .models import ArticleEvent, EventFilter, SourceRef, StoredArticle, StoredEvent


def normalize_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` → ``postgresql+psycopg://`` (psycopg 3); a bare
    path → an SQLite URL."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:
        return f"sqlite:///{url}"
    return url


def content_hash(text: str) -> str:
    """The store's article key: SHA-256 of the body text (first 32 hex digits)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _iso(value: Any) -> Optional[str]:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


@dataclass
class BatchOutcome:
    articles_new: int = 0
    articles_known: int = 0
    events_new: int = 0
    events_merged: int = 0


class Store:
    """An open event store. Use as a context manager or call ``close``."""

    def __init__(self, url: str, *, timeout: float = 30.0, create: bool = True):
        self.url = normalize_url(url)
        self.is_sqlite = self.url.startswith("sqlite")
        try:
            if self.is_sqlite:
                self.engine: Engine = sa.create_engine(
                    self.url, connect_args={"timeout": timeout, "check_same_thread": False})
                sa_event.listen(self.engine, "connect", _sqlite_connect)
                sa_event.listen(self.engine, "begin", _sqlite_begin)
            else:
                self.engine = sa.create_engine(
                    self.url, pool_pre_ping=True,
                    connect_args={"connect_timeout": max(1, int(timeout))})
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(f"cannot open store {_safe(url)}: {exc}",
                             "check the --db URL (sqlite:///file.db or postgresql://...)") from exc
        # Write transactions go through this view of the engine: on SQLite they BEGIN IMMEDIATE
        # (the writer lock up front); every other transaction is a deferred BEGIN, so readers
        # (dashboard pages, exports) run beside a writer under WAL and never queue on its lock.
        self.writer: Engine = self.engine.execution_options(warwire_write=True)
        # name rarity for dedupe: loaded from ``name_counts`` at the first write, then kept up to
        # date by this process's committed batches (another process's writes show at reopen)
        self._rarity: Optional[dedupe.NameRarity] = None
        self._open(create)

    def _open(self, create: bool) -> None:
        try:
            with self.engine.connect() as conn:  # a read first: an up-to-date store takes no lock
                version = S.current_version(conn)
            if version == S.SCHEMA_VERSION:
                return
            if not create and version == 0:
                raise StoreError(f"no warwire store at {_safe(self.url)}",
                                 "run `warwire ingest` first or check --db")
            with self.writer.begin() as conn:
                if not self.is_sqlite:
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(7428190)"))
                version = S.current_version(conn)
                if version > S.SCHEMA_VERSION:
                    raise StoreError(
                        f"store {_safe(self.url)} has schema version {version}, newer than this "
                        f"warwire's {S.SCHEMA_VERSION}", "upgrade warwire")
                if version < S.SCHEMA_VERSION:
                    if not create and version == 0:
                        raise StoreError(f"no warwire store at {_safe(self.url)}",
                                         "run `warwire ingest` first or check --db")
                    S.migrate(conn)
        except SQLAlchemyError as exc:
            raise _store_error(exc, self.url) from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------------------- writing
    def known_articles(self, ids: Sequence[str]) -> set[str]:
        """Which of these content hashes are stored already."""
        if not ids:
            return set()
        try:
            with self.engine.connect() as conn:
                rows = conn.execute(sa.select(S.articles.c.id).where(S.articles.c.id.in_(list(ids))))
                return {r[0] for r in rows}
        except SQLAlchemyError as exc:
            raise _store_error(exc, self.url) from exc

    def add_batch(self, batch: Sequence[tuple[Article, Result]],
                  rules: Optional[dict[str, Any]] = None) -> BatchOutcome:
        """Store articles with their results in one transaction, deduplicating each event
        against stored events (and those of earlier articles of the batch). Articles already
        stored are skipped (counted as known)."""
        out = BatchOutcome()
        rules = rules or dedupe._rules()
        added: list[frozenset[str]] = []  # names of the batch's articles, for the rarity cache
        try:
            with self.writer.begin() as conn:
                if not self.is_sqlite:  # one writer at a time decides merges
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(7428191)"))
                rarity = self._rarity_for(conn, rules)
                # a copy: the cache takes the batch's counts only once they are committed
                batch_rarity = dedupe.rarity_for(rules, rarity.counts, rarity.docs)
                seq = conn.execute(sa.select(sa.func.coalesce(sa.func.max(S.articles.c.seq), 0))
                                   ).scalar_one()
                eseq = conn.execute(sa.select(sa.func.coalesce(
                    sa.func.max(S.event_articles.c.seq), 0))).scalar_one()
                for article, result in batch:
                    key = content_hash(article.text)
                    if conn.execute(sa.select(S.articles.c.id).where(S.articles.c.id == key)
                                    ).first():
                        out.articles_known += 1
                        continue
                    seq += 1
                    conn.execute(sa.insert(S.articles).values(
                        id=key, input_id=article.id, url=article.url, title=article.title,
                        published=_iso(article.published), source=article.source,
                        text=article.text, chars=len(article.text), n_events=len(result.events),
                        warnings=list(result.warnings), error=result.error,
                        ingested_at=_now(), seq=seq))
                    out.articles_new += 1
                    eseq = self._add_events(conn, key, article, result, rules, out, eseq,
                                            batch_rarity, added)
                self._count_names(conn, added)
        except SQLAlchemyError as exc:
            raise _store_error(exc, self.url) from exc
        self._rarity = batch_rarity  # committed: the batch's counts are the store's now
        return out

    def _rarity_for(self, conn: Connection, rules: dict[str, Any]) -> dedupe.NameRarity:
        if self._rarity is None:
            counts = {n: int(c) for n, c in conn.execute(sa.select(S.name_counts.c.name,
                                                                    S.name_counts.c.n))}
            docs = conn.execute(sa.select(S.meta.c.value)
                                .where(S.meta.c.key == "name_docs")).scalar()
            self._rarity = dedupe.rarity_for(rules, counts, int(docs or 0))
        return self._rarity

    def _count_names(self, conn: Connection, added: list[frozenset[str]]) -> None:
        """Add the batch's articles to ``name_counts`` and ``name_docs`` (same transaction)."""
        if not added:
            return
        from collections import Counter

        counts = Counter(n[:200] for names in added for n in names)
        nc = S.name_counts.c
        known = set()
        keys = list(counts)
        for k in range(0, len(keys), 500):
            known |= {r[0] for r in conn.execute(sa.select(nc.name).where(
                nc.name.in_(keys[k:k + 500])))}
        upd = [{"k": n, "d": c} for n, c in counts.items() if n in known]
        if upd:
            conn.execute(sa.update(S.name_counts).where(nc.name == sa.bindparam("k"))
                         .values(n=nc.n + sa.bindparam("d")), upd)
        new = [{"name": n, "n": c} for n, c in counts.items() if n not in known]
        if new:
            conn.execute(sa.insert(S.name_counts), new)
        m = S.meta.c
        docs = conn.execute(sa.select(m.value).where(m.key == "name_docs")).scalar()
        if docs is None:
            conn.execute(sa.insert(S.meta).values(key="name_docs", value=str(len(added))))
        else:
            conn.execute(sa.update(S.meta).where(m.key == "name_docs")
                         .values(value=str(int(docs) + len(added))))

    def _add_events(self, conn: Connection, key: str, article: Article, result: Result,
                    rules: dict[str, Any], out: BatchOutcome, eseq: int,
                    rarity: dedupe.NameRarity, added: list[frozenset[str]]) -> int:
        evs = result.events
        if not evs:
            return eseq
        names = [dedupe.names_in(dedupe.event_text(e, article.text, article.title, main=(k == 0)),
                                 rules) for k, e in enumerate(evs)]
        new = [dedupe.sketch(e, (key,), nm) for e, nm in zip(evs, names)]
        window = int(rules["candidate_window_days"])
        cands: dict[str, dedupe.EventSketch] = {}
        for sk in new:
            for c in self._candidates(conn, sk, window):
                cands[c.id] = c
        decisions = dedupe.decide(new, list(cands.values()), rules,
                                  rarity if rarity.min_docs else None)
        doc_names = frozenset().union(*names)
        rarity.add(doc_names)  # later articles of the batch see this one, as the Clusterer does
        added.append(doc_names)
        published = _iso(article.published)
        now = _now()
        for rank, (ev, nm, d) in enumerate(zip(evs, names, decisions)):
            eseq += 1
            if d.merge_into is None:
                sid = "ev" + hashlib.sha1(f"{key}:{rank}:{ev.id}".encode()).hexdigest()[:16]
                merged = dedupe.merge_events(sid, [dedupe.Member(key, ev, published, eseq)])
                conn.execute(sa.insert(S.events).values(
                    id=sid, **_event_columns(merged), n_sources=1,
                    data=merged.model_dump(mode="json"), names=sorted(nm),
                    created_at=now, updated_at=now, seq=eseq))
                self._set_actors(conn, sid, merged)
                out.events_new += 1
                decision = "new:" + d.rule
            else:
                sid = d.merge_into
                out.events_merged += 1
                decision = "merge"
            conn.execute(sa.insert(S.event_articles).values(
                event_id=sid, article_id=key, article_event_id=ev.id, rank=rank,
                decision=decision, score=d.score, event=ev.model_dump(mode="json"), seq=eseq))
            rows = [dict(event_id=sid, article_id=key, category=c.category, actor=c.actor,
                         country=c.country, low=cl.low, high=cl.high, qualifier=cl.qualifier,
                         source=cl.source, quote=cl.quote, start=cl.start, end=cl.end,
                         rule=cl.rule)
                    for c in ev.casualties for cl in c.claims]
            if rows:
                conn.execute(sa.insert(S.claims), rows)
            if d.merge_into is not None:
                self._remerge(conn, sid, nm, now)
        return eseq

    def _remerge(self, conn: Connection, sid: str, names: frozenset[str],
                 now: dt.datetime) -> None:
        rows = conn.execute(
            sa.select(S.event_articles.c.article_id, S.event_articles.c.event,
                      S.event_articles.c.seq, S.articles.c.published)
            .join(S.articles, S.articles.c.id == S.event_articles.c.article_id)
            .where(S.event_articles.c.event_id == sid).order_by(S.event_articles.c.seq)).all()
        members = [dedupe.Member(r.article_id, Event.model_validate(r.event), r.published, r.seq)
                   for r in rows]
        merged = dedupe.merge_events(sid, members)
        old = conn.execute(sa.select(S.events.c.names).where(S.events.c.id == sid)).scalar_one()
        all_names = sorted(set(old or []) | set(names))[:2000]
        conn.execute(sa.update(S.events).where(S.events.c.id == sid).values(
            **_event_columns(merged), n_sources=len({m.article_id for m in members}),
            data=merged.model_dump(mode="json"), names=all_names, updated_at=now))
        self._set_actors(conn, sid, merged)

    def _set_actors(self, conn: Connection, sid: str, merged: Event) -> None:
        """The ``event_actors`` rows of a stored event: its actors' lower-cased names."""
        conn.execute(sa.delete(S.event_actors).where(S.event_actors.c.event_id == sid))
        rows = S.actor_rows(sid, {"actors": [{"name": a.name} for a in merged.actors]})
        if rows:
            conn.execute(sa.insert(S.event_actors), rows)

    def _candidates(self, conn: Connection, sk: dedupe.EventSketch,
                    window: int) -> list[dedupe.EventSketch]:
        if sk.date_start is None:
            return []
        lo = sk.date_start - dt.timedelta(days=window)
        hi = (sk.date_end or sk.date_start) + dt.timedelta(days=window)
        e = S.events.c
        q = (sa.select(e.id, e.data, e.names)
             .where(e.date_start.between(lo - dt.timedelta(days=31), hi), e.date_end >= lo))
        if sk.country:
            q = q.where(sa.or_(e.country == sk.country, e.country.is_(None)))
        rows = conn.execute(q).all()
        if not rows:
            return []
        ids = [r.id for r in rows]
        arts: dict[str, set[str]] = {}
        for eid, aid in conn.execute(sa.select(S.event_articles.c.event_id,
                                               S.event_articles.c.article_id)
                                     .where(S.event_articles.c.event_id.in_(ids))):
            arts.setdefault(eid, set()).add(aid)
        return [dedupe.sketch(Event.model_validate(r.data), arts.get(r.id, ()), r.names or ())
                for r in rows]

    # ---------------------------------------------------------------------------- reading
    def _where(self, q: sa.Select, f: EventFilter) -> sa.Select:
        e = S.events.c
        if f.date_from:
            q = q.where(e.date_start >= f.date_from)
        if f.date_to:
            q = q.where(e.date_start <= f.date_to)
        if f.country:
            q = q.where(e.country == f.country.upper())
        if f.event_type:
            q = q.where(e.event_type == f.event_type)
        if f.min_fatalities is not None:
            q = q.where(e.fatalities_best >= f.min_fatalities)
        if not f.include_historical:
            q = q.where(e.historical.is_(False))
        if f.actor and f.actor.strip():
            pattern = "%" + _like_escape(" ".join(f.actor.lower().split())) + "%"
            ea = S.event_actors.c
            q = q.where(e.id.in_(sa.select(ea.event_id).where(ea.name.like(pattern, escape="\\"))))
        if f.article_id:
            q = q.where(e.id.in_(sa.select(S.event_articles.c.event_id)
                                 .where(S.event_articles.c.article_id == f.article_id)))
        return q

    def _read(self, query: sa.Select) -> list:
        try:
            with self.engine.connect() as conn:
                return conn.execute(query).all()
        except SQLAlchemyError as exc:
            raise _store_error(exc, self.url) from exc

    # Dashboard queries (``warwire serve``): columns only, no JSON parsing, so they stay fast at
    # 100,000 events.
    def day_counts(self, filters: Optional[EventFilter] = None) -> list[dict]:
        """Events and fatalities (sum of best estimates) per event start day, for the dated
        events matching ``filters``, oldest day first."""
        e = S.events.c
        q = (self._where(sa.select(e.date_start, sa.func.count(),
                                   sa.func.coalesce(sa.func.sum(e.fatalities_best), 0))
                         .select_from(S.events), filters or EventFilter())
             .where(e.date_start.is_not(None)).group_by(e.date_start).order_by(e.date_start))
        return [{"date": _iso(d), "events": int(n), "fatalities": int(f)}
                for d, n, f in self._read(q)]

    def map_points(self, fields: Sequence[str], filters: Optional[EventFilter] = None,
                   limit: int = 5000, offset: int = 0) -> tuple[list[dict], int]:
        """Located events matching ``filters``, deadliest first, as flat dicts of the event
        columns ``fields``. Returns (points, total located)."""
        e = S.events.c
        base = self._where(sa.select(*[getattr(e, f) for f in fields]).select_from(S.events),
                           filters or EventFilter()).where(e.lat.is_not(None), e.lon.is_not(None))
        total = self._read(sa.select(sa.func.count()).select_from(base.subquery()))[0][0]
        rows = self._read(base.order_by(e.fatalities_best.desc().nulls_last(),
                                        e.date_start.desc(), e.id).limit(limit).offset(offset))
        points = []
        for row in rows:
            d = dict(row._mapping)
            for key in ("date_start", "date_end"):
                if key in d and d[key] is not None:
                    d[key] = _iso(d[key])
            points.append(d)
        return points, int(total)

    def facet_counts(self, filters: Optional[EventFilter] = None) -> dict[str, list[dict]]:
        """Counts per country and per event type among the events matching ``filters``, most
        frequent first."""
        e = S.events.c
        out: dict[str, list[dict]] = {}
        for name, col in (("countries", e.country), ("event_types", e.event_type)):
            q = (self._where(sa.select(col, sa.func.count()).select_from(S.events),
                             filters or EventFilter())
                 .where(col.is_not(None)).group_by(col).order_by(sa.func.count().desc(), col))
            out[name] = [{"value": v, "count": int(n)} for v, n in self._read(q)]
        return out

    def article_rows(self, limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
        """Stored articles, latest ingested first, without their text: (rows, total)."""
        a = S.articles.c
        total = self._read(sa.select(sa.func.count()).select_from(S.articles))[0][0]
        rows = self._read(sa.select(a.id, a.input_id, a.title, a.url, a.published, a.source,
                                    a.chars, a.n_events, a.error)
                          .order_by(a.seq.desc()).limit(limit).offset(offset))
        return [dict(r._mapping) for r in rows], int(total)

    def count_events(self, filters: Optional[EventFilter] = None) -> int:
        f = filters or EventFilter()
        try:
            with self.engine.connect() as conn:
                return int(conn.execute(self._where(
                    sa.select(sa.func.count()).select_from(S.events), f)).scalar_one())
        except SQLAlchemyError as exc:
            raise _store_error(exc, self.url) from exc

    def query_events(self, filters: Optional[EventFilter] = None, limit: Optional[int] = 100,
                     offset: int = 0) -> tuple[list[StoredEvent], int]:
        """Events matching ``filters`` (newest event date first), and how many match in all."""
        f = filters or EventFilter()
        total = self.count_events(f)
        return list(self.iter_events(f, limit=limit, offset=offset)), total

    def iter_events(self, filters: Optional[EventFilter] = None, limit: Optional[int] = None,
                    offset: int = 0, chunk: int = 500, order: str = "date") -> Iterator[StoredEvent]:
        """Stream events matching ``filters`` with their sources: newest event date first
        (``order="date"``), or in ingest order (``"ingest"``: articles in the order stored, each
        article's new events in salience order, its main event first)."""
        f = filters or EventFilter()
        e = S.events.c
        keys = ((e.seq, e.id) if order == "ingest"
                else (e.date_start.desc().nulls_last(), e.seq.desc(), e.id))
        q = self._where(sa.select(S.events), f).order_by(*keys)
        done = 0
        try:
            with self.engine.connect() as conn:
                while limit is None or done < limit:
                    n = chunk if limit is None else min(chunk, limit - done)
                    rows = conn.execute(q.limit(n).offset(offset + done)).all()
                    if not rows:
                        return
                    srcs = self._sources(conn, [r.id for r in rows])
                    for r in rows:
                        yield _stored_event(r, srcs.get(r.id, []))
                    done += len(rows)
                    if len(rows) < n:
                        return
        except SQLAlchemyError as exc:
            raise _store_error(exc, self.url) from exc

    def _sources(self, conn: Connection, ids: list[str]) -> dict[str, list[SourceRef]]:
        ea, a = S.event_articles.c, S.articles.c
        rows = conn.execute(
            sa.select(ea.event_id, ea.rank, ea.seq, a.id, a.input_id, a.url, a.title, a.published)
            .join(S.articles, a.id == ea.article_id).where(ea.event_id.in_(ids))
            .order_by(ea.event_id, ea.rank, ea.seq)).all()
        out: dict[str, list[SourceRef]] = {}
        for r in rows:
            lst = out.setdefault(r.event_id, [])
            if any(s.article_id == r.id for s in lst):
                continue
            lst.append(SourceRef(article_id=r.id, input_id=r.input_id, url=r.url,
                                 title=r.title, published=r.published, rank=r.rank))
        return out

    def get_event(self, event_id: str) -> Optional[StoredEvent]:
        try:
            with self.engine.connect() as conn:
                row = conn.execute(sa.select(S.events).where(S.events.c.id == event_id)).first()
                if row is None:
                    return None
                return _stored_event(row, self._sources(conn, [event_id]).get(event_id, []))
        except SQLAlchemyError as exc:
            raise _store_error(exc, self.url) from exc

    def get_article(self, article_id: str) -> Optional[StoredArticle]:
        """By content hash, or by the id given at ingest."""
        a = S.articles.c
        try:
            with self.engine.connect() as conn:
                row = conn.execute(sa.select(S.articles).where(a.id == article_id)).first()
                if row is None:
                    row = conn.execute(sa.select(S.articles).where(a.input_id == article_id)
                                       .order_by(a.seq)).first()
                if row is None:
                    return None
                evs = conn.execute(
                    sa.select(S.event_articles).where(S.event_articles.c.article_id == row.id)
                    .order_by(S.event_articles.c.rank)).all()
                return StoredArticle(
                    id=row.id, input_id=row.input_id, url=row.url, title=row.title,
                    published=row.published, source=row.source, text=row.text,
                    warnings=list(row.warnings or []), error=row.error,
                    ingested_at=_iso(row.ingested_at),
                    events=[ArticleEvent(stored_event_id=r.event_id, rank=r.rank,
                                         event=Event.model_validate(r.event)) for r in evs])
        except SQLAlchemyError as exc:
            raise _store_error(exc, self.url) from exc

    def stats(self) -> dict[str, int]:
        """Row counts per table."""
        try:
            with self.engine.connect() as conn:
                return {t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t))
                                    .scalar_one())
                        for t in (S.articles, S.events, S.event_articles, S.claims)}
        except SQLAlchemyError as exc:
            raise _store_error(exc, self.url) from exc


def _event_columns(ev: Event) -> dict[str, Any]:
    loc = ev.location
    return dict(
        event_type=ev.event_type, sub_event_type=ev.sub_event_type, historical=ev.historical,
        date_start=iso_date(ev.date.start),
        date_end=iso_date(ev.date.end) or iso_date(ev.date.start),
        date_precision=ev.date.precision, country=loc.country, admin1=loc.admin1,
        admin2=loc.admin2, location=loc.name, lat=loc.lat, lon=loc.lon,
        geo_precision=loc.precision,
        fatalities_low=ev.fatalities.low, fatalities_best=ev.fatalities.best,
        fatalities_high=ev.fatalities.high, injured_low=ev.injured.low,
        injured_best=ev.injured.best, injured_high=ev.injured.high, salience=ev.salience)


def _stored_event(row: Any, sources: list[SourceRef]) -> StoredEvent:
    data = dict(row.data)
    data["id"] = row.id
    return StoredEvent.model_validate({**data, "sources": [s.model_dump() for s in sources],
                                      "created_at": _iso(row.created_at),
                                      "updated_at": _iso(row.updated_at)})


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # SQLAlchemy's "begin" event issues the BEGIN (see _sqlite_begin); WAL lets readers run
    # beside the one writer.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    """Write transactions (``Store.writer``) take the writer lock up front, so two writers wait
    on each other instead of failing mid-transaction; reads begin deferred and take no lock."""
    if conn.get_execution_options().get("warwire_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def _like_escape(text: str) -> str:
    """``text`` with LIKE's wildcards escaped (escape character: backslash)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _safe(url: str) -> str:
    """The URL without its password."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except (SQLAlchemyError, ValueError):
        return "<db url>"


def _iso(value: Any) -> str:
    """A date column as ``YYYY-MM-DD`` (SQLite returns text, PostgreSQL dates)."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _store_error(exc: Exception, url: str) -> StoreError:
    msg = str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0]
    low = msg.lower()
    if "locked" in low or "busy" in low:
        hint = "another process holds the database; retry when it is done"
    elif "connect" in low or "unable to open" in low or "could not" in low:
        hint = "check that the database server is running and the --db URL is right"
    else:
        hint = "check the --db URL and that the store was made by this warwire"
    return StoreError(f"store {_safe(url)}: {msg}", hint)
