"""Presentation helpers: highlight runs, figures in quotes, disagreement, figure wording."""
from __future__ import annotations

import pytest

from warwire.model import Casualty, Claim, Estimate, Event
from warwire.web import present
from warwire.web.present import Span, segments


def test_segments_cover_the_text_and_nest():
    text = "Seven servicemen died on Tuesday."
    segs = segments(text, [Span(0, 21, "casualty", "killed 7"), Span(0, 5, "figure", "7"),
                           Span(25, 32, "date", "2021-11-16"), Span(40, 50, "place", "outside")])
    assert "".join(s.text for s in segs) == text
    assert segs[0].text == "Seven" and segs[0].kinds == ("casualty", "figure")
    assert segs[1].text == " servicemen died" and segs[1].kinds == ("casualty",)
    assert [s.text for s in segs if s.kinds == ("date",)] == ["Tuesday"]
    assert segs[0].css == "k-casualty k-figure" and "killed 7" in segs[0].title


def test_segments_drop_empty_and_clip():
    assert [s.kinds for s in segments("abc", [Span(2, 2, "date", ""), Span(-5, 1, "actor", "")])] == [("actor",), ()]
    assert segments("", []) == []


def _claim(quote, fig, low, high=None, start=100, qualifier="exact"):
    pos = quote.find(fig) if fig else -1
    return Claim(low=low, high=high if high is not None else low, qualifier=qualifier, quote=quote,
                 start=start, end=start + len(quote),
                 figure_start=start + pos if pos >= 0 else None,
                 figure_end=start + pos + len(fig) if pos >= 0 else None)


@pytest.mark.parametrize("claim, figure", [
    (_claim("Armenia reported one dead, 13 captured.", "13", 13), "13"),
    (_claim("It said a dozen were captured.", "a dozen", 12), "a dozen"),
    (Claim(low=12, high=12, quote="It reported 112 and then 12 captured.", start=0, end=3), "12"),
    (Claim(low=6500, high=None, quote="more than 6,500 dead", start=0, end=1), "6,500"),
    (Claim(low=3, high=3, quote="three died", start=0, end=1), ""),
])
def test_quote_parts(claim, figure):
    parts = present.quote_parts(claim)
    assert parts.figure == figure
    assert parts.before + parts.figure + parts.after == claim.quote


@pytest.mark.parametrize("low, high, qualifier, text", [
    (13, 13, "exact", "13"), (12, None, "at_least", "at least 12"), (10, 12, "range", "10–12"),
    (None, 5, "less_than", "fewer than 5"), (None, None, "exact", "?"), (20, None, "about", "about 20"),
])
def test_figure_text(low, high, qualifier, text):
    assert present.figure_text(low, high, qualifier) == text


@pytest.mark.parametrize("est, text", [
    (Estimate(low=8, best=8, high=8), "8"), (Estimate(low=2, best=10, high=10), "10 (2–10)"),
    (Estimate(low=12, best=12, high=None), "12 (12–?)"), (Estimate(), "–"),
])
def test_estimate_text(est, text):
    assert present.estimate_text(est) == text


def test_casualty_groups_mark_disagreement():
    captured = Casualty(category="captured", low=12, best=13, high=13,
                        claims=[_claim("13 captured", "13", 13), _claim("12 captured", "12", 12, start=300)])
    killed = Casualty(category="killed", low=1, best=1, high=1,
                      claims=[_claim("one dead", "one", 1), _claim("one soldier died", "one", 1, start=400)])
    ev = Event(id="x", event_type="battles", sub_event_type="armed_clash", casualties=[captured, killed])
    groups = present.casualty_groups(ev)
    assert groups[0].disagree and groups[0].figures == ["13", "12"]
    assert all(c.differs for c in groups[0].claims)
    assert not groups[1].disagree and not any(c.differs for c in groups[1].claims)


def test_feature():
    f = present.feature({"id": "ev1", "lat": 40.1, "lon": 46.0, "date_start": "2021-11-16",
                         "fatalities_best": 8, "event_type": "battles"})
    assert f["geometry"]["coordinates"] == [46.0, 40.1]
    assert f["properties"]["date"] == "2021-11-16" and f["properties"]["fatalities"] == 8


def test_stored_spans_skip_events_read_from_the_title():
    from warwire.model import Event, Location

    kind = {"event_type": "battles", "sub_event_type": "armed_clash"}
    body = Event(id="a", location=Location(name="X", span_start=3, span_end=4, rule="r"), **kind)
    head = Event(id="b", location=Location(name="Y", span_start=0, span_end=1, rule="r"),
                 text_field="title", **kind)
    assert [s.start for s in present.stored_spans([body, head])] == [3]
