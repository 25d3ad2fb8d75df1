"""Event assembly: buckets, background events, implied zeros, other incidents, salience order
(runs the whole pipeline once per case; the model and gazetteer load once per session)."""
from __future__ import annotations

import datetime as dt

import pytest

from warwire.api import analyze_article
from warwire.model import Article, Event
from warwire.stages import assemble


def _events(text: str) -> list[Event]:
    article = Article("t", text, published=dt.datetime(2024, 5, 7))
    return analyze_article(article).events


def _main(text: str) -> Event:
    events = _events(text)
    assert events and not events[0].historical
    return events[0]


# (text, fatalities.best, injured.best of the main event)
TOTALS = [
    # tolls from a hospital and a doctors' group named after countries are one count, revised
    ("Shelling of a camp killed 17 people on Wednesday, a local committee said. The Sudan Doctors "
     "Network later put the toll at 23. On Thursday a medical source at the Saudi Hospital said "
     "three of the wounded had died, raising the death toll to 26.", 26, 0),
    # a second bomber stopped leaves the first one's death as told
    ("A female suicide bomber detonated explosives at a market on Saturday, killing nine people. A "
     "second suspected bomber was arrested before she could detonate her device.", 10, 0),
    ("A man was shot and killed Friday night in Dayton, police said.", 1, 0),
    ("Two rockets hit a base near Erbil on Monday. No one was hurt, officials said.", 0, 0),
    ("A man died and four others were wounded in a shooting on Sunday.", 1, 4),
    ("Four people were shot, one fatally, on Saturday.", 1, 3),
    ("A 15-year-old was shot in the leg on Monday. He is expected to survive.", 0, 1),
    # another incident told in the same article stays out of the main event
    ("A man was shot and killed on Main Street on Sunday. In a separate shooting, "
     "three people were wounded.", 1, 0),
    # coders' summaries open another incident with "Separately," or "On the same day, in X,"
    ("On 3 May, rebels ambushed an army patrol near the river crossing, killing four soldiers. "
     "On the same day, in a market town to the south, a trader was shot dead.", 4, 0),
    ("Troops killed six militants in a raid on Monday. Separately, two farmers were wounded "
     "by a landmine.", 6, 0),
    ("Gunmen killed two guards at a mine on Friday. In another attack, bandits shot dead a "
     "village chief.", 2, 0),
    # a party's claim of what it inflicted gives way to a neutral source's figure; alone it stands
    ("Officials said two soldiers died in the ambush on Friday; the militants claimed to have "
     "killed 20.", 2, 0),
    ("The rebel group said its fighters killed 35 soldiers in the raid on the base. The defence "
     "ministry said six soldiers died.", 6, 0),
    ("The army said it killed 30 militants in the raid on Sunday.", 30, 0),
    ("A rebel group claimed responsibility for the bombing, which killed 14 people on Monday.", 14, 0),
    # a protest story's figures are the protest's, not a separate violent event
    ("Police fired tear gas to disperse hundreds of protesters in Nairobi on Wednesday. "
     "No injuries were reported.", 0, 0),
]


@pytest.mark.parametrize("text,killed,injured", TOTALS)
def test_main_event_totals(text: str, killed: int, injured: int) -> None:
    ev = _main(text)
    assert (ev.fatalities.best, ev.injured.best) == (killed, injured)


def test_recalled_war_is_a_background_event() -> None:
    text = ("Two farmers were killed when a landmine exploded in a paddy field near Kilinochchi on "
            "Monday, police said. The civil war, which ended in May 2009, killed at least 100,000 "
            "people, according to United Nations estimates.")
    events = _events(text)
    assert events[0].fatalities.best == 2 and not events[0].historical
    past = [e for e in events if e.historical]
    assert past and past[0].fatalities.low == 100000
    assert past[0].casualties == [] and past[0].fatalities.evidence  # totals with evidence, no rows


def test_sports_report_has_no_event() -> None:
    text = ("Uganda took the lead in the 23rd minute when their captain shot low past the goalkeeper "
            "after a quick counter-attack. The substitute fired a shot into the top corner after "
            "half-time. \"The boys killed it in the second half,\" the coach said after the tournament.")
    assert _events(text) == []


def test_fighters_of_a_named_group_are_that_group() -> None:
    """A named armed group's fighters killed are that group's losses, not the army's."""
    ev = _main("Troops of the national army clashed with al-Shabaab on Monday. Officials said four "
               "soldiers and six al-Shabaab fighters were killed in the fighting.")
    actors = {c.actor: c.best for c in ev.casualties if c.category == "killed"}
    assert actors.get("Al Shabaab") == 6, actors


def test_people_group_is_named_civilians() -> None:
    assert assemble.VICTIM_TYPES_OF_KIND["people"] == ("civilians",)
    ev = _main("Police officers said a woman was shot and killed on Sunday.")
    killed = [c for c in ev.casualties if c.category == "killed"]
    assert killed and killed[0].actor != "Police Forces"


def test_an_implied_zero_shows_the_figures_it_was_implied_from() -> None:
    text = "A 15-year-old was shot in the leg on Monday in Dayton. He is expected to survive."
    ev = _main(text)
    assert ev.fatalities.best == 0 and ev.injured.best == 1
    assert ev.fatalities.evidence, "a 0 without evidence cannot be defended"
    assert {e.rule for e in ev.fatalities.evidence} == {"assemble.implied_zero"}
    assert [(e.start, e.end) for e in ev.fatalities.evidence] == \
        [(e.start, e.end) for e in ev.injured.evidence]


def test_a_said_zero_keeps_its_own_evidence() -> None:
    ev = _main("Two rockets hit a base near Erbil on Monday. No one was hurt, officials said.")
    assert ev.injured.best == 0
    assert all(e.rule != "assemble.implied_zero" for e in ev.injured.evidence)


# Several suicide attackers who died in their attack are among the dead (perpetrators counted).
@pytest.mark.parametrize("text,killed", [
    ("Two suicide bombers blew themselves up at a bus station in the city on Monday, killing 9 people.", 11),
    ("A suicide bomber blew himself up at a bus station in the city on Monday, killing 9 people.", 10),
])
def test_suicide_attackers_counted(text: str, killed: int) -> None:
    ev = _main(text)
    assert ev.fatalities.best == killed


def test_another_incidents_sentence_gives_the_event_no_place() -> None:
    # the second sentence's town is another incident's, not the event's
    ev = _main("On 5 March, militiamen attacked an army position in an invented hamlet of "
               "South Kivu, killing three soldiers. On the same day, in Uvira, a motorcycle "
               "taxi driver was shot dead by unidentified men.")
    assert ev.fatalities.best == 3
    assert ev.location.admin1 == "South Kivu" and ev.location.name != "Uvira"


def test_a_partisan_claim_is_kept_as_a_claim_and_sets_the_high() -> None:
    ev = _main("Officials said two soldiers died in the ambush on Friday; the militants claimed "
               "to have killed 20.")
    assert (ev.fatalities.low, ev.fatalities.best, ev.fatalities.high) == (2, 2, 20)
    sources = {c.source: c.low for cas in ev.casualties for c in cas.claims}
    assert sources == {"Officials": 2, "the militants": 20}


def _undated_main(text: str) -> Event:
    events = analyze_article(Article("t", text)).events
    assert events and not events[0].historical
    return events[0]


# Reports with no publication date (coders' notes, pasted wire copy): a later sentence dated
# before the day the lead tells recalls another incident (assemble.earlier_than_lead); its
# figures stay out of the main event.
@pytest.mark.parametrize("text,killed", [
    ("Rebels killed four villagers in an overnight raid on a farming settlement, police said on "
     "Thursday. In March 2022, the same group killed 31 people in a nearby market town.", 4),
    ("Militants killed three herders near the river on Saturday night. Last week the group "
     "killed about 25 people in a neighbouring district.", 3),
    # "N weeks after" an incident, in a clause hanging on the attack told (triggers.yaml)
    ("Gunmen killed nine villagers in a raid on Tuesday. The attack came barely three weeks "
     "after 40 people were killed in raids on nearby hamlets.", 9),
    # a date that is only a point of comparison dates nothing
    ("A bomb killed seven people at a bus stop on Friday, the deadliest attack since May 2021.", 7),
    # a toll that counts the attacker holds the attacker's own death told beside it
    ("A suicide bomber blew herself up at a fish market on Saturday, killing 14 people, "
     "including herself.", 14),
    ("A suicide bomber blew himself up at a checkpoint on Monday, killing 12 people, including "
     "the bomber.", 12),
    # "also" with a victim of another kind than the count before: one more
    ("Troops killed five insurgents in a raid on Monday. A boy was also killed in the crossfire.", 6),
    ("Four National Police Reservists were killed when their truck hit a mine on Monday.", 4),
    # coders' notes and monthly digests
    # a labelled total is the event's total, not one more group
    ("On 22 April 2023, militants ambushed an army convoy near an invented hamlet. Six soldiers "
     "were killed, three wounded and two reported missing. Fatalities: 6.", 6),
    # a toll told with its noun, and one the parser hung on another clause
    ("A car bomb struck a vegetable market on Monday. The death toll has since risen to nine "
     "people, including two children.", 9),
    ("At least seven worshippers were killed in a blast inside a mosque on Friday. Later, an "
     "official told reporters that the death toll had reached eleven and the wounded were being "
     "treated at the provincial hospital.", 11),
    # a figure told as what a source had first said gives way
    ("Seven people were killed in the blast on Friday, officials said. Local media had initially "
     "reported twelve deaths.", 7),
    # more bodies found "bringing the toll to 22": the toll holds them
    ("Rebels raided a village overnight Monday, killing at least 18 people. Officials later said "
     "the bodies of four more victims had been found, bringing the toll to 22.", 22),
    # "The toll includes the two bombers": their deaths are inside the figure
    ("Two female suicide bombers blew themselves up in a crowded market on Friday, killing 11 "
     "people. The toll includes the two bombers.", 11),
    # a digest's later clause with a day of its own is another incident
    ("In the north, militants 3 Jan killed 12 fishermen near a lake town; 9 Jan ambushed an army "
     "convoy, killing four soldiers; 21 Jan overran a base, leaving an unknown number dead.", 12),
    # the lead's own attack, told by an indefinite article after a dateline, is no other attack
    ("BANGKOK (Reuters) - A military air strike on a market in a rebel-held town killed 11 "
     "civilians and wounded 14, a spokesperson for the group said on Friday.", 11),
    # a dateline's country the parser hangs inside the lead's subject; a force named before its man
    ("MOGADISHU, Somalia - A National Army commander and four of his bodyguards were killed on "
     "Tuesday when militants ambushed their convoy outside the town, military officials said.", 5),
    # a victim named by a demonym is of that country, not of the side that told of him
    ("A Palestinian man was shot dead by settlers in the village on Friday, the health ministry "
     "said. The Israeli military said it was looking into reports that a Palestinian had been "
     "killed.", 1),
])
def test_undated_report_totals(text: str, killed: int) -> None:
    assert _undated_main(text).fatalities.best == killed


def test_weeks_after_a_shooting_a_victim_dies_is_the_same_incident() -> None:
    ev = _main("A week after four people were shot at a party, one of the victims died, police "
               "said Tuesday.")
    assert (ev.fatalities.best, ev.injured.best) == (1, 3)


def test_another_victim_of_the_same_kind_restates_the_count() -> None:
    ev = _main("Three people were shot on Main Street on Sunday. Another man was also hit.")
    assert ev.injured.best == 3


# Published reports. "another" as a victim of its own: one more person, of the kind told beside it
@pytest.mark.parametrize("text,killed,injured", [
    ("Gunmen killed a shopkeeper and wounded another on Tuesday.", 1, 1),
    ("Fighters killed two guards and critically injured another in an ambush on Tuesday.", 2, 1),
    ("Four soldiers were killed in the blast on Monday. Three soldiers died on the spot while "
     "another succumbed on the way to hospital.", 4, 0),
    # the wounded told as survivors are none of the dead
    ("Raiders killed at least 18 villagers in an overnight attack on Friday. Five survivors with "
     "machete wounds were admitted to hospital.", 18, 5),
    # a non-restrictive "who were taken to hospital" tells no harm of its own
    ("The gunmen opened fire on Monday, killing a passenger and wounding the driver and two other "
     "passengers, who were taken to the district hospital.", 1, 3),
    # a restrictive clause of the second conjunct is its own: "carjacked" is no hit
    ("A teenager who was shot on Friday and a man who was carjacked were both due to testify.", 0, 1),
    # US local news (published Tuesday 7 May 2024)
    # a time parsed as the object of the joined verb: "shot and killed Saturday evening"
    ("Two men were shot and killed Saturday evening in a parking lot, police said Monday.", 2, 0),
    # a later sentence opening on an earlier weekday of the week tells another shooting
    # (Wednesday: four days before the lead's Sunday, the last Wednesday before publication)
    ("A man was shot and killed late Sunday at an apartment complex, police said. On Wednesday "
     "night, two men were wounded in a shooting at a gas station.", 1, 0),
    ("A man was found shot to death Sunday night on the west side. Hours earlier Sunday, two men "
     "were wounded in a shooting across town.", 1, 0),
    # a murder-suicide: the victim told by name and "his girlfriend" is not the shooter
    ("A man shot and killed his girlfriend Monday evening before turning the gun on himself, "
     "police said. Officers found Jane Doe dead in the kitchen. The shooter, John Roe, was found "
     "dead in the yard.", 2, 0),
])
def test_published_report_totals(text: str, killed: int, injured: int) -> None:
    ev = _main(text)
    assert (ev.fatalities.best, ev.injured.best) == (killed, injured)


@pytest.mark.parametrize("text,killed,injured", [
    # two of the wounded dying are two of the six dead, the other wounded the rest of the nine
    ("A bomb hit a gathering of mourners in the town on Tuesday night, killing four people and "
     "wounding nine others, a source said. The source later said two of the wounded had "
     "succumbed to their injuries, raising the death toll to six.", 6, 7),
    # "The figure includes the bomber" in another sentence than the toll
    ("At least six people were killed and 11 others injured when a suicide bomber blew himself up "
     "at a camp on Monday. The figure includes the bomber, a police commander said.", 6, 11),
    # a later sentence told "earlier this week" in an undated report recalls another attack
    ("Militants beheaded four men in a village near the river on Thursday, residents said. "
     "Earlier this week, three soldiers were killed in a mortar attack on a base.", 4, 0),
    # a number on the demonym before the noun counted ("Six Nigerien soldiers")
    ("NIAMEY (AFP) - Six Nigerien soldiers were killed and 14 wounded in an ambush near the "
     "border, the defence ministry said.", 6, 14),
    # the counted object of "killed" taken by the parser for the subject of "said"
    ("A drone strike on a busy market in a hill town killed at least 12 people, including two "
     "children, residents and a health official said.", 12, 0),
    # "Another 18 people" were hurt besides the dead
    ("A drone strike on a market killed at least 12 people on Monday, officials said. Another 18 "
     "people were being treated for injuries at the town's hospital.", 12, 18),
    # a coder's note closing on the figure alone
    ("On 11 May 2024, militants attacked an army detachment near a market town. Local sources "
     "reported that dozens of soldiers were killed; a security source reported 30 fatalities "
     "among the soldiers and attackers combined. 30 fatalities.", 30, 0),
    # "two of whom" tells a death among the hurt only with a verb of dying
    ("Bombs on four trains killed 13 people and wounded 71 on Monday. Among the dead were five "
     "women, two of whom were pregnant.", 13, 71),    # a dateline the parser made the subject of the second clause's verb is no subject
    ("BHUBANESWAR: A 25-year-old man died and at least a dozen people, including five policemen, "
     "were injured as clashes broke out between two groups in the market town on Sunday evening.",
     1, 12),
])
def test_undated_report_totals_with_wounded(text: str, killed: int, injured: int) -> None:
    ev = _undated_main(text)
    assert (ev.fatalities.best, ev.injured.best) == (killed, injured)


def test_sustained_injuries_parsed_as_a_noun_phrase() -> None:
    # the tagger reads "sustained injuries" as an adjective and its noun; its subject is the hurt
    assert _undated_main("A passerby sustained injuries in the blast.").injured.best == 1


def test_a_lone_another_is_no_new_victim() -> None:
    # "another" beside no figure of harm in its sentence may be the one counted before
    ev = _main("One suspect is dead after a police chase on Friday. One suspect was caught by a "
               "police dog while another was found dead in the woods.")
    assert ev.fatalities.best == 1


def test_the_district_of_the_lede_not_another_incidents_town() -> None:
    """The district the lede names, not the town of another incident told later in the story
    (nor the hospital the hurt were taken to)."""
    main = _undated_main(
        "Seven guards were killed on Thursday when bandits attacked Faskari, headquarters of Faskari "
        "Local Government Area of Katsina State. The police spokesman in the state said in a "
        "statement issued in Katsina on Friday that the bandits came in large numbers. \"Sadly, "
        "seven of the guards paid the supreme price while three others sustained gunshot injuries "
        "and are receiving treatment at the General Hospital, Funtua,\" the statement said. He added "
        "that the joint team repelled the attack, neutralising eight of the bandits. In a separate "
        "incident, suspected bandits on Wednesday killed two farmers at a village in Sabuwa LGA, "
        "residents said.")
    assert main.location is not None and main.location.name == "Faskari", main.location
