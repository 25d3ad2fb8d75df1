"""Places stage and event place, US counties (session 4): a county has a point (the median of
its ZIP points), so a county story is placed near the county's people at precision 2, and a town
of the article stands for the county only when it lies near that point. Sentences written for
the test; the first table is read against the real gazetteer."""
import datetime as dt

import pytest

from warwire.model import Article, PlaceCandidate as C, PlaceMention as M, km_between
from warwire.stages.event_place import choose_event_location
from warwire.stages.parse import parse_article
from warwire.stages.places import find_places


@pytest.fixture(scope="module")
def real_gaz():
    from warwire.gazetteer.build import default_index_path
    from warwire.gazetteer.sqlite import SqliteGazetteer

    return SqliteGazetteer(default_index_path(500))


# (text, county, state, lat, lon of the county's main town)
COUNTY_STORIES = [
    ("A hunter was found shot dead in a field in rural Navarro County, Texas, on Saturday, "
     "deputies said.", "Navarro County", "Texas", 32.10, -96.47),  # Corsicana
    ("Two people were wounded in a shooting at a rest stop in Pike County on Tuesday. Ohio "
     "troopers are investigating.", "Pike County", "Ohio", 39.07, -83.01),  # Waverly
    ("A man was shot during an argument outside a store in Lincoln Parish, Louisiana, late "
     "Friday, deputies said.", "Lincoln Parish", "Louisiana", 32.52, -92.64),  # Ruston
    # a county whose state's big city the article also names (where the victim was flown):
    # the city is far from the county, so the county's own point is kept
    ("A woman was shot in Sullivan County, Indiana, on Sunday. She was flown to a hospital in "
     "Indianapolis, deputies said.", "Sullivan County", "Indiana", 39.10, -87.41),
]


@pytest.mark.parametrize("text,county,state,lat,lon", COUNTY_STORIES)
def test_a_county_story_is_placed_near_the_county_people(nlp, real_gaz, text, county, state,
                                                          lat, lon):
    parsed = parse_article(Article("t", text), nlp)
    place = choose_event_location(find_places(parsed, real_gaz), parsed,
                                  set(range(len(parsed.sentences))))
    assert place is not None and place.candidate.admin1 == state
    assert place.candidate.name == county and place.precision == 2
    assert place.candidate.lat is not None
    assert km_between(place.candidate.lat, place.candidate.lon, lat, lon) <= 40


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
