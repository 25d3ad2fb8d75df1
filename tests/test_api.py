"""Tests for warwire.api's extraction path: the title is read when the body reports no event,
and its toll fills the figures the body lacks."""
from __future__ import annotations

import datetime as dt

from warwire import api
from warwire.model import Article

PUBLISHED = dt.datetime(2021, 11, 17)
WALL = "Sign in to keep reading. Your notification has been saved. Subscribe for full access."


def test_title_gives_the_event_when_the_body_reports_none() -> None:
    result = api.extract_article(Article(id="wall", text=WALL, title="Teenager shot dead in Springfield",
                                         published=PUBLISHED))
    assert result.events, result
    event = result.events[0]
    assert event.text_field == "title"
    assert event.location.name == "Springfield"
    assert event.location.span_start is not None
    title = "Teenager shot dead in Springfield"
    assert title[event.location.span_start:event.location.span_end] == "Springfield"
    assert any("title" in w for w in result.warnings)


def test_body_events_point_into_the_body() -> None:
    body = "A man was shot and killed in Springfield on Tuesday night, police said."
    result = api.extract_article(Article(id="body", text=body, title="Man killed", published=PUBLISHED))
    assert result.events and result.events[0].text_field == "text"
    assert not any("title" in w for w in result.warnings)


def test_no_event_in_body_or_title() -> None:
    result = api.extract_article(Article(id="none", text=WALL, title="Weekend weather: sunny and mild",
                                         published=PUBLISHED))
    assert result.events == [] and result.error is None


def _main(body: str, title: str):
    result = api.extract_article(Article(id="t", text=body, title=title, published=PUBLISHED))
    return result, next(e for e in result.events if not e.historical)


def test_the_title_toll_fills_a_body_without_dead() -> None:
    # the body, written before the death, counts one hurt; the headline says he died
    result, event = _main("A 16-year-old boy was shot in the chest on Friday night near a park "
                          "in Springfield, police said.", "Teen dies after being shot near Springfield park")
    assert (event.fatalities.best, event.injured.best) == (1, 0)
    assert event.text_field == "text"
    assert all(e.text_field == "title" and e.rule.startswith("assemble.title_toll")
               for e in event.fatalities.evidence) and event.fatalities.evidence
    assert any("title" in w for w in result.warnings)


def test_the_title_toll_fills_a_body_without_figures() -> None:
    _, event = _main("Police are investigating a shooting at a house party on Elm Street in "
                     "Springfield early Sunday.", "2 dead, 3 wounded in shooting at house party")
    assert event.text_field == "text"
    assert (event.fatalities.best, event.injured.best) == (2, 3)


def test_a_told_zero_in_the_body_stands() -> None:
    result, event = _main("Nobody was killed when a man opened fire outside a bar in Springfield "
                          "on Friday, but two people were wounded, police said.",
                          "Man kills two in bar shooting")
    assert (event.fatalities.best, event.injured.best) == (0, 2)
    assert not any("title" in w for w in result.warnings)


def test_a_title_case_title_is_read_in_sentence_case() -> None:
    # "Wounded", "Dead" capitalised read as names; the figures come from the sentence-cased title
    _, event = _main("Police are investigating a shooting at a house party on Elm Street in "
                     "Springfield early Sunday.", "Two Dead, Four Wounded At Backyard Birthday Party")
    assert (event.fatalities.best, event.injured.best) == (2, 4)
    result = api.extract_article(Article(id="wall", text=WALL, title="Three Killed, One Hurt In Harbor Shooting",
                                         published=PUBLISHED))
    assert result.events and (result.events[0].fatalities.best, result.events[0].injured.best) == (3, 1)


def test_sentence_case_keeps_offsets_and_acronyms() -> None:
    title = "7 Dead, 2 Wounded After NYPD Chase In Riverside Plaza"
    cased = api._sentence_case(title)
    assert cased == "7 dead, 2 wounded after NYPD chase in riverside plaza"
    assert len(cased) == len(title)
    assert api._sentence_case("Man shot near Riverside Plaza") == "Man shot near Riverside Plaza"
