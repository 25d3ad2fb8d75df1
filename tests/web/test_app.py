"""The JSON API and the HTML pages through FastAPI's TestClient: twins, pagination, filters,
bounds, escaping, errors as JSON (never a traceback)."""
from __future__ import annotations

import pytest


def _seed_event(client) -> dict:
    events = client.get("/events.json", params={"country": "AZE", "event_type": "battles"}).json()["events"]
    return next(e for e in events if e["location"]["name"] == "Kalbajar")


def test_events_json_lists_non_historical_events_newest_first(client):
    body = client.get("/events.json").json()
    assert body["total"] == 7 and len(body["events"]) == 7
    dates = [e["date"]["start"] for e in body["events"]]
    assert dates == sorted(dates, reverse=True)
    assert not any(e["historical"] for e in body["events"])
    assert client.get("/events.json", params={"historical": "1"}).json()["total"] == 8


@pytest.mark.parametrize("params, total", [
    ({"country": "SYR"}, 2),
    ({"country": "syr"}, 2),
    ({"event_type": "battles"}, 2),
    ({"min_fatalities": "4"}, 3),
    ({"date_from": "2021-11-12", "date_to": "2021-11-16"}, 3),
    ({"actor": "armenia"}, 1),
    ({"actor": "Russia"}, 2),
    ({"actor": "nobody at all"}, 0),
    ({"country": "", "event_type": "", "actor": "", "min_fatalities": ""}, 7),
])
def test_filters(client, params, total):
    body = client.get("/events.json", params=params).json()
    assert body["total"] == total
    assert len(body["events"]) == total
    assert client.get("/timeline.json", params=params).json()["events"] == total


def test_pagination_links(client):
    page = client.get("/events.json", params={"limit": "3"}).json()
    assert page["limit"] == 3 and len(page["events"]) == 3 and page["prev"] is None
    nxt = client.get(page["next"]).json()
    assert nxt["offset"] == 3 and nxt["prev"]
    assert {e["id"] for e in page["events"]}.isdisjoint(e["id"] for e in nxt["events"])
    last = client.get("/events.json", params={"limit": "3", "offset": "6"}).json()
    assert last["next"] is None and len(last["events"]) == 1


@pytest.mark.parametrize("url, fragment", [
    ("/events.json?limit=501", "limit must be between 1 and 500"),
    ("/events.json?limit=0", "limit must be between"),
    ("/events.json?offset=-1", "offset must be between"),
    ("/events.geojson?limit=999999", "limit must be between 1 and 20000"),
    ("/events.json?country=Syria", "alpha-3"),
    ("/events.json?event_type=war", "event_type must be one of"),
    ("/events.json?date_from=yesterday", "date_from must be a date"),
    ("/events.json?date_from=2022-01-02&date_to=2022-01-01", "is after"),
    ("/events.json?min_fatalities=many", "whole number"),
])
def test_bad_parameters_are_json_errors(client, url, fragment):
    r = client.get(url)
    assert r.status_code == 400
    assert fragment in r.json()["error"]["message"]


def test_event_twin_has_claims_with_articles(client):
    ev = _seed_event(client)
    html = client.get(f"/events/{ev['id']}")
    data = client.get(f"/events/{ev['id']}.json").json()
    assert html.status_code == 200 and "text/html" in html.headers["content-type"]
    assert data["id"] == ev["id"] and len(data["casualties"]) == 5
    captured = next(c for c in data["casualties"] if c["category"] == "captured")
    assert sorted(c["low"] for c in captured["claims"]) == [12, 13]
    assert all(c["article_id"] for c in captured["claims"]) or data["sources"]
    assert data["sources"][0]["title"].startswith("7 Azerbaijani soldiers")


def test_event_page_shows_disagreeing_claims_side_by_side(client):
    page = client.get(f"/events/{_seed_event(client)['id']}").text
    assert page.count('class="claim') >= 7
    assert "disagree: 13 vs 12" in page
    assert "disagree: 10 vs 2" in page
    assert '<mark class="fig">13</mark>' in page and '<mark class="fig">12</mark>' in page
    assert "Ministry of Defence of Armenia" in page


def test_geojson_points(client):
    r = client.get("/events.geojson")
    assert r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and fc["total"] == len(fc["features"]) == 6
    f = fc["features"][0]
    assert f["geometry"]["type"] == "Point" and len(f["geometry"]["coordinates"]) == 2
    assert f["properties"]["url"] == f"/events/{f['id']}"
    kills = [x["properties"]["fatalities"] or 0 for x in fc["features"]]
    assert kills == sorted(kills, reverse=True)  # deadliest first


def test_timeline_and_facets(client):
    t = client.get("/timeline.json").json()
    day = next(d for d in t["days"] if d["date"] == "2021-11-16")
    assert day == {"date": "2021-11-16", "events": 2, "fatalities": 8}
    f = client.get("/facets.json").json()
    assert {"value": "SYR", "count": 2} in f["countries"]


def test_article_twins(client):
    listing = client.get("/articles.json").json()
    assert listing["total"] == 6 and all("text" not in a for a in listing["articles"])
    data = client.get("/articles/seed.json").json()
    assert data["input_id"] == "seed" and "Kelbajar" in data["text"]
    assert len(data["events"]) == 3
    page = client.get("/articles/seed").text
    assert "events fed" in page and 'class="k-' in page


def test_article_text_is_escaped(client):
    page = client.get("/articles/script").text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in page
    assert "&lt;b&gt;Two&lt;/b&gt;" in page
    dash = client.get("/events").text
    assert "<script>alert" not in dash and "&lt;script&gt;alert(1)&lt;/script&gt;" in dash


def test_missing_things_are_json_404s(client):
    for url in ("/events/nope", "/events/nope.json", "/articles/nope", "/articles/nope.json", "/no/such/page"):
        r = client.get(url)
        assert r.status_code == 404
        assert "no " in r.json()["error"]["message"]


def test_browsers_get_an_html_error_page(client):
    r = client.get("/events/nope", headers={"accept": "text/html"})
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert "no event" in r.text and "Traceback" not in r.text


def test_openapi_describes_the_json_routes(client):
    spec = client.get("/openapi.json").json()
    for path in ("/events.json", "/events.geojson", "/events/{event_id}.json", "/articles/{article_id}.json",
                 "/timeline.json", "/extract"):
        assert path in spec["paths"], path
    assert "/events" not in spec["paths"]  # HTML pages are not API
    assert client.get("/docs").status_code == 404  # the stock docs page would load a CDN


def test_security_headers_and_no_external_resources(client):
    r = client.get("/events")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "http://" not in r.text.replace("http://www.w3.org", "") and "https://" not in r.text
    for asset in ("/static/map.js", "/static/dashboard.js", "/static/style.css", "/static/countries-50m.json"):
        got = client.get(asset)
        assert got.status_code == 200, asset
        assert "https://" not in got.text[:5000] or asset.endswith(".json")


def test_extract_returns_the_contract_without_storing(client):
    before = client.get("/articles.json").json()["total"]
    r = client.post("/extract", json={"text": "Gunmen killed 4 people in Kano on Monday, police said.",
                                      "published": "2023-05-02", "id": "posted"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["id"] == "posted" and body["contract_version"] == 1 and "events" in body
    assert client.get("/articles.json").json()["total"] == before


@pytest.mark.parametrize("kwargs, status", [
    ({"json": {"text": ""}}, 422),
    ({"json": {"title": "no text"}}, 422),
    ({"content": b"not json", "headers": {"content-type": "application/json"}}, 422),
    ({"json": {"text": "x" * 200_001}}, 422),
    ({"content": b"x" * 1_000_001, "headers": {"content-type": "application/json"}}, 413),
])
def test_extract_rejects_bad_or_oversized_bodies(client, kwargs, status):
    r = client.post("/extract", **kwargs)
    assert r.status_code == status
    assert r.json()["error"]["message"]
    assert "Traceback" not in r.text


def test_internal_errors_hide_the_traceback(client, monkeypatch):
    from warwire import api

    def boom(*a, **k):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(api, "timeline", boom)
    r = client.get("/timeline.json")
    assert r.status_code == 500
    assert r.json()["error"]["message"].startswith("internal error")
    assert "secret detail" not in r.text and "Traceback" not in r.text


def test_home_redirects_to_the_dashboard_with_its_filters(client):
    r = client.get("/?country=SYR", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == "/events?country=SYR"


def test_a_missing_store_is_a_clear_error(tmp_path):
    from warwire.errors import StoreError
    from warwire.web import create_app

    with pytest.raises(StoreError, match="no warwire store"):
        create_app(f"sqlite:///{tmp_path / 'none.db'}")


def test_tile_layer_only_when_configured(store_url, client):
    from fastapi.testclient import TestClient

    from warwire.web import create_app

    assert "data-tiles" not in client.get("/events").text
    tiled = create_app(store_url, tile_url="https://tiles.example.org/{z}/{x}/{y}.png")
    with TestClient(tiled) as c:
        r = c.get("/events")
    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in r.text
    assert r.headers["content-security-policy"].endswith("img-src 'self' data: https://tiles.example.org")
