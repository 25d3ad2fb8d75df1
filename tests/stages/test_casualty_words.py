"""Which casualty rule a word triggers, and its category (uses the session's spaCy pipeline)."""
from __future__ import annotations

from typing import Optional

import pytest
from victim_docs import token, victim_doc

from warwire.stages.casualty_words import category_of, hypothetical, trigger_rule
from warwire.stages.victims import load_rules


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
    doc = victim_doc(nlp, text)
    got = trigger_rule(doc, token(doc, word), load_rules())
    assert (got["id"] if got else None) == rule


@pytest.mark.parametrize("text, word, category", [
    ("Two men were stabbed to death.", "stabbed", "killed"),
    ("Two men were stabbed.", "stabbed", "injured"),
    ("A guard was shot dead.", "shot", "killed"),
])
def test_category_of(nlp, text: str, word: str, category: str) -> None:
    doc = victim_doc(nlp, text)
    t = token(doc, word)
    rules = load_rules()
    rule = trigger_rule(doc, t, rules)
    assert rule is not None and category_of(doc, t, rule, rules) == category


@pytest.mark.parametrize("text, word, hypo", [
    ("Nine were feared killed in the raid.", "killed", False),
    ("They feared being killed.", "killed", True),
    ("He could have been killed.", "killed", True),
    ("The cell hoped to kill dozens of shoppers.", "kill", True),
    ("Two men plotted to kill a judge in the capital.", "kill", True),
    ("The brothers conspired to kill their uncle.", "kill", True),
])
def test_hypothetical(nlp, text: str, word: str, hypo: bool) -> None:
    doc = victim_doc(nlp, text)
    assert hypothetical(doc, token(doc, word), load_rules()) == hypo
