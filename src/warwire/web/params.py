"""The dashboard's filters and pagination, read from the URL's query string (so every view can be
shared) and written back into links. Pure: no I/O.

Filters: ``date_from``, ``date_to`` (ISO dates, on the event's start date), ``country`` (ISO
alpha-3), ``event_type``, ``actor`` (part of an actor's name), ``min_fatalities``, ``historical``
(1 to include background events). Pagination: ``limit`` (bounded), ``offset``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Annotated, Optional
from urllib.parse import urlencode

from fastapi import Query

from ..errors import InputError
from .present import EVENT_TYPES

# Page sizes: the table and /events.json at most MAX_LIMIT events a page; the map's GeoJSON at
# most MAX_MAP_LIMIT points (the deadliest first) — enough for a readable map, bounded in bytes.
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
DEFAULT_MAP_LIMIT = 5000
MAX_MAP_LIMIT = 20000
MAX_OFFSET = 10_000_000


@dataclass(frozen=True)
class Filters:
    date_from: Optional[dt.date] = None
    date_to: Optional[dt.date] = None
    country: Optional[str] = None
    event_type: Optional[str] = None
    actor: Optional[str] = None
    min_fatalities: Optional[int] = None
    historical: bool = False

    def store_filter(self):
        """The store's ``EventFilter`` (the actor filter is applied by ``api.dashboard_*``)."""
        from ..api import EventFilter

        return EventFilter(date_from=self.date_from, date_to=self.date_to, country=self.country,
                           event_type=self.event_type, min_fatalities=self.min_fatalities,
                           include_historical=self.historical)

    def params(self) -> dict[str, str]:
        """The non-empty filters as query parameters."""
        out: dict[str, str] = {}
        for key in ("date_from", "date_to", "country", "event_type", "actor", "min_fatalities"):
            value = getattr(self, key)
            if value is not None and value != "":
                out[key] = value.isoformat() if isinstance(value, dt.date) else str(value)
        if self.historical:
            out["historical"] = "1"
        return out

    def query(self, **extra: object) -> str:
        """``?a=b&...`` of the filters plus ``extra`` (None values dropped); "" when empty."""
        params = self.params()
        params.update({k: str(v) for k, v in extra.items() if v is not None})
        return "?" + urlencode(params) if params else ""

    def without(self, *keys: str) -> "Filters":
        return replace(self, **{k: (False if k == "historical" else None) for k in keys})

    @property
    def active(self) -> bool:
        return bool(self.params())


def _date(name: str, raw: Optional[str]) -> Optional[dt.date]:
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise InputError(f"{name} must be a date like 2021-11-16, not {raw[:40]!r}") from None


def _int(name: str, raw: Optional[str], lo: int, hi: int) -> Optional[int]:
    if raw is None or raw.strip() == "":
        return None
    try:
        value = int(raw.strip())
    except ValueError:
        raise InputError(f"{name} must be a whole number, not {raw[:40]!r}") from None
    if not lo <= value <= hi:
        raise InputError(f"{name} must be between {lo} and {hi}, not {value}")
    return value


def parse_filters(date_from: Optional[str], date_to: Optional[str], country: Optional[str],
                  event_type: Optional[str], actor: Optional[str], min_fatalities: Optional[str],
                  historical: Optional[str]) -> Filters:
    """Validate raw query values (empty strings, as an HTML form sends them, mean "no filter").
    Raises ``InputError`` with a message saying what was wrong."""
    country = (country or "").strip().upper() or None
    if country is not None and (len(country) != 3 or not country.isalpha()):
        raise InputError(f"country must be an ISO 3166-1 alpha-3 code like SYR, not {country[:40]!r}")
    event_type = (event_type or "").strip() or None
    if event_type is not None and event_type not in EVENT_TYPES:
        raise InputError(f"event_type must be one of {', '.join(EVENT_TYPES)}, not {event_type[:60]!r}")
    actor = " ".join((actor or "").split()) or None
    if actor is not None and len(actor) > 100:
        raise InputError("actor must be at most 100 characters")
    start, end = _date("date_from", date_from), _date("date_to", date_to)
    if start and end and start > end:
        raise InputError(f"date_from ({start}) is after date_to ({end})")
    return Filters(date_from=start, date_to=end, country=country, event_type=event_type,
                   actor=actor, min_fatalities=_int("min_fatalities", min_fatalities, 0, 10_000_000),
                   historical=(historical or "").strip().lower() in ("1", "true", "yes", "on"))


def filter_query(
    date_from: Annotated[Optional[str], Query(max_length=40, description="earliest event start date (ISO)")] = None,
    date_to: Annotated[Optional[str], Query(max_length=40, description="latest event start date (ISO)")] = None,
    country: Annotated[Optional[str], Query(max_length=40, description="ISO 3166-1 alpha-3, e.g. SYR")] = None,
    event_type: Annotated[Optional[str], Query(max_length=60, description="ACLED event type, e.g. battles")] = None,
    actor: Annotated[Optional[str], Query(max_length=200, description="part of an actor's name")] = None,
    min_fatalities: Annotated[Optional[str], Query(max_length=20, description="fatalities (best) at least")] = None,
    historical: Annotated[Optional[str], Query(max_length=10, description="1: include background (historical) events")] = None,
) -> Filters:
    """FastAPI dependency: the filters of a dashboard request."""
    return parse_filters(date_from, date_to, country, event_type, actor, min_fatalities, historical)


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


def page_query(
    limit: Annotated[Optional[str], Query(max_length=10, description=f"page size, 1..{MAX_LIMIT}")] = None,
    offset: Annotated[Optional[str], Query(max_length=12, description="events to skip")] = None,
) -> Page:
    """FastAPI dependency: the page of a list request (bounded)."""
    return Page(limit=_int("limit", limit, 1, MAX_LIMIT) or DEFAULT_LIMIT,
                offset=_int("offset", offset, 0, MAX_OFFSET) or 0)


def map_page_query(
    limit: Annotated[Optional[str], Query(max_length=10, description=f"features, 1..{MAX_MAP_LIMIT}")] = None,
    offset: Annotated[Optional[str], Query(max_length=12, description="features to skip")] = None,
) -> Page:
    """FastAPI dependency: the page of a GeoJSON request (bounded)."""
    return Page(limit=_int("limit", limit, 1, MAX_MAP_LIMIT) or DEFAULT_MAP_LIMIT,
                offset=_int("offset", offset, 0, MAX_OFFSET) or 0)
