"""Exports of stored events: JSONL (the contract Event plus ``sources``), ACLED-style CSV,
UCDP-GED-style CSV, GeoJSON and Parquet (pyarrow).

Each exporter takes an iterable of ``StoredEvent`` (streamed from the store in ingest order: each
article's events in salience order, its main event first) and writes to a text or binary stream;
``export_events`` picks the exporter by name. Taxonomy names are turned into ACLED's and UCDP's
spellings here (ACLED: "Explosions/Remote violence", inter codes 1-8; UCDP: precision codes).
"""
from __future__ import annotations

import csv
import functools
import json
from typing import IO, Any, Callable, Iterable, Optional

from ..errors import InputError
from ..model import Actor
from .models import StoredEvent

FORMATS = ("jsonl", "acled", "ucdp", "geojson", "parquet")
BINARY_FORMATS = ("parquet",)

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "inter1", "actor2", "inter2", "country", "iso", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
]
UCDP_COLUMNS = [
    "side_a", "side_b", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "low",
    "best", "high", "where_prec", "date_prec", "date_start", "date_end", "number_of_sources",
    "latitude", "longitude", "country",
]

_ACLED_TYPES = {
    "battles": "Battles", "explosions_remote_violence": "Explosions/Remote violence",
    "violence_against_civilians": "Violence against civilians", "protests": "Protests",
    "riots": "Riots", "strategic_developments": "Strategic developments",
}
_ACLED_SUBTYPES = {
    "shelling_artillery_missile_attack": "Shelling/artillery/missile attack",
    "air_drone_strike": "Air/drone strike",
    "remote_explosive_landmine_ied": "Remote explosive/landmine/IED",
    "abduction_forced_disappearance": "Abduction/forced disappearance",
    "non_state_actor_overtakes_territory": "Non-state actor overtakes territory",
    "government_regains_territory": "Government regains territory",
    "looting_property_destruction": "Looting/property destruction",
    "peaceful_protest": "Peaceful protest", "protest_with_intervention": "Protest with intervention",
    "excessive_force_against_protesters": "Excessive force against protesters",
    "violent_demonstration": "Violent demonstration", "mob_violence": "Mob violence",
    "sexual_violence": "Sexual violence", "chemical_weapon": "Chemical weapon",
    "disrupted_weapons_use": "Disrupted weapons use",
    "headquarters_or_base_established": "Headquarters or base established",
    "change_to_group_activity": "Change to group/activity",
}
_INTER = {"state_forces": 1, "rebel_group": 2, "political_militia": 3, "identity_militia": 4,
          "rioters": 5, "protesters": 6, "civilians": 7, "external_forces": 8}
_TIME_PREC = {"day": 1, "week": 2, "month": 3, "year": 3}
# UCDP GED date_prec: 1 exact day, 2 within 2-6 days, 3 week, 4 month, 5 year.
_UCDP_DATE_PREC = {"day": 1, "week": 3, "month": 4, "year": 5}
_SIDE_A = ("side_a", "perpetrator")
_SIDE_B = ("side_b", "target", "victim")


@functools.lru_cache(maxsize=512)
def _country(iso3: Optional[str]) -> tuple[str, str]:
    """(name, ISO numeric) of an alpha-3 code; ("", "") when unknown."""
    if not iso3:
        return "", ""
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3.upper())
    if c is None:
        return iso3, ""
    return getattr(c, "common_name", None) or c.name, str(int(c.numeric))


def _actor(ev: StoredEvent, roles: tuple[str, ...]) -> Optional[Actor]:
    for role in roles:
        for a in ev.actors:
            if a.role == role:
                return a
    return None


def _acled_subtype(sub: str) -> str:
    return _ACLED_SUBTYPES.get(sub) or sub.replace("_", " ").capitalize()


def acled_row(ev: StoredEvent) -> dict[str, Any]:
    name, numeric = _country(ev.location.country)
    a1, a2 = _actor(ev, _SIDE_A), _actor(ev, _SIDE_B)
    start = ev.date.start or ""
    sources = "; ".join(dict.fromkeys(s.url or s.input_id or s.article_id for s in ev.sources))
    notes = ev.sources[0].title if ev.sources and ev.sources[0].title else ""
    return {
        "event_id_cnty": f"{ev.location.country or 'XXX'}-{ev.id}",
        "event_date": start, "year": start[:4],
        "time_precision": _TIME_PREC.get(ev.date.precision or "", ""),
        "event_type": _ACLED_TYPES.get(ev.event_type, ev.event_type),
        "sub_event_type": _acled_subtype(ev.sub_event_type),
        "actor1": a1.name if a1 else "", "inter1": _INTER.get(a1.type, 0) if a1 else "",
        "actor2": a2.name if a2 else "", "inter2": _INTER.get(a2.type, 0) if a2 else "",
        "country": name, "iso": numeric, "admin1": ev.location.admin1 or "",
        "admin2": ev.location.admin2 or "", "location": ev.location.name or "",
        "latitude": "" if ev.location.lat is None else round(ev.location.lat, 4),
        "longitude": "" if ev.location.lon is None else round(ev.location.lon, 4),
        "geo_precision": ev.location.precision or "",
        "source": sources, "notes": notes,
        "fatalities": ev.fatalities.best if ev.fatalities.best is not None else 0,
    }


def _where_prec(ev: StoredEvent) -> int:
    """UCDP where_prec: 1 exact place, 2 within 25 km, 4 an admin1, 6 only the country."""
    if ev.location.lat is None:
        return 4 if ev.location.admin1 else 6
    return {1: 1, 2: 2, 3: 4}.get(ev.location.precision or 3, 4)


def ucdp_row(ev: StoredEvent) -> dict[str, Any]:
    a, b = _actor(ev, _SIDE_A), _actor(ev, _SIDE_B)
    deaths = {"a": 0, "b": 0, "civ": 0, "unk": 0}
    for c in ev.casualties:
        if c.category != "killed" or c.best is None:
            continue
        if a and c.actor == a.name:
            deaths["a"] += c.best
        elif b and c.actor == b.name and b.type != "civilians":
            deaths["b"] += c.best
        elif (c.actor and "civilian" in c.actor.lower()) or (b and c.actor == b.name):
            deaths["civ"] += c.best
        else:
            deaths["unk"] += c.best
    f = ev.fatalities
    return {
        "side_a": a.name if a else "", "side_b": b.name if b else "",
        "deaths_a": deaths["a"], "deaths_b": deaths["b"],
        "deaths_civilians": deaths["civ"], "deaths_unknown": deaths["unk"],
        "low": "" if f.low is None else f.low, "best": "" if f.best is None else f.best,
        "high": "" if f.high is None else f.high,
        "where_prec": _where_prec(ev), "date_prec": _UCDP_DATE_PREC.get(ev.date.precision or "", ""),
        "date_start": ev.date.start or "", "date_end": ev.date.end or ev.date.start or "",
        "number_of_sources": len(ev.sources),
        "latitude": "" if ev.location.lat is None else round(ev.location.lat, 4),
        "longitude": "" if ev.location.lon is None else round(ev.location.lon, 4),
        "country": _country(ev.location.country)[0],
    }


def write_jsonl(events: Iterable[StoredEvent], out: IO[str]) -> int:
    n = 0
    for ev in events:
        out.write(ev.model_dump_json(exclude={"created_at", "updated_at"}) + "\n")
        n += 1
    return n


def _write_csv(events: Iterable[StoredEvent], out: IO[str], columns: list[str],
               row: Callable[[StoredEvent], dict[str, Any]]) -> int:
    w = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    n = 0
    for ev in events:
        w.writerow(row(ev))
        n += 1
    return n


def write_acled(events: Iterable[StoredEvent], out: IO[str]) -> int:
    return _write_csv(events, out, ACLED_COLUMNS, acled_row)


def write_ucdp(events: Iterable[StoredEvent], out: IO[str]) -> int:
    return _write_csv(events, out, UCDP_COLUMNS, ucdp_row)


def geojson_feature(ev: StoredEvent) -> dict[str, Any]:
    loc = ev.location
    geom = ({"type": "Point", "coordinates": [loc.lon, loc.lat]}
            if loc.lat is not None and loc.lon is not None else None)
    return {"type": "Feature", "id": ev.id, "geometry": geom, "properties": {
        "id": ev.id, "event_type": ev.event_type, "sub_event_type": ev.sub_event_type,
        "date_start": ev.date.start, "date_end": ev.date.end, "date_precision": ev.date.precision,
        "location": loc.name, "admin1": loc.admin1, "country": loc.country,
        "geo_precision": loc.precision, "fatalities": ev.fatalities.best,
        "fatalities_low": ev.fatalities.low, "fatalities_high": ev.fatalities.high,
        "injured": ev.injured.best, "historical": ev.historical,
        "actors": [a.name for a in ev.actors], "number_of_sources": len(ev.sources),
        "sources": [s.url or s.input_id or s.article_id for s in ev.sources],
    }}


def write_geojson(events: Iterable[StoredEvent], out: IO[str]) -> int:
    """A FeatureCollection, streamed feature by feature (events without coordinates have a null
    geometry, as GeoJSON allows)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for ev in events:
        out.write((",\n" if n else "") + json.dumps(geojson_feature(ev), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def write_parquet(events: Iterable[StoredEvent], out: IO[bytes], chunk: int = 5000) -> int:
    """One row per event: the ACLED columns typed, UCDP figures, and the full event JSON."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        ("id", pa.string()), ("event_type", pa.string()), ("sub_event_type", pa.string()),
        ("historical", pa.bool_()), ("date_start", pa.string()), ("date_end", pa.string()),
        ("date_precision", pa.string()), ("country", pa.string()), ("admin1", pa.string()),
        ("admin2", pa.string()), ("location", pa.string()), ("latitude", pa.float64()),
        ("longitude", pa.float64()), ("geo_precision", pa.int8()),
        ("actor1", pa.string()), ("actor2", pa.string()),
        ("fatalities_low", pa.int64()), ("fatalities_best", pa.int64()),
        ("fatalities_high", pa.int64()), ("injured_best", pa.int64()),
        ("number_of_sources", pa.int32()), ("source_ids", pa.list_(pa.string())),
        ("source_urls", pa.list_(pa.string())), ("event_json", pa.string()),
    ])
    writer = pq.ParquetWriter(out, schema)
    rows: list[dict[str, Any]] = []
    n = 0

    def flush() -> None:
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            rows.clear()

    try:
        for ev in events:
            a1, a2 = _actor(ev, _SIDE_A), _actor(ev, _SIDE_B)
            loc = ev.location
            rows.append({
                "id": ev.id, "event_type": ev.event_type, "sub_event_type": ev.sub_event_type,
                "historical": ev.historical, "date_start": ev.date.start,
                "date_end": ev.date.end, "date_precision": ev.date.precision,
                "country": loc.country, "admin1": loc.admin1, "admin2": loc.admin2,
                "location": loc.name, "latitude": loc.lat, "longitude": loc.lon,
                "geo_precision": loc.precision, "actor1": a1.name if a1 else None,
                "actor2": a2.name if a2 else None, "fatalities_low": ev.fatalities.low,
                "fatalities_best": ev.fatalities.best, "fatalities_high": ev.fatalities.high,
                "injured_best": ev.injured.best, "number_of_sources": len(ev.sources),
                "source_ids": [s.input_id or s.article_id for s in ev.sources],
                "source_urls": [s.url for s in ev.sources if s.url],
                "event_json": ev.model_dump_json(exclude={"created_at", "updated_at"}),
            })
            n += 1
            if len(rows) >= chunk:
                flush()
        flush()
    finally:
        writer.close()
    return n


WRITERS: dict[str, Callable[..., int]] = {
    "jsonl": write_jsonl, "acled": write_acled, "ucdp": write_ucdp, "geojson": write_geojson,
    "parquet": write_parquet,
}


def export_events(events: Iterable[StoredEvent], fmt: str, out: IO[Any]) -> int:
    """Write ``events`` to ``out`` in format ``fmt``; returns how many were written. ``out`` is a
    binary stream for Parquet, a text stream otherwise."""
    if fmt not in WRITERS:
        raise InputError(f"unknown export format {fmt!r}", f"choose one of {', '.join(FORMATS)}")
    return WRITERS[fmt](events, out)
