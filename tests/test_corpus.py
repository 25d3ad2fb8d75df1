"""The golden corpus (tests/corpus/, see its README): each article is read by the ingest stage,
extracted by ``warwire.api.extract_article`` and checked against its expectations.

- ``seed.txt`` is checked by ``../shared/tools/check_seed.py`` against
  ``../shared/seed/expected.json`` (every check must hold).
- every other ``NAME.txt`` by ``NAME.yaml``: partial expectations of what must and must not
  appear, read by ``check_result`` below (the format is in tests/corpus/README.md).

The checker itself is tested first, on hand-made contract results, so the expectations cannot
pass vacuously (unknown keys are errors, and each kind of check is shown to fail).
"""
from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from warwire.model import CATEGORIES, Article, Event, Result
from warwire.stages.ingest import read_inputs

CORPUS = Path(__file__).resolve().parent / "corpus"
from paths import SHARED  # noqa: E402
SEED_EXPECTED = SHARED / "seed" / "expected.json"
CHECK_SEED = SHARED / "tools" / "check_seed.py"
MAX_CHARS = 2_000_000

EVENT_TYPES = {"battles", "explosions_remote_violence", "violence_against_civilians", "protests", "riots",
               "strategic_developments"}
SPEC_KEYS = {"title", "published", "warnings_include", "no_events", "main", "also", "historical", "must_not"}
EVENT_KEYS = {"event_type", "sub_event_type", "historical", "date", "country", "place", "fatalities", "injured",
              "casualties", "actors_include"}
DATE_KEYS = {"start", "precision", "year"}
PLACE_KEYS = {"names", "points", "or_country_only"}
ESTIMATE_KEYS = {"best", "low", "high", "best_at_least", "low_at_least"}
CASUALTY_KEYS = {"category", "country", "best", "low", "high", "claims_at_least"}
ACTOR_KEYS = {"name", "country", "type", "role"}
SCOPES = {"any", "main", "current"}


# --------------------------------------------------------------------------------------------
# The expectation format
# --------------------------------------------------------------------------------------------
def _keys(where: str, d: Any, allowed: set[str]) -> None:
    if not isinstance(d, dict):
        raise ValueError(f"{where}: expected a mapping, got {d!r}")
    unknown = set(d) - allowed
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {sorted(unknown)}; known: {sorted(allowed)}")


def _one_of(v: Any) -> list[Any]:
    return v if isinstance(v, list) else [v]


def validate_event_spec(where: str, spec: dict[str, Any]) -> None:
    """Refuse specs that name what the contract does not have (a typo would pass silently)."""
    _keys(where, spec, EVENT_KEYS)
    for t in _one_of(spec.get("event_type", [])):
        if t not in EVENT_TYPES:
            raise ValueError(f"{where}: event_type {t!r} is not in the contract")
    if "date" in spec:
        _keys(f"{where}.date", spec["date"], DATE_KEYS)
    if "place" in spec:
        _keys(f"{where}.place", spec["place"], PLACE_KEYS)
        for p in spec["place"].get("points", []):
            _keys(f"{where}.place.points", p, {"lat", "lon", "km"})
    for k in ("fatalities", "injured"):
        if k in spec:
            _keys(f"{where}.{k}", spec[k], ESTIMATE_KEYS)
    for c in spec.get("casualties", []):
        _keys(f"{where}.casualties", c, CASUALTY_KEYS)
        if c.get("category") not in CATEGORIES:
            raise ValueError(f"{where}.casualties: category {c.get('category')!r} is not in the contract")
    for a in spec.get("actors_include", []):
        _keys(f"{where}.actors_include", a, ACTOR_KEYS)


def validate_spec(name: str, spec: dict[str, Any]) -> None:
    _keys(name, spec, SPEC_KEYS)
    if spec.get("no_events") and ("main" in spec or "also" in spec or "historical" in spec):
        raise ValueError(f"{name}: no_events excludes main/also/historical")
    if "main" in spec:
        validate_event_spec(f"{name}.main", spec["main"])
    for i, e in enumerate(spec.get("also", []) + spec.get("historical", [])):
        validate_event_spec(f"{name}.also/historical[{i}]", e)
    for i, m in enumerate(spec.get("must_not", [])):
        _keys(f"{name}.must_not[{i}]", m, {"scope", "match"})
        if m.get("scope", "any") not in SCOPES:
            raise ValueError(f"{name}.must_not[{i}]: scope must be one of {sorted(SCOPES)}")
        validate_event_spec(f"{name}.must_not[{i}].match", m["match"])


# --------------------------------------------------------------------------------------------
# The checker (on the contract JSON, as outside tools read it)
# --------------------------------------------------------------------------------------------
def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = math.radians
    h = (math.sin(r(lat2 - lat1) / 2) ** 2
         + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2)
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _value(label: str, got: Any, want: Any) -> list[str]:
    return [] if got in _one_of(want) else [f"{label} is {got!r}, expected {' or '.join(map(repr, _one_of(want)))}"]


def _estimate(label: str, got: dict[str, Any], want: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for k in ("best", "low", "high"):
        if k in want:
            out += _value(f"{label}.{k}", got.get(k), want[k])
    for k in ("best", "low"):
        floor = want.get(f"{k}_at_least")
        if floor is not None and (got.get(k) is None or got[k] < floor):
            out.append(f"{label}.{k} is {got.get(k)!r}, expected at least {floor}")
    return out


def _place(loc: dict[str, Any], want: dict[str, Any]) -> list[str]:
    names = [n.lower() for n in want.get("names", [])]
    written = [str(loc.get(k) or "").lower() for k in ("name", "text")]
    if any(n and (n == w or re.search(rf"\b{re.escape(n)}\b", w)) for n in names for w in written if w):
        return []
    lat, lon = loc.get("lat"), loc.get("lon")
    if lat is not None and lon is not None:
        for p in want.get("points", []):
            if km(lat, lon, p["lat"], p["lon"]) <= p["km"]:
                return []
    elif want.get("or_country_only") and loc.get("precision") == 3:
        return []
    return [f"location {loc.get('name')!r} ({lat}, {lon}) is none of {want.get('names')} "
            f"nor within {[p['km'] for p in want.get('points', [])]} km of their points"]


def event_failures(event: dict[str, Any], spec: dict[str, Any]) -> list[str]:
    """Why ``event`` (contract JSON) does not match ``spec``; empty when it does."""
    out: list[str] = []
    for k in ("event_type", "sub_event_type", "historical"):
        if k in spec:
            out += _value(k, event.get(k), spec[k])
    date = event.get("date") or {}
    want_date = spec.get("date", {})
    if "start" in want_date:
        out += _value("date.start", date.get("start"), want_date["start"])
    if "precision" in want_date:
        out += _value("date.precision", date.get("precision"), want_date["precision"])
    if "year" in want_date:
        year = int(str(date.get("start"))[:4]) if re.match(r"\d{4}", str(date.get("start") or "")) else None
        out += _value("date.year", year, want_date["year"])
    loc = event.get("location") or {}
    if "country" in spec:
        out += _value("location.country", loc.get("country"), spec["country"])
    if "place" in spec:
        out += _place(loc, spec["place"])
    for k in ("fatalities", "injured"):
        if k in spec:
            out += _estimate(k, event.get(k) or {}, spec[k])
    for want in spec.get("casualties", []):
        label = f"casualties[{want['category']}{'/' + want['country'] if 'country' in want else ''}]"
        hits = [c for c in event.get("casualties") or [] if c.get("category") == want["category"]
                and ("country" not in want or c.get("country") == want["country"])]
        errors = []
        for c in hits:
            e = _estimate(label, c, {k: v for k, v in want.items() if k in ("best", "low", "high")})
            if "claims_at_least" in want and len(c.get("claims") or []) < want["claims_at_least"]:
                e.append(f"{label} has {len(c.get('claims') or [])} claims, expected at least {want['claims_at_least']}")
            if not e:
                break
            errors.append("; ".join(e))
        else:
            out.append(f"{label}: no entry matches ({' | '.join(errors) or 'none present'})")
    for want in spec.get("actors_include", []):
        if not any(all(a.get(k) == v for k, v in want.items()) for a in event.get("actors") or []):
            out.append(f"no actor {want}")
    return out


def check_result(result: dict[str, Any], text: str, spec: dict[str, Any]) -> list[str]:
    """Every way ``result`` (contract JSON of one article whose body is ``text``) breaks ``spec``."""
    out: list[str] = []
    art = result.get("article") or {}
    if "title" in spec:
        out += _value("article.title", art.get("title"), spec["title"])
    if "published" in spec:
        got = art.get("published")
        want = spec["published"]
        if (got or None) is None or want is None:
            out += _value("article.published", got, want)
        elif not str(got).startswith(str(want)[:16]):
            out.append(f"article.published is {got!r}, expected {want!r}")
    for w in spec.get("warnings_include", []):
        if not any(w in x for x in result.get("warnings") or []):
            out.append(f"no warning containing {w!r} in {result.get('warnings')}")
    events = result.get("events") or []
    # invariants of the contract, for every article
    if events and events[0].get("historical"):
        out.append("events[0] is historical (background events never come first)")
    for i, e in enumerate(events):
        for c in e.get("casualties") or []:
            for cl in c.get("claims") or []:
                if not 0 <= cl.get("start", -1) < cl.get("end", -1) <= len(text):
                    out.append(f"events[{i}] claim span {cl.get('start')}..{cl.get('end')} is outside the text")
        for ev in e.get("evidence") or []:
            if not 0 <= ev.get("start", -1) <= ev.get("end", -1) <= len(text):
                out.append(f"events[{i}] evidence span {ev.get('start')}..{ev.get('end')} is outside the text")
    if spec.get("no_events") and events:
        out.append(f"expected no events, got {len(events)}: "
                   f"{[(e.get('event_type'), e.get('sub_event_type')) for e in events]}")
    if "main" in spec:
        if not events:
            out.append("expected a main event, got no events")
        else:
            out += [f"main: {f}" for f in event_failures(events[0], spec["main"])]
    for i, want in enumerate(spec.get("also", [])):
        if not any(not event_failures(e, want) for e in events[1:]):
            out.append(f"also[{i}]: no other event matches {want}")
    for i, want in enumerate(spec.get("historical", [])):
        want = {**want, "historical": True}
        if not any(not event_failures(e, want) for e in events):
            out.append(f"historical[{i}]: no historical event matches {want}")
    for i, rule in enumerate(spec.get("must_not", [])):
        scope = rule.get("scope", "any")
        pool = events[:1] if scope == "main" else [e for e in events if scope == "any" or not e.get("historical")]
        bad = [j for j, e in enumerate(pool) if not event_failures(e, rule["match"])]
        if bad:
            out.append(f"must_not[{i}]: {scope} event(s) {bad} match {rule['match']}")
    return out


# --------------------------------------------------------------------------------------------
# Tests of the checker (no pipeline needed)
# --------------------------------------------------------------------------------------------
TEXT = "A bomb killed 11 people in Quetta on Tuesday, police said. Earlier they said six died."
GOOD = Result(
    id="x", article={"title": "Bomb", "published": "2023-02-15T10:20:00"}, warnings=["a note"],
    events=[
        Event(id="e1", event_type="explosions_remote_violence", sub_event_type="remote_explosive_landmine_ied",
              date={"start": "2023-02-14", "end": "2023-02-14", "precision": "day"},
              location={"name": "Quetta", "country": "PAK", "lat": 30.18, "lon": 67.0, "precision": 1},
              actors=[{"name": "Police Forces of Pakistan", "country": "PAK", "type": "state_forces",
                       "role": "side_b"}],
              casualties=[{"category": "killed", "low": 6, "best": 11, "high": 11,
                           "claims": [{"low": 11, "high": 11, "quote": TEXT[:57], "start": 0, "end": 57},
                                      {"low": 6, "high": 6, "quote": TEXT[58:], "start": 58, "end": len(TEXT)}]}],
              fatalities={"low": 6, "best": 11, "high": 11}, injured={"best": None}),
        Event(id="e2", event_type="battles", sub_event_type="armed_clash", historical=True,
              date={"start": "2009-05-18", "precision": "day"}, fatalities={"low": 100000, "best": 100000}),
    ],
).model_dump(mode="json")
SPEC = {
    "title": "Bomb", "published": "2023-02-15T10:20", "warnings_include": ["note"],
    "main": {"event_type": "explosions_remote_violence", "sub_event_type": ["suicide_bomb", "remote_explosive_landmine_ied"],
             "historical": False, "date": {"start": "2023-02-14", "precision": "day"}, "country": "PAK",
             "place": {"names": ["Quetta"], "points": [{"lat": 30.184, "lon": 67.001, "km": 30}]},
             "fatalities": {"best": 11, "low": [6, 11]}, "injured": {"best": [None, 0]},
             "casualties": [{"category": "killed", "best": 11, "claims_at_least": 2}],
             "actors_include": [{"country": "PAK", "type": "state_forces"}]},
    "historical": [{"fatalities": {"low_at_least": 100000}, "date": {"year": 2009}}],
    "must_not": [{"scope": "main", "match": {"fatalities": {"best": 6}}},
                 {"scope": "current", "match": {"fatalities": {"best_at_least": 100}}}],
}


def _with(d: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A deep copy of ``d`` with ``path`` ("events.0.fatalities.best") set to ``value``."""
    d = json.loads(json.dumps(d))
    *head, last = path.split(".")
    node: Any = d
    for k in head:
        node = node[int(k)] if isinstance(node, list) else node[k]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return d


def test_checker_passes_a_matching_result() -> None:
    validate_spec("SPEC", SPEC)
    assert check_result(GOOD, TEXT, SPEC) == []


@pytest.mark.parametrize("path,value,message", [
    ("article.title", "Other", "article.title"),
    ("article.published", None, "article.published"),
    ("warnings", [], "no warning containing"),
    ("events.0.event_type", "battles", "main: event_type"),
    ("events.0.sub_event_type", "grenade", "main: sub_event_type"),
    ("events.0.date.start", "2023-02-15", "main: date.start"),
    ("events.0.location.country", "AFG", "main: location.country"),
    ("events.0.location", {"name": "Karachi", "lat": 24.86, "lon": 67.0, "country": "PAK"}, "main: location"),
    ("events.0.fatalities.best", 6, "must_not[0]"),
    ("events.0.fatalities.best", 200, "must_not[1]"),
    ("events.0.fatalities.low", 3, "main: fatalities.low"),
    ("events.0.injured.best", 4, "main: injured.best"),
    ("events.0.casualties.0.claims", [], "claims, expected at least 2"),
    ("events.0.casualties.0.category", "injured", "casualties[killed]: no entry matches"),
    ("events.0.actors", [], "no actor"),
    ("events.0.casualties.0.claims.0.end", 10_000, "outside the text"),
    ("events.1.historical", False, "historical[0]"),
    ("events.1.fatalities.low", 6500, "historical[0]"),
    ("events.0.historical", True, "events[0] is historical"),
])
def test_checker_catches(path: str, value: Any, message: str) -> None:
    failures = check_result(_with(GOOD, path, value), TEXT, SPEC)
    assert any(message in f for f in failures), failures


def test_checker_no_events() -> None:
    assert check_result({**GOOD, "events": []}, TEXT, {"no_events": True}) == []
    assert check_result(GOOD, TEXT, {"no_events": True})
    assert "expected a main event" in check_result({**GOOD, "events": []}, TEXT, {"main": {}})[0]


@pytest.mark.parametrize("spec", [
    {"main": {"fatality": {"best": 1}}},  # typo
    {"main": {"event_type": "bombing"}},  # not in the contract
    {"main": {"casualties": [{"category": "dead", "best": 1}]}},
    {"must_not": [{"scope": "everywhere", "match": {}}]},
    {"expect": {}},
])
def test_validate_refuses_bad_specs(spec: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        validate_spec("bad", spec)


# --------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------
ARTICLES = sorted(p.stem for p in CORPUS.glob("*.txt") if p.stem != "seed")


def test_every_article_has_valid_expectations() -> None:
    assert len(ARTICLES) >= 5
    for stem in ARTICLES:
        path = CORPUS / f"{stem}.yaml"
        assert path.is_file(), f"{stem}.txt has no {stem}.yaml"
        validate_spec(stem, yaml.safe_load(path.read_text(encoding="utf-8")))
    for path in CORPUS.glob("*.yaml"):
        assert (CORPUS / f"{path.stem}.txt").is_file(), f"{path.name} has no article"


def read_article(stem: str) -> Article:
    items = list(read_inputs(str(CORPUS / f"{stem}.txt"), max_chars=MAX_CHARS))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


_EXTRACT: list[Callable[[Article], Result]] = []


def extract(article: Article) -> Result:
    """``warwire.api.extract_article``, or a clear failure while it is not written."""
    if not _EXTRACT:
        import warwire.api as api

        fn = getattr(api, "extract_article", None)
        if fn is None:
            pytest.fail("warwire.api.extract_article(article: Article) -> Result does not exist yet: "
                        "the golden corpus needs it", pytrace=False)
        _EXTRACT.append(fn)
    result = _EXTRACT[0](article)
    assert isinstance(result, Result), f"extract_article returned {type(result).__name__}, not Result"
    return result


def test_seed_against_expected_json(tmp_path: Path) -> None:
    article = read_article("seed")
    result = extract(article)
    out = tmp_path / "seed-result.json"
    out.write_text(result.model_dump_json(), encoding="utf-8")
    run = subprocess.run([sys.executable, str(CHECK_SEED), str(SEED_EXPECTED), str(out)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, f"check_seed.py:\n{run.stdout}{run.stderr}"


@pytest.mark.parametrize("stem", ARTICLES)
def test_corpus_article(stem: str) -> None:
    spec = yaml.safe_load((CORPUS / f"{stem}.yaml").read_text(encoding="utf-8"))
    article = read_article(stem)
    result = extract(article)
    assert result.id == article.id
    failures = check_result(result.model_dump(mode="json"), article.text, spec)
    assert not failures, f"{stem}:\n  " + "\n  ".join(failures)
