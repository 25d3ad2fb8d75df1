"""``warwire serve``: the event dashboard (map, timeline, table; event and article pages) and its
JSON API, as a FastAPI app made by ``create_app(db_url, settings)``.

- ``app``: the factory, request bounds, security headers, errors as JSON
- ``routes``: HTML pages and their JSON twins, over ``warwire.api``
- ``params``: filters and pagination read from (and written to) the URL
- ``present``: pure helpers turning contract models into what the templates show
- ``templates/``, ``static/``: Jinja2 pages; vanilla JS, CSS, Natural Earth outlines (TopoJSON)
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

    from ..settings import Settings

__all__ = ["create_app"]


def create_app(db_url: "str | None" = None, settings: "Settings | None" = None, **kwargs: Any) -> "FastAPI":
    """The dashboard app over the store at ``db_url`` (see ``warwire.web.app.create_app``)."""
    from .app import create_app as make

    return make(db_url, settings, **kwargs)
