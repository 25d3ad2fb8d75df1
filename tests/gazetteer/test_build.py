"""Index builds: import_geonames on a tiny dump in GeoNames format; the default build."""
from pathlib import Path

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
