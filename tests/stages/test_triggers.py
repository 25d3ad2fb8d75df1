"""Tests for stages/triggers.py: ACLED types, weights, suppression and historical marking."""
from __future__ import annotations

import datetime as dt

import pytest

from warwire.model import Article
from warwire.stages.parse import parse_article
from warwire.stages.triggers import find_triggers

from paths import SEED  # noqa: E402


def _triggers(nlp, text: str):
    return find_triggers(parse_article(Article("t", text, published=dt.datetime(2021, 11, 17)), nlp))


TYPED = [
    # (sentence, trigger text, event_type, sub_event_type)
    ("Heavy clashes erupted along the border on Tuesday.", "clashes", "battles", "armed_clash"),
    ("Troops exchanged fire with militants near the village.", "exchanged fire", "battles", "armed_clash"),
    ("An airstrike hit a market in Idlib.", "airstrike", "explosions_remote_violence", "air_drone_strike"),
    ("Heavy shelling killed two civilians.", "shelling", "explosions_remote_violence",
     "shelling_artillery_missile_attack"),
    ("A roadside bomb struck a police convoy.", "roadside bomb", "explosions_remote_violence",
     "remote_explosive_landmine_ied"),
    ("A suicide bomber blew himself up at a mosque.", "suicide bomber", "explosions_remote_violence",
     "suicide_bomb"),
    ("Gunmen abducted 30 students from their school.", "abducted", "violence_against_civilians",
     "abduction_forced_disappearance"),
    # a past tense the lemmatizer leaves as it is
    ("Government forces retook the town from the rebels on Sunday.", "retook", "battles",
     "government_regains_territory"),
    ("Two men were killed in a drive-by shooting on Friday night.", "drive-by shooting",
     "violence_against_civilians", "attack"),
    ("Police say it was a murder-suicide.", "murder-suicide", "violence_against_civilians", "attack"),
    ("Police used tear gas to disperse the protest.", "protest", "protests", "protest_with_intervention"),
    ("Thousands held a peaceful protest in the capital.", "protest", "protests", "peaceful_protest"),
    ("Rioters torched shops in the old town.", "Rioters", "riots", "violent_demonstration"),
    ("The two sides reached a ceasefire on Tuesday.", "ceasefire", "strategic_developments", "agreement"),
    ("Police arrested three men after the raid.", "arrested", "strategic_developments", "arrests"),
    ("Police and the gunman exchanged gunfire outside the bank.", "exchanged gunfire", "battles",
     "armed_clash"),
    # the manner of a killing
    ("Eight villagers were hacked to death overnight.", "hacked to death", "violence_against_civilians", "attack"),
    ("Five women were burned alive in their home.", "burned alive", "violence_against_civilians", "attack"),
    ("Gunmen mowed down worshippers at the gate.", "mowed down", "violence_against_civilians", "attack"),
]


@pytest.mark.parametrize("text,word,etype,stype", TYPED)
def test_trigger_type(nlp, text, word, etype, stype):
    got = {(t.text, t.event_type, t.sub_event_type) for t in _triggers(nlp, text)}
    assert (word, etype, stype) in got


SILENT = [
    # negated or hypothetical: the trigger must not fire
    ("No clashes were reported overnight.", "clashes"),
    ("The clashes sparked fears of another flare-up.", "flare-up"),
    ("The group threatened to attack the city.", "attack"),
    ("The rebels did not attack the town.", "attack"),
    ("The UN called for a ceasefire in the region.", "ceasefire"),
    ("The army could launch airstrikes if talks fail.", "airstrikes"),
]


@pytest.mark.parametrize("text,word", SILENT)
def test_suppressed(nlp, text, word):
    assert word not in {t.text for t in _triggers(nlp, text)}


HISTORY = [
    # (sentence, trigger, historical?)
    ("A year after the two foes fought a war, clashes broke out.", "war", True),
    ("A year after the two foes fought a war, clashes broke out.", "clashes", False),
    ("The six-week conflict ended a year ago.", "conflict", True),
    ("It was the first such death since 2017, when a general was killed by mortar fire.", "mortar fire", True),
    ("The 1994 war left thousands dead.", "war", True),
    ("Rebels attacked the base in 2020.", "attacked", True),
    ("Rebels attacked the base on Tuesday.", "attacked", False),
    ("The civil war, which ended in May 2009, killed at least 100,000 people.", "civil war", True),
    ("The civil war, which ended in May 2009, killed at least 100,000 people.", "killed", True),
]


@pytest.mark.parametrize("text,word,historical", HISTORY)
def test_historical(nlp, text, word, historical):
    got = {t.text: t.historical for t in _triggers(nlp, text)}
    assert got.get(word) is historical


def test_brokered_ceasefire_outweighs_bare_mention(nlp):
    strong = [t for t in _triggers(nlp, "They reached a Russia-brokered ceasefire.") if t.text == "ceasefire"]
    weak = [t for t in _triggers(nlp, "The ceasefire was on everyone's mind.") if t.text == "ceasefire"]
    assert strong and weak and strong[0].weight > weak[0].weight


def test_seed(nlp):
    text = SEED.read_text(encoding="utf-8")
    trig = _triggers(nlp, text)
    live = [t for t in trig if not t.historical]
    assert any(t.text == "clashes" and t.sub_event_type == "armed_clash" for t in live)
    assert any(t.text == "ceasefire" and t.sub_event_type == "agreement" and t.weight >= 1.0 for t in live)
    hist = {t.text for t in trig if t.historical}
    assert {"fought", "war", "conflict"} <= hist
    assert "flare-up" not in {t.text for t in trig}
    for t in trig:
        assert text[t.start:t.end] == t.text


SPORTS = ("Uganda took the lead in the 23rd minute when their captain shot low past the goalkeeper "
          "after a quick counter-attack. The substitute fired a shot into the top corner after half-time. "
          "Kenya's striker scored twice in the tournament.")


def test_sports_metaphors_do_not_fire(nlp):
    assert _triggers(nlp, SPORTS) == []


def test_real_shooting_in_a_sports_story_fires(nlp):
    text = SPORTS + " The striker was shot dead by a gunman outside a nightclub, police said."
    assert "shot" in {t.text for t in _triggers(nlp, text)}


# The relevance pre-filter (its patterns live in triggers.yaml): short conflict notes that name
# a death only in conflict press's own words must reach the parser.
@pytest.mark.parametrize("text,relevant", [
    ("Three FC men were martyred near the border post on Sunday.", True),
    ("A constable embraced shahadat in the raid.", True),
    ("Eleven passengers lost their lives when the bus came under fire.", True),
    ("Four captives were executed in the town square.", True),
    ("The storm struck the coast, leaving two dead.", True),
    ("The company lost its lead in the smartphone market.", False),
])
def test_relevance_of_conflict_wording(text: str, relevant: bool) -> None:
    from warwire.relevance import is_relevant
    assert is_relevant(text, None) == relevant
