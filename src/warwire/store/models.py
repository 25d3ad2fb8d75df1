"""Typed records the store hands out (the API and the web dashboard speak these).

- ``StoredEvent``: a contract ``Event`` (merged over its articles) plus ``sources``.
- ``StoredArticle``: an ingested article with its text and the events read from it.
- ``EventFilter``: the filters of ``query_events``, ``export`` and ``warwire events``.
- ``IngestReport`` / ``IngestProgress``: what an ingest did, and where it is.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from pydantic import BaseModel, Field

from ..model import Event


class SourceRef(BaseModel):
    """One article that reported a stored event."""

    article_id: str  # content hash (the store's key)
    input_id: Optional[str] = None  # the id given at ingest (JSONL "id"), when there was one
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    rank: int = 0  # the event's position among the article's events (0 = its main event)


class StoredEvent(Event):
    """A stored (possibly merged) event: the contract Event plus every source article, main-event
    sources first. Claims carry ``article_id``."""

    sources: list[SourceRef] = Field(default_factory=list)
    created_at: Optional[str] = None
    updated_at: Optional[str] = None


class ArticleEvent(BaseModel):
    """One event as read from one article: offsets point into that article's text."""

    stored_event_id: str
    rank: int
    event: Event


class StoredArticle(BaseModel):
    id: str
    input_id: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    source: Optional[str] = None
    text: str
    warnings: list[str] = Field(default_factory=list)
    error: Optional[str] = None
    ingested_at: Optional[str] = None
    events: list[ArticleEvent] = Field(default_factory=list)


class EventFilter(BaseModel):
    """All given filters must hold. Dates compare with the event's start date."""

    date_from: Optional[dt.date] = None
    date_to: Optional[dt.date] = None
    country: Optional[str] = None  # ISO 3166-1 alpha-3
    event_type: Optional[str] = None
    min_fatalities: Optional[int] = None  # on fatalities.best
    include_historical: bool = True
    article_id: Optional[str] = None  # only events reported by this article
    actor: Optional[str] = None  # case-insensitive substring of one of the event's actor names


class IngestProgress(BaseModel):
    """Passed to the ``progress`` callback after every article."""

    done: int = 0  # articles handled (new, known or failed)
    total: Optional[int] = None  # when it can be known up front
    new: int = 0
    known: int = 0
    failures: int = 0
    events: int = 0  # events read from new articles


class IngestReport(BaseModel):
    sources: list[str] = Field(default_factory=list)
    articles_seen: int = 0
    articles_new: int = 0
    articles_known: int = 0  # already in the store: nothing changed
    failures: int = 0
    failure_messages: list[str] = Field(default_factory=list)  # the first 100
    events_found: int = 0  # events read from new articles
    events_new: int = 0  # stored as new events
    events_merged: int = 0  # merged into events already stored
    seconds: float = 0.0
