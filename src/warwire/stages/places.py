"""Places stage — reads ``parsed``; writes ``places``.

Geoparsing with an ACLED precision code. Steps, each driven by cue lists in
``rules/places.yaml`` (compiled by ``place_cues.py``; ids in ``PlaceMention.rule``):

1. *Spans.* Phrases first (``place_phrases.py``): coder notes' bracketed division chains
   ("Katari (Kachia LGA, Kaduna)") and capitals named through their country ("the Somali
   capital"). Then capitalised token n-grams (up to 6 tokens, with name connectors such as "de",
   "al", "-") are looked up in the gazetteer, longest first; a hyphenated name with a lowercase
   linker ("Qala-i-Naw") is looked up whole and none of its pieces is a place. spaCy labels are only a bonus: the
   small model tags "Armenia" ORG and "Lachin" PERSON. Street names ("the 3800 block of Mount
   Pleasant Street") and neighbourhoods ("the Austin neighborhood") are found first and resolve
   to the article's city; words that are mostly not places ("Police", "Victoria") need a cue.
2. *Readings.* Candidates are scored by population, kind, place nouns ("X province", "the town
   of X"), "City, State" qualifiers (a name that is both a country and a state follows the
   city's namesakes and the article's country), and the article's context: the countries and
   first-level divisions the other mentions, the title (its "City, State" too), the dateline,
   the area codes of its local phone numbers (``places.area_code``), a police acronym only one
   city uses (``places.police_acronyms``, also the article's city when none is named) and
   demonyms point to. The article's city lies in the article's state when that is known; in US
   news a small namesake elsewhere, or another state's city named bare that AP style would have
   qualified (``places.standalone_cities``), is a local place of the article's city; a street with no
   city of that state reads as the state (precision 3, ``places.state_only``); a town the
   gazetteer places in no province lies in the article's (its point kept,
   ``places.article_province``).
3. *Roles.* dateline ("HOUSTON --"), speaker ("officials in Baku said", "Baku's defence
   ministry"), origin ("a Houston man", "25, of Chicago"), care ("flown to a Riverton hospital"),
   incident (a locative preposition in a sentence with an event word, "the Houston shooting",
   "militants stormed X"), else mention. When the body names no town (only streets read as
   the state, counties, states, speakers' places), the title's place inside the article's state
   or country is added (``places.title``, empty span).
4. *Precision* (ACLED): 1 the named town; 2 near a town, or a district/region; 3 a province or
   country only. A province read alone takes the point of the town it is named after
   (``places.admin1_seat``); a district with no point takes its province's (precision 3,
   ``places.admin1_point``).

Steps 1 and 3 (spans, their context and roles) live in ``place_spans.py``;
``choose_event_location`` (in ``event_place.py``, re-exported here) picks the incident's place.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Optional

from ..gazetteer import Gazetteer, fold, gazetteer_for
from ..model import Analysis, ParsedText, PlaceCandidate, PlaceMention, km_between
from ..pipeline import Resources, Stage
from .place_cues import Cues as _Cues
from .place_cues import cues as _cues
from .place_cues import population_scales
from .event_place import choose_event_location  # noqa: F401  (the stage's public pair)
from .place_phrases import capital_of
from .place_phrases import find_phrases as _find_phrases
from .place_spans import LOCAL_MAX_POP as _LOCAL_MAX_POP
from .place_spans import Raw as _Raw
from .place_spans import context as _context
from .place_spans import dateline as _dateline
from .place_spans import find_spans as _find_spans
from .place_spans import is_cap as _is_cap
from .place_spans import keep as _keep
from .place_spans import qualifier as _qualifier
from .place_spans import role as _role

# Prior bonus by kind: a country name is nearly always the country; a curated region beats a
# same-name village. Calibrated by hand on the seed and GVC dev misses.
_KIND_BONUS = {"country": 4.0, "region": 2.0, "admin1": 0.0, "admin2": 0.5, "city": 0.0}
# Weights of context votes (pass 2 of the disambiguation), see _resolve.
_W_COUNTRY, _W_ADMIN1 = 3.0, 4.0
# Role scores: how likely a mention is the incident place (used by choose_event_location).
_ROLE_SCORE = {"incident": 3.0, "dateline": 2.0, "jurisdiction": 1.8, "locative": 1.5,
               "mention": 1.0, "origin": 0.4, "care": 0.2, "speaker": 0.1}


# --------------------------------------------------------------------------------------------
# Readings
# --------------------------------------------------------------------------------------------
def _prior(c: PlaceCandidate, raw: _Raw) -> float:
    s = math.log10(c.population + 10) + _KIND_BONUS.get(c.kind, 0.0)
    if raw.key and c.kind == "city" and fold(c.name) != raw.key and (
            c.population < _LOCAL_MAX_POP
            or any(o.kind == "city" and fold(o.name) == raw.key for o in raw.cands)):
        # read through an alternate name: a same-name place by its own name is likelier (a
        # larger town too when a town bears the very name written: "Katy" before "Kati")
        s -= 1.0
    if raw.key and c.kind in ("admin1", "admin2", "region") and fold(c.name) != raw.key \
            and any(fold(o.name) == raw.key for o in raw.cands):
        s -= 1.0  # "Gao" is Gao (Mali) before a province that has it as an alternate name
    d = raw.designator
    if c.kind == "admin1" and not d and any(
            o.kind == "city" and o.country == c.country and _capital_reading(o, c, raw.key)
            for o in raw.cands):
        # "Baku", "Idlib" alone are the cities ("Idlib province" is the division); so are
        # "Oklahoma City" and "New York" when the gazetteer also files them under the state
        s -= 3.0
    if d == "division" and c.kind in ("admin1", "region"):
        s += 4.0
    elif d == "district" and c.kind in ("admin2", "admin1", "region"):
        s += 3.0
    elif d == "town" and c.kind == "city":
        s += 3.0
    elif d in ("division", "district") and c.kind == "city":
        s -= 1.0
    if raw.qualifier:
        country, admin1 = raw.qualifier
        if c.country != country or (admin1 and c.admin1 != admin1):
            s -= 20.0
        elif c.kind == "city":
            s += 2.0
    return s


def _seat(division: PlaceCandidate, gaz: Gazetteer) -> Optional[PlaceCandidate]:
    """The town a province is named after (its seat: Kidal, Kunduz, Al Hudaydah), if the
    gazetteer has a town of that very name inside it."""
    name = fold(division.name)
    towns = [c for c in gaz.lookup(division.name) if c.kind == "city" and fold(c.name) == name
             and c.country == division.country and c.admin1 == division.admin1]
    return max(towns, key=lambda c: c.population) if towns else None


def _capital_reading(city: PlaceCandidate, division: PlaceCandidate, key: str) -> bool:
    """Whether a bare name that reads as both ``division`` and ``city`` means the city: the
    city bears the division's name or the very name written, or it is the division's big city
    whose name begins with the name written ("New York" → New York City; not "Texas" → Texas
    City, a small town of the state)."""
    if city.admin1 != division.admin1 and fold(city.name) != fold(division.name):
        return False
    cname = fold(city.name)
    if cname in (fold(division.name), key):
        return True
    return bool(key) and cname.startswith(key + " ") and city.population * 10 >= division.population


def _softmax(xs: list[float]) -> list[float]:
    m = max(xs)
    es = [math.exp(x - m) for x in xs]
    z = sum(es)
    return [e / z for e in es]


def _title_votes(title: Optional[str], gaz: Gazetteer,
                 cues: _Cues) -> list[tuple[str, list[PlaceCandidate]]]:
    """The place names of a title (longest known name of each capitalised run) and readings."""
    if not title:
        return []
    out = []
    words = re.findall(r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|of|al|el))*", title)
    for w in words[:8]:
        parts = w.split()
        for n in range(len(parts), 0, -1):
            for k in range(0, len(parts) - n + 1):
                s = " ".join(parts[k:k + n])
                if fold(s) in cues.ambiguous:
                    continue
                cands = gaz.lookup(s)
                if cands:
                    out.append((s, cands))
                    break
            else:
                continue
            break
    return out


def _title_qualifiers(title: Optional[str], gaz: Gazetteer, cues: _Cues,
                      lean: Optional[str]) -> list[tuple[float, PlaceCandidate]]:
    """The states (or countries) a title names in "City, State" form, each with its weight."""
    out: list[tuple[float, PlaceCandidate]] = []
    if not title:
        return out
    for m in re.finditer(r"\b([A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3})(?=,\s)", title):
        q = _qualifier(title[m.end():], gaz, cues, gaz.lookup(m.group(1)), lean)
        if not q:
            continue
        qc = gaz.admin1_of(q[0], q[1]) if q[1] else gaz.country(q[0])
        if qc is not None and qc not in [c for _, c in out]:
            out.append((2.0, qc))
    return out


def _police_city(text: str, gaz: Gazetteer, cues: _Cues) -> Optional[PlaceCandidate]:
    """The city whose police the article names by an acronym only its department uses ("IMPD
    said": Indianapolis; ``places.police_acronyms``), the first one named."""
    m = cues.police_acronym_re.search(text)
    if m is None:
        return None
    name, state = cues.police_acronyms[m.group(1)]
    cities = [c for c in gaz.lookup(name) if c.kind == "city" and c.country == cues.standalone_country
              and c.admin1 == state and c.lat is not None]
    return max(cities, key=lambda c: c.population) if cities else None


def _area_code_states(text: str, gaz: Gazetteer, cues: _Cues) -> list[tuple[float, PlaceCandidate]]:
    """The states the article's local phone numbers point to (``places.area_code``), each
    weighted by its share of the numbers."""
    states = [cues.area_codes.get(m.group("code") or m.group("code2"))
              for m in cues.area_code_re.finditer(text)]
    counts = Counter(s for s in states if s)
    total = sum(counts.values())
    out = []
    for state, n in counts.items():
        c = gaz.admin1_of("USA", state)
        if c is not None:
            out.append((cues.area_code_weight * n / total, c))
    return out


def _country_prior(parsed: ParsedText, cues: _Cues) -> dict[str, float]:
    """Votes for the country the article is about from how it is written (its police, roads,
    phone numbers: ``places.country_cues``), each cue counted once."""
    votes: dict[str, float] = defaultdict(float, cues.country_default)
    for _rid, iso, w, rx in cues.country_cues:
        if rx.search(parsed.text):
            votes[iso] += w
    return votes


_NEAR_KINDS = ("city", "admin2", "post_office")
_BIG_NAMESAKE = population_scales().big_namesake


def _nearby(raws: list[_Raw], params: tuple[float, float, int, float],
            others: list[tuple[str, list[PlaceCandidate]]] = ()) -> dict[tuple[int, int], float]:
    """Support for each reading (raw index, candidate index) of an ambiguous name from the
    other names of the article (and ``others``: the title's names) that have a reading within
    ``km`` of it (``places.nearby``): ``weight`` per other name, scaled down for a name of more
    than ``readings`` readings (one of them lies near anything by chance), at most ``cap``. A
    town known only by its post office (set aside from every vote) supports the places near it
    too: a hamlet beside its county is no chance. A name is no support for itself, nor for the
    place it is named after ("Jackson" and "Jackson County"); a state or a country has no
    useful point. (Weighing the other name by its place cues or by its reading's prior lost on
    GVC dev: a bare neighbourhood name beside its city is as telling as a located one.)"""
    km, weight, readings, cap = params
    pts: dict[str, set[tuple[float, float]]] = defaultdict(set)
    count: dict[str, int] = defaultdict(int)
    for key, cands in [(r.key, r.cands + r.aside) for r in raws if r.key and not r.qualifier] + [
            (fold(name), cands) for name, cands in others]:
        pts[key] |= {(c.lat, c.lon) for c in cands
                     if c.kind in _NEAR_KINDS and c.lat is not None and c.lon is not None}
        count[key] = max(count[key], len(cands))
    if len(pts) < 2:
        return {}
    grid: dict[tuple[int, int], list[tuple[str, float, float]]] = defaultdict(list)
    for k, ps in pts.items():
        for lat, lon in ps:
            grid[(math.floor(lat), math.floor(lon))].append((k, lat, lon))
    out: dict[tuple[int, int], float] = {}
    for i, r in enumerate(raws):
        if len(r.cands) < 2 or not r.key:
            continue
        for j, c in enumerate(r.cands):
            if c.kind not in _NEAR_KINDS or c.lat is None or c.lon is None:
                continue
            gy, gx = math.floor(c.lat), math.floor(c.lon)
            near: set[str] = set()
            for dy in (-1, 0, 1):  # one-degree cells: the 3 x 3 around a point hold all within
                # ~80 km of it up to 45° of latitude (places.nearby keeps km well below)
                for dx in (-1, 0, 1):
                    for k, lat, lon in grid.get((gy + dy, gx + dx), ()):
                        if k == r.key or k in near or k.startswith(r.key + " ") \
                                or r.key.startswith(k + " "):
                            continue
                        if km_between(c.lat, c.lon, lat, lon) <= km:
                            near.add(k)
            if near:
                out[(i, j)] = min(cap, weight * sum(min(1.0, readings / count[k]) for k in near))
    return out


def _resolve(raws: list[_Raw], extra: list[tuple[float, list[PlaceCandidate]]],
             demonym_countries: list[str], prior: Optional[dict[str, float]] = None,
             near_params: Optional[tuple[float, float, int, float]] = None,
             title_names: list[tuple[str, list[PlaceCandidate]]] = ()) -> None:
    """Two passes: priors, then priors + votes of the other mentions' readings (their states
    and countries, and their points nearby: ``_nearby``)."""
    for r in raws:
        pri = [_prior(c, r) for c in r.cands]
        r.probs = _softmax(pri)
    extra_probs = [(w, cands, _softmax([_prior(c, _Raw(0, 0, 0, 0, 0, [])) for c in cands]))
                   for w, cands in extra]

    def weight(r: _Raw) -> float:
        if r.qualifier or "dateline" in r.flags:
            return 2.0
        if any(c.kind in ("country", "admin1") for c in r.cands):
            return 1.5
        return 1.0

    votes_c: dict[str, float] = defaultdict(float)
    votes_a: dict[tuple, float] = defaultdict(float)
    contrib: list[tuple[dict, dict]] = []
    for w, cands, probs in [(weight(r), r.cands, r.probs) for r in raws] + extra_probs:
        vc: dict[str, float] = defaultdict(float)
        va: dict[tuple, float] = defaultdict(float)
        for c, p in zip(cands, probs):
            if c.country:
                vc[c.country] += w * p
                if c.admin1:
                    va[(c.country, c.admin1)] += w * p
        for k, v in vc.items():
            votes_c[k] += v
        for k, v in va.items():
            votes_a[k] += v
        contrib.append((vc, va))
    for iso in demonym_countries:
        votes_c[iso] += 0.5
    total = sum(votes_c.values()) or 1.0
    # the article's country cues lean every reading but do not dilute the mentions' votes
    for iso, w in (prior or {}).items():
        votes_c[iso] += w
    # a name's own bare repetitions are no context for its reading: "Lexington" named four
    # times does not vote for the Lexington the prior favours (a repetition with its state,
    # "Miller County, AR", still does)
    by_key_c: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    by_key_a: dict[str, dict[tuple, float]] = defaultdict(lambda: defaultdict(float))
    for r, (vc, va) in zip(raws, contrib):
        if r.qualifier:
            continue
        for k, v in vc.items():
            by_key_c[r.key][k] += v
        for k, v in va.items():
            by_key_a[r.key][k] += v
    near = _nearby(raws, near_params, title_names) if near_params else {}
    for i, (r, (vc, va)) in enumerate(zip(raws, contrib)):
        if not r.qualifier:
            vc, va = by_key_c[r.key], by_key_a[r.key]
        own = sum(vc.values())
        rest = max(total - own, 1.0)
        best, best_s, alone, alone_s = None, -1e9, None, -1e9
        for j, c in enumerate(r.cands):
            s = _prior(c, r)
            if c.country:
                s += _W_COUNTRY * (votes_c[c.country] - vc.get(c.country, 0.0)) / rest
                if c.admin1:
                    key = (c.country, c.admin1)
                    s += _W_ADMIN1 * (votes_a[key] - va.get(key, 0.0)) / rest
            if s > alone_s:
                alone, alone_s = c, s
            s += near.get((i, j), 0.0)
            if s > best_s:
                best, best_s = c, s
        r.chosen = best
        if best is not alone:
            r.cues.append("places.nearby")


def _possessor_city(name: str, gaz: Gazetteer, dom: Optional[tuple]) -> Optional[PlaceCandidate]:
    """"Gaza City's Shejaiya neighbourhood": the possessor is the city, inside the article's
    state; a city of its name large enough to have neighbourhoods known by name (the size
    ``_neighbourhood_city`` asks of a bare one) outweighs a hamlet of that state."""
    cities = [c for c in gaz.lookup(name) if c.kind == "city"]
    if not cities:
        return None
    best = max(cities, key=lambda c: c.population)
    inside = [c for c in cities if dom is None or (c.country, c.admin1) == dom]
    mine = max(inside, key=lambda c: c.population) if inside else None
    if best.population >= _BIG_NAMESAKE and (mine is None or mine.population < _LOCAL_MAX_POP):
        return best
    return mine


def _neighbourhood_city(text: str, gaz: Gazetteer, cues: _Cues,
                       dom: Optional[tuple]) -> Optional[PlaceCandidate]:
    """"the St. Louis apartment" names a city; "the Austin neighborhood" (of Chicago) does not,
    unless that city is in the article's state or is large."""
    words = text.split()
    name = " ".join(w for w in words if w.lower() not in cues.neighbourhood_nouns)
    cities = [c for c in gaz.lookup(name) if c.kind == "city"]
    owner = re.match(r"(.+?)['’]s\s", name)
    if not cities and owner:
        return _possessor_city(owner.group(1), gaz, dom)
    if not cities:
        return None
    if dom is not None:
        inside = [c for c in cities if (c.country, c.admin1) == dom]
        return max(inside, key=lambda c: c.population) if inside else None
    best = max(cities, key=lambda c: c.population)
    return best if best.population >= _BIG_NAMESAKE else None


def _big_city_locals(raws: list[_Raw], cues: _Cues,
                     owners: list[Optional[PlaceCandidate]] = ()) -> None:
    """A bare name read as a small town far from a large city that the article names as its
    newsroom (dateline) or as its police's city ("Metroville police said") is a part of that
    city with a namesake elsewhere ("a shooting in Elmhurst, Metroville police said", where
    Elmhurst is Metroville's neighbourhood and a village two states away): read as a local
    place of the large city (``places.big_city_local``), before the article's state is voted.
    A city that owns a neighbourhood ("Metroville's Pinecrest neighborhood", ``owners``) is
    such a city too.
    A name with a reading within ``km`` of the city (a suburb, a neighbourhood's post office)
    takes the nearest such reading; a city whose name is also a state's ("Washington") is no
    such city. Only in the country of AP-style local news (``places.standalone_cities``): a
    wire dateline in Kabul or Lagos files about the provinces, not about the city's wards."""
    min_pop, km = cues.big_city_local
    big = [(r.key, r.chosen) for r in raws if r.chosen is not None and r.chosen.kind == "city"
           and r.chosen.population >= min_pop and r.chosen.lat is not None
           and r.flags & {"dateline", "jurisdiction"} and r.source == "places.ngram"
           and r.chosen.country == cues.standalone_country
           and not any(o.kind == "admin1" for o in r.cands)]  # "Washington police": the state's
    big += [(None, c) for c in owners if c is not None and c.population >= min_pop
            and c.lat is not None and c.country == cues.standalone_country]
    if not big:
        return
    for r in raws:
        c = r.chosen
        if (c is None or c.kind != "city" or c.population >= _LOCAL_MAX_POP or r.qualifier
                or c.lat is None or r.flags & {"dateline", "jurisdiction"} or r.designator == "town"
                or r.source != "places.ngram"):
            continue
        readings = [o for o in r.cands + r.aside if o.lat is not None]
        for key, b in sorted(big, key=lambda kb: -kb[1].population):
            if key == r.key:
                continue
            near = [o for o in readings if km_between(o.lat, o.lon, b.lat, b.lon) <= km]
            if near:
                # the namesake beside the city (a post office of its neighbourhood, a suburb)
                best = min(near, key=lambda o: km_between(o.lat, o.lon, b.lat, b.lon))
                if best is not c:
                    r.chosen = replace(best, kind="city")
                    r.cues.append("places.big_city_local")
            else:
                r.source = "places.local_name"
                r.chosen = b
                r.cues.append("places.big_city_local")
            break


def _aside(r: _Raw) -> bool:
    """A name that says little about where the story is: one side of a border ("near the
    Malian border"), the name describing a town ("the Red Sea port city of X") or a reference
    point ("in X, 40 km north of Y") or the end of a road ("on the X-Y road")."""
    return bool({"places.border", "places.descriptor", "places.bearing", "places.road_end",
                 "places.pair_area"} & set(r.cues))


def _dominant_country(raws: list[_Raw], prior: dict[str, float]) -> Optional[str]:
    """The country the article is about, when one clearly leads: named as such (kind country)
    or by its divisions, by cities read with a place cue, and by the article's country cues."""
    votes: dict[str, float] = defaultdict(float, prior)
    for r in raws:
        c = r.chosen
        if c is None or not c.country or r.source != "places.ngram" or _aside(r):
            continue
        if c.kind in ("country", "admin1", "admin2", "region"):
            votes[c.country] += 1.0
        elif r.locative or r.qualifier or r.flags & {"gpe", "dateline", "jurisdiction"}:
            votes[c.country] += 0.5
    if not votes:
        return None
    top = max(votes, key=votes.__getitem__)
    return top if votes[top] >= 1.5 and votes[top] >= 0.6 * sum(votes.values()) else None


def _dominant_admin1(raws: list[_Raw], extra: list[tuple[float, list[PlaceCandidate]]],
                     cues: _Cues) -> Optional[tuple]:
    """The (country, admin1) the article's strong place cues agree on, if they clearly do. A
    dateline in a national capital weighs less: wire services file from capitals about the
    whole country ("BAMAKO (Reuters) - Gunmen killed 31 people ... in the Mopti region")."""
    votes: dict[tuple, float] = defaultdict(float)
    for r in raws:
        c = r.chosen
        if c is None or not c.admin1 or r.source != "places.ngram":
            continue
        w = 0.3
        if _aside(r):
            pass
        elif "dateline" in r.flags:
            w = 1.0 if fold(cues.capitals.get(c.country or "", "")) == fold(c.name) else 3.0
        elif "places.capital" in r.cues:
            w = 1.0  # "north of the Nigerien capital": often a bearing, not the story's town
        elif r.qualifier or "jurisdiction" in r.flags or (
                c.kind in ("admin1", "admin2") and (fold(c.name) == r.key or r.locative
                                                    or r.designator or "gpe" in r.flags)):
            w = 2.0  # (a division read through an odd alternate name, "Tip", with no cue: 0.3)
        elif r.locative or "gpe" in r.flags:
            w = 1.0
        votes[(c.country, c.admin1)] += w
    for w, cands in extra:
        if len(cands) == 1 and cands[0].admin1:
            votes[(cands[0].country, cands[0].admin1)] += w
    if not votes:
        return None
    top = max(votes, key=votes.__getitem__)
    if votes[top] >= 2.0 and votes[top] >= 0.5 * sum(votes.values()):
        return top
    return None


def _precision(raw: _Raw, c: PlaceCandidate) -> int:
    if "places.state_only" in raw.cues or c.kind == "country" or raw.source == "places.chain_admin1" \
            or "places.admin1_point" in raw.cues:
        return 3
    if raw.source in ("places.chain_member", "places.local_name"):
        return 2
    if raw.source != "places.ngram":
        return 1
    if c.kind == "admin1":
        return 2 if raw.designator == "district" else 3
    if c.kind in ("admin2", "region"):
        return 2
    return 2 if raw.near or raw.designator in ("district", "division") \
        or "places.compass_division" in raw.cues else 1


def _context_city(raws: list[_Raw], roles: list[str], country: Optional[str] = None,
                  admin1: Optional[tuple] = None) -> Optional[PlaceCandidate]:
    """The article's own city: the dateline city, else the most-weighted city reading (a bare
    name with no place cue counts little: it may be a person or a shop)."""
    score: dict[PlaceCandidate, float] = defaultdict(float)
    first: dict[PlaceCandidate, int] = {}
    reliable: set[PlaceCandidate] = set()
    for r, role in zip(raws, roles):
        c = r.chosen
        if c is None or c.kind != "city" or r.source != "places.ngram":
            continue
        if country and c.country != country or admin1 and (c.country, c.admin1) != admin1:
            continue
        w = {"dateline": 5.0, "incident": 2.0, "speaker": 0.3, "origin": 0.5}.get(role, 1.0)
        if "jurisdiction" in r.flags:
            w = 2.5
        if not (r.locative or r.qualifier or r.flags & {"gpe", "dateline", "jurisdiction"}):
            w *= 0.3
        if "places.name_part" in r.cues:
            w *= 0.3  # "the Alhambra Apartments", "Poplar Springs Road": another thing's name
        score[c] += w
        first.setdefault(c, r.start)
        if w >= 1.0:
            reliable.add(c)
    if not reliable:
        return None
    return max(reliable, key=lambda c: (score[c], -first[c]))


def find_places(parsed: ParsedText, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Every place mention of the article, resolved, with its role and ACLED precision."""
    cues = _cues()
    phrases = _find_phrases(parsed.text, gazetteer, cues)
    raws = _find_spans(parsed, gazetteer, cues, [(p.raw, p.taken) for p in phrases])
    boiler = [m.span() for m in cues.copyright_re.finditer(parsed.text)]
    if boiler:  # places.copyright_line
        raws = [r for r in raws if not any(a <= r.start < b for a, b in boiler)]
    for r in raws:
        _set_aside(r)
    prior = _country_prior(parsed, cues)
    lean = max(prior, key=prior.__getitem__) if prior else None
    dl = _dateline(parsed, cues)
    dl_qual: Optional[tuple[str, Optional[str]]] = None
    if dl:
        whole = [r for r in raws if r.start == dl[0] and r.end >= dl[1] - 1]
        for r in whole:
            r.flags.add("dateline")
            r.cues.append("places.dateline")
        if not whole:
            # the dateline names no place as a whole ("GAGE PARK —", "ST. LOUIS —"): its parts
            # are no datelines; the whole name is looked up as written, else it is a part of
            # the article's city
            inner = [r for r in raws if r.start >= dl[0] and r.end <= dl[1] + 1]
            raws = [r for r in raws if r not in inner]
            first, last = inner[0].first if inner else 0, inner[-1].last if inner else 0
            if inner:
                r = _Raw(dl[0], dl[1], first, last, inner[0].sent,
                         gazetteer.lookup(parsed.text[dl[0]:dl[1]]))
                _set_aside(r)
                if not r.cands:
                    r.source, r.designator = "places.dateline_local", "neighbourhood"
                r.flags.add("dateline")
                r.cues.append("places.dateline")
                raws.append(r)
                raws.sort(key=lambda x: x.start)
        if dl[2]:
            dl_cands = [c for r in raws if "dateline" in r.flags for c in r.cands]
            q = _qualifier(", " + dl[2], gazetteer, cues, dl_cands, lean)
            if q:
                dl_qual = (q[0], q[1])
    sent_words: dict[int, set[str]] = defaultdict(set)
    for t in parsed.tokens:
        sent_words[t.sent].add(t.lemma.lower())
        sent_words[t.sent].add(t.text.lower())
    # last names of people named in full elsewhere ("John Phillips ... Phillips said")
    surnames = {fold(parsed.text[parsed.tokens[e.last_token - 1].start:e.end])
                for e in parsed.entities if e.label == "PERSON" and e.last_token - e.first_token > 1}
    # each half of a double surname ("Luis Pereda-Marin ... Pereda told"): the last word of
    # the name split at its hyphens
    surnames |= {fold(piece) for e in parsed.entities
                 if e.label == "PERSON" and e.last_token - e.first_token > 1
                 for piece in parsed.text[e.start:e.end].split()[-1].split("-")[:-1] if piece}
    # and their given names, read as a person only with no place cue at all ("Morgan Osburn
    # ... Morgan was visiting a friend"; "shot in Morgan" stays a place)
    given = {fold(parsed.text[parsed.tokens[e.first_token].start:parsed.tokens[e.first_token].end])
             for e in parsed.entities if e.label == "PERSON" and e.last_token - e.first_token > 1
             and e.start == parsed.tokens[e.first_token].start}
    kept: list[_Raw] = []
    consumed: set[int] = set()
    for r in raws:
        _context(r, parsed, gazetteer, cues, lean)
        if r.source == "places.ngram":
            if "dateline" in r.flags and dl_qual and not r.qualifier:
                r.qualifier = dl_qual
            if not _keep(r, parsed, cues, surnames, given):
                continue
        kept.append(r)
    # a qualifier's own span ("Texas" in "Houston, Texas") is context, not a second mention
    for r in kept:
        if r.qualifier and r.source == "places.ngram" and "places.possessive_frame" not in r.cues:
            m = re.match(r",\s*", parsed.text[r.end:r.end + 3])
            if m:
                consumed.add(r.end + m.end())
    kept = [r for r in kept if r.start not in consumed or r.source != "places.ngram"]
    ngrams = [r for r in kept if r.source == "places.ngram" and r.cands]
    title_names = _title_votes(parsed.article.title, gazetteer, cues)
    extra = [(1.0, cs) for cs in ([o for o in c if o.kind != _POST_OFFICE] for _, c in title_names)
             if cs]
    # "Man shot in Smallville, Minn.", "... - WXXX.com - Columbia, South Carolina": the state a
    # title names after a place (the story's or the newsroom's) weighs like a dateline's
    for w, qc in _title_qualifiers(parsed.article.title, gazetteer, cues, lean):
        extra.append((w, [qc]))
    for w, qc in _area_code_states(parsed.text, gazetteer, cues):
        extra.append((w, [qc]))
    police_city = _police_city(parsed.text, gazetteer, cues)
    if police_city is not None:
        qc = gazetteer.admin1_of(police_city.country, police_city.admin1)
        if qc:
            extra.append((cues.police_acronym_weight, [qc]))
    if dl_qual:
        qc = gazetteer.admin1_of(dl_qual[0], dl_qual[1]) if dl_qual[1] else gazetteer.country(dl_qual[0])
        if qc:
            extra.append((2.0, [qc]))
    demonym_countries = [cues.demonyms[t.text.lower()] for t in parsed.tokens
                         if _is_cap(t) and t.text.lower() in cues.demonyms][:10]
    _resolve(ngrams, extra, demonym_countries, prior, cues.nearby,
             [(n, [c for c in cs if c.kind != _POST_OFFICE]) for n, cs in title_names])
    for r in ngrams:
        q, c = r.qualifier, r.chosen
        if q and c is not None and (c.country != q[0] or (q[1] and c.admin1 != q[1])):
            inside = [o for o in r.cands if o.country == q[0] and (not q[1] or o.admin1 == q[1])]
            if inside:  # the namesake inside the named state or province ("Hays district, Hodeidah")
                r.chosen = max(inside, key=lambda o: _prior(o, r))
                r.cues.append("places.qualifier_inside")
                continue
            # "Smallville, Minn." with no Smallville in Minnesota in the gazetteer: the state is known
            qc = gazetteer.admin1_of(q[0], q[1]) if q[1] else gazetteer.country(q[0])
            r.chosen = qc
            r.cands = [qc] if qc else []
            r.cues.append("places.qualifier_only")
    for r in ngrams:
        c = r.chosen
        dem = cues.demonyms.get(r.key) if r.last - r.first == 1 else None
        nxt = re.match(r"\s+(?:[a-z]|([A-Z][a-z]+)\b)", parsed.text[r.end:r.end + 20])
        if dem and c is not None and c.kind != "country" and not r.designator and not r.qualifier \
                and nxt and (nxt.group(1) is None or nxt.group(1).lower() in cues.demonym_institution):
            # "the Somali capital", "Somali troops", "the Somali National Army": the demonym as
            # an adjective names the country, not the Ethiopian region of that name
            country = gazetteer.country(dem)
            r.chosen = country
            r.cands = [country] if country else []
            r.cues.append("places.demonym_adjective")
            continue
        if (r.designator == "town" and c is not None and c.kind in ("country", "admin1")
                and not r.qualifier and not any(o.kind == "city" for o in r.cands)):
            seat = _seat(c, gazetteer) if c.kind == "admin1" else None
            if seat is not None:
                # "the port city of Hodeidah": the province's seat, the city of its name
                r.chosen = seat
                r.cands = [seat]
                r.cues.append("places.admin1_seat")
                continue
            # "the village of Qatar": a village the gazetteer lacks, not the country or
            # province of that name
            r.chosen = None
            r.cues.append("places.town_not_division")
    _big_city_locals(ngrams, cues, [_possessor_city(m.group(1), gazetteer, None) for m in (
        re.match(r"(.+?)['’]s\s", parsed.text[r.start:r.end]) for r in kept
        if r.source == "places.neighbourhood") if m])
    roles = [_role(r, parsed, cues, sent_words) for r in kept]
    dom = _dominant_admin1(kept, extra, cues)
    by_country = _dominant_country(kept, prior)
    if dom is not None and by_country is not None and dom[0] != by_country:
        # a leading province abroad (often voted for by a single namesake: "in Bagram" read as
        # an Iranian village in an Afghan story) yields to the article's leading country
        dom = None  # places.admin1_disagrees
    dom_country = dom[0] if dom else by_country
    if dom_country:
        for r in kept:
            c = r.chosen
            if r.source != "places.ngram" or c is None or c.country == dom_country or r.qualifier:
                continue
            inside = [o for o in r.cands if o.country == dom_country and o.kind != "country"
                      and (c.kind != "country" or o.kind == "admin1")]
            if not inside:
                continue
            best = max(inside, key=lambda o: (_prior(o, r) + (4.0 if dom and (o.country, o.admin1) == dom else 0.0)))
            # a far larger namesake abroad stays ("Paris" is not Paris, Texas): calibrated so
            # Birmingham (England 1.1M, Alabama 210k) follows the article's country
            if best.population * 20 >= c.population:
                r.chosen = best
                r.cues.append("places.context_country")
        if dom is None:
            dom = _dominant_admin1(kept, extra, cues)
    if dom is not None:
        for r in kept:
            c = r.chosen
            if r.source == "places.ngram" and c is not None and (c.country, c.admin1) != dom \
                    and not r.qualifier and c.kind in ("city", "admin2"):
                # (a county too: "Harris County" in a Texas story is Texas's)
                inside = [o for o in r.cands if (o.country, o.admin1) == dom
                          and (c.kind == "city" or o.kind == "admin2")]
                if fold(c.name) == r.key:
                    # a place by its own name is not traded for a small town that merely has
                    # it as an alternate name ("Montgomery" is no hamlet of Tennessee)
                    inside = [o for o in inside if fold(o.name) == r.key
                              or o.population >= _LOCAL_MAX_POP]
                if inside:
                    r.chosen = max(inside, key=lambda o: o.population)
                    r.cues.append("places.context_admin1")
    for r in kept:
        if r.aside and r.source == "places.ngram":
            _read_post_office(r, dom)
    dom_country = dom[0] if dom else dom_country
    named = {r.chosen.country for r in kept if r.source == "places.ngram" and r.chosen is not None
             and r.chosen.country and not _aside(r)} | set(demonym_countries)
    iso = dom_country or (next(iter(named)) if len(named) == 1 else None)
    for r in kept:
        if r.source == "places.capital_bare":
            # "in the capital": the capital of the country the article is about (the one it
            # names or implies, when it names only one)
            r.chosen = capital_of(iso, gazetteer, cues) if iso else None
    # the article's city must lie in the article's state when that is known: a street or a
    # neighbourhood never moves the story to another state
    city = _context_city(kept, roles, dom_country, dom)
    if city is None and police_city is not None and dom == (police_city.country, police_city.admin1):
        city = police_city  # "IMPD said" and no city named: Indianapolis
    state = gazetteer.admin1_of(dom[0], dom[1]) if dom and city is None else None
    if dom_country:
        for r in kept:
            c = r.chosen
            if (r.source == "places.ngram" and c is not None and c.kind == "city"
                    and c.country != dom_country and not r.qualifier):
                own_name = fold(c.name) == fold(parsed.text[r.start:r.end])
                # (not a name of several capitalised words in the event's own words, whose
                # country the article never names: "a rocket fired from Lebanon struck a street
                # in the border town of Upper Ridge")
                distinct = len(parsed.text[r.start:r.end].split()) >= 2 and r.locative \
                    and not any(o.chosen is not None and o.chosen.country == c.country and o.chosen.kind == "country"
                                for o in kept)
                if not distinct and (c.population < _LOCAL_MAX_POP or not ("gpe" in r.flags and (
                        own_name or c.population >= 1_000_000))):
                    # a namesake abroad in an article about another country, read without a
                    # place label or through an alternate name ("Soul" → Seoul, "Date",
                    # "Metro"): the real place is missing from the gazetteer or no place at
                    # all; better no reading than a wrong continent
                    r.chosen = None
    if dom is not None and (city is None or (city.country, city.admin1) != dom):
        for r in kept:
            c = r.chosen
            if (r.source == "places.ngram" and c is not None and c.kind == "city"
                    and c.admin1 is None and c.country == dom[0]):
                # a town the gazetteer knows in no province, in the article's country: it lies
                # in the article's province; its own point stays (places.article_province)
                r.chosen = replace(c, admin1=dom[1])
                r.cues.append("places.article_province")
                continue
            if (r.source == "places.ngram" and c is not None and c.kind == "city"
                    and (c.country, c.admin1) != dom and c.population < _LOCAL_MAX_POP
                    and not r.qualifier and "dateline" not in r.flags):
                # a small namesake in another state: the real place is unknown, its state is
                # the article's (precision 3)
                r.chosen = gazetteer.admin1_of(dom[0], dom[1])
                r.cues.append("places.state_only")
    if dom is not None and city is not None and (city.country, city.admin1) == dom:
        dom_named = any(r.chosen is not None and (r.chosen.country, r.chosen.admin1) == dom
                        and "dateline" not in r.flags and role != "speaker"
                        for r, role in zip(kept, roles))
        for r in kept:
            c = r.chosen
            if (r.source == "places.ngram" and "compass" in r.flags and c is not None
                    and c.kind == "city" and (c.country, c.admin1) != dom and c != city):
                r.source = "places.compass_local"
                r.chosen = city
                continue
            if (r.source == "places.ngram" and c is not None and c.kind == "city"
                    and (c.country, c.admin1) != dom and dom[0] == cues.standalone_country
                    and (c.population < _LOCAL_MAX_POP or (
                        c.country == dom[0] == cues.standalone_country
                        and fold(c.name) not in cues.standalone_cities))
                    and not r.qualifier and "dateline" not in r.flags
                    and not (r.designator == "town" and c.country == dom[0] and not dom_named)):
                # a small same-name town elsewhere, or another state's city named without its
                # state that is no AP standalone city ("a shooting in Austin" in a Chicago
                # story): more likely a local place the gazetteer lacks (a neighbourhood, a
                # mall, a suburb) → the article's city, near it; not
                # "the town of X" in the article's country when only the dateline (the
                # newsroom) and speakers name the article's province
                r.source = "places.local_name"
                r.chosen = city
    out: list[PlaceMention] = []
    for r, role in zip(kept, roles):
        if r.source == "places.neighbourhood":
            own = _neighbourhood_city(parsed.text[r.start:r.end], gazetteer, cues, dom)
            if own is None and dom is not None and dom[0] != cues.standalone_country:
                continue  # "Mushu community" in a Nigerian report: a village, not the city's part
            if (own is not None and city is not None and own.population < _LOCAL_MAX_POP
                    and city.population >= cues.big_city_local[0] and own.lat is not None
                    and city.lat is not None and km_between(own.lat, own.lon, city.lat, city.lon)
                    > cues.big_city_local[1]):
                # "the Elmhurst neighborhood" in a Metroville story: Metroville's, not a
                # village of that name at the other end of the state (places.big_city_local)
                own = None
                r.cues.append("places.big_city_local")
            if own is not None:
                r.chosen = own
            elif city is None:
                if state is None:
                    continue
                r.chosen = state
                r.cues.append("places.state_only")
            else:
                r.chosen = city
        elif r.source == "places.dateline_local":
            own = _neighbourhood_city(parsed.text[r.start:r.end], gazetteer, cues, dom)
            r.chosen = own or city
        elif r.source not in ("places.ngram", "places.compass_local", "places.local_name",
                              "places.chain_member", "places.chain_admin1", "places.capital_bare"):
            if city is None:
                if state is None:
                    continue
                r.chosen = state  # a street in an unknown town of the article's state
                r.cues.append("places.state_only")
            else:
                r.chosen = city
        c = r.chosen
        if c is None:
            continue
        if c.kind == "admin2" and c.lat is None and c.admin1:
            # a district the gazetteer has no point for ("Soum province"): its province's point
            a1 = gazetteer.admin1_of(c.country or "", c.admin1)
            if a1 is not None and a1.lat is not None:
                c = replace(c, lat=a1.lat, lon=a1.lon)
                r.cues.append("places.admin1_point")
        elif c.kind == "admin1":
            # a province only: ACLED codes the province's capital; the seat of its name if known
            seat = _seat(c, gazetteer)
            if seat is not None and seat.lat is not None:
                c = replace(c, lat=seat.lat, lon=seat.lon)
                r.cues.append("places.admin1_seat")
        if c.kind == "city" and r.source == "places.ngram" and (
                r.designator in ("district", "division") or "places.compass_division" in r.cues):
            # "Tinsukia district": the district named after its seat town, read at that town
            r.cues.append("places.district_seat")
        key = role
        if role == "mention":
            key = "jurisdiction" if "jurisdiction" in r.flags else "locative" if r.locative else "mention"
        score = _ROLE_SCORE[key]
        if "org" in r.flags and "jurisdiction" not in r.flags:
            score *= 0.5
        if r.sent <= 2:
            score += 0.3
        rule = "+".join(dict.fromkeys([r.source, *r.cues]))
        out.append(PlaceMention(parsed.text[r.start:r.end], r.start, r.end, r.sent, rule, c,
                                _precision(r, c), role, round(score, 3)))
    if not any(p.role != "speaker" and "places.state_only" not in p.rule
               and p.candidate.kind == "city" for p in out):
        # (a street read only as the article's state names no town either; nor does a county
        # or a state: "Morgan County deputies said ..." under "Smallville teen shot")
        title_place = _title_place(title_names, dom, dom_country or lean)
        if title_place is not None:
            out.append(title_place)
    return out


# A US town known only by its post office (gazetteer kind post_office, no population) is a
# common word as often as a town ("Park", "Rover", "Friendship"): such a reading never votes for
# the article's country or state and is read only inside the state the article has already
# established by its other places, cues and title (places.post_office).
_POST_OFFICE = "post_office"


def _set_aside(r: _Raw) -> None:
    """Move a span's post-office readings out of its candidates (and so out of every vote)."""
    if any(c.kind == _POST_OFFICE for c in r.cands):
        r.aside = [c for c in r.cands if c.kind == _POST_OFFICE]
        r.cands = [c for c in r.cands if c.kind != _POST_OFFICE]


def _read_post_office(r: _Raw, dom: Optional[tuple]) -> None:
    """Once the article's state is known, a name with a post office of that state (or of the
    state its own "Town, State" names) is read as that town when no reading of the name lies in
    that state: no reading, the state alone, or a town elsewhere, which the later steps would
    only turn into the state or the article's city."""
    want = r.qualifier if r.qualifier and r.qualifier[1] else dom
    if want is None:
        return
    inside = [o for o in r.aside if (o.country, o.admin1) == want]
    c = r.chosen
    if not inside or c is not None and not (
            c.kind == "city" and (c.country, c.admin1) != want
            or c.kind == "admin1" and "places.qualifier_only" in r.cues):
        return
    r.chosen = replace(inside[0], kind="city")
    r.cands = [*r.cands, r.chosen]
    r.cues.append("places.post_office")


def _title_place(names: list[tuple[str, list[PlaceCandidate]]], dom: Optional[tuple],
                 country: Optional[str]) -> Optional[PlaceMention]:
    """When the body names no town, the title's ("Boy shot in west Baltimore"): its
    first name with a reading inside the article's state (or country). The mention has an
    empty span: the title is not part of the text the offsets point into."""
    for surface, cands in names:
        inside = [c for c in cands if c.kind != "country" and (
            (c.country, c.admin1) == dom if dom and c.kind != "admin1" else c.country == country)
            and (c.kind != _POST_OFFICE or dom)]
        if not inside or country is None:
            continue
        c = max(inside, key=lambda o: o.population)
        if c.kind == _POST_OFFICE:
            c = replace(c, kind="city")
        precision = {"city": 1, "admin2": 2}.get(c.kind, 3)
        return PlaceMention(surface, 0, 0, 0, "places.title", c, precision, "mention", 0.5)
    return None


def _run(analysis: Analysis, resources: Resources) -> dict:
    assert analysis.parsed is not None
    return {"places": find_places(analysis.parsed, gazetteer_for(resources))}


STAGE = Stage("places", reads=("parsed",), writes=("places",), run=_run)
