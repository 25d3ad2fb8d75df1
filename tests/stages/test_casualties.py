"""Casualty mentions from parsed sentences (uses the installed spaCy pipeline once per module)."""
from __future__ import annotations

import datetime as dt

import pytest

from warwire.model import Analysis, Article, CasualtyMention, ParsedText
from warwire.pipeline import Resources
from warwire.settings import Settings
from warwire.stages import casualties
from warwire.stages.casualties import find_casualties
from warwire.stages.parse import parse_article

from paths import SEED  # noqa: E402


def _parse(nlp, text: str) -> ParsedText:
    return parse_article(Article("t", text, published=dt.datetime(2021, 11, 17)), nlp)


def _summary(ms: list[CasualtyMention]) -> set[tuple]:
    return {(m.category, m.low, m.high, m.qualifier) for m in ms if not m.other_incident}


# (text, expected (category, low, high, qualifier) set among non-other-incident mentions)
CASES = [
    ("Seven servicemen died and 10 more were wounded in the clashes.",
     {("killed", 7, 7, "exact"), ("injured", 10, 10, "exact")}),
    ("Armenia reported one dead, 13 captured, and 24 missing troops.",
     {("killed", 1, 1, "exact"), ("captured", 13, 13, "exact"), ("missing", 24, 24, "exact")}),
    ("The clashes left one of its soldiers dead and a dozen others captured.",
     {("killed", 1, 1, "exact"), ("captured", 12, 12, "about")}),
    ("Police said 12 Armenian servicemen were captured by the Azerbaijani military.",
     {("captured", 12, 12, "exact")}),
    ("A 14-year-old girl was killed and two others were wounded.",
     {("killed", 1, 1, "exact"), ("injured", 2, 2, "exact")}),
    ("A man was shot and killed Friday night.", {("killed", 1, 1, "exact")}),
    # headline grammar drops "was", and the parser reads the verb as active
    ("Teen shot to death in apartment complex", {("killed", 1, 1, "exact")}),
    # a headline's death verb with no subject of its own: the person the headline says was shot
    ("Man shot Friday dies", {("killed", 1, 1, "exact")}),
    ("Teen shot near the park has died, police say", {("killed", 1, 1, "exact")}),
    ("A woman died at the hospital.", {("killed", 1, 1, "exact")}),
    ("A 24-year-old man was shot in the leg.", {("injured", 1, 1, "exact")}),
    ("The suspect was shot dead by police.", {("killed", 1, 1, "exact")}),
    ("The gunman later killed himself.", {("killed", 1, 1, "exact")}),
    ("Police called it a murder-suicide.", {("killed", 1, 1, "exact")}),
    ("No one was injured.", {("injured", 0, 0, "exact")}),
    ("No injuries were reported.", {("injured", 0, 0, "exact")}),
    ("At least 12 people were killed in the attack.", {("killed", 12, None, "at_least")}),
    ("Police found two people dead at a home.", {("killed", 2, 2, "exact")}),
    ("A 17-year-old was wounded after he accidentally shot himself in the leg.", {("injured", 1, 1, "exact")}),
    ("Police say a second teen has died after the shooting.", {("killed", 2, 2, "exact")}),
    ("A 36-year-old man lost his life.", {("killed", 1, 1, "exact")}),
    ("Four people were shot, one fatally, on Saturday.", {("injured", 4, 4, "exact"), ("killed", 1, 1, "exact")}),
    ("A shooting that left five people injured is under investigation.", {("injured", 5, 5, "exact")}),
    ("Police are searching for the person who shot and killed a woman.", {("killed", 1, 1, "exact")}),
    ("The hunter killed two birds with one stone.", set()),
    ("Officials said the missing piece was found.", set()),
    ("He turned 24 years old in 2017 at 5 p.m.", set()),
    ("Last year 5 people were killed in a similar attack.", set()),
    ("The city has recorded 300 homicides this year.", set()),
    # a dateline parsed as a second subject: the victim is the subject nearest the verb
    ("KNIGHTDALE, N.C. (WNCN) – An 11-year-old girl was shot at a home Sunday.", {("injured", 1, 1, "exact")}),
    ("A 15-year-old is dead after the shooting.", {("killed", 1, 1, "exact")}),
    ("The man later passed away at the hospital.", {("killed", 1, 1, "exact")}),
    ("Five more people succumbed to their injuries.", {("killed", 5, 5, "exact")}),
    # harm that did not happen
    ("She could have been dead today, her mother said.", set()),
    ("I thought I might be killed.", set()),
    # a self-inflicted wound is a hit unless the sentence says it was fatal
    ("He was suffering from a self-inflicted gunshot wound.", {("injured", 1, 1, "exact")}),
    ("He died of a self-inflicted gunshot wound.", {("killed", 1, 1, "exact")}),
    ("Police say a 5 y/o boy was shot in the head.", {("injured", 1, 1, "exact")}),
    # victims told by their care: taken to a hospital, treated for wounds, in a condition
    ("Two others were taken to North Memorial.", {("injured", 2, 2, "exact")}),
    ("Three people were treated for gunshot wounds.", {("injured", 3, 3, "exact")}),
    ("Another man was in critical condition.", {("injured", 1, 1, "exact")}),
    ("Two men were taken into custody.", set()),
    # deaths from illness are no violence; a toll over months of unrest is no one event's
    ("Six villagers died of a mysterious fever last week.", set()),
    ("Two patients died from complications of the flu.", set()),
    ("Officials are investigating four unexplained deaths at the clinic.", set()),
    ("More than 300 people have died in five months of unrest.", set()),
    ("A man died from a gunshot wound to the chest.", {("killed", 1, 1, "exact")}),
    # an absolute "with" phrase names the wounded of the clause
    ("Five soldiers were killed with two other soldiers and a civilian injured.",
     {("killed", 5, 5, "exact"), ("injured", 2, 2, "exact"), ("injured", 1, 1, "exact")}),
    ("He was found with his hands tied.", set()),
    # part of a toll: a lower bound; a coder's labelled figures
    ("Three officers were among the dead.", {("killed", 3, None, "at_least")}),
    ("Two girls were among those injured.", {("injured", 2, None, "at_least")}),
    ("Fatalities: 3 rebels, 5 civilians.", {("killed", 3, 3, "exact"), ("killed", 5, 5, "exact")}),
    ("Dead: 2. Wounded: 7.", {("killed", 2, 2, "exact"), ("injured", 7, 7, "exact")}),
    ("Note: 4 trucks were burned.", set()),
    # a figure parsed as a second verb's conjunct: "killing X and two of his guards"
    ("A roadside mine struck an army truck in the valley, killing the area commander and three of his guards.",
     {("killed", 1, 1, "exact"), ("killed", 3, 3, "exact")}),
    # South Asian press idioms for a death in action
    ("A policeman embraced martyrdom in the attack.", {("killed", 1, 1, "exact")}),
    ("Four soldiers laid down their lives in the clash.", {("killed", 4, 4, "exact")}),
    ("She embraced her son.", set()),
    # a conjoined figure with its own harm word is not the first trigger's
    ("The toll included 8 dead and 27 wounded.", {("killed", 8, 8, "exact"), ("injured", 27, 27, "exact")}),
    ("Medics put the number of wounded at 64.", {("injured", 64, 64, "exact")}),
    # kept in hospital is care, not arrest
    ("Forty people were detained in hospital overnight.", {("injured", 40, 40, "exact")}),
    ("Three soldiers were kept in hospital.", {("injured", 3, 3, "exact")}),
    ("Police detained two men near the hospital.", {("arrested", 2, 2, "exact")}),
    ("The suspect was transported to the Springfield Police Department.", set()),
    ("The cars were taken to a lot.", set()),
    # session 5 (conflict reports): "no" opening a qualifier is no zero
    ("No less than nine recruits died in the ambush.", {("killed", 9, None, "at_least")}),
    # a range the parser hangs from "between" as a preposition after the verb
    ("A monitor said the shelling of the town killed between 10 and 15 soldiers.",
     {("killed", 10, 15, "range")}),
    # a range on a noun that holds the letters "old" is no age ("soldiers")
    ("Between 10 and 12 soldiers were killed in the ambush.", {("killed", 10, 12, "range")}),
    # a toll split by side, the second figure parsed onto the noun's modifier
    ("Villagers said 7 militia fighters and 5 government soldiers were killed.",
     {("killed", 7, 7, "exact"), ("killed", 5, 5, "exact")}),
    # an ordinal that continues the count of another harm is one more person ...
    ("Three policemen died in the blast. A fourth officer was badly hurt.",
     {("killed", 3, 3, "exact"), ("injured", 1, 1, "exact")}),
    # ... while one that continues its own harm's count is the new total
    ("Two people were hurt on Friday. A third person has been injured, police said.",
     {("injured", 2, 2, "exact"), ("injured", 3, 3, "exact")}),
    # a gapped passive ("and four others wounded") whose counted subject is the victim, not a
    # word after it the parser took for its object
    ("One farmer was killed and four others wounded in a raid on a hamlet in Kaura upazila early "
     "on Monday, police said.", {("killed", 1, 1, "exact"), ("injured", 4, 4, "exact")}),
    # a collective noun sized by "of <number>"
    ("Local sources said the strike killed a family of six in the camp.", {("killed", 6, 6, "exact")}),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_find_casualties(nlp, text: str, expected: set[tuple]) -> None:
    assert _summary(find_casualties(_parse(nlp, text))) == expected


def test_update_and_flags(nlp) -> None:
    ms = find_casualties(_parse(nlp, "The death toll rose to 12 on Sunday."))
    assert [(m.category, m.low, m.is_update, m.is_total) for m in ms] == [("killed", 12, True, True)]
    ms = find_casualties(_parse(nlp, "Seven servicemen died and 10 more were wounded."))
    wounded = [m for m in ms if m.category == "injured"]
    assert wounded and wounded[0].additional and wounded[0].victim_kind == "state_forces"
    ms = find_casualties(_parse(nlp, "The gunman killed himself."))
    assert [m.victim_kind for m in ms] == ["perpetrator"]


def test_other_incident_flagged(nlp) -> None:
    ms = find_casualties(_parse(nlp, "It was the third shooting this week; two men were killed in the first."))
    assert ms and all(m.other_incident for m in ms)


@pytest.mark.parametrize("text,source", [
    ("Two soldiers were killed, the defence ministry said.", "the defence ministry"),
    ("According to police, two people were injured.", "police"),
    ("Officials in Baku said seven troops died.", "Officials in Baku"),
    ("Police told reporters that a man was killed.", "Police"),
    # a participle's speaker is the subject of the clause it hangs on
    ("The rebels claimed responsibility on their website, saying they had killed 30 soldiers.", "The rebels"),
])
def test_attribution(nlp, text: str, source: str) -> None:
    ms = find_casualties(_parse(nlp, text))
    assert ms and ms[0].attribution is not None
    a = ms[0].attribution
    assert a.text == source and text[a.start:a.end] == source


def test_spans_point_into_text(nlp) -> None:
    text = "Residents said more than 6,500 people were killed in the war."
    ms = find_casualties(_parse(nlp, text))
    assert len(ms) == 1
    m = ms[0]
    assert text[m.figure_start:m.figure_end] == "more than 6,500"
    assert text[m.victim_start:m.victim_end] == "people"
    assert m.qualifier == "more_than" and m.low == 6500 and m.high is None


def test_seed_article(nlp) -> None:
    text = SEED.read_text(encoding="utf-8")
    ms = find_casualties(_parse(nlp, text))
    claims = {(m.victim_country, m.category, m.low) for m in ms if not m.other_incident}
    assert {("AZE", "killed", 7), ("AZE", "injured", 10), ("AZE", "injured", 2), ("ARM", "captured", 13),
            ("ARM", "captured", 12), ("ARM", "missing", 24)} <= claims
    assert ("ARM", "killed", 1) in claims
    war = [m for m in ms if m.low == 6500]
    assert len(war) == 1 and war[0].qualifier == "more_than" and war[0].other_incident
    for m in ms:  # every claim's quote contains its figure
        assert m.start <= m.figure_start < m.figure_end <= m.end or m.figure_start < m.end


def test_shot_counts_include_the_dead(nlp) -> None:
    ms = find_casualties(_parse(nlp, "Four men were shot and two of them died."))
    shot = [m for m in ms if m.category == "injured"]
    assert shot and shot[0].includes_killed
    ms = find_casualties(_parse(nlp, "One man was killed and two others were shot."))
    assert [m.includes_killed for m in ms if m.category == "injured"] == [False]


def test_empty_and_headline_paragraphs(nlp) -> None:
    assert find_casualties(_parse(nlp, "")) == []
    # the parser may glue a headline to the lead; a figure never reaches across the blank line
    text = "Shooting leaves 3 injured\n\nOne person was dead at the scene."
    got = _summary(find_casualties(_parse(nlp, text)))
    assert ("killed", 3, 3, "exact") not in got and ("injured", 3, 3, "exact") in got


def test_stage_runs(nlp) -> None:
    parsed = _parse(nlp, "Two people were killed.")
    out = casualties.STAGE.run(Analysis(parsed.article, parsed=parsed), Resources(Settings()))
    assert set(out) == {"casualties"} and len(out["casualties"]) == 1


def test_names_known_elsewhere_are_people(nlp) -> None:
    """A surname tagged as an organisation in one sentence is the person named in another."""
    text = ("Olympic sprinter Jalen Price said his daughter loved to run. "
            "Police charged a man in the fatal shooting of 15-year-old Aaliyah Price.")
    ms = find_casualties(_parse(nlp, text))
    assert ("killed", 1, 1, "exact") in _summary(ms)


@pytest.mark.parametrize("text, expected", [
    ("The clashes left at least 12 combatants dead on both sides.", {("killed", 12, None, "at_least")}),
    ("Gunmen killed 7 herders in the village on Sunday.", {("killed", 7, 7, "exact")}),
    ("Three peacekeepers were wounded when their convoy hit a mine.", {("injured", 3, 3, "exact")}),
    # a bare number before ", <source> said" that the tagger reads as a date is still a count
    ("A bomb hit a crowd in the market on Friday, killing at least 14 people and wounding 32, "
     "a provincial official said.", {("killed", 14, None, "at_least"), ("injured", 32, 32, "exact")}),
])
def test_conflict_reporting_people_are_counted(nlp, text, expected):
    assert _summary(find_casualties(_parse(nlp, text))) == expected


# Incident nouns that carry their toll, quantity subjects, and how war reports tell casualties.
@pytest.mark.parametrize("text, expected", [
    # "double/triple" on an incident noun counts its victims (killed for a homicide, hit for a shooting)
    ("Detectives are working a triple homicide on the east side.", {("killed", 3, 3, "exact")}),
    ("Officers answered a call about a double shooting near the park.", {("injured", 2, 2, "exact")}),
    # a singular fatal incident implies one death (reconcile keeps it only when nothing else tells the dead)
    ("Deputies are investigating a deadly shooting at a gas station.", {("killed", 1, 1, "exact")}),
    ("A woman was charged in the shooting death at her apartment.", {("killed", 1, 1, "exact")}),
    ("He faces a charge of attempted murder.", set()),
    ("The city logged three fatal shootings in a week.", set()),
    # wounds: the hit, never the number of wounds
    ("Officers found two men with gunshot wounds in a parked car.", {("injured", 2, 2, "exact")}),
    ("The boy had 10 gunshot wounds.", set()),
    ("Investigators are looking into the murder of two brothers.", {("killed", 2, 2, "exact")}),
    # a figure that is a quantity word or a fronted phrase
    ("Dozens were hurt when the roof collapsed on worshippers.", {("injured", 12, None, "at_least")}),
    ("As many as 30 were wounded in the crossfire.", {("injured", None, 30, "at_most")}),
    ("Witnesses said multiple people were found dead inside.", {("killed", 2, None, "at_least")}),
    ("That person was taken to a hospital.", {("injured", 1, 1, "exact")}),
    # harm that nearly happened, and statistics of many incidents
    ("The toddler nearly lost her life.", set()),
    ("Stray bullets kill dozens of children every year.", set()),
    ("Two attacks that claimed the lives of nine people shook the district.", set()),
    # war reports
    ("Two soldiers were martyred and three others sustained injuries in the firing.",
     {("killed", 2, 2, "exact"), ("injured", 3, 3, "exact")}),
    ("The army said 17 terrorists were neutralised during the operation.", {("killed", 17, 17, "exact")}),
    ("The team was eliminated from the tournament.", set()),
    ("The ambush killed 12 soldiers near the border.", {("killed", 12, 12, "exact")}),
    ("The assault left five dead and 20 wounded.", {("killed", 5, 5, "exact"), ("injured", 20, 20, "exact")}),
    ("Three militants were killed in the exchange of fire.", {("killed", 3, 3, "exact")}),
    ("Two civilians were martyred when the shell struck their home.", {("killed", 2, 2, "exact")}),
    ("No casualties were reported after the rocket attack.", {("killed", 0, 0, "exact"), ("injured", 0, 0, "exact")}),
    ("Dozens were injured in the stampede that followed.", {("injured", 12, None, "at_least")}),
    ("The car bomb claimed 17 lives at the market.", {("killed", 17, 17, "exact")}),
    ("Shelling took the lives of four villagers overnight.", {("killed", 4, 4, "exact")}),
    ("Clashes between two clans left 11 dead and several injured.", {("killed", 11, 11, "exact"), ("injured", 3, None, "at_least")}),
    ("Al Shabaab fighters ambushed a convoy, killing 3 soldiers. 1 attacker was also killed.", {("killed", 3, 3, "exact"), ("killed", 1, 1, "exact")}),
    ("An airstrike hit a house, killing a woman and her 3 children.", {("killed", 1, 1, "exact"), ("killed", 3, 3, "exact")}),
    ("One guard was killed, while three others were hit, none fatally.", {("killed", 1, 1, "exact"), ("injured", 3, 3, "exact")}),
    # a small clause after "found": its subject is the victim
    ("Troops found two villagers shot dead near the river.", {("killed", 2, 2, "exact")}),
    # a toll told as "the number of dead", an update by "raised"/"brought"
    ("The shelling raised the number of dead to 25.", {("killed", 25, 25, "exact")}),
    ("A number of people were killed.", set()),
    # coordinated verbs share their subject: the one who shot himself is the one who died
    ("Cleaning his shotgun, the farmer accidentally shot himself and died.", {("killed", 1, 1, "exact"), ("injured", 1, 1, "exact")}),
    # a reduced relative misparsed as the main verb: the noun of the "of" phrase is the victim
    ("Classmates and teachers of a 15-year-old girl shot and killed Saturday night in Dayton held a vigil Sunday.", {("killed", 1, 1, "exact")}),
    ("The parents of a 12-year-old girl fatally shot near a park are asking for help.", {("killed", 1, 1, "exact")}),
    ("One of the men shot at the officers.", set()),
    # the shooter is not a victim: firing at people, starting to shoot, an active perfect
    ("The attacker burst into the hall and began shooting.", set()),
    ("One of the gunmen shot at the guards before fleeing.", set()),
    ("A sniper has shot and wounded three soldiers.", {("injured", 3, 3, "exact")}),
    ("A man was shot at a party on Saturday.", {("injured", 1, 1, "exact")}),
    # a conjunct with a harm clause of its own is not a victim of the first verb
    ("Seven people were hit, including two men who were killed and three guards who suffered minor injuries.",
     {("injured", 7, 7, "exact"), ("killed", 2, 2, "exact")}),
    # a record told of the event itself is no other incident
    ("Six worshippers were killed in one of the worst attacks in the province's history.", {("killed", 6, 6, "exact")}),
    # what a protest is about is another incident; the protest's own dead, told first, stay
    ("Hundreds marched in the city against the killing of a trader.", set()),
    ("Police shot dead two protesters demonstrating against the killing of a trader.", {("killed", 2, 2, "exact")}),
    # officials condemning a killing speak of the attack reported
    ("The governor condemned the killing of 12 farmers on Sunday.", {("killed", 12, 12, "exact")}),
])
def test_incident_nouns_quantities_and_war_prose(nlp, text, expected):
    assert _summary(find_casualties(_parse(nlp, text))) == expected


def test_suicide_bomber_is_counted(nlp) -> None:
    ms = find_casualties(_parse(nlp, "A suicide bomber blew himself up at a checkpoint, killing six policemen."))
    assert {(m.category, m.low, m.victim_kind) for m in ms} == {("killed", 6, "police"), ("killed", 1, "perpetrator")}


def test_conjunct_with_descriptive_clause_is_still_a_victim(nlp) -> None:
    ms = find_casualties(_parse(nlp, "Gunmen killed a farmer and his son who had gone to the market."))
    assert [(m.category, m.low) for m in ms] == [("killed", 1), ("killed", 1)]


def test_undated_summary_years_are_compared_with_its_first_year(nlp) -> None:
    """A coder's summary has no publication date: its own first year is the event's."""
    text = "In 2019, gunmen killed 5 villagers in the district. A similar raid in 2015 killed 30."
    parsed = parse_article(Article("t", text, published=None), nlp)
    assert [(m.low, m.other_incident) for m in find_casualties(parsed)] == [(5, False), (30, True)]


def _parse_undated(nlp, text: str) -> ParsedText:
    return parse_article(Article("t", text, published=None), nlp)


# A toll recalled from another time is another incident's (flagged other_incident).
@pytest.mark.parametrize("text,other", [
    ("In March, more than a dozen soldiers were killed in raids on the border.", True),  # published Nov
    ("In November, a dozen soldiers were killed in raids on the border.", False),
    ("The region has stayed on high alert since gunmen killed 40 people in the capital.", True),
    ("By the end of the war, 3,000 had been killed.", True),
    ("Earlier in the year, troops shot dead 13 marchers.", True),
    ("By the end of the night, three people had been shot.", False),
    ("The raid came a week after an airstrike on a market killed 20 people.", True),
    ("The group says 900 fighters have died since the insurgency began.", True),
    ("Since the coup in March, 70 protesters have been killed.", True),
    # a count over part of a year
    ("According to the UN, 43 civilians were killed in the province in the first half of the year.", True),
    # a count over several days; not one night's
    ("In all, at least nine people were shot in the city from Friday night through Sunday.", True),
    ("Gunmen killed 12 villagers between Saturday night and Sunday morning.", False),
    # an ordinal count of attacks, a word between; not a street's number or a degree of murder
    ("It was the third claymore attack this month, and two policemen were killed.", True),
    ("Police are investigating the 33rd Street shooting that killed a woman.", False),
    ("A man was charged with second degree murder in the killing of his neighbour.", False),
])
def test_recalled_toll_is_other_incident(nlp, text: str, other: bool) -> None:
    ms = find_casualties(_parse(nlp, text))
    assert ms and all(m.other_incident == other for m in ms)


@pytest.mark.parametrize("text,published,flags", [
    # a clause after ";" opening on another month than the publication's ...
    ("The market has been attacked before; in March, a bomb there killed eight traders.",
     dt.datetime(2021, 11, 17), [True]),
    # ... or, undated, than the lead's
    ("Gunmen stormed a hotel on 14 June 2024, killing nine people. The siege lasted hours. Guests fled "
     "to the beach. The beach has been attacked before; in March, a siege at a nearby hotel killed "
     "eight.", None, [False, True]),
    # the same month is the story's own
    ("Gunmen stormed a hotel on 14 June 2024, killing nine people. The siege lasted hours. Guests fled "
     "to the beach. Guards fought back; in June, the guards said, two of them were wounded.", None,
     [False, False]),
])
def test_clause_of_another_month_is_other_incident(nlp, text: str, published, flags: list) -> None:
    ms = find_casualties(parse_article(Article("t", text, published=published), nlp))
    assert [m.other_incident for m in ms] == flags


@pytest.mark.parametrize("text,flags", [
    # an undated report dating its own event by weekday: a later day date is another attack
    ("A parcel bomb wounded 13 people on Friday. Police sealed off the street. Officers searched "
     "the area. Four people were killed on 3 May in an attack on a market.", [False, True]),
    # ... and the person of its next sentence is that incident's
    ("A parcel bomb wounded 13 people on Friday. Police sealed off the street. Officers searched "
     "the area. Four people were killed on 3 May in an attack on a market. The attacker was shot "
     "dead by police days later.", [False, True, True]),
    # the lead names the day: the same day later is the event itself
    ("On 3 May 2019, gunmen attacked a base in the north. The army confirmed it. Troops responded. "
     "Four soldiers were killed on 3 May.", [False]),
    # a coder's summary opening on its month: the month is the event's
    ("In April 2019, militants attacked a convoy, killing 20 soldiers.", [False]),
    # a year first named after the lead is a recalled one
    ("Gunmen stormed a mosque on Friday, killing 11 worshippers. Police said the attackers fled. "
     "The town has seen violence before. In 2017, a bombing at a market killed 50.", [False, True]),
    # a later "In <month>" the lead does not name recalls an earlier period
    ("A roadside bomb killed two officers this week. The convoy was hit near the city. Three "
     "others were wounded. In April, more than two dozen fighters were killed in raids.", [False, False, True]),
])
def test_undated_other_dates(nlp, text: str, flags: list[bool]) -> None:
    ms = find_casualties(_parse_undated(nlp, text))
    assert [m.other_incident for m in ms] == flags


# A list of victim groups the parser splits into an apposition counts every group; a list in
# apposition that adds up to the head's figure restates it.
@pytest.mark.parametrize("text,total", [
    ("Six women, a 9-year-old boy and two men were hurt in the blast.", 9),
    ("There were six women, a 9-year-old boy and two men wounded.", 9),
    ("Three people, a man and two women, were wounded.", 3),
    ("Police said she shot her son, Tom Reed, and her neighbour.", 2),
])
def test_listed_victim_groups(nlp, text: str, total: int) -> None:
    ms = [m for m in find_casualties(_parse(nlp, text)) if m.category == "injured"]
    first = ms[0].low or 0
    assert first + sum(m.low or 0 for m in ms[1:] if m.additional) == total


@pytest.mark.parametrize("text,update", [
    ("The man later died at the hospital.", True),
    ("Later, a man was shot dead at his front door.", False),  # the day's next incident
])
def test_later_update(nlp, text: str, update: bool) -> None:
    ms = [m for m in find_casualties(_parse(nlp, text)) if m.category == "killed"]
    assert ms and ms[0].is_update == update


# Conflict reports (session 3): killings told by their manner, counted groups named by an armed
# group or a people, attackers counted by "both", coder notes whose brackets break a toll down.
@pytest.mark.parametrize("text, expected", [
    ("Nine farmers were hacked to death by raiders at dawn.", {("killed", 9, 9, "exact")}),
    ("The mob beat two traders to death near the bus park.", {("killed", 2, 2, "exact")}),
    ("Militiamen burned four villagers alive in their huts.", {("killed", 4, 4, "exact")}),
    ("Six herders were burned alive when their camp was set on fire.", {("killed", 6, 6, "exact")}),
    ("Insurgents mowed down 14 worshippers outside the mosque.", {("killed", 14, 14, "exact")}),
    ("The police beat the protesters with batons.", set()),  # a beating, not a killing
    ("Rioters burned three cars in the square.", set()),
    # a number on an armed group's or a people's name counts its members
    ("5 Taliban and 3 policemen were killed in the gunfight.",
     {("killed", 5, 5, "exact"), ("killed", 3, 3, "exact")}),
    ("Soldiers killed 11 Houthis near the front line.", {("killed", 11, 11, "exact")}),
    ("Three Somalis and a Kenyan were killed in the ambush.",
     {("killed", 3, 3, "exact"), ("killed", 1, 1, "exact")}),
    # "both" counts attackers, whom the report has told as agents, not victims pointed back at
    ("Two gunmen stormed the hotel. Both attackers were killed by the guards.", {("killed", 2, 2, "exact")}),
    ("Both victims were taken to a clinic.", set()),
    # a plural that names one event may claim lives; a plural of incidents is a tally
    ("The clashes claimed five lives on Sunday.", {("killed", 5, 5, "exact")}),
    # a qualifier the parser took for a preposition still counts the verb's object
    ("The blast killed over 40 people at the fair.", {("killed", 40, None, "more_than")}),
    ("Troops fought the rebels over two days.", set()),
    # South Asian and Nigerian press
    ("Two policemen embraced shahadat in the attack.", {("killed", 2, 2, "exact")}),
    ("Six passengers sustained varying degrees of injuries.", {("injured", 6, 6, "exact")}),
    ("The number of people killed in the blast has risen to 19.", {("killed", 19, 19, "exact")}),
    ("The number of those injured stood at 40.", {("injured", 40, 40, "exact")}),
    ("Four jawans and two Maoist cadres were killed in the encounter.",
     {("killed", 4, 4, "exact"), ("killed", 2, 2, "exact")}),
    ("Troops neutralised seven bandits in the forest.", {("killed", 7, 7, "exact")}),
    ("Nine Hindus were killed when the bus was attacked.", {("killed", 9, 9, "exact")}),
    ("Two terrorists were sent to hell in the exchange of fire.", {("killed", 2, 2, "exact")}),
    ("The injured were sent to the district hospital.", set()),
    ("The rebels said they lost 14 fighters in the battle.", {("killed", 14, 14, "exact")}),
    ("The club lost two games in a row.", set()),
    # idioms of a death, and a death presumed ("feared killed") rather than feared to come
    ("Four guards met their untimely death at the gate.", {("killed", 4, 4, "exact")}),
    ("Two constables made the supreme sacrifice in the attack.", {("killed", 2, 2, "exact")}),
    ("The team paid the price for its mistakes.", set()),
    ("Eight traders were feared killed in the raid.", {("killed", 8, 8, "exact")}),
    ("Residents feared they would be killed.", set()),
    ("Two suspected thieves were lynched by a mob.", {("killed", 2, 2, "exact")}),
    ("The raiders killed three patients and a nurse.", {("killed", 3, 3, "exact"), ("killed", 1, 1, "exact")}),
    ("Bandits killed 40 cattle and two herders.", {("killed", 2, 2, "exact")}),
    # the hurt told by their care, in British spelling or an idiom
    ("Eleven pupils were hospitalised after the blast.", {("injured", 11, 11, "exact")}),
    ("Seven others are receiving treatment at the district hospital.", {("injured", 7, 7, "exact")}),
])
def test_conflict_kill_phrasings(nlp, text, expected):
    assert _summary(find_casualties(_parse(nlp, text))) == expected


def test_number_split_off_as_a_sentence_still_counts(nlp) -> None:
    """The splitter may cut "Bayda. 4 Houthis and 3 militants were killed." after "4"."""
    text = "Fighting erupted near Al Bayda. 4 Houthis and 3 AQAP militants were killed."
    lows = sorted(m.low for m in find_casualties(_parse_undated(nlp, text)) if m.category == "killed")
    assert lows == [3, 4]


def test_labelled_breakdown_in_brackets_restates(nlp) -> None:
    ms = find_casualties(_parse_undated(nlp, "On 3 May 2022, militants attacked a base. Fatalities: 9 (6 militants, 3 soldiers)."))
    assert [(m.category, m.low) for m in ms] == [("killed", 9)]


@pytest.mark.parametrize("text", [
    "Islamic State has carried out several bombings in recent months, including one that killed 30 people.",
    "The insurgency has killed more than 20,000 people since 2011.",
    "Since 2014, more than 900 soldiers have been killed in the region.",
    # "X comes after Y": Y is an earlier incident, with or without a span of time
    "The shooting came after an attack at a nightclub left 20 people dead.",
    "The ambush came barely a week after gunmen killed 14 herders in a nearby district.",
    # a state of years, and a war's toll told after another of its deeds
    "The district has been under siege by armed gangs for over a decade, with thousands killed.",
    "The war has uprooted more than two million people and killed about 9,000.",
    "The gunfight comes days after three soldiers were killed in a nearby district.",
    "The valley has seen a string of raids since last March, when the killing of a herder set off reprisals.",
    "In its 30-year campaign, the group has been responsible for the deaths of more than 10,000 people.",
    # a running toll since a time told before
    "More than 400 people have been killed in the province since then, according to a monitoring group.",
    "Troops or militias have killed more than 400 people in the province since then, a monitor says.",
    # the war's record told of "it", the war named in the sentence before
    "It has killed more than 15,000 people, according to U.N. figures.",
])
def test_background_conflict_tolls_are_other_incident(nlp, text: str) -> None:
    ms = find_casualties(_parse(nlp, text))
    assert ms and all(m.other_incident for m in ms)


@pytest.mark.parametrize("text,kind", [
    ("Troops pursued the attackers into the forest and killed two of them.", "perpetrator"),
    ("Militants ambushed a patrol of soldiers, killing four of them.", "state_forces"),
    # the listener of a report verb is no antecedent; nor people of no kind
    ("The man told officers he had killed four of them.", "unknown"),
    ("Three men were hit by gunfire; two of them died.", "unknown"),
])
def test_kind_of_them(nlp, text: str, kind: str) -> None:
    ms = [m for m in find_casualties(_parse(nlp, text)) if "of them" in text[m.start:m.end + 9]]
    assert ms and ms[-1].victim_kind == kind


@pytest.mark.parametrize("text,killed", [
    # a suicide attacker's death told in its own sentence is one more than those he killed ...
    ("A suicide bomber killed 9 people at a wedding. The bomber blew himself up near the stage.",
     [(9, "cas.kill.verb"), (1, "cas.perp.blew_up")]),
    # ... unless the toll says it counts him (then reconcile reads his death as one of them)
    ("A suicide bombing killed 9 people, including the bomber. The bomber blew himself up near the stage.",
     [(9, "cas.kill.verb"), (1, "cas.self.blew_up")]),
    # a suicide attacker told only by his attack died in it as well
    ("A suicide bomber drove a truck packed with explosives into the army post, killing six soldiers.",
     [(6, "cas.kill.verb"), (1, "cas.perp.suicide_attack")]),
    ("A female suicide bomber on Monday struck a crowded bus station, killing 11 people.",
     [(11, "cas.kill.verb"), (1, "cas.perp.suicide_attack")]),
    # ... but not one stopped before he could set off his charge
    ("A suicide bomber stormed the gate of the base, killing two guards. Soldiers shot the attacker "
     "before he could detonate his vest.",
     [(2, "cas.kill.verb")]),
    # ... a second attacker stopped leaves the first one's death as told
    ("A suicide bomber attacked the gate of the base, killing two guards. Soldiers shot the second "
     "attacker before he could detonate his vest.",
     [(2, "cas.kill.verb"), (1, "cas.perp.suicide_attack")]),
    ("A would-be suicide bomber stormed the hall, killing a guard.", [(1, "cas.kill.verb")]),
])
def test_suicide_attacker_own_death(nlp, text: str, killed: list) -> None:
    ms = [m for m in find_casualties(_parse(nlp, text)) if m.category == "killed"]
    assert [(m.low, m.rule.split("|")[0]) for m in ms] == killed


@pytest.mark.parametrize("text,killed", [
    # attackers a toll leaves out died too, by their figure ...
    ("Officials said the toll had climbed to 15, not counting the three attackers.",
     [(15, "cas.kill.toll"), (3, "cas.perp.excluded")]),
    # ... one for a singular
    ("The explosion killed six worshippers, excluding the bomber, police said.",
     [(6, "cas.kill.verb"), (1, "cas.perp.excluded")]),
    # no toll in the sentence, no figure; attackers not counted, no figure
    ("Apart from the gunmen, nobody knew the road.", []),
    ("The blast killed six worshippers, excluding the gunmen, police said.", [(6, "cas.kill.verb")]),
])
def test_attackers_a_toll_leaves_out(nlp, text: str, killed: list) -> None:
    ms = [m for m in find_casualties(_parse(nlp, text)) if m.category == "killed"]
    assert [(m.low, m.rule.split("|")[0]) for m in ms] == killed


@pytest.mark.parametrize("text,low", [
    ("Twelve were killed at first; the final toll was 21.", 21),  # "21" tagged as a day
    ("The toll from the raid climbed to 33.", 33),
])
def test_bare_toll(nlp, text: str, low: int) -> None:
    ms = find_casualties(_parse(nlp, text))
    assert any(m.is_total and m.low == low for m in ms)


def test_others_with_wounds_are_besides_the_dead(nlp) -> None:
    """"Three were killed and five others suffered gunshot wounds": the five are not a hit that
    includes the dead (reconcile subtracts the dead only from a hit that may include them)."""
    ms = find_casualties(_parse(nlp, "Three were killed and five others suffered gunshot wounds."))
    wound = [m for m in ms if m.category == "injured"]
    assert [(m.low, m.includes_killed) for m in wound] == [(5, False)]


@pytest.mark.parametrize("text,flags", [
    # a running tally trailing the event's own figure: only the tally is another time's
    ("Two marchers were shot dead on Sunday, bringing the number killed since the coup to 60.", [False]),
    ("Five soldiers died in the ambush, raising the toll since 2019 to 400.", [False]),
    # the cue in the main clause still flags the whole sentence
    ("Since the coup, 60 marchers have been shot dead, bringing the total to 61.", [True]),
])
def test_trailing_running_tally(nlp, text: str, flags: list[bool]) -> None:
    ms = [m for m in find_casualties(_parse(nlp, text)) if not m.is_total]
    assert [m.other_incident for m in ms] == flags


@pytest.mark.parametrize("text,flags", [
    # a wider count the victim is one of: only the count is others'
    ("A man was shot dead outside a bar late Friday, one of at least 17 people shot across the city "
     "over the weekend.", [False, True]),
    ("Two guards died in the raid, two of more than 300 people killed in the province this year.",
     [False, True]),
    # no wider scope named: the count is the event's own
    ("Smith was one of three people killed in the shooting on Friday.", [False]),
])
def test_wider_tally_the_victim_is_one_of(nlp, text: str, flags: list[bool]) -> None:
    assert [m.other_incident for m in find_casualties(_parse(nlp, text))] == flags


@pytest.mark.parametrize("text,flags", [
    # a sentence putting the incident among others opens a list of them
    ("A woman was shot dead on a porch on Sunday. The killing was one of a series of shootings that "
     "kept officers busy overnight:\n\n- Around 10 p.m. Saturday, two men were wounded on a corner.",
     [False, True, True]),
    # a web page's links to other stories
    ("A man was wounded in a shooting on Sunday.\n\nRELATED:\n- 3 dead, 4 hurt in weekend shootings",
     [False, True, True]),
    # ... but one link on the label's line may be the site's own earlier story of the incident
    ("A teen was arrested in the killing of a man on Friday.\n\nRELATED: Man, 20, shot dead outside a "
     "store\n\nPolice said the two knew each other.", [False, False]),
    # a day date right after a sentence recalling other incidents
    ("A man was wounded outside a store on Sunday. He was taken to a hospital. Police have no suspect. "
     "Police said it was the fourth shooting on the block this month. On Nov. 2, a woman was shot in "
     "the arm there.", [False, False, True]),
    # ... but not after a sentence of the story's own
    ("Police arrested a man on Sunday in the killing of a shop owner. The owner had been shot outside "
     "his store. Police have no motive. On Nov. 2, the owner's brother was shot in the chest.",
     [False, False, False, False]),
])
def test_lists_of_other_incidents(nlp, text: str, flags: list[bool]) -> None:
    assert [m.other_incident for m in find_casualties(_parse(nlp, text))] == flags


@pytest.mark.parametrize("text,flags", [
    # the day before's incident, told after the lead: another incident
    ("Shelling killed 8 villagers on Thursday, officials said. On Wednesday, a drone strike wounded three herders.",
     [False, True]),
    # a later day is the same incident's news
    ("A guard was shot on Thursday. On Saturday, the guard died in hospital.", [False, False]),
    # a weekday with its date is left to the date rules
    ("A press note was issued on Monday. On Saturday, August 8, the boy died.", [False]),
])
def test_earlier_weekday_is_another_incident(nlp, text: str, flags: list[bool]) -> None:
    assert [m.other_incident for m in find_casualties(_parse_undated(nlp, text))] == flags


@pytest.mark.parametrize("text,flags", [
    # a new attack told hours after the story's: another incident
    ("A car bomb tore through a livestock market in a border town on Sunday, killing nine traders. "
     "Hours later, a gunman opened fire on worshippers at a shrine in a hill town, killing two.",
     [False, True]),
    # a separate statement of another operation the same day
    ("Gunmen killed four fishermen near the river on Thursday, local sources said. The army said "
     "separately that its troops had killed 12 insurgents in an operation near the lake the same day.",
     [False, True]),
    ("Gunmen killed four fishermen near the river on Thursday. Police said separately that one of "
     "the fishermen's relatives had died of his wounds.", [False, False]),
    # an operation launched the day after
    ("Militiamen stormed a village on Monday, killing 30 people. The army said it launched a "
     "counteroffensive the following day and killed 20 of the attackers.", [False, True]),
    ("Militiamen stormed a village on Monday, killing 30 people. Two of the wounded died the "
     "following day.", [False, False]),
    # a toll of "the operation" right after a sentence telling a later operation is that one's
    ("Gunmen ambushed a convoy on Tuesday, killing 13 guards. In the following days, troops "
     "launched a sweep of nearby villages. A monitor said 30 people were killed during the "
     "operation.", [False, True]),
    ("Troops killed six militants in an operation on Tuesday. Two soldiers were wounded during "
     "the operation.", [False, False]),
    # the same attack's news hours later is its own
    ("A car bomb tore through a livestock market on Sunday, killing nine traders. Hours later, the "
     "toll rose to 11.", [False, False]),
])
def test_another_attack_told_after_the_story(nlp, text: str, flags: list[bool]) -> None:
    assert [m.other_incident for m in find_casualties(_parse_undated(nlp, text))] == flags


def test_deaths_among_the_wounded_add(nlp) -> None:
    """"Two of the injured later died": deaths besides the toll told, not a new toll."""
    ms = find_casualties(_parse(nlp, "Twelve people were killed and 30 hurt. Three of the injured later died."))
    later = [m for m in ms if m.category == "killed" and m.low == 3]
    assert later and later[0].additional and not later[0].is_update


@pytest.mark.parametrize("text,expected", [
    # a range the tagger took for a date still counts people
    ("Between 8 and 10 rebels and 2 soldiers died in the clash.",
     {("killed", 8, 10, "range"), ("killed", 2, 2, "exact")}),
])
def test_number_tagged_as_date_that_counts_people(nlp, text: str, expected: set) -> None:
    assert _summary(find_casualties(_parse(nlp, text))) == expected


def test_ages_tagged_as_dates_stay_ages(nlp) -> None:
    ms = find_casualties(_parse(nlp, "Two 15 and 16-year-old boys were hurt."))
    assert not any(m.low in (15, 16) for m in ms)


def _totals(nlp, text: str, parse=_parse) -> tuple:
    """(killed, injured) of a text's own mentions, counted by reconcile.py."""
    from warwire.reconcile import tally, totals

    got = totals(tally([m for m in find_casualties(parse(nlp, text)) if not m.other_incident]),
                 implied_zero=True)
    return got["fatalities"].best, got["injured"].best


# (text, (killed, injured)): who among the hit is among the dead
HIT_AND_DEAD = [
    # a death told of some of those hurt before: they are now among the dead, not the hurt
    ("A bomb thrown at a bus stop left four traders injured; one of them later died of his wounds.", (1, 3)),
    ("Six people were wounded in the attack. Two of the wounded died in hospital overnight.", (2, 4)),
    # ... and when they died after the toll was told, or were hurt besides the dead counted, they
    # are more dead than that toll
    ("Two guards were killed and four others hurt in the raid. One of the injured guards died "
     "later in hospital.", (3, 3)),
    ("A mortar round killed two fighters. Eleven people were hurt, two of whom later died.", (4, 9)),
    # ... but the dead among a count of the hit told as a state may be the dead counted before,
    # and someone who played dead is alive
    ("Gunmen killed two people on Monday. At least 20 people were hurt and two of those victims "
     "are dead.", (2, 18)),
    ("Two people were killed and nine hurt. One of the wounded played dead to survive.", (2, 9)),
    # ... and a question ("whether") tells no death
    ("An airstrike on a tent camp killed 17 people on Tuesday, the hospital said. The army said it "
     "had struck two commanders but did not say whether the two were killed.", (17, 0)),
    # ... but "whether ... or ..." asks how, not whether, he died
    ("A gunman shot dead two guards at the courthouse on Monday. Police said it is not clear "
     "whether the gunman took his own life or was killed by officers returning fire.", (3, 0)),
    # ... but not someone of another group told after the hurt
    ("Two guards were killed and three wounded. One of them was the post's commander.", (2, 3)),
    # "an unknown number of" gives no figure: it adds nothing to the toll it is listed with
    ("Four soldiers and an unknown number of attackers died in the raid on the outpost.", (4, 0)),
    # someone "also" hit is besides the dead counted before
    ("Two men were killed in the shooting on Elm Street. A teenager was also shot in the arm.", (2, 1)),
    ("A cashier was shot dead during the robbery. A customer was also hit and taken to a hospital.", (1, 1)),
    # ... but "the man was also hit" points back at someone counted, and a running count holds the dead
    ("A man was shot dead and another was wounded. A third person was also shot.", (1, 2)),
    # a wounded person pointed back at in a story of one death may be the one who died ...
    ("Jane Roe was injured in the shooting on Tuesday. The girl died at a hospital on Thursday.", (1, 0)),
    # ... not among several dead, nor a relative introduced by a possessive, nor someone in care
    ("Three men were killed. The surviving victim was wounded in the leg.", (3, 1)),
    ("A man was killed on Monday. His wife was wounded.", (1, 1)),
    ("A boy was shot dead on Monday. Police said she remains in critical condition.", (1, 1)),
    # one hit who is said to live is not among the dead
    ("A woman was found dead in the house. A man was taken to a hospital with non-life-threatening "
     "injuries.", (1, 1)),
    ("A teenager died in the shooting. A man was struck in the hand and is in stable condition.", (1, 1)),
    # the dead suspect told twice by a definite phrase is one person
    ("The suspect was shot dead by the store owner on Sunday. The man died at the scene, police said.", (1, 0)),
    # ... but a wound and a death told in one sentence are two people, unless a pronoun points back
    ("A villager was killed and the headman was wounded when gunmen stormed the village.", (1, 1)),
    ("A teacher died on Monday after she was wounded by a stray bullet.", (1, 0)),
    # ranks and roles are people
    ("Three soldiers were killed and the captain was wounded in the clash.", (3, 1)),
    ("A shopkeeper was shot dead and his assistant was wounded by unidentified gunmen.", (1, 1)),
    # a death told only by a pronoun is of the one wounded before
    ("A woman was injured in the blast. She died on the way to hospital.", (1, 0)),
    # one who escaped with wounds lives
    ("Insurgents beheaded two farmers returning from their fields on Monday. A woman managed to "
     "escape with machete wounds and was taken to the health centre.", (2, 1)),
    # one hit who "survived" lives; a principal is a person
    ("Militants shot dead two teachers. The school's principal was also shot but survived.", (2, 1)),
    # conjoined victims of a death noun add up
    ("Detectives are investigating the deaths of a woman and her teenage son.", (2, 0)),
    # the care of someone pointed back at is no wound when the article says nobody was hurt
    ("A man fired at officers during a standoff on Sunday, and officers shot back, but no one "
     "was struck. He was taken to a hospital to be checked out and then booked into jail.", (0, 0)),
    # one who drove himself to hospital is the one hurt; the officers he told are no victims
    ("A man was wounded Friday night in a shooting at an apartment complex. Police said the "
     "22-year-old drove himself to a medical center with a gunshot wound to the leg. The man "
     "told officers he had been shot during an argument.", (0, 1)),
    # a perpetrator's suicide told beside his victim in one sentence is one more dead
    ("Police said the man killed his wife in the kitchen and then committed suicide.", (2, 0)),
    # a suicide attempt is no death
    ("A woman shot her husband dead and then tried to take her own life.", (1, 0)),
    # an ordinal victim counts every victim so far, the dead included, whatever the harm verb
    ("Two cousins died in the ambush on the farm road. A third man was badly hurt.", (2, 1)),
    ("Gunmen killed four shoppers at the market and wounded a fifth.", (4, 1)),
    ("Two guards were hurt in the raid on Monday. A third guard was injured on Tuesday.", (0, 3)),
    # the one dead is the perpetrator: a hit told by a name, "the girl" or "shot herself" is him/her
    ("The robbery suspect was shot dead by the shop owner. Doe was hit twice in the chest.", (1, 0)),
    ("The girl fatally shot herself with her uncle's pistol. Relatives said the child shot herself "
     "in the bedroom.", (1, 0)),
    # ... but not someone told as new ("a bystander")
    ("The gunman was shot dead by police. A bystander was shot in the leg.", (1, 1)),
    # a list of bare singular nouns in apposition names one person each ...
    ("A mother, father, and baby were found dead in the flat.", (3, 0)),
    # ... but a list that adds up to the head's figure restates it
    ("Two people, a driver and passenger, were killed at the junction.", (2, 0)),
    # the hurt told by their care: a shooting that "sent" people to a hospital
    ("A late-night shooting outside the arena sent three people to the hospital.", (0, 3)),
    # a self-inflicted shot told by a gerund is a hit; "fatally shooting himself" a death
    ("A teenager is recovering after accidentally shooting himself in the hand.", (0, 1)),
    ("The farmer killed his neighbour before fatally shooting himself.", (2, 0)),
    # a figure of animals is no victim
    ("A stray round killed a farmer and wounded one of his goats.", (1, 0)),
]


# (text, (killed, injured)): the figures of conflict reports told twice, or as claims
CONFLICT_TOTALS = [
    # a later sentence opening on last week tells another incident; the lead never does
    ("Rebels shot dead two farmers in the valley on Monday. Last week, rebels killed five traders "
     "on the highway.", (2, 0)),
    ("Last week, rebels killed five traders on the highway, officials said on Monday.", (5, 0)),
    # the armed side named two ways is one group told twice
    ("Twelve soldiers were killed in an attack on a base in the north, the army said on Sunday, "
     "adding that 30 assailants were killed in the counter-offensive. \"Thirty terrorists were "
     "neutralised and a large quantity of weapons recovered,\" the statement said.", (42, 0)),
    # auxiliaries fighting beside troops are of the forces counted with them
    ("Eleven soldiers and members of an auxiliary militia were killed in the raid. Seven soldiers "
     "and four volunteers died, the army said.", (11, 0)),
    # two subjects of one plural verb, joined by "and", are one list of victims ...
    ("4 Levies personnel and 3 attackers were killed in the ensuing gunfight, and 2 Levies "
     "personnel were injured.", (7, 2)),
    # ... not a singular verb's ("Fifth and Main" is a corner)
    ("A man wounded in a shooting at Fifth and Main has died.", (1, 0)),
    # a breakdown of the hurt names passers-by as people
    ("Three guards were killed and six other people hurt in the blast. The injured, four guards "
     "and two passersby who were walking to a mosque, were shifted to hospital.", (3, 6)),
    # a press office's word for the armed side
    ("Troops raided a hideout near the border on Monday. During the raid, six khwarij were sent "
     "to hell, the military said.", (6, 0)),
    # an ordinal continues the count before it, whoever they were
    ("Three militants and a soldier were killed in the raid on Monday. Two militants were killed "
     "in the first exchange of fire, while the body of a third was found on Tuesday.", (4, 0)),
    # a count before a unit's name counts the people named after it
    ("Three Border Security Force (BSF) jawans were injured in a blast in the district on Monday.", (0, 3)),
    ("MOPTI - Six Malian Armed Forces (FAMa) soldiers, including a captain, were killed and four "
     "others wounded when jihadists ambushed a convoy on Monday, the army said.", (6, 4)),
    # "them" far from the hurt is others than the hurt
    ("Nine soldiers were killed and five others wounded in the ambush. A spokesman said the "
     "troops fought back. \"We repulsed the attackers and four of them were killed,\" he said.", (13, 5)),
    # a sentence opening on the same day tells another incident
    ("A drone strike killed 17 civilians at the bus station on Sunday. The same day, the army "
     "said it had killed 45 rebels in operations across the zone.", (17, 0)),
    # a sentence's opening "Dozens" after a dateline is a count
    ("JOS - Dozens of people were killed when gunmen stormed villages on Sunday night.", (12, 0)),
    # companions are people; those "under treatment" are hurt
    ("Gunmen killed a former commander and two of his companions in an ambush on Tuesday.", (3, 0)),
    ("Three policemen were killed when gunmen attacked a checkpost on Monday. Three other "
     "policemen are under treatment.", (3, 3)),
    # drones shot down hurt no one
    ("Two explosive-laden drones targeted the airport on Tuesday, officials said, adding that "
     "both were shot down. The attack caused no casualties.", (0, 0)),
    # an armed group's claim of the dead beside a toll from other sources is a claim only ...
    ("A car bomb killed six people, including three soldiers, at a checkpoint on Monday, local "
     "sources said. Al-Shabaab claimed the attack, saying 20 soldiers died.", (6, 0)),
    # ... but a government's count of the attackers it killed is counted
    ("Gunmen attacked an army post on Sunday. The army said it killed 15 militants. Four soldiers "
     "also died in the fighting, a security source said.", (19, 0)),
    # a later count of people that the groups told before add up to is their total
    ("Three policemen were martyred and two others injured when militants attacked a post on "
     "Monday, adding that two attackers were also killed. \"Five people, including the two "
     "terrorists, lost their lives,\" the officer said.", (5, 2)),
    # a coder's choice among the figures reported
    ("On 2 May 2024, militants ambushed a group of Dozo hunters near a village. Local sources "
     "reported 9 Dozos killed; the militants said they killed 25. Fatalities coded as 9.", (9, 0)),
    # the one who shot is the perpetrator, killed; the one he shot is hurt
    ("A man who shot a store clerk Friday night was killed minutes later by officers. The clerk "
     "was taken to a hospital and is expected to survive.", (1, 1)),
    # ... also when the relative clause runs through what someone says of him
    ("A man who police say shot his neighbor and then opened fire on deputies was killed when the "
     "deputies fired back on Sunday. Deputies found a 40-year-old woman who had been shot in the "
     "leg. Two deputies returned fire, striking him. He died at the scene.", (1, 1)),
    # the one officers tried to stop is the suspect, not one more person hurt
    ("DENTON, Texas — A deputy and a man he had tried to stop were both wounded in a shootout on "
     "Friday, the sheriff said. The man fired at the deputy, hitting him in the arm. The deputy fired "
     "back, striking the man. Both were taken to a hospital.", (0, 2)),
    # one told only as "his brother" is not among a group told as none hurt
    ("A man who shot his brother on Sunday was killed by deputies minutes later. His brother was "
     "taken to a hospital in stable condition. No deputies were hurt.", (1, 1)),
    # a toll joined to another shares its update, with its own figure
    ("Four worshippers were killed and 12 wounded in the blast on Friday, police said. Later, a "
     "ministry spokesman said the death toll had risen to six and the number of wounded to 17.", (6, 17)),
    # those receiving treatment are alive: not among the dead told before
    ("Gunmen killed four traders at a market on Thursday. Two persons who sustained gunshot "
     "wounds are receiving treatment at the general hospital, a resident said.", (4, 2)),
    # an ordinal goes on with the count of its own kind
    ("Two soldiers and a farmer were killed when militants attacked an army post on Thursday. A "
     "third soldier was wounded and taken to hospital.", (3, 1)),
    # what sources "had earlier told" is an early figure, superseded
    ("A bomb in a market killed one person and wounded six others on Sunday, police said. Local "
     "sources had earlier told reporters that ten people were wounded.", (1, 6)),
    # a superlative's "this year" dates no other incident
    ("A truck bomb killed at least 25 people and wounded 40 in a market on Saturday, police said, in "
     "one of the deadliest attacks in the province this year.", (25, 40)),
    # a tally in the perfect right after a sentence of another time is that tally's
    ("Gunmen killed three villagers in the hills on Tuesday, officials said. Police reached the "
     "village hours later. Residents fled to the town. The state has been in turmoil since clashes "
     "broke out in May 2023. More than 200 people have been killed.", (3, 0)),
    # an event summary's best estimate among the sources' range
    ("Government - rebels. 3 May 2023: An airstrike hit a market in the town. Sources report between "
     "8 and 20 deaths. Best estimate: 10 (low 8, high 20).", (10, 0)),
    # people "along with" the victims are more victims
    ("A missile struck a camp on Sunday, killing a woman and her two children along with three "
     "other residents, officials said.", (6, 0)),
    # "Meanwhile," opens another incident; a day's total over many strikes is no event's
    ("Two suicide bombers killed six people at a market on Tuesday. Meanwhile, troops on Monday "
     "repelled an attack on a base, killing five terrorists, the army said.", (6, 0)),
    ("An airstrike killed four people in a building on Wednesday. In its evening update, the "
     "ministry said strikes on the south had killed nine people over the course of the day.", (4, 0)),
    # members of a force are of that force: one group with the soldiers counted before
    ("Jihadists attacked a detachment on Sunday, killing at least 12 soldiers and three civilian "
     "auxiliaries. A source said 12 soldiers and three members of the Volunteers for the Defence "
     "of the Homeland had been killed. Two civilians were also killed by stray bullets.", (17, 0)),
    # a figure said to be unconfirmed gives way to a confirmed one
    ("Nine soldiers were killed in the ambush, the ministry said. A local source said about "
     "thirty soldiers had died, a figure that could not be independently verified.", (9, 0)),
    # people of another kind after a count and a comma are more of the list ...
    ("Two militants, an army soldier and a police constable were killed in a gunfight in the forest on Tuesday.", (4, 0)),
    # ... people of the same kind restate the count
    ("Two children, a boy and a girl, were wounded when a shell hit their home on Monday.", (0, 2)),
    # a party's spokesman telling what "the group's fighters" killed speaks for the group
    ("A rocket hit a clinic in the town on Monday, killing two nurses, doctors said. A Houthi "
     "spokesman said the group's fighters had shelled \"enemy positions\" and killed 40 of them.", (2, 0)),
    # "(N of) them" after the attackers are attackers, not more of the people killed
    ("Gunmen killed 14 villagers in a raid on the market on Tuesday. Soldiers pursued the attackers "
     "into the bush and killed three of them, the army said.", (17, 0)),
    # fighters the army says it killed, told after a count of people its soldiers killed, are
    # among those people ...
    ("Five people were killed on Monday when soldiers raided a village in the hills, residents said. "
     "The army said its troops had neutralised four terrorists in the operation.", (5, 0)),
    ("Troops killed six people in a raid on the camp on Friday, the health ministry said. The "
     "military said it had killed three gunmen.", (6, 0)),
    # ... not when the people were killed by others
    ("Gunmen killed five people in a village on Monday, residents said. The army said its troops "
     "later killed four of the attackers.", (9, 0)),
    # attackers who set off their vests died too, besides those shot
    ("Militants stormed a police post on Monday, killing three constables. Four of the attackers "
     "were shot dead by police, while two others detonated their explosive vests at the gate.", (9, 0)),
    # hurt by an accident during the incident is not hurt by the attack ...
    ("A man was shot dead outside a bar late Saturday. A bouncer who chased the gunman's car was "
     "struck by the vehicle and suffered minor injuries.", (1, 0)),
    ("Deputies shot and killed an armed man on Friday. A deputy suffered a minor knee injury when "
     "he slipped on the icy driveway.", (1, 0)),
    # ... unless the sentence tells the attack's harm too
    ("A man was shot dead outside a bar late Saturday. A second man was shot in the arm and hit by a "
     "car as he fled.", (1, 1)),
    # one shot and released the next day lived: not the one who died
    ("Two men were shot outside a store on Thursday. John Doe, 30, died at the scene. A 24-year-old "
     "man was shot in the hip; he was treated at a hospital and released the next day.", (1, 1)),
    # a list of people that goes on after "the X, his Y" ...
    ("A shell hit a pickup on the highway on Monday, killing the driver, his brother and four "
     "farmers, residents said.", (6, 0)),
    ("Gunmen raided the hamlet on Monday night, killing the headman, his wife and two of their "
     "sons, local sources told the radio.", (4, 0)),
    ("An airstrike on a lorry killed the driver, his helper and six traders, including two women, "
     "villagers and a nurse said on Friday.", (8, 0)),
    ("A shell hit a shelter on Friday, killing six people, among them one aid worker, and wounding "
     "nine.", (6, 9)),
    ("Gunmen stormed a checkpoint on Thursday, killing nine people, a police officer and a local "
     "official said.", (9, 0)),
    ("At least 30 people, most of them soldiers, were killed when militants attacked the base on Sunday.", (30, 0)),
    # a soldier told by name and rank is one of the police or soldiers counted
    ("Two police officers and a boy were killed when rebels attacked the station on Friday. Patrolman "
     "John Doe died at the scene and Sergeant Richard Roe died hours later in hospital.", (3, 0)),
    # "not including the attackers": the bomber's death is more
    ("A suicide bomber and gunmen attacked a checkpoint on Monday. Two more victims died overnight, "
     "bringing the toll to nine, not including the attackers.", (10, 0)),
    # a later sentence opening on "Last <weekday>," or "On the same day as" tells another incident
    ("A bomb tore through a market in the town on Sunday, killing 12 people. The blast is the "
     "latest in a wave of attacks. Last Tuesday, gunmen killed four policemen at a checkpoint.", (12, 0)),
    ("An airstrike on a village killed 20 people on Tuesday. On the same day as the strike, shelling "
     "in a nearby township killed three people.", (20, 0)),
    ("A drone struck a checkpoint on Tuesday, killing three guardsmen. Hours later, in a nearby city, "
     "a family of four was shot dead in an incident that officials have not linked to the attack.", (3, 0)),
    # a preliminary toll's hurt stand beside a target the forces say they struck
    ("A strike on a house killed five people and wounded nine on Tuesday, the ministry said in a "
     "preliminary toll. The military said it had struck a militant operating in the area.", (5, 9)),
    # people "who it said were killed" are counted
    ("Three soldiers were killed when rebels attacked a post on Thursday night. The rebels held "
     "funerals for five fighters who they said were killed in the attack.", (8, 0)),
    # soldiers a toll says it includes, counted again later, are among it ...
    ("Insurgents killed eight people, including two soldiers, in an attack on the town on Friday. "
     "The governor said that two soldiers had died and five were wounded.", (8, 5)),
    # ... not those who died after it
    ("Insurgents killed eight people, including two soldiers, in an attack on the town on Friday. "
     "Two more soldiers died in hospital on Saturday.", (10, 0)),
    # a building damaged in an earlier strike dates no figure of the sentence to it
    ("An airstrike hit a market on Sunday, killing 21 people. More than 30 people were injured and "
     "were treated at clinics, as the town's hospital was damaged in an earlier strike.", (21, 30)),
    # (not the speakers after the victims)
    ("A drone hit a bus near the town on Tuesday, killing 13 civilians, two residents and a nurse said.", (13, 0)),
    # ... and one joined after a closed "including" phrase
    ("Three villagers, including a teacher, and a militiaman were killed in the raid on Friday.", (4, 0)),
    # ("as well as" goes on with those included)
    ("Gunfire struck five people, including three children, as well as the children's uncle, on Friday.", (0, 5)),
    # those treated in or at a hospital are hurt
    ("Militants killed six villagers on Sunday. Eleven other people were being treated at the "
     "district hospital, officials said.", (6, 11)),
    # the man found dead is the perpetrator who died, told again
    ("A man who shot at deputies late Friday died of a self-inflicted gunshot wound, the sheriff "
     "said. When deputies entered the house on Saturday, they found the man dead of what appeared "
     "to be a self-inflicted wound.", (1, 0)),
    # a qualified count read as a phrase on "over" is the joined verb's subject
    ("One man was killed and over a dozen were injured when rival supporters clashed on Friday.", (1, 12)),
    ("A policeman was killed and about 30, including four officers, were hurt in the riot.", (1, 30)),
    # a person titled by what he heads is a victim; a head shot is no person
    ("Bandits stormed the settlement on Sunday, killing the ward head and his wife.", (2, 0)),
    ("Bandits shot a trader in the head on Sunday.", (0, 1)),
    # a party's claim that the other side denies counts in no total
    ("Rebels fired mortars at an army camp on Monday night. The rebels claimed in a statement that "
     "five soldiers had been killed. The army denied the claim, saying one soldier was slightly injured.", (0, 1)),
    # ... whatever verb of the party's clause tells the figure
    ("A rebel spokesman said its fighters had attacked an army post, killing 12 soldiers and wounding "
     "nine others. The army rejected the claim, saying two soldiers were wounded.", (0, 2)),
    # ... also when the claim "was dismissed" in the passive
    ("Rebels fired mortars at an army camp on Monday night. The rebels claimed in a statement that "
     "five soldiers had been killed. The claim was dismissed by the army as propaganda.", (0, 0)),
    # a party's claims over a period are no incident's
    ("Shelling killed a farmer and his son in a village on Friday, residents said. The rebels said "
     "their fighters had killed 60 soldiers in clashes over the past week.", (2, 0)),
]


@pytest.mark.parametrize("text,expected", CONFLICT_TOTALS)
def test_conflict_totals(nlp, text: str, expected: tuple) -> None:
    assert _totals(nlp, text) == expected


# A dated story's later sentences that go on with another incident told before them.
RECALLED_FOLLOW_ONS = [
    # a city's tally told in the perfect right after it ...
    ("A man was shot dead outside a store on Friday night. Police have no suspects. Detectives "
     "canvassed the block. At least 300 people have been killed in the city this year. More than "
     "1,900 people have been shot.", [False, True, True]),
    # ... and the person of a recalled incident pointed back at ("That teen")
    ("Two men were wounded early Sunday outside a bar. Police said the gunman fled. No arrests "
     "were made. The shooting came less than a day after a teenager was wounded a few blocks away. "
     "That teen was shot in the leg on Saturday afternoon.", [False, True, True]),
    # ... but not after a recalled sentence that only pointed back at the story's own victim
    ("A student was found dead in her bedroom on Monday. Deputies arrived at 6 a.m. A neighbor "
     "called them. The man charged with killing her had ended their romance in recent weeks. She "
     "had been shot through a window.", [False, True, False]),
]


@pytest.mark.parametrize("text,flags", RECALLED_FOLLOW_ONS)
def test_recalled_incident_follow_ons(nlp, text: str, flags: list[bool]) -> None:
    ms = find_casualties(_parse(nlp, text))
    assert [m.other_incident for m in ms if m.category in ("killed", "injured")] == flags


def test_undated_report_recalling_a_month_of_another_year(nlp) -> None:
    text = ("Gunmen killed six miners at a gold site on Sunday. Troops killed two of the attackers. "
            "Residents fled to the town. In June 2023, an attack on a camp in the area killed 40 people.")
    assert [(m.low, m.other_incident) for m in find_casualties(_parse_undated(nlp, text))] == [
        (6, False), (2, False), (40, True)]


def test_digest_sentence_with_a_day_of_its_own_is_another_incident(nlp) -> None:
    ms = find_casualties(_parse_undated(nlp, "In the north, rebels 4 Mar killed 9 herders near a well. "
                                             "Army 19 Mar said air raids killed dozens of rebels."))
    assert [(m.low, m.other_incident) for m in ms] == [(9, False), (12, True)]


@pytest.mark.parametrize("text,expected", HIT_AND_DEAD)
def test_hit_and_dead(nlp, text: str, expected: tuple) -> None:
    assert _totals(nlp, text) == expected


def test_plural_noun_before_a_name_is_no_title(nlp) -> None:
    """"told police Marisol was shot": "police" is the one told, not Marisol's rank."""
    ms = find_casualties(_parse(nlp, "A neighbor told police Marisol was shot near the school."))
    assert [m.victim_kind for m in ms if m.category == "injured"] == ["unknown"]
    ms = find_casualties(_parse(nlp, "Officer Reyes was shot near the school."))
    assert [m.victim_kind for m in ms if m.category == "injured"] == ["police"]



def test_passive_verb_coordinated_with_an_active_one_shares_its_subject(nlp) -> None:
    """"The victim flagged down an officer and was taken to a hospital": the one taken is the
    subject, not the officer flagged down."""
    ms = find_casualties(_parse(nlp, "The woman called a neighbor and was rushed to a hospital."))
    assert [(m.category, m.victim_text) for m in ms] == [("injured", "woman")]
    ms = find_casualties(_parse(nlp, "The man found an officer and was transported to a hospital with a gunshot wound."))
    assert [(m.category, m.victim_kind) for m in ms] == [("injured", "civilians")]


@pytest.mark.parametrize("text,expected", [
    ("Police said 15-year-old Tavion Greer of Eastport was pronounced dead and 17-year-old Dre "
     "Holloway of Westfield was treated and released.", (1, 0)),
    ("15-year-old Tavion Greer of Eastport died at the hospital.", (1, 0)),
])
def test_name_told_with_an_age_is_a_person(nlp, text: str, expected: tuple) -> None:
    """"16-year-old Jane Roe": the tagger may take the name for an organisation; the age says
    it is a person."""
    assert _totals(nlp, text) == expected


@pytest.mark.parametrize("text,ages", [
    ("A brawl started and three unnamed men, ages 19-31 were shot.", (19, 31)),
    ("Deputies found two men - aged 23, 25, and 29 - and one girl, 15, had been shot.", (23, 25, 29)),
    ("Police found four people, ages 17, 19, 20 and 26, had been wounded.", (17, 19, 20, 26)),
])
def test_numbers_after_ages_are_ages(nlp, text: str, ages: tuple) -> None:
    """A list of numbers after "ages"/"aged" tells how old the victims are, not how many."""
    ms = find_casualties(_parse(nlp, text))
    assert not any(m.low in ages for m in ms)


LOCAL_PRESS_TOTALS = [
    # the rebels' side: Maoists, the body "of a cadre", "the toll of Maoists"
    ("Nine Maoists and two jawans were killed in an encounter in the forest on Friday. One more "
     "body, of a woman cadre, was found on Saturday, taking the toll of Maoists to 10.", (12, 0)),
    # "others" opening a sentence are more of the side counted just before; one of them dying
    # is one of those hurt
    ("Gunmen ambushed a patrol on Tuesday. Two jawans were killed on the spot. Three others who "
     "sustained bullet injuries were airlifted to Raipur, where one of them died.", (3, 2)),
    # a counted subject the parser left hanging before a second subject ("both natives of ...")
    ("Militants attacked a police post on Sunday night. Two CRPF jawans, an inspector and a "
     "constable, both natives of Bihar, were killed in the firing.", (2, 0)),
    # a dateline ending in a colon is no subject of the lead's verb
    ("Churachandpur, May 4 : A 30-year-old villager was killed and two others injured when gunmen "
     "fired at farmers from the hills this morning.", (1, 2)),
    # police told as policemen and as a force's personnel in other sentences are the same men
    ("Three policemen were martyred in an encounter with terrorists in the forests on Monday. "
     "Officials said two SOG personnel were killed in the first exchange of fire. Four others, "
     "including the DSP, were injured. Late last night, one of the injured, a constable, succumbed, "
     "taking the toll of policemen to three.", (3, 3)),
    # the military press: "sons of the soil embraced shahadat"; "the number of martyred soldiers"
    ("At least seven soldiers were martyred and nine militants killed when terrorists attacked a "
     "post on Friday night, officials said. \"In the ensuing exchange of fire, nine terrorists were "
     "sent to hell, while six brave sons of soil embraced shahadat,\" the statement said. Later one "
     "of the injured soldiers succumbed, raising the number of martyred soldiers to seven.", (16, 0)),
    # "four of them" after a count "including 11 policemen" are of the count, not the policemen
    ("Seven people, including five policemen, were martyred and 19 others injured in the attack on "
     "Tuesday. \"Nineteen injured, including 11 policemen, are under treatment, and four of them are "
     "in critical condition,\" he added.", (7, 19)),
    # the hurt told twice, then one of them dead: the rest are hurt
    ("Five soldiers were killed and eight others injured in an attack on a base on Sunday. The "
     "army said five soldiers died while eight others sustained injuries. On Monday an officer said "
     "one of the injured soldiers had died.", (6, 7)),
    # ... also when the dead are told as of a country and the hurt are not
    ("Five Nigerian soldiers were killed and eight others injured in an attack on a base on Sunday. "
     "The army said five soldiers died while eight others sustained injuries. On Monday an officer "
     "said one of the injured soldiers had died.", (6, 7)),
    # what forces "had killed ... on Friday" in a report of Saturday's attack is another day's
    ("Seven jawans were killed when Maoists blew up their vehicle on Saturday, police said. During "
     "the same operation, forces had killed two Maoists in an exchange of fire on Friday.", (7, 0)),
]


@pytest.mark.parametrize("text,expected", LOCAL_PRESS_TOTALS)
def test_local_press_totals(nlp, text: str, expected: tuple) -> None:
    assert _totals(nlp, text) == expected


def test_others_opening_a_sentence_are_of_the_side_counted_before(nlp) -> None:
    """"Two jawans were killed. Three others were injured": the others are jawans too; after a
    sentence that counted people of no side, or of two sides, they stay of no side."""
    kinds = [m.victim_kind for m in find_casualties(_parse(nlp, "Two jawans were killed on the spot. "
                                                                 "Three others were injured in the firing."))]
    assert kinds == ["state_forces", "state_forces"]
    kinds = [m.victim_kind for m in find_casualties(_parse(nlp, "Two soldiers and a rebel were killed on the "
                                                                 "spot. Three others were injured in the firing."))]
    assert kinds[-1] == "unknown"


WIRE_AND_RIGHTS_GROUP_TOTALS = [
    # a list of sides as two subjects, the first one hung on the reporting verb
    ("Rebels attacked the town on Friday. Twelve rebels, three soldiers and two civilians died, a "
     "ministry spokesman told reporters, adding that nine people were wounded.", (17, 9)),
    # a total, its parts told in a sentence of their own, and an armed group's claim whose speaker
    # the parser hangs on a misread relative clause
    ("Insurgents attacked the port town on Friday, sparking fighting in which 20 people were killed, "
     "the ministry said. Fourteen insurgents, four soldiers and two civilians died, a spokesman told "
     "reporters. Islamic State, which calls the insurgents its Sahel Province, said through its news "
     "agency that its fighters had killed more than 30 soldiers.", (20, 0)),
    # soldiers and attackers a total says it includes, one of them told with "a", the others as
    # "two of the attackers"
    ("At least 10 people, including a soldier and two of the attackers, were killed in an ambush on "
     "a bus on Monday. Seven passengers were killed and five others wounded. A soldier escorting the "
     "bus died, and two of the gunmen were shot dead.", (10, 5)),
    # a strike by a government task force: the bandits the police say it killed are of its toll
    ("A drone strike carried out by a government task force on a gang hideout has killed at least 12 "
     "people, including three children, a rights group said. Police said in a statement that eight "
     "bandits had been neutralised in the operation.", (12, 0)),
    # "the number of people killed ... to 33", the "to" hung on "killed"
    ("Gunmen stormed a village on Thursday, killing at least 20 people. On Friday, the civil "
     "protection agency raised the number of people killed by the gang to 33.", (33, 0)),
]


@pytest.mark.parametrize("text,expected", WIRE_AND_RIGHTS_GROUP_TOTALS)
def test_wire_and_rights_group_totals(nlp, text: str, expected: tuple) -> None:
    assert _totals(nlp, text) == expected


@pytest.mark.parametrize("text,other", [
    # a war's toll, its subject far from its verb
    ("The war between the army and the militia, now in its third year, has killed tens of "
     "thousands of people.", True),
    # the Nigerian press's way to recall an earlier incident
    ("Recall that in May, gunmen killed 30 people in the same area.", True),
    # a count across a territory
    ("Health officials said at least 40 people had been killed across the Gaza Strip since dawn.", True),
    # an earlier attack named by month and year
    ("The gang was behind an August 2023 attack that killed 50 people.", True),
])
def test_more_tolls_of_other_incidents(nlp, text: str, other: bool) -> None:
    ms = find_casualties(_parse_undated(nlp, "Gunmen attacked a market on Monday, killing four people. " + text))
    assert [m.other_incident for m in ms][1:] == [other]


def test_lead_under_headlines_dates_the_event(nlp) -> None:
    """A rights group's release opens with headline lines: its lead's day is the event's own."""
    text = ("Nigeria: Gunmen Kill Villagers in Kaduna\n\nAuthorities Should Protect Communities\n\n"
            "(Lagos) - Gunmen killed at least 17 villagers in a village in Kaduna State on March 3, 2025, "
            "a rights group said today. At least six other people were wounded.")
    assert [m.other_incident for m in find_casualties(_parse_undated(nlp, text))] == [False, False]


MONITORING_DESK_TOTALS = [
    # a lead that names the day of the telling too: the event's day is the other one
    ("Four police officers were killed late Tuesday when militants attacked a checkpoint, an official "
     "told reporters on Wednesday. The wounded were taken to hospital. On Monday, two shepherds were "
     "killed by a mine nearby.", (4, 0)),
    # a new operation on a later day is another incident
    ("Seven people were killed on Sunday night when gunmen attacked a funeral in a village, a source "
     "said. The wounded were taken to hospital. On Tuesday, the army said jets had struck a hideout, "
     "killing four militants.", (7, 0)),
    # a passive toll of another, earlier day in the same clause
    ("Nine policemen were killed on Monday when rebels ambushed their convoy. They were returning from "
     "an operation during which five rebels were killed in an exchange of fire on Saturday.", (9, 0)),
    # "N of whom" are among the figure they are of
    ("Gunmen killed two traders on Friday. Twelve others were still receiving treatment, three of whom "
     "were in critical condition.", (2, 12)),
    # a death before the event told in a clause of its own
    ("Gunmen opened fire on mourners who had gathered to grieve for a relative who had died days "
     "earlier, killing six people.", (6, 0)),
    # "reported X and Y killed": the whole list
    ("The army reported 4 soldiers and 6 militants killed in the clash on Sunday.", (10, 0)),
    # a part "among them" the parser joined to the count as one more of a list
    ("At least fourteen civilians, among them three children and an elderly woman, were killed in an "
     "attack on a village on Sunday night, residents told reporters.", (14, 0)),
    # the victims the parser took for the subject of "said", the speaker for their apposition
    ("An explosion tore through a mosque on Friday, killing at least seven worshippers, a Taliban "
     "spokesman for the provincial police said.", (7, 0)),
    # "cost the lives of"; mourners' "we buried"; "Eight wounded were evacuated"
    ("The attack cost the lives of 11 civilians. Eight wounded were evacuated to the health centre.", (11, 8)),
    ("\"We buried seventeen people yesterday,\" a resident said of the attack on the convoy.", (17, 0)),
    # the counted victims the parser hangs on "according to" as the source's apposition
    ("According to the civil defence, 10 civilians, including three children, were killed and 31 "
     "others were injured in the shelling on Monday.", (10, 31)),
    # "bringing the number of people killed in the 8 June shelling to 22": "to" hung on "shelling"
    ("Shells struck the camp on 8 June, killing at least 19 people. On 9 June volunteers recovered "
     "the body of a girl, bringing the number of people killed in the 8 June shelling to 22.", (22, 0)),
    # military communiqués: soldiers who "fell in action", "the martyrdom of" soldiers
    ("Three soldiers fell in action during the assault on the base on Monday, the army said.", (3, 0)),
    ("The attack resulted in the martyrdom of two soldiers and the wounding of another soldier.", (2, 1)),
    # mourners' "we have buried" is their count of the dead, no party's claim of harm done
    ("The ministry said 12 civilians had been killed. On Tuesday the deputy mayor gave a higher "
     "figure: \"We have buried 19 people,\" he said.", (19, 0)),
    # a bomber told dead by his attack alone is one more than the gunmen counted in another sentence
    ("Six soldiers were killed when a suicide bomber drove a car into a checkpoint on Tuesday. Two "
     "gunmen travelling behind the car opened fire and were killed by troops.", (9, 0)),
    # ... but not more than "the attackers", a word that holds him
    ("Six soldiers were killed when a suicide bomber drove a car into a checkpoint on Tuesday. All "
     "three attackers, the driver and two gunmen, were killed.", (9, 0)),
    # a claim told after the words that dismiss it
    ("Three soldiers were killed when rebels attacked a base on Friday, the army said. The army "
     "dismisses the false claims published by the rebels that they killed 20 soldiers.", (3, 0)),
    ("The army dismissed the claims that rebels had killed 20 soldiers, saying three soldiers died in "
     "the attack on Friday.", (3, 0)),
    # ... but a funeral of someone told already adds no one
    ("Three people were shot dead at a farm on Friday before the gunman killed himself. The gunman, "
     "who was buried on Saturday, had a history of violence.", (4, 0)),
]


@pytest.mark.parametrize("text,expected", MONITORING_DESK_TOTALS)
def test_monitoring_desk_totals(nlp, text: str, expected: tuple) -> None:
    assert _totals(nlp, text) == expected


def test_south_asian_rank_before_a_name_is_a_soldier(nlp) -> None:
    """"Havildar Ram Singh made the supreme sacrifice": the rank tells a soldier."""
    ms = find_casualties(_parse(nlp, "Havildar Ram Singh made the supreme sacrifice in the line of duty."))
    assert [m.victim_kind for m in ms] == ["state_forces"]


SAHEL_AND_CODER_NOTE_TOTALS = [
    # a rank opening a name after an opening phrase ("In a gunfight ..., Lance Naik X Y ...")
    ("During a search operation in the hills on Friday, Lance Naik Deepak Rawat made the supreme "
     "sacrifice, the army said.", (1, 0)),
    # a group's record told by "thousands" is no toll of the event
    ("Rebels killed nine villagers in a raid on Sunday night. The militia, which is accused of "
     "killing thousands of civilians, denied any role.", (9, 0)),
    # rebels killed in the pursuit are the armed side, beside the civilians they killed
    ("Attackers killed 11 villagers on Tuesday night, local officials said. The army said its "
     "soldiers had shot dead two rebels while pursuing the attackers.", (13, 0)),
    # the bodies a side left as it fled are its own dead, beside the others killed
    ("Eight soldiers were killed in the attack on the camp. The assailants retreated, leaving 10 "
     "bodies behind. Two herders were also killed by stray bullets.", (20, 0)),
    # ... but not the bodies left by attackers who stormed a village
    ("Gunmen stormed the village at dawn, leaving 14 bodies in the streets, residents said.", (14, 0)),
    # a claim told by a participle after "claimed responsibility"
    ("Nine soldiers died when insurgents overran the outpost, the army said. The group claimed "
     "responsibility on its website, asserting that it had killed 40 soldiers.", (9, 0)),
    # a revised toll told on a later day; a first statement gives way to it
    ("On 12 May, gunmen ambushed a patrol near the river. First army statement: 3 soldiers killed, "
     "2 wounded. Revised toll from hospital sources on 14 May: 5 soldiers killed, 4 wounded.", (5, 4)),
    # a coder's label for an armed group's claim
    ("Militants attacked the checkpoint on 2 June; 4 policemen killed. Jihadist claim via its news "
     "agency (25 policemen killed) not verified.", (4, 0)),
    # a toll told as a list of people
    ("Gunmen raided the village before dawn. The provisional toll is five gendarmes and three "
     "herders killed, as well as several wounded.", (8, 3)),
    # ... but not the parts told after it ("among them")
    ("The health office raised the toll to 26 dead, among them nine children and five women.", (26, 0)),
    # a communique's own side; another incident "in another development"
    ("On the friendly side, we deplore 11 killed and 8 wounded. In another development, a patrol "
     "struck a mine near the river, causing the death of two of our soldiers.", (11, 8)),
    # a claim the forces call false; "in a related development" another incident
    ("Four soldiers were killed when insurgents attacked the base. Claims by the terrorists that "
     "30 soldiers died are false. In a related development, troops neutralised six insurgents "
     "near the lake.", (4, 0)),
    # bombers a toll leaves out ("the figure does not include"), after a hurt figure some of whom died
    ("Two suicide bombers struck the bus station, killing 14 people and wounding 30. \"The figure "
     "does not include the two bombers,\" an official said. Two of the injured later died.", (18, 28)),
    # cattle raiders killed in the pursuit are the armed side, beside the herders they killed
    ("Gunmen killed 17 herders at a cattle camp on Friday. Local youth pursued the attackers and "
     "three of the raiders were killed, the commissioner said.", (20, 0)),
    # a coder's "coded separately"
    ("On 3 May, militia fighters ambushed an army truck; 4 soldiers killed. Troops then shelled a "
     "nearby village, killing 2 civilians (coded separately).", (4, 0)),
    # a running toll "since fighting resumed"
    ("Shells struck the village on Sunday, killing five people. More than 120 civilians have been "
     "killed in the township since fighting resumed in the spring, the group said.", (5, 0)),
    # "Earlier on the 4th": another day's incident
    ("Two policemen were martyred when terrorists attacked a checkpoint on Monday night. Earlier on "
     "the 9th, four policemen were martyred in an ambush in the same district.", (2, 0)),
    # "police personnel" are the police told before, their toll raised by one who succumbed
    ("Three policemen were martyred in the attack on the post. Later a constable succumbed to his "
     "wounds, raising the number of martyred police personnel to four.", (4, 0)),
    # a claim the next sentence doubts, beside a neutral count
    ("Local officials said six civilians were killed in the air strike. The rebels said 25 "
     "civilians had died. The claim could not be independently verified.", (6, 0)),
    # "a motorcycle shot dead" read as a noun by the parser
    ("Masked gunmen on a motorcycle shot dead two former police officers near the bus station.", (2, 0)),
    # a sentence dated in the story's year names another year only in passing
    ("On 4 November 2021, gunmen killed two men who had signed the 2018 peace deal.", (2, 0)),
    # a communique's "rose as martyrs"
    ("Our forces repelled the assault on the position. Three of our heroes rose as martyrs and "
     "five others were wounded.", (3, 5)),
    # "around the state capital" is no cue of a statewide tally
    ("An airstrike on a market in the township killed at least 12 people, residents said on "
     "Monday, as fighting intensified around the state capital.", (12, 0)),
    # a hurt figure some of whom died, with the dead pointed back at in between
    ("A farmer was killed and four others injured when shells landed in the village on Saturday. "
     "The deceased, Ram Kumar (60), was hit by a shell inside his courtyard. One of the injured, a "
     "woman, succumbed at the hospital on Sunday, while the remaining three are stable.", (2, 3)),
    # "The incident follows an attack ... in which 23 were killed"
    ("Gunmen killed nine villagers in the market town on Sunday. The incident follows an attack on "
     "a nearby village in which 20 civilians were killed.", (9, 0)),
    # a pursuit on a later day is another operation
    ("Insurgents killed four fishermen on the beach on Monday, residents said. On Tuesday, troops "
     "pursued the attackers into the forest and killed six of them, officials said.", (4, 0)),
    # a participle told of a counted plural the parser hung elsewhere
    ("Two gunmen opened indiscriminate fire on the villagers, leaving three persons dead on the "
     "spot and six others, including two children, injured.", (3, 6)),
    # a new attack told on the day after
    ("Gunmen killed nine mourners in a village on Thursday. The following day, gunmen killed four "
     "men in a nearby village in a revenge attack.", (9, 0)),
    # a flash update's cumulative toll "since 7 October", and its next item "Also on ..."
    ("On 3 May, an airstrike hit a house in the camp. The ministry said 14 people were killed. "
     "Also on 3 May, four people were killed when a car was hit in a nearby town. The number of "
     "people killed in the territory since 7 October has reached 9,100.", (14, 0)),
    # a toll raised "to ten, among them three children": the toll, not its parts
    ("Rescuers pulled two more bodies from the rubble of a shop, bringing the number of dead from "
     "the morning's strikes to eleven, among them four children and a woman.", (11, 0)),
    # "The same week, ..." another incident
    ("Rebels killed 14 villagers on Tuesday night. The same week, in a neighbouring territory, "
     "another attack killed 20 people near the main road.", (14, 0)),
    # a breakdown after "N of them" is held in the count before it
    ("The governor said six people were killed in the explosion, four of them soldiers and two "
     "civilians who were waiting in their cars to be searched.", (6, 0)),
    # a count the parser hangs on the adjective after it
    ("Three soldiers died on Friday. The twelve other wounded are in a stable condition.", (3, 12)),
]


@pytest.mark.parametrize("text,expected", SAHEL_AND_CODER_NOTE_TOTALS)
def test_sahel_and_coder_note_totals(nlp, text: str, expected: tuple) -> None:
    assert _totals(nlp, text) == expected


# Newspaper prose with headlines, and coders' notes (session 11)
NEWSPAPER_AND_NOTE_TOTALS = [
    # a claim an armed group marked as outlawed makes of other victims, doubted as the object of
    # the next sentence's verb
    ("Gunmen shot dead five road workers at a camp near the town, police said. The outlawed "
     "Mountain Freedom Front said its fighters had killed nine soldiers at the camp. "
     "The agency could not independently verify the claim.", (5, 0)),
    # a claim told by a participle whose clause goes on from another one's subject
    ("Four soldiers were killed when militants ambushed a patrol on Thursday, officials said. The "
     "Hill Tigers Front, considered an offshoot of an older outfit, claimed responsibility in a "
     "message online, asserting that nine soldiers had been killed.", (4, 0)),
    # a later day's encounter is another operation
    ("Three soldiers were killed when militants ambushed a patrol on Thursday, officials said. "
     "On Saturday, two militants were killed in an encounter in the hills nearby.", (3, 0)),
    # an air or drone strike is the forces': the fighters they say they killed are among its dead
    ("A drone strike hit a car outside the town on Sunday, killing three people, local officials "
     "said. The defence ministry said it had neutralised two terrorists in the region.", (3, 0)),
    # the forces' count of fighters and a count of people in one sentence, the fighters also
    # in the headline before it: the same dead
    ("Army says 2 militants killed; villagers say 3 dead\n\nSoldiers killed two militants in an "
     "air strike on the village on Monday, the army said, while villagers said three people had "
     "been killed.", (3, 0)),
    # "the number of X killed", the participle hung on "number" by the parser
    ("Militants killed five soldiers at the post on Sunday. A doctor said that two of the wounded "
     "soldiers had died, raising the number of soldiers killed to seven.", (7, 0)),
    # a pronoun under a clause whose subject is the attacker is the attacker
    ("An attacker stabbed shoppers in the market on Friday, killing a woman and wounding three "
     "other people before he was shot dead by a guard, officials said.", (2, 3)),
    # a headline's bare subject after a semicolon
    ("One killed in market stabbing; attacker shot dead\n\nA man stabbed a shopper to death at "
     "the market on Friday before a guard opened fire, police said.", (2, 0)),
    # "to death" hung on the object
    ("A man stabbed a shopper to death at the market on Friday, police said.", (1, 0)),
    # "neutralised" split later into killed and captured: the killed
    ("Two soldiers were killed in a clash with insurgents on Monday, the ministry said. \"Five "
     "terrorists were neutralised in the operation that followed,\" it said. A security source "
     "said three of the terrorists were killed and two were captured alive.", (5, 0)),
    # suicide bombers told past an apposition, with the explosives "strapped to their bodies"
    ("Two suicide bombers, believed to be teenage girls, detonated explosives strapped to their "
     "bodies at the bus station on Sunday, killing nine travellers.", (11, 0)),
    # a first subject the parser makes the object of "said" ("a couple" is two)
    ("Residents said a couple and their three children were hacked to death in their home.", (5, 0)),
    # ... or the subject of the participle after it; and a clause set against the one before
    # with "while" counts other victims, soldiers among them
    ("Residents said a couple and their three children were hacked to death in their home, while "
     "two farmers returning from the market and a vigilante were shot dead on the road.", (8, 0)),
    # a relative clause that places its deed in another month; "A day earlier, ..."
    ("Shells struck a camp for displaced people on Thursday, killing 11 people, activists said. "
     "Aid workers said food was running out. Thousands have fled to the camp from a nearby one, "
     "which fighters overran in March in an assault that killed more than 300 people.", (11, 0)),
    ("Shells struck a camp for displaced people on Thursday, killing 11 people, activists said. "
     "A day earlier, a drone strike on the main market killed 30 people, according to the group.",
     (11, 0)),
    # suicide bombers who drove explosives-laden vehicles, and the "other" attackers besides them
    ("Three soldiers were killed when two suicide bombers drove explosives-laden cars into the "
     "base on Monday. Four other attackers were shot dead by the guards, the army said.", (9, 0)),
    # "raising to six the death toll": the figure before the toll; a lead's updated toll holds
    # the groups told after it
    ("A wounded boy died in hospital on Sunday night, raising to six the death toll in the blast "
     "at the market.", (6, 0)),
    ("A wounded boy died in hospital on Sunday night, raising to six the death toll in the blast "
     "that hit a police van in the town. Three policemen were killed on the spot along with a "
     "vendor.", (6, 0)),
    # a count over several operations combined
    ("Troops killed two infiltrators near the fence on Monday night, the army said. It was the "
     "third bid this month; six infiltrators have been killed in the three operations combined.",
     (2, 0)),
    # one told as hurt in the attack who died on a later day is one more dead
    ("Two farmers were killed on the spot when the shell hit the field. A boy injured in the "
     "shelling died in hospital the following day.", (3, 0)),
    # "together with" with "together" hung on "with"
    ("Gunmen on a motorcycle opened fire on a car at the edge of the town, killing a local "
     "commander who had joined the police after the truce, together with his nephew, who was "
     "driving.", (2, 0)),
    # a running count over the month
    ("A shell killed a girl in the old town on Saturday, a medic said. The health office says "
     "nine children have been killed by sniper fire and shelling in the city this month.", (1, 0)),
    # a passive count of several buried is a count of the dead
    ("Bandits raided the town overnight. The district head said 14 residents had been buried by "
     "Sunday afternoon.", (14, 0)),
    # one of the hurt who died "in the evening", three sentences on, is one more dead
    ("Four police officers were killed and two others seriously injured when their vehicle hit a "
     "bomb near the town on Tuesday. The officers were on a routine patrol, the commander said. "
     "He blamed militants who had planted the device overnight. One of the injured officers died "
     "in the evening while being airlifted to the capital.", (5, 1)),
    # a partitive count in a list, read as an apposition of the noun before it
    ("Gunmen have killed a village chief, two of his guards and four traders in an ambush near "
     "the town, residents said.", (7, 0)),
    # a later day's operation opening the sentence
    ("Two soldiers were killed on Wednesday when fighters set off a bomb under their truck. In a "
     "follow-up operation on Thursday, troops killed five fighters at a camp nearby.", (2, 0)),
    # a party's count doubted by the next sentence's "The fourth death could not be confirmed"
    ("Police recovered three bodies from the house. The movement said four of its members were "
     "killed. The fourth death could not be confirmed.", (3, 0)),
    # operations of the days after the attack are others
    ("Insurgents beheaded four fishermen at the camp before dawn. The army said in a statement "
     "that its soldiers killed five insurgents in the firefight at the camp. In the two days that "
     "followed, the army said it killed a further eight insurgents in pursuit operations west of "
     "the town.", (9, 0)),
    # a toll that also counts another attack's dead
    ("Volunteers buried 21 bodies from the mining site, the Red Cross said. A local rights group "
     "put the death toll at 26, but its statement also counted five people killed in an attack "
     "on a nearby village the next day.", (21, 0)),
    # an opening count that names no one, equal to the body's people and attackers together
    ("17 killed as raiders attack herders' camp\n\nAt least 11 people were killed when armed men "
     "attacked a cattle camp on Saturday, officials said. Six of the attackers were killed when "
     "the herders fought back, the commissioner said.", (17, 0)),
]


@pytest.mark.parametrize("text,expected", NEWSPAPER_AND_NOTE_TOTALS)
def test_newspaper_and_note_totals(nlp, text: str, expected: tuple) -> None:
    assert _totals(nlp, text) == expected


EVERYDAY_PHRASING_TOTALS = [
    # "a total of" the people: the people after "of" are the victims
    ("Bandits raided a market in the hills on Monday, killing three people. A total of 15 people "
     "were injured, officials said.", (3, 15)),
    ("Bandits raided a market in the hills on Monday. A total of 15 people were killed, police said.",
     (15, 0)),
    ("Raiders stormed a cattle market near the river on Monday, killing a total of 14 people.", (14, 0)),
    # one of the hurt, named with their count and kind, died later: one more dead, one fewer hurt
    ("Militants stormed an army post on Monday, killing four soldiers and wounding three others. A "
     "military source later said that one of the three wounded soldiers died of his injuries in a "
     "district hospital.", (5, 2)),
    # a coder's labelled figures with their source in brackets; the label's list ends at a
    # semicolon or a new clause's verb
    ("On 3 May 2024, a bomb hit a bus. Killed: 4 (MSF). Wounded: 13 (ICRC).", (4, 13)),
    ("Fatalities: 6 (ACLED). Injured: 9 (WHO).", (6, 9)),
    ("On 3 May 2024, a bomb hit a bus in the city. Fatalities: 9 (civilians) per the UN; police "
     "reported 2 killed and 6 injured. Wounded: 14 (UN).", (9, 14)),
    # a figure given "without providing evidence" is a claim, not the toll
    ("Fighters killed at least 60 civilians in the town on Thursday, a rights group said. The "
     "provincial government said the number of dead could exceed 200, without providing evidence.",
     (60, 0)),
    # "the three" with no noun are the three gunmen just named, restated
    ("Gunmen stormed a hotel on Friday, killing ten guests, and all four attackers died. Police "
     "said a bomber blew himself up at the gate so that three gunmen could enter, and the three "
     "were later shot dead by troops.", (14, 0)),
    # a party's figure "not supported by any evidence" is a claim
    ("A bomb hit a bus station on Friday, killing ten travellers, police said. The insurgents "
     "claimed responsibility and said their fighters had killed more than 30 soldiers, a claim "
     "that is not supported by any evidence.", (10, 0)),
    # the fighters of a named armed group are not the civilians counted beside them
    ("Villagers said 17 civilians died in the crossfire on Tuesday. Elders said at least four "
     "al-Shabaab fighters had died in the fighting.", (21, 0)),
    # ... but a count of "people" may hold them
    ("Militants ambushed a checkpoint on Saturday, killing six SDF fighters, the group said. A "
     "monitor said seven people died in the attack, six SDF members and a shepherd.", (7, 0)),
    # the hurt a hospital admitted with their wounds are the living hurt, not everyone hit
    ("Shelling killed nine civilians in the market on Tuesday. The district hospital said it had "
     "admitted 30 people with shrapnel wounds.", (9, 30)),
    # an "officer" among soldiers is one of them: the toll his death raises holds the soldiers
    ("Four army soldiers were killed in an attack on their post on Monday. An officer who was "
     "critically wounded died hours later, raising the death toll to five.", (5, 0)),
    ("Two soldiers and two officers were killed in the ambush on Monday.", (4, 0)),
    ("Two soldiers were killed in the ambush on Monday. An officer was also killed.", (3, 0)),
    # two named men the parser ran into one name, or a name opened by a title and initials
    ("Militants ambushed a police patrol near the river on Thursday. Constable Ram Singh and "
     "Constable Mohan Lal were killed.", (2, 0)),
    ("\"Our men fired back. In the exchange of fire, which went on for two hours, four cadres were "
     "eliminated. Regrettably, Constable P K Rao and Constable M Das of the reserve battalion made "
     "the supreme sacrifice,\" the statement read.", (6, 0)),
    # "the <noun> had succumbed": the one of the hurt counted before with that noun
    ("Troops killed one militant in a gunfight in the forest on Tuesday. One village guard and one "
     "soldier were injured. Police later said that the village guard, a farmer aged 52, had "
     "succumbed at the district hospital.", (2, 1)),
    # the hurt the parser hung on the clause before ("embraced shahadat and four policemen were
    # injured"); the body of "a fourth attacker" is one more, and "the man" who died is he
    ("Three terrorists were killed in retaliatory fire on Sunday, while Constable Asif Khan "
     "embraced shahadat and four policemen were injured, the officer said. A reporter said that "
     "the body of a fourth attacker had been found in fields near the station; the officer later "
     "confirmed the recovery, saying the man had apparently died of wounds.", (5, 4)),
    # "among them" opens a part of the count before, however the parser hangs it
    ("A shell hit a house in the district on Friday. The provincial health director told reporters "
     "in the town that the provincial hospital and a clinic had received the bodies of six people, "
     "among them three children and a woman, and 11 wounded.", (6, 11)),
    # the hurt listed with the bodies brought in are no bodies
    ("Militants attacked an army convoy near the town on Wednesday. Hospital sources said that the "
     "bodies of four soldiers and five injured personnel had been brought in.", (4, 5)),
    # soldiers who "fell with arms in hand" (a communiqué's words for killed in action)
    ("Militants attacked an army base in the east on Wednesday, the army said. \"Regrettably, eight "
     "soldiers and three auxiliaries fell with arms in hand, and 14 soldiers were wounded,\" the "
     "statement said.", (11, 14)),
    # a group's armed members and the "terrorists" of the same count are the same men
    ("Three armed members of the Hill People Front and a soldier were killed in a gunfight early on "
     "Tuesday, the military said. \"Our men retaliated, and three terrorists were killed on the "
     "spot,\" the press release said.", (4, 0)),
    # a communiqué's count in apposition, written in words, is a count (an age is in digits)
    ("The army said on Wednesday that its unit had repelled an attack on its camp. \"Provisional "
     "toll: friendly side, two dead and five wounded,\" the communique said.", (2, 5)),
    # "On <day>, separately," opens another incident
    ("Militants attacked a military post on Tuesday, killing ten soldiers, the ministry said. On "
     "Wednesday, separately, the ministry said two civilians were killed by gunmen in another "
     "region.", (10, 0)),
    # suicide bombers who "detonated explosives" died with them (not militants who did)
    ("Three female suicide bombers detonated explosives at a crowded fish market on Saturday, "
     "killing 18 people.", (21, 0)),
    ("Three militants detonated explosives at a crowded fish market on Saturday, killing 18 people.",
     (18, 0)),
    # "two of them" as the object of a verb of its own counts others than the count before
    ("Bandits invaded the town on Monday evening. The police spokesman said 14 people were killed, "
     "adding that police operatives engaged the bandits in a gun duel and neutralised two of them.",
     (16, 0)),
    # ... but the count the parser hangs on the part is the count
    ("A mine attached to a minibus exploded on the main road this morning. As a result, four of our "
     "countrymen, among them a woman, were martyred and eleven others were injured.", (4, 11)),
    # a coder's labelled count of a force named by its initials, and a bare count before its verb
    ("On 9 May 2024, militants ambushed an army supply column on the road. Fatalities: 6 (4 FDS, 2 "
     "militants) per army communique. Wounded: 9 FDS. 3 trucks burnt.", (6, 9)),
    ("On 3 June 2025, armed men on motorbikes raided a hamlet outside the town. Fatalities: 6 "
     "(civilians). 2 wounded; 4 men abducted and goats taken.", (6, 2)),
    # "the two injured" are the two hurt told before, whatever their noun
    ("A jawan was killed and two of his colleagues were injured when Maoists triggered an IED in "
     "the forest on Tuesday, police said. Head constable Ram Lal died before he could be evacuated; "
     "the two injured were flown to the state capital.", (1, 2)),
    # "as well as" the victims counted: more victims, however the parser hangs them
    ("Militants attacked shepherds in the desert near the town of Palmyra, killing 11 of them as "
     "well as two Syrian soldiers and three fighters of an Iranian-backed militia who were guarding "
     "them, a war monitor said Monday.", (16, 0)),
    # "a monitor said Sunday": the day told, not the event's; the hurt of "the attack on
    # Saturday" are the event's own
    ("Jihadists attacked a group of herders in the desert near the town, killing 14 of them, a war "
     "monitor said Sunday. The monitor said at least seven other people were wounded after the "
     "attack on Saturday.", (14, 7)),
    # each side's own losses, told by that side, add up (and "admitted losing five of its men")
    ("Fierce fighting broke out between the militia and tribal fighters in the town on Wednesday. "
     "The militia said in a statement that eight of its fighters were killed. A spokesman for the "
     "tribal forces said 11 of their men had died in the clashes. Local activists said three "
     "civilians were killed by stray bullets.", (22, 0)),
    ("Fighting between rebels and militias in the town has left seven civilians dead, a local "
     "official said. The rebels said in a statement that they had repelled an attack and admitted "
     "losing five of its men. A spokesman for the militias said two of its members died in the "
     "clashes.", (14, 0)),
    # ... but a weekday earlier than the day before the telling is another incident's
    ("Twelve Maoists and three jawans were killed in an encounter in the hills, police said on "
     "Friday, a day after the gunfight broke out. On Tuesday, a villager was killed when he stepped "
     "on a pressure bomb planted by Maoists in the same district.", (15, 0)),
    # ... but a group's own dead it announces may be the men counted before, not told as civilians
    ("A drone strike hit a car on the road between two villages on Tuesday, killing two men, the "
     "health ministry said. The group later announced the deaths of two of its members without "
     "saying where they were killed.", (2, 0)),
    # a figure "dismissed as exaggerated", whoever told it; an attack whose "memories" are revived
    ("Raiders attacked a cattle camp on Sunday, killing six herders, the county commissioner said. "
     "Two of the raiders were shot dead by the herders. Local radio put the toll at 30, but the "
     "commissioner dismissed the figure as exaggerated.", (8, 0)),
    ("Gunmen stormed a village near the coast on Tuesday night, killing five men, police said. The "
     "attack revived memories of June 2014, when gunmen killed about 60 people in nearby villages.",
     (5, 0)),
    # a coder's "Casualties unknown.": no death counted, coded 0
    ("On 3 May 2024, jets struck positions of the group near the town. Casualties unknown.", (0, 0)),
    # a strike "later on Wednesday" and an attack recalled "since March, when ..." are others
    ("Militants ambushed an army patrol on Tuesday night, killing four soldiers. Later on Wednesday, "
     "army aircraft struck a militant hideout in the mountains, killing six militants.", (4, 0)),
    ("Militants ambushed an army patrol on Tuesday night, killing four soldiers. The ambush is the "
     "deadliest in the province since March, when a raid on a militia post killed three fighters.",
     (4, 0)),
    # "IS" before the victims is the group's name, not the verb
    ("Five IS fighters were killed in an airstrike on their hideout on Monday.", (5, 0)),
    ("Two IS suicide bombers blew themselves up at a checkpoint, killing five soldiers.", (7, 0)),
    # a victim of another named side "also" killed: one more
    ("Gunmen attacked a checkpoint on Monday, killing two PMF members. A Peshmerga member was "
     "also killed.", (3, 0)),
    # ... the hurt told besides the dead ("killing ... and wounding ..."): one of them who died
    # is one more dead, however the death is told
    ("A roadside bomb hit a police van on Monday, killing a constable and two guards and wounding "
     "five people. Doctors said one of the wounded died in hospital.", (4, 4)),
    # ... added to the toll of the source that tells the death, not to another source's lower one
    ("Shelling of a market killed six people on Monday, the civil defence said. Twelve people were "
     "wounded. A monitoring group put the toll at five. Later, the civil defence said one of the "
     "wounded had died in hospital.", (7, 11)),
    # ... the dead then listed in apposition are the same two
    ("A rocket hit a bus station on Sunday, killing two passengers, medics said. Doctors said they "
     "treated 10 wounded people. By evening, two of the wounded, a man and his son, had died, a "
     "doctor said.", (4, 8)),
    # ... a toll raised by them already holds them, the hurt named across it still lose them
    ("A car bomb went off near a checkpoint, killing four policemen. Officials at the district "
     "hospital said they had received 15 injured people. By night the toll had risen to six after "
     "two of the injured succumbed to their wounds.", (6, 13)),
    # ... not "several" of them: too vague to take from the hurt
    ("A bomb tore through a bus depot, killing at least 11 people and wounding more than 30, "
     "officials said. The toll rose to 14 overnight as several of the critically wounded died.",
     (14, 30)),
    # a unit's name with its short form before the person: the person is the one counted
    ("RAIPUR/DANTEWADA: Three Maoists and a Special Task Force (STF) jawan were killed in an exchange "
     "of fire on Sunday, police said.", (4, 0)),
    ("Five suspected militants and a Central Reserve Police Force (CRPF) jawan were killed in a "
     "gunfight in the district on Sunday.", (6, 0)),
    # another side's claim the police did not confirm, beside a confirmed toll: a claim kept, no
    # part of the total
    ("Gunmen fired on farmers near the hills on Friday, killing an elderly man, police said. Local "
     "defence groups claimed three of the gunmen were killed, which police did not confirm.", (1, 0)),
    # (the army's own unconfirmed count of the attackers it killed is counted, as coders do)
    ("Gunmen attacked a base on Friday. The army said it killed 12 of the attackers, a claim that "
     "could not be verified. Four soldiers also died, a security source said.", (16, 0)),
    # a note's next-day sentence that revises the toll is the same event
    ("On 3 March 2025, troops killed 9 rebels in a forest camp in the district. During a search of "
     "the camp on 4 March, troops found another body, and police revised the number of rebels "
     "killed to 10.", (10, 0)),
    # a count before "junta" is no date ("9 Jun"); a claim's reach ends at a semicolon
    ("On 12 May 2024, resistance fighters attacked a junta base in the town. Per their statement, "
     "2 of their fighters were killed. Their spokesman claimed 9 junta soldiers were killed; "
     "photos they published showed the bodies of 3 soldiers.", (5, 0)),
    # the hurt joined to a list of bodies are hurt
    ("A bomb went off in a mosque at prayer time. A doctor said the hospital had received the "
     "bodies of 8 worshippers and 25 wounded, some of them children.", (8, 25)),
    # tolls told as "the number of X killed at N", "the number of bodies ... had risen to N", and a
    # bare "figure" as it rises
    ("Herders attacked two hamlets on Sunday, killing 14 villagers. The district head, however, put "
     "the number of residents killed at 16, saying two more bodies were found.", (16, 0)),
    ("Herders attacked two hamlets on Sunday, killing 14 villagers. By Tuesday, officials said the "
     "number of bodies recovered from the farms had risen to 18.", (18, 0)),
    ("Herders attacked two hamlets on Sunday, killing 14 villagers. By Wednesday evening, the figure "
     "had risen to 17, as three more bodies were found in the bush.", (17, 0)),
    # (a figure that does not rise is no toll)
    ("A bomb killed 12 people at the market. The figure does not include the bomber.", (13, 0)),
    # "hoodlums" are the attackers
    ("Bandits stormed the village, killing nine residents, police said, adding that two of the "
     "hoodlums were neutralised by vigilantes.", (11, 0)),
    # a list after one person told by title is no apposition of them
    ("A bomb hidden in a cart went off as the convoy passed through the market, killing the "
     "Deputy Commissioner, a tehsildar and 3 police guards, and wounding 7 people.", (5, 7)),
    # a list the parser joins to the verb after its first object
    ("Militants attacked a village near the border overnight, killing the village head, his two "
     "wives and a teenage boy who tried to run, local officials said Monday.", (4, 0)),
    # an attack an undated report names by its year is another incident
    ("Three men were killed on Tuesday night when gunmen raided a farm near the coast. Two others "
     "were wounded. The attackers set fire to two houses. They fled into the forest. Residents "
     "recalled the 2015 market attack in which about 50 people were killed.", (3, 2)),
    # the hurt told by their care, fewer than the dead: they cannot hold the dead; two of them die
    ("Raiders attacked a cattle camp at dawn on Saturday, killing 22 people. Nineteen people who "
     "sustained gunshot wounds were taken to the county hospital. On Monday a doctor said two of "
     "them had died overnight.", (24, 17)),
    # an article telling "neutralised" covers the taken alive: the word counts no one dead; a
    # hurt man who died later, told "in a separate statement", is one more dead
    ("Three soldiers were killed and two others wounded in a clash with rebels in the hills, the "
     "ministry said, adding that five rebels had been neutralised. The authorities use the term to "
     "describe fighters who have been killed, captured or who have surrendered. A militiaman, a "
     "member of a village defence unit, who was also wounded in the clash died later in hospital, "
     "the governor's office said in a separate statement.", (4, 2)),
    # one count of the killed and the hurt together is a count of neither (but "no one was
    # killed or hurt" is none of either)
    ("Rebels shelled army positions in the district on Monday. 3 soldiers were killed and 4 wounded, "
     "the army said. It said dozens of rebels were killed and wounded in the fighting.", (3, 4)),
    ("Soldiers raided the camp on Thursday and arrested 12 men. No one was killed or injured, medics "
     "said.", (0, 0)),
    # a coder's context section set apart from the event
    ("On 2 May 2025, gunmen attacked a checkpoint north of the town, killing 4 fighters of the local "
     "militia. Context (not part of this event): clashes in the province during the same week killed "
     "more than 90 people.", (4, 0)),
    # forces' operation in the days after the event is another incident
    ("Insurgents killed five villagers in a raid on the outskirts of the town on Friday night, "
     "residents said. The army said it killed nine insurgents in a pursuit operation in the forest "
     "over the following days.", (5, 0)),
    # one seriously hurt in the attack who died on a later day is one more dead ...
    ("Seven civilians were killed with machetes during a night attack on the village on Thursday. "
     "A man who was seriously wounded in the attack died on Saturday at the district hospital, "
     "where two other wounded are still being treated.", (8, 2)),
    # ... but not the one soldier told dead before
    ("Two rebels and a soldier were killed in a gunfight in the hills, officials said. A soldier "
     "who was critically injured in the exchange succumbed to his injuries in hospital, officials "
     "said.", (3, 0)),
    # a running tally told after a "since" sentence, as the deaths it "has resulted in"
    ("A drone strike on a car near the border village killed two people on Thursday, the health "
     "ministry said. The ministry said four others were wounded. The group later fired rockets "
     "at a military post. Since March, the group has attacked border posts almost daily. On the "
     "other side, the fighting has resulted in the deaths of 12 soldiers. More than 200 people "
     "have been killed on this side of the border.", (2, 4)),
    # ... also beside one of the dead told as shot
    ("Herders attacked farm settlements on Sunday night. The council chairman said 15 bodies had been "
     "recovered, among them a boy who was shot while trying to flee. No fewer than six people who "
     "sustained injuries were rushed to the general hospital.", (15, 6)),
    # a communiqué's "the loss of" the forces' men are their dead (not of others: "the loss of two
    # sons to street violence")
    ("Militants attacked the army post at dawn. In a statement, the general staff said 30 attackers "
     "were neutralised and deplored the loss of nine soldiers and four auxiliaries, while twelve "
     "wounded were evacuated.", (43, 12)),
    ("A man was shot dead on Main Street on Sunday. The loss of two sons to street violence this "
     "year has left the neighbourhood stunned.", (1, 0)),
    # a "civilian death toll" raised later holds the civilians only, not the soldiers told before
    ("Four soldiers were killed when militants stormed the base on Monday, the army said. Hospital "
     "officials said they had received six bodies of civilians and 20 injured people. By evening the "
     "civilian death toll had risen to eight after two of the injured died.", (12, 18)),
    # a definite count equal to the dead told before points back at them
    ("Troops shot dead 9 suspected gunmen after they attacked a police post on Monday, police said. "
     "Two villagers were also killed. A community group said the 9 men killed were village guards, "
     "not gunmen.", (11, 0)),
    # a higher count told after by people on the spot does not replace the first source's
    ('Gunmen killed at least 11 people in a village in the north on Sunday, police said. Villagers'
     ' said they had buried 20 bodies.', (11, 0)),
    # ... but a later official count does
    ('Gunmen killed at least 11 people in a village in the north on Sunday, residents said. The '
     "governor's office later said 20 people were killed.", (20, 0)),
    # a toll in the thousands told in the perfect is the war's record
    ('A drone strike on a car killed two men in the south on Tuesday, security sources said. The '
     'fighting has killed more than 3,500 people, according to the health ministry.', (2, 0)),
    # bodies told without a noun whose toll is the count of the rebels told before restate it
    ('Fifteen rebels were killed in a gunfight with troops in the forest, police said. By evening '
     'the bodies of 12 had been recovered, and three more bodies were found the next morning, '
     'taking the toll to 15.', (15, 0)),
    # a month told 'last' after the story's own toll is another incident
    ('Two policemen were killed when militants attacked a checkpoint in the district on Monday. '
     'Last March, six soldiers died in an ambush on the same road.', (2, 0)),
    # 'a dozen' the parser took for a noun compound is the count
    ('Troops killed a dozen bandits in the forest.', (12, 0)),
    # speakers joined to the victims' list are no victims, and the list goes on past them
    ('Militants raided the town overnight, killing two soldiers, a policeman and three residents, '
     'a security source and a local official said on Friday.', (6, 0)),
    # an indefinite 'an attack on ...' after the lead is another attack
    ('Militants attacked an army post near the lake on Thursday, killing seven soldiers, the army '
     'said. An attack on a naval base on an island in the same province killed about 30 soldiers '
     'and prompted a large offensive.', (7, 0)),
    # a figure told on a day before the lead's is an earlier incident's
    ('A drone struck a car in the town on Monday, killing three fighters, a local official said. '
     'The defence ministry said on Saturday that its forces had killed 15 militants in the '
     'mountains.', (3, 0)),
    # 'Earlier on Friday, a boy ...': someone new told earlier the same day is another incident's
    ('A soldier was shot dead by gunmen at a checkpoint on Friday evening, the army said. Earlier '
     'on Friday, a 15-year-old boy was killed during a raid in a nearby town.', (1, 0)),
    # 'at the time' right after a sentence recalling another time tells that time
    ('Twenty-four people were killed in a bomb attack on a market in the town on Sunday, officials'
     ' said. No group has claimed the bombing. The town saw heavy fighting two years ago, when '
     "militants held its centre. The militia's commander at the time was killed in a raid which "
     'left more than 30 dead.', (24, 0)),
    # control: one victim told by a demonym is counted once
    ('A Palestinian man was shot dead by settlers in the village on Friday, the health ministry '
     'said. The Israeli military said it was looking into reports that a Palestinian had been '
     'killed.', (1, 0)),
    # an armed man is of the armed side: 'another' one after a count of them restates it
    ('Two militants and a policeman were killed in the clash, police said. The body of another '
     'armed man was found in the forest the next morning.', (3, 0)),
    # members of an unnamed armed group are the armed side, counted with the civilians
    ('Seven civilians were killed when the village was raided overnight. Two members of a non-'
     'state armed group were killed by the army.', (9, 0)),
    # a member of a vigilance committee is the vigilante told after
    ('Insurgents killed four civilians and a member of the local vigilance committee in a night '
     'raid on the town. The vigilante was killed when he tried to confront the attackers.', (5, 0)),
    # 'N of whom died in the hospital' after a hurt count are dead besides the dead told before
    ('Shells hit the market, the hospital said. Eighteen people were dead on arrival and 40 were '
     'wounded, three of whom died in the hospital during the night.', (21, 37)),
    # a second subject after "and" is joined to the first, though the "and" hangs on a part between
    ("Nine Palestinians, including two children, and one member of Israeli forces were killed "
     "during the raid.", (10, 0)),
    # a count of the weeks before the attack is no count of it
    ("A shell hit the market on Monday, killing six civilians and wounding 20, rescuers said. "
     "According to monitors, 40 civilians had been killed and 95 injured in the region in the two "
     "weeks preceding the attack.", (6, 20)),
    # "died of their wounds": some of the hurt counted before, now dead
    ("Five guards were killed and nine wounded in the attack on the camp, an officer said. A "
     "hospital source later said two more guards had died of their wounds, bringing the toll to "
     "seven.", (7, 7)),
    # one more person shot, told as being treated, lives: a wounded person, not one of the dead
    ("Troops killed nine villagers in the raid. An elderly man who had been shot in the leg was "
     "found hiding in a grove and is being treated by medics.", (9, 1)),
    # an ordinal goes on from the victims' count, told twice, not from the attacker shot beside it
    ("Two Israeli men were killed when a gunman fired on their car at a junction, police said. A "
     "soldier driving behind them returned fire and killed the gunman. Medics pronounced the two "
     "victims dead at the scene. A third man in the car, aged 40, was taken to hospital in "
     "moderate condition, medics said.", (3, 1)),
    # fighters of any side are no civilians: the civilians told after them are more dead
    ("Clashes between two militias erupted in the town on Thursday. Seven militia fighters and "
     "five tribal fighters were killed in the fighting, monitors said. Two civilians, including a "
     "child, were reportedly killed by stray bullets.", (14, 0)),
    # "operatives" are people
    ("Seven operatives of the state community watch corps were killed on Thursday when bandits "
     "attacked the town, police said. The joint team repelled the attack, neutralising eight of "
     "the bandits.", (15, 0)),
    # another source's toll set against the first with "while" is no more victims
    ("A rocket hit the town on Monday, killing at least 14 people, a hospital said, while the "
     "civil defence agency put the toll at 17.", (17, 0)),
    # a year and "when": an earlier time recalled
    ("Gunmen killed 12 villagers in the district on Sunday, police said. The area was among the "
     "worst hit during the attacks of Christmas Eve 2023, when gunmen killed nearly 200 people.",
     (12, 0)),
    # "In one attack ..." after a series told: one of the series
    ("Rebels killed at least 18 civilians near the town on Tuesday, the UN mission said. Over the "
     "last three months, the rebels have killed more than 200 civilians in the area. In one "
     "attack in a neighbouring territory in June, more than 40 people were killed.", (18, 0)),
    # the attack that set off the war is not the story's
    ("A strike on a shelter killed nine people on Thursday, medics said. The war was triggered by "
     "an attack on a border town in which some 1,200 people were killed.", (9, 0)),
    # care of someone told unharmed is no wound
    ("Two men were shot dead in the house, police said. A 3-year-old boy was also in the house. "
     "He was unharmed and was taken to a hospital for observation.", (2, 0)),
    # what a side that is not the state says it inflicted, beside the toll others give, is a
    # claim kept out of the total, the side named in no lexicon
    ("Gunmen of the KPA attacked a police post near the town on Sunday, killing three police "
     "officers, the military said in a statement. The bodies of six attackers were found at the "
     "scene, the statement said. A spokesman for the KPA said by phone that its troops had "
     "captured the post and that more than 25 soldiers had been killed.", (9, 0)),
    # a "higher toll" nobody could verify updates no neutral figure
    ("Jihadists killed seven soldiers in an overnight assault on a base, security sources said. A "
     "militia leader in the area gave a higher toll, saying he had counted the bodies of 13 "
     "soldiers. Reporters could not independently verify the figure.", (7, 0)),
    # one told "also" beside another kind in the sentence before, of a kind counted earlier, is
    # one of that count
    ("Two militants and a soldier were killed in a gunfight in the village, officials said on "
     "Friday. Troops launched a search of the village on Thursday. One militant was killed in the "
     "first exchange of fire on Thursday evening. A soldier, identified as Sepoy Ram Lal, was also "
     "killed, while two other soldiers were injured. The body of a second militant was recovered "
     "from the house on Friday morning.", (3, 2)),
    # the attackers' accomplices are the attackers
    ("A constable was martyred and a terrorist was killed when militants attacked a police post "
     "late on Saturday, police said. The attackers fled after an hour, leaving behind the body of "
     "one of their accomplices.", (2, 0)),
    # a weekday opening the sentence after "the third mine attack ... this month" is another's;
    # civilians admitted beside soldiers are others than the soldiers
    ("A mine hit an army truck on the main road on Thursday, killing five soldiers, officials "
     "said. Four other soldiers and two civilians were admitted to the district hospital. The "
     "attack is the third mine attack in the district this month. On Sunday, two policemen were "
     "killed when a mine exploded near their patrol.", (5, 6)),
    # someone "also" shot dead after a count is one more dead; "an inspector of police" is police
    ("Gunmen killed a farmer and his two sons on their farm on Tuesday. A motorcyclist who was "
     "passing by was also shot dead. An inspector of police who led a patrol to the scene was also "
     "killed in an exchange of fire.", (5, 0)),
    # an earlier attack told in a trailing clause "a day after ..."; the figures before it are own
    ("Gunmen killed five villagers in a raid on Monday, two days after militants killed three "
     "soldiers in a nearby town.", (5, 0)),
    ("Soldiers killed at least nine civilians during a raid on the neighbourhood, a rights group "
     "said. Witnesses said the troops entered early on Wednesday, a day after separatist fighters "
     "killed a soldier at a checkpoint.", (9, 0)),
    # people who survived their wounds are the hurt, not among the dead (the parser hung their
    # verb on them and made them the speaker's subject)
    ("Soldiers executed at least 18 villagers in the town, a rights group said. Three people, "
     "including a 12-year-old boy, survived with gunshot wounds and were treated at a health "
     "facility in Kaya, a witness said.", (18, 3)),
    # care of people told wounded counts the living hurt, not the dead with them
    ("Gunmen killed 27 civilians at the hotel, police said. The director of an ambulance service "
     "said his teams had transported 63 wounded people to hospitals in the city.", (27, 63)),
]


@pytest.mark.parametrize("text,expected", EVERYDAY_PHRASING_TOTALS)
def test_everyday_phrasing_totals(nlp, text: str, expected: tuple) -> None:
    """(read as undated reports, as conflict reports and coders' notes come)"""
    assert _totals(nlp, text, _parse_undated) == expected


def test_former_fighter_is_of_no_side(nlp) -> None:
    """"A former rebel commander", "a retired soldier": of no armed side now."""
    ms = find_casualties(_parse(nlp, "Gunmen shot dead a former rebel commander and a retired soldier."))
    assert [m.victim_kind for m in ms] == ["unknown", "unknown"]


def test_a_question_tells_no_death(nlp) -> None:
    """"did not say whether the two were killed": no claim of a death."""
    ms = find_casualties(_parse_undated(nlp, "The army did not say whether the two men were killed."))
    assert [m for m in ms if m.category == "killed"] == []


def test_an_army_officer_is_a_soldier(nlp) -> None:
    """"officer" alone is police; an army's or a military's officer is of the forces."""
    ms = find_casualties(_parse_undated(nlp, "An army officer and a military officer were killed."))
    assert [m.victim_kind for m in ms] == ["state_forces", "state_forces"]
