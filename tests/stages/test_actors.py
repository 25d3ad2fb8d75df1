"""Tests for stages/actors.py: canonical names, countries, types and role hints."""
from __future__ import annotations

import datetime as dt

import pytest

from warwire.model import Article, ParsedText
from warwire.stages.actors import country_from_word, country_name, find_actors
from warwire.stages.parse import parse_article

from paths import SEED  # noqa: E402


def _parse(nlp, text: str) -> ParsedText:
    return parse_article(Article("t", text, published=dt.datetime(2021, 11, 17)), nlp)


def _summary(nlp, text: str) -> set[tuple]:
    return {(a.name, a.country, a.type, a.role_hint) for a in find_actors(_parse(nlp, text))}


CASES = [
    # (sentence, an actor that must be found as (name, country, type, role_hint))
    ("Armenian troops attacked Azerbaijani positions.",
     ("Military Forces of Armenia", "ARM", "state_forces", "agent")),
    ("Armenia's army shelled the village.",
     ("Military Forces of Armenia", "ARM", "state_forces", "agent")),
    ("Twelve servicemen were captured by the Azerbaijani military.",
     ("Military Forces of Azerbaijan", "AZE", "state_forces", "agent")),
    ("The soldiers died in clashes provoked by Armenia on Tuesday.",
     ("Military Forces of Armenia", "ARM", "state_forces", "agent")),
    ("Officials in Baku said the situation was calm.",
     ("Government of Azerbaijan", "AZE", "state_forces", "source")),
    ("Armenia and Azerbaijan reached a Russia-brokered ceasefire.",
     ("Government of Russia", "RUS", "state_forces", "mediator")),
    ("Under the mediation of the Russian side, an agreement was reached.",
     ("Government of Russia", "RUS", "state_forces", "mediator")),
    ("Police said the man was shot twice.",
     ("Police Forces", None, "state_forces", "source")),
    ("Deputies arrested the man on Friday.",
     ("Police Forces", None, "state_forces", "agent")),
    ("Nigerian police arrested five suspects.",
     ("Police Forces of Nigeria", "NGA", "state_forces", "agent")),
    ("US forces killed three militants.",
     ("Military Forces of the United States", "USA", "state_forces", "agent")),
    ("Unidentified gunmen killed four villagers in Zamfara.",
     ("Unidentified Armed Group", None, "political_militia", "agent")),
    ("Unidentified gunmen killed four villagers in Zamfara.",
     ("Civilians", None, "civilians", "patient")),
    ("Boko Haram fighters attacked a military base in Borno.",
     ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "NGA", "rebel_group", "agent")),
    ("The Pakistani Taliban claimed responsibility for the bombing.",
     ("Tehrik-i-Taliban Pakistan", "PAK", "rebel_group", "agent")),
    ("Al-Shabaab militants stormed a hotel in Mogadishu.",
     ("Al Shabaab", "SOM", "rebel_group", "agent")),
    ("IS fighters ambushed an army patrol.",
     ("Islamic State", None, "rebel_group", "agent")),
    ("Houthi rebels fired missiles at Saudi Arabia.",
     ("Ansar Allah", "YEM", "rebel_group", "agent")),
    ("The shooter opened fire on worshippers at the mosque.",
     ("Sole Perpetrator", None, "unknown", "agent")),
    ("Iraqi protesters clashed with security forces in Baghdad.",
     ("Protesters (Iraq)", "IRQ", "protesters", "agent")),
    ("A mob attacked the police station.",
     ("Rioters", None, "rioters", "agent")),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_actor_found(nlp, text, expected):
    assert expected in _summary(nlp, text)


NOT_ACTORS = [
    # (sentence, a name that must not appear)
    ("He alluded to Turkey, which has backed Baku during the war.", "Military Forces of Turkey"),
    ("He alluded to Turkey, which has backed Baku during the war.", "Government of Turkey"),
    ("Baku is the capital of Azerbaijan.", "Government of Azerbaijan"),
    ("Turkish-backed rebels attacked the town.", "Government of Turkey"),
    ("Armenia lost control of two military positions.", "Military Forces"),
    ("People gathered in the square to celebrate.", "Civilians"),
    ("The forces that support it are growing.", "Military Forces"),
]


@pytest.mark.parametrize("text,name", NOT_ACTORS)
def test_not_an_actor(nlp, text, name):
    assert name not in {a.name for a in find_actors(_parse(nlp, text))}


def test_seed_sides_mediator_and_no_turkey(nlp):
    actors = find_actors(_parse(nlp, SEED.read_text(encoding="utf-8")))
    military = {(a.country, a.type) for a in actors if a.name.startswith("Military Forces of")}
    assert ("AZE", "state_forces") in military and ("ARM", "state_forces") in military
    assert any(a.country == "RUS" and a.role_hint == "mediator" for a in actors)
    assert not any(a.country == "TUR" for a in actors)
    assert not any(a.role_hint in ("agent", "patient") and a.rule == "actor.capital.metonymy"
                   for a in actors)
    for a in actors:  # spans point at the text
        assert SEED.read_text(encoding="utf-8")[a.start:a.end] == a.text


@pytest.mark.parametrize("word,iso", [
    ("Azerbaijani", "AZE"), ("Armenian", "ARM"), ("Armenia's", "ARM"), ("Nigerian", "NGA"),
    ("Afghan", "AFG"), ("Palestinian", "PSE"), ("Burkinabe", "BFA"), ("Congolese", "COD"),
    ("U.S.", "USA"), ("Baku", "AZE"), ("Yerevan", "ARM"), ("Afghans", "AFG"),
    ("Kurdish", None), ("Kashmiri", None), ("banana", None),
])
def test_country_from_word(word, iso):
    assert country_from_word(word) == iso


def test_country_name_keeps_article():
    assert country_name("USA") == "the United States"
    assert country_name("ARM") == "Armenia"
