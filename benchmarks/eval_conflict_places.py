"""How well the gazetteer and the pipeline place conflict reports (Syria, South Asia, Africa).

Two measures, each with the transliteration fallback of the gazetteer off ("exact") and on
("loose"), printed as one table:

1. UCDP places. Every row of a UCDP place list (name with a trailing type word such as
   "village"/"town"/"Governorate", lat, lon, precision) is looked up by name with the type word
   removed; the reading kept is the most populous candidate in the row's country (what the
   places stage does when the article's context points to that country), and the row counts as
   placed when that reading is within 25 / 50 km of the UCDP coordinates. Also reported: rows
   with no candidate at all, and rows whose only candidates lie in another country.
2. UCDP places in a sentence (``--sentences``). Each town/village row (precision 1-2) is put in
   one report that also names the country ("Government forces shelled the village of X in
   northern Syria on Monday, ...") and run through the pipeline: the event's country must be the
   row's, and its coordinates within 25 / 50 km. This is where a namesake abroad of a village
   the gazetteer lacks shows (the country named next to it should win).
3. Wikievents articles. Each article goes through the whole pipeline (spaCy included, no
   publication date); the gold place spans of its attack/death/injury events that the gazetteer
   knows give a set of gold places, and the main event is scored on country (its country is
   one of the gold places' countries) and distance (within 50 km of one of them; articles whose
   gold spans name only countries are scored on country only). ``--gold`` adds a hand-made TSV
   (doc_id, country, lat, lon, killed, injured; empty = unknown) which then replaces the
   span-derived gold and also scores the fatality and injury counts.

The data is read at run time and never copied into the project.

Usage: .venv/bin/python benchmarks/eval_conflict_places.py [--ucdp ../shared/data/ucdp-syria-places.csv]
       [--wiki ../shared/data/wikievents-dev.jsonl] [--gold benchmarks/data/wikievents_hand_gold.tsv] [--no-wiki] [--sentences]
       [--show 10]
"""
from __future__ import annotations

import argparse
import ast
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Optional

from warwire.model import km_between
from warwire.gazetteer.build import default_index_path
from warwire.gazetteer.sqlite import SqliteGazetteer
from warwire.model import PlaceCandidate

# ../shared/data next to the checkout (a worktree sits one folder deeper than the main checkout)
DATA = next((p / "shared" / "data" for p in Path(__file__).resolve().parents
             if (p / "shared" / "data").is_dir()), Path("../shared/data"))
# A trailing type word UCDP appends to a place name ("Kafr Zayta town", "Homs Governorate").
_TYPE = re.compile(r"\s+(?:village|town|city|governorate|district|sub-district|subdistrict|area|"
                   r"suburb|neighbou?rhood|camp|checkpoint|farm|hill|mountain|base|airbase|"
                   r"airport|field|dam|border crossing|crossing|region|countryside)$", re.I)
_ISO3 = {"Syria": "SYR"}
_KIND_ORDER = {"city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}
_GOLD_EVENT = re.compile(r"^(Conflict\.Attack|Life\.Die|Life\.Injure)")


def _best_in(cands: list[PlaceCandidate], country: str) -> Optional[PlaceCandidate]:
    inside = [c for c in cands if c.country == country and c.lat is not None]
    if not inside:
        return None
    return max(inside, key=lambda c: (c.population, -_KIND_ORDER.get(c.kind, 5)))


def eval_ucdp(path: Path, gaz: SqliteGazetteer, show: int) -> dict[str, float]:
    counts: Counter = Counter()
    missed: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = _TYPE.sub("", row["name"].strip())
            iso = _ISO3.get(row["country"], row["country"])
            counts["rows"] += 1
            cands = gaz.lookup(name)
            if not cands:
                counts["no_candidate"] += 1
                missed.append(name)
                continue
            best = _best_in(cands, iso)
            if best is None:
                counts["other_country_only"] += 1
                continue
            km = km_between(float(row["lat"]), float(row["lon"]), best.lat, best.lon)
            counts["km25"] += km <= 25
            counts["km50"] += km <= 50
    n = counts["rows"] or 1
    if show:
        print(f"  unmatched names, e.g.: {', '.join(missed[:show])}")
    return {"UCDP rows": counts["rows"], "no candidate %": 100 * counts["no_candidate"] / n,
            "other country only %": 100 * counts["other_country_only"] / n,
            "UCDP within 25 km %": 100 * counts["km25"] / n, "UCDP within 50 km %": 100 * counts["km50"] / n}


_SENTENCE = ("Government forces shelled the village of {name} in northern {country} on Monday, "
             "killing two civilians, a monitoring group said.")


def eval_sentences(path: Path, gaz: SqliteGazetteer) -> dict[str, float]:
    from warwire import api
    from warwire.stages.ingest import article_from_text

    pipe = api.build_pipeline()
    pipe.resources._cache["gazetteer"] = gaz
    counts: Counter = Counter()
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = _TYPE.sub("", row["name"].strip())
            if row["where_prec"] not in ("1", "2") or "/" in name or "(" in name:
                continue
            text = _SENTENCE.format(name=name, country=row["country"])
            result = api._extract_batch([article_from_text(text)], pipe)[0]
            loc = result.events[0].location if result.events else None
            counts["n"] += 1
            counts["country"] += bool(loc and loc.country == _ISO3.get(row["country"]))
            if loc and loc.lat is not None:
                km = km_between(float(row["lat"]), float(row["lon"]), loc.lat, loc.lon)
                counts["km25"] += km <= 25
                counts["km50"] += km <= 50
    n = counts["n"] or 1
    return {"sentences": counts["n"], "sentence country %": 100 * counts["country"] / n,
            "sentence within 25 km %": 100 * counts["km25"] / n,
            "sentence within 50 km %": 100 * counts["km50"] / n}


def _read_gold(path: Optional[str]) -> dict[str, dict[str, str]]:
    if not path:
        return {}
    with open(path, encoding="utf-8") as fh:
        rows = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return {r["doc_id"]: r for r in csv.DictReader(rows, delimiter="\t")}


def _span_gold(doc: dict, gaz: SqliteGazetteer) -> list[PlaceCandidate]:
    events = doc["events"]
    if isinstance(events, str):
        events = ast.literal_eval(events)
    places: list[PlaceCandidate] = []
    for e in events:
        if not _GOLD_EVENT.match(e.get("type", "")):
            continue
        for span in (e.get("args") or {}).get("Place") or []:
            if span[:1].isupper():
                places.extend(gaz.lookup(span))
    return places


def eval_wiki(path: Path, gaz: SqliteGazetteer, gold_path: Optional[str], show: int
              ) -> dict[str, float]:
    from warwire import api
    from warwire.stages.ingest import article_from_text

    pipe = api.build_pipeline()
    pipe.resources._cache["gazetteer"] = gaz  # the same index, with or without the fallback
    hand = _read_gold(gold_path)
    counts: Counter = Counter()
    with open(path, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    for doc in docs:
        result = api._extract_batch([article_from_text(doc["text"], id=doc["doc_id"])], pipe)[0]
        ev = next((e for e in result.events if not e.historical), None)
        loc = ev.location if ev else None
        g = hand.get(doc["doc_id"])
        if g is not None:
            countries = {g["country"]} if g.get("country") else set()
            points = [(float(g["lat"]), float(g["lon"]))] if g.get("lat") else []
        else:
            places = _span_gold(doc, gaz)
            countries = {p.country for p in places if p.country}
            points = [(p.lat, p.lon) for p in places if p.lat is not None and p.kind != "country"]
        line = [doc["doc_id"][:34].ljust(34)]
        if countries:
            ok = bool(loc and loc.country in countries)
            counts["country_scored"] += 1
            counts["country_ok"] += ok
            line.append(f"country {'ok ' if ok else 'BAD'} {loc.country if loc else None}/"
                        f"{','.join(sorted(countries))}")
        if points:
            km = min((km_between(loc.lat, loc.lon, a, b) for a, b in points),
                     default=None) if loc and loc.lat is not None else None
            counts["km_scored"] += 1
            counts["km50"] += km is not None and km <= 50
            line.append(f"km {'-' if km is None else round(km)} ({loc.name if loc else None})")
        for field, attr in (("killed", "fatalities"), ("injured", "injured")):
            if g is not None and g.get(field, "") != "":
                best = getattr(ev, attr).best if ev else None
                counts[f"{field}_scored"] += 1
                counts[f"{field}_ok"] += best == int(g[field])
                line.append(f"{field} {best}/{g[field]}")
        if show:
            print("  " + " | ".join(line))

    def pct(a: str, b: str) -> float:
        return 100 * counts[a] / counts[b] if counts[b] else float("nan")

    out = {"wiki docs": len(docs), "country scored": counts["country_scored"],
           "wiki country %": pct("country_ok", "country_scored"), "km scored": counts["km_scored"],
           "wiki within 50 km %": pct("km50", "km_scored")}
    if hand:
        out.update({"killed exact %": pct("killed_ok", "killed_scored"),
                    "injured exact %": pct("injured_ok", "injured_scored")})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ucdp", default=str(DATA / "ucdp-syria-places.csv"))
    ap.add_argument("--wiki", default=str(DATA / "wikievents-dev.jsonl"))
    ap.add_argument("--gold", default=str(Path(__file__).parent / "data" / "wikievents_hand_gold.tsv"),
                    help="hand-made TSV of the wikievents gold ('' for the span-derived gold)")
    ap.add_argument("--no-wiki", action="store_true")
    ap.add_argument("--sentences", action="store_true", help="also UCDP names in a sentence (~1 min)")
    ap.add_argument("--show", type=int, default=0, help="print per-item lines / examples")
    a = ap.parse_args()
    index = default_index_path()
    table: dict[str, dict[str, float]] = {}
    for mode in ("exact", "loose"):
        gaz = SqliteGazetteer(index, loose=mode == "loose")
        print(f"[{mode}]")
        rows = eval_ucdp(Path(a.ucdp), gaz, a.show)
        if a.sentences:
            rows.update(eval_sentences(Path(a.ucdp), gaz))
        if not a.no_wiki:
            rows.update(eval_wiki(Path(a.wiki), gaz, a.gold, a.show))
        table[mode] = rows
    print(f"\n{'measure':28} {'exact':>8} {'loose':>8}")
    for k in table["exact"]:
        e, lo = table["exact"][k], table["loose"][k]
        print(f"{k:28} {e:8.1f} {lo:8.1f}")


if __name__ == "__main__":
    sys.exit(main())
