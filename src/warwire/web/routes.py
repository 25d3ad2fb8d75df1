"""The dashboard's routes: HTML pages and their JSON twins, over ``api``'s store functions.

HTML                      JSON
/events (dashboard)       /events.json, /events.geojson, /timeline.json, /facets.json
/events/{id}              /events/{id}.json
/articles                 /articles.json
/articles/{id}            /articles/{id}.json
                          POST /extract (the contract for posted text; nothing is stored)

JSON routes are declared before the HTML ones they twin (``/events/{id}.json`` would otherwise be
read as an event id ending in ``.json``).
"""
from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict
from typing import Annotated, Any, Optional

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import BaseModel, Field

from .. import api
from ..model import Article, Result
from ..api import StoredArticle, StoredEvent
from . import present
from .app import html
from .params import Filters, Page, filter_query, map_page_query, page_query

router = APIRouter()
# Posted articles above this many characters are refused (the request body is bounded too).
MAX_EXTRACT_CHARS = 200_000
# Article pages re-run the stages to highlight every mention; the last few analyses are kept.
_ANALYSES_KEPT = 32
_pipeline_lock = threading.Lock()  # one extraction at a time: the spaCy pipeline is shared
_analyses: OrderedDict[str, Any] = OrderedDict()
# The filter form's country/type counts are group-bys over every matching event (~0.1-0.2 s at
# 100,000 events); they are kept this many seconds per set of filters (new events show after).
_FACETS_TTL = 30.0
_facets: OrderedDict[tuple, tuple[float, Any]] = OrderedDict()

EventId = Annotated[str, Path(max_length=100, description="stored event id")]
ArticleId = Annotated[str, Path(max_length=200, description="article content hash or input id")]


def _store(request: Request) -> Any:
    return request.app.state.store


# ------------------------------------------------------------------------------- JSON models
class EventsPage(BaseModel):
    events: list[StoredEvent]
    total: int = Field(description="events matching the filters")
    limit: int
    offset: int
    next: Optional[str] = Field(None, description="URL of the next page, when there is one")
    prev: Optional[str] = None
    filters: dict[str, str] = Field(default_factory=dict)


class DayCount(BaseModel):
    date: str
    events: int
    fatalities: int = Field(description="sum of the events' best fatality estimates")


class Timeline(BaseModel):
    days: list[DayCount]
    events: int
    fatalities: int
    filters: dict[str, str] = Field(default_factory=dict)


class FacetValue(BaseModel):
    value: str
    count: int


class Facets(BaseModel):
    countries: list[FacetValue]
    event_types: list[FacetValue]


class ArticleRow(BaseModel):
    id: str
    input_id: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    source: Optional[str] = None
    chars: int = 0
    n_events: int = 0
    error: Optional[str] = None


class ArticlesPage(BaseModel):
    articles: list[ArticleRow]
    total: int
    limit: int
    offset: int
    next: Optional[str] = None
    prev: Optional[str] = None


class ExtractRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_EXTRACT_CHARS, description="the article body")
    id: Optional[str] = Field(None, max_length=200)
    title: Optional[str] = Field(None, max_length=1000)
    published: Optional[str] = Field(None, max_length=40, description="ISO date or datetime")
    url: Optional[str] = Field(None, max_length=2000)


def _pages(base: str, filters: Filters, page: Page, total: int) -> tuple[Optional[str], Optional[str]]:
    nxt = (base + filters.query(limit=page.limit, offset=page.offset + page.limit)
           if page.offset + page.limit < total else None)
    prev = (base + filters.query(limit=page.limit, offset=max(0, page.offset - page.limit))
            if page.offset > 0 else None)
    return nxt, prev


def _events_page(request: Request, filters: Filters, page: Page) -> EventsPage:
    events, total = api.dashboard_events(_store(request), filters.store_filter(), filters.actor,
                                         limit=page.limit, offset=page.offset)
    nxt, prev = _pages("/events.json", filters, page, total)
    return EventsPage(events=events, total=total, limit=page.limit, offset=page.offset,
                      next=nxt, prev=prev, filters=filters.params())


# ------------------------------------------------------------------------------- JSON routes
@router.get("/events.json", response_model=EventsPage, tags=["events"])
def events_json(request: Request, filters: Annotated[Filters, Depends(filter_query)],
                page: Annotated[Page, Depends(page_query)]) -> EventsPage:
    """Stored events matching the filters, newest first, one page at a time."""
    return _events_page(request, filters, page)


@router.get("/events.geojson", tags=["events"],
            responses={200: {"content": {"application/geo+json": {}},
                             "description": "a GeoJSON FeatureCollection of located events"}})
def events_geojson(request: Request, filters: Annotated[Filters, Depends(filter_query)],
                   page: Annotated[Page, Depends(map_page_query)]) -> JSONResponse:
    """Located events matching the filters as GeoJSON points, deadliest first (``total``,
    ``limit`` and ``offset`` say which part of all located matches this page is)."""
    points, total = api.map_points(_store(request), filters.store_filter(), filters.actor,
                                   limit=page.limit, offset=page.offset)
    body = {"type": "FeatureCollection", "features": [present.feature(p) for p in points],
            "total": total, "limit": page.limit, "offset": page.offset}
    return JSONResponse(body, media_type="application/geo+json")


@router.get("/timeline.json", response_model=Timeline, tags=["events"])
def timeline_json(request: Request, filters: Annotated[Filters, Depends(filter_query)]) -> Timeline:
    """Events and fatalities per day (event start date) for the dated events matching the filters."""
    days = api.timeline(_store(request), filters.store_filter(), filters.actor)
    return Timeline(days=[DayCount(**d) for d in days], events=sum(d["events"] for d in days),
                    fatalities=sum(d["fatalities"] for d in days), filters=filters.params())


@router.get("/facets.json", response_model=Facets, tags=["events"])
def facets_json(request: Request, filters: Annotated[Filters, Depends(filter_query)]) -> Facets:
    """Counts per country and event type among the events matching the filters."""
    return Facets(**api.facets(_store(request), filters.store_filter(), filters.actor))


@router.get("/events/{event_id}.json", response_model=StoredEvent, tags=["events"])
def event_json(request: Request, event_id: EventId) -> Any:
    """One stored event: the contract Event merged over its articles, with its sources."""
    event = api.dashboard_event(_store(request), event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id[:100]!r}")
    return event


@router.get("/articles.json", response_model=ArticlesPage, tags=["articles"])
def articles_json(request: Request, page: Annotated[Page, Depends(page_query)]) -> ArticlesPage:
    """Stored articles, latest ingested first (without their text)."""
    rows, total = api.dashboard_articles(_store(request), limit=page.limit, offset=page.offset)
    nxt, prev = _pages("/articles.json", Filters(), page, total)
    return ArticlesPage(articles=[ArticleRow(**r) for r in rows], total=total, limit=page.limit,
                        offset=page.offset, next=nxt, prev=prev)


@router.get("/articles/{article_id}.json", response_model=StoredArticle, tags=["articles"])
def article_json(request: Request, article_id: ArticleId) -> Any:
    """One stored article: its text and the events read from it (offsets point into the text)."""
    article = api.dashboard_article(_store(request), article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id[:100]!r}")
    return article


@router.post("/extract", response_model=Result, tags=["extract"])
def extract(request: Request, body: ExtractRequest) -> Result:
    """Extract events from posted text and return the contract Result. Nothing is stored."""
    with _pipeline_lock:
        return api.extract_text(body.text, id=body.id, title=body.title, published=body.published,
                                url=body.url, settings=request.app.state.settings)


# ------------------------------------------------------------------------------- HTML pages
@router.get("/", include_in_schema=False)
def home(request: Request) -> RedirectResponse:
    query = request.url.query
    return RedirectResponse("/events" + (f"?{query}" if query else ""), status_code=307)


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
def dashboard(request: Request, filters: Annotated[Filters, Depends(filter_query)],
              page: Annotated[Page, Depends(page_query)]) -> HTMLResponse:
    data = _events_page(request, filters, page)
    facet = _cached_facets(request, filters.without("country", "event_type"))
    actors = sorted({a.name for ev in data.events for a in ev.actors})[:200]
    nxt, prev = _pages("/events", filters, page, data.total)
    return html(request, "dashboard.html", {
        "f": filters, "page": data, "next": nxt, "prev": prev, "facets": facet,
        "actors": actors, "types": present.EVENT_TYPES, "p": present,
        "json_url": "/events.json" + filters.query(limit=page.limit, offset=page.offset or None),
        "geojson_url": "/events.geojson" + filters.query(),
    })


def _cached_facets(request: Request, filters: Filters) -> dict:
    key = (id(request.app), tuple(sorted(filters.params().items())))
    now = time.monotonic()
    hit = _facets.get(key)
    if hit is not None and now - hit[0] < _FACETS_TTL:
        return hit[1]
    value = api.facets(_store(request), filters.store_filter(), filters.actor)
    _facets[key] = (now, value)
    while len(_facets) > 64:
        _facets.popitem(last=False)
    return value


@router.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
def event_page(request: Request, event_id: EventId) -> HTMLResponse:
    event = api.dashboard_event(_store(request), event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id[:100]!r}")
    groups = present.casualty_groups(event, event.sources)
    return html(request, "event.html", {"ev": event, "groups": groups, "p": present,
                                        "disagreements": sum(g.disagree for g in groups)})


@router.get("/articles", response_class=HTMLResponse, include_in_schema=False)
def articles_page(request: Request, page: Annotated[Page, Depends(page_query)]) -> HTMLResponse:
    rows, total = api.dashboard_articles(_store(request), limit=page.limit, offset=page.offset)
    nxt, prev = _pages("/articles", Filters(), page, total)
    return html(request, "articles.html", {"rows": rows, "total": total, "page": page,
                                           "next": nxt, "prev": prev})


@router.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
def article_page(request: Request, article_id: ArticleId, mark: Optional[str] = None) -> HTMLResponse:
    article = api.dashboard_article(_store(request), article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id[:100]!r}")
    spans, note = _article_spans(request, article)
    marked = _marked(mark, len(article.text))
    if marked:
        spans.append(present.Span(marked[0], marked[1], "figure", "the claim's figure"))
    segs = present.segments(article.text, spans)
    kinds = sorted({k for s in segs for k in s.kinds}, key=present.KINDS.index)
    return html(request, "article.html", {"a": article, "segments": segs, "kinds": kinds,
                                          "note": note, "marked": marked, "p": present})


def _marked(mark: Optional[str], n: int) -> Optional[tuple[int, int]]:
    """``?mark=START-END`` (a claim's figure, linked from the event page), clipped to the text."""
    if not mark or len(mark) > 30:
        return None
    a, _, b = mark.partition("-")
    if not (a.isdigit() and b.isdigit()):
        return None
    start, end = min(int(a), n), min(int(b), n)
    return (start, end) if start < end else None


def _article_spans(request: Request, article: StoredArticle) -> tuple[list[present.Span], str]:
    """Every mention (the stages re-run on the stored text: they are pure, so they find what the
    ingest found); when that fails, the spans the stored events keep."""
    cached = _analyses.get(article.id)
    if cached is None:
        try:
            published = dt.datetime.fromisoformat(article.published) if article.published else None
        except ValueError:
            published = None
        try:
            with _pipeline_lock:
                analysis = api.analyze_article(
                    Article(id=article.input_id or article.id, text=article.text,
                            title=article.title, published=published, url=article.url),
                    request.app.state.settings)
            cached = (present.mention_spans(analysis), "")
        except Exception as exc:  # noqa: BLE001 - the page still shows the text and stored spans
            note = (f"the stages could not be re-run here ({type(exc).__name__}); showing only "
                    "the spans kept with the stored events")
            return present.stored_spans(e.event for e in article.events), note
        _analyses[article.id] = cached
        while len(_analyses) > _ANALYSES_KEPT:
            _analyses.popitem(last=False)
    return list(cached[0]), cached[1]
