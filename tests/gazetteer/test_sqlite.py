"""The index format: IndexWriter writes it, SqliteGazetteer reads it."""
import pickle

import pytest

from warwire.errors import ConfigError
from warwire.gazetteer.sqlite import IndexWriter, SqliteGazetteer
from warwire.model import PlaceCandidate


@pytest.fixture()
def index(tmp_path):
    path = tmp_path / "g.sqlite"
    w = IndexWriter(path)
    w.add(PlaceCandidate("Armenia", "ARM", None, None, None, None, 174982, "country", 3_000_000))
    w.add(PlaceCandidate("Yerevan", "ARM", "Yerevan", None, 40.18, 44.51, 616052, "city", 1_000_000),
          ["Erevan", "Ереван"])
    w.add(PlaceCandidate("Yerevan", "ARM", "Yerevan", None, 40.18, 44.51, None, "admin1", 1_000_000))
    w.close({"source": "test"})
    return path


def test_lookup_country_admin1(index):
    g = SqliteGazetteer(index)
    kinds = sorted(c.kind for c in g.lookup("YEREVAN"))
    assert kinds == ["admin1", "city"]
    assert [c.kind for c in g.lookup("Erevan")] == ["city"]
    assert g.lookup("Ереван") == []  # non-Latin names are not indexed
    assert g.country("ARM").name == "Armenia"
    assert g.country("AZE") is None
    assert g.admin1_of("ARM", "yerevan").kind == "admin1"
    assert g.meta()["source"] == "test"


def test_pickles_by_path(index):
    g = pickle.loads(pickle.dumps(SqliteGazetteer(index)))
    assert g.lookup("Yerevan")


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError):
        SqliteGazetteer(tmp_path / "none.sqlite")


def test_loose_table_and_switch(tmp_path):
    path = tmp_path / "t.sqlite"
    w = IndexWriter(path)
    w.add(PlaceCandidate("Khān Yūnis", "PSE", None, None, 31.34, 34.3, 1, "city", 170_000),
          ["Khan Yunis"])
    w.add(PlaceCandidate("Younis", "USA", None, None, 40.0, -90.0, 2, "city", 900))
    w.close({"source": "test"})
    assert [c.geonames_id for c in SqliteGazetteer(path).lookup("Khan Younis")] == [1]
    assert SqliteGazetteer(path, loose=False).lookup("Khan Younis") == []
    assert SqliteGazetteer(path).lookup("Yunis") == []  # the US place has no loose key
    g = pickle.loads(pickle.dumps(SqliteGazetteer(path, loose=False)))
    assert g.lookup("Khan Younis") == []


def test_index_without_loose_table_still_reads(tmp_path):
    import sqlite3

    path = tmp_path / "old.sqlite"
    w = IndexWriter(path)
    w.add(PlaceCandidate("Khān Yūnis", "PSE", None, None, 31.34, 34.3, 1, "city", 170_000))
    w.close({"source": "test"})
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE loose")
    conn.commit()
    conn.close()
    g = SqliteGazetteer(path)
    assert g.lookup("Khan Yunis") and g.lookup("Khan Younis") == []
