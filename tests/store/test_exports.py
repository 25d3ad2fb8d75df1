"""Tests for warwire.store.exports: every format's columns/shape, taxonomy spellings, and that the
output reads back (CSV, GeoJSON, Parquet)."""
from __future__ import annotations

import csv
import io
import json

import pytest

from warwire.model import Actor, Casualty, Claim
from warwire.store.exports import (ACLED_COLUMNS, UCDP_COLUMNS, export_events, acled_row,
                                   ucdp_row)
from warwire.store.models import SourceRef, StoredEvent
from warwire.errors import InputError

from storefakes import make_event


def _event() -> StoredEvent:
    ev = make_event("ev1", "2021-11-16", killed=8, injured=10, name="Kalbajar", country="AZE",
                    admin1="Kalbajar District", lat=40.10, lon=46.04, etype="battles",
                    sub="armed_clash", precision=2)
    ev.actors = [Actor(name="Military Forces of Azerbaijan", country="AZE", type="state_forces",
                       role="side_a"),
                 Actor(name="Military Forces of Armenia", country="ARM", type="state_forces",
                       role="side_b")]
    ev.casualties = [
        Casualty(actor="Military Forces of Azerbaijan", category="killed", low=7, best=7, high=7,
                 claims=[Claim(low=7, high=7)]),
        Casualty(actor="Military Forces of Armenia", category="killed", low=1, best=1, high=1),
    ]
    return StoredEvent.model_validate({**ev.model_dump(), "sources": [
        SourceRef(article_id="h1", input_id="seed", url="https://example.org/a",
                  title="Clashes on the border").model_dump(),
        SourceRef(article_id="h2", input_id="s2").model_dump()]})


def _run(fmt: str) -> str:
    buf = io.StringIO()
    assert export_events([_event()], fmt, buf) == 1
    return buf.getvalue()


def test_jsonl_is_contract_event_plus_sources() -> None:
    (line,) = _run("jsonl").splitlines()
    obj = json.loads(line)
    assert obj["id"] == "ev1" and {k: obj["fatalities"][k] for k in ("low", "best", "high")} == {
        "low": 8, "best": 8, "high": 8}
    assert [s["input_id"] for s in obj["sources"]] == ["seed", "s2"]
    assert {"event_type", "date", "location", "actors", "casualties", "evidence"} <= set(obj)
    assert "created_at" not in obj


ACLED_EXPECT = {"event_date": "2021-11-16", "year": "2021", "time_precision": "1",
                "event_type": "Battles", "sub_event_type": "Armed clash",
                "actor1": "Military Forces of Azerbaijan", "inter1": "1",
                "actor2": "Military Forces of Armenia", "inter2": "1", "country": "Azerbaijan",
                "iso": "31", "location": "Kalbajar", "geo_precision": "2", "fatalities": "8",
                "notes": "Clashes on the border", "event_id_cnty": "AZE-ev1"}


@pytest.mark.parametrize("col,value", sorted(ACLED_EXPECT.items()))
def test_acled_csv(col: str, value: str) -> None:
    rows = list(csv.DictReader(io.StringIO(_run("acled"))))
    assert list(rows[0]) == ACLED_COLUMNS
    assert rows[0][col] == value


UCDP_EXPECT = {"side_a": "Military Forces of Azerbaijan", "side_b": "Military Forces of Armenia",
               "deaths_a": "7", "deaths_b": "1", "deaths_civilians": "0", "deaths_unknown": "0",
               "low": "8", "best": "8", "high": "8", "where_prec": "2", "date_prec": "1",
               "date_start": "2021-11-16", "date_end": "2021-11-16", "number_of_sources": "2",
               "latitude": "40.1", "longitude": "46.04", "country": "Azerbaijan"}


@pytest.mark.parametrize("col,value", sorted(UCDP_EXPECT.items()))
def test_ucdp_csv(col: str, value: str) -> None:
    rows = list(csv.DictReader(io.StringIO(_run("ucdp"))))
    assert list(rows[0]) == UCDP_COLUMNS
    assert rows[0][col] == value


def test_rows_without_place_or_actors() -> None:
    ev = StoredEvent.model_validate(make_event("x", None, lat=None, lon=None, admin1=None,
                                               country="USA").model_dump())
    assert acled_row(ev)["latitude"] == "" and acled_row(ev)["actor1"] == ""
    assert ucdp_row(ev)["where_prec"] == 6 and ucdp_row(ev)["best"] == ""


def test_geojson() -> None:
    doc = json.loads(_run("geojson"))
    (feat,) = doc["features"]
    assert doc["type"] == "FeatureCollection"
    assert feat["geometry"] == {"type": "Point", "coordinates": [46.04, 40.10]}
    assert feat["properties"]["fatalities"] == 8 and feat["properties"]["number_of_sources"] == 2


def test_parquet_reads_back() -> None:
    import pyarrow.parquet as pq

    buf = io.BytesIO()
    assert export_events([_event(), _event()], "parquet", buf) == 2
    table = pq.read_table(io.BytesIO(buf.getvalue()))
    assert table.num_rows == 2
    row = table.to_pylist()[0]
    assert row["fatalities_best"] == 8 and row["source_ids"] == ["seed", "s2"]
    assert json.loads(row["event_json"])["id"] == "ev1"


def test_unknown_format() -> None:
    with pytest.raises(InputError):
        export_events([], "xlsx", io.StringIO())
