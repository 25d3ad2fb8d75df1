"""Places stage: a bare name read as a small town far from a large city that the article names
as its newsroom (dateline) or as its police's city is a part of that city
(``places.big_city_local``). Sentences written for the test, read against the real gazetteer."""
import pytest

from warwire.model import Article
from warwire.stages.parse import parse_article
from warwire.stages.places import choose_event_location, find_places


def _event_place(nlp, gaz, text):
    parsed = parse_article(Article("t", text, None), nlp)
    return choose_event_location(find_places(parsed, gaz), parsed, set(range(len(parsed.sentences))))


# (text, expected town, its state, rule id expected in the mention's rule or None)
CASES = [
    # the neighbourhood is named three times, the police's city once: the small namesake
    # two thousand kilometres away is no reading
    ("A teenager was shot in Pinecrest on Saturday afternoon, Denver police said. Neighbors in "
     "Pinecrest said the block had been quiet for years. A vigil is planned in Pinecrest on "
     "Monday.", "Denver", "Colorado", "places.big_city_local"),
    ("A woman was killed in a shooting in Oakdale late Friday, Memphis police said. Officers "
     "found her in a parked car.", "Memphis", "Tennessee", "places.big_city_local"),
    # a police city below the size threshold is no such city
    ("A teenager was shot in Pinecrest on Saturday afternoon, Boulder police said. Neighbors in "
     "Pinecrest said the block had been quiet for years.", "Pinecrest", "Florida", None),
    # a town named with its state stays that town
    ("A man was shot in Pinecrest, Florida, early Sunday, Denver police said.",
     "Pinecrest", "Florida", None),
]


@pytest.mark.parametrize("text, name, admin1, rule", CASES)
def test_a_small_far_namesake_is_a_part_of_the_large_city(nlp, real_gaz, text, name, admin1, rule):
    ev = _event_place(nlp, real_gaz, text)
    assert ev is not None
    assert (ev.candidate.name, ev.candidate.admin1) == (name, admin1)
    if rule:
        assert rule in ev.rule and ev.precision == 2
    else:
        assert "places.big_city_local" not in ev.rule


def test_the_city_that_owns_a_neighbourhood_places_its_bare_repetitions(nlp, real_gaz):
    # "Denver's Pinecrest neighborhood": Denver is a large city, so the bare "Pinecrest"
    # before it is its neighbourhood, not the small namesake town in another state
    text = ("Three people were found shot to death inside a home in Pinecrest on Sunday. A gunman "
            "opened fire in Pinecrest before dawn, officers said. The victims lived in Denver's "
            "Pinecrest neighborhood.")
    ev = _event_place(nlp, real_gaz, text)
    assert ev is not None and (ev.candidate.name, ev.candidate.admin1) == ("Denver", "Colorado")


@pytest.mark.parametrize("text, name", [
    # a neighbourhood named after a small town at the far end of the same state: the city's
    ("DENVER — A woman was shot and wounded Tuesday night in the Silverton neighborhood, police "
     "said. Denver police are looking for the driver of a gray sedan.", "Denver"),
])
def test_a_neighbourhood_of_a_large_city_is_no_far_town_of_its_state(nlp, real_gaz, text, name):
    ev = _event_place(nlp, real_gaz, text)
    assert ev is not None and ev.candidate.name == name
    assert "places.big_city_local" in ev.rule
