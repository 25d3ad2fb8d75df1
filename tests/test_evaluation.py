"""Scoring of results against gold, field by field."""
import pytest

from warwire.evaluation import admin1_matcher, fold, km_between, same_admin1_name, score
from warwire.model import EvalItem, Event, EventDate, Estimate, Location, PlaceCandidate, Result


def _item(**gold):
    return EvalItem(id="a", text="t", gold=gold)


def _result(**kw):
    ev = Event(id="e", event_type="violence_against_civilians", sub_event_type="attack",
               date=EventDate(start=kw.get("date")),
               location=Location(country=kw.get("country"), admin1=kw.get("admin1"),
                                 lat=kw.get("lat"), lon=kw.get("lon")),
               fatalities=Estimate(best=kw.get("killed")), injured=Estimate(best=kw.get("injured")))
    return Result(id="a", events=[ev])


def test_each_field_scored():
    report = score([(_item(killed=2, wounded=1, date="2017-04-07", country="USA", admin1="Texas",
                           lat=29.76, lon=-95.37),
                     _result(killed=2, injured=0, date="2017-04-05", country="USA", admin1="texas",
                             lat=29.70, lon=-95.40))])
    f = report.fields
    assert (f["killed"].correct, f["injured"].correct, f["date"].correct, f["date_7d"].correct) == (1, 0, 0, 1)
    assert (f["country"].correct, f["admin1"].correct, f["km25"].correct) == (1, 1, 1)
    assert f["event_type"].scored == 0  # null gold is not scored


def test_no_event_counts_as_miss_and_scoring_is_strict():
    report = score([(_item(killed=0, wounded=3), Result(id="a"))])
    assert report.no_event == 1 and report.fields["killed"].correct == 0 and report.fields["injured"].correct == 0
    report = score([(_item(killed=0), _result(killed=None))])  # null is not 0 (contract.md)
    assert report.fields["killed"].correct == 0


def test_missing_point_is_a_distance_miss():
    report = score([(_item(lat=1.0, lon=1.0), _result(country="USA"))])
    assert report.fields["km50"].scored == 1 and report.fields["km50"].correct == 0


@pytest.mark.parametrize("a, b", [("Texas", "texas"), ("Kalbajar District", "kalbajar district"),
                                  ("Nagorno-Karabakh", "nagorno karabakh"), ("Ñuble", "nuble"),
                                  ("Homs Governorate", "Homs"), ("Khyber Pakhtunkhwa Province", "khyber pakhtunkhwa")])
def test_fold(a, b):
    assert fold(a) == fold(b)


def test_km():
    assert km_between(40.10, 46.04, 39.64, 46.55) == pytest.approx(67, abs=3)


def _lookup(name):
    """A tiny gazetteer: two spellings of one province, a seat named like its division, a namesake abroad."""
    table = {
        "Wadi Qasr": [PlaceCandidate("Wadi Qasr", "XAA", "Wadi Qasr", None, 1.0, 1.0, None, "admin1", 0)],
        "Wadi Qassr": [PlaceCandidate("Wadi Qasr", "XAA", "Wadi Qasr", None, 1.0, 1.0, None, "admin1", 0)],
        "Wadi Kasr": [PlaceCandidate("Wadi Qasr", "XAA", "Wadi Qasr", None, 1.0, 1.0, None, "admin1", 0)],
        "Port Tamar": [PlaceCandidate("Port Tamar", "XAA", "Tamar Coast", None, 2.0, 2.0, None, "city", 9000)],
        "Hill Tamar": [PlaceCandidate("Hill Tamar", "XBB", "Tamar Coast", None, 3.0, 3.0, None, "city", 900)],
        # a governorate of another list (ISO) named after its seat, and the seat in GeoNames'
        # coarser division; a seat known by another spelling, and a small namesake elsewhere
        "Bir Salam": [PlaceCandidate("Bir Salam", "XAA", "Bir Salam", None, 4.0, 4.0, None, "admin1", 0),
                      PlaceCandidate("Bir Salam", "XAA", "Salam Strip", None, 4.0, 4.0, None, "city", 50000)],
        # a state of the gazetteer's own list (it holds towns) and a large town named after it
        # in another state
        "Tamar Coast": [PlaceCandidate("Tamar Coast", "XAA", "Tamar Coast", None, 2.0, 2.0, None, "admin1", 80000),
                        PlaceCandidate("Tamar Coast", "XAA", "Salam Strip", None, 4.5, 4.5, None, "city", 60000)],
        "Jebel Nur": [PlaceCandidate("Jabal Nur", "XAA", "Salam Strip", None, 5.0, 5.0, None, "city", 30000),
                      PlaceCandidate("Jebel Nur", "XAA", "Tamar Coast", None, 6.0, 6.0, None, "city", 200)],
    }
    return table.get(name, [])


@pytest.mark.parametrize("country, predicted, gold, same", [
    ("XAA", "Wadi Qasr", "Wadi Qassr", True),        # another spelling of the division
    ("XAA", "Tamar Coast", "Port Tamar", True),      # the division named after its seat
    ("XBB", "Tamar Coast", "Hill Tamar", True),
    ("XAA", "Tamar Coast", "Hill Tamar", False),     # a namesake in another country
    ("XAA", "Tamar Coast", "Wadi Qassr", False),     # another division
    ("XAA", "North-West", "Northwest", True),        # spacing and hyphens
    ("XAA", "Wadi Qaasr", "Wadi Qasr", True),        # a long vowel written twice
    ("XAA", "Wadi Qasr", "Wadi Qsr", False),
    ("XAA", "Salam Strip", "Bir Salam", True),       # a governorate inside the division
    ("XAA", "Salam Strip", "Jebel Nur", True),       # its seat's largest town, another spelling
    ("XAA", "Tamar Coast", "Jebel Nur", False),      # not the small namesake
    ("XAA", "Tamar Coast", "Bir Salam", False),
    ("XAA", "Salam Strip", "Tamar Coast", False),    # the state, not a town named after it
    ("XAA", None, "Wadi Qasr", False),
])
def test_admin1_spellings(country, predicted, gold, same):
    assert admin1_matcher(_lookup)(country, predicted, gold) is same
    if not same:
        assert not same_admin1_name(country, predicted, gold)


def test_score_uses_the_admin1_matcher():
    pair = (_item(country="XAA", admin1="Wadi Kasr"), _result(country="XAA", admin1="Wadi Qasr"))
    assert score([pair]).fields["admin1"].correct == 0
    assert score([pair], admin1_matcher(_lookup)).fields["admin1"].correct == 1
