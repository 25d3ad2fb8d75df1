"""Places stage and event place, US counties (session 4): a county has a point (the median of
its ZIP points), so a county story is placed near the county's people at precision 2, and a town
of the article stands for the county only when it lies near that point (tested in
test_event_place.py). Sentences written for the test, read against the real gazetteer."""
import datetime as dt

import pytest

from warwire.model import Article, km_between
from warwire.stages.event_place import choose_event_location
from warwire.stages.parse import parse_article
from warwire.stages.places import find_places


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
