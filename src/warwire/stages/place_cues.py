"""The places stage's cue lists, compiled once from ``rules/places.yaml`` (and the demonym list
of ``rules/demonyms.tsv``): place nouns, locative and near words, event, speaker, origin and
care words, street words, US state abbreviations, the dateline pattern and the country cues;
border, bearing, descriptor and bracket-chain cues; country names and capitals (read from
``rules/countries.tsv``); US area codes and their states (``rules/us_area_codes.tsv``).
Every list keeps its rule id in the YAML; ``stages/places.py`` names the id that fired.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError
from ..gazetteer import fold
from ..rules import load_tsv, load_yaml


@dataclass(frozen=True)
class Cues:
    ambiguous: frozenset[str]
    never_alone: frozenset[str]
    person_titles: frozenset[str]
    national_newsrooms: frozenset[str]  # folded names of cities other than capitals that report on the whole country
    org_words: frozenset[str]
    jurisdiction_words: frozenset[str]
    incident_prep: frozenset[str]
    near_prep: tuple[str, ...]
    division_nouns: frozenset[str]
    district_nouns: frozenset[str]
    unit_before_name: frozenset[str]  # "District Rajouri": official style, the noun first
    # a designator of several words right after a name ("Bokkos Local Government Area"):
    # group 1 is the designator
    district_phrase_re: re.Pattern
    town_nouns: frozenset[str]
    neighbourhood_nouns: frozenset[str]
    event_words: frozenset[str]
    say_verbs: frozenset[str]
    speaker_nouns: frozenset[str]
    origin_nouns: frozenset[str]
    street_words: frozenset[str]
    us_states: dict[str, str]  # abbreviation → state name (AP and postal)
    us_postal: frozenset[str]
    # dotted state abbreviation of another country → (iso3, state) (places.foreign_state_abbr)
    foreign_states: dict[str, tuple[str, str]]
    dateline: re.Pattern
    street_re: re.Pattern
    neighbourhood_re: re.Pattern
    locative_re: re.Pattern
    designator_re: re.Pattern
    speaker_before_re: re.Pattern
    demonyms: dict[str, str]
    country_cues: tuple[tuple[str, str, float, re.Pattern], ...]  # (id, iso3, weight, regex)
    country_default: dict[str, float]
    compass: frozenset[str]
    speaker_after_re: re.Pattern
    fronted_speaker_re: re.Pattern  # ", the interior minister condemned" after "In X"
    party_before_re: re.Pattern
    bearings: frozenset[str]  # places.bearing_words ("north", "south-east" ...)
    road_after_re: re.Pattern  # "<X>-Damboa road"
    road_before_re: re.Pattern  # "the Maiduguri-<X>", when a road noun follows <X>
    road_noun_re: re.Pattern
    part_of_re: re.Pattern  # "the Daraa al-Balad neighbourhood of " before a place
    pair_after_re: re.Pattern  # "<X>-Mbau sector", "<X>-Poonch belt"
    pair_noun_re: re.Pattern  # a pair-area noun after "the Rajouri-<X>"
    origin_before_re: re.Pattern
    care_before_re: re.Pattern
    region_adj_re: re.Pattern
    attack_verbs: frozenset[str]
    care_after_re: re.Pattern
    street_prefix_re: re.Pattern
    name_heads: frozenset[str]
    possessor_re: re.Pattern
    toll_words: frozenset[str]
    compound_adj_re: re.Pattern
    unit_before_re: re.Pattern  # "Rugombo commune, " before "Cibitoke province"
    appositive_re: re.Pattern
    capitals: dict[str, str]  # iso3 → the capital's name (rules/countries.tsv, first listed)
    country_names: dict[str, str]  # folded country name or alias → iso3 (rules/countries.tsv)
    chain_nouns: frozenset[str]
    chain_noun_end_re: re.Pattern  # a member's trailing place noun ("Kachia LGA")
    border_after_re: re.Pattern
    border_before_re: re.Pattern
    descriptor_re: re.Pattern
    bearing_re: re.Pattern
    target_nouns: frozenset[str]
    channel_verbs: frozenset[str]
    qualifier_adj: str  # region adjectives as a regex alternation ("northern|southern|...")
    dateline_labels: frozenset[str]
    article_prefixes: frozenset[str]  # "al" of "al-Mawsil" (places.article_prefixes)
    demonym_institution: frozenset[str]  # "National" of "Somali National Army" (places.demonym_adjective)
    standalone_cities: frozenset[str]  # folded names (places.standalone_cities)
    standalone_country: str  # the country whose stories that rule reads (places.standalone_cities)
    area_codes: dict[str, str]  # US area code → state (rules/us_area_codes.tsv)
    area_code_re: re.Pattern  # a local phone number; group "code" is its area code
    area_code_weight: float
    police_acronyms: dict[str, tuple[str, str]]  # "IMPD" → (city, state) (places.police_acronyms)
    police_acronym_re: re.Pattern
    police_acronym_weight: float
    nearby: tuple[float, float, int, float]  # places.nearby: km, weight, readings, cap
    big_city_local: tuple[int, float]  # places.big_city_local: min_pop, km
    copyright_re: re.Pattern  # a page's copyright line (places.copyright_line)


# Cue fields that are a plain word set of rules/places.yaml: field → rule id (after "places.").
_WORD_SETS = {
    "ambiguous": "ambiguous_words",
    "never_alone": "never_alone",
    "person_titles": "person_titles",
    "national_newsrooms": "national_newsrooms",
    "org_words": "org_words",
    "jurisdiction_words": "jurisdiction_words",
    "incident_prep": "incident_prep",
    "division_nouns": "division_nouns",
    "district_nouns": "district_nouns",
    "unit_before_name": "unit_before_name",
    "town_nouns": "town_nouns",
    "neighbourhood_nouns": "neighbourhood_nouns",
    "event_words": "event_words",
    "say_verbs": "say_verbs",
    "speaker_nouns": "speaker_nouns",
    "origin_nouns": "origin_nouns",
    "compass": "compass_words",
    "attack_verbs": "attack_verbs",
    "name_heads": "name_heads",
    "toll_words": "toll_sentence",
    "chain_nouns": "chain_nouns",
    "target_nouns": "target_nouns",
    "channel_verbs": "channel_verbs",
    "dateline_labels": "dateline_labels",
    "article_prefixes": "article_prefixes",
    "demonym_institution": "demonym_adjective",
}


@dataclass(frozen=True)
class PopulationScales:
    """Town sizes the places stage reasons with (``places.population_scales``)."""

    local_max: int  # a same-name town outside the article's state smaller than this is local
    small_town: int
    big_namesake: int  # a city whose neighbourhoods' names stand alone in local news


@functools.lru_cache(maxsize=1)
def population_scales() -> PopulationScales:
    rule = next(r for r in load_yaml("places.yaml") if r["id"] == "places.population_scales")
    return PopulationScales(int(rule["local_max"]), int(rule["small_town"]), int(rule["big_namesake"]))


@functools.lru_cache(maxsize=1)
def cues() -> Cues:
    rules = {r["id"]: r for r in load_yaml("places.yaml")}

    def words(rid: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in rules[rid]["words"])

    def alt(ws: Any) -> str:
        return "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))

    ap = {k: v for k, v in rules["places.us_state_ap"]["map"].items()}
    postal = {k: v for k, v in rules["places.us_state_postal"]["map"].items()}
    street = words("places.street_words")
    place_nouns = (words("places.division_nouns") | words("places.district_nouns")
                   | words("places.town_nouns"))
    preps = words("places.incident_prep") | words("places.near_prep")
    name = r"[A-Z][\w'’.\-]*"
    capitals: dict[str, str] = {}
    country_names: dict[str, str] = {}
    for row in load_tsv("countries.tsv"):
        iso = row["id"]
        if row.get("capitals"):
            capitals[iso] = row["capitals"].split("|")[0]
        for n in [row["name"], *(row.get("aliases") or "").split("|")]:
            n = re.sub(r"^the\s+", "", n.strip())
            if n and not n.isupper():
                country_names.setdefault(fold(n), iso)
    try:
        demonyms = {r["demonym"].lower(): r["id"] for r in load_tsv("demonyms.tsv")}
    except ConfigError:  # the demonym list belongs to the actors stage; optional here
        demonyms = {}
    area = rules["places.area_code"]
    police = rules["places.police_acronyms"]
    near = rules["places.nearby"]
    return Cues(
        standalone_cities=frozenset(fold(str(w)) for w in rules["places.standalone_cities"]["words"]),
        standalone_country=rules["places.standalone_cities"]["country"],
        area_codes={r["code"]: r["state"] for r in load_tsv("us_area_codes.tsv")},
        area_code_re=re.compile(area["pattern"]),
        area_code_weight=float(area["weight"]),
        police_acronyms={str(k): tuple(str(v).split("|", 1)) for k, v in police["map"].items()},
        police_acronym_re=re.compile(r"\b(" + alt(police["map"]) + r")\b"),
        police_acronym_weight=float(police["weight"]),
        copyright_re=re.compile(rules["places.copyright_line"]["pattern"]),
        nearby=(float(near["km"]), float(near["weight"]), int(near["readings"]), float(near["cap"])),
        big_city_local=(int(rules["places.big_city_local"]["min_pop"]),
                        float(rules["places.big_city_local"]["km"])),
        **{field: words(f"places.{rid}") for field, rid in _WORD_SETS.items()},
        near_prep=tuple(sorted(words("places.near_prep"), key=len, reverse=True)),
        street_words=street,
        us_states={**postal, **ap},
        us_postal=frozenset(postal),
        foreign_states={str(k): tuple(str(v).split("|", 1))
                        for k, v in rules["places.foreign_state_abbr"]["map"].items()},
        dateline=re.compile(rules["places.dateline"]["pattern"], re.M),
        street_re=re.compile(
            r"(?:\b\d+[\w-]*\s+(?:block\s+of\s+)?)?(?:\b(?:[NSEW]\.?|North|South|East|West)\s+)?"
            rf"\b(?:(?:{name}|\d+(?:st|nd|rd|th)?)\s+){{1,4}}(?:{alt(w.capitalize() for w in street)})"
            r"\b\.?"
            # a street named after a person, its street word in lower case ("on Victor Hugo
            # street"): two names at least, so "a Baghdad street" stays a city
            r"|\b(?:(?!(?:On|In|At|Along|Near|The|A|An)\b)[A-Z][a-z]+\s+){2,4}(?:street|avenue|boulevard|road)\b"
            # a corner named by two streets and one plural street word ("at Baltimore and
            # McHenry avenues", "near 84th and Q streets"): neither name is a town
            rf"|\b(?:{name}|\d+(?:st|nd|rd|th))(?:\s+{name})?\s+(?:and|&)\s+(?:{name}|\d+(?:st|nd|rd|th))"
            rf"(?:\s+{name})?\s+(?:{alt(w + 's' for w in street if len(w) > 3)})\b"),
        neighbourhood_re=re.compile(
            rf"\b((?:{name}\s+){{0,2}}{name})\s+(?:{alt(words('places.neighbourhood_nouns'))})\b"),
        locative_re=re.compile(rf"\b(?P<prep>{alt(preps)})\s+$", re.I),
        district_phrase_re=re.compile(
            rf"\s+({alt(w for w in words('places.district_nouns') if ' ' in w)})\b", re.I),
        designator_re=re.compile(
            rf"(?:\bthe\s+)?(?:(?<![\w'’])(?!(?:{alt(preps)})\b)[a-z\-]+\s+|\d+\s+){{0,2}}(?P<noun>{alt(place_nouns | words('places.seat_nouns'))})"
            r"\s+of\s+$", re.I),
        speaker_before_re=re.compile(
            rf"\b(?:{alt(words('places.speaker_nouns'))})(?:\s+[a-z]+){{0,2}}\s+(?:in|from)\s+"
            r"(?:the\s+)?$|\b(?:told|telling)\s+[\w.]+(?:\s+[\w.]+)?\s+in\s+$|"
            r"\b(?:conference|briefing|interview|statement|television|broadcast|speech)"
            r"(?:\s+[\w'’\-]+){0,2}?\s+(?:in|from)\s+$|\bby\s+(?:tele)?phone\s+from\s+$"
            # "the police chief said in Chandigarh that ...": a say-verb in the active voice
            # ("were reported in X" is where the deaths were)
            rf"|(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbe\s)\b(?P<say>{alt(words('places.say_verb_forms'))})"
            r"(?:\s+(?:on|late|early|last|this)(?:\s+\w+){1,2})?\s+in\s+$", re.I),
        demonyms=demonyms,
        country_cues=tuple((c["id"], c["country"], float(c["weight"]), re.compile(c["pattern"]))
                           for c in rules["places.country_cues"]["cues"]),
        country_default={k: float(v) for k, v in rules["places.country_cues"]["default"].items()},
        speaker_after_re=re.compile(r"\s*(?:'s|’s)\s+(?:[a-z\-]+\s+){0,2}(?:" + "|".join(
            re.escape(w) for w in words("places.speaker_nouns")) + r")\b", re.I),
        fronted_speaker_re=re.compile(rules["places.fronted_speaker_place"]["pattern"]),
        bearings=frozenset(words("places.bearing_words")),
        road_after_re=re.compile(rf"[-–]{name}(?:\s+{name})?\s+(?:{alt(words('places.road_nouns'))})\b"),
        road_before_re=re.compile(rf"{name}[-–]$"),
        road_noun_re=re.compile(rf"\s+(?:{alt(words('places.road_nouns'))})\b"),
        part_of_re=re.compile(
            r"\bthe\s+(?:(?:[A-Z][\w'’\-]*|(?:al|el|ad|an|ar|as|ash|at|az)-[\w'’\-]+)\s+){1,4}"
            rf"(?:{alt(words('places.neighbourhood_nouns') | words('places.district_nouns'))})\s+of\s+$"),
        pair_after_re=re.compile(rf"[-–]{name}(?:\s+{name})?\s+(?:{alt(words('places.pair_area'))})\b"),
        pair_noun_re=re.compile(rf"\s+(?:{alt(words('places.pair_area'))})\b"),
        party_before_re=re.compile(rf"\b(?:{alt(words('places.party_words'))})\s+(?:the\s+)?$", re.I),
        region_adj_re=re.compile(rf"\b(?:(?:{alt(words('places.region_adjectives'))})\s+)+$", re.I),
        care_before_re=re.compile(
            rf"(?:\b(?:{alt(words('places.care_words'))})(?:\s+(?:(?-i:[A-Z])[\w'’.\-]*|of|the))*"
            rf"\s+(?:in|at)|\b(?:{alt(words('places.transport_verbs'))})\s+(?:[a-z]+\s+){{0,3}}?to"
            rf"(?:\s+(?:(?-i:[A-Z])[\w'’.\-]*\s+){{1,3}}(?:in|at))?|"
            rf"\b(?:{alt(words('places.care_verbs'))})\s+(?:in|at))"
            r"\s+(?:(?:a|an|the|nearby)\s+)?$", re.I),
        care_after_re=re.compile(
            rf"^(?:['’]s)?\s+(?:(?-i:[A-Z])[\w'’.\-]*\s+){{0,3}}(?:{alt(words('places.care_words'))})\b",
            re.I),
        street_prefix_re=re.compile(
            rf"\b(?:{alt(str(w) for w in rules['places.street_prefix_words']['words'])})\s+"
            r"(?:(?:de|del|de la|de las|de los|du|des|di|della|dei|do|da|dos|das|dels)\s+)?"
            rf"(?:\d+\s+de\s+)?{name}(?:\s+(?:de\s+|del\s+)?{name}){{0,2}}"),
        # a smaller unit named before the place, the gazetteer maybe lacking it ("in Rugombo
        # commune, Cibitoke province"): the locative word before it frames the place too
        unit_before_re=re.compile(
            rf"(?:{name}\s+){{1,3}}(?:{alt(place_nouns)})\s*,\s*$"),
        appositive_re=re.compile(
            r"\bthe\s+(?:[A-Za-z\-]+\s+){0,2}?(?:"
            + alt(words("places.appositive_nouns") | words("places.town_nouns")) + r")\s+$"),
        capitals=capitals,
        country_names=country_names,
        chain_noun_end_re=re.compile(rf"(?<=\S)\s+(?:{alt(words('places.chain_nouns'))})$", re.I),
        border_after_re=re.compile(
            rf"(?:\s*[-–]\s*{name})*\s+(?:{alt(words('places.border_nouns'))})\b", re.I),
        qualifier_adj=alt(words("places.region_adjectives")),
        bearing_re=re.compile(
            r"[A-Z][\w'’.\-]*\s*,\s+(?:(?:a|an|the)\s+)?(?:[a-z\-]+\s+){0,3}?"
            r"(?:(?:about|some|around|roughly|nearly|approximately|just|only)\s+)?"
            r"(?:(?:\d[\d.,]*|[a-z]+)\s*(?:km|kms|kilometres|kilometers|kilometre|kilometer|miles|mile|mi)"
            rf"\s+(?:{alt(words('places.bearing_words'))})\s+of|(?:{alt(words('places.bearing_words'))})\s+of"
            r"|(?:\d[\d.,]*|[a-z]+)\s*(?:km|kms|kilometres|kilometers|kilometre|kilometer|miles|mile|mi)"
            r"\s+(?:from|outside))\s+(?:the\s+(?:[a-z\-]+\s+){0,2})?$"),
        descriptor_re=re.compile(
            r"\s+(?:[a-z\-]+\s+){0,2}?(?:"
            + alt(words("places.appositive_nouns") | words("places.town_nouns")) + r")\s+of\s+(?:the\s+)?[A-Z]"),
        border_before_re=re.compile(
            rf"\b(?:{alt(words('places.border_nouns'))})\s+(?:with|of)\s+(?:the\s+)?$", re.I),
        compound_adj_re=re.compile(rf"[-‑–](?:{alt(words('places.compound_adjective'))})\b", re.I),
        possessor_re=re.compile(
            r"(?:\b(?P<name>[A-Z][\w\-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w\-]*){0,3})|"
            rf"\bthe\s+(?:{alt(words('places.possessive_frame'))}))['’]s\s+$"),
        origin_before_re=re.compile(r"(?:\d{1,3}\s*,\s*|\b(?:" + "|".join(
            re.escape(w) for w in words("places.origin_nouns"))
            + r"|both|all|also|is|was|are|were)\s+)(?:of|from)\s+$", re.I),
    )
