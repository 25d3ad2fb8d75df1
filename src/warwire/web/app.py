"""The FastAPI application of ``warwire serve``: ``create_app(db_url, settings)``.

Everything is served from this process (templates, JS, CSS, the Natural Earth outlines): no CDN,
no network. Requests are bounded (body size, page sizes), every response carries a strict
Content-Security-Policy (scripts and styles from this server only), and every error is a JSON
object with a message (an HTML page for browsers asking for one) — never a traceback.
"""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, AsyncIterator, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import api
from ..errors import ConfigError, InputError, StoreError, WarwireError
from ..settings import Settings, load_settings

HERE = Path(__file__).parent
# Request bodies (POST /extract) above this many bytes are refused with 413.
MAX_BODY_BYTES = 1_000_000
log = logging.getLogger("warwire.web")

_STATUS_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
                 413: "too_large", 415: "unsupported_media_type", 422: "invalid",
                 500: "internal", 503: "unavailable"}


class BodyLimit:
    """ASGI middleware: refuse bodies over ``max_bytes`` (by Content-Length up front, or while
    streaming when the length is not declared)."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_bytes
            except ValueError:
                too_big = True
            if too_big:
                await _too_large(self.max_bytes)(scope, receive, send)
                return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _BodyTooLarge()
            return message

        try:
            await self.app(scope, limited, send)
        except _BodyTooLarge:
            await _too_large(self.max_bytes)(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


def _too_large(limit: int) -> Response:
    return error_json(413, f"request body over the limit of {limit} bytes")


def error_json(status: int, message: str, hint: str = "") -> JSONResponse:
    body: dict[str, Any] = {"error": {"status": status, "code": _STATUS_CODES.get(status, "error"),
                                      "message": message}}
    if hint:
        body["error"]["hint"] = hint
    return JSONResponse(body, status_code=status)


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.endswith((".json", ".geojson")) or path.startswith(("/extract", "/static")):
        return False
    return "text/html" in request.headers.get("accept", "")


def create_app(db_url: Optional[str] = None, settings: Optional[Settings] = None,
               *, tile_url: str = "") -> FastAPI:
    """The dashboard and JSON API over the store at ``db_url`` (default: ``settings.db``).
    ``tile_url`` (``https://host/{z}/{x}/{y}.png``) adds an online tile layer under the outlines;
    without it the map uses only the shipped country outlines. Raises StoreError when the store
    cannot be opened."""
    from . import routes

    settings = settings or load_settings()
    store = api.open_dashboard_store(db_url or settings.db)
    app = FastAPI(title="warwire", version="1",
                  description="Events read from news reports of armed conflict and political "
                              "violence: every HTML page has a JSON twin; errors are "
                              '`{"error": {"status", "code", "message"}}`.',
                  docs_url=None, redoc_url=None,  # the stock docs pages load a CDN: not here
                  lifespan=_closing(store))
    app.state.store = store
    app.state.settings = settings
    app.state.tile_url = tile_url
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.state.templates.env.globals["tile_url"] = tile_url
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(routes.router)
    _install_error_handlers(app)
    csp = ("default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; "
           "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; img-src 'self' data:"
           + (" " + _origin(tile_url) if tile_url else ""))

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", csp)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)

    return app


def _closing(store: Any) -> Any:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    return lifespan


def _origin(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else ""


def _install_error_handlers(app: FastAPI) -> None:
    def respond(request: Request, status: int, message: str, hint: str = "") -> Response:
        if _wants_html(request):
            page = request.app.state.templates.TemplateResponse(
                request, "error.html", {"status": status, "message": message, "hint": hint},
                status_code=status)
            return page
        return error_json(status, message, hint)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path[:200]}"
        return respond(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for err in exc.errors()[:5]:
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "query"))
            problems.append(f"{where or 'request'}: {err.get('msg', 'invalid')}")
        return respond(request, 422, "; ".join(problems) or "invalid request")

    @app.exception_handler(WarwireError)
    async def warwire_error(request: Request, exc: WarwireError) -> Response:
        status = 400 if isinstance(exc, InputError) else 503 if isinstance(exc, StoreError) else 500
        if isinstance(exc, ConfigError):
            log.error("configuration error: %s", exc)
        return respond(request, status, exc.message, exc.hint)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return respond(request, 500, f"internal error ({type(exc).__name__}); see the server log")


def html(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """Render a page (Jinja2 autoescaping on: untrusted text is always escaped)."""
    return request.app.state.templates.TemplateResponse(request, template, context,
                                                        status_code=status)
