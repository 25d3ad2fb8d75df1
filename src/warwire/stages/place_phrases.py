"""Place phrases that are no plain gazetteer n-gram, for the places stage (``places.py``). They
are found before the n-grams, whose search skips their words:

* bracketed division chains of coder notes, smallest first: "near Gaoua (Poni, Sud-Ouest)",
  "Katari (Kachia LGA, Kaduna)", "in Gimbi woreda (West Wellega, Oromia)". The last member is
  the province (or the country): the head is read inside it (``places.chain``). A head the
  gazetteer lacks is read as the most precise member it knows inside that province, precision 2
  (``places.chain_member``), else as the province, precision 3 (``places.chain_admin1``). The
  members are context, no mentions of their own.
* capitals named through their country: "the Somali capital", "Iraq's capital", "the capital of
  Libya" are that country's capital city (``places.capital``; capitals from
  ``rules/countries.tsv``); a bare "in the capital" is the capital of the country the article is
  about, set by ``places.py`` once that is known (``places.capital_bare``).

Each phrase gives one ``Raw`` whose token range ``find_spans`` fills in; ``taken`` is the text
range no n-gram may use. Cue lists: ``places.chain_nouns`` (``rules/places.yaml``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..gazetteer import Gazetteer, fold
from ..model import PlaceCandidate
from .place_cues import Cues
from .place_spans import Raw

_NAME = r"[A-Z][\w'’\-]*"
_HEAD_RE = re.compile(rf"(?<![\w'’\-])(?P<head>{_NAME}(?:\s+{_NAME}){{0,3}})"
                      r"(?:\s+(?P<noun>[a-z][a-z\-]*|LGAs?))?\s*$")
_MAX_MEMBERS = 5
_FRAME_KINDS = ("admin1", "region", "country")


@dataclass
class Phrase:
    raw: Raw  # first/last/sent are filled in by find_spans
    taken: tuple[int, int]  # the text no n-gram may use (head and brackets)


def find_phrases(text: str, gaz: Gazetteer, cues: Cues) -> list[Phrase]:
    """Every bracketed chain and country-capital phrase of ``text``, in text order."""
    out = _chains(text, gaz, cues) + _capitals(text, gaz, cues)
    out.sort(key=lambda p: p.taken[0])
    kept: list[Phrase] = []
    for p in out:
        if kept and p.taken[0] < kept[-1].taken[1]:
            continue
        kept.append(p)
    return kept


# --------------------------------------------------------------------------------------------
# Bracketed division chains
# --------------------------------------------------------------------------------------------
def _members(inner: str, cues: Cues) -> Optional[list[str]]:
    """The place names of a bracket ("Kachia LGA, Kaduna" → ["Kachia", "Kaduna"]), or None when
    the bracket is no list of divisions (an acronym, a date, a phrase)."""
    parts = [p.strip() for p in inner.split(",")]
    if not 1 <= len(parts) <= _MAX_MEMBERS:
        return None
    out = []
    for part in parts:
        m = cues.chain_noun_end_re.search(part)
        name = part[:m.start()] if m else part
        words = name.split()
        if not words or len(words) > 4 or not all(w[:1].isupper() for w in words) \
                or any(ch.isdigit() for ch in name):
            return None
        if len(parts) == 1 and name.isupper() and len(name) <= 5:
            return None  # "(AP)", "(SDF)": an agency or a group
        out.append(name)
    return out


def _frame(last: str, others: list[list[PlaceCandidate]], gaz: Gazetteer, cues: Cues
           ) -> Optional[PlaceCandidate]:
    """The province (or country) the chain's last member names: the reading that holds a reading
    of another member or of the head ("Sud-Ouest" after "Poni" is Burkina Faso's)."""
    options = [c for c in gaz.lookup(last) if c.kind in _FRAME_KINDS and c.country]
    base, _, side = last.replace("-", " ").rpartition(" ")
    half = base if base and side.lower() in cues.bearings else None
    if not options and half:
        # "Bago-East", "Shan-South": coders' halves of a province are read as the province
        options = [c for c in gaz.lookup(half) if c.kind in _FRAME_KINDS and c.country]
    if not options:
        return None

    def holds(f: PlaceCandidate) -> int:
        return sum(any(o.country == f.country and (f.kind == "country" or o.admin1 == f.admin1)
                       and o.kind != "country" for o in cands) for cands in others)

    # a reading by its own name before one by an alternate name ("Gao" is Mali's region, not
    # Guantánamo's, which has it as an alternate name)
    names = {fold(last), fold(half)} if half else {fold(last)}
    return max(options, key=lambda f: (holds(f), fold(f.name) in names, f.kind == "admin1",
                                       f.population))


def _inside(cands: list[PlaceCandidate], frame: PlaceCandidate) -> list[PlaceCandidate]:
    return [c for c in cands if c.kind != "country" and c.country == frame.country
            and (frame.kind == "country" or c.admin1 == frame.admin1)]


def _member_reading(cands: list[PlaceCandidate]) -> Optional[PlaceCandidate]:
    """A member's reading as a district: the district with a point, else its seat (the town of
    its name: "Kachia LGA" → Kachia), else the district without a point, else a region."""
    by_kind = {k: [c for c in cands if c.kind == k] for k in ("admin2", "city", "region")}
    with_point = [c for c in by_kind["admin2"] if c.lat is not None]
    for group in (with_point, by_kind["city"], by_kind["admin2"], by_kind["region"]):
        if group:
            return max(group, key=lambda c: c.population)
    return None


def _chains(text: str, gaz: Gazetteer, cues: Cues) -> list[Phrase]:
    out: list[Phrase] = []
    if "(" not in text:
        return out
    for b in re.finditer(r"\(([^()\n]{2,160})\)", text):
        hm = _HEAD_RE.search(text, max(0, b.start() - 80), b.start())
        if not hm:
            continue
        noun = hm.group("noun")
        if noun and noun.lower() not in cues.chain_nouns:
            continue
        members = _members(b.group(1), cues)
        if not members:
            continue
        head = hm.group("head")
        head_cands = gaz.lookup(head)
        if any(c.kind == "country" for c in head_cands):
            continue  # "Nigeria (Reuters)", "Mali (MINUSMA)"
        member_cands = [gaz.lookup(m) for m in members[:-1]]
        frame = _frame(members[-1], [head_cands, *member_cands], gaz, cues)
        if frame is None:
            continue
        start, end = hm.start("head"), hm.end("head")
        key = fold(head)
        designator = None
        if noun:
            low = noun.lower()
            designator = ("division" if low in cues.division_nouns else "district"
                          if low in cues.district_nouns or low.startswith("lga") else
                          "town" if low in cues.town_nouns else None)
        inside = _inside(head_cands, frame)
        if inside:
            raw = Raw(start, end, -1, -1, -1, head_cands, designator=designator, key=key,
                      qualifier=(frame.country or "", None if frame.kind == "country" else frame.admin1))
            raw.cues.append("places.chain")
            out.append(Phrase(raw, (start, b.end())))
            continue
        chosen, rule = None, "places.chain_admin1"
        for cands in member_cands:
            chosen = _member_reading(_inside(cands, frame))
            if chosen is not None:
                rule = "places.chain_member"
                break
        if chosen is None:
            chosen = (frame if frame.kind != "region" or frame.admin1 is None
                      else gaz.admin1_of(frame.country or "", frame.admin1) or frame)
        raw = Raw(start, end, -1, -1, -1, [chosen], source=rule, key=key, designator=designator,
                  qualifier=(chosen.country or "", chosen.admin1), chosen=chosen)
        raw.cues.append("places.chain")
        out.append(Phrase(raw, (start, b.end())))
    return out


# --------------------------------------------------------------------------------------------
# Capitals named through their country
# --------------------------------------------------------------------------------------------
_CAPITAL_RES = (
    re.compile(r"\b(?P<dem>[A-Z][a-z]+)\s+capital\b"),
    re.compile(rf"\b(?P<country>{_NAME}(?:\s+(?:of\s+(?:the\s+)?)?{_NAME}){{0,3}})['’]s\s+capital\b"),
    # "the capital of Libya"; not "capital of Cameroon's Northwest region"
    re.compile(rf"\bcapital\s+of\s+(?:the\s+)?(?P<country>{_NAME}(?:\s+(?:of\s+(?:the\s+)?)?{_NAME}){{0,3}})"
               r"(?![\w'’\-]|\s+(?:state|province|region|district|county)\b)"),
)


def _country_of(name: str, cues: Cues) -> Optional[str]:
    """The country a name (or its longest tail: "In Burkina Faso") names, via rules/countries.tsv."""
    words = name.split()
    for k in range(len(words)):
        iso = cues.country_names.get(fold(" ".join(words[k:])))
        if iso:
            return iso
    return None


# "in the capital", "near the nation's capital": the capital of the article's country, known
# only once the article's country is (places.py resolves it; places.capital_bare); not when the
# capital is named right after it ("in the capital, Caracas," / "in the capital Kabul")
_BARE_CAPITAL_RE = re.compile(
    r"\b(?:in|near|outside|across|around|at|outskirts\s+of|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)"
    r"\s+(?P<cap>the\s+(?:(?:nation|country)['’]s\s+)?capital)\b(?!['’]s|\s+(?:of|city\s+of)\b|,?\s+[A-Z])")


def capital_of(iso: str, gaz: Gazetteer, cues: Cues) -> Optional[PlaceCandidate]:
    """The capital city of a country (rules/countries.tsv), as the gazetteer reads it."""
    name = cues.capitals.get(iso)
    towns = [c for c in gaz.lookup(name) if c.kind == "city" and c.country == iso] if name else []
    return max(towns, key=lambda c: c.population) if towns else None


def _capitals(text: str, gaz: Gazetteer, cues: Cues) -> list[Phrase]:
    out: list[Phrase] = []
    if "capital" not in text:
        return out
    for m in _BARE_CAPITAL_RE.finditer(text):
        raw = Raw(m.start("cap"), m.end("cap"), -1, -1, -1, [], source="places.capital_bare",
                  designator="town")
        raw.cues.append("places.capital")
        out.append(Phrase(raw, (m.start("cap"), m.end("cap"))))
    for rx in _CAPITAL_RES:
        for m in rx.finditer(text):
            if "dem" in rx.groupindex:
                iso = cues.demonyms.get(m.group("dem").lower())
                start = m.start("dem")
            else:
                iso = _country_of(m.group("country"), cues)
                start = m.start()
            city = capital_of(iso, gaz, cues) if iso else None
            if city is None:
                continue
            raw = Raw(start, m.end(), -1, -1, -1, [city], designator="town", key=fold(city.name),
                      qualifier=(iso, city.admin1))
            raw.flags.add("gpe")
            raw.cues.append("places.capital")
            out.append(Phrase(raw, (start, m.end())))
    return out
