"""choose_event_location: which place mention is the incident's (stages/event_place.py)."""
import datetime as dt

import pytest

from warwire.model import Article, PlaceCandidate as C, PlaceMention as M
from warwire.stages.event_place import choose_event_location
from warwire.stages.parse import parse_article

TEXAS = C("Texas", "USA", "Texas", None, 31.0, -97.6, None, "admin1", 22_000_000)
TYLER = C("Tyler", "USA", "Texas", None, 32.35, -95.3, 1, "city", 100_000)
SMALL = C("Elmdale", "USA", "Kansas", None, 38.4, -96.6, 2, "city", 60)
JUNK = C("Metro", "IDN", None, None, -5.1, 105.3, 3, "city", 180_000)
ROSEBURG = C("Roseburg", "USA", "Oregon", None, 43.2, -123.3, 4, "city", 22_000)
OREGON = C("Oregon", "USA", "Oregon", None, 44.0, -120.5, None, "admin1", 4_000_000)
SYRIA = C("Syria", "SYR", None, None, None, None, 5, "country", 18_000_000)
ABROAD = C("Kafr Tall", "TUR", "Hatay", None, 36.2, 36.1, 6, "city", 900)
USA = C("United States", "USA", None, None, None, None, 7, "country", 330_000_000)
# an invented county with its point, towns near and far from it, and the county without a point
ASHBY = C("Ashby County", "USA", "Iowa", "Ashby County", 42.0, -93.0, None, "admin2", 90_000)
NEAR = C("Dunmore", "USA", "Iowa", None, 42.15, -93.1, 1, "city", 3_000)  # ~19 km away
FAR = C("Riverton", "USA", "Iowa", None, 41.6, -91.5, 2, "city", 70_000)  # ~130 km away
BARE = C("Ashby County", "USA", "Iowa", "Ashby County", None, None, None, "admin2", 90_000)


def mention(text, cand, role="mention", sent=0, start=0, rule="places.ngram", precision=1,
            score=1.0):
    return M(text, start, start + len(text), sent, rule, cand, precision, role, score)


@pytest.fixture(scope="module")
def parsed(nlp):
    text = "A man was shot on Sunday. Deputies said he was found near a road. He died."
    return parse_article(Article("t", text, None, dt.datetime(2021, 1, 1)), nlp)


@pytest.mark.parametrize("places, events, expected", [
    # a stand-in for an unknown town (its state) yields to any real reading in that country...
    ([mention("Elm Grove", TEXAS, "incident", rule="places.ngram+places.state_only", precision=3,
              score=3.0),
      mention("Tyler", TYLER, "mention", sent=1, start=30)], {0}, "Tyler"),
    # ...but not to a namesake abroad the article cannot be about
    ([mention("Elm Grove", TEXAS, "incident", rule="places.ngram+places.state_only", precision=3,
              score=3.0),
      mention("Metro", JUNK, "mention", start=40, score=2.0)], {0}, "Texas"),
    # a state read in the event sentence yields to the town the article places the incident near
    ([mention("Oregon", OREGON, "mention", precision=3, score=1.3),
      mention("Roseburg", ROSEBURG, "incident", sent=1, start=30, precision=2, score=3.0)],
     {0}, "Roseburg"),
    # where someone was treated is chosen only when nothing better exists
    ([mention("Tyler", TYLER, "care", score=0.2),
      mention("Elmdale", SMALL, "incident", sent=1, start=30, score=3.0)], {0, 1}, "Elmdale"),
    # a town abroad loses to the country a locative mention of its own sentence names...
    ([mention("Kafr Tall", ABROAD, "incident", score=3.3),
      mention("Syria", SYRIA, "incident", start=40, precision=3, score=3.3,
              rule="places.ngram+places.incident_prep")], {0}, "Syria"),
    # ...but not when the town has its own "Town, Country" qualifier
    ([mention("Kafr Tall", ABROAD, "incident", score=3.3,
              rule="places.ngram+places.qualifier"),
      mention("Syria", SYRIA, "incident", start=40, precision=3, score=3.3,
              rule="places.ngram+places.incident_prep")], {0}, "Kafr Tall"),
    # a country-only incident: the town the article names again and again inside it
    ([mention("United States", USA, "incident", sent=2, precision=3, score=3.0)]
     + [mention("Tyler", TYLER, "mention", sent=k % 2, start=10 * k) for k in range(4)],
     {2}, "Tyler"),
])
def test_choice(parsed, places, events, expected):
    got = choose_event_location(places, parsed, events)
    assert got is not None and got.candidate.name == expected, got


def test_stand_in_state_has_no_town_precision(parsed):
    places = [mention("Elm Grove", TEXAS, "incident", rule="places.ngram+places.state_only",
                      precision=3, score=3.0)]
    got = choose_event_location(places, parsed, {0})
    assert got is not None and got.precision == 3 and got.candidate.kind == "admin1"


def test_the_toll_sentence_town_beats_a_more_named_town(nlp):
    # a story set where the suspect was arrested: the town of the sentence with the toll wins
    text = ("A gunman killed three people at a bar in Tyler on Sunday. He was arrested in "
            "Elmdale, where he lived. Elmdale police said he had no record.")
    parsed = parse_article(Article("t", text, None, dt.datetime(2021, 1, 1)), nlp)
    places = [mention("Tyler", TYLER, "incident", sent=0, start=41, score=3.3),
              mention("Elmdale", SMALL, "incident", sent=1, start=79, score=3.0),
              mention("Elmdale", SMALL, "mention", sent=2, start=110, score=1.0),
              mention("Elmdale", SMALL, "mention", sent=2, start=110, score=1.0)]
    got = choose_event_location(places, parsed, {0, 1})
    assert got is not None and got.candidate.name == "Tyler", got


# A county with its own point (US counties: the median of their ZIP points) stands for the
# article's town only when that town lies near it.
@pytest.mark.parametrize("places, expected", [
    # the incident names the county; a town near the county's point stands for it...
    ([mention("Ashby County", ASHBY, "incident", precision=2, score=3.0),
      mention("Dunmore", NEAR, "mention", sent=1, start=30)], "Dunmore"),
    # ...a far town of the same state does not (the county's own point is better)
    ([mention("Ashby County", ASHBY, "incident", precision=2, score=3.0),
      mention("Riverton", FAR, "care", sent=1, start=30, score=0.2)], "Ashby County"),
    # no incident mention: a county named elsewhere keeps its point against a far town...
    ([mention("Ashby County", ASHBY, "mention", precision=2, score=1.8),
      mention("Riverton", FAR, "origin", sent=1, start=30, score=0.4)], "Ashby County"),
    # ...and a county with no point of its own still takes the article's town of its state
    ([mention("Ashby County", BARE, "mention", precision=2, score=1.8),
      mention("Riverton", FAR, "origin", sent=1, start=30, score=0.4)], "Riverton"),
])
def test_a_town_stands_for_a_county_only_near_its_point(parsed, places, expected):
    got = choose_event_location(places, parsed, {0})
    assert got is not None and got.candidate.name == expected and got.precision == 2, got


def test_a_newsroom_abroad_yields_to_the_story_country(parsed) -> None:
    """"DUBAI (AFP) - A missile ... struck the city of Marib": the dateline is a newsroom in another
    country than every place the story names; the story's best place is the event's."""
    dubai = C("Dubai", "ARE", "Dubai", None, 25.26, 55.3, 10, "city", 1_000_000)
    marib = C("Marib", "YEM", "Marib", None, 15.5, 45.3, None, "region", 300_000)
    yemen = C("Yemen", "YEM", None, None, None, None, 11, "country", 28_000_000)
    places = [mention("Dubai", dubai, "dateline", sent=0, score=2.3),
              mention("Yemen", yemen, "mention", sent=1, start=30, score=1.3),
              mention("Marib", marib, "mention", sent=1, start=50, score=1.3)]
    got = choose_event_location(places, parsed, {0, 1})
    assert got is not None and got.candidate.country == "YEM" and got.candidate.name == "Marib", got


def test_a_town_beats_a_city_that_bears_its_provinces_name(nlp) -> None:
    """"at the entrance of X town in the eastern countryside of Y" with Y both a city and its
    province (invented names): the town, not the city that may stand for the province, though
    the title names Y too."""
    text = ("Gunmen attacked a checkpoint at the entrance of Tell Safra town in the eastern "
            "countryside of Qaryat Nahr, killing five guards.")
    parsed = parse_article(Article("t", text, "Five guards killed in eastern Qaryat Nahr", None), nlp)
    province_city = C("Qaryat Nahr", "SYR", "Qaryat Nahr", None, 35.3, 40.1, 20, "city", 250_000)
    town = C("Tell Safra", "SYR", "Qaryat Nahr", None, 34.7, 40.8, 21, "city", 25_000)
    places = [mention("Tell Safra", town, "incident", sent=0, start=text.index("Tell"), score=3.3),
              mention("Qaryat Nahr", province_city, "incident", sent=0, start=text.index("Qaryat"),
                      score=3.0)]
    got = choose_event_location(places, parsed, {0})
    assert got is not None and got.candidate.name == "Tell Safra", got
