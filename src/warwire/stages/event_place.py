"""The event's place: which of the article's place mentions is where the incident happened.

``choose_event_location`` reads the mentions the places stage found (role, score, precision,
reading) and the event's sentences. Incident mentions in the event's sentences come first, each
weighed by its support in the article (its other mentions, the title) and, for a town, by the
toll its sentence carries; a town read in another country than the country or province its own
sentence places the event in is set aside (a namesake abroad); then the most specific reading
in the top one's state (or the article's much-named town in a country-only incident, or an
incident place of a sentence right next to the event's with no toll of its own); a bearing's
reference point yields to the place its sentence locates by it; else such a place of a sentence
next to the event's (after a town of a country dateline named in the event's sentences); else a
town of the dateline's province (any, under a national capital) that the opening names (the
dateline is the newsroom); else the dateline (a newsroom abroad yields to the best place of the
one other country the story names); else the best other mention (a country named as
a side yields to the country the article names most). A speaker's place is never chosen while anything else exists; a place
known only by its country comes back with precision 3 and no coordinates (when only speakers
name places, all in one country, their town's province at that town, precision 3, unless the
town is the national capital). Rule ids it
adds: ``places.town_in_division``, ``places.town_in_country``, ``places.framed_abroad``,
``places.side_country``, ``places.adjacent_incident``, ``places.lede_town``, ``places.newsroom_abroad``,
``places.dateline_town``, ``places.frame_province``, ``places.speaker_province``,
``places.country_only``; cue list ``places.toll_sentence`` (see ``rules/places.yaml``).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Optional

from ..gazetteer import fold
from ..model import ParsedText, PlaceCandidate, PlaceMention, km_between
from .place_cues import cues, population_scales

_KIND_RANK = {"city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}
# Weight of a place's support (other mentions, title) against the role scores of the places
# stage (incident 3, dateline 2, mention 1); calibrated on GVC dev.
SUPPORT_W = 1.0
TITLE_SUPPORT = 11.0 / 4.0  # named in the title and at least once more in the body
TOWN_SUPPORT = 4.0 / 4.0  # named four times: the article's own town
TOLL_BONUS = 1.0  # a town in a sentence with the toll ("..., killing 168"); 1.5 loses on GVC dev
# A town stands for a region of our own list (a district with a point) only this near it; for
# a county with a point (the median of its ZIP points, near its people) only this near that.
REGION_TOWN_KM = 60.0
# A province frames a town's reading only this close after it ("X village in Y Local Government
# Area of Z State"), and only a town smaller than a local namesake (places.population_scales).
FRAME_CHARS = 100
# A town read in a neighbouring province is the framing district's own within this reach of
# the district's seat (an Indian district is some 50-100 km across).
SEAT_REACH_KM = 75.0
LOCAL_MAX_POP = population_scales().local_max
COUNTY_TOWN_KM = 40.0
NAMED_AGAIN = 2.0 / 4.0  # support of a place named twice in the body (``_support``)
LEDE_TOWN_SENTENCE = 1  # the dateline's sentence and the one after it
FULL_MENTION = 1.0  # a mention's role score (places stage); an institution's name scores half
# The story's opening sentences: a dateline or title line, the lede, the sentence after it.
LEDE_SENTENCES = 2


def _named_district(usable: list[PlaceMention], event_sentences: set[int],
                    c: PlaceCandidate) -> list[PlaceMention]:
    """The districts (read at their seats) the event's sentences name inside the division ``c``."""
    return [p for p in usable if p.role == "mention" and p.sent in event_sentences
            and p.candidate.kind == "city" and "places.district_seat" in p.rule
            and p.candidate.country == c.country
            and (c.kind == "country" or p.candidate.admin1 == c.admin1)]


def _named_as_its_province(c: PlaceCandidate) -> bool:
    """A city that bears the name of its first-level division ("Deir ez-Zor", "Idlib"): the name
    may stand for the province."""
    return c.kind == "city" and c.admin1 is not None and fold(c.name) == fold(c.admin1)


def choose_event_location(places: list[PlaceMention], parsed: ParsedText,
                          event_sentences: set[int]) -> Optional[PlaceMention]:
    """The incident's place. Incident mentions in the event's sentences first (the best one,
    then the most specific reading in its country); else the dateline city; else the best other
    mention; never a speaker place while anything else exists; a place known only by its country
    comes back with precision 3 and no coordinates."""
    if not places:
        return None
    usable = [p for p in places if p.role != "speaker"]
    # a name read only as the article's state stands in for a place we could not find: any
    # real reading comes first
    stand_in = {p.candidate.country for p in usable if "places.state_only" in p.rule}
    usable = [p for p in usable if "places.state_only" not in p.rule
              and (not stand_in or p.candidate.country in stand_in)] or usable
    usable = _border_towns(usable)
    incidents = _unframed([p for p in usable if p.role == "incident" and p.sent in event_sentences],
                          usable)
    # "near Afgooye, some 30 km northwest of the capital": the reference point of a bearing
    # yields to the town its sentence locates by it (not to a province: "south of X in North
    # Sinai" is near X)
    located = {p.sent for p in incidents if "places.bearing_prep" not in p.rule
               and p.candidate.kind == "city" and "places.district_seat" not in p.rule}
    incidents = [p for p in incidents if "places.bearing_prep" not in p.rule
                 or p.sent not in located]
    # the story's opening sentences (a dateline line, the lede and the sentence after it) say
    # where it happened even when the event's own sentences (its tolls) do not: a lede's place
    # told apart from the toll ("Dozens were killed in an attack on X" + "18 soldiers were
    # killed"), a lede naming only the country followed by the town ("clashes in southern
    # Chad" + "broke out in a village near X"). Only a place named as such (not a street or
    # neighbourhood read as the article's city, not a bearing's reference point), in an
    # opening sentence next to one of the event's and before its last (a sentence after it has
    # moved on: "On the same day, a landmine in Y killed two children")
    first, last = min(event_sentences, default=-1), max(event_sentences, default=-1)
    beside = [p for p in usable if p.role == "incident" and p.candidate.kind != "country"
              and p.sent not in event_sentences and first - 1 <= p.sent < last
              and p.sent <= LEDE_SENTENCES and p.rule.startswith("places.ngram")
              and "places.bearing_prep" not in p.rule]
    support = _support(usable, parsed.article.title)
    if incidents:
        # a town the title names and the body repeats competes with the incident mentions
        # ("Gunman in west Houston ..." whose body places a suspect "near" another state)
        titled = [p for p in usable if p.candidate.kind == "city" and p.role != "origin"
                  and support[_key(p)] >= TITLE_SUPPORT and p not in incidents]
        incidents = incidents + titled
        toll = _toll_sentences(parsed, {p.sent for p in incidents})
        top = max(incidents, key=lambda p: (p.score + SUPPORT_W * support[_key(p)]
                                            + TOLL_BONUS * (p.sent in toll and p.candidate.kind == "city"),
                                            -p.start))
        same = [p for p in incidents if p.candidate.country == top.candidate.country
                and (top.candidate.kind != "city" or p.candidate.admin1 == top.candidate.admin1)]
        # a town named as such before a district named after its seat ("near Digboi in
        # Tinsukia district": Digboi); not a reference point ("the Hawija area southwest of
        # Kirkuk")
        # ... and a town before a city that bears its province's name ("X town in the eastern
        # countryside of Idlib": the province)
        best = min(same, key=lambda p: (p.precision, _KIND_RANK.get(p.candidate.kind, 5),
                                        _named_as_its_province(p.candidate),
                                        "places.district_seat" in p.rule
                                        or "places.bearing_prep" in p.rule,
                                        -p.score - SUPPORT_W * support[_key(p)], p.start))
        if best.candidate.kind != "city":
            # "in X County" + "Town, Ind.": the article's town inside that division
            inside = [p for p in usable if p.candidate.kind == "city" and p.role != "origin"
                      and p.candidate.country == best.candidate.country
                      and p.candidate.admin1 == best.candidate.admin1
                      and best.candidate.admin1 is not None
                      and _within_region(p, best, p.sent in event_sentences
                                         or first - 1 <= p.sent < last)]
            if inside:
                # the dateline's town, unless the opening sentences name another of them
                lede = _lede_town(usable, [p for p in usable if p.role == "dateline"],
                                  best.candidate.country, support)
                town = lede if lede in inside else max(
                    inside, key=lambda p: (p.role == "dateline", p.score, -p.start))
                return replace(town, precision=max(2, town.precision),
                               rule=town.rule + "+places.town_in_division")
            if best.candidate.kind == "country" or (best.candidate.kind == "region"
                                                   and best.candidate.admin1 is None):
                # "killed in the United States" in a story that names Boston again and again:
                # the article's much-named town in that country
                towns = [p for p in usable if p.candidate.kind == "city" and p.role != "origin"
                         and p.candidate.country == best.candidate.country
                         and support[_key(p)] >= TOWN_SUPPORT]
                if towns:
                    town = max(towns, key=lambda p: (support[_key(p)], p.score, -p.start))
                    return replace(town, rule=town.rule + "+places.town_in_country")
                near = [p for p in beside if p.candidate.country == best.candidate.country]
                if near:
                    place = min(near, key=lambda p: (_KIND_RANK.get(p.candidate.kind, 5), p.start))
                    return _finish(replace(place, precision=max(2, place.precision),
                                           rule=place.rule + "+places.adjacent_incident"), places)
                datelines = [p for p in usable if p.role == "dateline"]
                lede = _lede_town(usable, datelines, best.candidate.country, support)
                if lede is not None:
                    return _finish(replace(lede, precision=max(2, lede.precision),
                                           rule=lede.rule + "+places.lede_town"), places)
                home = [d for d in datelines if d.candidate.kind == "city"
                        and d.candidate.country == best.candidate.country and not _reports_on_whole_country(d.candidate)]
                if home:
                    # "BELEDWEYNE, Somalia -" and the event told only as "in central Somalia":
                    # a provincial town's dateline is nearer than the whole country (a
                    # national capital's newsroom reports on all of it)
                    return _finish(replace(home[0], precision=max(2, home[0].precision),
                                           rule=home[0].rule + "+places.dateline_town"), places)
                finer = [p for p in usable if p.candidate.kind != "country"
                         and (p.role == "incident" or p.role == "mention" and p.sent <= LEDE_SENTENCES
                              and p.rule.startswith("places.ngram"))
                         and p.candidate.country == best.candidate.country and p.sent <= last
                         and "places.bearing_prep" not in p.rule]
                if finer:
                    # "near Kantchari, in eastern Burkina Faso" (a town the gazetteer lacks) and,
                    # later, "a trader from X, in Tapoa province": the first finer place of an
                    # incident the story names up to the event's last sentence (after it the
                    # story has moved on), or a place its opening names ("Sinjar district,
                    # Nineveh (Iraq)." before a claim "in northern Iraq"), is nearer than the
                    # whole country
                    place = min(finer, key=lambda p: p.start)
                    return _finish(replace(place, rule=place.rule + "+places.later_incident"), places)
        return _finish(best, places)
    datelines = [p for p in usable if p.role == "dateline"]
    # "on the Elwak-Kotulo road", "about 10 km from Elwak town" and no place of the incident
    # itself: it was near that town, rather than in the newsroom of the dateline
    references = [p for p in usable if p.sent in event_sentences and p.candidate.kind == "city"
                  and ("places.road_end" in p.rule or "places.bearing" in p.rule)
                  and all(p.candidate.country == d.candidate.country for d in datelines)]
    if references:
        ref = min(references, key=lambda p: p.start)
        near = replace(ref, precision=max(2, ref.precision), rule=ref.rule + "+places.near_reference")
        return _finish(near, places)
    if datelines and datelines[0].candidate.kind in ("country", "region", "admin1"):
        # "Yemen: The hospital in Saada city received 9 dead": a dateline of a whole country or
        # province; a town of it the event's sentences name (even as where the hurt were
        # treated) is nearer the incident (precision 2)
        frame = datelines[0].candidate
        towns = [p for p in usable if p.sent in event_sentences and p.candidate.kind == "city"
                 and p.role in ("care", "mention") and p.candidate.country == frame.country
                 and (frame.kind == "country" or p.candidate.admin1 == frame.admin1)]
        if towns:
            town = min(towns, key=lambda p: p.start)
            return _finish(replace(town, precision=max(2, town.precision),
                                   rule=town.rule + "+places.town_in_division"), places)
    # (a town, over a town's dateline: "Nashville" + "in Tennessee" keeps Nashville)
    beside = [p for p in beside if p.candidate.kind == "city" or not any(
        d.candidate.kind == "city" for d in datelines)]
    if beside and all(p.candidate.country == d.candidate.country for p in beside for d in datelines):
        place = min(beside, key=lambda p: (p.precision, _KIND_RANK.get(p.candidate.kind, 5), p.start))
        return _finish(replace(place, rule=place.rule + "+places.adjacent_incident"), places)
    if datelines and datelines[0].candidate.kind == "city":
        # "PESHAWAR, Pakistan - The market in Lakki Marwat ...": a dateline names where the
        # reporter files from; another town of its country the lede names is the story's
        lede = _lede_town(usable, datelines, datelines[0].candidate.country, support)
        if lede is not None:
            return _finish(replace(lede, rule=lede.rule + "+places.lede_town"), places)
    if datelines:
        home = datelines[0].candidate.country
        abroad = [p for p in usable if p.role != "dateline" and p.candidate.country not in (None, home)]
        if abroad and len({p.candidate.country for p in abroad}) == 1 and not any(
                p.role != "dateline" and p.candidate.country == home for p in usable):
            # a Gulf or Beirut dateline over a strike on a town of another country: a newsroom abroad, and the
            # story's places all in one other country: the best of them, no finer than named
            pool = [p for p in abroad if p.candidate.kind != "country"]
            pool = [p for p in pool if p.sent in event_sentences] or pool
            if pool:
                best = max(pool, key=lambda p: (p.score + SUPPORT_W * support[_key(p)], -p.start))
                return _finish(replace(best, rule=best.rule + "+places.newsroom_abroad"), places)
        return _finish(datelines[0], places)
    if usable:
        # where the hurt were treated is no place of the incident while the article names
        # another ("near X, District Y" in the lede, "evacuated to the hospital in Z" with the toll)
        pool = [p for p in usable if p.role != "care"] or usable
        in_event = _unframed([p for p in pool if p.sent in event_sentences] or pool, usable)
        best = max(in_event, key=lambda p: (p.score + SUPPORT_W * support[_key(p)],
                                            -p.precision, -p.start))
        c = best.candidate
        if c.kind == "country":
            # "America", "the U.S." named as a side in a story told from Caracas: the country
            # the article names most (speakers' places too) and a place of it that is no speaker's
            counts = Counter(p.candidate.country for p in places if p.candidate.country)
            lead = max(counts, key=lambda k: (counts[k], k == c.country))
            towns = [p for p in usable if p.candidate.country == lead and p.candidate.kind != "country"]
            if lead != c.country and towns:
                best = max(towns, key=lambda p: (p.score + SUPPORT_W * support[_key(p)], -p.start))
                return _finish(replace(best, rule=best.rule + "+places.side_country"), places)
        if c.kind in ("admin1", "country"):
            # "shot in some North Carolina woods" ... "near Millbrook": a town the article
            # places an incident in, inside the state (or country) the event sentence names
            inside = [p for p in usable if p.role == "incident" and p.candidate.kind == "city"
                      and p.candidate.country == c.country
                      and (c.kind == "country" or p.candidate.admin1 == c.admin1)]
            # (a town of another incident told later, "In a separate incident, bandits killed two
            # farmers in X", is not the event's while its own sentences name a district)
            districts = _named_district(usable, event_sentences, c)
            inside = [p for p in inside if p.sent in event_sentences or first - 1 <= p.sent < last] or (
                [] if districts else inside)
            if inside:
                best = max(inside, key=lambda p: (p.score + SUPPORT_W * support[_key(p)], -p.start))
                return replace(best, rule=best.rule + "+places.town_in_division")
            # "... under X police station limits, Y district, Z state": a district the
            # event's sentences name (at its seat) is nearer than its state
            if districts:
                best = min(districts, key=lambda p: p.start)
                return replace(best, precision=max(2, best.precision), rule=best.rule + "+places.town_in_division")
        return _finish(best, places)
    # only speakers: the province they speak from ("police in Maiduguri confirmed the death of
    # three": the press and officials of a province speak from its seat, where ACLED codes an
    # event known only by its province), else (officials in the national capital speak for
    # the whole country) the country they speak for, no finer
    sp = places[0]
    c = sp.candidate
    if c.kind in ("city", "admin2") and c.admin1 and c.lat is not None and all(
            p.candidate.country == c.country for p in places) and not _reports_on_whole_country(c):
        return replace(sp, candidate=PlaceCandidate(c.admin1, c.country, c.admin1, None, c.lat, c.lon,
                                                    None, "admin1", 0),
                       precision=3, rule=sp.rule + "+places.speaker_province")
    return replace(sp, candidate=PlaceCandidate(c.country or c.name, c.country, None, None, None,
                                                None, None, "country", 0),
                   precision=3, rule=sp.rule + "+places.country_only")


def _toll_sentences(parsed: ParsedText, sents: set[int]) -> set[int]:
    """Those of ``sents`` that carry a toll: a number and a death or injury word
    (``places.toll_sentence``)."""
    words = cues().toll_words
    out: set[int] = set()
    for s in sents:
        toks = parsed.sentence_tokens(s)
        if any(t.like_num or t.pos == "NUM" for t in toks) and any(
                t.lemma.lower() in words for t in toks):
            out.add(s)
    return out


def _unframed(cands: list[PlaceMention], places: list[PlaceMention]) -> list[PlaceMention]:
    """``cands`` without the towns read in another country than the country or province a
    locative mention of their own sentence places the event in ("shelled the village of X in
    northern Syria" with X known only as a Turkish namesake), or in another province of that
    country than the one it names ("X village in Y State" with X known only in another state;
    "X village in Y township", the township named after its seat, with X known only in another
    region): that reading is a namesake, the frame is the better place. A town with its own qualifier
    ("X, Turkey") or its own province after it ("X (Y province)") stays; if nothing is
    left, ``cands`` is returned unchanged (``places.framed_abroad``)."""
    frames: dict[int, set[Optional[str]]] = defaultdict(set)
    provinces: dict[int, set[tuple]] = defaultdict(set)
    for p in places:
        c = p.candidate
        if c.kind == "city" and "places.district_seat" in p.rule and "places.incident_prep" in p.rule \
                and "places.name_part" not in p.rule and c.admin1:
            # "X village in Kanbalu township": the district named after its seat frames the
            # village like a province
            frames[p.sent].add(c.country)
            provinces[p.sent].add((c.country, c.admin1, p.start))
            continue
        words = fold(p.text).split()
        # "Borno State" (a region row of that name): the province named with its noun
        with_noun = len(words) > 1 and words[-1] in cues().division_nouns \
            and " ".join(words[:-1]) == fold(c.name)
        if "places.name_part" in p.rule or c.kind not in ("country", "admin1", "region") or (
                c.kind != "country" and fold(p.text) != fold(c.name) and not with_noun):
            continue  # a province read through another spelling ("Del") frames nothing
        if "places.incident_prep" in p.rule:  # "in northern Syria"; "near Turkey" frames nothing
            frames[p.sent].add(c.country)
            if c.admin1 and fold(c.admin1) == fold(c.name) and (
                    c.kind == "admin1" and p.precision == 3 or with_noun):
                # a province named as such (not "the Bekaa Valley"), after the town it holds
                provinces[p.sent].add((c.country, c.admin1, p.start))
    if not frames:
        return cands

    def elsewhere(p: PlaceMention) -> bool:
        c = p.candidate
        if c.country not in frames[p.sent]:
            return True
        # "stormed X village in Y Local Government Area of Z State" with X, a small town,
        # known only in another state: a namesake too (the province follows the town closely:
        # "in Detroit ... as grand juries in Ohio" is no frame)
        inside = {a for k, a, at in provinces[p.sent]
                  if k == c.country and 0 < at - p.start <= FRAME_CHARS}
        return bool(inside) and c.admin1 not in inside and c.population < LOCAL_MAX_POP

    kept = [p for p in cands if not (
        p.candidate.kind == "city" and p.sent in frames and elsewhere(p)
        and "places.qualifier" not in p.rule and "places.chain" not in p.rule)]
    if not kept or len(kept) == len(cands):
        return cands
    return [replace(p, rule=p.rule + "+places.framed_abroad") for p in kept]


def _border_towns(places: list[PlaceMention]) -> list[PlaceMention]:
    """``places`` with a town read just across a province's border read inside it: "near X in
    Y's Z district" (Z named after its seat) with X known only in the neighbouring province,
    within ``SEAT_REACH_KM`` of Z's seat, is the district's own town (the gazetteer gives some
    border towns the neighbour's province); every mention of that reading moves with it
    (``places.frame_province``)."""
    seats = [p for p in places if p.candidate.kind == "city" and "places.district_seat" in p.rule
             and "places.incident_prep" in p.rule and "places.name_part" not in p.rule
             and p.candidate.admin1 and p.candidate.lat is not None]
    if not seats:
        return places
    moved: dict[tuple, str] = {}
    for p in places:
        c = p.candidate
        if c.kind != "city" or c.lat is None or c.lon is None or "places.qualifier" in p.rule \
                or c.population >= LOCAL_MAX_POP:
            continue
        for z in seats:
            d = z.candidate
            if z.sent == p.sent and 0 < z.start - p.start <= FRAME_CHARS and d.country == c.country \
                    and d.admin1 != c.admin1 and km_between(d.lat, d.lon, c.lat, c.lon) <= SEAT_REACH_KM:
                moved[_key(p)] = d.admin1
    if not moved:
        return places
    return [replace(p, candidate=replace(p.candidate, admin1=moved[_key(p)]),
                    rule=p.rule + "+places.frame_province") if _key(p) in moved else p
            for p in places]


def _reports_on_whole_country(c: PlaceCandidate) -> bool:
    """The reading is its country's national capital (place_cues ``capitals``) or another city
    whose newsrooms report on the whole country (``places.national_newsrooms``: "PORT SUDAN -")."""
    capital = cues().capitals.get(c.country or "")
    return bool(capital) and fold(capital) == fold(c.name) or fold(c.name) in cues().national_newsrooms


def _lede_town(usable: list[PlaceMention], datelines: list[PlaceMention], country: Optional[str],
               support: dict[tuple, float]) -> Optional[PlaceMention]:
    """The first town of ``country`` the story's opening (the dateline's sentence and the one
    after it) names, other than its datelines': after a locative word ("The market in X usually
    ...") or named again in the body ("The fishermen of X ..." + "X"); a full mention (not a
    speaker's, patient's or person's origin, nor a name's part or an institution's name, nor
    a bearing's reference point). A provincial town's newsroom reports on its own province;
    a national capital's on the whole country (``places.lede_town``)."""
    own = {_key(d) for d in datelines}
    provinces = {d.candidate.admin1 for d in datelines if d.candidate.kind == "city"
                 and not _reports_on_whole_country(d.candidate)}
    towns = [p for p in usable if p.candidate.kind == "city" and p.role in ("mention", "incident")
             and p.sent <= LEDE_TOWN_SENTENCE and p.candidate.country == country
             and p.score >= FULL_MENTION
             and p.rule.startswith("places.ngram") and _key(p) not in own
             and (not provinces or p.candidate.admin1 in provinces)
             and not any(cue in p.rule for cue in ("places.bearing_prep", "places.name_part",
                                                    "places.near_prep", "places.district_seat"))
             and ("places.incident_prep" in p.rule or support[_key(p)] >= NAMED_AGAIN)]
    return min(towns, key=lambda p: p.start) if towns else None


def _key(p: PlaceMention) -> tuple:
    c = p.candidate
    return (c.name, c.country, c.admin1, c.kind)


def _support(places: list[PlaceMention], title: Optional[str]) -> dict[tuple, float]:
    """How much the whole article is about each place: its other mentions (the story's own
    place is named again and again: dateline, police, streets, "the Gary shooting") and the
    title, capped so a much-named city does not outweigh an incident's own place."""
    count: dict[tuple, float] = defaultdict(float)
    places = [p for p in places if p.candidate.kind != "country"]  # a country is the setting
    for p in places:
        if p.role in ("incident", "dateline", "mention", "care"):
            count[_key(p)] += 1.0
    t = " " + re.sub(r"[^\w]+", " ", fold(title)) + " " if title else ""
    for p in places:
        k = _key(p)
        name = re.sub(r"[^\w]+", " ", fold(p.text)).strip()
        if t and name and f" {name} " in t and count[k] < 10:
            count[k] += 10.0  # once per place
    return defaultdict(float, {k: min(v, 12.0) / 4.0 for k, v in count.items()})


def _within_region(town: PlaceMention, division: PlaceMention, in_story: bool = False) -> bool:
    """Whether a town can stand for a division it shares a province with: always for a
    province, or a county known by no point of its own; a district or region of our own list
    with its own point ("the Bajaur tribal district" under a PESHAWAR dateline) or a county
    with its point only holds towns near that point (not the state's big city the victim was
    flown to); a region row that is a whole province holds any town of it ``in_story`` (named
    by the event's sentences or one among them)."""
    d, t = division.candidate, town.candidate
    if in_story and d.kind == "region" and d.admin1 and fold(d.admin1) == fold(d.name):
        # a region row that is a whole province ("Rakhine", "Michoacan") holds its far towns
        # too, when the event's sentences (or one among them) name the town
        return True
    if d.kind not in ("region", "admin2") or d.lat is None or d.lon is None or t.lat is None \
            or t.lon is None or "places.admin1_point" in division.rule:
        return True
    reach = REGION_TOWN_KM if d.kind == "region" else COUNTY_TOWN_KM
    return km_between(d.lat, d.lon, t.lat, t.lon) <= reach


def _finish(p: PlaceMention, places: Optional[list[PlaceMention]] = None) -> PlaceMention:
    c = p.candidate
    if c.kind == "admin2" and places:
        # a county ("Polk County deputies"): the article's town inside it (near its point,
        # when it has one)
        inside = [o for o in places if o.candidate.kind == "city" and o.role != "speaker"
                  and o.candidate.lat is not None and o.candidate.country == c.country
                  and o.candidate.admin1 == c.admin1 and _within_region(o, p)]
        if inside:
            town = max(inside, key=lambda o: (o.role == "dateline", o.role != "origin", o.score, -o.start))
            return replace(town, precision=2, rule=town.rule + "+places.town_in_division")
    if c.kind == "country" or c.lat is None:
        return replace(p, candidate=replace(c, lat=None, lon=None), precision=3)
    return p
