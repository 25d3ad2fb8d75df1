"""The event store (SQLite or PostgreSQL): articles, deduplicated events, claims, and exports.

- ``db``: ``Store`` (open/migrate, transactional batch writes with dedupe, queries)
- ``schema``: tables and versioned migrations
- ``models``: ``StoredEvent``, ``StoredArticle``, ``EventFilter``, ``IngestReport`` ...
- ``sources``: ingest sources (files, folders, feeds, WARC, URLs) → articles
- ``ingest``: ``run_ingest`` (sources → extraction → store)
- ``exports``: JSONL, ACLED CSV, UCDP GED CSV, GeoJSON, Parquet

Nothing is imported at package import time beyond what names below need.
"""
from __future__ import annotations

from typing import Any

from .models import (ArticleEvent, EventFilter, IngestProgress, IngestReport, SourceRef,
                     StoredArticle, StoredEvent)

_FROM_DB = ("Store", "content_hash", "normalize_url")


def __getattr__(name: str) -> Any:
    """``Store``, ``content_hash`` and ``normalize_url`` import ``db`` (and SQLAlchemy) on first
    use, so ``warwire extract`` (which names only the record types) does not pay for them."""
    if name in _FROM_DB:
        from . import db

        return getattr(db, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = ["Store", "content_hash", "normalize_url", "ArticleEvent", "EventFilter",
           "IngestProgress", "IngestReport", "SourceRef", "StoredArticle", "StoredEvent"]
