"""Places stage, US post-office towns (rules/us_post_offices.tsv, gazetteer kind post_office):
such a town is read only inside the state the article has already established (or the one its
own "Town, State" names) and never votes for a country or state, so a common word that is also
a post office cannot move a story abroad to the US. Sentences written for the test, read
against the real gazetteer."""
import pytest

from warwire.model import Article
from warwire.stages.parse import parse_article
from warwire.stages.places import find_places


def _places(nlp, gaz, text):
    return find_places(parse_article(Article("t", text, None), nlp), gaz)


# (text, surface, expected (name, admin1) of that mention or None for no US town reading)
CASES = [
    # the dateline fixes the state: the small town of that state the city list lacks is read
    ("MOBILE, Ala. — A man was shot outside his home in Vinegar Bend on Sunday, deputies said.",
     "Vinegar Bend", ("Vinegar Bend", "Alabama")),
    # its own "Town, State" names the state
    ("A woman was hurt in a shooting in Bucks, Alabama, late on Friday, the sheriff said.",
     "Bucks", ("Bucks", "Alabama")),
    # no state known: a name that is only a post office somewhere gets no reading
    ("Shots were fired in Vinegar Bend overnight and one man was hurt, police said.",
     "Vinegar Bend", None),
    # a story abroad: a common word that is a US post office stays no US town
    ("BELFAST — A bomb hidden in a Rover parked outside a pub injured four people, police in "
     "Northern Ireland said. Friendship between the two families ended that night.", "Rover", None),
]


@pytest.mark.parametrize("text,surface,expected", CASES)
def test_post_office_towns_only_inside_the_articles_state(nlp, real_gaz, text, surface, expected):
    places = _places(nlp, real_gaz, text)
    hits = [p for p in places if p.text == surface and p.candidate.country == "USA"
            and p.candidate.kind == "city"]
    if expected is None:
        assert not hits
    else:
        assert [(p.candidate.name, p.candidate.admin1) for p in hits][:1] == [expected]
        assert "places.post_office" in hits[0].rule


def test_post_offices_never_vote_for_the_country(nlp, real_gaz):
    text = ("BELFAST — A bomb hidden in a Rover parked outside a pub injured four people, police "
            "in Northern Ireland said. Friendship between the two families ended that night.")
    assert all(p.candidate.country != "USA" for p in _places(nlp, real_gaz, text))
