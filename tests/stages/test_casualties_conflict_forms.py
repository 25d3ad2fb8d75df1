"""Casualty forms of conflict reporting the tagger misreads (uses the installed spaCy pipeline):
a hyphenated person noun whose head the tagger calls an adverb ("a passer-by"), and a gapped
conjunct whose harm participle it calls a noun ("two were killed and a third hurt")."""
from __future__ import annotations

import datetime as dt

import pytest

from warwire.model import Article, CasualtyMention
from warwire.stages.casualties import find_casualties
from warwire.stages.parse import parse_article


def _summary(nlp, text: str) -> set[tuple]:
    ms: list[CasualtyMention] = find_casualties(
        parse_article(Article("t", text, published=dt.datetime(2022, 3, 9)), nlp))
    return {(m.category, m.low, m.high) for m in ms if not m.other_incident}


@pytest.mark.parametrize("text, expected", [
    # "passer" tagged as a comparative adverb here: only the person lexicon says it is a person
    ("A rocket hit a market in the northern town on Friday, killing a vendor and his son, "
     "officials said. A passer-by was slightly injured.",
     {("killed", 1, 1), ("injured", 1, 1)}),
    ("Militants threw a grenade at a checkpoint, killing a policeman. A passer-by was wounded.",
     {("killed", 1, 1), ("injured", 1, 1)}),
])
def test_hyphenated_person_noun_is_a_victim(nlp, text: str, expected: set) -> None:
    assert expected <= _summary(nlp, text)


@pytest.mark.parametrize("text, expected", [
    # the tagger reads "hurt" as a noun: the ordinal before it is one more person, hurt
    ("Three soldiers were killed and a fourth hurt when a mine exploded under their truck.",
     {("killed", 3, 3), ("injured", 1, 1)}),
    ("One officer was killed and a second hurt in the ambush on Tuesday.",
     {("killed", 1, 1), ("injured", 1, 1)}),
])
def test_gapped_conjunct_with_harm_word_read_as_noun(nlp, text: str, expected: set) -> None:
    assert _summary(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # "shot dead a ... boy" after a dateline: the parser hangs the victim on the verb as a noun
    # phrase adverbial, not its object
    ("HODEIDAH, Yemen: A militia sniper shot dead a 9-year-old girl and wounded her brother "
     "near their home on Sunday, residents said.",
     {("killed", 1, 1), ("injured", 1, 1)}),
])
def test_victim_misread_as_adverbial_noun(nlp, text: str, expected: set) -> None:
    assert _summary(nlp, text) == expected


def test_counted_person_joined_to_the_verb_is_a_victim(nlp):
    """The parser may join "2 guards" to the harm verb instead of to its object ("killing
    himself and 2 guards"): still a victim of that verb."""
    from warwire.reconcile import tally, totals
    text = ("On 9 May 2024, a suicide bomber detonated explosives near the district office in "
            "Qalat, killing himself and 2 guards and wounding 5.")
    parsed = parse_article(Article("t", text, published=dt.datetime(2024, 5, 10)), nlp)
    got = totals(tally([m for m in find_casualties(parsed) if not m.other_incident]))
    assert (got["fatalities"].best, got["injured"].best) == (3, 5)
