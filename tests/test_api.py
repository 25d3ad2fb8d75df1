"""Tests for warwire.api's extraction path: the title is read when the body reports no event."""
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
