"""Places stage, US news cues (session 4): local phone numbers' area codes, AP state forms in
capitalised datelines (and, session 5, the dotted "D.C." and a dateline's state after a comma
with no space; a page's copyright line: no place, its station a US cue), words that are no place in US news, another state's city named bare
(AP style), two-street corners, and the title's town when the body has only streets. Sentences
written for the test, read against the real gazetteer."""
import pytest

from warwire.model import Article
from warwire.stages.parse import parse_article
from warwire.stages.place_cues import cues
from warwire.stages.places import _country_prior, choose_event_location, find_places


def _event_place(nlp, gaz, text, title=None):
    parsed = parse_article(Article("t", text, title), nlp)
    places = find_places(parsed, gaz)
    return places, choose_event_location(places, parsed, set(range(len(parsed.sentences))))


# (title, text, expected name or None, admin1, country)
CASES = [
    # a police department's acronym only one city uses names the city of a bare street
    (None, "A second man has died after a triple shooting Sunday night on the east side, IMPD "
     "said. Officers were called to the 3400 block of East 34th Street.", "Indianapolis", "Indiana", "USA"),
    (None, "A teen was killed and two men were wounded in a shooting in the Shawnee neighborhood "
     "on Monday, LMPD said.", "Louisville", "Kentucky", "USA"),
    # a local phone number's area code names the state of a same-name town
    (None, "A man was shot outside a corner store in Springfield on Friday night. Anyone with "
     "information is asked to call detectives at (217) 555-0148.", "Springfield", "Illinois", "USA"),
    (None, "A man was shot outside a corner store in Springfield on Friday night. Anyone with "
     "information is asked to call detectives at 417-555-0148.", "Springfield", "Missouri", "USA"),
    (None, "A woman was wounded in a shooting at an apartment in Greenville late Tuesday. Tips "
     "can be left with Crime Stoppers at 864-555-0199.", "Greenville", "South Carolina", "USA"),
    # AP state forms as a capitalised dateline writes them, with or without the point
    (None, "LAWRENCE, KAN. — A teenager was shot in the arm at a party early Sunday, police said.",
     "Lawrence", "Kansas", "USA"),
    (None, "BIRMINGHAM, Ala (WXYZ) — A child was hurt when a gun went off inside a car Monday.",
     "Birmingham", "Alabama", "USA"),
    # another state's city named bare in a story with a known city is a part of that city
    (None, "CHICAGO — A shooting in Austin wounded three men Saturday night, police said. The "
     "men were standing outside a house when a car pulled up.", "Chicago", "Illinois", "USA"),
    # ... but an AP standalone city keeps its own reading
    (None, "CHICAGO — Two men were charged Friday in a shooting in Houston that killed a store "
     "clerk last month, prosecutors said.", "Houston", "Texas", "USA"),
    # a page label that opens a line like a dateline is no dateline; the real one follows
    (None, "Posted: Mar 3, 2015 - 8:10 AM\n\nCLAY COUNTY, Mo. - Deputies in Clay County are "
     "looking into a shooting that left a man hurt on Tuesday.", None, "Missouri", "USA"),
    # the dotted AP form of the District of Columbia names it, in the text or before "police"
    (None, "A man was shot near a bus stop in Northeast D.C. on Sunday, police said.", None,
     "District of Columbia", "USA"),
    (None, "D.C. police said two teenagers were wounded on a basketball court late Friday.", None,
     "District of Columbia", "USA"),
    # a zero-width space a web page leaves before the dateline hides no dateline
    (None, "Photo: Channel 8\n\n\u200bNEW ORLEANS -- Police are looking for a gunman who wounded "
     "two men outside a bar late Friday.", "New Orleans", "Louisiana", "USA"),
    # the title's town when the body names only streets of an unknown town in a known state
    ("Man wounded in Tulsa shooting", "A man was shot in the 2100 block of East Pine Street on "
     "Monday, police said. Call 918-555-0112 with tips.", "Tulsa", "Oklahoma", "USA"),
    # ... or only a county: the title's town inside the county's state
    ("Boy, 12, hurt in Norristown shooting", "Montgomery County detectives said a 12-year-old boy "
     "was shot in the arm in Montgomery County on Friday. Call 610-555-0100 with tips.",
     "Norristown", "Pennsylvania", "USA"),
    # a place name that begins another name ("near Jordan Park") is no place of the incident
    (None, "BOISE — Two people were hurt in a shooting over the weekend near Jordan Park on the "
     "city's east side, Boise police said Monday.", "Boise", "Idaho", "USA"),
]


@pytest.mark.parametrize("title,text,name,admin1,country", CASES)
def test_us_news_cues(nlp, real_gaz, title, text, name, admin1, country):
    _, place = _event_place(nlp, real_gaz, text, title)
    assert place is not None
    c = place.candidate
    assert (c.country, c.admin1) == (country, admin1), place
    if name is not None:
        assert c.name == name, place


def test_a_dateline_whose_state_follows_the_comma_without_a_space(nlp, real_gaz):
    places, place = _event_place(nlp, real_gaz, "GREENVILLE,Miss. — A man was shot outside a "
                                 "restaurant on Sunday night, police said.")
    dl = [p for p in places if p.role == "dateline"]
    assert dl and dl[0].candidate.admin1 == "Mississippi"
    assert place is not None and place.candidate.admin1 == "Mississippi"


@pytest.mark.parametrize("text, word", [
    ("Metro police said a man was shot on Elm Street on Sunday.", "Metro"),
    ("DATE: May 3, 2016\n\nA man was shot on Elm Street on Sunday, police said.", "DATE"),
    ("A man was shot in his car on the city's Northwest Side on Sunday, police said.", "Side"),
    ("The Metropolitan Police Department released photos of a car seen near the shooting.",
     "Police"),
    ("The boy died on Tuesday at University Hospital from a gunshot wound, deputies said.",
     "University"),
    # the given name of a person named in full, alone again with no place cue
    ("Family members said Orlando Reyes, 22, died at the scene in Tulsa. Orlando had just "
     "finished a shift at work.", "Orlando"),
    ("Relatives said Dallas Greene, 30, was wounded in Tulsa on Friday. Witnesses said Dallas "
     "ran toward the car before the shots.", "Dallas"),
    # a corner of two streets and one plural street word: neither name is a town
    ("Two men were wounded near Denver and Troost avenues late Sunday, police said.", "Denver"),
    # an acronym in capitals names no state (only the dotted AP form "D.C." does)
    ("DC police said two teenagers were wounded on a basketball court late Friday.", "DC"),
])
def test_words_that_are_no_place_in_us_news(nlp, real_gaz, text, word):
    places, _ = _event_place(nlp, real_gaz, text)
    assert not [p for p in places if word in p.text and "places.street" not in p.rule]


def test_a_town_by_the_very_name_written_beats_a_larger_alternate_reading(nlp):
    from warwire.gazetteer.memory import MemoryGazetteer
    from warwire.model import PlaceCandidate as C

    gaz = MemoryGazetteer([
        (C("Belmira", "BRA", "Parana", None, -25.0, -50.0, 1, "city", 300_000), ["Belmire"]),
        (C("Belmire", "USA", "Ohio", None, 40.0, -83.0, 2, "city", 20_000), []),
    ])
    _, place = _event_place(nlp, gaz, "A man was shot in Belmire on Sunday afternoon.")
    assert place is not None and place.candidate.name == "Belmire"


# a name repeated is one piece of evidence: its repetitions do not vote for the reading its
# prior favours against the county that places it (invented names)
REPEATED = ("A man was shot in Dunmore on Sunday. Dunmore police said he was hit in the leg. "
            "Dunmore officers found the gun. The Ashby County coroner was called to Dunmore.")


def test_a_repeated_name_does_not_vote_for_its_own_reading(nlp):
    from warwire.gazetteer.memory import MemoryGazetteer
    from warwire.model import PlaceCandidate as C

    gaz = MemoryGazetteer([
        (C("Dunmore", "USA", "Ohio", None, 40.0, -83.0, 1, "city", 90_000), []),
        (C("Dunmore", "USA", "Iowa", None, 42.0, -93.0, 2, "city", 12_000), []),
        (C("Ashby County", "USA", "Iowa", "Ashby County", None, None, None, "admin2", 30_000), []),
    ])
    _, place = _event_place(nlp, gaz, REPEATED)
    assert place is not None and (place.candidate.name, place.candidate.admin1) == (
        "Dunmore", "Iowa"), place


def test_a_repetition_with_its_state_still_places_the_bare_ones(nlp):
    from warwire.gazetteer.memory import MemoryGazetteer
    from warwire.model import PlaceCandidate as C

    gaz = MemoryGazetteer([
        (C("Ashby County", "USA", "Ohio", "Ashby County", None, None, None, "admin2", 90_000), []),
        (C("Ashby County", "USA", "Iowa", "Ashby County", None, None, None, "admin2", 20_000), []),
        (C("Iowa", "USA", "Iowa", None, 42.0, -93.5, None, "admin1", 3_000_000), []),
        (C("Ohio", "USA", "Ohio", None, 40.3, -82.8, None, "admin1", 11_000_000), []),
    ])
    text = ("A teen died after a shooting in Ashby County, Iowa, on Monday. Ashby County deputies "
            "said the gun went off by accident. The Ashby County sheriff said no charges are planned.")
    places, place = _event_place(nlp, gaz, text)
    assert place is not None and place.candidate.admin1 == "Iowa", place
    assert {p.candidate.admin1 for p in places if p.text == "Ashby County"} == {"Iowa"}


@pytest.mark.parametrize("footer", [
    "Copyright 2019 WQRT (Salem Broadcasting Corporation). All rights reserved.",
    "\u00a9 2019 Salem Media",
    "(c) 2018 Lakewood Press Group. All rights reserved.",
])
def test_a_copyright_line_names_no_place(nlp, real_gaz, footer):
    text = "A woman was shot in her car on Elm Street on Sunday, police said.\n\n" + footer
    places, _ = _event_place(nlp, real_gaz, text)
    assert not [p for p in places if p.start >= text.index(footer)]


def test_a_station_call_sign_in_the_copyright_line_is_a_us_cue(nlp):
    body = "Two men were wounded outside a bar late Friday, police said."
    bare = parse_article(Article("t", body), nlp)
    signed = parse_article(Article("t", body + "\n\nCopyright 2018 WKXT. All rights reserved."), nlp)
    assert _country_prior(signed, cues())["USA"] > _country_prior(bare, cues())["USA"]
