"""The places stage's cue lists as compiled from rules/places.yaml (stages/place_cues.py)."""
import pytest

from warwire.rules import load_yaml
from warwire.stages.place_cues import cues


def test_every_word_is_text():
    # YAML 1.1 reads bare on/off/yes/no as booleans: "on" was silently "true" once
    for rule in load_yaml("places.yaml"):
        for w in rule.get("words", []):
            assert isinstance(w, str), (rule["id"], w)


def test_on_is_a_locative_word():
    assert "on" in cues().incident_prep


@pytest.mark.parametrize("before, after, care", [
    ("He was flown to a ", " hospital on Sunday.", True),
    ("The boy was taken to ", " for treatment.", True),
    ("The wounded were treated at a medical center in ", ".", True),
    ("She is recovering in ", ".", True),
    ("The wounded were taken to Mercy Hospital after a bomb exploded in ", ".", False),
    ("Four people are recovering after a shooting in ", ".", False),
    ("A man was shot in ", " on Friday.", False),
])
def test_care_cues(before, after, care):
    c = cues()
    got = bool(c.care_after_re.match(after) or c.care_before_re.search(before[-120:]))
    assert got == care


@pytest.mark.parametrize("before, stripped", [
    ("killed in southern ", "killed in "),
    ("shelling in rural ", "shelling in "),
    ("killed in the ", "killed in the "),
])
def test_region_adjectives(before, stripped):
    assert cues().region_adj_re.sub("", before) == stripped


@pytest.mark.parametrize("text, street", [
    ("a cafe in Calle del Correo, Madrid", "Calle del Correo"),
    ("protesters marched down Avenida Paulista on Sunday", "Avenida Paulista"),
    ("shots were fired in Rue de Rivoli", "Rue de Rivoli"),
    ("the cars were parked on the via", None),
])
def test_street_prefix_words(text, street):
    m = cues().street_prefix_re.search(text)
    assert (m.group(0) if m else None) == street


@pytest.mark.parametrize("before, name", [
    ("killed in Afghanistan's ", "Afghanistan"),
    ("clashes in the country's ", None),
    ("found in the children's ", "-"),
])
def test_possessor(before, name):
    m = cues().possessor_re.search(before)
    got = "-" if m is None else m.group("name")
    assert got == name


@pytest.mark.parametrize("text, place, qual", [
    ("FORT SMITH, Ark. -- A man was shot", "FORT SMITH", "Ark."),
    # the dash may close its line, with the story on the next one
    ("PORT ST. JOHN, Fla. –\n\nTwo teens were wounded", "PORT ST. JOHN", "Fla."),
    ("Quetta, Pakistan —\nA blast at a market", "Quetta", "Pakistan"),
    ("Updated:\nThe shooting happened", None, None),
    ("See also -\nOther stories", None, None),
])
def test_dateline(text, place, qual):
    m = cues().dateline.search(text)
    got = (m.group("place"), m.group("qual")) if m else (None, None)
    assert got == (place, qual)
