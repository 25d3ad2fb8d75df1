"""Victim heads and figures in the dependency parse (uses the session's spaCy pipeline)."""
from __future__ import annotations

from typing import Optional

import pytest
from victim_docs import token, victim_doc

from warwire.stages.victims import incident_figure, is_person, load_rules, victim_heads, victim_of


# (sentence, trigger word, shape, expected victim head words)
@pytest.mark.parametrize("text, trigger, shape, heads", [
    ("Four soldiers were killed in the ambush.", "killed", "verb", ["soldiers"]),
    ("The militia killed two villagers.", "killed", "verb", ["villagers"]),
    ("Up to 16 were injured in the blast.", "injured", "verb", ["16"]),
    ("The gunman burst into the hall and began shooting.", "shooting", "verb", []),
    ("One of the gunmen shot at the guards before fleeing.", "shot", "verb", []),
    ("A sniper has shot and wounded three soldiers.", "shot", "verb", []),
    ("Classmates and teachers of a 15-year-old girl shot and killed Saturday night in Dayton held a vigil Sunday.",
     "shot", "verb", ["girl"]),
    # after a dateline the parser may read "a man shot ..." as a reduced relative: with an object on
    # the coordinated verb he is the one shooting
    ("LAKEVILLE, Texas – A man shot and killed his 3-year-old daughter before turning the gun on himself "
     "Friday evening.", "shot", "verb", []),
])
def test_victim_heads(nlp, text: str, trigger: str, shape: str, heads: list[str]) -> None:
    doc = victim_doc(nlp, text)
    assert [t.text for t in victim_heads(doc, token(doc, trigger), shape)] == heads


# (sentence, victim word, expected (low, high, figure rule) or None)
@pytest.mark.parametrize("text, victim, expected", [
    ("Dozens were hurt.", "Dozens", (12, None, "num.q.dozens")),
    ("Witnesses said multiple people were found dead.", "people", (2, None, "num.q.multiple")),
    ("That person was taken to a hospital.", "person", (1, 1, "cas.fig.definite")),
    ("A second teen has died.", "teen", (2, 2, "cas.fig.ordinal_count")),
    ("A number of people were hurt.", "number", None),
    # headline grammar drops the article: a bare singular person opening the line is one person
    ("Teen injured in accidental shooting", "Teen", (1, 1, "cas.fig.headline")),
    ("Police: Youth wounded in drive-by", "Youth", (1, 1, "cas.fig.headline")),
    # ... but not a bare noun inside a sentence, nor one that is no person
    ("Police said gunfire wounded neighbor and friend.", "neighbor", None),
    ("Car damaged in crash", "Car", None),
    # two ages between commas are no range of people
    ("Two teens, 16 and 17, were hurt.", "16", None),
    ("Police said a 16 and 17-year-old were hurt.", "16", None),
    # the emergency number is no count
    ("The 911 callers were hurt.", "911", None),
])
def test_victim_figure(nlp, text: str, victim: str, expected: Optional[tuple]) -> None:
    doc = victim_doc(nlp, text)
    sent = doc.parsed.sentences[0]
    vic = victim_of(doc, token(doc, victim), sent.first_token, sent.last_token, load_rules())
    got = None if vic is None or vic.figure is None else (vic.figure.low, vic.figure.high, vic.figure.rule)
    assert got == expected


# (sentence, incident noun, category of its trigger, expected (low, figure rule) or None)
@pytest.mark.parametrize("text, noun, category, expected", [
    ("Detectives are working a triple homicide.", "homicide", "killed", (3, "cas.fig.multiple")),
    ("Police responded to a double shooting.", "shooting", "injured", (2, "cas.fig.multiple")),
    ("Deputies are investigating a deadly shooting.", "shooting", "killed", (1, "cas.fig.incident")),
    ("He faces a charge of attempted murder.", "murder", "killed", None),
    ("He was charged with murder.", "murder", "killed", None),
    ("Police are investigating the fatal shooting of a teenager.", "shooting", "killed", None),
])
def test_incident_figure(nlp, text: str, noun: str, category: str, expected: Optional[tuple]) -> None:
    doc = victim_doc(nlp, text)
    vic = incident_figure(doc, token(doc, noun), category, load_rules())
    assert (None if vic is None else (vic.figure.low, vic.figure.rule)) == expected


@pytest.mark.parametrize("text, word, person", [
    ("Dozens of worshippers were hurt.", "Dozens", True),
    ("Dozens of cars were damaged.", "Dozens", False),
    ("Two herders were killed.", "herders", True),
])
def test_is_person(nlp, text: str, word: str, person: bool) -> None:
    doc = victim_doc(nlp, text)
    assert is_person(doc, token(doc, word), load_rules()) is person


def test_object_after_the_verb_is_the_victim() -> None:
    """A dateline the parser hangs on the verb as a second object ("TOWNVILLE – A man killed his
    son") comes before the verb; the victim is the object after it."""
    from warwire.model import Article, ParsedText, Sentence, Token
    from warwire.stages.victims import Doc

    words = [("TOWNVILLE", "PROPN", "dobj", 4), ("–", "PUNCT", "punct", 0), ("A", "DET", "det", 3),
             ("man", "NOUN", "nsubj", 4), ("killed", "VERB", "ROOT", 4), ("his", "PRON", "poss", 6),
             ("son", "NOUN", "dobj", 4), (".", "PUNCT", "punct", 4)]
    text, toks, at = "", [], 0
    for i, (w, pos, dep, head) in enumerate(words):
        text += ("" if i == 0 else " ") + w
        at = len(text) - len(w)
        toks.append(Token(i, w, at, at + len(w), w.lower(), pos, "VBD" if pos == "VERB" else "NN", dep, head, 0,
                          "", False))
    parsed = ParsedText(Article("t", text), tuple(toks), (Sentence(0, 0, len(text), 0, len(toks)),), ())
    doc = Doc(parsed)
    assert [t.text for t in victim_heads(doc, toks[4], "verb")] == ["son"]
    assert doc.object(4).text == "son"
    assert doc.object(6) is None


def _hand_doc(words: list[tuple[str, str, str, int]]) -> "Doc":
    """A one-sentence Doc from (word, POS, dep, head) rows, as the parser misread a sentence."""
    from warwire.model import Article, ParsedText, Sentence, Token
    from warwire.stages.victims import Doc

    text, toks = "", []
    for i, (w, pos, dep, head) in enumerate(words):
        text += ("" if i == 0 else " ") + w
        at = len(text) - len(w)
        tag = {"VERB": "VBN", "NOUN": "NNS", "PROPN": "NNP", "NUM": "CD"}.get(pos, "XX")
        toks.append(Token(i, w, at, at + len(w), w.lower(), pos, tag, dep, head, 0, "", pos == "NUM"))
    return Doc(ParsedText(Article("t", text), tuple(toks), (Sentence(0, 0, len(text), 0, len(toks)),), ()))


def test_dateline_taken_for_the_subject() -> None:
    """"Kakching, Aug 9 : A farmer was killed": the parser makes the dateline the subject and
    the farmer its apposition; after the colon the farmer is the subject."""
    doc = _hand_doc([("Kakching", "PROPN", "nsubjpass", 8), (",", "PUNCT", "punct", 0),
                     ("Aug", "PROPN", "npadvmod", 0), ("9", "NUM", "nummod", 2), (":", "PUNCT", "punct", 0),
                     ("A", "DET", "det", 6), ("farmer", "NOUN", "appos", 0), ("was", "AUX", "auxpass", 8),
                     ("killed", "VERB", "ROOT", 8), (".", "PUNCT", "punct", 8)])
    assert doc.subject(8, {"nsubjpass"}).text == "farmer"
    # a name and its apposition with no dateline mark between them stay as parsed
    doc = _hand_doc([("Maria", "PROPN", "compound", 1), ("Lopez", "PROPN", "nsubjpass", 6),
                     (",", "PUNCT", "punct", 1), ("his", "PRON", "poss", 4), ("wife", "NOUN", "appos", 1),
                     ("was", "AUX", "auxpass", 6), ("shot", "VERB", "ROOT", 6), (".", "PUNCT", "punct", 6)])
    assert doc.subject(6, {"nsubjpass"}).text == "Lopez"


def test_counted_noun_left_hanging_before_the_subject() -> None:
    """"Two DRG jawans, a constable and an inspector, both residents of X, were killed": the
    parser leaves the counted noun as "dep" and makes "residents" the subject; the counted noun
    is the subject and "residents" what they were."""
    doc = _hand_doc([("Two", "NUM", "nummod", 1), ("DRG", "NOUN", "compound", 2), ("jawans", "NOUN", "dep", 11),
                     (",", "PUNCT", "punct", 2), ("a", "DET", "det", 5), ("constable", "NOUN", "appos", 2),
                     (",", "PUNCT", "punct", 11), ("both", "DET", "det", 8), ("residents", "NOUN", "nsubjpass", 11),
                     (",", "PUNCT", "punct", 11), ("were", "AUX", "auxpass", 11), ("killed", "VERB", "ROOT", 11),
                     (".", "PUNCT", "punct", 11)])
    assert doc.subject(11, {"nsubjpass"}).text == "jawans"
    assert doc.toks[8].dep == "appos" and doc.toks[8].head == 2


def test_counted_victims_hung_on_the_source() -> None:
    """"According to the rescuers, 10 civilians were killed": the parser makes the civilians the
    source's apposition and leaves the passive verb without a subject; they are its subject."""
    doc = _hand_doc([("According", "VERB", "prep", 9), ("to", "ADP", "prep", 0), ("the", "DET", "det", 3),
                     ("rescuers", "NOUN", "pobj", 1), (",", "PUNCT", "punct", 3), ("10", "NUM", "nummod", 6),
                     ("civilians", "NOUN", "appos", 3), (",", "PUNCT", "punct", 6), ("were", "AUX", "auxpass", 9),
                     ("killed", "VERB", "ROOT", 9), (".", "PUNCT", "punct", 9)])
    assert doc.subject(9, {"nsubjpass"}).text == "civilians"
