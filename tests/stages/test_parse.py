"""Tests for the parse stage: spaCy's Doc turned into warwire's records, sentence boundaries
at blank lines and at full stops that lost their space."""
import datetime as dt

import pytest

from warwire.model import Article
from warwire.stages.parse import parse_article


def _sentences(text: str, nlp) -> list[str]:
    parsed = parse_article(Article("t", text, published=dt.datetime(2021, 5, 1)), nlp)
    return [text[s.start:s.end] for s in parsed.sentences]


@pytest.mark.parametrize("text, expected", [
    ("They killed 23 soldiers and wounded another 15.Twenty attackers died in the fighting.",
     ["They killed 23 soldiers and wounded another 15.", "Twenty attackers died in the fighting."]),
    ("Police said the toll was 4 (four).Nobody else was hurt.",
     ["Police said the toll was 4 (four).", "Nobody else was hurt."]),
    ("Gunmen attacked a bus\n\nTwo passengers died on Sunday.",
     ["Gunmen attacked a bus", "Two passengers died on Sunday."]),
    # an agency's dateline with no dash after it is not the subject of the story's first clause
    ("Raipur (Chhattisgarh), (PTI) Three jawans were hurt in a blast on Monday.",
     ["Raipur (Chhattisgarh), (PTI)", "Three jawans were hurt in a blast on Monday."]),
    ("JOS, (Xinhua) -- Two herders, including a boy, were killed on Friday.",
     ["JOS, (Xinhua) --", "Two herders, including a boy, were killed on Friday."]),
    # ... and a place in capitals with a dash, whose next word is not a sentence alone
    ("GAO - Six soldiers were killed on Friday.", ["GAO -", "Six soldiers were killed on Friday."]),
])
def test_sentences_end_where_a_reader_sees_them_end(text, expected, nlp):
    assert [s.strip() for s in _sentences(text, nlp)] == expected


@pytest.mark.parametrize("text, token", [
    ("Turnout rose by 3.5 percent in the district.", "3.5"),
    ("Troops from the U.S. base left.", "U.S."),
])
def test_decimals_and_abbreviations_stay_whole(text, token, nlp):
    parsed = parse_article(Article("t", text, published=dt.datetime(2021, 5, 1)), nlp)
    assert token in [t.text for t in parsed.tokens]


def test_offsets_point_into_the_article_text(nlp):
    text = "A blast hit the market.Officials said 12 people died."
    parsed = parse_article(Article("t", text, published=dt.datetime(2021, 5, 1)), nlp)
    assert all(text[t.start:t.end] == t.text for t in parsed.tokens)


@pytest.mark.parametrize("text, word, pos", [
    # the group's initials before its fighters are a name, not the verb "is"
    ("Five IS fighters were killed in an airstrike on Monday.", "IS", "PROPN"),
    # ... but in a line written in capitals the verb stays a verb
    ("THE SIEGE IS OVER, ARMY SAYS", "IS", "AUX"),
])
def test_words_read_as_another_word(nlp, text: str, word: str, pos: str) -> None:
    parsed = parse_article(Article("t", text, published=None), nlp)
    assert [t.pos for t in parsed.tokens if t.text == word] == [pos]
