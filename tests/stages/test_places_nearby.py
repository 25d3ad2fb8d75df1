"""Places stage, nearness of the article's places (``places.nearby``, session 5): local news
names places that lie close together (a town and its county, a suburb, the hospital's town), so
an ambiguous town is read as the namesake that lies near another place of the article. Sentences
written for the test, read against the real gazetteer."""
import pytest

from warwire.model import Article, PlaceCandidate
from warwire.stages.parse import parse_article
from warwire.stages.place_spans import Raw
from warwire.stages.places import _nearby, find_places

# (text, town as written, state it must be read in)
NEAR_STORIES = [
    # a county name that many states have, beside a town name that many states have: the pair
    # that lies together (here against the larger namesakes and the other states' counties)
    ("A man was shot outside a convenience store in Columbus on Saturday night, Lowndes County "
     "deputies said.", "Columbus", "Mississippi"),
    ("A man was wounded by gunfire at an apartment complex in Lebanon, Warren County deputies "
     "said.", "Lebanon", "Ohio"),
    ("A man was shot at a convenience store in Greenville late Sunday, Washington County "
     "deputies said.", "Greenville", "Mississippi"),
]

# the same towns alone keep their likeliest reading
ALONE_STORIES = [
    ("A man was shot outside a convenience store in Columbus on Saturday night, deputies said.",
     "Columbus", "Ohio"),
    ("A man was wounded by gunfire at an apartment complex in Lebanon, deputies said.",
     "Lebanon", "Tennessee"),
    ("A man was shot at a convenience store in Greenville late Sunday, deputies said.",
     "Greenville", "North Carolina"),
]


def _reading(nlp, gaz, text, town):
    places = find_places(parse_article(Article("t", text), nlp), gaz)
    return [p for p in places if p.text == town], places


@pytest.mark.parametrize("text,town,state", NEAR_STORIES)
def test_a_town_is_read_as_the_namesake_near_the_other_places(nlp, real_gaz, text, town, state):
    found, places = _reading(nlp, real_gaz, text, town)
    assert found and all(p.candidate.admin1 == state for p in found)
    assert any("places.nearby" in p.rule for p in places)


@pytest.mark.parametrize("text,town,state", ALONE_STORIES)
def test_a_town_alone_keeps_its_likeliest_reading(nlp, real_gaz, text, town, state):
    found, places = _reading(nlp, real_gaz, text, town)
    assert found and all(p.candidate.admin1 == state for p in found)
    assert not any("places.nearby" in p.rule for p in places)


def _town(name, admin1, lat, lon, kind="city"):
    return PlaceCandidate(name, "USA", admin1, None, lat, lon, None, kind, 1000)


def _raw(start, key, cands):
    r = Raw(start, start + len(key), 0, 1, 0, cands)
    r.key = key
    return r


def test_a_name_is_no_support_for_the_place_named_after_it():
    # "Elmford" and "Elmford County" lie together wherever both exist: no evidence either way
    town = _raw(0, "elmford", [_town("Elmford", "Ohio", 40.0, -83.0),
                               _town("Elmford", "Iowa", 42.0, -93.0)])
    county = _raw(30, "elmford county", [_town("Elmford County", "Ohio", 40.05, -83.05, "admin2")])
    assert _nearby([town, county], (40.0, 1.5, 8, 3.0)) == {}


def test_support_counts_each_other_name_once_scaled_by_its_readings_and_capped():
    town = _raw(0, "elmford", [_town("Elmford", "Ohio", 40.0, -83.0),
                               _town("Elmford", "Iowa", 42.0, -93.0)])
    one = _raw(20, "birchton", [_town("Birchton", "Ohio", 40.1, -83.1)])
    one_again = _raw(60, "birchton", [_town("Birchton", "Ohio", 40.1, -83.1)])
    # a name with 16 readings, one of them near: half the weight
    many = _raw(40, "oakvale", [_town("Oakvale", "Ohio", 40.2, -82.9)]
                + [_town("Oakvale", "Texas", 30.0 + i * 0.01, -97.0) for i in range(15)])
    near = _nearby([town, one, many, one_again], (40.0, 1.5, 8, 3.0))
    assert near[(0, 0)] == pytest.approx(1.5 + 0.75)
    assert (0, 1) not in near  # the Iowa reading has no neighbour
    assert _nearby([town, one, many], (40.0, 1.5, 8, 2.0))[(0, 0)] == pytest.approx(2.0)
    far = _nearby([town, one], (5.0, 1.5, 8, 3.0))  # 14 km apart: not within 5 km
    assert (0, 0) not in far


def test_a_post_office_town_supports_the_readings_near_it():
    town = _raw(0, "elmford", [_town("Elmford", "Ohio", 40.0, -83.0),
                               _town("Elmford", "Iowa", 42.0, -93.0)])
    hamlet = _raw(20, "birchton", [])
    hamlet.aside = [_town("Birchton", "Iowa", 42.1, -93.1, "post_office")]
    assert set(_nearby([town, hamlet], (40.0, 1.5, 8, 3.0))) == {(0, 1)}
