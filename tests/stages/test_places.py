"""Places stage: spans, readings, roles, precision, and the event's location."""
import datetime as dt

import pytest

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
    text = ("HOUSTON -- Police said a man was shot on the 3800 block of Springfield Avenue "
            "early Friday.")
    parsed, places = run(nlp, gaz, text)
    assert "Police" not in {p.text for p in places}
    street = [p for p in places if "Avenue" in p.text]
    assert street and street[0].candidate.name == "Houston" and street[0].precision == 1
    assert street[0].rule.startswith("places.street")


def test_neighbourhood_of_another_city_resolves_to_the_article_city(nlp, gaz):
    text = ("A gunman opened fire in the Austin neighborhood on Sunday, wounding six people, "
            "Chicago police said.")
    parsed, places = run(nlp, gaz, text)
    loc = choose_event_location(places, parsed, {0})
    assert loc is not None and loc.candidate.name == "Chicago"


def test_speaker_only_gives_country_without_coordinates(nlp, gaz):
    # officials in the national capital speak for the country (a provincial town's speakers
    # give their province: test_places_conflict, places.speaker_province)
    text = "Two soldiers were killed, officials in Baku said."
    parsed, places = run(nlp, gaz, text)
    loc = choose_event_location(places, parsed, {0})
    assert loc is not None and loc.precision == 3 and loc.candidate.lat is None
    assert loc.candidate.country == "AZE"


def test_no_places(nlp, gaz):
    parsed, places = run(nlp, gaz, "Nothing happened here at all.")
    assert places == [] and choose_event_location(places, parsed, {0}) is None



# --------------------------------------------------------------------------------------------
# Conflict reports in coder-summary style, against the real default gazetteer: country and
# admin1 exact, the point within KM of the real place (places missing from the gazetteer fall
# back to their district or province, which may be farther: those rows have a wider tolerance).
# --------------------------------------------------------------------------------------------
CONFLICT = [
    ('Three civilians were killed when a mortar shell hit a house in Kafr Nabl village, Maarrat al-Numan district, Idlib governorate.', 'SYR', 'Idlib', 35.61, 36.56),
    ('Syrian government forces shelled the town of Saraqib in Idlib province, killing two people.', 'SYR', 'Idlib', 35.86, 36.8),
    ('An airstrike on Douma in Eastern Ghouta killed seven civilians, the Syrian Observatory said.', 'SYR', 'Rif Dimashq', 33.57, 36.4),
    ('Clashes between the SDF and IS fighters near Hajin in Deir ez-Zor province left 12 dead.', 'SYR', 'Deir ez-Zor', 34.69, 40.83),
    ('A car bomb exploded in Azaz, north of Aleppo, killing at least five people.', 'SYR', 'Aleppo', 36.59, 37.05),
    ('Regime helicopters dropped barrel bombs on Kafr Zita in northern Hama countryside, killing a child.', 'SYR', 'Hama', 35.37, 36.6),
    ('Two fighters were killed in clashes in Tafas, Daraa governorate.', 'SYR', 'Daraa', 32.74, 36.07),
    ('A suicide bomber killed 14 people at a market in Tal Abyad, Raqqa province.', 'SYR', 'Raqqa', 36.7, 38.95),
    ('Gunmen killed a police officer in Quetta, Balochistan, on Tuesday.', 'PAK', 'Balochistan', 30.19, 67.01),
    ('Militants attacked a checkpoint in Miran Shah, North Waziristan, killing four soldiers.', 'PAK', 'Khyber Pakhtunkhwa', 33.0, 70.07),
    # the province after a district designator picks the namesake inside it, and "government
    # troops clashed in X ... sources said" is where they clashed, not where sources spoke
    ('Rebels and pro-government troops clashed in Hays district, Hodeidah, on 7 August 2020, medical sources said.', 'YEM', 'Al Hudaydah', 13.93, 43.48),
    ('A bomb blast in Peshawar killed nine people, police said.', 'PAK', 'Khyber Pakhtunkhwa', 34.01, 71.58),
    ('Unknown gunmen shot dead two traders in Turbat, Kech district, Balochistan province.', 'PAK', 'Balochistan', 26.0, 63.04),
    ("Rangers killed three suspected militants in an encounter in Karachi's Lyari area.", 'PAK', 'Sindh', 24.86, 67.01),
    ('A Taliban attack on a police post in Lashkar Gah, Helmand province, killed five policemen.', 'AFG', 'Helmand', 31.59, 64.37),
    ('Taliban fighters stormed Ghazni city, killing dozens of soldiers.', 'AFG', 'Ghazni', 33.55, 68.42),
    ('An IED killed three civilians in Spin Boldak district of Kandahar province.', 'AFG', 'Kandahar', 31.0, 66.4),
    ('Afghan forces clashed with the Taliban in Kunduz, leaving 20 insurgents dead.', 'AFG', 'Kunduz', 36.73, 68.86),
    ('A suicide attack in Jalalabad, Nangarhar, killed 11 people.', 'AFG', 'Nangarhar', 34.43, 70.45),
    ('Boko Haram fighters killed 30 villagers in Gwoza, Borno State.', 'NGA', 'Borno', 11.08, 13.69),
    ('Bandits killed 12 people in Maru, Zamfara State, police said.', 'NGA', 'Zamfara', 12.33, 6.4),
    ('Gunmen attacked a church in Owo, Ondo State, killing at least 40 worshippers.', 'NGA', 'Ondo', 7.2, 5.59),
    ('Herders killed 17 farmers in Guma local government area of Benue State.', 'NGA', 'Benue', 7.98, 8.6),
    ('A suicide bomber killed five people in Maiduguri, the Borno state capital.', 'NGA', 'Borno', 11.85, 13.16),
    ('Al-Shabaab militants attacked a military base in Baidoa, killing six soldiers.', 'SOM', 'Bay', 3.11, 43.65),
    ('A car bomb in Mogadishu killed 20 people near a hotel.', 'SOM', 'Banadir', 2.04, 45.34),
    ('Fighting between clan militias in Galkayo, Mudug region, killed four.', 'SOM', 'Mudug', 6.77, 47.43),
    ('Al-Shabaab fighters ambushed troops near Afgoye in Lower Shabelle region.', 'SOM', 'Lower Shabelle', 2.14, 45.12),
    ('An airstrike hit al-Shabaab positions near Kismayo, killing 13 militants.', 'SOM', 'Lower Juba', -0.36, 42.55),
    ('Jihadists attacked an army post in Boulkessi, Mopti region, killing 25 soldiers.', 'MLI', 'Mopti', 14.52, -1.63),
    ('Gunmen killed 11 civilians in the village of Ogossagou near Bankass in central Mali.', 'MLI', 'Mopti', 14.08, -3.52),
    ('A landmine killed three peacekeepers near Kidal in northern Mali.', 'MLI', 'Kidal', 18.44, 1.41),
    ('Two Malian soldiers were killed in an ambush near Gao.', 'MLI', 'Gao', 16.27, -0.04),
    ('Saudi-led coalition airstrikes hit a market in Saada, killing 14 civilians.', 'YEM', 'Saada', 16.94, 43.76),
    ('Houthi shelling killed four children in Taiz city.', 'YEM', 'Taiz', 13.58, 44.02),
    ('Fighting in Marib governorate left 30 Houthi fighters dead.', 'YEM', 'Marib', 15.46, 45.32),
    ('A drone strike killed three suspected AQAP members in Shabwa province.', 'YEM', 'Shabwah', 14.53, 46.83),
    ('A roadside bomb killed five soldiers near Tikrit, Salahuddin province.', 'IRQ', 'Salah al-Din', 34.61, 43.68),
    ('Islamic State militants killed six members of the security forces in Kirkuk province.', 'IRQ', 'Kirkuk', 35.47, 44.39),
    ("A suicide bombing at a market in Baghdad's Sadr City killed 35 people.", 'IRQ', 'Baghdad', 33.34, 44.4),
    ('Iraqi forces clashed with IS fighters west of Mosul, Nineveh province, killing 17.', 'IRQ', 'Ninewa', 36.34, 43.13),
    ('Armenian forces shelled Azerbaijani positions in Kalbajar district, killing two soldiers.', 'AZE', None, 40.1, 46.04),
    ('Maoist rebels killed 22 security personnel in Sukma district, Chhattisgarh.', 'IND', 'Chhattisgarh', 18.39, 81.66),
]
WIDE = {"Guma local government", "Boulkessi"}  # not in cities500: province centroid only
KM = 50


@pytest.mark.parametrize("text,country,admin1,lat,lon", CONFLICT)
def test_conflict_summaries(nlp, real_gaz, text, country, admin1, lat, lon):
    from warwire.evaluation import km_between
    from warwire.gazetteer import fold

    parsed = parse_article(Article("t", text), nlp)
    place = choose_event_location(find_places(parsed, real_gaz), parsed,
                                  set(range(len(parsed.sentences))))
    assert place is not None
    c = place.candidate
    assert c.country == country
    if admin1:
        assert c.admin1 and fold(c.admin1) == fold(admin1)
    tol = 300 if any(w in text for w in WIDE) else KM
    assert c.lat is not None and km_between(c.lat, c.lon, lat, lon) <= tol


US_CASES = [
    # article-level country cues pick the American namesake
    ("Birmingham police say a teen was shot and killed Tuesday in the 1700 block of 2nd Avenue "
     "South. The Jefferson County coroner identified him.", "USA", "Alabama"),
    # a county of a same-name set resolved by the city named with it
    ("A man was shot in Des Moines on Sunday. The Polk County Sheriff's Office is investigating.",
     "USA", "Iowa"),
    # "City, ST" dateline whose town is missing from the gazetteer: the state is still known
    ("Felton, MN (WDAY TV) - A shooting injured a girl in Felton, the sheriff's office said.",
     "USA", "Minnesota"),
]


@pytest.mark.parametrize("text,country,admin1", US_CASES)
def test_us_context(nlp, real_gaz, text, country, admin1):
    parsed = parse_article(Article("t", text), nlp)
    place = choose_event_location(find_places(parsed, real_gaz), parsed,
                                  set(range(len(parsed.sentences))))
    assert place is not None and place.candidate.country == country
    assert place.candidate.admin1 == admin1


def test_compass_name_is_part_of_the_article_city(nlp, real_gaz):
    text = ("A 17-year-old boy was killed in a South Austin shooting Monday night, Chicago police "
            "said. The Cook County medical examiner identified him.")
    parsed = parse_article(Article("t", text), nlp)
    place = choose_event_location(find_places(parsed, real_gaz), parsed,
                                  set(range(len(parsed.sentences))))
    assert place is not None and place.candidate.admin1 == "Illinois"


def test_junk_alternate_names_are_not_places(nlp, real_gaz):
    parsed = parse_article(Article("t", "Taliban fighters stormed the base at dawn."), nlp)
    assert [p.text for p in find_places(parsed, real_gaz)] == []


# --------------------------------------------------------------------------------------------
# Error classes fixed in session 2, one row each (sentences written for the test), against the
# real gazetteer: (title, text, expected place name or None, admin1, country, precision or None)
# --------------------------------------------------------------------------------------------
CLASSES = [
    # a state-named city in a dateline is the city, not the state
    (None, "OKLAHOMA CITY (AP) — Two men were wounded in a shooting outside a bar late Saturday.",
     "Oklahoma City", "Oklahoma", "USA", 1),
    (None, "NEW YORK — A teenager was shot in the leg on a subway platform Tuesday night.",
     "New York City", "New York", "USA", 1),
    # "City, Georgia": the state or the country, whichever holds the city
    (None, "Deputies said a man was shot at a gas station in Valdosta, Georgia, early Sunday.",
     "Valdosta", "Georgia", "USA", 1),
    (None, "Two protesters were wounded when police fired on a crowd in Kutaisi, Georgia, on Monday.",
     "Kutaisi", None, "GEO", 1),
    # "City, St." in the title picks the namesake in that state
    ("Teen wounded in Pikeville, Ky., shooting",
     "A 16-year-old was shot in Pikeville on Friday night. The sheriff's office said he was stable.",
     "Pikeville", "Kentucky", "USA", 1),
    # where the wounded were treated is not where they were hurt
    (None, "A hunter was shot in the leg near Bemidji on Saturday. He was flown to a Fargo hospital, "
     "the sheriff's office said.", "Bemidji", "Minnesota", "USA", None),
    (None, "Two soldiers were wounded in a blast in Tal Afar on Monday and taken to hospital in Mosul.",
     "Tall ‘Afar", "Ninewa", "IRQ", 1),
    # "on X" is locative; a region adjective may stand between the preposition and the place
    (None, "Jets carried out an airstrike on Ariha on Tuesday, killing four civilians, the Syrian "
     "Observatory said.",
     "Arīḩā", "Idlib", "SYR", 1),
    (None, "Three people were killed in shelling in southern Idlib on Tuesday, a monitor said.",
     None, "Idlib", "SYR", None),
    # the object of an attack verb is where it happened
    (None, "Militants stormed Bannu on Friday, killing three policemen, officials said.",
     "Bannu", "Khyber Pakhtunkhwa", "PAK", 1),
    # the head of a hyphenated local name is no place; the city it lies in, precision 2
    (None, "Two men were shot dead in Gulshan-e-Iqbal area of Karachi on Sunday, police said.",
     "Karachi", "Sindh", "PAK", 2),
    # the body names no usable place: the title's
    ("Boy shot in west Baltimore", "A boy was shot in the leg in the 1900 block of Payson Street "
     "on Monday afternoon. Detectives are investigating.", "Baltimore", "Maryland", "USA", 1),
    # the town the title names and the body repeats beats a place the suspect fled to
    ("Man killed in Carbondale shooting", "A man was killed in a shooting early Sunday, Carbondale "
     "police said. Officers found him on Walnut Street. A suspect was later arrested in Chicago, "
     "where he had fled after the killing.", "Carbondale", "Illinois", "USA", 1),
    # a street in a town the gazetteer lacks, in a known state: the state, precision 3
    (None, "A woman was shot on Magnolia Drive in Smalltownville on Sunday, the Texas Department "
     "of Public Safety said. Deputies from the county sheriff's office responded.",
     None, "Texas", "USA", 3),
    # a possessive country frames the province after it: the province, not the country
    (None, "Nine insurgents died in Afghanistan's restive southern Helmand province overnight, "
     "a spokesman said.", "Helmand", "Helmand", "AFG", None),
    (None, "An air raid hit a market in Syria's north-western Idlib province, killing five.",
     "Idlib", "Idlib", "SYR", 3),
    (None, "A suicide bomber killed eleven worshippers in Pakistan's northwestern city of "
     "Peshawar on Friday.", "Peshawar", "Khyber Pakhtunkhwa", "PAK", 1),
    (None, "Militants shot dead two soldiers in Kashmir's Kupwara district on Sunday.",
     None, "Jammu and Kashmir", "IND", None),
    (None, "In Burkina Faso's Soum province, armed men killed nine herders.",
     "Soum", "Sahel", "BFA", None),
    # "the country's" before a province keeps the locative without naming anything
    (None, "Unknown gunmen killed four traders on a road in Nigeria. The attack took place in "
     "the country's north-eastern Borno state, police said.", None, "Borno", "NGA", None),
    # a Romance street name before the city is a street of that city, not a town
    (None, "Two officers were wounded when a grenade went off in Avenida de Mayo, Buenos Aires, "
     "on Sunday.", "Buenos Aires", "Buenos Aires", "ARG", 1),
    (None, "A gunman opened fire on diners at a restaurant on Rue de la Paix, Paris, killing one, "
     "French police said.",
     "Paris", None, "FRA", 1),
    # the head word of "University of X" is no town called University
    (None, "A student was stabbed at the University of Leicester on Friday night, police said. "
     "Leicester officers arrested a man.", "Leicester", "England", "GBR", 1),
    # "shelled the village of X": the object of an attack verb behind a place noun phrase
    (None, "Artillery shelled the village of Kafr Zayta in northern Syria, killing a child.",
     "Kafr Zaytā", "Hama", "SYR", 1),
    (None, "Aircraft bombed the opposition-held town of Khan Shaykhun on Tuesday, killing nine.",
     "Khān Shaykhūn", "Idlib", "SYR", 1),
    # "the village of <a country's name>" is an unknown village, the framing country wins
    (None, "Troops stormed the village of Qatar in eastern Syria, killing four fighters.",
     "Syria", None, "SYR", 3),
    # "killed four police officers in X ... an official said": the officers are victims, X is
    # where they died, not where a source spoke
    (None, "KABUL, Afghanistan (AP) — A roadside bomb killed three police officers in Ghazni "
     "province on Monday, a provincial spokesman said.", "Ghazni", "Ghazni", "AFG", 3),
    # "in the Sudanese capital Khartoum": an appositive town noun keeps the locative
    (None, "Shelling in the Sudanese capital Khartoum killed at least 20 civilians on Sunday.",
     "Khartoum", "Khartoum", "SDN", 1),
    # a country named "near"/"close to the border with" frames nothing: the town stays
    (None, "Drones struck a truck near Qamishli, close to the border with Turkey, killing two "
     "fighters.", "Al Qāmishlī", "Hasakah", "SYR", None),
    # a demonym used as an adjective is its country, not a province of that name; "the
    # Somali capital" is that country's capital city (session 3)
    (None, "A car bomb went off near a hotel in the Somali capital, killing six guests.",
     "Mogadishu", "Banadir", "SOM", 1),
    (None, "Somali troops clashed with militants in a village, killing six guests.",
     "Somalia", None, "SOM", 3),
    # a country glued to "-backed/-led" names a side; the story's much-named capital wins
    (None, "Two guards were killed in the United States-backed offensive near the capital, "
     "officials in Caracas said. The U.S. denied any part in it. Caracas was tense. Venezuela's "
     "president spoke in Caracas.", "Caracas", None, "VEN", None),
]


@pytest.mark.parametrize("title,text,name,admin1,country,precision", CLASSES)
def test_session2_classes(nlp, real_gaz, title, text, name, admin1, country, precision):
    parsed = parse_article(Article("t", text, title), nlp)
    place = choose_event_location(find_places(parsed, real_gaz), parsed,
                                  set(range(len(parsed.sentences))))
    assert place is not None
    c = place.candidate
    assert (c.country, c.admin1) == (country, admin1), place
    if name is not None:
        assert c.name == name, place
    if precision is not None:
        assert place.precision == precision, place


def test_care_role_and_hospital_city_not_chosen(nlp, real_gaz):
    text = "Two soldiers were wounded in a blast in Tal Afar on Monday and taken to hospital in Mosul."
    parsed = parse_article(Article("t", text), nlp)
    roles = {p.text: p.role for p in find_places(parsed, real_gaz)}
    assert roles == {"Tal Afar": "incident", "Mosul": "care"}


def test_person_after_kill_verb_is_not_an_incident_place(nlp, real_gaz):
    text = "The suspect shot Victoria in the arm on Sunday, deputies in Polk County said."
    parsed = parse_article(Article("t", text), nlp)
    assert all(p.role != "incident" or p.text != "Victoria" for p in find_places(parsed, real_gaz))


@pytest.mark.parametrize("text, dropped", [
    ("A man was wounded in a shooting at Cedar Manor on Friday night, Tulsa police said.", "Manor"),
])
def test_small_town_inside_a_longer_unknown_name_is_no_place(nlp, real_gaz, text, dropped):
    parsed = parse_article(Article("t", text), nlp)
    places = find_places(parsed, real_gaz)
    assert dropped not in {p.text for p in places}
    place = choose_event_location(places, parsed, {0})
    assert place is not None and place.candidate.admin1 == "Oklahoma"


# A village the gazetteer knows only as a namesake abroad, in a sentence that names the country
# the event happened in: the country wins (the event never lands abroad).
@pytest.mark.parametrize("text, country", [
    ("Army artillery pounded the village of Bagram in northern Syria on Sunday, killing three "
     "farmers, activists said.", "SYR"),
    ("Rebels shelled the hamlet of Kandahar in eastern Syria, wounding two children.", "SYR"),
    ("On Friday, in Bagram, a suicide bomber killed six soldiers at a checkpoint. Afghanistan's "
     "defence ministry said the attack happened in Parwan. Afghanistan has seen many attacks.",
     "AFG"),
])
def test_namesake_abroad_yields_to_the_framing_country(nlp, real_gaz, text, country):
    parsed = parse_article(Article("t", text), nlp)
    place = choose_event_location(find_places(parsed, real_gaz), parsed,
                                  set(range(len(parsed.sentences))))
    assert place is not None and place.candidate.country == country, place


@pytest.mark.parametrize("text, word", [
    ("Two guards were shot at the University of Nairobi on Monday.", "University"),
    ("A runner collapsed at the Chicago Marathon and died, officials said.", "Marathon"),
])
def test_a_word_of_a_longer_proper_name_is_no_place(nlp, real_gaz, text, word):
    _, places = run(nlp, real_gaz, text)
    assert word not in {p.text for p in places}


@pytest.mark.parametrize("text, name", [
    ("Two civilians were killed in the Turkey-backed offensive on Sunday.", "Turkey"),
    ("Rebels died in clashes in the Iran-allied militia's stronghold.", "Iran"),
    ("Two rockets landed near the U.S. embassy on Tuesday, wounding a guard.", "U.S."),
])
def test_a_place_as_a_hyphenated_adjective_is_no_location(nlp, real_gaz, text, name):
    _, places = run(nlp, real_gaz, text)
    got = {p.text: p.role for p in places}
    assert got.get(name, "mention") == "mention", got
