"""Scoring extraction results against gold (pure). The main event (``events[0]``) of each
result is compared with its item's ``gold`` field by field; a null gold field is not scored.

Fields: killed (``fatalities.best`` == gold killed), injured (``injured.best`` == gold wounded),
date (``date.start`` == gold date), date_7d (within 7 days), country, admin1 (case-, accent-,
hyphen- and space-insensitive; with a gazetteer, also a spelling of the same division:
"Banaadir" is "Banadir", "Nineveh" is "Ninewa", a governorate named after its seat inside the
predicted division, see ``admin1_matcher``), km25 / km50 (great-circle distance of the event point to the gold point;
an event with no point counts as a miss), event_type where gold has one.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from .model import EvalItem, Event, Result, iso_date, km_between

ADMIN_WORDS = {"governorate", "province", "district", "state", "region", "county", "division",
               "prefecture", "oblast", "department", "municipality", "territory"}
FIELDS = ("killed", "injured", "date", "date_7d", "country", "admin1", "km25", "km50", "event_type")
FIELD_LABELS = {
    "killed": "killed exact", "injured": "injured exact", "date": "date exact",
    "date_7d": "date within 7 days", "country": "country", "admin1": "admin1",
    "km25": "within 25 km", "km50": "within 50 km", "event_type": "event type",
}


@dataclass
class FieldScore:
    field: str
    scored: int = 0
    correct: int = 0

    @property
    def accuracy(self) -> Optional[float]:
        return self.correct / self.scored if self.scored else None


@dataclass
class EvalReport:
    items: int = 0
    failed: int = 0
    no_event: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore(f) for f in FIELDS})
    misses: dict[str, list[str]] = field(default_factory=lambda: {f: [] for f in FIELDS})

    def as_dict(self) -> dict:
        return {"items": self.items, "failed": self.failed, "no_event": self.no_event,
                "fields": {f: {"scored": s.scored, "correct": s.correct,
                               "accuracy": None if s.accuracy is None else round(s.accuracy, 4)}
                           for f, s in self.fields.items()}}


def fold(text: Optional[str]) -> str:
    """Lower-case, accents stripped, 'State of', a trailing 'Governorate'/'Province'/... and
    punctuation ignored: for name comparison."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    for prefix in ("state of ", "province of "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    words = text.replace("-", " ").replace(".", "").split()
    # "Homs Governorate" (UCDP) and "Homs" (ACLED, GeoNames) name one division.
    while len(words) > 1 and words[-1] in ADMIN_WORDS:
        words.pop()
    return " ".join(words)


# (country, predicted admin1, gold admin1) -> whether they name the same first-level division
Admin1Match = Callable[[Optional[str], Optional[str], str], bool]


def _squeezed(name: str) -> str:
    # spaces ignored ("North-West" / "Northwest"), letters written twice as once (long vowels
    # and doubled consonants of transliterated names: "Hiiraan" / "Hiran", "Raqqa" / "Raqa")
    return re.sub(r"(.)\1+", r"\1", fold(name).replace(" ", ""))


def same_admin1_name(country: Optional[str], predicted: Optional[str], gold: str) -> bool:
    """The same name, folded, with spaces ignored ("North-West" / "Northwest") and doubled
    letters read once ("Hiraan" / "Hiran"). (``country`` is part of the ``Admin1Match``
    signature; a bare name comparison needs none.)"""
    return bool(predicted) and _squeezed(predicted) == _squeezed(gold)


def admin1_matcher(lookup: Callable[[str], list]) -> Admin1Match:
    """An admin1 comparison that also accepts the gold's spelling when the gazetteer
    (``lookup(name) -> [PlaceCandidate]``) reads it as the predicted division of the gold country:
    a first-level division or region of that name, or, when no division of that name holds the
    gazetteer's towns, the largest town of that name (a division of another list named after
    its seat: "Gaza" or "Khan Yunis", governorates of the ISO list, for GeoNames' Gaza Strip;
    "Jenin" for the West Bank)."""
    def match(country: Optional[str], predicted: Optional[str], gold: str) -> bool:
        if same_admin1_name(country, predicted, gold):
            return True
        if not predicted or not country:
            return False
        cands = [c for c in lookup(gold) if c.country == country and c.admin1]
        divisions = [c for c in cands if c.kind in ("admin1", "region")]
        # the town route only when no division of that name holds the gazetteer's towns (a
        # division of another list, population 0): gold "Wyoming" is the state, not the
        # Michigan city
        towns = [c for c in cands if c.kind == "city"
                 and not any(d.population > 0 for d in divisions)]
        named = divisions + ([max(towns, key=lambda c: c.population)] if towns else [])
        return any(same_admin1_name(country, predicted, c.admin1) for c in named)
    return match


def score_item(report: EvalReport, item: EvalItem, result: Result,
               same_admin1: Admin1Match = same_admin1_name) -> None:
    report.items += 1
    if result.error:
        report.failed += 1
    main: Optional[Event] = next((e for e in result.events if not e.historical), None)
    if main is None:
        report.no_event += 1
    gold = item.gold
    checks: dict[str, Optional[bool]] = {f: None for f in FIELDS}
    if gold.killed is not None:
        checks["killed"] = (main.fatalities.best if main else None) == gold.killed
    if gold.wounded is not None:
        checks["injured"] = (main.injured.best if main else None) == gold.wounded
    gdate = iso_date(gold.date)
    if gdate is not None:
        edate = iso_date(main.date.start) if main else None
        checks["date"] = edate == gdate
        checks["date_7d"] = edate is not None and abs((edate - gdate).days) <= 7
    loc = main.location if main else None
    if gold.country:
        checks["country"] = bool(loc and loc.country == gold.country)
    if gold.admin1:
        checks["admin1"] = loc is not None and same_admin1(gold.country, loc.admin1, gold.admin1)
    if gold.lat is not None and gold.lon is not None:
        dist = (km_between(loc.lat, loc.lon, gold.lat, gold.lon)
                if loc and loc.lat is not None and loc.lon is not None else math.inf)
        checks["km25"] = dist <= 25
        checks["km50"] = dist <= 50
    if gold.event_type:
        checks["event_type"] = bool(main and main.event_type == gold.event_type)
    for name, ok in checks.items():
        if ok is None:
            continue
        fs = report.fields[name]
        fs.scored += 1
        fs.correct += int(ok)
        if not ok:
            report.misses[name].append(item.id)


def score(pairs: Iterable[tuple[EvalItem, Result]],
          same_admin1: Admin1Match = same_admin1_name) -> EvalReport:
    report = EvalReport()
    for item, result in pairs:
        score_item(report, item, result, same_admin1)
    return report
