"""A tiny in-memory gazetteer for tests and for callers with their own place list."""
from __future__ import annotations

from typing import Iterable, Optional

from ..model import PlaceCandidate
from .names import fold, joined_hyphens, loose, place_loose_keys


class MemoryGazetteer:
    """``MemoryGazetteer([(candidate, ["alt name", ...]), ...])``; the candidate's own name is
    always a key."""

    def __init__(self, entries: Iterable[tuple[PlaceCandidate, Iterable[str]]]):
        self._names: dict[str, list[PlaceCandidate]] = {}
        self._loose: dict[str, list[PlaceCandidate]] = {}
        self._countries: dict[str, PlaceCandidate] = {}
        self._admin1: dict[tuple[str, str], PlaceCandidate] = {}
        for cand, alts in entries:
            for key in {fold(n) for n in [cand.name, *alts]}:
                self._names.setdefault(key, []).append(cand)
            for key in place_loose_keys(cand):
                self._loose.setdefault(key, []).append(cand)
            if cand.kind == "country" and cand.country:
                self._countries[cand.country] = cand
            if cand.kind == "admin1" and cand.country:
                self._admin1[(cand.country, fold(cand.name))] = cand

    def lookup(self, name: str) -> list[PlaceCandidate]:
        """Places with this exact folded name; when none, those with the same loose key."""
        hit = self._names.get(fold(name)) or self._names.get(joined_hyphens(name))
        if hit:
            return list(hit)
        key = loose(name)
        return list(self._loose.get(key, ())) if key else []

    def country(self, iso3: str) -> Optional[PlaceCandidate]:
        return self._countries.get(iso3)

    def admin1_of(self, country: str, admin1: str) -> Optional[PlaceCandidate]:
        return self._admin1.get((country, fold(admin1)))
